// json_text.h — writing JSON text directly, for the writers that produce large files (sets,
// exports): building a JSON DOM for 100,000 annotations would allocate millions of small
// nodes. Escaping is JSON's minimal form (quote, backslash, control characters); UTF-8 is
// kept as is, as nlohmann::json::dump() does, so both produce the same text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace claimmark {

// Appends `s` as a quoted JSON string.
void appendJsonString(std::string& out, std::string_view s);
// Appends a non-negative integer.
void appendJsonNumber(std::string& out, std::uint64_t n);

}  // namespace claimmark
