// adjudication_panel.cpp — the side panel of the adjudication view (adjudication_panel.h).
//
// [SECTION] Frame
// [SECTION] Count and navigation
// [SECTION] The current disagreement
// [SECTION] The list
#include "app/adjudication/adjudication_panel.h"

#include "app/common/label_style.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace claimmark::app {

namespace {

const ImVec4 kOpenColour(0.78f, 0.16f, 0.16f, 1.0f);
const ImVec4 kDoneColour(0.16f, 0.50f, 0.22f, 1.0f);

std::string excerpt(const std::string& text, std::size_t max = 90) {
    if (text.size() <= max) return text;
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
    return text.substr(0, cut) + "\xE2\x80\xA6";
}

std::string joinNames(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

std::string spansText(const std::vector<Span>& spans) {
    std::string out;
    for (const Span& s : spans)
        out += (out.empty() ? "" : "; ") + std::to_string(s.start) + "\xE2\x80\x93" + std::to_string(s.end);
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] Frame
// ---------------------------------------------------------------------------------------

void AdjudicationPanel::drawContent() {
    m_rects.clear();
    m_inspector.updateLinking();
    EditorState& gold = m_state.gold();

    drawCount();
    ImGui::Separator();

    const float available = ImGui::GetContentRegionAvail().y;
    ImGui::BeginChild("##adjudication-detail", ImVec2(0, std::max(ImGui::GetFrameHeight() * 4, available * 0.68f)),
                      false);
    const Disagreement* d = m_state.current();
    if (d) drawCurrent(*d);
    const Annotation* selected =
        gold.selectedAnnotation.empty() ? nullptr : gold.set().findAnnotation(gold.selectedAnnotation);
    if (selected) {
        if (!d) {
            ImGui::TextColored(kDoneColour, "Settled");
            ImGui::SameLine();
            ImGui::TextDisabled("(no open disagreement here; N goes to the next one)");
        }
        ImGui::Spacing();
        if (ImGui::CollapsingHeader("Edit the gold annotation", ImGuiTreeNodeFlags_DefaultOpen))
            m_inspector.drawContent(*selected);
    } else {
        m_inspector.commitEdits();
        drawHelp();
    }
    ImGui::EndChild();
    ImGui::Separator();
    drawList(std::max(ImGui::GetFrameHeight() * 3, ImGui::GetContentRegionAvail().y));
    m_inspector.drawLinkPopup();
}

// ---------------------------------------------------------------------------------------
// [SECTION] Count and navigation
// ---------------------------------------------------------------------------------------

void AdjudicationPanel::drawCount() {
    const std::size_t open = m_state.openCount();
    ImGui::AlignTextToFramePadding();
    if (open == 0) ImGui::TextColored(kDoneColour, "All disagreements settled");
    else ImGui::TextColored(kOpenColour, "%zu disagreement%s left", open, open == 1 ? "" : "s");
    ImGui::SameLine();
    const float buttons = ImGui::CalcTextSize("< Previous").x + ImGui::CalcTextSize("Next >").x +
                          ImGui::GetStyle().FramePadding.x * 4 + ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - buttons));
    ImGui::BeginDisabled(open == 0);
    if (ImGui::Button("< Previous")) m_state.post(Decision::of(DecisionKind::Previous));
    m_rects.remember("Previous");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Previous disagreement (Shift+N, Shift+F8)");
    ImGui::SameLine();
    if (ImGui::Button("Next >")) m_state.post(Decision::of(DecisionKind::Next));
    m_rects.remember("Next");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Next disagreement (N, F8)");
    ImGui::EndDisabled();

    // Who is who: the reviewers' colours, as in the lanes and outlines.
    for (const Reviewer& r : m_state.reviewers()) {
        labelChip(r.colour);
        ImGui::SameLine(0, 4);
        ImGui::TextUnformatted(r.name.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.path.string().c_str());
        ImGui::SameLine(0, ImGui::GetFontSize());
    }
    ImGui::NewLine();
}

// ---------------------------------------------------------------------------------------
// [SECTION] The current disagreement
// ---------------------------------------------------------------------------------------

void AdjudicationPanel::refresh(const Disagreement& d) {
    const std::string key = std::string(d.kind == DisagreementKind::Relation ? "r:" : "a:") + d.id;
    const AnnotationSet& gold = m_state.gold().set();
    if (m_cacheRevision == gold.revision() && m_cacheKey == key) return;
    m_cacheRevision = gold.revision();
    m_cacheKey = key;
    m_marks.assign(m_state.reviewers().size(), {});
    m_picks.clear();

    const Annotation* a = gold.findAnnotation(d.annotationId);
    if (d.kind == DisagreementKind::Relation) {
        const Relation* r = gold.findRelation(d.id);
        const Annotation* to = r ? gold.findAnnotation(r->to) : nullptr;
        m_title = "Relation " + d.id + ": " + (r ? r->type : std::string("?")) + " " +
                  (a ? a->label + " \xE2\x80\x9C" + excerpt(a->text, 40) + "\xE2\x80\x9D" : d.annotationId) +
                  " \xE2\x86\x92 " +
                  (to ? to->label + " \xE2\x80\x9C" + excerpt(to->text, 40) + "\xE2\x80\x9D" : std::string("?"));
    } else {
        m_title = (a ? a->label : std::string("?")) + " " + d.id + "  \xE2\x80\x9C" +
                  (a ? excerpt(a->text) : std::string()) + "\xE2\x80\x9D";
    }
    m_summary.clear();
    if (d.disputed) {
        m_summary =
            "Disputed: marked by " + (d.proposedBy.empty() ? std::string("nobody named") : joinNames(d.proposedBy));
        if (!d.missingFrom.empty()) m_summary += "; not by " + joinNames(d.missingFrom);
        m_summary += ".";
    }
    if (!d.conflicts.empty()) {
        if (!m_summary.empty()) m_summary += " ";
        m_summary += "Reviewers gave different values";
        for (const AttributeConflict& c : d.conflicts)
            m_summary += (&c == &d.conflicts.front() ? " for " : ", ") + c.attribute;
        m_summary += ".";
    }

    if (!a) return;
    for (std::size_t i = 0; i < m_state.reviewers().size(); ++i) {
        const Reviewer& reviewer = m_state.reviewers()[i];
        for (std::uint32_t index : reviewer.index.annotationsIntersecting(a->start(), a->end())) {
            const Annotation& mine = reviewer.set.annotations()[index];
            if (mine.label != a->label) continue;
            ReviewerMark mark;
            mark.label = mine.label;
            mark.text = excerpt(mine.text, 120);
            mark.sameSpans = mine.spans == a->spans;
            mark.detail = spansText(mine.spans) + (mark.sameSpans ? " (same)" : " (differs)");
            for (const auto& [name, value] : mine.attributes)
                mark.detail += "\n" + name + " = " + attributeValueToString(value);
            m_marks[i].push_back(std::move(mark));
        }
    }

    // One pick per distinct value, naming who voted for it.
    for (const AttributeConflict& c : d.conflicts) {
        const std::size_t first = m_picks.size();
        for (const AttributeVote& vote : c.votes) {
            const std::string shown = attributeValueToString(vote.value);
            auto same = std::find_if(m_picks.begin() + static_cast<std::ptrdiff_t>(first), m_picks.end(),
                                     [&](const PickOption& p) { return p.value == vote.value; });
            if (same != m_picks.end()) {
                same->shown.insert(same->shown.size() - 1, ", " + vote.reviewer);
                continue;
            }
            PickOption pick;
            pick.attribute = c.attribute;
            pick.value = vote.value;
            pick.shown = shown + "  (" + vote.reviewer + ")";
            pick.key = "pick:" + c.attribute + ":" + shown;
            const auto now = a->attributes.find(c.attribute);
            pick.current = now != a->attributes.end() && now->second == vote.value;
            m_picks.push_back(std::move(pick));
        }
    }
}

void AdjudicationPanel::drawCurrent(const Disagreement& d) {
    refresh(d);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(m_title.c_str());
    ImGui::TextColored(kOpenColour, "%s", m_summary.c_str());
    ImGui::PopTextWrapPos();

    const std::size_t reviewers = m_state.reviewers().size();
    if (d.kind == DisagreementKind::Annotation && reviewers > 0 &&
        ImGui::BeginTable("##reviewers", int(std::min<std::size_t>(reviewers, 64)),
                          ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame)) {
        for (std::size_t i = 0; i < reviewers && i < 64; ++i) {
            ImGui::TableNextColumn();
            const Reviewer& r = m_state.reviewers()[i];
            ImGui::PushStyleColor(ImGuiCol_Text, r.colour);
            ImGui::TextUnformatted(r.name.c_str());
            ImGui::PopStyleColor();
            ImGui::PushTextWrapPos(0.0f);
            if (m_marks[i].empty()) ImGui::TextDisabled("not marked");
            for (const ReviewerMark& mark : m_marks[i]) {
                labelChip(m_state.gold().labelStyles().of(mark.label).solid);
                ImGui::SameLine(0, 4);
                ImGui::Text("\xE2\x80\x9C%s\xE2\x80\x9D", mark.text.c_str());
                if (mark.sameSpans) ImGui::TextDisabled("%s", mark.detail.c_str());
                else ImGui::TextColored(ImVec4(0.72f, 0.40f, 0.0f, 1.0f), "%s", mark.detail.c_str());
            }
            ImGui::PopTextWrapPos();
        }
        ImGui::EndTable();
    }

    if (!m_picks.empty()) {
        ImGui::Spacing();
        std::string attribute;
        for (const PickOption& pick : m_picks) {
            if (pick.attribute != attribute) {
                attribute = pick.attribute;
                ImGui::AlignTextToFramePadding();
                ImGui::Text("%s:", attribute.c_str());
            }
            ImGui::SameLine();
            ImGui::PushID(pick.key.c_str());
            if (pick.current) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.80f, 0.88f, 0.97f, 1.0f));
            if (ImGui::Button(pick.shown.c_str())) {
                Decision decision;
                decision.kind = DecisionKind::Pick;
                decision.id = d.id;
                decision.attribute = pick.attribute;
                decision.value = pick.value;
                m_state.post(std::move(decision));
            }
            if (pick.current) ImGui::PopStyleColor();
            m_rects.remember(pick.key.c_str());
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip(pick.current ? "The gold value now; pick it to settle this attribute"
                                               : "Use this value in the gold set");
            ImGui::PopID();
        }
    }

    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.80f, 0.92f, 0.82f, 1.0f));
    if (ImGui::Button(d.kind == DisagreementKind::Relation ? "Accept relation" : "Accept")) {
        Decision decision;
        decision.kind = DecisionKind::Accept;
        decision.target = d.kind;
        decision.id = d.id;
        m_state.post(std::move(decision));
    }
    ImGui::PopStyleColor();
    m_rects.remember("Accept");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(d.conflicts.empty() ? "Keep it in the gold set, settled (A)"
                                              : "Keep it as it is now, settled; the other values are dropped (A)");
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.96f, 0.84f, 0.82f, 1.0f));
    if (ImGui::Button(d.kind == DisagreementKind::Relation ? "Reject relation" : "Reject")) {
        Decision decision;
        decision.kind = DecisionKind::Reject;
        decision.target = d.kind;
        decision.id = d.id;
        m_state.post(std::move(decision));
    }
    ImGui::PopStyleColor();
    m_rects.remember("Reject");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove it from the gold set (R)");
    ImGui::SameLine();
    ImGui::TextDisabled("or edit it below");
}

void AdjudicationPanel::drawHelp() {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(
        "Adjudication: the gold set is in the article; the strip beside it shows, line by line, "
        "what each reviewer marked (a bar per label). Wavy red underlines are disputed "
        "annotations, amber ones attribute conflicts.");
    ImGui::Spacing();
    ImGui::TextDisabled("N / F8            next disagreement");
    ImGui::TextDisabled("Shift+N / Shift+F8  previous");
    ImGui::TextDisabled("A                 accept it into the gold set");
    ImGui::TextDisabled("R / Delete        reject it");
    ImGui::TextDisabled("1-4               relabel (or label a selection)");
    ImGui::TextDisabled("Alt/Ctrl+arrows   move its boundaries");
    ImGui::TextDisabled("Ctrl+Z / Ctrl+Y   undo / redo");
    ImGui::TextDisabled("Ctrl+S            save the gold set");
    ImGui::PopTextWrapPos();
}

// ---------------------------------------------------------------------------------------
// [SECTION] The list
// ---------------------------------------------------------------------------------------

void AdjudicationPanel::drawList(float height) {
    ImGui::BeginChild("##disagreements", ImVec2(0, height), false);
    const std::vector<Disagreement>& list = m_state.disagreements();
    const AnnotationSet& gold = m_state.gold().set();
    if (m_rowsRevision != gold.revision() || m_rowsSet != &gold || m_rowText.size() != list.size()) {
        m_rowText.clear();
        m_rowKey.clear();
        m_rowColour.clear();
        for (const Disagreement& d : list) {
            const Annotation* a = gold.findAnnotation(d.annotationId);
            m_rowText.push_back(std::string(d.kind == DisagreementKind::Relation ? "relation " : "") +
                                (a ? a->label : std::string("?")) + " \xE2\x80\x9C" +
                                (a ? excerpt(a->text, 60) : std::string()) + "\xE2\x80\x9D");
            m_rowKey.push_back((d.kind == DisagreementKind::Relation ? "relation:" : "row:") + d.id);
            m_rowColour.push_back(a ? m_state.gold().labelStyles().of(a->label).solid : IM_COL32(128, 128, 128, 255));
        }
        m_rowsRevision = gold.revision();
        m_rowsSet = &gold;
    }
    const Disagreement* current = m_state.current();
    ImGuiListClipper clipper;
    clipper.Begin(int(list.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const std::size_t row = std::size_t(i);
            const Disagreement& d = list[row];
            ImGui::PushID(i);
            labelChip(m_rowColour[row]);
            ImGui::SameLine(0, 4);
            if (ImGui::Selectable(m_rowText[row].c_str(), current == &d)) {
                m_state.gold().selectedAnnotation = d.annotationId;
                m_state.gold().selection = TextSelection{};
                m_state.gold().scrollTarget = d.start;
            }
            m_rects.remember(m_rowKey[row].c_str());
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::TextUnformatted(d.disputed ? "disputed" : "attribute conflict");
                if (!d.proposedBy.empty()) {
                    ImGui::SameLine(0, 0);
                    ImGui::Text(" \xE2\x80\x94 marked by %s", joinNames(d.proposedBy).c_str());
                }
                ImGui::EndTooltip();
            }
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

}  // namespace claimmark::app
