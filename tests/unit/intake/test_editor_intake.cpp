// test_editor_intake.cpp — `claimmark SOURCE` on a non-.txt source (intake/editor_intake.h):
// where the text goes in and out of a project, URL names, opening again (unchanged, changed),
// and a text that is not the source's, left alone.
#include "core/intake/editor_intake.h"

#include "fixtures.h"

#include <doctest/doctest.h>

using namespace claimmark;
using namespace claimmark::intake;
using fixtures::readFile;
using fixtures::TempDir;
using fixtures::writeFile;
namespace fs = std::filesystem;

namespace {

IntakeOptions fixedTime() {
    IntakeOptions options;
    options.now = [] { return std::string("2026-12-02T10:00:00Z"); };
    return options;
}

}  // namespace

TEST_CASE("editor intake: which articles need it") {
    CHECK(editorNeedsIntake("report.pdf"));
    CHECK(editorNeedsIntake("page.HTML"));
    CHECK(editorNeedsIntake("notes.md"));
    CHECK(editorNeedsIntake("draft.docx"));
    CHECK(editorNeedsIntake("https://news.example.com/a"));
    CHECK_FALSE(editorNeedsIntake("article.txt"));
    CHECK_FALSE(editorNeedsIntake("data.csv"));
}

TEST_CASE("editor intake: the text goes to samples/ in a project, else beside the source") {
    TempDir dir;
    writeFile(dir / "loose/report.md", "# R\n");
    CHECK(editorArticlePath((dir / "loose/report.md").string(), ".") == dir / "loose/report.txt");

    fs::create_directories(dir / "team/annotations");
    CHECK(editorArticlePath((dir / "team/report.pdf").string(), ".") == dir / "team/samples/report.txt");
    writeFile(dir / "fc/claimmark-project.json", "{}");
    CHECK(editorArticlePath((dir / "fc/page.html").string(), ".") == dir / "fc/samples/page.txt");
    CHECK(editorArticlePath((dir / "fc/samples/page.html").string(), ".") == dir / "fc/samples/page.txt");

    // A URL: the working folder (its samples/ in a project), named after the last segment.
    CHECK(editorArticlePath("https://news.example.com/2026/kratom-study.html?ref=x#top", dir / "fc") ==
          dir / "fc/samples/kratom-study.txt");
    CHECK(editorArticlePath("https://news.example.com/", dir / "loose") == dir / "loose/news.example.com.txt");
    CHECK(articleStemOfUrl("http://user@host.example:8080/a/b/") == "b");
    // Never a name that climbs out of the folder or hides.
    for (const char* url : {"https://example.org/path/..%2F..%2Fetc", "https://example.org/a/..", "https://e.org/.x"}) {
        CAPTURE(url);
        const std::string stem = articleStemOfUrl(url);
        CHECK_FALSE(stem.empty());
        CHECK(stem.find('/') == std::string::npos);
        CHECK(stem.front() != '.');
    }
}

TEST_CASE("editor intake: written in the project, opened again unchanged, then changed") {
    TempDir dir;
    fs::create_directories(dir / "annotations");
    const fs::path source = dir / "story.md";
    writeFile(source, "---\ntitle: The story\n---\n# Heading\n\nFirst paragraph.\n");

    Result<EditorIntake> first = intakeForEditor(source.string(), ".", fixedTime());
    REQUIRE_MESSAGE(first.ok(), first.errorText());
    CHECK(first->articlePath == dir / "samples/story.txt");
    CHECK(readFile(dir / "samples/story.txt") == "Heading\n\nFirst paragraph.\n");
    CHECK(first->message.find("Read " + source.string() + " into ") == 0);
    Result<SourceRecord> record = loadSourceRecord(dir / "samples/story.source.json");
    REQUIRE(record.ok());
    CHECK(record->title == "The story");
    CHECK(record->source == "../story.md");  // as seen from the article: the same in every clone

    Result<EditorIntake> again = intakeForEditor(source.string(), ".", fixedTime());
    REQUIRE_MESSAGE(again.ok(), again.errorText());
    CHECK(again->message.find("unchanged") != std::string::npos);

    writeFile(source, "# Heading\n\nFirst paragraph, corrected.\n");
    Result<EditorIntake> changed = intakeForEditor(source.string(), ".", fixedTime());
    REQUIRE_MESSAGE(changed.ok(), changed.errorText());
    CHECK(changed->message.find("has changed") != std::string::npos);
    CHECK(readFile(dir / "samples/story.txt") == "Heading\n\nFirst paragraph, corrected.\n");
}

TEST_CASE("editor intake: a text there that is not this source's is left alone") {
    TempDir dir;
    writeFile(dir / "notes.md", "Some notes.\n");
    writeFile(dir / "notes.txt", "Typed by hand.\n");
    Result<EditorIntake> opened = intakeForEditor((dir / "notes.md").string(), ".", fixedTime());
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.errorText().find("notes.txt: already exists and was not made from") != std::string::npos);
    CHECK(opened.errorText().find("claimmark intake") != std::string::npos);
    CHECK(readFile(dir / "notes.txt") == "Typed by hand.\n");
    CHECK_FALSE(fs::exists(dir / "notes.source.json"));

    // A source that cannot be read writes nothing either.
    writeFile(dir / "broken.docx", "not a zip");
    Result<EditorIntake> broken = intakeForEditor((dir / "broken.docx").string(), ".", fixedTime());
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.errorText().find("broken.docx") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "broken.txt"));
}
