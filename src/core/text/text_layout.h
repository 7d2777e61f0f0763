// text_layout.h — the article broken into visual lines for a given width (word wrap).
//
// [SECTION] Model
//   One linear pass over the UTF-8 text turns each paragraph (ended by '\n') into one or
//   more visual lines. A line stores ranges into the text (code points and bytes), never a
//   copy. The glyph advance comes from a function so the layout is font-agnostic and can be
//   tested with a fake monospace font; advances of ASCII are cached in a 128-entry table.
// [SECTION] Rules
//   - '\n' ends a paragraph; a '\r' is never drawn (width 0) and a "\r\n" pair is left out
//     of the line it ends. Blank lines are kept as empty lines; text ending in '\n' gets a
//     final empty line (the caret can sit there).
//   - Lines break after white space (spaces and tabs hang past the edge instead of
//     wrapping) and after a hyphen or dash that follows a word. A word wider than the line
//     is broken between code points. A line always holds at least one code point, so a
//     very narrow width still terminates.
//   - wrapWidth <= 0 disables wrapping.
//   - Vertical positions: each line is lineHeight tall, plus paragraphGap after a line that
//     ends a paragraph.
// [SECTION] Mapping
//   lineAt(y) and lineOfCodePoint(cp) are binary searches; xOfCodePoint / codePointAtX walk
//   one line. A code point on a wrap boundary belongs to the line it starts.
// [SECTION] Words
//   Selections snap to whole words: utf8::isWordCharacter, plus an apostrophe (' or ’)
//   between two word characters ("can’t" is one word).
#pragma once

#include "core/text/document.h"
#include "core/text/utf8.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace claimmark {

struct VisualLine {
    std::uint32_t cpStart = 0;    // first code point on the line
    std::uint32_t cpEnd = 0;      // one past the last drawn code point (line break excluded)
    std::uint32_t byteStart = 0;  // the same range in bytes
    std::uint32_t byteEnd = 0;
    float width = 0;             // sum of the advances of [cpStart, cpEnd)
    bool endsParagraph = false;  // ended by '\n' or the end of the text, not by wrapping
    double top = 0;              // y of the line's top edge
};

struct LayoutMetrics {
    float wrapWidth = 0;  // <= 0: no wrapping
    float lineHeight = 1;
    float paragraphGap = 0;  // extra space below a line that ends a paragraph
    // Height of an empty line (a blank line between paragraphs); < 0 means lineHeight.
    float blankLineHeight = -1;
};

class TextLayout {
public:
    using Advance = std::function<float(char32_t)>;

    // Lays out `document`; the layout refers to the document's bytes, so rebuild (or clear)
    // before the document goes away.
    void build(const Document& document, const LayoutMetrics& metrics, Advance advance);
    // The same for any valid UTF-8 text that outlives the layout.
    void build(std::string_view text, const LayoutMetrics& metrics, Advance advance);
    // The layout of the empty text (one empty line). A default-constructed layout has none.
    void clear();

    std::size_t lineCount() const { return m_lines.size(); }
    const VisualLine& line(std::size_t index) const { return m_lines[index]; }
    const std::vector<VisualLine>& lines() const { return m_lines; }
    std::string_view lineText(std::size_t index) const;  // the bytes of the drawn range
    const LayoutMetrics& metrics() const { return m_metrics; }
    std::size_t textLength() const { return m_textLength; }  // in code points
    double height() const;                                   // total height of all lines
    // Height of the line's own box (lineHeight or blankLineHeight), gap excluded.
    float boxHeight(const VisualLine& line) const;
    float advanceOf(char32_t cp) const;  // through the ASCII cache; '\r' and '\n' are 0

    // The line at vertical position y (clamped to the first / last line).
    std::size_t lineAt(double y) const;
    // The line holding code point `cp` (a position at a wrap boundary belongs to the later
    // line; cp >= textLength() gives the last line).
    std::size_t lineOfCodePoint(std::size_t cp) const;
    // x of the caret before `cp`, relative to the line's left edge; cp is clamped to the
    // line's drawn range.
    float xOfCodePoint(std::size_t lineIndex, std::size_t cp) const;
    // The caret position (code point boundary) nearest to x on the line, in
    // [cpStart, cpEnd].
    std::size_t codePointAtX(std::size_t lineIndex, float x) const;
    // x of every caret position on the line: out[i] is the x before code point cpStart + i,
    // out.back() the line's width (cpEnd - cpStart + 1 values). Reuses out's storage.
    void caretPositions(std::size_t lineIndex, std::vector<float>& out) const;
    // The code point whose glyph box contains x, or nullopt left of the line or past its
    // last glyph.
    std::optional<std::size_t> characterAtX(std::size_t lineIndex, float x) const;

private:
    std::string_view m_text;
    LayoutMetrics m_metrics;
    Advance m_advance;
    std::array<float, 128> m_asciiAdvance{};
    std::vector<VisualLine> m_lines;
    std::size_t m_textLength = 0;

    template <class Visit>
    void forEachGlyph(const VisualLine& line, Visit&& visit) const;
    // Decodes the code point at `pos` (advancing it) and returns its advance; ASCII goes
    // through the cached table.
    float nextGlyph(std::string_view text, std::size_t& pos, char32_t& c) const {
        const auto lead = static_cast<unsigned char>(text[pos]);
        if (lead < 0x80) {
            c = lead;
            ++pos;
            return m_asciiAdvance[lead];
        }
        c = utf8::decode(text, pos);
        return m_advance(c);
    }
};

// [start, end) of the word holding code point `cp`; {cp, cp} when `cp` is not in a word.
struct CodePointRange {
    std::size_t start = 0;
    std::size_t end = 0;
    friend bool operator==(const CodePointRange&, const CodePointRange&) = default;
};
CodePointRange wordAt(const Document& document, std::size_t cp);
// Grows [start, end) so that neither end cuts a word in two (a range already on word
// boundaries, or starting/ending at white space or punctuation, is unchanged).
CodePointRange snapToWords(const Document& document, std::size_t start, std::size_t end);

}  // namespace claimmark
