// test_report_panel.cpp — the side panel's Report tab, headless: the report is recomputed
// when the set changes (an annotation added, a link made, an undo) and on no other frame;
// its rows, flags and summary are the core's report; the flag filter; a click selects the
// claim and scrolls the article to it; the inspector's one line; Ctrl+R writes the HTML
// report beside the set (or the article) and the status line says where; a broken
// evidence hierarchy is named once; a 100,000-annotation set draws only the rows in view.
#include "ui_fixture.h"

#include "core/model/covered_text.h"
#include "core/report/claim_report.h"
#include "core/storage/file_io.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

using claimmark::app::AnnotationPanel;
using claimmark::app::ReportPanel;
using claimmark::app::testing::HeadlessEditor;
using claimmark::app::testing::TempFolder;

namespace {

const std::string kArticle =
    "Turmeric cures joint pain in every patient. Some small trials suggest it may ease stiffness. "
    "Experts say curcumin is safe for everyone.\n\n"
    "Turmeric cures joint pain in all patients.";

claimmark::Span spanOf(const std::string& text, const std::string& part) {
    const std::size_t at = text.find(part);
    REQUIRE(at != std::string::npos);
    return {at, at + part.size()};  // the article is ASCII: bytes are code points
}

claimmark::AttributeValue number(std::int64_t value) { return claimmark::AttributeValue(value); }
claimmark::AttributeValue word(const char* value) { return claimmark::AttributeValue(std::string(value)); }

// Three claims, their links, and a pending suggested claim:
//   c1 "Turmeric cures joint pain in every patient", strength 5, nothing linked
//      -> strength-exceeds-evidence, no-evidence
//   c2 "it may ease stiffness", strength 2, hedged by "may", supported by a clinical trial
//      -> no flags
//   c3 "curcumin is safe for everyone", strength 4, supported by expert opinion, not cited
//      -> strength-exceeds-evidence, uncited-support
//   s1 "Turmeric cures joint pain in all patients", a pending suggestion
struct Fixture {
    HeadlessEditor editor{kArticle};
    std::string c1, c2, c3, hedge, trial, experts, s1 = "s1";

    Fixture() {
        auto& s = editor.state().session();
        c1 = *s.addAnnotation("claim", {spanOf(kArticle, "Turmeric cures joint pain in every patient")});
        c2 = *s.addAnnotation("claim", {spanOf(kArticle, "it may ease stiffness")});
        c3 = *s.addAnnotation("claim", {spanOf(kArticle, "curcumin is safe for everyone")});
        hedge = *s.addAnnotation("hedge", {spanOf(kArticle, "may")});
        trial = *s.addAnnotation("evidence", {spanOf(kArticle, "Some small trials")});
        experts = *s.addAnnotation("evidence", {spanOf(kArticle, "Experts say")});
        REQUIRE(s.setAttribute(c1, "strength", number(5)).ok());
        REQUIRE(s.setAttribute(c2, "strength", number(2)).ok());
        REQUIRE(s.setAttribute(c3, "strength", number(4)).ok());
        REQUIRE(s.setAttribute(trial, "type", word("clinical-trial")).ok());
        REQUIRE(s.setAttribute(experts, "type", word("expert-opinion")).ok());
        REQUIRE(s.addRelation("hedges", hedge, c2).ok());
        REQUIRE(s.addRelation("supports", trial, c2).ok());
        REQUIRE(s.addRelation("supports", experts, c3).ok());

        claimmark::Annotation suggested;
        suggested.id = s1;
        suggested.label = "claim";
        suggested.spans = {spanOf(kArticle, "Turmeric cures joint pain in all patients")};
        suggested.status = claimmark::kSuggestedStatus;
        suggested.origin = "suggested";
        suggested.rule = "claim.assertion";
        claimmark::fillFromDocument(suggested, s.document());
        REQUIRE(s.addSuggestions({suggested}, {}, "Suggested 1").ok());

        panel().showTab(AnnotationPanel::Tab::Report);
        editor.frames(3);
        REQUIRE(panel().shownTab() == AnnotationPanel::Tab::Report);
    }

    claimmark::app::EditorState& state() { return editor.state(); }
    AnnotationPanel& panel() { return editor.window().panel(); }
    ReportPanel& report() { return panel().report(); }
    std::uint64_t computations() { return state().claimReportComputations(); }

    // The core's report on the same set, computed apart from the editor.
    claimmark::DocumentReport coreReport() {
        claimmark::ClaimReportOptions options;
        options.includeSuggested = true;
        return claimmark::reportOnSet(state().document(), state().set(), options);
    }
    std::vector<std::string> rowIds() {
        std::vector<std::string> out;
        for (std::size_t i : report().rows()) out.push_back(state().claimReport().claims[i].id);
        return out;
    }
    void post(claimmark::app::Action action) {
        state().post(std::move(action));
        editor.frames(2);
    }
};

std::vector<std::string> flagNames(const claimmark::ClaimReport& claim) {
    std::vector<std::string> out;
    for (const auto& flag : claim.flags) out.push_back(flag.name);
    return out;
}

}  // namespace

TEST_CASE("report panel: the Report tab is beside the list and opens with a click") {
    HeadlessEditor editor(kArticle);
    auto& panel = editor.window().panel();
    CHECK(panel.shownTab() == AnnotationPanel::Tab::Annotations);
    CHECK(editor.state().claimReportComputations() == 0);  // nothing needed it yet
    auto tab = panel.rects().centreOf("tab:report");
    REQUIRE(tab.has_value());
    editor.click(*tab);
    editor.frames(2);
    CHECK(panel.shownTab() == AnnotationPanel::Tab::Report);
    CHECK(panel.report().rects().centreOf("report-summary").has_value());
    CHECK(editor.state().claimReportComputations() == 1);
    const ImVec2 back = *panel.rects().centreOf("tab:annotations");
    editor.moveTo(back);
    editor.click(back);
    editor.frames(2);
    CHECK(panel.shownTab() == AnnotationPanel::Tab::Annotations);
}

TEST_CASE("report panel: recomputed when an annotation is added or linked, never otherwise") {
    Fixture f;
    const std::uint64_t first = f.computations();
    CHECK(first == 1);

    // Idle frames, the mouse over the rows, a click on a row, the filter: no recomputation.
    f.editor.frames(10);
    auto row = f.report().rects().centreOf(("claim:" + f.c3).c_str());
    REQUIRE(row.has_value());
    f.editor.moveTo(*row);
    f.editor.frames(3);
    f.editor.click(*row);
    f.editor.frames(3);
    REQUIRE(f.state().selectedAnnotation == f.c3);  // the inspector shows its line too
    f.report().filterFlag(ReportPanel::kAnyFlag);
    f.editor.frames(3);
    f.report().filterFlag("");
    f.editor.frames(3);
    CHECK(f.computations() == first);

    // A new annotation: once.
    claimmark::app::Action add;
    add.kind = claimmark::app::ActionKind::AddAnnotation;
    add.label = "caveat";
    add.spans = {spanOf(kArticle, "for everyone")};
    f.post(add);
    const std::string caveat = f.state().selectedAnnotation;
    REQUIRE(f.state().set().findAnnotation(caveat) != nullptr);
    CHECK(f.computations() == first + 1);
    f.editor.frames(5);
    CHECK(f.computations() == first + 1);

    // Linking it: once, and the claim's row has the caveat.
    claimmark::app::Action link;
    link.kind = claimmark::app::ActionKind::AddRelation;
    link.label = "qualifies";
    link.id = caveat;
    link.text = f.c3;
    f.post(link);
    CHECK(f.computations() == first + 2);
    REQUIRE(f.state().claimReport().findClaim(f.c3) != nullptr);
    CHECK(f.state().claimReport().findClaim(f.c3)->caveats.size() == 1);
    f.editor.frames(5);
    CHECK(f.computations() == first + 2);

    // Undo: once more.
    f.editor.key(GLFW_KEY_Z, /*ctrl=*/true);
    f.editor.frames(3);
    CHECK(f.computations() == first + 3);
    CHECK(f.state().claimReport().findClaim(f.c3)->caveats.empty());
}

TEST_CASE("report panel: rows, flags and summary are the core's report") {
    Fixture f;
    const claimmark::DocumentReport core = f.coreReport();
    const claimmark::DocumentReport& shown = f.state().claimReport();
    REQUIRE(core.claims.size() == 4);
    REQUIRE(shown.claims.size() == core.claims.size());
    CHECK(f.rowIds() == std::vector<std::string>{f.c1, f.c2, f.c3, f.s1});
    for (std::size_t i = 0; i < core.claims.size(); ++i) {
        const auto& a = shown.claims[i];
        const auto& b = core.claims[i];
        CHECK(a.id == b.id);
        CHECK(a.support == b.support);
        CHECK(a.strength == b.strength);
        CHECK(a.suggested == b.suggested);
        CHECK(flagNames(a) == flagNames(b));
        CHECK(a.oneLine() == b.oneLine());
        // Every flag has its badge on the row.
        for (const auto& flag : b.flags)
            CHECK_MESSAGE(f.report().rects().centreOf(("flag:" + b.id + ":" + flag.name).c_str()).has_value(),
                          b.id << " " << flag.name);
    }
    CHECK(flagNames(*shown.findClaim(f.c1)) ==
          std::vector<std::string>{claimmark::kFlagStrengthExceedsEvidence, claimmark::kFlagNoEvidence});
    CHECK(shown.findClaim(f.c2)->flags.empty());
    CHECK(shown.findClaim(f.c2)->support == "clinical-trial");
    CHECK(shown.findClaim(f.s1)->suggested);  // pending suggestions are in, marked
    CHECK_FALSE(shown.findClaim(f.c1)->suggested);
    CHECK(shown.summary.claims == core.summary.claims);
    CHECK(shown.summary.flaggedClaims == core.summary.flaggedClaims);
    CHECK(shown.summary.hedgesPer1000Words == core.summary.hedgesPer1000Words);
    CHECK_FALSE(f.report().rects().centreOf(("flag:" + f.c2 + ":" + claimmark::kFlagNoEvidence).c_str()).has_value());
}

TEST_CASE("report panel: the flag filter keeps the claims with that flag") {
    Fixture f;
    const claimmark::DocumentReport core = f.coreReport();
    f.report().filterFlag(ReportPanel::kAnyFlag);
    f.editor.frame();
    std::vector<std::string> flagged;
    for (const auto& claim : core.claims)
        if (!claim.flags.empty()) flagged.push_back(claim.id);
    CHECK(f.rowIds() == flagged);
    CHECK(f.rowIds().size() == core.summary.flaggedClaims);

    f.report().filterFlag(claimmark::kFlagUncitedSupport);
    f.editor.frame();
    CHECK(f.rowIds() == std::vector<std::string>{f.c3});
    CHECK_FALSE(f.report().rects().centreOf(("claim:" + f.c1).c_str()).has_value());

    f.report().filterFlag(claimmark::kFlagContradicted);
    f.editor.frame();
    CHECK(f.rowIds().empty());

    f.report().filterFlag("");
    f.editor.frame();
    CHECK(f.rowIds().size() == core.claims.size());
    CHECK(f.computations() == 1);  // filtering never recomputes
}

TEST_CASE("report panel: clicking a row selects the claim and scrolls the article to it") {
    Fixture f;
    f.state().scrollTarget.reset();
    const std::string step = f.state().session().history().undoDescription();
    auto row = f.report().rects().centreOf(("claim:" + f.c3).c_str());
    REQUIRE(row.has_value());
    f.editor.click(*row);
    CHECK(f.state().selectedAnnotation == f.c3);
    CHECK(f.state().selection.empty());
    REQUIRE(f.state().scrollTarget.has_value());
    CHECK(*f.state().scrollTarget == spanOf(kArticle, "curcumin is safe for everyone").start);
    CHECK(f.state().session().history().undoDescription() == step);  // the panel only reads
    CHECK(f.computations() == 1);
}

TEST_CASE("report panel: the inspector of a selected claim has its one line from the same report") {
    Fixture f;
    f.state().selectedAnnotation = f.c2;
    f.editor.frames(3);
    auto& inspector = f.panel().inspector();
    const claimmark::ClaimReport* claim = f.state().claimReport().findClaim(f.c2);
    REQUIRE(claim != nullptr);
    CHECK(inspector.reportLine() == claim->oneLine());
    CHECK(inspector.reportLine().find("supported by 1 (best: clinical trial)") != std::string::npos);
    CHECK(inspector.reportLine().find("hedged by 1") != std::string::npos);
    CHECK(inspector.rects().centreOf("report-line").has_value());
    CHECK(f.computations() == 1);

    f.state().selectedAnnotation = f.hedge;  // not a claim: no line
    f.editor.frames(2);
    CHECK(inspector.reportLine().empty());
    CHECK_FALSE(inspector.rects().centreOf("report-line").has_value());
    CHECK(f.computations() == 1);
}

TEST_CASE("report panel: Ctrl+R writes the HTML report beside the article, then beside the saved set") {
    Fixture f;
    TempFolder folder("claimmark-report-");
    auto& state = f.state();
    state.articlePath = folder.path / "turmeric.txt";
    state.setPath = folder.path / "alice.json";

    // Never saved: beside the article.
    f.editor.key(GLFW_KEY_R, /*ctrl=*/true);
    const auto besideArticle = folder.path / "turmeric.report.html";
    CHECK(state.reportHtmlPath() == besideArticle);
    auto html = claimmark::readFileBytes(besideArticle);
    REQUIRE(html.ok());
    CHECK(html->find("Turmeric cures joint pain in every patient") != std::string::npos);
    CHECK(html->find("curcumin is safe for everyone") != std::string::npos);
    CHECK(state.statusMessage.find(besideArticle.string()) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(folder.path / "alice.json"));  // writing the report saves nothing

    // Saved: beside the set, named after it.
    state.post(claimmark::app::Action::of(claimmark::app::ActionKind::Save));
    f.editor.frame();
    REQUIRE(std::filesystem::exists(state.setPath));
    f.editor.key(GLFW_KEY_R, true);
    const auto besideSet = folder.path / "alice.report.html";
    CHECK(state.reportHtmlPath() == besideSet);
    html = claimmark::readFileBytes(besideSet);
    REQUIRE(html.ok());
    CHECK(html->find("it may ease stiffness") != std::string::npos);
    CHECK(state.statusMessage.find(besideSet.string()) != std::string::npos);
    CHECK(f.computations() == 1);  // the cached report: saving changed no annotation
}

TEST_CASE("report panel: the HTML button writes too; a failed write is in the status line") {
    Fixture f;
    TempFolder folder("claimmark-report-");
    auto& state = f.state();
    state.articlePath = folder.path / "no-such-folder" / "turmeric.txt";
    auto button = f.report().rects().centreOf("report-write-html");
    REQUIRE(button.has_value());
    f.editor.click(*button);
    CHECK(state.statusMessage.rfind("Report not written", 0) == 0);
    CHECK_FALSE(std::filesystem::exists(folder.path / "no-such-folder"));

    state.articlePath = folder.path / "turmeric.txt";
    f.editor.click(*button);
    CHECK(std::filesystem::exists(folder.path / "turmeric.report.html"));
    CHECK(state.statusMessage.rfind("Wrote the report to ", 0) == 0);

    // Nowhere to write (an in-memory article, no set file).
    state.articlePath.clear();
    state.setPath.clear();
    f.editor.key(GLFW_KEY_R, true);
    CHECK(state.statusMessage.rfind("Report not written", 0) == 0);
}

TEST_CASE("report panel: an invalid evidence hierarchy is named once; the default one is used") {
    claimmark::AnnotationSet set = HeadlessEditor::makeSet();
    set.schema.extra["report"] = {{"evidence_hierarchy", 7}};
    HeadlessEditor editor(kArticle, std::move(set));
    auto& state = editor.state();
    const std::size_t before = state.banners.size();
    editor.window().panel().showTab(AnnotationPanel::Tab::Report);
    editor.frames(2);
    REQUIRE(state.banners.size() == before + 1);
    CHECK(state.banners.back().text.find("evidence hierarchy") != std::string::npos);
    // Edits recompute the report, but the message is not repeated.
    REQUIRE(state.session().addAnnotation("claim", {spanOf(kArticle, "it may ease stiffness")}).ok());
    editor.frames(2);
    REQUIRE(state.session().addAnnotation("claim", {spanOf(kArticle, "curcumin is safe for everyone")}).ok());
    editor.frames(2);
    CHECK(state.claimReportComputations() == 3);
    CHECK(state.banners.size() == before + 1);
    CHECK(state.claimReport().claims.size() == 2);
}

TEST_CASE("report panel: 100,000 annotations — one computation, only the rows in view drawn") {
    // 50,000 sentences "<w> <w> may <w> <w>." of made-up words: a claim over each, a hedge
    // over its "may", linked.
    constexpr int kSentences = 50000;
    std::string text;
    std::vector<claimmark::Span> claims, hedges;
    std::uint32_t seed = 12345;
    const auto nextWord = [&] {
        std::string w;
        const int length = 5 + int(seed % 4);
        for (int i = 0; i < length; ++i) {
            seed = seed * 1103515245u + 12345u;
            w += char('a' + (seed >> 16) % 26);
        }
        return w;
    };
    for (int i = 0; i < kSentences; ++i) {
        const std::size_t start = text.size();
        text += nextWord() + " " + nextWord() + " ";
        hedges.push_back({text.size(), text.size() + 3});
        text += "may " + nextWord() + " " + nextWord();
        claims.push_back({start, text.size()});
        text += ".\n";
    }
    auto document = claimmark::Document::fromBytes(text, "long.txt");
    REQUIRE(document.ok());
    claimmark::AnnotationSet set = HeadlessEditor::makeSet();
    set.document.length = document->length();
    set.reserve(2 * kSentences, kSentences);
    bool added = true;
    for (int i = 0; i < kSentences; ++i) {
        for (int k = 0; k < 2; ++k) {
            claimmark::Annotation a;
            a.id = (k == 0 ? "c" : "h") + std::to_string(i);
            a.label = k == 0 ? "claim" : "hedge";
            a.spans = {k == 0 ? claims[std::size_t(i)] : hedges[std::size_t(i)]};
            claimmark::fillFromDocument(a, *document);
            added = set.addAnnotation(std::move(a)).ok() && added;
        }
        claimmark::Relation r;
        r.id = "r" + std::to_string(i);
        r.type = "hedges";
        r.from = "h" + std::to_string(i);
        r.to = "c" + std::to_string(i);
        added = set.addRelation(std::move(r)).ok() && added;
    }
    REQUIRE(added);
    REQUIRE(set.annotationCount() == 100000);

    HeadlessEditor editor(text, std::move(set));
    auto& panel = editor.window().panel();
    auto& state = editor.state();
    panel.showTab(AnnotationPanel::Tab::Report);
    const auto began = std::chrono::steady_clock::now();
    editor.frames(3);  // the tab opens, the report is computed once
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    MESSAGE("the Report tab opened on 100,000 annotations (report computed): " << seconds << " s");
    REQUIRE(state.claimReportComputations() == 1);
    CHECK(panel.report().rows().size() == std::size_t(kSentences));
    CHECK(state.claimReport().summary.claims == std::size_t(kSentences));
    CHECK(panel.report().rects().centreOf("claim:c0").has_value());
    CHECK_FALSE(panel.report().rects().centreOf("claim:c100").has_value());  // the clipper skipped it

    // Idle frames are cheap and recompute nothing.
    const auto idle = std::chrono::steady_clock::now();
    editor.frames(20);
    const double idleSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - idle).count();
    MESSAGE("20 idle frames: " << idleSeconds << " s");
    CHECK(state.claimReportComputations() == 1);
    CHECK(idleSeconds < 2.0);

    // Selecting a claim far down scrolls the report's list to it.
    state.selectedAnnotation = "c40000";
    editor.frames(3);
    CHECK(panel.report().rects().centreOf("claim:c40000").has_value());
    CHECK_FALSE(panel.report().rects().centreOf("claim:c0").has_value());
    CHECK(state.claimReportComputations() == 1);

    // What a frame after an edit costs without the report (the span index, order, counts).
    panel.showTab(AnnotationPanel::Tab::Annotations);
    editor.frames(2);
    REQUIRE(state.session().addAnnotation("hedge", {claimmark::Span{0, 3}}).ok());
    const auto plain = std::chrono::steady_clock::now();
    editor.frames(1);
    MESSAGE("the frame after an edit, Report tab closed: "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - plain).count() << " s");
    panel.showTab(AnnotationPanel::Tab::Report);
    state.currentClaimReport();
    editor.frames(2);
    const std::uint64_t computed = state.claimReportComputations();

    // An edit is reported on a worker thread: the frame after it does not wait for the
    // report, the panel says it is updating, and the new report is taken in when done.
    REQUIRE(state.session().addAnnotation("claim", {claimmark::Span{0, 5}}).ok());
    const auto edited = std::chrono::steady_clock::now();
    editor.frames(1);
    const double editFrame = std::chrono::duration<double>(std::chrono::steady_clock::now() - edited).count();
    MESSAGE("the frame after an edit (report made in the background): " << editFrame << " s");
    CHECK(state.claimReportPending());
    CHECK(state.claimReportComputations() == computed);
    CHECK(panel.report().rects().centreOf("report-updating").has_value());
    CHECK(editor.window().wantsAnotherFrame());
    CHECK(state.currentClaimReport().summary.claims == std::size_t(kSentences) + 1);
    CHECK_FALSE(state.claimReportPending());
    CHECK(state.claimReportComputations() == computed + 1);
    editor.frames(2);
    CHECK(panel.report().rows().size() == std::size_t(kSentences) + 1);
    CHECK_FALSE(panel.report().rects().centreOf("report-updating").has_value());
}

TEST_CASE("report panel: a small set is reported at once after each edit") {
    HeadlessEditor editor(kArticle, HeadlessEditor::makeSet());
    auto& state = editor.state();
    editor.window().panel().showTab(AnnotationPanel::Tab::Report);
    editor.frames(2);
    REQUIRE(state.session().addAnnotation("claim", {spanOf(kArticle, "it may ease stiffness")}).ok());
    editor.frames(1);
    CHECK_FALSE(state.claimReportPending());
    CHECK(state.claimReport().claims.size() == 1);
}
