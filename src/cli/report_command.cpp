// report_command.cpp — `claimmark report SET.json... | DIR [-o REPORT.html|.md|.json]
// [--json] [--md] [--include-suggested]`: what each claim rests on, and where its strength
// outruns its evidence (core/report/claim_report.h).
//
// Everything is loaded and computed before anything is written: a bad set, a missing
// article or a faulty "report" block in a schema gives diagnostics and no report (exit 1).
// In project mode a bad set or article is reported on stderr and left out.
#include "cli/arguments.h"
#include "cli/cli.h"
#include "cli/commands.h"

#include "core/report/claim_report.h"
#include "core/report/project_report.h"
#include "core/report/report_html.h"
#include "core/report/report_input.h"
#include "core/report/report_json.h"
#include "core/report/report_markdown.h"
#include "core/storage/file_io.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <system_error>

namespace claimmark::cli {

const char* const kReportUsage =
    "usage: claimmark report SET.json... [-o REPORT.html] [--json | --md] [--include-suggested]\n"
    "                        [--article ARTICLE]\n"
    "       claimmark report DIR [-o REPORT.html] [--json | --md] [--include-suggested]\n"
    "\n"
    "The claim-strength report: per claim, its hedges, caveats, supporting and contradicting\n"
    "evidence, the support level (the best supporting evidence on the evidence hierarchy the\n"
    "schema declares) and flags, each with its reason:\n"
    "  contradicted               evidence is linked against it\n"
    "  strength-exceeds-evidence  strength 4 or more while its best support is expert\n"
    "                             opinion or weaker, or there is none\n"
    "  hedge-dropped              it restates an earlier hedged claim without the hedge\n"
    "  no-evidence                no supporting evidence is linked\n"
    "  uncited-support            strength 4 or more and none of its evidence is cited\n"
    "  reviewers-disagree         (several sets) strengths 2 or more apart, or verdicts differ\n"
    "and a summary: counts per label, the evidence mix, hedges per 1,000 words, claims by\n"
    "strength, the flagged claims worst first.\n"
    "\n"
    "Several sets of one article are put side by side (claims matched as agree matches\n"
    "spans); rows come from the gold set where there is one (annotator \"gold\" or with\n"
    "disputed annotations). Sets of different articles are reported one after the other.\n"
    "DIR: every document of a project folder (annotations/<article-stem>/<annotator>.json).\n"
    "\n"
    "  -o, --output FILE    write the report to FILE: .html (one self-contained page: the\n"
    "                       article highlighted, a sortable claims table, the evidence mix),\n"
    "                       .md or .json; the form follows the extension unless --json or\n"
    "                       --md is given\n"
    "  --json               JSON (keys in README \"The report\"); to stdout without -o\n"
    "  --md                 Markdown: the summary and the flagged claims, for a fact-check\n"
    "                       draft; to stdout without -o (also the default without options)\n"
    "  --article ARTICLE    the article of the sets, when the path a set names is not\n"
    "                       trusted (outside its project) or the file moved\n"
    "  --include-suggested  count pending suggestions (status \"suggested\"); by default they\n"
    "                       are left out and counted\n"
    "\n"
    "Exit status: 0 success, 1 bad input, 2 usage error.\n";

namespace {

enum class Form { Markdown, Json, Html };

// The report's hierarchy: the first document's primary schema's; every other schema must
// declare the same one or none.
Result<EvidenceHierarchy> hierarchyOf(const std::vector<std::pair<const AnnotationSet*, std::string>>& sets) {
    Diagnostics errors;
    std::optional<EvidenceHierarchy> chosen;
    for (const auto& [set, file] : sets) {
        Result<EvidenceHierarchy> h = hierarchyFromSchema(set->schema, file);
        if (!h) {
            errors.insert(errors.end(), h.errors().begin(), h.errors().end());
            continue;
        }
        if (!chosen) chosen = *h;
    }
    if (!errors.empty()) return errors;
    return chosen ? *chosen : EvidenceHierarchy{};
}

}  // namespace

int runReport(const std::vector<std::string>& arguments) {
    ParsedArguments parsed = parseArguments(arguments, {{"--output", "-o", true},
                                                        {"--json", "", false},
                                                        {"--md", "", false},
                                                        {"--include-suggested", "", false},
                                                        {"--article", "", true}});
    if (parsed.help) {
        std::cout << kReportUsage;
        return kExitOk;
    }
    if (!parsed.error.empty()) return usageError("report", parsed.error);
    if (parsed.positional.empty()) return usageError("report", "no annotation sets or project folder given");
    if (parsed.has("--json") && parsed.has("--md")) return usageError("report", "give --json or --md, not both");
    const std::string* output = parsed.value("--output");
    if (output && output->empty()) return usageError("report", "-o needs a file name");

    Form form = Form::Markdown;
    if (parsed.has("--json")) {
        form = Form::Json;
    } else if (parsed.has("--md")) {
        form = Form::Markdown;
    } else if (output) {
        const std::string ext = std::filesystem::path(*output).extension().string();
        if (ext == ".html" || ext == ".htm") form = Form::Html;
        else if (ext == ".json") form = Form::Json;
        else if (ext == ".md" || ext == ".markdown") form = Form::Markdown;
        else return usageError("report", "-o " + *output + ": name a .html, .md or .json file, or add --json or --md");
    }

    std::error_code error;
    const bool project = parsed.positional.size() == 1 && std::filesystem::is_directory(parsed.positional[0], error);
    if (project && parsed.has("--article"))
        return usageError("report", "--article goes with sets; a project's articles are in the folder");
    for (const std::string& name : parsed.positional)
        if (!project && std::filesystem::is_directory(name, error))
            return usageError("report", "give either one project folder or sets, not both (" + name + ")");

    ClaimReportOptions options;
    options.includeSuggested = parsed.has("--include-suggested");
    // What the report points into lives as long as the report: a project or the sets named.
    Result<ProjectReport> fromProject = Diagnostics{};
    Result<ReportInput> input = Diagnostics{};
    Report* report = nullptr;
    Report fromSets;
    Schema schema;  // for the HTML form's colours and strength names
    if (project) {
        fromProject = reportOnProject(parsed.positional[0], options.includeSuggested);
        if (!fromProject) {
            printDiagnostics(fromProject.errors());
            return kExitBadInput;
        }
        if (!fromProject->warnings.empty()) printDiagnostics(fromProject->warnings);
        report = &fromProject->report;
        schema = fromProject->schema;
    } else {
        std::vector<std::filesystem::path> paths(parsed.positional.begin(), parsed.positional.end());
        std::optional<std::filesystem::path> article;
        if (!readArticleOption(parsed, article)) return usageError("report", "--article needs a file name");
        input = loadReportSets(paths, article);
        if (!input) {
            printDiagnostics(input.errors());
            return kExitBadInput;
        }
        std::vector<std::pair<const AnnotationSet*, std::string>> schemas;
        for (const ReportDocumentInput& doc : input->documents)
            for (std::size_t s = 0; s < doc.sets.size(); ++s) schemas.emplace_back(doc.sets[s].get(), doc.files[s]);
        Result<EvidenceHierarchy> hierarchy = hierarchyOf(schemas);
        if (!hierarchy) {
            printDiagnostics(hierarchy.errors());
            return kExitBadInput;
        }
        options.hierarchy = *hierarchy;
        fromSets.hierarchy = *hierarchy;
        fromSets.notes = input->notes;
        for (const ReportDocumentInput& doc : input->documents) {
            std::vector<const AnnotationSet*> sets;
            for (const auto& set : doc.sets) sets.push_back(set.get());
            fromSets.documents.push_back(
                reportOnSets(*doc.article, sets, doc.reviewers, options, doc.name, doc.primary));
            fromSets.documents.back().articlePath = doc.articlePath;
        }
        summarizeReport(fromSets);
        report = &fromSets;
        const ReportDocumentInput& first = input->documents.front();
        schema = first.sets[first.primary >= 0 ? std::size_t(first.primary) : 0]->schema;
    }

    std::string text;
    if (form == Form::Json) text = reportToJson(*report).dump(2) + "\n";
    else if (form == Form::Html) text = reportToHtml(*report, htmlOptionsFromSchema(schema));
    else text = reportToMarkdown(*report) + "\n";
    if (!output) {
        std::cout << text;
        return kExitOk;
    }
    if (Status written = writeFileAtomic(*output, text); !written) {
        std::cerr << Diagnostic{*output, "", written.error}.toString() << '\n';
        return kExitBadInput;
    }
    std::cerr << "wrote " << *output << ": " << report->summary.claims << " claims, " << report->summary.flaggedClaims
              << " flagged\n";
    return kExitOk;
}

}  // namespace claimmark::cli
