// test_labelstudio.cpp — Label Studio export and import.
//
// [SECTION] Fixture   a text with an emoji, a combining mark, CJK, Hebrew and CRLF, and a
//                     set over it (attributes, a note, a discontinuous caveat, relations)
// [SECTION] Export    structure, offsets in each unit, notices, orphans, determinism
// [SECTION] Import    hand-written Label Studio files, errors, lenient, round trips
#include "core/exchange/exchange.h"
#include "core/model/covered_text.h"
#include "core/exchange/exchange_formats.h"
#include "exchange/exchange_fixtures.h"
#include "fixtures.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

using namespace claimmark;
using nlohmann::json;
using namespace exchange_fixtures;

namespace {

// --- [SECTION] Fixture --------------------------------------------------------------------

// The text (kCafeText) and alice's set over it (cafeSource()) are in exchange_fixtures.h.

ExportOutput exportOk(const std::vector<ExportSource>& sources, OffsetUnit unit = OffsetUnit::CodePoint) {
    return oneFile(exportLabelStudio(sources, ExportOptions{unit}));
}

json exportJson(OffsetUnit unit = OffsetUnit::CodePoint) {
    return json::parse(exportOk({cafeSource()}, unit).files[0].content);
}

const json* findResult(const json& results, const std::string& id, const std::string& fromName) {
    for (const json& r : results)
        if (r.value("id", "") == id && r.value("from_name", "") == fromName) return &r;
    return nullptr;
}

std::vector<std::pair<std::size_t, std::size_t>> regionOffsets(const json& results, const std::string& id) {
    const json* r = findResult(results, id, "label");
    REQUIRE_MESSAGE(r != nullptr, "no region " << id);
    return {{(*r)["value"]["start"].get<std::size_t>(), (*r)["value"]["end"].get<std::size_t>()}};
}

// A Label Studio task (as Label Studio writes it) with `results` for kCafeText.
std::string lsTask(const std::string& results, const std::string& annotationExtra = "",
                   const std::string& dataExtra = "") {
    return "[{\"id\": 7, \"data\": {\"text\": " + json(kCafeText).dump() + dataExtra +
           "}, \"annotations\": [{\"id\": 31" + annotationExtra + ", \"result\": [" + results + "]}]}]";
}

std::string lsRegion(const std::string& id, std::size_t start, std::size_t end, const std::string& text,
                     const std::string& label) {
    return "{\"id\": \"" + id +
           "\", \"from_name\": \"label\", \"to_name\": \"text\", \"type\": \"labels\", "
           "\"value\": {\"start\": " +
           std::to_string(start) + ", \"end\": " + std::to_string(end) + ", \"text\": " + json(text).dump() +
           ", \"labels\": [\"" + label + "\"]}}";
}

}  // namespace

// --- [SECTION] Export ---------------------------------------------------------------------

TEST_CASE("labelstudio export: one task with data, regions, per-region attributes, note and relations") {
    const json tasks = exportJson();
    REQUIRE(tasks.is_array());
    REQUIRE(tasks.size() == 1);
    const json& task = tasks[0];
    CHECK(task["id"] == 1);
    CHECK(task["data"]["text"] == kCafeText);
    CHECK(task["data"]["claimmark_document"] == "cafe");
    CHECK(task["data"]["claimmark_offsets"] == "codepoint");
    CHECK(task["data"]["claimmark_sha256"].get<std::string>().size() == 64);
    REQUIRE(task["annotations"].size() == 1);
    CHECK(task["annotations"][0]["claimmark_annotator"] == "alice");
    CHECK_FALSE(task["annotations"][0].contains("completed_by"));
    const json& results = task["annotations"][0]["result"];

    const json* a1 = findResult(results, "a1", "label");
    REQUIRE(a1 != nullptr);
    CHECK((*a1)["type"] == "labels");
    CHECK((*a1)["to_name"] == "text");
    CHECK((*a1)["value"]["start"] == 2);
    CHECK((*a1)["value"]["end"] == 16);
    CHECK((*a1)["value"]["text"] == "Cafe\xCC\x81 may help");
    CHECK((*a1)["value"]["labels"] == json::array({"claim"}));

    const json* strength = findResult(results, "a1", "claim_strength");
    REQUIRE(strength != nullptr);
    CHECK((*strength)["type"] == "number");
    CHECK((*strength)["value"]["number"] == 4);
    const json* verdict = findResult(results, "a1", "claim_verdict");
    REQUIRE(verdict != nullptr);
    CHECK((*verdict)["type"] == "choices");
    CHECK((*verdict)["value"]["choices"] == json::array({"mixed"}));
    const json* checkworthy = findResult(results, "a1", "claim_checkworthy");
    REQUIRE(checkworthy != nullptr);
    CHECK((*checkworthy)["value"]["choices"] == json::array({"true"}));
    const json* note = findResult(results, "a1", "note");
    REQUIRE(note != nullptr);
    CHECK((*note)["type"] == "textarea");
    CHECK((*note)["value"]["text"] == json::array({"nota bene \xE2\x9C\x93"}));
    CHECK(findResult(results, "a5", "note") == nullptr);  // no note, no entry

    // The discontinuous caveat: one region per fragment, tied by claimmark_annotation.
    const json* first = findResult(results, "a4", "label");
    const json* second = findResult(results, "a4~2", "label");
    REQUIRE(first != nullptr);
    REQUIRE(second != nullptr);
    CHECK((*first)["claimmark_annotation"] == "a4");
    CHECK((*second)["claimmark_annotation"] == "a4");
    CHECK((*first)["value"]["text"] == "\xF0\x9F\x8C\xBF");
    CHECK((*second)["value"]["text"] == "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
    CHECK((*second)["value"]["start"] == 28);
    CHECK((*second)["value"]["end"] == 32);
    CHECK(findResult(results, "a4", "caveat_kind") != nullptr);
    CHECK(findResult(results, "a4~2", "caveat_kind") == nullptr);
    CHECK_FALSE(findResult(results, "a1", "label")->contains("claimmark_annotation"));

    std::vector<std::string> relations;
    for (const json& r : results)
        if (r["type"] == "relation") {
            CHECK(r["direction"] == "right");
            relations.push_back(r["from_id"].get<std::string>() + ">" + r["to_id"].get<std::string>() + ":" +
                                r["labels"][0].get<std::string>());
        }
    CHECK(relations == std::vector<std::string>{"a2>a1:hedges", "a3>a1:supports", "a4>a5:qualifies"});
}

TEST_CASE("labelstudio export: offsets in code points, UTF-16 units and bytes") {
    SUBCASE("code points (the default)") {
        const json tasks = exportJson();
        const json& results = tasks[0]["annotations"][0]["result"];
        CHECK(regionOffsets(results, "a2") == std::vector<std::pair<std::size_t, std::size_t>>{{8, 11}});
        CHECK(regionOffsets(results, "a3") == std::vector<std::pair<std::size_t, std::size_t>>{{19, 27}});
        CHECK(regionOffsets(results, "a4") == std::vector<std::pair<std::size_t, std::size_t>>{{0, 1}});
        CHECK(regionOffsets(results, "a5") == std::vector<std::pair<std::size_t, std::size_t>>{{12, 22}});
    }
    SUBCASE("UTF-16") {
        const json tasks = exportJson(OffsetUnit::Utf16);
        CHECK(tasks[0]["data"]["claimmark_offsets"] == "utf16");
        const json& results = tasks[0]["annotations"][0]["result"];
        CHECK(regionOffsets(results, "a1") == std::vector<std::pair<std::size_t, std::size_t>>{{3, 17}});
        CHECK(regionOffsets(results, "a4") == std::vector<std::pair<std::size_t, std::size_t>>{{0, 2}});
        CHECK(regionOffsets(results, "a4~2") == std::vector<std::pair<std::size_t, std::size_t>>{{29, 33}});
        CHECK(regionOffsets(results, "a5") == std::vector<std::pair<std::size_t, std::size_t>>{{13, 23}});
        // Per-region entries repeat the region's offsets in the same unit.
        CHECK((*findResult(results, "a1", "claim_strength"))["value"]["start"] == 3);
    }
    SUBCASE("bytes") {
        const json tasks = exportJson(OffsetUnit::Byte);
        CHECK(tasks[0]["data"]["claimmark_offsets"] == "byte");
        const json& results = tasks[0]["annotations"][0]["result"];
        CHECK(regionOffsets(results, "a1") == std::vector<std::pair<std::size_t, std::size_t>>{{5, 20}});
        CHECK(regionOffsets(results, "a2") == std::vector<std::pair<std::size_t, std::size_t>>{{12, 15}});
        CHECK(regionOffsets(results, "a3") == std::vector<std::pair<std::size_t, std::size_t>>{{23, 37}});
        CHECK(regionOffsets(results, "a4~2") == std::vector<std::pair<std::size_t, std::size_t>>{{38, 46}});
        CHECK(regionOffsets(results, "a5") == std::vector<std::pair<std::size_t, std::size_t>>{{16, 32}});
    }
}

TEST_CASE("labelstudio export: notices state the unit, the fragments and the labeling config") {
    const ExportOutput out = exportOk({cafeSource()});
    auto has = [&](const std::string& part) {
        return std::any_of(out.notices.begin(), out.notices.end(),
                           [&](const std::string& n) { return n.find(part) != std::string::npos; });
    };
    CHECK(has("offsets are code points"));
    CHECK(has("1 discontinuous annotation(s)"));
    CHECK(has("label_config.xml beside the tasks"));
    // The labeling config is a file beside the tasks.
    REQUIRE(out.besideFiles.size() == 1);
    CHECK(out.besideFiles[0].relativePath == "label_config.xml");
    const std::string& config = out.besideFiles[0].content;
    auto inConfig = [&](const std::string& part) { return config.find(part) != std::string::npos; };
    CHECK(config.rfind("<View>", 0) == 0);
    CHECK(inConfig("<Label value=\"claim\" background=\"#e69f00\" hotkey=\"1\"/>"));
    CHECK(inConfig("<Number name=\"claim_strength\" toName=\"text\" perRegion=\"true\""));
    CHECK(inConfig("<Choice value=\"clinical-trial\"/>"));
    CHECK(inConfig("<Relation value=\"supports\"/>"));
    CHECK(inConfig("<TextArea name=\"note\""));

    const ExportOutput utf16 = exportOk({cafeSource()}, OffsetUnit::Utf16);
    CHECK(std::any_of(utf16.notices.begin(), utf16.notices.end(),
                      [](const std::string& n) { return n.find("UTF-16 code units") != std::string::npos; }));
}

TEST_CASE("labelstudio export: orphaned annotations and their relations are left out, with a notice") {
    ExportSource source = cafeSource();
    Annotation orphan = annotationWith("a9", "claim", {{40, 45}});
    orphan.orphaned = true;
    REQUIRE(source.set.addAnnotation(orphan).ok());
    REQUIRE(source.set.addRelation(fixtures::relation("r4", "hedges", "a2", "a9")).ok());
    const ExportOutput out = exportOk({source});
    const json results = json::parse(out.files[0].content)[0]["annotations"][0]["result"];
    CHECK(findResult(results, "a9", "label") == nullptr);
    for (const json& r : results)
        if (r["type"] == "relation") CHECK(r["to_id"] != "a9");
    CHECK(std::any_of(out.notices.begin(), out.notices.end(), [](const std::string& n) {
        return n.find("left out 1 orphaned") != std::string::npos && n.find("alice.json") != std::string::npos;
    }));
}

TEST_CASE("labelstudio export: several sets give several tasks; output is deterministic") {
    ExportSource second = cafeSource();
    second.stem = "cafe-2";
    second.set.annotator = "bob";
    const std::vector<ExportSource> sources{cafeSource(), second};
    const std::string once = exportOk(sources).files[0].content;
    CHECK(once == exportOk(sources).files[0].content);
    const json tasks = json::parse(once);
    REQUIRE(tasks.size() == 2);
    CHECK(tasks[1]["id"] == 2);
    CHECK(tasks[1]["data"]["claimmark_document"] == "cafe-2");
    CHECK(tasks[1]["annotations"][0]["claimmark_annotator"] == "bob");
}

// --- [SECTION] Import ---------------------------------------------------------------------

TEST_CASE("labelstudio round trip: export -> import gives back the annotations in every unit") {
    fixtures::TempDir dir;
    const ExportSource source = cafeSource();
    for (OffsetUnit unit : {OffsetUnit::CodePoint, OffsetUnit::Utf16, OffsetUnit::Byte}) {
        const std::string unitName = offsetUnitName(unit);
        CAPTURE(unitName);
        const auto input = writeInput(dir, std::string("tasks-") + offsetUnitName(unit) + ".json",
                                      exportOk({source}, unit).files[0].content);
        Result<ImportOutput> imported = importLabelStudio({input}, ImportOptions{});
        REQUIRE_MESSAGE(imported.ok(), imported.errorText());
        REQUIRE(imported->documents.size() == 1);
        const ImportedDocument& doc = imported->documents[0];
        CHECK(doc.stem == "cafe");
        CHECK(doc.text == kCafeText);
        CHECK(doc.set.annotator == "alice");
        CHECK(doc.set.document.sha256 == source.document.sha256());
        CHECK(doc.set.document.length == 38);
        CHECK(describe(doc.set) == describe(source.set));
        // The claimmark ids come back too.
        REQUIRE(doc.set.findAnnotation("a4") != nullptr);
        CHECK(doc.set.findAnnotation("a4")->spans == std::vector<Span>{{0, 1}, {28, 32}});
        CHECK(doc.set.findAnnotation("a4")->origin == "imported");
        CHECK(imported->skipped.empty());
    }
}

TEST_CASE("labelstudio import: a file as Label Studio writes it, with two annotators") {
    fixtures::TempDir dir;
    const std::string results1 =
        lsRegion("Dx_aB91ISN", 8, 11, "may", "hedge") + "," + lsRegion("q9", 2, 16, "Cafe\xCC\x81 may help", "claim") +
        ",{\"id\": \"q9\", \"from_name\": \"claim_strength\", \"to_name\": \"text\", \"type\": \"number\","
        " \"value\": {\"start\": 2, \"end\": 16, \"number\": 2}}"
        ",{\"id\": \"q9\", \"from_name\": \"note\", \"to_name\": \"text\", \"type\": \"textarea\","
        " \"value\": {\"start\": 2, \"end\": 16, \"text\": [\"first\", \"second\"]}}"
        ",{\"from_id\": \"Dx_aB91ISN\", \"to_id\": \"q9\", \"type\": \"relation\", \"direction\": \"right\","
        " \"labels\": [\"hedges\"]}"
        ",{\"from_name\": \"sentiment\", \"to_name\": \"text\", \"type\": \"choices\", \"value\": {\"choices\": "
        "[\"x\"]}}";
    const std::string file =
        "[{\"id\": 7, \"data\": {\"text\": " + json(kCafeText).dump() +
        "}, \"annotations\": ["
        "{\"id\": 1, \"completed_by\": {\"id\": 3, \"email\": \"ann@example.org\"}, \"result\": [" +
        results1 +
        "]},"
        "{\"id\": 2, \"completed_by\": 12, \"result\": [" +
        lsRegion("z", 35, 38, "End", "claim") +
        "]}],"
        " \"predictions\": [{\"result\": []}]}]";
    const auto input = writeInput(dir, "project.json", file);
    Result<ImportOutput> imported = importLabelStudio({input}, ImportOptions{});
    REQUIRE_MESSAGE(imported.ok(), imported.errorText());
    REQUIRE(imported->documents.size() == 2);
    const ImportedDocument& first = imported->documents[0];
    CHECK(first.stem == "task-7-ann@example.org");
    CHECK(first.set.annotator == "ann@example.org");
    REQUIRE(first.set.annotationCount() == 2);
    const Annotation* claim = nullptr;
    for (const Annotation& a : first.set.annotations())
        if (a.label == "claim") claim = &a;
    REQUIRE(claim != nullptr);
    CHECK(claim->spans == std::vector<Span>{{2, 16}});
    CHECK(claim->note == "first\nsecond");
    REQUIRE(claim->attributes.count("strength") == 1);
    CHECK(std::get<std::int64_t>(claim->attributes.at("strength")) == 2);
    REQUIRE(first.set.relationCount() == 1);
    CHECK(first.set.relations()[0].type == "hedges");
    CHECK(first.set.findAnnotation(first.set.relations()[0].to) == claim);

    const ImportedDocument& second = imported->documents[1];
    CHECK(second.stem == "task-7-user-12");
    CHECK(second.set.annotator == "user-12");
    REQUIRE(second.set.annotationCount() == 1);
    CHECK(second.set.annotations()[0].text == "End");

    auto has = [&](const std::string& part) {
        return std::any_of(imported->notices.begin(), imported->notices.end(),
                           [&](const std::string& n) { return n.find(part) != std::string::npos; });
    };
    CHECK(has("[0].predictions: 1 prediction(s) of another model not imported"));
    CHECK(has("[0].annotations[0].result[5]: a \"choices\" result that belongs to no region is not imported"));

    // --annotator overrides completed_by.
    ImportOptions options;
    options.annotator = "carol";
    Result<ImportOutput> named = importLabelStudio({input}, options);
    REQUIRE(named.ok());
    CHECK(named->documents[0].set.annotator == "carol");
    CHECK(named->documents[1].stem == "task-7-carol-2");
}

TEST_CASE("labelstudio import: stated text that does not match fails the import, listing every problem") {
    fixtures::TempDir dir;
    const std::string results =
        lsRegion("h", 8, 11, "mAy", "hedge") + "," + lsRegion("c", 2, 16, "Cafe\xCC\x81 may help", "claim") + "," +
        lsRegion("e", 19, 40, "x", "evidence") + "," +
        "{\"from_id\": \"h\", \"to_id\": \"c\", \"type\": \"relation\", \"labels\": [\"hedges\"]}";
    const auto input = writeInput(dir, "bad.json", lsTask(results));

    Result<ImportOutput> strict = importLabelStudio({input}, ImportOptions{});
    REQUIRE_FALSE(strict.ok());
    const Diagnostics& errors = strict.errors();
    REQUIRE(errors.size() == 3);
    CHECK(errors[0].file == input.string());
    CHECK(errors[0].location == "[0].annotations[0].result[0].value");
    CHECK(errors[0].message == "expected \"mAy\", found \"may\"");
    CHECK(errors[1].location == "[0].annotations[0].result[2].value.end");
    CHECK(errors[1].message.find("past the end of the text (38 code points)") != std::string::npos);
    CHECK(errors[2].location == "[0].annotations[0].result[3]");
    CHECK(errors[2].message.find("relation left out") != std::string::npos);

    ImportOptions lenient;
    lenient.lenient = true;
    Result<ImportOutput> kept = importLabelStudio({input}, lenient);
    REQUIRE_MESSAGE(kept.ok(), kept.errorText());
    CHECK(kept->skipped.size() == 3);
    REQUIRE(kept->documents.size() == 1);
    const AnnotationSet& set = kept->documents[0].set;
    REQUIRE(set.annotationCount() == 1);
    CHECK(set.annotations()[0].label == "claim");
    CHECK(set.relationCount() == 0);
}

TEST_CASE("labelstudio import: offsets inside a character, older UTF-16 files, unknown labels") {
    fixtures::TempDir dir;
    SUBCASE("stated UTF-16 unit: an offset between the halves of the emoji is refused") {
        const auto input = writeInput(
            dir, "split.json", lsTask(lsRegion("x", 1, 3, " C", "claim"), "", ", \"claimmark_offsets\": \"utf16\""));
        Result<ImportOutput> imported = importLabelStudio({input}, ImportOptions{});
        REQUIRE_FALSE(imported.ok());
        REQUIRE(imported.errors().size() == 1);
        CHECK(imported.errors()[0].location == "[0].annotations[0].result[0].value.start");
        CHECK(imported.errors()[0].message.find("inside a character") != std::string::npos);
    }
    SUBCASE("no stated unit: regions that only fit as UTF-16 are read so, with a notice") {
        // שלום is code points 28-32, UTF-16 units 29-33; "End" is 35-38 / 36-39.
        const auto input = writeInput(dir, "old.json",
                                      lsTask(lsRegion("x", 29, 33, "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", "claim") + "," +
                                             lsRegion("y", 36, 39, "End", "claim")));
        Result<ImportOutput> imported = importLabelStudio({input}, ImportOptions{});
        REQUIRE_MESSAGE(imported.ok(), imported.errorText());
        const AnnotationSet& set = imported->documents[0].set;
        REQUIRE(set.annotationCount() == 2);
        std::vector<Span> spans;
        for (const Annotation& a : set.annotations()) spans.push_back(a.spans[0]);
        std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
        CHECK(spans == std::vector<Span>{{28, 32}, {35, 38}});
        CHECK(std::any_of(imported->notices.begin(), imported->notices.end(), [](const std::string& n) {
            return n.find("2 region(s) matched their text only as UTF-16 offsets") != std::string::npos;
        }));
    }
    SUBCASE("a label the schema lacks is added to the set's schema") {
        const auto input = writeInput(dir, "rumour.json", lsTask(lsRegion("x", 23, 27, "says", "rumour")));
        Result<ImportOutput> imported = importLabelStudio({input}, ImportOptions{});
        REQUIRE_MESSAGE(imported.ok(), imported.errorText());
        CHECK(imported->documents[0].set.schema.findLabel("rumour") != nullptr);
        CHECK(std::any_of(imported->notices.begin(), imported->notices.end(), [](const std::string& n) {
            return n.find("label \"rumour\" is not in the schema") != std::string::npos;
        }));
    }
}

TEST_CASE("labelstudio import: malformed input is reported with file and place") {
    fixtures::TempDir dir;
    SUBCASE("invalid JSON: line and column") {
        const auto input = writeInput(dir, "broken.json", "[\n  {\"data\": {\"text\": \"x\"},\n  oops\n]");
        Result<ImportOutput> imported = importLabelStudio({input}, ImportOptions{});
        REQUIRE_FALSE(imported.ok());
        CHECK(imported.errors()[0].file == input.string());
        CHECK(imported.errors()[0].location.rfind("line 3, column", 0) == 0);
    }
    SUBCASE("not a task list") {
        const auto input = writeInput(dir, "number.json", "42");
        Result<ImportOutput> imported = importLabelStudio({input}, ImportOptions{});
        REQUIRE_FALSE(imported.ok());
        CHECK(imported.errors()[0].message == "expected a JSON array of Label Studio tasks");
    }
    SUBCASE("a task without text, a region without labels, a missing file") {
        const auto input =
            writeInput(dir, "tasks.json",
                       "[{\"data\": {\"n\": 1}}, {\"data\": {\"text\": \"abc\"}, \"annotations\": [{\"result\": "
                       "[{\"id\": \"r\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 1}}]}]}]");
        Result<ImportOutput> imported = importLabelStudio({input, dir / "missing.json"}, ImportOptions{});
        REQUIRE_FALSE(imported.ok());
        REQUIRE(imported.errors().size() == 3);
        CHECK(imported.errors()[0].location == "[0].data.text");
        CHECK(imported.errors()[1].location == "[1].annotations[0].result[0].value.labels");
        CHECK(imported.errors()[2].file == (dir / "missing.json").string());
        CHECK(imported.errors()[2].message == "file not found");
    }
}
