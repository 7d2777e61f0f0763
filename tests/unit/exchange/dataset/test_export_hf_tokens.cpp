// hf-tokens export: rows per sentence, one BIO column per label (overlaps kept), --flat with
// its overlap refusal, labels.json, the dataset card, orphans left out.
//
// The text (kTeaText; exchange_fixtures.h has the offset table), two sentences:
//   0 [0,27)  "Tea 🌿 may cure cafe\u0301 colds."   tokens Tea 🌿 may cure café colds .
//   1 [29,49) "日本語 says שלום often."             tokens 日 本 語 says שלום often .
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

ExportSource teaSource(const std::string& stem = "tea", const std::string& annotator = "maria") {
    ExportSource s;
    s.setPath = stem + ".json";
    s.stem = stem;
    Result<Document> d = Document::fromBytes(kTeaText, "tea.txt");
    REQUIRE(d.ok());
    s.document = std::move(*d);
    s.set.annotator = annotator;
    return s;
}

ExportSource annotatedTea() {
    ExportSource s = teaSource();
    add(s.set, s.document, "a1", "claim", {{0, 27}});
    add(s.set, s.document, "a2", "hedge", {{6, 9}});
    add(s.set, s.document, "a3", "evidence", {{29, 32}, {38, 42}});
    add(s.set, s.document, "a4", "caveat", {{43, 49}});
    return s;
}

const ExportFile& file(const ExportOutput& out, const std::string& name) {
    for (const ExportFile& f : out.files)
        if (f.relativePath == name) return f;
    FAIL("no file " << name);
    return out.files.front();
}

std::vector<json> rows(const std::string& jsonl) {
    std::vector<json> out;
    std::istringstream in(jsonl);
    std::string line;
    while (std::getline(in, line)) out.push_back(json::parse(line));
    return out;
}

ExportOutput hfTokens(const std::vector<ExportSource>& sources, bool flat = false) {
    ExportOptions options;
    options.flat = flat;
    Result<ExportOutput> out = exportHfTokens(sources, options);
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    return *out;
}

using Tags = std::vector<std::string>;

}  // namespace

TEST_CASE("hf-tokens: a row per sentence with the tokens and one BIO column per label") {
    const ExportOutput out = hfTokens({annotatedTea()});
    CHECK(out.files.size() == 3);
    const std::vector<json> data = rows(file(out, "data.jsonl").content);
    REQUIRE(data.size() == 2);
    CHECK(data[0]["id"] == "tea:0");
    CHECK(data[1]["id"] == "tea:1");
    CHECK(data[0]["document"] == "tea");
    CHECK(data[0]["annotator"] == "maria");
    CHECK(data[0]["tokens"] == json({"Tea", "\xF0\x9F\x8C\xBF", "may", "cure", "cafe\xCC\x81", "colds", "."}));
    CHECK(data[1]["tokens"] == json({"\xE6\x97\xA5", "\xE6\x9C\xAC", "\xE8\xAA\x9E", "says",
                                     "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", "often", "."}));
    // Columns in schema order: claim, hedge, caveat, evidence.
    CHECK(data[0]["claim_tags"] ==
          json(Tags{"B-claim", "I-claim", "I-claim", "I-claim", "I-claim", "I-claim", "I-claim"}));
    CHECK(data[0]["hedge_tags"] == json(Tags{"O", "O", "B-hedge", "O", "O", "O", "O"}));
    CHECK(data[1]["claim_tags"] == json(Tags(7, "O")));
    // A discontinuous annotation: each fragment begins with B.
    CHECK(data[1]["evidence_tags"] ==
          json(Tags{"B-evidence", "I-evidence", "I-evidence", "O", "B-evidence", "O", "O"}));
    CHECK(data[1]["caveat_tags"] == json(Tags{"O", "O", "O", "O", "O", "B-caveat", "I-caveat"}));
    // Overlapping labels are all kept (claim and hedge on "may").
    CHECK(data[0]["claim_tags"][2] == "I-claim");
    CHECK(data[0]["hedge_tags"][2] == "B-hedge");

    const json labels = json::parse(file(out, "labels.json").content);
    CHECK(labels == json({{"claim_tags", {"O", "B-claim", "I-claim"}},
                          {"hedge_tags", {"O", "B-hedge", "I-hedge"}},
                          {"caveat_tags", {"O", "B-caveat", "I-caveat"}},
                          {"evidence_tags", {"O", "B-evidence", "I-evidence"}}}));
    // The key order of labels.json is the column order.
    const std::string& labelsText = file(out, "labels.json").content;
    CHECK(labelsText.find("claim_tags") < labelsText.find("hedge_tags"));
    CHECK(labelsText.find("caveat_tags") < labelsText.find("evidence_tags"));
}

TEST_CASE("hf-tokens: only the labels the data uses get a column") {
    ExportSource s = teaSource();
    add(s.set, s.document, "h", "hedge", {{6, 9}});
    const ExportOutput out = hfTokens({s});
    const std::vector<json> data = rows(file(out, "data.jsonl").content);
    REQUIRE(data.size() == 2);
    CHECK(data[0].contains("hedge_tags"));
    CHECK_FALSE(data[0].contains("claim_tags"));
    CHECK_FALSE(data[0].contains("evidence_tags"));
    CHECK(json::parse(file(out, "labels.json").content) == json({{"hedge_tags", {"O", "B-hedge", "I-hedge"}}}));
}

TEST_CASE("hf-tokens: a span crossing a sentence end begins again in the next row") {
    ExportSource s = teaSource();
    add(s.set, s.document, "c", "claim", {{21, 37}});  // "colds.\r\n日本語 says"
    const std::vector<json> data = rows(file(hfTokens({s}), "data.jsonl").content);
    REQUIRE(data.size() == 2);
    CHECK(data[0]["claim_tags"] == json(Tags{"O", "O", "O", "O", "O", "B-claim", "I-claim"}));
    CHECK(data[1]["claim_tags"] == json(Tags{"B-claim", "I-claim", "I-claim", "I-claim", "O", "O", "O"}));
}

TEST_CASE("hf-tokens: a token partly covered is inside; B wins where a same-label span starts") {
    ExportSource s = teaSource();
    add(s.set, s.document, "c1", "claim", {{1, 11}});   // "ea 🌿 may c": Tea..cure
    add(s.set, s.document, "c2", "claim", {{10, 20}});  // "cure café": starts inside c1
    const std::vector<json> data = rows(file(hfTokens({s}), "data.jsonl").content);
    REQUIRE(data.size() == 2);
    CHECK(data[0]["claim_tags"] == json(Tags{"B-claim", "I-claim", "I-claim", "B-claim", "I-claim", "O", "O"}));
}

TEST_CASE("hf-tokens --flat: one tags column; overlapping annotations are refused") {
    SUBCASE("no overlap") {
        ExportSource s = teaSource();
        add(s.set, s.document, "h", "hedge", {{6, 9}});
        add(s.set, s.document, "c", "claim", {{10, 26}});
        add(s.set, s.document, "e", "evidence", {{29, 32}});
        const ExportOutput out = hfTokens({s}, true);
        const std::vector<json> data = rows(file(out, "data.jsonl").content);
        REQUIRE(data.size() == 2);
        CHECK(data[0]["tags"] == json(Tags{"O", "O", "B-hedge", "B-claim", "I-claim", "I-claim", "O"}));
        CHECK(data[1]["tags"] == json(Tags{"B-evidence", "I-evidence", "I-evidence", "O", "O", "O", "O"}));
        CHECK_FALSE(data[0].contains("claim_tags"));
        CHECK(json::parse(file(out, "labels.json").content) ==
              json({{"tags", {"O", "B-claim", "I-claim", "B-hedge", "I-hedge", "B-evidence", "I-evidence"}}}));
    }
    SUBCASE("overlap: an error naming the document, both annotations and the token") {
        ExportOptions options;
        options.flat = true;
        Result<ExportOutput> out = exportHfTokens({annotatedTea()}, options);
        REQUIRE_FALSE(out.ok());
        const std::string text = out.errorText();
        CHECK(text.find("tea.json") != std::string::npos);
        CHECK(text.find("document tea") != std::string::npos);
        CHECK(text.find("a1 (claim") != std::string::npos);
        CHECK(text.find("a2 (hedge \"may\")") != std::string::npos);
        CHECK(text.find("the token \"may\" at code point 6") != std::string::npos);
        CHECK(text.find("leave out --flat") != std::string::npos);
    }
}

TEST_CASE("hf-tokens: orphans are left out with a notice; several annotators are rows of their own") {
    ExportSource maria = annotatedTea();
    ExportSource sam = teaSource("tea-sam", "sam");
    add(sam.set, sam.document, "x", "hedge", {{6, 9}});
    Annotation orphan;
    orphan.id = "o1";
    orphan.label = "claim";
    orphan.spans = {{10, 14}};
    orphan.orphaned = true;
    orphan.text = "gone";
    REQUIRE(sam.set.addAnnotation(std::move(orphan)).ok());
    const ExportOutput out = hfTokens({maria, sam});
    const std::vector<json> data = rows(file(out, "data.jsonl").content);
    REQUIRE(data.size() == 4);
    CHECK(data[2]["id"] == "tea-sam:0");
    CHECK(data[2]["annotator"] == "sam");
    CHECK(data[2]["claim_tags"] == json(Tags(7, "O")));  // the orphan tags nothing
    CHECK(data[2]["hedge_tags"] == json(Tags{"O", "O", "B-hedge", "O", "O", "O", "O"}));
    CHECK(exchange_fixtures::anyContains(out.notices, "orphan"));
}

TEST_CASE("hf-tokens: the dataset card names the files, the labels and their counts") {
    const ExportOutput out = hfTokens({annotatedTea()});
    const std::string& card = file(out, "README.md").content;
    CHECK(card.rfind("---\n", 0) == 0);
    CHECK(card.find("task_categories:\n- token-classification") != std::string::npos);
    CHECK(card.find("- split: train\n    path: \"data.jsonl\"") != std::string::npos);
    CHECK(card.find("license:") != std::string::npos);
    CHECK(card.find("claim") != std::string::npos);
    CHECK(card.find("evidence") != std::string::npos);
}
