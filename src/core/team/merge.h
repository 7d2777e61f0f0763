// merge.h — building a gold set from several reviewers' sets of the same document.
//
// Annotations are matched across reviewers by label and exact spans. A matched group goes
// into the gold set as settled when the strategy accepts it:
//   majority      more than half of the reviewers proposed it
//   union         at least one reviewer proposed it (everything is settled)
//   intersection  every reviewer proposed it
// Anything else goes in with status "disputed" and `proposedBy` naming who proposed it, so
// nothing any reviewer marked is lost. An accepted group whose reviewers gave different
// attribute values is disputed too, and its conflicting values are kept in the annotation's
// extra key "attribute_votes": {"strength": {"alice": 4, "bob": 3}} for adjudication. Notes of
// different reviewers are joined. Relations are matched by (type, from-group, to-group) and
// treated by the same strategy; a disputed relation keeps "status": "disputed" and
// "proposed_by" in its extra keys.
#pragma once

#include "core/model/annotation_set.h"
#include "core/diagnostic.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimmark {

enum class MergeStrategy { Majority, Union, Intersection };
const char* mergeStrategyName(MergeStrategy strategy);
std::optional<MergeStrategy> parseMergeStrategy(std::string_view name);

struct MergeOptions {
    MergeStrategy strategy = MergeStrategy::Majority;
    std::string annotator = "gold";
    // Pending suggestions (status "suggested") are left out unless this is set.
    bool includeSuggested = false;
};

struct MergeOutcome {
    AnnotationSet gold;  // document and schema from the first set
    std::size_t settled = 0;
    std::size_t disputed = 0;
    std::size_t relationsSettled = 0;
    std::size_t relationsDisputed = 0;
    // Added by the merge engineer: the reviewer names used in proposedBy / attribute_votes,
    // one per input set in input order (made unique), and how many orphaned annotations
    // of the inputs were left out (they have no place in the current article).
    std::vector<std::string> reviewers;
    std::size_t orphanedLeftOut = 0;
};

// The sets must be of the same document (same SHA-256) and their schemas must agree on
// the labels used; otherwise diagnostics name the set (by annotator) and the problem.
// Each reviewer is named by the set's annotator (made unique: "alice", "alice-2").
Result<MergeOutcome> mergeSets(const std::vector<const AnnotationSet*>& sets, const MergeOptions& options);

}  // namespace claimmark
