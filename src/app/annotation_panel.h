// annotation_panel.h — the side panel: counts per label, every annotation in document order
// (clipped: only visible rows are drawn), and the selected annotation's details, whose
// edits are posted as actions (EditorState) like every other change.
#pragma once

#include "app/editor_state.h"

#include <string>

namespace claimmark::app {

class AnnotationPanel {
public:
    explicit AnnotationPanel(EditorState& state) : m_state(state) {}

    // Draws into the current window, filling the space left.
    void drawContent();

private:
    EditorState& m_state;
    // The note being edited, loaded when the selection changes.
    std::string m_noteFor;
    std::string m_noteText;
    std::string m_noteSource;  // the note as it was loaded, to notice undo changing it
    std::string m_lastSelected;
    bool m_scrollToSelected = false;

    void drawCounts();
    void drawList(float height);
    void drawDetails(const Annotation& annotation);
    void drawAttribute(const Annotation& annotation, const AttributeDef& def);
    void commitNote();
};

}  // namespace claimmark::app
