// Tests for the rules file: every built-in rule fires on its example and stays quiet on its
// counter-example; broken rules files are refused with the place and the problem.
#include "core/model/schema.h"
#include "core/suggest/suggestion_rules.h"

#include "suggest/suggest_fixtures.h"

#include <doctest/doctest.h>

using namespace claimmark;
using namespace claimmark::testing;

namespace {

std::size_t firedBy(const Suggested& s, const std::string& rule) {
    std::size_t n = 0;
    for (const Annotation& a : s.batch.annotations) n += a.rule == rule;
    return n;
}

std::string minimalRules(const std::string& cues) {
    return R"({"format": "claimmark/suggestion-rules", "version": 1, "cues": [)" + cues + "]}";
}

Diagnostics errorsOf(const std::string& text) {
    Result<SuggestionRules> r = parseSuggestionRules(text, "rules.json", Schema::claimStrength());
    REQUIRE_FALSE(r);
    return r.errors();
}

}  // namespace

TEST_CASE("suggestion rules: the built-in rules read, and each fires on its example and not its counter-example") {
    const SuggestionRules& rules = builtinSuggestionRules();
    REQUIRE(rules.cues.size() >= 20);
    std::size_t withCounterexample = 0;
    for (const CueRule& rule : rules.cues) {
        CAPTURE(rule.id);
        REQUIRE_FALSE(rule.example.empty());
        CHECK(firedBy(suggestOn(rule.example, rules, {rule.label}), rule.id) >= 1);
        if (!rule.counterexample.empty()) {
            ++withCounterexample;
            CAPTURE(rule.counterexample);
            CHECK(firedBy(suggestOn(rule.counterexample, rules, {rule.label}), rule.id) == 0);
        }
        CHECK_FALSE(rules.describe(rule.id).empty());
    }
    CHECK(withCounterexample == rules.cues.size());
    CHECK_FALSE(rules.describe(kLinkHedgeRule).empty());
    CHECK(rules.describe("no.such.rule").empty());
}

TEST_CASE("suggestion rules: the counter-examples the issue names") {
    const auto hedges = [](const std::string& text) {
        return labelled(suggestOn(text, builtinSuggestionRules(), {"hedge"}));
    };
    CHECK(hedges("The trial ran from May 2020 to June 2021.").empty());  // the month
    CHECK(has(hedges("It may reduce pain."), "hedge:may"));
    CHECK(hedges("He bought a can opener.").empty());  // "can" of a tin
    CHECK(hedges("The study did not suggest a benefit.").empty());
    CHECK(has(hedges("The study suggests a benefit."), "hedge:suggests"));
    CHECK(has(hedges("These results suggested a benefit."), "hedge:suggested"));
    CHECK(has(hedges("Data suggesting a benefit were thin."), "hedge:suggesting"));
}

TEST_CASE("suggestion rules: a broken rules file is refused with the place and the problem") {
    SUBCASE("JSON syntax: line and column") {
        const Diagnostics e = errorsOf("{\n  \"format\": \"claimmark/suggestion-rules\",\n  \"cues\": [,]\n}");
        CHECK(e[0].file == "rules.json");
        CHECK(e[0].location.find("line 3") != std::string::npos);
    }
    SUBCASE("not a rules file") {
        const Diagnostics e = errorsOf(R"({"format": "claimmark/annotation-set", "cues": []})");
        CHECK(e[0].location == "format");
    }
    SUBCASE("an unknown label") {
        const Diagnostics e = errorsOf(minimalRules(R"({"id": "x", "label": "rumour", "phrases": ["may"]})"));
        CHECK(e[0].location == "cues[0].label");
        CHECK(e[0].message.find("rumour") != std::string::npos);
    }
    SUBCASE("an attribute value the schema does not allow") {
        const Diagnostics e = errorsOf(
            minimalRules(R"({"id": "x", "label": "hedge", "attributes": {"kind": "vague"}, "phrases": ["may"]})"));
        CHECK(e[0].location == "cues[0].attributes.kind");
    }
    SUBCASE("a malformed phrase") {
        const Diagnostics e = errorsOf(minimalRules(R"({"id": "x", "label": "hedge", "phrases": ["ma*y"]})"));
        CHECK(e[0].location == "cues[0].phrases[0]");
    }
    SUBCASE("a phrase that is not a string, and an unknown key") {
        const Diagnostics e =
            errorsOf(minimalRules(R"({"id": "x", "label": "hedge", "phrases": [7], "whenever": true})"));
        REQUIRE(e.size() == 2);
        CHECK(e[0].location == "cues[0].phrases[0]");
        CHECK(e[1].location == "cues[0].whenever");
    }
    SUBCASE("duplicate ids") {
        const Diagnostics e = errorsOf(minimalRules(R"({"id": "x", "label": "hedge", "phrases": ["may"]},
                                                      {"id": "x", "label": "hedge", "phrases": ["might"]})"));
        CHECK(e[0].location == "cues[1].id");
    }
    SUBCASE("an extent that does not exist, a window out of range") {
        const Diagnostics e = errorsOf(
            minimalRules(R"({"id": "x", "label": "hedge", "phrases": ["may"], "extent": "paragraph", "window": 99})"));
        REQUIRE(e.size() == 2);
        CHECK(e[0].location == "cues[0].window");
        CHECK(e[1].location == "cues[0].extent");
    }
    SUBCASE("nested too deep") {
        const Diagnostics e = errorsOf(std::string(300, '[') + std::string(300, ']'));
        CHECK(e[0].message.find("deep") != std::string::npos);
    }
}

TEST_CASE("suggestion rules: a team's own file replaces the built-in rules") {
    Result<SuggestionRules> rules = parseSuggestionRules(
        minimalRules(R"({"id": "team.hedge.reportedly", "label": "hedge", "attributes": {"kind": "attribution"},
                         "description": "Hearsay.", "phrases": ["reportedly", "it is rumoured"]})"),
        "team.json", Schema::claimStrength());
    REQUIRE_MESSAGE(rules, rules.errorText());
    const Suggested s = suggestOn("It is rumoured that it works. It may work.", *rules, {"hedge"});
    REQUIRE(s.batch.annotations.size() == 1);
    CHECK(s.batch.annotations[0].text == "It is rumoured");
    CHECK(s.batch.annotations[0].rule == "team.hedge.reportedly");
    CHECK(std::get<std::string>(s.batch.annotations[0].attributes.at("kind")) == "attribution");
}
