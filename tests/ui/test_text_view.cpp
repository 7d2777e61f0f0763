// test_text_view.cpp — the article view driven headlessly: geometry, hit testing, mouse
// selection with word snapping, hovering.
#include "ui_fixture.h"

#include <imgui_internal.h>

#include <cfloat>
#include <cmath>

using claimmark::app::testing::HeadlessEditor;

namespace {

// Width of `text` in the article font, measured by Dear ImGui itself (not by the layout).
float widthOf(HeadlessEditor& editor, const char* text) {
    return editor.textFont()->CalcTextSizeA(editor.textSize(), FLT_MAX, 0.0f, text).x;
}

const char* const kArticle = claimmark::app::testing::kShortArticle;
// Code points: "Turmeric" 0-7, ' ' 8, "may" 9-11, ' ' 12, "ease" 13-16, ' ' 17, "joint" 18-22,
// ' ' 23, "pain" 24-27, '.' 28, '\n' 29, '\n' 30, "Some" 31-34, ' ' 35, "small" 36-40,
// ' ' 41, "trials" 42-47, ' ' 48, "suggest" 49-55, ' ' 56, "it" 57-58, ' ' 59,
// "can’t" 60-64, ' ' 65, "hurt" 66-69, ' ' 70, "—" 71, ' ' 72, "but" 73-75, ...

}  // namespace

TEST_CASE("text view: positions on screen agree with the font's own measurements") {
    HeadlessEditor editor(kArticle);
    auto& view = editor.view();
    const ImVec2 origin = view.screenPosOf(0);
    CHECK(origin.x > 0);
    CHECK(origin.y > 0);
    // "Turmeric may " is 13 code points before "ease".
    CHECK(std::fabs(view.screenPosOf(13).x - (origin.x + widthOf(editor, "Turmeric may "))) < 0.01f);
    CHECK(view.screenPosOf(13).y == origin.y);
    // The second paragraph starts lower, at the left margin.
    const ImVec2 second = view.screenPosOf(31);
    CHECK(second.x == origin.x);
    CHECK(second.y > origin.y + view.lineHeight());
    // Past the curly apostrophe (3 bytes, 1 code point): "Some small trials suggest it can’"
    const float expected = second.x + widthOf(editor, "Some small trials suggest it can\xE2\x80\x99");
    CHECK(std::fabs(view.screenPosOf(64).x - expected) < 0.01f);
}

TEST_CASE("text view: hit testing a point returns the code point drawn there") {
    HeadlessEditor editor(kArticle);
    auto& view = editor.view();
    const ImVec2 origin = view.screenPosOf(0);
    const float middle = view.lineHeight() * 0.5f;
    // Just inside the 'e' of "ease".
    const float eEase = origin.x + widthOf(editor, "Turmeric may ") + 1.0f;
    CHECK(view.characterAt(ImVec2(eEase, origin.y + middle)) == std::optional<std::size_t>(13));
    // Just left of it is the space before.
    CHECK(view.characterAt(ImVec2(eEase - 2.0f, origin.y + middle)) == std::optional<std::size_t>(12));
    // The curly apostrophe of "can’t".
    const ImVec2 second = view.screenPosOf(31);
    const float apostrophe = second.x + widthOf(editor, "Some small trials suggest it can") + 1.0f;
    CHECK(view.characterAt(ImVec2(apostrophe, second.y + middle)) == std::optional<std::size_t>(63));
    // Nothing right of the first line's end, nor above the text.
    CHECK_FALSE(
        view.characterAt(ImVec2(origin.x + widthOf(editor, "Turmeric may ease joint pain.") + 5, origin.y + middle))
            .has_value());
    CHECK_FALSE(view.characterAt(ImVec2(origin.x + 5, origin.y - 5)).has_value());
    // The caret position nearest a point: the right half of a glyph is after it.
    const float wT = widthOf(editor, "T");
    CHECK(view.caretAt(ImVec2(origin.x + wT * 0.25f, origin.y + middle)) == 0);
    CHECK(view.caretAt(ImVec2(origin.x + wT * 0.75f, origin.y + middle)) == 1);
    CHECK(view.caretAt(ImVec2(origin.x, origin.y - 50)) == 0);
    CHECK(view.caretAt(ImVec2(origin.x, origin.y + 5000)) == editor.state().document().length());
}

TEST_CASE("text view: dragging selects, snapped to whole words") {
    HeadlessEditor editor(kArticle);
    // From inside "ease" to inside "joint": the selection grows to "ease joint".
    editor.drag(editor.centreOf(14), editor.centreOf(20));
    CHECK(editor.state().selection.start() == 13);
    CHECK(editor.state().selection.end() == 23);
    // Dragging backwards keeps the anchor at the far end.
    editor.drag(editor.centreOf(20), editor.centreOf(10));
    CHECK(editor.state().selection.start() == 9);
    CHECK(editor.state().selection.end() == 23);
    CHECK(editor.state().selection.anchor == 23);
}

TEST_CASE("text view: Alt turns word snapping off") {
    HeadlessEditor editor(kArticle);
    ImGui::GetIO().KeyAlt = true;
    editor.drag(editor.view().screenPosOf(14), editor.view().screenPosOf(20));
    ImGui::GetIO().KeyAlt = false;
    CHECK(editor.state().selection.start() == 14);
    CHECK(editor.state().selection.end() == 20);
}

TEST_CASE("text view: double-click selects a word, shift-click extends") {
    HeadlessEditor editor(kArticle);
    editor.click(editor.centreOf(62));  // in "can’t"
    editor.click(editor.centreOf(62));  // second click within the double-click time
    CHECK(editor.state().selection.start() == 60);
    CHECK(editor.state().selection.end() == 65);

    editor.click(editor.centreOf(1));  // a plain click clears the selection
    CHECK(editor.state().selection.empty());
    ImGui::GetIO().KeyShift = true;
    editor.click(editor.centreOf(19));
    ImGui::GetIO().KeyShift = false;
    CHECK(editor.state().selection.start() == 0);  // snapped out to "Turmeric"
    CHECK(editor.state().selection.end() == 23);   // and to the end of "joint"
}

TEST_CASE("text view: hovering reports the code point and shows the annotation") {
    HeadlessEditor editor(kArticle);
    // A claim: its tooltip lists attributes (strength, checkworthy, verdict defaults).
    REQUIRE(editor.state().session().addAnnotation("claim", {{9, 12}}).ok());
    editor.frames(2);
    editor.moveTo(editor.centreOf(10));
    editor.frames(2);
    CHECK(editor.state().pointer == std::optional<std::size_t>(10));
    ImGuiWindow* tooltip = ImGui::FindWindowByName("##Tooltip_00");
    REQUIRE(tooltip != nullptr);
    CHECK(tooltip->Active);
    // The tooltip is wide enough for what it holds (nothing clipped).
    CHECK(tooltip->WindowPadding.x > 0);  // not the article's zero padding
    CHECK(tooltip->Size.x + 0.5f >= tooltip->ContentSizeIdeal.x + 2 * tooltip->WindowPadding.x);
    // Off the text, no pointer.
    editor.moveTo(ImVec2(2, 790));
    CHECK_FALSE(editor.state().pointer.has_value());
}

TEST_CASE("text view: a click on a highlight selects the annotation, a click elsewhere clears") {
    HeadlessEditor editor(kArticle);
    auto id = editor.state().session().addAnnotation("claim", {{0, 29}});
    REQUIRE(id.ok());
    editor.frames(2);
    editor.click(editor.centreOf(3));
    CHECK(editor.state().selectedAnnotation == *id);
    CHECK(editor.state().selection.empty());
    editor.click(editor.centreOf(40));
    CHECK(editor.state().selectedAnnotation.empty());
}
