// test_find.cpp — the find bar driven headlessly: Ctrl+F and typing, the counter's state,
// Next / Previous with wrap-around (Enter, Shift+Enter, F3, Shift+F3), options, where the
// first match is taken from, scrolling to a match, Select match + a label key, Escape.
#include "ui_fixture.h"

#include <string>
#include <vector>

using claimmark::Span;
using claimmark::app::testing::HeadlessEditor;

namespace {

const char* const kArticle =
    "Turmeric may ease joint pain.\n"
    "\n"
    "Some small trials suggest it may help; it may not.\n"
    "\n"
    "May we ask a doctor? It can\xE2\x80\x99t hurt.";
// "may" 9-12, "Some small trials" 31-48, "it" 57-59, "may" 60-63, "it" 70-72, "may" 73-76,
// "May" 83-86, "a" 94-95, "It" 104-106, "can’t" 107-112.

void typeText(HeadlessEditor& editor, const char* text) {
    for (const char* c = text; *c; ++c) editor.type(*c);
}

void openAndType(HeadlessEditor& editor, const char* text) {
    editor.key(GLFW_KEY_F, /*ctrl=*/true);
    REQUIRE(editor.window().findBar().isOpen());
    typeText(editor, text);
}

const std::vector<Span> kMay{{9, 12}, {60, 63}, {73, 76}, {83, 86}};

}  // namespace

TEST_CASE("find: Ctrl+F then typing finds every match, case-insensitively") {
    HeadlessEditor editor(kArticle);
    CHECK_FALSE(editor.window().findBar().isOpen());
    openAndType(editor, "may");
    CHECK(std::string(editor.window().findBar().query()) == "may");
    CHECK(editor.state().findMatches == kMay);
    REQUIRE(editor.state().currentFindMatch.has_value());
    CHECK(*editor.state().currentFindMatch == 0);
    // Typing went to the field, not to the label hotkeys or anything else.
    CHECK(editor.state().set().annotationCount() == 0);
}

TEST_CASE("find: Enter / Shift+Enter and F3 / Shift+F3 cycle and wrap") {
    HeadlessEditor editor(kArticle);
    openAndType(editor, "may");
    auto& state = editor.state();
    REQUIRE(state.findMatches.size() == 4);
    REQUIRE(*state.currentFindMatch == 0);

    editor.key(GLFW_KEY_ENTER);
    CHECK(*state.currentFindMatch == 1);
    editor.key(GLFW_KEY_ENTER);
    editor.key(GLFW_KEY_ENTER);
    CHECK(*state.currentFindMatch == 3);
    editor.key(GLFW_KEY_ENTER);  // wraps to the first
    CHECK(*state.currentFindMatch == 0);
    editor.key(GLFW_KEY_ENTER, false, /*shift=*/true);  // and back to the last
    CHECK(*state.currentFindMatch == 3);
    editor.key(GLFW_KEY_F3);
    CHECK(*state.currentFindMatch == 0);
    editor.key(GLFW_KEY_F3, false, true);
    CHECK(*state.currentFindMatch == 3);
    editor.key(GLFW_KEY_F3, false, true);
    CHECK(*state.currentFindMatch == 2);

    // After Enter the field has the keyboard again, with its text not selected: typing
    // appends to the query.
    editor.type('x');
    CHECK(std::string(editor.window().findBar().query()) == "mayx");
    CHECK(state.findMatches.empty());
    CHECK_FALSE(state.currentFindMatch.has_value());
}

TEST_CASE("find: match case, whole words, and curly apostrophes") {
    HeadlessEditor editor(kArticle);
    openAndType(editor, "may");
    auto& bar = editor.window().findBar();
    bar.setMatchCase(true);
    editor.frame();
    CHECK(editor.state().findMatches == std::vector<Span>{{9, 12}, {60, 63}, {73, 76}});
    bar.setMatchCase(false);
    editor.frame();
    CHECK(editor.state().findMatches.size() == 4);

    editor.key(GLFW_KEY_F, true);  // selects the query, so typing replaces it
    editor.frames(2);
    typeText(editor, "a");
    CHECK(std::string(bar.query()) == "a");
    CHECK(editor.state().findMatches.size() > 5);
    bar.setWholeWord(true);
    editor.frame();
    CHECK(editor.state().findMatches == std::vector<Span>{{94, 95}});
    bar.setWholeWord(false);

    editor.key(GLFW_KEY_F, true);
    editor.frames(2);
    typeText(editor, "can't");  // straight apostrophe finds the curly one
    CHECK(editor.state().findMatches == std::vector<Span>{{107, 112}});
}

TEST_CASE("find: the first match is the one at the selection; a short selection is the query") {
    HeadlessEditor editor(kArticle);
    editor.state().selection.anchor = 70;  // the second "it"
    editor.state().selection.caret = 72;
    editor.key(GLFW_KEY_F, true);
    editor.frames(2);
    CHECK(std::string(editor.window().findBar().query()) == "it");
    CHECK(editor.state().findMatches == std::vector<Span>{{57, 59}, {70, 72}, {104, 106}});
    REQUIRE(editor.state().currentFindMatch.has_value());
    CHECK(*editor.state().currentFindMatch == 1);
    editor.key(GLFW_KEY_ENTER);
    CHECK(*editor.state().currentFindMatch == 2);
}

TEST_CASE("find: Select match (Alt+Enter) then 1 tags exactly the match") {
    HeadlessEditor editor(kArticle);
    openAndType(editor, "may");
    editor.key(GLFW_KEY_ENTER);  // the second "may", 60-63
    REQUIRE(*editor.state().currentFindMatch == 1);
    editor.key(GLFW_KEY_ENTER, false, false, /*alt=*/true);
    CHECK(editor.state().selection.start() == 60);
    CHECK(editor.state().selection.end() == 63);
    editor.type('1');
    CHECK(std::string(editor.window().findBar().query()) == "may");  // not typed into the field
    const auto& set = editor.state().set();
    REQUIRE(set.annotationCount() == 1);
    const auto& a = set.annotations().front();
    CHECK(a.label == "claim");
    CHECK(a.spans == std::vector<Span>{{60, 63}});
    CHECK(a.text == "may");
    // The bar stays open with its matches; the selected-match API works without the keys.
    CHECK(editor.window().findBar().isOpen());
    editor.window().findBar().next();
    CHECK(editor.window().findBar().selectCurrentMatch());
    CHECK(editor.state().selection.start() == 73);
    CHECK(editor.state().selection.end() == 76);
}

TEST_CASE("find: Escape closes the bar and clears the highlights") {
    HeadlessEditor editor(kArticle);
    openAndType(editor, "may");
    REQUIRE(editor.state().findMatches.size() == 4);
    editor.key(GLFW_KEY_ESCAPE);
    CHECK_FALSE(editor.window().findBar().isOpen());
    CHECK(editor.state().findMatches.empty());
    CHECK_FALSE(editor.state().currentFindMatch.has_value());

    // With the field no longer focused (after Select match), the first Escape closes the
    // bar and leaves the selection; the second clears the selection.
    openAndType(editor, "");
    editor.frames(2);
    CHECK(std::string(editor.window().findBar().query()) == "may");  // kept for next time
    CHECK(editor.state().findMatches.size() == 4);
    editor.key(GLFW_KEY_ENTER, false, false, true);
    REQUIRE_FALSE(editor.state().selection.empty());
    editor.key(GLFW_KEY_ESCAPE);
    CHECK_FALSE(editor.window().findBar().isOpen());
    CHECK(editor.state().findMatches.empty());
    CHECK_FALSE(editor.state().selection.empty());
    editor.key(GLFW_KEY_ESCAPE);
    CHECK(editor.state().selection.empty());
}

TEST_CASE("find: moving to a match off screen scrolls the text to it") {
    std::string text;
    for (int i = 0; i < 120; ++i) text += "Paragraph of filler text that says nothing in particular.\n\n";
    const std::size_t needle = text.size();  // ASCII: bytes are code points
    text += "Curcumin may reduce inflammation.\n";
    HeadlessEditor editor(text);
    openAndType(editor, "curcumin");
    REQUIRE(editor.state().findMatches == std::vector<Span>{{needle, needle + 8}});
    editor.frames(3);
    const ImVec2 pos = editor.view().screenPosOf(needle);
    CHECK(pos.y >= editor.view().viewMin().y);
    CHECK(pos.y + editor.view().lineHeight() <= editor.view().viewMax().y);
    // The first paragraph is gone from view.
    CHECK(editor.view().screenPosOf(0).y < editor.view().viewMin().y);
}
