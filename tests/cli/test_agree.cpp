// `claimmark agree`: sets of one article, stale and foreign sets, usage errors, and a project
// folder. Fixture article and set: test_cli_support.h (a1 claim [0,20), a2 hedge [7,10),
// a3 caveat [22,45), a4 evidence [46,63), three relations to a1).
#include "test_cli_support.h"

using namespace clitest;

namespace {

nlohmann::json withAnnotator(nlohmann::json set, const std::string& annotator) {
    set["annotator"] = annotator;
    return set;
}

}  // namespace

TEST_CASE("agree: two identical sets agree perfectly; absent labels are n/a / null") {
    Fixture f;
    const fs::path second = f.dir / "bob.json";
    writeFile(second, withAnnotator(standardSet(), "bob").dump());
    RunResult text = run("agree " + f.setArg() + " " + quote(second.string()));
    CHECK(text.exitCode == 0);
    CHECK(text.err.empty());
    CHECK(contains(text.out, "Reviewers: t, bob"));
    CHECK(contains(text.out, "overall"));
    CHECK(contains(text.out, "1.000"));

    RunResult r = run("agree --json " + f.setArg() + " " + quote(second.string()));
    REQUIRE(r.exitCode == 0);
    nlohmann::json json = nlohmann::json::parse(r.out);
    CHECK(json.at("reviewers") == nlohmann::json{"t", "bob"});
    const nlohmann::json& micro = json.at("micro");
    CHECK(micro.at("units") == 68);  // 80 code points minus 11 spaces and the newline
    CHECK(micro.at("spans").at("exact").at("f1") == 1.0);
    CHECK(micro.at("spans").at("overlap").at("pairs").at(0).at("precision") == 1.0);
    CHECK(micro.at("unitLevel").at("perLabel").at("claim").at("alpha") == 1.0);
    CHECK(micro.at("relations").at("f1") == 1.0);
    // "contradicts" is used by nobody.
    CHECK(micro.at("relations").at("perType").at("contradicts").at("f1").is_null());
    CHECK(micro.at("relations").at("perType").at("contradicts").contains("f1Reason"));
    CHECK(json.at("perDocument").size() == 1);
    CHECK(json.at("matching").at("overlap").get<std::string>().find("one to one") != std::string::npos);
}

TEST_CASE("agree: disagreeing sets give the hand-computed span figures") {
    Fixture f;
    nlohmann::json other = withAnnotator(standardSet(), "bob");
    // bob: claim [0,6) "Kratom" instead of [0,20); no evidence (and so no r3).
    other["annotations"][0]["spans"][0]["end"] = 6;
    other["annotations"][0]["text"] = "Kratom";
    other["annotations"].erase(3);
    other["relations"].erase(2);
    const fs::path second = f.dir / "bob.json";
    writeFile(second, other.dump());
    RunResult r = run("agree --json " + f.setArg() + " " + quote(second.string()));
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    nlohmann::json micro = nlohmann::json::parse(r.out).at("micro");
    // exact: t 4 spans, bob 3, matched hedge + caveat = 2 -> F1 = 4/7.
    CHECK(micro.at("spans").at("exact").at("f1").get<double>() == doctest::Approx(4.0 / 7.0));
    // overlap: the claims overlap too -> 3 matched -> 6/7.
    CHECK(micro.at("spans").at("overlap").at("f1").get<double>() == doctest::Approx(6.0 / 7.0));
    // relations: t 3, bob 2, both of bob's match -> 4/5.
    CHECK(micro.at("relations").at("f1").get<double>() == doctest::Approx(0.8));
}

TEST_CASE("agree: a set made on another version of the article is re-anchored, with a note") {
    Fixture f;
    nlohmann::json stale = withAnnotator(standardSet(), "bob");
    stale["document"]["sha256"] = sha256Of("Kratom may ease pain.\n");  // an older version
    const fs::path second = f.dir / "bob.json";
    writeFile(second, stale.dump());
    RunResult r = run("agree " + f.setArg() + " " + quote(second.string()));
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "re-anchored"));
    CHECK(contains(r.out, second.string()));
}

TEST_CASE("agree: sets of different articles are an error naming them") {
    Fixture f;
    const fs::path otherArticle = f.dir / "other.txt";
    writeFile(otherArticle, "Something else entirely, not the same article at all.\n");
    nlohmann::json foreign = withAnnotator(standardSet("other.txt"), "bob");
    foreign["document"]["sha256"] = sha256Of("Something else entirely, not the same article at all.\n");
    foreign["document"]["length"] = 55;
    foreign["annotations"] = nlohmann::json::array();
    foreign["relations"] = nlohmann::json::array();
    const fs::path second = f.dir / "bob.json";
    writeFile(second, foreign.dump());
    RunResult r = run("agree " + f.setArg() + " " + quote(second.string()));
    CHECK(r.exitCode == 1);
    CHECK(r.out.empty());
    CHECK(contains(r.err, second.string()));
    CHECK(contains(r.err, "different article"));
}

TEST_CASE("agree: usage errors and unreadable sets") {
    Fixture f;
    CHECK(run("agree").exitCode == 2);
    CHECK(run("agree " + f.setArg()).exitCode == 2);  // one set: nothing to compare
    CHECK(run("agree --frobnicate " + f.setArg() + " " + f.setArg()).exitCode == 2);
    RunResult help = run("agree --help");
    CHECK(help.exitCode == 0);
    CHECK(contains(help.out, "n/a"));
    const fs::path bad = f.dir / "bad.json";
    writeFile(bad, "{\"format\": ");
    RunResult r = run("agree " + f.setArg() + " " + quote(bad.string()));
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, bad.string()));
    CHECK(r.out.empty());
}

TEST_CASE("agree DIR: a project folder, gold skipped, a reviewer missing a document") {
    TempDir root;
    writeFile(root / "one.txt", kArticle);
    writeFile(root / "two.txt", kArticle);
    for (const std::string stem : {"one", "two"}) fs::create_directories(root.path() / "annotations" / stem);
    auto setFor = [](const std::string& stem, const std::string& annotator) {
        return withAnnotator(standardSet("../../" + stem + ".txt"), annotator);
    };
    writeFile(root.path() / "annotations/one/alice.json", setFor("one", "alice").dump());
    writeFile(root.path() / "annotations/one/bob.json", setFor("one", "bob").dump());
    writeFile(root.path() / "annotations/one/gold.json", setFor("one", "gold").dump());
    nlohmann::json bobTwo = setFor("two", "bob");
    bobTwo["annotations"].erase(3);  // evidence and its relation
    bobTwo["relations"].erase(2);
    writeFile(root.path() / "annotations/two/alice.json", setFor("two", "alice").dump());
    writeFile(root.path() / "annotations/two/bob.json", bobTwo.dump());
    writeFile(root.path() / "annotations/two/carol.json", setFor("two", "carol").dump());

    RunResult text = run("agree " + quote(root.path().string()));
    REQUIRE_MESSAGE(text.exitCode == 0, text.err);
    CHECK(contains(text.out, "skipped gold set"));
    CHECK(contains(text.out, "worst first"));
    CHECK(contains(text.out, "micro"));

    RunResult r = run("agree --json " + quote(root.path().string()));
    REQUIRE(r.exitCode == 0);
    nlohmann::json json = nlohmann::json::parse(r.out);
    CHECK(json.at("reviewers") == nlohmann::json{"alice", "bob", "carol"});
    REQUIRE(json.at("perDocument").size() == 2);
    CHECK(json.at("perDocument").at(0).at("document") == "two");  // the one with disagreement
    CHECK(json.at("perDocument").at(1).at("reviewers") == nlohmann::json{"alice", "bob"});
    CHECK(json.at("perDocument").at(1).at("spanF1Exact") == 1.0);
    CHECK(json.at("macro").at("spanF1Exact").at("documents") == 2);
    // Exact, micro over pairs: one: a/b 4+4 matched 4; two: a/b 4+3 m3, a/c 4+4 m4, b/c 3+4 m3
    // -> 2 * 14 / 30.
    CHECK(json.at("microHeadline").at("spanF1Exact").get<double>() == doctest::Approx(28.0 / 30.0));
}
