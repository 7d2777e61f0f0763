// suggestion_reviewer.h — going through the rules' suggestions from the keyboard: running
// the rules (the toolbar's Suggest button, Ctrl+G), moving from one pending suggestion to
// the next, accepting and rejecting one, or many at once. Like every view it only posts
// Actions (editor_state.h); each accept or reject, single or bulk, is one undo step.
//
// Keys (only when no text field or dialog has the keyboard; a letter a schema label uses
// as its hotkey stays the label's):
//   Ctrl+G         suggest: run the rules on the article, add what they find
//   N / Shift+N    select the next / previous pending suggestion and scroll to it (wraps)
//   A              accept the selected suggestion
//   Enter          accept it and go on to the next one
//   X              reject it (remembered: suggesting again never brings it back) and go on;
//                  Delete / Backspace on a pending suggestion reject it too
//   Shift+A        accept every pending suggestion on the lines wholly in view
//   Shift+R        accept every pending suggestion of the selected one's rule
#pragma once

#include "app/editor/editor_state.h"
#include "app/editor/inspector_panel.h"
#include "app/editor/text_view.h"

#include <string>
#include <vector>

namespace claimmark::app {

class SuggestionReviewer {
public:
    SuggestionReviewer(EditorState& state, const TextView& view) : m_state(state), m_view(view) {}

    // The review keys above; true when one was used. The caller has made sure no text
    // field or dialog has the keyboard.
    bool handleShortcuts();
    // The toolbar's Suggest button and, while suggestions wait, the review buttons.
    void drawToolbar();

    // --- the steps (keys and buttons call these; tests may too) ---
    void suggest();
    // Selects the next (direction > 0) or previous pending suggestion after / before the
    // selected annotation (or the view's first line when nothing is selected), wrapping
    // around. False when none is pending.
    bool selectNext(int direction);
    bool acceptSelected(bool thenNext);
    bool rejectSelected();  // and selects the next one
    bool acceptAllInView();
    bool acceptAllOfRule();

    const ItemRects& rects() const { return m_rects; }

private:
    EditorState& m_state;
    const TextView& m_view;
    ItemRects m_rects;
    std::vector<std::string> m_ids;  // scratch for bulk steps

    const Annotation* selectedSuggestion() const;
    // The pending suggestion after / before `from` in document order (wrapping), skipping
    // `from` itself; nullptr when there is none other.
    const Annotation* neighbour(const Annotation* from, int direction);
    void select(const Annotation& annotation);
    void post(ActionKind kind, std::vector<std::string> ids, std::string what = {});
};

}  // namespace claimmark::app
