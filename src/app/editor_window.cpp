// editor_window.cpp — composing the editor's frame (editor_window.h).
//
// [SECTION] Frame       the window, its panes and the splitter
// [SECTION] Toolbar     label buttons, undo / redo / save, zoom
// [SECTION] Banners     load problems, re-anchoring report, font warning
// [SECTION] Dialogs     save conflict, unsaved changes on close
// [SECTION] Shortcuts
#include "app/editor_window.h"

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

// The reviewer's "done" flag goes through the queue like any edit, so it is undoable.
void postSetDone(EditorState& state, bool done) {
    Action action;
    action.kind = ActionKind::SetDone;
    action.value = AttributeValue{done};
    state.post(std::move(action));
}

}  // namespace

EditorWindow::EditorWindow(EditorState& state)
    : m_state(state), m_textView(state), m_findBar(state, m_textView), m_panel(state), m_statusBar(state), m_recoveryDialog(state) {}

void EditorWindow::setFonts(ImFont* ui, ImFont* text, float textSize) {
    m_uiFont = ui;
    m_textView.setFont(text, textSize);
}

bool EditorWindow::wantsAnotherFrame() const {
    return m_framesToSettle > 0 || m_state.hasPending() || m_state.scrollTarget.has_value() ||
           m_openCloseDialog || m_openConflictDialog || m_recoveryDialog.wantsFrame();
}

// ---------------------------------------------------------------------------------------
// [SECTION] Frame
// ---------------------------------------------------------------------------------------

void EditorWindow::draw() {
    if (m_framesToSettle > 0) --m_framesToSettle;
    if (m_uiFont) ImGui::PushFont(m_uiFont);

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin("claimmark", nullptr,
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
    if (m_panelWidth <= 0) m_panelWidth = std::round(std::clamp(avail.x * 0.3f, 260.0f, 460.0f));
    m_panelWidth = std::clamp(m_panelWidth, 160.0f, std::max(160.0f, avail.x - 240.0f));
    const float textWidth = std::max(100.0f, avail.x - m_panelWidth - splitter);

    ImGui::BeginChild("##textpane", ImVec2(textWidth, paneHeight), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    m_findBar.drawContent();  // above the text, when open
    m_textView.drawContent();
    ImGui::EndChild();

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

    if (m_state.hasPending()) {
        m_state.applyPending();
        m_framesToSettle = 2;
    }
    m_recoveryDialog.applyChoice();
    if (m_state.saveConflict) {
        m_openConflictDialog = true;
        m_state.saveConflict = false;
    }
}

// ---------------------------------------------------------------------------------------
// [SECTION] Toolbar
// ---------------------------------------------------------------------------------------

void EditorWindow::applyLabel(const LabelDef& label) {
    if (!m_state.selection.empty()) {
        if (!m_state.annotateSelection(label.name))
            m_state.statusMessage = "The selection holds only white space.";
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
    const auto& labels = m_state.set().schema.labels;
    for (const LabelDef& label : labels) {
        const LabelStyle& style = m_state.labelStyles().of(label.name);
        ImGui::PushID(label.name.c_str());
        ImGui::PushStyleColor(ImGuiCol_Button, style.fill);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, style.fillHover);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, style.solid);
        char text[96];
        if (label.hotkey.empty())
            std::snprintf(text, sizeof text, "%s", label.name.c_str());
        else
            std::snprintf(text, sizeof text, "%s  %s", label.hotkey.c_str(), label.name.c_str());
        if (ImGui::Button(text)) applyLabel(label);
        ImGui::PopStyleColor(3);
        if (ImGui::IsItemHovered() && !label.description.empty()) ImGui::SetTooltip("%s", label.description.c_str());
        ImGui::PopID();
        ImGui::SameLine();
    }

    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    const History& history = m_state.session().history();
    ImGui::BeginDisabled(!history.canUndo());
    if (ImGui::Button("Undo")) m_state.post(Action::of(ActionKind::Undo));
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && history.canUndo())
        ImGui::SetTooltip("Undo %s (Ctrl+Z)", history.undoDescription().c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(!history.canRedo());
    if (ImGui::Button("Redo")) m_state.post(Action::of(ActionKind::Redo));
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && history.canRedo())
        ImGui::SetTooltip("Redo %s (Ctrl+Shift+Z)", history.redoDescription().c_str());
    ImGui::SameLine();
    if (ImGui::Button(m_state.saveBlocked ? "Save copy" : "Save")) m_state.post(Action::of(ActionKind::Save));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Save to %s (Ctrl+S)", m_state.saveTarget().string().c_str());
    ImGui::SameLine(0, ImGui::GetFontSize());
    bool done = m_state.set().done;
    if (ImGui::Checkbox("Done", &done)) postSetDone(m_state, done);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("I have finished this article (saved in the set; the project view shows it) (Ctrl+D)");

    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", m_state.annotator.c_str());
    if (std::fabs(m_zoom - 1.0f) > 0.01f) {
        ImGui::SameLine();
        ImGui::TextDisabled("· zoom %d%%", int(std::lround(m_zoom * 100)));
    }
}

// ---------------------------------------------------------------------------------------
// [SECTION] Banners
// ---------------------------------------------------------------------------------------

void EditorWindow::drawBanners() {
    auto banner = [&](BannerKind kind, const std::string& text, int id) {
        ImGui::PushID(id);
        ImGui::PushStyleColor(ImGuiCol_ChildBg, bannerColour(kind));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 6));
        // Tall enough for the wrapped text (up to eight lines, then it scrolls).
        const float width = ImGui::GetContentRegionAvail().x;
        const float wrap = width - 16 - ImGui::GetFontSize() * 5;
        const float textHeight = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap).y;
        const float maxHeight = ImGui::GetTextLineHeight() * 8;
        ImGui::BeginChild("##banner", ImVec2(width, std::min(textHeight, maxHeight) + 14), false,
                          ImGuiWindowFlags_AlwaysUseWindowPadding |
                              (textHeight > maxHeight ? 0 : ImGuiWindowFlags_NoScrollbar));
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
    for (std::size_t i = 0; i < m_state.banners.size();) {
        if (banner(m_state.banners[i].kind, m_state.banners[i].text, id++))
            m_state.banners.erase(m_state.banners.begin() + static_cast<std::ptrdiff_t>(i));
        else
            ++i;
    }
}

// ---------------------------------------------------------------------------------------
// [SECTION] Dialogs
// ---------------------------------------------------------------------------------------

void EditorWindow::requestClose() {
    if (m_closeConfirmed) return;
    if (!m_state.isModified()) {
        m_closeConfirmed = true;
        return;
    }
    if (!m_closeRequested) {
        m_closeRequested = true;
        m_openCloseDialog = true;
    }
}

void EditorWindow::drawDialogs() {
    if (m_openConflictDialog) {
        ImGui::OpenPopup("The set changed on disk");
        m_openConflictDialog = false;
    }
    if (m_openCloseDialog) {
        ImGui::OpenPopup("Unsaved changes");
        m_openCloseDialog = false;
    }
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    m_recoveryDialog.draw();

    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("The set changed on disk", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("%s was changed by another program since it was opened.", m_state.saveTarget().string().c_str());
        ImGui::TextUnformatted("Saving now replaces those changes with the annotations shown here.");
        ImGui::Spacing();
        if (ImGui::Button("Replace it")) {
            m_state.post(Action::of(ActionKind::SaveOverwrite));
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            m_state.statusMessage = "Not saved.";
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }

    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("The annotations have changes that are not saved.");
        ImGui::Spacing();
        if (ImGui::Button("Save and close")) {
            if (m_state.save()) m_closeConfirmed = true;
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

void EditorWindow::handleShortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    if (m_findBar.handleShortcuts()) return;  // Ctrl+F, F3; Enter and Esc while finding
    // A text field (the note) or an open dialog gets the keys.
    if (io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
    // The side panel's keys first: boundaries (Ctrl/Alt + arrows), L to link, Esc to stop.
    if (m_panel.handleShortcuts()) return;

    const bool ctrl = io.KeyCtrl;
    if (ctrl) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z))) {
            m_state.post(Action::of(io.KeyShift ? ActionKind::Redo : ActionKind::Undo));
        } else if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y))) {
            m_state.post(Action::of(ActionKind::Redo));
        }
        if (ImGui::IsKeyPressed(GLFW_KEY_S, false)) m_state.post(Action::of(ActionKind::Save));
        if (ImGui::IsKeyPressed(GLFW_KEY_Q, false)) requestClose();
        if (ImGui::IsKeyPressed(GLFW_KEY_D, false)) postSetDone(m_state, !m_state.set().done);
        float zoom = m_zoom;
        if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD)) zoom *= 1.1f;
        if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT)) zoom /= 1.1f;
        if (ImGui::IsKeyPressed(GLFW_KEY_0, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_0, false)) zoom = 1.0f;
        m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
        return;
    }
    if (io.KeyAlt || io.KeySuper) return;

    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        m_state.selection = TextSelection{};
        m_state.selectedAnnotation.clear();
    }
    if (!m_state.selectedAnnotation.empty() &&
        (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete), false) ||
         ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace), false))) {
        Action action;
        action.kind = ActionKind::DeleteAnnotation;
        action.id = m_state.selectedAnnotation;
        m_state.post(std::move(action));
    }

    // Label hotkeys arrive as typed characters, so they follow the keyboard layout.
    for (ImWchar c : io.InputQueueCharacters) {
        if (c >= 0x80 || c < 0x20) continue;
        for (const LabelDef& label : m_state.set().schema.labels) {
            if (label.hotkey.size() == 1 && label.hotkey[0] == static_cast<char>(c)) {
                applyLabel(label);
                break;
            }
        }
    }
}

}  // namespace claimmark::app
