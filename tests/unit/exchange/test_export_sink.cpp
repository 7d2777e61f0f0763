// export_sink: every format's output is the same whatever the chunk size (down to one
// byte) and whether it goes to memory or to disk; the buffer never holds more than a chunk;
// a format failing (or throwing) half-way through leaves the target as it was and no
// temporary file or staging folder; JSON strings written piecewise match json_text.h.
#include "core/exchange/exchange.h"
#include "core/exchange/exchange_formats.h"
#include "core/exchange/export_json_text.h"
#include "core/exchange/export_sink.h"
#include "core/exchange/export_writer.h"
#include "core/storage/json_text.h"
#include "exchange_fixtures.h"
#include "fixtures.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

using namespace claimmark;
namespace fs = std::filesystem;

namespace {

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

// Every entry under `dir`, relative, sorted.
std::set<std::string> entries(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        out.insert(fs::relative(entry.path(), dir).generic_string());
    return out;
}

// Counts what reaches the destination and checks no piece is held back in a bigger buffer.
class CountingSink : public ExportSink {
public:
    using ExportSink::ExportSink;
    std::size_t bytes = 0;
    std::size_t files = 0;

protected:
    Status openFile(const std::string&) override {
        ++files;
        return Status::success();
    }
    Status writeBytes(std::string_view piece) override {
        bytes += piece.size();
        return Status::success();
    }
    Status closeFile() override { return Status::success(); }
};

// The café source and the article source together: every format has work to do.
std::vector<ExportSource> mixedSources() {
    std::vector<ExportSource> sources;
    sources.push_back(exchange_fixtures::cafeSource());
    ExportSource tea;
    tea.setPath = "annotations/tea/bob.json";
    tea.stem = "tea";
    tea.document = fixtures::makeDocument(exchange_fixtures::kTeaText);
    tea.set = exchange_fixtures::setOver(tea.document, "bob");
    exchange_fixtures::add(tea.set, tea.document,
                           exchange_fixtures::annotationWith("t1", "claim", {{6, 26}}, {{"strength", std::int64_t(3)}},
                                                             "a \"quoted\"\nnote"));
    exchange_fixtures::add(tea.set, tea.document, exchange_fixtures::annotationWith("t2", "hedge", {{6, 9}, {29, 32}}));
    sources.push_back(std::move(tea));
    return sources;
}

// A format that writes two files and then fails, as one that finds a problem late would.
Result<ExportReport> failingHalfWay(const std::vector<ExportSource>&, const ExportOptions&, ExportSink& sink) {
    sink.beginFile("first.txt");
    sink += std::string(3000, 'x');
    sink.beginFile("second.txt");
    sink += "partial";
    return Diagnostic{"set.json", "annotations[a1]", "cannot be exported"};
}

Result<ExportReport> throwingHalfWay(const std::vector<ExportSource>&, const ExportOptions&, ExportSink& sink) {
    sink.beginFile("");
    sink += std::string(5000, 'y');
    throw std::runtime_error("unforeseen");
}

}  // namespace

TEST_CASE("export sink: every format gives the same bytes with any chunk size, in memory and on disk") {
    const std::vector<ExportSource> sources = mixedSources();
    for (const ExportFormat& format : exportFormats()) {
        CAPTURE(format.name);
        ExportOptions options;
        options.offsets = format.defaultOffsets;
        options.review.reviewUrl = "https://factcheck.example.org/{article}";  // claimreview requires one
        Result<ExportOutput> reference = runExportFormat(format, sources, options);
        REQUIRE_MESSAGE(reference.ok(), reference.errorText());
        for (std::size_t chunk : {std::size_t(1), std::size_t(7), std::size_t(64)}) {
            CAPTURE(chunk);
            MemoryExportSink memory(chunk);
            Result<ExportReport> report = runExportFormat(format, sources, options, memory);
            REQUIRE(report.ok());
            REQUIRE(memory.finish().ok());
            CHECK(memory.largestBuffer() <= chunk);
            CHECK(report->notices == reference->notices);
            REQUIRE(memory.files().size() == reference->files.size());
            for (std::size_t i = 0; i < memory.files().size(); ++i) {
                CHECK(memory.files()[i].relativePath == reference->files[i].relativePath);
                CHECK(memory.files()[i].content == reference->files[i].content);
            }

            fixtures::TempDir dir;
            const fs::path out = dir.path() / (format.layout == ExportLayout::Folder ? "out" : "out.data");
            ExportFileSink disk(out, format.layout, chunk);
            REQUIRE(runExportFormat(format, sources, options, disk).ok());
            Status committed = disk.commit();
            REQUIRE_MESSAGE(committed.ok(), committed.error);
            CHECK(disk.fileCount() == reference->files.size());
            for (const ExportFile& file : reference->files) {
                CAPTURE(file.relativePath);
                CHECK(readFile(file.relativePath.empty() ? out : out / file.relativePath) == file.content);
            }
        }
    }
}

TEST_CASE("export sink: the buffer never holds more than one chunk, whatever the pieces") {
    CountingSink sink(1000);
    sink.beginFile("");
    std::size_t expected = 0;
    for (std::size_t size : {10, 999, 1000, 1, 5000, 0, 300, 700, 1001}) {
        sink.write(std::string(size, 'a'));
        expected += size;
        CHECK(sink.largestBuffer() <= 1000);
    }
    for (int i = 0; i < 2500; ++i) sink.put('b');
    expected += 2500;
    appendJsonString(sink, std::string(4000, '"'));  // every byte escaped: 8002 bytes of JSON
    expected += 8002;
    REQUIRE(sink.finish().ok());
    CHECK(sink.bytes == expected);
    CHECK(sink.largestBuffer() <= 1000);
}

TEST_CASE("export sink: a large export streams through a small buffer") {
    // A 6 MB article of short words: its CoNLL table is about 20 MB.
    std::string text;
    text.reserve(6'000'000);
    while (text.size() < 6'000'000) text += "Some studies suggest caf\xC3\xA9 may help.\r\n";
    ExportSource source;
    source.setPath = "big.json";
    source.stem = "big";
    source.document = fixtures::makeDocument(text);
    source.set = exchange_fixtures::setOver(source.document);
    for (std::size_t i = 0; i < 200; ++i)
        exchange_fixtures::add(source.set, source.document,
                               exchange_fixtures::annotationWith("a" + std::to_string(i + 1), i % 2 ? "hedge" : "claim",
                                                                 {{i * 1000, i * 1000 + 40}}));
    const std::vector<ExportSource> sources{source};
    for (const char* name : {"conll", "jsonl", "doccano", "labelstudio", "w3c", "brat"}) {
        CAPTURE(name);
        const ExportFormat* format = findExportFormat(name);
        REQUIRE(format);
        CountingSink sink(64 * 1024);
        ExportOptions options;
        options.offsets = format->defaultOffsets;
        REQUIRE(runExportFormat(*format, sources, options, sink).ok());
        REQUIRE(sink.finish().ok());
        CHECK(sink.bytes > text.size());
        CHECK(sink.largestBuffer() <= 64 * 1024);
    }
}

TEST_CASE("export sink: a format failing half-way leaves the target as it was and nothing staged") {
    const ExportFormat failing{"failing", "", ExportLayout::Folder, OffsetUnit::CodePoint, false, failingHalfWay};
    for (bool existing : {false, true}) {
        CAPTURE(existing);
        fixtures::TempDir dir;
        const fs::path out = dir.path() / "out";
        if (existing) {
            fs::create_directories(out);
            writeFile(out / "first.txt", "old");
        }
        const std::set<std::string> before = entries(dir.path());
        {
            ExportFileSink sink(out, ExportLayout::Folder, 1024);
            Result<ExportReport> report = runExportFormat(failing, {}, ExportOptions{}, sink);
            CHECK_FALSE(report.ok());
            CHECK(fs::exists(dir.path() / ("out.partial-" + std::to_string(::getpid()))));  // staged so far
            sink.abandon();
        }
        CHECK(entries(dir.path()) == before);
        if (existing) CHECK(readFile(out / "first.txt") == "old");
    }
}

TEST_CASE("export sink: a format throwing half-way is a diagnostic, and the old file stays") {
    const ExportFormat throwing{"throwing", "", ExportLayout::File, OffsetUnit::CodePoint, false, throwingHalfWay};
    fixtures::TempDir dir;
    const fs::path out = dir.path() / "data.csv";
    writeFile(out, "old");
    {
        ExportFileSink sink(out, ExportLayout::File, 1024);  // the destructor abandons it
        Result<ExportReport> report = runExportFormat(throwing, {}, ExportOptions{}, sink);
        REQUIRE_FALSE(report.ok());
        CHECK(report.errorText().find("unforeseen") != std::string::npos);
    }
    CHECK(readFile(out) == "old");
    CHECK(entries(dir.path()) == std::set<std::string>{"data.csv"});
}

TEST_CASE("export sink: a disk failure mid-stream is reported by commit, and nothing changes") {
    fixtures::TempDir dir;
    const fs::path out = dir.path() / "data.conll";
    writeFile(out, "old");
    int writes = 0;
    setExportWriteFaultHookForTesting(
        [&writes](const char* step) { return std::string(step) != "write" || ++writes < 3; });
    ExportFileSink sink(out, ExportLayout::File, 16);
    Result<ExportReport> report = runExportFormat(*findExportFormat("conll"), mixedSources(), ExportOptions{}, sink);
    Status committed = sink.commit();
    setExportWriteFaultHookForTesting(nullptr);
    CHECK(report.ok());
    REQUIRE_FALSE(committed.ok());
    CHECK(committed.error.find(out.string() + ": write failed") == 0);
    CHECK(readFile(out) == "old");
    CHECK(entries(dir.path()) == std::set<std::string>{"data.conll"});
}

TEST_CASE("export sink: a one-file output refuses a second file or a named one") {
    fixtures::TempDir dir;
    {
        ExportFileSink sink(dir.path() / "one.txt", ExportLayout::File);
        sink.beginFile("");
        sink += "a";
        sink.beginFile("");
        CHECK(sink.commit().error.find("more than one file") != std::string::npos);
    }
    {
        ExportFileSink sink(dir.path() / "two.txt", ExportLayout::File);
        sink.beginFile("inside/name.txt");
        CHECK_FALSE(sink.commit().ok());
    }
    CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("export sink: temporary files and staging folders of dead processes are removed") {
    fixtures::TempDir dir;
    // Process id 2^22 + 1 is above Linux's pid_max limit: never a running process.
    const std::string dead = "4194305";
    writeFile(dir.path() / (".data.csv.tmp-" + dead + "-123"), "torn");
    fs::create_directories(dir.path() / ("brat.partial-" + dead) / "sub");
    writeFile(dir.path() / ".data.csv.tmp-notapid-1", "not ours");
    ExportOutput one;
    one.files = {{"", "new"}};
    REQUIRE(writeExportOutput(dir.path() / "data.csv", one, ExportLayout::File).ok());
    ExportOutput folder;
    folder.files = {{"doc.txt", "text"}};
    REQUIRE(writeExportOutput(dir.path() / "brat", folder, ExportLayout::Folder).ok());
    CHECK(entries(dir.path()) == std::set<std::string>{".data.csv.tmp-notapid-1", "brat", "brat/doc.txt", "data.csv"});
}

TEST_CASE("export sink: JSON strings written piecewise are json_text.h's") {
    std::string text;
    for (int c = 0; c < 256; ++c) text += char(c);
    text += "caf\xC3\xA9 \xF0\x9F\x8C\xBF \"quoted\" back\\slash\r\n";
    for (std::size_t chunk : {std::size_t(1), std::size_t(5), std::size_t(4096)}) {
        CAPTURE(chunk);
        MemoryExportSink sink(chunk);
        sink.beginFile("");
        appendJsonString(sink, text);
        appendJsonNumber(sink, 18446744073709551615ull);
        appendJsonInteger(sink, -42);
        REQUIRE(sink.finish().ok());
        std::string expected;
        appendJsonString(expected, text);
        appendJsonNumber(expected, 18446744073709551615ull);
        expected += "-42";
        CHECK(sink.files().front().content == expected);
    }
}
