// project_view.h — the project page: who you are, a filter, the table of documents with
// each reviewer's status and counts (and the gold set's disputes left), the problems the
// scan found. It never opens anything itself: it leaves a ProjectRequest for the screen
// (project_screen.h), which knows about files and the window host.
//
// Keys (when no other text field has focus; the filter box passes them through):
//   Up / Down, Page Up / Page Down, Home / End   move the selection
//   Enter (or a double-click, or "Open")         open the selected article as yourself
//   Ctrl+Enter (or "Adjudicate")                 adjudicate it (two or more reviewers' sets)
//   Ctrl+F                                       the filter box
//   F5 / Ctrl+R                                  scan the folder again
#pragma once

#include "core/team/project_folder.h"

#include <imgui.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace claimmark::app {

// The adjudicator's set is named like this; it gets its own column ("disputes left").
inline constexpr const char* kGoldAnnotator = "gold";

struct ProjectRequest {
    enum class Kind { Open, Adjudicate, Rescan };
    Kind kind = Kind::Open;
    std::string stem;  // Open, Adjudicate
};

class ProjectView {
public:
    ProjectView() = default;

    // A new scan; the selection stays on the same document when it is still there.
    void setProject(Project project);
    const Project& project() const { return m_project; }

    // Who "you" are: the set opened is annotations/<stem>/<you>.json.
    std::string& reviewerName() { return m_reviewerName; }
    const std::string& reviewerName() const { return m_reviewerName; }
    void setMessage(std::string message) { m_message = std::move(message); }
    const std::string& message() const { return m_message; }

    // Fills the current window (between ImGui::Begin and End).
    void drawContent();
    // What the user asked for during the last frame(s), once.
    std::optional<ProjectRequest> takeRequest();

    // --- for the screen and tests ------------------------------------------------------
    void setFilter(std::string filter);
    // Indices into project().documents, filtered and sorted as shown.
    const std::vector<std::size_t>& visibleRows();
    // The selected document's stem; empty when nothing is selected.
    const std::string& selectedStem() const { return m_selectedStem; }
    void select(const std::string& stem);
    // The reviewers' sets (not gold) that exist for `document`: what adjudication needs.
    static std::vector<const ReviewerSet*> reviewerSetsOf(const ProjectDocument& document);
    // Where a document's row and its buttons were drawn in the last frame (tests click
    // there); nullopt when the row or button was not on screen.
    struct RowGeometry {
        ImVec2 row;  // the middle of the document's name
        std::optional<ImVec2> open;
        std::optional<ImVec2> adjudicate;
    };
    std::optional<RowGeometry> geometryOf(const std::string& stem) const;
    bool wantsAnotherFrame() const { return m_framesToSettle > 0; }

private:
    Project m_project;
    bool m_anyOrigin = false;  // some article has a title or source (two-line rows)
    std::string m_reviewerName;
    std::string m_filter;
    std::string m_message;
    std::string m_selectedStem;
    std::optional<ProjectRequest> m_request;

    std::vector<std::size_t> m_rows;  // cached: rebuilt when m_rowsDirty
    bool m_rowsDirty = true;
    int m_sortColumn = 0;  // as in the table: 0 document, 1 article, 2.. reviewers, then gold
    bool m_sortDescending = false;
    std::vector<std::size_t> m_reviewerColumns;  // indices into project().reviewers, not gold
    std::optional<std::size_t> m_goldColumn;     // index into project().reviewers

    bool m_focusFilter = false;
    bool m_filterActive = false;
    bool m_scrollToSelected = false;
    int m_framesToSettle = 0;
    struct DrawnRow {
        std::size_t document;
        RowGeometry geometry;
    };
    std::vector<DrawnRow> m_drawnRows;  // this frame's visible rows

    void rebuildColumns();
    void rebuildRows();
    void handleKeys();
    void moveSelection(long delta);
    void request(ProjectRequest::Kind kind);
    void drawHeader();
    void drawTable(float height);
    void drawReviewerCell(const ReviewerSet& reviewer);
    void drawGoldCell(const ReviewerSet& gold);
    void drawProblems(float height);
};

}  // namespace claimmark::app
