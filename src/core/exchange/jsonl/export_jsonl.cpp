// export_jsonl.cpp — claimmark's dataset format: one JSON object per line, one line per
// document, keys always in this order:
//   {"id": stem, "text", "sha256", "offsets": "codepoint"|"utf16"|"byte", "annotator",
//    "annotations": [{"id", "label", "spans": [{"start", "end"}], "text", "attributes", "note"}],
//    "relations": [{"id", "type", "from", "to"}]}
// Annotations in document order, relations by id number, attributes by name, so the same
// sets always give the same bytes (import_jsonl.cpp reads it back, ids kept). Every line
// states its offset unit, so a line copied out of the file still says how to read it.
#include "core/exchange/exchange_formats.h"
#include "core/exchange/export_json_text.h"

#include "core/model/covered_text.h"

#include <charconv>
#include <string>
#include <string_view>

namespace claimmark {

namespace {

void appendAttributes(ExportSink& out, const Attributes& attributes) {
    out += '{';
    bool first = true;
    for (const auto& [name, value] : attributes) {
        if (!first) out += ',';
        first = false;
        appendJsonString(out, name);
        out += ':';
        if (const bool* b = std::get_if<bool>(&value)) out += *b ? "true" : "false";
        else if (const std::int64_t* n = std::get_if<std::int64_t>(&value)) out += std::to_string(*n);
        else appendJsonString(out, std::get<std::string>(value));
    }
    out += '}';
}

}  // namespace

Result<ExportReport> writeJsonl(const std::vector<ExportSource>& sources, const ExportOptions& options,
                                ExportSink& out) {
    ExportReport output;
    const char* unit = offsetUnitName(options.offsets);
    out.beginFile("");
    for (const ExportSource& source : sources) {
        const Document& document = source.document;
        out += "{\"id\":";
        appendJsonString(out, source.stem);
        out += ",\"text\":";
        appendJsonString(out, document.bytes());
        out += ",\"sha256\":";
        appendJsonString(out, document.sha256());
        out += ",\"offsets\":";
        appendJsonString(out, unit);
        out += ",\"annotator\":";
        appendJsonString(out, source.set.annotator);

        out += ",\"annotations\":[";
        std::size_t orphaned = 0;
        bool first = true;
        for (const Annotation* a : source.set.inDocumentOrder()) {
            if (a->orphaned) {
                ++orphaned;
                continue;
            }
            out += first ? "{\"id\":" : ",{\"id\":";
            first = false;
            appendJsonString(out, a->id);
            out += ",\"label\":";
            appendJsonString(out, a->label);
            out += ",\"spans\":[";
            for (std::size_t i = 0; i < a->spans.size(); ++i) {
                out += i == 0 ? "{\"start\":" : ",{\"start\":";
                appendJsonNumber(out, offsetInUnit(document, a->spans[i].start, options.offsets));
                out += ",\"end\":";
                appendJsonNumber(out, offsetInUnit(document, a->spans[i].end, options.offsets));
                out += '}';
            }
            out += "],\"text\":";
            appendJsonString(out, coveredText(document, a->spans));
            out += ",\"attributes\":";
            appendAttributes(out, a->attributes);
            out += ",\"note\":";
            appendJsonString(out, a->note);
            out += '}';
        }

        out += "],\"relations\":[";
        first = true;
        for (const Relation* r : source.set.relationsInOrder()) {
            const Annotation* from = source.set.findAnnotation(r->from);
            const Annotation* to = source.set.findAnnotation(r->to);
            // A relation to an orphaned annotation would point at nothing in this line.
            if (!from || !to || from->orphaned || to->orphaned) continue;
            out += first ? "{\"id\":" : ",{\"id\":";
            first = false;
            appendJsonString(out, r->id);
            out += ",\"type\":";
            appendJsonString(out, r->type);
            out += ",\"from\":";
            appendJsonString(out, r->from);
            out += ",\"to\":";
            appendJsonString(out, r->to);
            out += '}';
        }
        out += "]}\n";
        if (orphaned > 0)
            output.notices.push_back(source.setPath.string() + ": left out " + std::to_string(orphaned) +
                                     " orphaned annotation(s) (their offsets refer to an older text) and "
                                     "their relations");
    }
    return output;
}

}  // namespace claimmark
