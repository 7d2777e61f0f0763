// inspector_panel.cpp — the selected annotation's details (inspector_panel.h).
//
// [SECTION] Item rects     the test probe
// [SECTION] Cache          relation lines, possible nudges, header texts
// [SECTION] Details        header, label, attributes, note, boundaries, delete
// [SECTION] Relations      the list, and the linking flow with its popup
// [SECTION] Keys
#include "app/editor/inspector_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>  // key codes only: the GLFW backend fills io.KeysDown[] with them

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "core/text/utf8.h"

namespace claimmark::app {

namespace {

constexpr ImU32 kOrphanColour = IM_COL32(200, 40, 40, 255);
const ImVec4 kHintColour(0.99f, 0.94f, 0.80f, 1.0f);
const ImVec4 kWarnText(0.62f, 0.20f, 0.10f, 1.0f);

std::uint64_t hashName(const char* name) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (const char* p = name; *p; ++p) h = (h ^ static_cast<unsigned char>(*p)) * 1099511628211ull;
    return h;
}

// At most `limit` code points of the first line of `text`, with "…" when cut.
std::string excerpt(const std::string& text, std::size_t limit) {
    std::string out;
    std::size_t pos = 0, count = 0;
    while (pos < text.size() && text[pos] != '\n' && text[pos] != '\r') {
        const std::size_t length = utf8::sequenceLength(static_cast<unsigned char>(text[pos]));
        if (count == limit) {
            out += "…";
            return out;
        }
        out.append(text, pos, length);
        pos += length;
        ++count;
    }
    if (pos < text.size()) out += "…";
    return out;
}

// "2026-11-24T13:05:00Z" -> "2026-11-24 13:05"; anything else as it is.
std::string shortTime(const std::string& iso) {
    if (iso.size() >= 16 && iso[10] == 'T') return iso.substr(0, 10) + " " + iso.substr(11, 5);
    return iso.empty() ? "—" : iso;
}

const char* article(const std::string& word) {
    return !word.empty() && std::strchr("aeiouAEIOU", word[0]) ? "an" : "a";
}

std::size_t nudgeSlot(Boundary boundary, NudgeUnit unit, int direction) {
    return (boundary == Boundary::End ? 4u : 0u) + (unit == NudgeUnit::Word ? 2u : 0u) + (direction > 0 ? 1u : 0u);
}

// A field name's column, so controls line up.
void fieldName(const char* name, float column) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", name);
    ImGui::SameLine(column);
}

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] Item rects
// ---------------------------------------------------------------------------------------

void ItemRects::remember(const char* name) {
    if (m_count == m_entries.size()) return;
    m_entries[m_count++] = Entry{hashName(name), ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
}

std::optional<ImVec2> ItemRects::centreOf(const char* name) const {
    const std::uint64_t key = hashName(name);
    for (std::size_t i = 0; i < m_count; ++i)
        if (m_entries[i].key == key)
            return ImVec2((m_entries[i].min.x + m_entries[i].max.x) * 0.5f,
                          (m_entries[i].min.y + m_entries[i].max.y) * 0.5f);
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Cache
// ---------------------------------------------------------------------------------------

void InspectorPanel::refresh(const Annotation& annotation) {
    const AnnotationSet& set = m_state.set();
    if (m_cacheRevision == set.revision() && m_cacheId == annotation.id) return;
    m_cacheRevision = set.revision();
    m_cacheId = annotation.id;

    m_relations.clear();
    for (const Relation* relation : set.relationsOf(annotation.id)) {
        const bool incoming = relation->to == annotation.id;
        const std::string& otherId = incoming ? relation->from : relation->to;
        const Annotation* other = set.findAnnotation(otherId);
        RelationLine line;
        line.relationId = relation->id;
        line.otherId = otherId;
        line.otherLabel = other ? other->label : std::string();
        line.type = relation->type;
        line.otherStart = other ? other->start() : 0;
        line.text = relation->type + (incoming ? " ← " : " → ") + otherId;
        if (other) line.text += " “" + excerpt(other->text, 48) + "”";
        m_relations.push_back(std::move(line));
    }
    std::sort(m_relations.begin(), m_relations.end(),
              [](const RelationLine& a, const RelationLine& b) {
                  if (a.type != b.type) return a.type < b.type;
                  if (a.otherStart != b.otherStart) return a.otherStart < b.otherStart;
                  return a.relationId < b.relationId;
              });

    for (Boundary boundary : {Boundary::Start, Boundary::End})
        for (NudgeUnit unit : {NudgeUnit::Character, NudgeUnit::Word})
            for (int direction : {-1, 1})
                m_canNudge[nudgeSlot(boundary, unit, direction)] =
                    !annotation.orphaned &&
                    nudgeBoundary(m_state.document(), annotation.spans, boundary, unit, direction).has_value();

    m_quoted = "“" + annotation.text + "”";
    m_meta = annotation.origin + " · created " + shortTime(annotation.created);
    if (annotation.modified != annotation.created) m_meta += " · modified " + shortTime(annotation.modified);
    char spans[96];
    if (annotation.spans.size() == 1)
        std::snprintf(spans, sizeof spans, "%zu–%zu", annotation.start(), annotation.end());
    else
        std::snprintf(spans, sizeof spans, "%zu spans, %zu–%zu", annotation.spans.size(), annotation.start(),
                      annotation.end());
    m_spanText = spans;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Details
// ---------------------------------------------------------------------------------------

void InspectorPanel::drawHelp() {
    m_rects.clear();
    commitEdits();
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("Nothing selected.");
    ImGui::TextUnformatted("Select text in the article and press a label's key, or click an "
                           "annotation (in the text or the list below) to inspect it.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    static const char* const kKeys[][2] = {
        {"1–4", "annotate the selection / relabel"},
        {"Del", "delete the selected annotation"},
        {"L", "link the selected annotation to another"},
        {"Alt+←/→", "move the end by a word"},
        {"Alt+Shift+←/→", "move the start by a word"},
        {"Ctrl(+Shift)+←/→", "the same, by a character"},
        {"Ctrl+Z / Ctrl+Y", "undo / redo"},
        {"Ctrl+S", "save"},
        {"Esc", "clear the selection, cancel linking"},
    };
    const float column = ImGui::GetFontSize() * 8.5f;
    const ImVec4 dim = ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
    for (const auto& key : kKeys) {
        ImGui::TextUnformatted(key[0]);
        ImGui::SameLine(column);
        ImGui::PushStyleColor(ImGuiCol_Text, dim);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(key[1]);
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
}

void InspectorPanel::drawContent(const Annotation& annotation) {
    m_rects.clear();
    refresh(annotation);
    ImGui::PushID("inspector");
    drawHeader(annotation);

    const AnnotationSet& set = m_state.set();
    const float column = ImGui::GetFontSize() * 6.5f;
    const float clearWidth = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x;

    fieldName("label", column);
    ImGui::SetNextItemWidth(-clearWidth);
    if (ImGui::BeginCombo("##label", annotation.label.c_str())) {
        for (const LabelDef& label : set.schema.labels) {
            const bool current = label.name == annotation.label;
            labelChip(m_state.labelStyles().of(label.name).solid);
            ImGui::SameLine();
            if (ImGui::Selectable(label.name.c_str(), current) && !current) {
                Action action = Action::of(ActionKind::Relabel, annotation.id);
                action.label = label.name;
                m_state.post(std::move(action));
            }
            char name[96];
            std::snprintf(name, sizeof name, "option:%s", label.name.c_str());
            m_rects.remember(name);
        }
        ImGui::EndCombo();
    }
    m_rects.remember("label");

    if (m_fieldsFor != annotation.id) {  // a text attribute was being edited elsewhere
        commitFields();
        m_fieldsFor = annotation.id;
        m_fields.clear();
    }
    if (const LabelDef* label = set.schema.findLabel(annotation.label)) {
        for (const AttributeDef& def : label->attributes) {
            ImGui::PushID(def.name.c_str());
            drawAttribute(annotation, def);
            ImGui::PopID();
        }
    }

    drawNote(annotation);
    drawBoundaries(annotation);
    ImGui::Spacing();
    drawRelations(annotation);

    ImGui::Spacing();
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.93f, 0.80f, 0.78f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.90f, 0.68f, 0.64f, 1.0f));
    if (ImGui::Button("Delete annotation")) m_state.post(Action::of(ActionKind::DeleteAnnotation, annotation.id));
    ImGui::PopStyleColor(2);
    m_rects.remember("delete");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Delete this annotation and its relations (Del)");
    ImGui::PopID();
}

void InspectorPanel::drawHeader(const Annotation& annotation) {
    labelChip(m_state.labelStyles().of(annotation.label).solid);
    ImGui::SameLine();
    ImGui::TextUnformatted(annotation.label.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s · %s", annotation.id.c_str(), m_spanText.c_str());
    if (annotation.orphaned)
        ImGui::TextColored(ImColor(kOrphanColour), "orphaned — not found in the current article");
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(m_quoted.data(), m_quoted.data() + m_quoted.size());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextUnformatted(m_meta.data(), m_meta.data() + m_meta.size());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
}

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
            else
                ImGui::TextDisabled("%s", current ? "" : "unset");
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
            auto field = std::find_if(m_fields.begin(), m_fields.end(),
                                      [&](const TextField& f) { return f.name == def.name; });
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

void InspectorPanel::drawNote(const Annotation& annotation) {
    if (m_noteFor != annotation.id) {
        commitNote();
        m_noteFor = annotation.id;
        m_noteText = m_noteSource = annotation.note;
    } else if (!ImGui::IsAnyItemActive() && m_noteSource != annotation.note) {
        m_noteText = m_noteSource = annotation.note;  // changed by undo / redo
    }
    ImGui::TextDisabled("note");
    ImGui::PushID(annotation.id.c_str());  // a new field per annotation: no stale edit state
    ImGui::InputTextMultiline("##note", &m_noteText, ImVec2(-1, ImGui::GetTextLineHeight() * 3.6f));
    m_rects.remember("note");
    // The field does not wrap; the whole note is one hover away.
    if (!m_noteText.empty() && ImGui::IsItemHovered() && !ImGui::IsItemActive()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        ImGui::TextUnformatted(m_noteText.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    if (ImGui::IsItemDeactivatedAfterEdit()) commitNote();
    ImGui::PopID();
}

void InspectorPanel::commitNote() {
    if (m_noteFor.empty() || m_noteText == m_noteSource) return;
    const Annotation* annotation = m_state.set().findAnnotation(m_noteFor);
    m_noteSource = m_noteText;
    if (!annotation || annotation->note == m_noteText) return;
    Action action = Action::of(ActionKind::SetNote, m_noteFor);
    action.text = m_noteText;
    m_state.post(std::move(action));
}

void InspectorPanel::commitEdits() {
    commitNote();
    commitFields();
    m_noteFor.clear();
    m_fieldsFor.clear();
    m_fields.clear();
}

void InspectorPanel::drawBoundaries(const Annotation& annotation) {
    (void)annotation;
    const float column = ImGui::GetFontSize() * 6.5f;
    struct Button {
        const char* text;
        const char* probe;
        NudgeUnit unit;
        int direction;
        const char* tip;
    };
    static const Button kButtons[2][4] = {
        {{"« word", "nudge:start-word-left", NudgeUnit::Word, -1, "Start one word left (Alt+Shift+Left)"},
         {"‹", "nudge:start-char-left", NudgeUnit::Character, -1, "Start one character left (Ctrl+Shift+Left)"},
         {"›", "nudge:start-char-right", NudgeUnit::Character, 1, "Start one character right (Ctrl+Shift+Right)"},
         {"word »", "nudge:start-word-right", NudgeUnit::Word, 1, "Start one word right (Alt+Shift+Right)"}},
        {{"« word", "nudge:end-word-left", NudgeUnit::Word, -1, "End one word left (Alt+Left)"},
         {"‹", "nudge:end-char-left", NudgeUnit::Character, -1, "End one character left (Ctrl+Left)"},
         {"›", "nudge:end-char-right", NudgeUnit::Character, 1, "End one character right (Ctrl+Right)"},
         {"word »", "nudge:end-word-right", NudgeUnit::Word, 1, "End one word right (Alt+Right)"}},
    };
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(6, ImGui::GetStyle().FramePadding.y));
    for (int row = 0; row < 2; ++row) {
        const Boundary boundary = row == 0 ? Boundary::Start : Boundary::End;
        ImGui::PushID(row);
        fieldName(row == 0 ? "start" : "end", column);
        for (int i = 0; i < 4; ++i) {
            const Button& b = kButtons[row][i];
            ImGui::PushID(i);
            if (i > 0) ImGui::SameLine(0, 3);
            const bool possible = m_canNudge[nudgeSlot(boundary, b.unit, b.direction)];
            ImGui::BeginDisabled(!possible);
            if (ImGui::Button(b.text, ImVec2(b.unit == NudgeUnit::Word ? 0 : ImGui::GetFrameHeight(), 0)))
                nudge(boundary, b.unit, b.direction);
            ImGui::EndDisabled();
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", b.tip);
            m_rects.remember(b.probe);
            ImGui::PopID();
        }
        ImGui::PopID();
    }
    ImGui::PopStyleVar();
}

bool InspectorPanel::nudge(Boundary boundary, NudgeUnit unit, int direction) {
    const Annotation* annotation = m_state.set().findAnnotation(m_state.selectedAnnotation);
    if (!annotation || annotation->orphaned) return false;
    auto spans = nudgeBoundary(m_state.document(), annotation->spans, boundary, unit, direction);
    if (!spans) return false;
    Action action = Action::of(ActionKind::Resize, annotation->id);
    action.spans = std::move(*spans);
    m_state.post(std::move(action));
    return true;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Relations
// ---------------------------------------------------------------------------------------

void InspectorPanel::drawRelations(const Annotation& annotation) {
    ImGui::AlignTextToFramePadding();
    if (m_relations.empty())
        ImGui::TextDisabled("No relations");
    else
        ImGui::TextDisabled("Relations (%zu)", m_relations.size());
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
            height += ImGui::CalcTextSize(m_linkMessage.c_str(), nullptr, false, wrap).y +
                      ImGui::GetStyle().ItemSpacing.y;
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
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Select %s (relation %s)", line.otherId.c_str(), line.relationId.c_str());
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
        if (def && !def->description.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", def->description.c_str());
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

// ---------------------------------------------------------------------------------------
// [SECTION] Keys
// ---------------------------------------------------------------------------------------

bool InspectorPanel::handleShortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    if (!m_state.linkSource.empty() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        cancelLinking();
        return true;
    }
    if (m_state.selectedAnnotation.empty() || io.KeySuper) return false;

    // Ctrl: by a character; Alt: by a word; Shift: the start instead of the end.
    if (io.KeyCtrl != io.KeyAlt) {
        const int direction = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))    ? -1
                              : ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)) ? 1
                                                                                              : 0;
        if (direction != 0) {
            nudge(io.KeyShift ? Boundary::Start : Boundary::End, io.KeyAlt ? NudgeUnit::Word : NudgeUnit::Character,
                  direction);
            return true;
        }
        return false;
    }
    if (io.KeyCtrl || io.KeyAlt) return false;
    if (ImGui::IsKeyPressed(GLFW_KEY_L, false)) {
        for (const LabelDef& label : m_state.set().schema.labels)
            if (label.hotkey == "l" || label.hotkey == "L") return false;  // the schema uses L
        startLinking();
        return true;
    }
    return false;
}

}  // namespace claimmark::app
