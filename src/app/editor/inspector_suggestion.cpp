// inspector_suggestion.cpp — the inspector's suggestion block (inspector_panel.h,
// [SECTION] Suggestions): for a pending suggestion its rule, the rule's description, the
// reason and Accept / Reject; for accepted work from a rule, the rule and reason, smaller.
#include "app/editor/inspector_panel.h"

#include "app/editor/text_view_look.h"

#include <imgui.h>

namespace claimmark::app {

namespace {

void postReview(EditorState& state, ActionKind kind, const std::string& id) {
    Action action = Action::of(kind);
    action.ids = {id};
    state.post(std::move(action));
}

}  // namespace

void InspectorPanel::drawSuggestion(const Annotation& annotation) {
    if (annotation.rule.empty() && !isPendingSuggestion(annotation)) return;
    ImGui::PushTextWrapPos(0);
    if (!isPendingSuggestion(annotation)) {
        // Accepted: where it came from stays visible, out of the way.
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextUnformatted("from rule ");
        ImGui::SameLine(0, 0);
        ImGui::TextUnformatted(annotation.rule.c_str());
        if (!m_reason.empty()) ImGui::TextUnformatted(m_reason.c_str());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        return;
    }

    ImGui::PushStyleColor(ImGuiCol_Text, kSuggestionInk);
    ImGui::TextUnformatted("Pending suggestion");
    ImGui::PopStyleColor();
    m_rects.remember("suggestion:pending");
    ImGui::SameLine();
    ImGui::TextDisabled("rule %s", annotation.rule.empty() ? "(none)" : annotation.rule.c_str());
    if (!m_ruleDescription.empty()) ImGui::TextUnformatted(m_ruleDescription.c_str());
    if (!m_reason.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextUnformatted(m_reason.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();

    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.78f, 0.90f, 0.78f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.64f, 0.85f, 0.64f, 1.0f));
    if (ImGui::Button("Accept")) postReview(m_state, ActionKind::AcceptSuggestions, annotation.id);
    ImGui::PopStyleColor(2);
    m_rects.remember("suggestion:accept");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Keep it as an annotation (A; Enter also goes to the next)");
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.93f, 0.80f, 0.78f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.90f, 0.68f, 0.64f, 1.0f));
    if (ImGui::Button("Reject")) postReview(m_state, ActionKind::RejectSuggestions, annotation.id);
    ImGui::PopStyleColor(2);
    m_rects.remember("suggestion:reject");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Remove it; suggesting again will not bring it back (X also goes to the next)");
    ImGui::SameLine();
    ImGui::TextDisabled("editing it accepts it");
    ImGui::Spacing();
}

}  // namespace claimmark::app
