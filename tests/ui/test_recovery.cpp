// test_recovery.cpp — never losing work, headless: autosave to "<set>.recovery" (timer and
// focus loss), the offer to restore at open (restore, discard, broken file), save and close
// removing the recovery file, Ctrl+Q and the close dialog, and the problems that must show
// as banners (schema, article changed on disk).
#include "ui_fixture.h"

#include "core/storage/recovery_file.h"
#include "core/storage/set_file.h"

#include <imgui_internal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

using claimmark::app::EditorOptions;
using claimmark::app::EditorState;
using claimmark::app::EditorWindow;
using claimmark::app::testing::HeadlessEditor;
namespace fs = std::filesystem;
namespace cm = claimmark;

namespace {

const char* const kArticle = "Turmeric may ease joint pain. Ask a doctor first.";
// "Turmeric" 0-8, "may" 9-12, "ease joint pain" 13-28, "Ask a doctor first" 30-48.

struct Folder : claimmark::app::testing::TempFolder {
    Folder() : TempFolder("claimmark-recovery-") {}
};

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void writeFile(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// A set over kArticle with claims at the given spans, as it would be saved at `setPath`.
cm::AnnotationSet setWith(const cm::Document& document, std::vector<cm::Span> claims) {
    cm::AnnotationSet set;
    set.annotator = "tester";
    set.document.path = "article.txt";
    set.document.sha256 = document.sha256();
    set.document.length = document.length();
    cm::EditSession session(document, std::move(set));
    for (const cm::Span& span : claims) REQUIRE(session.addAnnotation("claim", {span}).ok());
    return session.set();
}

// The article, a set with one claim ("Turmeric") and, when asked, a newer recovery file
// with two ("Turmeric", "ease joint pain").
struct Files {
    Folder folder;
    fs::path article, set, recovery;
    cm::Document document;

    explicit Files(bool withRecovery) {
        article = folder.path / "article.txt";
        set = folder.path / "tester.json";
        recovery = folder.path / "tester.json.recovery";
        writeFile(article, kArticle);
        auto loaded = cm::Document::loadFile(article);
        REQUIRE(loaded.ok());
        document = *loaded;
        writeFile(set, cm::serializeSet(setWith(document, {{0, 8}})));
        if (withRecovery) {
            REQUIRE(cm::writeRecovery(set, setWith(document, {{0, 8}, {13, 28}})).ok());
            fs::last_write_time(recovery, fs::last_write_time(set) + std::chrono::seconds(5));
        }
    }
    EditorOptions options() const {
        EditorOptions o;
        o.article = article;
        o.setPath = set;
        o.annotator = "tester";
        return o;
    }
};

// HeadlessEditor's setup, over a state opened from files the way the editor starts.
class OpenedEditor {
public:
    explicit OpenedEditor(std::unique_ptr<EditorState> state) : m_state(std::move(state)) {
        m_context = claimmark::app::testing::createHeadlessContext(ImVec2(1200, 800));
        m_window = std::make_unique<EditorWindow>(*m_state);
        claimmark::app::testing::buildHeadlessFonts(m_fonts, m_state->document().bytes());
        m_window->setFonts(m_fonts.ui(), m_fonts.text(), m_fonts.textSize());
        frames(3);
    }
    ~OpenedEditor() {
        m_window.reset();
        ImGui::DestroyContext(m_context);
    }
    EditorState& state() { return *m_state; }
    EditorWindow& window() { return *m_window; }
    void frame() {
        ImGui::NewFrame();
        m_window->draw();
        ImGui::Render();
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }
    void click(ImVec2 pos) {
        claimmark::app::testing::clickAt([this] { frame(); }, pos);
    }
    void key(int glfwKey) {
        claimmark::app::testing::pressKey([this] { frame(); }, glfwKey, false, false, false);
    }

private:
    ImGuiContext* m_context = nullptr;
    claimmark::app::FontSet m_fonts;
    std::unique_ptr<EditorState> m_state;
    std::unique_ptr<EditorWindow> m_window;
};

// The centre of the `index`-th button on the last line of an auto-sized dialog, given the
// labels of the buttons before it.
ImVec2 dialogButton(const char* title, std::vector<const char*> before) {
    ImGuiWindow* dialog = ImGui::FindWindowByName(title);
    REQUIRE(dialog != nullptr);
    REQUIRE(dialog->Active);
    const ImGuiStyle& style = ImGui::GetStyle();
    float x = dialog->Pos.x + style.WindowPadding.x;
    for (const char* label : before) x += ImGui::CalcTextSize(label).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
    const float y = dialog->Pos.y + dialog->Size.y - style.WindowPadding.y - ImGui::GetFrameHeight() * 0.5f;
    return ImVec2(x + 6, y);
}

bool dialogOpen(const char* title) {
    ImGuiWindow* dialog = ImGui::FindWindowByName(title);
    return dialog && dialog->Active;
}

void ctrlKey(OpenedEditor& editor, int key) {
    claimmark::app::testing::pressKey([&] { editor.frame(); }, key, /*ctrl=*/true);
    editor.frames(2);
}

}  // namespace

// ---- autosave ---------------------------------------------------------------------------

TEST_CASE("recovery: the autosave timer writes the recovery file, never the set") {
    Folder folder;
    HeadlessEditor editor(kArticle);
    EditorState& state = editor.state();
    state.articlePath = folder.path / "article.txt";
    state.setPath = folder.path / "tester.json";
    const fs::path recovery = folder.path / "tester.json.recovery";
    using namespace std::chrono_literals;
    const auto t0 = EditorState::AutosaveClock::time_point{} + 1000s;

    CHECK_FALSE(state.autosaveIfDue(t0));  // nothing changed: nothing to do
    CHECK_FALSE(state.timeUntilAutosave(t0));

    editor.drag(editor.centreOf(14), editor.centreOf(20));  // "ease joint"
    editor.type('1');
    REQUIRE(state.set().annotationCount() == 1);
    CHECK_FALSE(state.autosaveIfDue(t0));  // the 30 s start now
    REQUIRE(state.timeUntilAutosave(t0 + 10s));
    CHECK(*state.timeUntilAutosave(t0 + 10s) == 20s);
    CHECK_FALSE(state.autosaveIfDue(t0 + 29s));
    CHECK_FALSE(fs::exists(recovery));
    CHECK(state.autosaveIfDue(t0 + 30s));
    REQUIRE(fs::exists(recovery));
    CHECK_FALSE(fs::exists(state.setPath));
    CHECK_FALSE(state.lastAutosave.empty());

    auto written = cm::parseSet(readFile(recovery), recovery.string());
    REQUIRE(written.ok());
    REQUIRE(written->annotationCount() == 1);
    CHECK(written->annotations().front().text == "ease joint");
    CHECK(written->annotations().front().label == "claim");
    CHECK(written->document.path == "article.txt");

    // Written once per change: no further autosave until the next edit.
    CHECK_FALSE(state.autosaveIfDue(t0 + 90s));
    CHECK_FALSE(state.timeUntilAutosave(t0 + 90s));
    editor.drag(editor.centreOf(0), editor.centreOf(5));  // "Turmeric"
    editor.type('2');
    CHECK_FALSE(state.autosaveIfDue(t0 + 100s));
    CHECK(state.autosaveIfDue(t0 + 130s));
    auto second = cm::parseSet(readFile(recovery), recovery.string());
    REQUIRE(second.ok());
    CHECK(second->annotationCount() == 2);
}

TEST_CASE("recovery: losing focus autosaves at once; Ctrl+S removes the recovery file") {
    Folder folder;
    HeadlessEditor editor(kArticle);
    EditorState& state = editor.state();
    state.articlePath = folder.path / "article.txt";
    writeFile(state.articlePath, kArticle);
    state.setPath = folder.path / "tester.json";
    const fs::path recovery = folder.path / "tester.json.recovery";

    CHECK_FALSE(state.autosaveNow());  // unmodified: nothing written
    CHECK_FALSE(fs::exists(recovery));
    editor.drag(editor.centreOf(14), editor.centreOf(20));
    editor.type('1');
    CHECK(state.autosaveNow());
    CHECK(fs::exists(recovery));
    CHECK_FALSE(state.autosaveNow());  // already written

    editor.key(GLFW_KEY_S, /*ctrl=*/true);
    editor.frame();
    REQUIRE(fs::exists(state.setPath));
    CHECK_FALSE(state.isModified());
    CHECK_FALSE(fs::exists(recovery));
}

TEST_CASE("recovery: an autosave that cannot be written says so and tries again later") {
    Folder folder;
    HeadlessEditor editor(kArticle);
    EditorState& state = editor.state();
    state.setPath = folder.path / "missing-folder" / "tester.json";
    editor.drag(editor.centreOf(14), editor.centreOf(20));
    editor.type('1');
    using namespace std::chrono_literals;
    const auto t0 = EditorState::AutosaveClock::time_point{} + 1000s;
    state.autosaveIfDue(t0);
    CHECK_FALSE(state.autosaveIfDue(t0 + 30s));
    CHECK(state.statusMessage.find("Autosave failed") == 0);
    REQUIRE(state.timeUntilAutosave(t0 + 30s));
    CHECK(*state.timeUntilAutosave(t0 + 30s) == 30s);
}

// ---- the offer at open ------------------------------------------------------------------

TEST_CASE("recovery: a newer recovery is offered at open; Restore brings it back, unsaved") {
    Files files(/*withRecovery=*/true);
    auto opened = EditorState::open(files.options());
    REQUIRE(opened.ok());
    REQUIRE((*opened)->recoveryOffer);
    CHECK((*opened)->set().annotationCount() == 1);  // the set on disk, until the user answers
    OpenedEditor editor(std::move(*opened));
    EditorState& state = editor.state();
    CHECK(dialogOpen(claimmark::app::RecoveryDialog::kTitle));
    // Nothing is autosaved over the offer while it waits.
    CHECK_FALSE(state.autosaveNow());

    const std::string setBefore = readFile(files.set);
    editor.click(dialogButton(claimmark::app::RecoveryDialog::kTitle, {}));  // "Restore it"
    CHECK_FALSE(dialogOpen(claimmark::app::RecoveryDialog::kTitle));
    CHECK_FALSE(state.recoveryOffer);
    REQUIRE(state.set().annotationCount() == 2);
    CHECK(state.documentOrder().size() == 2);
    CHECK(state.documentOrder()[1]->text == "ease joint pain");
    CHECK(state.isModified());
    CHECK_FALSE(state.session().history().canUndo());  // a clean history
    CHECK(readFile(files.set) == setBefore);           // disk untouched until saved
    CHECK(fs::exists(files.recovery));

    // Undoing nothing and closing still asks: the work is not saved.
    state.post(claimmark::app::Action::of(claimmark::app::ActionKind::Undo));
    editor.frames(2);
    CHECK(state.isModified());
    editor.window().requestClose();
    editor.frames(2);
    CHECK_FALSE(editor.window().closeConfirmed());
    CHECK(dialogOpen("Unsaved changes"));
    editor.click(dialogButton("Unsaved changes", {}));  // "Save and close"
    CHECK(editor.window().closeConfirmed());
    CHECK_FALSE(state.isModified());
    CHECK_FALSE(fs::exists(files.recovery));
    auto saved = cm::loadSetFile(files.set);
    REQUIRE(saved.ok());
    CHECK(saved->set.annotationCount() == 2);
}

TEST_CASE("recovery: Enter answers the offer with Restore") {
    Files files(/*withRecovery=*/true);
    auto opened = EditorState::open(files.options());
    REQUIRE(opened.ok());
    OpenedEditor editor(std::move(*opened));
    REQUIRE(dialogOpen(claimmark::app::RecoveryDialog::kTitle));
    editor.key(GLFW_KEY_ENTER);
    editor.frames(2);
    CHECK_FALSE(dialogOpen(claimmark::app::RecoveryDialog::kTitle));
    CHECK(editor.state().set().annotationCount() == 2);
    CHECK(editor.state().isModified());
}

TEST_CASE("recovery: Discard deletes the recovery file and keeps the saved set") {
    Files files(/*withRecovery=*/true);
    auto opened = EditorState::open(files.options());
    REQUIRE(opened.ok());
    OpenedEditor editor(std::move(*opened));
    REQUIRE(dialogOpen(claimmark::app::RecoveryDialog::kTitle));
    editor.click(dialogButton(claimmark::app::RecoveryDialog::kTitle, {"Restore it"}));
    CHECK_FALSE(dialogOpen(claimmark::app::RecoveryDialog::kTitle));
    CHECK_FALSE(fs::exists(files.recovery));
    CHECK(editor.state().set().annotationCount() == 1);
    CHECK_FALSE(editor.state().isModified());
}

TEST_CASE("recovery: an unanswered offer survives a close") {
    Files files(/*withRecovery=*/true);
    auto opened = EditorState::open(files.options());
    REQUIRE(opened.ok());
    EditorState& state = **opened;
    state.removeRecoveryFile();  // what the host does on a clean close
    CHECK(fs::exists(files.recovery));
    state.discardRecoveryOffer();
    CHECK_FALSE(fs::exists(files.recovery));
}

TEST_CASE("recovery: an older or identical recovery is not offered") {
    Files files(/*withRecovery=*/true);
    SUBCASE("older") { fs::last_write_time(files.recovery, fs::last_write_time(files.set) - std::chrono::seconds(5)); }
    SUBCASE("identical") { fs::copy_file(files.set, files.recovery, fs::copy_options::overwrite_existing); }
    auto opened = EditorState::open(files.options());
    REQUIRE(opened.ok());
    CHECK_FALSE((*opened)->recoveryOffer);
    CHECK((*opened)->set().annotationCount() == 1);
}

TEST_CASE("recovery: a broken recovery file becomes an error banner and is kept") {
    Files files(/*withRecovery=*/false);
    writeFile(files.recovery, "{\"format\": ");
    fs::last_write_time(files.recovery, fs::last_write_time(files.set) + std::chrono::seconds(5));
    auto opened = EditorState::open(files.options());
    REQUIRE(opened.ok());
    EditorState& state = **opened;
    CHECK_FALSE(state.recoveryOffer);
    REQUIRE(state.banners.size() == 1);
    CHECK(state.banners[0].kind == claimmark::app::BannerKind::Error);
    CHECK(state.banners[0].text.find("could not be read") != std::string::npos);
    CHECK(readFile(files.folder.path / "tester.json.recovery.broken") == "{\"format\": ");
}

// ---- closing ----------------------------------------------------------------------------

TEST_CASE("recovery: Ctrl+Q quits at once when all is saved, and asks when not") {
    Files files(/*withRecovery=*/false);
    SUBCASE("saved") {
        auto opened = EditorState::open(files.options());
        REQUIRE(opened.ok());
        OpenedEditor editor(std::move(*opened));
        ctrlKey(editor, GLFW_KEY_Q);
        CHECK(editor.window().closeConfirmed());
    }
    SUBCASE("unsaved: Cancel keeps the window, Close without saving closes") {
        auto opened = EditorState::open(files.options());
        REQUIRE(opened.ok());
        OpenedEditor editor(std::move(*opened));
        REQUIRE(editor.state().session().addAnnotation("hedge", {{9, 12}}).ok());
        ctrlKey(editor, GLFW_KEY_Q);
        CHECK_FALSE(editor.window().closeConfirmed());
        REQUIRE(dialogOpen("Unsaved changes"));
        editor.click(dialogButton("Unsaved changes", {"Save and close", "Close without saving"}));
        CHECK_FALSE(dialogOpen("Unsaved changes"));
        CHECK_FALSE(editor.window().closeConfirmed());
        ctrlKey(editor, GLFW_KEY_Q);
        REQUIRE(dialogOpen("Unsaved changes"));
        editor.click(dialogButton("Unsaved changes", {"Save and close"}));
        CHECK(editor.window().closeConfirmed());
        auto onDisk = cm::loadSetFile(files.set);
        REQUIRE(onDisk.ok());
        CHECK(onDisk->set.annotationCount() == 1);  // not saved
    }
}

TEST_CASE("recovery: Save and close that hits a conflict keeps the window open") {
    Files files(/*withRecovery=*/false);
    auto opened = EditorState::open(files.options());
    REQUIRE(opened.ok());
    OpenedEditor editor(std::move(*opened));
    REQUIRE(editor.state().session().addAnnotation("hedge", {{9, 12}}).ok());
    const std::string theirs = readFile(files.set) + "\n";
    writeFile(files.set, theirs);  // another program saved meanwhile
    editor.window().requestClose();
    editor.frames(2);
    editor.click(dialogButton("Unsaved changes", {}));  // "Save and close"
    editor.frames(2);
    CHECK_FALSE(editor.window().closeConfirmed());
    CHECK(dialogOpen("The set changed on disk"));
    CHECK(readFile(files.set) == theirs);
    CHECK(editor.state().isModified());
}

// ---- problems shown in the window ---------------------------------------------------------

TEST_CASE("recovery: the article changing on disk is reported once, not reloaded") {
    Files files(/*withRecovery=*/false);
    auto opened = EditorState::open(files.options());
    REQUIRE(opened.ok());
    EditorState& state = **opened;
    CHECK_FALSE(state.checkArticleOnDisk());
    writeFile(files.article, std::string(kArticle) + " More.");
    CHECK(state.checkArticleOnDisk());
    REQUIRE_FALSE(state.banners.empty());
    CHECK(state.banners.back().text.find("changed on disk") != std::string::npos);
    CHECK(state.banners.back().text.find("reopen") != std::string::npos);
    CHECK_FALSE(state.checkArticleOnDisk());
    CHECK(state.document().bytes() == kArticle);
}

TEST_CASE("recovery: a broken --schema is a banner when the set has its own, fatal otherwise") {
    Files files(/*withRecovery=*/false);
    const fs::path schema = files.folder.path / "schema.json";
    writeFile(schema, "{ nope");
    EditorOptions options = files.options();
    options.schema = schema;
    auto opened = EditorState::open(options);
    REQUIRE(opened.ok());
    REQUIRE((*opened)->banners.size() == 1);
    CHECK((*opened)->banners[0].kind == claimmark::app::BannerKind::Warning);
    CHECK((*opened)->banners[0].text.find("could not be read") != std::string::npos);

    options.setPath = files.folder.path / "new.json";
    auto fresh = EditorState::open(options);
    REQUIRE_FALSE(fresh.ok());
    CHECK(fresh.errorText().find("schema.json") != std::string::npos);
}
