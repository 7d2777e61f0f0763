// adjudication_screen.h — the adjudication view as a Screen for the window host: the gold
// set in the article (text_view.h, with the disagreement overlay), the reviewer lanes
// beside it, the adjudication panel, and the editor's status bar. No GLFW or OpenGL here,
// so headless tests drive it as the real window does.
//
// Shortcuts (ignored while a text field has focus or a dialog is open):
//   N, F8 / Shift+N, Shift+F8   next / previous disagreement (selects it, scrolls to it)
//   A                          accept the current one
//   R, Delete, Backspace       reject the current one (delete the selected annotation when
//                              it is settled)
//   1-4 (label hotkeys)        relabel the selected annotation, or label the selection
//   Alt/Ctrl(+Shift)+Left/Right  move the selected annotation's boundaries (inspector)
//   Escape                     clear the selection
//   Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y   undo, redo (decisions and edits alike)
//   Ctrl+S save the gold set; Ctrl+Q quit (asks when unsaved); Ctrl+= / Ctrl+- / Ctrl+0 zoom
#pragma once

#include "app/adjudication/adjudication_lanes.h"
#include "app/adjudication/adjudication_panel.h"
#include "app/adjudication/adjudication_state.h"
#include "app/editor/editor_dialogs.h"
#include "app/editor/recovery_dialog.h"
#include "app/common/screen.h"
#include "app/editor/status_bar.h"
#include "app/editor/text_view.h"

#include <memory>
#include <string>

namespace claimmark::app {

class AdjudicationScreen final : public Screen {
public:
    explicit AdjudicationScreen(std::unique_ptr<AdjudicationState> state);

    void draw() override;
    std::string title() const override;
    const std::string& glyphText() const override { return m_state->gold().document().bytes(); }
    float zoom() const override { return m_zoom; }
    void setFonts(ImFont* ui, ImFont* text, float textSize) override;
    void setFontWarning(std::string warning) override { m_fontWarning = std::move(warning); }
    void requestClose() override;
    bool closeConfirmed() const override { return m_dialogs.closeConfirmed(); }
    bool wantsAnotherFrame() const override;
    std::optional<Clock::duration> timeUntilAutosave(Clock::time_point now) const override {
        return m_state->gold().timeUntilAutosave(now);
    }
    void autosaveIfDue(Clock::time_point now) override { m_state->gold().autosaveIfDue(now); }
    void onFocusLost() override { m_state->gold().autosaveNow(); }
    void onFocusGained() override { m_state->gold().checkArticleOnDisk(); }
    void onClosed() override { m_state->gold().removeRecoveryFile(); }

    AdjudicationState& state() { return *m_state; }
    TextView& textView() { return m_textView; }
    AdjudicationPanel& panel() { return m_panel; }
    ReviewerLanes& lanes() { return m_lanes; }

private:
    std::unique_ptr<AdjudicationState> m_state;
    TextView m_textView;
    ReviewerLanes m_lanes;
    AdjudicationPanel m_panel;
    StatusBar m_statusBar;
    RecoveryDialog m_recoveryDialog;
    ImFont* m_uiFont = nullptr;
    std::string m_fontWarning;
    bool m_fontWarningDismissed = false;
    float m_zoom = 1.0f;
    float m_panelWidth = 0;
    CloseDialogs m_dialogs;
    int m_framesToSettle = 0;

    void handleShortcuts();
    void drawToolbar();
    void decide(DecisionKind kind);
};

}  // namespace claimmark::app
