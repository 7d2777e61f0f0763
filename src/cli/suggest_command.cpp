// suggest_command.cpp — `claimmark suggest ARTICLE [-o SET.json | --into SET.json]
// [--rules FILE] [--only LABELS] [--annotator NAME] [--force]`: pre-mark hedges, caveats,
// evidence and claims with the rules (core/suggest), as pending suggestions in a new set or
// added to an existing one, and say what was added per label and rule.
#include "cli/arguments.h"
#include "cli/cli.h"
#include "cli/commands.h"

#include "core/editing/edit_session.h"
#include "core/storage/set_file.h"
#include "core/suggest/suggest.h"
#include "core/team/project_layout.h"

#include <iomanip>
#include <iostream>
#include <map>
#include <system_error>

namespace claimmark::cli {

const char* const kSuggestUsage =
    "usage: claimmark suggest ARTICLE (-o SET.json | --into SET.json) [--rules RULES.json]\n"
    "                         [--only hedge,caveat,evidence,claim] [--annotator NAME] [--force]\n"
    "\n"
    "Pre-marks what a careful reader would mark: hedges, caveats, evidence and claims, each\n"
    "with the rule that made it and the words it matched, hedges, evidence and caveats linked\n"
    "to the claims they bear on, and claims given a suggested strength. They go in as pending\n"
    "suggestions (\"status\": \"suggested\") to accept or reject in the editor; pending ones are\n"
    "left out of agree, merge and export unless --include-suggested is given there.\n"
    "Nothing already in the set is suggested again (the same label overlapping an annotation),\n"
    "nothing the reviewer rejected comes back, and existing work is never changed.\n"
    "\n"
    "  -o, --output SET.json   write a new set with the suggestions\n"
    "  --into SET.json         add them to an existing set of ARTICLE (saved atomically; refused\n"
    "                          if the set changes on disk meanwhile)\n"
    "  --rules RULES.json      the rules to use (default: the built-in\n"
    "                          samples/rules/claim-strength.en.json)\n"
    "  --only LABELS           only these labels, comma-separated\n"
    "  --annotator NAME        the new set's annotator (default: your user name)\n"
    "  --force                 with -o: overwrite SET.json if it exists\n"
    "\n"
    "Exit status: 0 written (or nothing new to add), 1 bad input, 2 usage error.\n";

namespace {

void printAdded(const SuggestionBatch& batch, const AnnotationSet& set, const std::string& setName) {
    std::cout << "added " << batch.annotations.size()
              << (batch.annotations.size() == 1 ? " suggestion" : " suggestions") << " and " << batch.relations.size()
              << (batch.relations.size() == 1 ? " link" : " links") << " to " << setName << '\n';
    if (batch.alreadyThere || batch.rejectedBefore)
        std::cout << "left out " << batch.alreadyThere << " already in the set and " << batch.rejectedBefore
                  << " rejected before\n";
    if (batch.annotations.empty()) return;
    std::map<std::pair<std::string, std::string>, std::size_t> rows;  // (label, rule) -> count
    for (const Annotation& a : batch.annotations) ++rows[{a.label, a.rule}];
    std::map<std::string, std::size_t> links;
    for (const Relation& r : batch.relations) ++links[r.type];
    std::size_t width = 4;
    for (const auto& [key, n] : rows) width = std::max(width, key.second.size());
    std::cout << '\n'
              << std::left << std::setw(9) << "label" << std::setw(static_cast<int>(width) + 2) << "rule"
              << "added\n";
    for (const LabelDef& label : set.schema.labels)
        for (const auto& [key, n] : rows)
            if (key.first == label.name)
                std::cout << std::left << std::setw(9) << key.first << std::setw(static_cast<int>(width) + 2)
                          << key.second << std::right << std::setw(5) << n << '\n';
    for (const auto& [type, n] : links)
        std::cout << std::left << std::setw(9) << "link" << std::setw(static_cast<int>(width) + 2) << type << std::right
                  << std::setw(5) << n << '\n';
}

}  // namespace

int runSuggest(const std::vector<std::string>& arguments) {
    ParsedArguments parsed = parseArguments(arguments, {{"--output", "-o", true},
                                                        {"--into", "", true},
                                                        {"--rules", "", true},
                                                        {"--only", "", true},
                                                        {"--annotator", "", true},
                                                        {"--force", "", false}});
    if (parsed.help) {
        std::cout << kSuggestUsage;
        return kExitOk;
    }
    if (!parsed.error.empty()) return usageError("suggest", parsed.error);
    if (parsed.positional.size() != 1) return usageError("suggest", "give exactly one ARTICLE");
    const std::string* outName = parsed.value("--output");
    const std::string* intoName = parsed.value("--into");
    if (!outName == !intoName) return usageError("suggest", "give either -o SET.json (a new set) or --into SET.json");
    if ((outName && outName->empty()) || (intoName && intoName->empty()))
        return usageError("suggest", "-o / --into needs a file name");
    if (intoName && parsed.has("--force")) return usageError("suggest", "--force goes with -o, not --into");

    const std::string& articleName = parsed.positional[0];
    Result<Document> document = Document::loadFile(articleName);
    if (!document) {
        printDiagnostics(document.errors());
        return kExitBadInput;
    }

    // The set: an existing one (its schema, the on-disk stamp) or a new one.
    AnnotationSet set;
    FileStamp stamp;
    std::error_code error;
    const std::filesystem::path setPath(outName ? *outName : *intoName);
    if (intoName) {
        Result<LoadedSet> loaded = loadSetFile(setPath);
        if (!loaded) {
            printDiagnostics(loaded.errors());
            return kExitBadInput;
        }
        if (loaded->set.document.sha256 != document->sha256()) {
            std::cerr << Diagnostic{*intoName, "document.sha256",
                                    "annotates another version of the article than " + articleName +
                                        "; re-anchor it first: claimmark reanchor " + *intoName + " -o NEW.json"}
                             .toString()
                      << '\n';
            return kExitBadInput;
        }
        set = std::move(loaded->set);
        stamp = loaded->stamp;
    } else {
        if (std::filesystem::exists(setPath, error) && !parsed.has("--force")) {
            std::cerr
                << Diagnostic{*outName, "", "already exists; add --force to overwrite it, or use --into"}.toString()
                << '\n';
            return kExitBadInput;
        }
        set.document.path = relativeDocumentPath(std::filesystem::absolute(setPath, error),
                                                 std::filesystem::absolute(articleName, error));
        set.document.sha256 = document->sha256();
        set.document.length = document->length();
        const std::string* annotator = parsed.value("--annotator");
        if (annotator && annotator->empty()) return usageError("suggest", "--annotator needs a name");
        set.annotator = annotator ? *annotator : defaultAnnotatorName();
    }

    // The rules, checked against the set's schema (labels and attribute values must exist).
    Result<SuggestionRules> rules =
        parsed.value("--rules") ? readSuggestionRulesFile(*parsed.value("--rules"), set.schema)
                                : parseSuggestionRules(builtinSuggestionRulesText(), "<built-in rules>", set.schema);
    if (!rules) {
        printDiagnostics(rules.errors());
        return kExitBadInput;
    }

    SuggestOptions options;
    options.now = utcNowIso8601();
    if (const std::string* only = parsed.value("--only")) {
        std::size_t start = 0;
        while (start <= only->size()) {
            std::size_t comma = only->find(',', start);
            if (comma == std::string::npos) comma = only->size();
            const std::string label = only->substr(start, comma - start);
            if (!set.schema.findLabel(label))
                return usageError("suggest", "--only: \"" + label + "\" is not a label of the set's schema (" +
                                                 set.schema.labelList() + ")");
            options.labels.push_back(label);
            start = comma + 1;
        }
    }

    const SuggestionBatch batch = suggest(*document, set, *rules, options);
    if (intoName && batch.annotations.empty() && batch.relations.empty()) {
        printAdded(batch, set, *intoName);
        std::cout << "nothing new to suggest; " << *intoName << " is unchanged\n";
        return kExitOk;
    }
    if (Status added = addSuggestionBatch(set, batch); !added.ok()) {
        std::cerr << Diagnostic{setPath.string(), "", "the suggestions do not fit the set: " + added.error}.toString()
                  << '\n';
        return kExitBadInput;
    }
    const SaveOutcome saved = saveSetFile(
        setPath, set, stamp, intoName || !parsed.has("--force") ? SaveMode::RefuseIfChanged : SaveMode::Overwrite);
    if (!saved.status) {
        const std::string why =
            saved.conflict ? "changed on disk while suggesting; nothing was written (run again)" : saved.status.error;
        std::cerr << Diagnostic{setPath.string(), "", why}.toString() << '\n';
        return kExitBadInput;
    }
    printAdded(batch, set, setPath.string());
    return kExitOk;
}

}  // namespace claimmark::cli
