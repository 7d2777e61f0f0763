// agreement.h — how far reviewers agree on one document or a whole project.
//
// [SECTION] Input     documents, each with at most one set per reviewer and the article text
// [SECTION] Counts    raw tallies per document; they add up, so project micro figures are
//                     the figures of the summed counts
// [SECTION] Figures   the headline figures of a document / project, and the whole computation
//
// What is compared (README "Agreement"):
//   Span level, pairwise, per label: precision / recall / F1 of the second reviewer of a pair
//     against the first. Exact: same label and identical spans (every fragment), matched one
//     to one. Overlap: same label and at least one shared code point, matched one to one,
//     greedily by the largest number of shared code points (ties: earlier spans first).
//   Unit level: units are the article's code points that are not Unicode White_Space; for a
//     label a unit is 1 for a reviewer when any of that reviewer's spans of the label covers
//     it. Cohen's kappa per pair, Fleiss' kappa and Krippendorff's alpha (nominal) across
//     reviewers; a reviewer without a set for the document gives no values there (missing
//     data). "Overall" pools the (unit, label) items of every label.
//   Attributes: spans are grouped across reviewers — each reviewer's spans in turn are
//     matched one to one (overlap, as above) to the groups formed so far, compared with the
//     group's first span; unmatched spans open new groups. A group is a unit; each member's
//     value of the attribute is that reviewer's value. Ordinal attributes: alpha (ordinal)
//     and quadratic-weighted Cohen's kappa per pair; enum and bool: alpha (nominal).
//   Relations: pairwise F1 of (type, from, to) where the second reviewer's ends must be the
//     spans overlap-matched to the first reviewer's ends.
//   Orphaned annotations (not placed in the current article) are left out and counted, and so
//   are relations touching them.
// Undefined figures (0/0: no spans anywhere, one category only, ...) carry a reason instead
// of a value; see agreement_measures.h.
#pragma once

#include "core/team/agreement_measures.h"
#include "core/model/annotation_set.h"
#include "core/text/document.h"
#include "core/model/schema.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace claimmark {

// --- [SECTION] Input --------------------------------------------------------------------

inline constexpr std::size_t kMaxAgreementReviewers = 64;  // reviewers are bits of a mask

struct AgreementDocument {
    std::string name;                        // shown in reports: the article stem or file
    const Document* article = nullptr;       // the text every set's offsets refer to
    std::vector<const AnnotationSet*> sets;  // index = reviewer; nullptr = no set from them
};

struct AgreementInput {
    std::vector<std::string> reviewers;  // unique names, at most kMaxAgreementReviewers
    std::vector<AgreementDocument> documents;
    Schema schema;  // labels and attributes compared (usually the first set's schema)
};

// --- [SECTION] Counts -------------------------------------------------------------------

using ReviewerPair = std::pair<std::uint32_t, std::uint32_t>;  // first < second

// Spans (or relations) of the first and second reviewer of a pair and how many matched.
struct MatchCounts {
    std::uint64_t first = 0;
    std::uint64_t second = 0;
    std::uint64_t matched = 0;
    void add(const MatchCounts& other) {
        first += other.first;
        second += other.second;
        matched += other.matched;
    }
    Figure precision() const;  // matched / second
    Figure recall() const;     // matched / first
    Figure f1() const;         // 2 matched / (first + second)
};

// Per unit: which reviewers have the document (present) and which of them cover it.
using UnitPattern = std::pair<std::uint64_t, std::uint64_t>;  // (present mask, covered mask)
using UnitPatterns = std::map<UnitPattern, std::uint64_t>;    // pattern -> units

// One attribute over the span groups: per group, (reviewer, category) for members that set it.
struct AttributeUnits {
    std::string label;
    std::string attribute;
    AttributeKind kind = AttributeKind::Enum;
    std::vector<std::string> categories;  // enum values; "false"/"true"; ordinal min..max
    std::vector<double> numeric;          // ordinal: the values themselves
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> units;
};

struct AgreementCounts {
    std::size_t documents = 0;
    std::uint64_t units = 0;                                               // non-whitespace code points
    std::uint64_t orphansExcluded = 0;                                     // orphaned annotations left out
    std::map<std::string, std::map<ReviewerPair, MatchCounts>> exact;      // label -> pair
    std::map<std::string, std::map<ReviewerPair, MatchCounts>> overlap;    // label -> pair
    std::map<std::string, std::map<ReviewerPair, MatchCounts>> relations;  // type -> pair
    std::map<std::string, UnitPatterns> unitPatterns;                      // label -> patterns
    std::vector<AttributeUnits> attributes;                                // in schema order

    void add(const AgreementCounts& other);
};

// The tallies of one document. `labels` and attributes come from `schema`; labels used by a
// set but missing from the schema are counted too.
AgreementCounts countDocument(const AgreementDocument& document, std::size_t reviewerCount, const Schema& schema);

// --- [SECTION] Figures ------------------------------------------------------------------

// Pooled over pairs (micro) for the span and relation figures.
MatchCounts sumOverPairs(const std::map<ReviewerPair, MatchCounts>& perPair);
MatchCounts sumOverLabels(const std::map<std::string, std::map<ReviewerPair, MatchCounts>>& perLabel,
                          const ReviewerPair* onlyPair = nullptr);

struct UnitFigures {
    Figure fleissKappa;
    Figure alpha;  // nominal
    std::map<ReviewerPair, Figure> cohenKappa;
};
UnitFigures unitFigures(const UnitPatterns& patterns, std::size_t reviewerCount);
UnitPatterns poolLabels(const std::map<std::string, UnitPatterns>& perLabel);

struct AttributeFigures {
    Figure alpha;                                  // ordinal for ordinal attributes, else nominal
    std::map<ReviewerPair, Figure> weightedKappa;  // ordinal only
    std::uint64_t groups = 0;                      // units with values from two reviewers
};
AttributeFigures attributeFigures(const AttributeUnits& units, std::size_t reviewerCount);

// The figures the per-document table shows and the project macro-averages.
struct Headline {
    Figure spanF1Exact;
    Figure spanF1Overlap;
    Figure unitAlpha;   // pooled over labels
    Figure unitFleiss;  // pooled over labels
    Figure relationF1;
};
Headline headline(const AgreementCounts& counts, std::size_t reviewerCount);

struct DocumentAgreement {
    std::string name;
    std::vector<std::string> reviewers;  // those with a set for this document
    AgreementCounts counts;
    Headline figures;
};

struct MacroFigure {
    Figure mean;                // over documents where the figure is defined
    std::size_t documents = 0;  // how many that was
};

struct AgreementReport {
    std::vector<std::string> reviewers;
    std::vector<std::string> labels;           // schema labels, then any others seen
    std::vector<std::string> relationTypes;    // schema types, then any others seen
    std::vector<DocumentAgreement> documents;  // input order
    std::vector<std::size_t> worstFirst;       // indices into documents
    AgreementCounts total;                     // summed over documents (micro)
    Headline micro;
    MacroFigure macroSpanF1Exact, macroSpanF1Overlap, macroUnitAlpha, macroUnitFleiss, macroRelationF1;
};

// Everything: counts per document, their sum, micro and macro figures, the worst-first order
// (by unit-level alpha, then overlap F1; undefined values after defined ones).
AgreementReport computeAgreement(const AgreementInput& input);

}  // namespace claimmark
