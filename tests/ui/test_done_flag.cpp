// test_done_flag.cpp — the reviewer's "done" flag in the editor: Ctrl+D toggles it through
// the edit queue (so it undoes and redoes like any edit), it is saved as "done": true, and
// the article editor runs as a Screen for the window host (editor_screen.h).
#include "ui_fixture.h"

#include "app/editor/editor_screen.h"
#include "core/storage/set_file.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

using claimmark::app::testing::HeadlessEditor;
namespace fs = std::filesystem;

namespace {

const char* const kArticle = claimmark::app::testing::kShortArticle;

struct DoneFolder : claimmark::app::testing::TempFolder {
    DoneFolder() : TempFolder("claimmark-done-") {}
};

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("done flag: Ctrl+D marks the set done, undo and redo take it back and forth") {
    HeadlessEditor editor(kArticle);
    REQUIRE_FALSE(editor.state().set().done);
    editor.key(GLFW_KEY_D, /*ctrl=*/true);
    CHECK(editor.state().set().done);
    CHECK(editor.state().isModified());  // a change to save like any other
    CHECK(editor.state().statusMessage.find("done") != std::string::npos);

    editor.key(GLFW_KEY_Z, true);
    CHECK_FALSE(editor.state().set().done);
    CHECK_FALSE(editor.state().isModified());
    editor.key(GLFW_KEY_Z, true, /*shift=*/true);
    CHECK(editor.state().set().done);

    // Ctrl+D again reopens it: a second, separate step.
    editor.key(GLFW_KEY_D, true);
    CHECK_FALSE(editor.state().set().done);
    editor.key(GLFW_KEY_Z, true);
    CHECK(editor.state().set().done);
}

TEST_CASE("done flag: plain D is not the shortcut, and a text field keeps its keys") {
    HeadlessEditor editor(kArticle);
    editor.key(GLFW_KEY_D);
    CHECK_FALSE(editor.state().set().done);
    CHECK_FALSE(editor.state().isModified());
}

TEST_CASE("done flag: saved as \"done\": true and read back") {
    DoneFolder folder;
    HeadlessEditor editor(kArticle);
    editor.state().setPath = folder.path / "reviewer.json";
    editor.key(GLFW_KEY_D, true);
    editor.key(GLFW_KEY_S, true);
    REQUIRE(fs::exists(folder.path / "reviewer.json"));
    CHECK(slurp(folder.path / "reviewer.json").find("\"done\": true") != std::string::npos);
    CHECK_FALSE(editor.state().isModified());
    auto loaded = claimmark::loadSetFile(folder.path / "reviewer.json");
    REQUIRE_MESSAGE(loaded.ok(), loaded.errorText());
    CHECK(loaded->set.done);

    // Reopened and saved again: the key goes away rather than turning false.
    editor.key(GLFW_KEY_D, true);
    editor.key(GLFW_KEY_S, true);
    auto again = claimmark::loadSetFile(folder.path / "reviewer.json");
    REQUIRE(again.ok());
    CHECK_FALSE(again->set.done);
}

TEST_CASE("editor screen: title marks unsaved work, closing asks only when there is some") {
    auto document = claimmark::Document::fromBytes(kArticle, "article.txt");
    REQUIRE(document.ok());
    claimmark::AnnotationSet set;
    set.annotator = "tester";
    set.document.length = document->length();
    set.document.sha256 = document->sha256();
    auto state = std::make_unique<claimmark::app::EditorState>(std::move(*document), std::move(set));
    state->articlePath = "samples/article.txt";
    state->annotator = "tester";
    claimmark::app::EditorScreen screen(std::move(state));

    CHECK(screen.title() == "claimmark \xE2\x80\x94 article.txt (tester)");
    CHECK(screen.glyphText() == kArticle);
    CHECK(screen.zoom() == doctest::Approx(1.0f));
    REQUIRE(screen.state().session().setDone(true).ok());
    CHECK(screen.title() == "claimmark \xE2\x80\x94 article.txt (tester) \xE2\x80\xA2");

    // With unsaved work the close waits for the user's answer (a dialog, drawn later).
    screen.requestClose();
    CHECK_FALSE(screen.closeConfirmed());
    CHECK(screen.wantsAnotherFrame());  // the dialog has to open
}
