// schema_detail.h — what the schema's own source files share, and nothing else includes:
// the schema file format's name and version, and how values are shown in messages.
// (The public interface is schema.h.)
#pragma once

#include "core/model/schema.h"

#include <string>

namespace claimmark::detail {

inline constexpr const char* kSchemaFormat = "claimmark/schema";
inline constexpr int kSchemaVersion = 1;

// `text` in double quotes, JSON-escaped (invalid UTF-8 as \xNN), for messages.
std::string inQuotes(const std::string& text);

// What a value of this attribute must look like: completes "expected ...".
std::string expectation(const AttributeDef& def);

}  // namespace claimmark::detail
