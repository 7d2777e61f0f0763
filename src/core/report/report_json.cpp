// report_json.cpp — see report_json.h.
#include "core/report/report_json.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace claimmark {

namespace {

using json = nlohmann::json;

json linkedToJson(const LinkedAnnotation& item, bool evidence) {
    json out = json::object();
    out["id"] = item.id;
    out["relation"] = item.relationId;
    out["text"] = item.text;
    if (evidence) {
        out["type"] = item.kind;
        out["cited"] = item.cited;
    } else {
        out["kind"] = item.kind.empty() ? json(nullptr) : json(item.kind);
    }
    if (item.suggested) out["suggested"] = true;
    return out;
}

json linkedList(const std::vector<LinkedAnnotation>& items, bool evidence) {
    json out = json::array();
    for (const LinkedAnnotation& item : items) out.push_back(linkedToJson(item, evidence));
    return out;
}

double rounded(double value, int digits) {
    const double scale = std::pow(10.0, digits);
    return std::round(value * scale) / scale;
}

json hierarchyToJson(const EvidenceHierarchy& h) {
    return json{{"evidence_hierarchy", h.ranks},
                {"weak_from", h.weakFrom < h.ranks.size() ? json(h.ranks[h.weakFrom]) : json(nullptr)},
                {"strong_strength", h.strongStrength}};
}

json documentInfo(const DocumentReport& document) {
    return json{{"name", document.name},
                {"article", document.articlePath},
                {"sha256", document.sha256},
                {"reviewers", document.reviewers},
                {"primary", document.reviewers.empty() ? json(nullptr) : json(document.reviewers[document.primary])}};
}

}  // namespace

json claimToJson(const ClaimReport& claim, const DocumentReport& document) {
    json out = json::object();
    out["id"] = claim.id;
    out["text"] = claim.text;
    json spans = json::array();
    for (const Span& s : claim.spans) spans.push_back(json::array({s.start, s.end}));
    out["spans"] = std::move(spans);
    out["line"] = claim.place.line;
    out["column"] = claim.place.column;
    out["strength"] = claim.strength ? json(*claim.strength) : json(nullptr);
    out["verdict"] = claim.verdict.empty() ? json(nullptr) : json(claim.verdict);
    out["checkworthy"] = claim.checkworthy ? json(*claim.checkworthy) : json(nullptr);
    out["suggested"] = claim.suggested;
    if (!claim.note.empty()) out["note"] = claim.note;
    out["hedges"] = linkedList(claim.hedges, false);
    out["caveats"] = linkedList(claim.caveats, false);
    out["evidence"] = linkedList(claim.evidence, true);
    out["contradicting"] = linkedList(claim.contradicting, true);
    out["support"] = claim.support;
    out["evidence_mix"] = claim.evidenceMix;
    json flags = json::array();
    json reasons = json::object();
    for (const ClaimFlag& f : claim.flags) {
        flags.push_back(f.name);
        reasons[f.name] = f.reason;
    }
    out["flags"] = std::move(flags);
    out["reasons"] = std::move(reasons);
    if (document.reviewers.size() > 1) {
        out["from"] = claim.set < document.reviewers.size() ? json(document.reviewers[claim.set]) : json(nullptr);
        json reviewers = json::array();
        for (const ReviewerClaim& r : claim.reviewers)
            reviewers.push_back(
                json{{"reviewer",
                      r.reviewer < document.reviewers.size() ? json(document.reviewers[r.reviewer]) : json(nullptr)},
                     {"id", r.claimId},
                     {"strength", r.strength ? json(*r.strength) : json(nullptr)},
                     {"verdict", r.verdict.empty() ? json(nullptr) : json(r.verdict)},
                     {"support", r.support},
                     {"flags", r.flags}});
        out["reviewers"] = std::move(reviewers);
    }
    return out;
}

json summaryToJson(const ReportSummary& s) {
    return json{{"label_counts", s.labelCounts},
                {"evidence_mix", s.evidenceMix},
                {"words", s.words},
                {"hedges_per_1000_words", rounded(s.hedgesPer1000Words, 2)},
                {"claims_by_strength", s.claimsByStrength},
                {"claims", s.claims},
                {"flagged_claims", s.flaggedClaims},
                {"flagged_share", rounded(s.flaggedShare, 4)},
                {"flag_counts", s.flagCounts},
                {"worst_first", s.worstFirst},
                {"unlinked_evidence", s.unlinkedEvidence},
                {"orphans_left_out", s.orphansLeftOut},
                {"relations_left_out", s.relationsLeftOut},
                {"suggestions_left_out", s.suggestionsLeftOut}};
}

json documentReportToJson(const DocumentReport& document) {
    json claims = json::array();
    for (const ClaimReport& c : document.claims) claims.push_back(claimToJson(c, document));
    json out = json::object();
    out["document"] = documentInfo(document);
    out["claims"] = std::move(claims);
    out["summary"] = summaryToJson(document.summary);
    if (!document.notes.empty()) out["notes"] = document.notes;
    return out;
}

json reportToJson(const Report& report) {
    json out = json::object();
    out["format"] = "claimmark/report";
    out["version"] = 1;
    out["hierarchy"] = hierarchyToJson(report.hierarchy);
    if (report.documents.size() == 1) {
        json one = documentReportToJson(report.documents.front());
        for (auto it = one.begin(); it != one.end(); ++it) out[it.key()] = it.value();
    } else {
        json documents = json::array();
        for (const DocumentReport& d : report.documents) documents.push_back(documentReportToJson(d));
        out["documents"] = std::move(documents);
        out["summary"] = summaryToJson(report.summary);
    }
    out["notes"] = report.notes;
    return out;
}

}  // namespace claimmark
