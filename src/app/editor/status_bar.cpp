// status_bar.cpp — the status line (status_bar.h): document, counts, position, save and
// done state, suggestions left to review, last message. Formats into a stack buffer: no allocation per frame.
#include "app/editor/status_bar.h"

#include "app/editor/text_view_look.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace claimmark::app {

void StatusBar::drawContent() {
    const Document& document = m_state.document();
    const AnnotationSet& set = m_state.set();
    const char* name = document.name().c_str();
    // The file name only; its folder would crowd out the rest of the line.
    if (const char* slash = std::strrchr(name, '/')) name = slash + 1;

    char position[96] = "";
    std::optional<std::size_t> cursor = m_state.pointer;
    if (!m_state.selection.empty()) cursor = m_state.selection.caret;
    if (cursor) {
        const LineColumn lc = document.lineColumn(std::min(*cursor, document.length()));
        std::snprintf(position, sizeof position, "  ·  offset %zu (line %zu, col %zu)", *cursor, lc.line, lc.column);
    }
    char selection[64] = "";
    if (!m_state.selection.empty())
        std::snprintf(selection, sizeof selection, "  ·  %zu selected",
                      m_state.selection.end() - m_state.selection.start());

    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s  ·  %zu characters  ·  %zu annotation%s%s%s", name, document.length(), set.annotationCount(),
                set.annotationCount() == 1 ? "" : "s", position, selection);
    ImGui::SameLine();
    if (m_state.isModified()) ImGui::TextColored(ImVec4(0.75f, 0.45f, 0.0f, 1.0f), "  ·  modified");
    else ImGui::TextDisabled("  ·  saved");
    // The reviewer's own verdict on the article, as the project view will show it.
    ImGui::SameLine();
    if (set.done) ImGui::TextColored(ImVec4(0.16f, 0.50f, 0.22f, 1.0f), "  ·  done");
    else ImGui::TextDisabled("  ·  in progress");
    // What the suggestion rules proposed and nobody has looked at yet.
    if (const std::size_t pending = m_state.pendingSuggestions().size(); pending > 0) {
        ImGui::SameLine();
        ImGui::TextColored(kSuggestionInk, "  ·  %zu suggestion%s to review", pending, pending == 1 ? "" : "s");
    }
    if (m_state.isModified() && !m_state.lastAutosave.empty()) {
        // The recovery file beside the set holds the work as of then (kill-safe).
        ImGui::SameLine();
        ImGui::TextDisabled("  ·  autosaved %s", m_state.lastAutosave.c_str());
    }
    if (!m_state.statusMessage.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("  ·  %s", m_state.statusMessage.c_str());
    }
}

}  // namespace claimmark::app
