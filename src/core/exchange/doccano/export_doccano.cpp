// export_doccano.cpp — doccano JSONL (a relation-extraction project's format), one line per
// document:
//   {"id": 1, "text": ..., "entities": [{"id": 1, "label": "claim", "start_offset": 0, "end_offset": 8}],
//    "relations": [{"id": 1, "from_id": 2, "to_id": 1, "type": "hedges"}],
//    "claimmark": {"document": stem, "sha256": ..., "offsets": "utf16", "annotator": "alice",
//                  "annotations": [{"id": "a1", "entities": [1], "attributes": {...}, "note": "..."}]}}
// doccano counts offsets in UTF-16 code units (JavaScript string indices: doccano issue
// #2290), the registry's default here; --offsets picks another unit, stated in
// claimmark.offsets either way. Entity and relation ids are numbered through the file, as
// doccano's are unique in a project. doccano has no attributes, notes or discontinuous
// entities: a discontinuous annotation is one entity per fragment (relations use the first
// fragment's entity), and "claimmark" — which doccano keeps as the example's metadata —
// carries the annotation ids, the fragments of each, attributes and notes for the import.
#include "core/exchange/exchange_formats.h"

#include "core/exchange/labelstudio/labelstudio_format.h"

#include <nlohmann/json.hpp>

#include <unordered_map>

namespace claimmark {

Result<ExportOutput> exportDoccano(const std::vector<ExportSource>& sources, const ExportOptions& options) {
    using ojson = nlohmann::ordered_json;
    const OffsetUnit unit = options.offsets;
    ExportOutput output;
    Diagnostics errors;
    std::string content;
    std::size_t nextEntity = 1, nextRelation = 1, discontinuous = 0;

    for (std::size_t d = 0; d < sources.size(); ++d) {
        const ExportSource& source = sources[d];
        const Document& document = source.document;
        const std::string setName = source.setPath.string();
        ojson entities = ojson::array(), relations = ojson::array(), annotations = ojson::array();
        std::unordered_map<std::string, std::size_t> firstEntity;  // annotation id -> entity id
        std::size_t orphaned = 0;

        for (const Annotation* a : source.set.inDocumentOrder()) {
            if (a->orphaned) {
                ++orphaned;
                continue;
            }
            if (a->spans.empty() || a->end() > document.length()) {
                errors.push_back(
                    {setName, "annotations[" + a->id + "]",
                     "spans lie outside the article (" + std::to_string(document.length()) + " code points)"});
                continue;
            }
            if (a->spans.size() > 1) ++discontinuous;
            ojson ids = ojson::array();
            firstEntity[a->id] = nextEntity;
            for (const Span& span : a->spans) {
                ojson entity = ojson::object();
                entity["id"] = nextEntity;
                entity["label"] = a->label;
                entity["start_offset"] = offsetInUnit(document, span.start, unit);
                entity["end_offset"] = offsetInUnit(document, span.end, unit);
                entities.push_back(std::move(entity));
                ids.push_back(nextEntity++);
            }
            ojson extra = ojson::object();
            extra["id"] = a->id;
            extra["entities"] = std::move(ids);
            if (!a->attributes.empty()) {
                ojson attributes = ojson::object();
                for (const auto& [name, value] : a->attributes) attributes[name] = ojson(attributeValueToJson(value));
                extra["attributes"] = std::move(attributes);
            }
            if (!a->note.empty()) extra["note"] = a->note;
            annotations.push_back(std::move(extra));
        }
        for (const Relation* r : source.set.relationsInOrder()) {
            auto from = firstEntity.find(r->from);
            auto to = firstEntity.find(r->to);
            if (from == firstEntity.end() || to == firstEntity.end()) continue;  // an orphan's relation
            ojson relation = ojson::object();
            relation["id"] = nextRelation++;
            relation["from_id"] = from->second;
            relation["to_id"] = to->second;
            relation["type"] = r->type;
            relations.push_back(std::move(relation));
        }
        if (orphaned > 0)
            output.notices.push_back(setName + ": left out " + std::to_string(orphaned) +
                                     " orphaned annotation(s) (their offsets refer to an older text) and "
                                     "the relations attached to them");

        ojson extra = ojson::object();
        extra["document"] = source.stem;
        extra["sha256"] = document.sha256();
        extra["offsets"] = offsetUnitName(unit);
        extra["annotator"] = source.set.annotator;
        extra["annotations"] = std::move(annotations);
        ojson line = ojson::object();
        line["id"] = d + 1;
        line["text"] = document.bytes();
        line["entities"] = std::move(entities);
        line["relations"] = std::move(relations);
        line[kDoccanoExtraKey] = std::move(extra);
        content += line.dump();
        content += '\n';
    }
    if (!errors.empty()) return errors;

    if (unit == OffsetUnit::Utf16)
        output.notices.push_back("doccano: offsets are UTF-16 code units (doccano's unit); use --offsets to change");
    else
        output.notices.push_back(std::string("doccano: offsets are ") + offsetUnitPlural(unit) + " (--offsets " +
                                 offsetUnitName(unit) + "), not the UTF-16 units doccano counts; stated in " +
                                 kDoccanoExtraKey + ".offsets");
    if (discontinuous > 0)
        output.notices.push_back("doccano: " + std::to_string(discontinuous) +
                                 " discontinuous annotation(s) written as one entity per fragment; relations use "
                                 "the first fragment's entity; \"" +
                                 kDoccanoExtraKey + "\" ties the fragments together for claimmark's import");
    output.files.push_back({"", std::move(content)});
    return output;
}

}  // namespace claimmark
