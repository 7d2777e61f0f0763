// report_html_detail.h — what the HTML report's files share. Private to src/core/report.
//
//   report_html.cpp          the page: head, header, notes, several documents; escaping
//   report_html_summary.cpp  the summary: key figures, per-label counts, SVG bar charts
//   report_html_article.cpp  the article with its annotations highlighted (one linear pass)
//   report_html_table.cpp    the flagged claims worst first and the claims table
//   report_html_style.cpp    the style sheet and the script
//
// Ids in the page: every document has a prefix ("d1", "d2", ...); claim row n (1-based,
// document order) is "<prefix>-r<n>", its place in the article "<prefix>-a<n>".
#pragma once

#include "core/report/report_html.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace claimmark::html_detail {

// --- Labels: a CSS class and a colour for every label in the report ------------------------

struct LabelStyle {
    std::string name;
    std::string cssClass;  // "l-claim", or "lx3" for a name that is not a plain identifier
    std::string color;     // "#rrggbb"
};

class LabelStyles {
public:
    LabelStyles(const Report& report, const HtmlReportOptions& options);
    const LabelStyle& of(std::string_view label) const;  // unknown labels: a neutral grey
    const std::vector<LabelStyle>& all() const { return m_styles; }

private:
    void add(const std::string& name, const HtmlReportOptions& options);
    std::vector<LabelStyle> m_styles;
    std::unordered_map<std::string, std::size_t> m_index;
    LabelStyle m_unknown;
};

struct Context {
    const Report& report;
    const HtmlReportOptions& options;
    LabelStyles labels;
};

// --- Writing ---------------------------------------------------------------------------------

inline void raw(std::string& out, std::string_view text) { out.append(text); }
void number(std::string& out, std::size_t value);
void signedNumber(std::string& out, long long value);
std::string fixed(double value, int digits);  // "12.3"
std::string percent(double share);            // "28.6%" (one decimal below 10%, else none)
void heading(std::string& out, int level, std::string_view text, std::string_view id = {});

// The last part of a path: headings name the file, the meta line gives the whole path.
inline std::string shortName(const std::string& name) {
    const std::size_t slash = name.find_last_of("/\\");
    return slash == std::string::npos || slash + 1 == name.size() ? name : name.substr(slash + 1);
}

// The name of set `index` of `doc` ("set 3" when the report names none).
inline std::string reviewerName(const DocumentReport& doc, std::size_t index) {
    return index < doc.reviewers.size() ? doc.reviewers[index] : "set " + std::to_string(index + 1);
}

std::string rowId(const std::string& prefix, std::size_t row);      // "d1-r5" (row 0-based)
std::string articleId(const std::string& prefix, std::size_t row);  // "d1-a5"

// "no evidence" for "no-evidence".
std::string flagWords(std::string_view flag);
// <span class="fb f-…" title="reason">no evidence</span>
void flagBadge(std::string& out, std::string_view flag, std::string_view reason);
// "4 · confident" / "unrated"
std::string strengthText(const Context& ctx, const std::optional<std::int64_t>& strength);

// --- Sections --------------------------------------------------------------------------------

std::string_view styleSheet();
std::string_view script();
// Per-label rules (tint, underline colour) for the marks and the legend.
void appendLabelRules(std::string& out, const LabelStyles& labels);

// Key figures, per-label counts (the legend), claims by strength, flags, evidence mix.
void appendSummary(std::string& out, const Context& ctx, const ReportSummary& summary, const std::string& prefix,
                   int level);
// The legend: one swatch per label, drawn as the article draws the marks.
void appendLegend(std::string& out, const Context& ctx, bool team);
// The flagged claims of one document, worst first (summary.worstFirst), linking to rows.
void appendWorstFirst(std::string& out, const Context& ctx, const DocumentReport& doc, const std::string& prefix,
                      int level);
// The same for several documents: report.summary.worstFirst ("<document>: <id>").
void appendWorstFirstOverall(std::string& out, const Context& ctx, const std::vector<std::string>& prefixes, int level);
void appendArticle(std::string& out, const Context& ctx, const DocumentReport& doc, const std::string& prefix,
                   int level);
void appendClaimsTable(std::string& out, const Context& ctx, const DocumentReport& doc, const std::string& prefix,
                       int level);

// Bytes the article view of `doc` will take, roughly (for reserving).
std::size_t articleSizeHint(const DocumentReport& doc);

}  // namespace claimmark::html_detail
