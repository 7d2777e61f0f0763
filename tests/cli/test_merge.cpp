// `claimmark merge`: the gold file written, its disputed entries, the summary, strategies,
// the document path, and the refusals (other article, existing output, bad strategy).
//
// Three reviewers of kArticle (see test_cli_support.h):
//   alice: the standard set (claim a1 strength 3, hedge, caveat, evidence; 3 relations)
//   bob:   the standard set, but the claim has strength 4 and no evidence (nor its relation)
//   carol: the claim only (strength 3)
// Majority (2 of 3): claim settled by presence but disputed on strength (3,4,3 → 3); hedge
// and caveat settled; evidence disputed (alice alone). Relations: hedges and qualifies
// settled (alice, bob), supports disputed (alice).
#include "test_cli_support.h"

using namespace clitest;

namespace {

nlohmann::json reviewerSet(const std::string& annotator, bool evidence, int strength, bool claimOnly = false,
                           const std::string& articlePath = "article.txt") {
    nlohmann::json set = standardSet(articlePath);
    set["annotator"] = annotator;
    auto& annotations = set["annotations"];
    annotations[0]["attributes"]["strength"] = strength;
    if (claimOnly) {
        annotations = nlohmann::json::array({annotations[0]});
        set["relations"] = nlohmann::json::array();
    } else if (!evidence) {
        annotations.erase(3);
        set["relations"].erase(2);
    }
    return set;
}

struct Reviewers {
    TempDir dir;
    fs::path alice = dir / "alice.json";
    fs::path bob = dir / "bob.json";
    fs::path carol = dir / "carol.json";
    fs::path gold = dir / "gold.json";

    Reviewers() {
        writeFile(dir / "article.txt", kArticle);
        writeFile(alice, reviewerSet("alice", true, 3).dump(2));
        writeFile(bob, reviewerSet("bob", false, 4).dump(2));
        writeFile(carol, reviewerSet("carol", false, 3, true).dump(2));
    }
    std::string inputs() const {
        return quote(alice.string()) + " " + quote(bob.string()) + " " + quote(carol.string());
    }
};

// Runs of spaces as one, so table checks do not depend on column widths.
std::string squeezed(const std::string& text) {
    std::string out;
    for (char c : text)
        if (c != ' ' || out.empty() || out.back() != ' ') out += c;
    return out;
}

const nlohmann::json* byLabel(const nlohmann::json& set, const std::string& label) {
    for (const auto& a : set.at("annotations"))
        if (a.at("label") == label) return &a;
    return nullptr;
}

}  // namespace

TEST_CASE("merge: majority of three writes a gold set with disputes kept and a summary") {
    Reviewers r;
    RunResult run1 = run("merge " + r.inputs() + " -o " + quote(r.gold.string()));
    INFO(run1.err);
    REQUIRE(run1.exitCode == 0);
    CHECK(contains(run1.out, "merged 3 sets (alice, bob, carol) by majority"));
    CHECK(contains(run1.out, "annotations: 2 settled, 2 disputed"));
    CHECK(contains(run1.out, "relations: 2 settled, 1 disputed"));
    const std::string table = squeezed(run1.out);  // label, settled, disputed
    CHECK(contains(table, "\nclaim 0 1\n"));
    CHECK(contains(table, "\nhedge 1 0\n"));
    CHECK(contains(table, "\nevidence 0 1\n"));
    CHECK(contains(table, "\nrelation supports 0 1\n"));
    CHECK(contains(table, "\nrelation qualifies 1 0\n"));
    REQUIRE(fs::exists(r.gold));

    nlohmann::json gold = nlohmann::json::parse(readFile(r.gold));
    CHECK(gold.at("annotator") == "gold");
    CHECK(gold.at("document").at("path") == "article.txt");
    CHECK(gold.at("document").at("sha256") == sha256Of(kArticle));
    REQUIRE(gold.at("annotations").size() == 4);

    const nlohmann::json* claim = byLabel(gold, "claim");
    REQUIRE(claim);
    CHECK(claim->at("id") == "a1");
    CHECK(claim->at("status") == "disputed");
    CHECK(claim->at("proposed_by") == nlohmann::json::array({"alice", "bob", "carol"}));
    CHECK(claim->at("attributes").at("strength") == 3);
    CHECK(claim->at("attribute_votes") == nlohmann::json::parse(R"({"strength": {"alice": 3, "bob": 4, "carol": 3}})"));
    CHECK(claim->at("origin") == "merged");

    const nlohmann::json* hedge = byLabel(gold, "hedge");
    REQUIRE(hedge);
    CHECK_FALSE(hedge->contains("status"));
    CHECK(hedge->at("proposed_by") == nlohmann::json::array({"alice", "bob"}));
    const nlohmann::json* evidence = byLabel(gold, "evidence");
    REQUIRE(evidence);
    CHECK(evidence->at("status") == "disputed");
    CHECK(evidence->at("proposed_by") == nlohmann::json::array({"alice"}));

    REQUIRE(gold.at("relations").size() == 3);
    std::size_t disputedRelations = 0;
    for (const auto& relation : gold.at("relations")) {
        if (relation.value("status", "") != "disputed") continue;
        ++disputedRelations;
        CHECK(relation.at("type") == "supports");
        CHECK(relation.at("proposed_by") == nlohmann::json::array({"alice"}));
    }
    CHECK(disputedRelations == 1);

    // The gold set is a normal, valid set of the same article.
    RunResult check = run("validate " + quote(r.gold.string()));
    CHECK(check.exitCode == 0);
}

TEST_CASE("merge: union and intersection, the annotator option, and a gold set in another folder") {
    Reviewers r;
    fs::create_directories(r.dir / "gold");
    const fs::path out = r.dir / "gold" / "lead.json";
    RunResult any = run("merge " + r.inputs() + " -o " + quote(out.string()) + " --strategy union --annotator lead");
    INFO(any.err);
    REQUIRE(any.exitCode == 0);
    CHECK(contains(any.out, "by union"));
    CHECK(contains(any.out, "annotations: 3 settled, 1 disputed"));  // the claim: strength votes differ
    CHECK(contains(any.out, "relations: 3 settled, 0 disputed"));
    nlohmann::json gold = nlohmann::json::parse(readFile(out));
    CHECK(gold.at("annotator") == "lead");
    CHECK(gold.at("document").at("path") == "../article.txt");

    RunResult all = run("merge " + r.inputs() + " -o " + quote(out.string()) + " --strategy intersection --force");
    INFO(all.err);
    REQUIRE(all.exitCode == 0);
    CHECK(contains(all.out, "annotations: 0 settled, 4 disputed"));
    CHECK(contains(all.out, "relations: 0 settled, 3 disputed"));
}

TEST_CASE("merge: two identical sets settle everything") {
    Reviewers r;
    const fs::path twin = r.dir / "twin.json";
    writeFile(twin, reviewerSet("alice", true, 3).dump(2));
    RunResult result =
        run("merge " + quote(r.alice.string()) + " " + quote(twin.string()) + " -o " + quote(r.gold.string()));
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    CHECK(contains(result.out, "(alice, alice-2)"));
    CHECK(contains(result.out, "annotations: 4 settled, 0 disputed"));
    CHECK(contains(result.out, "relations: 3 settled, 0 disputed"));
}

TEST_CASE("merge: a set of another version of the article is refused with its name and a hint") {
    Reviewers r;
    nlohmann::json other = reviewerSet("bob", false, 4);
    other["document"]["sha256"] = std::string(64, 'e');
    writeFile(r.bob, other.dump(2));
    RunResult result = run("merge " + r.inputs() + " -o " + quote(r.gold.string()));
    CHECK(result.exitCode == 1);
    CHECK(contains(result.err, r.bob.string() + ": document.sha256: annotates a different version"));
    CHECK(contains(result.err, "claimmark reanchor"));
    CHECK_FALSE(fs::exists(r.gold));
}

TEST_CASE("merge: schemas that differ on a used attribute are refused, naming the sets") {
    Reviewers r;
    nlohmann::json set = reviewerSet("bob", false, 3);
    nlohmann::json schema = {
        {"format", "claimmark/schema"},
        {"version", 1},
        {"name", "narrow"},
        {"labels",
         nlohmann::json::array({
             {{"name", "claim"},
              {"color", "#e69f00"},
              {"hotkey", "1"},
              {"attributes",
               nlohmann::json::array({{{"name", "strength"}, {"type", "ordinal"}, {"min", 1}, {"max", 3}}})}},
             {{"name", "hedge"},
              {"color", "#56b4e9"},
              {"hotkey", "2"},
              {"attributes", nlohmann::json::array({{{"name", "kind"}, {"type", "enum"}, {"values", {"modal"}}}})}},
             {{"name", "caveat"},
              {"color", "#cc79a7"},
              {"hotkey", "3"},
              {"attributes",
               nlohmann::json::array({{{"name", "kind"}, {"type", "enum"}, {"values", {"consult-professional"}}}})}},
         })},
        {"relations", nlohmann::json::array({{{"type", "hedges"}, {"from", {"hedge"}}, {"to", {"claim"}}},
                                             {{"type", "qualifies"}, {"from", {"caveat"}}, {"to", {"claim"}}}})}};
    set["schema"] = schema;
    writeFile(r.bob, set.dump(2));
    RunResult result = run("merge " + r.inputs() + " -o " + quote(r.gold.string()));
    CHECK(result.exitCode == 1);
    CHECK(contains(result.err, "differ on label \"claim\""));
    CHECK(contains(result.err, "attribute \"strength\""));
    CHECK(contains(result.err, "differ on label \"hedge\""));  // enum values differ too
    CHECK(contains(result.err, "set 2 is " + r.bob.string()));
    CHECK_FALSE(fs::exists(r.gold));
}

TEST_CASE("merge: an existing output is refused without --force; a bad set names its file") {
    Reviewers r;
    writeFile(r.gold, "keep me");
    RunResult refused = run("merge " + r.inputs() + " -o " + quote(r.gold.string()));
    CHECK(refused.exitCode == 1);
    CHECK(contains(refused.err, r.gold.string() + ": already exists; add --force"));
    CHECK(readFile(r.gold) == "keep me");

    RunResult self = run("merge " + r.inputs() + " -o " + quote(r.alice.string()));
    CHECK(self.exitCode == 1);
    CHECK(contains(self.err, "is one of the sets to merge"));

    writeFile(r.carol, "{ not json");
    RunResult bad = run("merge " + r.inputs() + " -o " + quote((r.dir / "new.json").string()));
    CHECK(bad.exitCode == 1);
    CHECK(contains(bad.err, r.carol.string()));
    CHECK_FALSE(fs::exists(r.dir / "new.json"));
}

TEST_CASE("merge: orphaned annotations are left out and counted") {
    Reviewers r;
    nlohmann::json set = reviewerSet("bob", false, 4);
    set["annotations"][2]["orphaned"] = true;  // the caveat
    writeFile(r.bob, set.dump(2));
    RunResult result = run("merge " + r.inputs() + " -o " + quote(r.gold.string()));
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    CHECK(contains(result.err, "left out 1 orphaned annotation (" + r.bob.string() + ": 1)"));
    // The caveat now has alice alone: disputed; bob's qualifies relation went with it.
    CHECK(contains(result.out, "annotations: 1 settled, 3 disputed"));
    CHECK(contains(result.out, "relations: 1 settled, 2 disputed"));
}

TEST_CASE("merge: usage errors") {
    Reviewers r;
    CHECK(run("merge").exitCode == 2);
    RunResult noOut = run("merge " + r.inputs());
    CHECK(noOut.exitCode == 2);
    CHECK(contains(noOut.err, "missing -o"));
    RunResult badStrategy = run("merge " + r.inputs() + " -o x.json --strategy most");
    CHECK(badStrategy.exitCode == 2);
    CHECK(contains(badStrategy.err, "unknown strategy 'most'"));
    RunResult help = run("merge --help");
    CHECK(help.exitCode == 0);
    CHECK(contains(help.out, "--strategy"));
}
