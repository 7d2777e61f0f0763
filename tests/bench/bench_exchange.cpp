// bench_exchange.cpp — figures for export and import on a book-sized article with a large
// annotation set.
//
// Prints `export_<format>_s <seconds>` for every export format in the registry (streamed
// to a temporary file or folder through ExportFileSink, as the CLI does), with
// `export_<format>_cpu_s` its CPU time, `export_<format>_peak_mib` the peak resident memory
// of the process while exporting (the loaded article and set included: `inputs_rss_mib`)
// and `export_<format>_extra_mib` what the export added to it; then `import_brat_s
// <seconds>`, `import_webanno_tsv_s` and `import_uima_json_s` for importing those exports back
// (with `import_<format>_cpu_s` and `import_<format>_extra_mib`, what the import added to the
// resident set: the inputs above are inherited). Each export runs in a forked child whose
// ru_maxrss is its peak, so one format's memory does not hide another's. A format that
// fails prints `export_<format>_s failed: <message>` and the run goes on. Timings are the
// best of --runs runs (wall clock), the peak the largest. Not a test: nothing asserts
// (the targets: <= 1 s and <= 300 MiB each for the default set in a Release build;
// <= 1024 MiB for the CoNLL export of the 200 MB article).
//
//   bench_exchange [--annotations N] [--megabytes M] [--runs R] [--formats a,b]
//                  (defaults 100000, 10, 2, every format)
//   bench_exchange --huge [--formats conll]   a 200 MB article, one run (slow: minutes)
//
// [SECTION] Options and helpers
// [SECTION] Measuring  each export in a forked child: time, CPU time, peak memory
// [SECTION] Article        deterministic prose with emoji, accents, CJK, Hebrew and CRLF
// [SECTION] Annotation set N annotations over word runs (some discontinuous), N/5 relations
// [SECTION] Main

#include "core/model/annotation_set.h"
#include "core/model/covered_text.h"
#include "core/text/document.h"
#include "core/exchange/exchange.h"
#include "core/exchange/export_sink.h"
#include "core/exchange/export_writer.h"
#include "bench_support.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <limits>
#include <random>
#include <sstream>
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
    std::string formats;    // comma-separated; empty: all
    std::string writeBrat;  // --write-brat DIR: write the brat export there and stop
};

bool formatWanted(const Options& options, const std::string& name) {
    if (options.formats.empty()) return true;
    return ("," + options.formats + ",").find("," + name + ",") != std::string::npos;
}

fs::path g_tempDir;

[[noreturn]] void die(const std::string& message) { bench::exitWithError("bench_exchange", message, g_tempDir); }

[[noreturn]] void usage(const std::string& problem) {
    bench::exitWithUsage("bench_exchange", problem,
                         "bench_exchange [--annotations N] [--megabytes M] [--runs R] [--formats a,b] [--huge] "
                         "[--write-brat DIR]");
}

Options parseOptions(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::cout << "usage: bench_exchange [--annotations N] [--megabytes M] [--runs R] [--formats a,b] [--huge]\n"
                         "                      [--write-brat DIR]\n"
                         "Prints export_<format>_s, _cpu_s, _peak_mib and _extra_mib for every export format\n"
                         "and import_brat_s, import_webanno_tsv_s, import_uima_json_s with _cpu_s and _extra_mib "
                         "(defaults: 100000\n"
                         "annotations, 10 MB article, best of 2 runs; --huge: a 200 MB article, 1 run).\n"
                         "--write-brat DIR writes the brat export of the set into DIR and stops (to time\n"
                         "`claimmark import` on it).\n";
            std::exit(0);
        }
        if (arg == "--huge") {
            options.megabytes = 200;
            options.runs = 1;
            continue;
        }
        if (i + 1 >= argc) usage(arg + " needs a value");
        const std::string value = argv[++i];
        if (arg == "--annotations") {
            const auto n = bench::parseWhole(value);
            if (!n || *n < 10) usage("--annotations wants an integer >= 10");
            options.annotations = std::size_t(*n);
        } else if (arg == "--megabytes") {
            const auto m = bench::parseNumber(value);
            if (!m || !(*m >= 0.05) || *m > 250) usage("--megabytes wants 0.05 to 250");
            options.megabytes = *m;
        } else if (arg == "--runs") {
            const auto n = bench::parseWhole(value);
            if (!n || *n < 1 || *n > 20) usage("--runs wants 1 to 20");
            options.runs = int(*n);
        } else if (arg == "--formats") {
            options.formats = value;
        } else if (arg == "--write-brat") {
            options.writeBrat = value;
        } else {
            usage("unknown option " + arg);
        }
    }
    return options;
}

using bench::Clock;
using bench::cpuSeconds;

void printFigure(const std::string& name, double value, const std::string& error, int digits = 3) {
    if (!error.empty()) {
        std::string oneLine = error.substr(0, error.find('\n'));
        std::cout << name << " failed: " << oneLine << "\n" << std::flush;
        return;
    }
    std::cout << name << " " << bench::fixed(value, digits) << "\n" << std::flush;
}

// =====================================================================================
// [SECTION] Measuring
// =====================================================================================

// The resident set size now, in MiB (VmRSS).
double currentRssMib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
    return 0;
}

struct Measured {
    std::string error;
    double seconds = std::numeric_limits<double>::infinity();  // best run
    double cpu = 0;                                            // of the best run
    double startMib = 0;                                       // resident at the start (the inputs)
    double peakMib = 0;                                        // largest peak of all runs
};

// One call of `body` in a forked child: the child inherits the loaded inputs (they count in
// its resident set, as in the CLI's process) and its ru_maxrss is the peak of that call
// alone. The child reports its time and error through a pipe.
void runOnceInChild(const std::function<std::string()>& body, Measured& measured) {
    int pipeFds[2];
    if (::pipe(pipeFds) != 0) die("pipe failed");
    std::cout.flush();
    const pid_t pid = ::fork();
    if (pid < 0) die("fork failed");
    if (pid == 0) {
        ::close(pipeFds[0]);
        const double startMib = currentRssMib();
        const auto start = Clock::now();
        const double cpuStart = cpuSeconds();
        const std::string error = body();
        const std::string report = bench::fixed(bench::secondsSince(start), 6) + " " +
                                   bench::fixed(cpuSeconds() - cpuStart, 6) + " " + bench::fixed(startMib, 3) + "\n" +
                                   error;
        for (std::size_t done = 0; done < report.size();) {
            const ssize_t n = ::write(pipeFds[1], report.data() + done, report.size() - done);
            if (n <= 0) break;
            done += std::size_t(n);
        }
        ::_exit(0);
    }
    ::close(pipeFds[1]);
    std::string report;
    char buffer[4096];
    for (ssize_t n; (n = ::read(pipeFds[0], buffer, sizeof buffer)) > 0;) report.append(buffer, std::size_t(n));
    ::close(pipeFds[0]);
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || report.find('\n') == std::string::npos) {
        measured.error =
            "the child process died (signal " + std::to_string(WIFSIGNALED(status) ? WTERMSIG(status) : 0) + ")";
        return;
    }
    double seconds = 0, cpu = 0, startMib = 0;
    std::istringstream figures(report.substr(0, report.find('\n')));
    figures >> seconds >> cpu >> startMib;
    measured.error = report.substr(report.find('\n') + 1);
    measured.peakMib = std::max(measured.peakMib, double(usage.ru_maxrss) / 1024.0);  // kilobytes on Linux
    measured.startMib = startMib;
    if (seconds < measured.seconds) {
        measured.seconds = seconds;
        measured.cpu = cpu;
    }
}

// `runs` calls, each in its own child; stops at the first failure.
Measured measure(int runs, const std::function<std::string()>& body) {
    Measured measured;
    for (int i = 0; i < runs && measured.error.empty(); ++i) runOnceInChild(body, measured);
    return measured;
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

    std::cout << "inputs_rss_mib " << bench::fixed(currentRssMib(), 1) << "\n" << std::flush;

    if (!options.writeBrat.empty()) {
        const ExportFormat* brat = findExportFormat("brat");
        if (!brat) die("no brat format in the registry");
        ExportFileSink sink(options.writeBrat, ExportLayout::Folder);
        Result<ExportReport> report = runExportFormat(*brat, sources, ExportOptions{}, sink);
        if (!report) die("the brat export failed: " + report.errorText());
        if (Status written = sink.commit(); !written) die(written.error);
        std::cout << "wrote " << (fs::path(options.writeBrat) / "bench.ann").string() << "\n";
        fs::remove_all(g_tempDir);
        return 0;
    }

    for (const ExportFormat& format : exportFormats()) {
        if (!formatWanted(options, format.name)) continue;
        ExportOptions exportOptions;
        exportOptions.offsets = format.defaultOffsets;
        exportOptions.review.reviewUrl = "https://factcheck.example.org/reviews/{article}";  // claimreview
        const fs::path out = g_tempDir / (std::string("out-") + format.name);
        const Measured m = measure(options.runs, [&]() -> std::string {
            ExportFileSink sink(out, format.layout);
            Result<ExportReport> report = runExportFormat(format, sources, exportOptions, sink);
            if (!report) return report.errorText();
            Status written = sink.commit();
            return written ? std::string() : written.error;
        });
        std::string name = std::string("export_") + format.name;
        std::replace(name.begin(), name.end(), '-', '_');  // export_hf_tokens_s
        printFigure(name + "_s", m.seconds, m.error);
        if (m.error.empty()) {
            printFigure(name + "_cpu_s", m.cpu, "");
            printFigure(name + "_peak_mib", m.peakMib, "", 1);
            printFigure(name + "_extra_mib", std::max(0.0, m.peakMib - m.startMib), "", 1);
        }
        std::error_code ec;
        fs::remove_all(out, ec);
    }

    // import_<format>_s: the format's export of the same set, read back (brat: bench.ann with
    // bench.txt; webanno-tsv: bench.tsv with bench.txt; uima-json: bench.json).
    auto measureImport = [&](const std::string& format, const std::string& file) {
        std::string error;
        double seconds = 0;
        Measured importMeasured;
        const ExportFormat* exporter = findExportFormat(format);
        const ImportFormat* importer = findImportFormat(format);
        if (!formatWanted(options, format)) {
            error = "skipped (--formats)";
        } else if (!exporter || !importer) {
            error = "no " + format + " format in the registry";
        } else {
            const fs::path folder = g_tempDir / (format + "-for-import");
            ExportFileSink sink(folder, ExportLayout::Folder);
            Result<ExportReport> report = runExportFormat(*exporter, sources, ExportOptions{}, sink);
            if (!report) error = "the " + format + " export failed: " + report.errorText();
            else if (Status written = sink.commit(); !written) error = written.error;
            if (error.empty()) {
                const Measured m = measure(options.runs, [&]() -> std::string {
                    Result<ImportOutput> imported = importer->run({folder / file}, ImportOptions{});
                    if (!imported) return imported.errorText();
                    std::size_t count = 0;
                    for (const ImportedDocument& d : imported->documents) count += d.set.annotationCount();
                    if (count != sources[0].set.annotationCount())
                        return "imported " + std::to_string(count) + " of " +
                               std::to_string(sources[0].set.annotationCount()) + " annotations";
                    return {};
                });
                error = m.error;
                seconds = m.seconds;
                importMeasured = m;
            }
        }
        std::string name = "import_" + format;
        std::replace(name.begin(), name.end(), '-', '_');  // import_webanno_tsv_s
        printFigure(name + "_s", seconds, error);
        if (!error.empty()) return;
        printFigure(name + "_cpu_s", importMeasured.cpu, "");
        printFigure(name + "_extra_mib", std::max(0.0, importMeasured.peakMib - importMeasured.startMib), "", 1);
    };
    measureImport("brat", "bench.ann");
    measureImport("webanno-tsv", "bench.tsv");
    measureImport("uima-json", "bench.json");

    std::error_code ec;
    fs::remove_all(g_tempDir, ec);
    return 0;
}
