// orphan_panel.cpp — the orphaned annotations section (orphan_panel.h).
#include "app/editor/orphan_panel.h"

#include "core/text/utf8.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace claimmark::app {

namespace {
constexpr ImU32 kOrphanColour = IM_COL32(180, 40, 40, 255);
}

const std::vector<const Annotation*>& OrphanPanel::orphans() {
    const AnnotationSet& set = m_state.set();
    if (m_revision != set.revision()) {
        m_revision = set.revision();
        m_orphans.clear();
        for (const Annotation* a : m_state.documentOrder())
            if (a->orphaned) m_orphans.push_back(a);
    }
    return m_orphans;
}

float OrphanPanel::wantedHeight(float available) {
    if (orphans().empty()) return 0;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float header = ImGui::GetFrameHeight() + style.ItemSpacing.y * 2 + 1;
    if (!m_open) return header;
    const float rows = m_contentHeight > 0 ? m_contentHeight : ImGui::GetTextLineHeightWithSpacing() * 4;
    return header + std::min(rows, std::max(available * 0.25f, ImGui::GetFrameHeight() * 3));
}

void OrphanPanel::drawContent(float height) {
    m_rects.clear();
    const std::vector<const Annotation*>& list = orphans();
    if (list.empty()) return;

    ImGui::Separator();
    char header[96];
    std::snprintf(header, sizeof header, "Orphaned annotations (%zu)###orphans", list.size());
    ImGui::PushStyleColor(ImGuiCol_Text, kOrphanColour);
    ImGui::SetNextItemOpen(m_open);
    m_open = ImGui::CollapsingHeader(header);
    ImGui::PopStyleColor();
    m_rects.remember("orphans");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "The article changed and these texts were not found again. Select where one\n"
            "belongs in the article and re-attach it, or delete it.");
    if (!m_open) return;

    const float rowsHeight = std::max(ImGui::GetFrameHeight() * 2, height - ImGui::GetFrameHeightWithSpacing());
    ImGui::BeginChild("##orphanrows", ImVec2(0, rowsHeight), false);
    const TextSelection selection = m_state.selection;
    std::size_t start = selection.start(), end = std::min(selection.end(), m_state.document().length());
    // As when annotating: white space at the ends of the selection is never meant.
    while (start < end && utf8::isWhiteSpace(m_state.document().codePointAt(start))) ++start;
    while (end > start && utf8::isWhiteSpace(m_state.document().codePointAt(end - 1))) --end;
    const bool canReattach = start < end;

    for (const Annotation* a : list) {
        ImGui::PushID(a->id.c_str());
        labelChip(m_state.labelStyles().of(a->label).solid);
        ImGui::SameLine();
        ImGui::TextUnformatted(a->label.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("%s", a->id.c_str());
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImColor(kOrphanColour), "“%s”", a->text.c_str());
        if (!a->note.empty()) ImGui::TextDisabled("note: %s", a->note.c_str());
        ImGui::PopTextWrapPos();

        ImGui::BeginDisabled(!canReattach);
        if (ImGui::SmallButton("Re-attach to selection")) {
            Action action = Action::of(ActionKind::Reattach, a->id);
            action.spans = {Span{start, end}};
            m_state.post(std::move(action));
        }
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip(canReattach ? "Place it on the text selected in the article"
                                          : "Select the text in the article where it belongs first");
        char probe[128];
        std::snprintf(probe, sizeof probe, "reattach:%s", a->id.c_str());
        m_rects.remember(probe);
        ImGui::SameLine();
        if (ImGui::SmallButton("Delete")) m_state.post(Action::of(ActionKind::DeleteAnnotation, a->id));
        std::snprintf(probe, sizeof probe, "orphan-delete:%s", a->id.c_str());
        m_rects.remember(probe);
        ImGui::Spacing();
        ImGui::PopID();
    }
    m_contentHeight = ImGui::GetCursorPosY();
    ImGui::EndChild();
}

}  // namespace claimmark::app
