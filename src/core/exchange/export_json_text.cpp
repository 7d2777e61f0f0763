// export_json_text.cpp — see export_json_text.h.
#include "core/exchange/export_json_text.h"

#include <charconv>
#include <cstring>

namespace claimmark {

namespace {

// True when any of the 8 bytes in `w` is a control character, '"' or '\\', so long runs of
// plain text are scanned 8 bytes per step.
bool wordNeedsEscape(std::uint64_t w) {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    auto hasZero = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
    const std::uint64_t below20 = (w - ones * 0x20) & ~w & highs;
    return below20 | hasZero(w ^ (ones * '"')) | hasZero(w ^ (ones * '\\'));
}

void appendEscape(ExportSink& out, unsigned char c) {
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
            const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            out += std::string_view(escaped, sizeof escaped);
        }
    }
}

}  // namespace

void appendJsonString(ExportSink& out, std::string_view s) {
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
        out.write(s.substr(runStart, i - runStart));
        appendEscape(out, c);
        runStart = ++i;
    }
    out.write(s.substr(runStart));
    out += '"';
}

void appendJsonNumber(ExportSink& out, std::uint64_t n) {
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, n);
    out.write(std::string_view(buffer, std::size_t(end - buffer)));
}

void appendJsonInteger(ExportSink& out, std::int64_t n) {
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, n);
    out.write(std::string_view(buffer, std::size_t(end - buffer)));
}

}  // namespace claimmark
