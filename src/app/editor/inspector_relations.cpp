// inspector_relations.cpp — the inspector's relations and the linking flow that creates
// them (inspector_panel.h).
//
// [SECTION] Relations      the list, and the linking flow with its popup
#include "app/editor/inspector_panel.h"

#include <imgui.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>  // key codes only: the GLFW backend fills io.KeysDown[] with them

#include <cstdio>
#include <cstring>

namespace claimmark::app {

namespace {

const ImVec4 kHintColour(0.99f, 0.94f, 0.80f, 1.0f);
const ImVec4 kWarnText(0.62f, 0.20f, 0.10f, 1.0f);

const char* article(const std::string& word) {
    return !word.empty() && std::strchr("aeiouAEIOU", word[0]) ? "an" : "a";
}

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] Relations
// ---------------------------------------------------------------------------------------

void InspectorPanel::drawRelations(const Annotation& annotation) {
    ImGui::AlignTextToFramePadding();
    if (m_relations.empty()) ImGui::TextDisabled("No relations");
    else ImGui::TextDisabled("Relations (%zu)", m_relations.size());
    const bool linking = m_state.linkSource == annotation.id;
    const float buttonWidth = ImGui::CalcTextSize("Linking…").x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - buttonWidth);
    ImGui::BeginDisabled(linking || annotation.orphaned);
    if (ImGui::Button(linking ? "Linking…" : "Link…", ImVec2(buttonWidth, 0))) startLinking();
    ImGui::EndDisabled();
    m_rects.remember("link");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Link this annotation to the one it bears on (L)");

    if (linking || !m_linkMessage.empty()) {
        ImGui::PushStyleColor(ImGuiCol_ChildBg, kHintColour);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 6));
        const float wrap = ImGui::GetContentRegionAvail().x - 16;
        const char* hint = "Click the annotation this one bears on (Esc cancels)";
        float height = ImGui::CalcTextSize(hint, nullptr, false, wrap).y + ImGui::GetFrameHeightWithSpacing();
        if (!m_linkMessage.empty())
            height +=
                ImGui::CalcTextSize(m_linkMessage.c_str(), nullptr, false, wrap).y + ImGui::GetStyle().ItemSpacing.y;
        ImGui::BeginChild("##linkhint", ImVec2(0, height + 12), false,
                          ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
        ImGui::PushTextWrapPos(0);
        if (!m_linkMessage.empty()) ImGui::TextColored(kWarnText, "%s", m_linkMessage.c_str());
        if (linking) {
            ImGui::TextUnformatted(hint);
            if (ImGui::SmallButton("Cancel linking")) cancelLinking();
            m_rects.remember("link-cancel");
        } else if (ImGui::SmallButton("OK")) {
            m_linkMessage.clear();
        }
        ImGui::PopTextWrapPos();
        ImGui::EndChild();
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
    }

    const float deleteWidth = ImGui::GetFrameHeight();
    for (const RelationLine& line : m_relations) {
        ImGui::PushID(line.relationId.c_str());
        labelChip(m_state.labelStyles().of(line.otherLabel).solid);
        ImGui::SameLine();
        const float width = ImGui::GetContentRegionAvail().x - deleteWidth - ImGui::GetStyle().ItemSpacing.x;
        if (ImGui::Selectable(line.text.c_str(), false, 0, ImVec2(width, 0))) {
            if (const Annotation* other = m_state.set().findAnnotation(line.otherId)) {
                m_state.selectedAnnotation = other->id;
                m_state.selection = TextSelection{};
                if (!other->orphaned) m_state.scrollTarget = other->start();
            }
        }
        char probe[128];
        std::snprintf(probe, sizeof probe, "relation:%s", line.relationId.c_str());
        m_rects.remember(probe);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Select %s (relation %s)", line.otherId.c_str(), line.relationId.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("×")) m_state.post(Action::of(ActionKind::DeleteRelation, line.relationId));
        std::snprintf(probe, sizeof probe, "relation-delete:%s", line.relationId.c_str());
        m_rects.remember(probe);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Delete this relation");
        ImGui::PopID();
    }
}

void InspectorPanel::startLinking() {
    const Annotation* source = m_state.set().findAnnotation(m_state.selectedAnnotation);
    if (!source || source->orphaned) return;
    m_state.linkSource = source->id;
    m_linkMessage.clear();
    m_state.statusMessage = "Linking from " + source->id + ": click the annotation it bears on (Esc cancels)";
}

void InspectorPanel::cancelLinking() {
    if (!m_state.linkSource.empty()) {
        // Back to the annotation the link started from, not to a half-chosen target.
        if (m_state.set().findAnnotation(m_state.linkSource)) m_state.selectedAnnotation = m_state.linkSource;
        m_state.statusMessage = "Linking cancelled.";
    }
    m_state.linkSource.clear();
    m_linkTarget.clear();
    m_linkMessage.clear();
    if (m_linkPopupOpen) {
        m_offered.clear();
        m_offeredExists.clear();
    }
}

void InspectorPanel::updateLinking() {
    if (m_state.linkSource.empty()) {
        m_linkTarget.clear();
        return;
    }
    const AnnotationSet& set = m_state.set();
    const Annotation* source = set.findAnnotation(m_state.linkSource);
    if (!source) {  // deleted or undone meanwhile
        m_state.linkSource.clear();
        return;
    }
    if (m_linkPopupOpen || m_openLinkPopup) return;  // waiting for the user's pick
    const std::string& selected = m_state.selectedAnnotation;
    if (selected == m_state.linkSource) return;
    if (selected.empty()) {  // a click on plain text: keep linking from the source
        m_state.selectedAnnotation = m_state.linkSource;
        return;
    }
    const Annotation* target = set.findAnnotation(selected);
    if (!target) return;
    const std::vector<const RelationDef*> types = set.schema.relationsBetween(source->label, target->label);
    if (types.empty()) {
        m_linkMessage = std::string("No relation type goes from ") + article(source->label) + " " + source->label +
                        " to " + article(target->label) + " " + target->label + ".";
        m_state.statusMessage = m_linkMessage;
        m_state.selectedAnnotation = m_state.linkSource;
        return;
    }
    m_linkMessage.clear();
    m_linkTarget = target->id;
    m_offered.clear();
    m_offeredExists.clear();
    for (const RelationDef* type : types) {
        m_offered.push_back(type->type);
        bool exists = false;
        for (const Relation& r : set.relations())
            exists = exists || (r.type == type->type && r.from == source->id && r.to == target->id);
        m_offeredExists.push_back(exists);
    }
    m_openLinkPopup = true;
}

void InspectorPanel::pickLinkType(std::size_t index) {
    if (index >= m_offered.size() || m_offeredExists[index]) return;
    Action action = Action::of(ActionKind::AddRelation, m_state.linkSource);
    action.label = m_offered[index];
    action.text = m_linkTarget;
    m_state.post(std::move(action));
    // The source stays selected, so the new relation shows in its list.
    m_state.selectedAnnotation = m_state.linkSource;
    closeLinkPopup(false);
}

void InspectorPanel::closeLinkPopup(bool keepLinking) {
    m_linkPopupOpen = false;
    m_offered.clear();
    m_offeredExists.clear();
    if (keepLinking) {  // dismissed: back to the source, still linking
        if (m_state.selectedAnnotation == m_linkTarget && !m_state.linkSource.empty())
            m_state.selectedAnnotation = m_state.linkSource;
    }
    m_linkTarget.clear();
}

void InspectorPanel::drawLinkPopup() {
    const char* const kPopup = "##linktype";
    if (m_openLinkPopup) {
        ImGui::OpenPopup(kPopup);
        m_openLinkPopup = false;
        m_linkPopupOpen = true;
    }
    if (!m_linkPopupOpen) return;
    if (!ImGui::BeginPopup(kPopup)) {  // closed by a click outside
        closeLinkPopup(true);
        return;
    }
    const AnnotationSet& set = m_state.set();
    const Annotation* source = set.findAnnotation(m_state.linkSource);
    const Annotation* target = set.findAnnotation(m_linkTarget);
    if (!source || !target) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        closeLinkPopup(false);
        return;
    }
    ImGui::TextDisabled("Link %s %s → %s %s as", source->label.c_str(), source->id.c_str(), target->label.c_str(),
                        target->id.c_str());
    ImGui::Separator();
    std::optional<std::size_t> picked;
    for (std::size_t i = 0; i < m_offered.size(); ++i) {
        const RelationDef* def = set.schema.findRelation(m_offered[i]);
        char text[160];
        std::snprintf(text, sizeof text, "%zu  %s%s", i + 1, m_offered[i].c_str(),
                      m_offeredExists[i] ? "  (already linked)" : "");
        ImGui::BeginDisabled(m_offeredExists[i]);
        if (ImGui::Selectable(text, false, ImGuiSelectableFlags_DontClosePopups)) picked = i;
        ImGui::EndDisabled();
        char probe[128];
        std::snprintf(probe, sizeof probe, "link-type:%s", m_offered[i].c_str());
        m_rects.remember(probe);
        if (def && !def->description.empty() && ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", def->description.c_str());
        if (i < 9 && ImGui::IsKeyPressed(GLFW_KEY_1 + static_cast<int>(i), false)) picked = i;
    }
    if (m_offered.size() == 1 && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                                  ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false)))
        picked = 0;
    ImGui::Separator();
    bool cancel = ImGui::Selectable("Cancel  (Esc)", false, ImGuiSelectableFlags_DontClosePopups);
    m_rects.remember("link-type-cancel");
    cancel = cancel || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);

    if (picked && !m_offeredExists[*picked]) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        pickLinkType(*picked);
        return;
    }
    if (cancel) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        closeLinkPopup(false);
        cancelLinking();
        return;
    }
    ImGui::EndPopup();
}

}  // namespace claimmark::app
