// brat_ann_parser.cpp — one line of a brat .ann file into a Record (see brat_ann_parser.h).
//
// [SECTION] Parsing       one record per line; what is malformed is the returned problem
#include "core/exchange/brat/brat_ann_parser.h"

#include "core/exchange/brat/brat_format.h"

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

// Space-separated words; runs of spaces count as one (hand-edited files have them).
std::vector<std::string_view> words(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        std::size_t j = i;
        while (j < text.size() && text[j] != ' ') ++j;
        if (j > i) out.push_back(text.substr(i, j - i));
        i = j;
    }
    return out;
}

bool splitArgument(std::string_view word, Argument& out) {
    const std::size_t colon = word.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == word.size()) return false;
    out.role = std::string(word.substr(0, colon));
    out.id = std::string(word.substr(colon + 1));
    return true;
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
    const std::vector<std::string_view> w = words(head);
    if (id.empty()) return "the id is empty";
    r.id = std::string(id);
    if (w.empty()) return r.id + ": nothing after the id";

    switch (id[0]) {
        case 'T': {
            r.kind = Kind::Text;
            const std::size_t space = head.find(' ');
            if (space == std::string_view::npos) return r.id + ": expected \"LABEL START END\"";
            r.type = std::string(head.substr(0, space));
            for (std::string_view fragment : splitOn(head.substr(space + 1), ';')) {
                const std::vector<std::string_view> numbers = words(fragment);
                std::optional<std::size_t> start, end;
                if (numbers.size() == 2) start = brat::parseOffset(numbers[0]), end = brat::parseOffset(numbers[1]);
                if (!start || !end)
                    return r.id + ": fragment " + inQuotes(fragment) + " is not \"START END\" (two whole numbers)";
                r.spans.push_back({*start, *end});
            }
            if (hasTail) r.text = std::string(tail);
            return {};
        }
        case 'R': {
            r.kind = Kind::Relation;
            r.type = std::string(w[0]);
            Argument arg1, arg2;
            for (std::size_t i = 1; i < w.size(); ++i) {
                Argument a;
                if (!splitArgument(w[i], a)) return r.id + ": argument " + inQuotes(w[i]) + " is not \"ROLE:ID\"";
                if (a.role == "Arg1" && arg1.id.empty()) arg1 = a;
                else if (a.role == "Arg2" && arg2.id.empty()) arg2 = a;
                else return r.id + ": unexpected argument " + inQuotes(w[i]) + " (a relation has Arg1 and Arg2)";
            }
            if (arg1.id.empty() || arg2.id.empty()) return r.id + ": a relation needs Arg1:ID and Arg2:ID";
            r.arguments = {arg1, arg2};
            return {};
        }
        case 'E': {
            r.kind = Kind::Event;
            for (std::size_t i = 0; i < w.size(); ++i) {
                Argument a;
                if (!splitArgument(w[i], a)) return r.id + ": argument " + inQuotes(w[i]) + " is not \"ROLE:ID\"";
                r.arguments.push_back(std::move(a));
            }
            r.type = r.arguments.front().role;
            return {};
        }
        case 'A':
        case 'M': {
            r.kind = Kind::Attribute;
            if (w.size() < 2 || w.size() > 3) return r.id + ": expected \"NAME ID\" or \"NAME ID VALUE\"";
            r.type = std::string(w[0]);
            r.target = std::string(w[1]);
            if (w.size() == 3) r.value = std::string(w[2]);
            return {};
        }
        case 'N': {
            r.kind = Kind::Normalization;
            if (w.size() != 3) return r.id + ": expected \"Reference ID DB:ID\"";
            r.type = std::string(w[0]);
            r.target = std::string(w[1]);
            r.value = std::string(w[2]);
            if (hasTail) r.text = std::string(tail);
            return {};
        }
        case '#': {
            r.kind = Kind::Note;
            if (w.size() != 2) return r.id + ": expected \"AnnotatorNotes ID\", a tab and the note";
            r.type = std::string(w[0]);
            r.target = std::string(w[1]);
            r.text = std::string(tail);
            return {};
        }
        case '*': {
            r.kind = Kind::Equiv;
            r.id.clear();
            r.type = std::string(w[0]);
            if (w.size() < 3) return "* line: expected \"TYPE ID ID ...\" with at least two members";
            for (std::size_t i = 1; i < w.size(); ++i) r.arguments.push_back({r.type, std::string(w[i])});
            return {};
        }
        default:
            return r.id + ": unknown annotation kind '" + std::string(1, id[0]) +
                   "' (brat standoff has T, R, E, A, M, N, # and * lines)";
    }
}

}  // namespace claimmark::brat
