// exchange.h — moving annotations to and from other tools: the contract every export and
// import format implements, offset units, and the format registry.
//
// [SECTION] Offset units
//   Inside claimmark offsets are code points. Formats state theirs: an export takes
//   --offsets codepoint|utf16|byte (each format has a default, e.g. doccano counts UTF-16),
//   and an import converts the tool's unit to code points, refusing offsets that fall inside
//   a character (a surrogate pair or a UTF-8 sequence).
// [SECTION] Export
//   A format writes loaded sets (each with its article) into an ExportSink (export_sink.h)
//   file by file, piece by piece, so no whole file is held in memory. The CLI's sink streams
//   to a temporary file or staging folder and puts the output in place only when the format
//   has succeeded (ExportFileSink, export_writer.h), so an error never leaves half an
//   output. Single-file formats write one file whose relativePath is empty (it goes to -o
//   itself); folder formats write paths relative to the -o folder. Anything a format must
//   know before writing (counts, headers) it works out from the sets, not from its text.
// [SECTION] Import
//   A format reads its input files into one AnnotationSet per document, together with the
//   article text. Every span's offsets are checked against the text; a span whose stated
//   text does not match, or whose offsets are out of range, is an error with file, line (or
//   JSON path) and "expected ... found ...". With `lenient` such items are skipped and listed
//   in `skipped` instead. Labels, attributes and relation types the schema lacks are added
//   to the set's embedded schema, each addition reported in `notices`.
#pragma once

#include "core/model/annotation_set.h"
#include "core/diagnostic.h"
#include "core/text/document.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimmark {

// --- [SECTION] Offset units ---------------------------------------------------------------

enum class OffsetUnit { CodePoint, Utf16, Byte };

const char* offsetUnitName(OffsetUnit unit);  // "codepoint", "utf16", "byte"
std::optional<OffsetUnit> parseOffsetUnit(std::string_view name);

// Code point offset -> `unit` (cp <= document.length()).
std::size_t offsetInUnit(const Document& document, std::size_t codePoint, OffsetUnit unit);
// `unit` offset -> code point; nullopt when past the end or inside a character.
std::optional<std::size_t> codePointFromUnit(const Document& document, std::size_t offset, OffsetUnit unit);

// --- [SECTION] Export ---------------------------------------------------------------------

// Where an article was published, from its source record (ARTICLE.source.json, written by
// `claimmark intake`); every field empty when the article has none.
struct ArticleOrigin {
    std::string url;
    std::string title;
    std::string author;
    std::string published;
    std::string publisher;
};

struct ExportSource {
    std::filesystem::path setPath;  // where the set was read from (for messages and names)
    std::string stem;               // unique per call: the article's file stem, made unique
    Document document;              // the article, matching set.document.sha256
    AnnotationSet set;
    ArticleOrigin origin;
};

// The fact-check itself, for ClaimReview: from --review-url/--publisher or the project
// file (claimmark-project.json). "{article}" in reviewUrl is replaced by each document's
// stem, so one pattern serves a dataset of several articles.
struct ReviewPublication {
    std::string reviewUrl;
    std::string publisher;     // the organisation publishing the fact-check
    std::string publisherUrl;  // its home page
};

// One part of a training-dataset split (--split train=80,dev=10,test=10): its name (the
// file <name>.jsonl) and its share of the documents in percent.
struct DatasetSplitPart {
    std::string name;
    unsigned percent = 0;
};

struct ExportOptions {
    OffsetUnit offsets = OffsetUnit::CodePoint;  // the format's default unless --offsets given
    ReviewPublication review;                    // claimreview only
    // Training datasets (hf-tokens, sentences; ExportFormat::takesSplit / takesFlat).
    bool flat = false;                    // hf-tokens --flat: one `tags` column, overlaps refused
    std::vector<DatasetSplitPart> split;  // --split: by document; empty: one data file
    std::uint64_t seed = 0;               // --seed: the split's shuffle
    // labelstudio --as predictions: each set is a prediction (a pre-annotation to review),
    // its pending suggestions in it, instead of a submitted annotation.
    bool asPredictions = false;
};

struct ExportFile {
    std::string relativePath;  // empty: the -o file itself; else a path inside the -o folder
    std::string content;
};

// What a format reports besides its files.
struct ExportReport {
    std::vector<std::string> notices;  // printed to stderr ("offsets are UTF-16 units ...")
    // Files written beside a one-file output, in its folder, each replaced atomically
    // (labelstudio's label_config.xml); relativePath is the file name.
    std::vector<ExportFile> besideFiles;
};

// An export collected in memory (MemoryExportSink): its files and its notices.
struct ExportOutput {
    std::vector<ExportFile> files;
    std::vector<std::string> notices;
    std::vector<ExportFile> besideFiles;  // ExportReport::besideFiles
};

class ExportSink;

enum class ExportLayout { File, Folder };

struct ExportFormat {
    const char* name;         // "jsonl", "brat", ...
    const char* description;  // one line for --help
    ExportLayout layout;
    OffsetUnit defaultOffsets;
    bool offsetsSelectable;  // false: the format fixes its unit (brat, w3c: code points)
    // Writes the files into `sink`, in order; on failure (its diagnostics) the caller
    // abandons what was written.
    Result<ExportReport> (*write)(const std::vector<ExportSource>& sources, const ExportOptions& options,
                                  ExportSink& sink);
    // Training datasets: the format takes --split/--seed (a File format then writes a folder
    // of <part>.jsonl files) and --flat.
    bool takesSplit = false;
    bool takesFlat = false;
};

// --- [SECTION] Import ---------------------------------------------------------------------

struct ImportOptions {
    bool lenient = false;
    std::string annotator;  // for the new sets; empty: taken from the input or "imported"
    // The article, for formats whose input does not carry the text (w3c); the importer
    // checks that it fits.
    std::optional<std::filesystem::path> article;
};

struct ImportedDocument {
    std::string stem;  // name for output files (from the input file or the document id)
    std::string text;  // the article, UTF-8
    // A file on disk that already holds exactly `text` (brat's .txt); empty when the text
    // came inside the input and must be written out.
    std::filesystem::path articlePath;
    AnnotationSet set;         // document.sha256 and length filled; document.path is set on writing
    bool labelsAdded = false;  // the data brought labels of its own (not in the built-in schema)
};

struct ImportOutput {
    std::vector<ImportedDocument> documents;
    Diagnostics skipped;               // lenient: what was left out, with file and place
    std::vector<std::string> notices;  // schema additions, mapped constructs
};

struct ImportFormat {
    const char* name;
    const char* description;
    Result<ImportOutput> (*run)(const std::vector<std::filesystem::path>& inputs, const ImportOptions& options);
};

// --- [SECTION] Registry -------------------------------------------------------------------

const std::vector<ExportFormat>& exportFormats();
const std::vector<ImportFormat>& importFormats();
const ExportFormat* findExportFormat(std::string_view name);
const ImportFormat* findImportFormat(std::string_view name);

// Run a format, turning any exception that escapes it (a JSON library error the format did
// not foresee, memory exhausted) into a diagnostic naming the input, instead of an abort.
Result<ImportOutput> runImportFormat(const ImportFormat& format, const std::vector<std::filesystem::path>& inputs,
                                     const ImportOptions& options);
// The export written into `sink` (the CLI passes an ExportFileSink); on failure the caller
// abandons the sink.
Result<ExportReport> runExportFormat(const ExportFormat& format, const std::vector<ExportSource>& sources,
                                     const ExportOptions& options, ExportSink& sink);
// The export collected in memory.
Result<ExportOutput> runExportFormat(const ExportFormat& format, const std::vector<ExportSource>& sources,
                                     const ExportOptions& options);

}  // namespace claimmark
