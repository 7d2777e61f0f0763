// editor_dialogs.h — the frame pieces the editor (editor_window.h) and the adjudication view
// (adjudication_screen.h) share, so both behave alike: the full-window frame, the splitter,
// banners, the label and undo / redo / save buttons, the common Ctrl shortcuts, and the
// "changed on disk" / "unsaved changes" dialogs. The project screen shares the zoom keys.
// No GLFW or OpenGL here (key codes stay in the .cpp).
//
// [SECTION] Frame and toolbar helpers
// [SECTION] Shortcuts
// [SECTION] Close and save-conflict dialogs
#pragma once

#include "app/editor/editor_state.h"
#include "app/editor/recovery_dialog.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace claimmark::app {

// ---------------------------------------------------------------------------------------
// [SECTION] Frame and toolbar helpers
// ---------------------------------------------------------------------------------------

// Begins the borderless window that fills the viewport (the caller ends it). `withBorder`
// keeps the style's window border, as the project screen draws it.
void beginScreenWindow(const char* name, bool withBorder = false);

// On the text pane's line: the draggable bar (dragging it right narrows the panel), then
// begins the side panel's child window filling the rest (the caller ends it).
void beginSidePanel(float& panelWidth, float splitterWidth, float height);

// The banners above the text (the font warning first), each dismissable.
void drawBanners(const std::string& fontWarning, bool& fontWarningDismissed, std::vector<Banner>& banners);

// One label's coloured toolbar button (followed by SameLine); true when clicked.
bool drawLabelButton(const LabelDef& label, const LabelStyle& style, bool descriptionTooltip);

// Undo, Redo and Save; `saveWhat` opens the Save tooltip ("Save to", "Save the gold set to").
void drawHistoryButtons(EditorState& state, const char* saveWhat);

// ---------------------------------------------------------------------------------------
// [SECTION] Shortcuts
// ---------------------------------------------------------------------------------------

// Ctrl+= / Ctrl+- / Ctrl+0 (and the keypad's): zoom in, out, reset, kept in range. The
// caller checks Ctrl.
void handleZoomKeys(float& zoom);

// Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y, Ctrl+S. The caller checks Ctrl.
void handleHistoryKeys(EditorState& state);

// Calls fn(label) for each label whose one-character hotkey was typed this frame. Label
// hotkeys arrive as typed characters, so they follow the keyboard layout.
template <typename Fn>
void forEachTypedLabel(const std::vector<LabelDef>& labels, Fn&& fn) {
    for (ImWchar c : ImGui::GetIO().InputQueueCharacters) {
        if (c >= 0x80 || c < 0x20) continue;
        for (const LabelDef& label : labels) {
            if (label.hotkey.size() == 1 && label.hotkey[0] == static_cast<char>(c)) {
                fn(label);
                break;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// [SECTION] Close and save-conflict dialogs
// ---------------------------------------------------------------------------------------

// What the two dialogs say; the editor speaks of annotations, the adjudication of the gold set.
struct CloseDialogTexts {
    const char* conflictTitle;  // "The set changed on disk"
    const char* conflictBody;   // "Saving now replaces those changes with ..."
    const char* closeTitle;     // "Unsaved changes"
    const char* closeBody;      // "The annotations have changes that are not saved."
};

// Closing with unsaved work asks first; a save that met a changed file asks before replacing it.
class CloseDialogs {
public:
    explicit CloseDialogs(CloseDialogTexts texts) : m_texts(texts) {}

    // The host asks to close: at once when nothing is modified, else through the dialog.
    void requestClose(bool modified);
    bool closeConfirmed() const { return m_closeConfirmed; }
    // A dialog opens next frame.
    bool wantsFrame() const { return m_openCloseDialog || m_openConflictDialog; }

    // Inside the frame: opens what was asked for, draws the recovery dialog, then these two.
    void draw(EditorState& state, RecoveryDialog& recovery);
    // After the frame: the recovery choice, and a save conflict turns into the dialog.
    void afterFrame(EditorState& state, RecoveryDialog& recovery);

private:
    CloseDialogTexts m_texts;
    bool m_closeRequested = false;
    bool m_closeConfirmed = false;
    bool m_openCloseDialog = false;
    bool m_openConflictDialog = false;
};

}  // namespace claimmark::app
