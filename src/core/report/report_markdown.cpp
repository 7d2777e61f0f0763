// report_markdown.cpp — see report_markdown.h.
//
//   # Claim-strength report: <article>
//   <one summary line>, evidence mix, claims by strength
//   ## Flagged claims, worst first
//   1. “claim text” — line 12 · strength 5 · support: anecdotal
//      - **strength-exceeds-evidence**: stated at strength 5 but its best support is anecdotal (…)
//   (team reports add each reviewer's strength and flags under the claim)
#include "core/report/report_markdown.h"

#include "core/report/report_detail.h"

#include <cstdio>

namespace claimmark {

namespace {

std::string percent(double share) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f%%", share * 100.0);
    return buffer;
}

std::string oneDecimal(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

std::string count(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::size_t labelCount(const ReportSummary& s, const char* label) {
    const auto it = s.labelCounts.find(label);
    return it == s.labelCounts.end() ? 0 : it->second;
}

void appendSummary(std::string& out, const ReportSummary& s) {
    out += count(s.claims, "claim", "claims") + ", " + std::to_string(s.flaggedClaims) + " flagged (" +
           percent(s.flaggedShare) + ") · " + count(labelCount(s, "hedge"), "hedge", "hedges") + " (" +
           oneDecimal(s.hedgesPer1000Words) + " per 1,000 words) · " +
           count(labelCount(s, "caveat"), "caveat", "caveats") + " · " +
           count(labelCount(s, "evidence"), "piece of evidence", "pieces of evidence") + " · " +
           count(s.words, "word", "words") + "\n\n";
    std::string mix;
    for (const auto& [type, n] : s.evidenceMix)
        if (n) mix += (mix.empty() ? "" : ", ") + std::to_string(n) + " " + EvidenceHierarchy::words(type);
    out += "- Evidence: " + (mix.empty() ? std::string("none marked") : mix) + "\n";
    std::string strengths;
    for (const char* key : {"5", "4", "3", "2", "1", "unrated"}) {
        const auto it = s.claimsByStrength.find(key);
        const std::size_t n = it == s.claimsByStrength.end() ? 0 : it->second;
        if (!n) continue;
        strengths += (strengths.empty() ? "" : ", ") + std::to_string(n) + " " +
                     (std::string(key) == "unrated" ? std::string("unrated") : "at strength " + std::string(key));
    }
    out += "- Claims: " + (strengths.empty() ? std::string("none") : strengths) + "\n";
    std::string flags;
    for (const auto& [name, n] : s.flagCounts)
        if (n) flags += (flags.empty() ? "" : ", ") + std::to_string(n) + " " + name;
    out += "- Flags: " + (flags.empty() ? std::string("none") : flags) + "\n";
    if (s.orphansLeftOut || s.suggestionsLeftOut)
        out += "- Left out: " + count(s.orphansLeftOut, "orphaned annotation", "orphaned annotations") + ", " +
               count(s.suggestionsLeftOut, "pending suggestion", "pending suggestions") + "\n";
    out += "\n";
}

void appendClaim(std::string& out, std::size_t number, const ClaimReport& c, const DocumentReport& doc) {
    out += std::to_string(number) + ". \u201c" + escapeMarkdown(detail::shorten(c.text, 240)) + "\u201d — line " +
           std::to_string(c.place.line) + " · " +
           (c.strength ? "strength " + std::to_string(*c.strength) : std::string("strength not rated")) +
           " · support: " + EvidenceHierarchy::words(c.support);
    if (!c.verdict.empty() && c.verdict != "unrated") out += " · verdict: " + c.verdict;
    if (doc.reviewers.size() > 1 && c.set != doc.primary && c.set < doc.reviewers.size())
        out += " · marked by " + escapeMarkdown(doc.reviewers[c.set]);
    out += "\n";
    for (const ClaimFlag& f : c.flags) out += "   - **" + f.name + "**: " + escapeMarkdown(f.reason) + "\n";
    if (doc.reviewers.size() > 1) {
        std::string line;
        for (const ReviewerClaim& r : c.reviewers) {
            if (r.reviewer >= doc.reviewers.size()) continue;
            line += (line.empty() ? "" : "; ") + escapeMarkdown(doc.reviewers[r.reviewer]) + " " +
                    (r.strength ? std::to_string(*r.strength) : std::string("unrated"));
            if (!r.flags.empty()) {
                line += " (";
                for (std::size_t i = 0; i < r.flags.size(); ++i) line += (i ? ", " : "") + r.flags[i];
                line += ")";
            }
        }
        out += "   - Reviewers: " + line + "\n";
    }
}

void appendDocument(std::string& out, const DocumentReport& doc, const std::string& level, const std::string& title) {
    out += level + " " + title + escapeMarkdown(doc.name) + "\n\n";
    if (doc.reviewers.size() > 1) {
        std::string names;
        for (const std::string& r : doc.reviewers) names += (names.empty() ? "" : ", ") + escapeMarkdown(r);
        out += "Reviewers: " + names + "; rows from " + escapeMarkdown(doc.reviewers[doc.primary]) + "'s set.\n\n";
    }
    appendSummary(out, doc.summary);
    if (doc.summary.worstFirst.empty()) {
        out += "No claim is flagged.\n\n";
        return;
    }
    out += level + "# Flagged claims, worst first\n\n";
    std::size_t number = 0;
    for (std::size_t row : doc.summary.worstFirstRows)
        if (row < doc.claims.size()) appendClaim(out, ++number, doc.claims[row], doc);
    out += "\n";
}

}  // namespace

std::string escapeMarkdown(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (char ch : text) {
        switch (ch) {
            case '\\':
            case '`':
            case '*':
            case '_':
            case '[':
            case ']':
            case '<':
            case '>':
            case '#':
            case '|':
            case '~':
            case '{':
            case '}':
                out.push_back('\\');
                out.push_back(ch);
                break;
            case '\r': break;
            case '\n':
            case '\t': out.push_back(' '); break;
            default: out.push_back(ch);
        }
    }
    return out;
}

std::string reportToMarkdown(const Report& report) {
    std::string out;
    if (report.documents.size() == 1) {
        appendDocument(out, report.documents.front(), "#", "Claim-strength report: ");
    } else {
        out += "# Claim-strength report: " + count(report.documents.size(), "document", "documents") + "\n\n";
        appendSummary(out, report.summary);
        for (const DocumentReport& doc : report.documents) appendDocument(out, doc, "##", "");
    }
    for (const std::string& note : report.notes) out += "> " + escapeMarkdown(note) + "\n";
    while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    return out;
}

}  // namespace claimmark
