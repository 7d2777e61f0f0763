// test_suggestions.cpp — reviewing suggestions in the editor, headless: next / previous,
// accept, reject (remembered), accept-and-next, accept all in view, accept all of a rule,
// each bulk step one undo step, editing a suggestion accepts it, keys left alone while a
// text field has the keyboard, the inspector's buttons, the list's filter and the status
// line's count.
#include "ui_fixture.h"

#include "core/model/covered_text.h"

#include <string>
#include <vector>

using claimmark::app::testing::HeadlessEditor;

namespace {

// 120 paragraphs, far more than the view shows: "Paragraph N: turmeric may help, but only
// in small trials." Each gets a hedge ("may", rule hedge.modal.may) and a caveat ("only in
// small trials", rule caveat.limited-evidence).
constexpr int kParagraphs = 120;
const std::string kMay = "may";
const std::string kLimit = "only in small trials";

std::string longArticle() {
    std::string text;
    for (int i = 0; i < kParagraphs; ++i)
        text += "Paragraph " + std::to_string(i) + ": turmeric may help, but " + kLimit + ".\n\n";
    return text;
}

claimmark::Annotation suggestion(const claimmark::Document& document, std::string id, std::string label,
                                 claimmark::Span span, std::string rule, std::string reason) {
    claimmark::Annotation a;
    a.id = std::move(id);
    a.label = std::move(label);
    a.spans = {span};
    a.status = claimmark::kSuggestedStatus;
    a.origin = "suggested";
    a.rule = std::move(rule);
    a.extra["reason"] = std::move(reason);
    claimmark::fillFromDocument(a, document);
    return a;
}

struct Fixture {
    std::string text = longArticle();
    HeadlessEditor editor{text};
    std::vector<std::string> hedges, caveats;  // ids, document order

    Fixture() {
        auto& session = editor.state().session();
        std::vector<claimmark::Annotation> batch;
        std::size_t from = 0;
        for (int i = 0; i < kParagraphs; ++i) {
            const std::size_t may = text.find(" may ", from) + 1;
            const std::size_t limit = text.find(kLimit, may);
            hedges.push_back("h" + std::to_string(i));
            caveats.push_back("c" + std::to_string(i));
            batch.push_back(suggestion(session.document(), hedges.back(), "hedge", {may, may + kMay.size()},
                                       "hedge.modal.may", "modal verb \"may\""));
            batch.push_back(suggestion(session.document(), caveats.back(), "caveat", {limit, limit + kLimit.size()},
                                       "caveat.limited-evidence", "\"only in small trials\""));
            from = limit;
        }
        REQUIRE(session.addSuggestions(std::move(batch), {}, "Suggested 240").ok());
        editor.frames(2);
    }

    claimmark::app::EditorState& state() { return editor.state(); }
    const claimmark::Annotation* find(const std::string& id) { return state().set().findAnnotation(id); }
    bool pending(const std::string& id) {
        const claimmark::Annotation* a = find(id);
        return a && claimmark::isPendingSuggestion(*a);
    }
    std::size_t pendingCount() { return state().pendingSuggestions().size(); }
    bool onScreen(const std::string& id) {
        const float y = editor.view().screenPosOf(find(id)->start()).y;
        return y >= editor.view().viewMin().y && y + editor.view().lineHeight() <= editor.view().viewMax().y;
    }
    void undo() {
        editor.key(GLFW_KEY_Z, /*ctrl=*/true);
        editor.frame();
    }
};

}  // namespace

TEST_CASE("suggestions: N and Shift+N go from one to the next, scroll to it and wrap") {
    Fixture f;
    REQUIRE(f.pendingCount() == 2 * kParagraphs);
    f.editor.key(GLFW_KEY_N);
    CHECK(f.state().selectedAnnotation == f.hedges[0]);
    f.editor.key(GLFW_KEY_N);
    CHECK(f.state().selectedAnnotation == f.caveats[0]);
    f.editor.key(GLFW_KEY_N);
    CHECK(f.state().selectedAnnotation == f.hedges[1]);
    f.editor.key(GLFW_KEY_N, false, /*shift=*/true);
    CHECK(f.state().selectedAnnotation == f.caveats[0]);
    f.editor.key(GLFW_KEY_N, false, true);
    f.editor.key(GLFW_KEY_N, false, true);  // before the first: the last one
    CHECK(f.state().selectedAnnotation == f.caveats.back());
    f.editor.frames(2);
    CHECK(f.onScreen(f.caveats.back()));
    f.editor.key(GLFW_KEY_N);  // after the last: the first again
    CHECK(f.state().selectedAnnotation == f.hedges[0]);
    f.editor.frames(2);
    CHECK(f.onScreen(f.hedges[0]));
    CHECK_FALSE(f.state().session().history().canRedo());
    CHECK(f.pendingCount() == 2 * kParagraphs);  // moving changes nothing
}

TEST_CASE("suggestions: A accepts the selected one, one undo step") {
    Fixture f;
    f.editor.key(GLFW_KEY_N);
    f.editor.key(GLFW_KEY_A);
    f.editor.frame();
    const claimmark::Annotation* a = f.find(f.hedges[0]);
    REQUIRE(a != nullptr);
    CHECK(a->status.empty());
    CHECK(a->rule == "hedge.modal.may");  // the rule and reason stay after acceptance
    CHECK(f.pendingCount() == 2 * kParagraphs - 1);
    CHECK(f.state().selectedAnnotation == f.hedges[0]);
    CHECK(f.state().statusMessage.find("Accepted hedge " + f.hedges[0]) == 0);
    f.undo();
    CHECK(f.pending(f.hedges[0]));
    CHECK(f.pendingCount() == 2 * kParagraphs);
}

TEST_CASE("suggestions: X rejects, remembers it, and moves on") {
    Fixture f;
    f.editor.key(GLFW_KEY_N);
    const claimmark::Span span = f.find(f.hedges[0])->spans.front();
    f.editor.key(GLFW_KEY_X);
    f.editor.frame();
    CHECK(f.find(f.hedges[0]) == nullptr);
    CHECK(f.state().selectedAnnotation == f.caveats[0]);
    const auto& rejected = f.state().set().rejectedSuggestions;
    REQUIRE(rejected.size() == 1);
    CHECK(rejected.front().label == "hedge");
    CHECK(rejected.front().rule == "hedge.modal.may");
    CHECK(rejected.front().spans == std::vector<claimmark::Span>{span});
    f.undo();
    CHECK(f.pending(f.hedges[0]));
    CHECK(f.state().set().rejectedSuggestions.empty());
}

TEST_CASE("suggestions: Delete on a pending suggestion rejects it (remembered)") {
    Fixture f;
    f.editor.key(GLFW_KEY_N);
    f.editor.key(GLFW_KEY_DELETE);
    f.editor.frame();
    CHECK(f.find(f.hedges[0]) == nullptr);
    CHECK(f.state().set().rejectedSuggestions.size() == 1);
}

TEST_CASE("suggestions: Enter accepts and goes on to the next") {
    Fixture f;
    f.editor.key(GLFW_KEY_N);
    f.editor.key(GLFW_KEY_ENTER);
    f.editor.frame();
    CHECK_FALSE(f.pending(f.hedges[0]));
    CHECK(f.state().selectedAnnotation == f.caveats[0]);
    f.editor.key(GLFW_KEY_ENTER);
    f.editor.frame();
    CHECK_FALSE(f.pending(f.caveats[0]));
    CHECK(f.state().selectedAnnotation == f.hedges[1]);
    CHECK(f.pendingCount() == 2 * kParagraphs - 2);
}

TEST_CASE("suggestions: Shift+A accepts those in view, one undo step") {
    Fixture f;
    f.editor.key(GLFW_KEY_A, false, /*shift=*/true);
    f.editor.frame();
    const std::size_t accepted = 2 * kParagraphs - f.pendingCount();
    CHECK(accepted >= 4);
    CHECK(accepted < 2 * kParagraphs / 2);  // not those below the view
    // Exactly the suggestions on screen: a prefix of the document.
    for (std::size_t i = 0; i < kParagraphs; ++i) {
        const bool hedgeDone = !f.pending(f.hedges[i]), caveatDone = !f.pending(f.caveats[i]);
        if (2 * i + 2 <= accepted) CHECK((hedgeDone && caveatDone));
        else if (2 * i + 1 == accepted) CHECK((hedgeDone && !caveatDone));
        else CHECK((!hedgeDone && !caveatDone));
    }
    CHECK(f.state().statusMessage.find("in view") != std::string::npos);
    f.undo();
    CHECK(f.pendingCount() == 2 * kParagraphs);
}

TEST_CASE("suggestions: Shift+R accepts every suggestion of the selected one's rule, one undo step") {
    Fixture f;
    f.editor.key(GLFW_KEY_N);  // a hedge.modal.may
    f.editor.key(GLFW_KEY_R, false, /*shift=*/true);
    f.editor.frame();
    for (const std::string& id : f.hedges) CHECK_FALSE(f.pending(id));
    for (const std::string& id : f.caveats) CHECK(f.pending(id));
    CHECK(f.pendingCount() == kParagraphs);
    CHECK(f.state().statusMessage.find("of rule hedge.modal.may") != std::string::npos);
    f.undo();
    CHECK(f.pendingCount() == 2 * kParagraphs);
}

TEST_CASE("suggestions: editing a suggestion accepts it") {
    Fixture f;
    auto& session = f.state().session();
    REQUIRE(session.setNote(f.caveats[3], "checked the trial").ok());
    CHECK_FALSE(f.pending(f.caveats[3]));
    f.editor.key(GLFW_KEY_N);
    f.editor.key(GLFW_KEY_RIGHT, false, false, /*alt=*/true);  // its end a word on
    f.editor.frame();
    CHECK(f.find(f.hedges[0])->text == "may help");
    CHECK_FALSE(f.pending(f.hedges[0]));
    CHECK(f.pendingCount() == 2 * kParagraphs - 2);
    f.undo();  // one step: the resize and the acceptance
    CHECK(f.pending(f.hedges[0]));
    CHECK(f.find(f.hedges[0])->text == "may");
}

TEST_CASE("suggestions: review keys do nothing while a text field has the keyboard") {
    Fixture f;
    f.editor.key(GLFW_KEY_N);
    REQUIRE(f.state().selectedAnnotation == f.hedges[0]);
    auto field = f.editor.window().panel().list().rects().centreOf("filter-text");
    REQUIRE(field.has_value());
    f.editor.click(*field);
    f.editor.frame();
    REQUIRE(ImGui::GetIO().WantTextInput);
    f.editor.key(GLFW_KEY_A);
    f.editor.key(GLFW_KEY_X);
    f.editor.key(GLFW_KEY_N);
    f.editor.key(GLFW_KEY_A, false, true);
    f.editor.key(GLFW_KEY_R, false, true);
    f.editor.key(GLFW_KEY_G, /*ctrl=*/true);
    f.editor.frame();
    CHECK(f.state().selectedAnnotation == f.hedges[0]);
    CHECK(f.pending(f.hedges[0]));
    CHECK(f.pendingCount() == 2 * kParagraphs);
    CHECK(f.state().session().history().undoDescription() == "Suggested 240");
    // Enter leaves the field; then the keys are the reviewer's again.
    f.editor.key(GLFW_KEY_ENTER);
    f.editor.frame();
    REQUIRE_FALSE(ImGui::GetIO().WantTextInput);
    f.editor.key(GLFW_KEY_A);
    f.editor.frame();
    CHECK_FALSE(f.pending(f.hedges[0]));
}

TEST_CASE("suggestions: the inspector names the rule and reason; its buttons accept and reject") {
    Fixture f;
    f.editor.key(GLFW_KEY_N);
    f.editor.frames(2);
    auto& inspector = f.editor.window().panel().inspector();
    CHECK(inspector.rects().centreOf("suggestion:pending").has_value());
    CHECK_FALSE(inspector.rects().centreOf("delete").has_value());  // Reject replaces it
    auto accept = inspector.rects().centreOf("suggestion:accept");
    REQUIRE(accept.has_value());
    f.editor.click(*accept);
    f.editor.frames(2);
    CHECK_FALSE(f.pending(f.hedges[0]));
    CHECK_FALSE(inspector.rects().centreOf("suggestion:accept").has_value());
    CHECK(inspector.rects().centreOf("delete").has_value());

    f.editor.key(GLFW_KEY_N);
    f.editor.frames(2);
    REQUIRE(f.state().selectedAnnotation == f.caveats[0]);
    auto reject = inspector.rects().centreOf("suggestion:reject");
    REQUIRE(reject.has_value());
    f.editor.click(*reject);
    f.editor.frames(2);
    CHECK(f.find(f.caveats[0]) == nullptr);
    CHECK(f.state().set().rejectedSuggestions.size() == 1);
}

TEST_CASE("suggestions: the list filters to pending suggestions; the toolbar's arrows move") {
    Fixture f;
    f.editor.key(GLFW_KEY_N);
    f.editor.key(GLFW_KEY_A);
    f.editor.frame();
    auto& list = f.editor.window().panel().list();
    CHECK(list.rows().size() == 2 * kParagraphs);
    auto box = list.rects().centreOf("filter-pending");
    REQUIRE(box.has_value());
    f.editor.click(*box);
    f.editor.frame();
    CHECK(list.rows().size() == 2 * kParagraphs - 1);
    for (const auto* a : list.rows()) CHECK(claimmark::isPendingSuggestion(*a));

    auto next = f.editor.window().reviewer().rects().centreOf("suggestion:next");
    REQUIRE(next.has_value());
    f.editor.click(*next);
    CHECK(f.state().selectedAnnotation == f.caveats[0]);
}

TEST_CASE("suggestions: the Suggest button adds the rules' batch as one undo step") {
    HeadlessEditor editor(claimmark::app::testing::kShortArticle);
    auto& state = editor.state();
    auto button = editor.window().reviewer().rects().centreOf("suggest");
    REQUIRE(button.has_value());
    editor.click(*button);
    editor.frame();
    const std::size_t added = state.pendingSuggestions().size();
    REQUIRE(added > 0);
    CHECK(state.set().annotationCount() == added);
    CHECK(state.statusMessage.rfind("Suggested " + std::to_string(added), 0) == 0);
    for (const auto* a : state.pendingSuggestions()) {
        CHECK(a->origin == "suggested");
        CHECK_FALSE(a->rule.empty());
    }
    // The first one is selected, and the inspector explains it.
    REQUIRE_FALSE(state.selectedAnnotation.empty());
    CHECK(state.selectedAnnotation == state.pendingSuggestions().front()->id);
    editor.frames(2);
    CHECK(editor.window().panel().inspector().rects().centreOf("suggestion:pending").has_value());

    // Everything there already: nothing new; no step on the history.
    const std::string step = state.session().history().undoDescription();
    editor.key(GLFW_KEY_G, /*ctrl=*/true);
    editor.frame();
    CHECK(state.pendingSuggestions().size() == added);
    CHECK(state.statusMessage.rfind("Nothing new to suggest", 0) == 0);
    CHECK(state.session().history().undoDescription() == step);

    // A rejected one does not come back.
    const std::string rejectedId = state.selectedAnnotation;
    editor.key(GLFW_KEY_X);
    editor.frame();
    REQUIRE(state.set().findAnnotation(rejectedId) == nullptr);
    editor.key(GLFW_KEY_G, true);
    editor.frame();
    CHECK(state.pendingSuggestions().size() == added - 1);

    // One Ctrl+Z each: the rejection, then the whole batch.
    editor.key(GLFW_KEY_Z, true);
    editor.frame();
    CHECK(state.pendingSuggestions().size() == added);
    editor.key(GLFW_KEY_Z, true);
    editor.frame();
    CHECK(state.set().annotationCount() == 0);
    CHECK_FALSE(state.session().isModified());
}
