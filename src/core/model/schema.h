// schema.h — the label schema: labels (colour, hotkey, typed attributes) and relation types.
//
// A schema is a JSON document (see samples/schemas/claim-strength.json):
//   {"format": "claimmark/schema", "version": 1, "name": "...",
//    "labels": [{"name", "color" "#rrggbb", "hotkey", "description",
//                "attributes": [{"name", "type": "enum"|"ordinal"|"bool"|"text",
//                                "values": [...]            (enum),
//                                "min", "max", "levels": [...] (ordinal; levels name min..max),
//                                "default", "description"}]}],
//    "relations": [{"type", "from": [labels], "to": [labels], "description"}]}
// Unknown keys are kept in `extra` and written back.
#pragma once

#include "core/diagnostic.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace claimmark {

// An attribute value: bool (bool attributes), integer (ordinal), string (enum and text).
using AttributeValue = std::variant<bool, std::int64_t, std::string>;
using Attributes = std::map<std::string, AttributeValue, std::less<>>;

std::string attributeValueToString(const AttributeValue& value);  // true / 4 / clinical-trial
nlohmann::json attributeValueToJson(const AttributeValue& value);

enum class AttributeKind { Enum, Ordinal, Bool, Text };
const char* attributeKindName(AttributeKind kind);  // "enum", "ordinal", ...

struct AttributeDef {
    std::string name;
    AttributeKind kind = AttributeKind::Text;
    std::vector<std::string> values;  // enum: allowed values, in display order
    std::int64_t min = 1;             // ordinal range, inclusive
    std::int64_t max = 5;
    std::vector<std::string> levels;  // ordinal: optional names for min..max
    std::optional<AttributeValue> defaultValue;
    std::string description;
    nlohmann::json extra;

    // Empty when `value` fits this attribute, else what is wrong ("expected an integer from
    // 1 to 5, got 7").
    std::string check(const AttributeValue& value) const;
};

struct LabelDef {
    std::string name;
    std::string color;   // "#rrggbb"
    std::string hotkey;  // one printable character, may be empty
    std::string description;
    std::vector<AttributeDef> attributes;
    nlohmann::json extra;

    const AttributeDef* findAttribute(std::string_view attributeName) const;
};

struct RelationDef {
    std::string type;
    std::vector<std::string> from;  // allowed source labels; empty = any
    std::vector<std::string> to;    // allowed target labels; empty = any
    std::string description;
    nlohmann::json extra;

    bool allows(std::string_view fromLabel, std::string_view toLabel) const;
};

class Schema {
public:
    std::string name;
    std::vector<LabelDef> labels;
    std::vector<RelationDef> relations;
    nlohmann::json extra;

    const LabelDef* findLabel(std::string_view labelName) const;
    const RelationDef* findRelation(std::string_view type) const;
    // Relation types the schema allows from a `fromLabel` annotation to a `toLabel` one.
    std::vector<const RelationDef*> relationsBetween(std::string_view fromLabel, std::string_view toLabel) const;
    // Comma-separated label names, for messages.
    std::string labelList() const;

    // The built-in claim-strength schema of DESIGN.md (hotkeys 1 claim, 2 hedge, 3 caveat,
    // 4 evidence). Also written to samples/schemas/claim-strength.json.
    static Schema claimStrength();
};

// Reads a schema from JSON. Problems are reported with JSON paths under `pathPrefix`
// (e.g. "schema.labels[2].attributes[0].type"); on any problem the result has no value.
Result<Schema> schemaFromJson(const nlohmann::json& json, const std::string& fileName,
                              const std::string& pathPrefix = "");
nlohmann::json schemaToJson(const Schema& schema);
Result<Schema> loadSchemaFile(const std::filesystem::path& path);

}  // namespace claimmark
