// adjudication_panel.h — the side panel of the adjudication view.
//
// [SECTION] Layout, top to bottom
//   - the count of open disagreements (always visible) with Previous / Next;
//   - the current disagreement: what it is (disputed: who proposed it and who did not; an
//     attribute conflict), the reviewers side by side (a column each: their annotations of
//     the same label there, with boundaries and attributes), a Pick button per value of each
//     conflicting attribute (naming who voted for it), and Accept / Reject;
//   - the selected annotation in the editor's inspector (relabel, attributes, note,
//     boundaries, relations): editing a disputed annotation is the third way to settle it;
//   - every open disagreement, a row each (only visible rows drawn); a click goes to it.
// Decisions are posted (adjudication_state.h) and applied between frames.
#pragma once

#include "app/adjudication/adjudication_state.h"
#include "app/editor/inspector_panel.h"

#include <cstdint>
#include <string>
#include <vector>

namespace claimmark::app {

class AdjudicationPanel {
public:
    explicit AdjudicationPanel(AdjudicationState& state) : m_state(state), m_inspector(state.gold()) {}

    // Draws into the current window, filling the space left.
    void drawContent();
    // The inspector's keys (boundaries, linking); true when one was used.
    bool handleShortcuts() { return m_inspector.handleShortcuts(); }

    InspectorPanel& inspector() { return m_inspector; }
    // Controls of the last frame, for tests: "Accept", "Reject", "Next", "Previous",
    // "pick:<attribute>:<value>" (value as attributeValueToString writes it), and the list's
    // rows "row:<annotation id>" / "relation:<relation id>".
    const ItemRects& rects() const { return m_rects; }

private:
    struct ReviewerMark {  // one annotation of one reviewer near the current disagreement
        std::string label;
        std::string text;
        std::string detail;  // spans and attributes
        bool sameSpans = false;
    };
    struct PickOption {
        std::string attribute;
        AttributeValue value;
        std::string shown;     // "anecdotal  (bob)"
        std::string key;       // "pick:type:anecdotal"
        bool current = false;  // the gold value now
    };

    AdjudicationState& m_state;
    InspectorPanel m_inspector;
    ItemRects m_rects;

    // Cached for the current disagreement (rebuilt when it or the gold set changes).
    std::uint64_t m_cacheRevision = UINT64_MAX;
    std::string m_cacheKey;
    std::string m_title;
    std::string m_summary;
    std::vector<std::vector<ReviewerMark>> m_marks;  // per reviewer
    std::vector<PickOption> m_picks;
    // The list's row texts and item names, rebuilt when the gold set changes (an idle frame
    // does not allocate for them).
    std::vector<std::string> m_rowText;
    std::vector<std::string> m_rowKey;
    std::vector<ImU32> m_rowColour;
    std::uint64_t m_rowsRevision = UINT64_MAX;
    const AnnotationSet* m_rowsSet = nullptr;

    void refresh(const Disagreement& d);
    void drawCount();
    void drawCurrent(const Disagreement& d);
    void drawHelp();
    void drawList(float height);
};

}  // namespace claimmark::app
