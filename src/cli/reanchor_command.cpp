// reanchor_command.cpp — `claimmark reanchor SET.json -o NEW.json [--force]`: place a set's
// annotations again on the current article and write the result.
//
// The new set records the article's current SHA-256 and length and a document.path
// relative to NEW.json's folder. The report (stderr) has a summary line and one line per
// annotation that moved, was fuzzy-matched or could not be placed; orphaned annotations are
// kept in the output, flagged, and do not make the command fail.
#include "cli/arguments.h"
#include "cli/cli.h"
#include "cli/commands.h"

#include "core/anchoring/reanchor.h"
#include "core/storage/set_file.h"

#include <iostream>
#include <system_error>

namespace claimmark::cli {

const char* const kReanchorUsage =
    "usage: claimmark reanchor SET.json -o NEW.json [--article ARTICLE] [--force]\n"
    "\n"
    "Re-anchors the annotations of SET.json on the article as it is now (exact match with\n"
    "context first, then approximate) and writes the result to NEW.json. Annotations that\n"
    "cannot be placed are kept, flagged orphaned, and listed. The report goes to stderr.\n"
    "\n"
    "  -o, --output NEW.json   where to write the re-anchored set (required)\n"
    "  --force                 overwrite NEW.json if it exists (also needed when NEW.json\n"
    "                          is SET.json itself)\n"
    "  --article ARTICLE       the article to place the set on, instead of the one the set\n"
    "                          names (which is read only inside the set's project folder or\n"
    "                          beside the set); NEW.json then refers to ARTICLE\n"
    "\n"
    "Exit status: 0 written (even with orphaned annotations), 1 bad input or the output\n"
    "could not be written, 2 usage error.\n";

namespace {

std::string spansText(const std::vector<Span>& spans) {
    std::string out;
    for (const Span& span : spans) {
        if (!out.empty()) out += '+';
        out += '[' + std::to_string(span.start) + ',' + std::to_string(span.end) + ')';
    }
    return out;
}

void printChanges(const char* kind, const std::vector<std::string>& ids, const AnnotationSet& before,
                  const AnnotationSet& after) {
    for (const std::string& id : ids) {
        const Annotation* old = before.findAnnotation(id);
        const Annotation* now = after.findAnnotation(id);
        if (!old || !now) continue;
        std::cerr << "  " << kind << ' ' << id << ' ' << spansText(old->spans);
        if (!now->orphaned) std::cerr << " -> " << spansText(now->spans);
        std::cerr << "  \"" << excerpt(old->text) << '"';
        if (!now->orphaned && now->text != old->text) std::cerr << " -> \"" << excerpt(now->text) << '"';
        std::cerr << '\n';
    }
}

}  // namespace

int runReanchor(const std::vector<std::string>& arguments) {
    ParsedArguments parsed =
        parseArguments(arguments, {{"--output", "-o", true}, {"--force", "", false}, {"--article", "", true}});
    if (parsed.help) {
        std::cout << kReanchorUsage;
        return kExitOk;
    }
    if (!parsed.error.empty()) return usageError("reanchor", parsed.error);
    if (parsed.positional.empty()) return usageError("reanchor", "no annotation set given");
    if (parsed.positional.size() > 1)
        return usageError("reanchor", "one annotation set at a time (got '" + parsed.positional[1] + "' too)");
    const std::string* outName = parsed.value("--output");
    if (!outName) return usageError("reanchor", "missing -o NEW.json");
    if (outName->empty()) return usageError("reanchor", "-o needs a file name");

    const std::string& inName = parsed.positional[0];
    const std::filesystem::path inPath(inName);
    const std::filesystem::path outPath(*outName);
    const bool force = parsed.has("--force");

    std::error_code error;
    bool outExists = std::filesystem::exists(outPath, error);
    if (outExists && !force) {
        bool same = std::filesystem::equivalent(inPath, outPath, error);
        std::cerr << Diagnostic{*outName, "",
                                same ? "is the input set; add --force to overwrite it"
                                     : "already exists; add --force to overwrite it"}
                         .toString()
                  << '\n';
        return kExitBadInput;
    }

    Result<LoadedSet> loaded = loadSetFile(inPath);
    if (!loaded) {
        printDiagnostics(loaded.errors());
        return kExitBadInput;
    }
    AnnotationSet& set = loaded->set;
    std::optional<std::filesystem::path> article;
    if (!readArticleOption(parsed, article)) return usageError("reanchor", "--article needs a file name");
    Result<Document> document = loadArticleForSet(inPath, set, article);
    if (!document) {
        printDiagnostics(document.errors());
        return kExitBadInput;
    }

    const std::filesystem::path articlePath = article ? *article : resolveDocumentPath(inPath, set);
    const AnnotationSet before = set;
    ReanchorReport report = reanchor(set, *document);
    set.document.sha256 = document->sha256();
    set.document.length = document->length();
    set.document.path =
        relativeDocumentPath(std::filesystem::absolute(outPath, error), std::filesystem::absolute(articlePath, error));

    SaveOutcome saved = saveSetFile(outPath, set, FileStamp{}, force ? SaveMode::Overwrite : SaveMode::RefuseIfChanged);
    if (!saved.status) {
        std::string why =
            saved.conflict ? "was created while re-anchoring; add --force to overwrite it" : saved.status.error;
        std::cerr << Diagnostic{*outName, "", why}.toString() << '\n';
        return kExitBadInput;
    }

    std::cerr << inName << ": re-anchored onto " << document->name() << ": " << report.summary() << '\n';
    printChanges("moved   ", report.movedIds, before, set);
    printChanges("fuzzy   ", report.fuzzyIds, before, set);
    printChanges("orphaned", report.orphanedIds, before, set);
    if (report.orphaned > 0) {
        std::cerr << report.orphaned << (report.orphaned == 1 ? " annotation" : " annotations")
                  << " could not be placed; kept in " << *outName << ", flagged orphaned\n";
    }
    std::cerr << "wrote " << *outName << '\n';
    return kExitOk;
}

}  // namespace claimmark::cli
