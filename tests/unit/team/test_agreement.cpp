// Agreement over annotation sets (core/agreement.h): small documents whose figures are worked
// out by hand in the comments.
//
// The article of most cases, 11 code points, 8 of them units (not whitespace):
//   "ab cd ef gh"
//    0123456789A      a0 b1 c3 d4 e6 f7 g9 h10
#include "core/team/agreement.h"
#include "core/team/agreement_report.h"

#include "fixtures.h"

#include <doctest/doctest.h>

#include <memory>

using namespace claimmark;

namespace {

const char* const kText = "ab cd ef gh";

struct Spec {
    std::string label;
    std::size_t start, end;
    Attributes attributes = {};
};

AnnotationSet makeSet(const std::string& annotator, const std::vector<Spec>& specs, std::size_t length = 11) {
    AnnotationSet set;
    set.annotator = annotator;
    set.document.length = length;
    int n = 1;
    for (const Spec& s : specs) {
        Annotation a = fixtures::annotation("a" + std::to_string(n++), s.label, s.start, s.end);
        a.attributes = s.attributes;
        Status added = set.addAnnotation(a);
        REQUIRE_MESSAGE(added.ok(), added.error);
    }
    return set;
}

void relate(AnnotationSet& set, const std::string& type, const std::string& from, const std::string& to) {
    Relation r;
    r.id = set.nextRelationId();
    r.type = type;
    r.from = from;
    r.to = to;
    Status added = set.addRelation(r);
    REQUIRE_MESSAGE(added.ok(), added.error);
}

double valueOf(const Figure& figure) {
    REQUIRE_MESSAGE(figure.defined(), figure.reason);
    return *figure.value;
}

// One document, every set present.
AgreementReport compare(const Document& article, const std::vector<const AnnotationSet*>& sets) {
    AgreementInput input;
    for (const AnnotationSet* set : sets) input.reviewers.push_back(set->annotator);
    input.documents.push_back(AgreementDocument{"doc", &article, sets});
    input.schema = Schema::claimStrength();
    return computeAgreement(input);
}

UnitFigures unitsOf(const AgreementReport& report, const std::string& label) {
    return unitFigures(report.total.unitPatterns.at(label), report.reviewers.size());
}

}  // namespace

TEST_CASE("agreement: perfect agreement gives 1 everywhere it is defined") {
    Document article = fixtures::makeDocument(kText);
    AnnotationSet a = makeSet("alice", {{"claim", 0, 5}});
    AnnotationSet b = makeSet("bob", {{"claim", 0, 5}});
    AgreementReport report = compare(article, {&a, &b});
    CHECK(report.total.units == 8);
    CHECK(valueOf(report.micro.spanF1Exact) == doctest::Approx(1.0));
    CHECK(valueOf(report.micro.spanF1Overlap) == doctest::Approx(1.0));
    UnitFigures claim = unitsOf(report, "claim");
    CHECK(valueOf(claim.alpha) == doctest::Approx(1.0));
    CHECK(valueOf(claim.fleissKappa) == doctest::Approx(1.0));
    CHECK(valueOf(claim.cohenKappa.at({0, 1})) == doctest::Approx(1.0));
    CHECK(valueOf(report.micro.unitAlpha) == doctest::Approx(1.0));
}

TEST_CASE("agreement: a label absent everywhere is undefined with a reason, never a division by zero") {
    Document article = fixtures::makeDocument(kText);
    AnnotationSet a = makeSet("alice", {{"claim", 0, 5}});
    AnnotationSet b = makeSet("bob", {{"claim", 0, 5}});
    AgreementReport report = compare(article, {&a, &b});
    const MatchCounts hedges = sumOverPairs(report.total.overlap.at("hedge"));
    CHECK(hedges.first + hedges.second == 0);
    CHECK_FALSE(hedges.f1().defined());
    CHECK_FALSE(hedges.f1().reason.empty());
    UnitFigures hedge = unitsOf(report, "hedge");
    CHECK_FALSE(hedge.alpha.defined());
    CHECK(hedge.alpha.reason.find("0/0") != std::string::npos);
    CHECK_FALSE(hedge.fleissKappa.defined());
    CHECK_FALSE(hedge.cohenKappa.at({0, 1}).defined());
    // JSON: null plus a reason; the text table says n/a.
    nlohmann::json json = agreementToJson(report, {});
    const nlohmann::json& hedgeUnits = json.at("micro").at("unitLevel").at("perLabel").at("hedge");
    CHECK(hedgeUnits.at("alpha").is_null());
    CHECK(hedgeUnits.at("alphaReason").get<std::string>().find("0/0") != std::string::npos);
    CHECK(json.at("micro").at("spans").at("exact").at("perLabel").at("hedge").at("f1").is_null());
    CHECK(json.at("micro").at("relations").at("f1").is_null());
    CHECK(agreementToText(report, {}).find("n/a") != std::string::npos);
}

TEST_CASE("agreement: total disagreement") {
    Document article = fixtures::makeDocument(kText);
    AnnotationSet a = makeSet("alice", {{"claim", 0, 5}});  // a b c d
    AnnotationSet b = makeSet("bob", {{"claim", 6, 11}});   // e f g h
    AgreementReport report = compare(article, {&a, &b});
    CHECK(valueOf(report.micro.spanF1Exact) == doctest::Approx(0.0));
    CHECK(valueOf(report.micro.spanF1Overlap) == doctest::Approx(0.0));
    UnitFigures claim = unitsOf(report, "claim");
    // 4 units (1,0), 4 units (0,1): po = 0, pe = 0.5 -> kappa -1; Fleiss P = 0, Pe = 0.5 -> -1.
    CHECK(valueOf(claim.cohenKappa.at({0, 1})) == doctest::Approx(-1.0));
    CHECK(valueOf(claim.fleissKappa) == doctest::Approx(-1.0));
    // o01 = o10 = 8, n = 16, n0 = n1 = 8: alpha = 1 - 15 * 16 / (2 * 8 * 8) = -0.875.
    CHECK(valueOf(claim.alpha) == doctest::Approx(-0.875));
}

TEST_CASE("agreement: chance-level units, and overlap matching one to one") {
    Document article = fixtures::makeDocument(kText);
    AnnotationSet a = makeSet("alice", {{"claim", 0, 5}});                 // a b c d
    AnnotationSet b = makeSet("bob", {{"claim", 0, 2}, {"claim", 6, 8}});  // a b, e f
    AgreementReport report = compare(article, {&a, &b});
    UnitFigures claim = unitsOf(report, "claim");
    // 11: a b; 10: c d; 01: e f; 00: g h -> po = 0.5 = pe -> kappa 0 (and Fleiss 0).
    CHECK(valueOf(claim.cohenKappa.at({0, 1})) == doctest::Approx(0.0));
    CHECK(valueOf(claim.fleissKappa) == doctest::Approx(0.0));
    // o11 = o00 = o01 = o10 = 4, n = 16: alpha = 1 - 15 * 8 / 128 = 0.0625 (small-sample term).
    CHECK(valueOf(claim.alpha) == doctest::Approx(0.0625));
    // Spans: no exact match; alice's one span overlaps bob's first only.
    const MatchCounts exact = sumOverLabels(report.total.exact);
    const MatchCounts overlap = sumOverLabels(report.total.overlap);
    CHECK(exact.matched == 0);
    CHECK(overlap.matched == 1);
    CHECK(valueOf(overlap.precision()) == doctest::Approx(0.5));  // bob against alice: 1 of 2
    CHECK(valueOf(overlap.recall()) == doctest::Approx(1.0));
    CHECK(valueOf(overlap.f1()) == doctest::Approx(2.0 / 3.0));
}

TEST_CASE("agreement: overlap matching takes the largest overlap first, one span each") {
    Document article = fixtures::makeDocument(kText);
    // alice [0,5) and [6,11); bob [1,5) shares 4 with the first, [3,7) shares 2 with the
    // first and 1 with the second. Greedy: ([0,5),[1,5)) then ([6,11),[3,7)) -> 2 matches.
    AnnotationSet a = makeSet("alice", {{"claim", 0, 5}, {"claim", 6, 11}});
    AnnotationSet b = makeSet("bob", {{"claim", 1, 5}, {"claim", 3, 7}});
    AgreementReport report = compare(article, {&a, &b});
    CHECK(sumOverLabels(report.total.overlap).matched == 2);
    // Different labels never match.
    AnnotationSet c = makeSet("carol", {{"hedge", 0, 5}});
    AgreementReport other = compare(article, {&a, &c});
    CHECK(sumOverLabels(other.total.overlap).matched == 0);
}

TEST_CASE("agreement: exact matching needs identical spans, each used once") {
    Document article = fixtures::makeDocument(kText);
    AnnotationSet a = makeSet("alice", {{"claim", 0, 5}, {"claim", 0, 5}});
    AnnotationSet b = makeSet("bob", {{"claim", 0, 5}, {"claim", 0, 4}});
    AgreementReport report = compare(article, {&a, &b});
    CHECK(sumOverLabels(report.total.exact).matched == 1);
    CHECK(sumOverLabels(report.total.overlap).matched == 2);
}

TEST_CASE("agreement: a reviewer missing a document is missing data, not disagreement") {
    Document article1 = fixtures::makeDocument(kText, "one");
    Document article2 = fixtures::makeDocument(kText, "two");
    AnnotationSet a1 = makeSet("alice", {{"claim", 0, 5}});
    AnnotationSet b1 = makeSet("bob", {{"claim", 0, 5}});
    AnnotationSet c1 = makeSet("carol", {{"claim", 0, 5}});
    AnnotationSet a2 = makeSet("alice", {{"claim", 6, 11}});
    AnnotationSet b2 = makeSet("bob", {{"claim", 0, 5}});
    AgreementInput input;
    input.reviewers = {"alice", "bob", "carol"};
    input.documents.push_back({"one", &article1, {&a1, &b1, &c1}});
    input.documents.push_back({"two", &article2, {&a2, &b2, nullptr}});
    input.schema = Schema::claimStrength();
    AgreementReport report = computeAgreement(input);

    UnitFigures claim = unitsOf(report, "claim");
    // alice/carol only on document one, where they agree: 1.
    CHECK(valueOf(claim.cohenKappa.at({0, 2})) == doctest::Approx(1.0));
    // alice/bob: 8 agreeing units (4 ones, 4 zeros) + 8 split: po = 0.5 = pe -> 0.
    CHECK(valueOf(claim.cohenKappa.at({0, 1})) == doctest::Approx(0.0));
    // Coincidences: doc one, m = 3, o11 = o00 = 4 * 3 = 12; doc two, m = 2, o01 = o10 = 8.
    // n = 40, n0 = n1 = 20: alpha = 1 - 39 * 16 / (2 * 20 * 20) = 0.22.
    CHECK(valueOf(claim.alpha) == doctest::Approx(0.22));
    // Fleiss with unequal n: P = (8 * 1 + 8 * 0) / 16 = 0.5; p1 = 20 / 40, Pe = 0.5 -> 0.
    CHECK(valueOf(claim.fleissKappa) == doctest::Approx(0.0));

    // Per document and macro: one is 1, two is -0.875 (see the total disagreement case).
    REQUIRE(report.documents.size() == 2);
    CHECK(report.documents[1].reviewers == std::vector<std::string>{"alice", "bob"});
    CHECK(valueOf(report.documents[0].figures.unitAlpha) == doctest::Approx(1.0));
    CHECK(valueOf(report.documents[1].figures.unitAlpha) < 0.0);
    CHECK(report.worstFirst == std::vector<std::size_t>{1, 0});
    CHECK(report.macroUnitAlpha.documents == 2);
    // Per label -0.875 for "two", but the headline pools the four labels: 8 split units
    // among 32 items, o01 = o10 = 8, o00 = 48, n = 64, n0 = 56, n1 = 8:
    // alpha = 1 - 63 * 16 / (2 * 56 * 8) = 1 - 1008 / 896 = -0.125. Macro: (1 - 0.125) / 2.
    CHECK(valueOf(report.documents[1].figures.unitAlpha) == doctest::Approx(-0.125));
    CHECK(valueOf(report.macroUnitAlpha.mean) == doctest::Approx(0.4375));
}

TEST_CASE("agreement: a document only one reviewer has is undefined, and sorted last") {
    Document article = fixtures::makeDocument(kText);
    AnnotationSet a = makeSet("alice", {{"claim", 0, 5}});
    AnnotationSet b = makeSet("bob", {{"claim", 6, 11}});
    AgreementInput input;
    input.reviewers = {"alice", "bob"};
    input.documents.push_back({"solo", &article, {&a, nullptr}});
    input.documents.push_back({"pair", &article, {&a, &b}});
    input.schema = Schema::claimStrength();
    AgreementReport report = computeAgreement(input);
    CHECK_FALSE(report.documents[0].figures.spanF1Overlap.defined());
    CHECK_FALSE(report.documents[0].figures.unitAlpha.defined());
    CHECK(report.worstFirst == std::vector<std::size_t>{1, 0});
    CHECK(report.macroSpanF1Overlap.documents == 1);
}

TEST_CASE("agreement: units are code points that are not Unicode White_Space") {
    // "😀\u00A0x\u3000y\n" : emoji, NBSP, x, ideographic space, y, newline -> 3 units.
    Document article = fixtures::makeDocument("\xF0\x9F\x98\x80\xC2\xA0x\xE3\x80\x80y\n");
    REQUIRE(article.length() == 6);
    AnnotationSet a = makeSet("alice", {{"claim", 0, 3}}, 6);  // emoji, NBSP, x
    AnnotationSet b = makeSet("bob", {{"claim", 0, 1}}, 6);    // emoji
    AgreementReport report = compare(article, {&a, &b});
    CHECK(report.total.units == 3);
    // Units: emoji (1,1), x (1,0), y (0,0): po = 2/3; alice 2/3 ones, bob 1/3:
    // pe = 2/3 * 1/3 + 1/3 * 2/3 = 4/9 -> kappa = (2/3 - 4/9) / (5/9) = 0.4.
    CHECK(valueOf(unitsOf(report, "claim").cohenKappa.at({0, 1})) == doctest::Approx(0.4));
}

TEST_CASE("agreement: ordinal strength and weighted kappa on matched spans") {
    Document article = fixtures::makeDocument(kText);
    AnnotationSet a = makeSet(
        "alice", {{"claim", 0, 2, {{"strength", std::int64_t(4)}}}, {"claim", 6, 8, {{"strength", std::int64_t(2)}}}});
    AnnotationSet b = makeSet(
        "bob", {{"claim", 0, 2, {{"strength", std::int64_t(4)}}}, {"claim", 6, 7, {{"strength", std::int64_t(3)}}}});
    AgreementReport report = compare(article, {&a, &b});
    const AttributeUnits* strength = nullptr;
    for (const AttributeUnits& u : report.total.attributes)
        if (u.label == "claim" && u.attribute == "strength") strength = &u;
    REQUIRE(strength != nullptr);
    AttributeFigures f = attributeFigures(*strength, 2);
    CHECK(f.groups == 2);
    // Groups (4,4) and (2,3): o44 = 2, o23 = o32 = 1; n = 4, n2 = n3 = 1, n4 = 2.
    // Ordinal d23 = 1, d24 = (4 - 1.5)^2 = 6.25, d34 = (3 - 1.5)^2 = 2.25.
    // alpha = 1 - 3 * 2 / (2 * (1 + 2 * 6.25 + 2 * 2.25)) = 1 - 6 / 36 = 5/6.
    CHECK(valueOf(f.alpha) == doctest::Approx(5.0 / 6.0));
    // Quadratic-weighted kappa: observed 1 (one step once); expected 0.5 + 2 + 0.5 = 3.
    CHECK(valueOf(f.weightedKappa.at({0, 1})) == doctest::Approx(2.0 / 3.0));
}

TEST_CASE("agreement: nominal alpha for an enum attribute, undefined when nothing is matched") {
    Document article = fixtures::makeDocument(kText);
    AnnotationSet a = makeSet("alice", {{"evidence", 0, 2, {{"type", std::string("anecdotal")}}},
                                        {"evidence", 3, 5, {{"type", std::string("preclinical")}}}});
    AnnotationSet b = makeSet("bob", {{"evidence", 0, 2, {{"type", std::string("anecdotal")}}},
                                      {"evidence", 3, 5, {{"type", std::string("preclinical")}}}});
    AgreementReport report = compare(article, {&a, &b});
    for (const AttributeUnits& u : report.total.attributes) {
        AttributeFigures f = attributeFigures(u, 2);
        if (u.label == "evidence" && u.attribute == "type") CHECK(valueOf(f.alpha) == doctest::Approx(1.0));
        if (u.label == "hedge" && u.attribute == "kind") {
            CHECK_FALSE(f.alpha.defined());
            CHECK(f.groups == 0);
        }
    }
}

TEST_CASE("agreement: relations F1 with ends matched by overlap") {
    Document article = fixtures::makeDocument(kText);
    AnnotationSet a = makeSet("alice", {{"claim", 0, 5}, {"hedge", 0, 2}});
    relate(a, "hedges", "a2", "a1");
    // bob's claim is shorter but overlaps; his extra evidence relation has no counterpart.
    AnnotationSet b = makeSet("bob", {{"claim", 0, 4}, {"hedge", 0, 2}, {"evidence", 6, 11}});
    relate(b, "hedges", "a2", "a1");
    relate(b, "supports", "a3", "a1");
    AgreementReport report = compare(article, {&a, &b});
    const MatchCounts all = sumOverLabels(report.total.relations);
    CHECK(all.first == 1);
    CHECK(all.second == 2);
    CHECK(all.matched == 1);
    CHECK(valueOf(report.micro.relationF1) == doctest::Approx(2.0 / 3.0));
    CHECK(valueOf(sumOverPairs(report.total.relations.at("hedges")).f1()) == doctest::Approx(1.0));
    CHECK(valueOf(sumOverPairs(report.total.relations.at("supports")).f1()) == doctest::Approx(0.0));
}

TEST_CASE("agreement: orphaned annotations are left out and counted") {
    Document article = fixtures::makeDocument(kText);
    AnnotationSet a = makeSet("alice", {{"claim", 0, 5}});
    AnnotationSet b = makeSet("bob", {{"claim", 0, 5}, {"claim", 6, 11}});
    Annotation orphan = *b.findAnnotation("a2");
    orphan.orphaned = true;
    REQUIRE(b.replaceAnnotation(orphan).ok());
    AgreementReport report = compare(article, {&a, &b});
    CHECK(report.total.orphansExcluded == 1);
    CHECK(valueOf(report.micro.spanF1Exact) == doctest::Approx(1.0));
}
