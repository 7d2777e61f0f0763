// editor_app.cpp — runEditor(): the window host. GLFW window, OpenGL 3 context, Dear
// ImGui backends, fonts at the monitor's scale and the screen's zoom, and an event-driven
// loop: with nothing happening it sleeps in glfwWaitEvents (idle ≈ 0 % CPU). It runs
// Screens (screen.h): the article editor, the project view, the adjudication view. The
// project view opens the others on top of itself; closing one returns to the screen below
// (which looks at the disk again), closing the last one ends the program. Unsaved work is
// autosaved by the screens on the host's timer and focus hooks; a first screen that cannot
// be opened gets a window that says why instead of a silent exit.
//
// [SECTION] Short key presses and quick clicks
// [SECTION] Window   creating it, the error page
// [SECTION] Screens  which screen a mode opens
// [SECTION] Loop
#include "app/editor/editor_launch.h"

#include "app/adjudication/adjudication_launch.h"
#include "app/editor/editor_screen.h"
#include "app/common/fonts.h"
#include "app/common/input_trace.h"
#include "app/project/project_screen.h"
#include "app/common/screen.h"
#include "app/common/style.h"

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <GL/gl.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <memory>
#include <vector>

namespace claimmark::app {

namespace {

InputTrace g_trace;  // CLAIMMARK_TRACE_INPUT: what arrives, and what Dear ImGui is handed

void glfwErrorCallback(int code, const char* description) {
    std::fprintf(stderr, "claimmark: GLFW error %d: %s\n", code, description);
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

// Modifier keys as the key events report them. A chord such as Ctrl+Z from a fast typist
// or xdotool can arrive split over two frames (Ctrl down in one, Z down and everything
// released in the next); GLFW's `mods` for the Z press may not show Ctrl, so each press
// records the modifiers that were down when it happened, by our own count.
int g_modifiersDown = 0;

int modifierBit(int key) {
    switch (key) {
        case GLFW_KEY_LEFT_CONTROL:
        case GLFW_KEY_RIGHT_CONTROL: return GLFW_MOD_CONTROL;
        case GLFW_KEY_LEFT_SHIFT:
        case GLFW_KEY_RIGHT_SHIFT: return GLFW_MOD_SHIFT;
        case GLFW_KEY_LEFT_ALT:
        case GLFW_KEY_RIGHT_ALT: return GLFW_MOD_ALT;
        case GLFW_KEY_LEFT_SUPER:
        case GLFW_KEY_RIGHT_SUPER: return GLFW_MOD_SUPER;
        default: return 0;
    }
}

void keyCallback(GLFWwindow* window, int key, int scancode, int action, int mods) {
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
    g_trace.event("key %d scancode %d %s mods %d", key, scancode,
                  action == GLFW_PRESS     ? "press"
                  : action == GLFW_RELEASE ? "release"
                                           : "repeat",
                  mods);
    if (const int bit = modifierBit(key)) {
        if (action == GLFW_PRESS) g_modifiersDown |= bit;
        if (action == GLFW_RELEASE) g_modifiersDown &= ~bit;
        return;  // modifiers travel with the presses below
    }
    if (action == GLFW_PRESS && key >= 0 && key < int(IM_ARRAYSIZE(ImGuiIO::KeysDown)))
        g_keyPresses.push_back({key, mods | g_modifiersDown});
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
    if (g_trace.enabled()) {
        double x = 0, y = 0;
        glfwGetCursorPos(window, &x, &y);
        g_trace.event("button %d %s at %d,%d mods %d", button, action == GLFW_PRESS ? "press" : "release", int(x),
                      int(y), mods);
    }
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
    // Between the backend's NewFrame and ImGui::NewFrame: presses already released are put
    // back down for this frame.
    void hold(ImGuiIO& io) {
        for (const KeyPress& press : g_keyPresses) {
            // The modifiers the press had, even when its key is still down (a chord whose
            // Ctrl was already released by the time this frame began).
            io.KeyCtrl |= (press.mods & GLFW_MOD_CONTROL) != 0;
            io.KeyShift |= (press.mods & GLFW_MOD_SHIFT) != 0;
            io.KeyAlt |= (press.mods & GLFW_MOD_ALT) != 0;
            io.KeySuper |= (press.mods & GLFW_MOD_SUPER) != 0;
            m_modifiersTouched = true;
            if (io.KeysDown[press.key]) continue;  // still down: Dear ImGui sees it anyway
            io.KeysDown[press.key] = true;
            m_held.push_back(press.key);
        }
        g_keyPresses.clear();
    }
    // After the frame: back to the keyboard's real state.
    void release(ImGuiIO& io, GLFWwindow* window) {
        if (m_held.empty() && !m_modifiersTouched) return;
        m_modifiersTouched = false;
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
    bool m_modifiersTouched = false;
};

// ---------------------------------------------------------------------------------------
// [SECTION] Window
// ---------------------------------------------------------------------------------------

// Focus changes since the last frame: losing focus autosaves, regaining it looks at the
// article on disk.
std::vector<int> g_focusEvents;

void focusCallback(GLFWwindow* window, int focused) {
    ImGui_ImplGlfw_WindowFocusCallback(window, focused);
    g_trace.event("window focus %s", focused ? "gained" : "lost");
    g_focusEvents.push_back(focused);
}

// GLFW, an OpenGL 3.3 window and Dear ImGui with its backends; nullptr (after saying why)
// when no window can be had, e.g. without a display.
GLFWwindow* openWindow(const std::string& title) {
    glfwSetErrorCallback(glfwErrorCallback);
    if (!glfwInit()) {
        std::cerr << "claimmark: cannot open a window (no display? set DISPLAY, or use the "
                     "command-line tools: claimmark --help)\n";
        return nullptr;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GL_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(1280, 820, title.c_str(), nullptr, nullptr);
    if (!window) {
        std::cerr << "claimmark: cannot create an OpenGL 3.3 window\n";
        glfwTerminate();
        return nullptr;
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
    glfwSetWindowFocusCallback(window, focusCallback);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    return window;
}

void closeWindow(GLFWwindow* window) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
}

float contentScaleOf(GLFWwindow* window) {
    float sx = 1.0f, sy = 1.0f;
    glfwGetWindowContentScale(window, &sx, &sy);
    return std::clamp(std::max(sx, sy), 1.0f, 4.0f);
}

void renderFrame(GLFWwindow* window) {
    int width = 0, height = 0;
    glfwGetFramebufferSize(window, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(0.95f, 0.94f, 0.92f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window);
}

// The article (or the schema a new set needs, or the project folder) could not be loaded.
// The user launched a window, so the window says why; nothing can be edited. Returns when
// it is closed.
void showErrorPage(GLFWwindow* window, const char* heading, const Diagnostics& errors) {
    ImGuiIO& io = ImGui::GetIO();
    const std::string text = joinDiagnostics(errors);
    const float scale = contentScaleOf(window);
    applyEditorStyle(scale);
    FontSet fonts;
    fonts.build(*io.Fonts, std::round(kUiFontSize * scale), std::round(kTextFontSize * scale), text);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    io.FontDefault = fonts.ui();
    io.ConfigInputTextCursorBlink = false;

    bool done = false;
    int frames = 3;  // a few frames after each event, then sleep
    while (!done) {
        if (frames > 0) {
            glfwPollEvents();
            --frames;
        } else {
            glfwWaitEvents();
            frames = 3;
        }
        g_keyPresses.clear();
        g_buttonEvents.clear();
        g_focusEvents.clear();
        if (glfwWindowShouldClose(window)) break;
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(viewport->WorkPos);
        ImGui::SetNextWindowSize(viewport->WorkSize);
        ImGui::Begin("claimmark", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
        const float margin = ImGui::GetFontSize() * 2;
        ImGui::SetCursorPos(ImVec2(margin, margin));
        ImGui::TextColored(ImVec4(0.70f, 0.15f, 0.10f, 1.0f), "%s", heading);
        ImGui::Spacing();
        ImGui::SetCursorPosX(margin);
        ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - margin);
        ImGui::TextUnformatted(text.c_str());
        ImGui::Spacing();
        ImGui::SetCursorPosX(margin);
        ImGui::TextDisabled("Nothing can be edited. Fix the file (or the --schema given) and open it again.");
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        ImGui::SetCursorPosX(margin);
        if (ImGui::Button("Close")) done = true;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) || (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q)))
            done = true;
        ImGui::End();
        ImGui::Render();
        renderFrame(window);
    }
}

// ---------------------------------------------------------------------------------------
// [SECTION] Screens
// ---------------------------------------------------------------------------------------

const char* failureHeading(EditorMode mode) {
    switch (mode) {
        case EditorMode::Edit: break;
        case EditorMode::Project: return "The project could not be opened";
        case EditorMode::Adjudicate: return "The adjudication could not be opened";
    }
    return "The article could not be opened";
}

Result<std::unique_ptr<Screen>> openScreen(const EditorOptions& options, const ScreenOpener& opener) {
    switch (options.mode) {
        case EditorMode::Edit: break;
        case EditorMode::Project: {
            Result<std::unique_ptr<ProjectScreen>> screen = ProjectScreen::open(options, opener);
            if (!screen) return screen.errors();
            return std::unique_ptr<Screen>(std::move(*screen));
        }
        case EditorMode::Adjudicate: return openAdjudicationScreen(options);
    }
    Result<std::unique_ptr<EditorScreen>> screen = EditorScreen::open(options);
    if (!screen) return screen.errors();
    return std::unique_ptr<Screen>(std::move(*screen));
}

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] Loop
// ---------------------------------------------------------------------------------------

int runEditor(const EditorOptions& options) {
    // The stack of screens: the project view at the bottom when there is one, the editor or
    // the adjudication view it opened on top. A screen opened from the project waits in
    // `next` until the frame that asked for it has ended.
    std::vector<std::unique_ptr<Screen>> screens;
    std::unique_ptr<Screen> next;
    ScreenOpener opener = [&next](const EditorOptions& request) -> Diagnostics {
        if (request.mode == EditorMode::Project) return {Diagnostic{"", "", "a project cannot open a project"}};
        Result<std::unique_ptr<Screen>> screen = openScreen(request, {});
        if (!screen) return screen.errors();
        next = std::move(*screen);
        return {};
    };

    Result<std::unique_ptr<Screen>> first = openScreen(options, opener);
    if (!first) {
        for (const Diagnostic& d : first.errors()) std::cerr << "claimmark: " << d.toString() << '\n';
        const std::filesystem::path& named =
            options.mode == EditorMode::Project ? options.projectRoot : options.article;
        GLFWwindow* window = openWindow("claimmark \xE2\x80\x94 " + named.filename().string());
        if (!window) return 1;
        showErrorPage(window, failureHeading(options.mode), first.errors());
        closeWindow(window);
        return 1;
    }
    screens.push_back(std::move(*first));

    std::string shownTitle = screens.back()->title();
    GLFWwindow* window = openWindow(shownTitle);
    if (!window) return 1;
    ImGuiIO& io = ImGui::GetIO();
    const float contentScale = contentScaleOf(window);
    applyEditorStyle(contentScale);

    // Fonts follow the screen on top: its zoom, and the text whose glyphs it needs.
    FontSet fonts;
    const Screen* fontScreen = nullptr;
    float fontZoom = -1.0f;
    std::string fontText;
    bool fontWarned = false;  // said once on stderr, not at every rebuild
    auto rebuildFonts = [&](Screen& screen) {
        const float zoom = screen.zoom();
        fontText = screen.glyphText();
        fonts.build(*io.Fonts, std::round(kUiFontSize * contentScale * zoom),
                    std::round(kTextFontSize * contentScale * zoom), fontText);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        io.FontDefault = fonts.ui();
        screen.setFonts(fonts.ui(), fonts.text(), fonts.textSize());
        screen.setFontWarning(fonts.warning());
        if (!fonts.warning().empty() && !fontWarned) std::cerr << "claimmark: " << fonts.warning() << '\n';
        fontWarned = !fonts.warning().empty();
        fontScreen = &screen;
        fontZoom = zoom;
    };

    // Event-driven: after an event, frames are drawn until two in a row come out identical
    // (Dear ImGui settles hover, sizes and popups over a frame or two), then the loop sleeps
    // in glfwWaitEvents until the next event — or, while there is unsaved work not yet
    // autosaved, until the autosave is due (so an idle editor still uses ~0 % CPU).
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep the loop awake
    constexpr int kMaxSettleFrames = 30;
    int settleFrames = kMaxSettleFrames;
    std::uint64_t previousFrameHash = 0;
    KeyLatch latch;
    ButtonQueue buttons;
    while (!screens.empty()) {
        Screen& screen = *screens.back();
        latch.release(io, window);
        if (settleFrames > 0 || screen.wantsAnotherFrame()) {
            glfwPollEvents();
        } else {
            const auto wait = screen.timeUntilAutosave(Screen::Clock::now());
            if (wait) glfwWaitEventsTimeout(std::max(0.01, std::chrono::duration<double>(*wait).count()));
            else glfwWaitEvents();
            settleFrames = kMaxSettleFrames;
        }
        if (settleFrames > 0) --settleFrames;
        for (int focused : g_focusEvents) {
            if (focused) screen.onFocusGained();
            else screen.onFocusLost();
        }
        g_focusEvents.clear();
        screen.autosaveIfDue(Screen::Clock::now());
        if (glfwWindowShouldClose(window)) {
            glfwSetWindowShouldClose(window, GLFW_FALSE);
            screen.requestClose();
            settleFrames = kMaxSettleFrames;
        }
        if (&screen != fontScreen || screen.zoom() != fontZoom || screen.glyphText() != fontText) rebuildFonts(screen);

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        latch.hold(io);  // after the backend's NewFrame, so nothing overwrites what it sets
        if (latch.holding()) settleFrames = kMaxSettleFrames;
        buttons.apply(io);
        if (buttons.pending()) settleFrames = kMaxSettleFrames;
        g_trace.frame(io, glfwGetWindowAttrib(window, GLFW_FOCUSED) != 0);
        ImGui::NewFrame();
        screen.draw();
        ImGui::Render();
        renderFrame(window);

        const std::uint64_t frameHash = hashDrawData(ImGui::GetDrawData());
        if (frameHash == previousFrameHash && !latch.holding() && !buttons.pending()) settleFrames = 0;
        previousFrameHash = frameHash;

        if (std::string title = screen.title(); title != shownTitle) {  // "•" marks unsaved changes
            shownTitle = std::move(title);
            glfwSetWindowTitle(window, shownTitle.c_str());
            g_trace.event("title \"%s\"", shownTitle.c_str());
        }

        // Between frames: close the top screen, or open one on top of it.
        if (screen.closeConfirmed()) {
            // Closed normally: nothing unsaved, saved, or the changes were discarded on
            // purpose. (A crash or a kill never gets here, so the recovery file stays.)
            screen.onClosed();
            screens.pop_back();
            fontScreen = nullptr;
            if (!screens.empty()) screens.back()->onFocusGained();  // e.g. rescan the project
            settleFrames = kMaxSettleFrames;
        } else if (next) {
            screens.push_back(std::move(next));
            fontScreen = nullptr;
            settleFrames = kMaxSettleFrames;
        }
    }

    closeWindow(window);
    return 0;
}

}  // namespace claimmark::app
