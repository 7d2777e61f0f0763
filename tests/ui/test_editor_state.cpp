// test_editor_state.cpp — opening an article with its set as the editor does: the default
// set path, a new set, a set whose article changed (re-anchored, reported), a broken set
// (never overwritten), and fatal problems (no article, bad schema).
#include "ui_fixture.h"

#include "app/editor/editor_state.h"

#include "core/storage/set_file.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

using claimmark::app::BannerKind;
using claimmark::app::EditorOptions;
using claimmark::app::EditorState;
namespace fs = std::filesystem;

namespace {

struct Project {
    claimmark::app::testing::TempFolder folder{"claimmark-state-"};
    fs::path root = folder.path;
    Project() { fs::create_directories(root / "samples"); }
    fs::path write(const fs::path& relative, const std::string& text) const {
        const fs::path path = root / relative;
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
    static std::string read(const fs::path& path) {
        std::ifstream in(path, std::ios::binary);
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }
};

const char* const kArticle = "Curcumin may reduce knee pain.\nAsk a doctor first.\n";

EditorOptions optionsFor(const fs::path& article, const std::string& annotator = "alice") {
    EditorOptions options;
    options.article = article;
    options.annotator = annotator;
    return options;
}

}  // namespace

TEST_CASE("editor state: a new article gets an empty set at the default path") {
    Project project;
    const fs::path article = project.write("samples/knees.txt", kArticle);
    auto opened = EditorState::open(optionsFor(article));
    REQUIRE(opened.ok());
    EditorState& state = **opened;
    CHECK(state.setPath == project.root / "annotations" / "knees" / "alice.json");
    CHECK(state.annotator == "alice");
    CHECK(state.set().annotationCount() == 0);
    CHECK(state.set().annotator == "alice");
    CHECK(state.set().document.path == "../../samples/knees.txt");
    CHECK(state.set().document.length == 51);
    CHECK(state.banners.empty());
    CHECK_FALSE(state.saveBlocked);
    CHECK_FALSE(fs::exists(state.setPath));  // nothing is written until the user saves

    REQUIRE(state.session().addAnnotation("hedge", {{9, 12}}).ok());
    REQUIRE(state.save());
    CHECK(fs::exists(state.setPath));
    // Opening again reads it back.
    auto again = EditorState::open(optionsFor(article));
    REQUIRE(again.ok());
    REQUIRE((*again)->set().annotationCount() == 1);
    CHECK((*again)->set().annotations().front().text == "may");
}

TEST_CASE("editor state: a changed article is re-anchored and the change reported") {
    Project project;
    const fs::path article = project.write("samples/knees.txt", kArticle);
    {
        auto opened = EditorState::open(optionsFor(article));
        REQUIRE(opened.ok());
        REQUIRE((*opened)->session().addAnnotation("hedge", {{9, 12}}).ok());  // "may"
        REQUIRE((*opened)->save());
    }
    project.write("samples/knees.txt", std::string("Update: ") + kArticle);  // shifted by 8
    auto opened = EditorState::open(optionsFor(article));
    REQUIRE(opened.ok());
    EditorState& state = **opened;
    REQUIRE(state.set().annotationCount() == 1);
    const auto& a = state.set().annotations().front();
    CHECK(a.spans.front().start == 17);
    CHECK(a.spans.front().end == 20);
    CHECK_FALSE(a.orphaned);
    REQUIRE(state.banners.size() == 1);
    CHECK(state.banners.front().kind == BannerKind::Info);
    CHECK(state.banners.front().text.find("1 moved") != std::string::npos);
}

TEST_CASE("editor state: an unreadable set is reported and never overwritten") {
    Project project;
    const fs::path article = project.write("samples/knees.txt", kArticle);
    const std::string broken = "{\"format\": \"claimmark/annotation-set\", \"version\": 1, \"annotations\": [";
    const fs::path setPath = project.write("annotations/knees/alice.json", broken);
    auto opened = EditorState::open(optionsFor(article));
    REQUIRE(opened.ok());
    EditorState& state = **opened;
    CHECK(state.saveBlocked);
    REQUIRE_FALSE(state.banners.empty());
    CHECK(state.banners.front().kind == BannerKind::Error);
    CHECK(state.banners.front().text.find("alice.json") != std::string::npos);

    REQUIRE(state.session().addAnnotation("claim", {{0, 30}}).ok());
    REQUIRE(state.save());
    CHECK(Project::read(setPath) == broken);
    const fs::path recovered = project.root / "annotations" / "knees" / "alice.recovered.json";
    CHECK(fs::exists(recovered));
    CHECK(state.saveTarget() == recovered);
    REQUIRE(state.save());  // the next save goes to the same recovery file
    CHECK(state.saveTarget() == recovered);
    auto loaded = claimmark::loadSetFile(recovered);
    REQUIRE(loaded.ok());
    CHECK(loaded->set.annotationCount() == 1);
}

TEST_CASE("editor state: no article, or a bad schema, is fatal with a message naming the file") {
    Project project;
    auto missing = EditorState::open(optionsFor(project.root / "samples" / "nope.txt"));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.errorText().find("nope.txt") != std::string::npos);

    const fs::path article = project.write("samples/knees.txt", kArticle);
    EditorOptions options = optionsFor(article);
    options.schema = project.write("bad-schema.json", "{ not json");
    auto badSchema = EditorState::open(options);
    REQUIRE_FALSE(badSchema.ok());
    CHECK(badSchema.errorText().find("bad-schema.json") != std::string::npos);
}

TEST_CASE("editor state: --set names the set; an empty annotator falls back to the login name") {
    Project project;
    const fs::path article = project.write("samples/knees.txt", kArticle);
    EditorOptions options = optionsFor(article, "");
    options.setPath = project.root / "elsewhere" / "mine.json";
    auto opened = EditorState::open(options);
    REQUIRE(opened.ok());
    CHECK((*opened)->setPath == project.root / "elsewhere" / "mine.json");
    CHECK_FALSE((*opened)->annotator.empty());
    CHECK((*opened)->set().document.path == "../samples/knees.txt");
}
