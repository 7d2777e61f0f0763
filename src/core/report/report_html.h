// report_html.h — the claim-strength report as one self-contained HTML page, to read in a
// browser, print, or mail as an attachment (the HTML form of `claimmark report`).
//
// [SECTION] The page
//   One file, nothing fetched: the style sheet and a small script are inline, the charts are
//   inline SVG, the fonts are the reader's system fonts. Top to bottom: the header (article,
//   reviewers, the primary set), the summary (key figures, annotations per label with the
//   colour legend, claims by strength, flags, the evidence mix as a bar chart), the flagged
//   claims worst first, the article with every annotation highlighted, and the claims table.
//   Several documents: the summary of them all and a list of the articles first, then one
//   section per document with its own summary, article and table. Team reports add a column
//   per reviewer (strength, verdict, flags) and mark the claims only other reviewers made.
// [SECTION] Links
//   Each claim in the article links to its row, each row back to its place in the article;
//   the flagged list links to the rows. Without the script everything is shown and every
//   link works; the script only adds sorting (click a column header) and a filter by flag.
// [SECTION] Safety
//   Every text from the article or a set (annotation texts, notes, labels, names) is
//   escaped, in text and in attribute values; characters HTML and XML forbid (C0 and C1
//   controls other than tab and line breaks, U+FFFE, U+FFFF, bytes that are not UTF-8)
//   become U+FFFD. Every element is closed explicitly and every attribute quoted, so the
//   page is well-formed XML as well as HTML5.
// [SECTION] Cost
//   The article is written in one pass over its span boundaries (sorted once), so a 10 MB
//   article with 100,000 marks takes a fraction of a second; the output is reserved up front.
// For several documents, `report.summary` is read as is: call summarizeReport first.
#pragma once

#include "core/model/schema.h"
#include "core/report/claim_report.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace claimmark {

struct HtmlReportOptions {
    // Page title; empty: "Claim-strength report: <article>" (or "… N articles").
    std::string title;
    // Highlight colour per label, "#rrggbb" (the schema's). Labels left out, and values that
    // are not colours, get the editor's defaults (claim #e69f00, hedge #56b4e9, caveat
    // #cc79a7, evidence #009e73) or, for other labels, the rest of the Okabe-Ito palette.
    std::map<std::string, std::string, std::less<>> labelColors;
    // Names of the claim strengths 1, 2, ... (the schema's ordinal levels), shown beside the
    // numbers; empty: numbers only.
    std::vector<std::string> strengthLevels{"speculative", "tentative", "moderate", "confident",
                                            "stated as certain fact"};
    bool includeArticle = true;  // false: no article view (the table's links then go nowhere)
};

// Colours and strength names from a schema (the set's, or a project's).
HtmlReportOptions htmlOptionsFromSchema(const Schema& schema);

// The whole page.
std::string reportToHtml(const Report& report, const HtmlReportOptions& options = {});
// The same, appended to `out` (reserves what it will need first).
void appendReportHtml(std::string& out, const Report& report, const HtmlReportOptions& options = {});

// `text` escaped for HTML text and attribute values (& < > " '), forbidden characters as
// U+FFFD (see "Safety").
std::string escapeHtml(std::string_view text);
void appendEscapedHtml(std::string& out, std::string_view text);

}  // namespace claimmark
