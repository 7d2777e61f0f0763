// test_set_writer.cpp — serializeSet layout, round trips, atomic saves with the
// changed-on-disk check, and document paths.
//
// [SECTION] Helpers
// [SECTION] Layout: header, one annotation per line, document order
// [SECTION] Escaping and unknown keys
// [SECTION] Round trips
// [SECTION] Saving and loading files
// [SECTION] Changed on disk
// [SECTION] Document paths
#include "core/storage/set_file.h"

#include "core/model/covered_text.h"

#include "fixtures.h"

#include <doctest/doctest.h>

#include <chrono>
#include <sstream>
#include <string>
#include <vector>

using namespace claimmark;
using fixtures::annotation;
using fixtures::fileNames;
using fixtures::readFile;
using fixtures::relation;
using fixtures::TempDir;
using fixtures::writeFile;
namespace fs = std::filesystem;

// =====================================================================================
// [SECTION] Helpers
// =====================================================================================

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// The lines between `  "<key>": [` and `  ]`.
std::vector<std::string> blockLines(const std::string& text, const std::string& key) {
    std::vector<std::string> lines = linesOf(text), out;
    bool inside = false;
    for (const auto& line : lines) {
        if (line == "  \"" + key + "\": [") {
            inside = true;
            continue;
        }
        if (inside && (line == "  ]" || line == "  ],")) break;
        if (inside) out.push_back(line);
    }
    return out;
}

Annotation filled(const Document& doc, std::string id, std::string label, std::vector<Span> spans) {
    Annotation a = annotation(std::move(id), std::move(label), std::move(spans));
    fillFromDocument(a, doc);
    a.created = a.modified = "2026-01-01T00:00:01Z";
    return a;
}

// The pill article with four annotations (added out of document order) and two relations.
AnnotationSet pillSet(const Document& doc) {
    AnnotationSet set;
    set.document.path = "../../samples/pill.txt";
    set.document.sha256 = doc.sha256();
    set.document.length = doc.length();
    set.annotator = "alice";
    Annotation claim = filled(doc, "a1", "claim", {{13, 23}});
    claim.attributes["strength"] = std::int64_t(4);
    claim.attributes["checkworthy"] = false;
    claim.attributes["verdict"] = std::string("unrated");
    REQUIRE(set.addAnnotation(filled(doc, "a3", "caveat", {{39, 44}})).ok());
    REQUIRE(set.addAnnotation(claim).ok());
    REQUIRE(set.addAnnotation(filled(doc, "a10", "evidence", {{25, 38}})).ok());
    REQUIRE(set.addAnnotation(filled(doc, "a2", "hedge", {{9, 12}})).ok());
    REQUIRE(set.addRelation(relation("r2", "supports", "a10", "a1")).ok());
    REQUIRE(set.addRelation(relation("r1", "hedges", "a2", "a1")).ok());
    return set;
}

AnnotationSet reparse(const std::string& text) {
    Result<AnnotationSet> set = parseSet(text, "roundtrip.json");
    REQUIRE_MESSAGE(set.ok(), set.errorText() << "\n" << text);
    return std::move(*set);
}

}  // namespace

// =====================================================================================
// [SECTION] Layout: header, one annotation per line, document order
// =====================================================================================

TEST_CASE("set writer: the header comes first, one key per line") {
    Document doc = fixtures::makeDocument(fixtures::kPillText);
    const std::string text = serializeSet(pillSet(doc));
    std::vector<std::string> lines = linesOf(text);
    REQUIRE(lines.size() > 6);
    CHECK(lines[0] == "{");
    CHECK(lines[1] == "  \"format\": \"claimmark/annotation-set\",");
    CHECK(lines[2] == "  \"version\": 1,");
    CHECK(lines[3] == "  \"document\": {\"path\": \"../../samples/pill.txt\", \"sha256\": \"" + doc.sha256() +
                          "\", \"length\": 45},");
    CHECK(lines[4] == "  \"annotator\": \"alice\",");
    CHECK(lines[5] == "  \"schema\": {");
    CHECK(lines.back() == "}");
    CHECK(text.back() == '\n');
    // The whole text is one JSON document.
    CHECK(nlohmann::json::accept(text));
}

TEST_CASE("set writer: annotations are written in document order, one per line") {
    Document doc = fixtures::makeDocument(fixtures::kPillText);
    const std::string text = serializeSet(pillSet(doc));
    std::vector<std::string> lines = blockLines(text, "annotations");
    REQUIRE(lines.size() == 4);
    // hedge "may" [9,12), claim [13,23), evidence [25,38), caveat [39,44).
    CHECK(lines[0].rfind("    {\"id\": \"a2\",", 0) == 0);
    CHECK(lines[1] ==
          "    {\"id\": \"a1\", \"label\": \"claim\", \"spans\": [{\"start\": 13, \"end\": 23}], "
          "\"text\": \"cure colds\", \"attributes\": {\"checkworthy\": false, \"strength\": 4, "
          "\"verdict\": \"unrated\"}, \"note\": \"\", \"origin\": \"manual\", "
          "\"created\": \"2026-01-01T00:00:01Z\", \"modified\": \"2026-01-01T00:00:01Z\", "
          "\"prefix\": \"The pill may \", \"suffix\": \", experts claim today.\"},");
    CHECK(lines[2].rfind("    {\"id\": \"a10\",", 0) == 0);
    CHECK(lines[3].rfind("    {\"id\": \"a3\",", 0) == 0);
    CHECK(lines[3].back() == '}');  // the last one has no comma
    // Each line is a complete JSON object.
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string line = lines[i];
        if (line.back() == ',') line.pop_back();
        CHECK(nlohmann::json::accept(line));
    }
}

TEST_CASE("set writer: relations are written one per line, sorted by id number") {
    Document doc = fixtures::makeDocument(fixtures::kPillText);
    AnnotationSet set = pillSet(doc);
    REQUIRE(set.addRelation(relation("r10", "qualifies", "a3", "a1")).ok());
    std::vector<std::string> lines = blockLines(serializeSet(set), "relations");
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "    {\"id\": \"r1\", \"type\": \"hedges\", \"from\": \"a2\", \"to\": \"a1\"},");
    CHECK(lines[1] == "    {\"id\": \"r2\", \"type\": \"supports\", \"from\": \"a10\", \"to\": \"a1\"},");
    CHECK(lines[2] == "    {\"id\": \"r10\", \"type\": \"qualifies\", \"from\": \"a3\", \"to\": \"a1\"}");
}

TEST_CASE("set writer: an empty set writes empty arrays") {
    AnnotationSet set;
    set.document.path = "x.txt";
    set.document.sha256 = fixtures::fakeSha();
    const std::string text = serializeSet(set);
    CHECK(contains(text, "\n  \"annotations\": [],\n"));
    CHECK(contains(text, "\n  \"relations\": []\n}\n"));
    CHECK(reparse(text).annotationCount() == 0);
}

// =====================================================================================
// [SECTION] Escaping and unknown keys
// =====================================================================================

TEST_CASE("set writer: strings are escaped and stay on one line") {
    Document doc = fixtures::makeDocument(fixtures::kPillText);
    AnnotationSet set = pillSet(doc);
    Annotation a = *set.findAnnotation("a1");
    a.note = "a \"quote\", a \\ backslash,\na newline,\ta tab, \x01 and \xC3\xA9 \xF0\x9F\x98\x80";
    REQUIRE(set.replaceAnnotation(a).ok());
    const std::string text = serializeSet(set);
    CHECK(contains(text,
                   "\"note\": \"a \\\"quote\\\", a \\\\ backslash,\\na newline,\\ta tab, "
                   "\\u0001 and \xC3\xA9 \xF0\x9F\x98\x80\""));
    CHECK(blockLines(text, "annotations").size() == 4);
    CHECK(reparse(text).findAnnotation("a1")->note == a.note);
}

TEST_CASE("set writer: orphaned is written only when set") {
    Document doc = fixtures::makeDocument(fixtures::kPillText);
    AnnotationSet set = pillSet(doc);
    Annotation lost = annotation("a20", "claim", 100, 120);
    lost.orphaned = true;
    REQUIRE(set.addAnnotation(lost).ok());
    std::vector<std::string> lines = blockLines(serializeSet(set), "annotations");
    REQUIRE(lines.size() == 5);
    CHECK(contains(lines[4], "\"id\": \"a20\""));  // start 100 sorts last
    CHECK(contains(lines[4], "\"orphaned\": true"));
    for (std::size_t i = 0; i < 4; ++i) CHECK_FALSE(contains(lines[i], "orphaned"));
    CHECK(reparse(serializeSet(set)).findAnnotation("a20")->orphaned);
}

TEST_CASE("set writer: unknown keys everywhere are kept and written back") {
    const std::string input = R"({
  "format": "claimmark/annotation-set", "version": 1,
  "document": {"path": "pill.txt", "sha256": ")" +
                              fixtures::fakeSha() + R"(", "length": 45, "encoding": "utf-8"},
  "annotator": "alice",
  "project": {"name": "pilot", "rounds": [1, 2]},
  "zz_last": true,
  "schema": {"format": "claimmark/schema", "version": 1, "name": "mini", "owner": "desk",
             "labels": [{"name": "claim", "color": "#ff0000", "hotkey": "1", "shade": "warm"},
                        {"name": "hedge", "color": "#0000ff", "hotkey": "2"}],
             "relations": [{"type": "hedges", "from": ["hedge"], "to": ["claim"]}]},
  "annotations": [
    {"id": "a1", "label": "claim", "spans": [{"start": 13, "end": 23}], "text": "cure colds", "reviewed_by": "bob", "tags": ["x", {"y": 1}]},
    {"id": "a2", "label": "hedge", "spans": [{"start": 9, "end": 12}], "text": "may"}
  ],
  "relations": [{"id": "r1", "type": "hedges", "from": "a2", "to": "a1", "confidence": 0.5}]
})";
    AnnotationSet set = reparse(input);
    const std::string text = serializeSet(set);
    const nlohmann::json out = nlohmann::json::parse(text);
    CHECK(out["document"]["encoding"] == "utf-8");
    CHECK(out["project"] == nlohmann::json::parse(R"({"name": "pilot", "rounds": [1, 2]})"));
    CHECK(out["zz_last"] == true);
    CHECK(out["schema"]["owner"] == "desk");
    CHECK(out["schema"]["labels"][0]["shade"] == "warm");
    CHECK(out["annotations"][1]["reviewed_by"] == "bob");
    CHECK(out["annotations"][1]["tags"] == nlohmann::json::parse(R"(["x", {"y": 1}])"));
    CHECK_FALSE(out["annotations"][0].contains("reviewed_by"));
    CHECK(out["relations"][0]["confidence"] == 0.5);
    // Still one annotation per line with the extra keys inline.
    CHECK(blockLines(text, "annotations").size() == 2);
}

// =====================================================================================
// [SECTION] Round trips
// =====================================================================================

TEST_CASE("set writer: parse -> serialize -> parse -> serialize is byte-identical") {
    Document doc = fixtures::makeDocument(fixtures::kPillText);
    AnnotationSet set = pillSet(doc);
    Annotation a = *set.findAnnotation("a1");
    a.note = "line one\nline two \xE2\x80\x94 \"quoted\"";
    a.extra["reviewed_by"] = "bob";
    REQUIRE(set.replaceAnnotation(a).ok());
    set.extra["project"] = {{"name", "pilot"}, {"round", 2}};
    set.document.extra["encoding"] = "utf-8";

    const std::string first = serializeSet(set);
    AnnotationSet once = reparse(first);
    const std::string second = serializeSet(once);
    CHECK(second == first);
    const std::string third = serializeSet(reparse(second));
    CHECK(third == second);

    // What was read is what was written.
    CHECK(once.annotationCount() == 4);
    CHECK(once.relationCount() == 2);
    const Annotation* b = once.findAnnotation("a1");
    REQUIRE(b != nullptr);
    CHECK(b->note == a.note);
    CHECK(b->prefix == "The pill may ");
    CHECK(b->suffix == ", experts claim today.");
    CHECK(b->attributes == a.attributes);
    CHECK(once.findAnnotation("a10")->text == "experts claim");
}

TEST_CASE("set writer: a hand-written set round-trips after its first write") {
    fixtures::SetJson s;
    s.length = 45;
    s.extraTop = "\"b_key\": [1, 2], \"a_key\": {\"nested\": null}";
    s.annotations = {fixtures::annotationJson("a2", "hedge", 9, 12, R"("x": 1)"),
                     fixtures::annotationJson("a1", "claim", 0, 30)};
    s.relations = {fixtures::relationJson("r1", "hedges", "a2", "a1")};
    const std::string first = serializeSet(reparse(s.str()));
    const std::string second = serializeSet(reparse(first));
    CHECK(second == first);
    // Document order: a1 starts at 0.
    std::vector<std::string> lines = blockLines(first, "annotations");
    REQUIRE(lines.size() == 2);
    CHECK(contains(lines[0], "\"id\": \"a1\""));
}

// =====================================================================================
// [SECTION] Saving and loading files
// =====================================================================================

TEST_CASE("set writer: saveSetFile writes a set that loads back equal") {
    TempDir dir;
    Document doc = fixtures::makeDocument(fixtures::kPillText);
    AnnotationSet set = pillSet(doc);
    const fs::path file = dir / "annotations" / "pill" / "alice.json";  // folders are made

    SaveOutcome saved = saveSetFile(file, set, FileStamp{});
    REQUIRE_MESSAGE(saved.status.ok(), saved.status.error);
    CHECK_FALSE(saved.conflict);
    CHECK(saved.stamp.exists);
    CHECK(readFile(file) == serializeSet(set));

    Result<LoadedSet> loaded = loadSetFile(file);
    REQUIRE_MESSAGE(loaded.ok(), loaded.errorText());
    CHECK(serializeSet(loaded->set) == serializeSet(set));
    CHECK(loaded->stamp.sha256 == saved.stamp.sha256);
    CHECK(fileNames(file.parent_path()) == std::set<std::string>{"alice.json"});

    // The stamp from a save lets the next save through.
    REQUIRE(set.removeRelation("r1").ok());
    SaveOutcome again = saveSetFile(file, set, saved.stamp);
    REQUIRE_MESSAGE(again.status.ok(), again.status.error);
    CHECK(loadSetFile(file)->set.relationCount() == 1);
}

TEST_CASE("set writer: a failing write, fsync or rename keeps the old set and no temp file") {
    TempDir dir;
    Document doc = fixtures::makeDocument(fixtures::kPillText);
    AnnotationSet set = pillSet(doc);
    const fs::path file = dir / "alice.json";
    SaveOutcome first = saveSetFile(file, set, FileStamp{});
    REQUIRE(first.status.ok());
    const std::string oldBytes = readFile(file);

    REQUIRE(set.removeRelation("r2").ok());
    for (const char* failing : {"write", "fsync", "rename"}) {
        CAPTURE(failing);
        setAtomicWriteFaultHookForTesting([failing](const char* step) { return std::string(step) != failing; });
        SaveOutcome outcome = saveSetFile(file, set, first.stamp);
        setAtomicWriteFaultHookForTesting(nullptr);
        CHECK_FALSE(outcome.status.ok());
        CHECK_FALSE(outcome.conflict);
        CHECK(readFile(file) == oldBytes);
        CHECK(fileNames(dir.path()) == std::set<std::string>{"alice.json"});
    }
    setAtomicWriteFaultHookForTesting(nullptr);
    SaveOutcome ok = saveSetFile(file, set, first.stamp);
    CHECK(ok.status.ok());
    CHECK(loadSetFile(file)->set.relationCount() == 1);
}

// =====================================================================================
// [SECTION] Changed on disk
// =====================================================================================

TEST_CASE("set writer: a set changed on disk since loading is not overwritten") {
    TempDir dir;
    Document doc = fixtures::makeDocument(fixtures::kPillText);
    const fs::path file = dir / "alice.json";
    writeFile(file, serializeSet(pillSet(doc)));
    Result<LoadedSet> loaded = loadSetFile(file);
    REQUIRE(loaded.ok());
    AnnotationSet mine = loaded->set;
    REQUIRE(mine.removeRelation("r1").ok());

    SUBCASE("someone else changed the content") {
        AnnotationSet theirs = loaded->set;
        REQUIRE(theirs.removeRelation("r2").ok());
        const std::string theirBytes = serializeSet(theirs);
        writeFile(file, theirBytes);
        fs::last_write_time(file, fs::file_time_type::clock::now() + std::chrono::seconds(5));

        SaveOutcome refused = saveSetFile(file, mine, loaded->stamp);
        CHECK(refused.conflict);
        CHECK_FALSE(refused.status.ok());
        CHECK(contains(refused.status.error, "changed on disk"));
        CHECK(readFile(file) == theirBytes);

        SaveOutcome forced = saveSetFile(file, mine, loaded->stamp, SaveMode::Overwrite);
        CHECK(forced.status.ok());
        CHECK_FALSE(forced.conflict);
        CHECK(readFile(file) == serializeSet(mine));
    }
    SUBCASE("the file was touched but its content is the same") {
        const std::string same = readFile(file);
        writeFile(file, same);
        fs::last_write_time(file, fs::file_time_type::clock::now() + std::chrono::seconds(5));
        SaveOutcome saved = saveSetFile(file, mine, loaded->stamp);
        CHECK_MESSAGE(saved.status.ok(), saved.status.error);
        CHECK_FALSE(saved.conflict);
        CHECK(readFile(file) == serializeSet(mine));
    }
    SUBCASE("the file was deleted") {
        fs::remove(file);
        SaveOutcome refused = saveSetFile(file, mine, loaded->stamp);
        CHECK(refused.conflict);
        CHECK_FALSE(fs::exists(file));
    }
}

TEST_CASE("set writer: saving a never-saved set onto an existing file is a conflict") {
    TempDir dir;
    Document doc = fixtures::makeDocument(fixtures::kPillText);
    AnnotationSet set = pillSet(doc);
    const fs::path file = dir / "alice.json";
    writeFile(file, "someone's notes\n");

    SaveOutcome refused = saveSetFile(file, set, FileStamp{});
    CHECK(refused.conflict);
    CHECK_FALSE(refused.status.ok());
    CHECK(contains(refused.status.error, "already exists"));
    CHECK(readFile(file) == "someone's notes\n");

    SaveOutcome forced = saveSetFile(file, set, FileStamp{}, SaveMode::Overwrite);
    CHECK(forced.status.ok());
    CHECK(readFile(file) == serializeSet(set));

    // Onto a free name, a never-saved set is written.
    SaveOutcome fresh = saveSetFile(dir / "bob.json", set, FileStamp{});
    CHECK(fresh.status.ok());
    CHECK_FALSE(fresh.conflict);
}

// =====================================================================================
// [SECTION] Document paths
// =====================================================================================

TEST_CASE("set writer: document paths are relative to the set file's folder") {
    CHECK(relativeDocumentPath("annotations/x/alice.json", "samples/x.txt") == "../../samples/x.txt");
    CHECK(relativeDocumentPath("alice.json", "x.txt") == "x.txt");
    CHECK(relativeDocumentPath("./alice.json", "x.txt") == "x.txt");
    CHECK(relativeDocumentPath("annotations/x/alice.json", "./samples/x.txt") == "../../samples/x.txt");
    CHECK(relativeDocumentPath("/data/sets/alice.json", "/data/articles/x.txt") == "../articles/x.txt");
    CHECK(relativeDocumentPath("sets/./alice.json", "sets/../articles/x.txt") == "../articles/x.txt");

    AnnotationSet set;
    set.document.path = "../../samples/x.txt";
    CHECK(resolveDocumentPath("annotations/x/alice.json", set) == fs::path("samples/x.txt"));
    CHECK(resolveDocumentPath("/data/annotations/x/alice.json", set) == fs::path("/data/samples/x.txt"));
    set.document.path = "/abs/article.txt";
    CHECK(resolveDocumentPath("annotations/x/alice.json", set) == fs::path("/abs/article.txt"));
}
