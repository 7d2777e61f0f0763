// editor_screen.h — the article editor as a Screen for the window host: an EditorState
// (model, files, autosave) and the EditorWindow that draws it.
#pragma once

#include "app/editor/editor_launch.h"
#include "app/editor/editor_state.h"
#include "app/editor/editor_window.h"
#include "app/common/screen.h"
#include "core/diagnostic.h"

#include <memory>
#include <string>

namespace claimmark::app {

class EditorScreen : public Screen {
public:
    explicit EditorScreen(std::unique_ptr<EditorState> state);
    // Loads article, schema and set (EditorState::open); the diagnostics say why not.
    static Result<std::unique_ptr<EditorScreen>> open(const EditorOptions& options);

    void draw() override { m_window.draw(); }
    std::string title() const override;
    const std::string& glyphText() const override { return m_state->document().bytes(); }
    float zoom() const override { return m_window.zoom(); }
    void setFonts(ImFont* ui, ImFont* text, float textSize) override { m_window.setFonts(ui, text, textSize); }
    void setFontWarning(std::string warning) override { m_window.setFontWarning(std::move(warning)); }

    void requestClose() override { m_window.requestClose(); }
    bool closeConfirmed() const override { return m_window.closeConfirmed(); }
    bool wantsAnotherFrame() const override { return m_window.wantsAnotherFrame(); }

    std::optional<Clock::duration> timeUntilAutosave(Clock::time_point now) const override {
        return m_state->timeUntilAutosave(now);
    }
    void autosaveIfDue(Clock::time_point now) override { m_state->autosaveIfDue(now); }
    void onFocusLost() override { m_state->autosaveNow(); }
    void onFocusGained() override { m_state->checkArticleOnDisk(); }
    void onClosed() override { m_state->removeRecoveryFile(); }

    EditorState& state() { return *m_state; }
    EditorWindow& window() { return m_window; }

private:
    std::unique_ptr<EditorState> m_state;  // before m_window, which keeps a reference
    EditorWindow m_window;
};

}  // namespace claimmark::app
