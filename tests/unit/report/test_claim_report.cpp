// test_claim_report.cpp — the claim-strength report: links, support level, each flag and its
// absence, the hierarchy from the schema, discontinuous claims, orphans, several reviewers,
// the JSON keys and the Markdown form.
#include "core/model/annotation_set.h"
#include "core/report/claim_report.h"
#include "core/report/evidence_hierarchy.h"
#include "core/report/report_json.h"
#include "core/report/report_markdown.h"
#include "fixtures.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace claimmark;
using fixtures::makeDocument;
using json = nlohmann::json;

namespace {

// All ASCII, so byte offsets are code point offsets.
const std::string kArticle =
    "Kratom may ease chronic pain in adults. A 2019 clinical trial found relief in 40 adults.\n"
    "Users report that kratom cures anxiety. Consult a doctor before use.\n"
    "Kratom eases chronic pain in adults, full stop. One review found no effect on anxiety.\n"
    "Kratom is a plant.\n";

Span at(std::string_view needle, std::size_t from = 0) {
    const std::size_t start = kArticle.find(needle, from);
    REQUIRE_MESSAGE(start != std::string::npos, needle);
    return Span{start, start + needle.size()};
}

Annotation make(const std::string& id, const std::string& label, std::string_view needle, std::size_t from = 0) {
    Annotation a;
    a.id = id;
    a.label = label;
    a.spans = {at(needle, from)};
    a.text = std::string(needle);
    return a;
}

AnnotationSet emptySet(std::size_t length = kArticle.size()) {
    AnnotationSet set;
    set.document.length = length;
    return set;
}

void add(AnnotationSet& set, Annotation a, Attributes attributes = {}) {
    a.attributes = std::move(attributes);
    const Status added = set.addAnnotation(std::move(a));
    REQUIRE_MESSAGE(added.ok(), added.error);
}

void link(AnnotationSet& set, const std::string& id, const std::string& type, const std::string& from,
          const std::string& to) {
    const Status added = set.addRelation(fixtures::relation(id, type, from, to));
    REQUIRE_MESSAGE(added.ok(), added.error);
}

// T1 hedged, supported by a trial; T2 anecdotal at strength 5; T3 restates T1 unhedged and
// is contradicted; T4 has nothing at all.
AnnotationSet sampleSet() {
    AnnotationSet set = emptySet();
    set.annotator = "maria";
    add(set, make("T1", "claim", "Kratom may ease chronic pain in adults"), {{"strength", std::int64_t(2)}});
    add(set, make("T2", "hedge", "may"), {{"kind", std::string("modal")}});
    add(set, make("T3", "evidence", "A 2019 clinical trial found relief in 40 adults"),
        {{"type", std::string("clinical-trial")}, {"cited", true}});
    add(set, make("T4", "claim", "kratom cures anxiety"),
        {{"strength", std::int64_t(5)}, {"verdict", std::string("unsupported")}});
    add(set, make("T5", "evidence", "Users report"), {{"type", std::string("anecdotal")}});
    add(set, make("T6", "caveat", "Consult a doctor before use"), {{"kind", std::string("consult-professional")}});
    add(set, make("T7", "claim", "Kratom eases chronic pain in adults, full stop"), {{"strength", std::int64_t(4)}});
    add(set, make("T8", "evidence", "One review found no effect on anxiety"),
        {{"type", std::string("systematic-review")}});
    add(set, make("T9", "claim", "Kratom is a plant"));
    link(set, "R1", "hedges", "T2", "T1");
    link(set, "R2", "supports", "T3", "T1");
    link(set, "R3", "supports", "T5", "T4");
    link(set, "R4", "qualifies", "T6", "T4");
    link(set, "R5", "contradicts", "T8", "T4");
    link(set, "R6", "supports", "T3", "T7");
    return set;
}

ClaimReportOptions defaults() { return ClaimReportOptions{}; }

std::vector<std::string> flagNames(const ClaimReport& c) {
    std::vector<std::string> out;
    for (const ClaimFlag& f : c.flags) out.push_back(f.name);
    return out;
}

}  // namespace

TEST_CASE("report: each claim with its hedges, caveats, supporting and contradicting evidence") {
    const Document article = makeDocument(kArticle, "kratom.txt");
    const AnnotationSet set = sampleSet();
    const DocumentReport report = reportOnSet(article, set, defaults());
    REQUIRE(report.claims.size() == 4);
    const ClaimReport& first = report.claims[0];
    CHECK(first.id == "T1");
    CHECK(first.place.line == 1);
    CHECK(first.place.column == 1);
    CHECK(first.strength == 2);
    REQUIRE(first.hedges.size() == 1);
    CHECK(first.hedges[0].text == "may");
    CHECK(first.hedges[0].kind == "modal");
    REQUIRE(first.evidence.size() == 1);
    CHECK(first.evidence[0].kind == "clinical-trial");
    CHECK(first.evidence[0].cited);
    CHECK(first.support == "clinical-trial");
    CHECK(first.flags.empty());  // hedged, strength 2, supported by a trial

    const ClaimReport* cures = report.findClaim("T4");
    REQUIRE(cures);
    CHECK(cures->place.line == 2);
    CHECK(cures->verdict == "unsupported");
    CHECK(cures->support == "anecdotal");
    REQUIRE(cures->caveats.size() == 1);
    CHECK(cures->caveats[0].kind == "consult-professional");
    REQUIRE(cures->contradicting.size() == 1);
    CHECK(cures->contradicting[0].kind == "systematic-review");
    CHECK(cures->oneLine() ==
          "supported by 1 (best: anecdotal) · contradicted by 1 · no hedge · 1 caveat · flags: contradicted, "
          "strength-exceeds-evidence, uncited-support");
}

TEST_CASE("report: the flags, each with a reason, and their absence when the evidence is strong") {
    const Document article = makeDocument(kArticle);
    const DocumentReport report = reportOnSet(article, sampleSet(), defaults());
    const ClaimReport& cures = *report.findClaim("T4");
    CHECK(flagNames(cures) == std::vector<std::string>{"contradicted", "strength-exceeds-evidence", "uncited-support"});
    for (const ClaimFlag& f : cures.flags) CHECK_FALSE(f.reason.empty());
    CHECK(cures.flags[1].reason.find("strength 5") != std::string::npos);
    CHECK(cures.flags[1].reason.find("anecdotal") != std::string::npos);

    // T7: strength 4 on a cited clinical trial: not exceeding; but it restates T1 unhedged.
    const ClaimReport& restated = *report.findClaim("T7");
    CHECK(flagNames(restated) == std::vector<std::string>{"hedge-dropped"});
    CHECK(restated.flags[0].reason.find("line 1") != std::string::npos);
    CHECK(restated.flags[0].reason.find("may") != std::string::npos);

    // T9: nothing linked, not rated: only no-evidence.
    const ClaimReport& plain = *report.findClaim("T9");
    CHECK(flagNames(plain) == std::vector<std::string>{"no-evidence"});

    // Summary: worst first, counts.
    CHECK(report.summary.claims == 4);
    CHECK(report.summary.flaggedClaims == 3);
    CHECK(report.summary.worstFirst == std::vector<std::string>{"T4", "T7", "T9"});
    CHECK(report.summary.flagCounts.at("no-evidence") == 1);
    CHECK(report.summary.labelCounts.at("evidence") == 3);
    CHECK(report.summary.evidenceMix.at("clinical-trial") == 1);
    CHECK(report.summary.evidenceMix.at("preclinical") == 0);
    CHECK(report.summary.claimsByStrength.at("unrated") == 1);
    CHECK(report.summary.claimsByStrength.at("5") == 1);
    CHECK(report.summary.unlinkedEvidence == 0);
    CHECK(report.summary.words > 40);
    CHECK(report.summary.hedgesPer1000Words == doctest::Approx(1000.0 / double(report.summary.words)));
}

TEST_CASE("report: strength-exceeds-evidence with no evidence, and not below the strength bar") {
    const Document article = makeDocument(kArticle);
    AnnotationSet set = emptySet();
    add(set, make("T1", "claim", "Kratom is a plant"), {{"strength", std::int64_t(4)}});
    add(set, make("T2", "claim", "kratom cures anxiety"), {{"strength", std::int64_t(3)}});
    const DocumentReport report = reportOnSet(article, set, defaults());
    CHECK(flagNames(*report.findClaim("T1")) == std::vector<std::string>{"strength-exceeds-evidence", "no-evidence"});
    CHECK(flagNames(*report.findClaim("T2")) == std::vector<std::string>{"no-evidence"});
}

TEST_CASE("report: expert opinion is weak support, observational is not") {
    const Document article = makeDocument(kArticle);
    for (const auto& [type, flagged] :
         std::vector<std::pair<std::string, bool>>{{"expert-opinion", true}, {"observational", false}}) {
        AnnotationSet set = emptySet();
        add(set, make("T1", "claim", "kratom cures anxiety"), {{"strength", std::int64_t(4)}});
        add(set, make("T2", "evidence", "Users report"), {{"type", type}, {"cited", true}});
        link(set, "R1", "supports", "T2", "T1");
        const DocumentReport report = reportOnSet(article, set, defaults());
        CHECK(report.findClaim("T1")->hasFlag(kFlagStrengthExceedsEvidence) == flagged);
    }
}

TEST_CASE("report: the hierarchy is read from the schema, with located problems") {
    Schema schema = Schema::claimStrength();
    schema.extra["report"] = json{{"evidence_hierarchy", {"clinical-trial", "expert-opinion", "anecdotal"}},
                                  {"weak_from", "anecdotal"},
                                  {"strong_strength", 5}};
    Result<EvidenceHierarchy> h = hierarchyFromSchema(schema, "s.json");
    REQUIRE_MESSAGE(h.ok(), h.errorText());
    CHECK(h->rankOf("expert-opinion") == 1);
    CHECK(h->rankOf("observational") == 2);  // unlisted: ranks last
    CHECK_FALSE(h->isWeak(1));
    CHECK(h->strongStrength == 5);

    // With that hierarchy expert opinion at strength 4 is fine.
    const Document article = makeDocument(kArticle);
    AnnotationSet set = emptySet();
    set.schema = schema;
    add(set, make("T1", "claim", "kratom cures anxiety"), {{"strength", std::int64_t(5)}});
    add(set, make("T2", "evidence", "Users report"), {{"type", std::string("expert-opinion")}, {"cited", true}});
    link(set, "R1", "supports", "T2", "T1");
    ClaimReportOptions options;
    options.hierarchy = *h;
    CHECK_FALSE(reportOnSet(article, set, options).findClaim("T1")->hasFlag(kFlagStrengthExceedsEvidence));

    schema.extra["report"] = json{{"evidence_hierarchy", {"clinical-trial", "horoscope", 3, "clinical-trial"}},
                                  {"strong_strength", "high"},
                                  {"colour", "red"}};
    Result<EvidenceHierarchy> bad = hierarchyFromSchema(schema, "s.json");
    REQUIRE_FALSE(bad.ok());
    std::vector<std::string> where;
    for (const Diagnostic& d : bad.errors()) {
        CHECK(d.file == "s.json");
        where.push_back(d.location);
    }
    CHECK(where == std::vector<std::string>{"schema.report.colour", "schema.report.evidence_hierarchy[1]",
                                            "schema.report.evidence_hierarchy[2]",
                                            "schema.report.evidence_hierarchy[3]", "schema.report.strong_strength"});
    schema.extra["report"] = json{{"weak_from", "horoscope"}};
    Result<EvidenceHierarchy> unknownWeak = hierarchyFromSchema(schema, "s.json");
    REQUIRE_FALSE(unknownWeak.ok());
    CHECK(unknownWeak.errors()[0].location == "schema.report.weak_from");
    schema.extra["report"] = json::array();
    CHECK_FALSE(hierarchyFromSchema(schema, "s.json").ok());
}

TEST_CASE("report: the built-in schema declares the default hierarchy") {
    Result<EvidenceHierarchy> h = hierarchyFromSchema(Schema::claimStrength(), "built-in");
    REQUIRE_MESSAGE(h.ok(), h.errorText());
    CHECK(h->ranks == EvidenceHierarchy{}.ranks);
    CHECK(h->ranks[h->weakFrom] == "expert-opinion");
    CHECK(Schema::claimStrength().extra.contains("report"));
}

TEST_CASE("report: a discontinuous claim keeps its fragments and its place") {
    const Document article = makeDocument(kArticle);
    AnnotationSet set = emptySet();
    Annotation claim;
    claim.id = "T1";
    claim.label = "claim";
    claim.spans = {at("Kratom eases chronic pain"), at("full stop")};
    claim.text = "Kratom eases chronic pain full stop";
    add(set, claim, {{"strength", std::int64_t(5)}});
    add(set, make("T2", "evidence", "A 2019 clinical trial found relief in 40 adults"),
        {{"type", std::string("clinical-trial")}});
    link(set, "R1", "supports", "T2", "T1");
    const DocumentReport report = reportOnSet(article, set, defaults());
    REQUIRE(report.claims.size() == 1);
    CHECK(report.claims[0].spans.size() == 2);
    CHECK(report.claims[0].place.line == 3);
    CHECK(flagNames(report.claims[0]) == std::vector<std::string>{"uncited-support"});
    const json out = claimToJson(report.claims[0], report);
    CHECK(out["spans"].size() == 2);
}

TEST_CASE("report: orphans and pending suggestions are left out and counted") {
    const Document article = makeDocument(kArticle);
    AnnotationSet set = sampleSet();
    Annotation orphan = make("T20", "claim", "Kratom is a plant");
    orphan.orphaned = true;
    add(set, orphan);
    Annotation lost = make("T21", "evidence", "Users report");
    lost.orphaned = true;
    add(set, lost, {{"type", std::string("clinical-trial")}});
    link(set, "R20", "supports", "T21", "T4");
    Annotation suggested = make("T22", "hedge", "may");
    suggested.status = kSuggestedStatus;
    add(set, suggested);
    link(set, "R21", "hedges", "T22", "T7");

    const DocumentReport report = reportOnSet(article, set, defaults());
    CHECK(report.claims.size() == 4);
    CHECK(report.summary.orphansLeftOut == 2);
    CHECK(report.summary.relationsLeftOut == 1);
    CHECK(report.summary.suggestionsLeftOut == 1);
    CHECK(report.findClaim("T4")->support == "anecdotal");  // the orphan trial does not count
    CHECK(report.findClaim("T7")->hedges.empty());

    ClaimReportOptions withSuggestions;
    withSuggestions.includeSuggested = true;
    const DocumentReport all = reportOnSet(article, set, withSuggestions);
    REQUIRE(all.findClaim("T7")->hedges.size() == 1);
    CHECK(all.findClaim("T7")->hedges[0].suggested);
    CHECK_FALSE(all.findClaim("T7")->hasFlag(kFlagHedgeDropped));  // hedged now
    CHECK(all.summary.suggestionsLeftOut == 0);
}

TEST_CASE("report: several reviewers side by side, the gold set's rows first") {
    const Document article = makeDocument(kArticle);
    const AnnotationSet maria = sampleSet();
    AnnotationSet bob = emptySet();
    bob.annotator = "bob";
    // Bob marks the cures claim a little longer, rates it 2, and marks a claim Maria did not.
    add(bob, make("T1", "claim", "that kratom cures anxiety"),
        {{"strength", std::int64_t(2)}, {"verdict", std::string("false")}});
    add(bob, make("T2", "claim", "Consult a doctor before use"), {{"strength", std::int64_t(3)}});
    AnnotationSet gold = sampleSet();
    gold.annotator = "gold";

    const DocumentReport report =
        reportOnSets(article, {&maria, &bob, &gold}, {"maria", "bob", "gold"}, defaults(), "kratom.txt", 2);
    CHECK(report.primary == 2);
    REQUIRE(report.claims.size() == 5);
    const ClaimReport* cures = report.findClaim("T4");
    REQUIRE(cures);
    CHECK(cures->set == 2);
    REQUIRE(cures->reviewers.size() == 3);
    CHECK(cures->reviewers[0].reviewer == 0);
    CHECK(cures->reviewers[1].reviewer == 1);
    CHECK(cures->reviewers[1].claimId == "T1");
    CHECK(cures->reviewers[1].strength == 2);
    CHECK(cures->reviewers[1].flags == std::vector<std::string>{"no-evidence"});
    CHECK(cures->hasFlag(kFlagReviewersDisagree));
    const ClaimFlag& disagree = *std::find_if(cures->flags.begin(), cures->flags.end(),
                                              [](const ClaimFlag& f) { return f.name == kFlagReviewersDisagree; });
    CHECK(disagree.reason.find("from 2 (bob) to 5") != std::string::npos);
    CHECK(disagree.reason.find("verdicts differ: false, unsupported") != std::string::npos);

    // Bob's own claim: a row of its own, its id naming his set.
    const ClaimReport* onlyBob = report.findClaim("bob:T2");
    REQUIRE(onlyBob);
    CHECK(onlyBob->set == 1);
    CHECK(onlyBob->reviewers.size() == 1);

    const json out = documentReportToJson(report);
    CHECK(out["document"]["primary"] == "gold");
    CHECK(out["document"]["reviewers"] == json{"maria", "bob", "gold"});
    const json& row = out["claims"][1];
    CHECK(row["id"] == "T4");
    CHECK(row["from"] == "gold");
    CHECK(row["reviewers"][1]["reviewer"] == "bob");
    CHECK(row["reviewers"][1]["strength"] == 2);
}

TEST_CASE("report JSON: the documented keys") {
    const Document article = makeDocument(kArticle, "kratom.txt");
    Report report;
    report.documents.push_back(reportOnSet(article, sampleSet(), defaults()));
    summarizeReport(report);
    const json out = reportToJson(report);
    CHECK(out["format"] == "claimmark/report");
    CHECK(out["version"] == 1);
    CHECK(out["hierarchy"]["weak_from"] == "expert-opinion");
    for (const char* key : {"document", "claims", "summary", "notes"}) CHECK_MESSAGE(out.contains(key), key);
    const json& claim = out["claims"][1];
    for (const char* key : {"id", "text", "spans", "line", "column", "strength", "verdict", "checkworthy", "hedges",
                            "caveats", "evidence", "contradicting", "support", "evidence_mix", "flags", "reasons"})
        CHECK_MESSAGE(claim.contains(key), key);
    CHECK(claim["id"] == "T4");
    CHECK(claim["evidence"][0] ==
          json{{"id", "T5"}, {"relation", "R3"}, {"text", "Users report"}, {"type", "anecdotal"}, {"cited", false}});
    CHECK(claim["flags"][0] == "contradicted");
    CHECK(claim["reasons"]["contradicted"].get<std::string>().find("One review") != std::string::npos);
    CHECK(out["claims"][3]["strength"].is_null());
    const json& summary = out["summary"];
    for (const char* key : {"label_counts", "evidence_mix", "words", "hedges_per_1000_words", "claims_by_strength",
                            "claims", "flagged_claims", "flagged_share", "flag_counts", "worst_first"})
        CHECK_MESSAGE(summary.contains(key), key);
    CHECK(summary["flagged_share"] == 0.75);

    // Several documents: "documents", each with its claims, and the total summary.
    const Document other = makeDocument(kArticle, "copy.txt");
    report.documents.push_back(reportOnSet(other, sampleSet(), defaults(), "copy.txt"));
    summarizeReport(report);
    const json both = reportToJson(report);
    REQUIRE(both["documents"].size() == 2);
    CHECK(both["documents"][1]["claims"].size() == 4);
    CHECK(both["summary"]["claims"] == 8);
    CHECK(both["summary"]["worst_first"][0] == "kratom.txt: T4");
}

TEST_CASE("report Markdown: summary and flagged claims, article text escaped") {
    const std::string text = "Kratom *cures* <b>everything</b> [now](x).";
    const Document article = makeDocument(text, "k.txt");
    AnnotationSet set = emptySet(text.size());
    Annotation claim;
    claim.id = "T1";
    claim.label = "claim";
    claim.spans = {{0, text.size()}};
    claim.text = text;
    add(set, claim, {{"strength", std::int64_t(5)}});
    Report report;
    report.documents.push_back(reportOnSet(article, set, defaults()));
    summarizeReport(report);
    const std::string md = reportToMarkdown(report);
    CHECK(md.rfind("# Claim-strength report: k.txt\n", 0) == 0);
    CHECK(md.find("1 claim, 1 flagged (100%)") != std::string::npos);
    CHECK(md.find("## Flagged claims, worst first") != std::string::npos);
    CHECK(md.find("Kratom \\*cures\\* \\<b\\>everything\\</b\\> \\[now\\](x).") != std::string::npos);
    CHECK(md.find("**strength-exceeds-evidence**: stated at strength 5 with no supporting evidence") !=
          std::string::npos);
    CHECK(md.find("<b>") == std::string::npos);
}

TEST_CASE("report: a restatement that keeps the hedge word (unlinked) is not hedge-dropped") {
    const std::string text = "Kratom may ease chronic pain in adults. Later: kratom may ease chronic pain in adults.\n";
    const Document article = makeDocument(text);
    AnnotationSet set = emptySet(text.size());
    auto span = [&](std::string_view needle, std::size_t from) {
        const std::size_t start = text.find(needle, from);
        return Span{start, start + needle.size()};
    };
    Annotation first, later, hedge;
    first.id = "T1", first.label = "claim", first.spans = {span("Kratom may ease chronic pain in adults", 0)};
    first.text = "Kratom may ease chronic pain in adults";
    later.id = "T2", later.label = "claim", later.spans = {span("kratom may ease chronic pain in adults", 10)};
    later.text = "kratom may ease chronic pain in adults";
    hedge.id = "T3", hedge.label = "hedge", hedge.spans = {span("may", 0)}, hedge.text = "may";
    add(set, first);
    add(set, later);
    add(set, hedge);
    link(set, "R1", "hedges", "T3", "T1");
    CHECK_FALSE(reportOnSet(article, set, defaults()).findClaim("T2")->hasFlag(kFlagHedgeDropped));
}
