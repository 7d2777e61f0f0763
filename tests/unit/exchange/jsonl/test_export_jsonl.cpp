// jsonl export and import: the exact line layout, offsets in every unit on a text with an
// emoji, a combining mark, CJK, Hebrew and CRLF, byte-identical round trips, and every
// kind of bad input reported with file and line (or skipped with --lenient).
//
// The Unicode text is kTeaText (exchange_fixtures.h has its offset table).
#include "core/exchange/exchange.h"
#include "core/exchange/exchange_formats.h"

#include "core/model/covered_text.h"

#include "exchange/exchange_fixtures.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace claimmark;
namespace fs = std::filesystem;
using exchange_fixtures::add;
using exchange_fixtures::kTeaText;

namespace {

Document doc(const std::string& text) {
    Result<Document> d = Document::fromBytes(text, "article.txt");
    REQUIRE_MESSAGE(d.ok(), d.errorText());
    return std::move(*d);
}

void relate(AnnotationSet& set, const std::string& id, const std::string& type, const std::string& from,
            const std::string& to) {
    Status s = set.addRelation(Relation{id, type, from, to});
    REQUIRE_MESSAGE(s.ok(), s.error);
}

ExportSource unicodeSource() {
    ExportSource source;
    source.setPath = "sets/unicode.json";
    source.stem = "unicode";
    source.document = doc(kTeaText);
    AnnotationSet& set = source.set;
    set.annotator = "alice";
    set.document.sha256 = source.document.sha256();
    set.document.length = source.document.length();
    add(set, source.document, "a1", "claim", {{0, 27}}, {{"strength", std::int64_t(4)}, {"checkworthy", true}});
    add(set, source.document, "a2", "hedge", {{6, 9}}, {{"kind", std::string("modal")}});
    add(set, source.document, "a3", "evidence", {{29, 32}, {38, 42}}, {{"type", std::string("anecdotal")}});
    add(set, source.document, "a4", "caveat", {{43, 49}}, {{"kind", std::string("limitation")}},
        "a \"quoted\", note\nline 2");
    relate(set, "r1", "hedges", "a2", "a1");
    relate(set, "r5", "supports", "a3", "a1");
    return source;
}

std::string exportLines(const std::vector<ExportSource>& sources, OffsetUnit unit) {
    ExportOptions options;
    options.offsets = unit;
    return exchange_fixtures::oneFile(exportJsonl(sources, options)).files[0].content;
}

class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        m_path = fs::temp_directory_path() /
                 ("claimmark-jsonl-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        fs::remove_all(m_path);
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code error;
        fs::remove_all(m_path, error);
    }
    fs::path write(const std::string& name, const std::string& content) const {
        std::ofstream out(m_path / name, std::ios::binary);
        out << content;
        return m_path / name;
    }

private:
    fs::path m_path;
};

Result<ImportOutput> importText(const TempDir& dir, const std::string& content, ImportOptions options = {}) {
    return importJsonl({dir.write("in.jsonl", content)}, options);
}

ExportSource sourceFrom(const ImportedDocument& imported) {
    ExportSource source;
    source.setPath = "imported.json";
    source.stem = imported.stem;
    source.document = doc(imported.text);
    source.set = imported.set;
    return source;
}

std::vector<std::size_t> spanNumbers(const nlohmann::json& annotation) {
    std::vector<std::size_t> out;
    for (const auto& s : annotation.at("spans")) {
        out.push_back(s.at("start").get<std::size_t>());
        out.push_back(s.at("end").get<std::size_t>());
    }
    return out;
}

}  // namespace

TEST_CASE("jsonl export: the exact line for a small document, keys in their fixed order") {
    ExportSource source;
    source.setPath = "pill.json";
    source.stem = "pill";
    source.document = doc("The pill may cure colds, experts claim today.");
    source.set.annotator = "alice";
    add(source.set, source.document, "a2", "hedge", {{9, 12}}, {{"kind", std::string("modal")}});
    add(source.set, source.document, "a1", "claim", {{0, 23}}, {{"strength", std::int64_t(3)}});
    relate(source.set, "r1", "hedges", "a2", "a1");

    const std::string expected =
        "{\"id\":\"pill\",\"text\":\"The pill may cure colds, experts claim today.\",\"sha256\":\"" +
        source.document.sha256() +
        "\",\"offsets\":\"codepoint\",\"annotator\":\"alice\",\"annotations\":["
        "{\"id\":\"a1\",\"label\":\"claim\",\"spans\":[{\"start\":0,\"end\":23}],\"text\":\"The pill may cure colds\","
        "\"attributes\":{\"strength\":3},\"note\":\"\"},"
        "{\"id\":\"a2\",\"label\":\"hedge\",\"spans\":[{\"start\":9,\"end\":12}],\"text\":\"may\","
        "\"attributes\":{\"kind\":\"modal\"},\"note\":\"\"}],"
        "\"relations\":[{\"id\":\"r1\",\"type\":\"hedges\",\"from\":\"a2\",\"to\":\"a1\"}]}\n";
    CHECK(exportLines({source}, OffsetUnit::CodePoint) == expected);
}

TEST_CASE("jsonl export: offsets of emoji, combining mark, CJK, Hebrew and CRLF text in each unit") {
    const ExportSource source = unicodeSource();
    struct Case {
        OffsetUnit unit;
        const char* name;
        std::vector<std::size_t> a1, a2, a3, a4;
    };
    const Case cases[] = {
        {OffsetUnit::CodePoint, "codepoint", {0, 27}, {6, 9}, {29, 32, 38, 42}, {43, 49}},
        {OffsetUnit::Utf16, "utf16", {0, 28}, {7, 10}, {30, 33, 39, 43}, {44, 50}},
        {OffsetUnit::Byte, "byte", {0, 31}, {9, 12}, {33, 42, 48, 56}, {57, 63}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        const std::string lines = exportLines({source}, c.unit);
        REQUIRE(lines.back() == '\n');
        CHECK(lines.find('\n') == lines.size() - 1);  // one line: the CRLFs in the text are escaped
        const nlohmann::json line = nlohmann::json::parse(lines);
        CHECK(line.at("offsets") == c.name);
        CHECK(line.at("text") == kTeaText);
        const auto& annotations = line.at("annotations");
        REQUIRE(annotations.size() == 4);
        // Document order: a1 (0), a2 (6), a3 (29), a4 (43).
        CHECK(annotations[0].at("id") == "a1");
        CHECK(spanNumbers(annotations[0]) == c.a1);
        CHECK(spanNumbers(annotations[1]) == c.a2);
        CHECK(spanNumbers(annotations[2]) == c.a3);
        CHECK(spanNumbers(annotations[3]) == c.a4);
        CHECK(annotations[0].at("text") == "Tea \xF0\x9F\x8C\xBF may cure cafe\xCC\x81 colds.");
        CHECK(annotations[2].at("text") == "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
        CHECK(annotations[0].at("attributes") == nlohmann::json{{"checkworthy", true}, {"strength", 4}});
        CHECK(annotations[3].at("note") == "a \"quoted\", note\nline 2");
        CHECK(line.at("relations") == nlohmann::json::parse(
                                          R"([{"id":"r1","type":"hedges","from":"a2","to":"a1"},
                                              {"id":"r5","type":"supports","from":"a3","to":"a1"}])"));
    }
}

TEST_CASE("jsonl export: several sets make one line each; orphaned annotations are left out and counted") {
    ExportSource first = unicodeSource();
    ExportSource second = unicodeSource();
    second.stem = "unicode-2";
    Annotation orphan = *second.set.findAnnotation("a4");
    orphan.orphaned = true;
    REQUIRE(second.set.replaceAnnotation(orphan).ok());

    ExportOptions options;
    Result<ExportOutput> out = exportJsonl({first, second}, options);
    REQUIRE(out.ok());
    std::istringstream lines(out->files[0].content);
    std::string one, two, three;
    REQUIRE(std::getline(lines, one));
    REQUIRE(std::getline(lines, two));
    CHECK_FALSE(std::getline(lines, three));
    CHECK(nlohmann::json::parse(one).at("id") == "unicode");
    const nlohmann::json second_ = nlohmann::json::parse(two);
    CHECK(second_.at("id") == "unicode-2");
    CHECK(second_.at("annotations").size() == 3);
    REQUIRE(out->notices.size() == 1);
    CHECK(out->notices[0].find("sets/unicode.json: left out 1 orphaned annotation") == 0);
}

TEST_CASE("jsonl round trip: export -> import -> export is byte-identical in every unit") {
    TempDir dir;
    for (OffsetUnit unit : {OffsetUnit::CodePoint, OffsetUnit::Utf16, OffsetUnit::Byte}) {
        CAPTURE(offsetUnitName(unit));
        ExportSource second = unicodeSource();
        second.stem = "second";
        const std::string first = exportLines({unicodeSource(), second}, unit);
        Result<ImportOutput> imported = importText(dir, first);
        REQUIRE_MESSAGE(imported.ok(), imported.errorText());
        REQUIRE(imported->documents.size() == 2);
        CHECK(imported->skipped.empty());
        CHECK(imported->notices.empty());  // every label and attribute is in the default schema

        const ImportedDocument& d = imported->documents[0];
        CHECK(d.stem == "unicode");
        CHECK(d.text == kTeaText);
        CHECK(d.articlePath.empty());
        CHECK(d.set.annotator == "alice");
        CHECK(d.set.document.sha256 == doc(kTeaText).sha256());
        CHECK(d.set.document.length == 51);
        const Annotation* a3 = d.set.findAnnotation("a3");
        REQUIRE(a3);
        CHECK(a3->spans == std::vector<Span>{{29, 32}, {38, 42}});
        CHECK(a3->origin == "imported");
        REQUIRE(d.set.findRelation("r5"));
        CHECK(d.set.findRelation("r5")->from == "a3");

        const std::string again =
            exportLines({sourceFrom(imported->documents[0]), sourceFrom(imported->documents[1])}, unit);
        CHECK(again == first);
    }
}

TEST_CASE("jsonl import: UTF-16 and byte offsets written by hand become code points") {
    TempDir dir;
    // "may" is utf16 [7,10) and bytes [9,12); "שלום" is utf16 [39,43) and bytes [48,56).
    nlohmann::json line = {
        {"id", "hand"},
        {"text", kTeaText},
        {"offsets", "utf16"},
        {"annotations", {{{"label", "hedge"}, {"spans", {{{"start", 7}, {"end", 10}}}}, {"text", "may"}}}}};
    nlohmann::json bytes = {{"id", "hand-bytes"},
                            {"text", kTeaText},
                            {"offsets", "byte"},
                            {"annotations", {{{"label", "evidence"}, {"spans", {{{"start", 48}, {"end", 56}}}}}}}};
    ImportOptions options;
    options.annotator = "bob";
    Result<ImportOutput> imported = importText(dir, line.dump() + "\n\n" + bytes.dump() + "\n", options);
    REQUIRE_MESSAGE(imported.ok(), imported.errorText());
    REQUIRE(imported->documents.size() == 2);
    const AnnotationSet& first = imported->documents[0].set;
    CHECK(first.annotator == "bob");
    REQUIRE(first.annotationCount() == 1);
    CHECK(first.annotations()[0].spans == std::vector<Span>{{6, 9}});
    CHECK(first.annotations()[0].text == "may");
    const AnnotationSet& second = imported->documents[1].set;
    REQUIRE(second.annotationCount() == 1);
    CHECK(second.annotations()[0].spans == std::vector<Span>{{38, 42}});
    CHECK(second.annotations()[0].text == "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
    CHECK(second.annotator == "bob");
}

TEST_CASE("jsonl import: every problem is reported with file and line, and the import fails") {
    TempDir dir;
    auto annotated = [](const std::string& unit, std::size_t start, std::size_t end, const std::string& text) {
        return nlohmann::json{
            {"id", "d"},
            {"text", kTeaText},
            {"offsets", unit},
            {"annotations",
             {{{"id", "a1"}, {"label", "hedge"}, {"spans", {{{"start", start}, {"end", end}}}}, {"text", text}}}}}
            .dump();
    };
    const std::string content = annotated("codepoint", 6, 9, "may") + "\n" +    // line 1: fine
                                annotated("codepoint", 10, 14, "may") + "\n" +  // 2: wrong text
                                annotated("utf16", 5, 7, "x") + "\n" +          // 3: inside the surrogate pair
                                annotated("byte", 10, 12, "ay") + "\n" +        // 4: fine ("ay" = bytes 10-12)
                                annotated("byte", 5, 12, "x") + "\n" +          // 5: inside the emoji's bytes
                                "{\"id\": \"broken\", \n" +                     // 6: not JSON
                                annotated("codepoint", 40, 60, "x") + "\n";     // 7: past the end
    Result<ImportOutput> imported = importText(dir, content);
    REQUIRE_FALSE(imported.ok());
    const Diagnostics& errors = imported.errors();
    REQUIRE(errors.size() == 5);
    for (const Diagnostic& d : errors) CHECK(d.file.find("in.jsonl") != std::string::npos);
    CHECK(errors[0].location == "line 2, annotations[0].spans");
    CHECK(errors[0].message == "annotation a1: expected \"may\", found \"cure\"");
    CHECK(errors[1].location == "line 3, annotations[0].spans[0].start");
    CHECK(errors[1].message == "annotation a1: offset 5 (utf16) falls inside a character");
    CHECK(errors[2].location == "line 5, annotations[0].spans[0].start");
    CHECK(errors[2].message == "annotation a1: offset 5 (byte) falls inside a character");
    CHECK(errors[3].location == "line 6, column 18");  // the end of the line: the object is not closed
    CHECK(errors[3].message.find("invalid JSON") == 0);
    CHECK(errors[4].location == "line 7, annotations[0].spans[0].end");
    CHECK(errors[4].message == "annotation a1: offset 60 (codepoint) is past the end of the text");
}

TEST_CASE("jsonl import: --lenient skips bad annotations and the relations that need them") {
    TempDir dir;
    nlohmann::json line = {
        {"id", "d"},
        {"text", kTeaText},
        {"annotator", "carol"},
        {"annotations",
         {{{"id", "a1"}, {"label", "claim"}, {"spans", {{{"start", 0}, {"end", 27}}}}},
          {{"id", "a2"}, {"label", "hedge"}, {"spans", {{{"start", 6}, {"end", 9}}}}, {"text", "mya"}},
          {{"id", "a3"}, {"label", "caveat"}, {"spans", {{{"start", 43}, {"end", 48}}}}, {"text", "often"}}}},
        {"relations",
         {{{"id", "r1"}, {"type", "hedges"}, {"from", "a2"}, {"to", "a1"}},
          {{"id", "r2"}, {"type", "qualifies"}, {"from", "a3"}, {"to", "a1"}}}}};
    const std::string content = line.dump() + "\n";

    Result<ImportOutput> strict = importText(dir, content);
    REQUIRE_FALSE(strict.ok());
    REQUIRE(strict.errors().size() == 2);  // the annotation, and the relation that needs it
    CHECK(strict.errors()[1].message == "relation r1: annotation a2 was not imported");

    ImportOptions options;
    options.lenient = true;
    Result<ImportOutput> lenient = importText(dir, content, options);
    REQUIRE_MESSAGE(lenient.ok(), lenient.errorText());
    REQUIRE(lenient->documents.size() == 1);
    const AnnotationSet& set = lenient->documents[0].set;
    CHECK(set.annotator == "carol");
    CHECK(set.annotationCount() == 2);
    CHECK(set.findAnnotation("a1"));
    CHECK_FALSE(set.findAnnotation("a2"));
    CHECK(set.relationCount() == 1);
    CHECK(set.findRelation("r2"));
    REQUIRE(lenient->skipped.size() == 2);
    CHECK(lenient->skipped[0].location == "line 1, annotations[1].spans");
    CHECK(lenient->skipped[0].message == "annotation a2: expected \"mya\", found \"may\"");
    CHECK(lenient->skipped[1].location == "line 1, relations[0]");
}

TEST_CASE("jsonl import: unknown labels and attributes extend the set's schema, with a notice") {
    TempDir dir;
    nlohmann::json line = {{"id", "d"},
                           {"text", "Rumour has it."},
                           {"annotations",
                            {{{"label", "rumour"},
                              {"spans", {{{"start", 0}, {"end", 6}}}},
                              {"attributes", {{"source", "forum"}, {"strength", 9}}}}}}};
    Result<ImportOutput> imported = importText(dir, line.dump());
    REQUIRE_MESSAGE(imported.ok(), imported.errorText());
    const AnnotationSet& set = imported->documents[0].set;
    CHECK(set.annotator == "imported");
    REQUIRE(set.schema.findLabel("rumour"));
    REQUIRE(set.annotationCount() == 1);
    CHECK(set.annotations()[0].id == "a1");
    CHECK(std::get<std::string>(set.annotations()[0].attributes.at("source")) == "forum");
    CHECK(std::get<std::int64_t>(set.annotations()[0].attributes.at("strength")) == 9);
    REQUIRE(imported->notices.size() >= 2);
    CHECK(imported->notices[0].find("label \"rumour\" is not in the schema") != std::string::npos);
}

TEST_CASE("jsonl import: a sha256 that does not match the text is an error") {
    TempDir dir;
    nlohmann::json line = {{"id", "d"}, {"text", "abc"}, {"sha256", "0000"}, {"annotations", nlohmann::json::array()}};
    Result<ImportOutput> imported = importText(dir, "\n" + line.dump() + "\n");
    REQUIRE_FALSE(imported.ok());
    CHECK(imported.errors()[0].location == "line 2, sha256");
    CHECK(imported.errors()[0].message.find("does not match the text") == 0);
}
