// export_uima_json.cpp — UIMA CAS JSON (draft 0.4.0, as INCEpTION writes and DKPro Cassis
// reads): OUT/<stem>.json per set. The layout and the types are described in uima_format.h.
//
// [SECTION] JSON text (written directly into the sink, one feature structure per line)
// [SECTION] Type system
// [SECTION] Feature structures
// [SECTION] Entry point
#include "core/exchange/exchange_formats.h"
#include "core/exchange/export_json_text.h"
#include "core/exchange/export_support.h"
#include "core/exchange/uima/uima_format.h"

#include <string_view>
#include <unordered_map>

namespace claimmark {

namespace {

using namespace uima;

// --- [SECTION] JSON text ------------------------------------------------------------------

// `,"key":` (no comma for the first key of an object: pass first = true).
void appendKey(ExportSink& out, std::string_view key, bool first = false) {
    if (!first) out += ',';
    appendJsonString(out, key);
    out += ':';
}

void appendStringMember(ExportSink& out, std::string_view key, std::string_view value) {
    appendKey(out, key);
    appendJsonString(out, value);
}

void appendNumberMember(ExportSink& out, std::string_view key, std::uint64_t value) {
    appendKey(out, key);
    appendJsonNumber(out, value);
}

// `{"%ID":id,"%TYPE":"type"` — the rest of the members follow, then '}'.
void beginFs(ExportSink& out, std::size_t id, std::string_view type) {
    out += "{\"%ID\":";
    appendJsonNumber(out, id);
    out += ",\"%TYPE\":";
    appendJsonString(out, type);
}

void appendAttributeValue(ExportSink& out, const AttributeValue& value) {
    if (const bool* b = std::get_if<bool>(&value)) out += *b ? "true" : "false";
    else if (const std::int64_t* n = std::get_if<std::int64_t>(&value)) appendJsonInteger(out, *n);
    else appendJsonString(out, std::get<std::string>(value));
}

// --- [SECTION] Type system ----------------------------------------------------------------

void appendFeature(ExportSink& out, std::string_view name, std::string_view range, std::string_view description = {}) {
    appendKey(out, name);
    out += "{\"%NAME\":";
    appendJsonString(out, name);
    appendStringMember(out, "%RANGE", range);
    if (!description.empty()) appendStringMember(out, "%DESCRIPTION", description);
    out += '}';
}

// `"name":{"%NAME":...` — the caller writes the separator before it.
void beginType(ExportSink& out, std::string_view name, std::string_view super, std::string_view description) {
    appendKey(out, name, true);
    out += "{\"%NAME\":";
    appendJsonString(out, name);
    appendStringMember(out, "%SUPER_TYPE", super);
    appendStringMember(out, "%DESCRIPTION", description);
}

void writeTypes(ExportSink& out, const AttributeFeatures& attributes) {
    out += "{\"%TYPES\":{\n";
    beginType(out, kDocumentType, kAnnotationBaseType, "claimmark: the annotation set of this CAS");
    appendFeature(out, kAnnotatorFeature, kStringRange);
    appendFeature(out, kStemFeature, kStringRange);
    appendFeature(out, kShaFeature, kStringRange, "SHA-256 of the text (UTF-8)");
    out += "},\n";
    beginType(out, kSpanType, kAnnotationType, "claimmark: one fragment of an annotation");
    appendFeature(out, kLabelFeature, kStringRange);
    appendFeature(out, kIdFeature, kStringRange, "the claimmark annotation id, shared by its fragments");
    appendFeature(out, kCoveredTextFeature, kStringRange, "the text between begin and end");
    appendFeature(out, kNoteFeature, kStringRange);
    for (const AttributeFeatures::Feature& f : attributes.features())
        appendFeature(out, f.name, f.range, std::string(kAttributeDescription) + f.attribute);
    out += "},\n";
    beginType(out, kRelationType, kAnnotationType, "claimmark: a relation between two annotations");
    appendFeature(out, kGovernorFeature, kSpanType);
    appendFeature(out, kDependentFeature, kSpanType);
    appendFeature(out, kLabelFeature, kStringRange, "the relation type");
    out += "}\n},\n";
}

// --- [SECTION] Feature structures ---------------------------------------------------------

struct Counts {
    std::size_t orphaned = 0;
    std::size_t fragments = 0;
};

void appendAnchor(ExportSink& out, const Document& document, const Span& span) {
    out += ",\"@sofa\":1";
    appendNumberMember(out, "begin", document.utf16FromCodePoint(span.start));
    appendNumberMember(out, "end", document.utf16FromCodePoint(span.end));
}

// The CAS of one set; `counts` gathers what the notices say.
void writeCas(const ExportSource& source, ExportSink& out, Counts& counts) {
    const Document& document = source.document;
    const AttributeFeatures attributes(source.set);
    writeTypes(out, attributes);

    out += "\"%FEATURE_STRUCTURES\":[\n";
    beginFs(out, 1, kSofaType);
    appendNumberMember(out, "sofaNum", 1);
    appendStringMember(out, "sofaID", kInitialView);
    appendStringMember(out, "mimeType", "text");
    appendStringMember(out, "sofaString", document.bytes());
    out += "},\n";
    beginFs(out, 2, kDocumentAnnotationType);
    appendAnchor(out, document, Span{0, document.length()});
    appendStringMember(out, "language", "x-unspecified");
    out += "},\n";
    beginFs(out, 3, kDocumentType);
    out += ",\"@sofa\":1";
    appendStringMember(out, kAnnotatorFeature, source.set.annotator);
    appendStringMember(out, kStemFeature, source.stem);
    appendStringMember(out, kShaFeature, document.sha256());
    out += '}';

    std::size_t nextId = 4;
    std::unordered_map<std::string, std::size_t> firstFragment;  // annotation id -> %ID
    std::unordered_map<std::string, const Annotation*> byId;
    for (const Annotation* a : source.set.inDocumentOrder()) {
        if (a->orphaned) {
            ++counts.orphaned;
            continue;
        }
        byId[a->id] = a;
        if (a->spans.size() > 1) counts.fragments += a->spans.size();
        for (std::size_t k = 0; k < a->spans.size(); ++k) {
            const Span& span = a->spans[k];
            if (k == 0) firstFragment[a->id] = nextId;
            out += ",\n";
            beginFs(out, nextId++, kSpanType);
            appendAnchor(out, document, span);
            appendStringMember(out, kLabelFeature, a->label);
            appendStringMember(out, kIdFeature, a->id);
            appendStringMember(out, kCoveredTextFeature, document.slice(span.start, span.end));
            if (k > 0) {
                out += '}';
                continue;
            }
            if (!a->note.empty()) appendStringMember(out, kNoteFeature, a->note);
            for (const auto& [name, value] : a->attributes) {
                appendKey(out, attributes.featureFor(name, value));
                appendAttributeValue(out, value);
            }
            out += '}';
        }
    }
    for (const Relation* r : source.set.relationsInOrder()) {
        auto from = firstFragment.find(r->from);
        auto to = firstFragment.find(r->to);
        if (from == firstFragment.end() || to == firstFragment.end()) continue;  // an orphan's relation
        out += ",\n";
        beginFs(out, nextId++, kRelationType);
        appendAnchor(out, document, byId.at(r->to)->spans.front());
        appendNumberMember(out, "@Governor", from->second);
        appendNumberMember(out, "@Dependent", to->second);
        appendStringMember(out, kLabelFeature, r->type);
        out += '}';
    }
    out += "\n],\n\"%VIEWS\":{";
    appendJsonString(out, kInitialView);
    out += ":{\"%SOFA\":1,\"%MEMBERS\":[";
    for (std::size_t id = 2; id < nextId; ++id) {
        if (id > 2) out += ',';
        appendJsonNumber(out, id);
    }
    out += "]}}}\n";
}

}  // namespace

// --- [SECTION] Entry point ----------------------------------------------------------------

Result<ExportReport> writeUimaJson(const std::vector<ExportSource>& sources, const ExportOptions&, ExportSink& out) {
    Diagnostics errors = annotationsOutsideArticles(sources);
    if (!errors.empty()) return errors;

    ExportReport report;
    std::size_t fragments = 0;
    for (const ExportSource& source : sources) {
        out.beginFile(source.stem + ".json");
        Counts counts;
        writeCas(source, out, counts);
        fragments += counts.fragments;
        if (counts.orphaned > 0)
            report.notices.push_back(orphansLeftOutNotice(source, counts.orphaned) +
                                     " and the relations attached to them");
    }
    report.notices.push_back(
        "uima-json: one CAS per set (OUT/<stem>.json, as INCEpTION keeps one per annotator); offsets are UTF-16 "
        "code units; labels are the span layer " +
        std::string(kSpanType) + ", relations " + kRelationType + " (Governor, Dependent)");
    if (fragments > 0)
        report.notices.push_back("uima-json: discontinuous annotations written as " + std::to_string(fragments) +
                                 " fragment spans sharing their " + kIdFeature);
    return report;
}

}  // namespace claimmark
