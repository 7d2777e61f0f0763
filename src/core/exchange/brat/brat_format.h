// brat_format.h — what brat export and import agree on: which names brat accepts, and how
// brat constructs without a claimmark equivalent are carried in a set.
//
// [SECTION] Names
//   brat's configuration requires type names (labels, relation types, attribute names,
//   event roles) of ASCII letters, digits, '_' and '-'. Attribute values sit in
//   "Value:a|b|c" lists and in space-separated A lines, so they may not contain white
//   space, '|' or ','.
// [SECTION] Carried constructs
//   - E events: the trigger annotation gets extra {"bratEvent": true}; each argument is a
//     relation from the trigger to the argument (type = the role, e.g. "Org-Arg2") with
//     extra {"bratEventArgument": true}. Export writes these back as E lines.
//   - * Equiv (and any other '*' type, e.g. "Alias"): relations of that type between
//     consecutive members, with extra {"bratEquivalence": true}; export groups connected
//     members of such relations (and of any "Equiv" relation) back into one '*' line.
//   - N normalizations: text attribute "reference" (then "reference-2", ...) holding
//     "db:id" or "db:id string" (the string after the first space); export writes N lines.
//   - # notes on relations: relation extra {"note": "..."}.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace claimmark::brat {

inline constexpr const char* kEventKey = "bratEvent";
inline constexpr const char* kEventArgumentKey = "bratEventArgument";
inline constexpr const char* kEquivalenceKey = "bratEquivalence";
inline constexpr const char* kRelationNoteKey = "note";
inline constexpr const char* kReferenceAttribute = "reference";

bool isTypeName(std::string_view name);
bool isAttributeValue(std::string_view value);
// Why `name` cannot be a brat type ("" when it can).
std::string typeNameProblem(std::string_view what, std::string_view name);

// "reference" -> 1, "reference-2" -> 2, anything else -> nullopt.
std::optional<int> referenceIndex(std::string_view attributeName);
std::string referenceAttributeName(int index);

// Parses a whole decimal number (no sign, no spaces).
std::optional<std::size_t> parseOffset(std::string_view text);

// `text` in double quotes, for messages.
std::string inQuotes(std::string_view text);

}  // namespace claimmark::brat
