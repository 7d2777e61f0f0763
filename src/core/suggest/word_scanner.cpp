// word_scanner.cpp — see word_scanner.h.
#include "core/suggest/word_scanner.h"

namespace claimmark {
namespace {

// Decodes the code point at `i` (valid UTF-8 assumed; a stray byte counts as one).
char32_t decodeAt(std::string_view s, std::size_t i, std::size_t& length) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        length = 1;
        return c;
    }
    const std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (i + n > s.size() || n == 1) {
        length = 1;
        return c;
    }
    char32_t cp = n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    length = n;
    return cp;
}

bool isAsciiAlnum(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Letters and digits outside ASCII: everything but the punctuation and spaces that articles use.
bool isWordChar(char32_t c) {
    if (c < 0x80) return isAsciiAlnum(c);
    if (c == 0xA0 || c == 0xAD || (c >= 0x2000 && c <= 0x206F) || c == 0x3000 || c == 0xFEFF) return false;
    if (c == 0xAB || c == 0xBB || c == 0xB7 || c == 0xA7 || c == 0xB6 || c == 0xA9 || c == 0xAE || c == 0xB0)
        return false;
    if (c >= 0x2190 && c <= 0x2BFF) return false;    // arrows, symbols, box drawing
    if (c >= 0x1F000 && c <= 0x1FAFF) return false;  // emoji
    return true;
}

bool isJoiner(char32_t c) { return c == '-' || c == '\'' || c == 0x2019 || c == '/' || c == 0x2010 || c == 0x2011; }

ScannedWords scan(std::string_view s) {
    ScannedWords out;
    auto lowerText = std::make_shared<std::string>();
    std::string& lower = *lowerText;
    lower.reserve(s.size());
    out.words.reserve(s.size() / 6);
    std::size_t i = 0, cp = 0;
    // Positions are recorded as offsets into lowerText first; views are made at the end
    // (lowerText may not move afterwards).
    std::vector<std::pair<std::size_t, std::size_t>> lowerRanges;
    lowerRanges.reserve(s.size() / 6);
    while (i < s.size()) {
        std::size_t len = 1;
        char32_t c = decodeAt(s, i, len);
        if (!isWordChar(c)) {
            i += len;
            ++cp;
            continue;
        }
        Word w;
        w.byteStart = i;
        w.cpStart = cp;
        w.capitalised = c >= 'A' && c <= 'Z';
        w.number = c >= '0' && c <= '9';
        const std::size_t lowerStart = lower.size();
        char32_t last = 0;
        for (;;) {
            if (c < 0x80) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
            else lower.append(s.substr(i, len));
            last = c;
            i += len;
            ++cp;
            if (i >= s.size()) break;
            c = decodeAt(s, i, len);
            if (isWordChar(c)) continue;
            // A joiner (or "." / "," between digits) followed by a word character continues the word.
            const bool digitJoin = (c == '.' || c == ',') && last >= '0' && last <= '9';
            if (!isJoiner(c) && !digitJoin) break;
            std::size_t nextLen = 1;
            if (i + len >= s.size()) break;
            const char32_t next = decodeAt(s, i + len, nextLen);
            if (!isWordChar(next) || (digitJoin && !(next >= '0' && next <= '9'))) break;
            if (c == 0x2019) lower += '\'';  // one apostrophe for matching
            else lower += static_cast<char>(c == 0x2010 || c == 0x2011 ? '-' : c);
            i += len;
            ++cp;
            c = next;
            len = nextLen;
        }
        w.byteEnd = i;
        w.cpEnd = cp;
        lowerRanges.emplace_back(lowerStart, lower.size() - lowerStart);
        out.words.push_back(w);
    }
    for (std::size_t k = 0; k < out.words.size(); ++k)
        out.words[k].lower = std::string_view(lower).substr(lowerRanges[k].first, lowerRanges[k].second);
    out.lowerText = std::move(lowerText);
    return out;
}

}  // namespace

ScannedWords scanWords(const Document& document) { return scan(document.bytes()); }
ScannedWords scanWords(std::string_view utf8) { return scan(utf8); }

}  // namespace claimmark
