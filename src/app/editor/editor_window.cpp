// editor_window.cpp — composing the editor's frame (editor_window.h).
//
// [SECTION] Frame       the window, its panes and the splitter
// [SECTION] Toolbar     label buttons, undo / redo / save, done, suggest, zoom
// [SECTION] Dialogs     closing asks first (editor_dialogs.h draws the dialogs)
// [SECTION] Shortcuts
#include "app/editor/editor_window.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>  // key codes only: the GLFW backend fills io.KeysDown[] with them

#include <algorithm>
#include <cmath>

namespace claimmark::app {

namespace {

// The reviewer's "done" flag goes through the queue like any edit, so it is undoable.
void postSetDone(EditorState& state, bool done) {
    Action action;
    action.kind = ActionKind::SetDone;
    action.value = AttributeValue{done};
    state.post(std::move(action));
}

}  // namespace

EditorWindow::EditorWindow(EditorState& state)
    : m_state(state),
      m_textView(state),
      m_reviewer(state, m_textView),
      m_findBar(state, m_textView),
      m_panel(state),
      m_statusBar(state),
      m_recoveryDialog(state),
      m_dialogs({"The set changed on disk", "Saving now replaces those changes with the annotations shown here.",
                 "Unsaved changes", "The annotations have changes that are not saved."}) {}

void EditorWindow::setFonts(ImFont* ui, ImFont* text, float textSize) {
    m_uiFont = ui;
    m_textView.setFont(text, textSize);
}

bool EditorWindow::wantsAnotherFrame() const {
    // A report made in the background is taken in by a frame: keep drawing until it is.
    return m_framesToSettle > 0 || m_state.hasPending() || m_state.scrollTarget.has_value() || m_dialogs.wantsFrame() ||
           m_recoveryDialog.wantsFrame() || m_state.claimReportPending();
}

// ---------------------------------------------------------------------------------------
// [SECTION] Frame
// ---------------------------------------------------------------------------------------

void EditorWindow::draw() {
    if (m_framesToSettle > 0) --m_framesToSettle;
    if (m_uiFont) ImGui::PushFont(m_uiFont);

    beginScreenWindow("claimmark");

    handleShortcuts();
    drawToolbar();
    drawBanners(m_fontWarning, m_fontWarningDismissed, m_state.banners);

    const float statusHeight = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float paneHeight = std::max(50.0f, avail.y - statusHeight);
    const float splitter = 6.0f;
    if (m_panelWidth <= 0) m_panelWidth = std::round(std::clamp(avail.x * 0.3f, 260.0f, 460.0f));
    m_panelWidth = std::clamp(m_panelWidth, 160.0f, std::max(160.0f, avail.x - 240.0f));
    const float textWidth = std::max(100.0f, avail.x - m_panelWidth - splitter);

    ImGui::BeginChild("##textpane", ImVec2(textWidth, paneHeight), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    m_findBar.drawContent();  // above the text, when open
    m_textView.drawContent();
    ImGui::EndChild();

    beginSidePanel(m_panelWidth, splitter, paneHeight);
    m_panel.drawContent();
    ImGui::EndChild();

    ImGui::Separator();
    m_statusBar.drawContent();

    m_dialogs.draw(m_state, m_recoveryDialog);
    ImGui::End();
    if (m_uiFont) ImGui::PopFont();

    if (m_state.hasPending()) {
        m_state.applyPending();
        m_framesToSettle = 2;
    }
    m_dialogs.afterFrame(m_state, m_recoveryDialog);
}

// ---------------------------------------------------------------------------------------
// [SECTION] Toolbar
// ---------------------------------------------------------------------------------------

void EditorWindow::applyLabel(const LabelDef& label) {
    if (!m_state.selection.empty()) {
        if (!m_state.annotateSelection(label.name)) m_state.statusMessage = "The selection holds only white space.";
        return;
    }
    if (!m_state.selectedAnnotation.empty()) {
        const Annotation* a = m_state.set().findAnnotation(m_state.selectedAnnotation);
        if (a && a->label != label.name) {
            Action action;
            action.kind = ActionKind::Relabel;
            action.id = a->id;
            action.label = label.name;
            m_state.post(std::move(action));
        }
        return;
    }
    m_state.statusMessage = "Select some text first, then choose a label.";
}

void EditorWindow::drawToolbar() {
    for (const LabelDef& label : m_state.set().schema.labels)
        if (drawLabelButton(label, m_state.labelStyles().of(label.name), true)) applyLabel(label);

    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    drawHistoryButtons(m_state, "Save to");
    ImGui::SameLine(0, ImGui::GetFontSize());
    bool done = m_state.set().done;
    if (ImGui::Checkbox("Done", &done)) postSetDone(m_state, done);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("I have finished this article (saved in the set; the project view shows it) (Ctrl+D)");

    ImGui::SameLine(0, ImGui::GetFontSize());
    m_reviewer.drawToolbar();

    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", m_state.annotator.c_str());
    if (std::fabs(m_zoom - 1.0f) > 0.01f) {
        ImGui::SameLine();
        ImGui::TextDisabled("· zoom %d%%", int(std::lround(m_zoom * 100)));
    }
}

// ---------------------------------------------------------------------------------------
// [SECTION] Dialogs
// ---------------------------------------------------------------------------------------

void EditorWindow::requestClose() { m_dialogs.requestClose(m_state.isModified()); }

// ---------------------------------------------------------------------------------------
// [SECTION] Shortcuts
// ---------------------------------------------------------------------------------------

void EditorWindow::handleShortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    if (m_findBar.handleShortcuts()) return;  // Ctrl+F, F3; Enter and Esc while finding
    // A text field (the note) or an open dialog gets the keys.
    if (io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
    // The side panel's keys first: boundaries (Ctrl/Alt + arrows), L to link, Esc to stop.
    if (m_panel.handleShortcuts()) return;
    // Suggestions: Ctrl+G, and the review keys (N, A, Enter, X ...).
    if (m_reviewer.handleShortcuts()) return;

    const bool ctrl = io.KeyCtrl;
    if (ctrl) {
        handleHistoryKeys(m_state);
        if (ImGui::IsKeyPressed(GLFW_KEY_Q, false)) requestClose();
        if (ImGui::IsKeyPressed(GLFW_KEY_D, false)) postSetDone(m_state, !m_state.set().done);
        // The report only reads the model: written now, where the status line says.
        if (!io.KeyShift && ImGui::IsKeyPressed(GLFW_KEY_R, false)) m_state.writeReportHtml();
        handleZoomKeys(m_zoom);
        return;
    }
    if (io.KeyAlt || io.KeySuper) return;

    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        m_state.selection = TextSelection{};
        m_state.selectedAnnotation.clear();
    }
    if (!m_state.selectedAnnotation.empty() && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete), false) ||
                                                ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace), false))) {
        Action action;
        action.kind = ActionKind::DeleteAnnotation;
        action.id = m_state.selectedAnnotation;
        m_state.post(std::move(action));
    }

    forEachTypedLabel(m_state.set().schema.labels, [&](const LabelDef& label) { applyLabel(label); });
}

}  // namespace claimmark::app
