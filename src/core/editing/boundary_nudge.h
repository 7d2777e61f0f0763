// boundary_nudge.h — moving one boundary of an annotation by a character or a word.
//
// The editor's inspector (buttons) and its keys (Ctrl/Alt + arrows) both post the spans
// computed here as a Resize, so the stepping rules are GUI-free and unit tested.
// Rules: the START boundary is the first span's start, the END boundary the last span's
// end. A word step moves to the next word boundary in that direction, skipping white space
// and punctuation between words (words as wordAt() in text_layout.h sees them, so "can’t"
// is one word): END right lands after the next word, END left after the previous word,
// START left on the previous word's first code point, START right on the next word's.
// A step that would leave the text, empty the span it moves, or make spans overlap is
// refused (nullopt), so callers can disable the control.
#pragma once

#include "core/model/annotation.h"
#include "core/text/document.h"

#include <optional>
#include <vector>

namespace claimmark {

enum class Boundary { Start, End };
enum class NudgeUnit { Character, Word };

// The spans after moving `boundary` by one `unit` in `direction` (< 0 left, > 0 right);
// nullopt when the move is impossible (see above) or `spans` is empty.
std::optional<std::vector<Span>> nudgeBoundary(const Document& document, const std::vector<Span>& spans,
                                               Boundary boundary, NudgeUnit unit, int direction);

}  // namespace claimmark
