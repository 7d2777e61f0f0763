// `claimmark export --to uima-json` and `claimmark import --from uima-json`: a folder of CAS
// files, read back into a project, exported again byte for byte; bad input exits 1 naming
// the file and the JSON path, --lenient keeps the rest.
#include "test_cli_support.h"

using namespace clitest;

namespace {

std::size_t countType(const nlohmann::json& cas, const std::string& type) {
    std::size_t n = 0;
    for (const nlohmann::json& fs : cas.at("%FEATURE_STRUCTURES"))
        if (fs.at("%TYPE") == type) ++n;
    return n;
}

}  // namespace

TEST_CASE("uima-json: export writes OUT/<stem>.json; import gives the set back; exporting again is identical") {
    Fixture f;
    RunResult exported = run("export --to uima-json " + f.setArg() + " -o out", f.dir.path());
    CAPTURE(exported.err);
    REQUIRE(exported.exitCode == 0);
    CHECK(contains(exported.err, "offsets are UTF-16 code units"));
    const std::string first = readFile(f.dir / "out" / "article.json");
    const nlohmann::json cas = nlohmann::json::parse(first);
    CHECK(cas.at("%FEATURE_STRUCTURES")[0].at("sofaString") == kArticle);
    CHECK(countType(cas, "webanno.custom.Claimmark") == 4);
    CHECK(countType(cas, "webanno.custom.ClaimmarkRelation") == 3);

    RunResult imported = run("import --from uima-json out -o proj", f.dir.path());
    CAPTURE(imported.err);
    REQUIRE(imported.exitCode == 0);
    const fs::path set = f.dir / "proj" / "annotations" / "article" / "t.json";
    REQUIRE(fs::exists(set));
    const nlohmann::json back = nlohmann::json::parse(readFile(set));
    CHECK(back.at("annotations").size() == 4);
    CHECK(back.at("relations").size() == 3);
    CHECK(readFile(f.dir / "proj" / "samples" / "article.txt") == kArticle);

    RunResult again = run("export --to uima-json " + quote(set.string()) + " -o again", f.dir.path());
    CAPTURE(again.err);
    REQUIRE(again.exitCode == 0);
    CHECK(readFile(f.dir / "again" / "article.json") == first);
}

TEST_CASE("uima-json: bad input exits 1 with the file and the JSON path; --lenient keeps the rest") {
    TempDir dir;
    nlohmann::json cas = {
        {"%TYPES", nlohmann::json::object()},
        {"%FEATURE_STRUCTURES",
         {{{"%ID", 1}, {"%TYPE", "uima.cas.Sofa"}, {"sofaID", "_InitialView"}, {"sofaString", kArticle}},
          {{"%ID", 2},
           {"%TYPE", "webanno.custom.Claimmark"},
           {"@sofa", 1},
           {"begin", 7},
           {"end", 10},
           {"label", "hedge"},
           {"coveredText", "may"}},
          {{"%ID", 3},
           {"%TYPE", "webanno.custom.Claimmark"},
           {"@sofa", 1},
           {"begin", 0},
           {"end", 6},
           {"label", "claim"},
           {"coveredText", "Kratum"}},
          {{"%ID", 4},
           {"%TYPE", "webanno.custom.ClaimmarkRelation"},
           {"@sofa", 1},
           {"@Governor", 2},
           {"@Dependent", 77},
           {"label", "hedges"}}}},
        {"%VIEWS", {{"_InitialView", {{"%SOFA", 1}, {"%MEMBERS", {2, 3, 4}}}}}}};
    writeFile(dir / "in.json", cas.dump(1));
    RunResult r = run("import --from uima-json in.json -o proj", dir.path());
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "in.json: %FEATURE_STRUCTURES[2].coveredText: expected \"Kratum\", found \"Kratom\""));
    CHECK(contains(r.err, "in.json: %FEATURE_STRUCTURES[3].@Dependent: names no feature structure: 77"));
    CHECK_FALSE(fs::exists(dir / "proj"));

    RunResult lenient = run("import --from uima-json in.json -o proj --lenient", dir.path());
    CAPTURE(lenient.err);
    REQUIRE(lenient.exitCode == 0);
    CHECK(contains(lenient.err, "skipped (--lenient):"));
    const nlohmann::json set = nlohmann::json::parse(readFile(dir / "proj" / "annotations" / "in" / "imported.json"));
    CHECK(set.at("annotations").size() == 1);

    writeFile(dir / "broken.json", "{\"%FEATURE_STRUCTURES\": [");
    RunResult broken = run("import --from uima-json broken.json -o proj2", dir.path());
    CHECK(broken.exitCode == 1);
    CHECK(contains(broken.err, "broken.json: line 1, column"));
    CHECK(contains(broken.err, "invalid JSON"));
}

TEST_CASE("uima-json: listed by export --help and import --help") {
    CHECK(contains(run("export --help").out, "\n  uima-json "));
    CHECK(contains(run("import --help").out, "\n  uima-json "));
}
