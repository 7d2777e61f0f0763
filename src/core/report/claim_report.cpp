// claim_report.cpp — see claim_report.h.
//
// [SECTION] Helpers
// [SECTION] Claims and their links
// [SECTION] Summary
#include "core/report/claim_report.h"

#include "core/report/report_detail.h"
#include "core/text/utf8.h"

#include <algorithm>
#include <unordered_map>

namespace claimmark {

namespace {

// --- [SECTION] Helpers ------------------------------------------------------------------

std::string stringAttribute(const Annotation& a, std::string_view name) {
    const auto it = a.attributes.find(name);
    if (it == a.attributes.end()) return {};
    if (const auto* text = std::get_if<std::string>(&it->second)) return *text;
    return attributeValueToString(it->second);
}

LinkedAnnotation linked(const Annotation& a, const Relation& r, std::string_view kindAttribute) {
    LinkedAnnotation out;
    out.id = a.id;
    out.relationId = r.id;
    out.text = a.text;
    out.kind = stringAttribute(a, kindAttribute);
    if (const auto it = a.attributes.find("cited"); it != a.attributes.end())
        if (const bool* cited = std::get_if<bool>(&it->second)) out.cited = *cited;
    out.suggested = isPendingSuggestion(a);
    out.start = a.start();
    return out;
}

void byStart(std::vector<LinkedAnnotation>& items) {
    std::stable_sort(items.begin(), items.end(), [](const LinkedAnnotation& x, const LinkedAnnotation& y) {
        return x.start != y.start ? x.start < y.start : x.id < y.id;
    });
}

}  // namespace

// --- [SECTION] Claims and their links -------------------------------------------------------

bool ClaimReport::hasFlag(std::string_view name) const {
    return std::any_of(flags.begin(), flags.end(), [&](const ClaimFlag& f) { return f.name == name; });
}

std::string ClaimReport::oneLine() const {
    std::string out;
    if (evidence.empty()) {
        out = "no supporting evidence";
    } else {
        out = "supported by " + std::to_string(evidence.size()) + " (best: " + EvidenceHierarchy::words(support) + ")";
    }
    if (!contradicting.empty()) out += " · contradicted by " + std::to_string(contradicting.size());
    out += hedges.empty() ? " · no hedge" : " · hedged by " + std::to_string(hedges.size());
    if (!caveats.empty())
        out += " · " + std::to_string(caveats.size()) + (caveats.size() == 1 ? " caveat" : " caveats");
    if (flags.empty()) {
        out += " · no flags";
    } else {
        out += " · flags: ";
        for (std::size_t i = 0; i < flags.size(); ++i) out += (i ? ", " : "") + flags[i].name;
    }
    return out;
}

const ClaimReport* DocumentReport::findClaim(std::string_view id) const {
    for (const ClaimReport& c : claims)
        if (c.id == id) return &c;
    return nullptr;
}

DocumentReport reportOnSet(const Document& article, const AnnotationSet& set, const ClaimReportOptions& options,
                           const std::string& name) {
    return detail::reportOnSetWithWords(article, set, options, name, detail::countWords(article.bytes()));
}

DocumentReport detail::reportOnSetWithWords(const Document& article, const AnnotationSet& set,
                                            const ClaimReportOptions& options, const std::string& name,
                                            std::size_t words) {
    DocumentReport report;
    report.name = name.empty() ? article.name() : name;
    report.articlePath = article.name();
    report.sha256 = article.sha256();
    report.reviewers.push_back(set.annotator.empty() ? std::string("reviewer") : set.annotator);
    report.article = &article;
    ReportSummary& summary = report.summary;
    for (const LabelDef& label : set.schema.labels) summary.labelCounts[label.name] = 0;
    for (const std::string& type : options.hierarchy.ranks) summary.evidenceMix[type] = 0;

    const auto usable = [&](const Annotation& a) {
        return !a.orphaned && (options.includeSuggested || !isPendingSuggestion(a));
    };
    std::unordered_map<std::string_view, std::size_t> claimRow;
    for (const Annotation* a : set.inDocumentOrder()) {
        if (a->orphaned) {
            ++summary.orphansLeftOut;
            continue;
        }
        if (!usable(*a)) {
            ++summary.suggestionsLeftOut;
            continue;
        }
        ++summary.labelCounts[a->label];
        report.marks.push_back({a->id, a->label, a->spans, isPendingSuggestion(*a)});
        if (a->label == "evidence") {
            std::string type = stringAttribute(*a, "type");
            ++summary.evidenceMix[type.empty() ? std::string("unspecified") : type];
        }
        if (a->label != "claim") continue;
        ClaimReport claim;
        claim.id = a->id;
        claim.text = a->text;
        claim.spans = a->spans;
        claim.place = article.lineColumn(a->start());
        claim.suggested = isPendingSuggestion(*a);
        claim.note = a->note;
        if (const auto it = a->attributes.find("strength"); it != a->attributes.end())
            if (const auto* value = std::get_if<std::int64_t>(&it->second)) claim.strength = *value;
        claim.verdict = stringAttribute(*a, "verdict");
        if (const auto it = a->attributes.find("checkworthy"); it != a->attributes.end())
            if (const bool* value = std::get_if<bool>(&it->second)) claim.checkworthy = *value;
        claimRow.emplace(a->id, report.claims.size());
        report.claims.push_back(std::move(claim));
    }

    std::unordered_map<std::string_view, bool> evidenceLinked;
    for (const Relation& r : set.relations()) {
        const Annotation* from = set.findAnnotation(r.from);
        const Annotation* to = set.findAnnotation(r.to);
        if (!from || !to) continue;
        if (from->orphaned || to->orphaned) {
            ++summary.relationsLeftOut;
            continue;
        }
        if (!usable(*from) || !usable(*to)) continue;
        const auto row = claimRow.find(to->id);
        if (row == claimRow.end()) continue;
        ClaimReport& claim = report.claims[row->second];
        if (r.type == "hedges") {
            claim.hedges.push_back(linked(*from, r, "kind"));
        } else if (r.type == "qualifies") {
            claim.caveats.push_back(linked(*from, r, "kind"));
        } else if (r.type == "supports") {
            claim.evidence.push_back(linked(*from, r, "type"));
            evidenceLinked[from->id] = true;
        } else if (r.type == "contradicts") {
            claim.contradicting.push_back(linked(*from, r, "type"));
            evidenceLinked[from->id] = true;
        }
    }
    for (const Annotation& a : set.annotations())
        if (a.label == "evidence" && usable(a) && !evidenceLinked.count(a.id)) ++summary.unlinkedEvidence;

    for (ClaimReport& claim : report.claims) {
        byStart(claim.hedges);
        byStart(claim.caveats);
        byStart(claim.evidence);
        byStart(claim.contradicting);
        for (LinkedAnnotation& e : claim.evidence) {
            if (e.kind.empty()) e.kind = "unspecified";
            ++claim.evidenceMix[e.kind];
            const int rank = options.hierarchy.rankOf(e.kind);
            if (claim.supportRank < 0 || rank < claim.supportRank) {
                claim.supportRank = rank;
                claim.support = e.kind;
            }
        }
        for (LinkedAnnotation& e : claim.contradicting)
            if (e.kind.empty()) e.kind = "unspecified";
    }
    detail::flagClaims(report.claims, options.hierarchy);

    summary.words = words;
    const std::size_t hedges = summary.labelCounts.count("hedge") ? summary.labelCounts["hedge"] : 0;
    summary.hedgesPer1000Words = summary.words ? 1000.0 * double(hedges) / double(summary.words) : 0.0;
    detail::summarizeClaims(report.claims, summary);
    return report;
}

// --- [SECTION] Summary ----------------------------------------------------------------------

namespace detail {

// The flags' weight, raised for claims the reviewer marked check-worthy or judged false or
// misleading, lowered for claims they checked and found accurate (background facts).
int flaggedPriority(const ClaimReport& c) {
    int priority = c.weight;
    if (c.checkworthy.value_or(false)) priority += 10;
    if (c.verdict == "false") priority += 20;
    else if (c.verdict == "misleading") priority += 15;
    else if (c.verdict == "unsupported") priority += 10;
    else if (c.verdict == "mixed") priority += 5;
    else if (c.verdict == "mostly-accurate") priority -= 5;
    else if (c.verdict == "accurate") priority -= 10;
    return priority;
}

void summarizeClaims(const std::vector<ClaimReport>& claims, ReportSummary& summary) {
    summary.claims = claims.size();
    summary.claimsByStrength.clear();
    for (int s = 1; s <= 5; ++s) summary.claimsByStrength[std::to_string(s)] = 0;
    summary.claimsByStrength["unrated"] = 0;
    summary.flagCounts.clear();
    for (const char* name : {kFlagNoEvidence, kFlagStrengthExceedsEvidence, kFlagContradicted, kFlagHedgeDropped,
                             kFlagUncitedSupport, kFlagReviewersDisagree})
        summary.flagCounts[name] = 0;
    summary.flaggedClaims = 0;
    // Worst first: heavier flags (adjusted by the reviewer's judgement), then stronger
    // claims, then document order.
    struct Flagged {
        int priority;
        std::int64_t strength;
        const ClaimReport* claim;
    };
    std::vector<Flagged> flagged;
    for (const ClaimReport& c : claims) {
        ++summary.claimsByStrength[c.strength ? std::to_string(*c.strength) : std::string("unrated")];
        for (const ClaimFlag& f : c.flags) ++summary.flagCounts[f.name];
        if (!c.flags.empty()) flagged.push_back({flaggedPriority(c), c.strength.value_or(0), &c});
    }
    summary.flaggedClaims = flagged.size();
    summary.flaggedShare = claims.empty() ? 0.0 : double(flagged.size()) / double(claims.size());
    std::stable_sort(flagged.begin(), flagged.end(), [](const Flagged& x, const Flagged& y) {
        return x.priority != y.priority ? x.priority > y.priority : x.strength > y.strength;
    });
    summary.worstFirst.clear();
    summary.worstFirstRows.clear();
    for (const Flagged& f : flagged) {
        summary.worstFirst.push_back(f.claim->id);
        summary.worstFirstRows.push_back(static_cast<std::size_t>(f.claim - claims.data()));
    }
}

std::size_t countWords(std::string_view text) {
    std::size_t words = 0, pos = 0;
    bool inWord = false;
    while (pos < text.size()) {
        const char32_t cp = utf8::decode(text, pos);
        const bool word = utf8::isWordCharacter(cp);
        const bool joiner = (cp == '\'' || cp == U'\u2019' || cp == '-') && inWord;
        if (word && !inWord) ++words;
        if (!joiner) inWord = word;
    }
    return words;
}

std::string shorten(std::string_view text, std::size_t maxCodePoints) {
    if (utf8::countCodePoints(text) <= maxCodePoints) return std::string(text);
    std::size_t pos = 0, count = 0, lastSpace = 0;
    while (pos < text.size() && count < maxCodePoints) {
        const std::size_t before = pos;
        const char32_t cp = utf8::decode(text, pos);
        if (utf8::isWhiteSpace(cp)) lastSpace = before;
        ++count;
    }
    const std::size_t cut = lastSpace > pos / 2 ? lastSpace : pos;
    return std::string(text.substr(0, cut)) + "…";
}

}  // namespace detail

void summarizeReport(Report& report) {
    ReportSummary total;
    std::vector<std::pair<int, std::string>> worst;  // (weight, "document: id")
    for (const DocumentReport& doc : report.documents) {
        const ReportSummary& s = doc.summary;
        for (const auto& [k, v] : s.labelCounts) total.labelCounts[k] += v;
        for (const auto& [k, v] : s.evidenceMix) total.evidenceMix[k] += v;
        for (const auto& [k, v] : s.claimsByStrength) total.claimsByStrength[k] += v;
        for (const auto& [k, v] : s.flagCounts) total.flagCounts[k] += v;
        total.words += s.words;
        total.claims += s.claims;
        total.flaggedClaims += s.flaggedClaims;
        total.orphansLeftOut += s.orphansLeftOut;
        total.relationsLeftOut += s.relationsLeftOut;
        total.suggestionsLeftOut += s.suggestionsLeftOut;
        total.unlinkedEvidence += s.unlinkedEvidence;
        for (std::size_t row : s.worstFirstRows)
            if (row < doc.claims.size())
                worst.emplace_back(detail::flaggedPriority(doc.claims[row]), doc.name + ": " + doc.claims[row].id);
    }
    const std::size_t hedges = total.labelCounts.count("hedge") ? total.labelCounts["hedge"] : 0;
    total.hedgesPer1000Words = total.words ? 1000.0 * double(hedges) / double(total.words) : 0.0;
    total.flaggedShare = total.claims ? double(total.flaggedClaims) / double(total.claims) : 0.0;
    std::stable_sort(worst.begin(), worst.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });  // priority
    for (auto& [weight, id] : worst) total.worstFirst.push_back(std::move(id));
    report.summary = std::move(total);
}

}  // namespace claimmark
