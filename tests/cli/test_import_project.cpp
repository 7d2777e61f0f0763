// test_import_project.cpp — `claimmark import -o DIR` as a team lead uses it: several
// annotators' brat folders of the same documents imported into one project, which then
// opens, agrees and exports; an annotator whose copy of an article differs is refused.
#include "test_cli_support.h"

using namespace clitest;

namespace {

const std::string kOne = "Kratom may ease pain. Doctors urge caution.\n";
const std::string kTwo = "Turmeric is said to help joints.\n";

// A brat folder of the two documents with one hedge and one claim each.
void writeBratFolder(const fs::path& folder, const std::string& hedgeText = "may") {
    fs::create_directories(folder);
    writeFile(folder / "one.txt", kOne);
    writeFile(folder / "one.ann",
              "T1\tclaim 0 20\tKratom may ease pain\nT2\thedge 7 10\t" + hedgeText + "\nR1\thedges Arg1:T2 Arg2:T1\n");
    writeFile(folder / "two.txt", kTwo);
    writeFile(folder / "two.ann", "T1\tclaim 0 31\tTurmeric is said to help joints\nT2\thedge 12 16\tsaid\n");
}

}  // namespace

TEST_CASE("import -o DIR: annotators' brat folders make one project that agrees at once") {
    TempDir dir;
    writeBratFolder(dir / "alice");
    writeBratFolder(dir / "bob");
    for (const char* name : {"alice", "bob"}) {
        RunResult r = run(std::string("import --from brat ") + name + " --annotator " + name + " -o proj", dir.path());
        CAPTURE(r.err);
        REQUIRE(r.exitCode == 0);
    }
    CHECK(readFile(dir / "proj/samples/one.txt") == kOne);
    CHECK(readFile(dir / "proj/samples/two.txt") == kTwo);
    CHECK(fs::exists(dir / "proj/annotations/one/alice.json"));
    CHECK(fs::exists(dir / "proj/annotations/two/bob.json"));
    const nlohmann::json set = nlohmann::json::parse(readFile(dir / "proj/annotations/one/bob.json"));
    CHECK(set.at("document").at("path") == "../../samples/one.txt");

    RunResult agree = run("agree proj", dir.path());
    CAPTURE(agree.out);
    CAPTURE(agree.err);
    CHECK(agree.exitCode == 0);
    CHECK_FALSE(contains(agree.out + agree.err, "no article"));
    CHECK(contains(agree.out, "one"));
    CHECK(contains(agree.out, "two"));
    CHECK(run("validate proj/annotations/one/alice.json proj/annotations/two/bob.json", dir.path()).exitCode == 0);
    CHECK(run("export --to jsonl proj/annotations/one/alice.json -o out.jsonl", dir.path()).exitCode == 0);
}

TEST_CASE("import -o DIR: an annotator whose copy of an article differs is refused, nothing written") {
    TempDir dir;
    writeBratFolder(dir / "alice");
    writeBratFolder(dir / "carol");
    writeFile(dir / "carol/one.txt", "Kratom may ease pain. Doctors urge caution!\n");
    REQUIRE(run("import --from brat alice --annotator alice -o proj", dir.path()).exitCode == 0);
    RunResult r = run("import --from brat carol --annotator carol -o proj", dir.path());
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "one.txt: already exists with a different text than the one carol's annotations"));
    CHECK(contains(r.err, "nothing written"));
    CHECK_FALSE(fs::exists(dir / "proj/annotations/one/carol.json"));
    CHECK_FALSE(fs::exists(dir / "proj/annotations/two/carol.json"));
    CHECK(readFile(dir / "proj/samples/one.txt") == kOne);
}
