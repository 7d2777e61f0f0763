// annotation_panel.cpp — the side panel (annotation_panel.h).
//
// [SECTION] Panel      inspector / help on top, the list and report tabs, orphans
// [SECTION] Filters    the filter settings and the cached rows
// [SECTION] List UI    filter controls, then one Selectable per row through ImGuiListClipper
#include "app/editor/annotation_panel.h"

#include "app/editor/text_view_look.h"
#include "core/suggest/suggest.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstring>

namespace claimmark::app {

namespace {

constexpr ImU32 kOrphanColour = IM_COL32(200, 40, 40, 255);

// The first line of `text`.
std::string_view firstLine(const std::string& text) {
    const std::size_t cut = text.find_first_of("\r\n");
    return std::string_view(text).substr(0, cut);
}

char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Case-insensitive (ASCII letters) substring test, without allocating.
bool containsFolded(std::string_view haystack, std::string_view needle) {
    if (needle.empty()) return true;
    if (needle.size() > haystack.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
        std::size_t j = 0;
        while (j < needle.size() && lowerAscii(haystack[i + j]) == lowerAscii(needle[j])) ++j;
        if (j == needle.size()) return true;
    }
    return false;
}

// The attributes worth seeing in a row (enum and ordinal values: claim strength / verdict,
// evidence type, hedge and caveat kind), joined with " · " into `out`; an ordinal reads
// as "2/5" to stay short (the row's tooltip names it).
void keyAttributes(const Annotation& a, const LabelDef* label, char* out, std::size_t size) {
    out[0] = '\0';
    if (!label) return;
    std::size_t used = 0;
    for (const AttributeDef& def : label->attributes) {
        if (def.kind != AttributeKind::Enum && def.kind != AttributeKind::Ordinal) continue;
        const auto found = a.attributes.find(std::string_view(def.name));
        if (found == a.attributes.end()) continue;
        int written = 0;
        const char* separator = used > 0 ? " · " : "";
        if (const auto* number = std::get_if<std::int64_t>(&found->second))
            written = std::snprintf(out + used, size - used, "%s%" PRId64 "/%" PRId64, separator, *number, def.max);
        else if (const auto* text = std::get_if<std::string>(&found->second))
            written = std::snprintf(out + used, size - used, "%s%s", separator, text->c_str());
        if (written < 0) break;
        used = std::min(size - 1, used + static_cast<std::size_t>(written));
    }
}

bool attributeValueIs(const AttributeValue& value, const std::string& wanted) {
    if (const auto* text = std::get_if<std::string>(&value)) return *text == wanted;
    return attributeValueToString(value) == wanted;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] Panel
// ---------------------------------------------------------------------------------------

void AnnotationPanel::drawContent() {
    m_inspector.updateLinking();
    const Annotation* selected =
        m_state.selectedAnnotation.empty() ? nullptr : m_state.set().findAnnotation(m_state.selectedAnnotation);

    const float available = ImGui::GetContentRegionAvail().y;
    // Last frame's content height of the same kind (details or help), so switching
    // between them does not squash the inspector for a frame.
    float& measured = selected ? m_inspectorHeight : m_helpHeight;
    // The list (with its filters) keeps at least 38 % of the panel.
    const float orphanWanted = m_orphans.wantedHeight(available);
    const float cap = std::min(available * (selected ? 0.6f : 0.42f), available * 0.62f - orphanWanted);
    const float inspectorHeight =
        std::max(ImGui::GetFrameHeight() * 3, std::min(measured > 0 ? measured : available * 0.62f, cap));
    ImGui::BeginChild("##inspector", ImVec2(0, inspectorHeight), false);
    if (selected) m_inspector.drawContent(*selected);
    else m_inspector.drawHelp();
    measured = ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + 2;
    ImGui::EndChild();
    ImGui::Separator();

    // The list and the report share the space as tabs.
    m_rects.clear();
    const float orphanHeight = orphanWanted;
    if (ImGui::BeginTabBar("##side-tabs")) {
        const auto tab = [&](const char* name, Tab which, const char* probe, const char* tip) {
            const ImGuiTabItemFlags flags = m_selectTab == which ? ImGuiTabItemFlags_SetSelected : 0;
            const bool open = ImGui::BeginTabItem(name, nullptr, flags);
            m_rects.remember(probe);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
            if (open) m_shownTab = which;
            return open;
        };
        if (tab("Annotations", Tab::Annotations, "tab:annotations", "Every annotation, with filters")) {
            const float rest = ImGui::GetContentRegionAvail().y;
            m_list.drawContent(std::max(ImGui::GetFrameHeight() * 4, rest - orphanHeight));
            ImGui::EndTabItem();
        }
        if (tab("Report", Tab::Report, "tab:report",
                "Each claim's support and flags (Ctrl+R writes the report as HTML beside the set)")) {
            const float rest = ImGui::GetContentRegionAvail().y;
            m_report.drawContent(std::max(ImGui::GetFrameHeight() * 4, rest - orphanHeight));
            ImGui::EndTabItem();
        }
        m_selectTab.reset();
        ImGui::EndTabBar();
    }
    m_orphans.drawContent(orphanHeight);
    m_inspector.drawLinkPopup();
}

// ---------------------------------------------------------------------------------------
// [SECTION] Filters
// ---------------------------------------------------------------------------------------

void AnnotationList::showLabel(const std::string& label, bool shown) {
    const auto found = std::find(m_hiddenLabels.begin(), m_hiddenLabels.end(), label);
    if (shown && found != m_hiddenLabels.end()) m_hiddenLabels.erase(found);
    else if (!shown && found == m_hiddenLabels.end()) m_hiddenLabels.push_back(label);
    ++m_generation;
}

void AnnotationList::filterAttribute(const std::string& label, const std::string& name, const std::string& value) {
    m_attrLabel = label;
    m_attrName = label.empty() ? std::string() : name;
    m_attrValue = label.empty() ? std::string() : value;
    ++m_generation;
}

void AnnotationList::filterOrigin(const std::string& origin) {
    m_origin = origin;
    ++m_generation;
}

void AnnotationList::filterText(const std::string& text) {
    m_text = text;
    ++m_generation;
}

void AnnotationList::filterPendingSuggestions(bool only) {
    m_pendingOnly = only;
    ++m_generation;
}

void AnnotationList::clearFilters() {
    m_pendingOnly = false;
    m_hiddenLabels.clear();
    m_attrLabel.clear();
    m_attrName.clear();
    m_attrValue.clear();
    m_origin.clear();
    m_text.clear();
    ++m_generation;
}

bool AnnotationList::passes(const Annotation& a) const {
    if (std::find(m_hiddenLabels.begin(), m_hiddenLabels.end(), a.label) != m_hiddenLabels.end()) return false;
    if (!m_attrLabel.empty()) {
        if (a.label != m_attrLabel) return false;
        const auto found = a.attributes.find(std::string_view(m_attrName));
        if (found == a.attributes.end()) return false;
        if (!m_attrValue.empty() && !attributeValueIs(found->second, m_attrValue)) return false;
    }
    if (!m_origin.empty() && a.origin != m_origin) return false;
    if (m_pendingOnly && !isPendingSuggestion(a)) return false;
    return containsFolded(a.text, m_text);
}

const std::vector<const Annotation*>& AnnotationList::rows() {
    const std::uint64_t revision = m_state.set().revision();
    if (m_rowsRevision != revision || m_rowsGeneration != m_generation) {
        m_rowsRevision = revision;
        m_rowsGeneration = m_generation;
        m_rows.clear();
        for (const Annotation* a : m_state.documentOrder())
            if (passes(*a)) m_rows.push_back(a);
        m_scrollToSelected = true;
    }
    return m_rows;
}

const std::vector<std::string>& AnnotationList::origins() {
    if (m_originsRevision != m_state.set().revision()) {
        m_originsRevision = m_state.set().revision();
        m_origins.clear();
        for (const Annotation& a : m_state.set().annotations())
            if (std::find(m_origins.begin(), m_origins.end(), a.origin) == m_origins.end())
                m_origins.push_back(a.origin);
        std::sort(m_origins.begin(), m_origins.end());
    }
    return m_origins;
}

// ---------------------------------------------------------------------------------------
// [SECTION] List UI
// ---------------------------------------------------------------------------------------

void AnnotationList::drawContent(float height) {
    m_rects.clear();
    const float top = ImGui::GetCursorPosY();
    drawFilters();
    drawRows(std::max(ImGui::GetFrameHeight() * 2, height - (ImGui::GetCursorPosY() - top)));
}

void AnnotationList::drawFilters() {
    const AnnotationSet& set = m_state.set();
    const std::vector<const Annotation*>& shown = rows();
    const std::size_t total = set.annotationCount();

    // Counts, and how many the filters let through.
    if (shown.size() == total) ImGui::Text("%zu annotation%s", total, total == 1 ? "" : "s");
    else ImGui::Text("%zu shown of %zu", shown.size(), total);
    if (set.relationCount() > 0) {
        ImGui::SameLine();
        ImGui::TextDisabled("· %zu relation%s", set.relationCount(), set.relationCount() == 1 ? "" : "s");
    }
    const std::size_t pending = m_state.pendingSuggestions().size();
    if (pending > 0 || m_pendingOnly) {
        ImGui::SameLine();
        char text[64];
        std::snprintf(text, sizeof text, "suggestions %zu###pending-only", pending);
        ImGui::PushStyleColor(ImGuiCol_Text, kSuggestionInk);
        bool only = m_pendingOnly;
        if (ImGui::Checkbox(text, &only)) filterPendingSuggestions(only);
        ImGui::PopStyleColor();
        m_rects.remember("filter-pending");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Only the suggestions not reviewed yet (N goes to the next)");
    }
    const bool filtered =
        !m_hiddenLabels.empty() || !m_attrLabel.empty() || !m_origin.empty() || !m_text.empty() || m_pendingOnly;
    if (filtered) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Show all")) clearFilters();
        m_rects.remember("filters-clear");
    }

    // A checkbox per label, with its colour and count; wraps when the panel is narrow.
    const auto& labels = set.schema.labels;
    const std::vector<std::size_t>& counts = m_state.labelCounts();
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        char text[128];
        std::snprintf(text, sizeof text, "%s %zu###label-%zu", labels[i].name.c_str(),
                      i < counts.size() ? counts[i] : 0, i);
        const float width =
            ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(text, nullptr, true).x;
        if (i > 0 && ImGui::GetItemRectMax().x + ImGui::GetFontSize() * 0.8f + width < right)
            ImGui::SameLine(0, ImGui::GetFontSize() * 0.8f);
        // The checkbox in the label's colours doubles as its legend.
        const LabelStyle& style = m_state.labelStyles().of(labels[i].name);
        ImGui::PushStyleColor(ImGuiCol_FrameBg, style.fill);
        ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, style.fillHover);
        ImGui::PushStyleColor(ImGuiCol_FrameBgActive, style.fillHover);
        ImGui::PushStyleColor(ImGuiCol_CheckMark, style.solid);
        bool on = std::find(m_hiddenLabels.begin(), m_hiddenLabels.end(), labels[i].name) == m_hiddenLabels.end();
        if (ImGui::Checkbox(text, &on)) showLabel(labels[i].name, on);
        ImGui::PopStyleColor(4);
        char probe[96];
        std::snprintf(probe, sizeof probe, "show:%s", labels[i].name.c_str());
        m_rects.remember(probe);
    }

    // Text filter.
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##textfilter", "filter by text…", &m_text)) ++m_generation;
    m_rects.remember("filter-text");

    // Attribute -> value, and origin.
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    char preview[160];
    if (m_attrLabel.empty()) std::snprintf(preview, sizeof preview, "any attribute");
    else std::snprintf(preview, sizeof preview, "%s · %s", m_attrLabel.c_str(), m_attrName.c_str());
    ImGui::SetNextItemWidth(half);
    if (ImGui::BeginCombo("##attribute", preview)) {
        if (ImGui::Selectable("any attribute", m_attrLabel.empty())) filterAttribute("", "", "");
        for (const LabelDef& label : labels) {
            for (const AttributeDef& def : label.attributes) {
                if (def.kind == AttributeKind::Text) continue;
                char item[160];
                std::snprintf(item, sizeof item, "%s · %s", label.name.c_str(), def.name.c_str());
                const bool current = m_attrLabel == label.name && m_attrName == def.name;
                if (ImGui::Selectable(item, current) && !current) filterAttribute(label.name, def.name, "");
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    const LabelDef* attrLabel = m_attrLabel.empty() ? nullptr : set.schema.findLabel(m_attrLabel);
    const AttributeDef* attr = attrLabel ? attrLabel->findAttribute(m_attrName) : nullptr;
    ImGui::SetNextItemWidth(-1);
    ImGui::BeginDisabled(attr == nullptr);
    if (ImGui::BeginCombo("##value", m_attrValue.empty() ? "any value" : m_attrValue.c_str())) {
        if (attr) {
            auto option = [&](const std::string& value, const char* shownText) {
                if (ImGui::Selectable(shownText, m_attrValue == value)) filterAttribute(m_attrLabel, m_attrName, value);
            };
            option("", "any value");
            switch (attr->kind) {
                case AttributeKind::Enum:
                    for (const std::string& value : attr->values) option(value, value.c_str());
                    break;
                case AttributeKind::Ordinal:
                    for (std::int64_t level = attr->min; level <= attr->max && level - attr->min < 100; ++level) {
                        const std::size_t index = static_cast<std::size_t>(level - attr->min);
                        char text[128];
                        std::snprintf(text, sizeof text, "%" PRId64 "%s%s", level,
                                      index < attr->levels.size() ? " — " : "",
                                      index < attr->levels.size() ? attr->levels[index].c_str() : "");
                        option(std::to_string(level), text);
                    }
                    break;
                case AttributeKind::Bool:
                    option("true", "true");
                    option("false", "false");
                    break;
                case AttributeKind::Text: break;
            }
        }
        ImGui::EndCombo();
    }
    ImGui::EndDisabled();

    const std::vector<std::string>& present = origins();
    if (present.size() > 1 || !m_origin.empty()) {
        ImGui::SetNextItemWidth(half);
        char originPreview[96];
        std::snprintf(originPreview, sizeof originPreview, "%s", m_origin.empty() ? "any origin" : m_origin.c_str());
        if (ImGui::BeginCombo("##origin", originPreview)) {
            if (ImGui::Selectable("any origin", m_origin.empty())) filterOrigin("");
            for (const std::string& origin : present)
                if (ImGui::Selectable(origin.c_str(), m_origin == origin)) filterOrigin(origin);
            ImGui::EndCombo();
        }
    }
    ImGui::Spacing();
}

void AnnotationList::drawRows(float height) {
    const std::vector<const Annotation*>& order = rows();
    if (m_state.selectedAnnotation != m_lastSelected) {
        m_lastSelected = m_state.selectedAnnotation;
        m_scrollToSelected = true;
    }
    ImGui::BeginChild("##annotations", ImVec2(0, height), false);
    if (order.empty()) {
        ImGui::PushTextWrapPos(0);
        if (m_state.set().annotationCount() == 0)
            ImGui::TextDisabled(
                "No annotations yet. Select text in the article, then press a label's "
                "key (1 claim, 2 hedge, 3 caveat, 4 evidence) or click its button.");
        else ImGui::TextDisabled("No annotation matches the filters.");
        ImGui::PopTextWrapPos();
        ImGui::EndChild();
        return;
    }

    const float rowHeight = ImGui::GetTextLineHeightWithSpacing();
    if (m_scrollToSelected) {
        m_scrollToSelected = false;
        for (std::size_t i = 0; i < order.size(); ++i) {
            if (order[i]->id != m_state.selectedAnnotation) continue;
            const float y = float(i) * rowHeight;
            const float top = ImGui::GetScrollY(), bottom = top + ImGui::GetWindowHeight();
            if (y < top || y + rowHeight > bottom) ImGui::SetScrollY(y - ImGui::GetWindowHeight() * 0.4f);
            break;
        }
    }

    ImDrawList* drawList = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const float fontSize = ImGui::GetFontSize();
    const ImU32 textColour = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 dimColour = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const float labelWidth = fontSize * 5.2f;
    const Schema& schema = m_state.set().schema;

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(order.size()), rowHeight);
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const Annotation& a = *order[static_cast<std::size_t>(row)];
            const bool selected = a.id == m_state.selectedAnnotation;
            ImGui::PushID(row);
            // The row's own left edge: a Selectable's rectangle reaches into the spacing.
            const float left = ImGui::GetCursorScreenPos().x;
            if (ImGui::Selectable("##row", selected, 0, ImVec2(0, rowHeight - ImGui::GetStyle().ItemSpacing.y))) {
                m_state.selectedAnnotation = a.id;
                m_state.selection = TextSelection{};
                if (!a.orphaned) m_state.scrollTarget = a.start();
            }
            char probe[96];
            std::snprintf(probe, sizeof probe, "row:%s", a.id.c_str());
            m_rects.remember(probe);
            const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
            const float chip = fontSize * 0.75f;
            const float chipTop = min.y + (max.y - min.y - chip) * 0.5f;
            const LabelStyle& style = m_state.labelStyles().of(a.label);
            const bool pending = isPendingSuggestion(a);
            if (pending) {  // hollow, as the dashed outline in the text
                drawList->AddRectFilled(ImVec2(left + 2, chipTop), ImVec2(left + 2 + chip, chipTop + chip),
                                        style.pendingFill, chip * 0.25f);
                drawList->AddRect(ImVec2(left + 2, chipTop), ImVec2(left + 2 + chip, chipTop + chip), style.solid,
                                  chip * 0.25f, 0, 1.5f);
            } else {
                drawList->AddRectFilled(ImVec2(left + 2, chipTop), ImVec2(left + 2 + chip, chipTop + chip), style.solid,
                                        chip * 0.25f);
            }
            const float textY = min.y + (max.y - min.y - fontSize) * 0.5f;
            const float labelX = left + chip + fontSize * 0.6f;
            const ImVec4 labelClip(labelX, min.y, labelX + labelWidth - 4, max.y);
            drawList->AddText(font, fontSize, ImVec2(labelX, textY), textColour, a.label.data(),
                              a.label.data() + a.label.size(), 0.0f, &labelClip);

            // Key attributes, right-aligned; the excerpt gets what is left.
            // A pending suggestion shows its rule (what to check it against) instead of its
            // attributes, which its tooltip and the inspector list.
            char attributes[160];
            if (pending)
                std::snprintf(attributes, sizeof attributes, "%s", a.rule.empty() ? "suggested" : a.rule.c_str());
            else keyAttributes(a, schema.findLabel(a.label), attributes, sizeof attributes);
            float excerptRight = max.x - 2;
            if (attributes[0]) {
                const float width = font->CalcTextSizeA(fontSize, FLT_MAX, 0.0f, attributes).x;
                // The excerpt keeps at least a third of the row; long values are clipped.
                const float x =
                    std::max(labelX + labelWidth + (max.x - labelX - labelWidth) * 0.36f, max.x - 4 - width);
                const ImVec4 clip(x, min.y, max.x - 2, max.y);
                drawList->AddText(font, fontSize, ImVec2(x, textY),
                                  pending ? ImGui::GetColorU32(kSuggestionInk) : dimColour, attributes, nullptr, 0.0f,
                                  &clip);
                excerptRight = x - fontSize * 0.6f;
            }
            const float excerptX = labelX + labelWidth;
            const ImVec4 excerptClip(excerptX, min.y, excerptRight, max.y);
            const std::string_view excerpt = firstLine(a.text);
            drawList->AddText(font, fontSize, ImVec2(excerptX, textY), a.orphaned ? kOrphanColour : textColour,
                              excerpt.data(), excerpt.data() + excerpt.size(), 0.0f, &excerptClip);
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
                ImGui::Text("%s %s · %s", a.label.c_str(), a.id.c_str(), a.origin.c_str());
                if (pending) ImGui::TextColored(kSuggestionInk, "pending suggestion · rule %s", a.rule.c_str());
                else if (!a.rule.empty()) ImGui::TextDisabled("from rule %s", a.rule.c_str());
                if (!a.rule.empty()) {
                    // Read once per row and revision: hovering allocates nothing.
                    if (m_tooltipReasonFor != a.id || m_tooltipReasonRevision != m_state.set().revision()) {
                        m_tooltipReasonFor = a.id;
                        m_tooltipReasonRevision = m_state.set().revision();
                        m_tooltipReason = suggestionReason(a);
                    }
                    if (!m_tooltipReason.empty()) ImGui::TextDisabled("%s", m_tooltipReason.c_str());
                }
                if (a.orphaned)
                    ImGui::TextColored(ImColor(kOrphanColour),
                                       "orphaned: the article changed and this text was not found again");
                for (const auto& [name, value] : a.attributes) {
                    if (const auto* text = std::get_if<std::string>(&value))
                        ImGui::TextDisabled("%s: %s", name.c_str(), text->c_str());
                    else if (const auto* number = std::get_if<std::int64_t>(&value))
                        ImGui::TextDisabled("%s: %" PRId64, name.c_str(), *number);
                    else ImGui::TextDisabled("%s: %s", name.c_str(), std::get<bool>(value) ? "yes" : "no");
                }
                if (!a.note.empty()) ImGui::TextWrapped("note: %s", a.note.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

}  // namespace claimmark::app
