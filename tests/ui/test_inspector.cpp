// test_inspector.cpp — the inspector of the selected annotation, driven headlessly: label,
// enum / ordinal / bool attributes and their clear control, the note as one undo step,
// moving boundaries by a word or a character with keys and buttons.
#include "ui_fixture.h"

using claimmark::Span;
using claimmark::app::testing::HeadlessEditor;

namespace {

const char* const kArticle = claimmark::app::testing::kShortArticle;
// "Turmeric" 0-8, "may" 9-12, "ease" 13-17, "joint" 18-23, "pain" 24-28, "." 28, "Some" 31-35,
// "small" 36-41, "trials" 42-48, "suggest" 49-56, "it" 57-59, "can’t" 60-65, "hurt" 66-70

// Clicks the inspector control drawn under `name` in the last frame.
void clickControl(HeadlessEditor& editor, const char* name) {
    auto centre = editor.window().panel().inspector().rects().centreOf(name);
    REQUIRE_MESSAGE(centre.has_value(), "not drawn: " << name);
    editor.click(*centre);
    editor.frame();  // posted edits are applied at the end of the frame that posted them
}

std::string selectClaim(HeadlessEditor& editor, Span span) {
    auto id = editor.state().session().addAnnotation("claim", {span});
    REQUIRE(id.ok());
    editor.state().selectedAnnotation = *id;
    editor.frames(2);
    return *id;
}

const claimmark::AttributeValue* attribute(HeadlessEditor& editor, const std::string& id, const char* name) {
    const auto* a = editor.state().set().findAnnotation(id);
    REQUIRE(a != nullptr);
    auto found = a->attributes.find(std::string_view(name));
    return found == a->attributes.end() ? nullptr : &found->second;
}

}  // namespace

TEST_CASE("inspector: an enum attribute is chosen from a combo, and cleared") {
    HeadlessEditor editor(kArticle);
    const std::string id = selectClaim(editor, {0, 28});
    clickControl(editor, "attr:verdict");  // opens the combo
    clickControl(editor, "option:misleading");
    const auto* verdict = attribute(editor, id, "verdict");
    REQUIRE(verdict != nullptr);
    CHECK(std::get<std::string>(*verdict) == "misleading");

    clickControl(editor, "clear:verdict");
    CHECK(attribute(editor, id, "verdict") == nullptr);
    // Two steps: undo brings the value back.
    editor.key(GLFW_KEY_Z, true);
    editor.frame();
    REQUIRE(attribute(editor, id, "verdict") != nullptr);
    CHECK(std::get<std::string>(*attribute(editor, id, "verdict")) == "misleading");
}

TEST_CASE("inspector: an ordinal attribute is set with its level buttons; a bool with its checkbox") {
    HeadlessEditor editor(kArticle);
    const std::string id = selectClaim(editor, {0, 28});
    clickControl(editor, "attr:strength:2");
    REQUIRE(attribute(editor, id, "strength") != nullptr);
    CHECK(std::get<std::int64_t>(*attribute(editor, id, "strength")) == 2);
    clickControl(editor, "attr:strength:5");
    CHECK(std::get<std::int64_t>(*attribute(editor, id, "strength")) == 5);

    const auto* before = attribute(editor, id, "checkworthy");
    const bool was = before && std::get<bool>(*before);
    clickControl(editor, "attr:checkworthy");
    REQUIRE(attribute(editor, id, "checkworthy") != nullptr);
    CHECK(std::get<bool>(*attribute(editor, id, "checkworthy")) == !was);
}

TEST_CASE("inspector: the label combo relabels") {
    HeadlessEditor editor(kArticle);
    const std::string id = selectClaim(editor, {9, 12});
    clickControl(editor, "label");
    clickControl(editor, "option:hedge");
    CHECK(editor.state().set().findAnnotation(id)->label == "hedge");
    // The hedge's own attribute is offered now.
    editor.frame();
    CHECK(editor.window().panel().inspector().rects().centreOf("attr:kind").has_value());
    CHECK_FALSE(editor.window().panel().inspector().rects().centreOf("attr:verdict").has_value());
}

TEST_CASE("inspector: a note typed in several keystrokes is one undo step, committed on leaving") {
    HeadlessEditor editor(kArticle);
    const std::string id = selectClaim(editor, {0, 28});
    const std::size_t stepsBefore = editor.state().session().history().size();
    clickControl(editor, "note");
    for (char c : std::string("check dose")) editor.type(c);
    // Still typing: nothing committed yet.
    CHECK(editor.state().set().findAnnotation(id)->note.empty());
    // Leaving the field (clicking the list's text filter) commits.
    auto elsewhere = editor.window().panel().list().rects().centreOf("filter-text");
    REQUIRE(elsewhere.has_value());
    editor.click(*elsewhere);
    editor.frames(2);
    CHECK(editor.state().set().findAnnotation(id)->note == "check dose");
    CHECK(editor.state().session().history().size() == stepsBefore + 1);
    editor.state().post(claimmark::app::Action::of(claimmark::app::ActionKind::Undo));
    editor.frames(2);
    CHECK(editor.state().set().findAnnotation(id)->note.empty());
}

TEST_CASE("inspector: Alt+arrows move the end by a word, Alt+Shift+arrows the start") {
    HeadlessEditor editor(kArticle);
    const std::string id = selectClaim(editor, {13, 17});  // "ease"
    editor.key(GLFW_KEY_RIGHT, false, false, /*alt=*/true);
    editor.frame();
    REQUIRE(editor.state().set().findAnnotation(id)->spans == std::vector<Span>{{13, 23}});
    CHECK(editor.state().set().findAnnotation(id)->text == "ease joint");
    editor.key(GLFW_KEY_LEFT, false, /*shift=*/true, /*alt=*/true);
    editor.frame();
    CHECK(editor.state().set().findAnnotation(id)->spans == std::vector<Span>{{9, 23}});
    editor.key(GLFW_KEY_LEFT, false, false, true);
    editor.frame();
    CHECK(editor.state().set().findAnnotation(id)->spans == std::vector<Span>{{9, 17}});
    // Ctrl: one character.
    editor.key(GLFW_KEY_RIGHT, /*ctrl=*/true);
    editor.frame();
    CHECK(editor.state().set().findAnnotation(id)->spans == std::vector<Span>{{9, 18}});
    editor.key(GLFW_KEY_RIGHT, true, /*shift=*/true);
    editor.frame();
    CHECK(editor.state().set().findAnnotation(id)->spans == std::vector<Span>{{10, 18}});
}

TEST_CASE("inspector: boundary buttons post a resize; impossible moves are disabled") {
    HeadlessEditor editor(kArticle);
    const std::string id = selectClaim(editor, {60, 65});  // "can’t"
    clickControl(editor, "nudge:end-word-right");
    CHECK(editor.state().set().findAnnotation(id)->spans == std::vector<Span>{{60, 70}});
    CHECK(editor.state().set().findAnnotation(id)->text == "can\xE2\x80\x99t hurt");
    clickControl(editor, "nudge:start-word-left");
    CHECK(editor.state().set().findAnnotation(id)->spans == std::vector<Span>{{57, 70}});
    clickControl(editor, "nudge:start-char-right");
    CHECK(editor.state().set().findAnnotation(id)->spans == std::vector<Span>{{58, 70}});

    // A one-word annotation cannot lose its only word.
    const std::string word = selectClaim(editor, {9, 12});
    clickControl(editor, "nudge:end-word-left");
    CHECK(editor.state().set().findAnnotation(word)->spans == std::vector<Span>{{9, 12}});
}

TEST_CASE("inspector: the delete button removes the annotation; then the help is shown") {
    HeadlessEditor editor(kArticle);
    const std::string id = selectClaim(editor, {0, 28});
    CHECK(editor.window().panel().inspector().rects().centreOf("delete").has_value());
    clickControl(editor, "delete");
    CHECK(editor.state().set().findAnnotation(id) == nullptr);
    CHECK(editor.state().selectedAnnotation.empty());
    // Nothing selected: the help text is shown, the inspector's controls are not.
    editor.frame();
    CHECK_FALSE(editor.window().panel().inspector().rects().centreOf("note").has_value());
}
