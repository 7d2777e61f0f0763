// recovery_dialog.cpp — the start-up offer to restore unsaved work (recovery_dialog.h).
#include "app/editor/recovery_dialog.h"

#include <imgui.h>

#include <string>

namespace claimmark::app {

void RecoveryDialog::draw() {
    if (!m_state.recoveryOffer) return;
    if (!m_opened) {
        ImGui::OpenPopup(kTitle);
        m_opened = true;
    }
    const RecoveryCandidate& offer = *m_state.recoveryOffer;
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;

    ImGui::Text("Unsaved work from %s was recovered for %s.", formatLocalDateTime(offer.written).c_str(),
                offer.setPath.string().c_str());
    ImGui::TextDisabled("(the editor was closed without saving, or stopped)");
    ImGui::Spacing();
    const std::size_t recovered = offer.set ? offer.set->annotationCount() : 0;
    ImGui::BulletText("recovered: %zu annotation%s", recovered, recovered == 1 ? "" : "s");
    if (offer.setAnnotationCount)
        ImGui::BulletText("saved set: %zu annotation%s", *offer.setAnnotationCount,
                          *offer.setAnnotationCount == 1 ? "" : "s");
    else if (offer.setExists) ImGui::BulletText("saved set: cannot be read");
    else ImGui::BulletText("saved set: not saved yet");
    ImGui::Spacing();
    ImGui::TextUnformatted("Restoring shows the recovered annotations; the set on disk changes only when you save.");
    ImGui::Spacing();
    // Enter restores: the safe answer, and the one a keyboard user expects from the default.
    const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
    if (ImGui::Button("Restore it") || enter) {
        m_choice = Choice::Restore;
        ImGui::CloseCurrentPopup();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Enter");
    ImGui::SetItemDefaultFocus();
    ImGui::SameLine();
    if (ImGui::Button("Discard it")) {
        m_choice = Choice::Discard;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void RecoveryDialog::applyChoice() {
    switch (m_choice) {
        case Choice::Restore: m_state.restoreRecovery(); break;
        case Choice::Discard: m_state.discardRecoveryOffer(); break;
        case Choice::None: return;
    }
    m_choice = Choice::None;
}

}  // namespace claimmark::app
