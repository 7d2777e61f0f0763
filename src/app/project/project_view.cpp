// project_view.cpp — the project page (project_view.h).
//
// [SECTION] Model     columns, filtered and sorted rows (cached, rebuilt on change only)
// [SECTION] Keys
// [SECTION] Frame     header (you, filter, buttons), table, problems, hint line
#include "app/project/project_view.h"

#include <imgui_stdlib.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>  // key codes only: the GLFW backend fills io.KeysDown[] with them

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace claimmark::app {

namespace {

// Some article has a title or source from its source record (made by intake).
bool hasArticleOrigins(const Project& project) {
    for (const ProjectDocument& document : project.documents)
        if (!document.title.empty() || !document.source.empty()) return true;
    return false;
}


const ImVec4 kDoneColour(0.16f, 0.50f, 0.22f, 1.0f);
const ImVec4 kProgressColour(0.72f, 0.42f, 0.0f, 1.0f);
const ImVec4 kProblemColour(0.70f, 0.15f, 0.10f, 1.0f);

bool containsIgnoringCase(const std::string& text, const std::string& needle) {
    if (needle.empty()) return true;
    auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
    return std::search(text.begin(), text.end(), needle.begin(), needle.end(),
                       [&](char a, char b) { return lower(a) == lower(b); }) != text.end();
}

int statusRank(ReviewStatus status) {
    switch (status) {
        case ReviewStatus::NotStarted: return 0;
        case ReviewStatus::InProgress: return 1;
        case ReviewStatus::Done: return 2;
    }
    return 0;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] Model
// ---------------------------------------------------------------------------------------

void ProjectView::setProject(Project project) {
    m_project = std::move(project);
    m_anyOrigin = hasArticleOrigins(m_project);
    rebuildColumns();
    m_rowsDirty = true;
    m_framesToSettle = 2;
}

void ProjectView::rebuildColumns() {
    m_reviewerColumns.clear();
    m_goldColumn.reset();
    for (std::size_t i = 0; i < m_project.reviewers.size(); ++i) {
        if (m_project.reviewers[i] == kGoldAnnotator) m_goldColumn = i;
        else m_reviewerColumns.push_back(i);
    }
}

void ProjectView::setFilter(std::string filter) {
    m_filter = std::move(filter);
    m_rowsDirty = true;
}

void ProjectView::select(const std::string& stem) {
    m_selectedStem = stem;
    m_scrollToSelected = true;
}

std::vector<const ReviewerSet*> ProjectView::reviewerSetsOf(const ProjectDocument& document) {
    std::vector<const ReviewerSet*> sets;
    for (const ReviewerSet& reviewer : document.reviewers)
        if (reviewer.status != ReviewStatus::NotStarted && reviewer.annotator != kGoldAnnotator)
            sets.push_back(&reviewer);
    return sets;
}

const std::vector<std::size_t>& ProjectView::visibleRows() {
    if (m_rowsDirty) rebuildRows();
    return m_rows;
}

void ProjectView::rebuildRows() {
    m_rowsDirty = false;
    m_rows.clear();
    const auto& documents = m_project.documents;
    for (std::size_t i = 0; i < documents.size(); ++i)
        if (containsIgnoringCase(documents[i].stem, m_filter) || containsIgnoringCase(documents[i].title, m_filter))
            m_rows.push_back(i);

    // Column -> comparison; ties fall back to the name, so the order is always the same.
    const int reviewerColumn = m_sortColumn - 2;
    auto less = [&](std::size_t a, std::size_t b) {
        const ProjectDocument& x = documents[a];
        const ProjectDocument& y = documents[b];
        if (m_sortColumn == 1 && x.articlePath.empty() != y.articlePath.empty())
            return x.articlePath.empty();  // missing articles first: they need attention
        if (reviewerColumn >= 0 && reviewerColumn < int(m_reviewerColumns.size())) {
            const ReviewerSet& rx = x.reviewers[m_reviewerColumns[std::size_t(reviewerColumn)]];
            const ReviewerSet& ry = y.reviewers[m_reviewerColumns[std::size_t(reviewerColumn)]];
            if (statusRank(rx.status) != statusRank(ry.status)) return statusRank(rx.status) < statusRank(ry.status);
            if (rx.annotationCount != ry.annotationCount) return rx.annotationCount < ry.annotationCount;
        } else if (reviewerColumn == int(m_reviewerColumns.size()) && m_goldColumn) {
            const ReviewerSet& gx = x.reviewers[*m_goldColumn];
            const ReviewerSet& gy = y.reviewers[*m_goldColumn];
            if (gx.disputedCount != gy.disputedCount) return gx.disputedCount < gy.disputedCount;
            if (statusRank(gx.status) != statusRank(gy.status)) return statusRank(gx.status) < statusRank(gy.status);
        }
        return x.stem < y.stem;
    };
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [&](std::size_t a, std::size_t b) { return m_sortDescending ? less(b, a) : less(a, b); });

    // Keep a selection that the filter hides out of the way of Enter.
    const bool selectionVisible =
        std::any_of(m_rows.begin(), m_rows.end(), [&](std::size_t i) { return documents[i].stem == m_selectedStem; });
    if (!selectionVisible) {
        m_selectedStem = m_rows.empty() ? std::string() : documents[m_rows.front()].stem;
        m_scrollToSelected = true;
    }
}

std::optional<ProjectRequest> ProjectView::takeRequest() {
    std::optional<ProjectRequest> out = std::move(m_request);
    m_request.reset();
    return out;
}

void ProjectView::request(ProjectRequest::Kind kind) {
    if (kind != ProjectRequest::Kind::Rescan && m_selectedStem.empty()) {
        m_message = "Select a document first.";
        return;
    }
    m_request = ProjectRequest{kind, kind == ProjectRequest::Kind::Rescan ? std::string() : m_selectedStem};
}

std::optional<ProjectView::RowGeometry> ProjectView::geometryOf(const std::string& stem) const {
    for (const DrawnRow& row : m_drawnRows)
        if (m_project.documents[row.document].stem == stem) return row.geometry;
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Keys
// ---------------------------------------------------------------------------------------

void ProjectView::moveSelection(long delta) {
    const std::vector<std::size_t>& rows = visibleRows();
    if (rows.empty()) return;
    long position = -1;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (m_project.documents[rows[i]].stem == m_selectedStem) position = long(i);
    const long last = long(rows.size()) - 1;
    position = position < 0 ? (delta > 0 ? 0 : last) : std::clamp(position + delta, 0L, last);
    select(m_project.documents[rows[std::size_t(position)]].stem);
}

void ProjectView::handleKeys() {
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_F, false)) m_focusFilter = true;
    if (ImGui::IsKeyPressed(GLFW_KEY_F5, false) || (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_R, false)))
        request(ProjectRequest::Kind::Rescan);
    // The reviewer-name field keeps its keys; the filter box lets the list keys through.
    if (io.WantTextInput && !m_filterActive) return;

    auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); };
    if (pressed(ImGuiKey_DownArrow)) moveSelection(1);
    if (pressed(ImGuiKey_UpArrow)) moveSelection(-1);
    if (pressed(ImGuiKey_PageDown)) moveSelection(10);
    if (pressed(ImGuiKey_PageUp)) moveSelection(-10);
    if (!m_filterActive) {  // in the filter box they move the caret
        if (pressed(ImGuiKey_Home)) moveSelection(-1L << 30);
        if (pressed(ImGuiKey_End)) moveSelection(1L << 30);
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false))
        request(io.KeyCtrl ? ProjectRequest::Kind::Adjudicate : ProjectRequest::Kind::Open);
}

// ---------------------------------------------------------------------------------------
// [SECTION] Frame
// ---------------------------------------------------------------------------------------

void ProjectView::drawContent() {
    if (m_framesToSettle > 0) --m_framesToSettle;
    handleKeys();
    if (m_rowsDirty) rebuildRows();
    drawHeader();

    const ImGuiStyle& style = ImGui::GetStyle();
    const float lineHeight = ImGui::GetFrameHeightWithSpacing();
    const float hintHeight = ImGui::GetFrameHeight() + style.ItemSpacing.y;
    float problemsHeight = 0;
    if (!m_project.problems.empty()) {
        const float lines = float(std::min<std::size_t>(m_project.problems.size(), 6));
        problemsHeight = lineHeight + lines * ImGui::GetTextLineHeightWithSpacing() + style.WindowPadding.y * 2 +
                         style.ItemSpacing.y;
    }
    const float tableHeight = std::max(lineHeight * 3, ImGui::GetContentRegionAvail().y - problemsHeight - hintHeight);
    drawTable(tableHeight);
    if (problemsHeight > 0) drawProblems(problemsHeight - style.ItemSpacing.y);

    ImGui::Separator();
    ImGui::AlignTextToFramePadding();
    if (!m_message.empty()) {
        ImGui::TextColored(kProblemColour, "%s", m_message.c_str());
        ImGui::SameLine();
    }
    ImGui::TextDisabled(
        "Enter open  \xC2\xB7  Ctrl+Enter adjudicate  \xC2\xB7  Ctrl+F filter  \xC2\xB7  "
        "F5 rescan  \xC2\xB7  Ctrl+Q quit");
}

void ProjectView::drawHeader() {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Project");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", m_project.root.string().c_str());
    ImGui::SameLine();
    std::size_t mine[3] = {0, 0, 0};
    const auto me = std::find(m_project.reviewers.begin(), m_project.reviewers.end(), m_reviewerName);
    for (const ProjectDocument& document : m_project.documents) {
        if (document.articlePath.empty()) continue;
        const ReviewStatus status = me == m_project.reviewers.end()
                                        ? ReviewStatus::NotStarted
                                        : document.reviewers[std::size_t(me - m_project.reviewers.begin())].status;
        ++mine[statusRank(status)];
    }
    ImGui::TextDisabled(
        "\xC2\xB7  %zu document%s, %zu reviewer%s  \xC2\xB7  you: %zu done, %zu in progress, %zu not started",
        m_project.documents.size(), m_project.documents.size() == 1 ? "" : "s", m_reviewerColumns.size(),
        m_reviewerColumns.size() == 1 ? "" : "s", mine[2], mine[1], mine[0]);

    const float em = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("You are");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 9);
    ImGui::InputTextWithHint("##you", "your name", &m_reviewerName, ImGuiInputTextFlags_CharsNoBlank);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Opening a document edits annotations/<document>/%s.json", m_reviewerName.c_str());

    ImGui::SameLine(0, em * 1.5f);
    if (m_focusFilter) {
        ImGui::SetKeyboardFocusHere();
        m_focusFilter = false;
    }
    ImGui::SetNextItemWidth(em * 14);
    const bool enter = ImGui::InputTextWithHint("##filter", "filter documents (Ctrl+F)", &m_filter,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    m_filterActive = ImGui::IsItemActive();
    if (ImGui::IsItemEdited()) m_rowsDirty = true;
    if (enter) request(ImGui::GetIO().KeyCtrl ? ProjectRequest::Kind::Adjudicate : ProjectRequest::Kind::Open);

    const ProjectDocument* selected = nullptr;
    for (const ProjectDocument& document : m_project.documents)
        if (document.stem == m_selectedStem) selected = &document;
    ImGui::SameLine(0, em * 1.5f);
    ImGui::BeginDisabled(!selected || selected->articlePath.empty() || m_reviewerName.empty());
    if (ImGui::Button("Open")) request(ProjectRequest::Kind::Open);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && selected)
        ImGui::SetTooltip("Annotate %s as %s (Enter)", selected->stem.c_str(), m_reviewerName.c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(!selected || selected->articlePath.empty() || reviewerSetsOf(*selected).size() < 2);
    if (ImGui::Button("Adjudicate")) request(ProjectRequest::Kind::Adjudicate);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip(
            "Settle the reviewers' differences into annotations/<document>/gold.json "
            "(needs two reviewers' sets) (Ctrl+Enter)");
    ImGui::SameLine();
    if (ImGui::Button("Rescan")) request(ProjectRequest::Kind::Rescan);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Read the folder again, e.g. after a git pull (F5)");
}

void ProjectView::drawReviewerCell(const ReviewerSet& reviewer) {
    switch (reviewer.status) {
        case ReviewStatus::NotStarted: ImGui::TextDisabled("not started"); return;
        case ReviewStatus::InProgress: ImGui::TextColored(kProgressColour, "in progress"); break;
        case ReviewStatus::Done: ImGui::TextColored(kDoneColour, "done"); break;
    }
    ImGui::SameLine();
    ImGui::Text("%zu", reviewer.annotationCount);
    if (reviewer.orphanedCount > 0) {
        ImGui::SameLine();
        ImGui::TextColored(kProblemColour, "(%zu orphaned)", reviewer.orphanedCount);
    }
}

void ProjectView::drawGoldCell(const ReviewerSet& gold) {
    if (gold.status == ReviewStatus::NotStarted) {
        ImGui::TextDisabled("\xE2\x80\x94");
        return;
    }
    if (gold.disputedCount > 0)
        ImGui::TextColored(kProgressColour, "%zu dispute%s left", gold.disputedCount,
                           gold.disputedCount == 1 ? "" : "s");
    else ImGui::TextColored(kDoneColour, gold.status == ReviewStatus::Done ? "settled, done" : "settled");
    ImGui::SameLine();
    ImGui::TextDisabled("of %zu", gold.annotationCount);
}

void ProjectView::drawTable(float height) {
    m_drawnRows.clear();
    const int columns = 2 + int(m_reviewerColumns.size()) + (m_goldColumn ? 1 : 0) + 1;
    if (columns > 64) {  // Dear ImGui's limit; a project this wide needs the CLI (agree DIR)
        ImGui::TextColored(kProblemColour, "Too many reviewers to show (%zu).", m_project.reviewers.size());
        return;
    }
    // Columns share the width (names and paths get more); the buttons keep theirs.
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_Sortable | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##documents", columns, flags, ImVec2(0, height))) return;
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Document", ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_NoHide, 3.0f);
    ImGui::TableSetupColumn("Article", 0, m_anyOrigin ? 5.0f : 3.0f);
    for (std::size_t column : m_reviewerColumns) {
        const std::string& name = m_project.reviewers[column];
        char header[96];
        std::snprintf(header, sizeof header, name == m_reviewerName ? "%s (you)" : "%s", name.c_str());
        ImGui::TableSetupColumn(header, 0, 2.0f);
    }
    if (m_goldColumn) ImGui::TableSetupColumn("Gold", 0, 2.0f);
    ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthFixed, em * 10.5f);
    ImGui::TableHeadersRow();

    if (ImGuiTableSortSpecs* sort = ImGui::TableGetSortSpecs(); sort && sort->SpecsDirty) {
        if (sort->SpecsCount > 0) {
            m_sortColumn = sort->Specs[0].ColumnIndex;
            m_sortDescending = sort->Specs[0].SortDirection == ImGuiSortDirection_Descending;
        }
        sort->SpecsDirty = false;
        m_rowsDirty = true;
    }
    const std::vector<std::size_t>& rows = visibleRows();

    if (rows.empty()) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextDisabled(m_project.documents.empty()
                                ? "No articles here: put *.txt files in the folder or in samples/."
                                : "No document matches the filter.");
    }

    // Articles made by intake show their source on a second line: then every row has two.
    const float rowHeight = ImGui::GetFrameHeight() + (m_anyOrigin ? ImGui::GetTextLineHeightWithSpacing() : 0.0f);
    std::optional<std::size_t> selectedPosition;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (m_project.documents[rows[i]].stem == m_selectedStem) selectedPosition = i;

    ImGuiListClipper clipper;
    clipper.Begin(int(rows.size()));
    while (clipper.Step()) {
        for (int position = clipper.DisplayStart; position < clipper.DisplayEnd; ++position) {
            const std::size_t index = rows[std::size_t(position)];
            const ProjectDocument& document = m_project.documents[index];
            ImGui::TableNextRow(0, rowHeight);
            ImGui::PushID(int(index));
            DrawnRow drawn{index, {}};

            ImGui::TableSetColumnIndex(0);
            ImGui::AlignTextToFramePadding();
            const bool selected = document.stem == m_selectedStem;
            if (ImGui::Selectable(document.stem.c_str(), selected,
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick |
                                      ImGuiSelectableFlags_AllowItemOverlap,
                                  ImVec2(0, rowHeight - 2 * ImGui::GetStyle().CellPadding.y))) {
                m_selectedStem = document.stem;
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) request(ProjectRequest::Kind::Open);
            }
            const ImVec2 min = ImGui::GetItemRectMin();
            drawn.geometry.row = ImVec2(min.x + em, (min.y + ImGui::GetItemRectMax().y) * 0.5f);

            ImGui::TableSetColumnIndex(1);
            if (document.articlePath.empty()) {
                ImGui::TextColored(kProblemColour, "missing");
            } else {
                // Relative to the project, like everything the team shares.
                std::string shown = document.articlePath.lexically_relative(m_project.root).generic_string();
                if (shown.empty()) shown = document.articlePath.filename().string();
                // An article made by intake: its title, and where it came from.
                if (!document.title.empty()) ImGui::TextUnformatted(document.title.c_str());
                else ImGui::TextDisabled("%s", shown.c_str());
                if (!document.source.empty()) ImGui::TextDisabled("from %s", document.source.c_str());
                if (ImGui::IsItemHovered() && (!document.title.empty() || !document.source.empty()))
                    ImGui::SetTooltip("%s%s%s%s%s", shown.c_str(), document.title.empty() ? "" : "\n",
                                      document.title.c_str(), document.source.empty() ? "" : "\nfrom ",
                                      document.source.c_str());
            }

            int column = 2;
            for (std::size_t reviewer : m_reviewerColumns) {
                ImGui::TableSetColumnIndex(column++);
                drawReviewerCell(document.reviewers[reviewer]);
            }
            if (m_goldColumn) {
                ImGui::TableSetColumnIndex(column++);
                drawGoldCell(document.reviewers[*m_goldColumn]);
            }

            ImGui::TableSetColumnIndex(column);
            if (!document.articlePath.empty()) {
                if (ImGui::SmallButton("Open")) {
                    m_selectedStem = document.stem;
                    request(ProjectRequest::Kind::Open);
                }
                drawn.geometry.open = ImVec2((ImGui::GetItemRectMin().x + ImGui::GetItemRectMax().x) * 0.5f,
                                             (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) * 0.5f);
                if (reviewerSetsOf(document).size() >= 2) {
                    ImGui::SameLine();
                    if (ImGui::SmallButton("Adjudicate")) {
                        m_selectedStem = document.stem;
                        request(ProjectRequest::Kind::Adjudicate);
                    }
                    drawn.geometry.adjudicate = ImVec2((ImGui::GetItemRectMin().x + ImGui::GetItemRectMax().x) * 0.5f,
                                                       (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) * 0.5f);
                }
            }
            m_drawnRows.push_back(drawn);
            ImGui::PopID();
        }
    }

    // Keep the selected row in view after keyboard moves; rows have one fixed height, so its
    // place is known without drawing it.
    if (m_scrollToSelected && selectedPosition) {
        const float itemHeight = clipper.ItemsHeight > 0 ? clipper.ItemsHeight : rowHeight;
        const float headerHeight = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2;
        const float top = float(*selectedPosition) * itemHeight;
        const float visible = ImGui::GetWindowHeight() - headerHeight - ImGui::GetStyle().ScrollbarSize;
        const float scroll = ImGui::GetScrollY();
        if (top < scroll) ImGui::SetScrollY(top);
        else if (top + itemHeight > scroll + visible) ImGui::SetScrollY(top + itemHeight - visible);
    }
    m_scrollToSelected = false;
    ImGui::EndTable();
}

void ProjectView::drawProblems(float height) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.99f, 0.94f, 0.80f, 1.0f));
    ImGui::BeginChild("##problems", ImVec2(0, height), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(40, 36, 30, 255));
    ImGui::Text("%zu problem%s found in the folder (these files are left out or counted as empty):",
                m_project.problems.size(), m_project.problems.size() == 1 ? "" : "s");
    ImGuiListClipper clipper;
    clipper.Begin(int(m_project.problems.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Diagnostic& problem = m_project.problems[std::size_t(i)];
            ImGui::Bullet();
            // Paths relative to the project: shorter, and what a teammate would type.
            std::string file = std::filesystem::path(problem.file).lexically_relative(m_project.root).generic_string();
            if (file.empty() || file.rfind("..", 0) == 0) file = problem.file;
            ImGui::Text("%s%s%s%s %s", file.c_str(), problem.location.empty() ? "" : ": ", problem.location.c_str(),
                        file.empty() && problem.location.empty() ? "" : ":", problem.message.c_str());
        }
    ImGui::PopStyleColor();
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

}  // namespace claimmark::app
