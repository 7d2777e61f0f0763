// suggest.h — pre-marking what a careful reader would mark: hedges, caveats, evidence and
// claims, each with the rule that made it and why, linked to the claims they bear on, and
// claims given a suggested strength.
//
// The result is a batch of annotations with status "suggested" (origin "suggested") and
// relations between them (and to claims already in the set), with ids fresh for the set.
// suggest() never proposes what the set already has (an annotation with the same label
// overlapping it) nor anything the reviewer rejected before (same label, spans and rule),
// and never changes existing work. Adding the batch is one step (EditSession::
// addSuggestions in the editor; addSuggestionBatch here for the command line).
#pragma once

#include "core/diagnostic.h"
#include "core/model/annotation_set.h"
#include "core/suggest/suggestion_rules.h"
#include "core/text/document.h"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace claimmark {

struct SuggestOptions {
    // Labels to suggest ("hedge", "caveat", "evidence", "claim"); empty: all of them.
    std::vector<std::string> labels;
    // Timestamp for created/modified ("2026-12-01T10:00:00Z"); empty leaves them empty.
    std::string now;
};

struct SuggestionBatch {
    std::vector<Annotation> annotations;  // in document order; status "suggested"
    std::vector<Relation> relations;      // rule set; ends are batch or existing ids
    // How many annotations each rule made; how many of the set's annotations already
    // covered what the rules found (each counted once); how many suggestions were left out
    // because the reviewer had rejected them.
    std::map<std::string, std::size_t> perRule;
    std::size_t alreadyThere = 0;
    std::size_t rejectedBefore = 0;
};

// The suggestions for `document` given what `set` holds. `set` must be the set of this
// document (offsets are checked against it).
SuggestionBatch suggest(const Document& document, const AnnotationSet& set, const SuggestionRules& rules,
                        const SuggestOptions& options = {});

// Adds the batch to the set (all or nothing); for tools without a history.
Status addSuggestionBatch(AnnotationSet& set, const SuggestionBatch& batch);

// The explanation kept with a suggestion (its "reason"): the words matched and, for a
// claim, how its strength was reached. Empty for annotations that have none.
std::string suggestionReason(const Annotation& annotation);
inline constexpr const char* kReasonKey = "reason";

}  // namespace claimmark
