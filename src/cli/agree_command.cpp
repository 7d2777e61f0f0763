// agree_command.cpp — `claimmark agree SET.json SET.json... [--json]` and
// `claimmark agree DIR [--json]`: how far reviewers agree (core/agreement.h).
//
// Everything is loaded before anything is printed: in set mode a bad set, a missing article
// or sets of different articles give diagnostics and no figures (exit 1). In project mode a
// bad set or article is reported on stderr and left out; the figures cover the rest.
#include "cli/arguments.h"
#include "cli/cli.h"
#include "cli/commands.h"

#include "core/team/agreement.h"
#include "core/team/agreement_input.h"
#include "core/team/agreement_report.h"

#include <filesystem>
#include <iostream>
#include <system_error>

namespace claimmark::cli {

const char* const kAgreeUsage =
    "usage: claimmark agree SET.json SET.json... [--json] [--include-suggested]\n"
    "       claimmark agree DIR [--json] [--include-suggested]\n"
    "\n"
    "How far reviewers agree. With sets: several reviewers' sets of one article (a set made\n"
    "on another version of the article is re-anchored first, and a note says so; sets of\n"
    "different articles are an error). With DIR: every document of a project folder\n"
    "(annotations/<article-stem>/<annotator>.json); gold sets (annotator \"gold\" or with\n"
    "disputed annotations) are skipped, a reviewer lacking a document is missing data.\n"
    "\n"
    "Figures, per label and overall:\n"
    "  spans       pairwise precision / recall / F1. exact: same label, identical spans;\n"
    "              overlap: same label, any shared code point, matched one to one greedily\n"
    "              by the most shared code points\n"
    "  units       non-whitespace code points, 1 when inside a span of the label: Cohen's\n"
    "              kappa per pair, Fleiss' kappa and Krippendorff's alpha (nominal)\n"
    "  attributes  on spans matched across reviewers: ordinal (strength) alpha and quadratic-\n"
    "              weighted kappa per pair; enums and bools nominal alpha\n"
    "  relations   F1 of (type, from, to) with the ends matched by overlap\n"
    "  project     (DIR) micro (pooled) and macro (mean over documents) figures, and a\n"
    "              per-document table sorted worst first\n"
    "Orphaned annotations are left out and counted.\n"
    "\n"
    "A figure that would be 0/0 (a label nobody used, every unit in one category, fewer than\n"
    "two reviewers) is printed as n/a; in JSON it is null with a \"<key>Reason\" string.\n"
    "\n"
    "  --json    print one JSON object instead of tables (keys in README \"Agreement\")\n"
    "  --include-suggested\n"
    "            count pending suggestions (status \"suggested\") as reviewers' work; by\n"
    "            default they are left out\n"
    "\n"
    "Exit status: 0 success, 1 bad input (unreadable set, missing article, different\n"
    "articles), 2 usage error.\n";

int runAgree(const std::vector<std::string>& arguments) {
    ParsedArguments parsed = parseArguments(arguments, {{"--json", "", false}, {"--include-suggested", "", false}});
    if (parsed.help) {
        std::cout << kAgreeUsage;
        return kExitOk;
    }
    if (!parsed.error.empty()) return usageError("agree", parsed.error);
    if (parsed.positional.empty()) return usageError("agree", "no annotation sets or project folder given");

    std::error_code error;
    const bool project = parsed.positional.size() == 1 && std::filesystem::is_directory(parsed.positional[0], error);
    if (!project && parsed.positional.size() < 2)
        return usageError("agree", "agreement needs at least two sets (or one project folder)");
    for (const std::string& name : parsed.positional)
        if (!project && std::filesystem::is_directory(name, error))
            return usageError("agree", "give either one project folder or several sets, not both (" + name + ")");

    Result<LoadedAgreement> loaded = [&] {
        const bool suggested = parsed.has("--include-suggested");
        if (project) return loadAgreementProject(parsed.positional[0], suggested);
        std::vector<std::filesystem::path> paths(parsed.positional.begin(), parsed.positional.end());
        return loadAgreementSets(paths, suggested);
    }();
    if (!loaded) {
        printDiagnostics(loaded.errors());
        return kExitBadInput;
    }
    if (!loaded->warnings.empty()) printDiagnostics(loaded->warnings);

    const AgreementReport report = computeAgreement(loaded->input);
    ReportOptions options;
    options.project = project;
    options.notes = loaded->notes;
    if (parsed.has("--json")) std::cout << agreementToJson(report, options).dump(2) << '\n';
    else std::cout << agreementToText(report, options);
    return kExitOk;
}

}  // namespace claimmark::cli
