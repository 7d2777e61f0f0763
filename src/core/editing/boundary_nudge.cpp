// boundary_nudge.cpp — see boundary_nudge.h.
#include "core/editing/boundary_nudge.h"

#include "core/text/text_layout.h"

namespace claimmark {

namespace {

bool inWord(const Document& document, std::size_t cp) {
    if (cp >= document.length()) return false;
    const CodePointRange word = wordAt(document, cp);
    return word.start != word.end;
}

// The position one word to the right of `pos`: past any gap, then past the word.
std::size_t wordRight(const Document& document, std::size_t pos, bool toWordStart) {
    const std::size_t length = document.length();
    if (toWordStart) {  // leave the current word, then the gap, to the next word's start
        if (inWord(document, pos)) pos = wordAt(document, pos).end;
        while (pos < length && !inWord(document, pos)) ++pos;
        return pos;
    }
    while (pos < length && !inWord(document, pos)) ++pos;
    if (pos < length) pos = wordAt(document, pos).end;
    return pos;
}

// The position one word to the left of `pos`.
std::size_t wordLeft(const Document& document, std::size_t pos, bool toWordStart) {
    if (toWordStart) {  // back over the gap, then to the start of the word before it
        while (pos > 0 && !inWord(document, pos - 1)) --pos;
        if (pos > 0) pos = wordAt(document, pos - 1).start;
        return pos;
    }
    // An end boundary: back to the start of the last word, then over the gap before it.
    while (pos > 0 && !inWord(document, pos - 1)) --pos;
    if (pos > 0) pos = wordAt(document, pos - 1).start;
    while (pos > 0 && !inWord(document, pos - 1)) --pos;
    return pos;
}

}  // namespace

std::optional<std::vector<Span>> nudgeBoundary(const Document& document, const std::vector<Span>& spans,
                                               Boundary boundary, NudgeUnit unit, int direction) {
    if (spans.empty() || direction == 0) return std::nullopt;
    const std::size_t length = document.length();
    std::vector<Span> result = spans;
    Span& span = boundary == Boundary::Start ? result.front() : result.back();
    std::size_t& edge = boundary == Boundary::Start ? span.start : span.end;
    if (edge > length) return std::nullopt;  // spans from another text (orphaned)
    const std::size_t before = edge;

    if (unit == NudgeUnit::Character) {
        if (direction < 0) {
            if (edge == 0) return std::nullopt;
            --edge;
        } else {
            if (edge >= length) return std::nullopt;
            ++edge;
        }
    } else {
        const bool toWordStart = boundary == Boundary::Start;
        edge = direction < 0 ? wordLeft(document, edge, toWordStart) : wordRight(document, edge, toWordStart);
    }

    if (edge == before || span.start >= span.end) return std::nullopt;
    // Only the outer boundaries move (the first span's start, the last span's end), so
    // the spans between cannot be overlapped; a span can only be emptied, checked above.
    return result;
}

}  // namespace claimmark
