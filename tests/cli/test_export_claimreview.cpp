// test_export_claimreview.cpp — `claimmark export --to claimreview` as a fact-checker runs it:
// the article's source record in itemReviewed, the review url and publisher from options or
// claimmark-project.json, and the required url missing (exit 1, nothing written).
#include "test_cli_support.h"

using namespace clitest;

namespace {

// The standard fixture with a verdict on its claim.
struct ReviewedFixture : Fixture {
    ReviewedFixture() {
        nlohmann::json set = standardSet();
        set["annotations"][0]["attributes"]["verdict"] = "misleading";
        writeSet(set);
        writeFile(dir / "article.source.json",
                  R"({"format": "claimmark/source", "version": 1, "url": "https://news.example.com/kratom",
                      "title": "Kratom and pain", "author": "Jane Roe", "published": "2026-02-14",
                      "publisher": "Example News", "source": "page.html"})");
    }
    fs::path out = dir / "reviews.jsonld";
    RunResult exportWith(const std::string& options) const {
        return run("export --to claimreview " + setArg() + " -o " + quote(out.string()) + " " + options);
    }
    nlohmann::json firstReview() const { return nlohmann::json::parse(readFile(out)).at("@graph").at(0); }
};

}  // namespace

TEST_CASE("export claimreview: options give url and publisher; the source record gives the appearance") {
    ReviewedFixture f;
    RunResult r = f.exportWith(
        "--review-url https://factcheck.example.org/reviews/{article} --publisher "
        "'Example Fact Check' --publisher-url https://factcheck.example.org/");
    CAPTURE(r.err);
    REQUIRE(r.exitCode == 0);
    const nlohmann::json review = f.firstReview();
    CHECK(review.at("url") == "https://factcheck.example.org/reviews/article");
    CHECK(review.at("claimReviewed") == "Kratom may ease pain");
    CHECK(review.at("reviewRating").at("alternateName") == "Misleading");
    CHECK(review.at("author").at("@type") == "Organization");
    CHECK(review.at("author").at("name") == "Example Fact Check");
    const nlohmann::json& appearance = review.at("itemReviewed").at("appearance");
    CHECK(appearance.at("url") == "https://news.example.com/kratom");
    CHECK(appearance.at("name") == "Kratom and pain");
    CHECK(appearance.at("author").at("name") == "Jane Roe");
    CHECK(appearance.at("datePublished") == "2026-02-14");
    CHECK(appearance.at("publisher").at("name") == "Example News");
}

TEST_CASE("export claimreview: claimmark-project.json above the set gives them; an option wins") {
    ReviewedFixture f;
    writeFile(f.dir / "claimmark-project.json",
              R"({"format": "claimmark/project", "version": 1,
                  "claimreview": {"review_url": "https://fc.example.org/{article}", "publisher": "FC Team"}})");
    RunResult r = f.exportWith("");
    CAPTURE(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(contains(r.err, "claimmark-project.json"));
    CHECK(f.firstReview().at("url") == "https://fc.example.org/article");
    CHECK(f.firstReview().at("author").at("name") == "FC Team");
    REQUIRE(f.exportWith("--publisher Other").exitCode == 0);
    CHECK(f.firstReview().at("author").at("name") == "Other");
    CHECK(f.firstReview().at("url") == "https://fc.example.org/article");
}

TEST_CASE("export claimreview: no review url, a bad project file or a bad source record: exit 1, nothing written") {
    ReviewedFixture f;
    RunResult missing = f.exportWith("");
    CHECK(missing.exitCode == 1);
    CHECK(contains(missing.err, "requires the fact-check's own url"));
    CHECK(contains(missing.err, "--review-url"));
    CHECK(contains(missing.err, "nothing written"));
    CHECK_FALSE(fs::exists(f.out));

    writeFile(f.dir / "claimmark-project.json", R"({"format": "claimmark/project", "version": 1, "claimreveiw": {}})");
    RunResult badProject = f.exportWith("--review-url https://fc.example.org/x");
    CHECK(badProject.exitCode == 1);
    CHECK(contains(badProject.err, "claimmark-project.json: claimreveiw: unknown key"));
    CHECK_FALSE(fs::exists(f.out));
    fs::remove(f.dir / "claimmark-project.json");

    writeFile(f.dir / "article.source.json", R"({"format": "claimmark/source", "version": 1, "url": 7})");
    RunResult badRecord = f.exportWith("--review-url https://fc.example.org/x");
    CHECK(badRecord.exitCode == 1);
    CHECK(contains(badRecord.err, "article.source.json: url: expected a string"));
    CHECK_FALSE(fs::exists(f.out));
}

TEST_CASE("export claimreview: the review options belong to claimreview only") {
    ReviewedFixture f;
    RunResult r = run("export --to jsonl " + f.setArg() + " -o " + quote((f.dir / "o.jsonl").string()) +
                      " --review-url https://x.example/");
    CHECK(r.exitCode == 2);
    CHECK(contains(r.err, "--review-url is for --to claimreview"));
    CHECK(f.exportWith("--review-url ''").exitCode == 2);
}
