// adjudication_state.h — what the adjudication view shares: the gold set (an EditorState,
// so saving, autosave, recovery and the inspector's edits work as in the editor), the
// reviewers' sets, the open disagreements, and the queue of decisions.
//
// [SECTION] Decisions between frames
//   As in the editor, views never change the model mid-frame: they post() a decision; the
//   screen calls applyPending() after drawing. Each decision is one undoable step on the
//   gold set's history (core/adjudication.h), so Ctrl+Z takes back an accept, a reject or
//   a pick exactly as it takes back an edit.
// [SECTION] The current disagreement
//   Next / previous step from the current one (or from the selected annotation) in
//   document order, select its annotation in the gold set and scroll the article there.
//   After a decision the current one is no longer open; the next key goes on from where it
//   was.
#pragma once

#include "app/editor/editor_launch.h"
#include "app/editor/editor_state.h"
#include "core/team/adjudication.h"
#include "core/model/span_index.h"

#include <imgui.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace claimmark::app {

struct Reviewer {
    std::string name;  // unique among the reviewers ("alice", "alice-2")
    std::filesystem::path path;
    AnnotationSet set;
    ImU32 colour = 0;
    SpanIndex index;  // built once: reviewers' sets never change here
};

enum class DecisionKind { Accept, Reject, Pick, Next, Previous };

struct Decision {
    DecisionKind kind = DecisionKind::Next;
    DisagreementKind target = DisagreementKind::Annotation;
    std::string id;
    std::string attribute;                // Pick
    std::optional<AttributeValue> value;  // Pick

    static Decision of(DecisionKind kind) {
        Decision decision;
        decision.kind = kind;
        return decision;
    }
};

class AdjudicationState {
public:
    // In memory (tests): the gold editor state and the reviewers' sets, named by annotator.
    AdjudicationState(std::unique_ptr<EditorState> gold, std::vector<AnnotationSet> reviewers,
                      std::vector<std::filesystem::path> paths = {});
    // Loads the article, the reviewers' sets (re-anchored when made on another version) and
    // the gold set at options.setPath (default annotations/<stem>/gold.json); when that does
    // not exist, a majority merge of the reviewers' sets, unsaved until Ctrl+S.
    static Result<std::unique_ptr<AdjudicationState>> open(const EditorOptions& options);

    EditorState& gold() { return *m_gold; }
    const EditorState& gold() const { return *m_gold; }
    std::vector<Reviewer>& reviewers() { return m_reviewers; }
    const std::vector<std::string>& reviewerNames() const { return m_names; }
    // The colour a reviewer is drawn in (grey for a name not among them).
    ImU32 colourOf(const std::string& reviewer) const;

    // Open disagreements, document order (rebuilt when the gold set changes).
    const std::vector<Disagreement>& disagreements();
    std::size_t openCount() { return disagreements().size(); }

    // The disagreement being looked at: the one whose annotation (or relation) was reached
    // by next/previous, or the selected annotation's own when it is open. nullptr if none.
    const Disagreement* current();
    // Moves to the next (previous) disagreement: selects it, scrolls to it. False if none.
    bool step(bool forward);

    void post(Decision decision) { m_pending.push_back(std::move(decision)); }
    bool hasPending() const { return !m_pending.empty() || m_gold->hasPending(); }
    // Applies the gold state's edits, then the decisions, in order.
    void applyPending();

    // Banners about the reviewers' sets (re-anchored, merged) go to gold().banners.

private:
    std::unique_ptr<EditorState> m_gold;
    std::vector<Reviewer> m_reviewers;
    std::vector<std::string> m_names;
    std::vector<Disagreement> m_list;
    const AnnotationSet* m_listSet = nullptr;
    std::uint64_t m_listRevision = UINT64_MAX;
    // Where next/previous last went (kept when it gets settled, to go on from there).
    std::optional<DisagreementPosition> m_position;
    std::vector<Decision> m_pending;

    void apply(const Decision& decision);
};

// The reviewers' colours, in order (cycled after the last).
ImU32 reviewerColour(std::size_t index);

}  // namespace claimmark::app
