// test_edit_session.cpp — high-level edits (each one undoable step) and covered text.
//
// [SECTION] Helpers
// [SECTION] Covered text and anchor context
// [SECTION] Adding annotations
// [SECTION] Undo/redo of every kind of edit
// [SECTION] Delete with relations
// [SECTION] Relabel
// [SECTION] Orphaned annotations and re-attaching
// [SECTION] Modified since save
#include "core/editing/edit_session.h"

#include "core/model/covered_text.h"

#include "fixtures.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace claimmark;
using fixtures::annotation;
using fixtures::makeDocument;
using fixtures::relation;

// =====================================================================================
// [SECTION] Helpers
// =====================================================================================

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// A clock that returns 2026-01-01T00:00:01Z, ...:02Z, ... so each edit's time is known.
EditSession::Clock countingClock() {
    auto counter = std::make_shared<int>(0);
    return [counter] {
        ++*counter;
        std::string ss = std::to_string(*counter);
        if (ss.size() < 2) ss = "0" + ss;
        return "2026-01-01T00:00:" + ss + "Z";
    };
}

EditSession makeSession(const std::string& text, AnnotationSet set = AnnotationSet()) {
    Document doc = makeDocument(text);
    set.document.length = doc.length();
    set.document.sha256 = doc.sha256();
    set.document.path = "pill.txt";
    return EditSession(std::move(doc), std::move(set), countingClock());
}

std::string requireId(const Result<std::string>& r) {
    REQUIRE_MESSAGE(r.ok(), r.errorText());
    return *r;
}

std::string relationIds(const AnnotationSet& set) {
    std::string out;
    for (const Relation* r : set.relationsInOrder()) out += (out.empty() ? "" : ",") + r->id;
    return out;
}

// claim a1 "cure colds", hedge a2 "may" (kind modal), evidence a3 "experts claim",
// caveat a4 "today"; r1 a2 hedges a1, r2 a3 supports a1. Four + two steps on the history.
EditSession linkedSession() {
    EditSession s = makeSession(fixtures::kPillText);
    REQUIRE(requireId(s.addAnnotation("claim", {{13, 23}})) == "a1");
    REQUIRE(requireId(s.addAnnotation("hedge", {{9, 12}})) == "a2");
    REQUIRE(requireId(s.addAnnotation("evidence", {{25, 38}})) == "a3");
    REQUIRE(requireId(s.addAnnotation("caveat", {{39, 44}})) == "a4");
    REQUIRE(s.setAttribute("a2", "kind", AttributeValue(std::string("modal"))).ok());
    REQUIRE(requireId(s.addRelation("hedges", "a2", "a1")) == "r1");
    REQUIRE(requireId(s.addRelation("supports", "a3", "a1")) == "r2");
    return s;
}

}  // namespace

TEST_CASE("edit session: utcNowIso8601 has the YYYY-MM-DDTHH:MM:SSZ shape") {
    const std::string now = utcNowIso8601();
    REQUIRE(now.size() == 20);
    CHECK(now[4] == '-');
    CHECK(now[7] == '-');
    CHECK(now[10] == 'T');
    CHECK(now[13] == ':');
    CHECK(now[16] == ':');
    CHECK(now[19] == 'Z');
    CHECK(now.substr(0, 2) == "20");
}

// =====================================================================================
// [SECTION] Covered text and anchor context
// =====================================================================================

TEST_CASE("covered text: discontinuous spans are joined by one space") {
    Document doc = makeDocument(fixtures::kPillText);
    CHECK(coveredText(doc, {{13, 23}}) == "cure colds");
    CHECK(coveredText(doc, {{0, 8}, {13, 23}}) == "The pill cure colds");
    CHECK(coveredText(doc, {{0, 3}, {9, 12}, {39, 44}}) == "The may today");
    // Adjacent fragments still get a separator: they are distinct spans.
    CHECK(coveredText(doc, {{0, 3}, {3, 8}}) == "The  pill");
    CHECK(coveredText(doc, {}) == "");
}

TEST_CASE("covered text: prefix and suffix are 32 code points, counting emoji as one") {
    // 35 code points before the annotation, the annotation "CLAIM" at [35,40), 35 after.
    const std::string before =
        "0123456789\xF0\x9F\x98\x80"  // U+1F600
        "abcdefghij\xF0\x9F\x8E\x89"  // U+1F389
        "klmnopqrstuvw";
    const std::string after =
        "\xF0\x9F\xA7\xAA"            // U+1F9EA
        "0123456789\xF0\x9F\xA7\xAC"  // U+1F9EC
        "abcdefghijklmnopqrstXYZ";
    Document doc = makeDocument(before + "CLAIM" + after);
    REQUIRE(doc.length() == 75);

    Annotation a = annotation("a1", "claim", 35, 40);
    fillFromDocument(a, doc);
    CHECK(a.text == "CLAIM");
    // The first three code points of `before` fall outside the 32.
    CHECK(a.prefix ==
          "3456789\xF0\x9F\x98\x80"
          "abcdefghij\xF0\x9F\x8E\x89"
          "klmnopqrstuvw");
    // The last three code points of `after` ("XYZ") fall outside.
    CHECK(a.suffix ==
          "\xF0\x9F\xA7\xAA"
          "0123456789\xF0\x9F\xA7\xAC"
          "abcdefghijklmnopqrst");

    SUBCASE("near the start the prefix is shorter") {
        Annotation b = annotation("a2", "claim", 2, 5);
        fillFromDocument(b, doc);
        CHECK(b.text == "234");
        CHECK(b.prefix == "01");
        // 30 code points of `before` after "234", then the first two of "CLAIM".
        CHECK(b.suffix ==
              "56789\xF0\x9F\x98\x80"
              "abcdefghij\xF0\x9F\x8E\x89"
              "klmnopqrstuvwCL");
    }
    SUBCASE("at the very end the suffix is empty") {
        Annotation c = annotation("a3", "claim", 72, 75);
        fillFromDocument(c, doc);
        CHECK(c.text == "XYZ");
        CHECK(c.suffix == "");
        // [40,72): all of `after` but "XYZ", exactly 32 code points.
        CHECK(c.prefix ==
              "\xF0\x9F\xA7\xAA"
              "0123456789\xF0\x9F\xA7\xAC"
              "abcdefghijklmnopqrst");
    }
    SUBCASE("an emoji inside the annotation and discontinuous spans") {
        // [10,11) is U+1F600, [21,22) is U+1F389.
        Annotation d = annotation("a4", "claim", {{10, 11}, {21, 22}});
        fillFromDocument(d, doc);
        CHECK(d.text == "\xF0\x9F\x98\x80 \xF0\x9F\x8E\x89");
        CHECK(d.prefix == "0123456789");
        CHECK(d.suffix.substr(0, 4) == "klmn");
    }
}

// =====================================================================================
// [SECTION] Adding annotations
// =====================================================================================

TEST_CASE("edit session: addAnnotation fills text, context, times and schema defaults") {
    EditSession s = makeSession(fixtures::kPillText);
    const std::string id = requireId(s.addAnnotation("claim", {{13, 23}}));
    CHECK(id == "a1");
    const Annotation* a = s.set().findAnnotation(id);
    REQUIRE(a != nullptr);
    CHECK(a->text == "cure colds");
    CHECK(a->prefix == "The pill may ");
    CHECK(a->suffix == ", experts claim today.");
    CHECK(a->origin == "manual");
    CHECK(a->created == "2026-01-01T00:00:01Z");
    CHECK(a->modified == "2026-01-01T00:00:01Z");
    // claim: checkworthy defaults to false, verdict to unrated; strength has no default.
    CHECK(a->attributes.size() == 2);
    CHECK(std::get<bool>(a->attributes.at("checkworthy")) == false);
    CHECK(std::get<std::string>(a->attributes.at("verdict")) == "unrated");
    CHECK(a->attributes.count("strength") == 0);
    CHECK(s.history().size() == 1);
    CHECK(s.history().undoDescription() == "Add claim a1");

    const std::string ev = requireId(s.addAnnotation("evidence", {{25, 38}}, "suggested"));
    CHECK(ev == "a2");
    CHECK(s.set().findAnnotation(ev)->origin == "suggested");
    CHECK(std::get<std::string>(s.set().findAnnotation(ev)->attributes.at("type")) == "unspecified");
}

TEST_CASE("edit session: addAnnotation sorts spans and joins discontinuous text") {
    EditSession s = makeSession(fixtures::kPillText);
    const std::string id = requireId(s.addAnnotation("claim", {{13, 23}, {0, 8}}));
    const Annotation* a = s.set().findAnnotation(id);
    CHECK(a->spans == std::vector<Span>{{0, 8}, {13, 23}});
    CHECK(a->text == "The pill cure colds");
    CHECK(a->prefix == "");
    CHECK(a->suffix == ", experts claim today.");
}

TEST_CASE("edit session: a refused annotation leaves the set and history unchanged") {
    EditSession s = makeSession(fixtures::kPillText);
    REQUIRE(requireId(s.addAnnotation("claim", {{13, 23}})) == "a1");

    Result<std::string> badLabel = s.addAnnotation("rumour", {{0, 3}});
    CHECK_FALSE(badLabel.ok());
    CHECK(contains(badLabel.errorText(), "rumour"));
    Result<std::string> tooFar = s.addAnnotation("claim", {{40, 46}});
    CHECK_FALSE(tooFar.ok());
    Result<std::string> empty = s.addAnnotation("claim", {{5, 5}});
    CHECK_FALSE(empty.ok());
    Result<std::string> overlapping = s.addAnnotation("claim", {{0, 10}, {5, 12}});
    CHECK_FALSE(overlapping.ok());
    Result<std::string> none = s.addAnnotation("claim", {});
    CHECK_FALSE(none.ok());

    CHECK(s.set().annotationCount() == 1);
    CHECK(s.history().size() == 1);
    CHECK(requireId(s.addAnnotation("hedge", {{9, 12}})) == "a2");
}

TEST_CASE("edit session: ids are not reused after delete or undo") {
    EditSession s = makeSession(fixtures::kPillText);
    REQUIRE(requireId(s.addAnnotation("claim", {{13, 23}})) == "a1");
    REQUIRE(requireId(s.addAnnotation("claim", {{0, 8}})) == "a2");
    REQUIRE(s.deleteAnnotation("a2").ok());
    CHECK(requireId(s.addAnnotation("hedge", {{9, 12}})) == "a3");
    REQUIRE(s.undo());  // takes a3 away again
    CHECK(requireId(s.addAnnotation("hedge", {{9, 12}})) == "a4");

    REQUIRE(requireId(s.addRelation("hedges", "a4", "a1")) == "r1");
    REQUIRE(s.deleteRelation("r1").ok());
    CHECK(requireId(s.addRelation("hedges", "a4", "a1")) == "r2");
}

// =====================================================================================
// [SECTION] Undo/redo of every kind of edit
// =====================================================================================

TEST_CASE("edit session: every edit is one undoable, redoable step") {
    EditSession s = makeSession(fixtures::kPillText);
    REQUIRE(requireId(s.addAnnotation("claim", {{13, 23}})) == "a1");
    REQUIRE(requireId(s.addAnnotation("hedge", {{9, 12}})) == "a2");
    const std::size_t steps = s.history().size();

    SUBCASE("add") {
        REQUIRE(s.undo());
        CHECK(s.set().findAnnotation("a2") == nullptr);
        REQUIRE(s.redo());
        REQUIRE(s.set().findAnnotation("a2") != nullptr);
        CHECK(s.set().findAnnotation("a2")->text == "may");
    }
    SUBCASE("resize") {
        REQUIRE(s.resize("a1", {{18, 23}}).ok());
        CHECK(s.history().size() == steps + 1);
        CHECK(s.history().undoDescription() == "Resize a1");
        const Annotation* a = s.set().findAnnotation("a1");
        CHECK(a->spans == std::vector<Span>{{18, 23}});
        CHECK(a->text == "colds");
        CHECK(a->prefix == "The pill may cure ");
        CHECK(a->modified == "2026-01-01T00:00:03Z");
        CHECK(a->created == "2026-01-01T00:00:01Z");
        REQUIRE(s.undo());
        a = s.set().findAnnotation("a1");
        CHECK(a->spans == std::vector<Span>{{13, 23}});
        CHECK(a->text == "cure colds");
        CHECK(a->prefix == "The pill may ");
        CHECK(a->modified == "2026-01-01T00:00:01Z");
        REQUIRE(s.redo());
        CHECK(s.set().findAnnotation("a1")->text == "colds");
    }
    SUBCASE("resize out of range fails and records nothing") {
        CHECK_FALSE(s.resize("a1", {{13, 50}}).ok());
        CHECK_FALSE(s.resize("a1", {}).ok());
        CHECK_FALSE(s.resize("a99", {{0, 3}}).ok());
        CHECK(s.history().size() == steps);
        CHECK(s.set().findAnnotation("a1")->spans == std::vector<Span>{{13, 23}});
    }
    SUBCASE("set attribute") {
        REQUIRE(s.setAttribute("a1", "strength", AttributeValue(std::int64_t(4))).ok());
        CHECK(s.history().undoDescription() == "Set strength of a1");
        CHECK(std::get<std::int64_t>(s.set().findAnnotation("a1")->attributes.at("strength")) == 4);
        REQUIRE(s.setAttribute("a1", "strength", AttributeValue(std::int64_t(2))).ok());
        REQUIRE(s.undo());
        CHECK(std::get<std::int64_t>(s.set().findAnnotation("a1")->attributes.at("strength")) == 4);
        REQUIRE(s.undo());
        CHECK(s.set().findAnnotation("a1")->attributes.count("strength") == 0);
        REQUIRE(s.redo());
        REQUIRE(s.redo());
        CHECK(std::get<std::int64_t>(s.set().findAnnotation("a1")->attributes.at("strength")) == 2);
    }
    SUBCASE("set attribute to a value the schema does not allow fails") {
        CHECK_FALSE(s.setAttribute("a1", "strength", AttributeValue(std::int64_t(6))).ok());
        CHECK_FALSE(s.setAttribute("a1", "verdict", AttributeValue(std::string("maybe"))).ok());
        CHECK_FALSE(s.setAttribute("a1", "kind", AttributeValue(std::string("modal"))).ok());
        CHECK_FALSE(s.setAttribute("a1", "checkworthy", AttributeValue(std::int64_t(1))).ok());
        CHECK(s.history().size() == steps);
        CHECK(s.set().findAnnotation("a1")->attributes.count("strength") == 0);
        CHECK(std::get<std::string>(s.set().findAnnotation("a1")->attributes.at("verdict")) == "unrated");
    }
    SUBCASE("clear attribute") {
        REQUIRE(s.setAttribute("a1", "verdict", std::nullopt).ok());
        CHECK(s.set().findAnnotation("a1")->attributes.count("verdict") == 0);
        REQUIRE(s.undo());
        CHECK(std::get<std::string>(s.set().findAnnotation("a1")->attributes.at("verdict")) == "unrated");
        REQUIRE(s.redo());
        CHECK(s.set().findAnnotation("a1")->attributes.count("verdict") == 0);
        // Clearing what is not there fails and records nothing.
        const std::size_t now = s.history().size();
        CHECK_FALSE(s.setAttribute("a1", "verdict", std::nullopt).ok());
        CHECK(s.history().size() == now);
    }
    SUBCASE("note") {
        REQUIRE(s.setNote("a1", "Which colds? \"All\" of them?").ok());
        CHECK(s.set().findAnnotation("a1")->note == "Which colds? \"All\" of them?");
        CHECK(s.history().undoDescription() == "Edit note of a1");
        REQUIRE(s.undo());
        CHECK(s.set().findAnnotation("a1")->note == "");
        REQUIRE(s.redo());
        CHECK(s.set().findAnnotation("a1")->note == "Which colds? \"All\" of them?");
        CHECK_FALSE(s.setNote("a99", "x").ok());
    }
    SUBCASE("add and delete relation") {
        const std::string r = requireId(s.addRelation("hedges", "a2", "a1"));
        CHECK(r == "r1");
        CHECK(s.history().undoDescription() == "Link a2 hedges a1");
        REQUIRE(s.undo());
        CHECK(s.set().relationCount() == 0);
        REQUIRE(s.redo());
        CHECK(s.set().findRelation("r1") != nullptr);

        REQUIRE(s.deleteRelation("r1").ok());
        CHECK(s.set().relationCount() == 0);
        REQUIRE(s.undo());
        REQUIRE(s.set().findRelation("r1") != nullptr);
        CHECK(s.set().findRelation("r1")->type == "hedges");
        REQUIRE(s.redo());
        CHECK(s.set().relationCount() == 0);
        CHECK_FALSE(s.deleteRelation("r1").ok());
    }
    SUBCASE("a relation that does not fit is refused and records nothing") {
        CHECK_FALSE(s.addRelation("hedges", "a1", "a2").ok());
        CHECK_FALSE(s.addRelation("hedges", "a2", "a99").ok());
        CHECK_FALSE(s.addRelation("cites", "a2", "a1").ok());
        CHECK(s.history().size() == steps);
        CHECK(s.set().relationCount() == 0);
    }
    SUBCASE("a new edit after undo drops the redo tail") {
        REQUIRE(s.setNote("a1", "first").ok());
        REQUIRE(s.undo());
        CHECK(s.history().canRedo());
        REQUIRE(s.setNote("a1", "second").ok());
        CHECK_FALSE(s.history().canRedo());
        CHECK_FALSE(s.redo());
        CHECK(s.set().findAnnotation("a1")->note == "second");
    }
}

// =====================================================================================
// [SECTION] Delete with relations
// =====================================================================================

TEST_CASE("edit session: delete with relations is one step, restored by one undo") {
    EditSession s = linkedSession();
    const std::size_t steps = s.history().size();

    REQUIRE(s.deleteAnnotation("a1").ok());
    CHECK(s.set().findAnnotation("a1") == nullptr);
    CHECK(s.set().relationCount() == 0);
    CHECK(s.history().size() == steps + 1);
    CHECK(s.history().undoDescription() == "Delete claim a1");

    REQUIRE(s.undo());
    REQUIRE(s.set().findAnnotation("a1") != nullptr);
    CHECK(s.set().findAnnotation("a1")->text == "cure colds");
    CHECK(relationIds(s.set()) == "r1,r2");
    CHECK(s.set().findRelation("r2")->from == "a3");
    CHECK(s.history().position() == steps);

    REQUIRE(s.redo());
    CHECK(s.set().findAnnotation("a1") == nullptr);
    CHECK(s.set().relationCount() == 0);

    CHECK_FALSE(s.deleteAnnotation("a1").ok());  // already gone
    CHECK(s.history().size() == steps + 1);
}

TEST_CASE("edit session: deleting an unlinked annotation is one plain step") {
    EditSession s = linkedSession();
    REQUIRE(s.deleteAnnotation("a4").ok());
    CHECK(s.set().relationCount() == 2);
    REQUIRE(s.undo());
    CHECK(s.set().findAnnotation("a4") != nullptr);
}

// =====================================================================================
// [SECTION] Relabel
// =====================================================================================

TEST_CASE("edit session: relabel drops attributes and relations that no longer fit, in one step") {
    EditSession s = linkedSession();
    REQUIRE(s.setAttribute("a1", "strength", AttributeValue(std::int64_t(4))).ok());
    REQUIRE(s.setAttribute("a1", "checkworthy", AttributeValue(true)).ok());
    const std::size_t steps = s.history().size();

    REQUIRE(s.relabel("a1", "evidence").ok());
    CHECK(s.history().size() == steps + 1);
    CHECK(s.history().undoDescription() == "Relabel a1 as evidence");
    const Annotation* a = s.set().findAnnotation("a1");
    CHECK(a->label == "evidence");
    // strength, checkworthy and verdict are claim attributes; evidence's defaults come in.
    CHECK(a->attributes.size() == 2);
    CHECK(std::get<std::string>(a->attributes.at("type")) == "unspecified");
    CHECK(std::get<bool>(a->attributes.at("cited")) == false);
    // hedges (hedge -> claim) and supports (evidence -> claim) no longer fit.
    CHECK(s.set().relationCount() == 0);

    REQUIRE(s.undo());
    a = s.set().findAnnotation("a1");
    CHECK(a->label == "claim");
    CHECK(std::get<std::int64_t>(a->attributes.at("strength")) == 4);
    CHECK(std::get<bool>(a->attributes.at("checkworthy")) == true);
    CHECK(std::get<std::string>(a->attributes.at("verdict")) == "unrated");
    CHECK(a->attributes.count("type") == 0);
    CHECK(relationIds(s.set()) == "r1,r2");

    REQUIRE(s.redo());
    CHECK(s.set().findAnnotation("a1")->label == "evidence");
    CHECK(s.set().relationCount() == 0);
}

TEST_CASE("edit session: relabel keeps relations that still fit and attributes the new label has") {
    // A schema where both "claim" and "statement" may be hedged and share "strength".
    AnnotationSet set;
    set.schema = Schema();
    AttributeDef strength;
    strength.name = "strength";
    strength.kind = AttributeKind::Ordinal;
    strength.min = 1;
    strength.max = 5;
    AttributeDef source;
    source.name = "source";
    source.kind = AttributeKind::Text;
    set.schema.labels.push_back(LabelDef{"claim", "#ff0000", "1", "", {strength, source}, {}});
    set.schema.labels.push_back(LabelDef{"statement", "#00ff00", "2", "", {strength}, {}});
    set.schema.labels.push_back(LabelDef{"hedge", "#0000ff", "3", "", {}, {}});
    set.schema.relations.push_back(RelationDef{"hedges", {"hedge"}, {"claim", "statement"}, "", {}});
    EditSession s = makeSession(fixtures::kPillText, set);

    REQUIRE(requireId(s.addAnnotation("claim", {{13, 23}})) == "a1");
    REQUIRE(requireId(s.addAnnotation("hedge", {{9, 12}})) == "a2");
    REQUIRE(requireId(s.addRelation("hedges", "a2", "a1")) == "r1");
    REQUIRE(s.setAttribute("a1", "strength", AttributeValue(std::int64_t(3))).ok());
    REQUIRE(s.setAttribute("a1", "source", AttributeValue(std::string("a blog"))).ok());

    REQUIRE(s.relabel("a1", "statement").ok());
    const Annotation* a = s.set().findAnnotation("a1");
    CHECK(a->label == "statement");
    CHECK(std::get<std::int64_t>(a->attributes.at("strength")) == 3);
    CHECK(a->attributes.count("source") == 0);
    CHECK(relationIds(s.set()) == "r1");
    REQUIRE(s.undo());
    CHECK(std::get<std::string>(s.set().findAnnotation("a1")->attributes.at("source")) == "a blog");
}

TEST_CASE("edit session: relabel to the same label or an unknown one") {
    EditSession s = linkedSession();
    const std::size_t steps = s.history().size();
    CHECK(s.relabel("a1", "claim").ok());
    CHECK(s.history().size() == steps);  // nothing to record
    Status unknown = s.relabel("a1", "rumour");
    CHECK_FALSE(unknown.ok());
    CHECK(contains(unknown.error, "rumour"));
    CHECK_FALSE(s.relabel("a99", "hedge").ok());
    CHECK(s.history().size() == steps);
    CHECK(s.set().findAnnotation("a1")->label == "claim");
    CHECK(s.set().relationCount() == 2);
}

TEST_CASE("edit session: relabel drops an attribute value the new label does not allow") {
    // hedge.kind and caveat.kind share a name but not their values: "modal" is not a
    // caveat kind. Pressing the caveat key on a modal hedge must still relabel it.
    EditSession s = linkedSession();  // a2 is a hedge with kind = modal, linked by r1
    Status st = s.relabel("a2", "caveat");
    CHECK_MESSAGE(st.ok(), st.error);
    const Annotation* a = s.set().findAnnotation("a2");
    REQUIRE(a != nullptr);
    CHECK(a->label == "caveat");
    CHECK(a->attributes.count("kind") == 0);
    CHECK(relationIds(s.set()) == "r2");  // r1 (hedges) no longer fits a caveat
    REQUIRE(s.undo());
    CHECK(s.set().findAnnotation("a2")->label == "hedge");
    CHECK(relationIds(s.set()) == "r1,r2");
}

TEST_CASE("edit session: a relabel that fails leaves the model and the history as they were") {
    // "odd"'s default is outside its own range, so relabelling to it always fails; the
    // hedge being relabelled has a relation that would have to go first.
    AnnotationSet set;
    set.schema = Schema();
    AttributeDef level;
    level.name = "level";
    level.kind = AttributeKind::Ordinal;
    level.min = 1;
    level.max = 3;
    level.defaultValue = AttributeValue(std::int64_t(9));
    set.schema.labels.push_back(LabelDef{"claim", "#ff0000", "1", "", {}, {}});
    set.schema.labels.push_back(LabelDef{"hedge", "#0000ff", "2", "", {}, {}});
    set.schema.labels.push_back(LabelDef{"odd", "#00ff00", "3", "", {level}, {}});
    set.schema.relations.push_back(RelationDef{"hedges", {"hedge"}, {"claim"}, "", {}});
    EditSession s = makeSession(fixtures::kPillText, set);

    REQUIRE(requireId(s.addAnnotation("claim", {{13, 23}})) == "a1");
    REQUIRE(requireId(s.addAnnotation("hedge", {{9, 12}})) == "a2");
    REQUIRE(requireId(s.addRelation("hedges", "a2", "a1")) == "r1");
    REQUIRE(s.setNote("a1", "kept for redo").ok());
    REQUIRE(s.undo());  // leaves a redo tail: "Edit note of a1"
    REQUIRE(s.history().canRedo());
    const std::size_t size = s.history().size();
    const std::size_t position = s.history().position();

    Status st = s.relabel("a2", "odd");
    CHECK_FALSE(st.ok());
    CHECK(s.set().findAnnotation("a2")->label == "hedge");
    CHECK(relationIds(s.set()) == "r1");
    // The history must be untouched: same steps, and the redo tail still there.
    CHECK(s.history().size() == size);
    CHECK(s.history().position() == position);
    CHECK(s.history().redoDescription() == "Edit note of a1");
    REQUIRE(s.redo());
    CHECK(s.set().findAnnotation("a1")->note == "kept for redo");
}

// =====================================================================================
// [SECTION] Orphaned annotations and re-attaching
// =====================================================================================

TEST_CASE("edit session: reattach places an orphan and clears the flag, undoably") {
    AnnotationSet set;
    set.document.length = 45;
    Annotation lost = annotation("a1", "claim", 120, 130);
    lost.orphaned = true;
    lost.text = "cure flu";
    REQUIRE(set.addAnnotation(lost).ok());
    EditSession s = makeSession(fixtures::kPillText, std::move(set));
    REQUIRE(s.set().orphanedCount() == 1);

    // An orphan is moved by re-attaching, not by resizing.
    Status resize = s.resize("a1", {{13, 23}});
    CHECK_FALSE(resize.ok());
    CHECK(contains(resize.error, "orphaned"));
    CHECK(s.history().size() == 0);

    // Re-attaching still has to land inside the text.
    CHECK_FALSE(s.reattach("a1", {{40, 50}}).ok());
    CHECK(s.set().findAnnotation("a1")->orphaned);

    REQUIRE(s.reattach("a1", {{13, 23}}).ok());
    const Annotation* a = s.set().findAnnotation("a1");
    CHECK_FALSE(a->orphaned);
    CHECK(a->spans == std::vector<Span>{{13, 23}});
    CHECK(a->text == "cure colds");
    CHECK(a->prefix == "The pill may ");
    CHECK(s.set().orphanedCount() == 0);
    CHECK(s.history().undoDescription() == "Re-attach a1");

    REQUIRE(s.undo());
    a = s.set().findAnnotation("a1");
    CHECK(a->orphaned);
    CHECK(a->spans == std::vector<Span>{{120, 130}});
    CHECK(a->text == "cure flu");
    REQUIRE(s.redo());
    CHECK_FALSE(s.set().findAnnotation("a1")->orphaned);
}

// =====================================================================================
// [SECTION] Modified since save
// =====================================================================================

TEST_CASE("edit session: modified since save follows the history position") {
    EditSession s = makeSession(fixtures::kPillText);
    CHECK_FALSE(s.isModified());
    REQUIRE(requireId(s.addAnnotation("claim", {{13, 23}})) == "a1");
    CHECK(s.isModified());
    s.history().markSaved();
    CHECK_FALSE(s.isModified());

    REQUIRE(s.setNote("a1", "x").ok());
    CHECK(s.isModified());
    REQUIRE(s.undo());
    CHECK_FALSE(s.isModified());  // save, edit, undo

    REQUIRE(s.undo());
    CHECK(s.isModified());  // save, undo
    REQUIRE(requireId(s.addAnnotation("hedge", {{9, 12}})) == "a2");
    CHECK(s.isModified());  // save, undo, new edit: same step count, different content
    REQUIRE(s.undo());
    CHECK(s.isModified());  // the saved state (a1 alone) is gone from the history
    REQUIRE(s.redo());
    CHECK(s.isModified());

    // Failed edits never make a saved set modified.
    s.history().markSaved();
    CHECK_FALSE(s.setNote("a99", "x").ok());
    CHECK_FALSE(s.relabel("a2", "rumour").ok());
    CHECK_FALSE(s.isModified());
}
