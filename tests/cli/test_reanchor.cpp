// `claimmark reanchor`: spans follow an insertion, the output records the new article,
// orphans are kept, and existing files are not overwritten without --force.
#include "test_cli_support.h"

using namespace clitest;

namespace {

std::vector<std::size_t> spanOf(const nlohmann::json& set, const std::string& id) {
    for (const auto& a : set.at("annotations"))
        if (a.at("id") == id)
            return {a.at("spans")[0].at("start").get<std::size_t>(), a.at("spans")[0].at("end").get<std::size_t>()};
    return {};
}

}  // namespace

TEST_CASE("reanchor: an insertion at the start moves every span by its length") {
    Fixture f;
    const std::string updated = "UPDATE: " + kArticle;  // 8 code points inserted
    writeFile(f.article, updated);
    fs::create_directories(f.dir / "out");
    const fs::path out = f.dir / "out" / "new.json";

    RunResult r = run("reanchor " + f.setArg() + " -o " + quote(out.string()));
    CHECK(r.exitCode == 0);
    CHECK(r.out.empty());
    CHECK(contains(r.err, "0 unchanged, 4 moved, 0 fuzzy-matched, 0 orphaned"));
    CHECK(contains(r.err, "moved    a1 [0,20) -> [8,28)"));
    CHECK(contains(r.err, "\"Consult a doctor first.\""));
    REQUIRE(fs::exists(out));

    nlohmann::json set = nlohmann::json::parse(readFile(out));
    CHECK(spanOf(set, "a1") == std::vector<std::size_t>{8, 28});
    CHECK(spanOf(set, "a2") == std::vector<std::size_t>{15, 18});
    CHECK(spanOf(set, "a3") == std::vector<std::size_t>{30, 53});
    CHECK(spanOf(set, "a4") == std::vector<std::size_t>{54, 71});
    CHECK(set.at("document").at("path") == "../article.txt");  // relative to out/
    CHECK(set.at("document").at("sha256") == sha256Of(updated));
    CHECK(set.at("document").at("length") == 88);
    CHECK(set.at("relations").size() == 3);

    // The input set is unchanged, and the output validates against the new article. The
    // article lies outside out/ and there is no project folder, so validate reads it only
    // when it is named (the trust boundary of document.path).
    CHECK(nlohmann::json::parse(readFile(f.set)) == standardSet());
    RunResult refused = run("validate " + quote(out.string()));
    CHECK(refused.exitCode == 1);
    CHECK(contains(refused.err, "leads outside the project"));
    RunResult check = run("validate " + quote(out.string()) + " --article " + quote(f.article.string()));
    CHECK(check.exitCode == 0);
    CHECK(contains(check.out, "ok (4 annotations, 3 relations)"));
}

TEST_CASE("reanchor: text that is gone is kept as orphaned, listed, and the command succeeds") {
    Fixture f;
    writeFile(f.article, "Kratom may ease pain. Consult a doctor first. Nothing more.\n");
    const fs::path out = f.dir / "new.json";
    RunResult r = run("reanchor " + f.setArg() + " -o " + quote(out.string()));
    CHECK(r.exitCode == 0);
    CHECK(contains(r.err, "3 unchanged, 0 moved, 0 fuzzy-matched, 1 orphaned"));
    CHECK(contains(r.err, "orphaned a4 [46,63)"));
    CHECK(contains(r.err, "\"Anecdotal reports\""));
    CHECK(contains(r.err, "could not be placed"));
    nlohmann::json set = nlohmann::json::parse(readFile(out));
    CHECK(set.at("annotations").size() == 4);
    CHECK(set.at("relations").size() == 3);
}

TEST_CASE("reanchor: an existing output is refused without --force and replaced with it") {
    Fixture f;
    writeFile(f.article, "UPDATE: " + kArticle);
    const fs::path out = f.dir / "new.json";
    writeFile(out, "keep me");

    RunResult refused = run("reanchor " + f.setArg() + " -o " + quote(out.string()));
    CHECK(refused.exitCode == 1);
    CHECK(contains(refused.err, out.string() + ": already exists"));
    CHECK(contains(refused.err, "--force"));
    CHECK(readFile(out) == "keep me");

    RunResult forced = run("reanchor " + f.setArg() + " -o " + quote(out.string()) + " --force");
    CHECK(forced.exitCode == 0);
    CHECK(spanOf(nlohmann::json::parse(readFile(out)), "a1") == std::vector<std::size_t>{8, 28});
}

TEST_CASE("reanchor: writing over the input needs --force") {
    Fixture f;
    writeFile(f.article, "UPDATE: " + kArticle);
    const std::string before = readFile(f.set);

    RunResult refused = run("reanchor " + f.setArg() + " -o " + f.setArg());
    CHECK(refused.exitCode == 1);
    CHECK(contains(refused.err, "is the input set"));
    CHECK(readFile(f.set) == before);

    RunResult forced = run("reanchor " + f.setArg() + " -o " + f.setArg() + " --force");
    CHECK(forced.exitCode == 0);
    nlohmann::json set = nlohmann::json::parse(readFile(f.set));
    CHECK(spanOf(set, "a4") == std::vector<std::size_t>{54, 71});
    CHECK(set.at("document").at("path") == "article.txt");
}

TEST_CASE("reanchor: bad input exits 1 and writes nothing") {
    Fixture f;
    f.writeSet(standardSet("gone.txt"));
    const fs::path out = f.dir / "new.json";
    RunResult r = run("reanchor " + f.setArg() + " -o " + quote(out.string()));
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "article not found"));
    CHECK_FALSE(fs::exists(out));
}
