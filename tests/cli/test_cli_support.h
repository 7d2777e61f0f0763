// test_cli_support.h — what the command-line tests share: running the real binary with
// stdout/stderr captured, a temporary folder per test, and a small article with a set made
// for it by hand.
//
// The article (ASCII, so code points = bytes; offsets counted by hand):
//   "Kratom may ease pain. Consult a doctor first. Anecdotal reports suggest relief.\n"
//    0      7   11   16  20 22      30 32     39   45 46        56      64      72    79
// a1 claim    [0,20)  "Kratom may ease pain"      strength 3
// a2 hedge    [7,10)  "may"                       kind modal
// a3 caveat   [22,45) "Consult a doctor first."   kind consult-professional
// a4 evidence [46,63) "Anecdotal reports"         type anecdotal, origin suggested
// r1 hedges a2->a1, r2 qualifies a3->a1, r3 supports a4->a1
#pragma once

#include "core/text/document.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace clitest {

namespace fs = std::filesystem;

inline const std::string kArticle = "Kratom may ease pain. Consult a doctor first. Anecdotal reports suggest relief.\n";

inline std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

inline void writeFile(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    REQUIRE(out.good());
}

// A fresh folder under the system temp folder, removed with everything in it at the end.
class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        m_path = fs::temp_directory_path() /
                 ("claimmark-cli-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        fs::remove_all(m_path);
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code error;
        fs::remove_all(m_path, error);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return m_path; }
    fs::path operator/(const std::string& name) const { return m_path / name; }

private:
    fs::path m_path;
};

struct RunResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

inline std::string quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

// Runs `claimmark ARGS` (ARGS already shell-quoted where needed) in `workDir`.
inline RunResult run(const std::string& args, const fs::path& workDir = fs::temp_directory_path()) {
    static std::atomic<int> counter{0};
    const std::string stem = "claimmark-cli-run-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    const fs::path outFile = fs::temp_directory_path() / (stem + ".out");
    const fs::path errFile = fs::temp_directory_path() / (stem + ".err");
    const std::string command = "cd " + quote(workDir.string()) + " && " + quote(CLAIMMARK_BINARY) + " " + args + " >" +
                                quote(outFile.string()) + " 2>" + quote(errFile.string()) + " </dev/null";
    int status = std::system(command.c_str());
    RunResult result;
    result.exitCode = (status != -1 && WIFEXITED(status)) ? WEXITSTATUS(status) : -1;
    result.out = readFile(outFile);
    result.err = readFile(errFile);
    std::error_code error;
    fs::remove(outFile, error);
    fs::remove(errFile, error);
    return result;
}

inline bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

inline std::string sha256Of(const std::string& bytes) {
    auto document = claimmark::Document::fromBytes(bytes);
    REQUIRE(document.ok());
    return document->sha256();
}

inline nlohmann::json annotation(const std::string& id, const std::string& label, std::size_t start, std::size_t end,
                                 const std::string& text, nlohmann::json attributes,
                                 const std::string& origin = "manual") {
    return {{"id", id},
            {"label", label},
            {"spans", nlohmann::json::array({{{"start", start}, {"end", end}}})},
            {"text", text},
            {"attributes", std::move(attributes)},
            {"origin", origin}};
}

// The set described at the top of this file, for `article` (hash and length of kArticle).
inline nlohmann::json standardSet(const std::string& articlePath = "article.txt") {
    return {
        {"format", "claimmark/annotation-set"},
        {"version", 1},
        {"document", {{"path", articlePath}, {"sha256", sha256Of(kArticle)}, {"length", 80}}},
        {"annotator", "t"},
        {"annotations",
         nlohmann::json::array({
             annotation("a1", "claim", 0, 20, "Kratom may ease pain", {{"strength", 3}}),
             annotation("a2", "hedge", 7, 10, "may", {{"kind", "modal"}}),
             annotation("a3", "caveat", 22, 45, "Consult a doctor first.", {{"kind", "consult-professional"}}),
             annotation("a4", "evidence", 46, 63, "Anecdotal reports", {{"type", "anecdotal"}}, "suggested"),
         })},
        {"relations", nlohmann::json::array({
                          {{"id", "r1"}, {"type", "hedges"}, {"from", "a2"}, {"to", "a1"}},
                          {{"id", "r2"}, {"type", "qualifies"}, {"from", "a3"}, {"to", "a1"}},
                          {{"id", "r3"}, {"type", "supports"}, {"from", "a4"}, {"to", "a1"}},
                      })},
    };
}

// A temp folder holding article.txt (kArticle) and set.json (standardSet(), possibly edited).
struct Fixture {
    TempDir dir;
    fs::path article = dir / "article.txt";
    fs::path set = dir / "set.json";

    Fixture() {
        writeFile(article, kArticle);
        writeSet(standardSet());
    }
    void writeSet(const nlohmann::json& json) const { writeFile(set, json.dump(2)); }
    std::string setArg() const { return quote(set.string()); }
};

}  // namespace clitest
