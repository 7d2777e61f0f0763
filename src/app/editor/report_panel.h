// report_panel.h — the side panel's Report tab (beside the annotation list): what each claim
// rests on, from the claim report (core/report/claim_report.h) the EditorState keeps.
//
// On top, the summary ("37 claims · 12 flagged · 4.1 hedges per 1,000 words"), a filter by
// flag (every claim, any flag, or one flag, each with its count) and the button that writes
// the HTML report (Ctrl+R, EditorState::writeReportHtml). Below, one two-line row per claim
// in document order, drawn through ImGuiListClipper (100,000 claims cost what 30 do): its
// strength, its text cut to the row with "…", its best support and its flags as small
// coloured badges (hovering one shows the flag's reason; hovering the row the whole claim
// and ClaimReport::oneLine()). A pending suggestion's row is dimmed, with a hollow strength
// box and "suggested". A click selects the claim and scrolls the article to it, as the list
// does.
//
// The panel only reads. The report is recomputed by EditorState when the set's revision
// changed; the filtered rows are cached against that computation and the filter, so an idle
// frame neither rebuilds nor allocates.
#pragma once

#include "app/editor/editor_state.h"
#include "app/editor/inspector_panel.h"

#include <cstdint>
#include <string>
#include <vector>

namespace claimmark::app {

class ReportPanel {
public:
    explicit ReportPanel(EditorState& state) : m_state(state) {}

    // Draws summary, filter and rows into the current window, `height` tall.
    void drawContent(float height);

    // The flag filter: "" every claim, kAnyFlag any flagged claim, else a flag's name
    // (claim_report.h's kFlag* names).
    static constexpr const char* kAnyFlag = "*";
    void filterFlag(const std::string& flag);
    const std::string& flagFilter() const { return m_flag; }

    // The rows the filter lets through: indices into claimReport().claims, document order.
    const std::vector<std::size_t>& rows();
    const ItemRects& rects() const { return m_rects; }

private:
    EditorState& m_state;
    ItemRects m_rects;
    std::string m_flag;

    std::vector<std::size_t> m_rows;
    std::uint64_t m_rowsComputation = UINT64_MAX;  // EditorState::claimReportComputations()
    std::uint64_t m_generation = 0;                // bumped by every filter change
    std::uint64_t m_rowsGeneration = UINT64_MAX;
    std::size_t m_flagCounts[8] = {};  // claims per flag (kFlagLooks order), cached with the rows
    std::size_t m_suggested = 0;       // pending suggestions among the claims
    std::string m_lastSelected;
    bool m_scrollToSelected = false;
    std::string m_tooltipFor;  // the hovered row's claim id and oneLine(), cached
    std::uint64_t m_tooltipComputation = UINT64_MAX;
    std::string m_tooltipLine;

    void drawHeader();
    void drawRows(float height);
};

}  // namespace claimmark::app
