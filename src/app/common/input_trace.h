// input_trace.h — with CLAIMMARK_TRACE_INPUT set (to anything but empty or 0), the window
// host writes each input event to stderr as it arrives from GLFW, and, once a frame, what
// Dear ImGui was handed whenever that changed (pointer, buttons, modifiers, focus). The
// end-to-end tests turn it on, so a failure's log shows what the editor received.
#pragma once

struct ImGuiIO;

namespace claimmark::app {

class InputTrace {
public:
    InputTrace();
    bool enabled() const { return m_enabled; }
    // printf-style; a line of its own, prefixed "input:".
    void event(const char* format, ...) const
#if defined(__GNUC__)
        __attribute__((format(printf, 2, 3)))
#endif
        ;
    // After the frame's input is final (backend, key latch, button queue), before NewFrame.
    void frame(const ImGuiIO& io, bool focused);

private:
    bool m_enabled = false;
    unsigned long m_frame = 0;
    int m_lastX = -1, m_lastY = -1, m_lastButtons = -1, m_lastMods = -1, m_lastFocused = -1;
};

}  // namespace claimmark::app
