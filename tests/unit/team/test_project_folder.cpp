// test_project_folder.cpp — scanProject on small project folders written by the tests.
#include "core/team/project_folder.h"

#include "fixtures.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace claimmark;
using fixtures::annotationJson;
using fixtures::SetJson;
using fixtures::TempDir;
using fixtures::writeFile;

namespace {

std::string setWith(const std::string& annotator, std::size_t annotations, bool done, std::size_t disputed = 0) {
    SetJson json;
    json.annotator = annotator;
    if (done) json.extraTop = "\"done\": true";
    for (std::size_t i = 0; i < annotations; ++i) {
        const std::string rest = i < disputed ? "\"status\": \"disputed\"" : "";
        json.annotations.push_back(annotationJson("a" + std::to_string(i + 1), "claim", i * 2, i * 2 + 1, rest));
    }
    return json.str();
}

const ReviewerSet& reviewerOf(const ProjectDocument& document, const std::string& name) {
    auto it = std::find_if(document.reviewers.begin(), document.reviewers.end(),
                           [&](const ReviewerSet& r) { return r.annotator == name; });
    REQUIRE(it != document.reviewers.end());
    return *it;
}

bool problemMentions(const Project& project, const std::string& fragment) {
    return std::any_of(project.problems.begin(), project.problems.end(),
                       [&](const Diagnostic& d) { return d.toString().find(fragment) != std::string::npos; });
}

}  // namespace

TEST_CASE("reviewStatusName spells the three states") {
    CHECK(std::string(reviewStatusName(ReviewStatus::NotStarted)) == "not started");
    CHECK(std::string(reviewStatusName(ReviewStatus::InProgress)) == "in progress");
    CHECK(std::string(reviewStatusName(ReviewStatus::Done)) == "done");
}

TEST_CASE("scanProject: documents, reviewers, statuses and counts") {
    TempDir dir;
    writeFile(dir / "samples/pill.txt", "The pill may cure colds.");
    writeFile(dir / "samples/tea.txt", "Tea is said to help.");
    writeFile(dir / "root-article.txt", "At the root.");
    writeFile(dir / "samples/notes.md", "not an article");
    writeFile(dir / "annotations/pill/alice.json", setWith("alice", 3, true));
    writeFile(dir / "annotations/pill/bob.json", setWith("bob", 2, false));
    writeFile(dir / "annotations/tea/carol.json", setWith("carol", 1, false));
    writeFile(dir / "annotations/pill/gold.json", setWith("gold", 4, false, 3));

    Result<Project> scanned = scanProject(dir.path());
    REQUIRE_MESSAGE(scanned.ok(), scanned.errorText());
    const Project& project = *scanned;

    // Every annotator anywhere, sorted: the union over documents.
    CHECK(project.reviewers == std::vector<std::string>{"alice", "bob", "carol", "gold"});
    REQUIRE(project.documents.size() == 3);
    CHECK(project.documents[0].stem == "pill");
    CHECK(project.documents[1].stem == "root-article");
    CHECK(project.documents[2].stem == "tea");
    CHECK(project.documents[0].articlePath == dir / "samples/pill.txt");
    CHECK(project.documents[1].articlePath == dir / "root-article.txt");

    for (const ProjectDocument& document : project.documents) {
        REQUIRE(document.reviewers.size() == 4);
        for (std::size_t i = 0; i < 4; ++i) CHECK(document.reviewers[i].annotator == project.reviewers[i]);
    }

    const ProjectDocument& pill = project.documents[0];
    CHECK(reviewerOf(pill, "alice").status == ReviewStatus::Done);
    CHECK(reviewerOf(pill, "alice").annotationCount == 3);
    CHECK(reviewerOf(pill, "alice").setPath == dir / "annotations/pill/alice.json");
    CHECK(reviewerOf(pill, "bob").status == ReviewStatus::InProgress);
    CHECK(reviewerOf(pill, "bob").annotationCount == 2);
    CHECK(reviewerOf(pill, "carol").status == ReviewStatus::NotStarted);
    CHECK(reviewerOf(pill, "carol").setPath.empty());
    CHECK(reviewerOf(pill, "carol").annotationCount == 0);
    CHECK(reviewerOf(pill, "gold").annotationCount == 4);
    CHECK(reviewerOf(pill, "gold").disputedCount == 3);
    CHECK(reviewerOf(pill, "alice").disputedCount == 0);

    const ProjectDocument& rootArticle = project.documents[1];
    for (const ReviewerSet& reviewer : rootArticle.reviewers) {
        CHECK(reviewer.status == ReviewStatus::NotStarted);
        CHECK(reviewer.annotationCount == 0);
    }
    CHECK(reviewerOf(project.documents[2], "carol").status == ReviewStatus::InProgress);
    CHECK(reviewerOf(project.documents[2], "carol").annotationCount == 1);
    CHECK(project.problems.empty());
}

TEST_CASE("scanProject: recovery files do not count, bad sets are reported") {
    TempDir dir;
    writeFile(dir / "samples/pill.txt", "The pill may cure colds.");
    writeFile(dir / "annotations/pill/alice.json", setWith("alice", 1, false));
    // The editor's leftovers: not reviewers, not sets.
    writeFile(dir / "annotations/pill/alice.json.recovery", setWith("alice", 5, true));
    writeFile(dir / "annotations/pill/dan.json.recovery", setWith("dan", 5, true));
    writeFile(dir / "annotations/pill/eve.json", "{\"format\": \"claimmark/annotation-set\", ");
    writeFile(dir / "annotations/pill/.hidden.json", "ignored");

    Result<Project> scanned = scanProject(dir.path());
    REQUIRE_MESSAGE(scanned.ok(), scanned.errorText());
    const Project& project = *scanned;

    CHECK(project.reviewers == std::vector<std::string>{"alice", "eve"});
    REQUIRE(project.documents.size() == 1);
    const ReviewerSet& alice = reviewerOf(project.documents[0], "alice");
    CHECK(alice.status == ReviewStatus::InProgress);  // not the recovery file's "done"
    CHECK(alice.annotationCount == 1);
    const ReviewerSet& eve = reviewerOf(project.documents[0], "eve");
    CHECK(eve.status == ReviewStatus::InProgress);
    CHECK(eve.annotationCount == 0);
    CHECK(eve.setPath == dir / "annotations/pill/eve.json");

    CHECK(problemMentions(project, "eve.json"));
    CHECK(problemMentions(project, "alice.json.recovery"));
    CHECK_FALSE(problemMentions(project, ".hidden.json"));
}

TEST_CASE("scanProject: sets without an article still appear, and are reported") {
    TempDir dir;
    writeFile(dir / "annotations/gone/alice.json", setWith("alice", 2, true));
    writeFile(dir / "annotations/stray.json", setWith("bob", 1, false));

    Result<Project> scanned = scanProject(dir.path());
    REQUIRE_MESSAGE(scanned.ok(), scanned.errorText());
    REQUIRE(scanned->documents.size() == 1);
    CHECK(scanned->documents[0].stem == "gone");
    CHECK(scanned->documents[0].articlePath.empty());
    CHECK(reviewerOf(scanned->documents[0], "alice").status == ReviewStatus::Done);
    CHECK(scanned->reviewers == std::vector<std::string>{"alice"});
    CHECK(problemMentions(*scanned, "no article gone.txt"));
    CHECK(problemMentions(*scanned, "stray.json"));
}

TEST_CASE("scanProject: build files in the root are not articles; samples/ is not filtered") {
    TempDir dir;
    writeFile(dir / "CMakeLists.txt", "project(x)");
    writeFile(dir / "requirements.txt", "numpy");
    writeFile(dir / "notes.txt", "an article at the root");
    writeFile(dir / "samples/LICENSE.txt", "an article that happens to be called LICENSE");
    Result<Project> scanned = scanProject(dir.path());
    REQUIRE(scanned.ok());
    REQUIRE(scanned->documents.size() == 2);
    CHECK(scanned->documents[0].stem == "LICENSE");
    CHECK(scanned->documents[1].stem == "notes");
}

TEST_CASE("scanProject: an empty folder is a project with nothing in it") {
    TempDir dir;
    Result<Project> scanned = scanProject(dir.path());
    REQUIRE(scanned.ok());
    CHECK(scanned->documents.empty());
    CHECK(scanned->reviewers.empty());
    CHECK(scanned->problems.empty());
}

TEST_CASE("scanProject: a missing folder or a file is refused with its name") {
    TempDir dir;
    Result<Project> missing = scanProject(dir / "nope");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.errorText().find("nope") != std::string::npos);

    writeFile(dir / "file.txt", "x");
    Result<Project> file = scanProject(dir / "file.txt");
    REQUIRE_FALSE(file.ok());
    CHECK(file.errorText().find("not a folder") != std::string::npos);
}

TEST_CASE("scanProject: an article made by intake shows its title and source; a bad record is a problem") {
    TempDir dir;
    writeFile(dir / "samples/pill.txt", "The pill may cure colds.");
    writeFile(dir / "samples/pill.source.json",
              R"({"format": "claimmark/source", "version": 1, "url": "https://news.example.com/pill",
                  "title": "A pill for colds?", "source": "pill.html"})");
    writeFile(dir / "samples/memo.txt", "A memo.");
    writeFile(dir / "samples/memo.source.json",
              R"({"format": "claimmark/source", "version": 1, "title": "Memo", "source": "../memo.docx"})");
    writeFile(dir / "samples/tea.txt", "Tea is said to help.");
    writeFile(dir / "samples/tea.source.json", R"({"format": "claimmark/source", "version": 1, "title": 5})");
    writeFile(dir / "samples/plain.txt", "No record.");

    Result<Project> scanned = scanProject(dir.path());
    REQUIRE_MESSAGE(scanned.ok(), scanned.errorText());
    REQUIRE(scanned->documents.size() == 4);
    const ProjectDocument& memo = scanned->documents[0];
    CHECK(memo.title == "Memo");
    CHECK(memo.source == "../memo.docx");  // no url: the file intake read
    const ProjectDocument& pill = scanned->documents[1];
    CHECK(pill.title == "A pill for colds?");
    CHECK(pill.source == "https://news.example.com/pill");
    CHECK(scanned->documents[2].title.empty());  // plain: no record
    CHECK(scanned->documents[3].title.empty());  // tea: unreadable record
    CHECK(problemMentions(*scanned, "tea.source.json: title: expected a string"));
}
