// test_recovery_file.cpp — recovery files beside a set: path, write, find (newer, older,
// identical, missing set, broken), discard.
#include "core/storage/recovery_file.h"

#include "core/storage/set_file.h"
#include "fixtures.h"

#include <chrono>
#include <filesystem>

using namespace claimmark;
using fixtures::TempDir;
namespace fs = std::filesystem;

namespace {

// The pill text (fixtures.h) with `count` claims: "The pill" [0,8), "may" [9,12), ...
AnnotationSet pillSet(int count) {
    AnnotationSet set;
    set.annotator = "alice";
    set.document.path = "pill.txt";
    set.document.length = 45;
    set.document.sha256 = std::string(64, 'a');  // parseSet wants a well-formed hash
    const Span spans[] = {{0, 8}, {13, 23}, {25, 38}};
    for (int i = 0; i < count; ++i) {
        Annotation a = fixtures::annotation("a" + std::to_string(i + 1), "claim", spans[i].start, spans[i].end);
        REQUIRE(set.addAnnotation(a).ok());
    }
    return set;
}

void setMtime(const fs::path& path, fs::file_time_type base, int secondsOffset) {
    fs::last_write_time(path, base + std::chrono::seconds(secondsOffset));
}

}  // namespace

TEST_CASE("recovery: the file sits beside the set with .recovery appended") {
    CHECK(recoveryPathFor("annotations/x/alice.json") == fs::path("annotations/x/alice.json.recovery"));
    CHECK(recoveryPathFor("/tmp/s.json").filename() == "s.json.recovery");
}

TEST_CASE("recovery: write then find when the set does not exist yet") {
    TempDir dir;
    const fs::path setPath = dir / "alice.json";
    REQUIRE(writeRecovery(setPath, pillSet(2)).ok());
    CHECK(fs::exists(dir / "alice.json.recovery"));
    CHECK_FALSE(fs::exists(setPath));  // never the set itself

    std::optional<RecoveryCandidate> found = findRecovery(setPath);
    REQUIRE(found);
    REQUIRE(found->readable());
    CHECK(found->problems.empty());
    CHECK_FALSE(found->setExists);
    CHECK_FALSE(found->setAnnotationCount);
    CHECK(found->set->annotationCount() == 2);
    CHECK(found->set->findAnnotation("a2") != nullptr);
    CHECK(found->path == dir / "alice.json.recovery");
}

TEST_CASE("recovery: a newer, different recovery is offered with both counts") {
    TempDir dir;
    const fs::path setPath = dir / "alice.json";
    fixtures::writeFile(setPath, serializeSet(pillSet(1)));
    REQUIRE(writeRecovery(setPath, pillSet(3)).ok());
    const fs::file_time_type base = fs::last_write_time(setPath);
    setMtime(recoveryPathFor(setPath), base, 5);

    std::optional<RecoveryCandidate> found = findRecovery(setPath);
    REQUIRE(found);
    REQUIRE(found->readable());
    CHECK(found->setExists);
    REQUIRE(found->setAnnotationCount);
    CHECK(*found->setAnnotationCount == 1);
    CHECK(found->set->annotationCount() == 3);
}

TEST_CASE("recovery: an older recovery is ignored and left in place") {
    TempDir dir;
    const fs::path setPath = dir / "alice.json";
    fixtures::writeFile(setPath, serializeSet(pillSet(1)));
    REQUIRE(writeRecovery(setPath, pillSet(3)).ok());
    const fs::file_time_type base = fs::last_write_time(setPath);
    setMtime(recoveryPathFor(setPath), base, -10);  // written before the last save

    CHECK_FALSE(findRecovery(setPath));
    CHECK(fs::exists(recoveryPathFor(setPath)));
}

TEST_CASE("recovery: identical content is not offered") {
    TempDir dir;
    const fs::path setPath = dir / "alice.json";
    fixtures::writeFile(setPath, serializeSet(pillSet(2)));
    REQUIRE(writeRecovery(setPath, pillSet(2)).ok());
    setMtime(recoveryPathFor(setPath), fs::last_write_time(setPath), 5);
    CHECK_FALSE(findRecovery(setPath));

    SUBCASE("also when only the formatting differs") {
        // The same set, pretty-printed by another tool: different bytes, same annotations.
        const nlohmann::json json = nlohmann::json::parse(serializeSet(pillSet(2)));
        fixtures::writeFile(setPath, json.dump(4));
        setMtime(recoveryPathFor(setPath), fs::last_write_time(setPath), 5);
        CHECK_FALSE(findRecovery(setPath));
    }
}

TEST_CASE("recovery: a broken recovery file is reported and kept, not deleted") {
    TempDir dir;
    const fs::path setPath = dir / "alice.json";
    fixtures::writeFile(setPath, serializeSet(pillSet(1)));
    fixtures::writeFile(recoveryPathFor(setPath), "{\"format\": \"claimmark/annotation-set\", \"annot");
    setMtime(recoveryPathFor(setPath), fs::last_write_time(setPath), 5);

    std::optional<RecoveryCandidate> found = findRecovery(setPath);
    REQUIRE(found);
    CHECK_FALSE(found->readable());
    REQUIRE_FALSE(found->problems.empty());
    CHECK(found->problems.front().file == recoveryPathFor(setPath).string());
    CHECK(found->brokenPath == dir / "alice.json.recovery.broken");
    CHECK(fixtures::readFile(dir / "alice.json.recovery.broken") ==
          "{\"format\": \"claimmark/annotation-set\", \"annot");
    CHECK_FALSE(fs::exists(recoveryPathFor(setPath)));  // out of the next autosave's way
    CHECK_FALSE(findRecovery(setPath));                 // reported once

    SUBCASE("a second broken one does not replace the first") {
        fixtures::writeFile(recoveryPathFor(setPath), "not json");
        setMtime(recoveryPathFor(setPath), fs::last_write_time(setPath), 5);
        std::optional<RecoveryCandidate> again = findRecovery(setPath);
        REQUIRE(again);
        CHECK(again->brokenPath == dir / "alice.json.recovery.broken-2");
        CHECK(fixtures::readFile(dir / "alice.json.recovery.broken-2") == "not json");
        CHECK(fs::exists(dir / "alice.json.recovery.broken"));
    }
}

TEST_CASE("recovery: a set that cannot be read does not hide its recovery") {
    TempDir dir;
    const fs::path setPath = dir / "alice.json";
    fixtures::writeFile(setPath, "{ broken");
    REQUIRE(writeRecovery(setPath, pillSet(1)).ok());
    setMtime(recoveryPathFor(setPath), fs::last_write_time(setPath), 5);
    std::optional<RecoveryCandidate> found = findRecovery(setPath);
    REQUIRE(found);
    CHECK(found->readable());
    CHECK(found->setExists);
    CHECK_FALSE(found->setAnnotationCount);
}

TEST_CASE("recovery: discard removes the file; a missing one is fine") {
    TempDir dir;
    const fs::path setPath = dir / "alice.json";
    REQUIRE(writeRecovery(setPath, pillSet(1)).ok());
    CHECK(discardRecovery(setPath).ok());
    CHECK_FALSE(fs::exists(recoveryPathFor(setPath)));
    CHECK(discardRecovery(setPath).ok());
    CHECK_FALSE(findRecovery(setPath));
}

TEST_CASE("recovery: write fails readably when the folder is missing") {
    TempDir dir;
    const Status status = writeRecovery(dir / "no-such-folder" / "alice.json", pillSet(1));
    CHECK_FALSE(status.ok());
    CHECK(status.error.find("no-such-folder") != std::string::npos);
}

TEST_CASE("recovery: local time formats") {
    const std::string time = formatLocalTime(std::chrono::system_clock::now());
    REQUIRE(time.size() == 8);
    CHECK(time[2] == ':');
    CHECK(time[5] == ':');
    const std::string both = formatLocalDateTime(std::chrono::system_clock::now());
    REQUIRE(both.size() == 19);
    CHECK(both[4] == '-');
    CHECK(both.substr(11).size() == 8);
}
