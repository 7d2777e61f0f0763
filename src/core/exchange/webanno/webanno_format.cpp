// webanno_format.cpp — see webanno_format.h: escaping.
#include "core/exchange/webanno/webanno_format.h"

#include <algorithm>

namespace claimmark::webanno {

void appendEscapedValue(std::string& out, std::string_view value) {
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        switch (c) {
            case '\\':
            case '[':
            case ']':
            case '|':
            case '_':
            case ';':
            case '*':
                out += '\\';
                out += c;
                break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '-':
                if (i + 1 < value.size() && value[i + 1] == '>') {
                    out += "\\->";
                    ++i;
                } else {
                    out += c;
                }
                break;
            default: out += c;
        }
    }
}

std::string unescapeValue(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c != '\\' || i + 1 == value.size()) {
            out += c;
            continue;
        }
        const char next = value[i + 1];
        if (next == 't') out += '\t';
        else if (next == 'n') out += '\n';
        else if (next == '-' && i + 2 < value.size() && value[i + 2] == '>') {
            out += "->";
            ++i;
        } else if (next == '\\' || next == '[' || next == ']' || next == '|' || next == '_' || next == ';' ||
                   next == '*') {
            out += next;
        } else {
            out += c;  // not an escape: the backslash stays
            continue;
        }
        ++i;
    }
    return out;
}

namespace {

bool plainControl(unsigned char c) { return c < 0x20 && (c < 8 || c > 13); }

}  // namespace

void appendEscapedText(std::string& out, std::string_view text) {
    for (const char ch : text) {
        const unsigned char c = static_cast<unsigned char>(ch);
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            case '\f': out += "\\f"; break;
            case '\b': out += "\\b"; break;
            case '\n': out += "\\n"; break;
            default:
                if (plainControl(c)) out += '\\';
                out += ch;
        }
    }
}

std::string unescapeText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '\\' || i + 1 == text.size()) {
            out += c;
            continue;
        }
        const char next = text[i + 1];
        switch (next) {
            case '\\': out += '\\'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case 'f': out += '\f'; break;
            case 'b': out += '\b'; break;
            case 'n': out += '\n'; break;
            default:
                if (!plainControl(static_cast<unsigned char>(next))) {
                    out += c;  // not an escape: the backslash stays
                    continue;
                }
                out += next;
        }
        ++i;
    }
    return out;
}

std::string shown(std::string_view text, std::size_t limit) {
    if (text.size() > limit) {
        limit = std::min(limit, text.size());
        while (limit > 0 && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) --limit;  // whole characters
    }
    std::string out = "\"";
    out += text.substr(0, limit);
    if (text.size() > limit) out += "...";
    return out + "\"";
}

bool splitDisambiguation(std::string_view entry, std::string_view& value, std::size_t& id) {
    value = entry;
    id = 0;
    if (entry.empty() || entry.back() != ']') return true;
    // An escaped "\]" ends the value itself: count the backslashes before it.
    std::size_t slashes = 0;
    for (std::size_t i = entry.size() - 1; i > 0 && entry[i - 1] == '\\'; --i) ++slashes;
    if (slashes % 2 == 1) return true;
    const std::size_t open = entry.rfind('[');
    if (open == std::string_view::npos || open + 2 > entry.size() - 1) return false;
    std::size_t n = 0;
    for (std::size_t i = open + 1; i + 1 < entry.size(); ++i) {
        if (entry[i] < '0' || entry[i] > '9' || n > 100000000) return false;
        n = n * 10 + std::size_t(entry[i] - '0');
    }
    if (n == 0) return false;
    value = entry.substr(0, open);
    id = n;
    return true;
}

}  // namespace claimmark::webanno
