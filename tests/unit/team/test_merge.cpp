// Tests for merge: each strategy on hand-built sets of 2 and 3 reviewers, attribute votes,
// notes, relations, the refusals (other document, differing schemas) and edge cases.
//
// Every set annotates "The pill may cure colds, experts claim today." (45 code points):
//   claim    [0,23)  "The pill may cure colds"
//   hedge    [9,12)  "may"
//   evidence [25,38) "experts claim"
//   caveat   [39,44) "today"
// Gold ids follow document order: a1 claim, a2 hedge, a3 evidence, a4 caveat.
#include "core/team/merge.h"
#include "core/storage/set_file.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace claimmark;
using nlohmann::json;

namespace {

const std::string kSha(64, 'c');

Annotation ann(std::string id, std::string label, std::size_t start, std::size_t end, Attributes attributes = {},
               std::string note = "") {
    Annotation a;
    a.id = std::move(id);
    a.label = std::move(label);
    a.spans = {Span{start, end}};
    a.text = std::string(end - start, 'x');
    a.attributes = std::move(attributes);
    a.note = std::move(note);
    return a;
}

Annotation claim(std::string id, Attributes attributes = {}, std::string note = "") {
    return ann(std::move(id), "claim", 0, 23, std::move(attributes), std::move(note));
}
Annotation hedge(std::string id) { return ann(std::move(id), "hedge", 9, 12, {{"kind", std::string("modal")}}); }
Annotation evidence(std::string id) {
    return ann(std::move(id), "evidence", 25, 38, {{"type", std::string("expert-opinion")}});
}
Annotation caveat(std::string id) { return ann(std::move(id), "caveat", 39, 44, {{"kind", std::string("scope")}}); }

AnnotationSet makeSet(std::string annotator, std::vector<Annotation> annotations,
                      std::vector<Relation> relations = {}) {
    AnnotationSet set;
    set.annotator = std::move(annotator);
    set.document.path = "pill.txt";
    set.document.sha256 = kSha;
    set.document.length = 45;
    for (Annotation& a : annotations) REQUIRE(set.addAnnotation(std::move(a)));
    for (Relation& r : relations) REQUIRE(set.addRelation(std::move(r)));
    return set;
}

Relation rel(std::string id, std::string type, std::string from, std::string to) {
    return Relation{std::move(id), std::move(type), std::move(from), std::move(to), json::object()};
}

MergeOutcome merge(const std::vector<const AnnotationSet*>& sets, MergeStrategy strategy) {
    MergeOptions options;
    options.strategy = strategy;
    Result<MergeOutcome> result = mergeSets(sets, options);
    REQUIRE_MESSAGE(result.ok(), result.errorText());
    return std::move(*result);
}

std::vector<std::string> names(std::initializer_list<const char*> list) {
    return std::vector<std::string>(list.begin(), list.end());
}

// Three reviewers: everyone marked the claim, alice and bob the hedge, alice alone the
// evidence, carol alone the caveat. Ids differ between sets on purpose.
struct ThreeReviewers {
    AnnotationSet alice = makeSet("alice", {claim("a1"), hedge("a2"), evidence("a3")});
    AnnotationSet bob = makeSet("bob", {hedge("a5"), claim("a9")});
    AnnotationSet carol = makeSet("carol", {caveat("a1"), claim("a2")});
    std::vector<const AnnotationSet*> sets() const { return {&alice, &bob, &carol}; }
};

}  // namespace

TEST_CASE("merge strategy names parse and print") {
    CHECK(parseMergeStrategy("majority") == MergeStrategy::Majority);
    CHECK(parseMergeStrategy("union") == MergeStrategy::Union);
    CHECK(parseMergeStrategy("intersection") == MergeStrategy::Intersection);
    CHECK_FALSE(parseMergeStrategy("most").has_value());
    CHECK(std::string(mergeStrategyName(MergeStrategy::Intersection)) == "intersection");
}

TEST_CASE("majority of three: two or three proposers settle, one is disputed") {
    ThreeReviewers t;
    MergeOutcome out = merge(t.sets(), MergeStrategy::Majority);
    const AnnotationSet& gold = out.gold;
    CHECK(out.settled == 2);
    CHECK(out.disputed == 2);
    REQUIRE(gold.annotationCount() == 4);
    CHECK(out.reviewers == names({"alice", "bob", "carol"}));

    const Annotation* a1 = gold.findAnnotation("a1");
    const Annotation* a2 = gold.findAnnotation("a2");
    const Annotation* a3 = gold.findAnnotation("a3");
    const Annotation* a4 = gold.findAnnotation("a4");
    REQUIRE((a1 && a2 && a3 && a4));
    CHECK(a1->label == "claim");
    CHECK(a1->spans == std::vector<Span>{{0, 23}});
    CHECK(a1->status == "");
    CHECK(a1->proposedBy == names({"alice", "bob", "carol"}));
    CHECK(a1->origin == "merged");
    CHECK(a2->label == "hedge");
    CHECK(a2->status == "");
    CHECK(a2->proposedBy == names({"alice", "bob"}));
    CHECK(a2->attributes.at("kind") == AttributeValue(std::string("modal")));
    CHECK(a3->label == "evidence");
    CHECK(a3->status == "disputed");
    CHECK(a3->proposedBy == names({"alice"}));
    CHECK(a4->label == "caveat");
    CHECK(a4->status == "disputed");
    CHECK(a4->proposedBy == names({"carol"}));

    CHECK(gold.annotator == "gold");
    CHECK(gold.document.sha256 == kSha);
    CHECK(gold.document.length == 45);
    CHECK(gold.extra.at("merge").at("strategy") == "majority");
}

TEST_CASE("union of three settles everything; intersection only what all three marked") {
    ThreeReviewers t;
    MergeOutcome all = merge(t.sets(), MergeStrategy::Union);
    CHECK(all.settled == 4);
    CHECK(all.disputed == 0);
    CHECK(all.gold.findAnnotation("a3")->proposedBy == names({"alice"}));
    CHECK(all.gold.findAnnotation("a4")->status == "");

    MergeOutcome common = merge(t.sets(), MergeStrategy::Intersection);
    CHECK(common.settled == 1);
    CHECK(common.disputed == 3);
    CHECK(common.gold.findAnnotation("a1")->status == "");
    CHECK(common.gold.findAnnotation("a2")->status == "disputed");  // bob and alice, not carol
    CHECK(common.gold.findAnnotation("a2")->proposedBy == names({"alice", "bob"}));
}

TEST_CASE("two reviewers: majority needs both, union takes either") {
    AnnotationSet alice = makeSet("alice", {claim("a1"), hedge("a2")});
    AnnotationSet bob = makeSet("bob", {claim("a1"), ann("a2", "hedge", 9, 17, {{"kind", std::string("modal")}})});
    MergeOutcome majority = merge({&alice, &bob}, MergeStrategy::Majority);
    CHECK(majority.settled == 1);
    CHECK(majority.disputed == 2);  // the two hedges differ in their end: no match
    REQUIRE(majority.gold.annotationCount() == 3);
    // Same start: the longer hedge [9,17) comes first.
    CHECK(majority.gold.findAnnotation("a2")->spans == std::vector<Span>{{9, 17}});
    CHECK(majority.gold.findAnnotation("a2")->proposedBy == names({"bob"}));
    CHECK(majority.gold.findAnnotation("a3")->spans == std::vector<Span>{{9, 12}});
    CHECK(majority.gold.findAnnotation("a3")->proposedBy == names({"alice"}));

    MergeOutcome both = merge({&alice, &bob}, MergeStrategy::Intersection);
    CHECK(both.settled == 1);
    CHECK(both.disputed == 2);
    MergeOutcome any = merge({&alice, &bob}, MergeStrategy::Union);
    CHECK(any.settled == 3);
    CHECK(any.disputed == 0);
}

TEST_CASE("same spans with a different label are different annotations") {
    AnnotationSet alice = makeSet("alice", {ann("a1", "hedge", 9, 12)});
    AnnotationSet bob = makeSet("bob", {ann("a1", "caveat", 9, 12)});
    MergeOutcome out = merge({&alice, &bob}, MergeStrategy::Union);
    REQUIRE(out.gold.annotationCount() == 2);
    // Equal spans: ordered by label, caveat before hedge.
    CHECK(out.gold.findAnnotation("a1")->label == "caveat");
    CHECK(out.gold.findAnnotation("a2")->label == "hedge");
}

TEST_CASE("attribute conflicts: the most frequent value, disputed, with every vote kept") {
    AnnotationSet alice = makeSet("alice", {claim("a1", {{"strength", std::int64_t(4)}, {"checkworthy", true}})});
    AnnotationSet bob = makeSet("bob", {claim("a1", {{"strength", std::int64_t(3)}})});
    AnnotationSet carol = makeSet("carol", {claim("a1", {{"strength", std::int64_t(4)}})});
    MergeOutcome out = merge({&alice, &bob, &carol}, MergeStrategy::Majority);
    CHECK(out.settled == 0);
    CHECK(out.disputed == 1);
    const Annotation& a = *out.gold.findAnnotation("a1");
    CHECK(a.status == "disputed");
    CHECK(a.attributes.at("strength") == AttributeValue(std::int64_t(4)));
    // checkworthy: true once, unset twice — unset wins, so the gold claim has none.
    CHECK(a.attributes.count("checkworthy") == 0);
    CHECK(a.extra.at("attribute_votes") == json::parse(R"({"checkworthy": {"alice": true, "bob": null, "carol": null},
                          "strength": {"alice": 4, "bob": 3, "carol": 4}})"));
}

TEST_CASE("attribute ties go to the lowest-numbered reviewer's value") {
    AnnotationSet alice = makeSet("alice", {claim("a1", {{"strength", std::int64_t(2)}})});
    AnnotationSet bob = makeSet("bob", {claim("a1", {{"strength", std::int64_t(5)}})});
    MergeOutcome ab = merge({&alice, &bob}, MergeStrategy::Union);
    CHECK(ab.gold.findAnnotation("a1")->attributes.at("strength") == AttributeValue(std::int64_t(2)));
    CHECK(ab.gold.findAnnotation("a1")->status == "disputed");  // accepted by union, but values differ
    CHECK(ab.disputed == 1);
    MergeOutcome ba = merge({&bob, &alice}, MergeStrategy::Union);
    CHECK(ba.gold.findAnnotation("a1")->attributes.at("strength") == AttributeValue(std::int64_t(5)));
}

TEST_CASE("agreeing attributes are kept without votes and do not dispute") {
    AnnotationSet alice =
        makeSet("alice", {claim("a1", {{"strength", std::int64_t(3)}, {"verdict", std::string("false")}})});
    AnnotationSet bob =
        makeSet("bob", {claim("a4", {{"strength", std::int64_t(3)}, {"verdict", std::string("false")}})});
    MergeOutcome out = merge({&alice, &bob}, MergeStrategy::Majority);
    const Annotation& a = *out.gold.findAnnotation("a1");
    CHECK(a.status == "");
    CHECK(a.attributes.at("strength") == AttributeValue(std::int64_t(3)));
    CHECK(a.attributes.at("verdict") == AttributeValue(std::string("false")));
    CHECK(a.extra.count("attribute_votes") == 0);
    CHECK(out.settled == 1);
}

TEST_CASE("notes: distinct non-empty notes, each once, with who wrote them") {
    AnnotationSet alice = makeSet("alice", {claim("a1", {}, "check the source")});
    AnnotationSet bob = makeSet("bob", {claim("a1", {}, "")});
    AnnotationSet carol = makeSet("carol", {claim("a1", {}, "check the source")});
    AnnotationSet dave = makeSet("dave", {claim("a1", {}, "too vague")});
    MergeOutcome out = merge({&alice, &bob, &carol, &dave}, MergeStrategy::Majority);
    CHECK(out.gold.findAnnotation("a1")->note == "alice, carol: check the source\ndave: too vague");
    MergeOutcome quiet = merge({&bob}, MergeStrategy::Majority);
    CHECK(quiet.gold.findAnnotation("a1")->note == "");
}

TEST_CASE("relations are matched by type and the groups they link, with the same strategy") {
    // alice and bob both link their hedge to their claim (with different ids); only alice
    // says the evidence supports the claim; carol marked the claim and hedge but no link.
    AnnotationSet alice = makeSet("alice", {claim("a1"), hedge("a2"), evidence("a3")},
                                  {rel("r1", "hedges", "a2", "a1"), rel("r2", "supports", "a3", "a1")});
    AnnotationSet bob = makeSet("bob", {hedge("a7"), claim("a8"), evidence("a9")}, {rel("r5", "hedges", "a7", "a8")});
    AnnotationSet carol = makeSet("carol", {claim("a1"), hedge("a2")});
    MergeOutcome out = merge({&alice, &bob, &carol}, MergeStrategy::Majority);
    CHECK(out.relationsSettled == 1);
    CHECK(out.relationsDisputed == 1);
    REQUIRE(out.gold.relationCount() == 2);
    const Relation* r1 = out.gold.findRelation("r1");
    const Relation* r2 = out.gold.findRelation("r2");
    REQUIRE((r1 && r2));
    CHECK(r1->type == "hedges");
    CHECK(r1->from == "a2");
    CHECK(r1->to == "a1");
    CHECK(r1->extra.at("proposed_by") == json::array({"alice", "bob"}));
    CHECK(r1->extra.count("status") == 0);
    CHECK(r2->type == "supports");
    CHECK(r2->from == "a3");
    CHECK(r2->to == "a1");
    CHECK(r2->extra.at("status") == "disputed");
    CHECK(r2->extra.at("proposed_by") == json::array({"alice"}));

    MergeOutcome all = merge({&alice, &bob, &carol}, MergeStrategy::Union);
    CHECK(all.relationsSettled == 2);
    CHECK(all.relationsDisputed == 0);
    MergeOutcome common = merge({&alice, &bob, &carol}, MergeStrategy::Intersection);
    CHECK(common.relationsSettled == 0);
    CHECK(common.relationsDisputed == 2);
}

TEST_CASE("a set of another version of the article is refused, naming it and suggesting reanchor") {
    AnnotationSet alice = makeSet("alice", {claim("a1")});
    AnnotationSet bob = makeSet("bob", {claim("a1")});
    bob.document.sha256 = std::string(64, 'd');
    Result<MergeOutcome> result = mergeSets({&alice, &bob}, MergeOptions{});
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.errors().size() == 1);
    const std::string text = result.errorText();
    CHECK(text.find("bob (set 2)") != std::string::npos);
    CHECK(text.find("alice (set 1)") != std::string::npos);
    CHECK(text.find("claimmark reanchor") != std::string::npos);
}

TEST_CASE("schemas must agree on the labels and relation types the sets use") {
    AnnotationSet alice = makeSet("alice", {claim("a1", {{"strength", std::int64_t(2)}})});
    AnnotationSet bob = makeSet("bob", {claim("a1", {{"strength", std::int64_t(2)}})});

    SUBCASE("a differing attribute range of a used label is refused") {
        for (LabelDef& label : bob.schema.labels)
            if (label.name == "claim")
                for (AttributeDef& def : label.attributes)
                    if (def.name == "strength") def.max = 3;
        Result<MergeOutcome> result = mergeSets({&alice, &bob}, MergeOptions{});
        REQUIRE_FALSE(result.ok());
        CHECK(result.errorText().find("differ on label \"claim\"") != std::string::npos);
        CHECK(result.errorText().find("strength") != std::string::npos);
        CHECK(result.errorText().find("bob") != std::string::npos);
    }
    SUBCASE("a label the first schema lacks is refused") {
        LabelDef quote;
        quote.name = "quote";
        quote.color = "#000000";
        bob.schema.labels.push_back(quote);
        REQUIRE(bob.addAnnotation(ann("a2", "quote", 25, 38)));
        Result<MergeOutcome> result = mergeSets({&alice, &bob}, MergeOptions{});
        REQUIRE_FALSE(result.ok());
        CHECK(result.errorText().find("uses label \"quote\"") != std::string::npos);
    }
    SUBCASE("a difference in a label nobody used, or in colours, does not matter") {
        for (LabelDef& label : bob.schema.labels) {
            if (label.name == "caveat") label.attributes.clear();
            if (label.name == "claim") label.color = "#123456";
        }
        Result<MergeOutcome> result = mergeSets({&alice, &bob}, MergeOptions{});
        REQUIRE_MESSAGE(result.ok(), result.errorText());
        CHECK(result->settled == 1);
    }
}

TEST_CASE("empty input, empty sets and a single set") {
    CHECK_FALSE(mergeSets({}, MergeOptions{}).ok());

    AnnotationSet alice = makeSet("alice", {});
    AnnotationSet bob = makeSet("bob", {});
    MergeOutcome empty = merge({&alice, &bob}, MergeStrategy::Majority);
    CHECK(empty.gold.annotationCount() == 0);
    CHECK(empty.gold.relationCount() == 0);
    CHECK(empty.settled + empty.disputed + empty.relationsSettled + empty.relationsDisputed == 0);

    AnnotationSet solo = makeSet("solo", {claim("a3"), hedge("a1")}, {rel("r4", "hedges", "a1", "a3")});
    for (MergeStrategy s : {MergeStrategy::Majority, MergeStrategy::Union, MergeStrategy::Intersection}) {
        MergeOutcome out = merge({&solo}, s);
        CHECK(out.settled == 2);
        CHECK(out.disputed == 0);
        CHECK(out.relationsSettled == 1);
        CHECK(out.gold.findAnnotation("a1")->label == "claim");
        CHECK(out.gold.findAnnotation("a1")->proposedBy == names({"solo"}));
        CHECK(out.gold.findRelation("r1")->from == "a2");
    }
}

TEST_CASE("reviewer names are made unique; a missing annotator gets its position") {
    AnnotationSet a = makeSet("alice", {claim("a1")});
    AnnotationSet b = makeSet("alice", {claim("a1")});
    AnnotationSet c = makeSet("", {claim("a1")});
    MergeOutcome out = merge({&a, &b, &c}, MergeStrategy::Majority);
    CHECK(out.reviewers == names({"alice", "alice-2", "reviewer-3"}));
    CHECK(out.gold.findAnnotation("a1")->proposedBy == names({"alice", "alice-2", "reviewer-3"}));
}

TEST_CASE("orphaned annotations are left out, counted, and their relations dropped") {
    Annotation lost = evidence("a3");
    lost.orphaned = true;
    lost.spans = {Span{100, 110}};  // where it was in an older text
    AnnotationSet alice = makeSet("alice", {claim("a1"), lost}, {rel("r1", "supports", "a3", "a1")});
    AnnotationSet bob = makeSet("bob", {claim("a1")});
    MergeOutcome out = merge({&alice, &bob}, MergeStrategy::Majority);
    CHECK(out.orphanedLeftOut == 1);
    CHECK(out.gold.annotationCount() == 1);
    CHECK(out.gold.relationCount() == 0);
}

TEST_CASE("a reviewer's duplicate annotation counts once") {
    AnnotationSet alice =
        makeSet("alice", {claim("a1", {{"strength", std::int64_t(2)}}), claim("a2", {{"strength", std::int64_t(5)}})});
    AnnotationSet bob = makeSet("bob", {hedge("a1")});
    MergeOutcome out = merge({&alice, &bob}, MergeStrategy::Majority);
    CHECK(out.gold.annotationCount() == 2);
    const Annotation& a = *out.gold.findAnnotation("a1");
    CHECK(a.proposedBy == names({"alice"}));
    CHECK(a.attributes.at("strength") == AttributeValue(std::int64_t(2)));  // a1 before a2
}

TEST_CASE("the gold set is deterministic and survives a write and read") {
    ThreeReviewers t;
    // The same sets built in another storage order give the same bytes.
    AnnotationSet alice2 = makeSet("alice", {evidence("a3"), hedge("a2"), claim("a1")});
    const std::string once = serializeSet(merge(t.sets(), MergeStrategy::Majority).gold);
    const std::string again = serializeSet(merge({&alice2, &t.bob, &t.carol}, MergeStrategy::Majority).gold);
    CHECK(once == again);

    Result<AnnotationSet> back = parseSet(once, "gold.json");
    REQUIRE_MESSAGE(back.ok(), back.errorText());
    CHECK(back->findAnnotation("a3")->status == "disputed");
    CHECK(back->findAnnotation("a3")->proposedBy == names({"alice"}));
    CHECK(back->findAnnotation("a1")->proposedBy == names({"alice", "bob", "carol"}));
    CHECK(back->extra.at("merge").at("reviewers") == json::array({"alice", "bob", "carol"}));
}

TEST_CASE("the gold annotator is the option's") {
    ThreeReviewers t;
    MergeOptions options;
    options.annotator = "lead";
    Result<MergeOutcome> out = mergeSets(t.sets(), options);
    REQUIRE(out.ok());
    CHECK(out->gold.annotator == "lead");
}
