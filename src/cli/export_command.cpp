// export_command.cpp — `claimmark export --to FORMAT [--offsets UNIT] SET.json... -o OUT`:
// write annotation sets as a dataset for other tools.
//
// Every set is loaded and checked, with its article, before anything is generated; the
// format then streams its files into a temporary file beside OUT (or a staging folder for
// folder formats), which is put in place only when the whole output is there, so an error
// never leaves half an output and no file is held in memory whole.
#include "cli/arguments.h"
#include "cli/cli.h"
#include "cli/commands.h"

#include "core/model/pending_suggestions.h"

#include "core/exchange/dataset/split.h"
#include "core/exchange/exchange.h"
#include "core/exchange/export_writer.h"
#include "core/intake/source_record.h"
#include "core/storage/set_file.h"
#include "core/team/project_settings.h"

#include <iostream>
#include <set>
#include <sstream>

namespace claimmark::cli {

namespace {

std::string usageText() {
    std::ostringstream out;
    out << "usage: claimmark export --to FORMAT [--offsets codepoint|utf16|byte] [--article ARTICLE] SET.json... -o "
           "OUT\n"
           "       claimmark export --to hf-tokens|sentences SET.json... -o OUT [--split train=80,dev=10,test=10]\n"
           "                        [--seed N] [--flat]\n"
           "       claimmark export --to labelstudio [--as annotations|predictions] SET.json... -o TASKS.json\n"
           "\n"
           "Writes the annotation sets (each with the article it points to) as a dataset for other\n"
           "tools. Several sets make one dataset (jsonl, csv, conll, labelstudio, doccano,\n"
           "claimreview) or one set of files per document in the OUT folder (brat, w3c); each\n"
           "document is named after its article's file name (made unique with -2, -3, ...).\n"
           "A set whose article changed since it was annotated is refused: run\n"
           "'claimmark reanchor' first. Orphaned annotations are left out and counted.\n"
           "\n"
           "  --to FORMAT        the format (below)\n"
           "  --offsets UNIT     codepoint (Unicode code points), utf16 (UTF-16 code units, as\n"
           "                     JavaScript and doccano count) or byte (UTF-8 bytes); the\n"
           "                     default depends on the format. Every output states its unit.\n"
           "  -o, --output OUT   the file (or folder, for brat, w3c, hf-tokens and --split) to write\n"
           "  --article ARTICLE  the article of the given sets, instead of the path each set\n"
           "                     names (read only inside the set's project folder or beside\n"
           "                     the set); it must be the version the sets were made on\n"
           "  --include-suggested  also export pending suggestions (status \"suggested\"); by\n"
           "                     default only reviewed work is exported\n"
           "  --review-url URL   claimreview: the page that publishes the fact-check (Google\n"
           "                     requires it); {article} in it becomes each article's name\n"
           "  --publisher NAME   claimreview: the fact-checking organisation (each review's\n"
           "                     author); --publisher-url URL its home page. Without these,\n"
           "                     the nearest claimmark-project.json above the first set gives\n"
           "                     them (\"claimreview\": {\"review_url\", \"publisher\",\n"
           "                     \"publisher_url\"})\n"
           "  --split NAME=PCT,...  hf-tokens, sentences: split by article into NAME.jsonl files\n"
           "                     (e.g. train=80,dev=10,test=10; whole percentages summing to\n"
           "                     100; sentences then writes a folder). All sets of one article\n"
           "                     go to the same part; the counts are printed\n"
           "  --seed N           the split's shuffle (default 0): the same sets and seed give the\n"
           "                     same split, in whatever order the sets are given\n"
           "  --flat             hf-tokens: one `tags` column instead of one per label; refused\n"
           "                     when two annotations cover the same token\n"
           "  --as predictions   labelstudio: each set as a prediction (a pre-annotation to\n"
           "                     review and submit), its pending suggestions in it with their\n"
           "                     rules; the default, annotations, submits the reviewed work\n"
           "\n"
           "formats:\n";
    for (const ExportFormat& format : exportFormats()) {
        std::string name = format.name;
        name.resize(std::max<std::size_t>(name.size() + 1, 13), ' ');
        out << "  " << name << format.description << '\n';
        out << std::string(15, ' ') << (format.layout == ExportLayout::Folder ? "OUT is a folder" : "OUT is a file")
            << "; offsets " << offsetUnitName(format.defaultOffsets)
            << (format.offsetsSelectable ? " by default" : " (fixed)") << '\n';
    }
    out << "\n"
           "Format notes:\n"
           "  jsonl  one line per document: {\"id\", \"text\", \"sha256\", \"offsets\", \"annotator\",\n"
           "         \"annotations\": [{\"id\", \"label\", \"spans\": [{\"start\", \"end\"}], \"text\",\n"
           "         \"attributes\", \"note\"}], \"relations\": [{\"id\", \"type\", \"from\", \"to\"}]}\n"
           "  csv    columns document,id,label,start,end,offsets,text,<one per attribute>,note,\n"
           "         annotator; the \"offsets\" column names the unit of start and end. A\n"
           "         discontinuous annotation is one row: start of its first fragment, end of\n"
           "         its last, text = the fragments joined by one space. RFC 4180 quoting, CRLF.\n"
           "  conll  token, start, end, then one BIO column per label (overlaps are kept).\n"
           "         Tokens: runs of letters/digits of any script (combining marks stay with\n"
           "         their base); every other non-space character, and each CJK ideograph or\n"
           "         kana, is a token of its own. A token partly covered by a span is inside it.\n"
           "         Sentences end at line ends and after . ! ? followed by white space; a blank\n"
           "         line separates sentences. Comment lines give the document and offset unit.\n"
           "  hf-tokens  OUT/data.jsonl: a row per sentence {\"id\": \"<document>:<n>\", \"document\",\n"
           "         \"annotator\", \"tokens\", \"<label>_tags\": BIO tags per label the data uses}\n"
           "         (--flat: one \"tags\"); OUT/labels.json the tag names in order per column,\n"
           "         OUT/README.md a dataset card (fill in its license). Tokens as conll;\n"
           "         sentences as 'claimmark suggest' splits them. A span's first token in each\n"
           "         row is B-.\n"
           "  sentences  a row per sentence: id, document, annotator, text, start, end (in the\n"
           "         article), offsets, labels, strength_max, claims (with strength), hedge_cues\n"
           "         (with kind), evidence_types, spans (with attributes); span offsets are\n"
           "         relative to the sentence. A span crossing a sentence end is in each\n"
           "         sentence it overlaps, clipped (\"clipped\": true).\n"
           "  claimreview  an article made by 'claimmark intake' has its source record\n"
           "         (ARTICLE.source.json): its url, title, author, date and publisher become\n"
           "         itemReviewed.appearance. A missing review url is an error, not a file\n"
           "         Google would reject.\n"
           "\n"
           "Exit status: 0 written, 1 bad input or OUT could not be written (nothing is left\n"
           "half-written), 2 usage error.\n";
    return out.str();
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

const std::string kExportUsageText = usageText();
const char* const kExportUsage = kExportUsageText.c_str();

int runExport(const std::vector<std::string>& arguments) {
    ParsedArguments parsed = parseArguments(arguments, {{"--to", "", true},
                                                        {"--offsets", "", true},
                                                        {"--output", "-o", true},
                                                        {"--article", "", true},
                                                        {"--include-suggested", "", false},
                                                        {"--review-url", "", true},
                                                        {"--publisher", "", true},
                                                        {"--publisher-url", "", true},
                                                        {"--flat", "", false},
                                                        {"--split", "", true},
                                                        {"--seed", "", true},
                                                        {"--as", "", true}});
    if (parsed.help) {
        std::cout << kExportUsage;
        return kExitOk;
    }
    if (!parsed.error.empty()) return usageError("export", parsed.error);
    const std::string* formatName = parsed.value("--to");
    if (!formatName) return usageError("export", "missing --to FORMAT");
    const ExportFormat* format = findExportFormat(*formatName);
    if (!format) {
        std::string names;
        for (const ExportFormat& f : exportFormats()) names += (names.empty() ? "" : ", ") + std::string(f.name);
        return usageError("export", "unknown format '" + *formatName + "' (one of: " + names + ")");
    }
    ExportOptions options;
    options.offsets = format->defaultOffsets;
    if (const std::string* unitName = parsed.value("--offsets")) {
        std::optional<OffsetUnit> unit = parseOffsetUnit(*unitName);
        if (!unit) return usageError("export", "unknown offset unit '" + *unitName + "' (codepoint, utf16 or byte)");
        if (!format->offsetsSelectable && *unit != format->defaultOffsets)
            return usageError("export", std::string("the ") + format->name + " format always uses " +
                                            offsetUnitName(format->defaultOffsets) + " offsets; leave out --offsets");
        options.offsets = *unit;
    }
    const std::string* outName = parsed.value("--output");
    if (!outName) return usageError("export", "missing -o OUT");
    if (outName->empty()) return usageError("export", "-o needs a file or folder name");
    if (std::string(format->name) == "labelstudio" && std::filesystem::path(*outName).filename() == "label_config.xml")
        return usageError("export", "label_config.xml is where the labeling config goes; name the task file otherwise");
    if (parsed.positional.empty()) return usageError("export", "no annotation set given");

    std::optional<std::filesystem::path> article;
    if (!readArticleOption(parsed, article)) return usageError("export", "--article needs a file name");
    const bool claimReview = std::string(format->name) == "claimreview";
    for (const char* option : {"--review-url", "--publisher", "--publisher-url"}) {
        const std::string* value = parsed.value(option);
        if (!value) continue;
        if (!claimReview) return usageError("export", std::string(option) + " is for --to claimreview");
        if (value->empty()) return usageError("export", std::string(option) + " needs a value");
    }
    // Training datasets: --flat (hf-tokens), --split and --seed (hf-tokens, sentences).
    if (parsed.has("--flat") && !format->takesFlat) return usageError("export", "--flat is for --to hf-tokens");
    options.flat = parsed.has("--flat");
    for (const char* option : {"--split", "--seed"})
        if (parsed.value(option) && !format->takesSplit)
            return usageError("export", std::string(option) + " is for --to hf-tokens and --to sentences");
    if (const std::string* spec = parsed.value("--split")) {
        std::string problem;
        options.split = dataset::parseSplitSpec(*spec, problem);
        if (options.split.empty()) return usageError("export", problem);
    }
    if (const std::string* seed = parsed.value("--seed")) {
        if (options.split.empty()) return usageError("export", "--seed is for --split (it seeds the shuffle)");
        std::optional<std::uint64_t> value = dataset::parseSeed(*seed);
        if (!value) return usageError("export", "--seed needs a whole number from 0 to 18446744073709551615");
        options.seed = *value;
    }
    // Label Studio: --as annotations (submitted, the default) or predictions (to review).
    if (const std::string* as = parsed.value("--as")) {
        if (std::string(format->name) != "labelstudio") return usageError("export", "--as is for --to labelstudio");
        if (*as != "annotations" && *as != "predictions")
            return usageError("export", "--as takes annotations or predictions, not '" + *as + "'");
        options.asPredictions = *as == "predictions";
        if (options.asPredictions && parsed.has("--include-suggested"))
            return usageError(
                "export", "--as predictions already includes the pending suggestions; leave out --include-suggested");
    }
    // A one-file format that takes --split writes a folder of <part>.jsonl files with it.
    const ExportLayout layout = options.split.empty() ? format->layout : ExportLayout::Folder;

    // Load and check everything first; report every bad set, not just the first.
    std::vector<ExportSource> sources;
    Diagnostics problems;
    std::set<std::string> stems;
    for (const std::string& setName : parsed.positional) {
        const std::filesystem::path setPath(setName);
        Result<LoadedSet> loaded = loadSetFile(setPath);
        if (!loaded) {
            problems.insert(problems.end(), loaded.errors().begin(), loaded.errors().end());
            continue;
        }
        Result<Document> document = loadArticleForSet(setPath, loaded->set, article);
        if (!document) {
            problems.insert(problems.end(), document.errors().begin(), document.errors().end());
            continue;
        }
        if (document->sha256() != loaded->set.document.sha256) {
            problems.push_back(
                Diagnostic{setName, "document.sha256",
                           "the article " + (article ? *article : resolveDocumentPath(setPath, loaded->set)).string() +
                               " has changed since this set was made (its SHA-256 differs); run 'claimmark reanchor " +
                               setName + " -o NEW.json' first and export NEW.json"});
            continue;
        }
        ExportSource source;
        source.setPath = setPath;
        const std::string base = (article ? *article : resolveDocumentPath(setPath, loaded->set)).stem().string();
        source.stem = base.empty() ? "document" : base;
        for (int n = 2; !stems.insert(source.stem).second; ++n) source.stem = base + "-" + std::to_string(n);
        source.document = std::move(*document);
        source.set = parsed.has("--include-suggested") || options.asPredictions
                         ? std::move(loaded->set)
                         : withoutPendingSuggestions(loaded->set);
        if (claimReview) {
            // Where the article was published: the record intake wrote beside it.
            const std::filesystem::path articlePath = article ? *article : resolveDocumentPath(setPath, source.set);
            const std::filesystem::path recordPath = intake::sourceRecordPath(articlePath);
            std::error_code ec;
            if (std::filesystem::exists(recordPath, ec)) {
                Result<intake::SourceRecord> record = intake::loadSourceRecord(recordPath);
                if (!record) {
                    problems.insert(problems.end(), record.errors().begin(), record.errors().end());
                    continue;
                }
                source.origin = {record->url, record->title, record->author, record->published, record->publisher};
            }
        }
        sources.push_back(std::move(source));
    }
    if (claimReview && problems.empty()) {
        // The fact-check's own page and publisher: options first, then the project file.
        ReviewPublication& review = options.review;
        if (std::optional<std::filesystem::path> file =
                findProjectSettingsFile(std::filesystem::path(parsed.positional.front()).parent_path())) {
            Result<ProjectSettings> settings = loadProjectSettings(*file);
            if (!settings) {
                problems.insert(problems.end(), settings.errors().begin(), settings.errors().end());
            } else {
                review = settings->review;
                std::cerr << "claimreview: review url and publisher from " << file->string() << "\n";
            }
        }
        if (const std::string* v = parsed.value("--review-url")) review.reviewUrl = *v;
        if (const std::string* v = parsed.value("--publisher")) review.publisher = *v;
        if (const std::string* v = parsed.value("--publisher-url")) review.publisherUrl = *v;
    }
    if (!problems.empty()) {
        printDiagnostics(problems);
        std::cerr << "nothing written\n";
        return kExitBadInput;
    }

    ExportFileSink sink(*outName, layout);
    Result<ExportReport> output = runExportFormat(*format, sources, options, sink);
    if (!output) {
        sink.abandon();
        printDiagnostics(output.errors());
        std::cerr << "nothing written\n";
        return kExitBadInput;
    }
    Status written = sink.commit();
    if (!written) {
        std::cerr << written.error << '\n' << "nothing written\n";
        return kExitBadInput;
    }

    // Files beside a one-file output (labelstudio's label_config.xml), each atomically.
    const std::filesystem::path besideFolder = std::filesystem::path(*outName).parent_path();
    for (const ExportFile& beside : output->besideFiles) {
        const std::filesystem::path path = besideFolder / beside.relativePath;
        Status wrote =
            writeExportOutput(path, ExportOutput{{ExportFile{"", beside.content}}, {}, {}}, ExportLayout::File);
        if (!wrote) {
            std::cerr << wrote.error << '\n' << "wrote " << *outName << ", but not " << path.string() << '\n';
            return kExitBadInput;
        }
    }

    for (const std::string& notice : output->notices) std::cerr << notice << '\n';
    std::size_t annotations = 0;
    for (const ExportSource& source : sources) annotations += source.set.annotationCount() - source.set.orphanedCount();
    if (layout == ExportLayout::Folder) {
        std::cerr << "wrote " << plural(sink.fileCount(), "file", "files") << " to " << *outName << " ("
                  << plural(sources.size(), "document", "documents") << ", "
                  << plural(annotations, "annotation", "annotations") << ", offsets in "
                  << offsetUnitName(options.offsets) << ")\n";
    } else {
        std::cerr << "wrote " << *outName << " (" << plural(sources.size(), "document", "documents") << ", "
                  << plural(annotations, "annotation", "annotations") << ", offsets in "
                  << offsetUnitName(options.offsets) << ")\n";
    }
    return kExitOk;
}

}  // namespace claimmark::cli
