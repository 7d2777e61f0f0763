// reanchor.h — placing annotations again when the article changed.
//
// For each annotation (each fragment of a discontinuous one): the stored text is looked for
// exactly, preferring occurrences whose prefix/suffix context matches and that lie nearest
// the old position (shifted by the edits before it); failing that, a bounded approximate
// match (edit distance at most a quarter of the text, searched near the old position) is
// accepted. What cannot be placed is kept, flagged orphaned, and listed — never dropped.
#pragma once

#include "core/model/annotation_set.h"
#include "core/text/document.h"

#include <string>
#include <vector>

namespace claimmark {

struct ReanchorReport {
    std::size_t unchanged = 0;  // same offsets, same text
    std::size_t moved = 0;      // exact text found at other offsets
    std::size_t fuzzy = 0;      // placed by approximate match (text updated)
    std::size_t orphaned = 0;   // could not be placed
    std::vector<std::string> movedIds, fuzzyIds, orphanedIds;

    std::string summary() const;  // "12 unchanged, 3 moved, 1 fuzzy-matched, 0 orphaned"
};

// Re-anchors `set` onto `document` in place: spans, text and context are updated, the
// orphaned flag set or cleared, and document.sha256/length updated. Relations are kept.
ReanchorReport reanchor(AnnotationSet& set, const Document& document);

}  // namespace claimmark
