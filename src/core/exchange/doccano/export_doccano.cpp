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

#include "core/exchange/export_json_text.h"
#include "core/exchange/export_support.h"
#include "core/exchange/labelstudio/labelstudio_format.h"

#include <unordered_map>

namespace claimmark {

namespace {

void appendAttributeValue(ExportSink& out, const AttributeValue& value) {
    if (const bool* b = std::get_if<bool>(&value)) out += *b ? "true" : "false";
    else if (const std::int64_t* n = std::get_if<std::int64_t>(&value)) appendJsonInteger(out, *n);
    else appendJsonString(out, std::get<std::string>(value));
}

// One document's line, written in the key order of the layout above (as
// nlohmann::ordered_json would dump it, with no spaces), the text streamed from the article.
// Entity ids continue from `nextEntity`, relation ids from `nextRelation`.
void writeLine(const ExportSource& source, std::size_t lineId, OffsetUnit unit, ExportSink& out,
               std::size_t& nextEntity, std::size_t& nextRelation, std::size_t& discontinuous, std::size_t& orphaned) {
    const Document& document = source.document;
    const std::vector<const Annotation*> annotations = source.set.inDocumentOrder();
    const std::size_t firstOfLine = nextEntity;
    std::unordered_map<std::string, std::size_t> firstEntity;  // annotation id -> entity id

    out += "{\"id\":";
    appendJsonNumber(out, lineId);
    out += ",\"text\":";
    appendJsonString(out, document.bytes());
    out += ",\"entities\":[";
    bool first = true;
    for (const Annotation* a : annotations) {
        if (a->orphaned) {
            ++orphaned;
            continue;
        }
        if (a->spans.size() > 1) ++discontinuous;
        firstEntity[a->id] = nextEntity;
        for (const Span& span : a->spans) {
            out += first ? "{\"id\":" : ",{\"id\":";
            first = false;
            appendJsonNumber(out, nextEntity++);
            out += ",\"label\":";
            appendJsonString(out, a->label);
            out += ",\"start_offset\":";
            appendJsonNumber(out, offsetInUnit(document, span.start, unit));
            out += ",\"end_offset\":";
            appendJsonNumber(out, offsetInUnit(document, span.end, unit));
            out += '}';
        }
    }
    out += "],\"relations\":[";
    first = true;
    for (const Relation* r : source.set.relationsInOrder()) {
        auto from = firstEntity.find(r->from);
        auto to = firstEntity.find(r->to);
        if (from == firstEntity.end() || to == firstEntity.end()) continue;  // an orphan's relation
        out += first ? "{\"id\":" : ",{\"id\":";
        first = false;
        appendJsonNumber(out, nextRelation++);
        out += ",\"from_id\":";
        appendJsonNumber(out, from->second);
        out += ",\"to_id\":";
        appendJsonNumber(out, to->second);
        out += ",\"type\":";
        appendJsonString(out, r->type);
        out += '}';
    }
    out += "],";
    appendJsonString(out, kDoccanoExtraKey);
    out += ":{\"document\":";
    appendJsonString(out, source.stem);
    out += ",\"sha256\":";
    appendJsonString(out, document.sha256());
    out += ",\"offsets\":";
    appendJsonString(out, offsetUnitName(unit));
    out += ",\"annotator\":";
    appendJsonString(out, source.set.annotator);
    out += ",\"annotations\":[";
    std::size_t entity = firstOfLine;
    first = true;
    for (const Annotation* a : annotations) {
        if (a->orphaned) continue;
        out += first ? "{\"id\":" : ",{\"id\":";
        first = false;
        appendJsonString(out, a->id);
        out += ",\"entities\":[";
        for (std::size_t k = 0; k < a->spans.size(); ++k) {
            if (k > 0) out += ',';
            appendJsonNumber(out, entity++);
        }
        out += ']';
        if (!a->attributes.empty()) {
            out += ",\"attributes\":{";
            bool firstAttribute = true;
            for (const auto& [name, value] : a->attributes) {
                if (!firstAttribute) out += ',';
                firstAttribute = false;
                appendJsonString(out, name);
                out += ':';
                appendAttributeValue(out, value);
            }
            out += '}';
        }
        if (!a->note.empty()) {
            out += ",\"note\":";
            appendJsonString(out, a->note);
        }
        out += '}';
    }
    out += "]}}\n";
}

}  // namespace

Result<ExportReport> writeDoccano(const std::vector<ExportSource>& sources, const ExportOptions& options,
                                  ExportSink& out) {
    const OffsetUnit unit = options.offsets;
    ExportReport output;

    // Every annotation must fit its article; nothing is written otherwise.
    Diagnostics errors = annotationsOutsideArticles(sources);
    if (!errors.empty()) return errors;

    out.beginFile("");
    std::size_t nextEntity = 1, nextRelation = 1, discontinuous = 0;
    for (std::size_t d = 0; d < sources.size(); ++d) {
        std::size_t orphaned = 0;
        writeLine(sources[d], d + 1, unit, out, nextEntity, nextRelation, discontinuous, orphaned);
        if (orphaned > 0)
            output.notices.push_back(sources[d].setPath.string() + ": left out " + std::to_string(orphaned) +
                                     " orphaned annotation(s) (their offsets refer to an older text) and "
                                     "the relations attached to them");
    }

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
    return output;
}

}  // namespace claimmark
