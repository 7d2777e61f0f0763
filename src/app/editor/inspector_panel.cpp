// inspector_panel.cpp — the selected annotation's details (inspector_panel.h).
//
// [SECTION] Item rects     the test probe
// [SECTION] Cache          relation lines, possible nudges, header texts
// [SECTION] Details        header, label, note, boundaries, delete
// [SECTION] Keys
//
// The attribute controls are in inspector_attributes.cpp, the relations list and the
// linking flow in inspector_relations.cpp, the suggestion block in inspector_suggestion.cpp.
#include "app/editor/inspector_panel.h"

#include "app/editor/inspector_support.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>  // key codes only: the GLFW backend fills io.KeysDown[] with them

#include <algorithm>
#include <cstdio>

#include "core/suggest/suggest.h"
#include "core/text/utf8.h"

namespace claimmark::app {

namespace {

constexpr ImU32 kOrphanColour = IM_COL32(200, 40, 40, 255);

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

std::size_t nudgeSlot(Boundary boundary, NudgeUnit unit, int direction) {
    return (boundary == Boundary::End ? 4u : 0u) + (unit == NudgeUnit::Word ? 2u : 0u) + (direction > 0 ? 1u : 0u);
}

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] Item rects
// ---------------------------------------------------------------------------------------

void ItemRects::remember(const char* name) { remember(name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

void ItemRects::remember(const char* name, ImVec2 min, ImVec2 max) {
    if (m_count == m_entries.size()) return;
    m_entries[m_count++] = Entry{hashName(name), min, max};
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
    std::sort(m_relations.begin(), m_relations.end(), [](const RelationLine& a, const RelationLine& b) {
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
    m_ruleDescription = annotation.rule.empty() ? std::string() : m_state.suggestionRules().describe(annotation.rule);
    const std::string reason = suggestionReason(annotation);
    m_reason = reason.empty() ? reason : "why: " + reason;
    // Keyed like the rest on the revision: the report is recomputed for it (once) too.
    m_reportLine.clear();
    m_reportFlagged = false;
    if (annotation.label == "claim" && !annotation.orphaned) {
        if (const ClaimReport* claim = m_state.claimReport().findClaim(annotation.id)) {
            m_reportLine = claim->oneLine();
            m_reportFlagged = !claim->flags.empty();
        }
    }
}

// ---------------------------------------------------------------------------------------
// [SECTION] Details
// ---------------------------------------------------------------------------------------

void InspectorPanel::drawHelp() {
    m_rects.clear();
    commitEdits();
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("Nothing selected.");
    ImGui::TextUnformatted(
        "Select text in the article and press a label's key, or click an "
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
        {"Ctrl+G", "suggest: mark what the rules find"},
        {"N / Shift+N", "next / previous suggestion"},
        {"A / Enter", "accept / accept and go on"},
        {"X", "reject and go on"},
        {"Shift+A", "accept all suggestions in view"},
        {"Shift+R", "accept all of the selected one's rule"},
        {"Ctrl+R", "write the report (HTML) beside the set"},
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
    drawSuggestion(annotation);

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

    if (isPendingSuggestion(annotation)) {  // Reject (above) is its delete
        ImGui::PopID();
        return;
    }
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
    if (annotation.orphaned) ImGui::TextColored(ImColor(kOrphanColour), "orphaned — not found in the current article");
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(m_quoted.data(), m_quoted.data() + m_quoted.size());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextUnformatted(m_meta.data(), m_meta.data() + m_meta.size());
    ImGui::PopStyleColor();
    if (!m_reportLine.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, m_reportFlagged ? ImVec4(0.62f, 0.33f, 0.0f, 1.0f)
                                                             : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextUnformatted(m_reportLine.data(), m_reportLine.data() + m_reportLine.size());
        ImGui::PopStyleColor();
        m_rects.remember("report-line");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("From the claim report (the Report tab beside the list)");
    }
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
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
