// test_project_settings.cpp — claimmark-project.json: reading it, every kind of bad file, and
// finding it above a set's folder.
#include "core/team/project_settings.h"

#include "fixtures.h"

#include <doctest/doctest.h>

using namespace claimmark;
using fixtures::TempDir;
using fixtures::writeFile;

namespace {

std::string problemsOf(const std::string& text) {
    Result<ProjectSettings> settings = parseProjectSettings(text, "claimmark-project.json");
    REQUIRE_FALSE(settings.ok());
    return settings.errorText();
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("project settings: the claimreview block") {
    Result<ProjectSettings> settings = parseProjectSettings(R"({
        "format": "claimmark/project", "version": 1,
        "claimreview": {"review_url": "https://factcheck.example.org/reviews/{article}",
                        "publisher": "Example Fact Check", "publisher_url": "https://factcheck.example.org/"}
    })",
                                                            "p.json");
    REQUIRE_MESSAGE(settings.ok(), settings.errorText());
    CHECK(settings->review.reviewUrl == "https://factcheck.example.org/reviews/{article}");
    CHECK(settings->review.publisher == "Example Fact Check");
    CHECK(settings->review.publisherUrl == "https://factcheck.example.org/");

    Result<ProjectSettings> bare = parseProjectSettings(R"({"format": "claimmark/project", "version": 1})", "p.json");
    REQUIRE(bare.ok());
    CHECK(bare->review.reviewUrl.empty());
}

TEST_CASE("project settings: bad files name the file, the place and the problem") {
    CHECK(has(problemsOf("{\"format\": \"claimmark/project\",\n \"version\": 1,,}"), "claimmark-project.json: line 2"));
    CHECK(has(problemsOf("[1, 2]"), "expected a JSON object"));
    CHECK(has(problemsOf(R"({"format": "claimmark/set", "version": 1})"), "format: not a claimmark project file"));
    CHECK(has(problemsOf(R"({"format": "claimmark/project", "version": 7})"), "version: expected version 1, got 7"));
    CHECK(has(problemsOf(R"({"format": "claimmark/project", "version": 1, "claimreveiw": {}})"),
              "claimreveiw: unknown key"));
    CHECK(has(problemsOf(R"({"format": "claimmark/project", "version": 1, "claimreview": []})"),
              "claimreview: expected an object"));
    const std::string misspelt = problemsOf(
        R"({"format": "claimmark/project", "version": 1, "claimreview": {"reveiw_url": "x", "publisher": 3}})");
    CHECK(has(misspelt, "claimreview.reveiw_url: unknown key"));
    CHECK(has(misspelt, "claimreview.publisher: expected a string"));
    CHECK(
        has(problemsOf(R"({"format": "claimmark/project", "version": 1, "claimreview": {"review_url": "ftp://x/y"}})"),
            "claimreview.review_url: expected an http(s) URL"));
    CHECK(has(problemsOf(std::string(300, '[') + std::string(300, ']')), "nest"));
}

TEST_CASE("project settings: the nearest file above a folder is found; none is none") {
    TempDir dir;
    writeFile(dir / "claimmark-project.json", R"({"format": "claimmark/project", "version": 1})");
    writeFile(dir / "annotations/pill/alice.json", "{}");
    std::optional<std::filesystem::path> found = findProjectSettingsFile(dir / "annotations/pill");
    REQUIRE(found);
    CHECK(std::filesystem::equivalent(*found, dir / "claimmark-project.json"));
    Result<ProjectSettings> loaded = loadProjectSettings(*found);
    REQUIRE(loaded.ok());
    CHECK(loaded->path == *found);

    TempDir elsewhere;
    writeFile(elsewhere / "sets/a.json", "{}");
    // Unless the temporary folder itself sits under a project, nothing is found.
    if (!findProjectSettingsFile(elsewhere.path().parent_path()))
        CHECK_FALSE(findProjectSettingsFile(elsewhere / "sets"));
}
