// front_matter.cpp — see front_matter.h: finding the block, then each top-level key with the
// lines that belong to it (indented lines, and `- item` lines under an empty value).
//
// [SECTION] Lines           the input cut into lines (LF or CRLF), with their byte offsets
// [SECTION] Scalars         plain, single- and double-quoted values; ~ and null
// [SECTION] Lists and maps  flow lists, block lists (with `name:` items), `name:` mappings
// [SECTION] Reading         the block's bounds and the keys intake uses
#include "core/intake/markdown/front_matter.h"

#include "core/text/utf8.h"

#include <vector>

namespace claimmark::intake {
namespace {

// --- [SECTION] Lines ---------------------------------------------------------------------

struct Line {
    std::string_view text;  // without the line ending
    std::size_t next = 0;   // byte offset of the following line
};

std::vector<Line> splitLines(std::string_view text) {
    std::vector<Line> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(Line{line, next});
        start = next;
    }
    return lines;
}

bool isBlank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && isBlank(s.front())) s.remove_prefix(1);
    while (!s.empty() && isBlank(s.back())) s.remove_suffix(1);
    return s;
}

bool isBlankLine(std::string_view s) { return trim(s).empty(); }
bool isIndented(std::string_view s) { return !s.empty() && isBlank(s.front()); }

// --- [SECTION] Scalars -------------------------------------------------------------------

bool isNull(std::string_view s) { return s == "~" || s == "null" || s == "Null" || s == "NULL"; }

// A plain scalar: a " #" comment dropped, white space trimmed.
std::string plainScalar(std::string_view s) {
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        if (isBlank(s[i]) && s[i + 1] == '#') {
            s = s.substr(0, i);
            break;
        }
    }
    s = trim(s);
    if (isNull(s)) return {};
    return std::string(s);
}

void appendHex(std::string& out, std::string_view s, std::size_t& i, std::size_t digits) {
    if (i + digits >= s.size()) return;  // `i` is at the x/u/U; too few digits follow
    char32_t cp = 0;
    for (std::size_t k = 1; k <= digits; ++k) {
        const char h = s[i + k];
        cp <<= 4;
        if (h >= '0' && h <= '9') cp |= char32_t(h - '0');
        else if (h >= 'a' && h <= 'f') cp |= char32_t(h - 'a' + 10);
        else if (h >= 'A' && h <= 'F') cp |= char32_t(h - 'A' + 10);
        else return;
    }
    i += digits;
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return;  // nothing usable
    utf8::append(out, cp);
}

// A quoted scalar starting at s[0] (' or "); `rest` gets what follows the closing quote.
std::string quotedScalar(std::string_view s, std::string_view& rest) {
    const char quote = s[0];
    std::string out;
    std::size_t i = 1;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (quote == '\'' && c == '\'') {
            if (i + 1 < s.size() && s[i + 1] == '\'') {
                out += '\'';
                ++i;
                continue;
            }
            break;
        }
        if (quote == '"' && c == '"') break;
        if (quote == '"' && c == '\\' && i + 1 < s.size()) {
            const char e = s[++i];
            switch (e) {
                case 'n': out += '\n'; break;
                case 't': out += '\t'; break;
                case '0': break;
                case 'x': appendHex(out, s, i, 2); break;
                case 'u': appendHex(out, s, i, 4); break;
                case 'U': appendHex(out, s, i, 8); break;
                default: out += e; break;  // \" \\ \/ and anything else as itself
            }
            continue;
        }
        out += c;
    }
    rest = i < s.size() ? s.substr(i + 1) : std::string_view{};
    return out;
}

// Any scalar: quoted or plain.
std::string scalar(std::string_view s) {
    s = trim(s);
    if (!s.empty() && (s[0] == '"' || s[0] == '\'')) {
        std::string_view rest;
        return quotedScalar(s, rest);
    }
    return plainScalar(s);
}

// --- [SECTION] Lists and maps ------------------------------------------------------------

// `[a, "b, c", 'd']`: the items, quotes respected.
std::vector<std::string> flowList(std::string_view s) {
    std::vector<std::string> items;
    std::size_t i = 1;  // past '['
    while (i < s.size()) {
        while (i < s.size() && (isBlank(s[i]) || s[i] == ',')) ++i;
        if (i >= s.size() || s[i] == ']') break;
        if (s[i] == '"' || s[i] == '\'') {
            std::string_view rest;
            items.push_back(quotedScalar(s.substr(i), rest));
            i = s.size() - rest.size();
            while (i < s.size() && s[i] != ',' && s[i] != ']') ++i;
        } else {
            const std::size_t start = i;
            while (i < s.size() && s[i] != ',' && s[i] != ']') ++i;
            items.push_back(plainScalar(s.substr(start, i - start)));
        }
    }
    return items;
}

// "name: Ann" → "Ann" when the key is `name`; otherwise nothing.
bool nameEntry(std::string_view line, std::string& name) {
    line = trim(line);
    if (line.substr(0, 5) != "name:") return false;
    name = scalar(line.substr(5));
    return true;
}

// Lines `- Ann`, `- name: Ann` (with the item's further `name:` lines), or a mapping with a
// `name:` entry.
std::vector<std::string> blockItems(const std::vector<std::string_view>& children) {
    std::vector<std::string> items;
    bool inItem = false, itemNamed = false;
    for (std::string_view child : children) {
        std::string_view t = trim(child);
        if (t.empty()) continue;
        if (t[0] == '-' && (t.size() == 1 || isBlank(t[1]))) {
            inItem = true;
            itemNamed = false;
            t = trim(t.substr(1));
            if (t.empty()) continue;
            std::string name;
            if (nameEntry(t, name)) {
                items.push_back(name);
                itemNamed = true;
            } else if (t.find(": ") == std::string_view::npos || t[0] == '"' || t[0] == '\'') {
                items.push_back(scalar(t));
                itemNamed = true;
            }
            continue;
        }
        std::string name;
        if (nameEntry(t, name) && !(inItem && itemNamed)) {
            items.push_back(name);
            itemNamed = true;
        }
    }
    return items;
}

std::string joinNonEmpty(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const std::string& part : parts) {
        if (part.empty()) continue;
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

// A key's value from its own line's text and the lines that belong to it.
std::string readValue(std::string_view value, const std::vector<std::string_view>& children) {
    value = trim(value);
    // Quoted or flow values may go on over the following lines: joined by spaces first.
    std::string joined(value);
    for (std::string_view child : children) {
        if (isBlankLine(child)) continue;
        joined += ' ';
        joined += trim(child);
    }
    if (!value.empty() && (value[0] == '"' || value[0] == '\'')) return scalar(joined);
    if (!value.empty() && value[0] == '[') return joinNonEmpty(flowList(joined), ", ");
    if (!value.empty() && (value[0] == '|' || value[0] == '>')) {
        std::vector<std::string> parts;
        for (std::string_view child : children) parts.emplace_back(trim(child));
        return joinNonEmpty(parts, " ");
    }
    if (value.empty()) return joinNonEmpty(blockItems(children), ", ");
    return plainScalar(joined);
}

}  // namespace

// --- [SECTION] Reading -------------------------------------------------------------------

FrontMatter readFrontMatter(std::string_view text) {
    FrontMatter fm;
    const std::vector<Line> lines = splitLines(text);
    if (lines.empty() || trim(lines[0].text) != "---" || lines[0].text.substr(0, 3) != "---") return fm;
    std::size_t close = 0;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::string_view t = lines[i].text;
        if (t.substr(0, 3) == "---" || t.substr(0, 3) == "...") {
            if (trim(t).size() == 3) {
                close = i;
                break;
            }
        }
    }
    if (close == 0) return fm;
    fm.present = true;
    fm.bodyOffset = lines[close].next;
    fm.bodyFirstLine = int(close) + 2;

    std::size_t i = 1;
    while (i < close) {
        const std::string_view line = lines[i].text;
        ++i;
        if (isBlankLine(line) || isIndented(line) || line[0] == '#' || line[0] == '-') continue;
        // "key: value" (or "key:" at the end of the line); a quoted key is unquoted.
        std::size_t colon = std::string_view::npos;
        for (std::size_t k = 0; k < line.size(); ++k) {
            if (line[k] == ':' && (k + 1 == line.size() || isBlank(line[k + 1]))) {
                colon = k;
                break;
            }
        }
        if (colon == std::string_view::npos) continue;
        const std::string key = scalar(line.substr(0, colon));
        const std::string_view value = trim(line.substr(colon + 1));
        // Its lines: indented ones, and `- item` lines when the value is on the lines below.
        std::vector<std::string_view> children;
        while (i < close) {
            const std::string_view next = lines[i].text;
            const bool item = value.empty() && !next.empty() && next[0] == '-';
            if (!(isBlankLine(next) || isIndented(next) || item)) break;
            children.push_back(next);
            ++i;
        }
        if (key == "title") fm.title = readValue(value, children);
        else if (key == "author" || key == "authors") {
            const std::string authors = readValue(value, children);
            if (!authors.empty()) fm.author = fm.author.empty() ? authors : fm.author + ", " + authors;
        } else if (key == "date") fm.date = readValue(value, children);
    }
    return fm;
}

}  // namespace claimmark::intake
