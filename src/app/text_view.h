// text_view.h — the article, wrapped, with its annotations drawn over it; mouse selection.
//
// [SECTION] Drawing
//   Only visible lines are drawn (range from scroll and TextLayout::lineAt). Each visual line
//   is one AddText call (the ink never changes colour, highlights are drawn underneath),
//   spans come from the SpanIndex per line: layer 0 as a translucent background in the
//   label colour, deeper layers as stacked underlines. The layout is rebuilt only when the
//   column width, the font or the document changes; an idle frame does not allocate.
// [SECTION] Mouse
//   Drag selects (snapped to whole words unless Alt is held), double-click selects a word,
//   shift-click extends, a click without a drag selects the annotation under the pointer.
//   Hovering an annotation shows its label, attributes and note.
// [SECTION] Geometry
//   The screen <-> text mapping of the last drawn frame is public so tests and other views
//   can ask where a code point is, or which one is under a point.
#pragma once

#include "app/editor_state.h"
#include "core/text_layout.h"

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace claimmark::app {

class TextView {
public:
    explicit TextView(EditorState& state) : m_state(state) {}

    // The article font and its pixel size; the layout is rebuilt on the next frame.
    void setFont(ImFont* font, float size);
    // Draws into a child window filling the space left in the current window.
    void drawContent();

    const TextLayout& layout() const { return m_layout; }
    float lineHeight() const { return m_metrics.lineHeight; }
    // The code point whose glyph is under `screen`, if any (last frame's geometry).
    std::optional<std::size_t> characterAt(ImVec2 screen) const;
    // The caret position nearest to `screen`; above the text gives 0, below the end.
    std::size_t caretAt(ImVec2 screen) const;
    // Top-left corner, on screen, of the caret before `cp` (last frame's geometry).
    ImVec2 screenPosOf(std::size_t cp) const;
    // The visible text area on screen (last frame).
    ImVec2 viewMin() const { return m_viewMin; }
    ImVec2 viewMax() const { return m_viewMax; }

private:
    EditorState& m_state;
    ImFont* m_font = nullptr;
    float m_fontSize = 0;

    TextLayout m_layout;
    LayoutMetrics m_metrics;
    const Document* m_layoutDocument = nullptr;
    const ImFont* m_layoutFont = nullptr;
    float m_layoutFontSize = 0;

    // Geometry of the last frame: screen position of the layout's origin, visible area.
    ImVec2 m_origin{0, 0};
    ImVec2 m_viewMin{0, 0}, m_viewMax{0, 0};
    float m_textTopOffset = 0;  // from a line's top to its text's top

    // Mouse state.
    bool m_dragging = false;
    bool m_wordDrag = false;              // started by a double-click: extends by words
    CodePointRange m_dragWord;            // the double-clicked word
    std::size_t m_rawAnchor = 0;          // selection ends as the mouse put them
    std::size_t m_rawCaret = 0;
    std::optional<std::size_t> m_hoverCp;
    std::optional<std::uint32_t> m_hoverAnnotation;  // storage index, innermost under mouse

    std::vector<float> m_carets;                  // scratch: caret x of one line
    std::vector<std::uint32_t> m_hoverHits;       // scratch: annotations under the mouse

    void relayoutIfNeeded(float width);
    void handleMouse(bool hovered);
    void updateSelection(bool snap);
    void drawLine(ImDrawList* drawList, std::size_t lineIndex, const SpanIndex& index);
    void drawTooltip();
};

}  // namespace claimmark::app
