// labelstudio_format.cpp — see labelstudio_format.h.
//
// [SECTION] Label Studio
// [SECTION] Import helpers
#include "core/exchange/labelstudio/labelstudio_format.h"

#include "core/storage/file_io.h"

#include <algorithm>

namespace claimmark {

// --- [SECTION] Label Studio ---------------------------------------------------------------

std::string labelStudioControlName(std::string_view label, std::string_view attribute) {
    return std::string(label) + "_" + std::string(attribute);
}

std::string attributeFromControlName(std::string_view controlName, std::string_view label) {
    if (controlName.size() > label.size() + 1 && controlName.substr(0, label.size()) == label &&
        controlName[label.size()] == '_')
        return std::string(controlName.substr(label.size() + 1));
    return std::string(controlName);
}

Schema mergeSchemas(const std::vector<const Schema*>& schemas) {
    Schema merged;
    for (const Schema* schema : schemas) {
        if (merged.name.empty()) merged.name = schema->name;
        for (const LabelDef& label : schema->labels) {
            LabelDef* target = nullptr;
            for (LabelDef& existing : merged.labels)
                if (existing.name == label.name) target = &existing;
            if (!target) {
                merged.labels.push_back(label);
                continue;
            }
            for (const AttributeDef& attribute : label.attributes)
                if (!target->findAttribute(attribute.name)) target->attributes.push_back(attribute);
        }
        for (const RelationDef& relation : schema->relations)
            if (!merged.findRelation(relation.type)) merged.relations.push_back(relation);
    }
    return merged;
}

namespace {

std::string xmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string attr(const char* name, std::string_view value) {
    return std::string(" ") + name + "=\"" + xmlEscape(value) + "\"";
}

void appendChoices(std::string& out, const std::string& name, const std::string& label,
                   const std::vector<std::string>& values) {
    out += "    <Choices" + attr("name", name) + attr("toName", "text") + attr("perRegion", "true") +
           attr("visibleWhen", "region-selected") + attr("whenLabelValue", label) + attr("choice", "single") +
           attr("showInline", "true") + ">\n";
    for (const std::string& value : values) out += "      <Choice" + attr("value", value) + "/>\n";
    out += "    </Choices>\n";
}

}  // namespace

std::string labelStudioConfig(const Schema& schema) {
    std::string out = "<View>\n";
    out += "  <Labels name=\"label\" toName=\"text\">\n";
    for (const LabelDef& label : schema.labels) {
        out += "    <Label" + attr("value", label.name);
        if (!label.color.empty()) out += attr("background", label.color);
        if (!label.hotkey.empty()) out += attr("hotkey", label.hotkey);
        out += "/>\n";
    }
    out += "  </Labels>\n";
    out += "  <Text name=\"text\" value=\"$text\"/>\n";
    if (!schema.relations.empty()) {
        out += "  <Relations>\n";
        for (const RelationDef& relation : schema.relations)
            out += "    <Relation" + attr("value", relation.type) + "/>\n";
        out += "  </Relations>\n";
    }
    for (const LabelDef& label : schema.labels) {
        if (label.attributes.empty()) continue;
        out += "  <View" + attr("visibleWhen", "region-selected") + attr("whenLabelValue", label.name) + ">\n";
        out += "    <Header" + attr("value", label.name) + "/>\n";
        for (const AttributeDef& attribute : label.attributes) {
            const std::string name = labelStudioControlName(label.name, attribute.name);
            switch (attribute.kind) {
                case AttributeKind::Enum: appendChoices(out, name, label.name, attribute.values); break;
                case AttributeKind::Bool: appendChoices(out, name, label.name, {"true", "false"}); break;
                case AttributeKind::Ordinal:
                    out += "    <Number" + attr("name", name) + attr("toName", "text") + attr("perRegion", "true") +
                           attr("visibleWhen", "region-selected") + attr("whenLabelValue", label.name) +
                           attr("min", std::to_string(attribute.min)) + attr("max", std::to_string(attribute.max)) +
                           "/>\n";
                    break;
                case AttributeKind::Text:
                    out += "    <TextArea" + attr("name", name) + attr("toName", "text") + attr("perRegion", "true") +
                           attr("visibleWhen", "region-selected") + attr("whenLabelValue", label.name) +
                           attr("editable", "true") + attr("maxSubmissions", "1") + "/>\n";
                    break;
            }
        }
        out += "  </View>\n";
    }
    out += "  <TextArea" + attr("name", kLsNoteControl) + attr("toName", "text") + attr("perRegion", "true") +
           attr("visibleWhen", "region-selected") + attr("editable", "true") + attr("maxSubmissions", "1") +
           attr("placeholder", "note") + "/>\n";
    out += "</View>\n";
    return out;
}

// --- [SECTION] Import helpers -------------------------------------------------------------

Result<nlohmann::json> readJsonFile(const std::filesystem::path& input) {
    Result<std::string> bytes = readFileBytes(input);
    if (!bytes) return bytes.errors();
    return parseJsonText(*bytes, input.string());
}

std::string jsonIdText(const nlohmann::json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
    return {};
}

std::optional<OffsetUnit> readStatedOffsetUnit(const nlohmann::json& value, std::string& error) {
    std::optional<OffsetUnit> unit = value.is_string() ? parseOffsetUnit(value.get<std::string>()) : std::nullopt;
    if (!unit) error = "unknown offset unit " + value.dump() + " (codepoint, utf16 or byte)";
    return unit;
}

const char* offsetUnitPlural(OffsetUnit unit) {
    switch (unit) {
        case OffsetUnit::CodePoint: return "code points";
        case OffsetUnit::Utf16: return "UTF-16 code units";
        case OffsetUnit::Byte: return "bytes";
    }
    return "code points";
}

std::optional<std::size_t> readOffset(const Document& document, const nlohmann::json& value, OffsetUnit unit,
                                      std::string& error) {
    std::size_t offset = 0;
    if (value.is_number_unsigned()) {
        offset = value.get<std::size_t>();
    } else if (value.is_number_integer() && value.get<std::int64_t>() >= 0) {
        offset = static_cast<std::size_t>(value.get<std::int64_t>());
    } else if (value.is_number_float() && value.get<double>() >= 0 && value.get<double>() < 1e15 &&
               value.get<double>() == static_cast<double>(static_cast<std::size_t>(value.get<double>()))) {
        offset = static_cast<std::size_t>(value.get<double>());  // 12.0 from a tool that writes floats
    } else {
        error = "expected a non-negative integer offset, got " + value.dump();
        return std::nullopt;
    }
    const std::size_t length = unit == OffsetUnit::CodePoint ? document.length()
                               : unit == OffsetUnit::Utf16   ? document.utf16Length()
                                                             : document.byteLength();
    if (offset > length) {
        error = "offset " + std::to_string(offset) + " is past the end of the text (" + std::to_string(length) + " " +
                offsetUnitPlural(unit) + ")";
        return std::nullopt;
    }
    std::optional<std::size_t> cp = codePointFromUnit(document, offset, unit);
    if (!cp) {
        error = "offset " + std::to_string(offset) + " falls inside a character (" +
                (unit == OffsetUnit::Utf16 ? "between the two halves of a surrogate pair" : "inside a UTF-8 sequence") +
                ")";
        return std::nullopt;
    }
    return cp;
}

std::string safeStem(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (char c : name) {
        const unsigned char u = static_cast<unsigned char>(c);
        const bool reserved = u < 0x20 || u == 0x7F || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' ||
                              c == '"' || c == '<' || c == '>' || c == '|' || c == ' ';
        out += reserved ? '-' : c;
    }
    // A leading dot would hide the file (and "." / ".." name folders).
    while (!out.empty() && out.front() == '.') out.erase(out.begin());
    if (out.empty()) out = "document";
    return out;
}

std::string uniqueStem(std::string_view base, std::set<std::string>& used) {
    const std::string safe = safeStem(base);
    std::string stem = safe;
    for (int n = 2; used.count(stem); ++n) stem = safe + "-" + std::to_string(n);
    used.insert(stem);
    return stem;
}

void appendUnique(std::vector<std::string>& out, const std::vector<std::string>& items) {
    for (const std::string& item : items)
        if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
}

Result<ImportOutput> importEachFile(const std::vector<std::filesystem::path>& inputs, const ImportOptions& options,
                                    const ImportFileReader& readFile) {
    ImportOutput output;
    Diagnostics problems;
    std::set<std::string> stems;
    for (const std::filesystem::path& input : inputs) readFile(input, options, stems, output, problems);
    if (!problems.empty()) {
        // Lenient keeps what could be read; with nothing read there is nothing to keep.
        if (!options.lenient || output.documents.empty()) return problems;
        output.skipped = std::move(problems);
    }
    return output;
}

}  // namespace claimmark
