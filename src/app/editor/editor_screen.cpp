// editor_screen.cpp — the article editor as a Screen (editor_screen.h).
#include "app/editor/editor_screen.h"

namespace claimmark::app {

EditorScreen::EditorScreen(std::unique_ptr<EditorState> state) : m_state(std::move(state)), m_window(*m_state) {}

Result<std::unique_ptr<EditorScreen>> EditorScreen::open(const EditorOptions& options) {
    Result<std::unique_ptr<EditorState>> opened = EditorState::open(options);
    if (!opened) return opened.errors();
    return std::make_unique<EditorScreen>(std::move(*opened));
}

std::string EditorScreen::title() const {
    // "•" marks unsaved changes, as most editors do.
    return "claimmark \xE2\x80\x94 " + m_state->articlePath.filename().string() + " (" + m_state->annotator + ")" +
           (m_state->isModified() ? " \xE2\x80\xA2" : "");
}

}  // namespace claimmark::app
