// editor_dialogs.cpp — frame pieces shared by the editor and the adjudication view
// (editor_dialogs.h).
//
// [SECTION] Frame and toolbar helpers
// [SECTION] Shortcuts
// [SECTION] Close and save-conflict dialogs
#include "app/editor/editor_dialogs.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>  // key codes only: the GLFW backend fills io.KeysDown[] with them

#include <algorithm>
#include <cstdio>

namespace claimmark::app {

namespace {

constexpr float kMinZoom = 0.5f;
constexpr float kMaxZoom = 3.0f;

ImVec4 bannerColour(BannerKind kind) {
    switch (kind) {
        case BannerKind::Error: return ImVec4(0.98f, 0.87f, 0.86f, 1.0f);
        case BannerKind::Warning: return ImVec4(0.99f, 0.94f, 0.80f, 1.0f);
        case BannerKind::Info: break;
    }
    return ImVec4(0.88f, 0.93f, 0.99f, 1.0f);
}

bool drawBanner(BannerKind kind, const std::string& text, int id) {
    ImGui::PushID(id);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, bannerColour(kind));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 6));
    // Tall enough for the wrapped text (up to eight lines, then it scrolls).
    const float width = ImGui::GetContentRegionAvail().x;
    const float wrap = width - 16 - ImGui::GetFontSize() * 5;
    const float textHeight = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap).y;
    const float maxHeight = ImGui::GetTextLineHeight() * 8;
    ImGui::BeginChild(
        "##banner", ImVec2(width, std::min(textHeight, maxHeight) + 14), false,
        ImGuiWindowFlags_AlwaysUseWindowPadding | (textHeight > maxHeight ? 0 : ImGuiWindowFlags_NoScrollbar));
    ImGui::PushTextWrapPos(wrap);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(40, 36, 30, 255));
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::SetCursorPos(ImVec2(width - ImGui::GetFontSize() * 4.5f, 4));
    const bool dismissed = ImGui::SmallButton("Dismiss");
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImGui::PopID();
    return dismissed;
}

bool escapeOr(bool clicked) { return clicked || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)); }

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] Frame and toolbar helpers
// ---------------------------------------------------------------------------------------

void beginScreenWindow(const char* name, bool withBorder) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    if (!withBorder) ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin(name, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar(withBorder ? 1 : 2);
}

void beginSidePanel(float& panelWidth, float splitterWidth, float height) {
    ImGui::SameLine(0, 0);
    ImGui::InvisibleButton("##splitter", ImVec2(splitterWidth, height));
    if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    if (ImGui::IsItemActive()) panelWidth -= ImGui::GetIO().MouseDelta.x;
    ImGui::SameLine(0, 0);

    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 8));
    ImGui::BeginChild("##side", ImVec2(0, height), true);
    ImGui::PopStyleVar();
}

void drawBanners(const std::string& fontWarning, bool& fontWarningDismissed, std::vector<Banner>& banners) {
    int id = 0;
    if (!fontWarning.empty() && !fontWarningDismissed)
        if (drawBanner(BannerKind::Warning, fontWarning, id++)) fontWarningDismissed = true;
    for (std::size_t i = 0; i < banners.size();) {
        if (drawBanner(banners[i].kind, banners[i].text, id++))
            banners.erase(banners.begin() + static_cast<std::ptrdiff_t>(i));
        else ++i;
    }
}

bool drawLabelButton(const LabelDef& label, const LabelStyle& style, bool descriptionTooltip) {
    ImGui::PushID(label.name.c_str());
    ImGui::PushStyleColor(ImGuiCol_Button, style.fill);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, style.fillHover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, style.solid);
    char text[96];
    if (label.hotkey.empty()) std::snprintf(text, sizeof text, "%s", label.name.c_str());
    else std::snprintf(text, sizeof text, "%s  %s", label.hotkey.c_str(), label.name.c_str());
    const bool clicked = ImGui::Button(text);
    ImGui::PopStyleColor(3);
    if (descriptionTooltip && ImGui::IsItemHovered() && !label.description.empty())
        ImGui::SetTooltip("%s", label.description.c_str());
    ImGui::PopID();
    ImGui::SameLine();
    return clicked;
}

void drawHistoryButtons(EditorState& state, const char* saveWhat) {
    const History& history = state.session().history();
    ImGui::BeginDisabled(!history.canUndo());
    if (ImGui::Button("Undo")) state.post(Action::of(ActionKind::Undo));
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && history.canUndo())
        ImGui::SetTooltip("Undo %s (Ctrl+Z)", history.undoDescription().c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(!history.canRedo());
    if (ImGui::Button("Redo")) state.post(Action::of(ActionKind::Redo));
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && history.canRedo())
        ImGui::SetTooltip("Redo %s (Ctrl+Shift+Z)", history.redoDescription().c_str());
    ImGui::SameLine();
    if (ImGui::Button(state.saveBlocked ? "Save copy" : "Save")) state.post(Action::of(ActionKind::Save));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s %s (Ctrl+S)", saveWhat, state.saveTarget().string().c_str());
}

// ---------------------------------------------------------------------------------------
// [SECTION] Shortcuts
// ---------------------------------------------------------------------------------------

void handleZoomKeys(float& zoom) {
    float z = zoom;
    if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD)) z *= 1.1f;
    if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT)) z /= 1.1f;
    if (ImGui::IsKeyPressed(GLFW_KEY_0, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_0, false)) z = 1.0f;
    zoom = std::clamp(z, kMinZoom, kMaxZoom);
}

void handleHistoryKeys(EditorState& state) {
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z)))
        state.post(Action::of(ImGui::GetIO().KeyShift ? ActionKind::Redo : ActionKind::Undo));
    else if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y))) state.post(Action::of(ActionKind::Redo));
    if (ImGui::IsKeyPressed(GLFW_KEY_S, false)) state.post(Action::of(ActionKind::Save));
}

// ---------------------------------------------------------------------------------------
// [SECTION] Close and save-conflict dialogs
// ---------------------------------------------------------------------------------------

void CloseDialogs::requestClose(bool modified) {
    if (m_closeConfirmed) return;
    if (!modified) {
        m_closeConfirmed = true;
        return;
    }
    if (!m_closeRequested) {
        m_closeRequested = true;
        m_openCloseDialog = true;
    }
}

void CloseDialogs::draw(EditorState& state, RecoveryDialog& recovery) {
    if (m_openConflictDialog) {
        ImGui::OpenPopup(m_texts.conflictTitle);
        m_openConflictDialog = false;
    }
    if (m_openCloseDialog) {
        ImGui::OpenPopup(m_texts.closeTitle);
        m_openCloseDialog = false;
    }
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    recovery.draw();

    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(m_texts.conflictTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("%s was changed by another program since it was opened.", state.saveTarget().string().c_str());
        ImGui::TextUnformatted(m_texts.conflictBody);
        ImGui::Spacing();
        if (ImGui::Button("Replace it")) {
            state.post(Action::of(ActionKind::SaveOverwrite));
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (escapeOr(ImGui::Button("Cancel"))) {
            state.statusMessage = "Not saved.";
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }

    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(m_texts.closeTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(m_texts.closeBody);
        ImGui::Spacing();
        if (ImGui::Button("Save and close")) {
            if (state.save()) m_closeConfirmed = true;
            else m_closeRequested = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Close without saving")) {
            m_closeConfirmed = true;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (escapeOr(ImGui::Button("Cancel"))) {
            m_closeRequested = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

void CloseDialogs::afterFrame(EditorState& state, RecoveryDialog& recovery) {
    recovery.applyChoice();
    if (state.saveConflict) {
        m_openConflictDialog = true;
        state.saveConflict = false;
    }
}

}  // namespace claimmark::app
