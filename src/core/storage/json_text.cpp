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

void appendJsonString(std::string& out, std::string_view s) {
    out += '"';
    std::size_t runStart = 0;
    std::size_t i = 0;
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
        if (c >= 0x20 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        out.append(s.data() + runStart, i - runStart);
        runStart = ++i;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default: {
                static const char* hex = "0123456789abcdef";
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 15];
            }
        }
    }
    out.append(s.data() + runStart, s.size() - runStart);
    out += '"';
}

void appendJsonNumber(std::string& out, std::uint64_t n) {
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, n);
    out.append(buffer, end);
}

}  // namespace claimmark
