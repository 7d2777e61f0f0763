// test_project_sets.cpp — loadProjectSets (each set read once, gold sets flagged, missing and
// unreadable sets, stale sets re-anchored, pending suggestions, the same result on any number
// of threads) and loadAgreementProject built on it.
#include "core/team/project_sets.h"

#include "core/model/annotation.h"
#include "core/storage/set_file.h"
#include "core/team/agreement_input.h"
#include "fixtures.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace claimmark;
using fixtures::kPillText;
using fixtures::makeDocument;
using fixtures::TempDir;
using fixtures::writeFile;

namespace {

namespace fs = std::filesystem;

struct Span3 {
    const char* label;
    std::size_t start, end;
    const char* status = "";
};

// A set of `stem`'s article as it is in `articleText`, stored where the project expects it.
AnnotationSet makeSet(const std::string& annotator, const std::string& stem, const std::string& articleText,
                      const std::vector<Span3>& spans) {
    const Document article = makeDocument(articleText);
    AnnotationSet set;
    set.annotator = annotator;
    set.document.path = "../../" + stem + ".txt";
    set.document.sha256 = article.sha256();
    set.document.length = article.length();
    for (const Span3& s : spans) {
        Annotation a;
        a.id = set.nextAnnotationId();
        a.label = s.label;
        a.spans = {Span{s.start, s.end}};
        a.text = std::string(article.slice(s.start, s.end));
        a.status = s.status;
        if (a.status == kSuggestedStatus) {
            a.origin = "suggested";
            a.rule = "claim.effect";
        }
        REQUIRE(set.addAnnotation(a));
    }
    return set;
}

void writeSet(const TempDir& dir, const std::string& stem, const std::string& file, const AnnotationSet& set) {
    writeFile(dir / ("annotations/" + stem + "/" + file + ".json"), serializeSet(set));
}

const std::vector<Span3> kTwoClaims = {{"claim", 0, 8}, {"claim", 13, 23}};

std::size_t countMentions(const Diagnostics& diagnostics, const std::string& fragment) {
    return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) {
        return d.toString().find(fragment) != std::string::npos;
    }));
}

bool anyNote(const std::vector<std::string>& notes, const std::string& fragment) {
    return std::any_of(notes.begin(), notes.end(),
                       [&](const std::string& n) { return n.find(fragment) != std::string::npos; });
}

// Two documents, three reviewers and a gold set; `bob` lacks "tea".
void writeSmallProject(const TempDir& dir) {
    writeFile(dir / "pill.txt", kPillText);
    writeFile(dir / "tea.txt", kPillText);
    for (const char* stem : {"pill", "tea"}) {
        writeSet(dir, stem, "alice", makeSet("alice", stem, kPillText, kTwoClaims));
        writeSet(dir, stem, "carol", makeSet("carol", stem, kPillText, {{"claim", 0, 8}}));
    }
    writeSet(dir, "pill", "bob", makeSet("bob", "pill", kPillText, kTwoClaims));
    writeSet(dir, "pill", "gold", makeSet("gold", "pill", kPillText, kTwoClaims));
}

}  // namespace

TEST_CASE("loadProjectSets: every set file is read once, and agree DIR reads nothing more") {
    TempDir dir;
    writeSmallProject(dir);
    const std::size_t before = projectSetFilesRead();
    Result<ProjectSets> loaded = loadProjectSets(dir.path());
    REQUIRE_MESSAGE(loaded, loaded.errorText());
    CHECK(loaded->setFilesRead == 6);
    CHECK(projectSetFilesRead() - before == 6);
    CHECK(loaded->problems.empty());
    CHECK(loaded->reviewers == std::vector<std::string>{"alice", "bob", "carol", "gold"});
    REQUIRE(loaded->documents.size() == 2);
    for (const ProjectSetsDocument& document : loaded->documents) {
        REQUIRE(document.article);
        CHECK(document.article->bytes() == kPillText);
        REQUIRE(document.sets.size() == 4);
        for (std::size_t r = 0; r < 4; ++r) CHECK(document.sets[r].info.annotator == loaded->reviewers[r]);
    }

    const std::size_t beforeAgree = projectSetFilesRead();
    Result<LoadedAgreement> agreement = loadAgreementProject(dir.path());
    REQUIRE_MESSAGE(agreement, agreement.errorText());
    CHECK(projectSetFilesRead() - beforeAgree == 6);  // the scan and the sets: one read each
    CHECK(agreement->input.reviewers == std::vector<std::string>{"alice", "bob", "carol"});
    CHECK(agreement->input.documents.size() == 2);
    CHECK(agreement->sets.size() == 5);
}

TEST_CASE("loadProjectSets: a missing reviewer is a null set; statuses and counts as scanProject gives them") {
    TempDir dir;
    writeSmallProject(dir);
    Result<ProjectSets> loaded = loadProjectSets(dir.path());
    REQUIRE(loaded);
    const ProjectSetsDocument& tea = loaded->documents[1];
    CHECK(tea.stem == "tea");
    const ProjectSet& bob = tea.sets[1];
    CHECK(bob.missing());
    CHECK_FALSE(bob.unreadable());
    CHECK(bob.set == nullptr);
    CHECK(bob.info.status == ReviewStatus::NotStarted);
    CHECK(bob.info.setPath.empty());
    const ProjectSet& alice = tea.sets[0];
    REQUIRE(alice.set);
    CHECK(alice.loaded);
    CHECK(alice.info.status == ReviewStatus::InProgress);
    CHECK(alice.info.annotationCount == 2);
    CHECK(alice.info.setPath == dir / "annotations/tea/alice.json");
    CHECK(alice.set->annotationCount() == 2);

    Result<Project> scanned = scanProject(dir.path());
    REQUIRE(scanned);
    REQUIRE(scanned->documents.size() == loaded->documents.size());
    for (std::size_t d = 0; d < scanned->documents.size(); ++d)
        for (std::size_t r = 0; r < scanned->reviewers.size(); ++r) {
            const ReviewerSet& a = scanned->documents[d].reviewers[r];
            const ReviewerSet& b = loaded->documents[d].sets[r].info;
            CHECK(a.annotator == b.annotator);
            CHECK(a.setPath == b.setPath);
            CHECK(a.status == b.status);
            CHECK(a.annotationCount == b.annotationCount);
        }
}

TEST_CASE("loadProjectSets: gold sets are loaded and flagged; goldIndex prefers gold.json") {
    TempDir dir;
    writeSmallProject(dir);
    // "tea": no gold.json, but carol's set has a disputed annotation (an adjudication).
    writeSet(dir, "tea", "carol", makeSet("carol", "tea", kPillText, {{"claim", 0, 8, "disputed"}}));
    // "soup": dan's set names "gold" as its annotator.
    writeFile(dir / "soup.txt", kPillText);
    writeSet(dir, "soup", "dan", makeSet("gold", "soup", kPillText, kTwoClaims));
    Result<ProjectSets> loaded = loadProjectSets(dir.path());
    REQUIRE(loaded);
    REQUIRE(loaded->reviewers == std::vector<std::string>{"alice", "bob", "carol", "dan", "gold"});
    const ProjectSetsDocument& pill = loaded->documents[0];
    const ProjectSetsDocument& soup = loaded->documents[1];
    const ProjectSetsDocument& tea = loaded->documents[2];

    CHECK(pill.sets[4].gold);
    REQUIRE(pill.sets[4].set);
    CHECK(pill.sets[4].set->annotationCount() == 2);
    CHECK_FALSE(pill.sets[0].gold);
    CHECK(pill.goldIndex == std::optional<std::size_t>(4));
    CHECK(soup.sets[3].gold);
    CHECK(soup.goldIndex == std::optional<std::size_t>(3));
    CHECK(tea.sets[2].gold);
    CHECK(tea.sets[2].info.disputedCount == 1);
    CHECK(tea.goldIndex == std::optional<std::size_t>(2));

    // agree DIR leaves all three out, with the note it always gave.
    Result<LoadedAgreement> agreement = loadAgreementProject(dir.path());
    REQUIRE(agreement);
    CHECK(agreement->input.reviewers == std::vector<std::string>{"alice", "bob", "carol", "dan"});
    for (const char* path : {"annotations/pill/gold.json", "annotations/soup/dan.json", "annotations/tea/carol.json"})
        CHECK(std::count(agreement->notes.begin(), agreement->notes.end(),
                         "skipped gold set " + (dir / path).string() + " (an adjudication, not a review)") == 1);
}

TEST_CASE("loadProjectSets: an unreadable set is a warning naming the file, reported once") {
    TempDir dir;
    writeSmallProject(dir);
    writeFile(dir / "annotations/tea/bob.json", "{\"format\": \"claimmark/annotation-set\", ");
    writeFile(dir / "annotations/tea/gold.json", "not json");
    const std::string bad = (dir / "annotations/tea/bob.json").string();
    Result<ProjectSets> loaded = loadProjectSets(dir.path());
    REQUIRE(loaded);
    CHECK(loaded->setFilesRead == 8);
    const ProjectSet& bob = loaded->documents[1].sets[1];
    CHECK(bob.unreadable());
    CHECK_FALSE(bob.missing());
    CHECK(bob.set == nullptr);
    CHECK(bob.info.status == ReviewStatus::InProgress);
    REQUIRE_FALSE(bob.errors.empty());
    CHECK(bob.errors.front().toString().find(bad) != std::string::npos);
    CHECK(countMentions(loaded->problems, bad) == bob.errors.size());
    const ProjectSet& gold = loaded->documents[1].sets[3];
    CHECK(gold.gold);  // by its name, though it cannot be read
    CHECK(gold.unreadable());
    CHECK(loaded->documents[1].goldIndex == std::nullopt);

    Result<LoadedAgreement> agreement = loadAgreementProject(dir.path());
    REQUIRE(agreement);
    CHECK(countMentions(agreement->warnings, bad) == bob.errors.size());  // not twice
    CHECK(anyNote(agreement->notes, "skipped " + bad + ": it could not be read"));
    CHECK(anyNote(agreement->notes, "skipped gold set " + (dir / "annotations/tea/gold.json").string()));
}

TEST_CASE("loadProjectSets: an unreadable or missing article") {
    TempDir dir;
    writeSmallProject(dir);
    writeFile(dir / "tea.txt", std::string("bad \xff byte"));
    writeSet(dir, "gone", "alice", makeSet("alice", "gone", kPillText, kTwoClaims));
    Result<ProjectSets> loaded = loadProjectSets(dir.path());
    REQUIRE(loaded);
    REQUIRE(loaded->documents.size() == 3);
    const ProjectSetsDocument& gone = loaded->documents[0];
    const ProjectSetsDocument& tea = loaded->documents[2];
    CHECK(gone.articlePath.empty());
    CHECK(gone.article == nullptr);
    REQUIRE(gone.sets[0].set);  // the sets are read all the same
    CHECK(countMentions(loaded->problems, "no article gone.txt") == 1);
    CHECK(tea.article == nullptr);
    REQUIRE_FALSE(tea.articleErrors.empty());
    CHECK(countMentions(loaded->warnings, (dir / "tea.txt").string()) == tea.articleErrors.size());

    Result<LoadedAgreement> agreement = loadAgreementProject(dir.path());
    REQUIRE(agreement);
    CHECK(agreement->input.documents.size() == 1);
    CHECK(anyNote(agreement->notes, "skipped gone: no article found for its sets"));
    CHECK(anyNote(agreement->notes, "skipped tea: its article could not be read"));
    CHECK(countMentions(agreement->warnings, (dir / "tea.txt").string()) == tea.articleErrors.size());

    ProjectLoadOptions none;
    none.articles = ArticleLoading::None;
    Result<ProjectSets> statuses = loadProjectSets(dir.path(), none);
    REQUIRE(statuses);
    CHECK(statuses->documents[1].article == nullptr);
    CHECK(statuses->warnings.empty());
}

TEST_CASE("loadProjectSets: articles without sets are loaded only when asked for") {
    TempDir dir;
    writeSmallProject(dir);
    writeFile(dir / "samples/alone.txt", "Nobody read this one.");
    Result<ProjectSets> withSets = loadProjectSets(dir.path());
    REQUIRE(withSets);
    REQUIRE(withSets->documents[0].stem == "alone");
    CHECK_FALSE(withSets->documents[0].hasSetFiles());
    CHECK(withSets->documents[0].article == nullptr);
    ProjectLoadOptions all;
    all.articles = ArticleLoading::All;
    Result<ProjectSets> everything = loadProjectSets(dir.path(), all);
    REQUIRE(everything);
    REQUIRE(everything->documents[0].article);
    CHECK(everything->documents[0].article->bytes() == "Nobody read this one.");
}

TEST_CASE("loadProjectSets: a set made on another version of the article is re-anchored, with a note") {
    TempDir dir;
    const std::string edited = std::string("Breaking. ") + kPillText;  // everything moves by 10
    writeFile(dir / "pill.txt", edited);
    writeSet(dir, "pill", "alice", makeSet("alice", "pill", kPillText, kTwoClaims));  // the old version
    writeSet(dir, "pill", "bob", makeSet("bob", "pill", edited, {{"claim", 10, 18}}));
    Result<ProjectSets> loaded = loadProjectSets(dir.path());
    REQUIRE(loaded);
    const ProjectSetsDocument& pill = loaded->documents[0];
    REQUIRE(pill.article);
    const AnnotationSet& alice = *pill.sets[0].set;
    CHECK(alice.document.sha256 == pill.article->sha256());
    CHECK(alice.annotations().front().spans.front().start == 10);
    const std::string path = (dir / "annotations/pill/alice.json").string();
    CHECK(pill.sets[0].reanchorNote.rfind(path + ": made on another version of the article", 0) == 0);
    CHECK(pill.sets[0].reanchorNote.find("re-anchored onto " + (dir / "pill.txt").string() +
                                         ": 0 unchanged, 2 moved") != std::string::npos);
    CHECK(pill.sets[1].reanchorNote.empty());
    CHECK(loaded->notes == std::vector<std::string>{pill.sets[0].reanchorNote});

    Result<LoadedAgreement> agreement = loadAgreementProject(dir.path());
    REQUIRE(agreement);
    CHECK(agreement->notes == loaded->notes);
}

TEST_CASE("loadProjectSets: pending suggestions are left out unless includeSuggested") {
    TempDir dir;
    writeFile(dir / "pill.txt", kPillText);
    writeSet(dir, "pill", "alice",
             makeSet("alice", "pill", kPillText, {{"claim", 0, 8}, {"claim", 13, 23, kSuggestedStatus}}));
    Result<ProjectSets> without = loadProjectSets(dir.path());
    REQUIRE(without);
    const ProjectSet& plain = without->documents[0].sets[0];
    CHECK(plain.info.annotationCount == 2);  // the file's count
    REQUIRE(plain.set);
    CHECK(plain.set->annotationCount() == 1);

    ProjectLoadOptions options;
    options.includeSuggested = true;
    Result<ProjectSets> with = loadProjectSets(dir.path(), options);
    REQUIRE(with);
    REQUIRE(with->documents[0].sets[0].set);
    CHECK(with->documents[0].sets[0].set->annotationCount() == 2);

    Result<LoadedAgreement> agreement = loadAgreementProject(dir.path(), true);
    REQUIRE(agreement);
    CHECK(agreement->sets.front()->annotationCount() == 2);
    agreement = loadAgreementProject(dir.path(), false);
    REQUIRE(agreement);
    CHECK(agreement->sets.front()->annotationCount() == 1);
}

TEST_CASE("loadProjectSets: the same result, in the same order, on one thread or several") {
    TempDir dir;
    const std::string edited = std::string("Breaking. ") + kPillText;
    for (int d = 0; d < 24; ++d) {
        const std::string stem = "doc" + std::to_string(d);
        writeFile(dir / (stem + ".txt"), d % 5 == 0 ? edited : std::string(kPillText));
        for (const char* who : {"alice", "bob", "carol"}) {
            if ((d + who[0]) % 7 == 0) continue;  // some reviewers lack some documents
            if ((d + who[0]) % 11 == 0)
                writeFile(dir / ("annotations/" + stem + "/" + who + ".json"), "{ broken " + stem);
            else writeSet(dir, stem, who, makeSet(who, stem, kPillText, kTwoClaims));
        }
        if (d % 6 == 0) writeFile(dir / ("annotations/" + stem + "/alice.json.recovery"), "x");
    }
    auto load = [&](unsigned threads) {
        ProjectLoadOptions options;
        options.threads = threads;
        Result<ProjectSets> loaded = loadProjectSets(dir.path(), options);
        REQUIRE(loaded);
        return std::move(*loaded);
    };
    const ProjectSets one = load(1);
    CHECK_FALSE(one.problems.empty());
    CHECK_FALSE(one.notes.empty());
    for (unsigned threads : {2u, 4u, 0u}) {
        const ProjectSets many = load(threads);
        CHECK(many.reviewers == one.reviewers);
        REQUIRE(many.problems.size() == one.problems.size());
        for (std::size_t i = 0; i < one.problems.size(); ++i)
            CHECK(many.problems[i].toString() == one.problems[i].toString());
        CHECK(many.notes == one.notes);
        REQUIRE(many.documents.size() == one.documents.size());
        for (std::size_t d = 0; d < one.documents.size(); ++d)
            for (std::size_t r = 0; r < one.reviewers.size(); ++r) {
                const ProjectSet& a = one.documents[d].sets[r];
                const ProjectSet& b = many.documents[d].sets[r];
                CHECK(a.info.setPath == b.info.setPath);
                CHECK(a.loaded == b.loaded);
                CHECK((a.set ? serializeSet(*a.set) : "") == (b.set ? serializeSet(*b.set) : ""));
            }
    }
}
