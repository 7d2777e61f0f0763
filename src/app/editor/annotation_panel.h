// annotation_panel.h — the side panel: the inspector of the selected annotation on top (or
// a short help text), below it two tabs — the filtered list of every annotation and the
// claim report (report_panel.h) — and the orphaned annotations as a collapsible section
// when there are any.
//
// [SECTION] List
//   Every annotation in document order, drawn through ImGuiListClipper (only visible rows,
//   so 100,000 annotations cost what 30 do): label chip, label, excerpt, key attributes.
//   A pending suggestion's row has a hollow chip and its rule id (in the suggestion colour)
//   where other rows show their key attributes.
//   Filters: label (a checkbox each, with its count), one attribute's value, origin, a
//   text filter on the covered text, and "suggestions" (pending suggestions only). The filtered rows are cached against the set's
//   revision and a generation number bumped when a filter changes; an idle frame does not
//   rebuild or allocate. A click selects the annotation and scrolls the article to it.
#pragma once

#include "app/editor/editor_state.h"
#include "app/editor/inspector_panel.h"
#include "app/editor/orphan_panel.h"
#include "app/editor/report_panel.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace claimmark::app {

class AnnotationList {
public:
    explicit AnnotationList(EditorState& state) : m_state(state) {}

    // Draws filters and rows into the current window, `height` tall.
    void drawContent(float height);

    // --- filters (the UI sets them; tests may too) ---
    // Shows or hides a schema label.
    void showLabel(const std::string& label, bool shown);
    // Only annotations with label `label` whose attribute `name` has `value` (as
    // attributeValueToString writes it); an empty value means "set to anything". An empty
    // label clears the filter.
    void filterAttribute(const std::string& label, const std::string& name, const std::string& value);
    void filterOrigin(const std::string& origin);  // empty: any
    void filterText(const std::string& text);      // case-insensitive (ASCII) substring
    void filterPendingSuggestions(bool only);      // only suggestions not reviewed yet
    void clearFilters();

    // The rows the filters let through, document order (rebuilt when stale).
    const std::vector<const Annotation*>& rows();
    const ItemRects& rects() const { return m_rects; }

private:
    EditorState& m_state;
    ItemRects m_rects;

    std::vector<std::string> m_hiddenLabels;
    std::string m_attrLabel, m_attrName, m_attrValue;
    std::string m_origin;
    std::string m_text;
    bool m_pendingOnly = false;

    std::vector<const Annotation*> m_rows;
    std::uint64_t m_rowsRevision = UINT64_MAX;
    std::uint64_t m_generation = 0;  // bumped by every filter change
    std::uint64_t m_rowsGeneration = UINT64_MAX;
    std::vector<std::string> m_origins;  // present in the set, sorted
    std::uint64_t m_originsRevision = UINT64_MAX;
    std::string m_lastSelected;
    bool m_scrollToSelected = false;
    bool m_showFilters = false;
    std::string m_tooltipReasonFor;  // the hovered row's suggestion reason, cached
    std::uint64_t m_tooltipReasonRevision = UINT64_MAX;
    std::string m_tooltipReason;

    bool passes(const Annotation& a) const;
    const std::vector<std::string>& origins();
    void drawFilters();
    void drawRows(float height);
};

class AnnotationPanel {
public:
    explicit AnnotationPanel(EditorState& state)
        : m_state(state), m_inspector(state), m_list(state), m_report(state), m_orphans(state) {}

    // Draws into the current window, filling the space left.
    void drawContent();
    // Keys that belong to the panel (boundaries, linking); true when one was used.
    bool handleShortcuts() { return m_inspector.handleShortcuts(); }

    InspectorPanel& inspector() { return m_inspector; }
    AnnotationList& list() { return m_list; }
    ReportPanel& report() { return m_report; }
    OrphanPanel& orphans() { return m_orphans; }

    // The tabs below the inspector: the annotation list (first) or the report.
    enum class Tab { Annotations, Report };
    void showTab(Tab tab) { m_selectTab = tab; }  // from the next frame on
    Tab shownTab() const { return m_shownTab; }
    const ItemRects& rects() const { return m_rects; }  // "tab:annotations", "tab:report"

private:
    EditorState& m_state;
    InspectorPanel m_inspector;
    AnnotationList m_list;
    ReportPanel m_report;
    OrphanPanel m_orphans;
    ItemRects m_rects;
    std::optional<Tab> m_selectTab;
    Tab m_shownTab = Tab::Annotations;
    float m_inspectorHeight = 0;  // content height of the inspector in the last frame
    float m_helpHeight = 0;       // the same for the help text
};

}  // namespace claimmark::app
