// recovery_dialog.h — the modal shown at start when unsaved work was found beside the set
// (EditorState::recoveryOffer): "Restore it" or "Discard it". The choice is applied between
// frames (applyChoice), because restoring replaces the model the views are drawing.
#pragma once

#include "app/editor/editor_state.h"

namespace claimmark::app {

class RecoveryDialog {
public:
    explicit RecoveryDialog(EditorState& state) : m_state(state) {}

    // Inside the editor's window, with the other dialogs.
    void draw();
    // After the frame: restores or discards when a button was pressed.
    void applyChoice();
    // The dialog still has to open (the host should draw another frame).
    bool wantsFrame() const { return m_state.recoveryOffer.has_value() && !m_opened; }

    static constexpr const char* kTitle = "Recovered unsaved work";

private:
    enum class Choice { None, Restore, Discard };
    EditorState& m_state;
    bool m_opened = false;
    Choice m_choice = Choice::None;
};

}  // namespace claimmark::app
