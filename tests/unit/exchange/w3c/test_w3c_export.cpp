// test_w3c_export.cpp — W3C Web Annotation export: the structure the model requires (checked
// here by hand, since the W3C suite's validator is not available to the project's tests),
// code point positions on emoji / combining marks / CJK / Hebrew / CRLF, fragments of
// discontinuous annotations, relations, orphans, determinism.
//
// [SECTION] Fixture: the Unicode article and its set
// [SECTION] Structure of every exported annotation
// [SECTION] Positions and quotes
// [SECTION] Fragments and relations
// [SECTION] Orphans, options, determinism
#include "core/exchange/exchange_formats.h"

#include "core/model/covered_text.h"

#include "exchange/exchange_fixtures.h"
#include "fixtures.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

using namespace claimmark;
using fixtures::annotation;
using fixtures::makeDocument;
using fixtures::relation;
using json = nlohmann::json;
using exchange_fixtures::add;
using exchange_fixtures::kArticleText;

// =====================================================================================
// [SECTION] Fixture: the Unicode article and its set
// =====================================================================================

namespace {

// The article is kArticleText (exchange_fixtures.h counts its offsets).

Annotation withTimes(Annotation a) {
    a.created = "2026-03-01T10:00:00Z";
    a.modified = "2026-03-02T11:30:00Z";
    return a;
}

ExportSource unicodeSource() {
    Document doc = makeDocument(kArticleText, "article.txt");
    AnnotationSet set = exchange_fixtures::setOver(doc);
    set.document.path = "article.txt";
    Annotation claim = withTimes(annotation("a1", "claim", 9, 23));
    claim.attributes["strength"] = std::int64_t(2);
    claim.attributes["verdict"] = std::string("misleading");
    claim.note = "ask for the study";
    add(set, doc, claim);
    add(set, doc, annotation("a2", "hedge", 9, 12));
    add(set, doc, annotation("a3", "evidence", 25, 34));
    add(set, doc, annotation("a4", "caveat", std::vector<Span>{{40, 44}, {55, 62}}));
    add(set, doc, annotation("a5", "claim", 18, 30));  // crosses the CRLF
    REQUIRE(set.addRelation(relation("r1", "hedges", "a2", "a1")).ok());
    REQUIRE(set.addRelation(relation("r2", "qualifies", "a4", "a1")).ok());
    return ExportSource{"sets/alice.json", "article", std::move(doc), std::move(set)};
}

json exportedCollection(const std::vector<ExportSource>& sources, std::size_t index = 0) {
    Result<ExportOutput> out = exportW3c(sources, ExportOptions{});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    REQUIRE(out->files.size() == 2 * sources.size());
    return json::parse(out->files[2 * index].content);
}

std::vector<json> itemsOf(const json& collection) {
    return collection.at("first").at("items").get<std::vector<json>>();
}

const json* itemWithId(const std::vector<json>& items, const std::string& id) {
    for (const json& item : items)
        if (item.value("id", "") == id) return &item;
    return nullptr;
}

const json* selectorOfType(const json& item, const std::string& type) {
    for (const json& s : item.at("target").at("selector"))
        if (s.value("type", "") == type) return &s;
    return nullptr;
}

bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

// =====================================================================================
// [SECTION] Structure of every exported annotation
// =====================================================================================

TEST_CASE("w3c export: files are <stem>.jsonld and the article copy <stem>.txt") {
    std::vector<ExportSource> sources{unicodeSource()};
    Result<ExportOutput> out = exportW3c(sources, ExportOptions{});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    REQUIRE(out->files.size() == 2);
    CHECK(out->files[0].relativePath == "article.jsonld");
    CHECK(out->files[1].relativePath == "article.txt");
    CHECK(out->files[1].content == kArticleText);  // byte for byte, CRLF kept
}

TEST_CASE("w3c export: the collection and each item carry the keys the model requires") {
    std::vector<ExportSource> sources{unicodeSource()};
    const json collection = exportedCollection(sources);
    CHECK(collection.at("@context").at(0) == "http://www.w3.org/ns/anno.jsonld");
    CHECK(collection.at("type") == "AnnotationCollection");
    CHECK(collection.at("id") == "urn:claimmark:article");
    CHECK(collection.at("label") == "article");
    CHECK(collection.at("claimmark:article") == "article.txt");
    CHECK(collection.at("first").at("type") == "AnnotationPage");
    const std::vector<json> items = itemsOf(collection);
    // a1, a2, a3, a5 one each, a4 two fragments, two relations.
    CHECK(items.size() == 8);
    CHECK(collection.at("total") == 8);

    std::set<std::string> ids;
    for (const json& item : items) {
        CAPTURE(item.dump());
        // 3.1: @context has the anno context; a single id that is an IRI; type Annotation.
        REQUIRE(item.at("@context").is_array());
        CHECK(item.at("@context").at(0) == "http://www.w3.org/ns/anno.jsonld");
        REQUIRE(item.at("id").is_string());
        CHECK(startsWith(item.at("id").get<std::string>(), "urn:claimmark:article:"));
        CHECK(ids.insert(item.at("id").get<std::string>()).second);
        CHECK(item.at("type") == "Annotation");
        // body and target present; never both body and bodyValue.
        REQUIRE(item.contains("target"));
        REQUIRE(item.at("body").is_array());
        CHECK_FALSE(item.contains("bodyValue"));
        for (const json& body : item.at("body")) {
            const std::string type = body.at("type").get<std::string>();
            if (type == "TextualBody") {
                CHECK(body.at("value").is_string());
                CHECK(body.at("purpose").is_string());
            } else {
                CHECK(type == "SpecificResource");
                CHECK(body.at("source").is_string());
                CHECK_FALSE(body.contains("value"));
            }
        }
        CHECK(item.at("creator").at("name") == "alice");
        if (item.at("motivation") == "classifying") {
            const json& target = item.at("target");
            CHECK(target.at("source") == "article.txt");
            CHECK(target.at("claimmark:sha256") == sources[0].document.sha256());
            const json* quote = selectorOfType(item, "TextQuoteSelector");
            const json* position = selectorOfType(item, "TextPositionSelector");
            REQUIRE(quote);
            REQUIRE(position);
            CHECK(quote->at("exact").is_string());
            CHECK(position->at("start").is_number_unsigned());
            CHECK(position->at("end").is_number_unsigned());
            // exact is the text at the position (code points).
            const std::size_t start = position->at("start"), end = position->at("end");
            CHECK(quote->at("exact") == std::string(sources[0].document.slice(start, end)));
        } else {
            CHECK(item.at("motivation") == "linking");
        }
    }
}

TEST_CASE("w3c export: label, attributes and note become bodies with purposes") {
    std::vector<ExportSource> sources{unicodeSource()};
    const std::vector<json> items = itemsOf(exportedCollection(sources));
    const json* a1 = itemWithId(items, "urn:claimmark:article:annotation:a1");
    REQUIRE(a1);
    const json& body = a1->at("body");
    REQUIRE(body.size() == 4);
    CHECK(body[0] == json::parse(R"({"type":"TextualBody","purpose":"classifying","value":"claim"})"));
    CHECK(body[1] == json::parse(R"({"type":"TextualBody","purpose":"describing","value":"strength: 2",
                                     "claimmark:attribute":"strength","claimmark:value":2})"));
    CHECK(body[2] == json::parse(R"({"type":"TextualBody","purpose":"describing","value":"verdict: misleading",
                                     "claimmark:attribute":"verdict","claimmark:value":"misleading"})"));
    CHECK(body[3] == json::parse(R"({"type":"TextualBody","purpose":"commenting","value":"ask for the study"})"));
    CHECK(a1->at("created") == "2026-03-01T10:00:00Z");
    CHECK(a1->at("modified") == "2026-03-02T11:30:00Z");
    CHECK(a1->at("claimmark:annotation") == "a1");
    CHECK_FALSE(a1->contains("claimmark:fragments"));
    // a2 has no attributes and no note: just the label.
    const json* a2 = itemWithId(items, "urn:claimmark:article:annotation:a2");
    REQUIRE(a2);
    CHECK(a2->at("body").size() == 1);
    CHECK_FALSE(a2->contains("created"));
}

// =====================================================================================
// [SECTION] Positions and quotes
// =====================================================================================

TEST_CASE("w3c export: positions are code points on emoji, combining marks, CJK, Hebrew and CRLF") {
    std::vector<ExportSource> sources{unicodeSource()};
    const std::vector<json> items = itemsOf(exportedCollection(sources));
    struct Expected {
        const char* id;
        std::size_t start, end;
        std::string exact;
    };
    const Expected expected[] = {
        {"urn:claimmark:article:annotation:a1", 9, 23, "may ease pain."},
        {"urn:claimmark:article:annotation:a2", 9, 12, "may"},
        {"urn:claimmark:article:annotation:a3", 25, 34, "Cafe\xCC\x81 \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"},
        {"urn:claimmark:article:annotation:a4:fragment:1", 40, 44, "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"},
        {"urn:claimmark:article:annotation:a4:fragment:2", 55, 62, "suggest"},
        {"urn:claimmark:article:annotation:a5", 18, 30, "pain.\r\nCafe\xCC\x81"},
    };
    for (const Expected& e : expected) {
        CAPTURE(e.id);
        const json* item = itemWithId(items, e.id);
        REQUIRE(item);
        const json* position = selectorOfType(*item, "TextPositionSelector");
        const json* quote = selectorOfType(*item, "TextQuoteSelector");
        REQUIRE(position);
        REQUIRE(quote);
        CHECK(position->at("start") == e.start);
        CHECK(position->at("end") == e.end);
        CHECK(quote->at("exact") == e.exact);
    }
}

TEST_CASE("w3c export: prefix and suffix are up to 32 code points, left out at the text's edges") {
    std::vector<ExportSource> sources{unicodeSource()};
    const std::vector<json> items = itemsOf(exportedCollection(sources));
    const json* a1 = itemWithId(items, "urn:claimmark:article:annotation:a1");
    REQUIRE(a1);
    const json* quote = selectorOfType(*a1, "TextQuoteSelector");
    REQUIRE(quote);
    // Before code point 9: only 9 code points exist.
    CHECK(quote->at("prefix") == "Kratom \xF0\x9F\x8C\xBF ");
    // [23, 55): 32 code points, CRLFs included.
    CHECK(quote->at("suffix") ==
          "\r\nCafe\xCC\x81 \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E says "
          "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D.\r\nStudies ");
    // The fragment ending at the text's end would have no suffix; a4's second fragment
    // ends at 62 of 66, so its suffix is " so.".
    const json* a4b = itemWithId(items, "urn:claimmark:article:annotation:a4:fragment:2");
    REQUIRE(a4b);
    CHECK(selectorOfType(*a4b, "TextQuoteSelector")->at("suffix") == " so.");

    Document doc = makeDocument("Whole text.", "w.txt");
    AnnotationSet set;
    set.document.sha256 = doc.sha256();
    set.document.length = doc.length();
    add(set, doc, annotation("a1", "claim", 0, 11));
    std::vector<ExportSource> whole{{"w.json", "w", std::move(doc), std::move(set)}};
    const std::vector<json> wholeItems = itemsOf(exportedCollection(whole));
    REQUIRE(wholeItems.size() == 1);
    const json* only = &wholeItems[0];
    const json* wholeQuote = selectorOfType(*only, "TextQuoteSelector");
    REQUIRE(wholeQuote);
    CHECK_FALSE(wholeQuote->contains("prefix"));
    CHECK_FALSE(wholeQuote->contains("suffix"));
    CHECK_FALSE(only->contains("creator"));  // no annotator, no creator
}

// =====================================================================================
// [SECTION] Fragments and relations
// =====================================================================================

TEST_CASE("w3c export: a discontinuous annotation becomes one annotation per span, linked by claimmark:annotation") {
    std::vector<ExportSource> sources{unicodeSource()};
    const std::vector<json> items = itemsOf(exportedCollection(sources));
    const json* first = itemWithId(items, "urn:claimmark:article:annotation:a4:fragment:1");
    const json* second = itemWithId(items, "urn:claimmark:article:annotation:a4:fragment:2");
    REQUIRE(first);
    REQUIRE(second);
    for (const json* f : {first, second}) {
        CHECK(f->at("claimmark:annotation") == "a4");
        CHECK(f->at("claimmark:fragments") == 2);
        CHECK(f->at("body").at(0).at("value") == "caveat");
    }
    CHECK_FALSE(itemWithId(items, "urn:claimmark:article:annotation:a4"));
}

TEST_CASE("w3c export: a relation is a linking annotation from its target to its linking body") {
    std::vector<ExportSource> sources{unicodeSource()};
    const std::vector<json> items = itemsOf(exportedCollection(sources));
    const json* r1 = itemWithId(items, "urn:claimmark:article:relation:r1");
    const json* r2 = itemWithId(items, "urn:claimmark:article:relation:r2");
    REQUIRE(r1);
    REQUIRE(r2);
    CHECK(r1->at("motivation") == "linking");
    CHECK(r1->at("target") == "urn:claimmark:article:annotation:a2");
    CHECK(r1->at("body").at(0).at("value") == "hedges");
    CHECK(r1->at("body").at(1) == json::parse(R"({"type":"SpecificResource","purpose":"linking",
                                                  "source":"urn:claimmark:article:annotation:a1"})"));
    CHECK(r1->at("claimmark:relation") == "r1");
    // From a discontinuous annotation: its first fragment's IRI.
    CHECK(r2->at("target") == "urn:claimmark:article:annotation:a4:fragment:1");
    // Span annotations come first, in document order; relations after them.
    // Document order: by start, the longer first ([9,23) before [9,12)).
    CHECK(items.at(0).at("id") == "urn:claimmark:article:annotation:a1");
    CHECK(items.at(1).at("id") == "urn:claimmark:article:annotation:a2");
    CHECK(items.at(2).at("id") == "urn:claimmark:article:annotation:a5");
    CHECK(items.at(6).at("id") == "urn:claimmark:article:relation:r1");
    CHECK(items.at(7).at("id") == "urn:claimmark:article:relation:r2");
}

// =====================================================================================
// [SECTION] Orphans, options, determinism
// =====================================================================================

TEST_CASE("w3c export: orphaned annotations and their relations are left out, with a notice") {
    ExportSource source = unicodeSource();
    Annotation orphan = annotation("a9", "claim", 0, 3);
    orphan.orphaned = true;
    orphan.text = "old";
    REQUIRE(source.set.addAnnotation(orphan).ok());
    REQUIRE(source.set.addRelation(relation("r3", "hedges", "a2", "a9")).ok());
    std::vector<ExportSource> sources{std::move(source)};
    Result<ExportOutput> out = exportW3c(sources, ExportOptions{});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    const std::vector<json> items = itemsOf(json::parse(out->files[0].content));
    CHECK(items.size() == 8);
    CHECK_FALSE(itemWithId(items, "urn:claimmark:article:annotation:a9"));
    CHECK_FALSE(itemWithId(items, "urn:claimmark:article:relation:r3"));
    bool noticed = false;
    for (const std::string& n : out->notices)
        noticed = noticed || (n.find("sets/alice.json") != std::string::npos &&
                              n.find("1 orphaned") != std::string::npos && n.find("1 relation") != std::string::npos);
    CHECK(noticed);
}

TEST_CASE("w3c export: offsets are fixed to code points") {
    std::vector<ExportSource> sources{unicodeSource()};
    ExportOptions options;
    options.offsets = OffsetUnit::Utf16;
    Result<ExportOutput> out = exportW3c(sources, options);
    REQUIRE_FALSE(out.ok());
    CHECK(out.errorText().find("code points") != std::string::npos);
}

TEST_CASE("w3c export: same input, same bytes; ids and article names are percent-encoded") {
    std::vector<ExportSource> sources{unicodeSource()};
    sources[0].stem = "my article";
    Result<ExportOutput> first = exportW3c(sources, ExportOptions{});
    Result<ExportOutput> second = exportW3c(sources, ExportOptions{});
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    REQUIRE(first->files.size() == second->files.size());
    for (std::size_t i = 0; i < first->files.size(); ++i) CHECK(first->files[i].content == second->files[i].content);
    CHECK(first->files[0].relativePath == "my article.jsonld");
    const json collection = json::parse(first->files[0].content);
    CHECK(collection.at("id") == "urn:claimmark:my%20article");
    CHECK(itemsOf(collection).at(0).at("target").at("source") == "my%20article.txt");
}
