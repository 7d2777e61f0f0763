// test_set_reader.cpp — parseSet / loadSetFile / checkSetAgainstDocument: valid sets, unknown
// keys, and every kind of bad input reported at its exact location.
//
// [SECTION] Helpers
// [SECTION] Valid sets
// [SECTION] Syntax errors: line and column
// [SECTION] Header problems
// [SECTION] Annotation problems, each at its JSON path
// [SECTION] Relation problems
// [SECTION] Schemas: built-in and embedded
// [SECTION] Several problems at once
// [SECTION] loadSetFile
// [SECTION] checkSetAgainstDocument
#include "core/storage/set_file.h"

#include "core/model/covered_text.h"

#include "fixtures.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace claimmark;
using fixtures::annotationJson;
using fixtures::relationJson;
using fixtures::SetJson;

// =====================================================================================
// [SECTION] Helpers
// =====================================================================================

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

const char* kFile = "annotations/pill/alice.json";

AnnotationSet requireParse(const std::string& json) {
    Result<AnnotationSet> set = parseSet(json, kFile);
    REQUIRE_MESSAGE(set.ok(), set.errorText());
    return std::move(*set);
}

Diagnostics requireErrors(const std::string& json) {
    Result<AnnotationSet> set = parseSet(json, kFile);
    REQUIRE_MESSAGE(!set.ok(), "expected the set to be refused:\n" << json);
    REQUIRE_FALSE(set.errors().empty());
    for (const auto& d : set.errors()) CHECK(d.file == kFile);
    return set.errors();
}

// The one diagnostic at `location`; fails the test if there is none or more than one.
Diagnostic requireAt(const Diagnostics& errors, const std::string& location) {
    std::vector<Diagnostic> found;
    for (const auto& d : errors)
        if (d.location == location) found.push_back(d);
    REQUIRE_MESSAGE(found.size() == 1, "diagnostics at \"" << location << "\": " << found.size() << "\nall:\n"
                                                           << joinDiagnostics(errors));
    return found[0];
}

std::vector<std::string> locations(const Diagnostics& errors) {
    std::vector<std::string> out;
    for (const auto& d : errors) out.push_back(d.location);
    std::sort(out.begin(), out.end());
    return out;
}

// A set over a 45-code-point article with one valid claim at [13,23).
SetJson oneClaim() {
    SetJson s;
    s.length = 45;
    s.annotations = {annotationJson("a1", "claim", 13, 23)};
    return s;
}

}  // namespace

// =====================================================================================
// [SECTION] Valid sets
// =====================================================================================

TEST_CASE("set reader: a valid set with every field") {
    const std::string json = R"({
  "format": "claimmark/annotation-set",
  "version": 1,
  "document": {"path": "../../samples/pill.txt", "sha256": ")" +
                             fixtures::fakeSha() + R"(", "length": 45, "encoding": "utf-8"},
  "annotator": "alice",
  "project": {"name": "pilot", "round": 2},
  "annotations": [
    {"id": "a1", "label": "claim", "spans": [{"start": 0, "end": 8}, {"start": 13, "end": 23}], "text": "The pill cure colds", "attributes": {"strength": 4, "checkworthy": true, "verdict": "misleading"}, "note": "needs a \"source\"", "origin": "imported", "created": "2026-11-24T13:00:00Z", "modified": "2026-11-24T13:05:00Z", "prefix": "", "suffix": ", experts claim today.", "reviewed_by": "bob", "tags": ["x", {"y": 1}]},
    {"id": "a2", "label": "hedge", "spans": [{"start": 9, "end": 12}], "text": "may", "attributes": {"kind": "modal"}},
    {"id": "a3", "label": "evidence", "spans": [{"start": 100, "end": 110}], "text": "a study", "orphaned": true}
  ],
  "relations": [
    {"id": "r1", "type": "hedges", "from": "a2", "to": "a1", "confidence": 0.5}
  ]
})";
    AnnotationSet set = requireParse(json);

    CHECK(set.document.path == "../../samples/pill.txt");
    CHECK(set.document.sha256 == fixtures::fakeSha());
    CHECK(set.document.length == 45);
    CHECK(set.document.extra == nlohmann::json{{"encoding", "utf-8"}});
    CHECK(set.annotator == "alice");
    CHECK(set.extra == nlohmann::json{{"project", {{"name", "pilot"}, {"round", 2}}}});
    CHECK(set.schema.labelList() == "claim, hedge, caveat, evidence");  // built-in

    REQUIRE(set.annotationCount() == 3);
    const Annotation* a1 = set.findAnnotation("a1");
    REQUIRE(a1 != nullptr);
    CHECK(a1->label == "claim");
    CHECK(a1->spans == std::vector<Span>{{0, 8}, {13, 23}});
    CHECK(a1->text == "The pill cure colds");
    CHECK(a1->attributes.size() == 3);
    CHECK(std::get<std::int64_t>(a1->attributes.at("strength")) == 4);
    CHECK(std::get<bool>(a1->attributes.at("checkworthy")) == true);
    CHECK(std::get<std::string>(a1->attributes.at("verdict")) == "misleading");
    CHECK(a1->note == "needs a \"source\"");
    CHECK(a1->origin == "imported");
    CHECK(a1->created == "2026-11-24T13:00:00Z");
    CHECK(a1->modified == "2026-11-24T13:05:00Z");
    CHECK(a1->prefix == "");
    CHECK(a1->suffix == ", experts claim today.");
    CHECK_FALSE(a1->orphaned);
    CHECK(a1->extra == nlohmann::json::parse(R"({"reviewed_by": "bob", "tags": ["x", {"y": 1}]})"));

    const Annotation* a2 = set.findAnnotation("a2");
    REQUIRE(a2 != nullptr);
    CHECK(a2->origin == "manual");  // the default when absent
    CHECK(a2->note == "");
    CHECK(a2->extra == nlohmann::json::object());

    const Annotation* a3 = set.findAnnotation("a3");
    REQUIRE(a3 != nullptr);
    CHECK(a3->orphaned);  // exempt from the range check
    CHECK(set.orphanedCount() == 1);

    REQUIRE(set.relationCount() == 1);
    const Relation* r1 = set.findRelation("r1");
    REQUIRE(r1 != nullptr);
    CHECK(r1->type == "hedges");
    CHECK(r1->from == "a2");
    CHECK(r1->to == "a1");
    CHECK(r1->extra == nlohmann::json{{"confidence", 0.5}});
}

TEST_CASE("set reader: keys may come in any order and relations may be absent") {
    const std::string json = R"({"annotations": [{"spans": [{"end": 23, "start": 13}], "label": "claim", "id": "a1"}],
 "annotator": "bob", "document": {"length": 45, "sha256": ")" +
                             fixtures::fakeSha() + R"(", "path": "x.txt"},
 "version": 1, "format": "claimmark/annotation-set"})";
    AnnotationSet set = requireParse(json);
    CHECK(set.annotationCount() == 1);
    CHECK(set.findAnnotation("a1")->spans == std::vector<Span>{{13, 23}});
    CHECK(set.relationCount() == 0);
    CHECK(set.annotator == "bob");
}

TEST_CASE("set reader: an empty set and a set without annotator") {
    SetJson s;
    CHECK(requireParse(s.str()).annotationCount() == 0);
    const std::string noAnnotator = R"({"format": "claimmark/annotation-set", "version": 1,
      "document": {"path": "x.txt", "sha256": ")" +
                                    fixtures::fakeSha() + R"(", "length": 0},
      "annotations": []})";
    AnnotationSet set = requireParse(noAnnotator);
    CHECK(set.annotator == "");
    CHECK(set.document.length == 0);
}

TEST_CASE("set reader: ids read from a file still count for fresh ids") {
    SetJson s;
    s.annotations = {annotationJson("a7", "claim", 0, 4), annotationJson("a3", "hedge", 5, 6)};
    s.relations = {relationJson("r4", "hedges", "a3", "a7")};
    AnnotationSet set = requireParse(s.str());
    CHECK(set.nextAnnotationId() == "a8");
    CHECK(set.nextRelationId() == "r5");
}

// =====================================================================================
// [SECTION] Syntax errors: line and column
// =====================================================================================

TEST_CASE("set reader: truncated JSON is reported at the line and column where it ends") {
    // Line 5 has 63 characters and the text stops there, so the parser runs out of input
    // at line 5, column 64.
    const std::string json =
        "{\n"
        "\"format\": \"claimmark/annotation-set\",\n"
        "\"version\": 1,\n"
        "\"annotations\": [\n"
        "{\"id\": \"a1\", \"label\": \"claim\", \"spans\": [{\"start\": 0, \"end\": 4}";
    Diagnostics errors = requireErrors(json);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].location == "line 5, column 64");
    CHECK(contains(errors[0].message, "JSON"));
}

TEST_CASE("set reader: a syntax error's column counts code points, not bytes") {
    // Line 3: `"annotator": "Zoë", "x": tru}`; "ë" is two bytes but one column, and the
    // literal `tru` breaks at the `}` in column 29 (byte 30 of the line).
    const std::string json =
        "{\n"
        "\"format\": \"claimmark/annotation-set\",\n"
        "\"annotator\": \"Zo\xC3\xAB\", \"x\": tru}\n";
    Diagnostics errors = requireErrors(json);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].location == "line 3, column 29");
}

TEST_CASE("set reader: an empty file is a syntax error at line 1, column 1") {
    Diagnostics errors = requireErrors("");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].location == "line 1, column 1");
}

// =====================================================================================
// [SECTION] Header problems
// =====================================================================================

TEST_CASE("set reader: a file that is not a JSON object") {
    for (const char* text : {"[1, 2]", "\"a set\"", "42", "null"}) {
        CAPTURE(text);
        Diagnostics errors = requireErrors(text);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].location == "");
        CHECK(contains(errors[0].message, "object"));
    }
}

TEST_CASE("set reader: a wrong or missing format is one message, not a cascade") {
    SetJson s = oneClaim();
    s.format = "\"claimmark/schema\"";
    Diagnostics errors = requireErrors(s.str());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].location == "format");
    CHECK(contains(errors[0].message, "claimmark/annotation-set"));

    Diagnostics noFormat = requireErrors(R"({"version": 1, "annotations": []})");
    REQUIRE(noFormat.size() == 1);
    CHECK(noFormat[0].location == "format");
}

TEST_CASE("set reader: version 2 was written by a newer claimmark") {
    SetJson s = oneClaim();
    s.version = "2";
    Diagnostics errors = requireErrors(s.str());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].location == "version");
    CHECK(contains(errors[0].message, "newer"));
    CHECK(contains(errors[0].message, "2"));

    s.version = "\"1\"";
    Diagnostic wrongType = requireAt(requireErrors(s.str()), "version");
    CHECK(contains(wrongType.message, "integer"));
}

TEST_CASE("set reader: document fields with the wrong type or shape") {
    SUBCASE("length as a string") {
        const std::string json = R"({"format": "claimmark/annotation-set", "version": 1,
          "document": {"path": "x.txt", "sha256": ")" +
                                 fixtures::fakeSha() + R"(", "length": "45"},
          "annotations": []})";
        Diagnostic d = requireAt(requireErrors(json), "document.length");
        CHECK(contains(d.message, "a string"));
    }
    SUBCASE("sha256 that is not 64 hex digits") {
        SetJson s;
        s.sha256 = "ABC";
        requireAt(requireErrors(s.str()), "document.sha256");
    }
    SUBCASE("document missing") {
        Diagnostics errors =
            requireErrors(R"({"format": "claimmark/annotation-set", "version": 1, "annotations": []})");
        REQUIRE(errors.size() == 1);
        CHECK(contains(errors[0].message, "document"));
    }
    SUBCASE("annotations missing or not an array") {
        const std::string head = R"({"format": "claimmark/annotation-set", "version": 1,
          "document": {"path": "x.txt", "sha256": ")" +
                                 fixtures::fakeSha() + R"(", "length": 4})";
        Diagnostics missing = requireErrors(head + "}");
        REQUIRE(missing.size() == 1);
        CHECK(contains(missing[0].message, "annotations"));
        Diagnostic notArray = requireAt(requireErrors(head + R"(, "annotations": {}})"), "annotations");
        CHECK(contains(notArray.message, "array"));
    }
}

// =====================================================================================
// [SECTION] Annotation problems, each at its JSON path
// =====================================================================================

TEST_CASE("set reader: a span end given as a string is named by its full path") {
    SetJson s = oneClaim();
    s.annotations.push_back(R"({"id": "a2", "label": "hedge", "spans": [{"start": 9, "end": "12"}]})");
    Diagnostics errors = requireErrors(s.str());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].location == "annotations[1].spans[0].end");
    CHECK(contains(errors[0].message, "string"));
}

TEST_CASE("set reader: wrong types elsewhere in an annotation") {
    SetJson s = oneClaim();
    SUBCASE("id is a number: one diagnostic, not also \"missing id\"") {
        s.annotations = {R"({"id": 5, "label": "claim", "spans": [{"start": 13, "end": 23}]})"};
        Diagnostics errors = requireErrors(s.str());
        CHECK(contains(requireAt(errors, "annotations[0].id").message, "string"));
        CHECK_MESSAGE(errors.size() == 1, joinDiagnostics(errors));
    }
    SUBCASE("note is a number") {
        s.annotations = {annotationJson("a1", "claim", 13, 23, R"("note": 5)")};
        requireAt(requireErrors(s.str()), "annotations[0].note");
    }
    SUBCASE("spans is not an array") {
        s.annotations = {R"({"id": "a1", "label": "claim", "spans": 5})"};
        requireAt(requireErrors(s.str()), "annotations[0].spans");
    }
    SUBCASE("a span is not an object") {
        s.annotations = {R"({"id": "a1", "label": "claim", "spans": [{"start": 1, "end": 2}, 7]})"};
        requireAt(requireErrors(s.str()), "annotations[0].spans[1]");
    }
    SUBCASE("an annotation is not an object") {
        s.annotations = {annotationJson("a1", "claim", 13, 23), "\"a2\""};
        requireAt(requireErrors(s.str()), "annotations[1]");
    }
    SUBCASE("attributes is not an object") {
        s.annotations = {annotationJson("a1", "claim", 13, 23, R"("attributes": [4])")};
        requireAt(requireErrors(s.str()), "annotations[0].attributes");
    }
    SUBCASE("an attribute value that is a number with a fraction") {
        s.annotations = {annotationJson("a1", "claim", 13, 23, R"("attributes": {"strength": 4.5})")};
        requireAt(requireErrors(s.str()), "annotations[0].attributes.strength");
    }
    SUBCASE("orphaned is not a boolean") {
        s.annotations = {annotationJson("a1", "claim", 13, 23, R"("orphaned": "yes")")};
        requireAt(requireErrors(s.str()), "annotations[0].orphaned");
    }
    SUBCASE("a fractional offset") {
        s.annotations = {R"({"id": "a1", "label": "claim", "spans": [{"start": 1.5, "end": 4}]})"};
        requireAt(requireErrors(s.str()), "annotations[0].spans[0].start");
    }
}

TEST_CASE("set reader: a negative offset") {
    SetJson s = oneClaim();
    s.annotations = {R"({"id": "a1", "label": "claim", "spans": [{"start": -3, "end": 4}]})"};
    Diagnostics errors = requireErrors(s.str());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].location == "annotations[0].spans[0].start");
    CHECK(contains(errors[0].message, "negative"));
    CHECK(contains(errors[0].message, "-3"));
}

TEST_CASE("set reader: missing id, label, spans, start or end") {
    SetJson s = oneClaim();
    s.annotations = {
        R"({"label": "claim", "spans": [{"start": 0, "end": 4}]})",
        R"({"id": "a2", "spans": [{"start": 0, "end": 4}]})",
        R"({"id": "a3", "label": "claim"})",
        R"({"id": "a4", "label": "claim", "spans": [{"end": 4}]})",
        R"({"id": "a5", "label": "claim", "spans": [{"start": 0, "end": 4}, {"start": 6}]})",
    };
    Diagnostics errors = requireErrors(s.str());
    CHECK(contains(requireAt(errors, "annotations[0]").message, "\"id\""));
    CHECK(contains(requireAt(errors, "annotations[1]").message, "\"label\""));
    CHECK(contains(requireAt(errors, "annotations[2]").message, "\"spans\""));
    CHECK(contains(requireAt(errors, "annotations[3].spans[0]").message, "\"start\""));
    CHECK(contains(requireAt(errors, "annotations[4].spans[1]").message, "\"end\""));
    CHECK(errors.size() == 5);
}

TEST_CASE("set reader: spans out of range, empty, reversed or overlapping") {
    SetJson s = oneClaim();  // length 45

    SUBCASE("end past the document length") {
        s.annotations = {annotationJson("a1", "claim", 40, 46)};
        Diagnostics errors = requireErrors(s.str());
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].location == "annotations[0].spans[0].end");
        CHECK(contains(errors[0].message, "45"));
    }
    SUBCASE("end equal to the length is fine") {
        s.annotations = {annotationJson("a1", "claim", 40, 45)};
        CHECK(requireParse(s.str()).annotationCount() == 1);
    }
    SUBCASE("end == start") {
        s.annotations = {annotationJson("a1", "claim", 13, 13)};
        requireAt(requireErrors(s.str()), "annotations[0].spans[0].end");
    }
    SUBCASE("end < start") {
        s.annotations = {annotationJson("a1", "claim", 23, 13)};
        requireAt(requireErrors(s.str()), "annotations[0].spans[0].end");
    }
    SUBCASE("overlapping spans within one annotation") {
        s.annotations = {
            R"({"id": "a1", "label": "claim", "spans": [{"start": 0, "end": 10}, {"start": 5, "end": 12}]})"};
        Diagnostics errors = requireErrors(s.str());
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].location == "annotations[0].spans[1].start");
    }
    SUBCASE("overlapping annotations are fine") {
        s.annotations = {annotationJson("a1", "claim", 0, 30), annotationJson("a2", "hedge", 9, 12),
                         annotationJson("a3", "evidence", 5, 20)};
        CHECK(requireParse(s.str()).annotationCount() == 3);
    }
}

TEST_CASE("set reader: an unknown label names the label and the schema's labels") {
    SetJson s = oneClaim();
    s.annotations.push_back(annotationJson("a2", "rumour", 0, 4));
    Diagnostics errors = requireErrors(s.str());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].location == "annotations[1].label");
    CHECK(contains(errors[0].message, "rumour"));
    CHECK(contains(errors[0].message, "claim, hedge, caveat, evidence"));
}

TEST_CASE("set reader: attributes must be defined for the label and fit their type") {
    SetJson s = oneClaim();
    SUBCASE("not defined for the label") {
        s.annotations = {annotationJson("a1", "claim", 13, 23, R"("attributes": {"kind": "modal"})")};
        Diagnostic d = requireAt(requireErrors(s.str()), "annotations[0].attributes.kind");
        CHECK(contains(d.message, "kind"));
    }
    SUBCASE("enum value not allowed") {
        s.annotations = {annotationJson("a1", "claim", 13, 23, R"("attributes": {"verdict": "true-ish"})")};
        Diagnostic d = requireAt(requireErrors(s.str()), "annotations[0].attributes.verdict");
        CHECK(contains(d.message, "true-ish"));
        CHECK(contains(d.message, "misleading"));  // lists what is allowed
    }
    SUBCASE("ordinal out of range") {
        s.annotations = {annotationJson("a1", "claim", 13, 23, R"("attributes": {"strength": 7})")};
        Diagnostic d = requireAt(requireErrors(s.str()), "annotations[0].attributes.strength");
        CHECK(contains(d.message, "7"));
        CHECK(contains(d.message, "5"));
    }
    SUBCASE("negative ordinal") {
        s.annotations = {annotationJson("a1", "claim", 13, 23, R"("attributes": {"strength": -1})")};
        requireAt(requireErrors(s.str()), "annotations[0].attributes.strength");
    }
    SUBCASE("bool given as a string") {
        s.annotations = {annotationJson("a1", "claim", 13, 23, R"("attributes": {"checkworthy": "true"})")};
        requireAt(requireErrors(s.str()), "annotations[0].attributes.checkworthy");
    }
}

TEST_CASE("set reader: duplicate ids name both places") {
    SetJson s = oneClaim();
    s.annotations = {annotationJson("a1", "claim", 13, 23), annotationJson("a2", "hedge", 9, 12),
                     annotationJson("a1", "caveat", 39, 44)};
    Diagnostics errors = requireErrors(s.str());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].location == "annotations[2].id");
    CHECK(contains(errors[0].message, "annotations[0]"));
    CHECK(contains(errors[0].message, "a1"));

    s.annotations = {annotationJson("a1", "claim", 13, 23), annotationJson("a2", "hedge", 9, 12)};
    s.relations = {relationJson("r1", "hedges", "a2", "a1"), relationJson("r1", "hedges", "a2", "a1")};
    Diagnostics relErrors = requireErrors(s.str());
    REQUIRE(relErrors.size() == 1);
    CHECK(relErrors[0].location == "relations[1].id");
    CHECK(contains(relErrors[0].message, "relations[0]"));
}

// =====================================================================================
// [SECTION] Relation problems
// =====================================================================================

TEST_CASE("set reader: relation problems are reported at relations[i]") {
    SetJson s = oneClaim();
    s.annotations = {annotationJson("a1", "claim", 13, 23), annotationJson("a2", "hedge", 9, 12),
                     annotationJson("a3", "claim", 25, 38)};
    SUBCASE("a dangling end") {
        s.relations = {relationJson("r1", "hedges", "a2", "a9")};
        Diagnostics errors = requireErrors(s.str());
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].location == "relations[0].to");
        CHECK(contains(errors[0].message, "a9"));
    }
    SUBCASE("a type that does not fit the labels") {
        s.relations = {relationJson("r1", "supports", "a3", "a1")};  // claim -> claim
        Diagnostics errors = requireErrors(s.str());
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].location == "relations[0].type");
        CHECK(contains(errors[0].message, "supports"));
    }
    SUBCASE("an unknown type") {
        s.relations = {relationJson("r1", "cites", "a2", "a1")};
        requireAt(requireErrors(s.str()), "relations[0].type");
    }
    SUBCASE("a missing field and a wrong type") {
        s.relations = {R"({"id": "r1", "type": "hedges", "from": "a2"})",
                       R"({"id": "r2", "type": "hedges", "from": 2, "to": "a1"})"};
        Diagnostics errors = requireErrors(s.str());
        requireAt(errors, "relations[0]");
        requireAt(errors, "relations[1].from");
    }
    SUBCASE("relations is not an array") {
        s.relations.clear();
        std::string json = s.str();
        const std::string empty = "\"relations\": [\n]";
        json.replace(json.find(empty), empty.size(), "\"relations\": {}");
        requireAt(requireErrors(json), "relations");
    }
}

// =====================================================================================
// [SECTION] Schemas: built-in and embedded
// =====================================================================================

TEST_CASE("set reader: an embedded schema replaces the built-in one") {
    const std::string schema = R"({"format": "claimmark/schema", "version": 1, "name": "tiny",
      "labels": [{"name": "claim", "color": "#ff0000", "hotkey": "c"},
                 {"name": "source", "color": "#00ff00", "hotkey": "s",
                  "attributes": [{"name": "kind", "type": "enum", "values": ["paper", "blog"]}]}],
      "relations": [{"type": "cites", "from": ["claim"], "to": ["source"]}]})";
    SetJson s = oneClaim();
    s.schema = schema;
    s.annotations = {annotationJson("a1", "claim", 13, 23),
                     annotationJson("a2", "source", 25, 38, R"("attributes": {"kind": "blog"})")};
    s.relations = {relationJson("r1", "cites", "a1", "a2")};

    AnnotationSet set = requireParse(s.str());
    CHECK(set.schema.name == "tiny");
    CHECK(set.schema.labelList() == "claim, source");
    CHECK(set.relationCount() == 1);

    SUBCASE("a label the embedded schema lacks is an error at annotations[i].label") {
        s.annotations.push_back(annotationJson("a3", "hedge", 9, 12));
        Diagnostics errors = requireErrors(s.str());
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].location == "annotations[2].label");
        CHECK(contains(errors[0].message, "hedge"));
        CHECK(contains(errors[0].message, "claim, source"));
    }
    SUBCASE("a broken embedded schema is reported under schema.") {
        std::string broken = schema;
        broken.replace(broken.find("#ff0000"), 7, "red");
        s.schema = broken;
        Diagnostics errors = requireErrors(s.str());
        CHECK(requireAt(errors, "schema.labels[0].color").file == kFile);
    }
}

TEST_CASE("set reader: without a schema the built-in claim-strength schema applies") {
    SetJson s = oneClaim();
    s.annotations = {
        annotationJson("a1", "evidence", 25, 38, R"("attributes": {"type": "preclinical", "cited": true})")};
    AnnotationSet set = requireParse(s.str());
    CHECK(set.schema.name == Schema::claimStrength().name);
    CHECK(set.schema.labels.size() == 4);
    CHECK(set.schema.findRelation("contradicts") != nullptr);
}

// =====================================================================================
// [SECTION] Several problems at once
// =====================================================================================

TEST_CASE("set reader: every problem in a file is reported, not just the first") {
    SetJson s = oneClaim();  // length 45
    s.annotations = {
        annotationJson("a1", "rumour", 0, 4),                                       // label
        annotationJson("a2", "claim", 40, 50),                                      // range
        annotationJson("a3", "claim", 13, 23, R"("attributes": {"strength": 9})"),  // ordinal
        R"({"id": "a4", "label": "hedge", "spans": [{"start": 9, "end": "12"}]})",  // type
        annotationJson("a5", "claim", 25, 38),                                      // fine
        annotationJson("a5", "claim", 25, 38),                                      // duplicate
    };
    s.relations = {relationJson("r1", "supports", "a9", "a5")};  // dangling from
    Diagnostics errors = requireErrors(s.str());
    CHECK(locations(errors) == std::vector<std::string>{"annotations[0].label", "annotations[1].spans[0].end",
                                                        "annotations[2].attributes.strength",
                                                        "annotations[3].spans[0].end", "annotations[5].id",
                                                        "relations[0].from"});
}

// =====================================================================================
// [SECTION] loadSetFile
// =====================================================================================

TEST_CASE("set reader: loadSetFile reads a file and stamps it") {
    fixtures::TempDir dir;
    const std::string text = oneClaim().str();
    fixtures::writeFile(dir / "alice.json", text);
    Result<LoadedSet> loaded = loadSetFile(dir / "alice.json");
    REQUIRE_MESSAGE(loaded.ok(), loaded.errorText());
    CHECK(loaded->set.annotationCount() == 1);
    CHECK(loaded->stamp.exists);
    CHECK(loaded->stamp.size == text.size());
}

TEST_CASE("set reader: loadSetFile names a missing file, a folder and a bad file") {
    fixtures::TempDir dir;
    Result<LoadedSet> missing = loadSetFile(dir / "nobody.json");
    REQUIRE_FALSE(missing.ok());
    REQUIRE(missing.errors().size() == 1);
    CHECK(missing.errors()[0].file == (dir / "nobody.json").string());
    CHECK(missing.errors()[0].message == "file not found");

    Result<LoadedSet> folder = loadSetFile(dir.path());
    REQUIRE_FALSE(folder.ok());
    CHECK(contains(folder.errors()[0].message, "folder"));

    fixtures::writeFile(dir / "bad.json", "{\n\"format\": 7,\n");
    Result<LoadedSet> bad = loadSetFile(dir / "bad.json");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.errors()[0].file == (dir / "bad.json").string());
    CHECK(bad.errors()[0].location == "line 3, column 1");
}

// =====================================================================================
// [SECTION] checkSetAgainstDocument
// =====================================================================================

namespace {

// A set parsed from JSON over the pill article, annotations given as JSON lines.
AnnotationSet pillSetWith(const Document& doc, std::vector<std::string> annotations) {
    SetJson s;
    s.length = doc.length();
    s.sha256 = doc.sha256();
    s.annotations = std::move(annotations);
    return requireParse(s.str());
}

}  // namespace

TEST_CASE("set reader: checkSetAgainstDocument accepts a matching set") {
    Document doc = fixtures::makeDocument(fixtures::kPillText, "pill.txt");
    AnnotationSet set = pillSetWith(
        doc,
        {
            annotationJson("a1", "claim", 13, 23, R"("text": "cure colds")"),
            R"({"id": "a2", "label": "claim", "spans": [{"start": 0, "end": 8}, {"start": 39, "end": 44}], "text": "The pill today"})",
        });
    CHECK(checkSetAgainstDocument(set, doc, kFile).empty());
}

TEST_CASE("set reader: checkSetAgainstDocument counts code points in text with emoji") {
    // "Tea 🍵 cures 😴 sleep": 🍵 is [4,5), "cures" [6,11), 😴 [12,13).
    Document doc = fixtures::makeDocument("Tea \xF0\x9F\x8D\xB5 cures \xF0\x9F\x98\xB4 sleep", "tea.txt");
    REQUIRE(doc.length() == 19);
    AnnotationSet set =
        pillSetWith(doc, {
                             annotationJson("a1", "claim", 4, 11, "\"text\": \"\xF0\x9F\x8D\xB5 cures\""),
                             annotationJson("a2", "hedge", 12, 19, "\"text\": \"\xF0\x9F\x98\xB4 sleep\""),
                         });
    CHECK(checkSetAgainstDocument(set, doc, kFile).empty());
}

TEST_CASE("set reader: checkSetAgainstDocument reports a wrong text at annotations[i].text") {
    Document doc = fixtures::makeDocument(fixtures::kPillText, "pill.txt");
    AnnotationSet set = pillSetWith(doc, {
                                             annotationJson("a1", "hedge", 9, 12, R"("text": "may")"),
                                             annotationJson("a2", "claim", 13, 23, R"("text": "cure flu")"),
                                         });
    Diagnostics problems = checkSetAgainstDocument(set, doc, kFile);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == kFile);
    CHECK(problems[0].location == "annotations[1].text");
    CHECK(contains(problems[0].message, "cure flu"));
    CHECK(contains(problems[0].message, "cure colds"));
}

TEST_CASE("set reader: checkSetAgainstDocument paths follow the file's order") {
    // Written by hand, out of document order: the wrong text is the file's annotations[0].
    Document doc = fixtures::makeDocument(fixtures::kPillText, "pill.txt");
    AnnotationSet set = pillSetWith(doc, {
                                             annotationJson("a2", "claim", 13, 23, R"("text": "cure flu")"),
                                             annotationJson("a1", "hedge", 9, 12, R"("text": "may")"),
                                         });
    Diagnostics problems = checkSetAgainstDocument(set, doc, kFile);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].location == "annotations[0].text");
}

TEST_CASE("set reader: checkSetAgainstDocument skips orphans and reports a changed article once") {
    Document doc = fixtures::makeDocument(fixtures::kPillText, "pill.txt");
    SetJson s;
    s.length = doc.length();
    s.sha256 = doc.sha256();
    s.annotations = {annotationJson("a1", "claim", 100, 110, R"("text": "gone", "orphaned": true)")};
    CHECK(checkSetAgainstDocument(requireParse(s.str()), doc, kFile).empty());

    s.sha256 = fixtures::fakeSha();  // the set was made on other bytes
    s.annotations = {annotationJson("a1", "claim", 13, 23, R"("text": "wrong")"),
                     annotationJson("a2", "claim", 0, 8, R"("text": "also wrong")")};
    Diagnostics problems = checkSetAgainstDocument(requireParse(s.str()), doc, kFile);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].location == "document.sha256");
    CHECK(contains(problems[0].message, "changed"));
    CHECK(contains(problems[0].message, "pill.txt"));
}

TEST_CASE("set reader: checkSetAgainstDocument reports a wrong length with the right hash") {
    Document doc = fixtures::makeDocument(fixtures::kPillText, "pill.txt");
    SetJson s;
    s.length = 50;
    s.sha256 = doc.sha256();
    Diagnostics problems = checkSetAgainstDocument(requireParse(s.str()), doc, kFile);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].location == "document.length");
    CHECK(contains(problems[0].message, "45"));

    // The too-long length let an annotation past the article's end through the reader.
    s.annotations = {annotationJson("a1", "claim", 13, 23, R"("text": "cure colds")"),
                     annotationJson("a2", "claim", 40, 48, R"("text": "today.")")};
    problems = checkSetAgainstDocument(requireParse(s.str()), doc, kFile);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].location == "document.length");
    CHECK(problems[1].location == "annotations[1].spans");
    CHECK(contains(problems[1].message, "48"));
}
