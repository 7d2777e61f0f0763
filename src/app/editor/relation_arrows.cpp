// relation_arrows.cpp — the relations drawn over the article (text_view.h): curved arrows
// between related annotations, stubs to those off screen, and the relation lines of the
// hover tooltip.
//
// [SECTION] Shapes      the words and shapes that draw relations
// [SECTION] Index       relations per annotation, rebuilt once per set revision
// [SECTION] Tooltip     the hovered annotation's relations, one line each
// [SECTION] Arrows      arrows between related annotations, stubs to those off screen
#include "app/editor/text_view.h"

#include "app/editor/text_view_look.h"
#include "core/text/utf8.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace claimmark::app {

// ---------------------------------------------------------------------------------------
// [SECTION] Shapes
// ---------------------------------------------------------------------------------------

namespace {

// "hedges" -> "hedged by", "qualifies" -> "qualified by", "supports" -> "supported by":
// how an incoming relation reads from its target. Other names get "(from)".
void relationPhrase(const std::string& type, bool outgoing, char* out, std::size_t size) {
    if (outgoing || type.size() < 2 || type.back() != 's') {
        std::snprintf(out, size, outgoing ? "%s" : "%s (from)", type.c_str());
        return;
    }
    const int stem = static_cast<int>(type.size()) - 1;  // without the final 's'
    const bool endsInE = type[type.size() - 2] == 'e';
    std::snprintf(out, size, "%.*s%s by", stem, type.c_str(), endsInE ? "d" : "ed");
}

// The start of `text`, at most `maxCodePoints` and never past a line break, quoted.
void excerpt(const std::string& text, std::size_t maxCodePoints, char* out, std::size_t size) {
    std::size_t end = 0, count = 0;
    while (end < text.size() && count < maxCodePoints && text[end] != '\n' && text[end] != '\r') {
        end += utf8::sequenceLength(static_cast<unsigned char>(text[end]));
        ++count;
    }
    end = std::min(end, text.size());
    const bool cut = end < text.size();
    std::snprintf(out, size, "\xE2\x80\x9C%.*s%s\xE2\x80\x9D", static_cast<int>(end), text.c_str(),
                  cut ? "\xE2\x80\xA6" : "");
}

ImVec2 bezierPoint(ImVec2 p0, ImVec2 p1, ImVec2 p2, ImVec2 p3, float t) {
    const float u = 1 - t;
    const float a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
    return ImVec2(a * p0.x + b * p1.x + c * p2.x + d * p3.x, a * p0.y + b * p1.y + c * p2.y + d * p3.y);
}

void arrowHead(ImDrawList* drawList, ImVec2 tip, ImVec2 from, float size, ImU32 colour) {
    float dx = tip.x - from.x, dy = tip.y - from.y;
    const float length = std::sqrt(dx * dx + dy * dy);
    if (length < 0.001f) return;
    dx /= length;
    dy /= length;
    const ImVec2 base(tip.x - dx * size, tip.y - dy * size);
    const float half = size * 0.5f;
    drawList->AddTriangleFilled(tip, ImVec2(base.x - dy * half, base.y + dx * half),
                                ImVec2(base.x + dy * half, base.y - dx * half), colour);
}

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] Index
// ---------------------------------------------------------------------------------------

void TextView::rebuildRelationsIfNeeded() {
    const AnnotationSet& set = m_state.set();
    if (m_relationSet == &set && m_relationRevision == set.revision()) return;
    m_relationSet = &set;
    m_relationRevision = set.revision();

    const auto& annotations = set.annotations();
    const auto& relations = set.relations();
    m_relationStart.assign(annotations.size() + 1, 0);
    m_relationEnds.clear();
    if (relations.empty()) return;
    // Counting sort: ends per annotation, then prefix sums, then fill.
    auto indexOf = [&](const std::string& id) -> std::optional<std::uint32_t> {
        const Annotation* a = set.findAnnotation(id);
        if (!a) return std::nullopt;
        return static_cast<std::uint32_t>(a - annotations.data());
    };
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;  // (from, to) per relation
    ends.reserve(relations.size());
    for (const Relation& r : relations) {
        const auto from = indexOf(r.from), to = indexOf(r.to);
        ends.emplace_back(from.value_or(UINT32_MAX), to.value_or(UINT32_MAX));
        if (from && to) {
            ++m_relationStart[*from + 1];
            ++m_relationStart[*to + 1];
        }
    }
    for (std::size_t i = 1; i < m_relationStart.size(); ++i) m_relationStart[i] += m_relationStart[i - 1];
    m_relationEnds.resize(m_relationStart.back());
    std::vector<std::uint32_t> fill(m_relationStart.begin(), m_relationStart.end() - 1);
    for (std::uint32_t r = 0; r < ends.size(); ++r) {
        const auto [from, to] = ends[r];
        if (from == UINT32_MAX || to == UINT32_MAX) continue;
        m_relationEnds[fill[from]++] = {r, to, true};
        m_relationEnds[fill[to]++] = {r, from, false};
    }
}

// ---------------------------------------------------------------------------------------
// [SECTION] Tooltip
// ---------------------------------------------------------------------------------------

void TextView::drawTooltipRelations(std::uint32_t index) {
    const AnnotationSet& set = m_state.set();
    if (set.relationCount() == 0) return;
    rebuildRelationsIfNeeded();
    if (index + 1 >= m_relationStart.size()) return;
    for (std::uint32_t i = m_relationStart[index]; i < m_relationStart[index + 1]; ++i) {
        const RelationEnd& e = m_relationEnds[i];
        const Annotation& other = set.annotations()[e.other];
        char phrase[64], quote[112];
        relationPhrase(set.relations()[e.relation].type, e.outgoing, phrase, sizeof phrase);
        excerpt(other.text, 40, quote, sizeof quote);
        labelChip(m_state.labelStyles().of(other.label).solid);
        ImGui::SameLine();
        ImGui::Text("%s %s %s", phrase, other.id.c_str(), quote);
    }
}

// ---------------------------------------------------------------------------------------
// [SECTION] Arrows
// ---------------------------------------------------------------------------------------

TextView::SpanBox TextView::boxOf(const Annotation& annotation) const {
    // The widest piece of the first span on one visual line, preferring pieces on screen:
    // arrows fan out along it, so a span that starts with one word at a line's end does
    // not squeeze them all into that word.
    SpanBox best;
    if (annotation.spans.empty() || m_layout.lineCount() == 0) return best;
    const Span& span = annotation.spans.front();
    const float size = m_fontSize;
    float bestScore = -1;
    std::size_t lineIndex = m_layout.lineOfCodePoint(span.start);
    for (int n = 0; n < 12 && lineIndex < m_layout.lineCount(); ++n, ++lineIndex) {
        const VisualLine& line = m_layout.line(lineIndex);
        if (n > 0 && line.cpStart >= span.end) break;
        SpanBox box;
        const float textTop = m_origin.y + static_cast<float>(line.top) + m_textTopOffset;
        box.top = textTop - std::round(size * 0.08f);
        box.bottom = textTop + std::round(size * 1.22f);
        box.x0 = m_origin.x + m_layout.xOfCodePoint(lineIndex, std::max<std::size_t>(span.start, line.cpStart));
        box.x1 = m_origin.x + m_layout.xOfCodePoint(lineIndex, std::min<std::size_t>(span.end, line.cpEnd));
        if (box.x1 < box.x0 + 4) box.x1 = box.x0 + 4;
        box.side = box.top < m_viewMin.y ? -1 : (box.bottom > m_viewMax.y ? 1 : 0);
        box.visible = box.side == 0;
        const float score = (box.x1 - box.x0) + (box.visible ? 1e6f : 0.0f);
        if (score > bestScore) {
            bestScore = score;
            best = box;
        }
    }
    return best;
}

void TextView::placeLabel(ImVec2 centre, const char* text, ImU32 colour, ImFont* font, float fontSize, bool down) {
    if (m_placedLabelCount >= kMaxPlacedLabels) return;
    const ImVec2 textSize = font->CalcTextSizeA(fontSize, FLT_MAX, 0.0f, text);
    const ImVec2 size(textSize.x + 8, textSize.y + 2);
    // Move past any name already placed that it would cover.
    ImVec2 p0(centre.x - size.x * 0.5f, centre.y - size.y * 0.5f);
    for (int attempt = 0; attempt < kMaxPlacedLabels; ++attempt) {
        bool clear = true;
        for (int i = 0; i < m_placedLabelCount; ++i) {
            const RelationLabel& r = m_placedLabels[i];
            if (p0.x < r.max.x && p0.x + size.x > r.min.x && p0.y < r.max.y && p0.y + size.y > r.min.y) {
                p0.y = down ? r.max.y + 1 : r.min.y - size.y - 1;
                clear = false;
            }
        }
        if (clear) break;
    }
    p0.y = std::clamp(p0.y, m_viewMin.y + 1, std::max(m_viewMin.y + 1, m_viewMax.y - size.y - 1));
    // Inside the view, clear of the scroll bar.
    p0.x = std::max(m_viewMin.x + 2, std::min(p0.x, m_viewMax.x - ImGui::GetStyle().ScrollbarSize - size.x - 2));
    RelationLabel& label = m_placedLabels[m_placedLabelCount++];
    label.min = p0;
    label.max = ImVec2(p0.x + size.x, p0.y + size.y);
    label.colour = colour;
    std::snprintf(label.text, sizeof label.text, "%s", text);
}

void TextView::drawRelations(ImDrawList* drawList) {
    m_relationArrows = m_relationStubs = 0;
    m_placedLabelCount = 0;
    const AnnotationSet& set = m_state.set();
    if (set.relationCount() == 0) return;
    rebuildRelationsIfNeeded();

    std::optional<std::uint32_t> selected;
    if (!m_state.selectedAnnotation.empty())
        if (const Annotation* a = set.findAnnotation(m_state.selectedAnnotation))
            selected = static_cast<std::uint32_t>(a - set.annotations().data());
    if (selected) drawRelationsOf(drawList, *selected, std::nullopt);
    // The hovered annotation's relations too, without drawing one to the selected twice.
    if (m_hoverAnnotation && !m_dragging && m_hoverAnnotation != selected)
        drawRelationsOf(drawList, *m_hoverAnnotation, selected);

    ImFont* font = ImGui::GetFont();
    const float fontSize = std::round(std::max(11.0f, m_fontSize * 0.68f));
    for (int i = 0; i < m_placedLabelCount; ++i) {
        const RelationLabel& label = m_placedLabels[i];
        drawList->AddRectFilled(label.min, label.max, kPaper, 3.0f);
        drawList->AddRect(label.min, label.max, label.colour, 3.0f, 0, 1.0f);
        drawList->AddText(font, fontSize, ImVec2(label.min.x + 4, label.min.y + 1), kRelationLabelInk, label.text);
    }
}

void TextView::drawRelationsOf(ImDrawList* drawList, std::uint32_t focus, std::optional<std::uint32_t> skipOther) {
    const AnnotationSet& set = m_state.set();
    const auto& annotations = set.annotations();
    if (focus + 1 >= m_relationStart.size()) return;
    const std::uint32_t begin = m_relationStart[focus], end = m_relationStart[focus + 1];
    if (begin == end || annotations[focus].orphaned) return;

    const SpanBox focusBox = boxOf(annotations[focus]);
    const float lineHeight = m_metrics.lineHeight;
    const float size = m_fontSize;
    ImFont* labelFont = ImGui::GetFont();
    const float labelSize = std::round(std::max(11.0f, size * 0.68f));
    const float arrowSize = std::max(6.0f, std::round(size * 0.42f));
    const float stubLength = std::round(lineHeight * 1.1f);
    const std::uint32_t count = end - begin;

    for (std::uint32_t k = 0; k < count; ++k) {
        const RelationEnd& e = m_relationEnds[begin + k];
        if (skipOther && *skipOther == e.other) continue;
        const Annotation& other = annotations[e.other];
        if (other.orphaned) continue;
        const Relation& relation = set.relations()[e.relation];
        const SpanBox otherBox = boxOf(other);
        if (!focusBox.visible && !otherBox.visible) continue;
        const Annotation& source = e.outgoing ? annotations[focus] : other;
        const ImU32 colour = m_state.labelStyles().of(source.label).solid;

        // This relation's own point along the focus annotation, so curves fan out.
        const float share = float(k + 1) / float(count + 1);
        const float focusX = focusBox.x0 + (focusBox.x1 - focusBox.x0) * share;
        const float otherX = (otherBox.x0 + otherBox.x1) * 0.5f;

        char text[192];
        if (focusBox.visible && otherBox.visible) {
            const ImVec2 focusPoint(focusX, focusBox.top - 1);
            const ImVec2 otherPoint(otherX, otherBox.top - 1);
            const ImVec2 from = e.outgoing ? focusPoint : otherPoint;
            const ImVec2 to = e.outgoing ? otherPoint : focusPoint;
            const float level = float(std::min<std::uint32_t>(k, 8));
            const float lift =
                lineHeight * 0.8f + std::min(160.0f, std::fabs(to.x - from.x) * 0.15f) + level * lineHeight * 0.7f;
            const float apex = std::max(m_viewMin.y + 4, std::min(from.y, to.y) - lift);
            const ImVec2 c1(from.x, apex), c2(to.x, apex);
            drawList->AddBezierCubic(from, c1, c2, to, kRelationHalo, 4.5f);
            drawList->AddBezierCubic(from, c1, c2, to, colour, 2.0f);
            drawList->AddCircleFilled(from, 2.5f, colour);
            arrowHead(drawList, to, bezierPoint(from, c1, c2, to, 0.92f), arrowSize, colour);
            placeLabel(bezierPoint(from, c1, c2, to, 0.5f), relation.type.c_str(), colour, labelFont, labelSize);
            ++m_relationArrows;
            continue;
        }

        // One end off screen: a stub from the visible end toward the edge past the other.
        const bool fromFocus = focusBox.visible;
        const SpanBox& nearBox = fromFocus ? focusBox : otherBox;
        const SpanBox& farBox = fromFocus ? otherBox : focusBox;
        const float x = fromFocus ? focusX : otherX;
        const bool up = farBox.side < 0;
        const ImVec2 start(x, up ? nearBox.top - 1 : nearBox.bottom + 3);
        const ImVec2 tip(x, up ? start.y - stubLength : start.y + stubLength);
        drawList->AddLine(start, tip, kRelationHalo, 4.5f);
        drawList->AddLine(start, tip, colour, 2.0f);
        arrowHead(drawList, tip, start, arrowSize, colour);

        // Read from the visible end: "hedges “…”" when it is the source, "hedged by “…”".
        const bool nearIsSource = fromFocus ? e.outgoing : !e.outgoing;
        char phrase[64], quote[112];
        relationPhrase(relation.type, nearIsSource, phrase, sizeof phrase);
        excerpt((fromFocus ? other : annotations[focus]).text, 28, quote, sizeof quote);
        std::snprintf(text, sizeof text, "%s %s", phrase, quote);
        // The name starts just right of the stub's tip.
        const float width = labelFont->CalcTextSizeA(labelSize, FLT_MAX, 0.0f, text).x + 8;
        placeLabel(ImVec2(tip.x + 6 + width * 0.5f, tip.y + (up ? -labelSize * 0.3f : labelSize * 0.3f)), text, colour,
                   labelFont, labelSize, /*down=*/!up);
        ++m_relationStubs;
    }
}

}  // namespace claimmark::app
