// input_trace.cpp — see input_trace.h.
#include "app/common/input_trace.h"

#include <imgui.h>

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace claimmark::app {

InputTrace::InputTrace() {
    const char* value = std::getenv("CLAIMMARK_TRACE_INPUT");
    m_enabled = value != nullptr && value[0] != '\0' && std::strcmp(value, "0") != 0;
}

void InputTrace::event(const char* format, ...) const {
    if (!m_enabled) return;
    char line[256];
    va_list args;
    va_start(args, format);
    std::vsnprintf(line, sizeof line, format, args);
    va_end(args);
    std::fprintf(stderr, "input: frame %lu: %s\n", m_frame, line);
}

void InputTrace::frame(const ImGuiIO& io, bool focused) {
    ++m_frame;
    if (!m_enabled) return;
    const bool valid = io.MousePos.x > -1e30f && io.MousePos.y > -1e30f;
    const int x = valid ? int(io.MousePos.x) : -1, y = valid ? int(io.MousePos.y) : -1;
    const int buttons = (io.MouseDown[0] ? 1 : 0) | (io.MouseDown[1] ? 2 : 0) | (io.MouseDown[2] ? 4 : 0);
    const int mods = (io.KeyCtrl ? 1 : 0) | (io.KeyShift ? 2 : 0) | (io.KeyAlt ? 4 : 0) | (io.KeySuper ? 8 : 0);
    const int focus = focused ? 1 : 0;
    if (x == m_lastX && y == m_lastY && buttons == m_lastButtons && mods == m_lastMods && focus == m_lastFocused)
        return;
    m_lastX = x, m_lastY = y, m_lastButtons = buttons, m_lastMods = mods, m_lastFocused = focus;
    std::fprintf(stderr, "input: frame %lu: imgui sees pointer %s%d,%d buttons %d mods %d focused %d\n", m_frame,
                 valid ? "" : "(none) ", x, y, buttons, mods, focus);
}

}  // namespace claimmark::app
