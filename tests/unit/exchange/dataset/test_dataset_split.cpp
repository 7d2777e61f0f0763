// --split / --seed: the spec's checks, SplitMix64, part sizes by largest remainder, and an
// assignment by article that does not depend on the order of the sets.
#include "core/exchange/dataset/split.h"
#include "core/exchange/exchange_formats.h"

#include "exchange/exchange_fixtures.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

using namespace claimmark;
using namespace claimmark::dataset;

namespace {

ExportSource article(int n, const std::string& annotator = "maria") {
    ExportSource s;
    s.stem = "doc" + std::to_string(n) + "-" + annotator;
    s.setPath = s.stem + ".json";
    Result<Document> d = Document::fromBytes("Article " + std::to_string(n) + " is here. It may work.\n", "a.txt");
    REQUIRE(d.ok());
    s.document = std::move(*d);
    s.set.annotator = annotator;
    exchange_fixtures::add(s.set, s.document, "h", "hedge", {{22, 25}});  // "may"
    return s;
}

std::vector<DatasetSplitPart> parts(const std::string& spec) {
    std::string error;
    std::vector<DatasetSplitPart> p = parseSplitSpec(spec, error);
    REQUIRE_MESSAGE(!p.empty(), error);
    return p;
}

std::string specError(const std::string& spec) {
    std::string error;
    CHECK(parseSplitSpec(spec, error).empty());
    return error;
}

}  // namespace

TEST_CASE("--split: parts and percentages are checked") {
    const std::vector<DatasetSplitPart> p = parts("train=80,dev=10,test=10");
    REQUIRE(p.size() == 3);
    CHECK(p[0].name == "train");
    CHECK(p[0].percent == 80);
    CHECK(p[2].name == "test");
    CHECK(specError("train=80,dev=10") == "--split percentages sum to 90, not 100");
    CHECK(specError("train=80,train=20") == "--split names the part 'train' twice");
    CHECK(specError("train").find("is not NAME=PERCENT") != std::string::npos);
    CHECK(specError("tr/ain=100").find("letters, digits or '_'") != std::string::npos);
    CHECK(specError("=100").find("letters, digits or '_'") != std::string::npos);
    CHECK(specError("train=0,dev=100").find("from 1 to 100, not '0'") != std::string::npos);
    CHECK(specError("train=-5,dev=105").find("not '-5'") != std::string::npos);
    CHECK(specError("train=99999999999999999999").find("from 1 to 100") != std::string::npos);
    CHECK(specError("train=50.5,dev=49.5").find("not '50.5'") != std::string::npos);
    CHECK(specError("").find("needs parts") != std::string::npos);
    CHECK(specError("train=100,").find("is not NAME=PERCENT") != std::string::npos);
}

TEST_CASE("--seed: a whole number in 64 bits") {
    CHECK(parseSeed("0") == std::uint64_t(0));
    CHECK(parseSeed("18446744073709551615") == std::uint64_t(18446744073709551615ull));
    CHECK_FALSE(parseSeed("18446744073709551616"));
    CHECK_FALSE(parseSeed("-1"));
    CHECK_FALSE(parseSeed("7x"));
    CHECK_FALSE(parseSeed(""));
}

TEST_CASE("SplitMix64 gives the published sequence") {
    // Reference outputs of SplitMix64 (Vigna's splitmix64.c) for seed 0.
    SplitMix64 zero(0);
    CHECK(zero.next() == 0xE220A8397B1DCDAFull);
    CHECK(zero.next() == 0x6E789E6AA1B965F4ull);
    CHECK(zero.next() == 0x06C45D188009454Full);
    SplitMix64 bounded(42);
    for (int i = 0; i < 1000; ++i) CHECK(bounded.below(7) < 7);
    CHECK(SplitMix64(5).below(1) == 0);
}

TEST_CASE("part sizes: floor of each share, the rest by largest remainder") {
    const std::vector<DatasetSplitPart> p = parts("train=80,dev=10,test=10");
    CHECK(partSizes(10, p) == std::vector<std::size_t>{8, 1, 1});
    CHECK(partSizes(3, p) == std::vector<std::size_t>{3, 0, 0});  // 2.4, 0.3, 0.3
    CHECK(partSizes(0, p) == std::vector<std::size_t>{0, 0, 0});
    CHECK(partSizes(7, parts("a=50,b=25,c=25")) == std::vector<std::size_t>{3, 2, 2});  // 3.5, 1.75, 1.75
    CHECK(partSizes(2, parts("a=50,b=50")) == std::vector<std::size_t>{1, 1});
}

TEST_CASE("split assignment: by article, the same whatever the order of the sets") {
    std::vector<ExportSource> sources;
    for (int n = 0; n < 10; ++n) sources.push_back(article(n));
    sources.push_back(article(3, "sam"));  // a second annotator of article 3
    const std::vector<DatasetSplitPart> p = parts("train=80,dev=10,test=10");
    const SplitAssignment a = assignSplit(sources, p, 7);
    CHECK(a.documents == std::vector<std::size_t>{8, 1, 1});
    CHECK(a.sets[0] + a.sets[1] + a.sets[2] == 11);
    CHECK(a.partOfSource[3] == a.partOfSource[10]);  // both sets of article 3 together

    std::map<std::string, std::size_t> partOf;
    for (std::size_t i = 0; i < sources.size(); ++i) partOf[sources[i].stem] = a.partOfSource[i];
    std::vector<ExportSource> reversed(sources.rbegin(), sources.rend());
    const SplitAssignment b = assignSplit(reversed, p, 7);
    for (std::size_t i = 0; i < reversed.size(); ++i) CHECK(b.partOfSource[i] == partOf[reversed[i].stem]);

    // Another seed deals the articles out differently (for some seed among a few).
    bool differs = false;
    for (std::uint64_t seed = 0; seed < 8 && !differs; ++seed) {
        const SplitAssignment c = assignSplit(sources, p, seed);
        differs = c.partOfSource != a.partOfSource;
    }
    CHECK(differs);
}

TEST_CASE("hf-tokens and sentences with --split write one file per part and say the counts") {
    std::vector<ExportSource> sources;
    for (int n = 0; n < 10; ++n) sources.push_back(article(n));
    ExportOptions options;
    options.split = parts("train=80,dev=10,test=10");
    options.seed = 3;
    SUBCASE("hf-tokens") {
        Result<ExportOutput> out = exportHfTokens(sources, options);
        REQUIRE_MESSAGE(out.ok(), out.errorText());
        std::vector<std::string> names;
        for (const ExportFile& f : out->files) names.push_back(f.relativePath);
        CHECK(names == std::vector<std::string>{"train.jsonl", "dev.jsonl", "test.jsonl", "labels.json", "README.md"});
        // Each article has two sentences: 16, 2 and 2 rows.
        CHECK(std::count(out->files[0].content.begin(), out->files[0].content.end(), '\n') == 16);
        CHECK(std::count(out->files[1].content.begin(), out->files[1].content.end(), '\n') == 2);
        CHECK(out->files[4].content.find("- split: dev\n    path: \"dev.jsonl\"") != std::string::npos);
        CHECK(exchange_fixtures::anyContains(out->notices,
                                             "split by article (seed 3, 10 articles): train 8 (8 sets, 16 rows)"));
    }
    SUBCASE("sentences") {
        Result<ExportOutput> out = exportSentences(sources, options);
        REQUIRE_MESSAGE(out.ok(), out.errorText());
        REQUIRE(out->files.size() == 3);
        CHECK(out->files[2].relativePath == "test.jsonl");
        CHECK(std::count(out->files[2].content.begin(), out->files[2].content.end(), '\n') == 2);
    }
    SUBCASE("too few articles: an empty part is warned about") {
        sources.resize(2);
        Result<ExportOutput> out = exportSentences(sources, options);
        REQUIRE(out.ok());
        CHECK(exchange_fixtures::anyContains(out->notices, "the part 'dev' got no article"));
    }
}
