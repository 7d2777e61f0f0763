// report_html_summary.cpp — the summary block of the HTML report (report_html_detail.h):
// key figures, annotations per label (which is also the colour legend), claims by strength
// and the evidence mix as inline SVG bar charts, and the flags.
//
// The charts carry their numbers and labels as text, and weak evidence is hatched where
// strong evidence is solid, so they read in print and without colour.
#include "core/report/report_html_detail.h"

#include <algorithm>

namespace claimmark::html_detail {

namespace {

struct Bar {
    std::string label;
    std::size_t value = 0;
    bool weak = false;  // drawn hatched
};

// A horizontal bar chart: label, bar, number; `id` makes the pattern's id unique.
void appendBarChart(std::string& out, const std::string& id, std::string_view title, const std::vector<Bar>& bars,
                    const std::string& color, bool legend) {
    constexpr int kLabelWidth = 168, kBarWidth = 220, kRow = 24, kBar = 14, kWidth = kLabelWidth + kBarWidth + 56;
    std::size_t most = 0;
    bool anyWeak = false;
    for (const Bar& b : bars) {
        most = std::max(most, b.value);
        anyWeak = anyWeak || b.weak;
    }
    const int rows = static_cast<int>(bars.size());
    const int height = rows * kRow + (legend && anyWeak ? 30 : 6);
    out += "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + std::to_string(kWidth) + ' ' + std::to_string(height) +
           "\" width=\"" + std::to_string(kWidth) + "\" height=\"" + std::to_string(height) + "\" aria-labelledby=\"" +
           id + "-t\">";
    out += "<title id=\"" + id + "-t\">";
    appendEscapedHtml(out, title);
    for (const Bar& b : bars) {
        out += ", ";
        appendEscapedHtml(out, b.label);
        out += ": ";
        number(out, b.value);
    }
    out += "</title><defs><pattern id=\"" + id +
           "-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
           "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"></rect><rect width=\"2.5\" height=\"6\" fill=\"" +
           color + "\"></rect></pattern></defs>";
    for (int r = 0; r < rows; ++r) {
        const Bar& b = bars[static_cast<std::size_t>(r)];
        const int y = r * kRow;
        out += "<text class=\"cl\" x=\"" + std::to_string(kLabelWidth - 8) + "\" y=\"" + std::to_string(y + 16) +
               "\" text-anchor=\"end\">";
        appendEscapedHtml(out, b.label);
        out += "</text>";
        out += "<rect class=\"track\" x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(y + 5) +
               "\" width=\"" + std::to_string(kBarWidth) + "\" height=\"" + std::to_string(kBar) + "\"></rect>";
        int width = most ? static_cast<int>(double(kBarWidth) * double(b.value) / double(most) + 0.5) : 0;
        if (b.value && width < 2) width = 2;
        if (width) {
            out += "<rect x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(y + 5) + "\" width=\"" +
                   std::to_string(width) + "\" height=\"" + std::to_string(kBar) + "\" fill=\"" +
                   (b.weak ? "url(#" + id + "-hatch)" : color) + "\" stroke=\"" + color + "\"></rect>";
        }
        out += "<text class=\"cv\" x=\"" + std::to_string(kLabelWidth + width + 6) + "\" y=\"" +
               std::to_string(y + 16) + "\">";
        number(out, b.value);
        out += "</text>";
    }
    if (legend && anyWeak) {
        const std::string y = std::to_string(rows * kRow + 8);
        const std::string ty = std::to_string(rows * kRow + 19);
        out += "<rect x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + y + "\" width=\"14\" height=\"14\" fill=\"" +
               color + "\" stroke=\"" + color + "\"></rect><text class=\"cv\" x=\"" + std::to_string(kLabelWidth + 20) +
               "\" y=\"" + ty + "\">strong</text>";
        out += "<rect x=\"" + std::to_string(kLabelWidth + 82) + "\" y=\"" + y +
               "\" width=\"14\" height=\"14\" fill=\"url(#" + id + "-hatch)\" stroke=\"" + color +
               "\"></rect><text class=\"cv\" x=\"" + std::to_string(kLabelWidth + 102) + "\" y=\"" + ty +
               "\">weak support</text>";
    }
    out += "</svg>\n";
}

void figure(std::string& out, const std::string& value, std::string_view label, std::string_view note = {}) {
    out += "<div class=\"fig\"><span class=\"fv\">";
    appendEscapedHtml(out, value);
    out += "</span><span class=\"fk\">";
    appendEscapedHtml(out, label);
    out += "</span>";
    if (!note.empty()) {
        out += "<span class=\"fn\">";
        appendEscapedHtml(out, note);
        out += "</span>";
    }
    out += "</div>\n";
}

std::string count(std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

void panelStart(std::string& out, int level, std::string_view title) {
    out += "<div class=\"panel\">";
    heading(out, level, title);
}

}  // namespace

void appendLegend(std::string& out, const Context& ctx, bool team) {
    out += "<p class=\"legend\"><span class=\"legend-title\">Highlights:</span> ";
    for (const LabelStyle& style : ctx.labels.all()) {
        out += "<span class=\"mk " + style.cssClass + "\">";
        appendEscapedHtml(out, style.name);
        out += "</span> ";
    }
    if (team) out += "<span class=\"mk l-claim ot\">claim only other reviewers marked</span> ";
    out +=
        "<span class=\"legend-note\">Nested marks stack their underlines; \u2691 marks a flagged claim; click a "
        "claim for its row in the table.</span></p>\n";
}

void appendSummary(std::string& out, const Context& ctx, const ReportSummary& s, const std::string& prefix, int level) {
    out += "<section class=\"summary\" id=\"" + prefix + "-summary\">\n";
    heading(out, level, "Summary");
    out += "<div class=\"figures\">\n";
    figure(out, std::to_string(s.claims), s.claims == 1 ? "claim" : "claims");
    figure(out, std::to_string(s.flaggedClaims), "flagged", s.claims ? percent(s.flaggedShare) + " of claims" : "");
    figure(out, fixed(s.hedgesPer1000Words, 1), "hedges per 1,000 words");
    figure(out, std::to_string(s.words), "words");
    std::size_t evidence = 0;
    for (const auto& [type, n] : s.evidenceMix) evidence += n;
    figure(out, std::to_string(evidence), "evidence items",
           s.unlinkedEvidence ? std::to_string(s.unlinkedEvidence) + " linked to no claim" : "");
    out += "</div>\n";

    std::vector<std::string> leftOut;
    if (s.orphansLeftOut)
        leftOut.push_back(count(s.orphansLeftOut, "orphaned annotation", "orphaned annotations") +
                          " (not placed in this article)");
    if (s.relationsLeftOut) leftOut.push_back(count(s.relationsLeftOut, "relation", "relations") + " touching them");
    if (s.suggestionsLeftOut)
        leftOut.push_back(count(s.suggestionsLeftOut, "unreviewed suggestion", "unreviewed suggestions"));
    if (!leftOut.empty()) {
        out += "<p class=\"left-out\">Left out: ";
        for (std::size_t i = 0; i < leftOut.size(); ++i) {
            if (i) out += "; ";
            appendEscapedHtml(out, leftOut[i]);
        }
        out += ".</p>\n";
    }

    out += "<div class=\"panels\">\n";
    // Annotations per label: the legend too.
    panelStart(out, level + 1, "Annotations");
    out += "<table class=\"mini\"><tbody>\n";
    for (const LabelStyle& style : ctx.labels.all()) {
        const auto it = s.labelCounts.find(style.name);
        if (it == s.labelCounts.end()) continue;
        out += "<tr><td><span class=\"mk " + style.cssClass + "\">";
        appendEscapedHtml(out, style.name);
        out += "</span></td><td class=\"num\">";
        number(out, it->second);
        out += "</td></tr>\n";
    }
    out += "</tbody></table></div>\n";

    // Flags.
    panelStart(out, level + 1, "Flags");
    out += "<table class=\"mini\"><tbody>\n";
    std::vector<std::pair<std::string, std::size_t>> flags(s.flagCounts.begin(), s.flagCounts.end());
    static const std::vector<std::string> kOrder{kFlagContradicted, kFlagStrengthExceedsEvidence, kFlagHedgeDropped,
                                                 kFlagNoEvidence,   kFlagReviewersDisagree,       kFlagUncitedSupport};
    const auto rank = [&](const std::string& name) {
        return std::find(kOrder.begin(), kOrder.end(), name) - kOrder.begin();
    };
    std::stable_sort(flags.begin(), flags.end(),
                     [&](const auto& x, const auto& y) { return rank(x.first) < rank(y.first); });
    for (const auto& [name, n] : flags) {
        out += n ? "<tr><td>" : "<tr class=\"zero\"><td>";
        flagBadge(out, name, "");
        out += "</td><td class=\"num\">";
        number(out, n);
        out += "</td></tr>\n";
    }
    out += "</tbody></table></div>\n";

    out += "</div>\n<div class=\"charts\">\n";
    // Claims by strength.
    panelStart(out, level + 1, "Claims by strength");
    std::vector<std::pair<std::int64_t, std::size_t>> rated;  // (strength, claims)
    for (const auto& [key, n] : s.claimsByStrength) {
        if (key == "unrated") continue;
        try {
            rated.emplace_back(std::stoll(key), n);
        } catch (...) {}
    }
    std::sort(rated.begin(), rated.end());
    std::vector<Bar> strengths;
    for (const auto& [value, n] : rated) strengths.push_back({strengthText(ctx, value), n, false});
    if (const auto it = s.claimsByStrength.find("unrated"); it != s.claimsByStrength.end())
        strengths.push_back({"unrated", it->second, false});
    appendBarChart(out, prefix + "-strength", "Claims by strength", strengths, "#b06f00", false);
    out += "</div>\n";

    // Evidence mix, best first on the hierarchy; weak types hatched.
    panelStart(out, level + 1, "Evidence mix");
    const EvidenceHierarchy& h = ctx.report.hierarchy;
    std::vector<Bar> mix;
    for (const std::string& type : h.ranks) {
        const auto it = s.evidenceMix.find(type);
        mix.push_back(
            {EvidenceHierarchy::words(type), it == s.evidenceMix.end() ? 0 : it->second, h.isWeak(h.rankOf(type))});
    }
    for (const auto& [type, n] : s.evidenceMix)
        if (std::find(h.ranks.begin(), h.ranks.end(), type) == h.ranks.end())
            mix.push_back({EvidenceHierarchy::words(type), n, true});
    appendBarChart(
        out, prefix + "-mix", "Evidence mix", mix,
        ctx.labels.of("evidence").color == "#009e73" ? std::string("#007a5a") : ctx.labels.of("evidence").color, true);
    out += "</div>\n</div>\n</section>\n";
}

}  // namespace claimmark::html_detail
