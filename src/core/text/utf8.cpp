// utf8.cpp — decoding, encoding, the strict validity check and the character classes used
// for word snapping.
//
// [SECTION] Decode / encode / count
// [SECTION] Validation (findInvalid)
// [SECTION] Character classes (isWhiteSpace, isWordCharacter)
//
// Word characters, in full (utf8.h gives the summary): ASCII letters, digits and '_', and
// every non-ASCII code point except white space, C1 controls, the punctuation and symbol
// ranges in kNonWordRanges (Latin-1 punctuation, General Punctuation U+2000–206F, CJK
// Symbols and Punctuation U+3000–303F, fullwidth punctuation, arrows / maths / box drawing,
// ...) and emoji. Emoji (U+1F000–1FAFF, U+2600–27BF, plus the presentation selectors
// U+FE0E/FE0F and the tag characters that build flag sequences) are deliberately NOT word
// characters: each emoji is its own unit, so snapping a selection to words never glues a
// pictograph onto the word beside it. ZWNJ/ZWJ (U+200C/200D) are the exception inside
// General Punctuation: Persian and Indic words contain them, so they stay inside a word.
// Combining marks (U+0300–036F and the like) are word characters, so "é" written as
// e + U+0301 snaps as one word.
#include "core/text/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>

namespace claimmark::utf8 {

// ---------------------------------------------------------------------------------------
// [SECTION] Decode / encode / count
// ---------------------------------------------------------------------------------------

char32_t decode(std::string_view text, std::size_t& pos) {
    constexpr char32_t kReplacement = 0xFFFD;
    if (pos >= text.size()) return 0;
    const auto lead = static_cast<unsigned char>(text[pos]);
    const std::size_t len = sequenceLength(lead);
    // Callers promise valid input; a broken sequence still must not read past the end or
    // loop forever, so it decodes as U+FFFD and advances one byte.
    if (len == 1) {
        ++pos;
        return lead < 0x80 ? char32_t(lead) : kReplacement;
    }
    if (pos + len > text.size()) {
        ++pos;
        return kReplacement;
    }
    char32_t cp = lead & (0xFF >> (len + 1));
    for (std::size_t i = 1; i < len; ++i) {
        const auto c = static_cast<unsigned char>(text[pos + i]);
        if (!isContinuation(c)) {
            ++pos;
            return kReplacement;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    pos += len;
    return cp;
}

void append(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;  // not encodable
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::size_t countCodePoints(std::string_view text) {
    std::size_t n = 0;
    for (char c : text) n += !isContinuation(static_cast<unsigned char>(c));
    return n;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Validation (findInvalid)
// ---------------------------------------------------------------------------------------

namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

// Eight ASCII bytes with no NUL among them (the common case, skipped a word at a time).
inline bool plainAsciiWord(std::uint64_t w, bool allowNul) {
    if (w & kHighBits) return false;
    if (allowNul) return true;
    return ((w - kOnes) & ~w & kHighBits) == 0;  // no zero byte
}

}  // namespace

std::optional<InvalidUtf8> findInvalid(std::string_view text, bool allowNul) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            if (plainAsciiWord(w, allowNul)) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = p[i];
        if (c < 0x80) {
            if (c == 0 && !allowNul) return InvalidUtf8{i, "NUL byte"};
            ++i;
            continue;
        }
        if (c < 0xC0) return InvalidUtf8{i, "unexpected continuation byte"};
        if (c < 0xC2) return InvalidUtf8{i, "overlong encoding"};
        if (c > 0xF4) {
            return InvalidUtf8{i, c < 0xF8 ? "code point above U+10FFFF" : "byte that never appears in UTF-8"};
        }
        const std::size_t len = sequenceLength(c);
        // The second byte's allowed range depends on the lead (RFC 3629, section 4); the
        // narrowed ranges are exactly what excludes overlong forms, surrogates and
        // code points past U+10FFFF.
        unsigned char lo = 0x80, hi = 0xBF;
        const char* narrowReason = nullptr;
        switch (c) {
            case 0xE0:
                lo = 0xA0;
                narrowReason = "overlong encoding";
                break;
            case 0xED:
                hi = 0x9F;
                narrowReason = "surrogate code point";
                break;
            case 0xF0:
                lo = 0x90;
                narrowReason = "overlong encoding";
                break;
            case 0xF4:
                hi = 0x8F;
                narrowReason = "code point above U+10FFFF";
                break;
            default: break;
        }
        for (std::size_t k = 1; k < len; ++k) {
            if (i + k >= n || !isContinuation(p[i + k])) return InvalidUtf8{i, "truncated sequence"};
            if (k == 1 && (p[i + 1] < lo || p[i + 1] > hi)) return InvalidUtf8{i, narrowReason};
        }
        i += len;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Character classes (isWhiteSpace, isWordCharacter)
// ---------------------------------------------------------------------------------------

bool isWhiteSpace(char32_t cp) {
    // PropList.txt White_Space, complete.
    if (cp <= 0x20) return cp == 0x20 || (cp >= 0x09 && cp <= 0x0D);
    if (cp < 0x85) return false;
    switch (cp) {
        case 0x0085:
        case 0x00A0:
        case 0x1680:
        case 0x2028:
        case 0x2029:
        case 0x202F:
        case 0x205F:
        case 0x3000: return true;
        default: return cp >= 0x2000 && cp <= 0x200A;
    }
}

namespace {

struct Range {
    char32_t first;
    char32_t last;  // inclusive
};

// Non-ASCII code points that end a word: punctuation, symbols, controls and emoji. Sorted
// and non-overlapping, which the static_assert below checks (lower_bound relies on it).
constexpr Range kNonWordRanges[] = {
    {0x0080, 0x00A9},                      // C1 controls, NBSP, ¡ ¢ £ ¤ ¥ ¦ § ¨ ©
    {0x00AB, 0x00B1},                      // « ¬ SHY ® ¯ ° ±   (ª U+00AA is a letter)
    {0x00B4, 0x00B4},                      // ´                 (² ³ digits, µ letter)
    {0x00B6, 0x00B8},                      // ¶ · ¸             (¹ º letters/digits)
    {0x00BB, 0x00BB},                      // »                 (¼ ½ ¾ numbers)
    {0x00BF, 0x00BF},                      // ¿
    {0x00D7, 0x00D7},                      // ×
    {0x00F7, 0x00F7},                      // ÷
    {0x037E, 0x037E},                      // Greek question mark
    {0x0387, 0x0387},                      // Greek ano teleia
    {0x055A, 0x055F},                      // Armenian punctuation
    {0x0589, 0x058A},   {0x05BE, 0x05BE},  // Hebrew maqaf
    {0x05C0, 0x05C0},   {0x05C3, 0x05C3}, {0x05C6, 0x05C6}, {0x05F3, 0x05F4}, {0x060C, 0x060D},  // Arabic comma
    {0x061B, 0x061B},   {0x061D, 0x061F},                                                        // Arabic question mark
    {0x066A, 0x066D},   {0x06D4, 0x06D4},                                                        // Arabic full stop
    {0x0964, 0x0965},                                                                            // Devanagari danda
    {0x0E4F, 0x0E4F},                                                                            // Thai
    {0x0E5A, 0x0E5B},   {0x1361, 0x1368},  // Ethiopic word space and punctuation
    {0x166E, 0x166E},                      // Canadian syllabics full stop
    {0x1680, 0x1680},                      // Ogham space mark
    {0x16EB, 0x16ED},                      // runic punctuation
    {0x17D4, 0x17D6},                      // Khmer
    {0x17D8, 0x17DA},   {0x1800, 0x180A},  // Mongolian
    {0x2000, 0x200B},                      // General Punctuation: spaces, ZWSP
    {0x200E, 0x206F},                      //   ... dashes, quotes, bullets, format characters (ZWNJ/ZWJ excepted)
    {0x20A0, 0x20CF},                      // currency symbols
    {0x2190, 0x23FF},                      // arrows, mathematical operators, miscellaneous technical
    {0x2400, 0x245F},                      // control pictures, OCR
    {0x2500, 0x27FF},                      // box drawing, shapes, misc symbols + dingbats (emoji), math, arrows
    {0x2900, 0x2BFF},                      // supplemental arrows, math, misc symbols and arrows
    {0x2E00, 0x2E7F},                      // supplemental punctuation
    {0x3000, 0x3004},                      // CJK Symbols and Punctuation, except the letter-like marks:
    {0x3008, 0x3020},                      //   々 〆 〇 (3005-3007), Hangzhou numerals (3021-3029),
    {0x302A, 0x3030},                      //   kana repeat marks (3031-3035), 〻 〼 (303B-303C)
    {0x3036, 0x303A},   {0x303D, 0x303F}, {0x30FB, 0x30FB},  // katakana middle dot
    {0xFD3E, 0xFD3F},                                        // ornate parentheses
    {0xFE0E, 0xFE0F},                                        // text / emoji presentation selectors
    {0xFE10, 0xFE19},                                        // vertical forms
    {0xFE30, 0xFE32},                      // CJK compatibility forms (FE33-FE34, FE4D-FE4F are low lines: word)
    {0xFE35, 0xFE4C},   {0xFE50, 0xFE6B},  // small form variants
    {0xFEFF, 0xFEFF},                      // byte-order mark / ZWNBSP
    {0xFF01, 0xFF0F},                      // fullwidth ASCII punctuation (letters and digits stay words)
    {0xFF1A, 0xFF20},   {0xFF3B, 0xFF3E}, {0xFF40, 0xFF40}, {0xFF5B, 0xFF65},  // ... and halfwidth CJK punctuation
    {0xFFF9, 0xFFFD},    // interlinear annotation, object replacement, U+FFFD
    {0x1F000, 0x1FAFF},  // emoji, playing cards, mahjong, enclosed supplements, flags
    {0xE0000, 0xE007F},  // tags (subdivision flag sequences)
};

constexpr bool sortedAndDisjoint() {
    for (std::size_t i = 0; i < std::size(kNonWordRanges); ++i) {
        if (kNonWordRanges[i].first > kNonWordRanges[i].last) return false;
        if (i > 0 && kNonWordRanges[i - 1].last >= kNonWordRanges[i].first) return false;
    }
    return true;
}
static_assert(sortedAndDisjoint(), "kNonWordRanges must be sorted and disjoint");

}  // namespace

bool isWordCharacter(char32_t cp) {
    if (cp < 0x80) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
    }
    if (cp > 0x10FFFF) return false;
    // First range whose last >= cp; cp is non-word when it also starts at or before cp.
    const auto* it = std::lower_bound(std::begin(kNonWordRanges), std::end(kNonWordRanges), cp,
                                      [](const Range& r, char32_t v) { return r.last < v; });
    if (it != std::end(kNonWordRanges) && it->first <= cp) return false;
    return !isWhiteSpace(cp);
}

}  // namespace claimmark::utf8
