// report_detail.h — what the report's files share inside src/core/report. Private: not part
// of claim_report.h.
//
//   claim_report.cpp   one set: claims, their links and support, the summary
//   claim_flags.cpp    the flags of each claim, and the hedge-dropped comparison
//   team_report.cpp    several sets side by side
#pragma once

#include "core/report/claim_report.h"

#include <string>
#include <string_view>
#include <vector>

namespace claimmark::detail {

// Sets the flags (and weights) of every claim of `claims` (document order). `article` may be
// null; hedge-dropped reasons then leave out line numbers.
void flagClaims(std::vector<ClaimReport>& claims, const EvidenceHierarchy& hierarchy);

// Team rows: adds reviewers-disagree where the reviewers' strengths or verdicts differ.
void flagDisagreement(ClaimReport& row, const std::vector<std::string>& reviewers);

// Orders flags worst first and sums the weights.
void settleFlags(ClaimReport& claim);

// The order of the worst-first list: the flags' weight, +10 check-worthy, verdict false +20,
// misleading +15, unsupported +10, mixed +5, mostly-accurate -5, accurate -10.
int flaggedPriority(const ClaimReport& claim);

// Recomputes the claim-dependent parts of `summary` from `claims`.
void summarizeClaims(const std::vector<ClaimReport>& claims, ReportSummary& summary);

// reportOnSet with the article's words counted already (a team report counts them once).
DocumentReport reportOnSetWithWords(const Document& article, const AnnotationSet& set,
                                    const ClaimReportOptions& options, const std::string& name, std::size_t words);

// Words of the article: runs of word characters (utf8::isWordCharacter), apostrophes and
// hyphens inside a word kept in it.
std::size_t countWords(std::string_view text);

// "…" shortened to at most `maxCodePoints`, on a word boundary where one is near.
std::string shorten(std::string_view text, std::size_t maxCodePoints);

}  // namespace claimmark::detail
