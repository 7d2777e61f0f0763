// `claimmark export --to labelstudio`: label_config.xml beside the tasks, --as predictions
// with the pending suggestions in it, and its usage errors.
#include "test_cli_support.h"

using namespace clitest;

TEST_CASE("export labelstudio: the labeling config is written beside the tasks") {
    Fixture f;
    const fs::path out = f.dir / "tasks.json";
    RunResult r = run("export --to labelstudio " + f.setArg() + " -o " + quote(out.string()));
    CAPTURE(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(contains(r.err, "label_config.xml beside the tasks"));
    const std::string config = readFile(f.dir / "label_config.xml");
    CHECK(config.rfind("<View>", 0) == 0);
    CHECK(contains(config, "<Label value=\"hedge\""));
    const nlohmann::json tasks = nlohmann::json::parse(readFile(out));
    CHECK(tasks[0].contains("annotations"));
    CHECK_FALSE(tasks[0].contains("predictions"));
}

TEST_CASE("export labelstudio --as predictions: the pending suggestion is in the prediction") {
    Fixture f;  // a4 (evidence) becomes a pending suggestion
    nlohmann::json set = standardSet();
    set["annotations"][3]["status"] = "suggested";
    set["annotations"][3]["rule"] = "evidence.anecdotal";
    f.writeSet(set);
    const fs::path out = f.dir / "pre.json";
    RunResult r = run("export --to labelstudio --as predictions " + f.setArg() + " -o " + quote(out.string()));
    CAPTURE(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(contains(r.err, "written as predictions (pre-annotations to review), with 1 pending suggestion(s)"));
    const nlohmann::json task = nlohmann::json::parse(readFile(out))[0];
    CHECK_FALSE(task.contains("annotations"));
    const nlohmann::json& results = task.at("predictions")[0].at("result");
    bool found = false;
    for (const nlohmann::json& result : results)
        if (result.value("id", "") == "a4" && result.value("from_name", "") == "label") {
            found = true;
            CHECK(result.at("claimmark_status") == "suggested");
            CHECK(result.at("claimmark_rule") == "evidence.anecdotal");
        }
    CHECK(found);

    // Without --as predictions the suggestion is left out.
    RunResult plain = run("export --to labelstudio " + f.setArg() + " -o " + quote((f.dir / "plain.json").string()));
    REQUIRE(plain.exitCode == 0);
    CHECK_FALSE(contains(readFile(f.dir / "plain.json"), "Anecdotal reports\",\"labels\""));

    // And it reads back as a pending suggestion.
    RunResult back =
        run("import --from labelstudio " + quote(out.string()) + " -o " + quote((f.dir / "back.json").string()));
    CAPTURE(back.err);
    REQUIRE(back.exitCode == 0);
    const nlohmann::json imported = nlohmann::json::parse(readFile(f.dir / "back.json"));
    bool pending = false;
    for (const nlohmann::json& a : imported.at("annotations"))
        if (a.value("status", "") == "suggested" && a.value("rule", "") == "evidence.anecdotal") pending = true;
    CHECK(pending);
}

TEST_CASE("export labelstudio: --as usage errors exit 2") {
    Fixture f;
    const std::string out = " -o " + quote((f.dir / "out.json").string());
    RunResult other = run("export --to jsonl --as predictions " + f.setArg() + out);
    CHECK(other.exitCode == 2);
    CHECK(contains(other.err, "--as is for --to labelstudio"));
    RunResult bad = run("export --to labelstudio --as guesses " + f.setArg() + out);
    CHECK(bad.exitCode == 2);
    CHECK(contains(bad.err, "--as takes annotations or predictions, not 'guesses'"));
    RunResult both = run("export --to labelstudio --as predictions --include-suggested " + f.setArg() + out);
    CHECK(both.exitCode == 2);
    CHECK(contains(both.err, "leave out --include-suggested"));
    RunResult clash =
        run("export --to labelstudio " + f.setArg() + " -o " + quote((f.dir / "label_config.xml").string()));
    CHECK(clash.exitCode == 2);
    CHECK_FALSE(fs::exists(f.dir / "out.json"));
}
