// adjudication_screen.cpp — composing the adjudication view's frame (adjudication_screen.h).
//
// [SECTION] Frame       toolbar, banners, article + overlay, lanes, splitter, side panel
// [SECTION] Toolbar
// [SECTION] Dialogs     closing asks first (editor_dialogs.h draws the dialogs)
// [SECTION] Shortcuts
#include "app/adjudication/adjudication_screen.h"

#include "app/common/label_style.h"

#include <imgui_internal.h>  // the text view's window, to draw the overlay into it

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>  // key codes only: the GLFW backend fills io.KeysDown[] with them

#include <algorithm>
#include <cmath>

namespace claimmark::app {

namespace {

// Toolbar buttons and hotkeys alike: label the selection, or relabel the selected annotation.
void applyLabel(EditorState& gold, const LabelDef& label) {
    if (!gold.selection.empty()) {
        gold.annotateSelection(label.name);
    } else if (!gold.selectedAnnotation.empty()) {
        Action action;
        action.kind = ActionKind::Relabel;
        action.id = gold.selectedAnnotation;
        action.label = label.name;
        gold.post(std::move(action));
    }
}

}  // namespace

AdjudicationScreen::AdjudicationScreen(std::unique_ptr<AdjudicationState> state)
    : m_state(std::move(state)),
      m_textView(m_state->gold()),
      m_lanes(*m_state, m_textView),
      m_panel(*m_state),
      m_statusBar(m_state->gold()),
      m_recoveryDialog(m_state->gold()),
      m_dialogs({"The gold set changed on disk", "Saving now replaces those changes with the gold set shown here.",
                 "Unsaved decisions", "The gold set has changes that are not saved."}) {}

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
           m_dialogs.wantsFrame() || m_recoveryDialog.wantsFrame();
}

// ---------------------------------------------------------------------------------------
// [SECTION] Frame
// ---------------------------------------------------------------------------------------

void AdjudicationScreen::draw() {
    if (m_framesToSettle > 0) --m_framesToSettle;
    if (m_uiFont) ImGui::PushFont(m_uiFont);

    beginScreenWindow("claimmark adjudication");

    handleShortcuts();
    drawToolbar();
    drawBanners(m_fontWarning, m_fontWarningDismissed, m_state->gold().banners);

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

    beginSidePanel(m_panelWidth, splitter, paneHeight);
    m_panel.drawContent();
    ImGui::EndChild();

    ImGui::Separator();
    m_statusBar.drawContent();

    m_dialogs.draw(m_state->gold(), m_recoveryDialog);
    ImGui::End();
    if (m_uiFont) ImGui::PopFont();

    if (m_state->hasPending()) {
        m_state->applyPending();
        m_framesToSettle = 2;
    }
    m_dialogs.afterFrame(m_state->gold(), m_recoveryDialog);
}

// ---------------------------------------------------------------------------------------
// [SECTION] Toolbar
// ---------------------------------------------------------------------------------------

void AdjudicationScreen::drawToolbar() {
    EditorState& gold = m_state->gold();
    for (const LabelDef& label : gold.set().schema.labels)
        if (drawLabelButton(label, gold.labelStyles().of(label.name), false)) applyLabel(gold, label);

    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    drawHistoryButtons(gold, "Save the gold set to");

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
// [SECTION] Dialogs
// ---------------------------------------------------------------------------------------

void AdjudicationScreen::requestClose() { m_dialogs.requestClose(m_state->gold().isModified()); }

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
        handleHistoryKeys(gold);
        if (ImGui::IsKeyPressed(GLFW_KEY_Q, false)) requestClose();
        handleZoomKeys(m_zoom);
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

    forEachTypedLabel(gold.set().schema.labels, [&](const LabelDef& label) { applyLabel(gold, label); });
}

}  // namespace claimmark::app
