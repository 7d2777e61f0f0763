// `claimmark validate`: a good set, and one test per kind of bad input, each checking the
// exit code and that the message names the file and the place.
#include "test_cli_support.h"

using namespace clitest;

TEST_CASE("validate: a good set prints ok with its counts and exits 0") {
    Fixture f;
    RunResult r = run("validate " + f.setArg());
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, f.set.string() + ": ok (4 annotations, 3 relations)"));
    CHECK(r.err.empty());
}

TEST_CASE("validate: truncated JSON is reported with line and column") {
    Fixture f;
    // Four lines, no final newline: the input ends on line 4.
    writeFile(f.set,
              "{\n"
              "  \"format\": \"claimmark/annotation-set\",\n"
              "  \"version\": 1,\n"
              "  \"document\": {\"path\": \"article.txt\"");
    RunResult r = run("validate " + f.setArg());
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, f.set.string()));
    CHECK(contains(r.err, "line 4, column "));
    CHECK(r.out.empty());
}

TEST_CASE("validate: a value of the wrong type is reported with its JSON path") {
    Fixture f;
    nlohmann::json set = standardSet();
    set["annotations"][1]["label"] = 42;
    f.writeSet(set);
    RunResult r = run("validate " + f.setArg());
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, f.set.string() + ": annotations[1].label: "));
}

TEST_CASE("validate: a span past the end of the article names spans[0].end") {
    Fixture f;
    nlohmann::json set = standardSet();
    set["annotations"][0]["spans"][0]["end"] = 81;  // the article has 80 code points
    f.writeSet(set);
    RunResult r = run("validate " + f.setArg());
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "annotations[0].spans[0].end"));
}

TEST_CASE("validate: an unknown label is named with its path") {
    Fixture f;
    nlohmann::json set = standardSet();
    set["annotations"][1]["label"] = "opinion";
    set["relations"].erase(0);  // r1 would also complain about a2; keep one problem
    f.writeSet(set);
    RunResult r = run("validate " + f.setArg());
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "annotations[1].label"));
    CHECK(contains(r.err, "opinion"));
}

TEST_CASE("validate: a duplicate annotation id is reported") {
    Fixture f;
    nlohmann::json set = standardSet();
    set["annotations"][2]["id"] = "a1";
    set["relations"].erase(1);  // r2 pointed at a3, which no longer exists
    f.writeSet(set);
    RunResult r = run("validate " + f.setArg());
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "annotations[2].id"));
    CHECK(contains(r.err, "\"a1\""));
}

TEST_CASE("validate: a relation to a missing annotation is reported") {
    Fixture f;
    nlohmann::json set = standardSet();
    set["relations"][0]["to"] = "a9";
    f.writeSet(set);
    RunResult r = run("validate " + f.setArg());
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "relations[0].to"));
    CHECK(contains(r.err, "a9"));
}

TEST_CASE("validate: a missing article is named with the resolved path and as written") {
    Fixture f;
    f.writeSet(standardSet("texts/missing.txt"));
    RunResult r = run("validate " + f.setArg());
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, f.set.string() + ": document.path: article not found: "));
    CHECK(contains(r.err, (f.dir.path() / "texts" / "missing.txt").string()));
    CHECK(contains(r.err, "(document.path \"texts/missing.txt\")"));
    CHECK(r.out.empty());
}

TEST_CASE("validate: an article that is not UTF-8 is reported with the byte offset") {
    Fixture f;
    writeFile(f.article, std::string("ab\xC3\x28"
                                     "cd\n"));  // C3 starts a sequence, 28 is not a continuation
    RunResult r = run("validate " + f.setArg());
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "article.txt"));
    CHECK(contains(r.err, "byte 2"));
}

TEST_CASE("validate: a changed article is a problem and says what re-anchoring would do") {
    Fixture f;
    writeFile(f.article, "UPDATE: " + kArticle);
    RunResult r = run("validate " + f.setArg());
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, f.set.string() + ": document.sha256: the article changed"));
    CHECK(contains(r.err, "re-anchoring would give: 0 unchanged, 4 moved, 0 fuzzy-matched, 0 orphaned"));
    CHECK(contains(r.err, "claimmark reanchor"));
    CHECK(r.out.empty());
    // The set itself was not touched.
    CHECK(nlohmann::json::parse(readFile(f.set)) == standardSet());
}

TEST_CASE("validate: a set checked against a different article says so") {
    Fixture f;
    writeFile(f.article, "An entirely different text about the weather tomorrow.\n");
    RunResult r = run("validate " + f.setArg());
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "4 orphaned"));
    CHECK(contains(r.err, "probably made for a different article than " + f.article.string()));
}

TEST_CASE("validate: a stored text that differs from the article is reported") {
    Fixture f;
    nlohmann::json set = standardSet();
    set["annotations"][3]["text"] = "Anecdotal REPORTS";
    f.writeSet(set);
    RunResult r = run("validate " + f.setArg());
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, f.set.string()));
    CHECK(contains(r.err, ".text"));
}

TEST_CASE("validate: several sets — every one is checked, exit 1 if any is bad") {
    Fixture f;
    const fs::path bad = f.dir / "bad.json";
    writeFile(bad, "{");
    const fs::path missing = f.dir / "nope.json";
    RunResult r = run("validate " + f.setArg() + " " + quote(bad.string()) + " " + quote(missing.string()));
    CHECK(r.exitCode == 1);
    CHECK(contains(r.out, f.set.string() + ": ok (4 annotations, 3 relations)"));
    CHECK(contains(r.err, bad.string() + ": line 1, column "));
    CHECK(contains(r.err, missing.string()));

    RunResult good = run("validate " + f.setArg() + " " + f.setArg());
    CHECK(good.exitCode == 0);
}
