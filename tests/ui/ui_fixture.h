// ui_fixture.h — a headless editor for tests: an ImGui context with no window, the real
// fonts (or the built-in one), an EditorState over an in-memory article, and helpers that
// feed synthetic mouse and key input one frame at a time. The pieces it is built from
// (context, key map, fonts, key presses, clicks, temporary folders) serve the tests'
// other headless screens too.
#pragma once

#include "app/editor/editor_state.h"
#include "app/editor/editor_window.h"
#include "app/common/fonts.h"
#include "app/common/style.h"
#include "core/text/document.h"

#include <imgui.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>

namespace claimmark::app::testing {

// The small article most UI tests annotate: two paragraphs, a curly apostrophe and an em
// dash (code points: "Turmeric" 0-8, "may" 9-12, "ease joint pain" 13-28, "Some small
// trials" 31-48, "suggest" 49-56, "ask a doctor first" 77-95).
inline const char* const kShortArticle =
    "Turmeric may ease joint pain.\n"
    "\n"
    "Some small trials suggest it can\xE2\x80\x99t hurt \xE2\x80\x94 but ask a doctor first.";

// The key map the GLFW backend installs: io.KeysDown[] is indexed by GLFW key codes.
inline void installGlfwKeyMap(ImGuiIO& io) {
    io.KeyMap[ImGuiKey_Tab] = GLFW_KEY_TAB;
    io.KeyMap[ImGuiKey_LeftArrow] = GLFW_KEY_LEFT;
    io.KeyMap[ImGuiKey_RightArrow] = GLFW_KEY_RIGHT;
    io.KeyMap[ImGuiKey_UpArrow] = GLFW_KEY_UP;
    io.KeyMap[ImGuiKey_DownArrow] = GLFW_KEY_DOWN;
    io.KeyMap[ImGuiKey_PageUp] = GLFW_KEY_PAGE_UP;
    io.KeyMap[ImGuiKey_PageDown] = GLFW_KEY_PAGE_DOWN;
    io.KeyMap[ImGuiKey_Home] = GLFW_KEY_HOME;
    io.KeyMap[ImGuiKey_End] = GLFW_KEY_END;
    io.KeyMap[ImGuiKey_Insert] = GLFW_KEY_INSERT;
    io.KeyMap[ImGuiKey_Delete] = GLFW_KEY_DELETE;
    io.KeyMap[ImGuiKey_Backspace] = GLFW_KEY_BACKSPACE;
    io.KeyMap[ImGuiKey_Space] = GLFW_KEY_SPACE;
    io.KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
    io.KeyMap[ImGuiKey_Escape] = GLFW_KEY_ESCAPE;
    io.KeyMap[ImGuiKey_KeyPadEnter] = GLFW_KEY_KP_ENTER;
    io.KeyMap[ImGuiKey_A] = GLFW_KEY_A;
    io.KeyMap[ImGuiKey_C] = GLFW_KEY_C;
    io.KeyMap[ImGuiKey_V] = GLFW_KEY_V;
    io.KeyMap[ImGuiKey_X] = GLFW_KEY_X;
    io.KeyMap[ImGuiKey_Y] = GLFW_KEY_Y;
    io.KeyMap[ImGuiKey_Z] = GLFW_KEY_Z;
}

// A new current ImGui context with no window: no ini file, 60 frames a second, the
// editor's style and the GLFW key map. The caller destroys it.
inline ImGuiContext* createHeadlessContext(ImVec2 displaySize) {
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = displaySize;
    io.DeltaTime = 1.0f / 60.0f;
    io.IniFilename = nullptr;
    applyEditorStyle(1.0f);
    installGlfwKeyMap(io);
    return context;
}

// Builds `fonts` (covering the glyphs of `text`) into the current context's atlas, as the
// renderer would, and makes its UI font the default.
inline void buildHeadlessFonts(FontSet& fonts, std::string_view text) {
    ImGuiIO& io = ImGui::GetIO();
    fonts.build(*io.Fonts, 15.0f, 18.0f, text);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    io.FontDefault = fonts.ui();
}

// A key held down for one frame (with modifiers), then released: two calls of `frame`.
template <class Frame>
void pressKey(Frame&& frame, int glfwKey, bool ctrl = false, bool shift = false, bool alt = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeyShift = shift;
    io.KeyAlt = alt;
    io.KeysDown[glfwKey] = true;
    frame();
    io.KeysDown[glfwKey] = false;
    io.KeyCtrl = io.KeyShift = io.KeyAlt = false;
    frame();
}

// A click at the pace of a hand: the pointer arrives, the button goes down, comes up, and
// `settleFrames` more frames let the screen act on it.
template <class Frame>
void clickAt(Frame&& frame, ImVec2 pos, int settleFrames = 1) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = pos;
    frame();
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
    for (int i = 0; i < settleFrames; ++i) frame();
}

// A folder of its own under the system's temporary folder ("<prefix><pid>-<n>"), removed
// with everything in it when the test is done.
struct TempFolder {
    std::filesystem::path path;
    explicit TempFolder(const std::string& prefix) {
        static int counter = 0;
        path = std::filesystem::temp_directory_path() /
               (prefix + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::create_directories(path);
    }
    ~TempFolder() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
};

class HeadlessEditor {
public:
    explicit HeadlessEditor(const std::string& text, AnnotationSet set = makeSet()) {
        m_context = createHeadlessContext(ImVec2(1200, 800));

        auto document = Document::fromBytes(text, "article.txt");
        REQUIRE(document.ok());
        set.document.length = document->length();
        set.document.sha256 = document->sha256();
        m_state = std::make_unique<EditorState>(std::move(*document), std::move(set));
        m_window = std::make_unique<EditorWindow>(*m_state);

        buildHeadlessFonts(m_fonts, m_state->document().bytes());
        m_window->setFonts(m_fonts.ui(), m_fonts.text(), m_fonts.textSize());
        frames(3);  // let the layout settle
    }
    ~HeadlessEditor() {
        m_window.reset();
        ImGui::DestroyContext(m_context);
    }
    HeadlessEditor(const HeadlessEditor&) = delete;
    HeadlessEditor& operator=(const HeadlessEditor&) = delete;

    static AnnotationSet makeSet() {
        AnnotationSet set;
        set.annotator = "tester";
        return set;
    }

    EditorState& state() { return *m_state; }
    EditorWindow& window() { return *m_window; }
    TextView& view() { return m_window->textView(); }
    ImFont* textFont() const { return m_fonts.text(); }
    float textSize() const { return m_fonts.textSize(); }

    void frame() {
        ImGui::NewFrame();
        m_window->draw();
        ImGui::Render();
    }
    void frames(int count) {
        for (int i = 0; i < count; ++i) frame();
    }

    // Mouse helpers: each is one or more frames.
    void moveTo(ImVec2 pos) {
        ImGui::GetIO().MousePos = pos;
        frame();
    }
    void press(ImVec2 pos) {
        ImGui::GetIO().MousePos = pos;
        ImGui::GetIO().MouseDown[0] = true;
        frame();
    }
    void release() {
        ImGui::GetIO().MouseDown[0] = false;
        frame();
    }
    void click(ImVec2 pos) {
        press(pos);
        release();
    }
    void drag(ImVec2 from, ImVec2 to) {
        press(from);
        ImVec2 middle((from.x + to.x) * 0.5f, (from.y + to.y) * 0.5f);
        moveTo(middle);
        moveTo(to);
        release();
    }
    // A key held down for one frame (with modifiers), then released.
    void key(int glfwKey, bool ctrl = false, bool shift = false, bool alt = false) {
        pressKey([this] { frame(); }, glfwKey, ctrl, shift, alt);
    }
    void type(char c) {
        ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
        frame();
        frame();  // the posted edit is applied at the end of the first frame
    }

    // The middle of the glyph of code point `cp`, on screen.
    ImVec2 centreOf(std::size_t cp) {
        const ImVec2 left = view().screenPosOf(cp);
        const ImVec2 right = view().screenPosOf(cp + 1);
        const float x = right.y == left.y ? (left.x + right.x) * 0.5f : left.x + 2.0f;
        return ImVec2(x, left.y + view().lineHeight() * 0.5f);
    }

private:
    ImGuiContext* m_context = nullptr;
    FontSet m_fonts;
    std::unique_ptr<EditorState> m_state;
    std::unique_ptr<EditorWindow> m_window;
};

}  // namespace claimmark::app::testing
