// brat_ann_parser.cpp — one line of a brat .ann file into a Record (see brat_ann_parser.h).
//
// [SECTION] Parsing       one record per line; what is malformed is the returned problem
#include "core/exchange/brat/brat_ann_parser.h"

#include "core/exchange/brat/brat_format.h"

#include <array>

namespace claimmark::brat {

// --- [SECTION] Parsing --------------------------------------------------------------------

std::vector<std::string_view> splitOn(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t at = text.find(separator, start);
        parts.push_back(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos) break;
        start = at + 1;
    }
    return parts;
}

namespace {

// Space-separated words; runs of spaces count as one (hand-edited files have them). Up to
// Words::kInPlace are kept in place (no allocation for the usual lines); `count` is the real number.
struct Words {
    static constexpr std::size_t kInPlace = 8;
    std::array<std::string_view, kInPlace> inPlace;
    std::vector<std::string_view> more;  // beyond kInPlace (long '*' and E lines)
    std::size_t count = 0;

    std::string_view operator[](std::size_t i) const { return i < kInPlace ? inPlace[i] : more[i - kInPlace]; }
    std::size_t size() const { return count; }
    bool empty() const { return count == 0; }
};

Words words(std::string_view text) {
    Words out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        std::size_t j = i;
        while (j < text.size() && text[j] != ' ') ++j;
        if (j > i) {
            if (out.count < Words::kInPlace) out.inPlace[out.count] = text.substr(i, j - i);
            else out.more.push_back(text.substr(i, j - i));
            ++out.count;
        }
        i = j;
    }
    return out;
}

bool splitArgument(std::string_view word, Argument& out) {
    const std::size_t colon = word.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == word.size()) return false;
    out.role = word.substr(0, colon);
    out.id = word.substr(colon + 1);
    return true;
}

std::string named(std::string_view id, std::string_view problem) {
    std::string out(id);
    out += ": ";
    out += problem;
    return out;
}

// "START END" fragments separated by ';' into `spans`; false when one is not two numbers.
bool parseFragments(std::string_view text, std::vector<Span>& spans, std::string_view& bad) {
    std::size_t from = 0;
    while (true) {
        const std::size_t semicolon = text.find(';', from);
        const std::string_view fragment =
            text.substr(from, semicolon == std::string_view::npos ? std::string_view::npos : semicolon - from);
        const Words numbers = words(fragment);
        std::optional<std::size_t> start, end;
        if (numbers.size() == 2) start = brat::parseOffset(numbers[0]), end = brat::parseOffset(numbers[1]);
        if (!start || !end) {
            bad = fragment;
            return false;
        }
        spans.push_back({*start, *end});
        if (semicolon == std::string_view::npos) return true;
        from = semicolon + 1;
    }
}

}  // namespace

// Parses one non-empty line; returns the problem ("" when fine).
std::string parseLine(std::string_view line, Record& r) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return "expected an id, a tab and the annotation (no tab found)";
    const std::string_view id = line.substr(0, tab);
    const std::string_view rest = line.substr(tab + 1);
    const std::size_t tab2 = rest.find('\t');
    const std::string_view head = rest.substr(0, tab2);
    // A plain flag and view rather than std::optional: GCC 12 warns (falsely) that an
    // optional<string_view> may be read uninitialised here.
    const bool hasTail = tab2 != std::string_view::npos;
    const std::string_view tail = hasTail ? rest.substr(tab2 + 1) : std::string_view();
    if (id.empty()) return "the id is empty";
    r.id = id;

    switch (id[0]) {
        case 'T': {
            r.kind = Kind::Text;
            const std::size_t start = head.find_first_not_of(' ');
            if (start == std::string_view::npos) return named(id, "nothing after the id");
            const std::size_t space = head.find(' ', start);
            if (space == std::string_view::npos) return named(id, "expected \"LABEL START END\"");
            r.type = head.substr(start, space - start);
            std::string_view bad;
            if (!parseFragments(head.substr(space + 1), r.spans, bad))
                return named(id, "fragment " + inQuotes(bad) + " is not \"START END\" (two whole numbers)");
            r.hasText = hasTail, r.text = tail;
            return {};
        }
        default: break;
    }

    const Words w = words(head);
    if (w.empty()) return named(id, "nothing after the id");
    switch (id[0]) {
        case 'R': {
            r.kind = Kind::Relation;
            r.type = w[0];
            Argument arg1, arg2;
            for (std::size_t i = 1; i < w.size(); ++i) {
                Argument a;
                if (!splitArgument(w[i], a)) return named(id, "argument " + inQuotes(w[i]) + " is not \"ROLE:ID\"");
                if (a.role == "Arg1" && arg1.id.empty()) arg1 = a;
                else if (a.role == "Arg2" && arg2.id.empty()) arg2 = a;
                else return named(id, "unexpected argument " + inQuotes(w[i]) + " (a relation has Arg1 and Arg2)");
            }
            if (arg1.id.empty() || arg2.id.empty()) return named(id, "a relation needs Arg1:ID and Arg2:ID");
            r.arguments = {arg1, arg2};
            return {};
        }
        case 'E': {
            r.kind = Kind::Event;
            for (std::size_t i = 0; i < w.size(); ++i) {
                Argument a;
                if (!splitArgument(w[i], a)) return named(id, "argument " + inQuotes(w[i]) + " is not \"ROLE:ID\"");
                r.arguments.push_back(a);
            }
            r.type = r.arguments.front().role;
            return {};
        }
        case 'A':
        case 'M': {
            r.kind = Kind::Attribute;
            if (w.size() < 2 || w.size() > 3) return named(id, "expected \"NAME ID\" or \"NAME ID VALUE\"");
            r.type = w[0];
            r.target = w[1];
            if (w.size() == 3) r.hasValue = true, r.value = w[2];
            return {};
        }
        case 'N': {
            r.kind = Kind::Normalization;
            if (w.size() != 3) return named(id, "expected \"Reference ID DB:ID\"");
            r.type = w[0];
            r.target = w[1];
            r.hasValue = true, r.value = w[2];
            r.hasText = hasTail, r.text = tail;
            return {};
        }
        case '#': {
            r.kind = Kind::Note;
            if (w.size() != 2) return named(id, "expected \"AnnotatorNotes ID\", a tab and the note");
            r.type = w[0];
            r.target = w[1];
            r.hasText = true, r.text = tail;
            return {};
        }
        case '*': {
            r.kind = Kind::Equiv;
            r.id = {};
            r.type = w[0];
            if (w.size() < 3) return "* line: expected \"TYPE ID ID ...\" with at least two members";
            for (std::size_t i = 1; i < w.size(); ++i) r.arguments.push_back({r.type, w[i]});
            return {};
        }
        default:
            return named(id, std::string("unknown annotation kind '") + id[0] +
                                 "' (brat standoff has T, R, E, A, M, N, # and * lines)");
    }
}

}  // namespace claimmark::brat
