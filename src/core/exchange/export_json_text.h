// export_json_text.h — JSON text written straight into an ExportSink: the same bytes as
// storage/json_text.h's appendJsonString / appendJsonNumber (JSON's minimal escaping,
// UTF-8 kept, as nlohmann::json::dump() writes), but a long string (an article's text) goes
// through the sink's chunks instead of being escaped into one more copy of itself.
#pragma once

#include "core/exchange/export_sink.h"

#include <cstdint>
#include <string_view>

namespace claimmark {

// `s` as a quoted JSON string.
void appendJsonString(ExportSink& out, std::string_view s);
// A non-negative integer; a signed one ("-3" too).
void appendJsonNumber(ExportSink& out, std::uint64_t n);
void appendJsonInteger(ExportSink& out, std::int64_t n);

}  // namespace claimmark
