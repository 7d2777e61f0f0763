// schema.cpp — the label schema: attribute values and checks, lookups.
//
// [SECTION] Attribute values and checks
// [SECTION] Lookups
//
// The rest of schema.h: the built-in schema in builtin_schema.cpp, JSON in schema_write.cpp
// and schema_read.cpp, schema files in schema_file.cpp.
#include "core/model/schema.h"

#include "core/model/schema_detail.h"

namespace claimmark {

namespace {

std::string joinNames(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) {
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

}  // namespace

namespace detail {

// Strings are shown quoted so that an empty or space-padded value is visible in a message.
std::string inQuotes(const std::string& text) {
    try {
        return nlohmann::json(text).dump();
    } catch (const nlohmann::json::exception&) {
        // Invalid UTF-8 cannot be dumped; show it escaped by hand rather than fail.
        std::string out = "\"";
        for (unsigned char c : text) {
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                out += static_cast<char>(c);
            } else {
                static const char* hex = "0123456789abcdef";
                out += "\\x";
                out += hex[c >> 4];
                out += hex[c & 15];
            }
        }
        return out + "\"";
    }
}

// What a value of this attribute must look like: completes "expected ...".
std::string expectation(const AttributeDef& def) {
    switch (def.kind) {
        case AttributeKind::Enum: return "one of " + joinNames(def.values);
        case AttributeKind::Ordinal:
            return "an integer from " + std::to_string(def.min) + " to " + std::to_string(def.max);
        case AttributeKind::Bool: return "true or false";
        case AttributeKind::Text: return "a string";
    }
    return "a value";
}

}  // namespace detail

namespace {

using detail::expectation;
using detail::inQuotes;

std::string describeValue(const AttributeValue& value) {
    if (const auto* s = std::get_if<std::string>(&value)) return inQuotes(*s);
    return attributeValueToString(value);
}

}  // namespace

// =====================================================================================
// [SECTION] Attribute values and checks
// =====================================================================================

std::string attributeValueToString(const AttributeValue& value) {
    if (const auto* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
    if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
    return std::get<std::string>(value);
}

nlohmann::json attributeValueToJson(const AttributeValue& value) {
    if (const auto* b = std::get_if<bool>(&value)) return *b;
    if (const auto* i = std::get_if<std::int64_t>(&value)) return *i;
    return std::get<std::string>(value);
}

const char* attributeKindName(AttributeKind kind) {
    switch (kind) {
        case AttributeKind::Enum: return "enum";
        case AttributeKind::Ordinal: return "ordinal";
        case AttributeKind::Bool: return "bool";
        case AttributeKind::Text: return "text";
    }
    return "text";
}

std::string AttributeDef::check(const AttributeValue& value) const {
    bool fits = false;
    switch (kind) {
        case AttributeKind::Enum:
            if (const auto* s = std::get_if<std::string>(&value)) {
                for (const auto& allowed : values) fits = fits || allowed == *s;
            }
            // The list of values contains commas, so a semicolon separates what came in.
            return fits ? std::string() : "expected " + expectation(*this) + "; got " + describeValue(value);
        case AttributeKind::Ordinal:
            if (const auto* i = std::get_if<std::int64_t>(&value)) fits = *i >= min && *i <= max;
            break;
        case AttributeKind::Bool: fits = std::holds_alternative<bool>(value); break;
        case AttributeKind::Text: fits = std::holds_alternative<std::string>(value); break;
    }
    return fits ? std::string() : "expected " + expectation(*this) + ", got " + describeValue(value);
}

// =====================================================================================
// [SECTION] Lookups
// =====================================================================================

const AttributeDef* LabelDef::findAttribute(std::string_view attributeName) const {
    for (const auto& attribute : attributes) {
        if (attribute.name == attributeName) return &attribute;
    }
    return nullptr;
}

bool RelationDef::allows(std::string_view fromLabel, std::string_view toLabel) const {
    auto listed = [](const std::vector<std::string>& names, std::string_view label) {
        if (names.empty()) return true;  // an empty list means any label
        for (const auto& name : names) {
            if (name == label) return true;
        }
        return false;
    };
    return listed(from, fromLabel) && listed(to, toLabel);
}

const LabelDef* Schema::findLabel(std::string_view labelName) const {
    for (const auto& label : labels) {
        if (label.name == labelName) return &label;
    }
    return nullptr;
}

const RelationDef* Schema::findRelation(std::string_view type) const {
    for (const auto& relation : relations) {
        if (relation.type == type) return &relation;
    }
    return nullptr;
}

std::vector<const RelationDef*> Schema::relationsBetween(std::string_view fromLabel, std::string_view toLabel) const {
    std::vector<const RelationDef*> out;
    for (const auto& relation : relations) {
        if (relation.allows(fromLabel, toLabel)) out.push_back(&relation);
    }
    return out;
}

std::string Schema::labelList() const {
    std::string out;
    for (const auto& label : labels) {
        if (!out.empty()) out += ", ";
        out += label.name;
    }
    return out;
}

}  // namespace claimmark
