// inspector_attributes.cpp — the inspector's attribute controls, one per kind
// (inspector_panel.h).
//
// [SECTION] Attributes     enum combo, ordinal levels, bool checkbox, text field, clear
//                          button; text fields committed when left
#include "app/editor/inspector_panel.h"

#include "app/editor/inspector_support.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>

namespace claimmark::app {

// ---------------------------------------------------------------------------------------
// [SECTION] Attributes
// ---------------------------------------------------------------------------------------

void InspectorPanel::postAttribute(const std::string& id, const std::string& name,
                                   std::optional<AttributeValue> value) {
    Action action = Action::of(ActionKind::SetAttribute, id);
    action.name = name;
    action.value = std::move(value);
    m_state.post(std::move(action));
}

void InspectorPanel::drawAttribute(const Annotation& annotation, const AttributeDef& def) {
    const auto found = annotation.attributes.find(std::string_view(def.name));
    const AttributeValue* value = found == annotation.attributes.end() ? nullptr : &found->second;
    const float column = ImGui::GetFontSize() * 6.5f;
    const float clearWidth = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x;
    char name[160];
    std::snprintf(name, sizeof name, "attr:%s", def.name.c_str());

    fieldName(def.name.c_str(), column);
    if (!def.description.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", def.description.c_str());

    switch (def.kind) {
        case AttributeKind::Enum: {
            const std::string* current = value ? std::get_if<std::string>(value) : nullptr;
            ImGui::SetNextItemWidth(-clearWidth);
            if (ImGui::BeginCombo("##value", current ? current->c_str() : "—")) {
                for (const std::string& option : def.values) {
                    const bool chosen = current && *current == option;
                    if (ImGui::Selectable(option.c_str(), chosen) && !chosen)
                        postAttribute(annotation.id, def.name, AttributeValue(option));
                    char optionName[160];
                    std::snprintf(optionName, sizeof optionName, "option:%s", option.c_str());
                    m_rects.remember(optionName);
                }
                ImGui::EndCombo();
            }
            m_rects.remember(name);
            break;
        }
        case AttributeKind::Ordinal: {
            const std::int64_t* current = value ? std::get_if<std::int64_t>(value) : nullptr;
            const float side = ImGui::GetFrameHeight();
            for (std::int64_t level = def.min; level <= def.max && level - def.min < 12; ++level) {
                const bool on = current && *current == level;
                char text[32];
                std::snprintf(text, sizeof text, "%" PRId64, level);
                if (on) {
                    const LabelStyle& style = m_state.labelStyles().of(annotation.label);
                    ImGui::PushStyleColor(ImGuiCol_Button, style.solid);
                    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, style.solid);
                    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
                }
                if (ImGui::Button(text, ImVec2(side * 1.15f, side)) && !on)
                    postAttribute(annotation.id, def.name, AttributeValue(level));
                if (on) ImGui::PopStyleColor(3);
                const std::size_t levelIndex = static_cast<std::size_t>(level - def.min);
                if (ImGui::IsItemHovered() && levelIndex < def.levels.size())
                    ImGui::SetTooltip("%" PRId64 " — %s", level, def.levels[levelIndex].c_str());
                char levelName[180];
                std::snprintf(levelName, sizeof levelName, "%s:%" PRId64, name, level);
                m_rects.remember(levelName);
                ImGui::SameLine(0, 3);
            }
            ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x);
            if (current && *current >= def.min && static_cast<std::size_t>(*current - def.min) < def.levels.size())
                ImGui::TextDisabled("%s", def.levels[static_cast<std::size_t>(*current - def.min)].c_str());
            else ImGui::TextDisabled("%s", current ? "" : "unset");
            break;
        }
        case AttributeKind::Bool: {
            bool checked = value && std::holds_alternative<bool>(*value) && std::get<bool>(*value);
            if (ImGui::Checkbox(value ? (checked ? "yes" : "no") : "unset", &checked))
                postAttribute(annotation.id, def.name, AttributeValue(checked));
            m_rects.remember(name);
            break;
        }
        case AttributeKind::Text: {
            const std::string* current = value ? std::get_if<std::string>(value) : nullptr;
            auto field =
                std::find_if(m_fields.begin(), m_fields.end(), [&](const TextField& f) { return f.name == def.name; });
            if (field == m_fields.end()) {
                m_fields.push_back({def.name, current ? *current : "", current ? *current : ""});
                field = m_fields.end() - 1;
            } else if (!ImGui::IsAnyItemActive() && field->source != (current ? *current : "")) {
                field->value = field->source = current ? *current : "";  // undo / redo changed it
            }
            ImGui::SetNextItemWidth(-clearWidth);
            ImGui::InputText("##value", &field->value);
            m_rects.remember(name);
            if (ImGui::IsItemDeactivatedAfterEdit()) commitFields();
            break;
        }
    }

    if (value) {
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::GetFrameHeight());
        if (ImGui::Button("×", ImVec2(ImGui::GetFrameHeight(), ImGui::GetFrameHeight())))
            postAttribute(annotation.id, def.name, std::nullopt);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Clear %s", def.name.c_str());
        char clearName[160];
        std::snprintf(clearName, sizeof clearName, "clear:%s", def.name.c_str());
        m_rects.remember(clearName);
    }
}

void InspectorPanel::commitFields() {
    if (m_fieldsFor.empty()) return;
    const Annotation* annotation = m_state.set().findAnnotation(m_fieldsFor);
    for (TextField& field : m_fields) {
        if (field.value == field.source) continue;
        field.source = field.value;
        if (!annotation) continue;
        // An emptied text attribute is removed rather than stored as "".
        postAttribute(m_fieldsFor, field.name,
                      field.value.empty() ? std::nullopt : std::optional<AttributeValue>(field.value));
    }
}

}  // namespace claimmark::app
