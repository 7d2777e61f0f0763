// adjudication_lanes.h — who marked what, beside and over the article.
//
// [SECTION] Lanes
//   A narrow strip to the right of the article, aligned with its visual lines: one column
//   per reviewer (headed by the reviewer's initial in their colour) and, first, a gold
//   column. In a reviewer's column each line shows a thin bar per label that reviewer put
//   on the line (label colours, fixed order), so where reviewers agree the columns look
//   alike and where they differ it shows at a glance. The gold column marks lines with an
//   open disagreement (red: disputed, amber: attribute conflict only) and the current one
//   with a dark bar. Hovering a line lists what each reviewer marked there; a click
//   selects the first open disagreement on it. Only visible lines are drawn.
// [SECTION] Overlay
//   Over the article (drawn into the text view's own window after it): a wavy underline
//   under each open disagreement (same colours), and, around the current one, an outline
//   per reviewer in the reviewer's colour for each of their annotations of the same label
//   there — nested when they agree, visibly offset when their boundaries differ.
#pragma once

#include "app/adjudication/adjudication_state.h"
#include "app/editor/text_view.h"

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace claimmark::app {

class ReviewerLanes {
public:
    ReviewerLanes(AdjudicationState& state, TextView& view) : m_state(state), m_view(view) {}

    // Width the lanes need at the current font size.
    float width() const;
    // Draws the strip (a child window `height` tall) at the cursor; call after the text
    // view has drawn this frame, so its geometry is current.
    void drawContent(float height);
    // Draws the overlay into `drawList` (the text view's window), clipped to the view.
    void drawOverlay(ImDrawList* drawList);

    // For tests: open disagreements marked in the gold column in the last frame, and
    // reviewer outlines drawn around the current one.
    int lastFrameMarks() const { return m_marks; }
    int lastFrameOutlines() const { return m_outlines; }

private:
    AdjudicationState& m_state;
    TextView& m_view;
    int m_marks = 0;
    int m_outlines = 0;
    ImVector<ImVec2> m_wave;  // scratch for the wavy underline

    // Visible line range and the layout origin on screen; false when there is no layout.
    bool visibleLines(std::size_t& first, std::size_t& last, ImVec2& origin) const;
    void drawWave(ImDrawList* drawList, float x0, float x1, float y, ImU32 colour);
    void drawTooltip(std::size_t line);
    // Kind of mark for an annotation of the gold set: 0 none, 1 attribute conflict, 2 disputed.
    int markOf(const Annotation& annotation) const;
};

}  // namespace claimmark::app
