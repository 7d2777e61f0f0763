// inspector_panel.h — the selected annotation, in full: label, attributes, note, boundaries,
// relations, and the linking flow that creates relations. Every change is posted as an
// Action (editor_state.h), so it is one undoable step.
//
// [SECTION] Fields
//   Text attributes and the note are edited in local buffers and committed once, when the
//   field is left (or when the selection moves away while it is being edited): typing a
//   sentence is one undo step, not one per keystroke.
// [SECTION] Boundaries
//   Buttons and keys move the start or the end by a character or a word; the new spans come
//   from core/boundary_nudge.h and are posted as a Resize. Keys (see editor_window.h):
//   Alt+Left/Right the end by a word, Alt+Shift+Left/Right the start by a word; Ctrl instead
//   of Alt by one character.
// [SECTION] Relations and linking
//   The relations of the selected annotation, both directions, each a line that selects the
//   other end and has its own delete button. "Link…" (key L) sets state.linkSource; when the
//   selection then moves to another annotation, a popup offers only the relation types the
//   schema allows between the two labels (even a single one is confirmed, so a stray click
//   links nothing); with none, a message says why and linking goes on. Esc cancels.
// [SECTION] Suggestions
//   A pending suggestion says so under the header, with its rule id, the rule's description
//   and the reason (the words matched), and Accept / Reject buttons (A, X); it has no
//   Delete button (rejecting is deleting, remembered). An accepted annotation that came
//   from a rule still shows the rule and the reason, smaller.
// [SECTION] Claims
//   A claim's header ends with its line of the claim report ("supported by 2 (best: clinical
//   trial) · hedged by 3 · 1 caveat · flags: …"), from the report the Report tab shows.
// [SECTION] Cost
//   Everything derived from the model (relation lines, which nudges are possible) is cached
//   against the set's revision and the selected id; an idle frame does not allocate.
#pragma once

#include "app/editor/editor_state.h"
#include "core/editing/boundary_nudge.h"

#include <imgui.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace claimmark::app {

// Where named controls were drawn in the last frame, so headless tests can click them as a
// person would. Fixed capacity, no allocation; names longer than the table are ignored.
class ItemRects {
public:
    void clear() { m_count = 0; }
    // Records the last submitted item under `name`.
    void remember(const char* name);
    // Records a rectangle drawn without an item (a badge) under `name`.
    void remember(const char* name, ImVec2 min, ImVec2 max);
    // Centre of the control drawn under `name` in the last frame, if it was drawn.
    std::optional<ImVec2> centreOf(const char* name) const;

private:
    struct Entry {
        std::uint64_t key = 0;
        ImVec2 min, max;
    };
    std::array<Entry, 192> m_entries{};
    std::size_t m_count = 0;
};

class InspectorPanel {
public:
    explicit InspectorPanel(EditorState& state) : m_state(state) {}

    // Once per frame, before the panels draw: notices the selection moving to a link target.
    void updateLinking();
    // The details of `annotation` (the selected one) into the current window.
    void drawContent(const Annotation& annotation);
    // What to show when nothing is selected: how to get started, the shortcuts.
    void drawHelp();
    // The relation-type popup; call every frame from inside the side panel.
    void drawLinkPopup();
    // Called when nothing is selected any more: commits fields still being edited.
    void commitEdits();
    // Boundary and linking keys; true when a key was used (editor_window.h lists them).
    bool handleShortcuts();

    void startLinking();
    void cancelLinking();
    // Posts a Resize moving one boundary of the selected annotation; false when impossible.
    bool nudge(Boundary boundary, NudgeUnit unit, int direction);

    // --- for tests ---
    const ItemRects& rects() const { return m_rects; }
    // Relation types the open link popup offers (empty when it is closed).
    const std::vector<std::string>& offeredTypes() const { return m_offered; }
    bool linkPopupOpen() const { return m_linkPopupOpen; }
    // The last reason linking could not go on ("no relation type goes from ...").
    const std::string& linkMessage() const { return m_linkMessage; }
    // The selected claim's line of the claim report (empty for other annotations).
    const std::string& reportLine() const { return m_reportLine; }

private:
    struct RelationLine {
        std::string relationId;
        std::string otherId;
        std::string otherLabel;
        std::string text;  // "hedges ← a9 “may”"
        std::string type;
        std::size_t otherStart = 0;  // to list each type's relations in document order
    };
    struct TextField {  // a text attribute being edited
        std::string name;
        std::string value;
        std::string source;  // the value as loaded, to notice undo changing it
    };

    EditorState& m_state;
    ItemRects m_rects;

    // Cache key: the set revision and the selected id it was built for.
    std::uint64_t m_cacheRevision = UINT64_MAX;
    std::string m_cacheId;
    std::vector<RelationLine> m_relations;
    std::array<bool, 8> m_canNudge{};  // [boundary*4 + unit*2 + (direction > 0)]
    std::string m_quoted;              // “covered text”
    std::string m_meta;                // origin, created, modified
    std::string m_spanText;
    std::string m_ruleDescription;  // the rule's description (SuggestionRules::describe)
    std::string m_reason;           // "why: " and suggestionReason() (the words matched)
    std::string m_reportLine;       // a claim's ClaimReport::oneLine() (EditorState::claimReport)
    bool m_reportFlagged = false;

    std::string m_noteFor;
    std::string m_noteText;
    std::string m_noteSource;
    std::string m_fieldsFor;
    std::vector<TextField> m_fields;

    // Linking.
    std::string m_linkTarget;
    std::vector<std::string> m_offered;
    std::vector<bool> m_offeredExists;  // already linked with that type
    bool m_openLinkPopup = false;
    bool m_linkPopupOpen = false;
    std::string m_linkMessage;

    void refresh(const Annotation& annotation);
    void drawHeader(const Annotation& annotation);
    void drawSuggestion(const Annotation& annotation);
    void drawAttribute(const Annotation& annotation, const AttributeDef& def);
    void drawNote(const Annotation& annotation);
    void drawBoundaries(const Annotation& annotation);
    void drawRelations(const Annotation& annotation);
    void commitNote();
    void commitFields();
    void postAttribute(const std::string& id, const std::string& name, std::optional<AttributeValue> value);
    void pickLinkType(std::size_t index);
    void closeLinkPopup(bool keepLinking);
};

}  // namespace claimmark::app
