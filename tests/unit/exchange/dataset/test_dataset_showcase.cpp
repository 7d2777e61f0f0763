// The training-dataset exports on the showcase set (maria's turmeric set), checked against
// rows worked out by hand from the set file: the article's fourth sentence, 0-based 3,
//   [507,682) "Some small clinical trials suggest that curcumin may reduce knee pain in
//   people with osteoarthritis, while laboratory studies hint at effects on several
//   inflammatory pathways."
// which holds the claims a7 [507,606) strength 2 and a12 [614,681) strength 2, the evidence
// a8 [507,533) clinical-trial and a13 [614,632) preclinical, and the hedges a9 "Some"
// (approximator), a10 "suggest" (epistemic-verb), a11 "may" (modal), a14 "hint at"
// (epistemic-verb).
#include "core/exchange/exchange.h"
#include "core/exchange/exchange_formats.h"
#include "core/storage/set_file.h"
#include "fixtures.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>

using namespace claimmark;
using nlohmann::json;

namespace {

std::filesystem::path sample(const std::string& relative) {
    return std::filesystem::path(CLAIMMARK_SOURCE_DIR) / relative;
}

ExportSource maria() {
    ExportSource s;
    Result<Document> doc = Document::loadFile(sample("samples/turmeric-joint-health.txt"));
    REQUIRE_MESSAGE(doc.ok(), doc.errorText());
    s.document = std::move(*doc);
    Result<LoadedSet> set = loadSetFile(sample("annotations/turmeric-joint-health/maria.json"));
    REQUIRE_MESSAGE(set.ok(), set.errorText());
    s.set = std::move(set->set);
    s.setPath = "maria.json";
    s.stem = "turmeric-joint-health";
    return s;
}

json rowWithId(const std::string& jsonl, const std::string& id) {
    std::istringstream in(jsonl);
    for (std::string line; std::getline(in, line);) {
        json row = json::parse(line);
        if (row.at("id") == id) return row;
    }
    FAIL("no row " << id);
    return {};
}

}  // namespace

TEST_CASE("sentences on the showcase set: the trials sentence as worked out by hand") {
    Result<ExportOutput> out = exportSentences({maria()}, ExportOptions{});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    const json row = rowWithId(out->files[0].content, "turmeric-joint-health:3");
    CHECK(row["start"] == 507);
    CHECK(row["end"] == 682);
    CHECK(row["text"].get<std::string>().rfind("Some small clinical trials suggest", 0) == 0);
    CHECK(row["annotator"] == "maria");
    CHECK(row["labels"] == json({"claim", "hedge", "evidence"}));
    CHECK(row["strength_max"] == 2);
    REQUIRE(row["claims"].size() == 2);
    CHECK(row["claims"][0] == json({{"id", "a7"},
                                    {"start", 0},
                                    {"end", 99},
                                    {"text",
                                     "Some small clinical trials suggest that curcumin may reduce knee pain in "
                                     "people with osteoarthritis"},
                                    {"strength", 2},
                                    {"clipped", false}}));
    CHECK(row["claims"][1]["id"] == "a12");
    CHECK(row["claims"][1]["start"] == 107);
    CHECK(row["claims"][1]["end"] == 174);
    std::vector<std::string> cues, kinds;
    for (const json& cue : row["hedge_cues"]) {
        cues.push_back(cue["text"]);
        kinds.push_back(cue["kind"]);
    }
    CHECK(cues == std::vector<std::string>{"Some", "suggest", "may", "hint at"});
    CHECK(kinds == std::vector<std::string>{"approximator", "epistemic-verb", "modal", "epistemic-verb"});
    CHECK(row["hedge_cues"][2]["start"] == 49);  // "may" at 556 - 507
    CHECK(row["evidence_types"] == json({"clinical-trial", "preclinical"}));
    CHECK(row["spans"].size() == 8);
}

TEST_CASE("hf-tokens on the showcase set: the trials sentence as worked out by hand") {
    Result<ExportOutput> out = exportHfTokens({maria()}, ExportOptions{});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    const json row = rowWithId(out->files[0].content, "turmeric-joint-health:3");
    const std::vector<std::string> tokens = row["tokens"];
    REQUIRE(tokens.size() == 27);
    CHECK(tokens[0] == "Some");
    CHECK(tokens[14] == "osteoarthritis");
    CHECK(tokens[15] == ",");
    CHECK(tokens[26] == ".");
    using Tags = std::vector<std::string>;
    Tags claim(27, "I-claim"), hedge(27, "O"), evidence(27, "O");
    claim[0] = "B-claim";   // a7: Some … osteoarthritis (tokens 0-14)
    claim[15] = "O";        // ","
    claim[16] = "O";        // "while"
    claim[17] = "B-claim";  // a12: laboratory … pathways (17-25)
    claim[26] = "O";        // "."
    hedge[0] = "B-hedge";   // Some
    hedge[4] = "B-hedge";   // suggest
    hedge[7] = "B-hedge";   // may
    hedge[19] = "B-hedge";  // hint
    hedge[20] = "I-hedge";  // at
    for (std::size_t t = 0; t < 4; ++t) evidence[t] = t == 0 ? "B-evidence" : "I-evidence";  // a8
    evidence[17] = "B-evidence";                                                             // a13: laboratory studies
    evidence[18] = "I-evidence";
    CHECK(row["claim_tags"] == json(claim));
    CHECK(row["hedge_tags"] == json(hedge));
    CHECK(row["evidence_tags"] == json(evidence));
    CHECK(row["caveat_tags"] == json(Tags(27, "O")));
}
