// test_orphans.cpp — annotations re-anchoring could not place: listed (not drawn in the
// text), re-attached to the selection, or deleted.
#include "ui_fixture.h"

using claimmark::Span;
using claimmark::app::testing::HeadlessEditor;

namespace {

const char* const kArticle = "Turmeric may ease joint pain.\n\nSome small trials suggest it.";
// "ease" 13-17, "small trials" 36-48

claimmark::AnnotationSet setWithOrphan() {
    claimmark::AnnotationSet set = HeadlessEditor::makeSet();
    claimmark::Annotation a;
    a.id = "a7";
    a.label = "caveat";
    a.spans = {Span{300, 320}};  // where it was in an older, longer article
    a.text = "talk to your doctor";
    a.note = "moved in the new version";
    a.orphaned = true;
    REQUIRE(set.addAnnotation(a).ok());
    return set;
}

struct Fixture {
    HeadlessEditor editor{kArticle, setWithOrphan()};
    const claimmark::app::OrphanPanel& orphans() { return editor.window().panel().orphans(); }
    void clickControl(const std::string& name) {
        auto centre = orphans().rects().centreOf(name.c_str());
        REQUIRE_MESSAGE(centre.has_value(), "not drawn: " << name);
        editor.click(*centre);
        editor.frame();
    }
};

}  // namespace

TEST_CASE("orphans: listed in their own section, never in the text") {
    Fixture f;
    CHECK(f.editor.window().panel().orphans().orphans().size() == 1);
    CHECK(f.orphans().rects().centreOf("reattach:a7").has_value());
    CHECK(f.editor.state().spanIndex().size() == 0);
}

TEST_CASE("orphans: re-attach places it on the selection (trimmed), as one undoable step") {
    Fixture f;
    // Without a selection the button does nothing.
    f.clickControl("reattach:a7");
    CHECK(f.editor.state().set().findAnnotation("a7")->orphaned);

    f.editor.state().selection = claimmark::app::TextSelection{35, 48};  // " small trials"
    f.editor.frame();
    f.clickControl("reattach:a7");
    const claimmark::Annotation* a = f.editor.state().set().findAnnotation("a7");
    REQUIRE(a != nullptr);
    CHECK_FALSE(a->orphaned);
    CHECK(a->spans == std::vector<Span>{{36, 48}});
    CHECK(a->text == "small trials");
    CHECK(f.editor.state().spanIndex().size() == 1);
    CHECK(f.editor.window().panel().orphans().orphans().empty());

    f.editor.key(GLFW_KEY_Z, true);
    f.editor.frame();
    CHECK(f.editor.state().set().findAnnotation("a7")->orphaned);
}

TEST_CASE("orphans: delete removes it") {
    Fixture f;
    f.clickControl("orphan-delete:a7");
    CHECK(f.editor.state().set().findAnnotation("a7") == nullptr);
    CHECK(f.editor.window().panel().orphans().orphans().empty());
}
