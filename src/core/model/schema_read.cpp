// schema_read.cpp — the label schema from JSON (schemaFromJson).
//
// [SECTION] Reading JSON (validates everything, lists every problem)
#include "core/model/schema.h"

#include "core/model/schema_detail.h"

#include <limits>
#include <set>

namespace claimmark {

namespace {

using detail::expectation;
using detail::inQuotes;
using detail::kSchemaFormat;
using detail::kSchemaVersion;

}  // namespace

// =====================================================================================
// [SECTION] Reading JSON
// =====================================================================================

namespace {

// "a string", "an array", ... for "expected X, got Y" messages.
std::string describeJson(const nlohmann::json& value) {
    switch (value.type()) {
        case nlohmann::json::value_t::object: return "an object";
        case nlohmann::json::value_t::array: return "an array";
        case nlohmann::json::value_t::null: return "null";
        case nlohmann::json::value_t::string: return inQuotes(value.get<std::string>());
        default: {
            std::string text = value.dump();
            return text;
        }
    }
}

// Counts code points, so a hotkey like "é" (two bytes) is one character.
std::size_t codePointCount(const std::string& text) {
    std::size_t count = 0;
    for (unsigned char c : text) {
        if ((c & 0xC0) != 0x80) ++count;
    }
    return count;
}

bool isHexColor(const std::string& text) {
    if (text.size() != 7 || text[0] != '#') return false;
    for (std::size_t i = 1; i < text.size(); ++i) {
        char c = text[i];
        bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!hex) return false;
    }
    return true;
}

// Collects problems while walking the document. Paths are built by the caller; the
// reader only checks, converts and records.
class SchemaReader {
public:
    SchemaReader(const std::string& fileName, const std::string& pathPrefix)
        : m_fileName(fileName), m_prefix(pathPrefix) {}

    Result<Schema> read(const nlohmann::json& json);

private:
    std::string m_fileName;
    std::string m_prefix;
    Diagnostics m_problems;

    void problem(const std::string& path, std::string message) {
        std::string location = m_prefix + path;
        // The whole document under a prefix such as "schema." is called "schema".
        if (path.empty() && !location.empty() && location.back() == '.') location.pop_back();
        m_problems.push_back(Diagnostic{m_fileName, std::move(location), std::move(message)});
    }

    void wrongType(const std::string& path, const char* expected, const nlohmann::json& got) {
        problem(path, std::string("expected ") + expected + ", got " + describeJson(got));
    }

    // Reads an optional string member; false (with a problem) when present but not a string.
    bool readString(const nlohmann::json& object, const std::string& key, const std::string& path, std::string& out) {
        auto it = object.find(key);
        if (it == object.end()) return true;
        if (!it->is_string()) {
            wrongType(path, "a string", *it);
            return false;
        }
        out = it->get<std::string>();
        return true;
    }

    // Reads an integer that fits std::int64_t; false (with a problem) otherwise.
    bool readInteger(const nlohmann::json& value, const std::string& path, std::int64_t& out) {
        if (value.is_number_unsigned()) {
            auto u = value.get<std::uint64_t>();
            if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
                problem(path, "integer " + value.dump() + " is too large");
                return false;
            }
            out = static_cast<std::int64_t>(u);
            return true;
        }
        if (value.is_number_integer()) {
            out = value.get<std::int64_t>();
            return true;
        }
        wrongType(path, "an integer", value);
        return false;
    }

    // A list of strings; each element that is not a string is reported by index.
    bool readStringList(const nlohmann::json& value, const std::string& path, std::vector<std::string>& out) {
        if (!value.is_array()) {
            wrongType(path, "an array of strings", value);
            return false;
        }
        bool ok = true;
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (!value[i].is_string()) {
                wrongType(path + "[" + std::to_string(i) + "]", "a string", value[i]);
                ok = false;
                continue;
            }
            out.push_back(value[i].get<std::string>());
        }
        return ok;
    }

    std::optional<AttributeDef> readAttribute(const nlohmann::json& json, const std::string& path);
    std::optional<LabelDef> readLabel(const nlohmann::json& json, const std::string& path);
    std::optional<RelationDef> readRelation(const nlohmann::json& json, const std::string& path,
                                            const std::vector<LabelDef>& labels);
};

std::optional<AttributeDef> SchemaReader::readAttribute(const nlohmann::json& json, const std::string& path) {
    if (!json.is_object()) {
        wrongType(path, "an object", json);
        return std::nullopt;
    }
    std::size_t problemsBefore = m_problems.size();
    AttributeDef def;
    def.extra = nlohmann::json::object();

    if (!json.contains("name")) {
        problem(path + ".name", "an attribute needs a name");
    } else if (readString(json, "name", path + ".name", def.name) && def.name.empty()) {
        problem(path + ".name", "an attribute name cannot be empty");
    }
    bool kindKnown = false;
    if (!json.contains("type")) {
        problem(path + ".type", "an attribute needs a type: one of enum, ordinal, bool, text");
    } else if (std::string type; readString(json, "type", path + ".type", type)) {
        kindKnown = true;
        if (type == "enum") def.kind = AttributeKind::Enum;
        else if (type == "ordinal") def.kind = AttributeKind::Ordinal;
        else if (type == "bool") def.kind = AttributeKind::Bool;
        else if (type == "text") def.kind = AttributeKind::Text;
        else {
            kindKnown = false;
            problem(path + ".type", "expected one of enum, ordinal, bool, text; got " + inQuotes(type));
        }
    }
    readString(json, "description", path + ".description", def.description);

    // Keys that belong to one kind only: misplaced ones are reported rather than kept,
    // because they usually mean the type was changed and the rest was forgotten.
    auto onlyFor = [&](const char* key, AttributeKind kind) {
        if (kindKnown && def.kind != kind && json.contains(key)) {
            problem(path + "." + key,
                    std::string("\"") + key + "\" applies only to " + attributeKindName(kind) + " attributes");
        }
    };
    onlyFor("values", AttributeKind::Enum);
    onlyFor("min", AttributeKind::Ordinal);
    onlyFor("max", AttributeKind::Ordinal);
    onlyFor("levels", AttributeKind::Ordinal);

    bool rangeKnown = kindKnown;
    if (kindKnown && def.kind == AttributeKind::Enum) {
        auto it = json.find("values");
        if (it == json.end()) {
            problem(path + ".values", "an enum attribute needs a list of values");
            rangeKnown = false;
        } else if (readStringList(*it, path + ".values", def.values)) {
            if (def.values.empty()) {
                problem(path + ".values", "an enum attribute needs at least one value");
                rangeKnown = false;
            }
            std::set<std::string> seen;
            for (std::size_t i = 0; i < def.values.size(); ++i) {
                const std::string valuePath = path + ".values[" + std::to_string(i) + "]";
                if (def.values[i].empty()) problem(valuePath, "an enum value cannot be empty");
                if (!seen.insert(def.values[i]).second) {
                    problem(valuePath, "duplicate value " + inQuotes(def.values[i]));
                }
            }
        } else {
            rangeKnown = false;
        }
    }
    if (kindKnown && def.kind == AttributeKind::Ordinal) {
        for (const char* key : {"min", "max"}) {
            auto it = json.find(key);
            std::int64_t& bound = std::string(key) == "min" ? def.min : def.max;
            if (it == json.end()) {
                problem(path + "." + key, std::string("an ordinal attribute needs \"") + key + "\"");
                rangeKnown = false;
            } else if (!readInteger(*it, path + "." + key, bound)) {
                rangeKnown = false;
            }
        }
        if (rangeKnown && def.min > def.max) {
            problem(path + ".max",
                    "max (" + std::to_string(def.max) + ") is less than min (" + std::to_string(def.min) + ")");
            rangeKnown = false;
        }
        if (auto it = json.find("levels"); it != json.end()) {
            if (readStringList(*it, path + ".levels", def.levels) && rangeKnown) {
                // Unsigned arithmetic: max - min cannot overflow once min <= max.
                std::uint64_t span = static_cast<std::uint64_t>(def.max) - static_cast<std::uint64_t>(def.min);
                if (def.levels.empty() || def.levels.size() - 1 != span) {
                    problem(path + ".levels",
                            "expected one level name for each value from " + std::to_string(def.min) + " to " +
                                std::to_string(def.max) + " (" +
                                (span >= 1000000 ? std::string("too many") : std::to_string(span + 1)) + "), got " +
                                std::to_string(def.levels.size()));
                }
            }
        }
    }

    if (auto it = json.find("default"); it != json.end() && !it->is_null()) {
        const std::string defaultPath = path + ".default";
        std::optional<AttributeValue> value;
        if (it->is_boolean()) {
            value = AttributeValue(it->get<bool>());
        } else if (it->is_string()) {
            value = AttributeValue(it->get<std::string>());
        } else if (it->is_number_integer()) {
            std::int64_t number = 0;
            if (readInteger(*it, defaultPath, number)) value = AttributeValue(number);
        } else if (rangeKnown) {
            problem(defaultPath, "expected " + expectation(def) + ", got " + describeJson(*it));
        }
        // Without a known type or range there is nothing sound to check the default against.
        if (value && rangeKnown) {
            std::string error = def.check(*value);
            if (error.empty()) def.defaultValue = std::move(value);
            else problem(defaultPath, error);
        }
    }

    static const std::set<std::string> known = {"name", "type",   "values",  "min",
                                                "max",  "levels", "default", "description"};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.count(it.key())) def.extra[it.key()] = it.value();
    }
    if (m_problems.size() != problemsBefore) return std::nullopt;
    return def;
}

std::optional<LabelDef> SchemaReader::readLabel(const nlohmann::json& json, const std::string& path) {
    if (!json.is_object()) {
        wrongType(path, "an object", json);
        return std::nullopt;
    }
    std::size_t problemsBefore = m_problems.size();
    LabelDef def;
    def.extra = nlohmann::json::object();

    if (!json.contains("name")) {
        problem(path + ".name", "a label needs a name");
    } else if (readString(json, "name", path + ".name", def.name) && def.name.empty()) {
        problem(path + ".name", "a label name cannot be empty");
    }
    if (!json.contains("color")) {
        problem(path + ".color", "a label needs a colour, written #rrggbb");
    } else if (readString(json, "color", path + ".color", def.color) && !isHexColor(def.color)) {
        problem(path + ".color", "expected a colour written #rrggbb (e.g. #e69f00), got " + inQuotes(def.color));
    }
    if (readString(json, "hotkey", path + ".hotkey", def.hotkey) && !def.hotkey.empty()) {
        if (codePointCount(def.hotkey) != 1) {
            problem(path + ".hotkey", "a hotkey is a single character, got " + inQuotes(def.hotkey));
        } else if (static_cast<unsigned char>(def.hotkey[0]) <= 0x20 || def.hotkey[0] == 0x7f) {
            problem(path + ".hotkey",
                    "a hotkey must be a printable character, not a space or "
                    "control character");
        }
    }
    readString(json, "description", path + ".description", def.description);

    if (auto it = json.find("attributes"); it != json.end()) {
        if (!it->is_array()) {
            wrongType(path + ".attributes", "an array", *it);
        } else {
            std::set<std::string> names;
            for (std::size_t i = 0; i < it->size(); ++i) {
                const std::string attributePath = path + ".attributes[" + std::to_string(i) + "]";
                auto attribute = readAttribute((*it)[i], attributePath);
                if (!attribute) continue;
                if (!names.insert(attribute->name).second) {
                    problem(attributePath + ".name", "duplicate attribute name " + inQuotes(attribute->name));
                    continue;
                }
                def.attributes.push_back(std::move(*attribute));
            }
        }
    }

    static const std::set<std::string> known = {"name", "color", "hotkey", "description", "attributes"};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.count(it.key())) def.extra[it.key()] = it.value();
    }
    if (m_problems.size() != problemsBefore) return std::nullopt;
    return def;
}

std::optional<RelationDef> SchemaReader::readRelation(const nlohmann::json& json, const std::string& path,
                                                      const std::vector<LabelDef>& labels) {
    if (!json.is_object()) {
        wrongType(path, "an object", json);
        return std::nullopt;
    }
    std::size_t problemsBefore = m_problems.size();
    RelationDef def;
    def.extra = nlohmann::json::object();

    if (!json.contains("type")) {
        problem(path + ".type", "a relation needs a type name");
    } else if (readString(json, "type", path + ".type", def.type) && def.type.empty()) {
        problem(path + ".type", "a relation type name cannot be empty");
    }
    readString(json, "description", path + ".description", def.description);

    std::string labelNames;
    for (const auto& label : labels) {
        if (!labelNames.empty()) labelNames += ", ";
        labelNames += label.name;
    }
    for (const char* end : {"from", "to"}) {
        auto it = json.find(end);
        if (it == json.end()) continue;  // absent: any label
        const std::string endPath = path + "." + end;
        std::vector<std::string>& names = std::string(end) == "from" ? def.from : def.to;
        if (!it->is_array()) {
            wrongType(endPath, "an array of label names", *it);
            continue;
        }
        for (std::size_t i = 0; i < it->size(); ++i) {
            const std::string namePath = endPath + "[" + std::to_string(i) + "]";
            const auto& item = (*it)[i];
            if (!item.is_string()) {
                wrongType(namePath, "a label name", item);
                continue;
            }
            std::string name = item.get<std::string>();
            bool exists = false;
            for (const auto& label : labels) exists = exists || label.name == name;
            if (!exists) {
                problem(namePath, "unknown label " + inQuotes(name) + "; the schema's labels are " +
                                      (labelNames.empty() ? std::string("(none)") : labelNames));
                continue;
            }
            names.push_back(std::move(name));
        }
    }

    static const std::set<std::string> known = {"type", "from", "to", "description"};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.count(it.key())) def.extra[it.key()] = it.value();
    }
    if (m_problems.size() != problemsBefore) return std::nullopt;
    return def;
}

Result<Schema> SchemaReader::read(const nlohmann::json& json) {
    if (!json.is_object()) {
        wrongType("", "a schema object", json);
        return Result<Schema>(std::move(m_problems));
    }
    Schema schema;
    schema.extra = nlohmann::json::object();

    if (auto it = json.find("format"); it != json.end()) {
        if (!it->is_string() || it->get<std::string>() != kSchemaFormat) {
            problem("format", std::string("expected \"") + kSchemaFormat + "\", got " + describeJson(*it));
        }
    }
    if (auto it = json.find("version"); it != json.end()) {
        if (!it->is_number_integer() || it->get<std::int64_t>() != kSchemaVersion) {
            problem("version", "unsupported schema version " + describeJson(*it) + "; this program reads version " +
                                   std::to_string(kSchemaVersion));
        }
    }
    readString(json, "name", "name", schema.name);

    // Labels are read in full (even the faulty ones are skipped, not fatal) so that the
    // relations can be checked against the names that did parse.
    std::vector<std::string> allLabelNames;  // including ones that had other problems
    if (auto it = json.find("labels"); it == json.end()) {
        problem("labels", "a schema needs a list of labels");
    } else if (!it->is_array()) {
        wrongType("labels", "an array", *it);
    } else if (it->empty()) {
        problem("labels", "a schema needs at least one label");
    } else {
        std::map<std::string, std::string> nameAt;    // label name -> path of first use
        std::map<std::string, std::string> hotkeyOf;  // hotkey -> label that has it
        for (std::size_t i = 0; i < it->size(); ++i) {
            const std::string labelPath = "labels[" + std::to_string(i) + "]";
            const auto& item = (*it)[i];
            // Duplicates are found on the raw JSON, so that they are reported even when the
            // label has another problem too.
            if (item.is_object()) {
                auto name = item.find("name");
                if (name != item.end() && name->is_string() && !name->get<std::string>().empty()) {
                    std::string labelName = name->get<std::string>();
                    auto [at, inserted] = nameAt.emplace(labelName, labelPath);
                    if (inserted) {
                        allLabelNames.push_back(labelName);
                    } else {
                        problem(labelPath + ".name", "duplicate label name " + inQuotes(labelName) + " (also " +
                                                         m_prefix + at->second + ")");
                    }
                    auto hotkey = item.find("hotkey");
                    if (hotkey != item.end() && hotkey->is_string() && !hotkey->get<std::string>().empty()) {
                        auto [owner, fresh] = hotkeyOf.emplace(hotkey->get<std::string>(), labelName);
                        if (!fresh) {
                            problem(labelPath + ".hotkey", "hotkey " + inQuotes(owner->first) +
                                                               " is already used by label " + inQuotes(owner->second));
                        }
                    }
                }
            }
            if (auto label = readLabel(item, labelPath)) schema.labels.push_back(std::move(*label));
        }
    }

    // Relation ends are checked against every named label, so that one faulty label does
    // not also make each relation that names it look wrong.
    std::vector<LabelDef> namedLabels;
    for (const auto& name : allLabelNames) {
        LabelDef stub;
        stub.name = name;
        namedLabels.push_back(std::move(stub));
    }
    if (auto it = json.find("relations"); it != json.end()) {
        if (!it->is_array()) {
            wrongType("relations", "an array", *it);
        } else {
            std::map<std::string, std::string> typeAt;
            for (std::size_t i = 0; i < it->size(); ++i) {
                const std::string relationPath = "relations[" + std::to_string(i) + "]";
                const auto& item = (*it)[i];
                if (item.is_object()) {
                    auto type = item.find("type");
                    if (type != item.end() && type->is_string() && !type->get<std::string>().empty()) {
                        auto [at, inserted] = typeAt.emplace(type->get<std::string>(), relationPath);
                        if (!inserted) {
                            problem(relationPath + ".type", "duplicate relation type " + inQuotes(at->first) +
                                                                " (also " + m_prefix + at->second + ")");
                        }
                    }
                }
                auto relation = readRelation(item, relationPath, namedLabels);
                if (relation) schema.relations.push_back(std::move(*relation));
            }
        }
    }

    static const std::set<std::string> known = {"format", "version", "name", "labels", "relations"};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.count(it.key())) schema.extra[it.key()] = it.value();
    }
    if (!m_problems.empty()) return Result<Schema>(std::move(m_problems));
    return Result<Schema>(std::move(schema));
}

}  // namespace

Result<Schema> schemaFromJson(const nlohmann::json& json, const std::string& fileName, const std::string& pathPrefix) {
    try {
        SchemaReader reader(fileName, pathPrefix);
        return reader.read(json);
    } catch (const std::exception& e) {
        // Every access is checked first; this only guards against an oversight turning bad
        // input into a crash.
        return Result<Schema>(Diagnostic{fileName, pathPrefix, std::string("cannot read schema: ") + e.what()});
    }
}

}  // namespace claimmark
