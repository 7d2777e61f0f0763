// validate_command.cpp — `claimmark validate SET.json...`: is each set well formed, and does
// it still fit its article?
//
// A set is valid when it loads (syntax, structure, schema, invariants), its article exists
// and is valid UTF-8, the article's SHA-256 is the one recorded, and every annotation's text
// is what the article holds at its spans. When only the hash differs, the set is reported
// with what `claimmark reanchor` would do, worked out on a copy.
#include "cli/arguments.h"
#include "cli/cli.h"
#include "cli/commands.h"

#include "core/anchoring/reanchor.h"
#include "core/storage/set_file.h"

#include <iostream>

namespace claimmark::cli {

const char* const kValidateUsage =
    "usage: claimmark validate SET.json... [--article ARTICLE]\n"
    "\n"
    "Checks each annotation set: JSON syntax, structure, labels and attributes against the\n"
    "set's schema, ids, relations, spans, and that the article it names exists, is valid\n"
    "UTF-8, and is the same article (SHA-256) with the same text at every span.\n"
    "Prints 'SET: ok (N annotations, M relations)' for each valid set on stdout and one\n"
    "problem per line ('file: where: what') on stderr.\n"
    "\n"
    "A set's article is read only inside its project folder (the folder holding the\n"
    "annotations/ folder the set is in) or beside the set; --article ARTICLE names the\n"
    "article to check every given set against instead of the path the set records.\n"
    "\n"
    "Exit status: 0 every set is valid, 1 some set has problems, 2 usage error.\n";

namespace {

// True when the set at `path` is valid; problems are printed as they are found.
bool validateOne(const std::string& name, const std::optional<std::filesystem::path>& article) {
    std::filesystem::path path(name);
    Result<LoadedSet> loaded = loadSetFile(path);
    if (!loaded) {
        printDiagnostics(loaded.errors());
        return false;
    }
    const AnnotationSet& set = loaded->set;

    Result<Document> document = loadArticleForSet(path, set, article);
    if (!document) {
        printDiagnostics(document.errors());
        return false;
    }

    if (set.document.sha256 != document->sha256()) {
        AnnotationSet copy = set;
        ReanchorReport report = reanchor(copy, *document);
        std::string what = set.document.sha256.empty() ? "the set does not record the article's SHA-256"
                                                       : "the article changed since this set was made";
        const std::size_t total = set.annotationCount();
        // Most annotations unplaceable: far more likely the wrong article than an edit.
        const bool probablyOtherArticle = total >= 4 && report.orphaned * 2 > total;
        std::cerr << Diagnostic{name, "document.sha256",
                                what + "; re-anchoring would give: " + report.summary() +
                                    (probablyOtherArticle ? ". Most annotations cannot be placed: this set was "
                                                            "probably made for a different article than " +
                                                                document->name()
                                                          : std::string(" (run 'claimmark reanchor')"))}
                         .toString()
                  << '\n';
        return false;
    }

    Diagnostics problems = checkSetAgainstDocument(set, *document, name);
    if (!problems.empty()) {
        printDiagnostics(problems);
        return false;
    }

    std::cout << name << ": ok (" << set.annotationCount() << " annotations, " << set.relationCount() << " relations";
    if (std::size_t orphaned = set.orphanedCount()) std::cout << ", " << orphaned << " orphaned";
    std::cout << ")\n";
    return true;
}

}  // namespace

int runValidate(const std::vector<std::string>& arguments) {
    ParsedArguments parsed = parseArguments(arguments, {{"--article", "", true}});
    if (parsed.help) {
        std::cout << kValidateUsage;
        return kExitOk;
    }
    if (!parsed.error.empty()) return usageError("validate", parsed.error);
    if (parsed.positional.empty()) return usageError("validate", "no annotation set given");

    std::optional<std::filesystem::path> article;
    if (!readArticleOption(parsed, article)) return usageError("validate", "--article needs a file name");
    bool allValid = true;
    for (const std::string& name : parsed.positional) allValid = validateOne(name, article) && allValid;
    std::cout.flush();
    return allValid ? kExitOk : kExitBadInput;
}

}  // namespace claimmark::cli
