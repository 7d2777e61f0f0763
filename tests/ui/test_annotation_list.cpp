// test_annotation_list.cpp — the side panel's list: filters by label, attribute value,
// origin and text, the counts, and a click that selects and scrolls.
#include "ui_fixture.h"

using claimmark::app::testing::HeadlessEditor;

namespace {

const char* const kArticle = claimmark::app::testing::kShortArticle;

struct Fixture {
    HeadlessEditor editor{kArticle};
    // In document order: a claim (0-28), a hedge (9-12), an evidence (31-48), a caveat
    // (77-95), a suggested claim (49-70).
    std::string claim, hedge, evidence, caveat, suggested;
    Fixture() {
        auto& s = editor.state().session();
        claim = *s.addAnnotation("claim", {{0, 28}});
        hedge = *s.addAnnotation("hedge", {{9, 12}});
        evidence = *s.addAnnotation("evidence", {{31, 48}});
        caveat = *s.addAnnotation("caveat", {{77, 95}});
        suggested = *s.addAnnotation("claim", {{49, 70}}, "suggested");
        REQUIRE(s.setAttribute(claim, "verdict", claimmark::AttributeValue(std::string("misleading"))).ok());
        REQUIRE(s.setAttribute(suggested, "verdict", claimmark::AttributeValue(std::string("accurate"))).ok());
        REQUIRE(s.setAttribute(evidence, "type", claimmark::AttributeValue(std::string("clinical-trial"))).ok());
        editor.frames(2);
    }
    claimmark::app::AnnotationList& list() { return editor.window().panel().list(); }
    std::vector<std::string> ids() {
        std::vector<std::string> out;
        for (const auto* a : list().rows()) out.push_back(a->id);
        return out;
    }
};

}  // namespace

TEST_CASE("list: every annotation in document order until filtered") {
    Fixture f;
    CHECK(f.ids() == std::vector<std::string>{f.claim, f.hedge, f.evidence, f.suggested, f.caveat});
}

TEST_CASE("list: a label's checkbox hides and shows it") {
    Fixture f;
    auto box = f.list().rects().centreOf("show:claim");
    REQUIRE(box.has_value());
    f.editor.click(*box);
    f.editor.frame();
    CHECK(f.ids() == std::vector<std::string>{f.hedge, f.evidence, f.caveat});
    f.list().showLabel("hedge", false);
    f.editor.frame();
    CHECK(f.ids() == std::vector<std::string>{f.evidence, f.caveat});
    f.editor.click(*f.list().rects().centreOf("show:claim"));
    f.editor.frame();
    CHECK(f.ids() == std::vector<std::string>{f.claim, f.evidence, f.suggested, f.caveat});
    f.editor.click(*f.list().rects().centreOf("filters-clear"));
    f.editor.frame();
    CHECK(f.list().rows().size() == 5);
}

TEST_CASE("list: filter by an attribute's value, by origin, by text") {
    Fixture f;
    f.list().filterAttribute("claim", "verdict", "misleading");
    f.editor.frame();
    CHECK(f.ids() == std::vector<std::string>{f.claim});
    f.list().filterAttribute("claim", "verdict", "");  // any value: both claims have one
    f.editor.frame();
    CHECK(f.ids() == std::vector<std::string>{f.claim, f.suggested});
    f.list().filterAttribute("evidence", "type", "clinical-trial");
    f.editor.frame();
    CHECK(f.ids() == std::vector<std::string>{f.evidence});
    f.list().filterAttribute("", "", "");

    f.list().filterOrigin("suggested");
    f.editor.frame();
    CHECK(f.ids() == std::vector<std::string>{f.suggested});
    f.list().filterOrigin("manual");
    f.editor.frame();
    CHECK(f.ids() == std::vector<std::string>{f.claim, f.hedge, f.evidence, f.caveat});
    f.list().filterOrigin("");

    f.list().filterText("DOCTOR");  // case-insensitive
    f.editor.frame();
    CHECK(f.ids() == std::vector<std::string>{f.caveat});
}

TEST_CASE("list: the rows follow edits of the set") {
    Fixture f;
    f.list().filterAttribute("claim", "verdict", "misleading");
    f.editor.frame();
    REQUIRE(f.list().rows().size() == 1);
    REQUIRE(f.editor.state()
                .session()
                .setAttribute(f.suggested, "verdict", claimmark::AttributeValue(std::string("misleading")))
                .ok());
    f.editor.frame();
    CHECK(f.ids() == std::vector<std::string>{f.claim, f.suggested});
}

TEST_CASE("list: clicking a row selects the annotation and asks the text to scroll to it") {
    Fixture f;
    f.editor.state().scrollTarget.reset();
    auto row = f.list().rects().centreOf(("row:" + f.caveat).c_str());
    REQUIRE(row.has_value());
    f.editor.click(*row);
    CHECK(f.editor.state().selectedAnnotation == f.caveat);
    REQUIRE(f.editor.state().scrollTarget.has_value());
    CHECK(*f.editor.state().scrollTarget == 77);
}
