// bench_support.h — what the benchmark programs in tests/bench share.
//
// Each bench_*.cpp is its own executable (tests/CMakeLists.txt); this header is included by
// each, so everything here is inline.
//
// [SECTION] Clocks     wall clock since a point, process CPU time
// [SECTION] Output     fixed-point numbers, option values, exiting on refused data or bad options
// [SECTION] Memory     peak resident set size
// [SECTION] Article    text built word by word, with each word's code-point range kept

#pragma once

#include <sys/resource.h>
#include <time.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace claimmark::bench {

// =====================================================================================
// [SECTION] Clocks
// =====================================================================================

using Clock = std::chrono::steady_clock;

inline double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU time of the whole process: with other work on the machine, wall-clock figures grow
// while this stays close to what the code itself costs.
inline double cpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

// =====================================================================================
// [SECTION] Output
// =====================================================================================

inline std::string fixed(double value, int digits = 3) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
    return buffer;
}

// An option's value read to its end: a whole number, or a number; nullopt when it is not.
inline std::optional<unsigned long long> parseWhole(const std::string& text) {
    char* end = nullptr;
    const unsigned long long n = std::strtoull(text.c_str(), &end, 10);
    if (end == text.c_str() || *end != '\0') return std::nullopt;
    return n;
}
inline std::optional<double> parseNumber(const std::string& text) {
    char* end = nullptr;
    const double n = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0') return std::nullopt;
    return n;
}

// "program: message" on stderr, exit 1. The figures printed so far are flushed first, and
// `tempDir` (when given) is removed, so an abort leaves nothing behind.
[[noreturn]] inline void exitWithError(std::string_view program, const std::string& message,
                                       const std::filesystem::path& tempDir = {}) {
    std::fflush(stdout);
    std::cout.flush();
    std::cerr << program << ": " << message << "\n";
    std::error_code ec;
    if (!tempDir.empty()) std::filesystem::remove_all(tempDir, ec);
    std::exit(1);
}

// "program: problem" and the usage line on stderr, exit 2.
[[noreturn]] inline void exitWithUsage(std::string_view program, const std::string& problem,
                                       std::string_view usageLine) {
    std::cerr << program << ": " << problem << "\n"
              << "usage: " << usageLine << "\n";
    std::exit(2);
}

// =====================================================================================
// [SECTION] Memory
// =====================================================================================

// Peak resident set size in MB (MiB). VmHWM is exact on Linux; ru_maxrss is the fallback
// (kilobytes on Linux, bytes on macOS).
inline double peakRssMb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) {
            std::istringstream in(line.substr(6));
            double kb = 0;
            if (in >> kb) return kb / 1024.0;
        }
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
#ifdef __APPLE__
    return double(usage.ru_maxrss) / (1024.0 * 1024.0);
#else
    return double(usage.ru_maxrss) / 1024.0;
#endif
}

// =====================================================================================
// [SECTION] Article
// =====================================================================================

// Where each word is, in code points, so annotations can cover whole words.
struct Word {
    std::uint32_t start;
    std::uint32_t end;
};

struct Article {
    std::string bytes;
    std::vector<Word> words;
    std::size_t codePoints = 0;
};

// Appends to an Article; each bench chooses its own vocabulary and sentence shapes.
class ArticleWriter {
public:
    explicit ArticleWriter(Article& article) : m_article(article) {}

    // Text that is not a word (spaces, punctuation, dashes, line breaks).
    void punct(std::string_view text) {
        m_article.bytes += text;
        m_article.codePoints += countCodePoints(text);
    }
    void word(std::string_view text) {
        const auto start = std::uint32_t(m_article.codePoints);
        punct(text);
        m_article.words.push_back(Word{start, std::uint32_t(m_article.codePoints)});
    }

private:
    Article& m_article;

    static std::size_t countCodePoints(std::string_view text) {
        std::size_t n = 0;
        for (unsigned char c : text) n += (c & 0xC0) != 0x80;
        return n;
    }
};

}  // namespace claimmark::bench
