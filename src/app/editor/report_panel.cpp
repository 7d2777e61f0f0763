// report_panel.cpp — the Report tab (report_panel.h).
//
// [SECTION] Looks     the flags' badges: short name and colour
// [SECTION] Rows      the filter and the cached rows
// [SECTION] Header    summary, flag filter, the HTML button
// [SECTION] List      two lines per claim through ImGuiListClipper
#include "app/editor/report_panel.h"

#include "app/editor/text_view_look.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace claimmark::app {

namespace {

// ---------------------------------------------------------------------------------------
// [SECTION] Looks
// ---------------------------------------------------------------------------------------

struct FlagLook {
    const char* name;   // claim_report.h's kFlag*
    const char* badge;  // what the badge says
    const char* menu;   // the filter's entry
    ImU32 colour;
};

// Worst first, as claim_flags.cpp weighs them.
constexpr FlagLook kFlagLooks[] = {
    {kFlagContradicted, "contradicted", "contradicted", IM_COL32(190, 46, 46, 255)},
    {kFlagStrengthExceedsEvidence, "exceeds evidence", "strength exceeds evidence", IM_COL32(206, 102, 0, 255)},
    {kFlagHedgeDropped, "hedge dropped", "hedge dropped", IM_COL32(132, 72, 176, 255)},
    {kFlagNoEvidence, "no evidence", "no evidence", IM_COL32(140, 110, 24, 255)},
    {kFlagReviewersDisagree, "disagree", "reviewers disagree", IM_COL32(18, 124, 134, 255)},
    {kFlagUncitedSupport, "uncited", "uncited support", IM_COL32(84, 104, 134, 255)},
};
constexpr std::size_t kFlagKinds = sizeof kFlagLooks / sizeof kFlagLooks[0];
static_assert(kFlagKinds <= 8, "ReportPanel::m_flagCounts holds 8");

const FlagLook* lookOf(std::string_view name) {
    for (const FlagLook& look : kFlagLooks)
        if (name == look.name) return &look;
    return nullptr;
}

constexpr ImU32 kUnknownFlagColour = IM_COL32(110, 110, 110, 255);
constexpr const char* kEllipsis = "…";

bool passes(const ClaimReport& claim, const std::string& flag) {
    if (flag.empty()) return true;
    if (flag == ReportPanel::kAnyFlag) return !claim.flags.empty();
    return claim.hasFlag(flag);
}

// The first line of `text`.
std::string_view firstLine(std::string_view text) { return text.substr(0, text.find_first_of("\r\n")); }

// Draws `text` at `pos`, cut with "…" where it would pass `right`. Allocates nothing.
void drawCut(ImDrawList* drawList, ImFont* font, float size, ImVec2 pos, ImU32 colour, std::string_view text,
             float right) {
    const char* begin = text.data();
    const char* end = begin + text.size();
    const float room = right - pos.x;
    if (room <= 0) return;
    if (font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, end).x <= room) {
        drawList->AddText(font, size, pos, colour, begin, end);
        return;
    }
    const float ellipsis = font->CalcTextSizeA(size, FLT_MAX, 0.0f, kEllipsis).x;
    const char* cut = end;
    font->CalcTextSizeA(size, std::max(0.0f, room - ellipsis), 0.0f, begin, end, &cut);
    while (cut > begin && cut[-1] == ' ') --cut;  // no "word …"
    const float width = font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, cut).x;
    drawList->AddText(font, size, pos, colour, begin, cut);
    drawList->AddText(font, size, ImVec2(pos.x + width, pos.y), colour, kEllipsis);
}

// "clinical-trial" -> "clinical trial" into `out` (the hierarchy's words, without allocating).
void typeWords(const std::string& type, char* out, std::size_t size) {
    std::snprintf(out, size, "%s", type.c_str());
    for (char* p = out; *p; ++p)
        if (*p == '-' || *p == '_') *p = ' ';
}

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] Rows
// ---------------------------------------------------------------------------------------

void ReportPanel::filterFlag(const std::string& flag) {
    m_flag = flag;
    ++m_generation;
}

const std::vector<std::size_t>& ReportPanel::rows() {
    const DocumentReport& report = m_state.claimReport();  // recomputed only on a new revision
    const std::uint64_t computation = m_state.claimReportComputations();
    if (m_rowsComputation == computation && m_rowsGeneration == m_generation) return m_rows;
    m_rowsComputation = computation;
    m_rowsGeneration = m_generation;
    m_rows.clear();
    std::fill(std::begin(m_flagCounts), std::end(m_flagCounts), 0);
    m_suggested = 0;
    for (std::size_t i = 0; i < report.claims.size(); ++i) {
        const ClaimReport& claim = report.claims[i];
        if (claim.suggested) ++m_suggested;
        for (const ClaimFlag& flag : claim.flags)
            if (const FlagLook* look = lookOf(flag.name)) ++m_flagCounts[look - kFlagLooks];
        if (passes(claim, m_flag)) m_rows.push_back(i);
    }
    m_scrollToSelected = true;
    return m_rows;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Header
// ---------------------------------------------------------------------------------------

void ReportPanel::drawContent(float height) {
    m_rects.clear();
    const float top = ImGui::GetCursorPosY();
    drawHeader();
    drawRows(std::max(ImGui::GetFrameHeight() * 2, height - (ImGui::GetCursorPosY() - top)));
}

void ReportPanel::drawHeader() {
    const std::vector<std::size_t>& shown = rows();
    const ReportSummary& summary = m_state.claimReport().summary;

    char line[192];
    std::snprintf(line, sizeof line, "%zu claim%s · %zu flagged · %.1f hedges per 1,000 words", summary.claims,
                  summary.claims == 1 ? "" : "s", summary.flaggedClaims, summary.hedgesPer1000Words);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(line);
    ImGui::PopTextWrapPos();
    m_rects.remember("report-summary");
    if (m_state.claimReportPending()) {
        ImGui::TextDisabled("updating after the last edit…");
        m_rects.remember("report-updating");
    }
    bool hovered = ImGui::IsItemHovered();
    if (m_suggested > 0) {
        ImGui::TextColored(kSuggestionInk, "%zu of them pending suggestions (dimmed)", m_suggested);
        hovered = hovered || ImGui::IsItemHovered();
    }
    if (hovered) {
        ImGui::BeginTooltip();
        ImGui::Text("%zu words in the article", summary.words);
        if (summary.unlinkedEvidence > 0)
            ImGui::TextDisabled("%zu evidence annotation%s linked to no claim", summary.unlinkedEvidence,
                                summary.unlinkedEvidence == 1 ? "" : "s");
        if (summary.orphansLeftOut > 0)
            ImGui::TextDisabled("%zu orphaned annotation%s left out", summary.orphansLeftOut,
                                summary.orphansLeftOut == 1 ? "" : "s");
        if (m_suggested > 0) ImGui::TextColored(kSuggestionInk, "pending suggestions are included, dimmed");
        ImGui::EndTooltip();
    }

    // The flag filter, with counts; then the HTML button.
    const char* writeText = "HTML report";
    const float buttonWidth = ImGui::CalcTextSize(writeText).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 6,
                                     ImGui::GetContentRegionAvail().x - buttonWidth - ImGui::GetStyle().ItemSpacing.x));
    char preview[96];
    if (m_flag.empty()) std::snprintf(preview, sizeof preview, "every claim (%zu)", summary.claims);
    else if (m_flag == kAnyFlag) std::snprintf(preview, sizeof preview, "flagged (%zu)", summary.flaggedClaims);
    else if (const FlagLook* look = lookOf(m_flag))
        std::snprintf(preview, sizeof preview, "%s (%zu)", look->menu, shown.size());
    else std::snprintf(preview, sizeof preview, "%s (%zu)", m_flag.c_str(), shown.size());
    if (ImGui::BeginCombo("##flag-filter", preview)) {
        char item[96];
        std::snprintf(item, sizeof item, "every claim (%zu)", summary.claims);
        if (ImGui::Selectable(item, m_flag.empty())) filterFlag("");
        std::snprintf(item, sizeof item, "flagged (%zu)", summary.flaggedClaims);
        if (ImGui::Selectable(item, m_flag == kAnyFlag)) filterFlag(kAnyFlag);
        ImGui::Separator();
        for (std::size_t i = 0; i < kFlagKinds; ++i) {
            const FlagLook& look = kFlagLooks[i];
            ImGui::PushID(look.name);
            labelChip(look.colour);
            ImGui::SameLine();
            std::snprintf(item, sizeof item, "%s (%zu)", look.menu, m_flagCounts[i]);
            if (ImGui::Selectable(item, m_flag == look.name)) filterFlag(look.name);
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    m_rects.remember("report-filter");
    ImGui::SameLine();
    if (ImGui::Button(writeText)) m_state.writeReportHtml();
    m_rects.remember("report-write-html");
    if (ImGui::IsItemHovered()) {
        const std::string target = m_state.reportHtmlPath().string();  // only while hovered
        ImGui::SetTooltip("Write the report as an HTML page to %s (Ctrl+R)",
                          target.empty() ? "(nowhere: no file yet)" : target.c_str());
    }
    ImGui::Spacing();
}

// ---------------------------------------------------------------------------------------
// [SECTION] List
// ---------------------------------------------------------------------------------------

void ReportPanel::drawRows(float height) {
    const std::vector<std::size_t>& order = rows();
    const DocumentReport& report = m_state.claimReport();
    if (m_state.selectedAnnotation != m_lastSelected) {
        m_lastSelected = m_state.selectedAnnotation;
        m_scrollToSelected = true;
    }
    ImGui::BeginChild("##report-rows", ImVec2(0, height), false);
    if (order.empty()) {
        ImGui::PushTextWrapPos(0);
        if (report.claims.empty())
            ImGui::TextDisabled(
                "No claims yet. Mark a claim (1), then link its hedges, caveats and evidence to it "
                "(L): each claim gets a row here with its support and its flags.");
        else ImGui::TextDisabled("No claim has this flag.");
        ImGui::PopTextWrapPos();
        ImGui::EndChild();
        return;
    }

    const ImGuiStyle& style = ImGui::GetStyle();
    const float lineHeight = ImGui::GetTextLineHeight();
    const float rowHeight = lineHeight * 2 + style.ItemSpacing.y * 2;
    if (m_scrollToSelected) {
        m_scrollToSelected = false;
        for (std::size_t i = 0; i < order.size() && !m_state.selectedAnnotation.empty(); ++i) {
            if (report.claims[order[i]].id != m_state.selectedAnnotation) continue;
            const float y = float(i) * rowHeight;
            const float top = ImGui::GetScrollY(), bottom = top + ImGui::GetWindowHeight();
            // Into the upper part of the view, on a row boundary (no half row on top).
            const float above = std::floor(ImGui::GetWindowHeight() * 0.4f / rowHeight) * rowHeight;
            if (y < top || y + rowHeight > bottom) ImGui::SetScrollY(std::max(0.0f, y - above));
            break;
        }
    }

    ImDrawList* drawList = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const float fontSize = ImGui::GetFontSize();
    const float badgeSize = std::round(fontSize * 0.8f);
    const ImU32 textColour = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 dimColour = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 suggestionColour = ImGui::GetColorU32(kSuggestionInk);
    const LabelStyle& claimStyle = m_state.labelStyles().of("claim");

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(order.size()), rowHeight);
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const ClaimReport& claim = report.claims[order[static_cast<std::size_t>(row)]];
            const bool selected = claim.id == m_state.selectedAnnotation;
            ImGui::PushID(row);
            const float left = ImGui::GetCursorScreenPos().x;
            if (ImGui::Selectable("##claim", selected, 0, ImVec2(0, rowHeight - style.ItemSpacing.y))) {
                m_state.selectedAnnotation = claim.id;
                m_state.selection = TextSelection{};
                if (const Annotation* a = m_state.set().findAnnotation(claim.id); a && !a->orphaned)
                    m_state.scrollTarget = a->start();
            }
            const bool rowHovered = ImGui::IsItemHovered();
            char probe[128];
            std::snprintf(probe, sizeof probe, "claim:%s", claim.id.c_str());
            m_rects.remember(probe);
            const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
            const float right = max.x - 4;
            const float line1 = min.y + (max.y - min.y - 2 * lineHeight) * 0.5f;
            const float line2 = line1 + lineHeight;

            // The strength, in a box in the claim colour (hollow for a suggestion).
            const float box = std::round(fontSize * 1.5f);
            const ImVec2 boxMin(left + 2, line1 + 2), boxMax(left + 2 + box, line2 + lineHeight - 2);
            if (claim.suggested) {  // hollow, in the suggestion colour, as the list's chip
                drawList->AddRectFilled(boxMin, boxMax, claimStyle.pendingFill, 3.0f);
                drawList->AddRect(boxMin, boxMax, suggestionColour, 3.0f, 0, 1.5f);
            } else {
                drawList->AddRectFilled(boxMin, boxMax, claimStyle.fill, 3.0f);
            }
            char strength[24];
            if (claim.strength) std::snprintf(strength, sizeof strength, "%" PRId64, *claim.strength);
            else std::snprintf(strength, sizeof strength, "–");
            const ImVec2 strengthSize = font->CalcTextSizeA(fontSize, FLT_MAX, 0.0f, strength);
            drawList->AddText(font, fontSize,
                              ImVec2(std::round((boxMin.x + boxMax.x - strengthSize.x) * 0.5f),
                                     std::round((boxMin.y + boxMax.y - strengthSize.y) * 0.5f)),
                              claim.strength && !claim.suggested ? textColour : dimColour, strength);

            // Line 1: the claim, cut to the row.
            const float textX = boxMax.x + fontSize * 0.5f;
            drawCut(drawList, font, fontSize, ImVec2(textX, line1), claim.suggested ? dimColour : textColour,
                    firstLine(claim.text), right);

            // Line 2: the best support ("clinical trial +2": two more pieces), then the flags.
            // Without support the no-evidence badge says so.
            float x = textX;
            char support[96] = "";
            if (!claim.evidence.empty()) {
                char words[64];
                if (claim.support == "unspecified") std::snprintf(words, sizeof words, "untyped evidence");
                else typeWords(claim.support, words, sizeof words);
                if (claim.evidence.size() == 1) std::snprintf(support, sizeof support, "%s", words);
                else std::snprintf(support, sizeof support, "%s +%zu", words, claim.evidence.size() - 1);
            } else if (!claim.hasFlag(kFlagNoEvidence)) {
                std::snprintf(support, sizeof support, "no support");
            }
            if (support[0]) {
                drawCut(drawList, font, fontSize, ImVec2(x, line2), dimColour, support, right);
                x += font->CalcTextSizeA(fontSize, FLT_MAX, 0.0f, support).x + fontSize * 0.6f;
            }

            bool badgeHovered = false;
            const float padX = std::round(badgeSize * 0.4f);
            const float badgeTop = line2 + (lineHeight - badgeSize) * 0.5f - 1;
            for (std::size_t f = 0; f < claim.flags.size(); ++f) {
                const ClaimFlag& flag = claim.flags[f];
                const FlagLook* look = lookOf(flag.name);
                const char* text = look ? look->badge : flag.name.c_str();
                const float width = font->CalcTextSizeA(badgeSize, FLT_MAX, 0.0f, text).x + padX * 2;
                if (x + width > right) {  // no room: "+N" says how many more
                    char more[16];
                    std::snprintf(more, sizeof more, "+%zu", claim.flags.size() - f);
                    drawList->AddText(font, fontSize, ImVec2(x, line2), dimColour, more);
                    break;
                }
                const ImVec2 bMin(x, badgeTop), bMax(x + width, badgeTop + badgeSize + 3);
                drawList->AddRectFilled(bMin, bMax, look ? look->colour : kUnknownFlagColour, badgeSize * 0.35f);
                drawList->AddText(font, badgeSize, ImVec2(bMin.x + padX, bMin.y + 1.5f), IM_COL32_WHITE, text);
                std::snprintf(probe, sizeof probe, "flag:%s:%s", claim.id.c_str(), flag.name.c_str());
                m_rects.remember(probe, bMin, bMax);
                if (rowHovered && ImGui::IsMouseHoveringRect(bMin, bMax)) {
                    badgeHovered = true;
                    ImGui::BeginTooltip();
                    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
                    ImGui::TextColored(ImColor(look ? look->colour : kUnknownFlagColour), "%s",
                                       look ? look->menu : flag.name.c_str());
                    ImGui::TextUnformatted(flag.reason.c_str());
                    ImGui::PopTextWrapPos();
                    ImGui::EndTooltip();
                }
                x += width + 4;
            }

            if (rowHovered && !badgeHovered) {
                // oneLine() once per hovered row and report: hovering allocates nothing.
                if (m_tooltipFor != claim.id || m_tooltipComputation != m_state.claimReportComputations()) {
                    m_tooltipFor = claim.id;
                    m_tooltipComputation = m_state.claimReportComputations();
                    m_tooltipLine = claim.oneLine();
                }
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
                ImGui::TextDisabled("claim %s · line %zu%s", claim.id.c_str(), claim.place.line,
                                    claim.suggested ? " · pending suggestion" : "");
                ImGui::TextUnformatted(claim.text.c_str());
                ImGui::Spacing();
                ImGui::TextUnformatted(m_tooltipLine.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

}  // namespace claimmark::app
