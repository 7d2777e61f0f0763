// test_linking.cpp — relations from the inspector: the linking flow (L, click the other
// annotation, pick a type from only the allowed ones), refusals, Esc, and deleting or
// following a relation from the list of relations.
#include "ui_fixture.h"

using claimmark::app::testing::HeadlessEditor;

namespace {

const char* const kArticle = claimmark::app::testing::kShortArticle;
// "Turmeric" 0-8, "may" 9-12, "ease joint pain" 13-28, "Some small trials" 31-48,
// "ask a doctor first" 77-95

struct Fixture {
    HeadlessEditor editor{kArticle};
    std::string claim, hedge, evidence, caveat;
    Fixture() {
        auto& session = editor.state().session();
        claim = *session.addAnnotation("claim", {{13, 28}});
        hedge = *session.addAnnotation("hedge", {{9, 12}});
        evidence = *session.addAnnotation("evidence", {{31, 48}});
        caveat = *session.addAnnotation("caveat", {{77, 95}});
        editor.frames(2);
    }
    claimmark::app::InspectorPanel& inspector() { return editor.window().panel().inspector(); }
    void clickControl(const char* name) {
        auto centre = inspector().rects().centreOf(name);
        REQUIRE_MESSAGE(centre.has_value(), "not drawn: " << name);
        editor.click(*centre);
        editor.frame();
    }
    const claimmark::Relation* onlyRelation() {
        const auto& relations = editor.state().set().relations();
        return relations.size() == 1 ? &relations.front() : nullptr;
    }
};

}  // namespace

TEST_CASE("linking: L, click the claim, confirm the one allowed type") {
    Fixture f;
    f.editor.click(f.editor.centreOf(10));  // the hedge "may"
    REQUIRE(f.editor.state().selectedAnnotation == f.hedge);
    f.editor.key(GLFW_KEY_L);
    CHECK(f.editor.state().linkSource == f.hedge);

    f.editor.click(f.editor.centreOf(20));  // the claim
    f.editor.frame();
    REQUIRE(f.inspector().linkPopupOpen());
    // hedge -> claim: only "hedges" is allowed; even a single type waits for confirmation.
    CHECK(f.inspector().offeredTypes() == std::vector<std::string>{"hedges"});
    CHECK(f.editor.state().set().relationCount() == 0);

    f.clickControl("link-type:hedges");
    const claimmark::Relation* relation = f.onlyRelation();
    REQUIRE(relation != nullptr);
    CHECK(relation->type == "hedges");
    CHECK(relation->from == f.hedge);
    CHECK(relation->to == f.claim);
    CHECK(f.editor.state().linkSource.empty());
    CHECK_FALSE(f.inspector().linkPopupOpen());
    CHECK(f.editor.state().selectedAnnotation == f.hedge);  // back on the source
}

TEST_CASE("linking: evidence is offered exactly supports and contradicts; a number key picks") {
    Fixture f;
    f.editor.state().selectedAnnotation = f.evidence;
    f.editor.frame();
    f.clickControl("link");
    REQUIRE(f.editor.state().linkSource == f.evidence);
    f.editor.click(f.editor.centreOf(20));
    f.editor.frame();
    REQUIRE(f.inspector().linkPopupOpen());
    CHECK(f.inspector().offeredTypes() == std::vector<std::string>{"supports", "contradicts"});
    f.editor.key(GLFW_KEY_2);
    f.editor.frame();
    const claimmark::Relation* relation = f.onlyRelation();
    REQUIRE(relation != nullptr);
    CHECK(relation->type == "contradicts");
    CHECK(relation->from == f.evidence);
    CHECK(relation->to == f.claim);
}

TEST_CASE("linking: no allowed type says why and keeps linking; Esc cancels") {
    Fixture f;
    f.editor.state().selectedAnnotation = f.claim;
    f.editor.frame();
    f.editor.key(GLFW_KEY_L);
    REQUIRE(f.editor.state().linkSource == f.claim);
    f.editor.click(f.editor.centreOf(10));  // a hedge: nothing goes from a claim to a hedge
    f.editor.frame();
    CHECK_FALSE(f.inspector().linkPopupOpen());
    CHECK(f.inspector().linkMessage() == "No relation type goes from a claim to a hedge.");
    CHECK(f.editor.state().linkSource == f.claim);
    CHECK(f.editor.state().selectedAnnotation == f.claim);
    CHECK(f.editor.state().set().relationCount() == 0);

    f.editor.key(GLFW_KEY_ESCAPE);
    CHECK(f.editor.state().linkSource.empty());
    CHECK(f.editor.state().selectedAnnotation == f.claim);  // Esc ended linking only
}

TEST_CASE("linking: Esc in the popup cancels without linking") {
    Fixture f;
    f.editor.state().selectedAnnotation = f.caveat;
    f.editor.frame();
    f.editor.key(GLFW_KEY_L);
    f.editor.click(f.editor.centreOf(20));
    f.editor.frame();
    REQUIRE(f.inspector().linkPopupOpen());
    CHECK(f.inspector().offeredTypes() == std::vector<std::string>{"qualifies"});
    f.editor.key(GLFW_KEY_ESCAPE);
    f.editor.frame();
    CHECK_FALSE(f.inspector().linkPopupOpen());
    CHECK(f.editor.state().linkSource.empty());
    CHECK(f.editor.state().set().relationCount() == 0);
}

TEST_CASE("relations: listed both ways; a line selects the other end, its button deletes it") {
    Fixture f;
    auto& session = f.editor.state().session();
    auto r1 = session.addRelation("hedges", f.hedge, f.claim);
    auto r2 = session.addRelation("supports", f.evidence, f.claim);
    REQUIRE(r1.ok());
    REQUIRE(r2.ok());
    f.editor.state().selectedAnnotation = f.claim;
    f.editor.frames(2);
    CHECK(f.inspector().rects().centreOf(("relation:" + *r1).c_str()).has_value());
    CHECK(f.inspector().rects().centreOf(("relation:" + *r2).c_str()).has_value());

    f.clickControl(("relation-delete:" + *r2).c_str());
    CHECK(f.editor.state().set().findRelation(*r2) == nullptr);
    CHECK(f.editor.state().set().findRelation(*r1) != nullptr);
    CHECK(f.editor.state().set().findAnnotation(f.evidence) != nullptr);  // only the relation went

    f.clickControl(("relation:" + *r1).c_str());
    CHECK(f.editor.state().selectedAnnotation == f.hedge);
    // From the hedge's side the same relation is listed too.
    f.editor.frame();
    CHECK(f.inspector().rects().centreOf(("relation:" + *r1).c_str()).has_value());
}
