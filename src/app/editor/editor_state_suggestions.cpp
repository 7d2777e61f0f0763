// editor_state_suggestions.cpp — EditorState's suggestion steps (editor_state.h): running
// the rules on the open article and adding what they find as one undo step, accepting and
// rejecting pending suggestions, and the status line each leaves.
#include "app/editor/editor_state.h"

#include "core/suggest/suggest.h"

#include <map>

namespace claimmark::app {

namespace {

// "hedge" -> "hedges"; mass nouns and words already ending in s stay as they are.
std::string countedLabel(std::size_t count, const std::string& label) {
    std::string text = std::to_string(count) + " " + label;
    if (count != 1 && label != "evidence" && !label.empty() && label.back() != 's') text += "s";
    return text;
}

std::string suggestionCount(std::size_t count) {
    return std::to_string(count) + (count == 1 ? " suggestion" : " suggestions");
}

// "Suggested 42: 20 hedges, 8 caveats, 10 evidence, 4 claims; 12 links".
std::string batchSummary(const SuggestionBatch& batch, const Schema& schema) {
    std::map<std::string, std::size_t> perLabel;
    for (const Annotation& a : batch.annotations) ++perLabel[a.label];
    std::string text = "Suggested " + std::to_string(batch.annotations.size());
    const char* separator = ": ";
    for (const LabelDef& label : schema.labels) {  // schema order, as the toolbar shows them
        const auto found = perLabel.find(label.name);
        if (found == perLabel.end()) continue;
        text += separator + countedLabel(found->second, found->first);
        separator = ", ";
        perLabel.erase(found);
    }
    for (const auto& [label, count] : perLabel) {
        text += separator + countedLabel(count, label);
        separator = ", ";
    }
    if (!batch.relations.empty())
        text += "; " + std::to_string(batch.relations.size()) + (batch.relations.size() == 1 ? " link" : " links");
    return text;
}

// "(5 already marked, 2 rejected before)", or empty.
std::string leftOut(const SuggestionBatch& batch) {
    std::string text;
    if (batch.alreadyThere > 0) text += std::to_string(batch.alreadyThere) + " already marked";
    if (batch.rejectedBefore > 0)
        text += (text.empty() ? "" : ", ") + std::to_string(batch.rejectedBefore) + " rejected before";
    return text.empty() ? text : " (" + text + ")";
}

}  // namespace

Status EditorState::applySuggest() {
    SuggestOptions options;
    options.now = utcNowIso8601();
    SuggestionBatch batch = suggest(document(), set(), suggestionRules(), options);
    if (batch.annotations.empty() && batch.relations.empty()) {
        statusMessage = "Nothing new to suggest" + leftOut(batch) + ".";
        return Status{};
    }
    const std::string summary = batchSummary(batch, set().schema);
    const std::size_t before = pendingSuggestions().size();
    Status status = m_session.addSuggestions(std::move(batch.annotations), std::move(batch.relations), summary);
    if (!status.ok()) return status;
    statusMessage = summary + leftOut(batch) + ". Review: N next, A accept, X reject.";
    // Start the review at the first new suggestion when nothing is selected.
    if (selectedAnnotation.empty() && before == 0 && !pendingSuggestions().empty()) {
        const Annotation* first = pendingSuggestions().front();
        selectedAnnotation = first->id;
        selection = TextSelection{};
        if (!first->orphaned) scrollTarget = first->start();
    }
    return status;
}

Status EditorState::applyReview(const Action& action) {
    const bool accept = action.kind == ActionKind::AcceptSuggestions;
    std::string what;  // "hedge s3" for one, "7 suggestions in view" for many
    if (action.ids.size() == 1) {
        const Annotation* a = set().findAnnotation(action.ids.front());
        what = a ? a->label + " " + a->id : action.ids.front();
    } else {
        what = suggestionCount(action.ids.size());
    }
    if (!action.text.empty()) what += " " + action.text;
    Status status = accept ? m_session.acceptSuggestions(action.ids) : m_session.rejectSuggestions(action.ids);
    if (!status.ok()) return status;
    const std::size_t left = pendingSuggestions().size();
    statusMessage = (accept ? "Accepted " : "Rejected ") + what + " · " +
                    (left == 0 ? std::string("no suggestions left") : suggestionCount(left) + " left");
    return status;
}

}  // namespace claimmark::app
