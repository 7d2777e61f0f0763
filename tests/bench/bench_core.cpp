// bench_core.cpp — figures for the core on a book-sized article and a large annotation set.
//
// Prints one `name: value` line per figure, then the targets and a verdict. Not a test:
// nothing here asserts timings, but the program aborts (exit 1) when the core refuses the
// data it was given, because then the figures would mean nothing.
//
//   bench_core [--annotations N] [--megabytes M]     (defaults 100000 and 10)
//
// [SECTION] Options and helpers     — argument parsing, clocks, peak memory, shell quoting
//   (the article and the annotation set: benchmark_set.h)
// [SECTION] Python reference        — python3's json.load of the same file, for scale
// [SECTION] Offset conversions      — per-call cost of the O(1) / O(log n) index lookups
// [SECTION] Memory by phase         — peak RSS split by phase, to say where it comes from
// [SECTION] Main                    — the run, in the order the figures are printed

#include "core/model/annotation_set.h"
#include "core/model/covered_text.h"
#include "core/text/document.h"
#include "core/storage/file_io.h"
#include "core/anchoring/reanchor.h"
#include "core/storage/set_file.h"
#include "bench_support.h"
#include "benchmark_set.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <limits>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace claimmark;

namespace {

using bench::Article;
using bench::Word;
using bench::benchset::buildSet;
using bench::benchset::generateArticle;

// =====================================================================================
// [SECTION] Options and helpers
// =====================================================================================

struct Options {
    std::size_t annotations = 100000;
    double megabytes = 10.0;  // decimal: 10 MB = 10,000,000 bytes, as the targets are stated
};

fs::path g_tempDir;  // removed on every exit, aborts included

[[noreturn]] void die(const std::string& message) { bench::exitWithError("bench_core", message, g_tempDir); }

[[noreturn]] void usage(const std::string& problem) {
    bench::exitWithUsage("bench_core", problem, "bench_core [--annotations N] [--megabytes M]");
}

Options parseOptions(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::cout << "usage: bench_core [--annotations N] [--megabytes M]\n"
                         "Prints `name: value` figures for article and set loading, saving,\n"
                         "offset conversion and re-anchoring (defaults: 100000 annotations,\n"
                         "10 MB article).\n";
            std::exit(0);
        }
        if (arg != "--annotations" && arg != "--megabytes") usage("unknown option " + arg);
        if (i + 1 >= argc) usage(arg + " needs a value");
        const std::string value = argv[++i];
        if (arg == "--annotations") {
            const auto n = bench::parseWhole(value);
            if (!n || *n < 10) usage("--annotations wants an integer >= 10");
            options.annotations = std::size_t(*n);
        } else if (arg == "--megabytes") {
            const auto m = bench::parseNumber(value);
            if (!m || !(*m >= 0.01) || *m > 200) usage("--megabytes wants a number from 0.01 to 200");
            options.megabytes = *m;
        }
    }
    return options;
}

using bench::Clock;
using bench::cpuSeconds;
using bench::fixed;
using bench::peakRssMb;
using bench::secondsSince;

// Best (smallest) of `runs` wall-clock timings: the least disturbed by the rest of the
// machine. `cpu`, when given, receives the CPU seconds of that same run.
double bestOf(int runs, const std::function<void()>& body, double* cpu = nullptr) {
    double best = std::numeric_limits<double>::infinity();
    for (int i = 0; i < runs; ++i) {
        const double cpuStart = cpuSeconds();
        const auto start = Clock::now();
        body();
        const double wall = secondsSince(start);
        if (wall < best) {
            best = wall;
            if (cpu) *cpu = cpuSeconds() - cpuStart;
        }
    }
    return best;
}

// "1-minute load 6.4 on 2 CPUs": timings taken on a busy machine should say so.
std::string machineLoad() {
    std::ifstream in("/proc/loadavg");
    double load = -1;
    in >> load;
    const unsigned cpus = std::thread::hardware_concurrency();
    return (load >= 0 ? "1-minute load " + fixed(load, 2) : std::string("load unknown")) + " on " +
           std::to_string(cpus) + " CPUs";
}

std::string shellQuote(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

void figure(const std::string& name, const std::string& value) {
    std::cout << name << ": " << value << "\n" << std::flush;
}

// =====================================================================================
// [SECTION] Python reference
// =====================================================================================

// Seconds python3 takes to json.load the file (timed inside python, so interpreter start-up
// is not counted); nullopt when python3 is missing or prints something else.
std::optional<double> pythonJsonLoadSeconds(const fs::path& file) {
    const std::string command =
        "python3 -c \"import json,time,sys; t=time.perf_counter(); "
        "json.load(open(sys.argv[1], encoding='utf-8')); print(time.perf_counter()-t)\" " +
        shellQuote(file.string()) + " 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return std::nullopt;
    std::string output;
    char buffer[256];
    while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
    const int status = pclose(pipe);
    if (status != 0) return std::nullopt;
    char* end = nullptr;
    const double seconds = std::strtod(output.c_str(), &end);
    if (end == output.c_str() || !(seconds > 0)) return std::nullopt;
    return seconds;
}

// =====================================================================================
// [SECTION] Offset conversions
// =====================================================================================

constexpr std::size_t kConversionCalls = 10'000'000;
// Positions are drawn ahead of time and cycled through, so RNG cost is not timed; 1 Mi
// of them (4 MB) keeps the benchmark's own memory out of the peak RSS figure.
constexpr std::size_t kPositionCount = std::size_t(1) << 20;

std::vector<std::uint32_t> randomPositions(std::size_t limit, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<std::uint32_t> positions(kPositionCount);
    for (auto& p : positions) p = std::uint32_t(rng() % (limit + 1));
    return positions;
}

volatile std::size_t g_sink = 0;

// Nanoseconds per call over kConversionCalls calls; the best of three such passes, as for
// the other timings.
template <class Convert>
double nanosecondsPerCall(const std::vector<std::uint32_t>& positions, Convert convert) {
    double best = std::numeric_limits<double>::infinity();
    for (int pass = 0; pass < 3; ++pass) {
        const auto start = Clock::now();
        std::size_t sum = 0;
        for (std::size_t i = 0; i < kConversionCalls; ++i) sum += convert(positions[i & (kPositionCount - 1)]);
        best = std::min(best, secondsSince(start));
        g_sink = g_sink + sum;
    }
    return best * 1e9 / double(kConversionCalls);
}

// =====================================================================================
// [SECTION] Memory by phase
// =====================================================================================

// The peak is the whole process's, but to say where it comes from each phase is measured
// on its own: Linux resets VmHWM to the current RSS when "5" is written to clear_refs.
class MemoryPhases {
public:
    void begin(const char* name) {
        m_name = name;
        m_before = statusMb("VmRSS:");
        std::ofstream clear("/proc/self/clear_refs");
        clear << "5";
        clear.close();
        m_resettable = m_resettable && bool(clear);
    }
    void end() {
        const double peak = peakRssMb();
        m_overall = std::max(m_overall, peak);
        if (!m_report.empty()) m_report += ", ";
        m_report += m_name + " " + fixed(m_before, 0) + "->" + fixed(peak, 0);
    }
    // Whole-run peak (the maximum over phases when VmHWM could be reset between them).
    double overall() const { return std::max(m_overall, m_resettable ? 0.0 : peakRssMb()); }
    // "phase before->peak, ..." in MB; empty when peaks could not be separated.
    std::string report() const { return m_resettable ? m_report : std::string(); }

private:
    std::string m_name, m_report;
    double m_before = 0, m_overall = 0;
    bool m_resettable = true;

    static double statusMb(const char* key) {
        std::ifstream status("/proc/self/status");
        std::string line;
        while (std::getline(status, line)) {
            if (line.rfind(key, 0) == 0) {
                std::istringstream in(line.substr(std::strlen(key)));
                double kb = 0;
                if (in >> kb) return kb / 1024.0;
            }
        }
        return 0;
    }
};

// =====================================================================================
// [SECTION] Main
// =====================================================================================

struct Target {
    const char* name;
    double limit;
    std::optional<double> value;  // nullopt: not measured (python3 missing)
};

}  // namespace

int main(int argc, char** argv) {
    const Options options = parseOptions(argc, argv);
    // Piped into `head`, a closed stdout must not kill the run before the temp folder goes.
    std::signal(SIGPIPE, SIG_IGN);
    const std::size_t annotationCount = options.annotations;
    const std::size_t relationCount = annotationCount / 5;
    const auto targetBytes = std::size_t(options.megabytes * 1'000'000.0);

    const fs::path dir = fs::temp_directory_path() / ("claimmark-bench-" + std::to_string(getpid()));
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::create_directories(dir, ec);
    if (ec) die("cannot create " + dir.string() + ": " + ec.message());
    g_tempDir = dir;
    const fs::path articlePath = dir / "article.txt";
    const fs::path setPath = dir / "bench.json";
    MemoryPhases memory;
    figure("machine", machineLoad());

    // --- article ---------------------------------------------------------------------
    memory.begin("article");
    std::vector<Word> words;
    {
        Article article = generateArticle(targetBytes);
        std::ofstream file(articlePath, std::ios::binary);
        file.write(article.bytes.data(), std::streamsize(article.bytes.size()));
        file.close();
        if (!file) die("cannot write " + articlePath.string());
        words = std::move(article.words);
    }
    Document document;
    const double articleLoad = bestOf(3, [&] {
        document = Document();  // one copy at a time
        auto loaded = Document::loadFile(articlePath);
        if (!loaded) die("Document::loadFile failed: " + loaded.errorText());
        document = std::move(*loaded);
    });
    memory.end();
    figure("article_bytes", std::to_string(document.byteLength()));
    figure("article_code_points", std::to_string(document.length()));
    const auto nonAsciiBytes = std::count_if(document.bytes().begin(), document.bytes().end(),
                                             [](char c) { return (unsigned char)c >= 0x80; });
    figure("article_non_ascii_bytes_pct", fixed(100.0 * double(nonAsciiBytes) / double(document.byteLength()), 2));
    figure("article_load_s", fixed(articleLoad, 4));

    // --- set: build and save ------------------------------------------------------------
    memory.begin("build");
    std::optional<AnnotationSet> built;
    const auto buildStart = Clock::now();
    built = buildSet(document, words, "article.txt", annotationCount, relationCount);
    figure("set_build_s", fixed(secondsSince(buildStart), 3));
    words = {};
    memory.end();

    memory.begin("save");
    double setSaveCpu = 0;
    const double setSave = bestOf(
        3,
        [&] {
            const SaveOutcome outcome = saveSetFile(setPath, *built, FileStamp{}, SaveMode::Overwrite);
            if (!outcome.status) die("saveSetFile failed: " + outcome.status.error);
        },
        &setSaveCpu);
    const auto setBytes = fs::file_size(setPath, ec);
    if (ec) die("cannot stat " + setPath.string() + ": " + ec.message());
    figure("set_save_s", fixed(setSave, 4));
    figure("set_save_cpu_s", fixed(setSaveCpu, 4));
    figure("set_bytes", std::to_string(setBytes));
    {
        // Where a save's time goes: the same steps saveSetFile takes, one at a time.
        std::string text;
        const double serialize = bestOf(3, [&] { text = serializeSet(*built); });
        const fs::path scratch = dir / "scratch.json";
        const double write = bestOf(3, [&] {
            const Status status = writeFileAtomic(scratch, text);
            if (!status) die("writeFileAtomic failed: " + status.error);
        });
        const double stamp = bestOf(3, [&] { g_sink = g_sink + stampOf(scratch, text).sha256.size(); });
        fs::remove(scratch, ec);
        figure("set_save_breakdown_s", "serializeSet " + fixed(serialize, 4) + ", writeFileAtomic " + fixed(write, 4) +
                                           ", stampOf " + fixed(stamp, 4));
    }
    memory.end();
    // The app holds one set; keeping the built one through the loads would count twice.
    built.reset();

    // --- set: load ------------------------------------------------------------------------
    memory.begin("load");
    std::string loadBreakdown;  // the steps loadSetFile takes, one at a time
    std::string loadedSave;
    {
        std::string text;
        const double read = bestOf(3, [&] {
            auto bytes = readFileBytes(setPath);
            if (!bytes) die("readFileBytes failed: " + bytes.errorText());
            text = std::move(*bytes);
        });
        const double parse = bestOf(3, [&] {
            auto parsed = parseSet(text, setPath.string());
            if (!parsed) die("parseSet failed: " + parsed.errorText());
        });
        const double stamp = bestOf(3, [&] { g_sink = g_sink + stampOf(setPath, text).sha256.size(); });
        loadBreakdown = std::string("readFileBytes ") + fixed(read, 4) + ", parseSet " + fixed(parse, 4) +
                        ", stampOf " + fixed(stamp, 4);
    }

    std::optional<LoadedSet> loaded;
    double setLoad = std::numeric_limits<double>::infinity(), setLoadCpu = 0;
    for (int run = 0; run < 3; ++run) {
        loaded.reset();
        const double cpuStart = cpuSeconds();
        const auto start = Clock::now();
        auto result = loadSetFile(setPath);
        if (!result) die("loadSetFile failed: " + result.errorText());
        loaded = std::move(*result);
        if (secondsSince(start) < setLoad) {
            setLoad = secondsSince(start);
            setLoadCpu = cpuSeconds() - cpuStart;
        }
        if (loaded->set.annotationCount() != annotationCount || loaded->set.relationCount() != relationCount)
            die("loaded set has " + std::to_string(loaded->set.annotationCount()) + " annotations and " +
                std::to_string(loaded->set.relationCount()) + " relations, expected " +
                std::to_string(annotationCount) + " and " + std::to_string(relationCount));
    }
    {
        // A set read from a file is stored in document order, as the editor usually holds
        // it; the built one above is stored in creation (random) order.
        const fs::path scratch = dir / "scratch.json";
        const double save = bestOf(3, [&] {
            const SaveOutcome outcome = saveSetFile(scratch, loaded->set, FileStamp{}, SaveMode::Overwrite);
            if (!outcome.status) die("saveSetFile (loaded set) failed: " + outcome.status.error);
        });
        fs::remove(scratch, ec);
        loadedSave = fixed(save, 4);
    }
    memory.end();
    figure("set_load_s", fixed(setLoad, 4));
    figure("set_load_cpu_s", fixed(setLoadCpu, 4));
    figure("set_load_breakdown_s", loadBreakdown);
    figure("set_save_of_loaded_set_s", loadedSave);
    memory.begin("python+offsets");
    std::optional<double> python;
    for (int i = 0; i < 3; ++i) {
        const auto seconds = pythonJsonLoadSeconds(setPath);
        if (!seconds) {
            python.reset();
            break;
        }
        python = python ? std::min(*python, *seconds) : *seconds;
    }
    std::optional<double> ratio;
    if (python) {
        ratio = setLoad / *python;
        figure("python_json_load_s", fixed(*python, 4));
        figure("load_vs_python_ratio", fixed(*ratio, 3));
    } else {
        figure("python_json_load_s", "unavailable");
    }

    // --- offsets --------------------------------------------------------------------
    const auto cpPositions = randomPositions(document.length(), 7);
    const double byteNs =
        nanosecondsPerCall(cpPositions, [&](std::size_t cp) { return document.byteFromCodePoint(cp); });
    const double utf16Ns =
        nanosecondsPerCall(cpPositions, [&](std::size_t cp) { return document.utf16FromCodePoint(cp); });
    const auto bytePositions = randomPositions(document.byteLength(), 11);
    const double reverseNs =
        nanosecondsPerCall(bytePositions, [&](std::size_t b) { return document.codePointFromByte(b); });
    figure("offset_convert_ns", fixed(byteNs, 2));
    figure("utf16_convert_ns", fixed(utf16Ns, 2));
    figure("reverse_convert_ns", fixed(reverseNs, 2));
    memory.end();

    // --- re-anchoring -----------------------------------------------------------------
    memory.begin("reanchor");
    {
        // A sentence inserted after the first paragraph shifts nearly every annotation.
        std::string edited = document.bytes();
        const std::size_t paragraphEnd = edited.find("\n\n");
        const std::size_t at = paragraphEnd == std::string::npos ? 0 : paragraphEnd + 2;
        edited.insert(at,
                      "An editor added this sentence \xE2\x80\x94 after the first paragraph \xE2\x80\x94 to move "
                      "everything below it.\n\n");
        auto newDoc = Document::fromBytes(std::move(edited), "article-edited.txt");
        if (!newDoc) die("Document::fromBytes failed: " + newDoc.errorText());
        // The loaded set is the copy: a fresh read of the saved file, changed in place.
        AnnotationSet& copy = loaded->set;
        const auto start = Clock::now();
        const ReanchorReport report = reanchor(copy, *newDoc);
        figure("reanchor_s", fixed(secondsSince(start), 4));
        figure("reanchor_report", report.summary());
    }
    memory.end();

    figure("machine_after", machineLoad());
    const double peak = memory.overall();
    figure("peak_rss_mb", fixed(peak, 1));
    if (!memory.report().empty()) figure("peak_rss_by_phase_mb", memory.report());

    // --- targets ---------------------------------------------------------------------
    const Target targets[] = {
        {"load_vs_python_ratio", 1.0, ratio},
        {"set_save_s", 0.5, setSave},
        {"offset_convert_ns", 50, byteNs},
        {"peak_rss_mb", 400, peak},
    };
    std::cout
        << "targets: load_vs_python_ratio <= 1.0, set_save_s <= 0.5, offset_convert_ns <= 50, peak_rss_mb <= 400\n";
    std::string missed, unmeasured;
    for (const Target& t : targets) {
        if (!t.value) {
            unmeasured += std::string(unmeasured.empty() ? "" : ", ") + t.name;
        } else if (*t.value > t.limit) {
            missed +=
                std::string(missed.empty() ? "" : ", ") + t.name + " " + fixed(*t.value, 3) + " > " + fixed(t.limit, 1);
        }
    }
    std::string verdict = missed.empty() ? "pass" : "fail (missed: " + missed + ")";
    if (!unmeasured.empty()) verdict += " (not measured: " + unmeasured + ")";
    std::cout << "verdict: " << verdict << "\n";
    if (options.annotations != 100000 || options.megabytes != 10.0)
        std::cout << "note: scaled-down run; the targets are stated for 100000 annotations and 10 MB\n";

    fs::remove_all(dir, ec);
    return 0;
}
