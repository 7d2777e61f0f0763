// test_editing.cpp — the editor's keyboard and file workflow, headless: label hotkeys,
// undo/redo, delete, relabel, save (and a save refused because the file changed on disk),
// and an idle frame that allocates nothing.
#include "ui_fixture.h"

#include "core/storage/set_file.h"

#include <imgui_internal.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <new>

using claimmark::app::testing::HeadlessEditor;
namespace fs = std::filesystem;

// ---- allocation counting: global operator new, and Dear ImGui's allocator ---------------
namespace {
std::atomic<bool> g_counting{false};
std::atomic<long> g_allocations{0};

void* imguiAlloc(std::size_t size, void*) {
    if (g_counting) ++g_allocations;
    return std::malloc(size);
}
void imguiFree(void* p, void*) { std::free(p); }
}  // namespace

// Under AddressSanitizer the global operator new belongs to the sanitizer (it tracks which
// form allocated each block, and a replacement here would pair with its delete forms):
// there the idle-frame test counts Dear ImGui's allocations only; the ordinary build, which
// runs in every test run, counts both.
#if defined(__SANITIZE_ADDRESS__)
#define CLAIMMARK_COUNT_GLOBAL_NEW 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CLAIMMARK_COUNT_GLOBAL_NEW 0
#endif
#endif
#ifndef CLAIMMARK_COUNT_GLOBAL_NEW
#define CLAIMMARK_COUNT_GLOBAL_NEW 1
#endif

#if CLAIMMARK_COUNT_GLOBAL_NEW
// Not inlined: GCC would otherwise see free() meet new and warn (-Wmismatched-new-delete).
[[gnu::noinline]] void* operator new(std::size_t size) {
    if (g_counting) ++g_allocations;
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}
[[gnu::noinline]] void operator delete(void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#endif

namespace {

const char* const kArticle = claimmark::app::testing::kShortArticle;
// "Turmeric" 0-7, "may" 9-11, "ease" 13-16, "joint" 18-22, "pain" 24-27, "Some" 31-34,
// "small" 36-40, "trials" 42-47.

struct TempFolder : claimmark::app::testing::TempFolder {
    TempFolder() : claimmark::app::testing::TempFolder("claimmark-ui-") {}
};

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void writeFile(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

}  // namespace

TEST_CASE("editing: select text, press a label key, get an annotation") {
    HeadlessEditor editor(kArticle);
    editor.drag(editor.centreOf(14), editor.centreOf(20));  // snaps to "ease joint"
    editor.type('1');
    const auto& set = editor.state().set();
    REQUIRE(set.annotationCount() == 1);
    const auto& a = set.annotations().front();
    CHECK(a.label == "claim");
    REQUIRE(a.spans.size() == 1);
    CHECK(a.spans[0].start == 13);
    CHECK(a.spans[0].end == 23);
    CHECK(a.text == "ease joint");
    CHECK(editor.state().selection.empty());
    CHECK(editor.state().selectedAnnotation == a.id);
    CHECK(editor.state().session().isModified());
}

TEST_CASE("editing: white space at the ends of a selection is left out") {
    HeadlessEditor editor(kArticle);
    ImGui::GetIO().KeyAlt = true;  // raw selection " ease " including both spaces
    editor.drag(editor.view().screenPosOf(12), editor.view().screenPosOf(18));
    ImGui::GetIO().KeyAlt = false;
    REQUIRE(editor.state().selection.start() == 12);
    REQUIRE(editor.state().selection.end() == 18);
    editor.type('2');
    REQUIRE(editor.state().set().annotationCount() == 1);
    CHECK(editor.state().set().annotations().front().label == "hedge");
    CHECK(editor.state().set().annotations().front().text == "ease");
}

TEST_CASE("editing: undo with Ctrl+Z, redo with Ctrl+Shift+Z and Ctrl+Y") {
    HeadlessEditor editor(kArticle);
    editor.drag(editor.centreOf(36), editor.centreOf(44));  // "small trials"
    editor.type('4');
    REQUIRE(editor.state().set().annotationCount() == 1);
    editor.key(GLFW_KEY_Z, /*ctrl=*/true);
    editor.frame();
    CHECK(editor.state().set().annotationCount() == 0);
    CHECK_FALSE(editor.state().session().isModified());
    editor.key(GLFW_KEY_Z, /*ctrl=*/true, /*shift=*/true);
    editor.frame();
    REQUIRE(editor.state().set().annotationCount() == 1);
    CHECK(editor.state().set().annotations().front().text == "small trials");
    editor.key(GLFW_KEY_Z, true);
    editor.key(GLFW_KEY_Y, true);
    editor.frame();
    CHECK(editor.state().set().annotationCount() == 1);
}

TEST_CASE("editing: a label key relabels the selected annotation; Delete removes it") {
    HeadlessEditor editor(kArticle);
    auto id = editor.state().session().addAnnotation("claim", {{0, 29}});
    REQUIRE(id.ok());
    editor.frames(2);
    editor.click(editor.centreOf(3));
    REQUIRE(editor.state().selectedAnnotation == *id);
    editor.type('3');
    CHECK(editor.state().set().findAnnotation(*id)->label == "caveat");
    editor.key(GLFW_KEY_DELETE);
    editor.frame();
    CHECK(editor.state().set().annotationCount() == 0);
    CHECK(editor.state().selectedAnnotation.empty());
    // Both steps undo, in order.
    editor.key(GLFW_KEY_Z, true);
    editor.frame();
    REQUIRE(editor.state().set().findAnnotation(*id) != nullptr);
    CHECK(editor.state().set().findAnnotation(*id)->label == "caveat");
}

TEST_CASE("editing: Ctrl+S saves; a set changed on disk is not overwritten without asking") {
    TempFolder folder;
    HeadlessEditor editor(kArticle);
    auto& state = editor.state();
    state.articlePath = folder.path / "article.txt";
    writeFile(state.articlePath, kArticle);
    state.setPath = folder.path / "annotations" / "article" / "tester.json";

    editor.drag(editor.centreOf(14), editor.centreOf(20));
    editor.type('1');
    editor.key(GLFW_KEY_S, true);
    editor.frame();
    REQUIRE(fs::exists(state.setPath));
    CHECK_FALSE(state.session().isModified());
    auto loaded = claimmark::loadSetFile(state.setPath);
    REQUIRE(loaded.ok());
    REQUIRE(loaded->set.annotationCount() == 1);
    CHECK(loaded->set.annotations().front().text == "ease joint");
    CHECK(loaded->set.document.path == "../../article.txt");

    // Someone else rewrites the file; our next save must not replace it silently.
    const std::string theirs = readFile(state.setPath) + "\n";
    writeFile(state.setPath, theirs);
    editor.drag(editor.centreOf(36), editor.centreOf(44));
    editor.type('2');
    editor.key(GLFW_KEY_S, true);
    editor.frames(2);
    CHECK(readFile(state.setPath) == theirs);
    CHECK(state.session().isModified());
    ImGuiWindow* dialog = ImGui::FindWindowByName("The set changed on disk");
    REQUIRE(dialog != nullptr);
    CHECK(dialog->Active);
    // Agreeing replaces it.
    state.post(claimmark::app::Action::of(claimmark::app::ActionKind::SaveOverwrite));
    editor.frame();
    auto replaced = claimmark::loadSetFile(state.setPath);
    REQUIRE(replaced.ok());
    CHECK(replaced->set.annotationCount() == 2);
}

TEST_CASE("editing: an idle frame allocates nothing") {
    HeadlessEditor editor(kArticle);
    auto id = editor.state().session().addAnnotation("claim", {{0, 29}});
    REQUIRE(id.ok());
    REQUIRE(editor.state().session().addAnnotation("hedge", {{9, 12}}).ok());
    editor.state().selectedAnnotation = *id;  // the details pane is drawn too
    editor.moveTo(editor.centreOf(40));
    editor.frames(5);
    ImGui::SetAllocatorFunctions(imguiAlloc, imguiFree);
    g_allocations = 0;
    g_counting = true;
    editor.frames(3);
    g_counting = false;
    CHECK(g_allocations == 0);
}

TEST_CASE("editing: an idle frame with a suggestion selected allocates nothing") {
    HeadlessEditor editor(kArticle);
    auto& session = editor.state().session();
    std::vector<claimmark::Annotation> batch(2);
    for (std::size_t i = 0; i < batch.size(); ++i) {
        batch[i].id = "s" + std::to_string(i + 1);
        batch[i].label = i == 0 ? "claim" : "hedge";
        batch[i].spans = {i == 0 ? claimmark::Span{0, 28} : claimmark::Span{9, 12}};
        batch[i].text = i == 0 ? "Turmeric may ease joint pain" : "may";
        batch[i].status = claimmark::kSuggestedStatus;
        batch[i].origin = "suggested";
        batch[i].rule = i == 0 ? "claim.assertion" : "hedge.modal.may";
        batch[i].extra["reason"] = "matched \"may\"";
    }
    REQUIRE(session.addSuggestions(std::move(batch), {}, "Suggested 2").ok());
    editor.state().selectedAnnotation = "s2";  // the inspector's suggestion block is drawn
    editor.moveTo(editor.centreOf(10));        // and the tooltip of both suggestions
    editor.frames(5);
    ImGui::SetAllocatorFunctions(imguiAlloc, imguiFree);
    g_allocations = 0;
    g_counting = true;
    editor.frames(3);
    g_counting = false;
    CHECK(g_allocations == 0);
}

TEST_CASE("editing: zoom keys change the zoom the host builds fonts for") {
    HeadlessEditor editor(kArticle);
    CHECK(editor.window().zoom() == doctest::Approx(1.0));
    editor.key(GLFW_KEY_EQUAL, true);
    CHECK(editor.window().zoom() == doctest::Approx(1.1));
    editor.key(GLFW_KEY_EQUAL, true);
    CHECK(editor.window().zoom() == doctest::Approx(1.21));
    editor.key(GLFW_KEY_MINUS, true);
    CHECK(editor.window().zoom() == doctest::Approx(1.1));
    editor.key(GLFW_KEY_0, true);
    CHECK(editor.window().zoom() == doctest::Approx(1.0));
    for (int i = 0; i < 30; ++i) editor.key(GLFW_KEY_MINUS, true);
    CHECK(editor.window().zoom() == doctest::Approx(0.5));  // clamped
}

TEST_CASE("editing: closing asks first when there are unsaved changes") {
    HeadlessEditor editor(kArticle);
    editor.window().requestClose();
    CHECK(editor.window().closeConfirmed());  // nothing to lose

    HeadlessEditor modified(kArticle);
    REQUIRE(modified.state().session().addAnnotation("claim", {{0, 8}}).ok());
    modified.window().requestClose();
    CHECK_FALSE(modified.window().closeConfirmed());
    modified.frames(2);
    ImGuiWindow* dialog = ImGui::FindWindowByName("Unsaved changes");
    REQUIRE(dialog != nullptr);
    CHECK(dialog->Active);
}

TEST_CASE("editing: a scroll request brings a far code point into view") {
    std::string longText;
    for (int i = 0; i < 400; ++i) longText += "Paragraph " + std::to_string(i) + " says that something may help.\n";
    HeadlessEditor editor(longText);
    auto& view = editor.view();
    const std::size_t target = longText.find("Paragraph 350");
    REQUIRE(view.screenPosOf(target).y > view.viewMax().y);  // far below at first
    editor.state().scrollTarget = target;
    editor.frames(3);
    const float y = view.screenPosOf(target).y;
    CHECK(y >= view.viewMin().y);
    CHECK(y + view.lineHeight() <= view.viewMax().y);
    CHECK_FALSE(editor.state().scrollTarget.has_value());
}

TEST_CASE("editing: a drag on a line with emoji gives code-point offsets") {
    // Code points: "Cold " 0-4, 🧊 5, " plunges " 6-14, "may" 15-17, "boost" 19-23,
    // "mood" 25-28, 😀 30. Each emoji is one code point (two UTF-16 units, four bytes).
    const std::string text = "Cold \xF0\x9F\xA7\x8A plunges may boost mood \xF0\x9F\x98\x80 a lot.\r\nNext line.\r\n";
    HeadlessEditor editor(text);
    editor.drag(editor.centreOf(16), editor.centreOf(27));  // snaps to "may boost mood"
    editor.type('1');
    const auto& set = editor.state().set();
    REQUIRE(set.annotationCount() == 1);
    const auto& a = set.annotations().front();
    REQUIRE(a.spans.size() == 1);
    CHECK(a.spans[0].start == 15);
    CHECK(a.spans[0].end == 29);
    CHECK(a.text == "may boost mood");
}

TEST_CASE("editing: a drag across a wrapped line gives one span over the wrap") {
    // One paragraph long enough to wrap several times in the text pane.
    std::string text;
    for (int i = 0; i < 40; ++i) text += "word" + std::to_string(i) + " ";
    text += "end.\n";
    HeadlessEditor editor(text);
    const auto& layout = editor.view().layout();
    REQUIRE(layout.lineCount() >= 3);
    // The last word of the first visual line and the first word of the second.
    const std::size_t secondStart = layout.line(1).cpStart;
    const std::size_t firstLineLastWord = text.rfind("word", secondStart - 2);
    const std::size_t secondLineWordEnd = text.find(' ', secondStart);
    REQUIRE(layout.lineOfCodePoint(firstLineLastWord) == 0);
    REQUIRE(layout.lineOfCodePoint(secondStart) == 1);
    editor.drag(editor.centreOf(firstLineLastWord + 1), editor.centreOf(secondStart + 1));
    editor.type('1');
    const auto& set = editor.state().set();
    REQUIRE(set.annotationCount() == 1);
    const auto& a = set.annotations().front();
    REQUIRE(a.spans.size() == 1);
    CHECK(a.spans[0].start == firstLineLastWord);
    CHECK(a.spans[0].end == secondLineWordEnd);
    CHECK(a.text == text.substr(firstLineLastWord, secondLineWordEnd - firstLineLastWord));
}
