// orphan_panel.h — annotations that re-anchoring could not place in the current article
// (Annotation::orphaned). They are never drawn in the text (the span index leaves them out);
// here each is listed with its label, stored text and note, and can be re-attached to the
// current text selection or deleted.
#pragma once

#include "app/editor/editor_state.h"
#include "app/editor/inspector_panel.h"

#include <cstdint>
#include <vector>

namespace claimmark::app {

class OrphanPanel {
public:
    explicit OrphanPanel(EditorState& state) : m_state(state) {}

    // The orphans in document order (cached against the set's revision).
    const std::vector<const Annotation*>& orphans();
    // Height the section wants below the list: its header, plus its rows when open.
    float wantedHeight(float available);
    // Draws the collapsible section into the current window; nothing when there are none.
    void drawContent(float height);

    const ItemRects& rects() const { return m_rects; }

private:
    EditorState& m_state;
    ItemRects m_rects;
    std::vector<const Annotation*> m_orphans;
    std::uint64_t m_revision = UINT64_MAX;
    bool m_open = true;
    float m_contentHeight = 0;  // the rows' height in the last frame
};

}  // namespace claimmark::app
