// json_input.h — reading JSON that claimmark did not write: every file a user hands us goes
// through these limits before (or while) it is parsed, so no input can make a reader or a
// writer recurse without bound or abort on a number.
//
// [SECTION] Limits
//   Nesting deeper than kMaxJsonDepth levels (arrays and objects, unknown keys included) and
//   numbers a double cannot hold (1e309) are refused with the line and column where they
//   start. 256 levels is far beyond any real set, export or schema (they nest at most ~8).
// [SECTION] Parsing
//   parseJsonText() checks the limits, then parses with nlohmann/json, and turns every
//   exception the library can throw into a Diagnostic: "line L, column C: invalid JSON: …".
#pragma once

#include "core/diagnostic.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace claimmark {

constexpr std::size_t kMaxJsonDepth = 256;

struct JsonLimitProblem {
    std::size_t byte = 0;  // where the offending array, object or number starts
    std::string message;
};

// The first place where `text` goes beyond the limits, if any. Linear, no allocation; text
// that is not JSON at all is left to the parser to describe.
std::optional<JsonLimitProblem> findJsonLimitProblem(std::string_view text);

// "line L, column C" of a byte offset; lines counted from `firstLine`, columns in code points.
std::string jsonPlace(std::string_view text, std::size_t byte, std::size_t firstLine = 1);

// Parses `text` as one JSON value under the limits. Problems name `fileName` and the place
// ("line L, column C", lines from `firstLine`, so a JSONL line passes its own number).
Result<nlohmann::json> parseJsonText(std::string_view text, const std::string& fileName, std::size_t firstLine = 1);

// A claimmark file's head: `top` is an object whose "format" is `format` and whose
// "version" is `version`; otherwise the problem, naming the file and the key ("not a
// claimmark <what> (expected "format": "...")", "expected version 1, got 7").
std::optional<Diagnostic> checkFileHead(const nlohmann::json& top, const std::string& fileName, std::string_view format,
                                        int version, std::string_view what);

// nlohmann's message without its "[json.exception.…] " tag and, for parse errors, the
// "parse error at line 1, column 5: " place (reported separately), keeping the explanation.
std::string jsonErrorReason(const char* what);

}  // namespace claimmark
