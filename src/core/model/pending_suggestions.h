// pending_suggestions.h — suggestions not yet reviewed (status "suggested"), and the set
// without them: what agreement, merges and exports see unless --include-suggested is given.
#pragma once

#include "core/model/annotation_set.h"

#include <cstddef>

namespace claimmark {

std::size_t pendingSuggestionCount(const AnnotationSet& set);

// A copy of `set` without pending suggestions and without the relations that touch them.
// Everything else (ids, schema, rejected suggestions, extra keys) is kept as it is.
AnnotationSet withoutPendingSuggestions(const AnnotationSet& set);

}  // namespace claimmark
