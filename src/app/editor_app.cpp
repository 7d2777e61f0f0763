// editor_app.cpp — runEditor(): the platform side of the editor. GLFW window, OpenGL 3
// context, Dear ImGui backends, fonts at the monitor's scale and the user's zoom, and an
// event-driven loop: with nothing happening it sleeps in glfwWaitEvents (idle ≈ 0 % CPU).
//
// [SECTION] Short key presses and quick clicks
// [SECTION] Loop
#include "app/editor_launch.h"

#include "app/editor_state.h"
#include "app/editor_window.h"
#include "app/fonts.h"
#include "app/style.h"

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <GL/gl.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <vector>

namespace claimmark::app {

namespace {

void glfwErrorCallback(int code, const char* description) {
    std::fprintf(stderr, "claimmark: GLFW error %d: %s\n", code, description);
}

std::string windowTitle(const EditorState& state) {
    const std::string name = state.articlePath.filename().string();
    return "claimmark \xE2\x80\x94 " + name + " (" + state.annotator + ")" +
           (state.session().isModified() ? " \xE2\x80\xA2" : "");
}

// ---------------------------------------------------------------------------------------
// [SECTION] Short key presses and quick clicks
// ---------------------------------------------------------------------------------------

// Dear ImGui 1.86 reads key state (io.KeysDown) once per frame, so a key pressed and
// released between two frames (a quick tap after a long wait, or xdotool) is never seen.
// Presses are latched here and held down for one frame, with the modifiers they had.
struct KeyPress {
    int key;
    int mods;
};
std::vector<KeyPress> g_keyPresses;

void keyCallback(GLFWwindow* window, int key, int scancode, int action, int mods) {
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
    if (action == GLFW_PRESS && key >= 0 && key < int(IM_ARRAYSIZE(ImGuiIO::KeysDown)))
        g_keyPresses.push_back({key, mods});
}

// FNV-1a over the frame's geometry: equal hashes mean nothing on screen changed.
std::uint64_t hashDrawData(const ImDrawData* data) {
    std::uint64_t hash = 1469598103934665603ull;
    auto mix = [&](const void* bytes, std::size_t size) {
        const auto* p = static_cast<const unsigned char*>(bytes);
        for (std::size_t i = 0; i < size; ++i) hash = (hash ^ p[i]) * 1099511628211ull;
    };
    if (!data) return hash;
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        mix(list->VtxBuffer.Data, std::size_t(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        mix(list->IdxBuffer.Data, std::size_t(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            mix(&cmd.ClipRect, sizeof cmd.ClipRect);
            mix(&cmd.ElemCount, sizeof cmd.ElemCount);
        }
    }
    const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
    mix(&cursor, sizeof cursor);
    return hash;
}

// The same for mouse buttons: the backend samples the button once per frame, so the
// release and second press of a quick double-click, arriving together, would merge into
// one long press. Transitions are queued and handed to Dear ImGui one per frame.
struct ButtonEvent {
    int button;
    bool down;
};
std::vector<ButtonEvent> g_buttonEvents;

void mouseButtonCallback(GLFWwindow* window, int button, int action, int mods) {
    ImGui_ImplGlfw_MouseButtonCallback(window, button, action, mods);
    if (button >= 0 && button < 3) g_buttonEvents.push_back({button, action == GLFW_PRESS});
}

class ButtonQueue {
public:
    // After ImGui_ImplGlfw_NewFrame (which wrote io.MouseDown): one transition per button.
    void apply(ImGuiIO& io) {
        for (int b = 0; b < 3; ++b) {
            for (;;) {
                auto it = std::find_if(g_buttonEvents.begin(), g_buttonEvents.end(),
                                       [b](const ButtonEvent& e) { return e.button == b; });
                if (it == g_buttonEvents.end()) break;
                const bool down = it->down;
                g_buttonEvents.erase(it);
                if (down != m_down[b]) {  // one change this frame; later ones wait
                    m_down[b] = down;
                    break;
                }
            }
            io.MouseDown[b] = m_down[b];
        }
    }
    bool pending() const { return !g_buttonEvents.empty(); }

private:
    bool m_down[3] = {false, false, false};
};

class KeyLatch {
public:
    // Before NewFrame: presses already released are put back down for this frame.
    void hold(ImGuiIO& io) {
        for (const KeyPress& press : g_keyPresses) {
            if (io.KeysDown[press.key]) continue;  // still down: Dear ImGui sees it anyway
            io.KeysDown[press.key] = true;
            io.KeyCtrl |= (press.mods & GLFW_MOD_CONTROL) != 0;
            io.KeyShift |= (press.mods & GLFW_MOD_SHIFT) != 0;
            io.KeyAlt |= (press.mods & GLFW_MOD_ALT) != 0;
            io.KeySuper |= (press.mods & GLFW_MOD_SUPER) != 0;
            m_held.push_back(press.key);
        }
        g_keyPresses.clear();
    }
    // After the frame: back to the keyboard's real state.
    void release(ImGuiIO& io, GLFWwindow* window) {
        if (m_held.empty()) return;
        for (int key : m_held) io.KeysDown[key] = glfwGetKey(window, key) == GLFW_PRESS;
        m_held.clear();
        auto down = [&](int key) { return glfwGetKey(window, key) == GLFW_PRESS; };
        io.KeyCtrl = down(GLFW_KEY_LEFT_CONTROL) || down(GLFW_KEY_RIGHT_CONTROL);
        io.KeyShift = down(GLFW_KEY_LEFT_SHIFT) || down(GLFW_KEY_RIGHT_SHIFT);
        io.KeyAlt = down(GLFW_KEY_LEFT_ALT) || down(GLFW_KEY_RIGHT_ALT);
        io.KeySuper = down(GLFW_KEY_LEFT_SUPER) || down(GLFW_KEY_RIGHT_SUPER);
    }
    bool holding() const { return !m_held.empty(); }

private:
    std::vector<int> m_held;
};

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] Loop
// ---------------------------------------------------------------------------------------

int runEditor(const EditorOptions& options) {
    Result<std::unique_ptr<EditorState>> opened = EditorState::open(options);
    if (!opened) {
        for (const Diagnostic& d : opened.errors()) std::cerr << "claimmark: " << d.toString() << '\n';
        return 1;
    }
    EditorState& state = **opened;

    glfwSetErrorCallback(glfwErrorCallback);
    if (!glfwInit()) {
        std::cerr << "claimmark: cannot open a window (no display? set DISPLAY, or use the "
                     "command-line tools: claimmark --help)\n";
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GL_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    bool titleModified = state.session().isModified();
    GLFWwindow* window = glfwCreateWindow(1280, 820, windowTitle(state).c_str(), nullptr, nullptr);
    if (!window) {
        std::cerr << "claimmark: cannot create an OpenGL 3.3 window\n";
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the layout is fixed; nothing worth a file beside the article
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    glfwSetKeyCallback(window, keyCallback);  // these replace the backend's, and call it
    glfwSetMouseButtonCallback(window, mouseButtonCallback);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    float contentScale = 1.0f;
    {
        float sx = 1.0f, sy = 1.0f;
        glfwGetWindowContentScale(window, &sx, &sy);
        contentScale = std::clamp(std::max(sx, sy), 1.0f, 4.0f);
    }
    applyEditorStyle(contentScale);

    EditorWindow editor(state);
    FontSet fonts;
    float fontZoom = -1.0f;
    auto rebuildFonts = [&]() {
        const float zoom = editor.zoom();
        fonts.build(*io.Fonts, std::round(kUiFontSize * contentScale * zoom),
                    std::round(kTextFontSize * contentScale * zoom), state.document().bytes());
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        io.FontDefault = fonts.ui();
        editor.setFonts(fonts.ui(), fonts.text(), fonts.textSize());
        editor.setFontWarning(fonts.warning());
        if (!fonts.warning().empty()) std::cerr << "claimmark: " << fonts.warning() << '\n';
        fontZoom = zoom;
    };
    rebuildFonts();

    // Event-driven: after an event, frames are drawn until two in a row come out identical
    // (Dear ImGui settles hover, sizes and popups over a frame or two), then the loop sleeps
    // in glfwWaitEvents until the next event.
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep the loop awake
    constexpr int kMaxSettleFrames = 30;
    int settleFrames = kMaxSettleFrames;
    std::uint64_t previousFrameHash = 0;
    KeyLatch latch;
    ButtonQueue buttons;
    while (!editor.closeConfirmed()) {
        latch.release(io, window);
        if (settleFrames > 0 || editor.wantsAnotherFrame()) {
            glfwPollEvents();
        } else {
            glfwWaitEvents();
            settleFrames = kMaxSettleFrames;
        }
        if (settleFrames > 0) --settleFrames;
        if (glfwWindowShouldClose(window)) {
            glfwSetWindowShouldClose(window, GLFW_FALSE);
            editor.requestClose();
            settleFrames = kMaxSettleFrames;
        }
        if (editor.zoom() != fontZoom) rebuildFonts();

        latch.hold(io);
        if (latch.holding()) settleFrames = kMaxSettleFrames;
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        buttons.apply(io);
        if (buttons.pending()) settleFrames = kMaxSettleFrames;
        ImGui::NewFrame();
        editor.draw();
        ImGui::Render();

        int width = 0, height = 0;
        glfwGetFramebufferSize(window, &width, &height);
        glViewport(0, 0, width, height);
        glClearColor(0.95f, 0.94f, 0.92f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glfwSwapBuffers(window);

        const std::uint64_t frameHash = hashDrawData(ImGui::GetDrawData());
        if (frameHash == previousFrameHash && !latch.holding() && !buttons.pending()) settleFrames = 0;
        previousFrameHash = frameHash;

        if (state.session().isModified() != titleModified) {  // "•" marks unsaved changes
            titleModified = state.session().isModified();
            glfwSetWindowTitle(window, windowTitle(state).c_str());
        }
    }

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}

}  // namespace claimmark::app
