// editor_window.h — one frame of the whole editor: toolbar, banners, article, side panel,
// status bar, dialogs and keyboard shortcuts. No GLFW or OpenGL here, so headless tests
// drive it exactly as the real window does (editor_app.cpp owns the platform side).
//
// Shortcuts (ignored while a text field has focus):
//   1-4 (a label's hotkey)  annotate the selection with that label, or relabel the selected
//                           annotation when no text is selected
//   Delete / Backspace      delete the selected annotation
//   Escape                  cancel linking if it is under way, else clear the selection
//   L                       link the selected annotation to the next one clicked (a popup
//                           offers the relation types the schema allows)
//   Alt+Left / Alt+Right    move the selected annotation's END by a word
//   Alt+Shift+Left / Right  move its START by a word
//   Ctrl+Left / Ctrl+Right, Ctrl+Shift+Left / Right   the same by one character
//   Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y   undo, redo
//   Ctrl+S                  save (asks before replacing a set changed on disk)
//   Ctrl+Q                  quit (asks first when there are unsaved changes, as closing does)
//   Ctrl+D                  toggle "done" (the reviewer finished this article; undoable)
//   Ctrl+= / Ctrl+- / Ctrl+0        zoom in, out, reset (the host rebuilds the fonts)
//   Ctrl+F, F3 / Shift+F3   find; next / previous match (find_bar.h has the bar's own keys)
//   Ctrl+G                  suggest: run the suggestion rules on the article
//   Ctrl+R                  write the claim report as HTML beside the set (report_panel.h)
//   N / Shift+N, A, Enter, X, Shift+A, Shift+R   review the suggestions: next / previous,
//                           accept, accept and next, reject and next, accept all in view,
//                           accept all of the selected one's rule (suggestion_reviewer.h)
#pragma once

#include "app/editor/annotation_panel.h"
#include "app/editor/editor_dialogs.h"
#include "app/editor/editor_state.h"
#include "app/editor/find_bar.h"
#include "app/editor/recovery_dialog.h"
#include "app/editor/status_bar.h"
#include "app/editor/suggestion_reviewer.h"
#include "app/editor/text_view.h"

#include <imgui.h>

namespace claimmark::app {

class EditorWindow {
public:
    explicit EditorWindow(EditorState& state);

    void setFonts(ImFont* ui, ImFont* text, float textSize);
    void setFontWarning(std::string warning) { m_fontWarning = std::move(warning); }

    // Draws the frame (between ImGui::NewFrame and ImGui::Render), then applies the edits
    // posted during it.
    void draw();

    // Zoom factor the user asked for (1 = 100 %); the host rebuilds fonts when it changes.
    float zoom() const { return m_zoom; }
    // The host calls this when the user closes the window; with unsaved changes a dialog
    // asks first. closeConfirmed() turns true when the window may close.
    void requestClose();
    bool closeConfirmed() const { return m_dialogs.closeConfirmed(); }
    // True while something will change without new input (a dialog opening, a scroll
    // request pending): the host should draw another frame instead of waiting.
    bool wantsAnotherFrame() const;

    TextView& textView() { return m_textView; }
    AnnotationPanel& panel() { return m_panel; }
    FindBar& findBar() { return m_findBar; }
    SuggestionReviewer& reviewer() { return m_reviewer; }

private:
    EditorState& m_state;
    TextView m_textView;
    SuggestionReviewer m_reviewer;  // after m_textView: it reads what the view shows
    FindBar m_findBar;              // after m_textView: it reads the view's geometry
    AnnotationPanel m_panel;
    StatusBar m_statusBar;
    RecoveryDialog m_recoveryDialog;
    ImFont* m_uiFont = nullptr;
    std::string m_fontWarning;
    bool m_fontWarningDismissed = false;
    float m_zoom = 1.0f;
    float m_panelWidth = 0;  // 0: not set yet (a share of the window)
    CloseDialogs m_dialogs;
    int m_framesToSettle = 0;

    void handleShortcuts();
    void drawToolbar();
    void applyLabel(const LabelDef& label);
};

}  // namespace claimmark::app
