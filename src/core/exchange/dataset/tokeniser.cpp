// tokeniser.cpp — see tokeniser.h: the character classes.
#include "core/exchange/dataset/tokeniser.h"

#include <iterator>

namespace claimmark::dataset {

namespace {

struct Range {
    char32_t first, last;
};

bool inRanges(char32_t cp, const Range* ranges, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i)
        if (cp >= ranges[i].first && cp <= ranges[i].last) return true;
    return false;
}

constexpr Range kMarks[] = {
    {0x0300, 0x036F},   {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF}, {0x05C1, 0x05C2},   {0x05C4, 0x05C5},
    {0x05C7, 0x05C7},   {0x0610, 0x061A}, {0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC},   {0x06DF, 0x06E4},
    {0x06E7, 0x06E8},   {0x06EA, 0x06ED}, {0x0900, 0x0903}, {0x093A, 0x094F}, {0x0951, 0x0957},   {0x0962, 0x0963},
    {0x0E31, 0x0E31},   {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},   {0x200C, 0x200D},
    {0x20D0, 0x20FF},   {0x3099, 0x309A}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0x1F3FB, 0x1F3FF}, {0xE0020, 0xE007F},
    {0xE0100, 0xE01EF},
};

// Punctuation and symbols outside ASCII (each its own token).
constexpr Range kSymbols[] = {
    {0x00A1, 0x00A9}, {0x00AB, 0x00B1}, {0x00B4, 0x00B4}, {0x00B6, 0x00B8},   {0x00BB, 0x00BB}, {0x00BF, 0x00BF},
    {0x00D7, 0x00D7}, {0x00F7, 0x00F7}, {0x02C2, 0x02C5}, {0x02D2, 0x02DF},   {0x037E, 0x037E}, {0x0387, 0x0387},
    {0x055A, 0x055F}, {0x0589, 0x058A}, {0x05BE, 0x05BE}, {0x05C0, 0x05C0},   {0x05C3, 0x05C3}, {0x05C6, 0x05C6},
    {0x05F3, 0x05F4}, {0x0600, 0x060F}, {0x061B, 0x061F}, {0x066A, 0x066D},   {0x06D4, 0x06D4}, {0x0964, 0x0965},
    {0x0E3F, 0x0E3F}, {0x2010, 0x2027}, {0x2030, 0x205E}, {0x2070, 0x209F},   {0x20A0, 0x20CF}, {0x2100, 0x214F},
    {0x2190, 0x2BFF}, {0x2E00, 0x2E7F}, {0x3001, 0x3004}, {0x3008, 0x3020},   {0x3030, 0x3030}, {0x30FB, 0x30FB},
    {0xFD3E, 0xFD3F}, {0xFE10, 0xFE1F}, {0xFE30, 0xFE6F}, {0xFF01, 0xFF0F},   {0xFF1A, 0xFF20}, {0xFF3B, 0xFF40},
    {0xFF5B, 0xFF65}, {0xFFE0, 0xFFEE}, {0xFFF9, 0xFFFD}, {0x1F000, 0x1FAFF},
};

// Scripts written without spaces between words: one token per character.
constexpr Range kIdeographs[] = {
    {0x3040, 0x309F}, {0x30A0, 0x30FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}, {0x20000, 0x3FFFF},
};

}  // namespace

bool isTokenMark(char32_t cp) { return cp >= 0x0300 && inRanges(cp, kMarks, std::size(kMarks)); }

bool isTokenWordChar(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
    if (cp == 0xFEFF || cp == 0x200B) return false;  // byte-order mark, zero-width space
    return !inRanges(cp, kSymbols, std::size(kSymbols)) && !inRanges(cp, kIdeographs, std::size(kIdeographs));
}

bool isInvisibleBreak(char32_t cp) { return cp == 0xFEFF || cp == 0x200B; }

bool isSentenceTerminator(char32_t cp) {
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0x061F ||
           cp == 0x2026;
}

bool isClosingPunctuation(char32_t cp) {
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '}' || cp == 0x201D || cp == 0x2019 ||
           cp == 0x00BB || cp == 0x300D || cp == 0x300F;
}

const char* const kTokeniserDescription =
    "claimmark's rule-based tokeniser (the one of its CoNLL export): white space separates tokens; a "
    "token is a run of letters and digits of any script (combining marks, variation selectors, "
    "skin tones and zero-width-joiner sequences stay with the character before them); every "
    "other non-space character (punctuation, symbols, emoji) and each CJK ideograph or kana is a "
    "token of its own.";

}  // namespace claimmark::dataset
