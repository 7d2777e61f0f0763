// brat_ann_parser.h — one line of a brat .ann file as a Record: the kinds of line brat
// standoff has (T, R, E, A/M, N, #, *) and the parser that reads one. Private to the brat
// importer: import_brat.cpp builds annotations, attributes, notes and relations from them.
#pragma once

#include "core/model/annotation.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimmark::brat {

enum class Kind { Text, Relation, Event, Attribute, Normalization, Note, Equiv };

// The text fields are views into the line parsed (the .ann text must outlive the records).
struct Argument {
    std::string_view role;
    std::string_view id;
};

struct Record {
    Kind kind = Kind::Text;
    std::size_t line = 0;
    std::string_view id;              // T3, R1, E2, A1, N1, #1; empty for '*'
    std::string_view type;            // label, relation/event type, attribute name, note type
    std::vector<Span> spans;          // T, in the order listed
    bool hasText = false;             // T: stated text; #: the note; N: the string
    std::string_view text;            //   (plain flag and view: see parseLine)
    std::string_view target;          // A, N, #: the annotated id
    bool hasValue = false;            // A: valued attribute; N: "db:id"
    std::string_view value;           //
    std::vector<Argument> arguments;  // R: Arg1, Arg2; E: trigger first (role = type); *: members
};

// Splits at every `separator`: n separators give n + 1 parts, empty ones included.
std::vector<std::string_view> splitOn(std::string_view text, char separator);

// Parses one non-empty line; returns the problem ("" when fine). `r` views into `line`.
std::string parseLine(std::string_view line, Record& r);

}  // namespace claimmark::brat
