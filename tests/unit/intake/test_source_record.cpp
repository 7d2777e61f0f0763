// test_source_record.cpp — ARTICLE.source.json (core/intake/source_record.h): written with
// only the fields the source gave, read back with every problem at its JSON path.
#include "core/intake/source_record.h"

#include <doctest/doctest.h>

using namespace claimmark::intake;

TEST_CASE("source record: only the fields given are written, in a fixed order") {
    SourceRecord r;
    r.url = "https://example.org/kratom";
    r.title = "Kratom, explained";
    r.retrieved = "2026-12-02T07:00:00Z";
    r.source = "kratom.html";
    r.sourceFormat = "html";
    r.sha256 = std::string(64, 'a');
    r.extractor = "claimmark-intake 0.1.0 (gumbo 0.10.1)";
    CHECK(sourceRecordToJson(r) ==
          "{\n"
          "  \"format\": \"claimmark/source\",\n"
          "  \"version\": 1,\n"
          "  \"url\": \"https://example.org/kratom\",\n"
          "  \"title\": \"Kratom, explained\",\n"
          "  \"retrieved\": \"2026-12-02T07:00:00Z\",\n"
          "  \"source\": \"kratom.html\",\n"
          "  \"source_format\": \"html\",\n"
          "  \"sha256\": \"" +
              std::string(64, 'a') +
              "\",\n"
              "  \"extractor\": \"claimmark-intake 0.1.0 (gumbo 0.10.1)\"\n"
              "}\n");
    auto back = parseSourceRecord(sourceRecordToJson(r), "a.source.json");
    REQUIRE(back);
    CHECK(back->url == r.url);
    CHECK(back->title == r.title);
    CHECK(back->author.empty());
    CHECK(sourceRecordToJson(*back) == sourceRecordToJson(r));
}

TEST_CASE("source record: unknown keys are kept; the path is beside the article") {
    auto r =
        parseSourceRecord(R"({"format": "claimmark/source", "version": 1, "title": "T", "note": {"x": 1}})", "s.json");
    REQUIRE(r);
    CHECK(r->extra["note"]["x"] == 1);
    CHECK(sourceRecordToJson(*r).find("\"note\"") != std::string::npos);
    CHECK(sourceRecordPath("samples/kratom.txt") == std::filesystem::path("samples/kratom.source.json"));
}

TEST_CASE("source record: bad input is named with the file and the place") {
    auto syntax = parseSourceRecord("{\"format\": ", "s.source.json");
    REQUIRE_FALSE(syntax);
    CHECK(syntax.errorText().find("s.source.json: line 1") != std::string::npos);

    auto other = parseSourceRecord(R"({"format": "claimmark/annotation-set", "version": 1})", "s.source.json");
    REQUIRE_FALSE(other);
    CHECK(other.errorText().find("format") != std::string::npos);

    auto version = parseSourceRecord(R"({"format": "claimmark/source", "version": 2})", "s.source.json");
    REQUIRE_FALSE(version);
    CHECK(version.errorText().find("version") != std::string::npos);

    auto mistyped =
        parseSourceRecord(R"({"format": "claimmark/source", "version": 1, "title": 5, "url": []})", "s.source.json");
    REQUIRE_FALSE(mistyped);
    CHECK(mistyped.errors().size() == 2);
    CHECK(mistyped.errorText().find("title: expected a string") != std::string::npos);

    auto deep = parseSourceRecord(std::string(100000, '[') + std::string(100000, ']'), "s.source.json");
    REQUIRE_FALSE(deep);
    CHECK(deep.errorText().find("s.source.json") != std::string::npos);
}
