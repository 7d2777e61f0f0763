// text_view.cpp — drawing the article and handling the mouse over it (text_view.h).
//
// [SECTION] Look        the font (colours and proportions of the page: text_view_look.h)
// [SECTION] Layout      rebuilt on width / font / document change, scroll kept in place
// [SECTION] Frame       drawContent: page, visible lines, tooltip
// [SECTION] Lines       highlights, selection and ink of one visual line
// [SECTION] Find        matches outlined on a line
// [SECTION] Mouse       selection, word snapping, clicking annotations
// [SECTION] Geometry    screen <-> text
//
// The relations (arrows, stubs, the tooltip's relation lines) are in relation_arrows.cpp.
#include "app/editor/text_view.h"

#include "app/common/fonts.h"
#include "app/editor/text_view_look.h"
#include "core/suggest/suggest.h"
#include "core/text/text_search.h"

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstring>
#include <type_traits>
#include <variant>

namespace claimmark::app {

// ---------------------------------------------------------------------------------------
// [SECTION] Look
// ---------------------------------------------------------------------------------------

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
    m_state.spanIndex().forEachIntersecting(*m_hoverCp, *m_hoverCp + 1,
                                            [&](const SpanEntry& e) { m_hoverHits.push_back(e.annotation); });
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
        if (isPendingSuggestion(a) || !a.rule.empty()) {
            if (isPendingSuggestion(a)) ImGui::TextColored(kSuggestionInk, "suggested by %s", a.rule.c_str());
            else ImGui::TextDisabled("from rule %s", a.rule.c_str());
            if (const std::string& reason = reasonOf(index); !reason.empty()) ImGui::TextDisabled("%s", reason.c_str());
        }
        for (const auto& [name, value] : a.attributes) {
            std::visit(
                [&](const auto& v) {
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, bool>) ImGui::BulletText("%s: %s", name.c_str(), v ? "yes" : "no");
                    else if constexpr (std::is_same_v<T, std::int64_t>)
                        ImGui::BulletText("%s: %" PRId64, name.c_str(), v);
                    else ImGui::BulletText("%s: %s", name.c_str(), v.c_str());
                },
                value);
        }
        if (!a.note.empty()) ImGui::TextWrapped("%s", a.note.c_str());
        drawTooltipRelations(index);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// The reason of a suggestion under the mouse, read once per set revision and annotation
// (hovering allocates nothing frame after frame).
const std::string& TextView::reasonOf(std::uint32_t annotation) {
    const std::uint64_t revision = m_state.set().revision();
    for (const TooltipReason& cached : m_tooltipReasons)
        if (cached.annotation == annotation && cached.revision == revision) return cached.text;
    if (m_tooltipReasons.size() >= 8) m_tooltipReasons.erase(m_tooltipReasons.begin());
    m_tooltipReasons.push_back({annotation, revision, suggestionReason(m_state.set().annotations()[annotation])});
    return m_tooltipReasons.back().text;
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
            if (isPendingSuggestion(annotation)) {
                const float y = underlineTop + float(e.layer - 1) * (thickness + 1.5f);
                if (e.layer == 0 || hot)
                    drawList->AddRectFilled(ImVec2(x0, backgroundTop), ImVec2(x1, backgroundBottom),
                                            hot ? style.pendingFillHover : style.pendingFill, 2.0f);
                if (e.layer == 0)
                    drawPendingOutline(drawList, e, line, ImVec2(x0, backgroundTop), ImVec2(x1, backgroundBottom),
                                       style.solid, false);
                else drawPendingOutline(drawList, e, line, ImVec2(x0, y), ImVec2(x1, y + thickness), style.solid, true);
            } else if (e.layer == 0) {
                drawList->AddRectFilled(ImVec2(x0, backgroundTop), ImVec2(x1, backgroundBottom),
                                        hot ? style.fillHover : style.fill, 2.0f);
            } else {
                const float y = underlineTop + float(e.layer - 1) * (thickness + 1.5f);
                drawList->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + thickness), style.solid);
                if (hot)
                    drawList->AddRectFilled(ImVec2(x0, backgroundTop), ImVec2(x1, backgroundBottom), style.fill, 2.0f);
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
        drawList->AddText(m_font, size, ImVec2(m_origin.x, textTop), kInk, text.data(), text.data() + text.size());
    }
}

// A pending suggestion's part of a line: dashes along the top and bottom (or, as an
// underline, along the bottom only), and an edge where the span begins or ends on it.
void TextView::drawPendingOutline(ImDrawList* drawList, const SpanEntry& entry, const VisualLine& line, ImVec2 min,
                                  ImVec2 max, ImU32 colour, bool underline) const {
    const float dash = std::max(3.0f, std::round(m_fontSize * 0.3f));
    const float width = std::max(1.0f, std::round(m_fontSize * 0.1f));
    for (float x = min.x; x < max.x; x += 2 * dash) {
        const float end = std::min(x + dash, max.x);
        if (underline) {
            drawList->AddRectFilled(ImVec2(x, min.y), ImVec2(end, max.y), colour);
            continue;
        }
        drawList->AddRectFilled(ImVec2(x, min.y), ImVec2(end, min.y + width), colour);
        drawList->AddRectFilled(ImVec2(x, max.y - width), ImVec2(end, max.y), colour);
    }
    if (underline) return;
    if (entry.start >= line.cpStart) drawList->AddRectFilled(min, ImVec2(min.x + width, max.y), colour);
    if (entry.end <= line.cpEnd) drawList->AddRectFilled(ImVec2(max.x - width, min.y), max, colour);
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
// [SECTION] Mouse
// ---------------------------------------------------------------------------------------

void TextView::updateSelection(bool snap) {
    TextSelection& selection = m_state.selection;
    if (m_rawAnchor == m_rawCaret || !snap) {
        selection.anchor = m_rawAnchor;
        selection.caret = m_rawCaret;
        return;
    }
    const CodePointRange r =
        snapToWords(m_state.document(), std::min(m_rawAnchor, m_rawCaret), std::max(m_rawAnchor, m_rawCaret));
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
        if (m_hoverAnnotation) m_state.selectedAnnotation = m_state.set().annotations()[*m_hoverAnnotation].id;
        else m_state.selectedAnnotation.clear();
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

CodePointRange TextView::fullyVisibleText() const {
    if (m_layout.lineCount() == 0) return {};
    std::size_t first = m_layout.lineAt(m_viewMin.y - m_origin.y);
    std::size_t last = m_layout.lineAt(m_viewMax.y - m_origin.y);
    const auto topOf = [&](std::size_t i) { return m_origin.y + static_cast<float>(m_layout.line(i).top); };
    if (topOf(first) < m_viewMin.y - 0.5f) ++first;
    if (topOf(last) + m_layout.boxHeight(m_layout.line(last)) > m_viewMax.y + 0.5f) {
        if (last == 0) return {};
        --last;
    }
    if (first > last || first >= m_layout.lineCount()) return {};
    return {m_layout.line(first).cpStart, m_layout.line(last).cpEnd};
}

ImVec2 TextView::screenPosOf(std::size_t cp) const {
    if (m_layout.lineCount() == 0) return m_origin;
    const std::size_t line = m_layout.lineOfCodePoint(cp);
    return ImVec2(m_origin.x + m_layout.xOfCodePoint(line, cp),
                  m_origin.y + static_cast<float>(m_layout.line(line).top));
}

}  // namespace claimmark::app
