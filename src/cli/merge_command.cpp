// merge_command.cpp — `claimmark merge SET.json SET.json... -o GOLD.json [--strategy S]
// [--annotator NAME] [--force]`: build a gold set from several reviewers' sets (core/merge.h).
//
// Every set is loaded and checked before anything is written: a bad set, or a set of another
// version of the article, gives diagnostics naming the file and no output. The summary
// (stdout) gives settled / disputed counts per label and relation type; orphaned
// annotations of the inputs are left out of the gold set and counted on stderr.
#include "cli/arguments.h"
#include "cli/cli.h"
#include "cli/commands.h"

#include "core/team/merge.h"
#include "core/storage/set_file.h"

#include <iomanip>
#include <iostream>
#include <map>
#include <system_error>

namespace claimmark::cli {

const char* const kMergeUsage =
    "usage: claimmark merge SET.json SET.json... -o GOLD.json [--strategy majority|union|intersection]\n"
    "                       [--annotator NAME] [--force] [--include-suggested]\n"
    "\n"
    "Builds a gold set from several reviewers' sets of the same article. Annotations are\n"
    "matched by label and exact spans, relations by type and the annotations they link.\n"
    "What the strategy accepts goes in settled; everything else goes in with\n"
    "\"status\": \"disputed\", so nothing any reviewer marked is lost. Every gold annotation\n"
    "lists in \"proposed_by\" the reviewers who marked it. When reviewers gave different\n"
    "attribute values the most frequent one is taken (a tie: the earliest set's), the\n"
    "annotation is disputed and \"attribute_votes\" keeps every reviewer's value.\n"
    "\n"
    "  -o, --output GOLD.json  where to write the gold set (required)\n"
    "  --strategy S            majority (default): more than half of the reviewers marked it;\n"
    "                          union: any reviewer; intersection: every reviewer\n"
    "  --annotator NAME        the gold set's annotator (default: gold)\n"
    "  --force                 overwrite GOLD.json if it exists\n"
    "  --include-suggested     merge pending suggestions (status \"suggested\") too; by default\n"
    "                          they are left out\n"
    "\n"
    "The sets must record the same article (SHA-256); re-anchor an older one first\n"
    "(claimmark reanchor). Orphaned annotations are left out and counted.\n"
    "\n"
    "Exit status: 0 written, 1 bad input or the output could not be written, 2 usage error.\n";

namespace {

struct Counts {
    std::size_t settled = 0;
    std::size_t disputed = 0;
};

void printSummary(const MergeOutcome& outcome, const std::string& outName, MergeStrategy strategy) {
    const AnnotationSet& gold = outcome.gold;
    std::cout << "merged " << outcome.reviewers.size() << (outcome.reviewers.size() == 1 ? " set (" : " sets (");
    for (std::size_t i = 0; i < outcome.reviewers.size(); ++i) std::cout << (i ? ", " : "") << outcome.reviewers[i];
    std::cout << ") by " << mergeStrategyName(strategy) << " into " << outName << '\n';
    std::cout << "annotations: " << outcome.settled << " settled, " << outcome.disputed << " disputed\n";
    std::cout << "relations: " << outcome.relationsSettled << " settled, " << outcome.relationsDisputed
              << " disputed\n";

    // Rows in schema order, then anything else the sets used; only what occurs is listed.
    std::map<std::string, Counts> byLabel, byType;
    for (const Annotation& a : gold.annotations()) {
        Counts& c = byLabel[a.label];
        ++(a.status.empty() ? c.settled : c.disputed);
    }
    for (const Relation& r : gold.relations()) {
        Counts& c = byType[r.type];
        ++(r.extra.contains("status") ? c.disputed : c.settled);
    }
    std::vector<std::pair<std::string, Counts>> rows;
    auto take = [&rows](std::map<std::string, Counts>& counts, const std::string& name, const std::string& shown) {
        auto it = counts.find(name);
        if (it == counts.end()) return;
        rows.emplace_back(shown, it->second);
        counts.erase(it);
    };
    for (const LabelDef& label : gold.schema.labels) take(byLabel, label.name, label.name);
    for (auto& [name, c] : byLabel) rows.emplace_back(name, c);
    for (const RelationDef& def : gold.schema.relations) take(byType, def.type, "relation " + def.type);
    for (auto& [name, c] : byType) rows.emplace_back("relation " + name, c);
    if (rows.empty()) return;

    std::size_t width = 5;
    for (const auto& [name, c] : rows) width = std::max(width, name.size());
    std::cout << '\n'
              << std::left << std::setw(static_cast<int>(width)) << "label" << std::right << "  settled  disputed\n";
    for (const auto& [name, c] : rows) {
        std::cout << std::left << std::setw(static_cast<int>(width)) << name << std::right << "  " << std::setw(7)
                  << c.settled << "  " << std::setw(8) << c.disputed << '\n';
    }
}

}  // namespace

int runMerge(const std::vector<std::string>& arguments) {
    ParsedArguments parsed = parseArguments(arguments, {{"--output", "-o", true},
                                                        {"--strategy", "", true},
                                                        {"--annotator", "", true},
                                                        {"--force", "", false},
                                                        {"--include-suggested", "", false}});
    if (parsed.help) {
        std::cout << kMergeUsage;
        return kExitOk;
    }
    if (!parsed.error.empty()) return usageError("merge", parsed.error);
    if (parsed.positional.empty()) return usageError("merge", "no annotation sets given");
    const std::string* outName = parsed.value("--output");
    if (!outName) return usageError("merge", "missing -o GOLD.json");
    if (outName->empty()) return usageError("merge", "-o needs a file name");

    MergeOptions options;
    options.includeSuggested = parsed.has("--include-suggested");
    if (const std::string* name = parsed.value("--strategy")) {
        std::optional<MergeStrategy> strategy = parseMergeStrategy(*name);
        if (!strategy)
            return usageError("merge", "unknown strategy '" + *name + "' (use majority, union or intersection)");
        options.strategy = *strategy;
    }
    if (const std::string* name = parsed.value("--annotator")) {
        if (name->empty()) return usageError("merge", "--annotator needs a name");
        options.annotator = *name;
    }

    const std::filesystem::path outPath(*outName);
    const bool force = parsed.has("--force");
    std::error_code error;
    if (std::filesystem::exists(outPath, error) && !force) {
        bool isInput = false;
        for (const std::string& name : parsed.positional) isInput |= std::filesystem::equivalent(name, outPath, error);
        std::cerr << Diagnostic{*outName, "",
                                isInput ? "is one of the sets to merge; add --force to overwrite it"
                                        : "already exists; add --force to overwrite it"}
                         .toString()
                  << '\n';
        return kExitBadInput;
    }

    std::vector<LoadedSet> loaded;
    bool allLoaded = true;
    for (const std::string& name : parsed.positional) {
        Result<LoadedSet> one = loadSetFile(name);
        if (!one) {
            printDiagnostics(one.errors());
            allLoaded = false;
            continue;
        }
        loaded.push_back(std::move(*one));
    }
    if (!allLoaded) return kExitBadInput;

    // The document check names files, which the core cannot; done here first for that.
    Diagnostics mismatches;
    const std::string& firstName = parsed.positional[0];
    const std::string& sha = loaded[0].set.document.sha256;
    for (std::size_t i = 1; i < loaded.size(); ++i) {
        if (loaded[i].set.document.sha256 == sha) continue;
        mismatches.push_back({parsed.positional[i], "document.sha256",
                              "annotates a different version of the article than " + firstName + " (" +
                                  loaded[i].set.document.sha256.substr(0, 12) + "… vs " + sha.substr(0, 12) +
                                  "…); re-anchor it onto the article first: claimmark reanchor " +
                                  parsed.positional[i] + " -o NEW.json"});
    }
    if (!mismatches.empty()) {
        printDiagnostics(mismatches);
        return kExitBadInput;
    }

    std::vector<const AnnotationSet*> sets;
    for (const LoadedSet& one : loaded) sets.push_back(&one.set);
    Result<MergeOutcome> merged = mergeSets(sets, options);
    if (!merged) {
        printDiagnostics(merged.errors());
        // The core names sets by position and reviewer; say which file each one is.
        for (std::size_t i = 0; i < loaded.size(); ++i)
            std::cerr << "  set " << (i + 1) << " is " << parsed.positional[i] << '\n';
        return kExitBadInput;
    }

    AnnotationSet& gold = merged->gold;
    const std::filesystem::path articlePath = resolveDocumentPath(firstName, loaded[0].set);
    gold.document.path =
        relativeDocumentPath(std::filesystem::absolute(outPath, error), std::filesystem::absolute(articlePath, error));

    SaveOutcome saved =
        saveSetFile(outPath, gold, FileStamp{}, force ? SaveMode::Overwrite : SaveMode::RefuseIfChanged);
    if (!saved.status) {
        std::string why =
            saved.conflict ? "was created while merging; add --force to overwrite it" : saved.status.error;
        std::cerr << Diagnostic{*outName, "", why}.toString() << '\n';
        return kExitBadInput;
    }

    printSummary(*merged, *outName, options.strategy);
    if (merged->orphanedLeftOut > 0) {
        std::cerr << "left out " << merged->orphanedLeftOut
                  << (merged->orphanedLeftOut == 1 ? " orphaned annotation" : " orphaned annotations") << " (";
        bool firstListed = true;
        for (std::size_t i = 0; i < loaded.size(); ++i) {
            std::size_t n = loaded[i].set.orphanedCount();
            if (n == 0) continue;
            std::cerr << (firstListed ? "" : ", ") << parsed.positional[i] << ": " << n;
            firstListed = false;
        }
        std::cerr << "); they have no place in the current article — re-anchor or fix them, then merge again\n";
    }
    return kExitOk;
}

}  // namespace claimmark::cli
