// test_annotation_set.cpp — the model's invariants, checked at every entry point.
//
// [SECTION] Empty set and simple queries
// [SECTION] Spans: range, order, overlap
// [SECTION] Labels and attributes
// [SECTION] Ids
// [SECTION] Relations
// [SECTION] Replace and remove
// [SECTION] Orphaned annotations
// [SECTION] Order of annotations and relations
#include "core/model/annotation_set.h"

#include "fixtures.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace claimmark;
using fixtures::annotation;
using fixtures::relation;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// A set over a 45-code-point document (fixtures::kPillText) with the built-in schema.
AnnotationSet pillSet() {
    AnnotationSet set;
    set.document.path = "pill.txt";
    set.document.length = 45;
    return set;
}

// claim a1 "cure colds" [13,23), hedge a2 "may" [9,12), evidence a3 "experts claim" [25,38),
// caveat a4 "today" [39,44); r1 a2 hedges a1, r2 a3 supports a1.
AnnotationSet linkedSet() {
    AnnotationSet set = pillSet();
    REQUIRE(set.addAnnotation(annotation("a1", "claim", 13, 23)).ok());
    REQUIRE(set.addAnnotation(annotation("a2", "hedge", 9, 12)).ok());
    REQUIRE(set.addAnnotation(annotation("a3", "evidence", 25, 38)).ok());
    REQUIRE(set.addAnnotation(annotation("a4", "caveat", 39, 44)).ok());
    REQUIRE(set.addRelation(relation("r1", "hedges", "a2", "a1")).ok());
    REQUIRE(set.addRelation(relation("r2", "supports", "a3", "a1")).ok());
    return set;
}

// Asserts that a failing mutator left the set exactly as it was.
struct Snapshot {
    std::uint64_t revision;
    std::size_t annotations;
    std::size_t relations;
    explicit Snapshot(const AnnotationSet& s)
        : revision(s.revision()), annotations(s.annotationCount()), relations(s.relationCount()) {}
    void requireSame(const AnnotationSet& s) const {
        CHECK(s.revision() == revision);
        CHECK(s.annotationCount() == annotations);
        CHECK(s.relationCount() == relations);
    }
};

}  // namespace

// =====================================================================================
// [SECTION] Empty set and simple queries
// =====================================================================================

TEST_CASE("annotation set: a new set is empty and uses the claim-strength schema") {
    AnnotationSet set;
    CHECK(set.annotationCount() == 0);
    CHECK(set.relationCount() == 0);
    CHECK(set.orphanedCount() == 0);
    CHECK(set.schema.labelList() == "claim, hedge, caveat, evidence");
    CHECK(set.schema.findRelation("hedges") != nullptr);
    CHECK(set.nextAnnotationId() == "a1");
    CHECK(set.nextRelationId() == "r1");
    CHECK(set.findAnnotation("a1") == nullptr);
    CHECK(set.findRelation("r1") == nullptr);
    CHECK(set.inDocumentOrder().empty());
    CHECK(std::string(AnnotationSet::kFormat) == "claimmark/annotation-set");
    CHECK(AnnotationSet::kVersion == 1);
}

TEST_CASE("annotation set: a valid annotation is added, found and bumps the revision") {
    AnnotationSet set = pillSet();
    const auto before = set.revision();
    Annotation a = annotation("a1", "claim", 13, 23);
    a.attributes["strength"] = std::int64_t(4);
    a.note = "check the source";
    Status s = set.addAnnotation(a);
    REQUIRE_MESSAGE(s.ok(), s.error);
    CHECK(set.revision() == before + 1);
    REQUIRE(set.findAnnotation("a1") != nullptr);
    CHECK(set.findAnnotation("a1")->label == "claim");
    CHECK(set.findAnnotation("a1")->spans == std::vector<Span>{{13, 23}});
    CHECK(std::get<std::int64_t>(set.findAnnotation("a1")->attributes.at("strength")) == 4);
    CHECK(set.findAnnotation("a1")->note == "check the source");
    CHECK(set.annotationCount() == 1);
}

// =====================================================================================
// [SECTION] Spans: range, order, overlap
// =====================================================================================

TEST_CASE("annotation set: spans must satisfy 0 <= start < end <= length") {
    AnnotationSet set = pillSet();

    SUBCASE("the whole document is a valid span") { CHECK(set.addAnnotation(annotation("a1", "claim", 0, 45)).ok()); }
    SUBCASE("a one-code-point span at the very end is valid") {
        CHECK(set.addAnnotation(annotation("a1", "claim", 44, 45)).ok());
    }
    SUBCASE("an empty span (start == end) is refused") {
        Snapshot snap(set);
        Status s = set.addAnnotation(annotation("a1", "claim", 5, 5));
        CHECK_FALSE(s.ok());
        CHECK_MESSAGE(contains(s.error, "spans[0].end"), s.error);
        snap.requireSame(set);
    }
    SUBCASE("a reversed span (start > end) is refused") {
        Status s = set.addAnnotation(annotation("a1", "claim", 9, 4));
        CHECK_FALSE(s.ok());
        CHECK_MESSAGE(contains(s.error, "spans[0].end"), s.error);
        CHECK_MESSAGE(contains(s.error, "greater than start"), s.error);
    }
    SUBCASE("end one past the document length is refused") {
        Snapshot snap(set);
        Status s = set.addAnnotation(annotation("a1", "claim", 40, 46));
        CHECK_FALSE(s.ok());
        CHECK_MESSAGE(contains(s.error, "spans[0].end"), s.error);
        CHECK_MESSAGE(contains(s.error, "45"), s.error);
        snap.requireSame(set);
        CHECK(set.findAnnotation("a1") == nullptr);
    }
    SUBCASE("a span entirely past the end is refused") {
        CHECK_FALSE(set.addAnnotation(annotation("a1", "claim", 100, 120)).ok());
    }
    SUBCASE("an annotation without spans is refused") {
        Status s = set.addAnnotation(annotation("a1", "claim", std::vector<Span>{}));
        CHECK_FALSE(s.ok());
        CHECK_MESSAGE(contains(s.error, "spans"), s.error);
    }
}

TEST_CASE("annotation set: discontinuous spans must be sorted and must not overlap") {
    AnnotationSet set = pillSet();

    SUBCASE("sorted, separate spans are accepted") {
        CHECK(set.addAnnotation(annotation("a1", "claim", {{4, 8}, {13, 23}, {39, 44}})).ok());
        CHECK(set.findAnnotation("a1")->start() == 4);
        CHECK(set.findAnnotation("a1")->end() == 44);
    }
    SUBCASE("adjacent spans do not overlap") {
        CHECK(set.addAnnotation(annotation("a1", "claim", {{0, 4}, {4, 8}})).ok());
    }
    SUBCASE("unsorted spans are refused, naming the second span") {
        Status s = set.addAnnotation(annotation("a1", "claim", {{13, 23}, {4, 8}}));
        CHECK_FALSE(s.ok());
        CHECK_MESSAGE(contains(s.error, "spans[1].start"), s.error);
        CHECK(set.annotationCount() == 0);
    }
    SUBCASE("overlapping spans within one annotation are refused") {
        Status s = set.addAnnotation(annotation("a1", "claim", {{0, 10}, {9, 12}}));
        CHECK_FALSE(s.ok());
        CHECK_MESSAGE(contains(s.error, "spans[1].start"), s.error);
    }
    SUBCASE("a bad second span is named by its index") {
        Status s = set.addAnnotation(annotation("a1", "claim", {{0, 4}, {20, 50}}));
        CHECK_FALSE(s.ok());
        CHECK_MESSAGE(contains(s.error, "spans[1].end"), s.error);
    }
}

TEST_CASE("annotation set: annotations may overlap and nest freely") {
    AnnotationSet set = pillSet();
    CHECK(set.addAnnotation(annotation("a1", "claim", 0, 45)).ok());     // everything
    CHECK(set.addAnnotation(annotation("a2", "claim", 0, 45)).ok());     // identical span
    CHECK(set.addAnnotation(annotation("a3", "hedge", 9, 12)).ok());     // nested
    CHECK(set.addAnnotation(annotation("a4", "evidence", 5, 20)).ok());  // crossing a3
    CHECK(set.addAnnotation(annotation("a5", "caveat", 10, 30)).ok());   // crossing a4
    CHECK(set.annotationCount() == 5);
}

// =====================================================================================
// [SECTION] Labels and attributes
// =====================================================================================

TEST_CASE("annotation set: the label must be in the schema") {
    AnnotationSet set = pillSet();
    Snapshot snap(set);
    Status s = set.addAnnotation(annotation("a1", "opinion", 0, 4));
    CHECK_FALSE(s.ok());
    CHECK_MESSAGE(contains(s.error, "label"), s.error);
    CHECK_MESSAGE(contains(s.error, "\"opinion\""), s.error);
    CHECK_MESSAGE(contains(s.error, "claim, hedge, caveat, evidence"), s.error);
    snap.requireSame(set);
}

TEST_CASE("annotation set: attribute values must be allowed by the schema") {
    AnnotationSet set = pillSet();
    Annotation a = annotation("a1", "claim", 13, 23);

    SUBCASE("every kind of valid value is accepted") {
        a.attributes["strength"] = std::int64_t(1);
        a.attributes["checkworthy"] = true;
        a.attributes["verdict"] = std::string("misleading");
        CHECK(set.addAnnotation(a).ok());
    }
    SUBCASE("the ordinal's upper bound is inclusive") {
        a.attributes["strength"] = std::int64_t(5);
        CHECK(set.addAnnotation(a).ok());
    }
    SUBCASE("an attribute the label does not define is refused") {
        a.attributes["kind"] = std::string("modal");  // a hedge attribute, not a claim one
        Status s = set.addAnnotation(a);
        CHECK_FALSE(s.ok());
        CHECK_MESSAGE(contains(s.error, "attributes.kind"), s.error);
        CHECK(set.annotationCount() == 0);
    }
    SUBCASE("an enum value that is not listed is refused") {
        a.attributes["verdict"] = std::string("true-ish");
        Status s = set.addAnnotation(a);
        CHECK_FALSE(s.ok());
        CHECK_MESSAGE(contains(s.error, "attributes.verdict"), s.error);
        CHECK_MESSAGE(contains(s.error, "true-ish"), s.error);
    }
    SUBCASE("an ordinal above the range is refused") {
        a.attributes["strength"] = std::int64_t(6);
        Status s = set.addAnnotation(a);
        CHECK_FALSE(s.ok());
        CHECK_MESSAGE(contains(s.error, "attributes.strength"), s.error);
    }
    SUBCASE("an ordinal below the range is refused") {
        a.attributes["strength"] = std::int64_t(0);
        CHECK_FALSE(set.addAnnotation(a).ok());
    }
    SUBCASE("a value of the wrong type is refused") {
        a.attributes["checkworthy"] = std::string("yes");
        Status s = set.addAnnotation(a);
        CHECK_FALSE(s.ok());
        CHECK_MESSAGE(contains(s.error, "attributes.checkworthy"), s.error);
    }
    SUBCASE("an enum given as an integer is refused") {
        a.attributes["verdict"] = std::int64_t(2);
        CHECK_FALSE(set.addAnnotation(a).ok());
    }
}

TEST_CASE("annotation set: checkAnnotation lists every problem with a relative path") {
    AnnotationSet set = pillSet();
    Annotation a = annotation("", "claim", {{10, 5}, {40, 50}});
    a.attributes["strength"] = std::int64_t(9);
    a.attributes["colour"] = std::string("red");
    Problems problems = set.checkAnnotation(a);
    std::vector<std::string> paths;
    for (const auto& p : problems) paths.push_back(p.path);
    auto has = [&](const std::string& path) { return std::find(paths.begin(), paths.end(), path) != paths.end(); };
    CHECK(has("id"));
    CHECK(has("spans[0].end"));
    CHECK(has("spans[1].end"));
    CHECK(has("attributes.strength"));
    CHECK(has("attributes.colour"));
    CHECK(set.annotationCount() == 0);  // a check changes nothing
}

TEST_CASE("annotation set: describeProblems joins paths under a prefix") {
    Problems problems = {{"spans[0].end", "too far"}, {"label", "unknown"}};
    CHECK(describeProblems(problems, "annotations[3].") ==
          "annotations[3].spans[0].end: too far\nannotations[3].label: unknown");
    CHECK(describeProblems({{"", "whole thing"}}, "annotations[3].") == "annotations[3]: whole thing");
    CHECK(describeProblems({{"", "no path"}}) == "no path");
    CHECK(describeProblems({}) == "");
}

// =====================================================================================
// [SECTION] Ids
// =====================================================================================

TEST_CASE("annotation set: ids must be unique and non-empty") {
    AnnotationSet set = pillSet();
    REQUIRE(set.addAnnotation(annotation("a1", "claim", 0, 8)).ok());
    Snapshot snap(set);

    Status dup = set.addAnnotation(annotation("a1", "hedge", 9, 12));
    CHECK_FALSE(dup.ok());
    CHECK_MESSAGE(contains(dup.error, "\"a1\""), dup.error);
    snap.requireSame(set);
    CHECK(set.findAnnotation("a1")->label == "claim");  // the first one is untouched

    Status empty = set.addAnnotation(annotation("", "hedge", 9, 12));
    CHECK_FALSE(empty.ok());
    snap.requireSame(set);

    // Relation ids are a namespace of their own: "a1" may also name a relation.
    REQUIRE(set.addAnnotation(annotation("a2", "hedge", 9, 12)).ok());
    CHECK(set.addRelation(relation("a1", "hedges", "a2", "a1")).ok());
    CHECK_FALSE(set.addRelation(relation("a1", "hedges", "a2", "a1")).ok());
}

TEST_CASE("annotation set: nextAnnotationId never hands out an id again after removal") {
    AnnotationSet set = pillSet();
    for (const char* id : {"a1", "a2", "a3"}) {
        CHECK(set.nextAnnotationId() == id);
        REQUIRE(set.addAnnotation(annotation(id, "claim", 0, 8)).ok());
    }
    CHECK(set.nextAnnotationId() == "a4");
    REQUIRE(set.removeAnnotation("a3").ok());
    CHECK(set.nextAnnotationId() == "a4");  // not a3, though a3 is free again
    REQUIRE(set.removeAnnotation("a2").ok());
    REQUIRE(set.removeAnnotation("a1").ok());
    CHECK(set.annotationCount() == 0);
    CHECK(set.nextAnnotationId() == "a4");
}

TEST_CASE("annotation set: fresh ids count past the largest number in use") {
    AnnotationSet set = pillSet();
    REQUIRE(set.addAnnotation(annotation("a10", "claim", 0, 8)).ok());
    REQUIRE(set.addAnnotation(annotation("a2", "claim", 0, 8)).ok());
    REQUIRE(set.addAnnotation(annotation("note-7", "claim", 0, 8)).ok());  // not "a<N>"
    CHECK(set.nextAnnotationId() == "a11");
    // A refused annotation does not reserve its number.
    REQUIRE_FALSE(set.addAnnotation(annotation("a50", "rumour", 0, 8)).ok());
    CHECK(set.nextAnnotationId() == "a11");

    REQUIRE(set.addRelation(relation("r9", "hedges", "a2", "a10")).ok() == false);  // claim→claim
    REQUIRE(set.addAnnotation(annotation("a11", "hedge", 9, 12)).ok());
    REQUIRE(set.addRelation(relation("r9", "hedges", "a11", "a10")).ok());
    CHECK(set.nextRelationId() == "r10");
    REQUIRE(set.removeRelation("r9").ok());
    CHECK(set.nextRelationId() == "r10");
}

// =====================================================================================
// [SECTION] Relations
// =====================================================================================

TEST_CASE("annotation set: relations need a known type, existing ends and fitting labels") {
    AnnotationSet set = linkedSet();
    Snapshot snap(set);

    SUBCASE("a fitting relation is added") {
        Status s = set.addRelation(relation("r3", "qualifies", "a4", "a1"));
        CHECK_MESSAGE(s.ok(), s.error);
        CHECK(set.relationCount() == 3);
        CHECK(set.findRelation("r3")->from == "a4");
    }
    SUBCASE("an unknown type is refused") {
        Status s = set.addRelation(relation("r3", "refutes", "a3", "a1"));
        CHECK_FALSE(s.ok());
        CHECK_MESSAGE(contains(s.error, "type"), s.error);
        CHECK_MESSAGE(contains(s.error, "refutes"), s.error);
        snap.requireSame(set);
    }
    SUBCASE("a missing source is refused, naming from") {
        Status s = set.addRelation(relation("r3", "supports", "a99", "a1"));
        CHECK_FALSE(s.ok());
        CHECK_MESSAGE(contains(s.error, "from"), s.error);
        CHECK_MESSAGE(contains(s.error, "a99"), s.error);
        snap.requireSame(set);
    }
    SUBCASE("a missing target is refused, naming to") {
        Status s = set.addRelation(relation("r3", "supports", "a3", "a42"));
        CHECK_FALSE(s.ok());
        CHECK_MESSAGE(contains(s.error, "to: "), s.error);
        CHECK_MESSAGE(contains(s.error, "a42"), s.error);
        snap.requireSame(set);
    }
    SUBCASE("ends whose labels do not fit the type are refused") {
        // supports goes evidence -> claim; here it is caveat -> claim.
        Status s = set.addRelation(relation("r3", "supports", "a4", "a1"));
        CHECK_FALSE(s.ok());
        CHECK_MESSAGE(contains(s.error, "supports"), s.error);
        snap.requireSame(set);
    }
    SUBCASE("reversed ends do not fit either") {
        CHECK_FALSE(set.addRelation(relation("r3", "hedges", "a1", "a2")).ok());
    }
    SUBCASE("a duplicate relation id is refused") {
        Status s = set.addRelation(relation("r1", "qualifies", "a4", "a1"));
        CHECK_FALSE(s.ok());
        CHECK_MESSAGE(contains(s.error, "r1"), s.error);
        snap.requireSame(set);
        CHECK(set.findRelation("r1")->type == "hedges");
    }
    SUBCASE("a relation from an annotation to itself is refused") {
        AnnotationSet open = pillSet();
        open.schema.relations.push_back(RelationDef{"related", {}, {}, "", nlohmann::json()});
        REQUIRE(open.addAnnotation(annotation("a1", "claim", 0, 8)).ok());
        CHECK_FALSE(open.addRelation(relation("r1", "related", "a1", "a1")).ok());
    }
}

TEST_CASE("annotation set: relationsOf lists the relations at either end") {
    AnnotationSet set = linkedSet();
    auto ids = [](const std::vector<const Relation*>& rs) {
        std::vector<std::string> out;
        for (const Relation* r : rs) out.push_back(r->id);
        std::sort(out.begin(), out.end());
        return out;
    };
    CHECK(ids(set.relationsOf("a1")) == std::vector<std::string>{"r1", "r2"});
    CHECK(ids(set.relationsOf("a2")) == std::vector<std::string>{"r1"});
    CHECK(ids(set.relationsOf("a4")).empty());
    CHECK(ids(set.relationsOf("zzz")).empty());
}

// =====================================================================================
// [SECTION] Replace and remove
// =====================================================================================

TEST_CASE("annotation set: an annotation that relations point to cannot be removed") {
    AnnotationSet set = linkedSet();
    Snapshot snap(set);
    Status s = set.removeAnnotation("a1");
    CHECK_FALSE(s.ok());
    CHECK_MESSAGE((contains(s.error, "r1") || contains(s.error, "r2")), s.error);
    snap.requireSame(set);
    CHECK(set.findAnnotation("a1") != nullptr);

    // The source end is protected as well.
    CHECK_FALSE(set.removeAnnotation("a2").ok());

    REQUIRE(set.removeRelation("r1").ok());
    CHECK_FALSE(set.removeAnnotation("a1").ok());  // r2 still points at it
    REQUIRE(set.removeRelation("r2").ok());
    CHECK(set.removeAnnotation("a1").ok());
    CHECK(set.findAnnotation("a1") == nullptr);
    CHECK(set.annotationCount() == 3);
}

TEST_CASE("annotation set: removing unknown ids fails and changes nothing") {
    AnnotationSet set = linkedSet();
    Snapshot snap(set);
    CHECK_FALSE(set.removeAnnotation("a99").ok());
    CHECK_FALSE(set.removeRelation("r99").ok());
    snap.requireSame(set);
}

TEST_CASE("annotation set: removal keeps every other annotation and relation findable") {
    AnnotationSet set = pillSet();
    for (int i = 1; i <= 6; ++i)
        REQUIRE(
            set.addAnnotation(annotation("a" + std::to_string(i), "claim", std::size_t(i), std::size_t(i + 5))).ok());
    REQUIRE(set.removeAnnotation("a2").ok());  // from the middle of storage
    REQUIRE(set.removeAnnotation("a6").ok());  // the last one
    REQUIRE(set.removeAnnotation("a1").ok());  // the first one
    CHECK(set.annotationCount() == 3);
    for (const char* id : {"a3", "a4", "a5"}) {
        REQUIRE(set.findAnnotation(id) != nullptr);
        CHECK(set.findAnnotation(id)->id == id);
    }
    CHECK(set.findAnnotation("a3")->spans == std::vector<Span>{{3, 8}});
    CHECK(set.findAnnotation("a5")->spans == std::vector<Span>{{5, 10}});
    for (const char* id : {"a1", "a2", "a6"}) CHECK(set.findAnnotation(id) == nullptr);
}

TEST_CASE("annotation set: replaceAnnotation checks the new state and the attached relations") {
    AnnotationSet set = linkedSet();

    SUBCASE("a valid change replaces the annotation") {
        Annotation a = *set.findAnnotation("a1");
        a.spans = {{13, 17}};
        a.attributes["strength"] = std::int64_t(2);
        const auto rev = set.revision();
        Status s = set.replaceAnnotation(a);
        CHECK_MESSAGE(s.ok(), s.error);
        CHECK(set.findAnnotation("a1")->spans == std::vector<Span>{{13, 17}});
        CHECK(set.revision() == rev + 1);
    }
    SUBCASE("an unknown id fails") {
        CHECK_FALSE(set.replaceAnnotation(annotation("a77", "claim", 0, 4)).ok());
        CHECK(set.findAnnotation("a77") == nullptr);
    }
    SUBCASE("a new state that breaks an invariant fails and keeps the old state") {
        Snapshot snap(set);
        Annotation a = *set.findAnnotation("a1");
        a.spans = {{13, 46}};
        Status s = set.replaceAnnotation(a);
        CHECK_FALSE(s.ok());
        CHECK_MESSAGE(contains(s.error, "spans[0].end"), s.error);
        snap.requireSame(set);
        CHECK(set.findAnnotation("a1")->spans == std::vector<Span>{{13, 23}});
    }
    SUBCASE("a relabel that would break an attached relation fails") {
        Snapshot snap(set);
        Annotation a = *set.findAnnotation("a2");  // the hedge in r1 (hedges a2 -> a1)
        a.label = "caveat";
        Status s = set.replaceAnnotation(a);
        CHECK_FALSE(s.ok());
        CHECK_MESSAGE(contains(s.error, "r1"), s.error);
        snap.requireSame(set);
        CHECK(set.findAnnotation("a2")->label == "hedge");
    }
    SUBCASE("a relabel of the relation's target is checked too") {
        Annotation a = *set.findAnnotation("a1");
        a.label = "evidence";
        CHECK_FALSE(set.replaceAnnotation(a).ok());
        CHECK(set.findAnnotation("a1")->label == "claim");
    }
    SUBCASE("a relabel of an unlinked annotation succeeds") {
        Annotation a = *set.findAnnotation("a4");
        a.label = "hedge";
        CHECK(set.replaceAnnotation(a).ok());
        CHECK(set.findAnnotation("a4")->label == "hedge");
    }
}

// =====================================================================================
// [SECTION] Orphaned annotations
// =====================================================================================

TEST_CASE("annotation set: orphaned annotations are exempt from the range check only") {
    AnnotationSet set = pillSet();
    Annotation lost = annotation("a1", "claim", 120, 140);  // past the 45-code-point end
    lost.orphaned = true;
    Status s = set.addAnnotation(lost);
    CHECK_MESSAGE(s.ok(), s.error);
    CHECK(set.orphanedCount() == 1);

    Annotation reversed = annotation("a2", "claim", 140, 120);
    reversed.orphaned = true;
    CHECK_FALSE(set.addAnnotation(reversed).ok());

    Annotation unsorted = annotation("a3", "claim", {{130, 140}, {100, 110}});
    unsorted.orphaned = true;
    CHECK_FALSE(set.addAnnotation(unsorted).ok());

    Annotation badLabel = annotation("a4", "rumour", 100, 110);
    badLabel.orphaned = true;
    CHECK_FALSE(set.addAnnotation(badLabel).ok());

    // Placing it back in range without clearing the flag is fine; clearing the flag while
    // it is still out of range is not.
    Annotation stillOut = *set.findAnnotation("a1");
    stillOut.orphaned = false;
    CHECK_FALSE(set.replaceAnnotation(stillOut).ok());
    CHECK(set.findAnnotation("a1")->orphaned);

    Annotation placed = stillOut;
    placed.spans = {{13, 23}};
    CHECK(set.replaceAnnotation(placed).ok());
    CHECK(set.orphanedCount() == 0);
}

// =====================================================================================
// [SECTION] Order of annotations and relations
// =====================================================================================

TEST_CASE("annotation set: document order is by start, longer first, then label, then id number") {
    AnnotationSet set = pillSet();
    // Added in scrambled order; storage order is not document order.
    REQUIRE(set.addAnnotation(annotation("a10", "hedge", 9, 12)).ok());
    REQUIRE(set.addAnnotation(annotation("a3", "claim", 25, 38)).ok());
    REQUIRE(set.addAnnotation(annotation("a2", "hedge", 9, 12)).ok());
    REQUIRE(set.addAnnotation(annotation("a4", "claim", 9, 23)).ok());
    REQUIRE(set.addAnnotation(annotation("a5", "caveat", 9, 12)).ok());
    REQUIRE(set.addAnnotation(annotation("a6", "claim", 0, 4)).ok());
    REQUIRE(set.addAnnotation(annotation("a7", "claim", {{2, 3}, {30, 40}})).ok());

    std::vector<std::string> order;
    for (const Annotation* a : set.inDocumentOrder()) order.push_back(a->id);
    // start 0: a6; start 2: a7; start 9: a4 (ends 23, longest), then the three [9,12):
    // caveat a5 before hedge a2 and a10 (label), a2 before a10 (number, not text); then a3.
    CHECK(order == std::vector<std::string>{"a6", "a7", "a4", "a5", "a2", "a10", "a3"});
}

TEST_CASE("annotation set: relations in order sort by id number") {
    AnnotationSet set = linkedSet();
    REQUIRE(set.addRelation(relation("r10", "qualifies", "a4", "a1")).ok());
    REQUIRE(set.addAnnotation(annotation("a5", "evidence", 0, 8)).ok());
    REQUIRE(set.addRelation(relation("r3", "contradicts", "a5", "a1")).ok());
    std::vector<std::string> order;
    for (const Relation* r : set.relationsInOrder()) order.push_back(r->id);
    CHECK(order == std::vector<std::string>{"r1", "r2", "r3", "r10"});
}
