// export_w3c.cpp — W3C Web Annotation JSON-LD: per document an AnnotationCollection
// (OUT/<stem>.jsonld) and the article it points to (OUT/<stem>.txt). The layout, the
// claimmark-specific keys and the IRIs are described in w3c_format.h.
//
// [SECTION] JSON text (written directly, one annotation per line)
// [SECTION] Pieces of one annotation (creator, bodies, target)
// [SECTION] Span annotations and relation annotations
// [SECTION] Entry point
#include "core/exchange/exchange_formats.h"
#include "core/exchange/export_json_text.h"
#include "core/storage/json_text.h"

#include "core/model/covered_text.h"
#include "core/exchange/w3c/w3c_format.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string_view>

namespace claimmark {

namespace {

// --- [SECTION] JSON text ------------------------------------------------------------------

// The output is written as text (export_json_text.h), not built as a JSON tree: a
// 100,000-annotation set gives ~120,000 W3C annotations, and a tree per item costs seconds.

// Each piece is written into a std::string (the parts an annotation repeats on each of its
// fragments) or straight into the sink (Out: either).

// `,"key":` (no comma for the first key of an object: pass first = true).
template <class Out>
void appendKey(Out& out, std::string_view key, bool first = false) {
    if (!first) out += ',';
    appendJsonString(out, key);
    out += ':';
}

template <class Out>
void appendStringMember(Out& out, std::string_view key, std::string_view value, bool first = false) {
    appendKey(out, key, first);
    appendJsonString(out, value);
}

void appendAttributeValue(std::string& out, const AttributeValue& value) {
    if (const bool* b = std::get_if<bool>(&value)) out += *b ? "true" : "false";
    else if (const std::int64_t* n = std::get_if<std::int64_t>(&value)) out += std::to_string(*n);
    else appendJsonString(out, std::get<std::string>(value));
}

std::string contextText() { return w3c::context().dump(); }

// --- [SECTION] Pieces of one annotation -------------------------------------------------

template <class Out>
void appendTextualBody(Out& out, const char* purpose, std::string_view value) {
    out += "{\"type\":\"TextualBody\"";
    appendStringMember(out, "purpose", purpose);
    appendStringMember(out, "value", value);
    out += '}';
}

// Label, attributes (by name), note: written on every fragment so each W3C annotation
// means the same thing on its own.
std::string annotationBodies(const Annotation& a) {
    std::string out = "[";
    appendTextualBody(out, "classifying", a.label);
    for (const auto& [name, value] : a.attributes) {
        out += ",{\"type\":\"TextualBody\",\"purpose\":\"describing\"";
        appendStringMember(out, "value", name + ": " + attributeValueToString(value));
        appendStringMember(out, w3c::kKeyAttribute, name);
        appendKey(out, w3c::kKeyValue);
        appendAttributeValue(out, value);
        out += '}';
    }
    if (!a.note.empty()) {
        out += ',';
        appendTextualBody(out, "commenting", a.note);
    }
    out += ']';
    return out;
}

void appendSpanTarget(ExportSink& out, const ExportSource& source, const std::string& articleIri, const Span& span) {
    const Document& document = source.document;
    out += "{";
    appendStringMember(out, "source", articleIri, true);
    appendStringMember(out, w3c::kKeySha256, document.sha256());
    out += ",\"selector\":[{\"type\":\"TextQuoteSelector\"";
    appendStringMember(out, "exact", document.slice(span.start, span.end));
    const std::size_t before = span.start > kContextLength ? span.start - kContextLength : 0;
    const std::string_view prefix = document.slice(before, span.start);
    const std::string_view suffix = document.slice(span.end, std::min(document.length(), span.end + kContextLength));
    if (!prefix.empty()) appendStringMember(out, "prefix", prefix);
    if (!suffix.empty()) appendStringMember(out, "suffix", suffix);
    out += "},{\"type\":\"TextPositionSelector\",\"start\":";
    appendJsonNumber(out, span.start);
    out += ",\"end\":";
    appendJsonNumber(out, span.end);
    out += "}]}";
}

// `,"creator":{...},"created":..,"modified":..` for what is known.
std::string provenance(const std::string& annotator, const std::string& created, const std::string& modified) {
    std::string out;
    if (!annotator.empty()) {
        out += ",\"creator\":{\"type\":\"Person\"";
        appendStringMember(out, "name", annotator);
        out += '}';
    }
    if (!created.empty()) appendStringMember(out, "created", created);
    if (!modified.empty()) appendStringMember(out, "modified", modified);
    return out;
}

// --- [SECTION] Span annotations and relation annotations --------------------------------

struct Writer {
    Writer(const ExportSource& s, ExportSink& o)
        : source(s), out(o), context(contextText()), articleIri(w3c::articleIri(s.stem)) {}

    const ExportSource& source;
    ExportSink& out;
    std::string context;
    std::string articleIri;
    std::size_t count = 0;

    void beginItem(const std::string& id, const char* motivation) {
        out += count++ == 0 ? "\n" : ",\n";
        out += "{\"@context\":";
        out += context;
        appendStringMember(out, "id", id);
        out += ",\"type\":\"Annotation\"";
        appendStringMember(out, "motivation", motivation);
    }

    void spanAnnotations(const Annotation& a) {
        const std::size_t fragments = a.spans.size();
        const std::string bodies = annotationBodies(a);
        const std::string made = provenance(source.set.annotator, a.created, a.modified);
        for (std::size_t k = 0; k < fragments; ++k) {
            beginItem(w3c::annotationIri(source.stem, a.id, k + 1, fragments), "classifying");
            out += made;
            out += ",\"body\":";
            out += bodies;
            out += ",\"target\":";
            appendSpanTarget(out, source, articleIri, a.spans[k]);
            appendStringMember(out, w3c::kKeyAnnotation, a.id);
            if (fragments > 1) out += ",\"" + std::string(w3c::kKeyFragments) + "\":" + std::to_string(fragments);
            out += '}';
        }
    }

    void relationAnnotation(const Relation& r, const Annotation& from, const Annotation& to) {
        beginItem(w3c::relationIri(source.stem, r.id), "linking");
        out += provenance(source.set.annotator, "", "");
        out += ",\"body\":[";
        appendTextualBody(out, "classifying", r.type);
        out += ",{\"type\":\"SpecificResource\",\"purpose\":\"linking\"";
        appendStringMember(out, "source", w3c::annotationIri(source.stem, to.id, 1, to.spans.size()));
        out += "}]";
        appendStringMember(out, "target", w3c::annotationIri(source.stem, from.id, 1, from.spans.size()));
        appendStringMember(out, w3c::kKeyRelation, r.id);
        out += '}';
    }
};

// A relation to an orphaned annotation would link to nothing in the file.
bool exportable(const AnnotationSet& set, const Relation& r) {
    const Annotation* from = set.findAnnotation(r.from);
    const Annotation* to = set.findAnnotation(r.to);
    return from && to && !from->orphaned && !to->orphaned;
}

// Writes OUT/<stem>.jsonld; the problems that keep it from being written (nothing is then).
Diagnostics writeOne(const ExportSource& source, ExportSink& out, std::vector<std::string>& notices) {
    const std::string setName = source.setPath.string();
    const std::vector<const Annotation*> annotations = source.set.inDocumentOrder();
    const std::vector<const Relation*> relations = source.set.relationsInOrder();

    // First pass: what is left out, what is wrong, and how many W3C annotations ("total"
    // comes before the items).
    std::size_t total = 0, orphaned = 0, droppedRelations = 0;
    Diagnostics errors;
    for (const Annotation* a : annotations) {
        if (a->orphaned) ++orphaned;
        else if (a->spans.empty() || a->end() > source.document.length())
            errors.push_back(
                {setName, "annotations[" + a->id + "]",
                 "spans do not fit the article (" + std::to_string(source.document.length()) + " code points)"});
        else total += a->spans.size();
    }
    for (const Relation* r : relations) {
        if (exportable(source.set, *r)) ++total;
        else ++droppedRelations;
    }
    if (!errors.empty()) return errors;
    out.beginFile(source.stem + ".jsonld");
    if (orphaned > 0)
        notices.push_back(setName + ": left out " + std::to_string(orphaned) +
                          " orphaned annotation(s) (their offsets refer to an older text) and " +
                          std::to_string(droppedRelations) + " relation(s) attached to them");

    // The collection and its page on a few lines each, then one annotation per line.
    Writer writer(source, out);
    out += "{\n  \"@context\": " + writer.context + ",\n  \"id\": ";
    appendJsonString(out, w3c::collectionIri(source.stem));
    out += ",\n  \"type\": \"AnnotationCollection\",\n  \"label\": ";
    appendJsonString(out, source.stem);
    out += ",\n  \"total\": ";
    appendJsonNumber(out, total);
    out += ",\n  \"" + std::string(w3c::kKeyArticle) + "\": ";
    appendJsonString(out, writer.articleIri);
    out += ",\n  \"" + std::string(w3c::kKeySha256) + "\": ";
    appendJsonString(out, source.document.sha256());
    out += ",\n  \"" + std::string(w3c::kKeyOffsetUnit) + "\": \"codepoint\",\n  \"first\": {\n    \"id\": ";
    appendJsonString(out, w3c::pageIri(source.stem));
    out += ",\n    \"type\": \"AnnotationPage\",\n    \"startIndex\": 0,\n    \"items\": [";
    for (const Annotation* a : annotations)
        if (!a->orphaned) writer.spanAnnotations(*a);
    for (const Relation* r : relations)
        if (exportable(source.set, *r))
            writer.relationAnnotation(*r, *source.set.findAnnotation(r->from), *source.set.findAnnotation(r->to));
    out += total > 0 ? "\n    ]\n  }\n}\n" : "]\n  }\n}\n";
    return {};
}

}  // namespace

// --- [SECTION] Entry point ----------------------------------------------------------------

Result<ExportReport> writeW3c(const std::vector<ExportSource>& sources, const ExportOptions& options, ExportSink& out) {
    if (options.offsets != OffsetUnit::CodePoint)
        return Diagnostic{"", "",
                          std::string("w3c offsets are code points (the TextPositionSelector "
                                      "requires them); --offsets ") +
                              offsetUnitName(options.offsets) + " is not available"};
    ExportReport output;
    Diagnostics errors;
    for (const ExportSource& source : sources) {
        if (Diagnostics problems = writeOne(source, out, output.notices); !problems.empty()) {
            errors.insert(errors.end(), problems.begin(), problems.end());
            continue;
        }
        out.beginFile(source.stem + ".txt");
        out.write(source.document.bytes());
    }
    if (!errors.empty()) return errors;
    output.notices.push_back(
        "w3c: TextPositionSelector offsets are Unicode code points; each "
        "<stem>.jsonld targets the article copy <stem>.txt beside it");
    return output;
}

}  // namespace claimmark
