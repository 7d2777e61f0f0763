// utf8.h — small UTF-8 helpers shared by core. Inputs to the decoding helpers must already
// be valid UTF-8 (Document guarantees it); findInvalidUtf8() is the checker.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace claimmark::utf8 {

// Byte length of the sequence that starts with `lead` (1 for ASCII and, defensively, for
// continuation/invalid bytes).
inline std::size_t sequenceLength(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

inline bool isContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Decodes the code point at `pos` and advances `pos` past it.
char32_t decode(std::string_view text, std::size_t& pos);
void append(std::string& out, char32_t cp);
std::size_t countCodePoints(std::string_view text);

struct InvalidUtf8 {
    std::size_t byteOffset;
    const char* reason;  // e.g. "truncated sequence", "overlong encoding", "NUL byte"
};
// The first problem in `text`, or nullopt when it is valid UTF-8 without NUL bytes.
std::optional<InvalidUtf8> findInvalid(std::string_view text, bool allowNul = false);

// Unicode White_Space property (PropList.txt).
bool isWhiteSpace(char32_t cp);
// Letters, digits and connector punctuation approximated for word snapping: true for
// code points that belong inside a word (ASCII alnum, '_', apostrophes inside words are
// handled by callers, and any non-ASCII code point that is not white space or common
// punctuation).
bool isWordCharacter(char32_t cp);

}  // namespace claimmark::utf8
