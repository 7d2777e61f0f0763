// ui_fixture.h — a headless editor for tests: an ImGui context with no window, the real
// fonts (or the built-in one), an EditorState over an in-memory article, and helpers that
// feed synthetic mouse and key input one frame at a time.
#pragma once

#include "app/editor_state.h"
#include "app/editor_window.h"
#include "app/fonts.h"
#include "app/style.h"
#include "core/document.h"

#include <imgui.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <doctest/doctest.h>

#include <memory>
#include <string>

namespace claimmark::app::testing {

// The small article most UI tests annotate: two paragraphs, a curly apostrophe and an em
// dash (code points: "Turmeric" 0-8, "may" 9-12, "ease joint pain" 13-28, "Some small
// trials" 31-48, "suggest" 49-56, "ask a doctor first" 77-95).
inline const char* const kShortArticle =
    "Turmeric may ease joint pain.\n"
    "\n"
    "Some small trials suggest it can\xE2\x80\x99t hurt \xE2\x80\x94 but ask a doctor first.";

class HeadlessEditor {
public:
    explicit HeadlessEditor(const std::string& text, AnnotationSet set = makeSet()) {
        m_context = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1200, 800);
        io.DeltaTime = 1.0f / 60.0f;
        io.IniFilename = nullptr;
        applyEditorStyle(1.0f);
        // The key map the GLFW backend installs: io.KeysDown[] is indexed by GLFW key codes.
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

        auto document = Document::fromBytes(text, "article.txt");
        REQUIRE(document.ok());
        set.document.length = document->length();
        set.document.sha256 = document->sha256();
        m_state = std::make_unique<EditorState>(std::move(*document), std::move(set));
        m_window = std::make_unique<EditorWindow>(*m_state);

        m_fonts.build(*io.Fonts, 15.0f, 18.0f, m_state->document().bytes());
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
        io.FontDefault = m_fonts.ui();
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
