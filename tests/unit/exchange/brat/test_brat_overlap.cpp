// test_brat_overlap.cpp — the <OVERLAP> rules the brat export writes (brat/brat_overlap.h):
// brat's judgement of a pair, the least permissive rules for the data, and every exported
// span pair of the showcase sets checked against the annotation.conf written with them.
#include "core/exchange/brat/brat_ann_parser.h"
#include "core/exchange/brat/brat_overlap.h"
#include "core/exchange/exchange_formats.h"
#include "core/storage/set_file.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <map>

using namespace claimmark;
using namespace claimmark::brat;

namespace {

std::vector<Span> f(std::initializer_list<Span> spans) { return spans; }

// The T lines of a .ann text: type and fragments.
std::vector<Record> textBounds(const std::string& ann) {
    std::vector<Record> out;
    for (std::string_view line : splitOn(ann, '\n')) {
        if (line.empty() || line.front() != 'T') continue;
        Record r;
        REQUIRE(parseLine(line, r).empty());
        out.push_back(std::move(r));
    }
    return out;
}

// Every overlapping pair of entities in `ann` is allowed by `conf`; the count of pairs.
std::size_t checkAllPairs(const std::string& ann, const OverlapRules& rules) {
    const std::vector<Record> bounds = textBounds(ann);
    std::size_t pairs = 0;
    for (std::size_t i = 0; i < bounds.size(); ++i)
        for (std::size_t j = 0; j < bounds.size(); ++j) {
            if (i == j) continue;
            const Overlap overlap = judgeOverlap(bounds[i].spans, bounds[j].spans);
            if (overlap == Overlap::None) continue;
            ++pairs;
            CAPTURE(bounds[i].id);
            CAPTURE(bounds[j].id);
            CHECK(rules.allows(std::string(bounds[i].type), std::string(bounds[j].type), overlap));
        }
    return pairs;
}

}  // namespace

TEST_CASE("brat overlap: pairs judged as brat's checker does") {
    CHECK(judgeOverlap(f({{0, 5}}), f({{5, 9}})) == Overlap::None);  // touching is not overlapping
    CHECK(judgeOverlap(f({{0, 5}}), f({{0, 5}})) == Overlap::Equal);
    CHECK(judgeOverlap(f({{2, 4}}), f({{0, 9}})) == Overlap::FirstInSecond);
    CHECK(judgeOverlap(f({{0, 9}}), f({{0, 4}})) == Overlap::SecondInFirst);
    CHECK(judgeOverlap(f({{0, 5}}), f({{3, 9}})) == Overlap::Cross);
    // Fragments: the same set in another order is equal; a span over the gap crosses.
    CHECK(judgeOverlap(f({{0, 2}, {6, 8}}), f({{6, 8}, {0, 2}})) == Overlap::Equal);
    CHECK(judgeOverlap(f({{0, 2}, {6, 8}}), f({{1, 7}})) == Overlap::Cross);
    CHECK(judgeOverlap(f({{6, 7}}), f({{0, 2}, {5, 8}})) == Overlap::FirstInSecond);
    // brat tests the ranges first (first start to last end): a span in the gap crosses.
    CHECK(judgeOverlap(f({{3, 4}}), f({{0, 2}, {5, 8}})) == Overlap::Cross);
}

TEST_CASE("brat overlap: the least permissive rules for what the data holds, read back as brat reads them") {
    OverlapNeeds needs;
    needs.addDocument({{"hedge", f({{2, 4}})},
                       {"claim", f({{0, 20}})},
                       {"evidence", f({{15, 30}})},
                       {"caveat", f({{40, 50}})},
                       {"claim", f({{40, 50}})}});
    const std::string lines = needs.ruleLines({"claim", "hedge", "caveat", "evidence"});
    CHECK(lines ==
          "<OVERLAP>\tArg1:caveat, Arg2:claim, <OVL-TYPE>:equal\n"
          "<OVERLAP>\tArg1:claim, Arg2:evidence, <OVL-TYPE>:cross\n"
          "<OVERLAP>\tArg1:hedge, Arg2:claim, <OVL-TYPE>:contain\n");
    const OverlapRules rules = OverlapRules::parse("[entities]\nclaim\n\n[relations]\n\n" + lines + "\n[events]\n");
    CHECK(rules.ruleCount() == 3);
    CHECK(rules.allows("hedge", "claim", Overlap::FirstInSecond));
    CHECK(rules.allows("claim", "hedge", Overlap::SecondInFirst));
    CHECK_FALSE(rules.allows("claim", "hedge", Overlap::FirstInSecond));  // a claim inside a hedge: not seen
    CHECK_FALSE(rules.allows("hedge", "claim", Overlap::Cross));
    CHECK(rules.allows("evidence", "claim", Overlap::Cross));  // cross and equal either way round
    CHECK(rules.allows("claim", "caveat", Overlap::Equal));
    CHECK_FALSE(rules.allows("claim", "claim", Overlap::Equal));

    // <ANY> admits everything, in either order; a rule outside [relations] is not one.
    const OverlapRules any = OverlapRules::parse(
        "[relations]\n<OVERLAP>\tArg1:a|b, Arg2:a|b, <OVL-TYPE>:<ANY>\n[attributes]\n<OVERLAP>\tArg1:c, Arg2:c, "
        "<OVL-TYPE>:cross\n");
    CHECK(any.allows("a", "b", Overlap::Cross));
    CHECK(any.allows("b", "a", Overlap::SecondInFirst));
    CHECK_FALSE(any.allows("c", "c", Overlap::Cross));
}

TEST_CASE("brat overlap: every span pair of the showcase sets is admitted by the annotation.conf written with them") {
    const std::filesystem::path root(CLAIMMARK_SOURCE_DIR);
    std::vector<ExportSource> sources;
    for (const char* name : {"maria", "bob", "chen"}) {
        const std::filesystem::path setPath =
            root / "annotations/turmeric-joint-health" / (std::string(name) + ".json");
        Result<LoadedSet> loaded = loadSetFile(setPath);
        REQUIRE_MESSAGE(loaded.ok(), loaded.errorText());
        Result<Document> article = Document::loadFile(resolveDocumentPath(setPath, loaded->set));
        REQUIRE_MESSAGE(article.ok(), article.errorText());
        sources.push_back(ExportSource{setPath, name, std::move(*article), std::move(loaded->set)});
    }
    Result<ExportOutput> out = exportBrat(sources, ExportOptions{});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    std::map<std::string, std::string> files;
    for (const ExportFile& file : out->files) files[file.relativePath] = file.content;
    const OverlapRules rules = OverlapRules::parse(files.at("annotation.conf"));
    CHECK(rules.ruleCount() > 0);
    std::size_t pairs = 0;
    for (const char* name : {"maria", "bob", "chen"})
        pairs += checkAllPairs(files.at(std::string(name) + ".ann"), rules);
    CHECK(pairs > 100);  // claim-strength work nests and crosses a lot
    // Least permissive: a claim is never inside a hedge in these sets, and it is not allowed.
    CHECK_FALSE(rules.allows("claim", "hedge", Overlap::FirstInSecond));
}
