// test_file_io.cpp — whole-file reads, change detection and atomic writes.
//
// [SECTION] Reading
// [SECTION] Stamps and changes on disk
// [SECTION] Atomic writes, including injected failures
#include "core/storage/file_io.h"

#include "fixtures.h"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <sys/stat.h>

using namespace claimmark;
using fixtures::fileNames;
using fixtures::readFile;
using fixtures::TempDir;
using fixtures::writeFile;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// Installs a fault hook for one scope and always removes it again.
struct FaultHook {
    explicit FaultHook(std::function<bool(const char*)> hook) { setAtomicWriteFaultHookForTesting(std::move(hook)); }
    ~FaultHook() { setAtomicWriteFaultHookForTesting(nullptr); }
};

// Moves the file's modification time well away from "now", so a rewrite is seen as a
// different time even on file systems with coarse timestamps.
void setMtime(const fs::path& path, int secondsFromNow) {
    fs::last_write_time(path, fs::file_time_type::clock::now() + std::chrono::seconds(secondsFromNow));
}

// SHA-256 of "abc" (FIPS 180-2 example).
const char* kAbcSha = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

}  // namespace

// =====================================================================================
// [SECTION] Reading
// =====================================================================================

TEST_CASE("file io: readFileBytes returns the exact bytes") {
    TempDir dir;
    const std::string bytes = std::string("line one\r\nline two\n\0after nul \xC3\xA9", 30);
    writeFile(dir / "a.txt", bytes);
    Result<std::string> read = readFileBytes(dir / "a.txt");
    REQUIRE_MESSAGE(read.ok(), read.errorText());
    CHECK(*read == bytes);
    CHECK(read->size() == 30);

    writeFile(dir / "empty.txt", "");
    Result<std::string> empty = readFileBytes(dir / "empty.txt");
    REQUIRE(empty.ok());
    CHECK(empty->empty());
}

TEST_CASE("file io: readFileBytes names a missing file and a folder") {
    TempDir dir;
    Result<std::string> missing = readFileBytes(dir / "nope.json");
    REQUIRE_FALSE(missing.ok());
    REQUIRE(missing.errors().size() == 1);
    CHECK(missing.errors()[0].file == (dir / "nope.json").string());
    CHECK(missing.errors()[0].message == "file not found");

    Result<std::string> folder = readFileBytes(dir.path());
    REQUIRE_FALSE(folder.ok());
    CHECK(folder.errors()[0].file == dir.path().string());
    CHECK(contains(folder.errors()[0].message, "folder"));
}

// =====================================================================================
// [SECTION] Stamps and changes on disk
// =====================================================================================

TEST_CASE("file io: a stamp records existence, size and content hash") {
    TempDir dir;
    writeFile(dir / "abc.txt", "abc");
    FileStamp stamp = stampOf(dir / "abc.txt", "abc");
    CHECK(stamp.exists);
    CHECK(stamp.size == 3);
    CHECK(stamp.sha256 == kAbcSha);
    CHECK(stamp.mtimeNs != 0);

    FileStamp onDisk = stampOfFileOnDisk(dir / "abc.txt");
    CHECK(onDisk.exists);
    CHECK(onDisk.size == 3);
    CHECK(onDisk.sha256 == kAbcSha);
    CHECK(onDisk.mtimeNs == stamp.mtimeNs);

    FileStamp none = stampOfFileOnDisk(dir / "missing.txt");
    CHECK_FALSE(none.exists);
    CHECK_FALSE(stampOf(dir / "missing.txt", "").exists);
}

TEST_CASE("file io: changedOnDisk sees content changes, not touches") {
    TempDir dir;
    const fs::path file = dir / "set.json";
    writeFile(file, "{\"v\": 1}\n");
    const FileStamp stamp = stampOfFileOnDisk(file);
    CHECK_FALSE(changedOnDisk(file, stamp));

    SUBCASE("different bytes and size") {
        writeFile(file, "{\"v\": 22}\n");
        setMtime(file, 5);
        CHECK(changedOnDisk(file, stamp));
    }
    SUBCASE("different bytes, same size") {
        writeFile(file, "{\"v\": 2}\n");
        setMtime(file, 5);
        CHECK(changedOnDisk(file, stamp));
    }
    SUBCASE("the same bytes written again (a touch)") {
        writeFile(file, "{\"v\": 1}\n");
        setMtime(file, 5);
        CHECK_FALSE(changedOnDisk(file, stamp));
    }
    SUBCASE("deleted") {
        fs::remove(file);
        CHECK(changedOnDisk(file, stamp));
    }
    SUBCASE("a file that did not exist and still does not") {
        CHECK_FALSE(changedOnDisk(dir / "new.json", FileStamp{}));
    }
    SUBCASE("a file that did not exist and now does") {
        writeFile(dir / "new.json", "x");
        CHECK(changedOnDisk(dir / "new.json", FileStamp{}));
    }
}

// =====================================================================================
// [SECTION] Atomic writes, including injected failures
// =====================================================================================

TEST_CASE("file io: writeFileAtomic creates and replaces files, leaving no temporary") {
    TempDir dir;
    const fs::path file = dir / "out.json";
    Status first = writeFileAtomic(file, "first version\n");
    REQUIRE_MESSAGE(first.ok(), first.error);
    CHECK(readFile(file) == "first version\n");

    Status second = writeFileAtomic(file, std::string("second\0version", 14));
    REQUIRE_MESSAGE(second.ok(), second.error);
    CHECK(readFile(file) == std::string("second\0version", 14));

    Status empty = writeFileAtomic(file, "");
    REQUIRE(empty.ok());
    CHECK(readFile(file) == "");
    CHECK(fileNames(dir.path()) == std::set<std::string>{"out.json"});
}

TEST_CASE("file io: writeFileAtomic keeps the permissions of the file it replaces") {
    TempDir dir;
    const fs::path file = dir / "private.json";
    writeFile(file, "old");
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
    REQUIRE(writeFileAtomic(file, "new").ok());
    CHECK(readFile(file) == "new");
    CHECK((fs::status(file).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("file io: writeFileAtomic refuses a missing folder or a folder as target") {
    TempDir dir;
    Status noFolder = writeFileAtomic(dir / "missing" / "out.json", "x");
    CHECK_FALSE(noFolder.ok());
    CHECK(contains(noFolder.error, "does not exist"));
    CHECK_FALSE(fs::exists(dir / "missing"));

    fs::create_directory(dir / "sub");
    Status isFolder = writeFileAtomic(dir / "sub", "x");
    CHECK_FALSE(isFolder.ok());
    CHECK(contains(isFolder.error, "folder"));
    CHECK(fs::is_directory(dir / "sub"));
}

TEST_CASE("file io: a failing write, fsync or rename leaves the old file and no temporary") {
    TempDir dir;
    const fs::path file = dir / "set.json";
    const std::string old = "the old bytes\n";
    writeFile(file, old);

    for (const char* failing : {"write", "fsync", "rename"}) {
        CAPTURE(failing);
        std::string seen;
        {
            FaultHook hook([&](const char* step) {
                seen += std::string(step) + " ";
                return std::string(step) != failing;
            });
            Status s = writeFileAtomic(file, "new bytes that must not land\n");
            CHECK_FALSE(s.ok());
            CHECK(contains(s.error, file.string()));
            CHECK(contains(s.error, "unchanged"));
        }
        CHECK(contains(seen, failing));
        CHECK(readFile(file) == old);
        CHECK(fileNames(dir.path()) == std::set<std::string>{"set.json"});
    }

    // With the hook removed, writing works again.
    REQUIRE(writeFileAtomic(file, "fine\n").ok());
    CHECK(readFile(file) == "fine\n");
}

TEST_CASE("file io: a failing first write leaves no file when there was none") {
    TempDir dir;
    {
        FaultHook hook([](const char* step) { return std::string(step) != "rename"; });
        CHECK_FALSE(writeFileAtomic(dir / "new.json", "x").ok());
    }
    CHECK(fileNames(dir.path()).empty());
}
