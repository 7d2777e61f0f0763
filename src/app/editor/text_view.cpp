// text_view.cpp — drawing the article and handling the mouse over it (text_view.h).
//
// [SECTION] Look        colours and proportions of the page
// [SECTION] Layout      rebuilt on width / font / document change, scroll kept in place
// [SECTION] Frame       drawContent: page, visible lines, tooltip
// [SECTION] Lines       highlights, selection and ink of one visual line
// [SECTION] Find        matches outlined on a line
// [SECTION] Relations   arrows between related annotations, stubs to those off screen
// [SECTION] Mouse       selection, word snapping, clicking annotations
// [SECTION] Geometry    screen <-> text
#include "app/editor/text_view.h"

#include "app/common/fonts.h"
#include "core/text/text_search.h"
#include "core/text/utf8.h"

#include <algorithm>
#include <cfloat>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <type_traits>
#include <variant>

namespace claimmark::app {

// ---------------------------------------------------------------------------------------
// [SECTION] Look
// ---------------------------------------------------------------------------------------

namespace {

constexpr ImU32 kSurround = IM_COL32(222, 219, 211, 255);    // around the page
constexpr ImU32 kPaper = IM_COL32(252, 250, 244, 255);       // warm off-white
constexpr ImU32 kPaperEdge = IM_COL32(196, 191, 180, 255);
constexpr ImU32 kInk = IM_COL32(34, 32, 30, 255);
constexpr ImU32 kSelection = IM_COL32(66, 133, 244, 90);
// Find: yellow, brighter and lighter than the claim orange, with a dark edge on the current
// match so it reads on any label background.
constexpr ImU32 kFindFill = IM_COL32(255, 236, 60, 70);
constexpr ImU32 kFindEdge = IM_COL32(196, 156, 0, 255);
constexpr ImU32 kFindCurrentFill = IM_COL32(255, 226, 0, 150);
constexpr ImU32 kFindCurrentEdge = IM_COL32(96, 74, 0, 255);
constexpr ImU32 kRelationHalo = IM_COL32(252, 250, 244, 200);  // paper, under the curves
constexpr ImU32 kRelationLabelInk = IM_COL32(40, 36, 30, 255);

// Proportions of the font size.
constexpr float kLineHeight = 1.62f;     // generous leading: room for stacked underlines
constexpr float kParagraphGap = 0.55f;
constexpr float kBlankLine = 0.5f;       // blank lines between paragraphs: the gap says enough
constexpr float kPagePadding = 2.0f;     // left/right inside the page
constexpr float kPageTopPadding = 1.6f;
constexpr float kMaxColumn = 38.0f;      // about 70-80 characters: comfortable to read
constexpr float kMinColumn = 6.0f;
constexpr float kOuterMargin = 12.0f;    // pixels between the page and the panel edges

}  // namespace

namespace {

// Relations: the words and shapes that draw them.

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

void TextView::setFont(ImFont* font, float size) {
    m_font = font;
    m_fontSize = size;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Layout
// ---------------------------------------------------------------------------------------

void TextView::relayoutIfNeeded(float width) {
    const Document& document = m_state.document();
    if (m_layoutDocument == &document && m_layoutFont == m_font && m_layoutFontSize == m_fontSize &&
        std::fabs(width - m_metrics.wrapWidth) < 0.5f)
        return;

    // Keep the first visible line where it is on screen across the change (zoom, resize).
    std::optional<std::size_t> anchorCp;
    double anchorOffset = 0;  // from the view's top edge to the anchor line's top
    const float oldScroll = ImGui::GetScrollY();
    if (m_layoutDocument == &document && m_layout.lineCount() > 0 && oldScroll > 0) {
        const double oldPadding = std::round(m_layoutFontSize * kPageTopPadding);
        const VisualLine& line = m_layout.line(m_layout.lineAt(oldScroll - oldPadding));
        anchorCp = line.cpStart;
        anchorOffset = line.top + oldPadding - oldScroll;
    }
    const float topPadding = std::round(m_fontSize * kPageTopPadding);

    m_metrics.wrapWidth = width;
    m_metrics.lineHeight = std::round(m_fontSize * kLineHeight);
    m_metrics.paragraphGap = std::round(m_fontSize * kParagraphGap);
    m_metrics.blankLineHeight = std::round(m_fontSize * kBlankLine);
    const ImFont* font = m_font;
    const float size = m_fontSize;
    m_layout.build(document, m_metrics, [font, size](char32_t c) { return glyphAdvance(font, size, c); });
    m_layoutDocument = &document;
    m_layoutFont = m_font;
    m_layoutFontSize = m_fontSize;

    if (anchorCp) {
        const double top = m_layout.line(m_layout.lineOfCodePoint(*anchorCp)).top;
        ImGui::SetScrollY(static_cast<float>(std::max(0.0, top + topPadding - anchorOffset)));
    }
}

// ---------------------------------------------------------------------------------------
// [SECTION] Frame
// ---------------------------------------------------------------------------------------

void TextView::drawContent() {
    if (!m_font) setFont(ImGui::GetFont(), ImGui::GetFontSize());

    ImGui::PushStyleColor(ImGuiCol_ChildBg, kSurround);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("##article", ImVec2(0, 0), false,
                      ImGuiWindowFlags_AlwaysVerticalScrollbar | ImGuiWindowFlags_NoNavInputs);
    ImGui::PopStyleVar();  // the padding was for the child only, not for tooltips inside it

    const ImVec2 windowPos = ImGui::GetWindowPos();
    const float viewWidth = ImGui::GetContentRegionAvail().x;
    const float viewHeight = ImGui::GetWindowHeight();
    const float size = m_fontSize;
    const float padding = std::round(size * kPagePadding);
    const float topPadding = std::round(size * kPageTopPadding);

    const float room = viewWidth - 2 * padding - 2 * kOuterMargin;
    const float column = std::floor(std::max(size * kMinColumn, std::min(size * kMaxColumn, room)));
    relayoutIfNeeded(column);

    if (m_state.scrollTarget) {
        const std::size_t cp = std::min(*m_state.scrollTarget, m_layout.textLength());
        const double y = m_layout.line(m_layout.lineOfCodePoint(cp)).top + topPadding;
        const double scroll = ImGui::GetScrollY();
        if (y < scroll + topPadding || y > scroll + viewHeight - 2 * m_metrics.lineHeight)
            ImGui::SetScrollY(static_cast<float>(std::max(0.0, y - viewHeight * 0.3)));
        m_state.scrollTarget.reset();
    }

    const float pageWidth = column + 2 * padding;
    const float pageX = std::floor(windowPos.x + std::max(kOuterMargin, (viewWidth - pageWidth) * 0.5f));
    const double contentHeight = m_layout.height() + 2.0 * topPadding;
    ImGui::Dummy(ImVec2(viewWidth, static_cast<float>(contentHeight)));

    const float scrollY = ImGui::GetScrollY();
    m_origin = ImVec2(pageX + padding, std::floor(windowPos.y + topPadding - scrollY));
    m_viewMin = windowPos;
    m_viewMax = ImVec2(windowPos.x + viewWidth, windowPos.y + viewHeight);
    m_textTopOffset = std::floor((m_metrics.lineHeight - size) * 0.3f);

    // The page: clipped to the view by hand (its full height can be millions of pixels).
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const float pageTop = std::max(m_origin.y - topPadding, m_viewMin.y - 2);
    const float pageBottom = std::min(m_origin.y + float(m_layout.height()) + topPadding, m_viewMax.y + 2);
    if (pageBottom > pageTop) {
        drawList->AddRectFilled(ImVec2(pageX, pageTop), ImVec2(pageX + pageWidth, pageBottom), kPaper);
        drawList->AddLine(ImVec2(pageX - 1, pageTop), ImVec2(pageX - 1, pageBottom), kPaperEdge);
        drawList->AddLine(ImVec2(pageX + pageWidth, pageTop), ImVec2(pageX + pageWidth, pageBottom), kPaperEdge);
    }

    // What is under the mouse, before drawing, so hovered highlights can light up.
    const ImGuiIO& io = ImGui::GetIO();
    const bool hovered = ImGui::IsWindowHovered() && io.MousePos.x < m_viewMax.x;
    const SpanIndex& index = m_state.spanIndex();
    m_hoverCp.reset();
    m_hoverAnnotation.reset();
    if (hovered) {
        m_hoverCp = characterAt(io.MousePos);
        if (m_hoverCp)
            index.forEachIntersecting(*m_hoverCp, *m_hoverCp + 1,
                                      [&](const SpanEntry& e) { m_hoverAnnotation = e.annotation; });
    }
    m_state.pointer = m_hoverCp;
    handleMouse(hovered);
    if (m_hoverAnnotation) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    else if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);

    // Keyboard scrolling, unless a text field or a dialog has the keys (the editor is one
    // window, so its focus need not be checked).
    if (!io.WantTextInput && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
        float scroll = ImGui::GetScrollY();
        const float page = viewHeight - 2 * m_metrics.lineHeight;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown))) scroll += page;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp))) scroll -= page;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) scroll += m_metrics.lineHeight;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) scroll -= m_metrics.lineHeight;
        if (io.KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home))) scroll = 0;
        if (io.KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_End))) scroll = ImGui::GetScrollMaxY();
        if (scroll != ImGui::GetScrollY()) ImGui::SetScrollY(std::clamp(scroll, 0.0f, ImGui::GetScrollMaxY()));
    }

    if (m_layout.lineCount() > 0) {
        const std::size_t first = m_layout.lineAt(m_viewMin.y - m_origin.y);
        const std::size_t last = m_layout.lineAt(m_viewMax.y - m_origin.y);
        for (std::size_t i = first; i <= last; ++i) drawLine(drawList, i, index);
    }
    drawRelations(drawList);

    if (m_hoverAnnotation && !m_dragging) drawTooltip();

    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void TextView::drawTooltip() {
    const AnnotationSet& set = m_state.set();
    m_hoverHits.clear();
    m_state.spanIndex().forEachIntersecting(*m_hoverCp, *m_hoverCp + 1, [&](const SpanEntry& e) {
        m_hoverHits.push_back(e.annotation);
    });
    if (m_hoverHits.empty()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    bool firstEntry = true;
    for (std::uint32_t index : m_hoverHits) {
        const Annotation& a = set.annotations()[index];
        if (!firstEntry) ImGui::Separator();
        firstEntry = false;
        labelChip(m_state.labelStyles().of(a.label).solid);
        ImGui::SameLine();
        ImGui::Text("%s", a.label.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("%s", a.id.c_str());
        for (const auto& [name, value] : a.attributes) {
            std::visit(
                [&](const auto& v) {
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, bool>)
                        ImGui::BulletText("%s: %s", name.c_str(), v ? "yes" : "no");
                    else if constexpr (std::is_same_v<T, std::int64_t>)
                        ImGui::BulletText("%s: %" PRId64, name.c_str(), v);
                    else
                        ImGui::BulletText("%s: %s", name.c_str(), v.c_str());
                },
                value);
        }
        if (!a.note.empty()) ImGui::TextWrapped("%s", a.note.c_str());
        drawTooltipRelations(index);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

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
// [SECTION] Lines
// ---------------------------------------------------------------------------------------

void TextView::drawLine(ImDrawList* drawList, std::size_t lineIndex, const SpanIndex& index) {
    const VisualLine& line = m_layout.line(lineIndex);
    const float top = m_origin.y + static_cast<float>(line.top);
    const float textTop = top + m_textTopOffset;
    const float size = m_fontSize;
    const float backgroundTop = textTop - std::round(size * 0.08f);
    const float backgroundBottom = textTop + std::round(size * 1.22f);
    const float thickness = std::max(1.5f, std::round(size * 0.12f));
    const float underlineTop = backgroundBottom + 1.0f;
    m_layout.caretPositions(lineIndex, m_carets);

    const AnnotationSet& set = m_state.set();
    const LabelStyles& styles = m_state.labelStyles();
    if (line.cpEnd > line.cpStart) {
        index.forEachIntersecting(line.cpStart, line.cpEnd, [&](const SpanEntry& e) {
            const std::size_t a = std::max<std::size_t>(e.start, line.cpStart) - line.cpStart;
            const std::size_t b = std::min<std::size_t>(e.end, line.cpEnd) - line.cpStart;
            const float x0 = m_origin.x + m_carets[a];
            const float x1 = m_origin.x + m_carets[b];
            const Annotation& annotation = set.annotations()[e.annotation];
            const LabelStyle& style = styles.of(annotation.label);
            const bool selected = annotation.id == m_state.selectedAnnotation;
            const bool hot = selected || (m_hoverAnnotation && *m_hoverAnnotation == e.annotation);
            if (e.layer == 0) {
                drawList->AddRectFilled(ImVec2(x0, backgroundTop), ImVec2(x1, backgroundBottom),
                                        hot ? style.fillHover : style.fill, 2.0f);
            } else {
                const float y = underlineTop + float(e.layer - 1) * (thickness + 1.5f);
                drawList->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + thickness), style.solid);
                if (hot)
                    drawList->AddRectFilled(ImVec2(x0, backgroundTop), ImVec2(x1, backgroundBottom),
                                            style.fill, 2.0f);
            }
            if (selected)
                drawList->AddRect(ImVec2(x0 - 1.5f, backgroundTop - 1.5f), ImVec2(x1 + 1.5f, backgroundBottom + 1.5f),
                                  style.solid, 2.0f, 0, 2.0f);
        });
    }
    drawFindMatches(drawList, line, backgroundTop, backgroundBottom);

    const TextSelection& selection = m_state.selection;
    if (!selection.empty() && selection.start() < line.cpEnd && selection.end() > line.cpStart) {
        const std::size_t a = std::max<std::size_t>(selection.start(), line.cpStart) - line.cpStart;
        const std::size_t b = std::min<std::size_t>(selection.end(), line.cpEnd) - line.cpStart;
        drawList->AddRectFilled(ImVec2(m_origin.x + m_carets[a], backgroundTop),
                                ImVec2(m_origin.x + m_carets[b], backgroundBottom), kSelection);
    }

    if (line.byteEnd > line.byteStart) {
        const std::string_view text = m_layout.lineText(lineIndex);
        drawList->AddText(m_font, size, ImVec2(m_origin.x, textTop), kInk, text.data(),
                          text.data() + text.size());
    }
}

// ---------------------------------------------------------------------------------------
// [SECTION] Find
// ---------------------------------------------------------------------------------------

void TextView::drawFindMatches(ImDrawList* drawList, const VisualLine& line, float top, float bottom) {
    const std::vector<Span>& matches = m_state.findMatches;
    if (matches.empty() || line.cpEnd <= line.cpStart) return;
    const std::optional<std::size_t> current = m_state.currentFindMatch;
    for (std::size_t i = firstMatchEndingAfter(matches, line.cpStart);
         i < matches.size() && matches[i].start < line.cpEnd; ++i) {
        const std::size_t a = std::max<std::size_t>(matches[i].start, line.cpStart) - line.cpStart;
        const std::size_t b = std::min<std::size_t>(matches[i].end, line.cpEnd) - line.cpStart;
        const ImVec2 p0(m_origin.x + m_carets[a] - 1, top - 1);
        const ImVec2 p1(m_origin.x + m_carets[b] + 1, bottom + 1);
        if (current && *current == i) {
            drawList->AddRectFilled(p0, p1, kFindCurrentFill, 2.0f);
            drawList->AddRect(ImVec2(p0.x - 1, p0.y - 1), ImVec2(p1.x + 1, p1.y + 1), kFindCurrentEdge, 2.0f, 0, 2.5f);
        } else {
            drawList->AddRectFilled(p0, p1, kFindFill, 2.0f);
            drawList->AddRect(p0, p1, kFindEdge, 2.0f, 0, 2.0f);
        }
    }
}

// ---------------------------------------------------------------------------------------
// [SECTION] Relations
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

void TextView::placeLabel(ImVec2 centre, const char* text, ImU32 colour, ImFont* font, float fontSize,
                          bool down) {
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

void TextView::drawRelationsOf(ImDrawList* drawList, std::uint32_t focus,
                               std::optional<std::uint32_t> skipOther) {
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
            const float lift = lineHeight * 0.8f + std::min(160.0f, std::fabs(to.x - from.x) * 0.15f) +
                               level * lineHeight * 0.7f;
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
        placeLabel(ImVec2(tip.x + 6 + width * 0.5f, tip.y + (up ? -labelSize * 0.3f : labelSize * 0.3f)), text,
                   colour, labelFont, labelSize, /*down=*/!up);
        ++m_relationStubs;
    }
}

// ---------------------------------------------------------------------------------------
// [SECTION] Mouse
// ---------------------------------------------------------------------------------------

void TextView::updateSelection(bool snap) {
    TextSelection& selection = m_state.selection;
    if (m_rawAnchor == m_rawCaret || !snap) {
        selection.anchor = m_rawAnchor;
        selection.caret = m_rawCaret;
        return;
    }
    const CodePointRange r = snapToWords(m_state.document(), std::min(m_rawAnchor, m_rawCaret),
                                         std::max(m_rawAnchor, m_rawCaret));
    if (m_rawAnchor <= m_rawCaret) {
        selection.anchor = r.start;
        selection.caret = r.end;
    } else {
        selection.anchor = r.end;
        selection.caret = r.start;
    }
}

void TextView::handleMouse(bool hovered) {
    const ImGuiIO& io = ImGui::GetIO();
    const Document& document = m_state.document();
    if (hovered && ImGui::IsMouseClicked(0)) {
        const std::size_t cp = caretAt(io.MousePos);
        m_wordDrag = false;
        if (io.KeyShift) {
            m_rawCaret = cp;  // extend from the existing anchor
        } else if (ImGui::IsMouseDoubleClicked(0) && m_hoverCp) {
            CodePointRange word = wordAt(document, *m_hoverCp);
            if (word.start == word.end) word = {*m_hoverCp, *m_hoverCp + 1};
            m_wordDrag = true;
            m_dragWord = word;
            m_rawAnchor = word.start;
            m_rawCaret = word.end;
        } else {
            m_rawAnchor = m_rawCaret = cp;
        }
        m_dragging = true;
        updateSelection(!io.KeyAlt);
        return;
    }
    if (!m_dragging) return;

    if (ImGui::IsMouseDown(0)) {
        // Past the top or bottom edge the view scrolls, faster the further out.
        const float y = io.MousePos.y;
        if (y < m_viewMin.y) ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() - (m_viewMin.y - y) * 0.5f));
        if (y > m_viewMax.y)
            ImGui::SetScrollY(std::min(ImGui::GetScrollMaxY(), ImGui::GetScrollY() + (y - m_viewMax.y) * 0.5f));
        const std::size_t cp = caretAt(io.MousePos);
        if (m_wordDrag) {
            // The double-clicked word stays selected whichever way the drag goes.
            if (cp < m_dragWord.start) {
                m_rawAnchor = m_dragWord.end;
                m_rawCaret = cp;
            } else {
                m_rawAnchor = m_dragWord.start;
                m_rawCaret = std::max(cp, m_dragWord.end);
            }
        } else {
            m_rawCaret = cp;
        }
        updateSelection(!io.KeyAlt);
        return;
    }

    m_dragging = false;
    if (m_rawAnchor == m_rawCaret && !m_wordDrag && !io.KeyShift) {
        // A click, not a drag: pick the annotation under the pointer (or none).
        if (m_hoverAnnotation)
            m_state.selectedAnnotation = m_state.set().annotations()[*m_hoverAnnotation].id;
        else
            m_state.selectedAnnotation.clear();
    }
}

// ---------------------------------------------------------------------------------------
// [SECTION] Geometry
// ---------------------------------------------------------------------------------------

std::optional<std::size_t> TextView::characterAt(ImVec2 screen) const {
    if (m_layout.lineCount() == 0) return std::nullopt;
    const double y = screen.y - m_origin.y;
    if (y < 0 || y >= m_layout.height()) return std::nullopt;
    const std::size_t line = m_layout.lineAt(y);
    const VisualLine& l = m_layout.line(line);
    if (y >= l.top + m_layout.boxHeight(l)) return std::nullopt;  // in the paragraph gap
    return m_layout.characterAtX(line, screen.x - m_origin.x);
}

std::size_t TextView::caretAt(ImVec2 screen) const {
    if (m_layout.lineCount() == 0) return 0;
    const double y = screen.y - m_origin.y;
    if (y < 0) return 0;
    if (y >= m_layout.height()) return m_layout.textLength();
    return m_layout.codePointAtX(m_layout.lineAt(y), screen.x - m_origin.x);
}

ImVec2 TextView::screenPosOf(std::size_t cp) const {
    if (m_layout.lineCount() == 0) return m_origin;
    const std::size_t line = m_layout.lineOfCodePoint(cp);
    return ImVec2(m_origin.x + m_layout.xOfCodePoint(line, cp),
                  m_origin.y + static_cast<float>(m_layout.line(line).top));
}

}  // namespace claimmark::app
