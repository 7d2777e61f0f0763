// claim_report.h — the claim-strength report: what each claim rests on, and where its
// strength outruns its evidence (README "The report").
//
// [SECTION] Per claim
//   For every claim of a set: its text and place, the annotated strength / verdict /
//   checkworthy, the annotations linked to it — hedges (`hedges`), caveats (`qualifies`),
//   supporting evidence (`supports`) and contradicting evidence (`contradicts`) — the
//   support level (the best supporting evidence on the evidence hierarchy) with the
//   evidence mix, and the flags (claim_flags.cpp), each with a one-line reason.
// [SECTION] Summary
//   Counts per label, the evidence mix of the whole article, hedges per 1,000 words, claims
//   by strength, and the flagged claims, worst first.
// [SECTION] Teams
//   Several sets of one article (reviewers, perhaps a gold set): claims are grouped across
//   the sets as `agree` groups spans (one-to-one by overlap, label "claim"). Each row shows
//   the primary set's claim — the gold set's where there is one, else the first set's — and
//   every reviewer's strength, verdict and flags side by side. Claims only some reviewers
//   marked get rows too (taken from the first set that has them).
// Orphaned annotations (not placed in the current article) are left out and counted, with
// the relations touching them. Pending suggestions are left out (and counted) unless
// `includeSuggested`; the editor's panel includes them, marked.
#pragma once

#include "core/diagnostic.h"
#include "core/model/annotation_set.h"
#include "core/report/evidence_hierarchy.h"
#include "core/text/document.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace claimmark {

// --- [SECTION] Per claim ------------------------------------------------------------------

// An annotation linked to a claim.
struct LinkedAnnotation {
    std::string id;          // the annotation's id
    std::string relationId;  // the relation that links it
    std::string text;
    std::string kind;        // hedge/caveat "kind", evidence "type" (empty when not set)
    bool cited = false;      // evidence: the "cited" attribute
    bool suggested = false;  // a pending suggestion (only with includeSuggested)
    std::size_t start = 0;   // code point offset of its first span
};

// Flag names (the strings of the JSON output).
inline constexpr const char* kFlagNoEvidence = "no-evidence";
inline constexpr const char* kFlagStrengthExceedsEvidence = "strength-exceeds-evidence";
inline constexpr const char* kFlagContradicted = "contradicted";
inline constexpr const char* kFlagHedgeDropped = "hedge-dropped";
inline constexpr const char* kFlagUncitedSupport = "uncited-support";
inline constexpr const char* kFlagReviewersDisagree = "reviewers-disagree";

struct ClaimFlag {
    std::string name;    // one of the kFlag* names
    std::string reason;  // one line a reader understands
    int weight = 0;      // how bad (worst-first ordering); see claim_flags.cpp
};

// One reviewer's view of a claim (team reports).
struct ReviewerClaim {
    std::size_t reviewer = 0;  // index into DocumentReport::reviewers
    std::string claimId;
    std::optional<std::int64_t> strength;
    std::string verdict;
    std::string support;  // best supporting evidence type, or "none"
    std::vector<std::string> flags;
};

struct ClaimReport {
    std::string id;
    std::string text;
    std::vector<Span> spans;
    LineColumn place;     // of the first span (1-based)
    std::size_t set = 0;  // which set the row's claim comes from (index into reviewers)
    bool suggested = false;
    std::optional<std::int64_t> strength;  // "strength" attribute; empty when not rated
    std::string verdict;                   // "verdict" attribute, or "" when not set
    std::optional<bool> checkworthy;
    std::string note;
    std::vector<LinkedAnnotation> hedges;
    std::vector<LinkedAnnotation> caveats;
    std::vector<LinkedAnnotation> evidence;  // supporting only, in document order
    std::vector<LinkedAnnotation> contradicting;
    std::string support = "none";                    // the best supporting evidence type, or "none"
    int supportRank = -1;                            // its index on the hierarchy (0 = best); -1 = none
    std::map<std::string, std::size_t> evidenceMix;  // supporting evidence per type
    std::vector<ClaimFlag> flags;                    // worst first
    int weight = 0;                                  // sum of the flags' weights
    std::vector<ReviewerClaim> reviewers;            // team reports: one per set with the claim

    bool hasFlag(std::string_view name) const;
    // "supported by 2 (best: clinical trial) · hedged by 3 · 1 caveat · flags: no-evidence"
    std::string oneLine() const;
};

// --- [SECTION] Summary --------------------------------------------------------------------

struct ReportSummary {
    std::map<std::string, std::size_t> labelCounts;  // every schema label, zeros included
    std::map<std::string, std::size_t> evidenceMix;  // all evidence annotations per type
    std::size_t words = 0;
    double hedgesPer1000Words = 0;
    // Claims per strength value ("1".."5") and "unrated".
    std::map<std::string, std::size_t> claimsByStrength;
    std::size_t claims = 0;
    std::size_t flaggedClaims = 0;
    double flaggedShare = 0;                        // flaggedClaims / claims (0 when no claims)
    std::map<std::string, std::size_t> flagCounts;  // per flag name, zeros included
    std::vector<std::string> worstFirst;            // ids of the flagged claims, worst first
    std::vector<std::size_t> worstFirstRows;        // the same as indices into claims (documents only)
    std::size_t orphansLeftOut = 0;
    std::size_t relationsLeftOut = 0;  // relations touching orphans
    std::size_t suggestionsLeftOut = 0;
    std::size_t unlinkedEvidence = 0;  // evidence linked to no claim
};

// --- [SECTION] Teams / one document -------------------------------------------------------

struct DocumentReport {
    std::string name;         // the article's file name or project stem
    std::string articlePath;  // as given to the report
    std::string sha256;
    std::vector<std::string> reviewers;  // one per set; "gold" when it is the gold set
    std::size_t primary = 0;             // index of the set rows are taken from
    const Document* article = nullptr;   // for the HTML article view (may be null)
    // The primary set's annotations, in document order, for highlighting (id, label, spans).
    struct Mark {
        std::string id;
        std::string label;
        std::vector<Span> spans;
        bool suggested = false;
    };
    std::vector<Mark> marks;
    std::vector<ClaimReport> claims;  // in document order
    ReportSummary summary;
    std::vector<std::string> notes;  // re-anchored sets, skipped files, ...

    const ClaimReport* findClaim(std::string_view id) const;
};

struct ClaimReportOptions {
    bool includeSuggested = false;
    EvidenceHierarchy hierarchy;  // usually from the schema (hierarchyFromSchema)
};

// One reviewer's set. The article must be the one the set's offsets refer to.
DocumentReport reportOnSet(const Document& article, const AnnotationSet& set, const ClaimReportOptions& options,
                           const std::string& name = "");

// Several sets of one article, side by side; `reviewers` names them (same length as
// `sets`); `primary` is the set rows come from (the gold set), or -1 for the first.
DocumentReport reportOnSets(const Document& article, const std::vector<const AnnotationSet*>& sets,
                            const std::vector<std::string>& reviewers, const ClaimReportOptions& options,
                            const std::string& name = "", int primary = -1);

// A project or several articles: one DocumentReport each, plus the summary of them all.
struct Report {
    std::vector<DocumentReport> documents;
    ReportSummary summary;  // sums over the documents (shares and rates recomputed)
    std::vector<std::string> notes;
    EvidenceHierarchy hierarchy;
};

// Sums the documents' summaries into `report.summary`.
void summarizeReport(Report& report);

}  // namespace claimmark
