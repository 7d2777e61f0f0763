// text_view.h — the article, wrapped, with its annotations drawn over it; mouse selection.
//
// [SECTION] Drawing
//   Only visible lines are drawn (range from scroll and TextLayout::lineAt). Each visual line
//   is one AddText call (the ink never changes colour, highlights are drawn underneath),
//   spans come from the SpanIndex per line: layer 0 as a translucent background in the
//   label colour, deeper layers as stacked underlines. A pending suggestion (status
//   "suggested") gets a lighter background and a dashed outline (a dashed underline on
//   deeper layers) in its label colour, so it never passes for accepted work. The layout is rebuilt only when the
//   column width, the font or the document changes; an idle frame does not allocate.
// [SECTION] Mouse
//   Drag selects (snapped to whole words unless Alt is held), double-click selects a word,
//   shift-click extends, a click without a drag selects the annotation under the pointer.
//   Hovering an annotation shows its label, attributes, note and relations.
// [SECTION] Find and relations
//   Find matches (state.findMatches, sorted) are outlined in yellow, the current one filled;
//   a line asks only for the matches touching it (binary search). The relations of the
//   selected and of the hovered annotation are drawn over the text: a curved arrow from
//   source to target, in the source's label colour, named by type, when both ends are on
//   screen; otherwise a short stub from the end that is, pointing to the edge beyond
//   which the other one lies, with the type and an excerpt of the other end. Curves of one
//   annotation start at different points along it and rise to different heights, and
//   their names are nudged apart, so five or more stay readable. Relations per annotation
//   are indexed once per set revision, so this costs O(relations of the annotation).
// [SECTION] Geometry
//   The screen <-> text mapping of the last drawn frame is public so tests and other views
//   can ask where a code point is, or which one is under a point.
#pragma once

#include "app/editor/editor_state.h"
#include "core/text/text_layout.h"

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string>
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
    // The code points on the lines wholly visible in the last frame (empty when none is).
    CodePointRange fullyVisibleText() const;

    // What the last frame drew of the relations (for tests): curves between two visible
    // ends, and stubs toward an end off screen.
    int lastFrameRelationArrows() const { return m_relationArrows; }
    int lastFrameRelationStubs() const { return m_relationStubs; }

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
    bool m_wordDrag = false;      // started by a double-click: extends by words
    CodePointRange m_dragWord;    // the double-clicked word
    std::size_t m_rawAnchor = 0;  // selection ends as the mouse put them
    std::size_t m_rawCaret = 0;
    std::optional<std::size_t> m_hoverCp;
    std::optional<std::uint32_t> m_hoverAnnotation;  // storage index, innermost under mouse

    std::vector<float> m_carets;  // scratch: caret x of one line

    // Relations by annotation (storage index): m_relationEnds[m_relationStart[i] ..
    // m_relationStart[i + 1]) are those of annotation i. Rebuilt when the set changes.
    struct RelationEnd {
        std::uint32_t relation = 0;  // index into set.relations()
        std::uint32_t other = 0;     // storage index of the other end
        bool outgoing = false;       // this annotation is the relation's `from`
    };
    std::vector<std::uint32_t> m_relationStart;
    std::vector<RelationEnd> m_relationEnds;
    const AnnotationSet* m_relationSet = nullptr;
    std::uint64_t m_relationRevision = UINT64_MAX;
    int m_relationArrows = 0;
    int m_relationStubs = 0;
    // Relation names placed this frame, so later ones can move out of their way.
    static constexpr int kMaxPlacedLabels = 32;
    // Drawn after all the curves, so no curve crosses a name.
    struct RelationLabel {
        ImVec2 min, max;
        ImU32 colour = 0;
        char text[192] = {};
    };
    RelationLabel m_placedLabels[kMaxPlacedLabels];
    int m_placedLabelCount = 0;
    std::vector<std::uint32_t> m_hoverHits;  // scratch: annotations under the mouse
    struct TooltipReason {                   // suggestionReason() of a hovered annotation
        std::uint32_t annotation = 0;
        std::uint64_t revision = 0;
        std::string text;
    };
    std::vector<TooltipReason> m_tooltipReasons;  // the last few, see reasonOf()

    void relayoutIfNeeded(float width);
    void handleMouse(bool hovered);
    void updateSelection(bool snap);
    void drawLine(ImDrawList* drawList, std::size_t lineIndex, const SpanIndex& index);
    void drawTooltip();
    const std::string& reasonOf(std::uint32_t annotation);
    void drawTooltipRelations(std::uint32_t annotation);
    void drawPendingOutline(ImDrawList* drawList, const SpanEntry& entry, const VisualLine& line, ImVec2 min,
                            ImVec2 max, ImU32 colour, bool underline) const;
    void drawFindMatches(ImDrawList* drawList, const VisualLine& line, float top, float bottom);
    void rebuildRelationsIfNeeded();
    void drawRelations(ImDrawList* drawList);
    void drawRelationsOf(ImDrawList* drawList, std::uint32_t annotation, std::optional<std::uint32_t> skipOther);
    // Where an annotation is drawn: its first span's part on the first line it touches.
    struct SpanBox {
        float x0 = 0, x1 = 0, top = 0, bottom = 0;
        bool visible = false;
        int side = 0;  // -1 above the view, +1 below, 0 on screen
    };
    SpanBox boxOf(const Annotation& annotation) const;
    // Finds room for a name near `centre` (moving it up, or down when `down`, past names
    // already placed) and queues it; names past kMaxPlacedLabels are left out.
    void placeLabel(ImVec2 centre, const char* text, ImU32 colour, ImFont* font, float fontSize, bool down = false);
};

}  // namespace claimmark::app
