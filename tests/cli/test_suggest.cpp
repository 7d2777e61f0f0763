// claimmark suggest: a new set and adding to one, on a sample-like article; nothing twice;
// rejected suggestions stay out; bad rules and bad input; pending suggestions left out of
// export, agree and merge unless --include-suggested, and counted apart by stats.
#include "test_cli_support.h"

using namespace clitest;

namespace {

nlohmann::json readJson(const fs::path& path) { return nlohmann::json::parse(readFile(path)); }

std::size_t countWith(const nlohmann::json& set, const std::string& key, const std::string& value) {
    std::size_t n = 0;
    for (const auto& a : set["annotations"]) n += a.value(key, std::string()) == value;
    return n;
}

// A set of kArticle with one pending suggestion (a hedge on "may", linked to the claim).
nlohmann::json setWithPendingHedge() {
    nlohmann::json set = standardSet();
    set["annotations"][1]["status"] = "suggested";
    set["annotations"][1]["origin"] = "suggested";
    set["annotations"][1]["rule"] = "hedge.modal.may";
    return set;
}

}  // namespace

TEST_CASE("suggest: -o writes a new set of pending suggestions and says what it added") {
    Fixture f;
    const fs::path out = f.dir / "suggested.json";
    RunResult r = run("suggest " + quote(f.article.string()) + " -o " + quote(out.string()) + " --annotator ann");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    CHECK(contains(r.out, "hedge.modal.may"));
    CHECK(contains(r.out, "caveat.consult-professional"));
    CHECK(contains(r.out, "link"));
    const nlohmann::json set = readJson(out);
    CHECK(set["annotator"] == "ann");
    CHECK(set["document"]["path"] == "article.txt");
    CHECK(countWith(set, "status", "suggested") == set["annotations"].size());
    CHECK(countWith(set, "rule", "hedge.modal.may") == 1);
    // The set validates, and a second -o refuses to overwrite.
    CHECK(run("validate " + quote(out.string())).exitCode == 0);
    RunResult again = run("suggest " + quote(f.article.string()) + " -o " + quote(out.string()));
    CHECK(again.exitCode == 1);
    CHECK(contains(again.err, "already exists"));
}

TEST_CASE("suggest: --into adds only what is new and never brings back a rejected suggestion") {
    Fixture f;
    nlohmann::json set = standardSet();
    set["rejected_suggestions"] = nlohmann::json::array(
        {{{"label", "caveat"}, {"spans", {{{"start", 22}, {"end", 44}}}}, {"rule", "caveat.consult-professional"}}});
    // The manual caveat is removed, so only the rejection keeps the rule's suggestion out.
    set["annotations"].erase(2);
    set["relations"].erase(1);
    f.writeSet(set);
    const std::string before = readFile(f.set);
    RunResult r = run("suggest " + quote(f.article.string()) + " --into " + f.setArg() + " --only caveat");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    CHECK(contains(r.out, "rejected before"));
    const nlohmann::json after = readJson(f.set);
    CHECK(countWith(after, "label", "caveat") == 0);
    CHECK(after["annotations"].size() == set["annotations"].size());
    CHECK(contains(r.out, "nothing new to suggest"));
    CHECK(readFile(f.set) == before);  // unchanged, not even rewritten
}

TEST_CASE("suggest: bad rules, a wrong article, an unknown label and usage errors") {
    Fixture f;
    writeFile(f.dir / "rules.json",
              "{\"format\": \"claimmark/suggestion-rules\", \"version\": 1, \"cues\": [\n"
              "  {\"id\": \"x\", \"label\": \"rumour\", \"phrases\": [\"may\"]}]}");
    RunResult r = run("suggest " + quote(f.article.string()) + " --into " + f.setArg() + " --rules " +
                      quote((f.dir / "rules.json").string()));
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "rules.json: cues[0].label: label \"rumour\" is not in the schema"));

    writeFile(f.dir / "other.txt", "Another article entirely.\n");
    r = run("suggest " + quote((f.dir / "other.txt").string()) + " --into " + f.setArg());
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "another version of the article"));

    r = run("suggest " + quote(f.article.string()) + " --into " + f.setArg() + " --only rumour");
    CHECK(r.exitCode == 2);
    CHECK(contains(r.err, "rumour"));
    CHECK(run("suggest " + quote(f.article.string())).exitCode == 2);
    CHECK(run("suggest " + quote(f.article.string()) + " -o a.json --into b.json").exitCode == 2);

    writeFile(f.dir / "latin1.txt", std::string("caf\xE9 may help\n"));
    r = run("suggest " + quote((f.dir / "latin1.txt").string()) + " -o " + quote((f.dir / "x.json").string()));
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "latin1.txt"));
    CHECK_FALSE(fs::exists(f.dir / "x.json"));
}

TEST_CASE("suggest: pending suggestions stay out of export, agree and merge unless --include-suggested") {
    Fixture f;
    f.writeSet(setWithPendingHedge());
    const fs::path jsonl = f.dir / "out.jsonl";
    REQUIRE(run("export --to jsonl " + f.setArg() + " -o " + quote(jsonl.string())).exitCode == 0);
    CHECK_FALSE(contains(readFile(jsonl), "\"hedge\""));
    REQUIRE(run("export --to jsonl --include-suggested " + f.setArg() + " -o " + quote(jsonl.string())).exitCode == 0);
    CHECK(contains(readFile(jsonl), "\"hedge\""));

    // Two reviewers: one with the hedge reviewed, one with it pending.
    const fs::path second = f.dir / "second.json";
    nlohmann::json reviewed = standardSet();
    reviewed["annotator"] = "u";
    writeFile(second, reviewed.dump(2));
    RunResult agree = run("agree --json " + f.setArg() + " " + quote(second.string()));
    REQUIRE_MESSAGE(agree.exitCode == 0, agree.err);
    RunResult agreeAll = run("agree --json --include-suggested " + f.setArg() + " " + quote(second.string()));
    REQUIRE(agreeAll.exitCode == 0);
    CHECK(agree.out != agreeAll.out);

    const fs::path gold = f.dir / "gold.json";
    REQUIRE(run("merge --strategy union " + f.setArg() + " " + quote(second.string()) + " -o " + quote(gold.string()))
                .exitCode == 0);
    const nlohmann::json merged = readJson(gold);
    CHECK(countWith(merged, "status", "suggested") == 0);
    for (const auto& a : merged["annotations"])
        if (a["label"] == "hedge") CHECK(a["proposed_by"] == nlohmann::json::array({"u"}));

    RunResult stats = run("stats --json " + f.setArg());
    REQUIRE(stats.exitCode == 0);
    const nlohmann::json counts = nlohmann::json::parse(stats.out);
    CHECK(counts["suggested"] == 1);
    CHECK(counts["suggestedPerLabel"]["hedge"] == 1);
}
