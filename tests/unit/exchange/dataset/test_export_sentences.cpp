// sentences export: every sentence a row (negatives too), labels, the claim-strength fields,
// offsets relative to the sentence in each unit, clipped spans.
//
// The text (kTeaText; exchange_fixtures.h has the offset table), two sentences:
//   0 [0,27)  "Tea 🌿 may cure cafe\u0301 colds."
//   1 [29,49) "日本語 says שלום often."   (UTF-16 [30,50), bytes [33,63))
#include "core/exchange/exchange.h"
#include "core/exchange/exchange_formats.h"

#include "exchange/exchange_fixtures.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>

using namespace claimmark;
using exchange_fixtures::add;
using exchange_fixtures::kTeaText;
using nlohmann::json;

namespace {

ExportSource teaSource() {
    ExportSource s;
    s.setPath = "tea.json";
    s.stem = "tea";
    Result<Document> d = Document::fromBytes(kTeaText, "tea.txt");
    REQUIRE(d.ok());
    s.document = std::move(*d);
    s.set.annotator = "maria";
    return s;
}

std::vector<json> sentenceRows(const std::vector<ExportSource>& sources, OffsetUnit unit = OffsetUnit::CodePoint) {
    ExportOptions options;
    options.offsets = unit;
    Result<ExportOutput> out = exportSentences(sources, options);
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    REQUIRE(out->files.size() == 1);
    std::vector<json> rows;
    std::istringstream in(out->files[0].content);
    std::string line;
    while (std::getline(in, line)) rows.push_back(json::parse(line));
    return rows;
}

}  // namespace

TEST_CASE("sentences: a row per sentence with its labels, claims, hedge cues and evidence types") {
    ExportSource s = teaSource();
    add(s.set, s.document, "a1", "claim", {{10, 26}}, {{"strength", std::int64_t(2)}});
    add(s.set, s.document, "a5", "claim", {{0, 3}}, {{"strength", std::int64_t(4)}});
    add(s.set, s.document, "a2", "hedge", {{6, 9}}, {{"kind", std::string("modal")}});
    add(s.set, s.document, "a3", "evidence", {{29, 32}, {38, 42}}, {{"type", std::string("clinical-trial")}});
    const std::vector<json> rows = sentenceRows({s});
    REQUIRE(rows.size() == 2);
    const json& r0 = rows[0];
    CHECK(r0["id"] == "tea:0");
    CHECK(r0["document"] == "tea");
    CHECK(r0["annotator"] == "maria");
    CHECK(r0["text"] == "Tea \xF0\x9F\x8C\xBF may cure cafe\xCC\x81 colds.");
    CHECK(r0["start"] == 0);
    CHECK(r0["end"] == 27);
    CHECK(r0["offsets"] == "codepoint");
    CHECK(r0["labels"] == json({"claim", "hedge"}));
    CHECK(r0["strength_max"] == 4);
    REQUIRE(r0["claims"].size() == 2);
    CHECK(r0["claims"][0] ==
          json({{"id", "a5"}, {"start", 0}, {"end", 3}, {"text", "Tea"}, {"strength", 4}, {"clipped", false}}));
    CHECK(r0["claims"][1]["text"] == "cure cafe\xCC\x81 colds");
    CHECK(r0["hedge_cues"] ==
          json::array(
              {{{"id", "a2"}, {"start", 6}, {"end", 9}, {"text", "may"}, {"kind", "modal"}, {"clipped", false}}}));
    CHECK(r0["evidence_types"] == json::array());
    CHECK(r0["spans"].size() == 3);

    const json& r1 = rows[1];
    CHECK(r1["start"] == 29);
    CHECK(r1["end"] == 49);
    CHECK(r1["labels"] == json({"evidence"}));
    CHECK(r1["strength_max"].is_null());
    CHECK(r1["claims"] == json::array());
    CHECK(r1["evidence_types"] == json({"clinical-trial"}));
    // Each fragment of the discontinuous evidence is an entry of its own, relative offsets.
    REQUIRE(r1["spans"].size() == 2);
    CHECK(r1["spans"][0]["start"] == 0);
    CHECK(r1["spans"][0]["end"] == 3);
    CHECK(r1["spans"][1]["start"] == 9);
    CHECK(r1["spans"][1]["end"] == 13);
    CHECK(r1["spans"][1]["text"] == "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
    CHECK(r1["spans"][1]["attributes"] == json({{"type", "clinical-trial"}}));
}

TEST_CASE("sentences: sentences without annotations are rows too (the negatives)") {
    ExportSource s = teaSource();
    add(s.set, s.document, "h", "hedge", {{6, 9}});
    const std::vector<json> rows = sentenceRows({s});
    REQUIRE(rows.size() == 2);
    CHECK(rows[1]["labels"] == json::array());
    CHECK(rows[1]["spans"] == json::array());
    CHECK(rows[1]["hedge_cues"] == json::array());
    CHECK(rows[0]["hedge_cues"][0]["kind"].is_null());  // unset kind
}

TEST_CASE("sentences: a span crossing the sentence end is clipped into both sentences") {
    ExportSource s = teaSource();
    add(s.set, s.document, "c", "claim", {{21, 37}});
    const std::vector<json> rows = sentenceRows({s});
    REQUIRE(rows.size() == 2);
    CHECK(
        rows[0]["claims"][0] ==
        json({{"id", "c"}, {"start", 21}, {"end", 27}, {"text", "colds."}, {"strength", nullptr}, {"clipped", true}}));
    CHECK(rows[1]["claims"][0]["start"] == 0);
    CHECK(rows[1]["claims"][0]["end"] == 8);
    CHECK(rows[1]["claims"][0]["text"] == "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E says");
    CHECK(rows[1]["claims"][0]["clipped"] == true);
}

TEST_CASE("sentences: offsets in UTF-16 units and bytes") {
    ExportSource s = teaSource();
    add(s.set, s.document, "h", "hedge", {{6, 9}});
    add(s.set, s.document, "e", "evidence", {{38, 42}});
    SUBCASE("utf16") {
        const std::vector<json> rows = sentenceRows({s}, OffsetUnit::Utf16);
        CHECK(rows[0]["offsets"] == "utf16");
        CHECK(rows[0]["hedge_cues"][0]["start"] == 7);  // after the surrogate pair
        CHECK(rows[0]["hedge_cues"][0]["end"] == 10);
        CHECK(rows[0]["end"] == 28);
        CHECK(rows[1]["start"] == 30);
        CHECK(rows[1]["end"] == 50);
        CHECK(rows[1]["spans"][0]["start"] == 9);
        CHECK(rows[1]["spans"][0]["end"] == 13);
    }
    SUBCASE("byte") {
        const std::vector<json> rows = sentenceRows({s}, OffsetUnit::Byte);
        CHECK(rows[0]["hedge_cues"][0]["start"] == 9);
        CHECK(rows[0]["hedge_cues"][0]["end"] == 12);
        CHECK(rows[1]["start"] == 33);
        CHECK(rows[1]["end"] == 63);
        CHECK(rows[1]["spans"][0]["start"] == 15);  // 日本語 is 9 bytes, " says " 6
        CHECK(rows[1]["spans"][0]["end"] == 23);
    }
}
