// status_bar.h — one line at the bottom: document, size, annotations, cursor, save state,
// the reviewer's done flag, the suggestions left to review and the last message.
#pragma once

#include "app/editor/editor_state.h"

namespace claimmark::app {

class StatusBar {
public:
    explicit StatusBar(EditorState& state) : m_state(state) {}
    // Draws one line of text at the cursor of the current window.
    void drawContent();

private:
    EditorState& m_state;
};

}  // namespace claimmark::app
