// test_adjudication_view.cpp — the adjudication view, headless: next / previous disagreement,
// accept, reject, attribute pick (buttons and keys), undo of each, the lanes and overlay,
// saving the gold set, and opening from files (gold made by a majority merge).
//
// [SECTION] Fixture   three reviewers' sets and a hand-built gold set over kShortArticle
// [SECTION] Navigation
// [SECTION] Decisions
// [SECTION] Files
#include "ui_fixture.h"

#include "app/adjudication/adjudication_screen.h"
#include "app/adjudication/adjudication_state.h"
#include "core/storage/set_file.h"

#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

using namespace claimmark;
using namespace claimmark::app;
namespace fs = std::filesystem;

namespace {

// =====================================================================================
// [SECTION] Fixture
// =====================================================================================

const char* const kArticle = claimmark::app::testing::kShortArticle;
// "Turmeric may ease joint pain.\n\nSome small trials suggest it can’t hurt — but ask a
// doctor first."  "may" 9-12, "ease joint pain" 13-28, "Some small trials" 31-48,
// "ask a doctor first" 77-95.

Annotation make(const std::string& id, const std::string& label, std::size_t start, std::size_t end) {
    Annotation a;
    a.id = id;
    a.label = label;
    a.spans = {{start, end}};
    return a;
}

std::size_t articleLength() {
    auto document = Document::fromBytes(kArticle, "article.txt");
    REQUIRE(document.ok());
    return document->length();
}

// alice: claim strength 4, hedge "may", caveat; bob: claim strength 2, hedge, evidence
// "Some small trials"; chen: claim strength 4, caveat.
std::vector<AnnotationSet> reviewerSets() {
    std::vector<AnnotationSet> sets(3);
    const char* names[] = {"alice", "bob", "chen"};
    for (int i = 0; i < 3; ++i) {
        sets[i].annotator = names[i];
        sets[i].document.length = articleLength();  // spans are checked against it
    }
    Annotation claim = make("a1", "claim", 13, 28);
    claim.attributes["strength"] = std::int64_t(4);
    REQUIRE(sets[0].addAnnotation(claim).ok());
    REQUIRE(sets[2].addAnnotation(claim).ok());
    claim.attributes["strength"] = std::int64_t(2);
    REQUIRE(sets[1].addAnnotation(claim).ok());
    REQUIRE(sets[0].addAnnotation(make("a2", "hedge", 9, 12)).ok());
    REQUIRE(sets[1].addAnnotation(make("a2", "hedge", 9, 12)).ok());
    REQUIRE(sets[1].addAnnotation(make("a3", "evidence", 31, 48)).ok());
    REQUIRE(sets[0].addAnnotation(make("a3", "caveat", 77, 95)).ok());
    REQUIRE(sets[2].addAnnotation(make("a3", "caveat", 77, 95)).ok());
    return sets;
}

// What a majority merge gives: the claim is disputed for its strength votes, the evidence
// (bob only) is disputed; the hedge and the caveat (two of three) are settled.
AnnotationSet goldSet() {
    AnnotationSet gold;
    gold.annotator = "gold";
    gold.document.length = articleLength();
    Annotation a1 = make("a1", "claim", 13, 28);
    a1.attributes["strength"] = std::int64_t(4);
    a1.status = "disputed";
    a1.proposedBy = {"alice", "bob", "chen"};
    a1.extra["attribute_votes"] = {{"strength", {{"alice", 4}, {"bob", 2}, {"chen", 4}}}};
    Annotation a2 = make("a2", "hedge", 9, 12);
    a2.proposedBy = {"alice", "bob"};
    Annotation a3 = make("a3", "evidence", 31, 48);
    a3.status = "disputed";
    a3.proposedBy = {"bob"};
    Annotation a4 = make("a4", "caveat", 77, 95);
    a4.proposedBy = {"alice", "chen"};
    for (Annotation* a : {&a1, &a2, &a3, &a4}) REQUIRE(gold.addAnnotation(*a).ok());
    return gold;
}

// The adjudication screen with no window, fed synthetic input a frame at a time.
class HeadlessAdjudication {
public:
    explicit HeadlessAdjudication(std::unique_ptr<AdjudicationState> state) { init(std::move(state)); }
    HeadlessAdjudication() {
        auto document = Document::fromBytes(kArticle, "article.txt");
        REQUIRE(document.ok());
        AnnotationSet gold = goldSet();
        gold.document.length = document->length();
        gold.document.sha256 = document->sha256();
        std::vector<AnnotationSet> reviewers = reviewerSets();
        for (AnnotationSet& r : reviewers) {
            r.document.length = document->length();
            r.document.sha256 = document->sha256();
        }
        auto editor = std::make_unique<EditorState>(std::move(*document), std::move(gold));
        editor->annotator = "gold";
        init(std::make_unique<AdjudicationState>(std::move(editor), std::move(reviewers)));
    }
    ~HeadlessAdjudication() {
        m_screen.reset();
        ImGui::DestroyContext(m_context);
    }
    HeadlessAdjudication(const HeadlessAdjudication&) = delete;
    HeadlessAdjudication& operator=(const HeadlessAdjudication&) = delete;

    AdjudicationScreen& screen() { return *m_screen; }
    AdjudicationState& state() { return m_screen->state(); }
    EditorState& gold() { return m_screen->state().gold(); }
    const Annotation* annotation(const std::string& id) { return gold().set().findAnnotation(id); }

    void frame() {
        ImGui::NewFrame();
        m_screen->draw();
        ImGui::Render();
    }
    void frames(int count) {
        for (int i = 0; i < count; ++i) frame();
    }
    void key(int glfwKey, bool ctrl = false, bool shift = false) {
        testing::pressKey([this] { frame(); }, glfwKey, ctrl, shift);
    }
    void click(ImVec2 pos) {
        testing::clickAt([this] { frame(); }, pos);
    }
    // Clicks a control of the side panel by the name it was drawn under.
    void clickControl(const char* name) {
        const std::optional<ImVec2> centre = m_screen->panel().rects().centreOf(name);
        REQUIRE_MESSAGE(centre.has_value(), "no control named " << name << " was drawn");
        click(*centre);
    }

private:
    ImGuiContext* m_context = nullptr;
    FontSet m_fonts;
    std::unique_ptr<AdjudicationScreen> m_screen;

    void init(std::unique_ptr<AdjudicationState> state) {
        m_context = testing::createHeadlessContext(ImVec2(1300, 800));
        m_screen = std::make_unique<AdjudicationScreen>(std::move(state));
        testing::buildHeadlessFonts(m_fonts, m_screen->glyphText());
        m_screen->setFonts(m_fonts.ui(), m_fonts.text(), m_fonts.textSize());
        frames(3);
    }
};

struct TempFolder : testing::TempFolder {
    TempFolder() : testing::TempFolder("claimmark-adjudicate-") {}
};

}  // namespace

// =====================================================================================
// [SECTION] Navigation
// =====================================================================================

TEST_CASE("adjudication view: N selects the next disagreement and scrolls to it") {
    HeadlessAdjudication view;
    CHECK(view.state().openCount() == 2);
    CHECK(view.gold().selectedAnnotation.empty());

    view.key(GLFW_KEY_N);
    CHECK(view.gold().selectedAnnotation == "a1");
    REQUIRE(view.state().current() != nullptr);
    CHECK(view.state().current()->id == "a1");

    view.key(GLFW_KEY_N);
    CHECK(view.gold().selectedAnnotation == "a3");
    view.key(GLFW_KEY_N);  // wraps around
    CHECK(view.gold().selectedAnnotation == "a1");
    view.key(GLFW_KEY_N, false, true);  // Shift+N: previous, wrapping back
    CHECK(view.gold().selectedAnnotation == "a3");
    view.key(GLFW_KEY_F8, false, true);
    CHECK(view.gold().selectedAnnotation == "a1");
    view.key(GLFW_KEY_F8);
    CHECK(view.gold().selectedAnnotation == "a3");

    // From a settled annotation the user clicked, next goes on from there.
    view.gold().selectedAnnotation = "a2";  // "may", before the claim
    view.key(GLFW_KEY_N);
    CHECK(view.gold().selectedAnnotation == "a1");

    // The Next button does the same.
    view.clickControl("Next");
    CHECK(view.gold().selectedAnnotation == "a3");
    view.clickControl("Previous");
    CHECK(view.gold().selectedAnnotation == "a1");

    // A row of the list goes to that one.
    view.clickControl("row:a3");
    CHECK(view.gold().selectedAnnotation == "a3");
    REQUIRE(view.state().current() != nullptr);
    CHECK(view.state().current()->id == "a3");
}

TEST_CASE("adjudication view: lanes mark open lines; reviewers' outlines surround the current one") {
    HeadlessAdjudication view;
    view.frames(2);
    // Line 1 (the claim) and the second paragraph (the evidence) hold open disagreements.
    CHECK(view.screen().lanes().lastFrameMarks() == 2);
    CHECK(view.screen().lanes().lastFrameOutlines() == 0);  // nothing current yet
    view.key(GLFW_KEY_N);                                   // the claim, which all three marked
    CHECK(view.screen().lanes().lastFrameOutlines() == 3);
    view.key(GLFW_KEY_N);  // the evidence: bob's only
    CHECK(view.screen().lanes().lastFrameOutlines() == 1);
}

// =====================================================================================
// [SECTION] Decisions
// =====================================================================================

TEST_CASE("adjudication view: A accepts, the count drops, Ctrl+Z takes it back") {
    HeadlessAdjudication view;
    view.key(GLFW_KEY_N);
    REQUIRE(view.gold().selectedAnnotation == "a1");
    view.key(GLFW_KEY_A);
    CHECK(view.annotation("a1")->status.empty());
    CHECK_FALSE(view.annotation("a1")->extra.contains("attribute_votes"));
    CHECK(std::get<std::int64_t>(view.annotation("a1")->attributes.at("strength")) == 4);
    CHECK(view.state().openCount() == 1);
    CHECK(view.gold().selectedAnnotation == "a3");  // went on to the next one
    CHECK(view.gold().isModified());

    view.key(GLFW_KEY_Z, true);
    CHECK(view.annotation("a1")->status == "disputed");
    CHECK(view.annotation("a1")->extra.contains("attribute_votes"));
    CHECK(view.state().openCount() == 2);
    view.key(GLFW_KEY_Y, true);
    CHECK(view.annotation("a1")->status.empty());
    CHECK(view.state().openCount() == 1);
}

TEST_CASE("adjudication view: the Accept button settles the current one") {
    HeadlessAdjudication view;
    view.key(GLFW_KEY_N);
    view.key(GLFW_KEY_N);
    REQUIRE(view.gold().selectedAnnotation == "a3");
    view.clickControl("Accept");
    CHECK(view.annotation("a3")->status.empty());
    CHECK(view.annotation("a3")->proposedBy == std::vector<std::string>{"bob"});
    CHECK(view.state().openCount() == 1);
}

TEST_CASE("adjudication view: Reject removes it from gold; undo brings it back") {
    HeadlessAdjudication view;
    view.key(GLFW_KEY_N);
    view.key(GLFW_KEY_N);
    REQUIRE(view.gold().selectedAnnotation == "a3");
    view.clickControl("Reject");
    CHECK(view.annotation("a3") == nullptr);
    CHECK(view.gold().set().annotationCount() == 3);
    CHECK(view.state().openCount() == 1);

    view.key(GLFW_KEY_Z, true);
    REQUIRE(view.annotation("a3") != nullptr);
    CHECK(view.annotation("a3")->status == "disputed");
    CHECK(view.state().openCount() == 2);

    // The R key does the same.
    view.gold().selectedAnnotation = "a3";
    view.key(GLFW_KEY_R);
    CHECK(view.annotation("a3") == nullptr);
}

TEST_CASE("adjudication view: picking a reviewer's value settles the attribute conflict") {
    HeadlessAdjudication view;
    view.key(GLFW_KEY_N);
    REQUIRE(view.gold().selectedAnnotation == "a1");
    view.frame();
    view.clickControl("pick:strength:2");  // bob's value
    const Annotation* a1 = view.annotation("a1");
    REQUIRE(a1);
    CHECK(std::get<std::int64_t>(a1->attributes.at("strength")) == 2);
    CHECK_FALSE(a1->extra.contains("attribute_votes"));
    CHECK(a1->status.empty());  // all three marked it: nothing else to decide
    CHECK(view.state().openCount() == 1);
    CHECK(view.gold().session().history().undoDescription() == "Pick strength = 2 for a1");

    view.key(GLFW_KEY_Z, true);
    a1 = view.annotation("a1");
    CHECK(std::get<std::int64_t>(a1->attributes.at("strength")) == 4);
    CHECK(a1->status == "disputed");
    CHECK(view.state().openCount() == 2);
}

TEST_CASE("adjudication view: editing in the inspector works on the gold set") {
    HeadlessAdjudication view;
    view.key(GLFW_KEY_N);
    view.key(GLFW_KEY_N);
    REQUIRE(view.gold().selectedAnnotation == "a3");
    // '1' relabels the selected annotation as a claim, as in the editor.
    ImGui::GetIO().AddInputCharacter('1');
    view.frames(2);
    CHECK(view.annotation("a3")->label == "claim");
    CHECK(view.annotation("a3")->status == "disputed");  // still to be decided
    view.key(GLFW_KEY_Z, true);
    CHECK(view.annotation("a3")->label == "evidence");
}

// =====================================================================================
// [SECTION] Files
// =====================================================================================

TEST_CASE("adjudication view: Ctrl+S writes a normal set with the disputes that are left") {
    TempFolder folder;
    HeadlessAdjudication view;
    view.gold().setPath = folder.path / "gold.json";
    view.gold().articlePath = folder.path / "article.txt";
    view.key(GLFW_KEY_N);
    view.key(GLFW_KEY_A);  // a1 settled, a3 left
    view.key(GLFW_KEY_S, true);
    CHECK_FALSE(view.gold().isModified());

    Result<LoadedSet> loaded = loadSetFile(folder.path / "gold.json");
    REQUIRE_MESSAGE(loaded.ok(), loaded.errorText());
    CHECK(loaded->set.annotator == "gold");
    CHECK(loaded->set.annotationCount() == 4);
    CHECK(loaded->set.findAnnotation("a1")->status.empty());
    CHECK(loaded->set.findAnnotation("a3")->status == "disputed");
    CHECK(loaded->set.findAnnotation("a3")->proposedBy == std::vector<std::string>{"bob"});
    CHECK(listDisagreements(loaded->set, {"alice", "bob", "chen"}).size() == 1);
    CHECK(loaded->set.document.path == "article.txt");
}

TEST_CASE("adjudication view: opened from files, a missing gold set is made by a majority merge") {
    TempFolder folder;
    const fs::path article = folder.path / "article.txt";
    {
        std::ofstream out(article, std::ios::binary);
        out << kArticle;
    }
    auto document = Document::loadFile(article);
    REQUIRE(document.ok());
    EditorOptions options;
    options.mode = EditorMode::Adjudicate;
    options.article = article;
    options.setPath = folder.path / "gold.json";
    std::vector<AnnotationSet> sets = reviewerSets();
    for (AnnotationSet& set : sets) {
        set.document.path = "article.txt";
        set.document.sha256 = document->sha256();
        set.document.length = document->length();
        const fs::path path = folder.path / (set.annotator + ".json");
        REQUIRE(saveSetFile(path, set, FileStamp{}).status.ok());
        options.reviewerSets.push_back(path);
    }

    Result<std::unique_ptr<AdjudicationState>> opened = AdjudicationState::open(options);
    REQUIRE_MESSAGE(opened.ok(), opened.errorText());
    HeadlessAdjudication view(std::move(*opened));
    CHECK(view.gold().isModified());  // made, not saved yet
    CHECK(view.gold().set().annotator == "gold");
    CHECK(view.state().reviewerNames() == std::vector<std::string>{"alice", "bob", "chen"});
    // Four groups: evidence (bob only) is disputed, the claim has differing strengths.
    CHECK(view.gold().set().annotationCount() == 4);
    CHECK(view.state().openCount() >= 2);
    CHECK_FALSE(fs::exists(folder.path / "gold.json"));

    // Settle everything, then save: nothing left in the file.
    for (int guard = 0; view.state().openCount() > 0 && guard < 10; ++guard) {
        view.key(GLFW_KEY_N);
        view.key(GLFW_KEY_A);
    }
    CHECK(view.state().openCount() == 0);
    view.key(GLFW_KEY_S, true);
    Result<LoadedSet> loaded = loadSetFile(folder.path / "gold.json");
    REQUIRE_MESSAGE(loaded.ok(), loaded.errorText());
    CHECK(listDisagreements(loaded->set, {"alice", "bob", "chen"}).empty());
    CHECK(resolveDocumentPath(folder.path / "gold.json", loaded->set) == article);

    // Opened again, the saved gold set is used as it is.
    Result<std::unique_ptr<AdjudicationState>> again = AdjudicationState::open(options);
    REQUIRE_MESSAGE(again.ok(), again.errorText());
    CHECK((*again)->openCount() == 0);
    CHECK_FALSE((*again)->gold().isModified());
}

TEST_CASE("adjudication view: an unreadable reviewer set is refused with its name") {
    TempFolder folder;
    const fs::path article = folder.path / "article.txt";
    {
        std::ofstream out(article, std::ios::binary);
        out << kArticle;
        std::ofstream broken(folder.path / "bob.json", std::ios::binary);
        broken << "{ not json";
    }
    EditorOptions options;
    options.mode = EditorMode::Adjudicate;
    options.article = article;
    options.reviewerSets = {folder.path / "bob.json"};
    Result<std::unique_ptr<AdjudicationState>> opened = AdjudicationState::open(options);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.errorText().find("bob.json") != std::string::npos);
}
