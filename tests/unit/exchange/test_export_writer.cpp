// export_writer: outputs appear whole or not at all — a failed write (fault hook) or an
// unwritable place leaves no file, no folder and no staging folder behind, and a folder
// that already existed keeps its old files.
#include "core/exchange/export_writer.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

using namespace claimmark;
namespace fs = std::filesystem;

namespace {

class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        m_path = fs::temp_directory_path() /
                 ("claimmark-writer-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        fs::remove_all(m_path);
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code error;
        fs::remove_all(m_path, error);
    }
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

void writeFile(const fs::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
}

// Every entry under `dir`, relative, sorted ("a", "a/b.txt", ...).
std::set<std::string> entries(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        out.insert(fs::relative(entry.path(), dir).generic_string());
    return out;
}

ExportOutput threeFiles() {
    ExportOutput output;
    output.files = {
        {"doc.txt", "text"}, {"doc.ann", "T1\tclaim 0 4\ttext\n"}, {"sub/dir/annotation.conf", "[entities]\n"}};
    return output;
}

// Makes the `failOn`-th "write" step of the files being written fail (1-based), for the
// scope's life.
struct FailNthWrite {
    explicit FailNthWrite(int failOn) {
        auto count = std::make_shared<int>(0);
        setExportWriteFaultHookForTesting([count, failOn](const char* step) {
            if (std::string(step) != "write") return true;
            return ++*count != failOn;
        });
    }
    ~FailNthWrite() { setExportWriteFaultHookForTesting(nullptr); }
};

}  // namespace

TEST_CASE("export writer: a one-file output is written, and replaced on the next run") {
    TempDir dir;
    const fs::path out = dir.path() / "data.jsonl";
    ExportOutput output;
    output.files = {{"", "first\n"}};
    REQUIRE(writeExportOutput(out, output, ExportLayout::File).ok());
    CHECK(readFile(out) == "first\n");
    output.files[0].content = "second\n";
    REQUIRE(writeExportOutput(out, output, ExportLayout::File).ok());
    CHECK(readFile(out) == "second\n");
    CHECK(entries(dir.path()) == std::set<std::string>{"data.jsonl"});
}

TEST_CASE("export writer: a failed one-file write keeps the old file and leaves no temporary") {
    TempDir dir;
    const fs::path out = dir.path() / "data.csv";
    writeFile(out, "old");
    ExportOutput output;
    output.files = {{"", "new"}};
    {
        FailNthWrite fail(1);
        Status status = writeExportOutput(out, output, ExportLayout::File);
        CHECK_FALSE(status.ok());
        CHECK(status.error.find(out.string()) == 0);
    }
    CHECK(readFile(out) == "old");
    CHECK(entries(dir.path()) == std::set<std::string>{"data.csv"});
}

TEST_CASE("export writer: a new folder appears with every file and no staging folder") {
    TempDir dir;
    const fs::path out = dir.path() / "brat";
    REQUIRE(writeExportOutput(out, threeFiles(), ExportLayout::Folder).ok());
    CHECK(entries(dir.path()) == std::set<std::string>{"brat", "brat/doc.txt", "brat/doc.ann", "brat/sub",
                                                       "brat/sub/dir", "brat/sub/dir/annotation.conf"});
    CHECK(readFile(out / "doc.ann") == "T1\tclaim 0 4\ttext\n");
    CHECK(readFile(out / "sub/dir/annotation.conf") == "[entities]\n");
}

TEST_CASE("export writer: a write failing half-way leaves no folder and no staging folder") {
    for (int failOn : {1, 2, 3}) {
        CAPTURE(failOn);
        TempDir dir;
        const fs::path out = dir.path() / "deeper" / "brat";  // "deeper" does not exist either
        FailNthWrite fail(failOn);
        Status status = writeExportOutput(out, threeFiles(), ExportLayout::Folder);
        CHECK_FALSE(status.ok());
        CHECK(status.error.find("not written") != std::string::npos);
        CHECK(entries(dir.path()).empty());
    }
}

TEST_CASE("export writer: into an existing folder, a failed move puts back what it replaced") {
    TempDir dir;
    const fs::path out = dir.path() / "out";
    fs::create_directories(out);
    writeFile(out / "doc.txt", "old text");
    writeFile(out / "keep.me", "unrelated");

    int moves = 0;
    setStagedMoveFaultHookForTesting([&moves](const fs::path&) { return ++moves < 3; });  // the third move fails
    Status status = writeExportOutput(out, threeFiles(), ExportLayout::Folder);
    setStagedMoveFaultHookForTesting(nullptr);
    CHECK_FALSE(status.ok());
    CHECK(status.error.find("annotation.conf: cannot move into place") != std::string::npos);
    CHECK(entries(dir.path()) == std::set<std::string>{"out", "out/doc.txt", "out/keep.me"});
    CHECK(readFile(out / "doc.txt") == "old text");

    // Without the fault, the same call replaces doc.txt and adds the rest.
    REQUIRE(writeExportOutput(out, threeFiles(), ExportLayout::Folder).ok());
    CHECK(readFile(out / "doc.txt") == "text");
    CHECK(readFile(out / "keep.me") == "unrelated");
    CHECK(entries(dir.path()).count("out/sub/dir/annotation.conf"));
    CHECK(entries(dir.path()).size() == 7);
}

TEST_CASE("export writer: a replaced file's path holds the old content up to the moment the new one lands") {
    TempDir dir;
    const fs::path out = dir.path() / "out";
    fs::create_directories(out);
    writeFile(out / "doc.txt", "old text");
    writeFile(out / "doc.ann", "old ann");
    // Just before each move, a process killed there would leave the path as it is now.
    std::vector<std::string> seen;
    setStagedMoveFaultHookForTesting([&seen](const fs::path& target) {
        seen.push_back(target.filename().string() + "=" + (fs::exists(target) ? readFile(target) : "<nothing>"));
        return true;
    });
    Status status = writeExportOutput(out, threeFiles(), ExportLayout::Folder);
    setStagedMoveFaultHookForTesting(nullptr);
    REQUIRE(status.ok());
    CHECK(seen == std::vector<std::string>{"doc.txt=old text", "doc.ann=old ann", "annotation.conf=<nothing>"});
    CHECK(readFile(out / "doc.ann") == "T1\tclaim 0 4\ttext\n");
    CHECK(entries(dir.path()).size() == 6);  // out, 2 files, sub, sub/dir, annotation.conf: no staging left
}

TEST_CASE("export writer: a symbolic link to a folder inside the output is refused, not written through") {
    TempDir dir;
    const fs::path out = dir.path() / "out";
    fs::create_directories(out);
    fs::create_directories(dir.path() / "elsewhere");
    fs::create_directory_symlink(dir.path() / "elsewhere", out / "sub");
    Status status = writeExportOutput(out, threeFiles(), ExportLayout::Folder);
    CHECK_FALSE(status.ok());
    CHECK(status.error.find("is a symbolic link") != std::string::npos);
    CHECK(fs::is_empty(dir.path() / "elsewhere"));
    CHECK_FALSE(fs::exists(out / "doc.txt"));  // all or nothing
}

TEST_CASE("export writer: unwritable places and bad names are refused with nothing left behind") {
    TempDir dir;
    writeFile(dir.path() / "plain-file", "x");
    // A folder output whose parent is a file, and a folder output that is a file.
    CHECK_FALSE(writeExportOutput(dir.path() / "plain-file" / "brat", threeFiles(), ExportLayout::Folder).ok());
    Status notFolder = writeExportOutput(dir.path() / "plain-file", threeFiles(), ExportLayout::Folder);
    CHECK_FALSE(notFolder.ok());
    CHECK(notFolder.error.find("exists and is not a folder") != std::string::npos);
    // A one-file output in a folder that does not exist.
    ExportOutput one;
    one.files = {{"", "x"}};
    CHECK_FALSE(writeExportOutput(dir.path() / "missing" / "data.csv", one, ExportLayout::File).ok());
    // Paths that would leave the folder.
    for (const char* bad : {"../escape.txt", "/etc/passwd", "a/../../b", ""}) {
        CAPTURE(bad);
        ExportOutput output;
        output.files = {{bad, "x"}};
        CHECK_FALSE(writeExportOutput(dir.path() / "out", output, ExportLayout::Folder).ok());
    }
    CHECK(entries(dir.path()) == std::set<std::string>{"plain-file"});
    CHECK(readFile(dir.path() / "plain-file") == "x");
}
