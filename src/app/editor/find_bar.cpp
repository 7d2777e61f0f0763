// find_bar.cpp — Find in the article (find_bar.h).
//
// [SECTION] Open / close
// [SECTION] Keys
// [SECTION] Bar          the row of widgets
// [SECTION] Matches      searching, moving between matches, selecting one
#include "app/editor/find_bar.h"

#include "core/text/text_search.h"

#include <imgui_internal.h>  // ClearActiveID: let the field go without reverting its text

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>  // key codes: the GLFW backend fills io.KeysDown[] with them

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace claimmark::app {

namespace {

// The selection becomes the query when it looks like something to search for.
constexpr std::size_t kMaxSeedCodePoints = 120;

bool toggleButton(const char* label, bool& value, const char* tooltip) {
    const ImGuiStyle& style = ImGui::GetStyle();
    if (value) {
        ImGui::PushStyleColor(ImGuiCol_Button, style.Colors[ImGuiCol_ButtonActive]);
        ImGui::PushStyleColor(ImGuiCol_Border, style.Colors[ImGuiCol_Text]);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    }
    const bool pressed = ImGui::Button(label);
    if (value) {
        ImGui::PopStyleVar();
        ImGui::PopStyleColor(2);
    }
    if (pressed) value = !value;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (%s)", tooltip, value ? "on" : "off");
    return pressed;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] Open / close
// ---------------------------------------------------------------------------------------

void FindBar::open() {
    const TextSelection& selection = m_state.selection;
    const Document& document = m_state.document();
    if (!selection.empty() && selection.end() - selection.start() <= kMaxSeedCodePoints) {
        const std::string_view text = document.slice(selection.start(), selection.end());
        if (text.find('\n') == std::string_view::npos && text.size() < kQueryCapacity) {
            std::memcpy(m_query, text.data(), text.size());
            m_query[text.size()] = '\0';
        }
    }

    // Where the first match is looked for: the selection, the selected annotation, or the
    // top of the view.
    if (!selection.empty()) {
        m_anchor = selection.start();
    } else if (const Annotation* a = m_state.selectedAnnotation.empty()
                                         ? nullptr
                                         : m_state.set().findAnnotation(m_state.selectedAnnotation)) {
        m_anchor = a->start();
    } else {
        m_anchor = firstVisible();
    }
    if (!m_open) m_state.currentFindMatch.reset();
    m_open = true;
    m_stale = true;
    releaseField();  // so that focusing it again selects its text
    m_focusField = true;
    m_selectAll = true;
}

void FindBar::close() {
    if (!m_open) return;
    releaseField();
    m_open = false;
    m_stale = true;
    m_focusField = m_keepFocus = false;
    m_state.findMatches.clear();
    m_state.currentFindMatch.reset();
}

void FindBar::releaseField() {
    if (m_fieldActive) ImGui::ClearActiveID();
    m_fieldActive = false;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Keys
// ---------------------------------------------------------------------------------------

bool FindBar::handleShortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return false;

    if (io.KeyCtrl && !io.KeyAlt && ImGui::IsKeyPressed(GLFW_KEY_F, false)) {
        open();
        return true;
    }
    if (!m_open) return false;

    if (ImGui::IsKeyPressed(GLFW_KEY_F3)) {
        searchIfChanged();
        if (io.KeyShift) previous();
        else next();
        return true;
    }
    // Another text field (the note) keeps its own Escape and Enter.
    const bool otherField = io.WantTextInput && !m_fieldActive;
    if (!otherField && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        close();
        return true;
    }
    const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter));
    if (m_fieldActive) {
        if (enter) {
            searchIfChanged();  // normally a no-op: the bar searched after last frame's typing
            if (io.KeyAlt) {
                selectCurrentMatch();
            } else {
                if (io.KeyShift) previous();
                else next();
                m_keepFocus = true;  // the field drops the focus on Enter; take it back
            }
        }
        return true;  // the field has the keyboard
    }
    if (!otherField && enter && io.KeyAlt) {
        searchIfChanged();
        selectCurrentMatch();
        return true;
    }
    return false;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Bar
// ---------------------------------------------------------------------------------------

void FindBar::drawContent() {
    if (!m_open) return;
    const float em = ImGui::GetFontSize();
    ImGui::PushID("##findbar");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Find");
    ImGui::SameLine();

    if (m_focusField) {
        ImGui::SetKeyboardFocusHere();  // effective on the next frame
        m_focusField = false;
    }
    ImGui::SetNextItemWidth(em * 18.0f);
    const ImGuiInputTextFlags flags = m_selectAll ? ImGuiInputTextFlags_AutoSelectAll : 0;
    ImGui::InputTextWithHint("##query", "Search the article", m_query, sizeof m_query, flags);
    if (ImGui::IsItemActive()) m_selectAll = false;
    if (m_keepFocus) {
        ImGui::SetKeyboardFocusHere(-1);  // effective next frame, without selecting the text
        m_keepFocus = false;
    }
    m_fieldActive = ImGui::IsItemActive();
    if (ImGui::IsItemHovered() && !m_fieldActive)
        ImGui::SetTooltip("Enter: next · Shift+Enter: previous · Alt+Enter: select the match · Esc: close");

    ImGui::SameLine();
    toggleButton("Aa", m_matchCase, "Match case");
    ImGui::SameLine(0, 2);
    toggleButton("W", m_wholeWord, "Whole words only");

    searchIfChanged();

    // The counter has a fixed width so the buttons after it do not jump while typing.
    ImGui::SameLine();
    char counter[64];
    const std::size_t count = m_state.findMatches.size();
    if (m_query[0] == '\0') counter[0] = '\0';
    else if (count == 0) std::snprintf(counter, sizeof counter, "No matches");
    else if (m_state.currentFindMatch)
        std::snprintf(counter, sizeof counter, "%zu of %zu%s", *m_state.currentFindMatch + 1, count,
                      m_capped ? "+" : "");
    else std::snprintf(counter, sizeof counter, "%zu%s matches", count, m_capped ? "+" : "");
    const float counterX = ImGui::GetCursorPosX();
    ImGui::AlignTextToFramePadding();
    if (count == 0 && m_query[0] != '\0') ImGui::TextDisabled("%s", counter);
    else ImGui::TextUnformatted(counter);
    if (m_capped && ImGui::IsItemHovered()) ImGui::SetTooltip("The search stopped after %zu matches.", count);
    ImGui::SameLine(counterX + em * 7.5f);

    ImGui::BeginDisabled(count == 0);
    if (ImGui::ArrowButton("##previous", ImGuiDir_Up)) previous();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Previous (Shift+Enter, Shift+F3)");
    ImGui::SameLine(0, 2);
    if (ImGui::ArrowButton("##next", ImGuiDir_Down)) next();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Next (Enter, F3)");
    ImGui::SameLine();
    if (ImGui::Button("Select match")) selectCurrentMatch();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Select the current match (Alt+Enter), then press 1-4 to tag it");
    ImGui::EndDisabled();

    ImGui::SameLine();
    if (ImGui::SmallButton("x")) close();  // drawn last: the bar may be gone after it
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Close (Esc)");
    ImGui::PopID();
}

// ---------------------------------------------------------------------------------------
// [SECTION] Matches
// ---------------------------------------------------------------------------------------

void FindBar::searchIfChanged() {
    if (!m_open) return;
    if (!m_stale && m_matchCase == m_searchedMatchCase && m_wholeWord == m_searchedWholeWord &&
        std::strcmp(m_query, m_searched) == 0)
        return;

    // Stay at (or after) what was shown: refining a query does not jump ahead.
    std::vector<Span>& matches = m_state.findMatches;
    std::size_t anchor = m_anchor;
    if (m_state.currentFindMatch && *m_state.currentFindMatch < matches.size())
        anchor = matches[*m_state.currentFindMatch].start;

    FindOptions options;
    options.matchCase = m_matchCase;
    options.wholeWord = m_wholeWord;
    m_capped = findAll(m_state.document(), m_query, options, matches);
    std::memcpy(m_searched, m_query, sizeof m_query);
    m_searchedMatchCase = m_matchCase;
    m_searchedWholeWord = m_wholeWord;
    m_stale = false;

    if (matches.empty()) {
        m_state.currentFindMatch.reset();
        return;
    }
    std::size_t index = firstMatchStartingAtOrAfter(matches, anchor);
    if (index == matches.size()) index = 0;
    moveTo(index);
}

void FindBar::moveTo(std::size_t index) {
    m_state.currentFindMatch = index;
    m_state.scrollTarget = m_state.findMatches[index].start;
}

std::size_t FindBar::firstVisible() const {
    const ImVec2 top = m_view.viewMin();
    return m_view.caretAt(ImVec2(top.x, top.y + 1));
}

std::size_t FindBar::lastVisible() const {
    const ImVec2 bottom = m_view.viewMax();
    return m_view.caretAt(ImVec2(bottom.x, bottom.y - 1));
}

bool FindBar::currentIsVisible() const {
    const auto& current = m_state.currentFindMatch;
    if (!current || *current >= m_state.findMatches.size()) return false;
    // A match the view was just asked to scroll to counts as visible: it will be.
    if (m_state.scrollTarget) return true;
    const Span& match = m_state.findMatches[*current];
    return match.start >= firstVisible() && match.start <= lastVisible();
}

void FindBar::next() {
    const std::vector<Span>& matches = m_state.findMatches;
    if (matches.empty()) return;
    std::size_t index;
    if (currentIsVisible()) index = (*m_state.currentFindMatch + 1) % matches.size();
    else index = firstMatchStartingAtOrAfter(matches, firstVisible());
    if (index >= matches.size()) index = 0;
    moveTo(index);
}

void FindBar::previous() {
    const std::vector<Span>& matches = m_state.findMatches;
    if (matches.empty()) return;
    std::size_t index;
    if (currentIsVisible()) {
        index = *m_state.currentFindMatch == 0 ? matches.size() - 1 : *m_state.currentFindMatch - 1;
    } else {
        // The last match that starts on screen (or above the bottom of the view).
        const std::size_t after = firstMatchStartingAtOrAfter(matches, lastVisible() + 1);
        index = after == 0 ? matches.size() - 1 : after - 1;
    }
    moveTo(index);
}

bool FindBar::selectCurrentMatch() {
    const auto& current = m_state.currentFindMatch;
    if (!current || *current >= m_state.findMatches.size()) return false;
    const Span& match = m_state.findMatches[*current];
    m_state.selection.anchor = match.start;
    m_state.selection.caret = match.end;
    m_state.selectedAnnotation.clear();
    m_state.scrollTarget = match.start;
    // The next key is for the label hotkeys, not for the query.
    releaseField();
    m_focusField = m_keepFocus = false;
    m_state.statusMessage = "Match selected: press a label key (1-4) to tag it.";
    return true;
}

}  // namespace claimmark::app
