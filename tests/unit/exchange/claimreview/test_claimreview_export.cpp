// test_claimreview_export.cpp — schema.org ClaimReview export: which claims are written, the
// exact JSON-LD of one review, verdict words and ratings, Unicode claim text, notices.
//
// [SECTION] Fixture
// [SECTION] Which claims
// [SECTION] One review in full
// [SECTION] Verdicts, several documents, determinism
#include "core/exchange/exchange_formats.h"

#include "core/model/covered_text.h"

#include "exchange/exchange_fixtures.h"
#include "fixtures.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

using namespace claimmark;
using fixtures::annotation;
using fixtures::makeDocument;
using json = nlohmann::json;
using exchange_fixtures::add;
using exchange_fixtures::anyContains;
using exchange_fixtures::kArticleText;

// =====================================================================================
// [SECTION] Fixture
// =====================================================================================

namespace {

// The text is kArticleText (exchange_fixtures.h counts its offsets).

Annotation claim(const std::string& id, std::size_t start, std::size_t end, const char* verdict) {
    Annotation a = annotation(id, "claim", start, end);
    if (verdict) a.attributes["verdict"] = std::string(verdict);
    return a;
}

ExportSource source(const std::string& stem = "article") {
    Document doc = makeDocument(kArticleText, "article.txt");
    AnnotationSet set = exchange_fixtures::setOver(doc);
    set.document.path = "../articles/article.txt";
    Annotation a1 = claim("a1", 9, 23, "misleading");
    a1.attributes["strength"] = std::int64_t(2);
    a1.note = "The cited study was on mice.";
    a1.created = "2026-03-01T10:00:00Z";
    a1.modified = "2026-03-02T11:30:00Z";
    add(set, doc, a1);
    Annotation a5 = claim("a5", 18, 30, "accurate");
    a5.created = "2026-03-03T09:00:00Z";
    add(set, doc, a5);
    add(set, doc, claim("a6", 25, 34, "unrated"));
    add(set, doc, claim("a7", 40, 44, nullptr));
    add(set, doc, claim("a8", 47, 66, "unsupported"));
    add(set, doc, annotation("a2", "hedge", 9, 12));
    return ExportSource{"sets/alice.json", stem, std::move(doc), std::move(set)};
}

constexpr const char* kReviewUrl = "https://factcheck.example.org/reviews/{article}";

ExportOptions withReviewUrl() {
    ExportOptions options;
    options.review.reviewUrl = kReviewUrl;
    return options;
}

json exportGraph(const std::vector<ExportSource>& sources, std::vector<std::string>* notices = nullptr,
                 const ExportOptions& options = withReviewUrl()) {
    ExportOutput out = exchange_fixtures::oneFile(exportClaimReview(sources, options));
    if (notices) *notices = out.notices;
    const json root = json::parse(out.files[0].content);
    CHECK(root.at("@context") == "https://schema.org");
    return root.at("@graph");
}

}  // namespace

// =====================================================================================
// [SECTION] Which claims
// =====================================================================================

TEST_CASE("claimreview export: only claims with a verdict other than unrated, in document order") {
    std::vector<std::string> notices;
    const json graph = exportGraph({source()}, &notices);
    REQUIRE(graph.size() == 3);
    CHECK(graph[0].at("@id") == "urn:claimmark:article:annotation:a1");
    CHECK(graph[1].at("@id") == "urn:claimmark:article:annotation:a5");
    CHECK(graph[2].at("@id") == "urn:claimmark:article:annotation:a8");
    // a6 (unrated) and a7 (no verdict).
    CHECK(anyContains(notices, "2 claim(s) have no verdict and were left out"));
}

TEST_CASE("claimreview export: orphaned claims are left out with a notice") {
    ExportSource s = source();
    Annotation orphan = claim("a9", 0, 6, "false");
    orphan.orphaned = true;
    orphan.text = "Kratom";
    REQUIRE(s.set.addAnnotation(orphan).ok());
    std::vector<std::string> notices;
    const json graph = exportGraph({std::move(s)}, &notices);
    CHECK(graph.size() == 3);
    CHECK(anyContains(notices, "sets/alice.json: left out 1 orphaned claim"));
}

// =====================================================================================
// [SECTION] One review in full
// =====================================================================================

TEST_CASE("claimreview export: a review carries claim text, rating, item, author, date and body") {
    const std::string sha = makeDocument(kArticleText).sha256();
    const json expected = json::parse(R"({
        "@type": "ClaimReview",
        "@id": "urn:claimmark:article:annotation:a1",
        "url": "https://factcheck.example.org/reviews/article",
        "claimReviewed": "may ease pain.",
        "reviewRating": {"@type": "Rating", "alternateName": "Misleading",
                         "ratingValue": 2, "worstRating": 1, "bestRating": 5},
        "itemReviewed": {"@type": "Claim",
                         "appearance": {"@type": "CreativeWork", "name": "article.txt",
                                        "identifier": {"@type": "PropertyValue", "propertyID": "sha256",
                                                       "value": ")" +
                                      sha + R"("}}},
        "author": {"@type": "Person", "name": "alice"},
        "datePublished": "2026-03-02T11:30:00Z",
        "reviewBody": "The cited study was on mice."
    })");
    const json graph = exportGraph({source()});
    CHECK(graph.at(0) == expected);
}

TEST_CASE("claimreview export: claim text is the exact covered text across emoji, combining marks and CRLF") {
    const json graph = exportGraph({source()});
    // [18,30): "pain.\r\n" then "Cafe" + U+0301.
    CHECK(graph.at(1).at("claimReviewed") == "pain.\r\nCafe\xCC\x81");
    CHECK(graph.at(1).at("datePublished") == "2026-03-03T09:00:00Z");  // no modified: created
    CHECK_FALSE(graph.at(1).contains("reviewBody"));
    CHECK(graph.at(2).at("claimReviewed") == "Studies suggest so.");

    // A claim over Hebrew and CJK, discontinuous: fragments joined by one space.
    Document doc = makeDocument(kArticleText, "article.txt");
    AnnotationSet set;
    set.document.sha256 = doc.sha256();
    set.document.length = doc.length();
    Annotation a = annotation("c1", "claim", std::vector<Span>{{31, 34}, {40, 44}});
    a.attributes["verdict"] = std::string("false");
    add(set, doc, a);
    const json other = exportGraph({ExportSource{"b.json", "b", std::move(doc), std::move(set)}});
    REQUIRE(other.size() == 1);
    CHECK(other[0].at("claimReviewed") == "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
    CHECK_FALSE(other[0].contains("author"));  // no annotator
    CHECK_FALSE(other[0].contains("datePublished"));
    // No document path: the stem names the article.
    CHECK(other[0].at("itemReviewed").at("appearance").at("name") == "b");
}

// =====================================================================================
// [SECTION] Verdicts, several documents, determinism
// =====================================================================================

TEST_CASE("claimreview export: verdict words and ratings; unsupported and custom verdicts have words only") {
    Document doc = makeDocument("one two three four five six seven", "v.txt");
    AnnotationSet set;
    // A custom schema may add verdicts; they are written as they are.
    for (LabelDef& label : set.schema.labels)
        for (AttributeDef& attribute : label.attributes)
            if (attribute.name == "verdict") attribute.values.push_back("satire");
    set.document.sha256 = doc.sha256();
    set.document.length = doc.length();
    set.document.extra["url"] = "https://example.org/story";
    const char* verdicts[] = {"accurate", "mostly-accurate", "mixed", "misleading", "false", "unsupported", "satire"};
    const std::size_t starts[] = {0, 4, 8, 14, 19, 24, 28};
    const std::size_t ends[] = {3, 7, 13, 18, 23, 27, 33};
    for (int i = 0; i < 7; ++i) add(set, doc, claim("a" + std::to_string(i + 1), starts[i], ends[i], verdicts[i]));
    const json graph = exportGraph({ExportSource{"v.json", "v", std::move(doc), std::move(set)}});
    REQUIRE(graph.size() == 7);
    const char* words[] = {"Accurate", "Mostly accurate", "Mixed", "Misleading", "False", "Unsupported", "satire"};
    const int ratings[] = {5, 4, 3, 2, 1, 0, 0};
    for (int i = 0; i < 7; ++i) {
        CAPTURE(verdicts[i]);
        const json& rating = graph[i].at("reviewRating");
        CHECK(rating.at("alternateName") == words[i]);
        if (ratings[i] > 0) {
            CHECK(rating.at("ratingValue") == ratings[i]);
            CHECK(rating.at("bestRating") == 5);
            CHECK(rating.at("worstRating") == 1);
        } else {
            CHECK_FALSE(rating.contains("ratingValue"));
            CHECK_FALSE(rating.contains("bestRating"));
        }
        CHECK(graph[i].at("itemReviewed").at("appearance").at("url") == "https://example.org/story");
    }
    CHECK(graph[0].at("claimReviewed") == "one");
    CHECK(graph[6].at("claimReviewed") == "seven");
}

TEST_CASE("claimreview export: several sets make one graph; same input, same bytes; empty graph is valid") {
    std::vector<ExportSource> sources{source("article"), source("article-2")};
    Result<ExportOutput> first = exportClaimReview(sources, withReviewUrl());
    Result<ExportOutput> second = exportClaimReview(sources, withReviewUrl());
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    CHECK(first->files[0].content == second->files[0].content);
    const json graph = json::parse(first->files[0].content).at("@graph");
    REQUIRE(graph.size() == 6);
    CHECK(graph[3].at("@id") == "urn:claimmark:article-2:annotation:a1");
    CHECK(graph[0].at("url") == "https://factcheck.example.org/reviews/article");
    CHECK(graph[3].at("url") == "https://factcheck.example.org/reviews/article-2");
    CHECK(anyContains(first->notices, "4 claim(s) have no verdict"));

    Document doc = makeDocument("Nothing.", "n.txt");
    AnnotationSet set;
    set.document.sha256 = doc.sha256();
    set.document.length = doc.length();
    std::vector<ExportSource> nothing;
    nothing.push_back(ExportSource{"n.json", "n", std::move(doc), std::move(set)});
    CHECK(exportGraph(nothing) == json::array());
    // Nothing to review needs no review url.
    CHECK(exportGraph(nothing, nullptr, ExportOptions{}) == json::array());
}

// =====================================================================================
// [SECTION] The article's source record and the fact-check's publisher
// =====================================================================================

TEST_CASE("claimreview export: the source record gives the appearance its url, title, author, date, publisher") {
    ExportSource s = source();
    s.set.document.extra["url"] = "https://example.org/old";  // the record's url wins
    s.origin = {"https://news.example.com/kratom", "Kratom and pain", "Jane Roe", "2026-02-14", "Example News"};
    const json appearance = exportGraph({std::move(s)}).at(0).at("itemReviewed").at("appearance");
    CHECK(appearance.at("url") == "https://news.example.com/kratom");
    CHECK(appearance.at("name") == "Kratom and pain");
    CHECK(appearance.at("author") == json({{"@type", "Person"}, {"name", "Jane Roe"}}));
    CHECK(appearance.at("datePublished") == "2026-02-14");
    CHECK(appearance.at("publisher") == json({{"@type", "Organization"}, {"name", "Example News"}}));
    CHECK(appearance.at("identifier").at("propertyID") == "sha256");

    // A record with a url only: nothing else is made up.
    ExportSource bare = source();
    bare.origin.url = "https://news.example.com/bare";
    const json only = exportGraph({std::move(bare)}).at(0).at("itemReviewed").at("appearance");
    CHECK(only.at("name") == "article.txt");
    CHECK_FALSE(only.contains("author"));
    CHECK_FALSE(only.contains("datePublished"));
    CHECK_FALSE(only.contains("publisher"));
}

TEST_CASE("claimreview export: a publisher is each review's author; without one the notice says so") {
    ExportOptions options = withReviewUrl();
    options.review.publisher = "Example Fact Check";
    options.review.publisherUrl = "https://factcheck.example.org/";
    std::vector<std::string> notices;
    const json graph = exportGraph({source()}, &notices, options);
    CHECK(graph.at(0).at("author") ==
          json({{"@type", "Organization"}, {"name", "Example Fact Check"}, {"url", "https://factcheck.example.org/"}}));
    CHECK_FALSE(anyContains(notices, "no --publisher"));
    exportGraph({source()}, &notices);
    CHECK(anyContains(notices, "no --publisher"));
}

TEST_CASE("claimreview export: Google's required fields are checked before anything is written") {
    auto problemsOf = [](std::vector<ExportSource> sources, const ExportOptions& options) {
        Result<ExportOutput> out = exportClaimReview(sources, options);
        REQUIRE_FALSE(out.ok());
        return joinDiagnostics(out.errors());
    };
    CHECK(problemsOf({source()}, ExportOptions{}).find("requires the fact-check's own url") != std::string::npos);
    ExportOptions notHttp;
    notHttp.review.reviewUrl = "factcheck.example.org/review";
    CHECK(problemsOf({source()}, notHttp).find("is not an http(s) URL") != std::string::npos);
    ExportOptions onePage;
    onePage.review.reviewUrl = "https://factcheck.example.org/review";
    CHECK(problemsOf({source("a"), source("b")}, onePage).find("put {article} in the url") != std::string::npos);
    CHECK(exportClaimReview({source("a")}, onePage).ok());  // one article, one page: fine

    // A claim over white space only has no claimReviewed text.
    ExportSource blank = source();
    Document doc = makeDocument("Claim:   \n\nmore.", "blank.txt");
    AnnotationSet set = exchange_fixtures::setOver(doc);
    add(set, doc, claim("w1", 6, 9, "false"));
    std::vector<ExportSource> sources;
    sources.push_back(ExportSource{"blank.json", "blank", std::move(doc), std::move(set)});
    const std::string problems = problemsOf(std::move(sources), withReviewUrl());
    CHECK(problems.find("blank.json") != std::string::npos);
    CHECK(problems.find("claim w1 covers only white space") != std::string::npos);
}
