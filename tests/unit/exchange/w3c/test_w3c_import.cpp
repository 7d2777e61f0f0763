// test_w3c_import.cpp — W3C Web Annotation import: claimmark's own export read back (round
// trip), annotations from other tools (quote-only targets, tagging bodies, pages, single
// annotations), where the text comes from, and how bad input is reported.
//
// [SECTION] Helpers and fixtures
// [SECTION] Round trip
// [SECTION] Other tools' annotations
// [SECTION] Which text
// [SECTION] Bad input: strict and lenient
#include "core/exchange/exchange_formats.h"

#include "core/model/covered_text.h"

#include "exchange/exchange_fixtures.h"
#include "fixtures.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <tuple>

using namespace claimmark;
using exchange_fixtures::add;
using exchange_fixtures::anyContains;
using exchange_fixtures::kArticleText;
using fixtures::annotation;
using fixtures::makeDocument;
using fixtures::relation;
using fixtures::TempDir;
using fixtures::writeFile;

// =====================================================================================
// [SECTION] Helpers and fixtures
// =====================================================================================

namespace {

// The article is kArticleText (exchange_fixtures.h counts its offsets).

// "may" three times; code points (🌿 is one):
//   "It may help. 🌿 It may not.\r\nIt may."
//    I0 t1 _2 m3 a4 y5 _6 h7 e8 l9 p10 .11 _12 🌿13 _14 I15 t16 _17 m18 a19 y20 _21 n22 o23 t24
//    .25 \r26 \n27 I28 t29 _30 m31 a32 y33 .34        (35 code points)
const std::string kMayText = "It may help. \xF0\x9F\x8C\xBF It may not.\r\nIt may.";

ExportSource unicodeSource() {
    Document doc = makeDocument(kArticleText, "article.txt");
    AnnotationSet set = exchange_fixtures::setOver(doc);
    Annotation claim = annotation("a1", "claim", 9, 23);
    claim.attributes["strength"] = std::int64_t(2);
    claim.attributes["verdict"] = std::string("misleading");
    claim.attributes["checkworthy"] = true;
    claim.note = "ask for the \"study\"\nline\ttwo \\ \x01 end";  // every JSON escape
    claim.created = "2026-03-01T10:00:00Z";
    claim.modified = "2026-03-02T11:30:00Z";
    add(set, doc, claim);
    Annotation hedge = annotation("a2", "hedge", 9, 12);
    hedge.attributes["kind"] = std::string("modal");
    add(set, doc, hedge);
    add(set, doc, annotation("a3", "evidence", 25, 34));
    add(set, doc, annotation("a4", "caveat", std::vector<Span>{{40, 44}, {55, 62}}));
    add(set, doc, annotation("a5", "claim", 18, 30));
    REQUIRE(set.addRelation(relation("r1", "hedges", "a2", "a1")).ok());
    REQUIRE(set.addRelation(relation("r2", "qualifies", "a4", "a1")).ok());
    REQUIRE(set.addRelation(relation("r3", "supports", "a3", "a5")).ok());
    return ExportSource{"alice.json", "article", std::move(doc), std::move(set)};
}

// Writes an export into `dir` as the CLI would.
void writeExport(const std::vector<ExportSource>& sources, const std::filesystem::path& dir) {
    Result<ExportOutput> out = exportW3c(sources, ExportOptions{});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    for (const ExportFile& f : out->files) writeFile(dir / f.relativePath, f.content);
}

Result<ImportOutput> importOne(const std::filesystem::path& input, ImportOptions options = {}) {
    return importW3c({input}, options);
}

// A generic (non-claimmark) annotation on `source` with the given selectors and bodies.
std::string genericAnnotation(const std::string& id, const std::string& selectors, const std::string& bodies,
                              const std::string& source = "article.txt") {
    return R"({"@context": "http://www.w3.org/ns/anno.jsonld", "id": ")" + id + R"(", "type": "Annotation", "body": )" +
           bodies + R"(, "target": {"source": ")" + source + R"(", "selector": )" + selectors + "}}";
}

std::string quote(const std::string& exact, const std::string& prefix = "", const std::string& suffix = "") {
    std::string out = R"({"type": "TextQuoteSelector", "exact": ")" + exact + "\"";
    if (!prefix.empty()) out += R"(, "prefix": ")" + prefix + "\"";
    if (!suffix.empty()) out += R"(, "suffix": ")" + suffix + "\"";
    return out + "}";
}

std::string position(std::size_t start, std::size_t end) {
    return R"({"type": "TextPositionSelector", "start": )" + std::to_string(start) + R"(, "end": )" +
           std::to_string(end) + "}";
}

std::string tag(const std::string& label) {
    return R"({"type": "TextualBody", "purpose": "tagging", "value": ")" + label + "\"}";
}

}  // namespace

// =====================================================================================
// [SECTION] Round trip
// =====================================================================================

TEST_CASE("w3c import: export then import gives back labels, spans, attributes, notes and relations") {
    TempDir dir;
    const std::vector<ExportSource> sources{unicodeSource()};
    writeExport(sources, dir.path());

    Result<ImportOutput> in = importOne(dir / "article.jsonld");  // no --article: the copy beside it
    REQUIRE_MESSAGE(in.ok(), in.errorText());
    CHECK(in->skipped.empty());
    REQUIRE(in->documents.size() == 1);
    const ImportedDocument& doc = in->documents[0];
    CHECK(doc.stem == "article");
    CHECK(doc.text == kArticleText);
    CHECK(doc.articlePath == dir / "article.txt");
    CHECK(doc.set.document.sha256 == sources[0].document.sha256());
    CHECK(doc.set.annotator == "alice");

    const AnnotationSet& original = sources[0].set;
    REQUIRE(doc.set.annotationCount() == original.annotationCount());
    for (const Annotation& a : original.annotations()) {
        CAPTURE(a.id);
        const Annotation* back = doc.set.findAnnotation(a.id);  // claimmark ids are kept
        REQUIRE(back);
        CHECK(back->label == a.label);
        CHECK(back->spans == a.spans);
        CHECK(back->text == a.text);
        CHECK(back->attributes == a.attributes);
        CHECK(back->note == a.note);
        CHECK(back->origin == "imported");
    }
    CHECK(doc.set.findAnnotation("a1")->created == "2026-03-01T10:00:00Z");
    CHECK(doc.set.findAnnotation("a1")->modified == "2026-03-02T11:30:00Z");
    // The discontinuous caveat came back as one annotation.
    CHECK(doc.set.findAnnotation("a4")->spans == std::vector<Span>{{40, 44}, {55, 62}});

    std::set<std::tuple<std::string, std::string, std::string>> relations;
    for (const Relation& r : doc.set.relations()) relations.insert({r.type, r.from, r.to});
    CHECK(relations == std::set<std::tuple<std::string, std::string, std::string>>{
                           {"hedges", "a2", "a1"}, {"qualifies", "a4", "a1"}, {"supports", "a3", "a5"}});
    // Nothing was added to the schema: every label and attribute was known.
    CHECK_FALSE(anyContains(in->notices, "not in the schema"));
}

TEST_CASE("w3c import: a folder reads every .jsonld in it; an empty collection still finds its article") {
    TempDir dir;
    ExportSource full = unicodeSource();
    Document emptyDoc = makeDocument("Nothing marked here.", "empty.txt");
    AnnotationSet emptySet;
    emptySet.annotator = "carol";
    emptySet.document.sha256 = emptyDoc.sha256();
    emptySet.document.length = emptyDoc.length();
    const std::vector<ExportSource> sources{std::move(full),
                                            ExportSource{"c.json", "empty", std::move(emptyDoc), emptySet}};
    writeExport(sources, dir.path());

    Result<ImportOutput> in = importW3c({dir.path()}, ImportOptions{});
    REQUIRE_MESSAGE(in.ok(), in.errorText());
    REQUIRE(in->documents.size() == 2);
    CHECK(in->documents[0].stem == "article");
    CHECK(in->documents[1].stem == "empty");
    CHECK(in->documents[1].text == "Nothing marked here.");
    CHECK(in->documents[1].set.annotationCount() == 0);
}

// =====================================================================================
// [SECTION] Other tools' annotations
// =====================================================================================

TEST_CASE("w3c import: a quote without a position is found, prefix and suffix telling repeats apart") {
    TempDir dir;
    writeFile(dir / "article.txt", kMayText);
    const std::string input =
        "[" + genericAnnotation("http://x.org/1", quote("may", "\xF0\x9F\x8C\xBF It ", " not"), tag("hedge")) + ",\n" +
        genericAnnotation("http://x.org/2", quote("may", "", "."), tag("hedge")) + ",\n" +
        genericAnnotation("http://x.org/3", "[" + quote("It may help.") + "]", tag("claim")) + "]";
    writeFile(dir / "hyp.json", input);

    Result<ImportOutput> in = importOne(dir / "hyp.json");
    REQUIRE_MESSAGE(in.ok(), in.errorText());
    REQUIRE(in->documents.size() == 1);
    const AnnotationSet& set = in->documents[0].set;
    REQUIRE(set.annotationCount() == 3);
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (const Annotation* a : set.inDocumentOrder()) spans.push_back({a->start(), a->end()});
    // "It may help." [0,12); the "may" after 🌿 + CRLF-free context [18,21); the last [31,34).
    CHECK(spans == std::vector<std::pair<std::size_t, std::size_t>>{{0, 12}, {18, 21}, {31, 34}});
    CHECK(set.annotator == "imported");  // no creator, no --annotator
}

TEST_CASE("w3c import: an ambiguous or missing quote is an error naming the file and place") {
    TempDir dir;
    writeFile(dir / "article.txt", kMayText);
    const std::string input = "[" + genericAnnotation("http://x.org/1", quote("may"), tag("hedge")) + ",\n" +
                              genericAnnotation("http://x.org/2", quote("cure"), tag("claim")) + ",\n" +
                              genericAnnotation("http://x.org/3", quote("may", "Nope "), tag("hedge")) + "]";
    writeFile(dir / "hyp.json", input);
    Result<ImportOutput> in = importOne(dir / "hyp.json");
    REQUIRE_FALSE(in.ok());
    REQUIRE(in.errors().size() == 3);
    CHECK(in.errors()[0].file == (dir / "hyp.json").string());
    CHECK(in.errors()[0].location == "[0].target");
    CHECK(in.errors()[0].message.find("occurs 3 times") != std::string::npos);
    CHECK(in.errors()[1].location == "[1].target");
    CHECK(in.errors()[1].message.find("\"cure\" is not in the article") != std::string::npos);
    CHECK(in.errors()[2].message.find("never with the given prefix and suffix") != std::string::npos);
}

TEST_CASE("w3c import: positions count code points (emoji one, CRLF two) and must match the quote") {
    TempDir dir;
    writeFile(dir / "article.txt", kMayText);
    // [31,34) is the third "may", after the emoji and the CRLF.
    writeFile(dir / "good.json",
              genericAnnotation("http://x.org/1", "[" + quote("may") + ", " + position(31, 34) + "]", tag("hedge")));
    Result<ImportOutput> good = importOne(dir / "good.json");
    REQUIRE_MESSAGE(good.ok(), good.errorText());
    const Annotation& a = good->documents[0].set.annotations().at(0);
    CHECK(a.spans == std::vector<Span>{{31, 34}});
    CHECK(a.text == "may");
    CHECK(a.prefix == "It may help. \xF0\x9F\x8C\xBF It may not.\r\nIt ");

    // Counted in UTF-16 (the emoji as two) the same quote would be at [32,35): found "ay.".
    writeFile(dir / "utf16.json",
              genericAnnotation("http://x.org/1", "[" + quote("may") + ", " + position(32, 35) + "]", tag("hedge")));
    Result<ImportOutput> bad = importOne(dir / "utf16.json");
    REQUIRE_FALSE(bad.ok());
    REQUIRE(bad.errors().size() == 1);
    CHECK(bad.errors()[0].location == "target");
    CHECK(bad.errors()[0].message == "expected \"may\", found \"ay.\"");

    writeFile(dir / "past.json", genericAnnotation("http://x.org/1", position(30, 36), tag("hedge")));
    Result<ImportOutput> past = importOne(dir / "past.json");
    REQUIRE_FALSE(past.ok());
    CHECK(past.errorText().find("ends past the end of the text (35 code points)") != std::string::npos);

    writeFile(dir / "negative.json",
              genericAnnotation("http://x.org/1", R"({"type": "TextPositionSelector", "start": -1, "end": 3})",
                                tag("hedge")));
    Result<ImportOutput> negative = importOne(dir / "negative.json");
    REQUIRE_FALSE(negative.ok());
    CHECK(negative.errorText().find("whole numbers") != std::string::npos);
}

TEST_CASE("w3c import: an AnnotationPage with tagging and comment bodies, creators and new labels") {
    TempDir dir;
    writeFile(dir / "article.txt", kMayText);
    const std::string page =
        R"({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage", "items": [)" +
        std::string(R"({"id": "urn:x:1", "type": "Annotation", "creator": {"type": "Person", "name": "bob"},
            "body": [{"type": "TextualBody", "purpose": "tagging", "value": "opinion"},
                     {"type": "TextualBody", "purpose": "commenting", "value": "sounds like advice"}],
            "target": {"source": "article.txt", "selector": {"type": "TextPositionSelector", "start": 0, "end": 12}}},)") +
        R"({"id": "urn:x:2", "type": ["Annotation"], "creator": "dana", "bodyValue": "plain comment",
            "body": {"type": "TextualBody", "purpose": "classifying", "value": "hedge"},
            "target": {"source": "article.txt", "selector": {"type": "TextQuoteSelector", "exact": "may", "suffix": " not"}}}]})";
    writeFile(dir / "page.jsonld", page);

    Result<ImportOutput> in = importOne(dir / "page.jsonld");
    REQUIRE_MESSAGE(in.ok(), in.errorText());
    const AnnotationSet& set = in->documents.at(0).set;
    REQUIRE(set.annotationCount() == 2);
    const Annotation* opinion = exchange_fixtures::withText(set, "It may help.");
    REQUIRE(opinion);
    CHECK(opinion->label == "opinion");
    CHECK(opinion->note == "sounds like advice");
    const Annotation* hedge = exchange_fixtures::withText(set, "may");
    REQUIRE(hedge);
    CHECK(hedge->spans == std::vector<Span>{{18, 21}});
    CHECK(hedge->note == "plain comment");
    CHECK(set.schema.findLabel("opinion"));
    CHECK(anyContains(in->notices, "label \"opinion\" is not in the schema"));
    CHECK(set.annotator == "bob");
    CHECK(anyContains(in->notices, "2 different creators"));

    ImportOptions named;
    named.annotator = "erin";
    Result<ImportOutput> renamed = importOne(dir / "page.jsonld", named);
    REQUIRE(renamed.ok());
    CHECK(renamed->documents.at(0).set.annotator == "erin");
}

TEST_CASE("w3c import: a single annotation with several targets becomes one discontinuous annotation") {
    TempDir dir;
    writeFile(dir / "article.txt", kMayText);
    writeFile(dir / "one.json",
              R"({"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:1", "type": "Annotation",
        "body": {"type": "TextualBody", "purpose": "tagging", "value": "hedge"},
        "target": [{"source": "article.txt", "selector": {"type": "TextPositionSelector", "start": 31, "end": 34}},
                   {"source": "article.txt", "selector": {"type": "TextPositionSelector", "start": 3, "end": 6}}]})");
    Result<ImportOutput> in = importOne(dir / "one.json");
    REQUIRE_MESSAGE(in.ok(), in.errorText());
    const Annotation& a = in->documents.at(0).set.annotations().at(0);
    CHECK(a.spans == std::vector<Span>{{3, 6}, {31, 34}});
    CHECK(a.text == "may may");
}

// =====================================================================================
// [SECTION] Which text
// =====================================================================================

TEST_CASE("w3c import: the text comes from --article, or from a local source relative to the input") {
    TempDir dir;
    writeFile(dir / "texts" / "my article.txt", kMayText);
    writeFile(dir / "rel.json", genericAnnotation("urn:x:1", position(3, 6), tag("hedge"), "texts/my%20article.txt"));
    Result<ImportOutput> rel = importOne(dir / "rel.json");
    REQUIRE_MESSAGE(rel.ok(), rel.errorText());
    CHECK(rel->documents.at(0).articlePath == dir / "texts" / "my article.txt");
    CHECK(rel->documents.at(0).set.annotations().at(0).text == "may");

    const std::string fileUri = "file://" + (dir / "texts" / "my%20article.txt").string();
    writeFile(dir / "uri.json", genericAnnotation("urn:x:1", position(3, 6), tag("hedge"), fileUri));
    Result<ImportOutput> uri = importOne(dir / "uri.json");
    REQUIRE_MESSAGE(uri.ok(), uri.errorText());

    writeFile(dir / "web.json", genericAnnotation("urn:x:1", position(3, 6), tag("hedge"), "https://example.org/a"));
    Result<ImportOutput> web = importOne(dir / "web.json");
    REQUIRE_FALSE(web.ok());
    CHECK(web.errors().at(0).location == "target.source");
    CHECK(web.errors().at(0).message.find("--article") != std::string::npos);

    ImportOptions options;
    options.article = dir / "texts" / "my article.txt";
    Result<ImportOutput> given = importOne(dir / "web.json", options);
    REQUIRE_MESSAGE(given.ok(), given.errorText());
    CHECK(given->documents.at(0).stem == "web");
    CHECK(given->documents.at(0).set.annotations().at(0).spans == std::vector<Span>{{3, 6}});

    writeFile(dir / "missing.json", genericAnnotation("urn:x:1", position(3, 6), tag("hedge"), "nowhere.txt"));
    Result<ImportOutput> missing = importOne(dir / "missing.json");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.errorText().find("cannot read the article") != std::string::npos);
}

TEST_CASE("w3c import: an article that is not the exported one is noticed, spans checked by their quotes") {
    TempDir dir;
    const std::vector<ExportSource> sources{unicodeSource()};
    writeExport(sources, dir.path());
    // Same text with one word changed after every annotation: positions still fit.
    writeFile(dir / "article.txt", kArticleText.substr(0, kArticleText.size() - 3) + "no.");
    Result<ImportOutput> in = importOne(dir / "article.jsonld");
    REQUIRE_MESSAGE(in.ok(), in.errorText());
    CHECK(anyContains(in->notices, "SHA-256 differs"));
}

// =====================================================================================
// [SECTION] Bad input: strict and lenient
// =====================================================================================

TEST_CASE("w3c import: strict mode reports every bad annotation and imports nothing") {
    TempDir dir;
    const std::vector<ExportSource> sources{unicodeSource()};
    writeExport(sources, dir.path());
    nlohmann::json collection = nlohmann::json::parse(fixtures::readFile(dir / "article.jsonld"));
    nlohmann::json& items = collection["first"]["items"];
    // Break a1 (the first item): its quote no longer matches its position.
    REQUIRE(items[0]["target"]["selector"][0]["exact"] == "may ease pain.");
    items[0]["target"]["selector"][0]["exact"] = "may cure pain.";
    // Break a3 (the fourth): its start moves past its end.
    REQUIRE(items[3]["target"]["selector"][1]["start"] == 25);
    items[3]["target"]["selector"][1]["start"] = 90;
    writeFile(dir / "article.jsonld", collection.dump(2));

    Result<ImportOutput> strict = importOne(dir / "article.jsonld");
    REQUIRE_FALSE(strict.ok());
    REQUIRE(strict.errors().size() == 2);
    CHECK(strict.errors()[0].location == "first.items[0].target");
    CHECK(strict.errors()[0].message == "expected \"may cure pain.\", found \"may ease pain.\"");
    CHECK(strict.errors()[1].location == "first.items[3].target");
    CHECK(strict.errors()[1].message.find("empty or reversed") != std::string::npos);

    ImportOptions lenient;
    lenient.lenient = true;
    Result<ImportOutput> kept = importOne(dir / "article.jsonld", lenient);
    REQUIRE_MESSAGE(kept.ok(), kept.errorText());
    const AnnotationSet& set = kept->documents.at(0).set;
    CHECK(set.annotationCount() == 3);  // a2, a4, a5
    CHECK_FALSE(set.findAnnotation("a1"));
    CHECK_FALSE(set.findAnnotation("a3"));
    // r1, r2 point at a1 and r3 comes from a3: all three skipped and listed.
    CHECK(set.relationCount() == 0);
    REQUIRE(kept->skipped.size() == 5);
    CHECK(kept->skipped[0].message.find("expected") != std::string::npos);
    for (std::size_t i = 2; i < 5; ++i) CHECK(kept->skipped[i].message.find("left out") != std::string::npos);
}

TEST_CASE("w3c import: a missing fragment, a missing label and unreadable JSON are errors") {
    TempDir dir;
    const std::vector<ExportSource> sources{unicodeSource()};
    writeExport(sources, dir.path());
    nlohmann::json collection = nlohmann::json::parse(fixtures::readFile(dir / "article.jsonld"));
    nlohmann::json& items = collection["first"]["items"];
    // Drop a4's second fragment (items: a1, a2, a5, a3, a4:1, a4:2, r1, r2, r3).
    REQUIRE(items[5]["id"] == "urn:claimmark:article:annotation:a4:fragment:2");
    items.erase(5);
    items[1]["body"] = nlohmann::json::array();  // a2 loses its label
    writeFile(dir / "article.jsonld", collection.dump());
    ImportOptions lenient;
    lenient.lenient = true;
    Result<ImportOutput> in = importOne(dir / "article.jsonld", lenient);
    REQUIRE_MESSAGE(in.ok(), in.errorText());
    const std::string skipped = joinDiagnostics(in->skipped);
    CHECK(skipped.find("first.items[1].body: no label") != std::string::npos);
    CHECK(skipped.find("annotation \"a4\" has 1 of its 2 fragments") != std::string::npos);
    CHECK(in->documents.at(0).set.annotationCount() == 3);

    writeFile(dir / "broken.json", "[\n{\"type\": \"Annotation\",\n \"target\": }\n]");
    Result<ImportOutput> broken = importOne(dir / "broken.json");
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.errors().at(0).location == "line 3, column 12");
    CHECK(broken.errors().at(0).message.find("invalid JSON") == 0);

    writeFile(dir / "ref.json",
              R"({"type": "AnnotationCollection", "id": "urn:c", "first": "https://example.org/page1"})");
    Result<ImportOutput> ref = importOne(dir / "ref.json");
    REQUIRE_FALSE(ref.ok());
    CHECK(ref.errors().at(0).location == "first");
}

TEST_CASE("w3c import: a target source outside the input's folder is not read, unless --article names it") {
    TempDir dir;
    std::filesystem::create_directories(dir / "in");
    writeFile(dir / "secret.txt", kMayText);
    for (const std::string& source : {std::string("../secret.txt"), "file://" + (dir / "secret.txt").string()}) {
        CAPTURE(source);
        writeFile(dir / "in" / "hyp.json",
                  "[" + genericAnnotation("http://x.org/1", quote("may", "", "."), tag("hedge"), source) + "]");
        Result<ImportOutput> refused = importOne(dir / "in" / "hyp.json");
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.errorText().find("leads outside the folder") != std::string::npos);
        ImportOptions options;
        options.article = dir / "secret.txt";
        CHECK(importOne(dir / "in" / "hyp.json", options).ok());
    }
}
