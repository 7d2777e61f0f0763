// uima_format.cpp — see uima_format.h.
#include "core/exchange/uima/uima_format.h"

#include <set>

namespace claimmark::uima {

namespace {

bool isIdentifier(std::string_view name) {
    if (name.empty()) return false;
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    if (!letter(name.front())) return false;
    for (char c : name)
        if (!letter(c) && !(c >= '0' && c <= '9')) return false;
    return true;
}

// `name` with every character a feature name cannot hold replaced by '_'.
std::string sanitized(std::string_view name) {
    std::string out = "attr_";
    for (char c : name) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        out += keep ? c : '_';
    }
    return out;
}

}  // namespace

bool isReservedSpanFeature(std::string_view name) {
    static const std::set<std::string_view> kReserved = {
        "begin", "end", "sofa", kLabelFeature, kIdFeature, kNoteFeature, kCoveredTextFeature};
    return kReserved.count(name) > 0;
}

const char* rangeOfKind(AttributeKind kind) {
    switch (kind) {
        case AttributeKind::Bool: return kBooleanRange;
        case AttributeKind::Ordinal: return kIntegerRange;
        case AttributeKind::Enum:
        case AttributeKind::Text: return kStringRange;
    }
    return kStringRange;
}

const char* rangeOfValue(const AttributeValue& value) {
    if (std::holds_alternative<bool>(value)) return kBooleanRange;
    if (std::holds_alternative<std::int64_t>(value)) return kIntegerRange;
    return kStringRange;
}

AttributeFeatures::AttributeFeatures(const AnnotationSet& set) {
    for (const LabelDef& label : set.schema.labels)
        for (const AttributeDef& def : label.attributes) add(def.name, rangeOfKind(def.kind));
    for (const Annotation* a : set.inDocumentOrder())
        for (const auto& [name, value] : a->attributes) add(name, rangeOfValue(value));
}

void AttributeFeatures::add(const std::string& attribute, const char* range) {
    const auto key = std::make_pair(attribute, std::string(range));
    if (m_index.count(key)) return;
    auto taken = [&](const std::string& name) {
        for (const Feature& f : m_features)
            if (f.name == name) return true;
        return false;
    };
    // "type" and "self" are names DKPro Cassis must rename in Python; they are avoided too.
    const bool usable =
        isIdentifier(attribute) && !isReservedSpanFeature(attribute) && attribute != "type" && attribute != "self";
    std::string name = usable ? attribute : sanitized(attribute);
    const std::string base = name;
    for (int n = 2; taken(name); ++n) name = base + "_" + std::to_string(n);
    m_index[key] = m_features.size();
    m_features.push_back({attribute, range, std::move(name)});
}

const std::string& AttributeFeatures::featureFor(const std::string& attribute, const AttributeValue& value) const {
    return m_features[m_index.at({attribute, std::string(rangeOfValue(value))})].name;
}

}  // namespace claimmark::uima
