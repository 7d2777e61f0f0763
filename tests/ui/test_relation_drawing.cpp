// test_relation_drawing.cpp — relations drawn over the text: arrows for the selected and
// the hovered annotation, stubs toward an end that is off screen, many relations at once,
// and find highlights drawn without disturbing them.
#include "ui_fixture.h"

#include <string>

using claimmark::app::testing::HeadlessEditor;

namespace {

const char* const kArticle = claimmark::app::testing::kShortArticle;
// "Turmeric" 0-8, "may" 9-12, "ease joint pain" 13-28, "Some small trials" 31-48,
// "suggest" 49-56, "ask a doctor first" 77-95

struct Fixture {
    HeadlessEditor editor;
    std::string claim, hedge, evidence, caveat;
    explicit Fixture(const std::string& text = kArticle) : editor(text) {}
    void annotate(std::size_t evidenceStart, std::size_t evidenceEnd) {
        auto& session = editor.state().session();
        claim = *session.addAnnotation("claim", {{13, 28}});
        hedge = *session.addAnnotation("hedge", {{9, 12}});
        evidence = *session.addAnnotation("evidence", {{evidenceStart, evidenceEnd}});
        caveat = *session.addAnnotation("caveat", {{0, 8}});  // unrelated
        REQUIRE(session.addRelation("hedges", hedge, claim).ok());
        REQUIRE(session.addRelation("supports", evidence, claim).ok());
        editor.frames(2);
    }
    int arrows() { return editor.view().lastFrameRelationArrows(); }
    int stubs() { return editor.view().lastFrameRelationStubs(); }
};

}  // namespace

TEST_CASE("relations: nothing selected or hovered, nothing drawn") {
    Fixture f;
    f.annotate(31, 48);
    f.editor.moveTo(ImVec2(5, 5));
    CHECK(f.arrows() == 0);
    CHECK(f.stubs() == 0);
}

TEST_CASE("relations: the selected claim shows an arrow to each related annotation") {
    Fixture f;
    f.annotate(31, 48);
    f.editor.state().selectedAnnotation = f.claim;
    f.editor.moveTo(ImVec2(5, 5));  // the mouse away from the text
    CHECK(f.arrows() == 2);
    CHECK(f.stubs() == 0);

    f.editor.state().selectedAnnotation = f.hedge;  // one relation
    f.editor.frame();
    CHECK(f.arrows() == 1);
    f.editor.state().selectedAnnotation = f.caveat;  // none
    f.editor.frame();
    CHECK(f.arrows() == 0);
}

TEST_CASE("relations: hovering shows them too, and a pair is not drawn twice") {
    Fixture f;
    f.annotate(31, 48);
    f.editor.moveTo(f.editor.centreOf(40));  // over the evidence, nothing selected
    CHECK(f.arrows() == 1);

    // Claim selected (2 arrows), the hedge hovered: its only relation is to the claim,
    // already drawn.
    f.editor.state().selectedAnnotation = f.claim;
    f.editor.moveTo(f.editor.centreOf(10));
    CHECK(f.arrows() == 2);
    // Hovering the unrelated caveat adds nothing.
    f.editor.moveTo(f.editor.centreOf(3));
    CHECK(f.arrows() == 2);
}

TEST_CASE("relations: an end off screen gets a stub, not an arrow") {
    std::string text = kArticle;
    text += "\n\n";
    for (int i = 0; i < 80; ++i) text += "Filler paragraph with nothing to say about joints.\n\n";
    const std::size_t far = text.size();  // ASCII from here: bytes are code points
    // The article has 2 three-byte characters (’ and —) before this point.
    const std::size_t farCp = far - 4;
    text += "A randomised trial found benefits.";
    Fixture f(text);
    f.annotate(farCp + 2, farCp + 18);  // "randomised trial", far below
    REQUIRE(f.editor.state().document().slice(farCp + 2, farCp + 18) == "randomised trial");

    f.editor.state().selectedAnnotation = f.claim;
    f.editor.moveTo(ImVec2(5, 5));
    CHECK(f.arrows() == 1);  // the hedge, on screen
    CHECK(f.stubs() == 1);   // the evidence, below the view

    // Scrolled to the evidence, the claim is the one off screen: the evidence's end shows
    // a stub toward it (the selected claim's relation, drawn from the end that is visible).
    f.editor.state().scrollTarget = farCp;
    f.editor.frames(3);
    REQUIRE(f.editor.view().screenPosOf(farCp).y < f.editor.view().viewMax().y);
    CHECK(f.arrows() == 0);
    CHECK(f.stubs() == 1);
}

TEST_CASE("relations: five hedges on one claim give five arrows") {
    Fixture f;
    auto& session = f.editor.state().session();
    const std::string claim = *session.addAnnotation("claim", {{31, 95}});
    const std::size_t starts[] = {0, 9, 13, 18, 24};  // Turmeric, may, ease, joint, pain
    const std::size_t ends[] = {8, 12, 17, 23, 28};
    for (int i = 0; i < 5; ++i) {
        const std::string hedge = *session.addAnnotation("hedge", {{starts[i], ends[i]}});
        REQUIRE(session.addRelation("hedges", hedge, claim).ok());
    }
    f.editor.state().selectedAnnotation = claim;
    f.editor.frames(2);
    CHECK(f.arrows() == 5);
    CHECK(f.stubs() == 0);
}

TEST_CASE("relations: find highlights and relations together, then undo removes an arrow") {
    Fixture f;
    f.annotate(31, 48);
    f.editor.key(GLFW_KEY_F, true);
    for (char c : std::string("trials")) f.editor.type(c);
    REQUIRE(f.editor.state().findMatches.size() == 1);
    f.editor.state().selectedAnnotation = f.claim;
    f.editor.frame();
    CHECK(f.arrows() == 2);
    // Undo the "supports" relation: the index of relations follows the set's revision.
    f.editor.state().session().undo();
    f.editor.frame();
    CHECK(f.arrows() == 1);
}
