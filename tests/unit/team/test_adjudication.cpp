// test_adjudication.cpp — the open disagreements of a gold set, moving between them, and the
// decisions that settle them (core/adjudication.h).
//
// [SECTION] Fixture     a hand-built gold set over kPillText
// [SECTION] The list
// [SECTION] Navigation
// [SECTION] Decisions   accept, reject, pick, relations; each one undo step
// [SECTION] Helpers     vote values, reviewer names
#include "core/team/adjudication.h"

#include "fixtures.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace claimmark;
using fixtures::annotation;
using fixtures::makeDocument;
using fixtures::relation;

// =====================================================================================
// [SECTION] Fixture
// =====================================================================================

namespace {

const std::vector<std::string> kReviewers = {"alice", "bob", "chen"};

// "The pill may cure colds, experts claim today."
//   a1 claim    [13,23) "cure colds"     settled, all three
//   a2 hedge    [9,12)  "may"            disputed, alice only
//   a3 evidence [25,38) "experts claim"  settled, all three, but type votes differ
//   a4 caveat   [39,44) "today"          disputed, bob and chen, kind votes differ
//   r1 hedges   a2 -> a1                 disputed (alice)
//   r2 supports a3 -> a1                 settled
AnnotationSet goldSet() {
    AnnotationSet set;
    set.annotator = "gold";
    set.document.length = 45;

    Annotation a1 = annotation("a1", "claim", 13, 23);
    a1.proposedBy = kReviewers;
    Annotation a2 = annotation("a2", "hedge", 9, 12);
    a2.status = "disputed";
    a2.proposedBy = {"alice"};
    Annotation a3 = annotation("a3", "evidence", 25, 38);
    a3.proposedBy = kReviewers;
    a3.attributes["type"] = std::string("expert-opinion");
    a3.extra["attribute_votes"] = {
        {"type", {{"alice", "expert-opinion"}, {"bob", "anecdotal"}, {"chen", "expert-opinion"}}}};
    Annotation a4 = annotation("a4", "caveat", 39, 44);
    a4.status = "disputed";
    a4.proposedBy = {"bob", "chen"};
    a4.attributes["kind"] = std::string("scope");
    a4.extra["attribute_votes"] = {{"kind", {{"bob", "scope"}, {"chen", "limitation"}}}};
    a4.extra["keep_me"] = 7;
    for (Annotation* a : {&a1, &a2, &a3, &a4}) REQUIRE(set.addAnnotation(*a).ok());

    Relation r1 = relation("r1", "hedges", "a2", "a1");
    r1.extra["status"] = "disputed";
    r1.extra["proposed_by"] = {"alice"};
    REQUIRE(set.addRelation(r1).ok());
    REQUIRE(set.addRelation(relation("r2", "supports", "a3", "a1")).ok());
    return set;
}

EditSession goldSession() {
    AnnotationSet set = goldSet();
    Document document = makeDocument(fixtures::kPillText);
    set.document.sha256 = document.sha256();
    return EditSession(std::move(document), std::move(set));
}

std::vector<std::string> ids(const std::vector<Disagreement>& list) {
    std::vector<std::string> out;
    for (const Disagreement& d : list) out.push_back(d.id);
    return out;
}

}  // namespace

// =====================================================================================
// [SECTION] The list
// =====================================================================================

TEST_CASE("adjudication: the open disagreements, in document order") {
    const AnnotationSet gold = goldSet();
    const std::vector<Disagreement> list = listDisagreements(gold, kReviewers);
    // a1 and r2 are settled; r1 sits at its `from` (a2, offset 9), after a2.
    CHECK(ids(list) == std::vector<std::string>{"a2", "r1", "a3", "a4"});

    CHECK(list[0].kind == DisagreementKind::Annotation);
    CHECK(list[0].disputed);
    CHECK(list[0].missingFrom == std::vector<std::string>{"bob", "chen"});
    CHECK(list[0].conflicts.empty());

    CHECK(list[1].kind == DisagreementKind::Relation);
    CHECK(list[1].annotationId == "a2");
    CHECK(list[1].start == 9);
    CHECK(list[1].proposedBy == std::vector<std::string>{"alice"});

    // Settled but with differing votes: still open, as an attribute conflict.
    CHECK_FALSE(list[2].disputed);
    CHECK(list[2].missingFrom.empty());
    REQUIRE(list[2].conflicts.size() == 1);
    CHECK(list[2].conflicts[0].attribute == "type");
    REQUIRE(list[2].conflicts[0].votes.size() == 3);
    CHECK(list[2].conflicts[0].votes[1].reviewer == "bob");
    CHECK(std::get<std::string>(list[2].conflicts[0].votes[1].value) == "anecdotal");

    CHECK(list[3].missingFrom == std::vector<std::string>{"alice"});
    CHECK(list[3].start == 39);
    CHECK(list[3].end == 44);
}

TEST_CASE("adjudication: a settled set has nothing open; malformed votes are ignored") {
    AnnotationSet set;
    set.document.length = 45;
    Annotation a = annotation("a1", "claim", 0, 8);
    a.extra["attribute_votes"] = "not an object";
    REQUIRE(set.addAnnotation(a).ok());
    Annotation b = annotation("a2", "claim", 9, 12);
    b.extra["attribute_votes"] = {{"strength", {{"alice", nullptr}, {"bob", {1, 2}}}}};
    REQUIRE(set.addAnnotation(b).ok());
    CHECK(listDisagreements(set, kReviewers).empty());
    CHECK(listDisagreements(AnnotationSet(), {}).empty());
}

// =====================================================================================
// [SECTION] Navigation
// =====================================================================================

TEST_CASE("adjudication: next and previous wrap around and skip the current one") {
    const AnnotationSet gold = goldSet();
    const std::vector<Disagreement> list = listDisagreements(gold, kReviewers);
    REQUIRE(list.size() == 4);

    CHECK(stepDisagreement(list, std::nullopt, true) == 0u);
    CHECK(stepDisagreement(list, std::nullopt, false) == 3u);

    // From a2 itself: forward is r1 (same place, relation after annotation), back wraps.
    CHECK(stepDisagreement(list, positionOf(list[0]), true) == 1u);
    CHECK(stepDisagreement(list, positionOf(list[0]), false) == 3u);
    CHECK(stepDisagreement(list, positionOf(list[1]), true) == 2u);
    CHECK(stepDisagreement(list, positionOf(list[1]), false) == 0u);
    // From the last, forward wraps to the first.
    CHECK(stepDisagreement(list, positionOf(list[3]), true) == 0u);

    // From a settled annotation between them (a1 at 13..23): its neighbours.
    const auto a1 = positionOfAnnotation(gold, "a1");
    REQUIRE(a1);
    CHECK(stepDisagreement(list, a1, true) == 2u);
    CHECK(stepDisagreement(list, a1, false) == 1u);
    CHECK_FALSE(positionOfAnnotation(gold, "a99"));

    CHECK(findDisagreement(list, DisagreementKind::Relation, "r1") == 1u);
    CHECK_FALSE(findDisagreement(list, DisagreementKind::Annotation, "r1"));
    CHECK_FALSE(stepDisagreement({}, a1, true));
}

TEST_CASE("adjudication: after settling the current one, next goes to the one after it") {
    EditSession session = goldSession();
    const auto where = positionOfAnnotation(session.set(), "a3");
    REQUIRE(acceptAnnotation(session, "a3").ok());
    const auto list = listDisagreements(session.set(), kReviewers);
    CHECK(ids(list) == std::vector<std::string>{"a2", "r1", "a4"});
    CHECK(stepDisagreement(list, where, true) == 2u);   // a4
    CHECK(stepDisagreement(list, where, false) == 1u);  // r1
}

// =====================================================================================
// [SECTION] Decisions
// =====================================================================================

TEST_CASE("adjudication: accept clears disputed in one undoable step") {
    EditSession session = goldSession();
    const std::size_t steps = session.history().size();
    REQUIRE(acceptAnnotation(session, "a2").ok());
    CHECK(session.history().size() == steps + 1);
    CHECK(session.set().findAnnotation("a2")->status.empty());
    CHECK(session.set().findAnnotation("a2")->proposedBy == std::vector<std::string>{"alice"});
    CHECK(listDisagreements(session.set(), kReviewers).size() == 3);
    CHECK(session.history().undoDescription() == "Accept hedge a2");

    REQUIRE(session.undo());
    CHECK(session.set().findAnnotation("a2")->status == "disputed");
    CHECK(listDisagreements(session.set(), kReviewers).size() == 4);
    REQUIRE(session.redo());
    CHECK(session.set().findAnnotation("a2")->status.empty());
}

TEST_CASE("adjudication: accept keeps the current values and drops the remaining votes") {
    EditSession session = goldSession();
    REQUIRE(acceptAnnotation(session, "a4").ok());
    const Annotation* a4 = session.set().findAnnotation("a4");
    CHECK(a4->status.empty());
    CHECK(std::get<std::string>(a4->attributes.at("kind")) == "scope");
    CHECK_FALSE(a4->extra.contains("attribute_votes"));
    CHECK(a4->extra.at("keep_me") == 7);  // other keys stay
    REQUIRE(session.undo());
    CHECK(session.set().findAnnotation("a4")->extra.contains("attribute_votes"));
}

TEST_CASE("adjudication: accepting what is settled, or what does not exist, changes nothing") {
    EditSession session = goldSession();
    CHECK_FALSE(acceptAnnotation(session, "a1").ok());
    CHECK_FALSE(acceptAnnotation(session, "nope").ok());
    CHECK_FALSE(rejectAnnotation(session, "nope").ok());
    CHECK_FALSE(pickAttribute(session, "nope", "kind", std::string("scope"), 3).ok());
    CHECK_FALSE(acceptRelation(session, "r2").ok());  // settled
    CHECK_FALSE(rejectRelation(session, "r9").ok());
    CHECK(session.history().size() == 0);
}

TEST_CASE("adjudication: reject deletes the annotation with its relations, one step") {
    EditSession session = goldSession();
    REQUIRE(rejectAnnotation(session, "a2").ok());
    CHECK(session.set().findAnnotation("a2") == nullptr);
    CHECK(session.set().findRelation("r1") == nullptr);
    CHECK(session.set().relationCount() == 1);
    CHECK(ids(listDisagreements(session.set(), kReviewers)) == std::vector<std::string>{"a3", "a4"});
    CHECK(session.history().undoDescription() == "Reject hedge a2");
    REQUIRE(session.undo());
    CHECK(session.set().findAnnotation("a2") != nullptr);
    CHECK(session.set().findRelation("r1") != nullptr);
    CHECK(session.set().findRelation("r1")->extra.at("status") == "disputed");
}

TEST_CASE("adjudication: pick sets the attribute and removes that conflict") {
    EditSession session = goldSession();
    // a3: all three reviewers proposed it, type votes differ; bob's value is picked.
    REQUIRE(pickAttribute(session, "a3", "type", std::string("anecdotal"), 3).ok());
    const Annotation* a3 = session.set().findAnnotation("a3");
    CHECK(std::get<std::string>(a3->attributes.at("type")) == "anecdotal");
    CHECK_FALSE(a3->extra.contains("attribute_votes"));
    CHECK(ids(listDisagreements(session.set(), kReviewers)) == std::vector<std::string>{"a2", "r1", "a4"});
    REQUIRE(session.undo());
    a3 = session.set().findAnnotation("a3");
    CHECK(std::get<std::string>(a3->attributes.at("type")) == "expert-opinion");
    CHECK(attributeConflicts(*a3).size() == 1);
}

TEST_CASE("adjudication: pick settles only an annotation every reviewer proposed") {
    EditSession session = goldSession();
    // a4 was proposed by two of three: the votes go, the dispute stays.
    REQUIRE(pickAttribute(session, "a4", "kind", std::string("limitation"), 3).ok());
    const Annotation* a4 = session.set().findAnnotation("a4");
    CHECK(std::get<std::string>(a4->attributes.at("kind")) == "limitation");
    CHECK(a4->status == "disputed");
    CHECK(attributeConflicts(*a4).empty());
    REQUIRE(session.undo());

    // With two reviewers in all, bob and chen are everyone: settled by the pick.
    REQUIRE(pickAttribute(session, "a4", "kind", std::string("limitation"), 2).ok());
    CHECK(session.set().findAnnotation("a4")->status.empty());
}

TEST_CASE("adjudication: with two attributes in conflict, picking one leaves the other") {
    EditSession session = goldSession();
    const Annotation* a1 = session.set().findAnnotation("a1");
    Annotation changed = *a1;
    changed.status = "disputed";
    changed.attributes["strength"] = std::int64_t(4);
    changed.attributes["checkworthy"] = true;
    changed.extra["attribute_votes"] = {{"strength", {{"alice", 4}, {"bob", 2}}},
                                        {"checkworthy", {{"alice", true}, {"chen", false}}}};
    REQUIRE(session.mutableSet().replaceAnnotation(changed).ok());

    REQUIRE(pickAttribute(session, "a1", "strength", std::int64_t(2), 3).ok());
    a1 = session.set().findAnnotation("a1");
    CHECK(std::get<std::int64_t>(a1->attributes.at("strength")) == 2);
    CHECK(a1->status == "disputed");
    auto conflicts = attributeConflicts(*a1);
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].attribute == "checkworthy");
    CHECK(std::get<bool>(conflicts[0].votes[1].value) == false);

    REQUIRE(pickAttribute(session, "a1", "checkworthy", false, 3).ok());
    CHECK(session.set().findAnnotation("a1")->status.empty());
    CHECK(std::get<bool>(session.set().findAnnotation("a1")->attributes.at("checkworthy")) == false);
}

TEST_CASE("adjudication: a picked value the schema refuses changes nothing") {
    EditSession session = goldSession();
    CHECK_FALSE(pickAttribute(session, "a4", "kind", std::string("no-such-kind"), 3).ok());
    CHECK(session.history().size() == 0);
    CHECK(attributeConflicts(*session.set().findAnnotation("a4")).size() == 1);
}

TEST_CASE("adjudication: relations are accepted or rejected, undoably") {
    EditSession session = goldSession();
    REQUIRE(acceptRelation(session, "r1").ok());
    const Relation* r1 = session.set().findRelation("r1");
    REQUIRE(r1);
    CHECK_FALSE(r1->extra.contains("status"));
    CHECK(r1->extra.at("proposed_by") == nlohmann::json::array({"alice"}));
    CHECK(r1->from == "a2");
    CHECK(r1->to == "a1");
    CHECK(ids(listDisagreements(session.set(), kReviewers)) == std::vector<std::string>{"a2", "a3", "a4"});
    REQUIRE(session.undo());
    CHECK(session.set().findRelation("r1")->extra.at("status") == "disputed");

    REQUIRE(rejectRelation(session, "r1").ok());
    CHECK(session.set().findRelation("r1") == nullptr);
    CHECK(session.set().findAnnotation("a2") != nullptr);  // its ends stay
    REQUIRE(session.undo());
    CHECK(session.set().findRelation("r1") != nullptr);
}

TEST_CASE("adjudication: an extra key is set and removed as undoable steps") {
    EditSession session = goldSession();
    REQUIRE(setAnnotationExtra(session, "a1", "review_note", "checked", "Note a1").ok());
    CHECK(session.set().findAnnotation("a1")->extra.at("review_note") == "checked");
    REQUIRE(setAnnotationExtra(session, "a1", "review_note", nullptr, "Clear a1").ok());
    CHECK_FALSE(session.set().findAnnotation("a1")->extra.contains("review_note"));
    REQUIRE(session.undo());
    CHECK(session.set().findAnnotation("a1")->extra.at("review_note") == "checked");
}

// =====================================================================================
// [SECTION] Helpers
// =====================================================================================

TEST_CASE("adjudication: vote values from JSON") {
    CHECK(std::get<bool>(*attributeValueFromJson(true)) == true);
    CHECK(std::get<std::int64_t>(*attributeValueFromJson(3)) == 3);
    CHECK(std::get<std::int64_t>(*attributeValueFromJson(4.0)) == 4);
    CHECK_FALSE(attributeValueFromJson(4.5));
    CHECK(std::get<std::string>(*attributeValueFromJson("safety")) == "safety");
    CHECK_FALSE(attributeValueFromJson(nullptr));
    CHECK_FALSE(attributeValueFromJson(nlohmann::json::array()));
}

TEST_CASE("adjudication: reviewer names are made unique as merge names them") {
    CHECK(uniqueReviewerNames({"alice", "bob", "alice", "", "alice"}) ==
          std::vector<std::string>{"alice", "bob", "alice-2", "reviewer", "alice-3"});
    CHECK(uniqueReviewerNames({}).empty());
}
