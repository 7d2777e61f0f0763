// `claimmark export --to hf-tokens|sentences`: the folder and file they write, --split into
// part files with the counts printed, --seed, --flat and its overlap refusal, usage errors.
#include "test_cli_support.h"

#include <algorithm>

using namespace clitest;

namespace {

std::size_t lineCount(const std::string& text) { return std::size_t(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

TEST_CASE("export hf-tokens: data.jsonl, labels.json and a dataset card in the folder") {
    Fixture f;
    const fs::path out = f.dir / "hf";
    RunResult r = run("export --to hf-tokens " + f.setArg() + " -o " + quote(out.string()));
    CAPTURE(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(contains(r.err, "wrote 3 files to "));
    CHECK(contains(r.err, "hf-tokens: "));
    const std::string data = readFile(out / "data.jsonl");
    REQUIRE(lineCount(data) >= 1);
    const nlohmann::json row = nlohmann::json::parse(data.substr(0, data.find('\n')));
    CHECK(row.at("id") == "article:0");
    CHECK(row.at("tokens")[0] == "Kratom");
    CHECK(row.at("claim_tags")[0] == "B-claim");
    CHECK(row.at("hedge_tags")[1] == "B-hedge");  // "may"
    CHECK(row.at("tokens").size() == row.at("hedge_tags").size());
    const nlohmann::json labels = nlohmann::json::parse(readFile(out / "labels.json"));
    CHECK(labels.at("hedge_tags") == nlohmann::json({"O", "B-hedge", "I-hedge"}));
    CHECK(contains(readFile(out / "README.md"), "token-classification"));
}

TEST_CASE("export sentences: one file of rows; with --split a folder of part files") {
    Fixture f;
    const fs::path file = f.dir / "sentences.jsonl";
    RunResult one = run("export --to sentences " + f.setArg() + " -o " + quote(file.string()));
    CAPTURE(one.err);
    REQUIRE(one.exitCode == 0);
    REQUIRE(fs::is_regular_file(file));
    const std::string rows = readFile(file);
    const nlohmann::json first = nlohmann::json::parse(rows.substr(0, rows.find('\n')));
    CHECK(first.at("text").get<std::string>().rfind("Kratom may", 0) == 0);
    CHECK(first.at("labels").size() >= 2);

    // One article, split 50/50: it goes to the part named first (ties), the other is empty.
    const fs::path folder = f.dir / "parts";
    RunResult split =
        run("export --to sentences --split train=50,test=50 --seed 9 " + f.setArg() + " -o " + quote(folder.string()));
    CAPTURE(split.err);
    REQUIRE(split.exitCode == 0);
    CHECK(fs::is_regular_file(folder / "train.jsonl"));
    CHECK(fs::is_regular_file(folder / "test.jsonl"));
    CHECK(contains(split.err, "split by article (seed 9, 1 article): train 1 (1 set, "));
    CHECK(contains(split.err, "warning: the part 'test' got no article"));
    CHECK(readFile(folder / "train.jsonl") == rows);
    CHECK(readFile(folder / "test.jsonl").empty());
}

TEST_CASE("export hf-tokens --flat: overlapping annotations are refused, nothing written") {
    Fixture f;  // the standard set's claim covers the hedge "may"
    const fs::path out = f.dir / "flat";
    RunResult r = run("export --to hf-tokens --flat " + f.setArg() + " -o " + quote(out.string()));
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, f.set.string()));
    CHECK(contains(r.err, "overlap"));
    CHECK(contains(r.err, "leave out --flat"));
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("export datasets: usage errors exit 2") {
    Fixture f;
    const std::string out = " -o " + quote((f.dir / "out").string());
    struct Case {
        const char* arguments;
        const char* message;
    };
    for (const Case& c : {Case{"--to jsonl --flat", "--flat is for --to hf-tokens"},
                          Case{"--to sentences --flat", "--flat is for --to hf-tokens"},
                          Case{"--to csv --split train=100", "--split is for --to hf-tokens and --to sentences"},
                          Case{"--to hf-tokens --seed 3", "--seed is for --split"},
                          Case{"--to hf-tokens --split train=90", "--split percentages sum to 90, not 100"},
                          Case{"--to hf-tokens --split train=50,dev=50 --seed x",
                               "--seed needs a whole number from 0 to 18446744073709551615"},
                          Case{"--to sentences --split a/b=100", "letters, digits or '_'"}}) {
        CAPTURE(c.arguments);
        RunResult r = run(std::string("export ") + c.arguments + " " + f.setArg() + out);
        CHECK(r.exitCode == 2);
        CHECK(contains(r.err, c.message));
    }
    CHECK_FALSE(fs::exists(f.dir / "out"));
}
