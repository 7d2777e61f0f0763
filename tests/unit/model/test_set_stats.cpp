// Tests for set_stats: counts from a hand-built set, the JSON shape, the text table.
#include "core/model/set_stats.h"

#include <doctest/doctest.h>

#include <string>

using namespace claimmark;

namespace {

Annotation makeAnnotation(std::string id, std::string label, std::size_t start, std::size_t end,
                          Attributes attributes = {}, std::string origin = "manual") {
    Annotation a;
    a.id = std::move(id);
    a.label = std::move(label);
    a.spans = {Span{start, end}};
    a.text = std::string(end - start, 'x');
    a.attributes = std::move(attributes);
    a.origin = std::move(origin);
    return a;
}

// Five annotations (one orphaned, one suggested) and two relations over the default schema.
AnnotationSet sampleSet() {
    AnnotationSet set;
    set.document.length = 1000;
    REQUIRE(set.addAnnotation(makeAnnotation("a1", "claim", 0, 10, {{"strength", std::int64_t(4)}})));
    REQUIRE(set.addAnnotation(
        makeAnnotation("a2", "claim", 20, 30, {{"strength", std::int64_t(4)}, {"checkworthy", true}})));
    REQUIRE(set.addAnnotation(makeAnnotation("a3", "hedge", 40, 43, {{"kind", std::string("modal")}})));
    REQUIRE(
        set.addAnnotation(makeAnnotation("a4", "evidence", 50, 60, {{"type", std::string("anecdotal")}}, "suggested")));
    Annotation orphan = makeAnnotation("a5", "claim", 70, 80, {{"strength", std::int64_t(2)}});
    orphan.orphaned = true;
    REQUIRE(set.addAnnotation(orphan));
    REQUIRE(set.addRelation(Relation{"r1", "hedges", "a3", "a1", nlohmann::json::object()}));
    REQUIRE(set.addRelation(Relation{"r2", "supports", "a4", "a1", nlohmann::json::object()}));
    return set;
}

}  // namespace

TEST_CASE("computeStats counts labels, attribute values, relations, origins and orphans") {
    SetStats stats = computeStats(sampleSet());
    CHECK(stats.annotations == 5);
    CHECK(stats.relations == 2);
    CHECK(stats.orphaned == 1);

    CHECK(stats.perLabel.size() == 4);  // every schema label, zero included
    CHECK(stats.perLabel.at("claim") == 3);
    CHECK(stats.perLabel.at("hedge") == 1);
    CHECK(stats.perLabel.at("caveat") == 0);
    CHECK(stats.perLabel.at("evidence") == 1);

    CHECK(stats.perAttribute.at("claim").at("strength").at("4") == 2);
    CHECK(stats.perAttribute.at("claim").at("strength").at("2") == 1);
    CHECK(stats.perAttribute.at("claim").at("checkworthy").at("true") == 1);
    CHECK(stats.perAttribute.at("hedge").at("kind").at("modal") == 1);
    CHECK(stats.perAttribute.at("evidence").at("type").at("anecdotal") == 1);
    CHECK(stats.perAttribute.count("caveat") == 0);

    CHECK(stats.perRelationType.size() == 4);
    CHECK(stats.perRelationType.at("hedges") == 1);
    CHECK(stats.perRelationType.at("supports") == 1);
    CHECK(stats.perRelationType.at("qualifies") == 0);
    CHECK(stats.perRelationType.at("contradicts") == 0);

    CHECK(stats.perOrigin.size() == 2);
    CHECK(stats.perOrigin.at("manual") == 4);
    CHECK(stats.perOrigin.at("suggested") == 1);
}

TEST_CASE("computeStats of an empty set lists the schema with zero counts") {
    SetStats stats = computeStats(AnnotationSet());
    CHECK(stats.annotations == 0);
    CHECK(stats.relations == 0);
    CHECK(stats.orphaned == 0);
    CHECK(stats.perLabel.size() == 4);
    CHECK(stats.perLabel.at("claim") == 0);
    CHECK(stats.perAttribute.empty());
    CHECK(stats.perRelationType.at("hedges") == 0);
    CHECK(stats.perOrigin.empty());
}

TEST_CASE("statsToJson mirrors the counts") {
    nlohmann::json json = statsToJson(computeStats(sampleSet()));
    CHECK(json.at("annotations") == 5);
    CHECK(json.at("relations") == 2);
    CHECK(json.at("orphaned") == 1);
    CHECK(json.at("perLabel").at("claim") == 3);
    CHECK(json.at("perLabel").at("caveat") == 0);
    CHECK(json.at("perAttribute").at("claim").at("strength").at("4") == 2);
    CHECK(json.at("perRelationType").at("supports") == 1);
    CHECK(json.at("perOrigin").at("suggested") == 1);
}

TEST_CASE("statsToText is an aligned table with every section") {
    std::string text = statsToText(computeStats(sampleSet()));
    CHECK(text.find("Annotations  5\n") != std::string::npos);
    CHECK(text.find("Relations    2\n") != std::string::npos);
    CHECK(text.find("Orphaned     1\n") != std::string::npos);
    // Label column is as wide as "evidence"; counts right-aligned under "Count".
    CHECK(text.find("Label     Count\n") != std::string::npos);
    CHECK(text.find("claim         3\n") != std::string::npos);
    CHECK(text.find("caveat        0\n") != std::string::npos);
    CHECK(text.find("hedge     kind         modal") != std::string::npos);
    CHECK(text.find("Relation type  Count\n") != std::string::npos);
    CHECK(text.find("hedges             1\n") != std::string::npos);
    CHECK(text.find("suggested      1\n") != std::string::npos);
}

TEST_CASE("statsToText orders numeric attribute values by number") {
    SetStats stats;
    stats.perAttribute["claim"]["strength"]["10"] = 1;
    stats.perAttribute["claim"]["strength"]["2"] = 3;
    std::string text = statsToText(stats);
    std::size_t two = text.find("strength   2");
    std::size_t ten = text.find("strength   10");
    REQUIRE(two != std::string::npos);
    REQUIRE(ten != std::string::npos);
    CHECK(two < ten);
}
