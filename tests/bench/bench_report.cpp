// bench_report.cpp — the claim-strength report on the benchmark set: a 10 MB article with
// 100,000 annotations and 20,000 relations (benchmark_set.h, as bench_core).
//
// Prints `name: value` lines:
//   report_s        reportOnSet(): every claim's links, support and flags, and the summary
//   report_cpu_s    its CPU time (equal to report_s on an idle machine)
//   report_html_s   reportToHtml(): the self-contained page, article and table
//   report_json_s   reportToJson() and dump(2)
//   report_md_s     reportToMarkdown()
//   claims, flagged_claims, html_mib   what was reported, for scale
//   peak_rss_mib    the process's peak resident set
// Targets: report_s <= 1.0 and report_html_s <= 1.0 (Release build). report_dir_s (a project
// folder) is printed by bench_agree, on the project it builds. Not a test.
//
//   bench_report [--annotations N] [--megabytes M]     (100000, 10)
#include "bench_support.h"
#include "benchmark_set.h"

#include "core/report/claim_report.h"
#include "core/report/report_html.h"
#include "core/report/report_json.h"
#include "core/report/report_markdown.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <string>

using namespace claimmark;

namespace {

struct Options {
    std::size_t annotations = 100000;
    double megabytes = 10.0;
};

const char* const kUsage = "bench_report [--annotations N] [--megabytes M]";

Options parseOptions(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::cout << "usage: " << kUsage << "\nPrints `name: value` figures for the claim-strength report.\n";
            std::exit(0);
        }
        if (i + 1 >= argc) bench::exitWithUsage("bench_report", arg + " needs a value", kUsage);
        const std::string value = argv[++i];
        if (arg == "--annotations") {
            const auto n = bench::parseWhole(value);
            if (!n || *n < 10) bench::exitWithUsage("bench_report", "--annotations: a whole number >= 10", kUsage);
            options.annotations = static_cast<std::size_t>(*n);
        } else if (arg == "--megabytes") {
            const auto m = bench::parseNumber(value);
            if (!m || *m < 0.01 || *m > 200) bench::exitWithUsage("bench_report", "--megabytes: 0.01 to 200", kUsage);
            options.megabytes = *m;
        } else {
            bench::exitWithUsage("bench_report", "unknown option " + arg, kUsage);
        }
    }
    return options;
}

void figure(const std::string& name, const std::string& value) {
    std::cout << name << ": " << value << "\n" << std::flush;
}

}  // namespace

int main(int argc, char** argv) {
    const Options options = parseOptions(argc, argv);
    bench::Article generated = bench::benchset::generateArticle(std::size_t(options.megabytes * 1e6));
    Result<Document> document = Document::fromBytes(std::move(generated.bytes), "article.txt");
    if (!document) bench::exitWithError("bench_report", document.errorText());
    const AnnotationSet set = bench::benchset::buildSet(*document, generated.words, "article.txt", options.annotations,
                                                        options.annotations / 5);
    figure("annotations", std::to_string(set.annotationCount()));
    figure("relations", std::to_string(set.relationCount()));

    ClaimReportOptions reportOptions;
    Result<EvidenceHierarchy> hierarchy = hierarchyFromSchema(set.schema, "built-in schema");
    if (!hierarchy) bench::exitWithError("bench_report", hierarchy.errorText());
    reportOptions.hierarchy = *hierarchy;

    const double cpuStart = bench::cpuSeconds();
    auto start = bench::Clock::now();
    Report report;
    report.hierarchy = *hierarchy;
    report.documents.push_back(reportOnSet(*document, set, reportOptions, "article.txt"));
    summarizeReport(report);
    figure("report_s", bench::fixed(bench::secondsSince(start)));
    figure("report_cpu_s", bench::fixed(bench::cpuSeconds() - cpuStart));
    figure("claims", std::to_string(report.summary.claims));
    figure("flagged_claims", std::to_string(report.summary.flaggedClaims));

    start = bench::Clock::now();
    const std::string html = reportToHtml(report);
    figure("report_html_s", bench::fixed(bench::secondsSince(start)));
    figure("html_mib", bench::fixed(double(html.size()) / (1024.0 * 1024.0), 1));

    start = bench::Clock::now();
    const std::string json = reportToJson(report).dump(2);
    figure("report_json_s", bench::fixed(bench::secondsSince(start)));

    start = bench::Clock::now();
    const std::string markdown = reportToMarkdown(report);
    figure("report_md_s", bench::fixed(bench::secondsSince(start)));
    figure("peak_rss_mib", bench::fixed(bench::peakRssMb(), 0));
    if (options.annotations != 100000 || options.megabytes != 10.0)
        std::cout << "note: scaled-down run; the targets are stated for 100000 annotations and 10 MB\n";
    return json.empty() || markdown.empty() ? 1 : 0;
}
