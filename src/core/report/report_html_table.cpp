// report_html_table.cpp — the flagged claims worst first, and the claims table
// (report_html_detail.h).
//
// The table has one row per claim in document order: number (a link to the article), the
// claim's text with its line, linked items and note, strength, verdict, support, the counts
// of hedges / caveats / evidence / contradicting evidence, the flags as badges with their
// reasons written out, and for team reports one column per reviewer. Cells carry a sort key
// (data-v) and rows their flags (data-flags) for the script; the filter controls start
// hidden and only the script shows them, so a page without script has no dead controls.
#include "core/report/report_detail.h"
#include "core/report/report_html_detail.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace claimmark::html_detail {

namespace {

constexpr std::size_t kWorstShown = 20;     // flagged claims listed at the top
constexpr std::size_t kQuoteLength = 220;   // code points of a claim quoted in that list
constexpr std::size_t kLinkedLength = 160;  // code points of a linked item's text
constexpr std::size_t kOpenLinks = 4;       // linked items shown without a click

std::string quoted(std::string_view text, std::size_t length) { return "“" + detail::shorten(text, length) + "”"; }

void escaped(std::string& out, std::string_view text) { appendEscapedHtml(out, text); }

// One <li> per flag: its badge and its reason.
void flagReasonItems(std::string& out, const ClaimReport& c) {
    for (const ClaimFlag& f : c.flags) {
        out += "<li>";
        flagBadge(out, f.name, f.reason);
        out += " <span class=\"why\">";
        escaped(out, f.reason);
        out += "</span></li>";
    }
}

std::string supportText(const ClaimReport& c) {
    return c.support == "none" || c.support.empty() ? std::string("none") : EvidenceHierarchy::words(c.support);
}

// One flagged claim in the worst-first list.
void worstItem(std::string& out, const Context& ctx, const ClaimReport& c, std::size_t row, const std::string& prefix,
               std::string_view documentName) {
    out += "<li><a class=\"wn\" href=\"#" + rowId(prefix, row) + "\">";
    if (!documentName.empty()) {
        escaped(out, documentName);
        out += ", ";
    }
    out += "claim " + std::to_string(row + 1) + "</a> <span class=\"wq\">";
    escaped(out, quoted(c.text, kQuoteLength));
    out += "</span> <span class=\"wm\">line ";
    number(out, c.place.line);
    out += " · strength ";
    escaped(out, strengthText(ctx, c.strength));
    out += " · support: ";
    escaped(out, supportText(c));
    out += "</span>\n<ul class=\"reasons\">";
    flagReasonItems(out, c);
    out += "</ul></li>\n";
}

void worstMore(std::string& out, std::size_t more) {
    if (!more) return;
    out += "<p class=\"more\">… and ";
    number(out, more);
    out += more == 1 ? " more flagged claim" : " more flagged claims";
    out += " in the claims table (filter it by flag).</p>\n";
}

// --- Table cells -----------------------------------------------------------------------------

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// The linked items, in a <details> (open when there are only a few; the script opens them
// all for printing).
void linkedItems(std::string& out, const Context& ctx, const ClaimReport& c) {
    const std::size_t total = c.hedges.size() + c.caveats.size() + c.evidence.size() + c.contradicting.size();
    if (!total) return;
    out +=
        total <= kOpenLinks ? "<details class=\"links\" open=\"open\"><summary>" : "<details class=\"links\"><summary>";
    std::vector<std::string> parts;
    if (!c.hedges.empty()) parts.push_back(plural(c.hedges.size(), "hedge", "hedges"));
    if (!c.caveats.empty()) parts.push_back(plural(c.caveats.size(), "caveat", "caveats"));
    if (!c.evidence.empty()) parts.push_back(plural(c.evidence.size(), "supporting", "supporting"));
    if (!c.contradicting.empty()) parts.push_back(plural(c.contradicting.size(), "contradicting", "contradicting"));
    out += "Linked: ";
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += " · ";
        escaped(out, parts[i]);
    }
    out += "</summary><ul>";
    const auto items = [&](const std::vector<LinkedAnnotation>& list, std::string_view label, std::string_view shown,
                           bool evidence) {
        const LabelStyle& style = ctx.labels.of(label);
        for (const LinkedAnnotation& item : list) {
            out += "<li><span class=\"lk mk " + style.cssClass + "\">";
            escaped(out, shown);
            out += "</span> ";
            escaped(out, quoted(item.text, kLinkedLength));
            std::string kind = item.kind.empty() ? std::string() : EvidenceHierarchy::words(item.kind);
            if (evidence && item.cited) kind += kind.empty() ? "cited" : " · cited";
            if (item.suggested) kind += kind.empty() ? "suggestion" : " · suggestion";
            if (!kind.empty()) {
                out += " <span class=\"kind\">";
                escaped(out, kind);
                out += "</span>";
            }
            out += "</li>";
        }
    };
    items(c.hedges, "hedge", "hedge", false);
    items(c.caveats, "caveat", "caveat", false);
    items(c.evidence, "evidence", "supports", true);
    items(c.contradicting, "evidence", "contradicts", true);
    out += "</ul></details>";
}

void countCell(std::string& out, std::size_t n) {
    out += n ? "<td class=\"num\">" : "<td class=\"num zero\">";
    number(out, n);
    out += "</td>";
}

// Team tables are wide: the four counts share one cell, one count a line.
void linkCounts(std::string& out, const ClaimReport& c) {
    const std::size_t total = c.hedges.size() + c.caveats.size() + c.evidence.size() + c.contradicting.size();
    out += "<td class=\"lnk\" data-v=\"";
    number(out, total);
    out += "\">";
    if (!total) out += "<span class=\"muted\">none</span>";
    const auto line = [&](std::size_t n, std::string_view one, std::string_view many, std::string_view cls) {
        if (!n) return;
        out += "<span class=\"lc";
        out += cls;
        out += "\">";
        escaped(out, plural(n, one, many));
        out += "</span>";
    };
    line(c.hedges.size(), "hedge", "hedges", "");
    line(c.caveats.size(), "caveat", "caveats", "");
    line(c.evidence.size(), "supporting", "supporting", "");
    line(c.contradicting.size(), "contradicting", "contradicting", " against");
    out += "</td>";
}

void reviewerCell(std::string& out, const DocumentReport& doc, const ClaimReport& c, std::size_t reviewer) {
    const ReviewerClaim* view = nullptr;
    for (const ReviewerClaim& r : c.reviewers)
        if (r.reviewer == reviewer) view = &r;
    if (!view) {
        out += "<td class=\"rv none\" data-v=\"-2\">not marked</td>";
        return;
    }
    const bool differs = view->strength != c.strength || view->verdict != c.verdict;
    out += differs ? "<td class=\"rv diff\" data-v=\"" : "<td class=\"rv\" data-v=\"";
    signedNumber(out, view->strength ? static_cast<long long>(*view->strength) : -1);
    out += "\"><span class=\"rs\">";
    escaped(out, view->strength ? std::to_string(*view->strength) : std::string("unrated"));
    out += "</span> <span class=\"rvv\">";
    escaped(out, view->verdict.empty() ? std::string("no verdict") : EvidenceHierarchy::words(view->verdict));
    out += "</span>";
    if (!view->flags.empty()) {
        out += "<span class=\"rf\" title=\"";
        escaped(out, reviewerName(doc, reviewer) + "'s set flags this claim");
        out += "\">";
        for (std::size_t i = 0; i < view->flags.size(); ++i) {
            out += i ? ", <span class=\"rfl f-" : "\u2691 <span class=\"rfl f-";
            escaped(out, view->flags[i]);
            out += "\">";
            escaped(out, flagWords(view->flags[i]));
            out += "</span>";
        }
        out += "</span>";
    }
    out += "</td>";
}

void row(std::string& out, const Context& ctx, const DocumentReport& doc, const ClaimReport& c, std::size_t index,
         const std::string& prefix, bool team) {
    out += "<tr id=\"" + rowId(prefix, index) + "\" data-flags=\"";
    for (std::size_t i = 0; i < c.flags.size(); ++i) {
        if (i) out += ' ';
        escaped(out, c.flags[i].name);
    }
    out += c.flags.empty() ? "\">" : "\" class=\"flagged\">";

    // Number: a link to the place in the article.
    out += "<td class=\"num\" data-v=\"";
    number(out, index + 1);
    out += "\">";
    if (ctx.options.includeArticle && doc.article) {
        out += "<a href=\"#" + articleId(prefix, index) + "\" title=\"Show in the article\">";
        number(out, index + 1);
        out += "</a>";
    } else {
        number(out, index + 1);
    }
    out += "</td>";

    // The claim.
    out += "<td class=\"claim\" data-v=\"";
    escaped(out, detail::shorten(c.text, 60));
    out += "\"><div class=\"ct\">";
    escaped(out, c.text);
    out += "</div><div class=\"cm\">line ";
    number(out, c.place.line);
    if (ctx.options.includeArticle && doc.article)
        out += " · <a href=\"#" + articleId(prefix, index) + "\">show in the article</a>";
    if (c.suggested) out += " · <span class=\"tag\">suggestion, not reviewed</span>";
    if (c.checkworthy && *c.checkworthy) out += " · <span class=\"tag\">check-worthy</span>";
    if (team && c.set != doc.primary) {
        out += " · <span class=\"tag other\">only in ";
        for (std::size_t i = 0; i < c.reviewers.size(); ++i) {
            if (i) out += ", ";
            escaped(out, reviewerName(doc, c.reviewers[i].reviewer));
        }
        out += "'s set</span>";
    }
    out += "</div>";
    linkedItems(out, ctx, c);
    if (!c.note.empty()) {
        out += "<p class=\"note\"><span class=\"note-k\">Note:</span> ";
        escaped(out, c.note);
        out += "</p>";
    }
    out += "</td>";

    // Strength, verdict, support.
    out += "<td class=\"str\" data-v=\"";
    signedNumber(out, c.strength ? static_cast<long long>(*c.strength) : -1);
    out += "\">";
    if (c.strength) {
        out += "<span class=\"sn\">";
        signedNumber(out, static_cast<long long>(*c.strength));
        out += "</span>";
        const auto& levels = ctx.options.strengthLevels;
        if (*c.strength >= 1 && static_cast<std::size_t>(*c.strength) <= levels.size() &&
            !levels[*c.strength - 1].empty()) {
            out += " <span class=\"sl\">";
            escaped(out, levels[*c.strength - 1]);
            out += "</span>";
        }
    } else {
        out += "<span class=\"muted\">unrated</span>";
    }
    out += "</td><td class=\"verdict\">";
    if (c.verdict.empty()) out += "<span class=\"muted\">—</span>";
    else escaped(out, EvidenceHierarchy::words(c.verdict));
    const bool weak = ctx.report.hierarchy.isWeak(c.supportRank);
    out += weak ? "</td><td class=\"support weak\" data-v=\"" : "</td><td class=\"support\" data-v=\"";
    number(out, c.supportRank < 0 ? 999 : static_cast<std::size_t>(c.supportRank));
    out += "\">";
    escaped(out, supportText(c));
    out += "</td>";

    if (team) {
        linkCounts(out, c);
    } else {
        countCell(out, c.hedges.size());
        countCell(out, c.caveats.size());
        countCell(out, c.evidence.size());
        countCell(out, c.contradicting.size());
    }

    // Flags with their reasons.
    out += "<td class=\"flags\" data-v=\"";
    signedNumber(out, c.weight);
    out += "\">";
    if (c.flags.empty()) {
        out += "<span class=\"muted\">none</span>";
    } else {
        out += "<ul class=\"reasons\">";
        flagReasonItems(out, c);
        out += "</ul>";
    }
    out += "</td>";

    if (team)
        for (std::size_t r = 0; r < doc.reviewers.size(); ++r) reviewerCell(out, doc, c, r);
    out += "</tr>\n";
}

void filterControls(std::string& out, const DocumentReport& doc, const std::string& tableId) {
    std::map<std::string, std::size_t> perFlag;
    std::size_t flagged = 0;
    for (const ClaimReport& c : doc.claims) {
        if (!c.flags.empty()) ++flagged;
        for (const ClaimFlag& f : c.flags) ++perFlag[f.name];
    }
    out += "<div class=\"controls\" hidden=\"hidden\" data-table=\"" + tableId +
           "\"><label>Show <select class=\"filter\"><option value=\"\">all claims (";
    number(out, doc.claims.size());
    out += ")</option><option value=\"*\">flagged claims (";
    number(out, flagged);
    out += ")</option><option value=\"-\">claims without flags (";
    number(out, doc.claims.size() - flagged);
    out += ")</option>";
    for (const auto& [name, n] : perFlag) {
        out += "<option value=\"";
        escaped(out, name);
        out += "\">flag: ";
        escaped(out, flagWords(name));
        out += " (";
        number(out, n);
        out += ")</option>";
    }
    out +=
        "</select></label> <span class=\"shown\"></span> <span class=\"hint\">Click a column header to "
        "sort.</span></div>\n";
}

}  // namespace

void appendWorstFirst(std::string& out, const Context& ctx, const DocumentReport& doc, const std::string& prefix,
                      int level) {
    if (doc.summary.worstFirst.empty()) return;
    // The rows by index when the summary has them, else found by id.
    std::vector<std::size_t> rows;
    const std::vector<std::size_t>& given = doc.summary.worstFirstRows;
    if (given.size() == doc.summary.worstFirst.size()) {
        for (std::size_t r : given)
            if (r < doc.claims.size()) rows.push_back(r);
    } else {
        std::unordered_map<std::string_view, std::size_t> rowOf;
        rowOf.reserve(doc.claims.size());
        for (std::size_t r = 0; r < doc.claims.size(); ++r) rowOf.emplace(doc.claims[r].id, r);
        for (const std::string& id : doc.summary.worstFirst)
            if (const auto it = rowOf.find(id); it != rowOf.end()) rows.push_back(it->second);
    }
    out += "<section class=\"worst-first\" id=\"" + prefix + "-flagged\">\n";
    heading(out, level, "Flagged claims, worst first");
    out += "<ol class=\"worst\">\n";
    std::size_t shown = 0;
    for (std::size_t r : rows) {
        if (shown == kWorstShown) break;
        worstItem(out, ctx, doc.claims[r], r, prefix, "");
        ++shown;
    }
    out += "</ol>\n";
    worstMore(out, doc.summary.worstFirst.size() - shown);
    out += "</section>\n";
}

void appendWorstFirstOverall(std::string& out, const Context& ctx, const std::vector<std::string>& prefixes,
                             int level) {
    const Report& report = ctx.report;
    if (report.summary.worstFirst.empty()) return;
    out += "<section class=\"worst-first\" id=\"all-flagged\">\n";
    heading(out, level, "Flagged claims, worst first (all articles)");
    out += "<ol class=\"worst\">\n";
    std::vector<std::unordered_map<std::string_view, std::size_t>> rowOf(report.documents.size());
    std::size_t shown = 0;
    for (const std::string& entry : report.summary.worstFirst) {
        if (shown == kWorstShown) break;
        for (std::size_t d = 0; d < report.documents.size(); ++d) {
            const DocumentReport& doc = report.documents[d];
            if (entry.size() <= doc.name.size() + 2 || entry.compare(0, doc.name.size(), doc.name) != 0 ||
                entry.compare(doc.name.size(), 2, ": ") != 0)
                continue;
            if (rowOf[d].empty())
                for (std::size_t r = 0; r < doc.claims.size(); ++r) rowOf[d].emplace(doc.claims[r].id, r);
            const auto it = rowOf[d].find(std::string_view(entry).substr(doc.name.size() + 2));
            if (it == rowOf[d].end()) continue;
            worstItem(out, ctx, doc.claims[it->second], it->second, prefixes[d], shortName(doc.name));
            ++shown;
            break;
        }
    }
    out += "</ol>\n";
    worstMore(out, report.summary.worstFirst.size() - shown);
    out += "</section>\n";
}

void appendClaimsTable(std::string& out, const Context& ctx, const DocumentReport& doc, const std::string& prefix,
                       int level) {
    out += "<section class=\"claims-view\" id=\"" + prefix + "-claims\">\n";
    heading(out, level, "Claims");
    if (doc.claims.empty()) {
        out += "<p class=\"empty\">No claims are annotated.</p>\n</section>\n";
        return;
    }
    const bool team = doc.reviewers.size() > 1;
    const std::string tableId = prefix + "-table";
    filterControls(out, doc, tableId);
    out += "<div class=\"table-wrap\"><table class=\"" + std::string(team ? "claims team" : "claims") + "\" id=\"" +
           tableId +
           "\">\n<thead><tr><th class=\"num\" data-type=\"num\">#</th><th>Claim</th>"
           "<th data-type=\"num\">Strength</th><th>Verdict</th>"
           "<th data-type=\"num\" title=\"The best supporting evidence on the evidence hierarchy\">Support</th>";
    std::string header =
        "<th class=\"num cnt\" data-type=\"num\" title=\"Hedges linked to the claim\">Hedges</th>"
        "<th class=\"num cnt\" data-type=\"num\" title=\"Caveats linked to the claim\">Caveats</th>"
        "<th class=\"num cnt\" data-type=\"num\" title=\"Supporting evidence\">Evidence</th>"
        "<th class=\"num cnt\" data-type=\"num\" title=\"Contradicting evidence\">Contra</th>";
    if (team)
        header =
            "<th data-type=\"num\" title=\"Hedges, caveats, supporting and contradicting evidence linked to "
            "the claim\">Links</th>";
    out += header;
    out += "<th data-type=\"num\">Flags</th>";
    if (team) {
        for (std::size_t r = 0; r < doc.reviewers.size(); ++r) {
            out += "<th class=\"rvh\" data-type=\"num\">";
            escaped(out, doc.reviewers[r]);
            if (r == doc.primary)
                out += doc.reviewers[r] == "gold" ? "<span class=\"sub\">gold set, primary</span>"
                                                  : "<span class=\"sub\">primary</span>";
            out += "</th>";
        }
    }
    out += "</tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < doc.claims.size(); ++i) row(out, ctx, doc, doc.claims[i], i, prefix, team);
    out += "</tbody></table></div>\n</section>\n";
}

}  // namespace claimmark::html_detail
