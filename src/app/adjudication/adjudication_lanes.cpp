// adjudication_lanes.cpp — reviewer lanes beside the article and the disagreement overlay
// over it (adjudication_lanes.h).
//
// [SECTION] Geometry
// [SECTION] Lanes
// [SECTION] Overlay
#include "app/adjudication/adjudication_lanes.h"

#include "app/common/label_style.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace claimmark::app {

namespace {

constexpr ImU32 kDisputed = IM_COL32(214, 40, 40, 255);
constexpr ImU32 kConflict = IM_COL32(230, 150, 0, 255);
constexpr ImU32 kCurrent = IM_COL32(30, 30, 30, 255);
constexpr ImU32 kLaneBackground = IM_COL32(246, 245, 242, 255);
constexpr ImU32 kLaneRule = IM_COL32(225, 222, 216, 255);

float barWidth() { return std::max(3.0f, std::round(ImGui::GetFontSize() * 0.22f)); }
float columnGap() { return std::max(4.0f, std::round(ImGui::GetFontSize() * 0.3f)); }

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] Geometry
// ---------------------------------------------------------------------------------------

float ReviewerLanes::width() const {
    const std::size_t labels = std::max<std::size_t>(1, m_state.gold().set().schema.labels.size());
    const float column = float(labels) * barWidth() + columnGap();
    return columnGap() + barWidth() * 2 + columnGap() + column * float(m_state.reviewers().size());
}

bool ReviewerLanes::visibleLines(std::size_t& first, std::size_t& last, ImVec2& origin) const {
    const TextLayout& layout = m_view.layout();
    if (layout.lineCount() == 0) return false;
    origin = m_view.screenPosOf(0);  // line 0 starts at the layout's origin
    first = layout.lineAt(m_view.viewMin().y - origin.y);
    last = layout.lineAt(m_view.viewMax().y - origin.y);
    return true;
}

int ReviewerLanes::markOf(const Annotation& a) const {
    if (a.status == kDisputedStatus) return 2;
    if (a.extra.is_object()) {
        const auto votes = a.extra.find(kAttributeVotesKey);
        if (votes != a.extra.end() && votes->is_object() && !votes->empty()) return 1;
    }
    return 0;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Lanes
// ---------------------------------------------------------------------------------------

void ReviewerLanes::drawContent(float height) {
    const float stripWidth = width();
    ImGui::BeginChild("##lanes", ImVec2(stripWidth, height), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetWindowPos();
    const float headerHeight = ImGui::GetTextLineHeight() + 6;
    drawList->AddRectFilled(pos, ImVec2(pos.x + stripWidth, pos.y + height), kLaneBackground);

    const auto& labels = m_state.gold().set().schema.labels;
    const LabelStyles& styles = m_state.gold().labelStyles();
    const float bar = barWidth(), gap = columnGap();
    const float goldX = pos.x + gap;
    const float column = float(std::max<std::size_t>(1, labels.size())) * bar + gap;
    const float firstReviewerX = goldX + bar * 2 + gap;

    // Header: "G" and each reviewer's initial, in their colour.
    auto header = [&](float x, float w, const std::string& name, ImU32 colour) {
        char initial[8] = {};
        // The first character (whole UTF-8 sequence), upper-cased when ASCII.
        std::size_t n = 1;
        if (!name.empty()) {
            const unsigned char c = static_cast<unsigned char>(name[0]);
            n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            n = std::min(n, name.size());
            std::copy(name.begin(), name.begin() + static_cast<std::ptrdiff_t>(n), initial);
            if (n == 1 && initial[0] >= 'a' && initial[0] <= 'z') initial[0] = char(initial[0] - 32);
        }
        const float tw = ImGui::CalcTextSize(initial).x;
        drawList->AddText(ImVec2(std::round(x + (w - tw) * 0.5f), pos.y + 3), colour, initial);
    };

    m_marks = 0;
    std::size_t first = 0, last = 0;
    ImVec2 origin;
    const ImGuiIO& io = ImGui::GetIO();
    std::optional<std::size_t> hoveredLine;
    if (visibleLines(first, last, origin)) {
        const TextLayout& layout = m_view.layout();
        const SpanIndex& goldIndex = m_state.gold().spanIndex();
        const AnnotationSet& gold = m_state.gold().set();
        const Disagreement* current = m_state.current();
        drawList->PushClipRect(ImVec2(pos.x, pos.y + headerHeight), ImVec2(pos.x + stripWidth, pos.y + height), true);
        const bool hovered = ImGui::IsWindowHovered();
        for (std::size_t i = first; i <= last; ++i) {
            const VisualLine& line = layout.line(i);
            if (line.cpEnd <= line.cpStart) continue;
            const float y0 = std::round(origin.y + float(line.top)) + 1;
            const float y1 = std::round(origin.y + float(line.top) + layout.boxHeight(line)) - 1;
            if (hovered && io.MousePos.y >= y0 - 1 && io.MousePos.y < y1 + 1) hoveredLine = i;

            int mark = 0;
            bool isCurrent = false;
            goldIndex.forEachIntersecting(line.cpStart, line.cpEnd, [&](const SpanEntry& e) {
                const Annotation& a = gold.annotations()[e.annotation];
                mark = std::max(mark, markOf(a));
                if (current && a.id == current->annotationId) isCurrent = true;
            });
            if (mark > 0) {
                ++m_marks;
                drawList->AddRectFilled(ImVec2(goldX, y0), ImVec2(goldX + bar * 2, y1),
                                        mark == 2 ? kDisputed : kConflict);
            }
            if (isCurrent) drawList->AddRectFilled(ImVec2(goldX - gap + 1, y0), ImVec2(goldX - 1, y1), kCurrent);

            float x = firstReviewerX;
            for (const Reviewer& r : m_state.reviewers()) {
                std::uint32_t present = 0;  // one bit per schema label
                r.index.forEachIntersecting(line.cpStart, line.cpEnd, [&](const SpanEntry& e) {
                    const std::string& label = r.set.annotations()[e.annotation].label;
                    for (std::size_t l = 0; l < labels.size() && l < 32; ++l)
                        if (labels[l].name == label) present |= 1u << l;
                });
                for (std::size_t l = 0; l < labels.size() && l < 32; ++l)
                    if (present & (1u << l))
                        drawList->AddRectFilled(ImVec2(x + float(l) * bar, y0), ImVec2(x + float(l + 1) * bar - 1, y1),
                                                styles.of(labels[l].name).solid);
                x += column;
            }
        }
        drawList->PopClipRect();
    }

    drawList->AddRectFilled(pos, ImVec2(pos.x + stripWidth, pos.y + headerHeight), kLaneBackground);
    drawList->AddLine(ImVec2(pos.x, pos.y + headerHeight), ImVec2(pos.x + stripWidth, pos.y + headerHeight), kLaneRule);
    header(goldX - 2, bar * 2 + 4, "G", kCurrent);
    float x = firstReviewerX;
    for (const Reviewer& r : m_state.reviewers()) {
        header(x, column - gap, r.name, r.colour);
        drawList->AddLine(ImVec2(x - gap * 0.5f, pos.y), ImVec2(x - gap * 0.5f, pos.y + height), kLaneRule);
        x += column;
    }

    ImGui::Dummy(ImVec2(stripWidth, height));
    if (ImGui::IsWindowHovered() && io.MousePos.y < pos.y + headerHeight) {
        ImGui::BeginTooltip();
        ImGui::TextUnformatted("G: open disagreements (red disputed, amber attribute conflict)");
        for (const Reviewer& r : m_state.reviewers()) {
            ImGui::PushStyleColor(ImGuiCol_Text, r.colour);
            ImGui::Text("%s", r.name.c_str());
            ImGui::PopStyleColor();
            ImGui::SameLine();
            ImGui::TextDisabled("%s", r.path.string().c_str());
        }
        ImGui::EndTooltip();
    } else if (hoveredLine) {
        drawTooltip(*hoveredLine);
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            // The first open disagreement that touches the line.
            const VisualLine& line = m_view.layout().line(*hoveredLine);
            for (const Disagreement& d : m_state.disagreements()) {
                if (d.start >= line.cpEnd) break;
                if (d.end > line.cpStart) {
                    m_state.gold().selectedAnnotation = d.annotationId;
                    m_state.gold().selection = TextSelection{};
                    break;
                }
            }
        }
    }
    ImGui::EndChild();
}

void ReviewerLanes::drawTooltip(std::size_t lineIndex) {
    const VisualLine& line = m_view.layout().line(lineIndex);
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    for (const Reviewer& r : m_state.reviewers()) {
        ImGui::PushStyleColor(ImGuiCol_Text, r.colour);
        ImGui::TextUnformatted(r.name.c_str());
        ImGui::PopStyleColor();
        int shown = 0;
        for (std::uint32_t index : r.index.annotationsIntersecting(line.cpStart, line.cpEnd)) {
            const Annotation& a = r.set.annotations()[index];
            labelChip(m_state.gold().labelStyles().of(a.label).solid);
            ImGui::SameLine();
            std::string text = a.text.size() > 80 ? a.text.substr(0, 77) + "..." : a.text;
            std::string attrs;
            for (const auto& [name, value] : a.attributes) attrs += "  " + name + "=" + attributeValueToString(value);
            ImGui::Text("%s \xE2\x80\x9C%s\xE2\x80\x9D%s", a.label.c_str(), text.c_str(), attrs.c_str());
            if (++shown == 8) {
                ImGui::TextDisabled("...");
                break;
            }
        }
        if (shown == 0) ImGui::TextDisabled("  nothing on this line");
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// ---------------------------------------------------------------------------------------
// [SECTION] Overlay
// ---------------------------------------------------------------------------------------

void ReviewerLanes::drawWave(ImDrawList* drawList, float x0, float x1, float y, ImU32 colour) {
    const float step = std::max(2.0f, std::round(ImGui::GetFontSize() * 0.18f));
    m_wave.resize(0);
    bool up = true;
    for (float x = x0; x < x1; x += step, up = !up) m_wave.push_back(ImVec2(x, up ? y - step * 0.5f : y + step * 0.5f));
    m_wave.push_back(ImVec2(x1, up ? y - step * 0.5f : y + step * 0.5f));
    if (m_wave.Size >= 2) drawList->AddPolyline(m_wave.Data, m_wave.Size, colour, 0, 1.5f);
}

void ReviewerLanes::drawOverlay(ImDrawList* drawList) {
    m_outlines = 0;
    std::size_t first = 0, last = 0;
    ImVec2 origin;
    if (!visibleLines(first, last, origin)) return;
    const TextLayout& layout = m_view.layout();
    drawList->PushClipRect(m_view.viewMin(), m_view.viewMax(), true);

    // Each part of [start, end) on line i, on screen.
    auto fragment = [&](std::size_t i, std::size_t start, std::size_t end, float& x0, float& x1) {
        const VisualLine& line = layout.line(i);
        const std::size_t a = std::max<std::size_t>(start, line.cpStart);
        const std::size_t b = std::min<std::size_t>(end, line.cpEnd);
        if (a >= b) return false;
        x0 = origin.x + layout.xOfCodePoint(i, a);
        x1 = origin.x + layout.xOfCodePoint(i, b);
        return true;
    };

    const SpanIndex& goldIndex = m_state.gold().spanIndex();
    const AnnotationSet& gold = m_state.gold().set();
    for (std::size_t i = first; i <= last; ++i) {
        const VisualLine& line = layout.line(i);
        const float bottom = std::round(origin.y + float(line.top) + layout.boxHeight(line)) - 2;
        goldIndex.forEachIntersecting(line.cpStart, line.cpEnd, [&](const SpanEntry& e) {
            const int mark = markOf(gold.annotations()[e.annotation]);
            float x0 = 0, x1 = 0;
            if (mark > 0 && fragment(i, e.start, e.end, x0, x1))
                drawWave(drawList, x0, x1, bottom, mark == 2 ? kDisputed : kConflict);
        });
    }

    // The reviewers' own annotations around the current disagreement.
    if (const Disagreement* d = m_state.current()) {
        const Annotation* focus = gold.findAnnotation(d->annotationId);
        const std::size_t reviewers = m_state.reviewers().size();
        for (std::size_t r = 0; focus && r < reviewers; ++r) {
            const Reviewer& reviewer = m_state.reviewers()[r];
            const float inflate = 1.0f + 2.0f * float(r);
            reviewer.index.forEachIntersecting(focus->start(), focus->end(), [&](const SpanEntry& e) {
                if (reviewer.set.annotations()[e.annotation].label != focus->label) return;
                ++m_outlines;
                const std::size_t lineFirst = layout.lineOfCodePoint(e.start);
                const std::size_t lineLast = layout.lineOfCodePoint(e.end > 0 ? e.end - 1 : 0);
                for (std::size_t i = std::max(lineFirst, first); i <= std::min(lineLast, last); ++i) {
                    float x0 = 0, x1 = 0;
                    if (!fragment(i, e.start, e.end, x0, x1)) continue;
                    const VisualLine& line = layout.line(i);
                    const float top = origin.y + float(line.top);
                    const float bottom = top + layout.boxHeight(line);
                    drawList->AddRect(ImVec2(x0 - inflate, top - inflate + 1),
                                      ImVec2(x1 + inflate, bottom + inflate - 1), reviewer.colour, 2.0f, 0, 1.5f);
                }
            });
        }
    }
    drawList->PopClipRect();
}

}  // namespace claimmark::app
