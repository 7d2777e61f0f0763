// test_doccano.cpp — doccano JSONL export and import.
//
// [SECTION] Fixture   a text with an emoji, a combining mark, CJK, Hebrew and CRLF, and a
//                     set over it (attributes, a note, a discontinuous caveat, relations)
// [SECTION] Export    entities and relations, offsets in each unit, notices, determinism
// [SECTION] Import    both doccano forms, UTF-16 conversion, errors, lenient, round trips
#include "core/exchange/exchange.h"
#include "core/model/covered_text.h"
#include "core/exchange/exchange_formats.h"
#include "exchange/exchange_fixtures.h"
#include "fixtures.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

using namespace claimmark;
using nlohmann::json;
using namespace exchange_fixtures;

namespace {

// --- [SECTION] Fixture --------------------------------------------------------------------

// The text (kCafeText) and alice's set over it (cafeSource()) are in exchange_fixtures.h.

ExportOutput exportOk(const std::vector<ExportSource>& sources, OffsetUnit unit = OffsetUnit::Utf16) {
    return oneFile(exportDoccano(sources, ExportOptions{unit}));
}

std::vector<json> lines(const std::string& content) {
    std::vector<json> out;
    std::istringstream in(content);
    for (std::string line; std::getline(in, line);) out.push_back(json::parse(line));
    return out;
}

// "label start-end" of each entity, in file order.
std::vector<std::string> entityList(const json& line) {
    std::vector<std::string> out;
    for (const json& e : line["entities"])
        out.push_back(std::to_string(e["id"].get<int>()) + " " + e["label"].get<std::string>() + " " +
                      std::to_string(e["start_offset"].get<int>()) + "-" + std::to_string(e["end_offset"].get<int>()));
    return out;
}

std::vector<std::string> texts(const AnnotationSet& set) {
    std::vector<std::string> out;
    for (const Annotation* a : set.inDocumentOrder()) out.push_back(a->label + ":" + a->text);
    return out;
}

}  // namespace

// --- [SECTION] Export ---------------------------------------------------------------------

TEST_CASE("doccano export: one line with entities (UTF-16 by default), relations and claimmark metadata") {
    const ExportOutput out = exportOk({cafeSource()});
    const std::vector<json> docs = lines(out.files[0].content);
    REQUIRE(docs.size() == 1);
    const json& doc = docs[0];
    CHECK(doc["id"] == 1);
    CHECK(doc["text"] == kCafeText);
    // Document order: a4 (starts at 0, two fragments), a1, a2, a5, a3.
    CHECK(entityList(doc) == std::vector<std::string>{"1 caveat 0-2", "2 caveat 29-33", "3 claim 3-17", "4 hedge 9-12",
                                                      "5 claim 13-23", "6 evidence 20-28"});
    REQUIRE(doc["relations"].size() == 3);
    CHECK(doc["relations"][0] == json::parse(R"({"id": 1, "from_id": 4, "to_id": 3, "type": "hedges"})"));
    CHECK(doc["relations"][1] == json::parse(R"({"id": 2, "from_id": 6, "to_id": 3, "type": "supports"})"));
    CHECK(doc["relations"][2] == json::parse(R"({"id": 3, "from_id": 1, "to_id": 5, "type": "qualifies"})"));
    const json& extra = doc["claimmark"];
    CHECK(extra["document"] == "cafe");
    CHECK(extra["offsets"] == "utf16");
    CHECK(extra["annotator"] == "alice");
    CHECK(extra["annotations"][0] ==
          json::parse(R"({"id": "a4", "entities": [1, 2], "attributes": {"kind": "scope"}})"));
    CHECK(extra["annotations"][1]["attributes"] ==
          json::parse(R"({"checkworthy": true, "strength": 4, "verdict": "mixed"})"));
    CHECK(extra["annotations"][1]["note"] == "nota bene \xE2\x9C\x93");
    CHECK_FALSE(extra["annotations"][3].contains("note"));

    CHECK(anyContains(out.notices, "offsets are UTF-16 code units (doccano's unit); use --offsets to change"));
    CHECK(anyContains(out.notices, "1 discontinuous annotation(s) written as one entity per fragment"));
}

TEST_CASE("doccano export: code point and byte offsets when asked") {
    SUBCASE("code points") {
        const ExportOutput out = exportOk({cafeSource()}, OffsetUnit::CodePoint);
        const json doc = lines(out.files[0].content)[0];
        CHECK(entityList(doc) == std::vector<std::string>{"1 caveat 0-1", "2 caveat 28-32", "3 claim 2-16",
                                                          "4 hedge 8-11", "5 claim 12-22", "6 evidence 19-27"});
        CHECK(doc["claimmark"]["offsets"] == "codepoint");
        CHECK(anyContains(out.notices, "offsets are code points (--offsets codepoint)"));
    }
    SUBCASE("bytes") {
        const ExportOutput out = exportOk({cafeSource()}, OffsetUnit::Byte);
        const json doc = lines(out.files[0].content)[0];
        CHECK(entityList(doc) == std::vector<std::string>{"1 caveat 0-4", "2 caveat 38-46", "3 claim 5-20",
                                                          "4 hedge 12-15", "5 claim 16-32", "6 evidence 23-37"});
    }
}

TEST_CASE("doccano export: ids run through the file; orphans are left out; deterministic") {
    ExportSource second = cafeSource();
    second.stem = "cafe-2";
    Annotation orphan = annotationWith("a9", "claim", {{40, 45}});
    orphan.orphaned = true;
    REQUIRE(second.set.addAnnotation(orphan).ok());
    REQUIRE(second.set.addRelation(fixtures::relation("r4", "hedges", "a2", "a9")).ok());
    const std::vector<ExportSource> sources{cafeSource(), second};
    const ExportOutput out = exportOk(sources);
    CHECK(out.files[0].content == exportOk(sources).files[0].content);
    const std::vector<json> docs = lines(out.files[0].content);
    REQUIRE(docs.size() == 2);
    CHECK(docs[1]["id"] == 2);
    CHECK(docs[1]["entities"].size() == 6);
    CHECK(docs[1]["entities"][0]["id"] == 7);
    CHECK(docs[1]["relations"].size() == 3);
    CHECK(docs[1]["relations"][0]["id"] == 4);
    CHECK(anyContains(out.notices, "left out 1 orphaned"));
}

// --- [SECTION] Import ---------------------------------------------------------------------

TEST_CASE("doccano round trip: export -> import gives back the annotations in every unit") {
    fixtures::TempDir dir;
    const ExportSource source = cafeSource();
    for (OffsetUnit unit : {OffsetUnit::Utf16, OffsetUnit::CodePoint, OffsetUnit::Byte}) {
        const std::string unitName = offsetUnitName(unit);
        CAPTURE(unitName);
        const auto input = writeInput(dir, std::string("data-") + offsetUnitName(unit) + ".jsonl",
                                      exportOk({source}, unit).files[0].content);
        Result<ImportOutput> imported = importDoccano({input}, ImportOptions{});
        REQUIRE_MESSAGE(imported.ok(), imported.errorText());
        REQUIRE(imported->documents.size() == 1);
        const ImportedDocument& doc = imported->documents[0];
        CHECK(doc.stem == "cafe");
        CHECK(doc.text == kCafeText);
        CHECK(doc.set.annotator == "alice");
        CHECK(describe(doc.set) == describe(source.set));
        REQUIRE(doc.set.findAnnotation("a4") != nullptr);
        CHECK(doc.set.findAnnotation("a4")->spans == std::vector<Span>{{0, 1}, {28, 32}});
    }
}

TEST_CASE("doccano import: tuple form with UTF-16 offsets, several lines, CRLF line ends") {
    fixtures::TempDir dir;
    // "may" is UTF-16 9-12, "日本語 says" 20-28, "End" 36-39, "🌿" 0-2.
    const std::string file = "{\"id\": 17, \"text\": " + json(kCafeText).dump() +
                             ", \"label\": [[9, 12, \"hedge\"], [20, 28, \"evidence\"], [0, 2, \"claim\"]]}\r\n"
                             "\r\n"
                             "{\"text\": " +
                             json(kCafeText).dump() + ", \"labels\": [[36, 39, \"claim\"]]}\r\n";
    const auto input = writeInput(dir, "seq.jsonl", file);
    Result<ImportOutput> imported = importDoccano({input}, ImportOptions{});
    REQUIRE_MESSAGE(imported.ok(), imported.errorText());
    REQUIRE(imported->documents.size() == 2);
    const ImportedDocument& first = imported->documents[0];
    CHECK(first.stem == "seq-17");
    CHECK(first.set.annotator == "imported");
    CHECK(texts(first.set) == std::vector<std::string>{"claim:\xF0\x9F\x8C\xBF", "hedge:may",
                                                       "evidence:\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E says"});
    std::vector<Span> spans;
    for (const Annotation* a : first.set.inDocumentOrder()) spans.push_back(a->spans[0]);
    CHECK(spans == std::vector<Span>{{0, 1}, {8, 11}, {19, 27}});
    const ImportedDocument& second = imported->documents[1];
    CHECK(second.stem == "seq-3");  // no id: the line number
    CHECK(texts(second.set) == std::vector<std::string>{"claim:End"});
}

TEST_CASE("doccano import: entities form with relations, as doccano writes it") {
    fixtures::TempDir dir;
    const std::string file = "{\"id\": 5, \"text\": " + json(kCafeText).dump() +
                             ", \"Comments\": [], \"entities\": [{\"id\": 1662, \"label\": \"claim\", "
                             "\"start_offset\": 3, \"end_offset\": 17},"
                             " {\"id\": 1663, \"label\": \"hedge\", \"start_offset\": 9, \"end_offset\": 12},"
                             " {\"id\": 1664, \"label\": \"source\", \"start_offset\": 29, \"end_offset\": 33}],"
                             " \"relations\": [{\"id\": 273, \"from_id\": 1663, \"to_id\": 1662, \"type\": \"hedges\"},"
                             " {\"id\": 274, \"from_id\": 1664, \"to_id\": 1662, \"type\": \"cites\"}]}\n";
    const auto input = writeInput(dir, "rel.jsonl", file);
    ImportOptions options;
    options.annotator = "dana";
    Result<ImportOutput> imported = importDoccano({input}, options);
    REQUIRE_MESSAGE(imported.ok(), imported.errorText());
    REQUIRE(imported->documents.size() == 1);
    const AnnotationSet& set = imported->documents[0].set;
    CHECK(set.annotator == "dana");
    CHECK(texts(set) == std::vector<std::string>{"claim:Cafe\xCC\x81 may help", "hedge:may",
                                                 "source:\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"});
    REQUIRE(set.relationCount() == 2);
    std::vector<std::string> relations;
    for (const Relation* r : set.relationsInOrder())
        relations.push_back(set.findAnnotation(r->from)->label + " " + r->type + " " +
                            set.findAnnotation(r->to)->label);
    CHECK(relations == std::vector<std::string>{"hedge hedges claim", "source cites claim"});
    CHECK(set.schema.findLabel("source") != nullptr);
    CHECK(set.schema.findRelation("cites") != nullptr);
    CHECK(anyContains(imported->notices, "label \"source\" is not in the schema"));
    CHECK(anyContains(imported->notices, "relation type \"cites\" is not in the schema"));
}

TEST_CASE("doccano import: offsets inside a surrogate pair or past the end fail; lenient keeps the rest") {
    fixtures::TempDir dir;
    const std::string file =
        "{\"text\": " + json(kCafeText).dump() +
        ", \"entities\": [{\"id\": 1, \"label\": \"claim\", \"start_offset\": 1, \"end_offset\": 5},"
        " {\"id\": 2, \"label\": \"hedge\", \"start_offset\": 9, \"end_offset\": 12},"
        " {\"id\": 3, \"label\": \"claim\", \"start_offset\": 36, \"end_offset\": 40},"
        " {\"id\": 4, \"label\": \"claim\", \"start_offset\": 3, \"end_offset\": 17}],"
        " \"relations\": [{\"id\": 1, \"from_id\": 2, \"to_id\": 1, \"type\": \"hedges\"},"
        " {\"id\": 2, \"from_id\": 2, \"to_id\": 4, \"type\": \"hedges\"}]}\n";
    const auto input = writeInput(dir, "bad.jsonl", file);
    Result<ImportOutput> strict = importDoccano({input}, ImportOptions{});
    REQUIRE_FALSE(strict.ok());
    const Diagnostics& errors = strict.errors();
    REQUIRE(errors.size() == 3);
    CHECK(errors[0].file == input.string());
    CHECK(errors[0].location == "line 1, entities[0].start_offset");
    CHECK(errors[0].message == "offset 1 falls inside a character (between the two halves of a surrogate pair)");
    CHECK(errors[1].location == "line 1, entities[2].end_offset");
    CHECK(errors[1].message == "offset 40 is past the end of the text (39 UTF-16 code units)");
    CHECK(errors[2].location == "line 1, relations[0]");

    ImportOptions lenient;
    lenient.lenient = true;
    Result<ImportOutput> kept = importDoccano({input}, lenient);
    REQUIRE_MESSAGE(kept.ok(), kept.errorText());
    CHECK(kept->skipped.size() == 3);
    const AnnotationSet& set = kept->documents[0].set;
    CHECK(texts(set) == std::vector<std::string>{"claim:Cafe\xCC\x81 may help", "hedge:may"});
    CHECK(set.relationCount() == 1);
}

TEST_CASE("doccano import: malformed lines are reported by line; document labels are a notice") {
    fixtures::TempDir dir;
    SUBCASE("invalid JSON and a line without text") {
        const auto input = writeInput(dir, "broken.jsonl", "{\"text\": \"ok\"}\n{\"text\": oops}\n[1, 2]\n");
        Result<ImportOutput> imported = importDoccano({input}, ImportOptions{});
        REQUIRE_FALSE(imported.ok());
        REQUIRE(imported.errors().size() == 2);
        CHECK(imported.errors()[0].location == "line 2, column 10");
        CHECK(imported.errors()[0].message.rfind("invalid JSON", 0) == 0);
        CHECK(imported.errors()[1].location == "line 3");
    }
    SUBCASE("a bad tuple and an unknown unit") {
        const auto input = writeInput(dir, "tuples.jsonl",
                                      "{\"text\": \"abc\", \"label\": [[0, 1]]}\n"
                                      "{\"text\": \"abc\", \"claimmark\": {\"offsets\": \"words\"}}\n");
        Result<ImportOutput> imported = importDoccano({input}, ImportOptions{});
        REQUIRE_FALSE(imported.ok());
        REQUIRE(imported.errors().size() == 2);
        CHECK(imported.errors()[0].location == "line 1, label[0]");
        CHECK(imported.errors()[1].location == "line 2, claimmark.offsets");
    }
    SUBCASE("text classification labels") {
        const auto input = writeInput(dir, "cls.jsonl", "{\"text\": \"abc\", \"label\": [\"positive\"]}\n");
        Result<ImportOutput> imported = importDoccano({input}, ImportOptions{});
        REQUIRE_MESSAGE(imported.ok(), imported.errorText());
        CHECK(imported->documents[0].set.annotationCount() == 0);
        CHECK(anyContains(imported->notices, "line 1, label: document labels (text classification) are not imported"));
    }
}
