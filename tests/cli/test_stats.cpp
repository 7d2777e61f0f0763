// `claimmark stats`: the text table and the JSON, with counts worked out by hand from the
// fixture set (test_cli_support.h).
#include "test_cli_support.h"

using namespace clitest;

TEST_CASE("stats: text table with totals, labels, attribute values, relations, origins") {
    Fixture f;
    RunResult r = run("stats " + f.setArg());
    CHECK(r.exitCode == 0);
    CHECK(r.err.empty());
    CHECK(contains(r.out, "Annotations  4\n"));
    CHECK(contains(r.out, "Relations    3\n"));
    CHECK(contains(r.out, "Orphaned     0\n"));
    CHECK(contains(r.out, "claim         1\n"));
    CHECK(contains(r.out, "caveat        1\n"));
    CHECK(contains(r.out, "strength"));
    CHECK(contains(r.out, "consult-professional"));
    CHECK(contains(r.out, "contradicts        0\n"));
    CHECK(contains(r.out, "supports           1\n"));
    CHECK(contains(r.out, "manual         3\n"));
    CHECK(contains(r.out, "suggested      1\n"));
}

TEST_CASE("stats --json: one set gives an object with the counts") {
    Fixture f;
    RunResult r = run("stats --json " + f.setArg());
    REQUIRE(r.exitCode == 0);
    nlohmann::json json = nlohmann::json::parse(r.out);
    REQUIRE(json.is_object());
    CHECK(json.at("file") == f.set.string());
    CHECK(json.at("annotations") == 4);
    CHECK(json.at("relations") == 3);
    CHECK(json.at("orphaned") == 0);
    CHECK(json.at("perLabel") == nlohmann::json{{"claim", 1}, {"hedge", 1}, {"caveat", 1}, {"evidence", 1}});
    CHECK(json.at("perAttribute").at("claim").at("strength").at("3") == 1);
    CHECK(json.at("perAttribute").at("hedge").at("kind").at("modal") == 1);
    CHECK(json.at("perAttribute").at("evidence").at("type").at("anecdotal") == 1);
    CHECK(json.at("perRelationType") ==
          nlohmann::json{{"hedges", 1}, {"qualifies", 1}, {"supports", 1}, {"contradicts", 0}});
    CHECK(json.at("perOrigin") == nlohmann::json{{"manual", 3}, {"suggested", 1}});
}

TEST_CASE("stats --json: several sets give an array in command-line order") {
    Fixture f;
    nlohmann::json smaller = standardSet();
    smaller["annotations"].erase(3);  // a4 and r3 (which points at it) go
    smaller["relations"].erase(2);
    const fs::path second = f.dir / "second.json";
    writeFile(second, smaller.dump());
    RunResult r = run("stats " + f.setArg() + " " + quote(second.string()) + " --json");
    REQUIRE(r.exitCode == 0);
    nlohmann::json json = nlohmann::json::parse(r.out);
    REQUIRE(json.is_array());
    REQUIRE(json.size() == 2);
    CHECK(json[0].at("annotations") == 4);
    CHECK(json[1].at("file") == second.string());
    CHECK(json[1].at("annotations") == 3);
    CHECK(json[1].at("relations") == 2);
    CHECK(json[1].at("perLabel").at("evidence") == 0);
}

TEST_CASE("stats: a bad set exits 1 with its diagnostics and prints no results") {
    Fixture f;
    const fs::path bad = f.dir / "bad.json";
    writeFile(bad, "[1, 2");
    RunResult r = run("stats " + f.setArg() + " " + quote(bad.string()));
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, bad.string()));
    CHECK(r.out.empty());
}
