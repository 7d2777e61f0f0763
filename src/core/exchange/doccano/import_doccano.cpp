// import_doccano.cpp — doccano JSONL -> one set per line.
//
// [SECTION] Input
//   Each non-blank line is a JSON object with "text" and spans in either form:
//     entities form  "entities": [{"id", "label", "start_offset", "end_offset"}], "relations":
//                    [{"id", "from_id", "to_id", "type"}] (relation-extraction projects)
//     tuple form     "label" (or "labels"): [[start, end, "label"], ...] (sequence labelling)
//   A "label" list of plain strings is a document classification: not imported (notice).
// [SECTION] Offsets
//   UTF-16 code units (doccano counts JavaScript string indices), unless the line's
//   "claimmark" metadata (written by claimmark's export) names another unit. Offsets inside
//   a surrogate pair are reported. doccano states no span text, so spans are only checked
//   for range and boundaries.
// [SECTION] claimmark metadata
//   "claimmark": {"document", "annotator", "offsets", "annotations": [{"id", "entities",
//   "attributes", "note"}]} gives back stems, annotators, annotation ids, discontinuous
//   annotations (several entities), attributes and notes. Without it: one annotation per
//   entity, annotator "imported" (or --annotator), stem "<file>-<id or line>".
#include "core/exchange/exchange_formats.h"

#include "core/storage/file_io.h"
#include "core/exchange/import_support.h"
#include "core/exchange/labelstudio/labelstudio_format.h"

#include <map>
#include <set>

namespace claimmark {

namespace {

using nlohmann::json;

// Reads one line (one document) into a builder.
class LineReader {
public:
    LineReader(ImportBuilder& builder, std::string file, std::size_t line, OffsetUnit unit, Diagnostics& problems,
               std::vector<std::string>& notices)
        : m_builder(builder),
          m_file(std::move(file)),
          m_line("line " + std::to_string(line)),
          m_unit(unit),
          m_problems(problems),
          m_notices(notices) {}

    void read(const json& object, const json* extra) {
        if (object.contains("entities")) readEntities(object["entities"]);
        for (const char* key : {"label", "labels"})
            if (object.contains(key)) readTuples(object[key], key);
        plan(extra);
        addAnnotations();
        if (object.contains("relations")) readRelations(object["relations"]);
    }

private:
    struct Entity {
        std::string label;
        Span span;
        std::string path;
    };
    struct Planned {
        std::string label;
        std::vector<Span> spans;
        Attributes attributes;
        std::string note;
        std::string idHint;
        std::string path;
        std::string addedId;
    };

    ImportBuilder& m_builder;
    std::string m_file;
    std::string m_line;
    OffsetUnit m_unit;
    Diagnostics& m_problems;
    std::vector<std::string>& m_notices;

    std::map<std::string, Entity> m_entities;  // by entity id (tuples get "#<index>")
    std::vector<std::string> m_entityOrder;
    std::set<std::string> m_badEntities;
    std::vector<Planned> m_planned;
    std::map<std::string, std::size_t> m_plannedOf;  // entity id -> planned

    void problem(const std::string& path, const std::string& message) {
        m_problems.push_back({m_file, path.empty() ? m_line : m_line + ", " + path, message});
    }

    // Reads an entity's offsets and label; false (with a problem) when they do not fit.
    bool readEntity(const std::string& id, const json& start, const json& end, const json& label,
                    const std::string& path, const std::string& startPath, const std::string& endPath,
                    const std::string& labelPath) {
        auto bad = [&](const std::string& where, const std::string& message) {
            problem(where, message);
            m_badEntities.insert(id);
            return false;
        };
        if (m_entities.count(id) || m_badEntities.count(id)) return bad(path, "entity id " + id + " is used twice");
        if (!label.is_string() || label.get<std::string>().empty())
            return bad(labelPath, "expected a label string, got " + label.dump());
        std::string error;
        std::optional<std::size_t> s = readOffset(m_builder.document(), start, m_unit, error);
        if (!s) return bad(startPath, error);
        std::optional<std::size_t> e = readOffset(m_builder.document(), end, m_unit, error);
        if (!e) return bad(endPath, error);
        std::vector<Span> spans{{*s, *e}};
        error = m_builder.checkSpans(spans, nullptr);
        if (!error.empty()) return bad(path, error);
        m_entities.emplace(id, Entity{label.get<std::string>(), spans.front(), path});
        m_entityOrder.push_back(id);
        return true;
    }

    void readEntities(const json& entities) {
        if (!entities.is_array()) return problem("entities", "expected an array");
        for (std::size_t k = 0; k < entities.size(); ++k) {
            const json& entity = entities[k];
            const std::string path = "entities[" + std::to_string(k) + "]";
            const std::string id = entity.is_object() && entity.contains("id") ? jsonIdText(entity["id"]) : "#" + path;
            if (!entity.is_object()) {
                problem(path, "expected an entity object");
                m_badEntities.insert(id);
                continue;
            }
            static const json kMissing;
            auto field = [&](const char* key) -> const json& { return entity.contains(key) ? entity[key] : kMissing; };
            readEntity(id, field("start_offset"), field("end_offset"), field("label"), path, path + ".start_offset",
                       path + ".end_offset", path + ".label");
        }
    }

    void readTuples(const json& tuples, const std::string& key) {
        if (!tuples.is_array()) return problem(key, "expected an array of [start, end, label]");
        bool classification = false;
        for (std::size_t k = 0; k < tuples.size(); ++k) {
            const json& tuple = tuples[k];
            const std::string path = key + "[" + std::to_string(k) + "]";
            if (tuple.is_string()) {
                classification = true;
                continue;
            }
            const std::string id = "#" + path;
            if (!tuple.is_array() || tuple.size() != 3) {
                problem(path, "expected [start, end, label], got " + tuple.dump());
                m_badEntities.insert(id);
                continue;
            }
            readEntity(id, tuple[0], tuple[1], tuple[2], path, path + "[0]", path + "[1]", path + "[2]");
        }
        if (classification)
            m_notices.push_back(m_file + ": " + m_line + ", " + key +
                                ": document labels (text classification) are not imported; claimmark labels spans");
    }

    // Entities -> planned annotations, joined and enriched by the claimmark metadata.
    void plan(const json* extra) {
        std::set<std::string> claimed;
        if (extra && extra->contains("annotations") && (*extra)["annotations"].is_array()) {
            const json& annotations = (*extra)["annotations"];
            for (std::size_t k = 0; k < annotations.size(); ++k) planFromExtra(annotations[k], k, claimed);
        }
        for (const std::string& id : m_entityOrder) {
            if (claimed.count(id)) continue;
            const Entity& entity = m_entities.at(id);
            m_plannedOf[id] = m_planned.size();
            m_planned.push_back({entity.label, {entity.span}, {}, {}, {}, entity.path, {}});
        }
    }

    void planFromExtra(const json& annotation, std::size_t k, std::set<std::string>& claimed) {
        const std::string path = std::string(kDoccanoExtraKey) + ".annotations[" + std::to_string(k) + "]";
        if (!annotation.is_object() || !annotation.contains("entities") || !annotation["entities"].is_array() ||
            annotation["entities"].empty())
            return problem(path, "expected {\"id\", \"entities\": [entity ids], ...}");
        Planned planned;
        std::vector<std::string> ids;
        bool usable = true;
        for (const json& e : annotation["entities"]) {
            const std::string id = jsonIdText(e);
            ids.push_back(id);
            if (m_badEntities.count(id)) usable = false;  // already reported
            else if (!m_entities.count(id)) {
                problem(path + ".entities", "names no entity: " + e.dump());
                usable = false;
            } else if (claimed.count(id)) {
                problem(path + ".entities", "entity " + id + " belongs to two annotations");
                usable = false;
            }
        }
        for (const std::string& id : ids) claimed.insert(id);
        if (!usable) {
            for (const std::string& id : ids)
                if (m_entities.count(id)) {
                    problem(m_entities.at(id).path, "entity left out: its annotation " + path + " was left out");
                    m_badEntities.insert(id);
                }
            return;
        }
        planned.label = m_entities.at(ids.front()).label;
        planned.path = m_entities.at(ids.front()).path;
        for (const std::string& id : ids) {
            const Entity& entity = m_entities.at(id);
            if (entity.label != planned.label) {
                problem(path + ".entities",
                        "its entities have different labels (\"" + planned.label + "\", \"" + entity.label + "\")");
                for (const std::string& other : ids) m_badEntities.insert(other);
                return;
            }
            planned.spans.push_back(entity.span);
        }
        if (annotation.contains("id")) planned.idHint = jsonIdText(annotation["id"]);
        if (annotation.contains("note") && annotation["note"].is_string())
            planned.note = annotation["note"].get<std::string>();
        if (annotation.contains("attributes") && annotation["attributes"].is_object()) {
            m_builder.ensureLabel(planned.label);
            for (const auto& [name, value] : annotation["attributes"].items()) {
                AttributeValue converted;
                const std::string error = m_builder.ensureAttribute(planned.label, name, value, converted);
                if (!error.empty()) problem(path + ".attributes." + name, error);
                else planned.attributes[name] = std::move(converted);
            }
        }
        for (const std::string& id : ids) m_plannedOf[id] = m_planned.size();
        m_planned.push_back(std::move(planned));
    }

    void addAnnotations() {
        for (Planned& planned : m_planned) {
            std::string error = m_builder.checkSpans(planned.spans, nullptr);
            if (error.empty()) {
                m_builder.ensureLabel(planned.label);
                planned.addedId = m_builder.addAnnotation(planned.label, planned.spans, planned.attributes,
                                                          planned.note, error, planned.idHint);
            }
            if (!error.empty()) problem(planned.path, error);
        }
    }

    std::string endOf(const json& relation, const char* key, const std::string& path, bool& skippedEnd) {
        const std::string id = relation.contains(key) ? jsonIdText(relation[key]) : std::string();
        if (id.empty()) {
            problem(path + "." + key, "expected an entity id");
            return {};
        }
        if (m_badEntities.count(id)) {
            skippedEnd = true;
            return {};
        }
        auto found = m_plannedOf.find(id);
        if (found == m_plannedOf.end()) {
            problem(path + "." + key, "names no entity: " + relation[key].dump());
            return {};
        }
        const std::string& added = m_planned[found->second].addedId;
        if (added.empty()) skippedEnd = true;
        return added;
    }

    void readRelations(const json& relations) {
        if (!relations.is_array()) return problem("relations", "expected an array");
        for (std::size_t k = 0; k < relations.size(); ++k) {
            const json& relation = relations[k];
            const std::string path = "relations[" + std::to_string(k) + "]";
            if (!relation.is_object()) {
                problem(path, "expected a relation object");
                continue;
            }
            bool skippedEnd = false;
            const std::string from = endOf(relation, "from_id", path, skippedEnd);
            const std::string to = endOf(relation, "to_id", path, skippedEnd);
            if (skippedEnd) {
                problem(path, "relation left out: an entity it links was left out");
                continue;
            }
            if (from.empty() || to.empty()) continue;
            if (!relation.contains("type") || !relation["type"].is_string() ||
                relation["type"].get<std::string>().empty()) {
                problem(path + ".type", "expected a relation type string");
                continue;
            }
            const std::string type = relation["type"].get<std::string>();
            m_builder.ensureRelation(type, m_builder.set().findAnnotation(from)->label,
                                     m_builder.set().findAnnotation(to)->label);
            std::string error;
            if (m_builder.addRelation(type, from, to, error).empty()) problem(path, error);
        }
    }
};

void readFile(const std::filesystem::path& input, const ImportOptions& options, std::set<std::string>& stems,
              ImportOutput& output, Diagnostics& problems) {
    const std::string file = input.string();
    Result<std::string> bytes = readFileBytes(input);
    if (!bytes) {
        problems.insert(problems.end(), bytes.errors().begin(), bytes.errors().end());
        return;
    }
    const std::string& content = *bytes;
    const std::string fileStem = input.stem().string();
    std::size_t lineNumber = 0;
    for (std::size_t pos = 0; pos < content.size();) {
        std::size_t newline = content.find('\n', pos);
        if (newline == std::string::npos) newline = content.size();
        std::string line = content.substr(pos, newline - pos);
        pos = newline + 1;
        ++lineNumber;
        if (!line.empty() && line.back() == '\r') line.pop_back();  // a JSONL written with CRLF
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        const std::string at = "line " + std::to_string(lineNumber);

        Result<json> parsed = parseJsonText(line, file, lineNumber);
        if (!parsed) {
            problems.insert(problems.end(), parsed.errors().begin(), parsed.errors().end());
            continue;
        }
        const json& object = *parsed;
        if (!object.is_object() || !object.contains("text") || !object["text"].is_string()) {
            problems.push_back({file, at, "expected an object with \"text\""});
            continue;
        }
        const json* extra = object.contains(kDoccanoExtraKey) && object[kDoccanoExtraKey].is_object()
                                ? &object[kDoccanoExtraKey]
                                : nullptr;
        OffsetUnit unit = OffsetUnit::Utf16;
        if (extra && extra->contains("offsets")) {
            std::string error;
            std::optional<OffsetUnit> parsedUnit = readStatedOffsetUnit((*extra)["offsets"], error);
            if (!parsedUnit) {
                problems.push_back({file, at + ", " + kDoccanoExtraKey + ".offsets", error});
                continue;
            }
            unit = *parsedUnit;
        }
        auto extraString = [&](const char* key) -> std::string {
            return extra && extra->contains(key) && (*extra)[key].is_string() ? (*extra)[key].get<std::string>()
                                                                              : std::string();
        };
        std::string base = extraString("document");
        if (base.empty()) {
            const std::string id = object.contains("id") ? jsonIdText(object["id"]) : std::string();
            base = fileStem + "-" + (id.empty() ? std::to_string(lineNumber) : id);
        }
        Result<ImportBuilder> builder =
            ImportBuilder::create(object["text"].get<std::string>(), uniqueStem(base, stems), file, options);
        if (!builder) {
            for (const Diagnostic& d : builder.errors())
                problems.push_back({file, at + ", text" + (d.location.empty() ? "" : ", " + d.location), d.message});
            continue;
        }
        if (options.annotator.empty() && !extraString("annotator").empty())
            builder->set().annotator = extraString("annotator");
        LineReader reader(*builder, file, lineNumber, unit, problems, output.notices);
        reader.read(object, extra);
        appendUnique(output.notices, builder->notices());
        output.documents.push_back(std::move(*builder).finish());
    }
}

}  // namespace

Result<ImportOutput> importDoccano(const std::vector<std::filesystem::path>& inputs, const ImportOptions& options) {
    return importEachFile(inputs, options, readFile);
}

}  // namespace claimmark
