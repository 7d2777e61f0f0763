// `claimmark export --to webanno-tsv` and `claimmark import --from webanno-tsv`: a folder of
// <stem>.tsv + <stem>.txt, read back into a project; --article for a file without its text;
// bad rows exit 1 with file and line, --lenient keeps the rest.
#include "test_cli_support.h"

using namespace clitest;

namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("webanno-tsv: export a folder, import it back into a project") {
    Fixture f;
    const fs::path out = f.dir / "tsv";
    RunResult exported = run("export --to webanno-tsv " + f.setArg() + " -o " + quote(out.string()));
    CAPTURE(exported.err);
    REQUIRE(exported.exitCode == 0);
    CHECK(contains(exported.err, "offsets are UTF-16 code units"));
    CHECK(readFile(out / "article.txt") == kArticle);
    const std::string tsv = readFile(out / "article.tsv");
    CHECK(tsv.rfind("#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Claimmark|label|annotation|note|", 0) == 0);
    CHECK(contains(tsv, "\n\n#Text=Kratom may ease pain.\n1-1\t0-6\tKratom\tclaim[1]\ta1[1]\t*[1]\t"));
    CHECK(contains(tsv, "\n#Text=Consult a doctor first.\n2-1\t22-29\tConsult\tcaveat[3]\ta3[3]\t"));

    const fs::path project = f.dir / "project";
    RunResult imported =
        run("import --from webanno-tsv " + quote(out.string()) + " -o " + quote(project.string()) + " --annotator t");
    CAPTURE(imported.err);
    REQUIRE(imported.exitCode == 0);
    const fs::path set = project / "annotations" / "article" / "t.json";
    CHECK(run("validate " + quote(set.string())).exitCode == 0);
    CHECK(contains(imported.err, "imported 1 document (4 annotations, 3 relations)"));
    CHECK(readFile(project / "samples" / "article.txt") == kArticle);  // the .txt beside, copied in

    // Exported again, the set gives the same file.
    const fs::path again = f.dir / "again";
    REQUIRE(run("export --to webanno-tsv " + quote(set.string()) + " -o " + quote(again.string())).exitCode == 0);
    CHECK(readFile(again / "article.tsv") == tsv);
}

TEST_CASE("webanno-tsv: --article for a file without its text; bad rows exit 1, --lenient keeps the rest") {
    Fixture f;
    const fs::path out = f.dir / "tsv";
    REQUIRE(run("export --to webanno-tsv " + f.setArg() + " -o " + quote(out.string())).exitCode == 0);
    const std::string tsv = readFile(out / "article.tsv");
    writeFile(f.dir / "in.tsv", tsv);  // no in.txt beside it

    RunResult withArticle = run("import --from webanno-tsv in.tsv --article article.txt -o one.json", f.dir.path());
    CAPTURE(withArticle.err);
    REQUIRE(withArticle.exitCode == 0);
    CHECK(contains(withArticle.err, "imported 1 document (4 annotations, 3 relations)"));

    writeFile(f.dir / "bad.tsv", replaced(tsv, "\t11-15\tease\t", "\t11-15\tEase\t"));
    RunResult bad = run("import --from webanno-tsv bad.tsv --article article.txt -o two.json", f.dir.path());
    CHECK(bad.exitCode == 1);
    CHECK(contains(bad.err,
                   "bad.tsv: line 9: the token text does not match the article at 11-15: expected \"ease\", "
                   "found \"Ease\""));
    CHECK_FALSE(fs::exists(f.dir / "two.json"));

    RunResult lenient =
        run("import --from webanno-tsv bad.tsv --article article.txt -o two.json --lenient", f.dir.path());
    CAPTURE(lenient.err);
    REQUIRE(lenient.exitCode == 0);
    CHECK(contains(lenient.err, "skipped (--lenient):\n  bad.tsv: line 9: "));
    CHECK(contains(lenient.err, "imported 1 document (4 annotations, 3 relations, 1 item skipped)"));
}
