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

// The pieces every JSON string writer shares (this one and exchange/export_json_text.h):
// the first byte at or after `from` that must be escaped (a control character, '"' or '\\'),
// else s.size(); and that byte's escape ("\\n", "\\u001f"), written into `buffer`.
std::size_t nextJsonEscape(std::string_view s, std::size_t from);
std::string_view jsonEscapeOf(unsigned char c, char (&buffer)[6]);
// Appends a non-negative integer.
void appendJsonNumber(std::string& out, std::uint64_t n);

}  // namespace claimmark
