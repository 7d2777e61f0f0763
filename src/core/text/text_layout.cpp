// text_layout.cpp — word wrap in one pass, and the screen <-> text mapping (text_layout.h).
//
// [SECTION] Character classes for breaking
// [SECTION] Build
// [SECTION] Queries
// [SECTION] Words
#include "core/text/text_layout.h"

#include "core/text/utf8.h"

#include <algorithm>

namespace claimmark {

// ---------------------------------------------------------------------------------------
// [SECTION] Character classes for breaking
// ---------------------------------------------------------------------------------------

namespace {

// White space a line may break after. No-break spaces (U+00A0, U+2007, U+202F) are left
// out on purpose: they exist to keep "10 mg" together.
inline bool isBreakingSpace(char32_t c) {
    if (c < 0x80) return c == U' ' || c == U'\t';
    switch (c) {
        case 0x1680:
        case 0x200B:
        case 0x205F:
        case 0x3000: return true;
        default: return (c >= 0x2000 && c <= 0x2006) || (c >= 0x2008 && c <= 0x200A);
    }
}

// Hyphens and dashes a line may break after when they follow a word ("anti-|inflammatory",
// "root—|and"); a leading minus ("-5") is not a break.
bool isBreakingDash(char32_t c) { return c == U'-' || c == 0x2010 || c == 0x2013 || c == 0x2014; }

// ASCII that the build loop must look at closely: line breaks, break opportunities.
constexpr std::array<bool, 128> kAsciiSpecial = [] {
    std::array<bool, 128> special{};
    special['\n'] = special['\r'] = special[' '] = special['\t'] = special['-'] = true;
    return special;
}();

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] Build
// ---------------------------------------------------------------------------------------

void TextLayout::build(const Document& document, const LayoutMetrics& metrics, Advance advance) {
    build(std::string_view(document.bytes()), metrics, std::move(advance));
}

void TextLayout::clear() {
    m_text = {};
    m_lines.clear();
    m_textLength = 0;
    m_lines.push_back(VisualLine{0, 0, 0, 0, 0.0f, true, 0.0});
}

void TextLayout::build(std::string_view text, const LayoutMetrics& metrics, Advance advance) {
    m_text = text;
    m_metrics = metrics;
    // Without a font every code point is one unit wide: still a usable layout.
    m_advance = advance ? std::move(advance) : Advance([](char32_t) { return 1.0f; });
    for (std::size_t c = 0; c < m_asciiAdvance.size(); ++c)
        m_asciiAdvance[c] = (c == '\r' || c == '\n') ? 0.0f : m_advance(char32_t(c));

    m_lines.clear();
    m_lines.reserve(text.size() / 64 + 1);  // a guess: avoids most regrowth on prose

    const bool wrap = metrics.wrapWidth > 0;
    const float wrapWidth = metrics.wrapWidth;
    std::uint32_t lineCp = 0, lineByte = 0;
    float x = 0;
    bool hasBreak = false;
    std::uint32_t breakCp = 0, breakByte = 0;
    float breakX = 0;
    double top = 0;

    auto emit = [&](std::uint32_t endCp, std::uint32_t endByte, float width, bool endsParagraph, std::uint32_t nextCp,
                    std::uint32_t nextByte) {
        m_lines.push_back(VisualLine{lineCp, endCp, lineByte, endByte, width, endsParagraph, top});
        top += boxHeight(m_lines.back()) + (endsParagraph ? metrics.paragraphGap : 0.0f);
        lineCp = nextCp;
        lineByte = nextByte;
    };

    std::uint32_t cp = 0;
    std::size_t pos = 0;
    char32_t previous = 0;
    const std::size_t size = text.size();
    const char* bytes = text.data();
    while (pos < size) {
        const auto lead = static_cast<unsigned char>(bytes[pos]);
        // Hot path: an ordinary ASCII character that fits (most of any article).
        if (lead < 0x80 && !kAsciiSpecial[lead]) {
            const float w = m_asciiAdvance[lead];
            if (!wrap || x + w <= wrapWidth || cp == lineCp) {
                x += w;
                previous = lead;
                ++pos;
                ++cp;
                continue;
            }
        }

        const auto bytePos = static_cast<std::uint32_t>(pos);
        char32_t c;
        const float w = nextGlyph(text, pos, c);

        if (c == U'\n') {
            std::uint32_t endCp = cp, endByte = bytePos;
            if (previous == U'\r' && endCp > lineCp) {  // the CR of a CRLF is not drawn
                --endCp;
                --endByte;
            }
            emit(endCp, endByte, x, true, cp + 1, bytePos + 1);
            x = 0;
            hasBreak = false;
            previous = c;
            ++cp;
            continue;
        }

        const bool space = isBreakingSpace(c);
        // Spaces hang past the edge; zero-width code points (CR, combining marks) stay with
        // what precedes them. Anything else that does not fit starts a new line.
        if (wrap && w > 0 && !space) {
            while (x + w > wrapWidth && cp > lineCp) {
                if (hasBreak && breakCp > lineCp) {
                    emit(breakCp, breakByte, breakX, false, breakCp, breakByte);
                    x = std::max(0.0f, x - breakX);
                } else {  // one word wider than the line: break inside it
                    emit(cp, bytePos, x, false, cp, bytePos);
                    x = 0;
                }
                hasBreak = false;
            }
        }
        x += w;
        if (space || (isBreakingDash(c) && utf8::isWordCharacter(previous))) {
            hasBreak = true;
            breakCp = cp + 1;
            breakByte = static_cast<std::uint32_t>(pos);
            breakX = x;
        }
        previous = c;
        ++cp;
    }
    emit(cp, static_cast<std::uint32_t>(pos), x, true, cp, static_cast<std::uint32_t>(pos));
    m_textLength = cp;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Queries
// ---------------------------------------------------------------------------------------

std::string_view TextLayout::lineText(std::size_t index) const {
    const VisualLine& l = m_lines[index];
    return m_text.substr(l.byteStart, l.byteEnd - l.byteStart);
}

double TextLayout::height() const {
    if (m_lines.empty()) return 0;
    const VisualLine& last = m_lines.back();
    return last.top + boxHeight(last);
}

float TextLayout::boxHeight(const VisualLine& line) const {
    const bool blank = line.cpEnd == line.cpStart && line.endsParagraph;
    return blank && m_metrics.blankLineHeight >= 0 ? m_metrics.blankLineHeight : m_metrics.lineHeight;
}

float TextLayout::advanceOf(char32_t cp) const {
    if (cp < 128) return m_asciiAdvance[cp];
    return m_advance ? m_advance(cp) : 1.0f;
}

template <class Visit>
void TextLayout::forEachGlyph(const VisualLine& line, Visit&& visit) const {
    std::size_t pos = line.byteStart;
    std::size_t cp = line.cpStart;
    float x = 0;
    while (pos < line.byteEnd) {
        char32_t c;
        const float w = nextGlyph(m_text, pos, c);
        if (!visit(cp, x, w)) return;
        x += w;
        ++cp;
    }
}

std::size_t TextLayout::lineAt(double y) const {
    if (m_lines.empty()) return 0;
    auto it = std::upper_bound(m_lines.begin(), m_lines.end(), y,
                               [](double value, const VisualLine& l) { return value < l.top; });
    if (it == m_lines.begin()) return 0;
    return static_cast<std::size_t>(it - m_lines.begin()) - 1;
}

std::size_t TextLayout::lineOfCodePoint(std::size_t cp) const {
    if (m_lines.empty()) return 0;
    auto it = std::upper_bound(m_lines.begin(), m_lines.end(), cp,
                               [](std::size_t value, const VisualLine& l) { return value < l.cpStart; });
    if (it == m_lines.begin()) return 0;
    return static_cast<std::size_t>(it - m_lines.begin()) - 1;
}

float TextLayout::xOfCodePoint(std::size_t lineIndex, std::size_t cp) const {
    if (lineIndex >= m_lines.size()) return 0;
    const VisualLine& line = m_lines[lineIndex];
    if (cp <= line.cpStart) return 0;
    if (cp >= line.cpEnd) return line.width;
    float result = 0;
    forEachGlyph(line, [&](std::size_t at, float x, float) {
        if (at == cp) {
            result = x;
            return false;
        }
        return true;
    });
    return result;
}

void TextLayout::caretPositions(std::size_t lineIndex, std::vector<float>& out) const {
    out.clear();
    if (lineIndex >= m_lines.size()) {
        out.push_back(0);
        return;
    }
    const VisualLine& line = m_lines[lineIndex];
    float end = 0;
    forEachGlyph(line, [&](std::size_t, float x, float w) {
        out.push_back(x);
        end = x + w;
        return true;
    });
    out.push_back(end);
}

std::size_t TextLayout::codePointAtX(std::size_t lineIndex, float x) const {
    if (lineIndex >= m_lines.size()) return m_textLength;
    const VisualLine& line = m_lines[lineIndex];
    std::size_t result = line.cpEnd;
    forEachGlyph(line, [&](std::size_t at, float glyphX, float w) {
        if (x < glyphX + w * 0.5f) {
            result = at;
            return false;
        }
        return true;
    });
    return result;
}

std::optional<std::size_t> TextLayout::characterAtX(std::size_t lineIndex, float x) const {
    if (lineIndex >= m_lines.size() || x < 0) return std::nullopt;
    std::optional<std::size_t> result;
    forEachGlyph(m_lines[lineIndex], [&](std::size_t at, float glyphX, float w) {
        if (x < glyphX + w) {
            result = at;
            return false;
        }
        return true;
    });
    return result;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Words
// ---------------------------------------------------------------------------------------

namespace {

bool isApostrophe(char32_t c) { return c == U'\'' || c == 0x2019; }

// Whether code point `cp` belongs to a word, looking at its neighbours for apostrophes.
bool inWord(const Document& document, std::size_t cp) {
    if (cp >= document.length()) return false;
    const char32_t c = document.codePointAt(cp);
    if (utf8::isWordCharacter(c)) return true;
    if (!isApostrophe(c) || cp == 0 || cp + 1 >= document.length()) return false;
    return utf8::isWordCharacter(document.codePointAt(cp - 1)) && utf8::isWordCharacter(document.codePointAt(cp + 1));
}

}  // namespace

CodePointRange wordAt(const Document& document, std::size_t cp) {
    if (!inWord(document, cp)) return {cp, cp};
    std::size_t start = cp, end = cp + 1;
    while (start > 0 && inWord(document, start - 1)) --start;
    while (inWord(document, end)) ++end;
    return {start, end};
}

CodePointRange snapToWords(const Document& document, std::size_t start, std::size_t end) {
    const std::size_t length = document.length();
    start = std::min(start, length);
    end = std::min(std::max(end, start), length);
    // A boundary cuts a word when the code points on both sides of it are in the word.
    while (start > 0 && inWord(document, start - 1) && inWord(document, start)) --start;
    while (end > 0 && end < length && inWord(document, end - 1) && inWord(document, end)) ++end;
    return {start, end};
}

}  // namespace claimmark
