// test_schema.cpp — the label schema: built-in default, JSON round trip, validation with
// JSON paths, attribute checks, relation lookups, loading files.
//
// [SECTION] Helpers and fixtures
// [SECTION] The built-in claim-strength schema
// [SECTION] Attribute values and checks
// [SECTION] Relations
// [SECTION] Round trip and unknown keys
// [SECTION] Validation: every problem, with its path
// [SECTION] Loading files
#include "core/model/schema.h"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace claimmark;
using nlohmann::json;

// =====================================================================================
// [SECTION] Helpers and fixtures
// =====================================================================================

namespace {

// A small valid schema that each validation test breaks in one place.
json validFixture() {
    return json::parse(R"({
      "format": "claimmark/schema", "version": 1, "name": "mini",
      "labels": [
        {"name": "claim", "color": "#ff8800", "hotkey": "c", "description": "A claim.",
         "attributes": [
           {"name": "strength", "type": "ordinal", "min": 1, "max": 3,
            "levels": ["weak", "middling", "strong"], "default": 2},
           {"name": "verdict", "type": "enum", "values": ["open", "true", "false"],
            "default": "open"},
           {"name": "checked", "type": "bool", "default": false},
           {"name": "remark", "type": "text"}
         ]},
        {"name": "hedge", "color": "#0088FF", "hotkey": "h"},
        {"name": "source", "color": "#00aa44"}
      ],
      "relations": [
        {"type": "weakens", "from": ["hedge"], "to": ["claim"], "description": "Weakens."},
        {"type": "cites", "from": ["claim"], "to": ["source", "claim"]},
        {"type": "related"}
      ]
    })");
}

bool hasProblem(const Result<Schema>& result, const std::string& location, const std::string& messagePart) {
    for (const auto& d : result.errors()) {
        if (d.location == location && d.message.find(messagePart) != std::string::npos) {
            return true;
        }
    }
    return false;
}

// Parses `schema` with the prefix "schema." and expects exactly one problem, at `location`,
// whose message contains `messagePart`.
void expectOneProblem(const json& schema, const std::string& location, const std::string& messagePart) {
    auto result = schemaFromJson(schema, "set.json", "schema.");
    INFO("errors:\n" << result.errorText());
    CHECK_FALSE(result.ok());
    CHECK(result.errors().size() == 1);
    CHECK(hasProblem(result, location, messagePart));
    for (const auto& d : result.errors()) CHECK(d.file == "set.json");
}

std::filesystem::path tempPath(const std::string& name) {
    auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    return std::filesystem::temp_directory_path() / ("claimmark_test_schema_" + std::to_string(stamp) + "_" + name);
}

void writeText(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

}  // namespace

// =====================================================================================
// [SECTION] The built-in claim-strength schema
// =====================================================================================

TEST_CASE("claim-strength schema: labels, colours and hotkeys") {
    Schema schema = Schema::claimStrength();
    CHECK(schema.name == "claim-strength");
    REQUIRE(schema.labels.size() == 4);
    CHECK(schema.labels[0].name == "claim");
    CHECK(schema.labels[1].name == "hedge");
    CHECK(schema.labels[2].name == "caveat");
    CHECK(schema.labels[3].name == "evidence");
    CHECK(schema.labels[0].hotkey == "1");
    CHECK(schema.labels[1].hotkey == "2");
    CHECK(schema.labels[2].hotkey == "3");
    CHECK(schema.labels[3].hotkey == "4");
    CHECK(schema.labelList() == "claim, hedge, caveat, evidence");

    for (std::size_t i = 0; i < schema.labels.size(); ++i) {
        const auto& label = schema.labels[i];
        CHECK_FALSE(label.description.empty());
        REQUIRE(label.color.size() == 7);
        CHECK(label.color[0] == '#');
        for (std::size_t j = 0; j < i; ++j) CHECK(label.color != schema.labels[j].color);
        for (const auto& attribute : label.attributes) CHECK_FALSE(attribute.description.empty());
    }
    for (const auto& relation : schema.relations) CHECK_FALSE(relation.description.empty());
    CHECK(schema.findLabel("evidence") == &schema.labels[3]);
    CHECK(schema.findLabel("Claim") == nullptr);
}

TEST_CASE("claim-strength schema: attributes") {
    Schema schema = Schema::claimStrength();
    const LabelDef* claim = schema.findLabel("claim");
    REQUIRE(claim != nullptr);
    REQUIRE(claim->attributes.size() == 3);

    const AttributeDef* strength = claim->findAttribute("strength");
    REQUIRE(strength != nullptr);
    CHECK(strength->kind == AttributeKind::Ordinal);
    CHECK(strength->min == 1);
    CHECK(strength->max == 5);
    CHECK(strength->levels ==
          std::vector<std::string>{"speculative", "tentative", "moderate", "confident", "stated as certain fact"});
    CHECK_FALSE(strength->defaultValue.has_value());

    const AttributeDef* checkworthy = claim->findAttribute("checkworthy");
    REQUIRE(checkworthy != nullptr);
    CHECK(checkworthy->kind == AttributeKind::Bool);
    REQUIRE(checkworthy->defaultValue.has_value());
    CHECK(*checkworthy->defaultValue == AttributeValue(false));

    const AttributeDef* verdict = claim->findAttribute("verdict");
    REQUIRE(verdict != nullptr);
    CHECK(verdict->kind == AttributeKind::Enum);
    CHECK(verdict->values == std::vector<std::string>{"unrated", "accurate", "mostly-accurate", "mixed", "misleading",
                                                      "false", "unsupported"});
    REQUIRE(verdict->defaultValue.has_value());
    CHECK(*verdict->defaultValue == AttributeValue(std::string("unrated")));
    CHECK(claim->findAttribute("kind") == nullptr);

    const AttributeDef* hedgeKind = schema.findLabel("hedge")->findAttribute("kind");
    REQUIRE(hedgeKind != nullptr);
    CHECK(hedgeKind->kind == AttributeKind::Enum);
    CHECK(hedgeKind->values == std::vector<std::string>{"modal", "epistemic-verb", "adverb", "adjective",
                                                        "approximator", "attribution", "conditional"});
    CHECK(schema.findLabel("hedge")->attributes.size() == 1);

    const AttributeDef* caveatKind = schema.findLabel("caveat")->findAttribute("kind");
    REQUIRE(caveatKind != nullptr);
    CHECK(caveatKind->values == std::vector<std::string>{"safety", "consult-professional", "limitation", "regulatory",
                                                         "further-research", "scope"});
    CHECK(schema.findLabel("caveat")->attributes.size() == 1);

    const LabelDef* evidence = schema.findLabel("evidence");
    REQUIRE(evidence->attributes.size() == 2);
    const AttributeDef* type = evidence->findAttribute("type");
    REQUIRE(type != nullptr);
    CHECK(type->kind == AttributeKind::Enum);
    CHECK(type->values == std::vector<std::string>{"anecdotal", "traditional-use", "expert-opinion", "preclinical",
                                                   "observational", "clinical-trial", "systematic-review",
                                                   "unspecified"});
    REQUIRE(type->defaultValue.has_value());
    CHECK(*type->defaultValue == AttributeValue(std::string("unspecified")));
    const AttributeDef* cited = evidence->findAttribute("cited");
    REQUIRE(cited != nullptr);
    CHECK(cited->kind == AttributeKind::Bool);
    CHECK(*cited->defaultValue == AttributeValue(false));
}

TEST_CASE("claim-strength schema: relations") {
    Schema schema = Schema::claimStrength();
    REQUIRE(schema.relations.size() == 4);
    CHECK(schema.relations[0].type == "hedges");
    CHECK(schema.relations[0].from == std::vector<std::string>{"hedge"});
    CHECK(schema.relations[0].to == std::vector<std::string>{"claim"});
    CHECK(schema.relations[1].type == "qualifies");
    CHECK(schema.relations[1].from == std::vector<std::string>{"caveat"});
    CHECK(schema.relations[1].to == std::vector<std::string>{"claim"});
    CHECK(schema.relations[2].type == "supports");
    CHECK(schema.relations[2].from == std::vector<std::string>{"evidence"});
    CHECK(schema.relations[2].to == std::vector<std::string>{"claim"});
    CHECK(schema.relations[3].type == "contradicts");
    CHECK(schema.relations[3].from == std::vector<std::string>{"evidence"});
    CHECK(schema.relations[3].to == std::vector<std::string>{"claim"});
    CHECK(schema.findRelation("supports") == &schema.relations[2]);
    CHECK(schema.findRelation("refutes") == nullptr);
}

TEST_CASE("claim-strength schema: its JSON passes validation") {
    auto result = schemaFromJson(schemaToJson(Schema::claimStrength()), "builtin");
    INFO(result.errorText());
    REQUIRE(result.ok());
    CHECK(result->labelList() == "claim, hedge, caveat, evidence");
}

// =====================================================================================
// [SECTION] Attribute values and checks
// =====================================================================================

TEST_CASE("attribute values as text and JSON") {
    CHECK(attributeValueToString(AttributeValue(true)) == "true");
    CHECK(attributeValueToString(AttributeValue(false)) == "false");
    CHECK(attributeValueToString(AttributeValue(std::int64_t{4})) == "4");
    CHECK(attributeValueToString(AttributeValue(std::int64_t{-12})) == "-12");
    CHECK(attributeValueToString(AttributeValue(std::string("clinical-trial"))) == "clinical-trial");
    CHECK(attributeValueToJson(AttributeValue(true)) == json(true));
    CHECK(attributeValueToJson(AttributeValue(std::int64_t{4})) == json(4));
    CHECK(attributeValueToJson(AttributeValue(std::string("x y"))) == json("x y"));
    CHECK(attributeValueToJson(AttributeValue(std::int64_t{4})).dump() == "4");

    CHECK(std::string(attributeKindName(AttributeKind::Enum)) == "enum");
    CHECK(std::string(attributeKindName(AttributeKind::Ordinal)) == "ordinal");
    CHECK(std::string(attributeKindName(AttributeKind::Bool)) == "bool");
    CHECK(std::string(attributeKindName(AttributeKind::Text)) == "text");
}

TEST_CASE("AttributeDef::check for each kind") {
    Schema schema = Schema::claimStrength();
    const LabelDef* claim = schema.findLabel("claim");
    const AttributeDef& strength = *claim->findAttribute("strength");
    const AttributeDef& verdict = *claim->findAttribute("verdict");
    const AttributeDef& checkworthy = *claim->findAttribute("checkworthy");

    SUBCASE("ordinal") {
        CHECK(strength.check(AttributeValue(std::int64_t{1})) == "");
        CHECK(strength.check(AttributeValue(std::int64_t{5})) == "");
        CHECK(strength.check(AttributeValue(std::int64_t{7})) == "expected an integer from 1 to 5, got 7");
        CHECK(strength.check(AttributeValue(std::int64_t{0})) == "expected an integer from 1 to 5, got 0");
        CHECK(strength.check(AttributeValue(std::string("3"))) == "expected an integer from 1 to 5, got \"3\"");
        CHECK(strength.check(AttributeValue(true)) == "expected an integer from 1 to 5, got true");
    }
    SUBCASE("enum") {
        CHECK(verdict.check(AttributeValue(std::string("accurate"))) == "");
        CHECK(verdict.check(AttributeValue(std::string("unsupported"))) == "");
        CHECK(verdict.check(AttributeValue(std::string("maybe"))) ==
              "expected one of unrated, accurate, mostly-accurate, mixed, misleading, false, "
              "unsupported; got \"maybe\"");
        CHECK(verdict.check(AttributeValue(std::string("Accurate"))) != "");
        CHECK(verdict.check(AttributeValue(false)) ==
              "expected one of unrated, accurate, mostly-accurate, mixed, misleading, false, "
              "unsupported; got false");
    }
    SUBCASE("bool") {
        CHECK(checkworthy.check(AttributeValue(true)) == "");
        CHECK(checkworthy.check(AttributeValue(false)) == "");
        CHECK(checkworthy.check(AttributeValue(std::string("yes"))) == "expected true or false, got \"yes\"");
        CHECK(checkworthy.check(AttributeValue(std::int64_t{1})) == "expected true or false, got 1");
    }
    SUBCASE("text") {
        AttributeDef text;
        text.name = "remark";
        text.kind = AttributeKind::Text;
        CHECK(text.check(AttributeValue(std::string(""))) == "");
        CHECK(text.check(AttributeValue(std::string("anything at all"))) == "");
        CHECK(text.check(AttributeValue(std::int64_t{3})) == "expected a string, got 3");
    }
    SUBCASE("ordinal with a negative range") {
        AttributeDef scale;
        scale.kind = AttributeKind::Ordinal;
        scale.min = -2;
        scale.max = 2;
        CHECK(scale.check(AttributeValue(std::int64_t{-2})) == "");
        CHECK(scale.check(AttributeValue(std::int64_t{-3})) == "expected an integer from -2 to 2, got -3");
    }
}

// =====================================================================================
// [SECTION] Relations
// =====================================================================================

TEST_CASE("relationsBetween lists the allowed types in schema order") {
    Schema schema = Schema::claimStrength();
    auto evidenceToClaim = schema.relationsBetween("evidence", "claim");
    REQUIRE(evidenceToClaim.size() == 2);
    CHECK(evidenceToClaim[0]->type == "supports");
    CHECK(evidenceToClaim[1]->type == "contradicts");

    auto hedgeToClaim = schema.relationsBetween("hedge", "claim");
    REQUIRE(hedgeToClaim.size() == 1);
    CHECK(hedgeToClaim[0]->type == "hedges");

    auto caveatToClaim = schema.relationsBetween("caveat", "claim");
    REQUIRE(caveatToClaim.size() == 1);
    CHECK(caveatToClaim[0]->type == "qualifies");

    CHECK(schema.relationsBetween("claim", "evidence").empty());  // direction matters
    CHECK(schema.relationsBetween("claim", "claim").empty());
    CHECK(schema.relationsBetween("hedge", "caveat").empty());
}

TEST_CASE("a relation with empty ends allows any labels") {
    auto result = schemaFromJson(validFixture(), "mini.json");
    REQUIRE(result.ok());
    const Schema& schema = *result;
    const RelationDef* related = schema.findRelation("related");
    REQUIRE(related != nullptr);
    CHECK(related->from.empty());
    CHECK(related->allows("source", "hedge"));
    CHECK(related->allows("anything", "else"));

    auto claimToClaim = schema.relationsBetween("claim", "claim");
    REQUIRE(claimToClaim.size() == 2);
    CHECK(claimToClaim[0]->type == "cites");
    CHECK(claimToClaim[1]->type == "related");
    auto hedgeToClaim = schema.relationsBetween("hedge", "claim");
    REQUIRE(hedgeToClaim.size() == 2);
    CHECK(hedgeToClaim[0]->type == "weakens");
    CHECK(hedgeToClaim[1]->type == "related");
}

// =====================================================================================
// [SECTION] Round trip and unknown keys
// =====================================================================================

TEST_CASE("schemaToJson then schemaFromJson gives the same JSON") {
    SUBCASE("built-in schema") {
        json first = schemaToJson(Schema::claimStrength());
        auto back = schemaFromJson(first, "");
        REQUIRE(back.ok());
        CHECK(schemaToJson(*back) == first);
    }
    SUBCASE("hand-written schema") {
        auto parsed = schemaFromJson(validFixture(), "mini.json");
        INFO(parsed.errorText());
        REQUIRE(parsed.ok());
        json first = schemaToJson(*parsed);
        auto back = schemaFromJson(first, "mini.json");
        REQUIRE(back.ok());
        CHECK(schemaToJson(*back) == first);

        const AttributeDef* strength = back->findLabel("claim")->findAttribute("strength");
        REQUIRE(strength != nullptr);
        CHECK(strength->min == 1);
        CHECK(strength->max == 3);
        CHECK(strength->levels == std::vector<std::string>{"weak", "middling", "strong"});
        CHECK(*strength->defaultValue == AttributeValue(std::int64_t{2}));
        CHECK(back->findLabel("hedge")->color == "#0088FF");  // kept as written
        CHECK(back->findLabel("source")->hotkey == "");
        CHECK(first["format"] == "claimmark/schema");
        CHECK(first["version"] == 1);
        CHECK(first["labels"][0]["attributes"][3] ==
              json::parse(R"({"name": "remark", "type": "text", "description": ""})"));
    }
}

TEST_CASE("unknown keys are kept and written back") {
    json fixture = validFixture();
    fixture["x-project"] = {{"owner", "desk"}};
    fixture["labels"][0]["x-shortcut-help"] = "press c";
    fixture["labels"][0]["attributes"][1]["x-weights"] = json::array({1, 2, 3});
    fixture["relations"][0]["symmetric"] = false;

    auto result = schemaFromJson(fixture, "mini.json");
    INFO(result.errorText());
    REQUIRE(result.ok());
    CHECK(result->extra["x-project"]["owner"] == "desk");
    CHECK(result->labels[0].extra["x-shortcut-help"] == "press c");
    CHECK(result->labels[0].attributes[1].extra["x-weights"] == json::array({1, 2, 3}));
    CHECK(result->relations[0].extra["symmetric"] == false);
    CHECK_FALSE(result->extra.contains("labels"));  // known keys are not duplicated

    json written = schemaToJson(*result);
    CHECK(written["x-project"] == json{{"owner", "desk"}});
    CHECK(written["labels"][0]["x-shortcut-help"] == "press c");
    CHECK(written["labels"][0]["attributes"][1]["x-weights"] == json::array({1, 2, 3}));
    CHECK(written["relations"][0]["symmetric"] == false);
}

TEST_CASE("format and version may be absent") {
    json fixture = validFixture();
    fixture.erase("format");
    fixture.erase("version");
    auto result = schemaFromJson(fixture, "mini.json");
    INFO(result.errorText());
    CHECK(result.ok());
}

// =====================================================================================
// [SECTION] Validation: every problem, with its path
// =====================================================================================

TEST_CASE("the fixture itself is valid") {
    auto result = schemaFromJson(validFixture(), "mini.json", "schema.");
    INFO(result.errorText());
    CHECK(result.ok());
    CHECK(result.errors().empty());
}

TEST_CASE("schema that is not an object") {
    auto prefixed = schemaFromJson(json::array({1, 2}), "set.json", "schema.");
    REQUIRE(prefixed.errors().size() == 1);
    CHECK(prefixed.errors()[0].location == "schema");
    CHECK(prefixed.errors()[0].message == "expected a schema object, got an array");
    CHECK(prefixed.errors()[0].file == "set.json");

    auto bare = schemaFromJson(json("claim-strength"), "schema.json");
    REQUIRE(bare.errors().size() == 1);
    CHECK(bare.errors()[0].location == "");
    CHECK(bare.errors()[0].toString() == "schema.json: expected a schema object, got \"claim-strength\"");
}

TEST_CASE("format and version that do not match") {
    json fixture = validFixture();
    fixture["format"] = "claimmark/annotation-set";
    expectOneProblem(fixture, "schema.format", "expected \"claimmark/schema\"");
    fixture = validFixture();
    fixture["version"] = 2;
    expectOneProblem(fixture, "schema.version", "unsupported schema version 2");
    fixture = validFixture();
    fixture["version"] = "1";
    expectOneProblem(fixture, "schema.version", "unsupported schema version");
}

TEST_CASE("label names: missing, empty, wrong type, duplicate") {
    json fixture = validFixture();
    fixture["labels"][1].erase("name");
    // The relation "weakens" names "hedge", which no longer exists: that is a second problem.
    auto result = schemaFromJson(fixture, "set.json", "schema.");
    CHECK(result.errors().size() == 2);
    CHECK(hasProblem(result, "schema.labels[1].name", "needs a name"));
    CHECK(hasProblem(result, "schema.relations[0].from[0]", "unknown label \"hedge\""));

    fixture = validFixture();
    fixture["labels"][2]["name"] = "";
    fixture["relations"][1]["to"] = json::array({"claim"});
    expectOneProblem(fixture, "schema.labels[2].name", "cannot be empty");

    fixture = validFixture();
    fixture["labels"][2]["name"] = 7;
    fixture["relations"][1]["to"] = json::array({"claim"});
    expectOneProblem(fixture, "schema.labels[2].name", "expected a string, got 7");

    fixture = validFixture();
    fixture["labels"][2]["name"] = "claim";
    fixture["relations"][1]["to"] = json::array({"claim"});
    expectOneProblem(fixture, "schema.labels[2].name", "duplicate label name \"claim\" (also schema.labels[0])");
}

TEST_CASE("label colours must be #rrggbb") {
    for (const char* bad : {"red", "#fff", "#12345g", "e69f00", "#e69f000", ""}) {
        CAPTURE(bad);
        json fixture = validFixture();
        fixture["labels"][1]["color"] = bad;
        expectOneProblem(fixture, "schema.labels[1].color", "#rrggbb");
    }
    json fixture = validFixture();
    fixture["labels"][0].erase("color");
    expectOneProblem(fixture, "schema.labels[0].color", "needs a colour");
    fixture = validFixture();
    fixture["labels"][0]["color"] = json::array({255, 0, 0});
    expectOneProblem(fixture, "schema.labels[0].color", "expected a string, got an array");
}

TEST_CASE("hotkeys: one character, not shared") {
    json fixture = validFixture();
    fixture["labels"][0]["hotkey"] = "cl";
    expectOneProblem(fixture, "schema.labels[0].hotkey", "single character, got \"cl\"");

    fixture = validFixture();
    fixture["labels"][1]["hotkey"] = "c";
    expectOneProblem(fixture, "schema.labels[1].hotkey", "hotkey \"c\" is already used by label \"claim\"");

    fixture = validFixture();
    fixture["labels"][2]["hotkey"] = "\t";
    expectOneProblem(fixture, "schema.labels[2].hotkey", "printable");

    fixture = validFixture();
    fixture["labels"][2]["hotkey"] = "\xC3\xA9";  // é: two bytes, one character
    auto result = schemaFromJson(fixture, "set.json", "schema.");
    INFO(result.errorText());
    CHECK(result.ok());
}

TEST_CASE("attribute names and types") {
    json fixture = validFixture();
    fixture["labels"][0]["attributes"][0]["type"] = "number";
    expectOneProblem(fixture, "schema.labels[0].attributes[0].type",
                     "expected one of enum, ordinal, bool, text; got \"number\"");

    fixture = validFixture();
    fixture["labels"][0]["attributes"][2].erase("type");
    expectOneProblem(fixture, "schema.labels[0].attributes[2].type", "needs a type");

    fixture = validFixture();
    fixture["labels"][0]["attributes"][3].erase("name");
    expectOneProblem(fixture, "schema.labels[0].attributes[3].name", "needs a name");

    fixture = validFixture();
    fixture["labels"][0]["attributes"][3]["name"] = "checked";
    expectOneProblem(fixture, "schema.labels[0].attributes[3].name", "duplicate attribute name \"checked\"");

    fixture = validFixture();
    fixture["labels"][0]["attributes"][3] = "remark";
    expectOneProblem(fixture, "schema.labels[0].attributes[3]", "expected an object");

    fixture = validFixture();
    fixture["labels"][1]["attributes"] = json::object();
    expectOneProblem(fixture, "schema.labels[1].attributes", "expected an array, got an object");

    fixture = validFixture();
    fixture["labels"][0]["attributes"][2]["values"] = json::array({"yes", "no"});
    expectOneProblem(fixture, "schema.labels[0].attributes[2].values", "applies only to enum attributes");
}

TEST_CASE("enum values: present, not empty, no duplicates, strings") {
    json fixture = validFixture();
    fixture["labels"][0]["attributes"][1]["values"] = json::array();
    fixture["labels"][0]["attributes"][1].erase("default");
    expectOneProblem(fixture, "schema.labels[0].attributes[1].values", "at least one value");

    fixture = validFixture();
    fixture["labels"][0]["attributes"][1]["values"] = json::array({"open", "true", "open"});
    expectOneProblem(fixture, "schema.labels[0].attributes[1].values[2]", "duplicate value \"open\"");

    fixture = validFixture();
    fixture["labels"][0]["attributes"][1]["values"] = json::array({"open", 1});
    expectOneProblem(fixture, "schema.labels[0].attributes[1].values[1]", "expected a string, got 1");

    fixture = validFixture();
    fixture["labels"][0]["attributes"][1].erase("values");
    expectOneProblem(fixture, "schema.labels[0].attributes[1].values", "needs a list of values");
}

TEST_CASE("ordinal range and levels") {
    json fixture = validFixture();
    fixture["labels"][0]["attributes"][0]["min"] = 4;
    fixture["labels"][0]["attributes"][0]["max"] = 2;
    expectOneProblem(fixture, "schema.labels[0].attributes[0].max", "max (2) is less than min (4)");

    fixture = validFixture();
    fixture["labels"][0]["attributes"][0]["levels"] = json::array({"weak", "strong"});
    expectOneProblem(fixture, "schema.labels[0].attributes[0].levels",
                     "expected one level name for each value from 1 to 3 (3), got 2");

    fixture = validFixture();
    fixture["labels"][0]["attributes"][0]["min"] = 1.5;
    expectOneProblem(fixture, "schema.labels[0].attributes[0].min", "expected an integer, got 1.5");

    fixture = validFixture();
    fixture["labels"][0]["attributes"][0].erase("max");
    expectOneProblem(fixture, "schema.labels[0].attributes[0].max", "needs \"max\"");

    fixture = validFixture();
    fixture["labels"][0]["attributes"][0].erase("levels");  // levels are optional
    auto result = schemaFromJson(fixture, "set.json", "schema.");
    INFO(result.errorText());
    CHECK(result.ok());
}

TEST_CASE("defaults must fit their attribute") {
    json fixture = validFixture();
    fixture["labels"][0]["attributes"][1]["default"] = "maybe";
    expectOneProblem(fixture, "schema.labels[0].attributes[1].default",
                     "expected one of open, true, false; got \"maybe\"");

    fixture = validFixture();
    fixture["labels"][0]["attributes"][0]["default"] = 7;
    expectOneProblem(fixture, "schema.labels[0].attributes[0].default", "expected an integer from 1 to 3, got 7");

    fixture = validFixture();
    fixture["labels"][0]["attributes"][2]["default"] = "yes";
    expectOneProblem(fixture, "schema.labels[0].attributes[2].default", "expected true or false, got \"yes\"");

    fixture = validFixture();
    fixture["labels"][0]["attributes"][3]["default"] = 3;
    expectOneProblem(fixture, "schema.labels[0].attributes[3].default", "expected a string, got 3");

    fixture = validFixture();
    fixture["labels"][0]["attributes"][0]["default"] = 2.5;
    expectOneProblem(fixture, "schema.labels[0].attributes[0].default", "expected an integer from 1 to 3, got 2.5");
}

TEST_CASE("relation types: missing, empty, duplicate") {
    json fixture = validFixture();
    fixture["relations"][0]["type"] = "";
    expectOneProblem(fixture, "schema.relations[0].type", "cannot be empty");

    fixture = validFixture();
    fixture["relations"][2].erase("type");
    expectOneProblem(fixture, "schema.relations[2].type", "needs a type name");

    fixture = validFixture();
    fixture["relations"][2]["type"] = "weakens";
    expectOneProblem(fixture, "schema.relations[2].type",
                     "duplicate relation type \"weakens\" (also schema.relations[0])");

    fixture = validFixture();
    fixture["relations"][1] = "cites";
    expectOneProblem(fixture, "schema.relations[1]", "expected an object, got \"cites\"");
}

TEST_CASE("relation ends must name labels") {
    json fixture = validFixture();
    fixture["relations"][0]["from"] = json::array({"caveat"});
    expectOneProblem(fixture, "schema.relations[0].from[0]",
                     "unknown label \"caveat\"; the schema's labels are claim, hedge, source");

    fixture = validFixture();
    fixture["relations"][1]["to"] = json::array({"source", "evidence"});
    expectOneProblem(fixture, "schema.relations[1].to[1]", "unknown label \"evidence\"");

    fixture = validFixture();
    fixture["relations"][1]["to"] = "source";
    expectOneProblem(fixture, "schema.relations[1].to", "expected an array of label names");
}

TEST_CASE("wrong top-level types") {
    json fixture = validFixture();
    fixture["labels"] = json::object();
    // Relations now name labels that do not exist; those problems are listed as well.
    auto result = schemaFromJson(fixture, "set.json", "schema.");
    CHECK(hasProblem(result, "schema.labels", "expected an array, got an object"));

    fixture = validFixture();
    fixture["labels"] = json::array();
    fixture["relations"] = json::array();
    expectOneProblem(fixture, "schema.labels", "at least one label");

    fixture = validFixture();
    fixture.erase("labels");
    fixture["relations"] = json::array();
    expectOneProblem(fixture, "schema.labels", "needs a list of labels");

    fixture = validFixture();
    fixture["relations"] = "none";
    expectOneProblem(fixture, "schema.relations", "expected an array, got \"none\"");

    fixture = validFixture();
    fixture["name"] = json(nullptr);
    expectOneProblem(fixture, "schema.name", "expected a string, got null");

    fixture = validFixture();
    fixture["labels"][0]["description"] = 12;
    expectOneProblem(fixture, "schema.labels[0].description", "expected a string, got 12");

    fixture = validFixture();
    fixture["labels"][2] = json::array();
    fixture["relations"][1]["to"] = json::array({"claim"});
    expectOneProblem(fixture, "schema.labels[2]", "expected an object, got an array");
}

TEST_CASE("every problem is reported, not just the first") {
    json fixture = validFixture();
    fixture["labels"][0]["color"] = "orange";
    fixture["labels"][1]["hotkey"] = "hh";
    fixture["labels"][0]["attributes"][0]["default"] = 0;
    fixture["relations"][2]["from"] = json::array({"nope"});
    auto result = schemaFromJson(fixture, "set.json", "schema.");
    INFO(result.errorText());
    CHECK_FALSE(result.ok());
    CHECK(result.errors().size() == 4);
    CHECK(hasProblem(result, "schema.labels[0].color", "#rrggbb"));
    CHECK(hasProblem(result, "schema.labels[1].hotkey", "single character"));
    CHECK(hasProblem(result, "schema.labels[0].attributes[0].default", "got 0"));
    CHECK(hasProblem(result, "schema.relations[2].from[0]", "unknown label \"nope\""));
}

TEST_CASE("without a prefix, paths start at the schema") {
    json fixture = validFixture();
    fixture["labels"][0]["attributes"][0]["type"] = "scale";
    auto result = schemaFromJson(fixture, "claim.json");
    REQUIRE(result.errors().size() == 1);
    CHECK(result.errors()[0].location == "labels[0].attributes[0].type");
    CHECK(result.errors()[0].file == "claim.json");
}

// =====================================================================================
// [SECTION] Loading files
// =====================================================================================

TEST_CASE("loadSchemaFile reports a syntax error's line and column") {
    // Line 4: four spaces, then {"name": "claim", "color": "#e69f00",} — counted by hand,
    // the stray '}' after the trailing comma is column 42.
    auto path = tempPath("trailing_comma.json");
    writeText(path,
              "{\n"
              "  \"name\": \"x\",\n"
              "  \"labels\": [\n"
              "    {\"name\": \"claim\", \"color\": \"#e69f00\",}\n"
              "  ]\n"
              "}\n");
    auto result = loadSchemaFile(path);
    std::filesystem::remove(path);
    REQUIRE(result.errors().size() == 1);
    CHECK(result.errors()[0].file == path.string());
    CHECK(result.errors()[0].location == "line 4, column 42");
    CHECK(result.errors()[0].message.find("invalid JSON") == 0);
    CHECK(result.errors()[0].message.find("[json.exception") == std::string::npos);
}

TEST_CASE("loadSchemaFile counts columns in characters, not bytes") {
    // {"name": "café",, — the second comma is character 17 (byte 18, since é is 2 bytes).
    auto path = tempPath("accent.json");
    writeText(path, "{\"name\": \"caf\xC3\xA9\",, \"labels\": []}");
    auto result = loadSchemaFile(path);
    std::filesystem::remove(path);
    REQUIRE(result.errors().size() == 1);
    CHECK(result.errors()[0].location == "line 1, column 17");
}

TEST_CASE("loadSchemaFile on unexpected end of file") {
    // Three lines; the text ends after "[" on line 3 ("  \"labels\": [" is 13 characters),
    // so the end of input is column 14.
    auto path = tempPath("truncated.json");
    writeText(path, "{\n  \"name\": \"x\",\n  \"labels\": [");
    auto result = loadSchemaFile(path);
    std::filesystem::remove(path);
    REQUIRE(result.errors().size() == 1);
    CHECK(result.errors()[0].location == "line 3, column 14");
}

TEST_CASE("loadSchemaFile on a missing file and on a folder") {
    auto missing = tempPath("does_not_exist.json");
    auto result = loadSchemaFile(missing);
    REQUIRE(result.errors().size() == 1);
    CHECK_FALSE(result.ok());
    CHECK(result.errors()[0].file == missing.string());
    CHECK(result.errors()[0].message == "schema file not found");

    auto folder = tempPath("folder");
    std::filesystem::create_directory(folder);
    auto folderResult = loadSchemaFile(folder);
    std::filesystem::remove(folder);
    REQUIRE(folderResult.errors().size() == 1);
    CHECK(folderResult.errors()[0].message.find("folder") != std::string::npos);
}

TEST_CASE("loadSchemaFile reports validation problems with the file name") {
    auto path = tempPath("invalid.json");
    writeText(path, R"({"labels": [{"name": "claim", "color": "#zzzzzz"}]})");
    auto result = loadSchemaFile(path);
    std::filesystem::remove(path);
    REQUIRE(result.errors().size() == 1);
    CHECK(result.errors()[0].file == path.string());
    CHECK(result.errors()[0].location == "labels[0].color");
}

TEST_CASE("samples/schemas/claim-strength.json is the built-in schema") {
    std::filesystem::path path =
        std::filesystem::path(CLAIMMARK_SOURCE_DIR) / "samples" / "schemas" / "claim-strength.json";
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream text;
    text << in.rdbuf();
    json onDisk = json::parse(text.str());
    CHECK(onDisk == schemaToJson(Schema::claimStrength()));
    // Written pretty-printed with a 2-space indent.
    CHECK(text.str() == schemaToJson(Schema::claimStrength()).dump(2) + "\n");

    auto loaded = loadSchemaFile(path);
    INFO(loaded.errorText());
    REQUIRE(loaded.ok());
    CHECK(schemaToJson(*loaded) == onDisk);
}
