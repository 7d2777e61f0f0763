// bench_exchange.cpp — figures for export and import on a book-sized article with a large
// annotation set.
//
// Prints `export_<format>_s <seconds>` for every export format in the registry (building
// the output in memory and writing it to a temporary folder; `export_<format>_build_s` and
// `export_<format>_write_s` split that time, `export_<format>_cpu_s` is its CPU time), then `import_brat_s
// <seconds>` for importing the brat export back. A format that fails prints
// `export_<format>_s failed: <message>` and the run goes on. Timings are the best of
// --runs runs (wall clock). Not a test: nothing asserts timings (the target is <= 1 s each
// in a Release build).
//
//   bench_exchange [--annotations N] [--megabytes M] [--runs R]   (defaults 100000, 10, 2)
//
// [SECTION] Options and helpers
// [SECTION] Article        deterministic prose with emoji, accents, CJK, Hebrew and CRLF
// [SECTION] Annotation set N annotations over word runs (some discontinuous), N/5 relations
// [SECTION] Main

#include "core/model/annotation_set.h"
#include "core/model/covered_text.h"
#include "core/text/document.h"
#include "core/exchange/exchange.h"
#include "core/exchange/export_writer.h"
#include "bench_support.h"

#include <unistd.h>

#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace claimmark;

namespace {

// =====================================================================================
// [SECTION] Options and helpers
// =====================================================================================

struct Options {
    std::size_t annotations = 100000;
    double megabytes = 10.0;
    int runs = 2;
};

fs::path g_tempDir;

[[noreturn]] void die(const std::string& message) { bench::exitWithError("bench_exchange", message, g_tempDir); }

[[noreturn]] void usage(const std::string& problem) {
    bench::exitWithUsage("bench_exchange", problem, "bench_exchange [--annotations N] [--megabytes M] [--runs R]");
}

Options parseOptions(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::cout << "usage: bench_exchange [--annotations N] [--megabytes M] [--runs R]\n"
                         "Prints export_<format>_s for every export format and import_brat_s\n"
                         "(defaults: 100000 annotations, 10 MB article, best of 2 runs).\n";
            std::exit(0);
        }
        if (i + 1 >= argc) usage(arg + " needs a value");
        const std::string value = argv[++i];
        if (arg == "--annotations") {
            const auto n = bench::parseWhole(value);
            if (!n || *n < 10) usage("--annotations wants an integer >= 10");
            options.annotations = std::size_t(*n);
        } else if (arg == "--megabytes") {
            const auto m = bench::parseNumber(value);
            if (!m || !(*m >= 0.05) || *m > 200) usage("--megabytes wants 0.05 to 200");
            options.megabytes = *m;
        } else if (arg == "--runs") {
            const auto n = bench::parseWhole(value);
            if (!n || *n < 1 || *n > 20) usage("--runs wants 1 to 20");
            options.runs = int(*n);
        } else {
            usage("unknown option " + arg);
        }
    }
    return options;
}

using bench::Clock;
using bench::cpuSeconds;

// Best wall-clock time of `runs` calls of `body`; stops at the first failure and returns
// its message in `error`.
double bestOf(int runs, const std::function<std::string()>& body, std::string& error) {
    double best = std::numeric_limits<double>::infinity();
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        error = body();
        const double seconds = bench::secondsSince(start);
        if (!error.empty()) return 0;
        best = std::min(best, seconds);
    }
    return best;
}

void printFigure(const std::string& name, double seconds, const std::string& error) {
    if (!error.empty()) {
        std::string oneLine = error.substr(0, error.find('\n'));
        std::cout << name << " failed: " << oneLine << "\n" << std::flush;
        return;
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", seconds);
    std::cout << name << " " << buffer << "\n" << std::flush;
}

// =====================================================================================
// [SECTION] Article
// =====================================================================================

using bench::Article;
using bench::ArticleWriter;
using bench::Word;

constexpr const char* kWords[] = {
    "the",         "of",          "and",         "to",           "a",          "in",        "is",      "that",
    "for",         "it",          "as",          "with",         "may",        "can",       "some",    "studies",
    "suggest",     "research",    "evidence",    "patients",     "effects",    "potential", "health",  "benefits",
    "preliminary", "clinical",    "trials",      "reported",     "supplement", "extract",   "dose",    "experts",
    "according",   "however",     "results",     "inflammation", "immune",     "support",   "consult", "professional",
    "traditional", "medicine",    "pain",        "anxiety",      "sleep",      "reduce",    "risk",    "heart",
    "blood",       "pressure",    "alkaloids",   "receptors",    "unclear",    "further",   "limited", "placebo",
    "review",      "anecdotally", "preclinical", "animal",       "safety",
};
// Multi-byte words: accents (2-byte), a combining mark, CJK (3-byte), Hebrew (2-byte),
// an emoji (4-byte, a surrogate pair in UTF-16).
constexpr const char* kOtherWords[] = {
    "caf\xC3\xA9",      "cafe\xCC\x81",     "\xE7\xA0\x94\xE7\xA9\xB6", "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D",
    "\xF0\x9F\x8C\xBF", "don\xE2\x80\x99t",
};

Article generateArticle(std::size_t targetBytes) {
    Article article;
    article.bytes.reserve(targetBytes + 1024);
    std::mt19937_64 rng(20261124);
    ArticleWriter writer(article);
    auto append = [&](std::string_view text, bool isWord) {
        if (isWord) writer.word(text);
        else writer.punct(text);
    };
    while (article.bytes.size() < targetBytes) {
        const std::size_t sentences = 3 + rng() % 6;
        for (std::size_t s = 0; s < sentences; ++s) {
            const std::size_t words = 8 + rng() % 20;
            for (std::size_t w = 0; w < words; ++w) {
                if (w > 0) append(rng() % 25 == 0 ? ", " : " ", false);
                append(
                    rng() % 30 == 0 ? kOtherWords[rng() % std::size(kOtherWords)] : kWords[rng() % std::size(kWords)],
                    true);
            }
            append(s + 1 < sentences ? ". " : ".", false);
        }
        append("\r\n\r\n", false);  // CRLF paragraphs
    }
    return article;
}

// =====================================================================================
// [SECTION] Annotation set
// =====================================================================================

AnnotationSet buildSet(const Document& document, const std::vector<Word>& words, std::size_t count) {
    AnnotationSet set;
    set.annotator = "bench";
    set.document.path = "bench.txt";
    set.document.sha256 = document.sha256();
    set.document.length = document.length();
    set.reserve(count, count / 5);
    const char* const labels[] = {"claim", "hedge", "caveat", "evidence"};
    const char* const hedgeKinds[] = {"modal", "epistemic-verb", "adverb", "approximator"};
    const char* const evidenceTypes[] = {"anecdotal", "preclinical", "clinical-trial", "systematic-review"};
    const char* const verdicts[] = {"unrated", "accurate", "mixed", "misleading", "false"};
    std::mt19937_64 rng(4242);
    const std::size_t wordCount = words.size();
    if (wordCount < 200) die("the article is too short to annotate");
    std::vector<std::string> ids[4];
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t label = i % 4;
        Annotation a;
        a.id = "a" + std::to_string(i + 1);
        a.label = labels[label];
        if (rng() % 100 < 3) {
            const std::size_t len1 = 2 + rng() % 10, gap = 1 + rng() % 10, len2 = 2 + rng() % 10;
            const std::size_t first = rng() % (wordCount - (len1 + gap + len2));
            a.spans.push_back(Span{words[first].start, words[first + len1 - 1].end});
            const std::size_t second = first + len1 + gap;
            a.spans.push_back(Span{words[second].start, words[second + len2 - 1].end});
        } else {
            const std::size_t len = 1 + rng() % 40;
            const std::size_t first = rng() % (wordCount - len);
            a.spans.push_back(Span{words[first].start, words[first + len - 1].end});
        }
        switch (label) {
            case 0:
                a.attributes["strength"] = std::int64_t(1 + rng() % 5);
                a.attributes["checkworthy"] = bool(rng() % 2);
                a.attributes["verdict"] = std::string(verdicts[rng() % std::size(verdicts)]);
                break;
            case 1: a.attributes["kind"] = std::string(hedgeKinds[rng() % std::size(hedgeKinds)]); break;
            case 2: a.attributes["kind"] = std::string("limitation"); break;
            default: a.attributes["type"] = std::string(evidenceTypes[rng() % std::size(evidenceTypes)]); break;
        }
        if (rng() % 10 == 0) a.note = "Reviewer note " + std::to_string(i) + ": \"check\" the source, please.";
        a.created = a.modified = "2026-11-24T13:00:00Z";
        fillFromDocument(a, document);
        ids[label].push_back(a.id);
        if (Status s = set.addAnnotation(std::move(a)); !s) die("addAnnotation: " + s.error);
    }
    const char* const types[] = {"", "hedges", "qualifies", "supports"};
    for (std::size_t i = 0; i < count / 5; ++i) {
        const std::size_t from = 1 + i % 3;
        Relation r;
        r.id = "r" + std::to_string(i + 1);
        r.type = types[from];
        r.from = ids[from][rng() % ids[from].size()];
        r.to = ids[0][rng() % ids[0].size()];
        if (Status s = set.addRelation(std::move(r)); !s) die("addRelation: " + s.error);
    }
    return set;
}

}  // namespace

// =====================================================================================
// [SECTION] Main
// =====================================================================================

int main(int argc, char** argv) {
    const Options options = parseOptions(argc, argv);
    g_tempDir = fs::temp_directory_path() / ("claimmark-bench-exchange-" + std::to_string(::getpid()));
    fs::remove_all(g_tempDir);
    fs::create_directories(g_tempDir);

    Article article = generateArticle(std::size_t(options.megabytes * 1e6));
    Result<Document> document = Document::fromBytes(article.bytes, "bench.txt");
    if (!document) die(document.errorText());
    std::vector<ExportSource> sources(1);
    sources[0].setPath = g_tempDir / "bench.json";
    sources[0].stem = "bench";
    sources[0].set = buildSet(*document, article.words, options.annotations);
    sources[0].document = std::move(*document);
    article = Article{};
    std::cout << "article_bytes " << sources[0].document.byteLength() << "\n"
              << "annotations " << sources[0].set.annotationCount() << "\n"
              << "relations " << sources[0].set.relationCount() << "\n"
              << std::flush;

    for (const ExportFormat& format : exportFormats()) {
        ExportOptions exportOptions;
        exportOptions.offsets = format.defaultOffsets;
        const fs::path out = g_tempDir / (std::string("out-") + format.name);
        // The best run's split between building the output in memory and writing it (the
        // write includes fsync, which on a busy disk can dominate).
        double build = 0, write = 0, cpu = 0, bestTotal = std::numeric_limits<double>::infinity();
        std::string error;
        const double seconds = bestOf(
            options.runs,
            [&]() -> std::string {
                const auto start = Clock::now();
                const double cpuStart = cpuSeconds();
                Result<ExportOutput> output = format.run(sources, exportOptions);
                if (!output) return output.errorText();
                const auto built = Clock::now();
                Status written = writeExportOutput(out, *output, format.layout);
                const auto end = Clock::now();
                const double total = std::chrono::duration<double>(end - start).count();
                if (total < bestTotal) {
                    bestTotal = total;
                    cpu = cpuSeconds() - cpuStart;
                    build = std::chrono::duration<double>(built - start).count();
                    write = std::chrono::duration<double>(end - built).count();
                }
                return written ? std::string() : written.error;
            },
            error);
        printFigure(std::string("export_") + format.name + "_s", seconds, error);
        if (error.empty()) {
            printFigure(std::string("export_") + format.name + "_build_s", build, "");
            printFigure(std::string("export_") + format.name + "_write_s", write, "");
            printFigure(std::string("export_") + format.name + "_cpu_s", cpu, "");
        }
        std::error_code ec;
        fs::remove_all(out, ec);
    }

    // import_brat_s: the brat export of the same set, read back.
    std::string error;
    double seconds = 0;
    const ExportFormat* brat = findExportFormat("brat");
    const ImportFormat* bratImport = findImportFormat("brat");
    if (!brat || !bratImport) {
        error = "no brat format in the registry";
    } else {
        const fs::path folder = g_tempDir / "brat-for-import";
        Result<ExportOutput> output = brat->run(sources, ExportOptions{});
        if (!output) error = "the brat export failed: " + output.errorText();
        else if (Status written = writeExportOutput(folder, *output, ExportLayout::Folder); !written)
            error = written.error;
        if (error.empty()) {
            seconds = bestOf(
                options.runs,
                [&]() -> std::string {
                    Result<ImportOutput> imported = bratImport->run({folder / "bench.ann"}, ImportOptions{});
                    if (!imported) return imported.errorText();
                    std::size_t count = 0;
                    for (const ImportedDocument& d : imported->documents) count += d.set.annotationCount();
                    if (count != sources[0].set.annotationCount())
                        return "imported " + std::to_string(count) + " of " +
                               std::to_string(sources[0].set.annotationCount()) + " annotations";
                    return {};
                },
                error);
        }
    }
    printFigure("import_brat_s", seconds, error);

    std::error_code ec;
    fs::remove_all(g_tempDir, ec);
    return 0;
}
