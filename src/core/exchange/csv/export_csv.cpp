// export_csv.cpp — one row per annotation, for spreadsheets and pandas.
//
// Columns: document,id,label,start,end,offsets,text,<attributes...>,note,annotator
//   - "offsets" names the unit of start/end on every row (codepoint, utf16 or byte), so a
//     row pasted elsewhere still says how to read its numbers.
//   - One column per attribute name found in the schemas of the exported sets, in label
//     order then attribute order (an attribute name shared by several labels, such as
//     "kind" for hedge and caveat, is one column); empty where the label lacks it.
//     Booleans are written true/false, ordinals as numbers.
//   - A discontinuous annotation is one row: start = its first fragment's start, end = its
//     last fragment's end, text = the fragments' text joined by one space (as in the set).
// RFC 4180: rows end with CRLF; a field holding a comma, a double quote, CR or LF is
// quoted, inner quotes doubled. UTF-8 without a byte-order mark. Rows in document order,
// documents in the order given. Orphaned annotations are left out (with a notice).
#include "core/exchange/exchange_formats.h"

#include "core/model/covered_text.h"
#include "core/exchange/export_sink.h"
#include "core/exchange/export_support.h"

#include <algorithm>
#include <string>
#include <vector>

namespace claimmark {

namespace {

void appendField(ExportSink& out, std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::vector<std::string> attributeColumns(const std::vector<ExportSource>& sources) {
    std::vector<std::string> columns;
    for (const ExportSource& source : sources)
        for (const LabelDef& label : source.set.schema.labels)
            for (const AttributeDef& attribute : label.attributes)
                if (std::find(columns.begin(), columns.end(), attribute.name) == columns.end())
                    columns.push_back(attribute.name);
    return columns;
}

}  // namespace

Result<ExportReport> writeCsv(const std::vector<ExportSource>& sources, const ExportOptions& options, ExportSink& out) {
    ExportReport output;
    const std::vector<std::string> attributes = attributeColumns(sources);
    const std::string unit = offsetUnitName(options.offsets);
    for (const std::string& name : attributes) {
        // A name the fixed columns already use would make two columns with one header.
        for (const char* fixed : {"document", "id", "label", "start", "end", "offsets", "text", "note", "annotator"})
            if (name == fixed)
                return Diagnostic{
                    sources.empty() ? "" : sources.front().setPath.string(), "schema",
                    "attribute \"" + name + "\" has the name of a fixed CSV column; rename it to export as CSV"};
    }

    out.beginFile("");
    out += "document,id,label,start,end,offsets,text";
    for (const std::string& name : attributes) {
        out += ',';
        appendField(out, name);
    }
    out += ",note,annotator\r\n";

    for (const ExportSource& source : sources) {
        std::size_t orphaned = 0;
        for (const Annotation* a : source.set.inDocumentOrder()) {
            if (a->orphaned) {
                ++orphaned;
                continue;
            }
            appendField(out, source.stem);
            out += ',';
            appendField(out, a->id);
            out += ',';
            appendField(out, a->label);
            out += ',';
            out += std::to_string(offsetInUnit(source.document, a->start(), options.offsets));
            out += ',';
            out += std::to_string(offsetInUnit(source.document, a->end(), options.offsets));
            out += ',';
            out += unit;
            out += ',';
            appendField(out, coveredText(source.document, a->spans));
            for (const std::string& name : attributes) {
                out += ',';
                auto it = a->attributes.find(name);
                if (it != a->attributes.end()) appendField(out, attributeValueToString(it->second));
            }
            out += ',';
            appendField(out, a->note);
            out += ',';
            appendField(out, source.set.annotator);
            out += "\r\n";
        }
        if (orphaned > 0) output.notices.push_back(orphansLeftOutNotice(source, orphaned));
    }
    return output;
}

}  // namespace claimmark
