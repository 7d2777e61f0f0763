// content_type.cpp — the Content-Type header for url_fetch.h: parseContentType() (media type
// and charset, RFC 9110 section 8.3: `type/subtype *( ";" name=value )`, a value plain or
// quoted) and isReadableContentType(), the list of types intake has an extractor for.
#include "core/intake/fetch/url_fetch.h"

#include <algorithm>
#include <array>

namespace claimmark::intake {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}

}  // namespace

ContentTypeHeader parseContentType(std::string_view header) {
    ContentTypeHeader out;
    std::size_t semicolon = header.find(';');
    out.mediaType = lower(trim(header.substr(0, semicolon)));
    while (semicolon != std::string_view::npos) {
        header.remove_prefix(semicolon + 1);
        const std::size_t equals = header.find('=');
        if (equals == std::string_view::npos) break;
        const std::string name = lower(trim(header.substr(0, equals)));
        std::string_view rest = trim(header.substr(equals + 1));
        std::string value;
        if (!rest.empty() && rest.front() == '"') {
            // A quoted string: up to the closing quote, backslash escapes honoured.
            std::size_t i = 1;
            for (; i < rest.size() && rest[i] != '"'; ++i) {
                if (rest[i] == '\\' && i + 1 < rest.size()) ++i;
                value += rest[i];
            }
            rest.remove_prefix(std::min(i + 1, rest.size()));
            semicolon = rest.find(';');
            header = rest;
        } else {
            semicolon = rest.find(';');
            value = std::string(trim(rest.substr(0, semicolon)));
            header = rest;
        }
        if (name == "charset" && out.charset.empty()) out.charset = lower(value);
    }
    return out;
}

bool isReadableContentType(const std::string& contentType) {
    static constexpr std::array<std::string_view, 8> kReadable = {
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "text/markdown",
        "text/x-markdown",
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.oasis.opendocument.text",
    };
    const std::string media = parseContentType(contentType).mediaType;
    for (std::string_view type : kReadable)
        if (media == type) return true;
    return false;
}

}  // namespace claimmark::intake
