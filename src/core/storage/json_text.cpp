// json_text.cpp — see json_text.h.
#include "core/storage/json_text.h"

#include <charconv>
#include <cstring>

namespace claimmark {

namespace {

// True when any of the 8 bytes in `w` is a control character, '"' or '\\' (SWAR: lets the
// common case — long runs of plain text — go 8 bytes per step).
bool wordNeedsEscape(std::uint64_t w) {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    auto hasZero = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
    const std::uint64_t below20 = (w - ones * 0x20) & ~w & highs;
    return below20 | hasZero(w ^ (ones * '"')) | hasZero(w ^ (ones * '\\'));
}

}  // namespace

std::size_t nextJsonEscape(std::string_view s, std::size_t from) {
    std::size_t i = from;
    while (i < s.size()) {
        if (i + 8 <= s.size()) {
            std::uint64_t w;
            std::memcpy(&w, s.data() + i, 8);
            if (!wordNeedsEscape(w)) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == '"' || c == '\\') return i;
        ++i;
    }
    return s.size();
}

std::string_view jsonEscapeOf(unsigned char c, char (&buffer)[6]) {
    switch (c) {
        case '"': return "\\\"";
        case '\\': return "\\\\";
        case '\n': return "\\n";
        case '\r': return "\\r";
        case '\t': return "\\t";
        case '\b': return "\\b";
        case '\f': return "\\f";
        default: {
            static const char* hex = "0123456789abcdef";
            buffer[0] = '\\';
            buffer[1] = 'u';
            buffer[2] = '0';
            buffer[3] = '0';
            buffer[4] = hex[c >> 4];
            buffer[5] = hex[c & 15];
            return std::string_view(buffer, 6);
        }
    }
}

void appendJsonString(std::string& out, std::string_view s) {
    out += '"';
    char buffer[6];
    for (std::size_t runStart = 0;;) {
        const std::size_t at = nextJsonEscape(s, runStart);
        out.append(s.data() + runStart, at - runStart);
        if (at == s.size()) break;
        out += jsonEscapeOf(static_cast<unsigned char>(s[at]), buffer);
        runStart = at + 1;
    }
    out += '"';
}

void appendJsonNumber(std::string& out, std::uint64_t n) {
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, n);
    out.append(buffer, end);
}

}  // namespace claimmark
