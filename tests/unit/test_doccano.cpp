// test_doccano.cpp — doccano JSONL export and import.
//
// [SECTION] Fixture   a text with an emoji, a combining mark, CJK, Hebrew and CRLF, and a
//                     set over it (attributes, a note, a discontinuous caveat, relations)
// [SECTION] Export    entities and relations, offsets in each unit, notices, determinism
// [SECTION] Import    both doccano forms, UTF-16 conversion, errors, lenient, round trips
#include "core/exchange.h"
#include "core/covered_text.h"
#include "core/exchange_formats.h"
#include "fixtures.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

using namespace claimmark;
using nlohmann::json;

namespace {

// --- [SECTION] Fixture --------------------------------------------------------------------

// Code points (UTF-16 units / bytes at the same place):
//   0 🌿 (2 units, 4 bytes)  1 ' '  2-5 "Cafe"  6 U+0301 (2 bytes)  7 ' '  8-10 "may"  11 ' '
//   12-15 "help"  16 '.'  17-18 CR LF  19-21 日本語 (3 bytes each)  22 ' '  23-26 "says"
//   27 ' '  28-31 שלום (2 bytes each)  32 '.'  33-34 CR LF  35-37 "End"     length 38
// UTF-16 offset = code point + 1 from code point 1 on (length 39).
// Byte offset: cp 0-1 -> 0, 4; cp 2..6 -> cp + 3; cp 7..19 -> cp + 4; cp 20..22 -> 26, 29, 32;
//   cp 22..28 -> cp + 10; cp 29..32 -> 40, 42, 44, 46; cp 32..38 -> cp + 14 (length 52).
const std::string kText = "\xF0\x9F\x8C\xBF Cafe\xCC\x81 may help.\r\n\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E says "
                          "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D.\r\nEnd";

Annotation make(std::string id, std::string label, std::vector<Span> spans, Attributes attributes = {},
                std::string note = "") {
    Annotation a = fixtures::annotation(std::move(id), std::move(label), std::move(spans));
    a.attributes = std::move(attributes);
    a.note = std::move(note);
    return a;
}

ExportSource makeSource() {
    ExportSource source;
    source.setPath = "annotations/cafe/alice.json";
    source.stem = "cafe";
    source.document = fixtures::makeDocument(kText);
    REQUIRE(source.document.length() == 38);
    AnnotationSet& set = source.set;
    set.annotator = "alice";
    set.document.sha256 = source.document.sha256();
    set.document.length = source.document.length();
    auto add = [&](Annotation a) {
        fillFromDocument(a, source.document);
        REQUIRE_MESSAGE(set.addAnnotation(std::move(a)).ok(), "fixture annotation");
    };
    add(make("a1", "claim", {{2, 16}},
             {{"strength", std::int64_t(4)}, {"verdict", std::string("mixed")}, {"checkworthy", true}},
             "nota bene \xE2\x9C\x93"));
    add(make("a2", "hedge", {{8, 11}}, {{"kind", std::string("modal")}}));
    add(make("a3", "evidence", {{19, 27}}, {{"type", std::string("expert-opinion")}}));
    add(make("a4", "caveat", {{0, 1}, {28, 32}}, {{"kind", std::string("scope")}}));
    add(make("a5", "claim", {{12, 22}}));
    REQUIRE(set.addRelation(fixtures::relation("r1", "hedges", "a2", "a1")).ok());
    REQUIRE(set.addRelation(fixtures::relation("r2", "supports", "a3", "a1")).ok());
    REQUIRE(set.addRelation(fixtures::relation("r3", "qualifies", "a4", "a5")).ok());
    return source;
}

ExportOutput exportOk(const std::vector<ExportSource>& sources, OffsetUnit unit = OffsetUnit::Utf16) {
    Result<ExportOutput> out = exportDoccano(sources, ExportOptions{unit});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    REQUIRE(out->files.size() == 1);
    CHECK(out->files[0].relativePath.empty());
    return std::move(*out);
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

std::vector<std::string> describe(const AnnotationSet& set) {
    std::vector<std::string> lines;
    auto key = [](const Annotation& a) {
        std::string k = a.label + "@";
        for (const Span& s : a.spans) k += std::to_string(s.start) + "-" + std::to_string(s.end) + ",";
        return k;
    };
    for (const Annotation& a : set.annotations()) {
        std::string line = key(a) + " text=" + a.text + " note=" + a.note + " attrs=";
        for (const auto& [name, value] : a.attributes) line += name + ":" + attributeValueToString(value) + ";";
        lines.push_back(line);
    }
    for (const Relation& r : set.relations())
        lines.push_back(r.type + " " + key(*set.findAnnotation(r.from)) + " -> " + key(*set.findAnnotation(r.to)));
    std::sort(lines.begin(), lines.end());
    return lines;
}

std::filesystem::path writeInput(const fixtures::TempDir& dir, const std::string& name, const std::string& content) {
    const std::filesystem::path path = dir / name;
    fixtures::writeFile(path, content);
    return path;
}

std::vector<std::string> texts(const AnnotationSet& set) {
    std::vector<std::string> out;
    for (const Annotation* a : set.inDocumentOrder()) out.push_back(a->label + ":" + a->text);
    return out;
}

bool anyContains(const std::vector<std::string>& items, const std::string& part) {
    return std::any_of(items.begin(), items.end(), [&](const std::string& n) { return n.find(part) != std::string::npos; });
}

}  // namespace

// --- [SECTION] Export ---------------------------------------------------------------------

TEST_CASE("doccano export: one line with entities (UTF-16 by default), relations and claimmark metadata") {
    const ExportOutput out = exportOk({makeSource()});
    const std::vector<json> docs = lines(out.files[0].content);
    REQUIRE(docs.size() == 1);
    const json& doc = docs[0];
    CHECK(doc["id"] == 1);
    CHECK(doc["text"] == kText);
    // Document order: a4 (starts at 0, two fragments), a1, a2, a5, a3.
    CHECK(entityList(doc) == std::vector<std::string>{"1 caveat 0-2", "2 caveat 29-33", "3 claim 3-17",
                                                      "4 hedge 9-12", "5 claim 13-23", "6 evidence 20-28"});
    REQUIRE(doc["relations"].size() == 3);
    CHECK(doc["relations"][0] == json::parse(R"({"id": 1, "from_id": 4, "to_id": 3, "type": "hedges"})"));
    CHECK(doc["relations"][1] == json::parse(R"({"id": 2, "from_id": 6, "to_id": 3, "type": "supports"})"));
    CHECK(doc["relations"][2] == json::parse(R"({"id": 3, "from_id": 1, "to_id": 5, "type": "qualifies"})"));
    const json& extra = doc["claimmark"];
    CHECK(extra["document"] == "cafe");
    CHECK(extra["offsets"] == "utf16");
    CHECK(extra["annotator"] == "alice");
    CHECK(extra["annotations"][0] == json::parse(R"({"id": "a4", "entities": [1, 2], "attributes": {"kind": "scope"}})"));
    CHECK(extra["annotations"][1]["attributes"] ==
          json::parse(R"({"checkworthy": true, "strength": 4, "verdict": "mixed"})"));
    CHECK(extra["annotations"][1]["note"] == "nota bene \xE2\x9C\x93");
    CHECK_FALSE(extra["annotations"][3].contains("note"));

    CHECK(anyContains(out.notices, "offsets are UTF-16 code units (doccano's unit); use --offsets to change"));
    CHECK(anyContains(out.notices, "1 discontinuous annotation(s) written as one entity per fragment"));
}

TEST_CASE("doccano export: code point and byte offsets when asked") {
    SUBCASE("code points") {
        const ExportOutput out = exportOk({makeSource()}, OffsetUnit::CodePoint);
        const json doc = lines(out.files[0].content)[0];
        CHECK(entityList(doc) == std::vector<std::string>{"1 caveat 0-1", "2 caveat 28-32", "3 claim 2-16",
                                                          "4 hedge 8-11", "5 claim 12-22", "6 evidence 19-27"});
        CHECK(doc["claimmark"]["offsets"] == "codepoint");
        CHECK(anyContains(out.notices, "offsets are code points (--offsets codepoint)"));
    }
    SUBCASE("bytes") {
        const ExportOutput out = exportOk({makeSource()}, OffsetUnit::Byte);
        const json doc = lines(out.files[0].content)[0];
        CHECK(entityList(doc) == std::vector<std::string>{"1 caveat 0-4", "2 caveat 38-46", "3 claim 5-20",
                                                          "4 hedge 12-15", "5 claim 16-32", "6 evidence 23-37"});
    }
}

TEST_CASE("doccano export: ids run through the file; orphans are left out; deterministic") {
    ExportSource second = makeSource();
    second.stem = "cafe-2";
    Annotation orphan = make("a9", "claim", {{40, 45}});
    orphan.orphaned = true;
    REQUIRE(second.set.addAnnotation(orphan).ok());
    REQUIRE(second.set.addRelation(fixtures::relation("r4", "hedges", "a2", "a9")).ok());
    const std::vector<ExportSource> sources{makeSource(), second};
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
    const ExportSource source = makeSource();
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
        CHECK(doc.text == kText);
        CHECK(doc.set.annotator == "alice");
        CHECK(describe(doc.set) == describe(source.set));
        REQUIRE(doc.set.findAnnotation("a4") != nullptr);
        CHECK(doc.set.findAnnotation("a4")->spans == std::vector<Span>{{0, 1}, {28, 32}});
    }
}

TEST_CASE("doccano import: tuple form with UTF-16 offsets, several lines, CRLF line ends") {
    fixtures::TempDir dir;
    // "may" is UTF-16 9-12, "日本語 says" 20-28, "End" 36-39, "🌿" 0-2.
    const std::string file = "{\"id\": 17, \"text\": " + json(kText).dump() +
                             ", \"label\": [[9, 12, \"hedge\"], [20, 28, \"evidence\"], [0, 2, \"claim\"]]}\r\n"
                             "\r\n"
                             "{\"text\": " + json(kText).dump() + ", \"labels\": [[36, 39, \"claim\"]]}\r\n";
    const auto input = writeInput(dir, "seq.jsonl", file);
    Result<ImportOutput> imported = importDoccano({input}, ImportOptions{});
    REQUIRE_MESSAGE(imported.ok(), imported.errorText());
    REQUIRE(imported->documents.size() == 2);
    const ImportedDocument& first = imported->documents[0];
    CHECK(first.stem == "seq-17");
    CHECK(first.set.annotator == "imported");
    CHECK(texts(first.set) ==
          std::vector<std::string>{"claim:\xF0\x9F\x8C\xBF", "hedge:may", "evidence:\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E says"});
    std::vector<Span> spans;
    for (const Annotation* a : first.set.inDocumentOrder()) spans.push_back(a->spans[0]);
    CHECK(spans == std::vector<Span>{{0, 1}, {8, 11}, {19, 27}});
    const ImportedDocument& second = imported->documents[1];
    CHECK(second.stem == "seq-3");  // no id: the line number
    CHECK(texts(second.set) == std::vector<std::string>{"claim:End"});
}

TEST_CASE("doccano import: entities form with relations, as doccano writes it") {
    fixtures::TempDir dir;
    const std::string file =
        "{\"id\": 5, \"text\": " + json(kText).dump() +
        ", \"Comments\": [], \"entities\": [{\"id\": 1662, \"label\": \"claim\", \"start_offset\": 3, \"end_offset\": 17},"
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
        relations.push_back(set.findAnnotation(r->from)->label + " " + r->type + " " + set.findAnnotation(r->to)->label);
    CHECK(relations == std::vector<std::string>{"hedge hedges claim", "source cites claim"});
    CHECK(set.schema.findLabel("source") != nullptr);
    CHECK(set.schema.findRelation("cites") != nullptr);
    CHECK(anyContains(imported->notices, "label \"source\" is not in the schema"));
    CHECK(anyContains(imported->notices, "relation type \"cites\" is not in the schema"));
}

TEST_CASE("doccano import: offsets inside a surrogate pair or past the end fail; lenient keeps the rest") {
    fixtures::TempDir dir;
    const std::string file =
        "{\"text\": " + json(kText).dump() +
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
