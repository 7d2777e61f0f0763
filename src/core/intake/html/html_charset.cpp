// html_charset.cpp — htmlToUtf8 (html_extract.h): the page's bytes as UTF-8.
//
// [SECTION] Labels     a charset label as browsers read it (iso-8859-1 and ascii are
//                      windows-1252; a <meta> saying UTF-16 means UTF-8)
// [SECTION] Prescan    <meta charset> and <meta http-equiv="Content-Type"> in the first 4096
//                      bytes, comments skipped
// [SECTION] Decoding   BOM, HTTP header, <meta>, undeclared UTF-8; ICU converts the rest
//
// One departure from browsers: a charset declared only by <meta> as a single-byte one
// (windows-1252, iso-8859-*) on bytes that are valid UTF-8 with multi-byte sequences is taken
// as UTF-8 — saved pages are often re-encoded while their <meta> stays, and text in a
// single-byte charset is practically never valid UTF-8 by accident.
#include "core/intake/html/html_detail.h"
#include "core/intake/html/html_extract.h"

#include "core/text/utf8.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdint>

namespace claimmark::intake {

namespace {

// --- [SECTION] Labels ----------------------------------------------------------------------

bool isUtf8Label(std::string_view label) { return label == "utf-8" || label == "utf8" || label == "unicode-1-1-utf-8"; }

// The label lower-cased and trimmed, with the aliases browsers apply.
std::string canonicalLabel(std::string_view raw) {
    std::string label = detail::toLowerAscii(detail::trimAscii(raw));
    while (!label.empty() && (label.back() == '"' || label.back() == '\'' || label.back() == ';')) label.pop_back();
    while (!label.empty() && (label.front() == '"' || label.front() == '\'')) label.erase(0, 1);
    if (isUtf8Label(label)) return "utf-8";
    if (label == "iso-8859-1" || label == "iso8859-1" || label == "latin1" || label == "latin-1" || label == "l1" ||
        label == "us-ascii" || label == "ascii" || label == "iso_8859-1" || label == "cp1252" || label == "cp819" ||
        label == "ibm819" || label == "x-cp1252" || label == "windows-1252")
        return "windows-1252";
    if (label == "iso-8859-9" || label == "latin5" || label == "iso8859-9") return "windows-1254";
    if (label == "iso-8859-11" || label == "tis-620") return "windows-874";
    if (label == "x-sjis" || label == "shift-jis" || label == "sjis") return "shift_jis";
    if (label == "gb2312" || label == "gbk" || label == "x-gbk") return "gbk";
    return label;
}

bool isSingleByteLabel(std::string_view label) {
    return label.starts_with("windows-") || label.starts_with("iso-8859-") || label.starts_with("koi8");
}

// --- [SECTION] Prescan ---------------------------------------------------------------------

// The charset named in a Content-Type value: "text/html; charset=ISO-8859-1".
std::string charsetFromContentType(std::string_view value) {
    const std::string lower = detail::toLowerAscii(value);
    const std::size_t at = lower.find("charset");
    if (at == std::string::npos) return {};
    std::size_t pos = at + 7;
    while (pos < lower.size() && (lower[pos] == ' ' || lower[pos] == '\t')) ++pos;
    if (pos >= lower.size() || lower[pos] != '=') return {};
    ++pos;
    while (pos < lower.size() && (lower[pos] == ' ' || lower[pos] == '"' || lower[pos] == '\'')) ++pos;
    std::size_t end = pos;
    while (end < lower.size() && lower[end] != ';' && lower[end] != '"' && lower[end] != '\'' && lower[end] != ' ' &&
           lower[end] != ',')
        ++end;
    return lower.substr(pos, end - pos);
}

// Attributes of the tag starting after "<meta" at `pos` (up to the closing '>').
std::vector<std::pair<std::string, std::string>> readAttributes(std::string_view text, std::size_t& pos) {
    std::vector<std::pair<std::string, std::string>> attributes;
    while (pos < text.size()) {
        while (pos < text.size() && (std::isspace(static_cast<unsigned char>(text[pos])) || text[pos] == '/')) ++pos;
        if (pos >= text.size() || text[pos] == '>') break;
        std::size_t nameStart = pos;
        while (pos < text.size() && text[pos] != '=' && text[pos] != '>' &&
               !std::isspace(static_cast<unsigned char>(text[pos])))
            ++pos;
        std::string name = detail::toLowerAscii(text.substr(nameStart, pos - nameStart));
        while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
        std::string value;
        if (pos < text.size() && text[pos] == '=') {
            ++pos;
            while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
            if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'')) {
                const char quote = text[pos++];
                const std::size_t end = text.find(quote, pos);
                const std::size_t stop = end == std::string_view::npos ? text.size() : end;
                value = std::string(text.substr(pos, stop - pos));
                pos = stop + 1;
            } else {
                const std::size_t valueStart = pos;
                while (pos < text.size() && text[pos] != '>' && !std::isspace(static_cast<unsigned char>(text[pos])))
                    ++pos;
                value = std::string(text.substr(valueStart, pos - valueStart));
            }
        }
        if (name.empty()) {
            ++pos;
            continue;
        }
        attributes.emplace_back(std::move(name), std::move(value));
    }
    return attributes;
}

std::string prescanMeta(std::string_view bytes) {
    const std::string_view text = bytes.substr(0, std::min<std::size_t>(bytes.size(), 4096));
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t lt = text.find('<', pos);
        if (lt == std::string_view::npos) break;
        if (text.substr(lt, 4) == "<!--") {
            const std::size_t end = text.find("-->", lt + 4);
            if (end == std::string_view::npos) break;
            pos = end + 3;
            continue;
        }
        if (lt + 5 < text.size() && detail::startsWithNoCase(text.substr(lt + 1), "meta") &&
            (std::isspace(static_cast<unsigned char>(text[lt + 5])) || text[lt + 5] == '/')) {
            std::size_t at = lt + 5;
            const auto attributes = readAttributes(text, at);
            std::string httpEquiv, content, charset;
            for (const auto& [name, value] : attributes) {
                if (name == "charset" && charset.empty()) charset = value;
                if (name == "http-equiv") httpEquiv = detail::toLowerAscii(value);
                if (name == "content") content = value;
            }
            if (!charset.empty()) return charset;
            if (httpEquiv == "content-type") {
                std::string fromContent = charsetFromContentType(content);
                if (!fromContent.empty()) return fromContent;
            }
            pos = at;
            continue;
        }
        pos = lt + 1;
    }
    return {};
}

// --- [SECTION] Decoding --------------------------------------------------------------------

bool hasMultiByte(std::string_view bytes) {
    for (const char c : bytes)
        if (static_cast<unsigned char>(c) >= 0x80) return true;
    return false;
}

bool knownToIcu(const std::string& label) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* converter = ucnv_open(label.c_str(), &status);
    if (converter != nullptr) ucnv_close(converter);
    return U_SUCCESS(status) && converter != nullptr;
}

std::string convert(std::string_view bytes, const std::string& label) {
    const icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), label.c_str());
    std::string out;
    text.toUTF8String(out);
    return out;
}

// Valid UTF-8 as is; invalid sequences become U+FFFD, as browsers show them.
std::string repairUtf8(std::string_view bytes) {
    if (!utf8::findInvalid(bytes, true)) return std::string(bytes);
    return convert(bytes, "utf-8");
}

Diagnostic error(const std::string& sourceName, std::string message) { return Diagnostic{sourceName, "", message}; }

}  // namespace

Result<std::string> htmlToUtf8(const HtmlInput& input, const std::string& sourceName) {
    std::string_view bytes = input.bytes;
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX) / 2)
        return error(sourceName, "the page is too large (over 1 GiB)");

    // The BOM decides, before anything the page or the server says.
    if (bytes.starts_with("\xEF\xBB\xBF")) return repairUtf8(bytes.substr(3));
    if (bytes.starts_with("\xFF\xFE")) return convert(bytes.substr(2), "UTF-16LE");
    if (bytes.starts_with("\xFE\xFF")) return convert(bytes.substr(2), "UTF-16BE");

    const bool validUtf8 = !utf8::findInvalid(bytes, true);
    auto decodeAs = [&](const std::string& label, bool fromMeta) -> Result<std::string> {
        if (label == "utf-8") return repairUtf8(bytes);
        if (label == "utf-16" || label == "utf-16le" || label == "utf-16be") {
            if (fromMeta) return repairUtf8(bytes);  // a <meta> that could be read is not UTF-16
            return convert(bytes, label == "utf-16be" ? "UTF-16BE" : "UTF-16LE");
        }
        if (fromMeta && validUtf8 && hasMultiByte(bytes) && isSingleByteLabel(label)) return std::string(bytes);
        if (!knownToIcu(label)) {
            if (validUtf8) return std::string(bytes);
            return error(sourceName, "the page declares the charset \"" + label + "\", which is not known");
        }
        return convert(bytes, label);
    };

    const std::string http = canonicalLabel(input.httpCharset);
    if (!http.empty()) return decodeAs(http, false);
    const std::string meta = canonicalLabel(prescanMeta(bytes));
    if (!meta.empty()) return decodeAs(meta, true);
    if (validUtf8) return std::string(bytes);
    return error(sourceName,
                 "not UTF-8 and no charset is declared (no BOM, no HTTP charset, no <meta charset> in the first "
                 "4096 bytes)");
}

}  // namespace claimmark::intake
