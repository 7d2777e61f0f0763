// fuzz_schema_reader.cpp — a schema file's JSON through the limits and schemaFromJson; a schema
// it accepts must write back to JSON that reads again, and its report block (the evidence
// hierarchy) must read without crashing and, when accepted, rank within its list.
#include "core/model/schema.h"
#include "core/report/evidence_hierarchy.h"
#include "core/storage/json_input.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    claimmark::Result<nlohmann::json> json = claimmark::parseJsonText(text, "schema.json");
    if (!json) return 0;
    claimmark::Result<claimmark::Schema> schema = claimmark::schemaFromJson(*json, "schema.json");
    if (!schema) return 0;
    if (!claimmark::schemaFromJson(claimmark::schemaToJson(*schema), "schema.json")) __builtin_trap();
    claimmark::Result<claimmark::EvidenceHierarchy> hierarchy = claimmark::hierarchyFromSchema(*schema, "schema.json");
    if (hierarchy && (hierarchy->ranks.empty() || hierarchy->weakFrom >= hierarchy->ranks.size() ||
                      hierarchy->rankOf("no-such-type") != int(hierarchy->ranks.size() - 1)))
        __builtin_trap();
    return 0;
}
