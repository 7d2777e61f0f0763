// export_json_text.cpp — see export_json_text.h.
#include "core/exchange/export_json_text.h"

#include "core/storage/json_text.h"

#include <charconv>

namespace claimmark {

void appendJsonString(ExportSink& out, std::string_view s) {
    out += '"';
    char buffer[6];
    for (std::size_t runStart = 0;;) {
        const std::size_t at = nextJsonEscape(s, runStart);
        out.write(s.substr(runStart, at - runStart));
        if (at == s.size()) break;
        out += jsonEscapeOf(static_cast<unsigned char>(s[at]), buffer);
        runStart = at + 1;
    }
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
