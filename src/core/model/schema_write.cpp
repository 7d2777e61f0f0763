// schema_write.cpp — the label schema as JSON (schemaToJson).
//
// [SECTION] Writing JSON
#include "core/model/schema.h"

#include "core/model/schema_detail.h"

namespace claimmark {

namespace {

using detail::kSchemaFormat;
using detail::kSchemaVersion;

}  // namespace

// =====================================================================================
// [SECTION] Writing JSON
// =====================================================================================

namespace {

// Unknown keys read earlier go back in, without overriding what the model itself writes.
void addExtra(nlohmann::json& out, const nlohmann::json& extra) {
    if (!extra.is_object()) return;
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (!out.contains(it.key())) out[it.key()] = it.value();
    }
}

nlohmann::json attributeToJson(const AttributeDef& def) {
    nlohmann::json out = nlohmann::json::object();
    out["name"] = def.name;
    out["type"] = attributeKindName(def.kind);
    if (def.kind == AttributeKind::Enum) out["values"] = def.values;
    if (def.kind == AttributeKind::Ordinal) {
        out["min"] = def.min;
        out["max"] = def.max;
        if (!def.levels.empty()) out["levels"] = def.levels;
    }
    if (def.defaultValue) out["default"] = attributeValueToJson(*def.defaultValue);
    out["description"] = def.description;
    addExtra(out, def.extra);
    return out;
}

}  // namespace

nlohmann::json schemaToJson(const Schema& schema) {
    nlohmann::json out = nlohmann::json::object();
    out["format"] = kSchemaFormat;
    out["version"] = kSchemaVersion;
    out["name"] = schema.name;
    nlohmann::json labels = nlohmann::json::array();
    for (const auto& label : schema.labels) {
        nlohmann::json item = nlohmann::json::object();
        item["name"] = label.name;
        item["color"] = label.color;
        item["hotkey"] = label.hotkey;
        item["description"] = label.description;
        nlohmann::json attributes = nlohmann::json::array();
        for (const auto& attribute : label.attributes) attributes.push_back(attributeToJson(attribute));
        item["attributes"] = std::move(attributes);
        addExtra(item, label.extra);
        labels.push_back(std::move(item));
    }
    out["labels"] = std::move(labels);
    nlohmann::json relations = nlohmann::json::array();
    for (const auto& relation : schema.relations) {
        nlohmann::json item = nlohmann::json::object();
        item["type"] = relation.type;
        item["from"] = relation.from;
        item["to"] = relation.to;
        item["description"] = relation.description;
        addExtra(item, relation.extra);
        relations.push_back(std::move(item));
    }
    out["relations"] = std::move(relations);
    addExtra(out, schema.extra);
    return out;
}

}  // namespace claimmark
