// suggestion_reviewer.cpp — reviewing suggestions from the keyboard (suggestion_reviewer.h).
//
// [SECTION] Keys
// [SECTION] Toolbar
// [SECTION] Steps       suggest, next / previous, accept, reject, bulk accepts
#include "app/editor/suggestion_reviewer.h"

#include "app/editor/text_view_look.h"

#include <imgui.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>  // key codes only: the GLFW backend fills io.KeysDown[] with them

#include <algorithm>

namespace claimmark::app {

namespace {

bool inDocumentOrder(const Annotation* a, const Annotation* b) { return documentOrderLess(*a, *b); }

// A schema label whose hotkey is this letter keeps it (as L for linking does).
bool labelUsesKey(const Schema& schema, char lower) {
    for (const LabelDef& label : schema.labels)
        if (label.hotkey.size() == 1 && (label.hotkey[0] == lower || label.hotkey[0] == lower - 'a' + 'A')) return true;
    return false;
}

constexpr const char* kSelectFirst = "Select a suggestion first (N goes to the next one).";

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] Keys
// ---------------------------------------------------------------------------------------

bool SuggestionReviewer::handleShortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeySuper || io.KeyAlt) return false;
    if (io.KeyCtrl) {
        if (!io.KeyShift && ImGui::IsKeyPressed(GLFW_KEY_G, false)) {
            suggest();
            return true;
        }
        return false;
    }
    const Schema& schema = m_state.set().schema;
    const auto pressed = [&](int key, char letter) {
        return ImGui::IsKeyPressed(key, false) && !labelUsesKey(schema, letter);
    };
    if (pressed(GLFW_KEY_N, 'n')) {
        if (!selectNext(io.KeyShift ? -1 : 1)) m_state.statusMessage = "No suggestions to review (Ctrl+G suggests).";
        return true;
    }
    if (pressed(GLFW_KEY_A, 'a')) {
        if (io.KeyShift) acceptAllInView();
        else acceptSelected(false);
        return true;
    }
    if (io.KeyShift && pressed(GLFW_KEY_R, 'r')) {
        acceptAllOfRule();
        return true;
    }
    if (!io.KeyShift && pressed(GLFW_KEY_X, 'x')) {
        rejectSelected();
        return true;
    }
    if (!selectedSuggestion()) return false;  // Enter and Delete keep their other uses
    if (!io.KeyShift && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                         ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false))) {
        acceptSelected(true);
        return true;
    }
    // Deleting a suggestion is rejecting it: remembered, so suggesting again skips it.
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete), false) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace), false)) {
        rejectSelected();
        return true;
    }
    return false;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Toolbar
// ---------------------------------------------------------------------------------------

void SuggestionReviewer::drawToolbar() {
    m_rects.clear();
    if (ImGui::Button("Suggest")) suggest();
    m_rects.remember("suggest");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "Mark what the suggestion rules find (hedges, caveats, evidence, claims with a strength) as "
            "suggestions to review (Ctrl+G)");
    if (m_state.pendingSuggestions().empty()) return;

    ImGui::SameLine(0, 3);
    if (ImGui::ArrowButton("##previous-suggestion", ImGuiDir_Left)) selectNext(-1);
    m_rects.remember("suggestion:previous");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous suggestion (Shift+N)");
    ImGui::SameLine(0, 3);
    if (ImGui::ArrowButton("##next-suggestion", ImGuiDir_Right)) selectNext(1);
    m_rects.remember("suggestion:next");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next suggestion (N)");
    ImGui::SameLine(0, 3);
    if (ImGui::Button("Accept in view")) acceptAllInView();
    m_rects.remember("suggestion:accept-in-view");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Accept every suggestion on the lines shown in full (Shift+A); one undo step");
}

// ---------------------------------------------------------------------------------------
// [SECTION] Steps
// ---------------------------------------------------------------------------------------

void SuggestionReviewer::suggest() { m_state.post(Action::of(ActionKind::Suggest)); }

const Annotation* SuggestionReviewer::selectedSuggestion() const {
    if (m_state.selectedAnnotation.empty()) return nullptr;
    const Annotation* a = m_state.set().findAnnotation(m_state.selectedAnnotation);
    return a && isPendingSuggestion(*a) ? a : nullptr;
}

const Annotation* SuggestionReviewer::neighbour(const Annotation* from, int direction) {
    const std::vector<const Annotation*>& pending = m_state.pendingSuggestions();
    if (pending.empty()) return nullptr;
    const Annotation* found = nullptr;
    if (from) {
        if (direction > 0) {
            const auto after = std::upper_bound(pending.begin(), pending.end(), from, inDocumentOrder);
            found = after != pending.end() ? *after : pending.front();
        } else {
            const auto at = std::lower_bound(pending.begin(), pending.end(), from, inDocumentOrder);
            found = at != pending.begin() ? *(at - 1) : pending.back();
        }
        return found == from ? nullptr : found;
    }
    // Nothing selected: start from the top of the view.
    const std::size_t top = m_view.fullyVisibleText().start;
    const auto atTop =
        std::find_if(pending.begin(), pending.end(), [top](const Annotation* a) { return a->start() >= top; });
    if (direction > 0) return atTop != pending.end() ? *atTop : pending.front();
    return atTop != pending.begin() ? *(atTop - 1) : pending.back();
}

void SuggestionReviewer::select(const Annotation& annotation) {
    m_state.selectedAnnotation = annotation.id;
    m_state.selection = TextSelection{};
    if (!annotation.orphaned) m_state.scrollTarget = annotation.start();
}

bool SuggestionReviewer::selectNext(int direction) {
    const Annotation* from =
        m_state.selectedAnnotation.empty() ? nullptr : m_state.set().findAnnotation(m_state.selectedAnnotation);
    const Annotation* next = neighbour(from, direction);
    if (!next) {
        if (from && isPendingSuggestion(*from)) {
            m_state.statusMessage = "This is the only suggestion left.";
            return true;
        }
        return false;
    }
    select(*next);
    return true;
}

void SuggestionReviewer::post(ActionKind kind, std::vector<std::string> ids, std::string what) {
    Action action;
    action.kind = kind;
    action.ids = std::move(ids);
    action.text = std::move(what);
    m_state.post(std::move(action));
}

bool SuggestionReviewer::acceptSelected(bool thenNext) {
    const Annotation* current = selectedSuggestion();
    if (!current) {
        m_state.statusMessage = kSelectFirst;
        return false;
    }
    post(ActionKind::AcceptSuggestions, {current->id});
    if (const Annotation* next = thenNext ? neighbour(current, 1) : nullptr) select(*next);
    return true;
}

bool SuggestionReviewer::rejectSelected() {
    const Annotation* current = selectedSuggestion();
    if (!current) {
        m_state.statusMessage = kSelectFirst;
        return false;
    }
    post(ActionKind::RejectSuggestions, {current->id});
    if (const Annotation* next = neighbour(current, 1)) select(*next);
    else m_state.selectedAnnotation.clear();
    return true;
}

bool SuggestionReviewer::acceptAllInView() {
    const CodePointRange shown = m_view.fullyVisibleText();
    m_ids.clear();
    for (const Annotation* a : m_state.pendingSuggestions())
        if (!a->orphaned && a->start() >= shown.start && a->end() <= shown.end && shown.end > shown.start)
            m_ids.push_back(a->id);
    if (m_ids.empty()) {
        m_state.statusMessage = "No suggestion is wholly in view.";
        return false;
    }
    post(ActionKind::AcceptSuggestions, m_ids, "in view");
    return true;
}

bool SuggestionReviewer::acceptAllOfRule() {
    const Annotation* current =
        m_state.selectedAnnotation.empty() ? nullptr : m_state.set().findAnnotation(m_state.selectedAnnotation);
    if (!current || current->rule.empty()) {
        m_state.statusMessage = "Select a suggestion first: Shift+R accepts all of its rule.";
        return false;
    }
    m_ids.clear();
    for (const Annotation* a : m_state.pendingSuggestions())
        if (a->rule == current->rule) m_ids.push_back(a->id);
    if (m_ids.empty()) {
        m_state.statusMessage = "No suggestion of rule " + current->rule + " is left.";
        return false;
    }
    post(ActionKind::AcceptSuggestions, m_ids, "of rule " + current->rule);
    return true;
}

}  // namespace claimmark::app
