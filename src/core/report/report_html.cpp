// report_html.cpp — see report_html.h (the other report_html_*.cpp files are listed in
// report_html_detail.h).
//
// [SECTION] Escaping
// [SECTION] Numbers and small pieces
// [SECTION] Labels and options
// [SECTION] The page
#include "core/report/report_html.h"

#include "core/report/report_html_detail.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>

namespace claimmark {

// --- [SECTION] Escaping -----------------------------------------------------------------------

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// What to do with each ASCII byte: 0 copy, 1 replace (a control XML forbids), 2 entity.
constexpr std::array<unsigned char, 128> asciiClasses() {
    std::array<unsigned char, 128> classes{};
    for (int c = 0; c < 32; ++c) classes[c] = 1;
    classes['\t'] = classes['\n'] = classes['\r'] = 0;
    classes[127] = 1;
    classes['&'] = classes['<'] = classes['>'] = classes['"'] = classes['\''] = 2;
    return classes;
}
constexpr std::array<unsigned char, 128> kAscii = asciiClasses();

std::string_view entityOf(char c) {
    switch (c) {
        case '&': return "&amp;";
        case '<': return "&lt;";
        case '>': return "&gt;";
        case '"': return "&quot;";
        default: return "&#39;";
    }
}

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The UTF-8 sequence at `s[i]` (a byte >= 0x80): its length, 0 when it is not UTF-8
// (a stray byte, overlong, a surrogate, beyond U+10FFFF: one byte is replaced), and whether
// HTML and XML allow the character (not a C1 control, U+FFFE or U+FFFF: replaced whole).
struct Sequence {
    std::size_t length = 0;
    bool allowed = false;
};

Sequence sequenceAt(std::string_view s, std::size_t i) {
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = at(i);
    const std::size_t left = s.size() - i;
    if (c >= 0xC2 && c <= 0xDF) {
        if (left < 2 || !continuation(at(i + 1))) return {};
        return {2, !(c == 0xC2 && at(i + 1) <= 0x9F)};  // U+0080..U+009F
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (left < 3 || !continuation(at(i + 1)) || !continuation(at(i + 2))) return {};
        if (c == 0xE0 && at(i + 1) < 0xA0) return {};                        // overlong
        if (c == 0xED && at(i + 1) >= 0xA0) return {};                       // surrogates
        return {3, !(c == 0xEF && at(i + 1) == 0xBF && at(i + 2) >= 0xBE)};  // U+FFFE, U+FFFF
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (left < 4 || !continuation(at(i + 1)) || !continuation(at(i + 2)) || !continuation(at(i + 3))) return {};
        if (c == 0xF0 && at(i + 1) < 0x90) return {};   // overlong
        if (c == 0xF4 && at(i + 1) >= 0x90) return {};  // beyond U+10FFFF
        return {4, true};
    }
    return {};
}

}  // namespace

void appendEscapedHtml(std::string& out, std::string_view text) {
    std::size_t run = 0;  // start of the bytes not yet copied
    std::size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            const unsigned char kind = kAscii[c];
            if (kind == 0) {
                ++i;
                continue;
            }
            out.append(text.data() + run, i - run);
            out.append(kind == 2 ? entityOf(text[i]) : kReplacement);
            run = ++i;
            continue;
        }
        const Sequence sequence = sequenceAt(text, i);
        if (sequence.allowed) {
            i += sequence.length;
            continue;
        }
        out.append(text.data() + run, i - run);
        out.append(kReplacement);
        i += sequence.length ? sequence.length : 1;
        run = i;
    }
    out.append(text.data() + run, text.size() - run);
}

std::string escapeHtml(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    appendEscapedHtml(out, text);
    return out;
}

namespace html_detail {

// --- [SECTION] Numbers and small pieces -------------------------------------------------------

void number(std::string& out, std::size_t value) {
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

void signedNumber(std::string& out, long long value) {
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

std::string fixed(double value, int digits) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
    return buffer;
}

std::string percent(double share) {
    const double value = share * 100.0;
    return fixed(value, value > 0 && value < 10 ? 1 : 0) + "%";
}

void heading(std::string& out, int level, std::string_view text, std::string_view id) {
    const char digit = static_cast<char>('0' + std::clamp(level, 1, 6));
    out += "<h";
    out += digit;
    if (!id.empty()) {
        out += " id=\"";
        appendEscapedHtml(out, id);
        out += '"';
    }
    out += '>';
    appendEscapedHtml(out, text);
    out += "</h";
    out += digit;
    out += ">\n";
}

std::string rowId(const std::string& prefix, std::size_t row) { return prefix + "-r" + std::to_string(row + 1); }
std::string articleId(const std::string& prefix, std::size_t row) { return prefix + "-a" + std::to_string(row + 1); }

std::string flagWords(std::string_view flag) { return EvidenceHierarchy::words(flag); }

void flagBadge(std::string& out, std::string_view flag, std::string_view reason) {
    out += "<span class=\"fb f-";
    appendEscapedHtml(out, flag);
    out += '"';
    if (!reason.empty()) {
        out += " title=\"";
        appendEscapedHtml(out, reason);
        out += '"';
    }
    out += '>';
    appendEscapedHtml(out, flagWords(flag));
    out += "</span>";
}

std::string strengthText(const Context& ctx, const std::optional<std::int64_t>& strength) {
    if (!strength) return "unrated";
    std::string text = std::to_string(*strength);
    const auto& levels = ctx.options.strengthLevels;
    if (*strength >= 1 && static_cast<std::size_t>(*strength) <= levels.size() && !levels[*strength - 1].empty())
        text += " · " + levels[*strength - 1];
    return text;
}

// --- [SECTION] Labels and options -------------------------------------------------------------

namespace {

bool isColor(std::string_view value) {
    if (value.size() != 7 || value[0] != '#') return false;
    for (char c : value.substr(1))
        if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

std::string defaultColor(std::string_view label, std::size_t otherIndex) {
    if (label == "claim") return "#e69f00";
    if (label == "hedge") return "#56b4e9";
    if (label == "caveat") return "#cc79a7";
    if (label == "evidence") return "#009e73";
    static constexpr const char* kOthers[] = {"#0072b2", "#d55e00", "#f0e442", "#7f7f7f"};
    return kOthers[otherIndex % 4];
}

bool plainName(std::string_view name) {
    if (name.empty() || name.size() > 40) return false;
    for (char c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
    return true;
}

}  // namespace

LabelStyles::LabelStyles(const Report& report, const HtmlReportOptions& options) {
    m_unknown = {"", "lx", "#7f7f7f"};
    for (const char* name : {"claim", "hedge", "caveat", "evidence"}) add(name, options);
    for (const DocumentReport& doc : report.documents) {
        for (const auto& [label, count] : doc.summary.labelCounts) add(label, options);
        for (const DocumentReport::Mark& mark : doc.marks) add(mark.label, options);
    }
}

void LabelStyles::add(const std::string& name, const HtmlReportOptions& options) {
    if (m_index.count(name)) return;
    LabelStyle style;
    style.name = name;
    style.cssClass = plainName(name) ? "l-" + name : "lx" + std::to_string(m_styles.size());
    const auto given = options.labelColors.find(name);
    std::string color = given != options.labelColors.end() ? given->second : std::string();
    if (!isColor(color)) {
        std::size_t others = 0;
        for (const LabelStyle& s : m_styles)
            if (s.name != "claim" && s.name != "hedge" && s.name != "caveat" && s.name != "evidence") ++others;
        color = defaultColor(name, others);
    }
    for (char& c : color) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    style.color = color;
    m_index.emplace(name, m_styles.size());
    m_styles.push_back(std::move(style));
}

const LabelStyle& LabelStyles::of(std::string_view label) const {
    const auto it = m_index.find(std::string(label));
    return it == m_index.end() ? m_unknown : m_styles[it->second];
}

}  // namespace html_detail

HtmlReportOptions htmlOptionsFromSchema(const Schema& schema) {
    HtmlReportOptions options;
    for (const LabelDef& label : schema.labels) {
        if (!label.color.empty()) options.labelColors[label.name] = label.color;
        if (label.name != "claim") continue;
        for (const AttributeDef& attribute : label.attributes) {
            if (attribute.name != "strength" || attribute.kind != AttributeKind::Ordinal) continue;
            options.strengthLevels.clear();
            if (attribute.levels.empty() || attribute.min < 1 || attribute.max > 1000) break;
            options.strengthLevels.resize(static_cast<std::size_t>(attribute.min - 1));
            for (const std::string& level : attribute.levels) options.strengthLevels.push_back(level);
        }
    }
    return options;
}

// --- [SECTION] The page -----------------------------------------------------------------------

namespace {

using namespace html_detail;

std::string pageTitle(const Report& report, const HtmlReportOptions& options) {
    if (!options.title.empty()) return options.title;
    if (report.documents.size() == 1) return "Claim-strength report: " + shortName(report.documents.front().name);
    return "Claim-strength report: " + std::to_string(report.documents.size()) + " articles";
}

void appendNotes(std::string& out, const std::vector<std::string>& notes) {
    if (notes.empty()) return;
    out += "<div class=\"notes\"><p class=\"notes-title\">Notes</p><ul>\n";
    for (const std::string& note : notes) {
        out += "<li>";
        appendEscapedHtml(out, note);
        out += "</li>\n";
    }
    out += "</ul></div>\n";
}

// "Article … · SHA-256 … · reviewer maria" / "reviewers bob, chen, maria; rows from the gold set"
void appendDocumentMeta(std::string& out, const DocumentReport& doc) {
    out += "<p class=\"meta\">";
    if (!doc.articlePath.empty()) {
        out += "<span>Article <code>";
        appendEscapedHtml(out, doc.articlePath);
        out += "</code></span>";
    }
    if (!doc.sha256.empty()) {
        out += " <span>SHA-256 <code title=\"";
        appendEscapedHtml(out, doc.sha256);
        out += "\">";
        appendEscapedHtml(out, doc.sha256.substr(0, 12));
        out += "…</code></span>";
    }
    if (doc.reviewers.size() == 1) {
        out += " <span>Annotated by <strong>";
        appendEscapedHtml(out, doc.reviewers.front());
        out += "</strong></span>";
    } else if (doc.reviewers.size() > 1) {
        out += " <span>Team report: ";
        for (std::size_t i = 0; i < doc.reviewers.size(); ++i) {
            if (i) out += ", ";
            out += "<strong>";
            appendEscapedHtml(out, doc.reviewers[i]);
            out += "</strong>";
        }
        const std::string primary = reviewerName(doc, doc.primary);
        out += "; rows and highlights from ";
        out +=
            primary == "gold" ? "the <strong>gold</strong> set" : "<strong>" + escapeHtml(primary) + "</strong>'s set";
        out += "</span>";
    }
    std::size_t suggested = 0;
    for (const DocumentReport::Mark& mark : doc.marks) suggested += mark.suggested ? 1 : 0;
    if (suggested) {
        out += " <span class=\"sg-note\">Includes ";
        number(out, suggested);
        out += suggested == 1 ? " unreviewed suggestion</span>" : " unreviewed suggestions</span>";
    }
    out += "</p>\n";
}

void appendNav(std::string& out, const std::string& prefix, const Context& ctx, const DocumentReport& doc) {
    out += "<nav class=\"toc\"><a href=\"#" + prefix + "-summary\">Summary</a>";
    if (!doc.summary.worstFirst.empty()) out += "<a href=\"#" + prefix + "-flagged\">Flagged claims</a>";
    if (ctx.options.includeArticle) out += "<a href=\"#" + prefix + "-article\">Article</a>";
    out += "<a href=\"#" + prefix + "-claims\">Claims table</a></nav>\n";
}

// One document's summary, flagged list, article and table, headings from `level`.
void appendDocumentBody(std::string& out, const Context& ctx, const DocumentReport& doc, const std::string& prefix,
                        int level) {
    appendNotes(out, doc.notes);
    appendSummary(out, ctx, doc.summary, prefix, level);
    appendWorstFirst(out, ctx, doc, prefix, level);
    if (ctx.options.includeArticle) appendArticle(out, ctx, doc, prefix, level);
    appendClaimsTable(out, ctx, doc, prefix, level);
}

void appendDocumentList(std::string& out, const Report& report, const std::vector<std::string>& prefixes) {
    out +=
        "<table class=\"mini docs\"><thead><tr><th>Article</th><th class=\"num\">Claims</th>"
        "<th class=\"num\">Flagged</th><th class=\"num\">Share flagged</th>"
        "<th class=\"num\">Hedges per 1,000 words</th></tr></thead><tbody>\n";
    for (std::size_t d = 0; d < report.documents.size(); ++d) {
        const DocumentReport& doc = report.documents[d];
        out += "<tr><td><a href=\"#" + prefixes[d] + "\">";
        appendEscapedHtml(out, shortName(doc.name));
        out += "</a></td><td class=\"num\">";
        number(out, doc.summary.claims);
        out += "</td><td class=\"num\">";
        number(out, doc.summary.flaggedClaims);
        out += "</td><td class=\"num\">" + percent(doc.summary.flaggedShare) + "</td><td class=\"num\">" +
               fixed(doc.summary.hedgesPer1000Words, 1) + "</td></tr>\n";
    }
    out += "</tbody></table>\n";
}

std::size_t sizeHint(const Report& report) {
    std::size_t bytes = 64 * 1024;
    for (const DocumentReport& doc : report.documents) {
        bytes += articleSizeHint(doc) + 16 * 1024;
        for (const ClaimReport& c : doc.claims) {
            bytes += 1400 + c.text.size() + c.note.size() + 400 * c.reviewers.size();
            for (const auto* items : {&c.hedges, &c.caveats, &c.evidence, &c.contradicting})
                for (const LinkedAnnotation& item : *items) bytes += 120 + item.text.size();
            for (const ClaimFlag& f : c.flags) bytes += 120 + 2 * f.reason.size();
        }
    }
    return bytes;
}

}  // namespace

void appendReportHtml(std::string& out, const Report& report, const HtmlReportOptions& options) {
    out.reserve(out.size() + sizeHint(report));
    const Context ctx{report, options, LabelStyles(report, options)};
    const std::string title = pageTitle(report, options);

    out +=
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        "<meta name=\"generator\" content=\"claimmark\"/>\n<title>";
    appendEscapedHtml(out, title);
    out += "</title>\n<style>\n";
    out += styleSheet();
    appendLabelRules(out, ctx.labels);
    out +=
        "</style>\n</head>\n<body>\n<div class=\"page\">\n<header class=\"top\">\n"
        "<p class=\"kicker\">claimmark · claim-strength report</p>\n";

    std::vector<std::string> prefixes;
    for (std::size_t d = 0; d < report.documents.size(); ++d) prefixes.push_back("d" + std::to_string(d + 1));

    if (report.documents.empty()) {
        out += "<h1>Claim-strength report</h1>\n</header>\n<p class=\"empty\">No documents were reported on.</p>\n";
        appendNotes(out, report.notes);
    } else if (report.documents.size() == 1) {
        const DocumentReport& doc = report.documents.front();
        out += "<h1>";
        appendEscapedHtml(out, options.title.empty() ? shortName(doc.name) : options.title);
        out += "</h1>\n";
        appendDocumentMeta(out, doc);
        appendNav(out, prefixes.front(), ctx, doc);
        out += "</header>\n";
        appendNotes(out, report.notes);
        out += "<main id=\"" + prefixes.front() + "\">\n";
        appendDocumentBody(out, ctx, doc, prefixes.front(), 2);
        out += "</main>\n";
    } else {
        out += "<h1>";
        appendEscapedHtml(out, title);
        out += "</h1>\n<nav class=\"toc\"><a href=\"#all-summary\">Summary</a>";
        if (!report.summary.worstFirst.empty()) out += "<a href=\"#all-flagged\">Flagged claims</a>";
        for (std::size_t d = 0; d < report.documents.size(); ++d) {
            out += "<a href=\"#" + prefixes[d] + "\">";
            appendEscapedHtml(out, shortName(report.documents[d].name));
            out += "</a>";
        }
        out += "</nav>\n</header>\n";
        appendNotes(out, report.notes);
        out += "<main>\n<section class=\"overall\">\n";
        appendSummary(out, ctx, report.summary, "all", 2);
        appendDocumentList(out, report, prefixes);
        appendWorstFirstOverall(out, ctx, prefixes, 2);
        out += "</section>\n";
        for (std::size_t d = 0; d < report.documents.size(); ++d) {
            const DocumentReport& doc = report.documents[d];
            out += "<section class=\"document\" id=\"" + prefixes[d] + "\">\n<h2 class=\"doc-title\">";
            appendEscapedHtml(out, shortName(doc.name));
            out += "</h2>\n";
            appendDocumentMeta(out, doc);
            appendNav(out, prefixes[d], ctx, doc);
            appendDocumentBody(out, ctx, doc, prefixes[d], 3);
            out += "</section>\n";
        }
        out += "</main>\n";
    }
    out +=
        "<footer class=\"foot\"><p>Made with claimmark. Offsets count Unicode code points; line numbers start "
        "at 1. This page is self-contained: it loads nothing and works offline.</p></footer>\n</div>\n"
        "<script>\n//<![CDATA[\n";
    out += script();
    out += "\n//]]>\n</script>\n</body>\n</html>\n";
}

std::string reportToHtml(const Report& report, const HtmlReportOptions& options) {
    std::string out;
    appendReportHtml(out, report, options);
    return out;
}

}  // namespace claimmark
