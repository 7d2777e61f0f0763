// find_bar.h — Find in the article: a bar above the text with the query, options, a
// "3 of 17" counter, Previous / Next and "Select match".
//
// [SECTION] Keys (handleShortcuts runs before the window's own shortcuts)
//   Ctrl+F               open the bar (the query is the selected text when that is short and
//                        on one line) and focus the field with its text selected
//   Enter / F3           next match; Shift+Enter / Shift+F3 previous; both wrap around
//   Alt+Enter            select the current match (state.selection), so 1-4 can tag it; the
//                        field lets go of the keyboard so the next key reaches the hotkeys
//   Escape               close the bar and clear the highlights
// [SECTION] Matches
//   Kept in state.findMatches / state.currentFindMatch (the text view draws them). They
//   are recomputed only when the query or an option changes (core/text_search.h), never
//   per frame. The first match shown is the first at or after the selection, the selected
//   annotation or the top of the view; as the query grows it stays at or after the match
//   shown before. Next / Previous step from the current match while it is on screen, and
//   from the top / bottom of the view when the user has scrolled away from it.
//   Moving to a match sets state.scrollTarget.
#pragma once

#include "app/editor/editor_state.h"
#include "app/editor/text_view.h"

#include <cstddef>

namespace claimmark::app {

class FindBar {
public:
    static constexpr std::size_t kQueryCapacity = 512;  // bytes, with the terminating NUL

    FindBar(EditorState& state, const TextView& view) : m_state(state), m_view(view) {}

    bool isOpen() const { return m_open; }
    void open();
    void close();  // hides the bar, clears the matches; the query is kept for next time

    // Ctrl+F, F3, Escape and the Enter keys; true when it used a key (the caller then
    // skips its own shortcuts for this frame).
    bool handleShortcuts();
    // The bar, when open: one row, meant to sit above the text view.
    void drawContent();

    void next();
    void previous();
    // Sets the text selection to the current match; false when there is none.
    bool selectCurrentMatch();

    const char* query() const { return m_query; }
    bool matchCase() const { return m_matchCase; }
    bool wholeWord() const { return m_wholeWord; }
    void setMatchCase(bool on) { m_matchCase = on; }
    void setWholeWord(bool on) { m_wholeWord = on; }
    bool capped() const { return m_capped; }  // the search stopped at its limit

private:
    EditorState& m_state;
    const TextView& m_view;
    bool m_open = false;
    char m_query[kQueryCapacity] = {};
    bool m_matchCase = false;
    bool m_wholeWord = false;

    // What the matches were computed for; compared every frame without allocating.
    char m_searched[kQueryCapacity] = {};
    bool m_searchedMatchCase = false;
    bool m_searchedWholeWord = false;
    bool m_stale = true;
    bool m_capped = false;
    std::size_t m_anchor = 0;  // where the first match is looked for

    // Keyboard focus of the query field.
    bool m_fieldActive = false;  // last frame
    bool m_focusField = false;   // focus it on this frame's draw
    bool m_selectAll = false;    // ... with its text selected
    bool m_keepFocus = false;    // Enter took the focus away: take it back

    void searchIfChanged();
    void moveTo(std::size_t index);
    // Code points at the top and bottom of the view (last frame).
    std::size_t firstVisible() const;
    std::size_t lastVisible() const;
    bool currentIsVisible() const;
    void releaseField();
};

}  // namespace claimmark::app
