// annotation_panel.cpp — the side panel (annotation_panel.h).
//
// [SECTION] Counts
// [SECTION] List       one Selectable per row, drawn through ImGuiListClipper
// [SECTION] Details    label, attributes, note, delete
#include "app/annotation_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>

namespace claimmark::app {

namespace {

constexpr ImU32 kOrphanColour = IM_COL32(200, 40, 40, 255);

Action actionFor(ActionKind kind, const std::string& id) {
    Action action;
    action.kind = kind;
    action.id = id;
    return action;
}

// The first line of `text`, as [begin, end).
std::string_view firstLine(const std::string& text) {
    const std::size_t cut = text.find_first_of("\r\n");
    return std::string_view(text).substr(0, cut);
}

}  // namespace

void AnnotationPanel::drawContent() {
    drawCounts();
    ImGui::Separator();

    const Annotation* selected =
        m_state.selectedAnnotation.empty() ? nullptr : m_state.set().findAnnotation(m_state.selectedAnnotation);
    if (m_state.selectedAnnotation != m_lastSelected) {
        m_lastSelected = m_state.selectedAnnotation;
        m_scrollToSelected = true;
    }
    const float available = ImGui::GetContentRegionAvail().y;
    const float listHeight = selected ? std::max(available * 0.5f, available - ImGui::GetFontSize() * 22.0f)
                                      : available;
    drawList(listHeight);
    if (!selected && !m_noteFor.empty()) {  // deselected while a note was being edited
        commitNote();
        m_noteFor.clear();
    }
    if (selected) {
        ImGui::Separator();
        ImGui::BeginChild("##details", ImVec2(0, 0), false);
        drawDetails(*selected);
        ImGui::EndChild();
    }
}

// ---------------------------------------------------------------------------------------
// [SECTION] Counts
// ---------------------------------------------------------------------------------------

void AnnotationPanel::drawCounts() {
    const AnnotationSet& set = m_state.set();
    const std::vector<std::size_t>& counts = m_state.labelCounts();
    ImGui::Text("%zu annotation%s", set.annotationCount(), set.annotationCount() == 1 ? "" : "s");
    if (set.relationCount() > 0) {
        ImGui::SameLine();
        ImGui::TextDisabled("· %zu relations", set.relationCount());
    }
    if (const std::size_t orphaned = set.orphanedCount(); orphaned > 0) {
        ImGui::SameLine();
        ImGui::TextColored(ImColor(kOrphanColour), "· %zu orphaned", orphaned);
    }
    const auto& labels = set.schema.labels;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        char text[96];
        std::snprintf(text, sizeof text, "%s %zu", labels[i].name.c_str(), i < counts.size() ? counts[i] : 0);
        // Wrap to a new row when the next chip and count would not fit.
        const float width = ImGui::GetTextLineHeight() * 0.8f + ImGui::GetStyle().ItemSpacing.x +
                            ImGui::CalcTextSize(text).x;
        if (i > 0 && ImGui::GetItemRectMax().x + ImGui::GetFontSize() + width < right)
            ImGui::SameLine(0, ImGui::GetFontSize());
        labelChip(m_state.labelStyles().of(labels[i].name).solid);
        ImGui::SameLine();
        ImGui::TextUnformatted(text);
    }
}

// ---------------------------------------------------------------------------------------
// [SECTION] List
// ---------------------------------------------------------------------------------------

void AnnotationPanel::drawList(float height) {
    const std::vector<const Annotation*>& order = m_state.documentOrder();
    ImGui::BeginChild("##annotations", ImVec2(0, height), false);
    if (order.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("No annotations yet. Select text in the article, then press a label's "
                            "key (1 claim, 2 hedge, 3 caveat, 4 evidence) or click its button.");
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
                m_state.scrollTarget = a.start();
            }
            const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
            const float chip = fontSize * 0.75f;
            const float chipTop = min.y + (max.y - min.y - chip) * 0.5f;
            drawList->AddRectFilled(ImVec2(left + 2, chipTop), ImVec2(left + 2 + chip, chipTop + chip),
                                    m_state.labelStyles().of(a.label).solid, chip * 0.25f);
            const float textY = min.y + (max.y - min.y - fontSize) * 0.5f;
            const float labelX = left + chip + fontSize * 0.6f;
            const ImVec4 labelClip(labelX, min.y, labelX + labelWidth - 4, max.y);
            drawList->AddText(font, fontSize, ImVec2(labelX, textY), textColour, a.label.data(),
                              a.label.data() + a.label.size(), 0.0f, &labelClip);
            const float excerptX = labelX + labelWidth;
            const ImVec4 excerptClip(excerptX, min.y, max.x - 2, max.y);
            const std::string_view excerpt = firstLine(a.text);
            drawList->AddText(font, fontSize, ImVec2(excerptX, textY), a.orphaned ? kOrphanColour : dimColour,
                              excerpt.data(), excerpt.data() + excerpt.size(), 0.0f, &excerptClip);
            if (ImGui::IsItemHovered() && a.orphaned)
                ImGui::SetTooltip("Orphaned: the article changed and this text was not found again.");
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

// ---------------------------------------------------------------------------------------
// [SECTION] Details
// ---------------------------------------------------------------------------------------

void AnnotationPanel::drawDetails(const Annotation& annotation) {
    const AnnotationSet& set = m_state.set();
    labelChip(m_state.labelStyles().of(annotation.label).solid);
    ImGui::SameLine();
    ImGui::Text("%s", annotation.id.c_str());
    ImGui::SameLine();
    if (annotation.spans.size() == 1)
        ImGui::TextDisabled("%zu–%zu", annotation.start(), annotation.end());
    else
        ImGui::TextDisabled("%zu spans, %zu–%zu", annotation.spans.size(), annotation.start(), annotation.end());
    if (annotation.orphaned) ImGui::TextColored(ImColor(kOrphanColour), "orphaned — not found in the current article");

    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(annotation.text.data(), annotation.text.data() + annotation.text.size());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();

    const float fieldWidth = -ImGui::GetFontSize() * 6.0f;
    ImGui::SetNextItemWidth(fieldWidth);
    if (ImGui::BeginCombo("label", annotation.label.c_str())) {
        for (const LabelDef& label : set.schema.labels) {
            const bool current = label.name == annotation.label;
            if (ImGui::Selectable(label.name.c_str(), current) && !current) {
                Action action = actionFor(ActionKind::Relabel, annotation.id);
                action.label = label.name;
                m_state.post(std::move(action));
            }
        }
        ImGui::EndCombo();
    }

    if (const LabelDef* label = set.schema.findLabel(annotation.label)) {
        for (const AttributeDef& def : label->attributes) {
            ImGui::PushID(def.name.c_str());
            drawAttribute(annotation, def);
            ImGui::PopID();
        }
    }

    // The note: edited in a local buffer, committed as one step when the field is left (or
    // when another annotation is picked while it is being edited).
    if (m_noteFor != annotation.id) {
        commitNote();
        m_noteFor = annotation.id;
        m_noteText = m_noteSource = annotation.note;
    } else if (!ImGui::IsAnyItemActive() && m_noteSource != annotation.note) {
        m_noteText = m_noteSource = annotation.note;  // changed by undo / redo
    }
    ImGui::TextUnformatted("note");
    ImGui::PushID(annotation.id.c_str());  // a new field per annotation: no stale edit state
    ImGui::InputTextMultiline("##note", &m_noteText, ImVec2(-1, ImGui::GetTextLineHeight() * 4));
    if (ImGui::IsItemDeactivatedAfterEdit()) commitNote();
    ImGui::PopID();

    ImGui::Spacing();
    if (ImGui::Button("Delete")) m_state.post(actionFor(ActionKind::DeleteAnnotation, annotation.id));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Delete this annotation (Del)");
}

void AnnotationPanel::commitNote() {
    if (m_noteFor.empty() || m_noteText == m_noteSource) return;
    const Annotation* annotation = m_state.set().findAnnotation(m_noteFor);
    if (!annotation || annotation->note == m_noteText) return;
    Action action = actionFor(ActionKind::SetNote, m_noteFor);
    action.text = m_noteText;
    m_state.post(std::move(action));
    m_noteSource = m_noteText;
}

void AnnotationPanel::drawAttribute(const Annotation& annotation, const AttributeDef& def) {
    const auto found = annotation.attributes.find(std::string_view(def.name));
    const AttributeValue* value = found == annotation.attributes.end() ? nullptr : &found->second;
    auto post = [&](std::optional<AttributeValue> newValue) {
        Action action = actionFor(ActionKind::SetAttribute, annotation.id);
        action.name = def.name;
        action.value = std::move(newValue);
        m_state.post(std::move(action));
    };
    const float fieldWidth = -ImGui::GetFontSize() * 6.0f;

    switch (def.kind) {
        case AttributeKind::Enum: {
            const std::string* current = value ? std::get_if<std::string>(value) : nullptr;
            ImGui::SetNextItemWidth(fieldWidth);
            if (ImGui::BeginCombo(def.name.c_str(), current ? current->c_str() : "—")) {
                if (ImGui::Selectable("—", current == nullptr) && current) post(std::nullopt);
                for (const std::string& option : def.values) {
                    const bool chosen = current && *current == option;
                    if (ImGui::Selectable(option.c_str(), chosen) && !chosen) post(AttributeValue(option));
                }
                ImGui::EndCombo();
            }
            break;
        }
        case AttributeKind::Ordinal: {
            const std::int64_t* current = value ? std::get_if<std::int64_t>(value) : nullptr;
            for (std::int64_t level = def.min; level <= def.max && level - def.min < 12; ++level) {
                char text[24];
                std::snprintf(text, sizeof text, "%" PRId64, level);
                if (ImGui::RadioButton(text, current && *current == level) && !(current && *current == level))
                    post(AttributeValue(level));
                const std::size_t levelIndex = static_cast<std::size_t>(level - def.min);
                if (ImGui::IsItemHovered() && levelIndex < def.levels.size())
                    ImGui::SetTooltip("%s", def.levels[levelIndex].c_str());
                ImGui::SameLine();
            }
            ImGui::TextUnformatted(def.name.c_str());
            break;
        }
        case AttributeKind::Bool: {
            bool checked = value && std::holds_alternative<bool>(*value) && std::get<bool>(*value);
            if (ImGui::Checkbox(def.name.c_str(), &checked)) post(AttributeValue(checked));
            break;
        }
        case AttributeKind::Text: {
            const std::string* current = value ? std::get_if<std::string>(value) : nullptr;
            ImGui::SetNextItemWidth(fieldWidth);
            ImGui::TextUnformatted(def.name.c_str());
            ImGui::SameLine();
            ImGui::TextDisabled("%s", current ? current->c_str() : "—");
            break;
        }
    }
    if (!def.description.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", def.description.c_str());
}

}  // namespace claimmark::app
