// exchange.cpp — offset units and the registry of export and import formats.
#include "core/exchange/exchange.h"
#include "core/exchange/import_support.h"

#include "core/exchange/exchange_formats.h"
#include "core/exchange/export_sink.h"
#include "core/storage/json_input.h"

#include <new>

namespace claimmark {

const char* offsetUnitName(OffsetUnit unit) {
    switch (unit) {
        case OffsetUnit::CodePoint: return "codepoint";
        case OffsetUnit::Utf16: return "utf16";
        case OffsetUnit::Byte: return "byte";
    }
    return "codepoint";
}

std::optional<OffsetUnit> parseOffsetUnit(std::string_view name) {
    if (name == "codepoint") return OffsetUnit::CodePoint;
    if (name == "utf16") return OffsetUnit::Utf16;
    if (name == "byte") return OffsetUnit::Byte;
    return std::nullopt;
}

std::size_t offsetInUnit(const Document& document, std::size_t codePoint, OffsetUnit unit) {
    switch (unit) {
        case OffsetUnit::CodePoint: return codePoint;
        case OffsetUnit::Utf16: return document.utf16FromCodePoint(codePoint);
        case OffsetUnit::Byte: return document.byteFromCodePoint(codePoint);
    }
    return codePoint;
}

std::optional<std::size_t> codePointFromUnit(const Document& document, std::size_t offset, OffsetUnit unit) {
    switch (unit) {
        case OffsetUnit::CodePoint:
            if (offset > document.length()) return std::nullopt;
            return offset;
        case OffsetUnit::Utf16:
            if (offset > document.utf16Length() || !document.isUtf16Boundary(offset)) return std::nullopt;
            return document.codePointFromUtf16(offset);
        case OffsetUnit::Byte:
            if (offset > document.byteLength() || !document.isByteBoundary(offset)) return std::nullopt;
            return document.codePointFromByte(offset);
    }
    return std::nullopt;
}

const std::vector<ExportFormat>& exportFormats() {
    static const std::vector<ExportFormat> formats = {
        {"jsonl", "one JSON line per document: text, sha256, offset unit, annotations, relations", ExportLayout::File,
         OffsetUnit::CodePoint, true, writeJsonl},
        {"brat", "brat standoff: OUT/<stem>.txt, OUT/<stem>.ann and OUT/annotation.conf", ExportLayout::Folder,
         OffsetUnit::CodePoint, false, writeBrat},
        {"conll", "tokens with one BIO tag column per label, blank line between sentences", ExportLayout::File,
         OffsetUnit::CodePoint, true, writeConll},
        {"w3c", "W3C Web Annotation JSON-LD, one file per document in the OUT folder", ExportLayout::Folder,
         OffsetUnit::CodePoint, false, writeW3c},
        {"csv", "one row per annotation (RFC 4180, UTF-8), attributes as columns", ExportLayout::File,
         OffsetUnit::CodePoint, true, writeCsv},
        {"labelstudio", "Label Studio task list (JSON) with labels and relations", ExportLayout::File,
         OffsetUnit::CodePoint, true, writeLabelStudio},
        {"doccano", "doccano JSONL (entities, relations); UTF-16 offsets unless --offsets", ExportLayout::File,
         OffsetUnit::Utf16, true, writeDoccano},
        {"webanno-tsv", "WebAnno TSV 3.3 (INCEpTION): OUT/<stem>.tsv and OUT/<stem>.txt; UTF-16 offsets",
         ExportLayout::Folder, OffsetUnit::Utf16, false, writeWebannoTsv},
        {"uima-json", "UIMA CAS JSON for INCEpTION / DKPro Cassis: OUT/<stem>.json, one CAS per set",
         ExportLayout::Folder, OffsetUnit::Utf16, false, writeUimaJson},
        {"claimreview", "schema.org ClaimReview JSON-LD for each claim with a verdict", ExportLayout::File,
         OffsetUnit::CodePoint, false, writeClaimReview},
        {"hf-tokens", "Hugging Face token classification: OUT/data.jsonl (a row per sentence), labels.json, README.md",
         ExportLayout::Folder, OffsetUnit::CodePoint, false, writeHfTokens, true, true},
        {"sentences", "one JSON line per sentence: text, labels, hedge cues, claim strengths, evidence types",
         ExportLayout::File, OffsetUnit::CodePoint, true, writeSentences, true, false},
    };
    return formats;
}

const std::vector<ImportFormat>& importFormats() {
    static const std::vector<ImportFormat> formats = {
        {"brat", "brat standoff: .ann files (with their .txt) or folders of them", importBrat},
        {"labelstudio", "Label Studio JSON export (task list)", importLabelStudio},
        {"doccano", "doccano JSONL, entities or [start, end, label] form; UTF-16 offsets", importDoccano},
        {"w3c", "W3C Web Annotation JSON-LD (needs --article unless the source is a local file)", importW3c},
        {"uima-json", "UIMA CAS JSON (INCEpTION, DKPro Cassis): .json files or folders of them", importUimaJson},
        {"jsonl", "claimmark's own JSONL export", importJsonl},
        {"webanno-tsv",
         "WebAnno TSV 3.3 (INCEpTION) .tsv files or folders; the article from --article, <stem>.txt or #Text=",
         importWebannoTsv},
    };
    return formats;
}

const ExportFormat* findExportFormat(std::string_view name) {
    for (const ExportFormat& format : exportFormats())
        if (name == format.name) return &format;
    return nullptr;
}

const ImportFormat* findImportFormat(std::string_view name) {
    for (const ImportFormat& format : importFormats())
        if (name == format.name) return &format;
    return nullptr;
}

namespace {

std::string escapedReason(const std::exception& e) {
    if (dynamic_cast<const std::bad_alloc*>(&e)) return "not enough memory";
    return jsonErrorReason(e.what());
}

}  // namespace

Result<ImportOutput> runImportFormat(const ImportFormat& format, const std::vector<std::filesystem::path>& inputs,
                                     const ImportOptions& options) {
    try {
        Result<ImportOutput> output = format.run(inputs, options);
        if (output) dropUnusedBuiltInLabels(*output);
        return output;
    } catch (const std::exception& e) {
        const std::string file = inputs.size() == 1 ? inputs.front().string() : std::string(format.name) + " input";
        return Diagnostic{file, "", std::string("cannot be imported: ") + escapedReason(e)};
    }
}

Result<ExportReport> runExportFormat(const ExportFormat& format, const std::vector<ExportSource>& sources,
                                     const ExportOptions& options, ExportSink& sink) {
    try {
        return format.write(sources, options, sink);
    } catch (const std::exception& e) {
        return Diagnostic{std::string(format.name) + " export", "", std::string("failed: ") + escapedReason(e)};
    }
}

Result<ExportOutput> runExportFormat(const ExportFormat& format, const std::vector<ExportSource>& sources,
                                     const ExportOptions& options) {
    try {
        return exportIntoMemory(format.write, sources, options);
    } catch (const std::exception& e) {
        return Diagnostic{std::string(format.name) + " export", "", std::string("failed: ") + escapedReason(e)};
    }
}

}  // namespace claimmark
