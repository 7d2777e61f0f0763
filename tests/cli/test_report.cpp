// claimmark report: the JSON, Markdown and HTML forms of one set, several reviewers of one
// article, sets of different articles, a project folder; bad input and usage errors.
#include "test_cli_support.h"

using namespace clitest;

namespace {

nlohmann::json parse(const std::string& text) { return nlohmann::json::parse(text); }

nlohmann::json reportJson(const std::string& arguments) {
    RunResult r = run("report " + arguments + " --json");
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    return parse(r.out);
}

}  // namespace

TEST_CASE("report --json: a claim with its hedge, caveat and evidence, and its flags") {
    Fixture f;
    nlohmann::json out = reportJson(f.setArg());
    CHECK(out["format"] == "claimmark/report");
    REQUIRE(out["claims"].size() == 1);
    nlohmann::json claim = out["claims"][0];
    CHECK(claim["id"] == "a1");
    CHECK(claim["hedges"][0]["text"] == "may");
    CHECK(claim["caveats"][0]["kind"] == "consult-professional");
    CHECK(claim["evidence"][0]["type"] == "anecdotal");
    CHECK(claim["support"] == "anecdotal");
    CHECK(claim["flags"].empty());  // strength 3: not more than anecdotes allow
    CHECK(out["summary"]["claims"] == 1);

    // At strength 5 on anecdotes it is flagged, with reasons.
    nlohmann::json set = standardSet();
    set["annotations"][0]["attributes"]["strength"] = 5;
    f.writeSet(set);
    claim = reportJson(f.setArg())["claims"][0];
    CHECK(claim["flags"] == nlohmann::json{"strength-exceeds-evidence", "uncited-support"});
    CHECK(contains(claim["reasons"]["strength-exceeds-evidence"].get<std::string>(), "anecdotal"));
}

TEST_CASE("report: Markdown by default, and to a file with -o") {
    Fixture f;
    nlohmann::json set = standardSet();
    set["annotations"][0]["attributes"]["strength"] = 5;
    f.writeSet(set);
    RunResult r = run("report " + f.setArg());
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    CHECK(contains(r.out, "# Claim-strength report: article.txt"));
    CHECK(contains(r.out, "## Flagged claims, worst first"));
    CHECK(contains(r.out, "Kratom may ease pain"));
    const fs::path md = f.dir / "report.md";
    RunResult written = run("report " + f.setArg() + " -o " + quote(md.string()));
    REQUIRE_MESSAGE(written.exitCode == 0, written.err);
    CHECK(readFile(md) == r.out);
    CHECK(contains(written.err, "1 claims, 1 flagged"));
}

TEST_CASE("report -o REPORT.html: one self-contained page, article text escaped") {
    Fixture f;
    const std::string hostile = "<script>alert(1)</script> Kratom & co cure all.\n";
    writeFile(f.article, hostile);
    nlohmann::json set = standardSet();
    set["document"]["sha256"] = sha256Of(hostile);
    set["document"]["length"] = hostile.size();
    set["annotations"] =
        nlohmann::json::array({annotation("a1", "claim", 26, 46, "Kratom & co cure all", nlohmann::json::object())});
    set["relations"] = nlohmann::json::array();
    f.writeSet(set);
    const fs::path html = f.dir / "report.html";
    RunResult r = run("report " + f.setArg() + " -o " + quote(html.string()));
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    const std::string page = readFile(html);
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK_FALSE(contains(page, "<script>alert"));
    CHECK(contains(page, "Kratom &amp; co cure all"));
    CHECK_FALSE(contains(page, "src=\"http"));
    CHECK_FALSE(contains(page, "href=\"http"));
    CHECK_FALSE(contains(page, "<link"));
    CHECK(contains(page, "no-evidence"));
}

TEST_CASE("report: several reviewers of one article side by side, the gold set's rows") {
    Fixture f;
    nlohmann::json alice = standardSet();
    alice["annotator"] = "alice";
    alice["annotations"][0]["attributes"]["strength"] = 2;
    nlohmann::json gold = standardSet();
    gold["annotator"] = "gold";
    gold["annotations"][0]["attributes"]["strength"] = 5;
    writeFile(f.dir / "alice.json", alice.dump(2));
    writeFile(f.dir / "gold.json", gold.dump(2));
    nlohmann::json out =
        reportJson(quote((f.dir / "alice.json").string()) + " " + quote((f.dir / "gold.json").string()));
    CHECK(out["document"]["reviewers"] == nlohmann::json{"alice", "gold"});
    CHECK(out["document"]["primary"] == "gold");
    REQUIRE(out["claims"].size() == 1);
    const nlohmann::json& claim = out["claims"][0];
    CHECK(claim["from"] == "gold");
    CHECK(claim["strength"] == 5);
    REQUIRE(claim["reviewers"].size() == 2);
    CHECK(claim["reviewers"][0]["strength"] == 2);
    CHECK(claim["reviewers"][1]["strength"] == 5);
    CHECK(contains(claim["flags"].dump(), "reviewers-disagree"));
}

TEST_CASE("report: sets of different articles are reported one after the other") {
    Fixture f;
    const fs::path otherArticle = f.dir / "other.txt";
    writeFile(otherArticle, kArticle + "More text.\n");
    nlohmann::json other = standardSet("other.txt");
    other["document"]["sha256"] = sha256Of(kArticle + "More text.\n");
    other["document"]["length"] = kArticle.size() + 11;
    writeFile(f.dir / "other.json", other.dump(2));
    nlohmann::json out = reportJson(f.setArg() + " " + quote((f.dir / "other.json").string()));
    REQUIRE(out["documents"].size() == 2);
    CHECK(out["documents"][0]["document"]["name"] == "article.txt");
    CHECK(out["documents"][1]["document"]["name"] == "other.txt");
    CHECK(out["summary"]["claims"] == 2);
}

TEST_CASE("report DIR: a project folder, each document with its reviewers") {
    TempDir root;
    writeFile(root / "article.txt", kArticle);
    fs::create_directories(root / "annotations" / "article");
    for (const char* name : {"alice", "bob"}) {
        nlohmann::json set = standardSet("../../article.txt");
        set["annotator"] = name;
        writeFile(root / "annotations" / "article" / (std::string(name) + ".json"), set.dump(2));
    }
    nlohmann::json out = reportJson(quote(root.path().string()));
    CHECK(out["document"]["name"] == "article");
    CHECK(out["document"]["reviewers"] == nlohmann::json{"alice", "bob"});
    REQUIRE(out["claims"].size() == 1);
    CHECK(out["claims"][0]["reviewers"].size() == 2);
}

TEST_CASE("report: bad input names the file and the place; usage errors") {
    Fixture f;
    nlohmann::json set = standardSet();
    set["schema"] = parse(readFile(fs::path(CLAIMMARK_SOURCE_DIR) / "samples" / "schemas" / "claim-strength.json"));
    set["schema"]["report"]["evidence_hierarchy"][2] = "horoscope";
    f.writeSet(set);
    RunResult bad = run("report " + f.setArg());
    CHECK(bad.exitCode == 1);
    CHECK(contains(bad.err, "schema.report.evidence_hierarchy[2]"));
    CHECK(contains(bad.err, "horoscope"));
    CHECK(bad.out.empty());

    writeFile(f.set, "{\"format\": ");
    RunResult broken = run("report " + f.setArg());
    CHECK(broken.exitCode == 1);
    CHECK(contains(broken.err, f.set.string()));

    nlohmann::json outside = standardSet("../../../etc/passwd");
    f.writeSet(outside);
    RunResult refused = run("report " + f.setArg());
    CHECK(refused.exitCode == 1);
    CHECK(contains(refused.err, "document.path"));

    CHECK(run("report").exitCode == 2);
    CHECK(run("report " + f.setArg() + " --json --md").exitCode == 2);
    CHECK(run("report " + f.setArg() + " -o report.txt").exitCode == 2);
    CHECK(run("report " + quote(f.dir.path().string()) + " --article x.txt").exitCode == 2);
    RunResult help = run("report --help");
    CHECK(help.exitCode == 0);
    CHECK(contains(help.out, "strength-exceeds-evidence"));
}
