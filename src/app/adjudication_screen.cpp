// adjudication_screen.cpp — composing the adjudication view's frame (adjudication_screen.h).
//
// [SECTION] Frame       toolbar, banners, article + overlay, lanes, splitter, side panel
// [SECTION] Toolbar
// [SECTION] Banners and dialogs
// [SECTION] Shortcuts
#include "app/adjudication_screen.h"

#include "app/label_style.h"

#include <imgui_internal.h>  // the text view's window, to draw the overlay into it

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>  // key codes only: the GLFW backend fills io.KeysDown[] with them

#include <algorithm>
#include <cmath>
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

}  // namespace

AdjudicationScreen::AdjudicationScreen(std::unique_ptr<AdjudicationState> state)
    : m_state(std::move(state)),
      m_textView(m_state->gold()),
      m_lanes(*m_state, m_textView),
      m_panel(*m_state),
      m_statusBar(m_state->gold()),
      m_recoveryDialog(m_state->gold()) {}

std::string AdjudicationScreen::title() const {
    const EditorState& gold = m_state->gold();
    return "claimmark \xE2\x80\x94 adjudicate " + gold.articlePath.filename().string() + " (" + gold.annotator + ")" +
           (gold.isModified() ? " \xE2\x80\xA2" : "");
}

void AdjudicationScreen::setFonts(ImFont* ui, ImFont* text, float textSize) {
    m_uiFont = ui;
    m_textView.setFont(text, textSize);
}

bool AdjudicationScreen::wantsAnotherFrame() const {
    return m_framesToSettle > 0 || m_state->hasPending() || m_state->gold().scrollTarget.has_value() ||
           m_openCloseDialog || m_openConflictDialog || m_recoveryDialog.wantsFrame();
}

// ---------------------------------------------------------------------------------------
// [SECTION] Frame
// ---------------------------------------------------------------------------------------

void AdjudicationScreen::draw() {
    if (m_framesToSettle > 0) --m_framesToSettle;
    if (m_uiFont) ImGui::PushFont(m_uiFont);

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin("claimmark adjudication", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar(2);

    handleShortcuts();
    drawToolbar();
    drawBanners();

    const float statusHeight = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float paneHeight = std::max(50.0f, avail.y - statusHeight);
    const float splitter = 6.0f;
    const float lanesWidth = m_lanes.width();
    if (m_panelWidth <= 0) m_panelWidth = std::round(std::clamp(avail.x * 0.34f, 300.0f, 560.0f));
    m_panelWidth = std::clamp(m_panelWidth, 200.0f, std::max(200.0f, avail.x - lanesWidth - 240.0f));
    const float textWidth = std::max(100.0f, avail.x - m_panelWidth - splitter - lanesWidth);

    ImGui::BeginChild("##textpane", ImVec2(textWidth, paneHeight), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    m_textView.drawContent();
    // The overlay goes into the article's own window, over its text and under its tooltip.
    ImGuiWindow* pane = ImGui::GetCurrentWindow();
    if (!pane->DC.ChildWindows.empty()) m_lanes.drawOverlay(pane->DC.ChildWindows.back()->DrawList);
    ImGui::EndChild();
    ImGui::SameLine(0, 0);
    m_lanes.drawContent(paneHeight);  // after the text: it reads this frame's geometry

    ImGui::SameLine(0, 0);
    ImGui::InvisibleButton("##splitter", ImVec2(splitter, paneHeight));
    if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    if (ImGui::IsItemActive()) m_panelWidth -= ImGui::GetIO().MouseDelta.x;
    ImGui::SameLine(0, 0);

    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 8));
    ImGui::BeginChild("##side", ImVec2(0, paneHeight), true);
    ImGui::PopStyleVar();
    m_panel.drawContent();
    ImGui::EndChild();

    ImGui::Separator();
    m_statusBar.drawContent();

    drawDialogs();
    ImGui::End();
    if (m_uiFont) ImGui::PopFont();

    if (m_state->hasPending()) {
        m_state->applyPending();
        m_framesToSettle = 2;
    }
    m_recoveryDialog.applyChoice();
    if (m_state->gold().saveConflict) {
        m_openConflictDialog = true;
        m_state->gold().saveConflict = false;
    }
}

// ---------------------------------------------------------------------------------------
// [SECTION] Toolbar
// ---------------------------------------------------------------------------------------

void AdjudicationScreen::drawToolbar() {
    EditorState& gold = m_state->gold();
    for (const LabelDef& label : gold.set().schema.labels) {
        const LabelStyle& style = gold.labelStyles().of(label.name);
        ImGui::PushID(label.name.c_str());
        ImGui::PushStyleColor(ImGuiCol_Button, style.fill);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, style.fillHover);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, style.solid);
        char text[96];
        if (label.hotkey.empty()) std::snprintf(text, sizeof text, "%s", label.name.c_str());
        else std::snprintf(text, sizeof text, "%s  %s", label.hotkey.c_str(), label.name.c_str());
        if (ImGui::Button(text)) {
            if (!gold.selection.empty()) gold.annotateSelection(label.name);
            else if (!gold.selectedAnnotation.empty()) {
                Action action;
                action.kind = ActionKind::Relabel;
                action.id = gold.selectedAnnotation;
                action.label = label.name;
                gold.post(std::move(action));
            }
        }
        ImGui::PopStyleColor(3);
        ImGui::PopID();
        ImGui::SameLine();
    }

    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    const History& history = gold.session().history();
    ImGui::BeginDisabled(!history.canUndo());
    if (ImGui::Button("Undo")) gold.post(Action::of(ActionKind::Undo));
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && history.canUndo())
        ImGui::SetTooltip("Undo %s (Ctrl+Z)", history.undoDescription().c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(!history.canRedo());
    if (ImGui::Button("Redo")) gold.post(Action::of(ActionKind::Redo));
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && history.canRedo())
        ImGui::SetTooltip("Redo %s (Ctrl+Shift+Z)", history.redoDescription().c_str());
    ImGui::SameLine();
    if (ImGui::Button(gold.saveBlocked ? "Save copy" : "Save")) gold.post(Action::of(ActionKind::Save));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Save the gold set to %s (Ctrl+S)", gold.saveTarget().string().c_str());

    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("adjudicating into \xE2\x80\x9C%s\xE2\x80\x9D", gold.annotator.c_str());
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    const std::size_t open = m_state->openCount();
    if (open == 0) ImGui::TextColored(ImVec4(0.16f, 0.50f, 0.22f, 1.0f), "no disputes left");
    else ImGui::TextColored(ImVec4(0.78f, 0.16f, 0.16f, 1.0f), "%zu dispute%s left", open, open == 1 ? "" : "s");
    if (std::fabs(m_zoom - 1.0f) > 0.01f) {
        ImGui::SameLine();
        ImGui::TextDisabled("\xC2\xB7 zoom %d%%", int(std::lround(m_zoom * 100)));
    }
}

// ---------------------------------------------------------------------------------------
// [SECTION] Banners and dialogs
// ---------------------------------------------------------------------------------------

void AdjudicationScreen::drawBanners() {
    auto banner = [&](BannerKind kind, const std::string& text, int id) {
        ImGui::PushID(id);
        ImGui::PushStyleColor(ImGuiCol_ChildBg, bannerColour(kind));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 6));
        const float width = ImGui::GetContentRegionAvail().x;
        const float wrap = width - 16 - ImGui::GetFontSize() * 5;
        const float textHeight = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap).y;
        const float maxHeight = ImGui::GetTextLineHeight() * 8;
        ImGui::BeginChild("##banner", ImVec2(width, std::min(textHeight, maxHeight) + 14), false,
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
    };
    int id = 0;
    if (!m_fontWarning.empty() && !m_fontWarningDismissed)
        if (banner(BannerKind::Warning, m_fontWarning, id++)) m_fontWarningDismissed = true;
    auto& banners = m_state->gold().banners;
    for (std::size_t i = 0; i < banners.size();) {
        if (banner(banners[i].kind, banners[i].text, id++)) banners.erase(banners.begin() + static_cast<std::ptrdiff_t>(i));
        else ++i;
    }
}

void AdjudicationScreen::requestClose() {
    if (m_closeConfirmed) return;
    if (!m_state->gold().isModified()) {
        m_closeConfirmed = true;
        return;
    }
    if (!m_closeRequested) {
        m_closeRequested = true;
        m_openCloseDialog = true;
    }
}

void AdjudicationScreen::drawDialogs() {
    EditorState& gold = m_state->gold();
    if (m_openConflictDialog) {
        ImGui::OpenPopup("The gold set changed on disk");
        m_openConflictDialog = false;
    }
    if (m_openCloseDialog) {
        ImGui::OpenPopup("Unsaved decisions");
        m_openCloseDialog = false;
    }
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    m_recoveryDialog.draw();

    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("The gold set changed on disk", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("%s was changed by another program since it was opened.", gold.saveTarget().string().c_str());
        ImGui::TextUnformatted("Saving now replaces those changes with the gold set shown here.");
        ImGui::Spacing();
        if (ImGui::Button("Replace it")) {
            gold.post(Action::of(ActionKind::SaveOverwrite));
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            gold.statusMessage = "Not saved.";
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }

    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("Unsaved decisions", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("The gold set has changes that are not saved.");
        ImGui::Spacing();
        if (ImGui::Button("Save and close")) {
            if (gold.save()) m_closeConfirmed = true;
            else m_closeRequested = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Close without saving")) {
            m_closeConfirmed = true;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            m_closeRequested = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

// ---------------------------------------------------------------------------------------
// [SECTION] Shortcuts
// ---------------------------------------------------------------------------------------

void AdjudicationScreen::decide(DecisionKind kind) {
    EditorState& gold = m_state->gold();
    if (const Disagreement* d = m_state->current()) {
        Decision decision;
        decision.kind = kind;
        decision.target = d->kind;
        decision.id = d->id;
        m_state->post(std::move(decision));
    } else if (kind == DecisionKind::Reject && !gold.selectedAnnotation.empty()) {
        gold.post(Action::of(ActionKind::DeleteAnnotation, gold.selectedAnnotation));  // as in the editor
    } else {
        gold.statusMessage = "No open disagreement is selected (N goes to the next one).";
    }
}

void AdjudicationScreen::handleShortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
    if (m_panel.handleShortcuts()) return;  // boundaries, linking
    EditorState& gold = m_state->gold();

    if (io.KeyCtrl) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z)))
            gold.post(Action::of(io.KeyShift ? ActionKind::Redo : ActionKind::Undo));
        else if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y)))
            gold.post(Action::of(ActionKind::Redo));
        if (ImGui::IsKeyPressed(GLFW_KEY_S, false)) gold.post(Action::of(ActionKind::Save));
        if (ImGui::IsKeyPressed(GLFW_KEY_Q, false)) requestClose();
        float zoom = m_zoom;
        if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD)) zoom *= 1.1f;
        if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT)) zoom /= 1.1f;
        if (ImGui::IsKeyPressed(GLFW_KEY_0, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_0, false)) zoom = 1.0f;
        m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
        return;
    }
    if (io.KeyAlt || io.KeySuper) return;

    if (ImGui::IsKeyPressed(GLFW_KEY_N) || ImGui::IsKeyPressed(GLFW_KEY_F8))
        m_state->post(Decision::of(io.KeyShift ? DecisionKind::Previous : DecisionKind::Next));
    if (ImGui::IsKeyPressed(GLFW_KEY_A, false)) decide(DecisionKind::Accept);
    if (ImGui::IsKeyPressed(GLFW_KEY_R, false) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete), false) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace), false))
        decide(DecisionKind::Reject);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        gold.selection = TextSelection{};
        gold.selectedAnnotation.clear();
    }

    // Label hotkeys arrive as typed characters, so they follow the keyboard layout.
    for (ImWchar c : io.InputQueueCharacters) {
        if (c >= 0x80 || c < 0x20) continue;
        for (const LabelDef& label : gold.set().schema.labels) {
            if (label.hotkey.size() != 1 || label.hotkey[0] != static_cast<char>(c)) continue;
            if (!gold.selection.empty()) {
                gold.annotateSelection(label.name);
            } else if (!gold.selectedAnnotation.empty()) {
                Action action;
                action.kind = ActionKind::Relabel;
                action.id = gold.selectedAnnotation;
                action.label = label.name;
                gold.post(std::move(action));
            }
            break;
        }
    }
}

}  // namespace claimmark::app
