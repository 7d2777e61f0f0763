// fuzz_report_text.cpp — any UTF-8 text the article loader accepts, suggested on with the
// built-in rules (claims, hedges, caveats, evidence and their links), then reported on:
// every claim's place must lie in the text, the worst-first rows must be claims, and the
// JSON, Markdown and HTML forms must be produced (the HTML with balanced <mark> tags).
#include "core/model/annotation_set.h"
#include "core/report/claim_report.h"
#include "core/report/report_html.h"
#include "core/report/report_json.h"
#include "core/report/report_markdown.h"
#include "core/suggest/suggest.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

std::size_t occurrences(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace claimmark;
    Result<Document> document = Document::fromBytes(std::string(reinterpret_cast<const char*>(data), size));
    if (!document) return 0;
    AnnotationSet set;
    set.document.length = document->length();
    if (!addSuggestionBatch(set, suggest(*document, set, builtinSuggestionRules()))) __builtin_trap();
    ClaimReportOptions options;
    options.includeSuggested = true;
    Report report;
    report.documents.push_back(reportOnSet(*document, set, options, "fuzz.txt"));
    summarizeReport(report);
    const DocumentReport& doc = report.documents.front();
    for (const ClaimReport& c : doc.claims)
        if (c.place.line > document->lineCount() || c.spans.empty() || c.spans.back().end > document->length())
            __builtin_trap();
    for (std::size_t row : doc.summary.worstFirstRows)
        if (row >= doc.claims.size() || doc.claims[row].flags.empty()) __builtin_trap();
    if (reportToJson(report).dump().empty() || reportToMarkdown(report).empty()) __builtin_trap();
    const std::string html = reportToHtml(report);
    if (occurrences(html, "<mark") != occurrences(html, "</mark>")) __builtin_trap();
    return 0;
}
