// editor_state.h — what the editor's views share: the edit session, the files behind it,
// the selection, caches derived from the model, and the queue of edits.
//
// [SECTION] Edits between frames
//   Views never change the model while a frame is being drawn (pointers into the set would
//   die mid-frame). They post() an Action; the window calls applyPending() after drawing,
//   and every change goes through EditSession, so it is one undoable step.
// [SECTION] Files
//   A set that exists but cannot be read is never overwritten: saving goes to a
//   "<name>.recovered.json" beside it instead, and a banner says so.
#pragma once

#include "app/editor/editor_launch.h"
#include "app/common/label_style.h"
#include "core/editing/edit_session.h"
#include "core/storage/file_io.h"
#include "core/storage/recovery_file.h"
#include "core/storage/set_file.h"
#include "core/model/span_index.h"
#include "core/report/claim_report.h"
#include "core/suggest/suggestion_rules.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace claimmark::app {

// A text selection in code points; `anchor` stays where the drag began.
struct TextSelection {
    std::size_t anchor = 0;
    std::size_t caret = 0;
    std::size_t start() const { return anchor < caret ? anchor : caret; }
    std::size_t end() const { return anchor < caret ? caret : anchor; }
    bool empty() const { return anchor == caret; }
};

enum class ActionKind {
    AddAnnotation,     // label, spans
    DeleteAnnotation,  // id
    Relabel,           // id, label
    SetAttribute,      // id, name, value (nullopt removes)
    SetNote,           // id, text
    Resize,            // id, spans (the new spans; nudging a boundary posts this)
    Reattach,          // id, spans (an orphaned annotation placed at the selection)
    AddRelation,       // label = relation type, id = from, text = to
    DeleteRelation,    // id (relation id)
    Undo,
    Redo,
    Save,
    SaveOverwrite,  // after the user agreed to replace a set changed on disk
    SetDone,        // value: bool, the set's "done" flag (the reviewer finished)
    // Suggestions (core/suggest): run the rules and add the batch; accept or reject the
    // pending suggestions `ids`. Each is one undo step; `text` names a bulk step for the
    // status line ("in view", "of rule hedge.modal.may").
    Suggest,
    AcceptSuggestions,  // ids, text
    RejectSuggestions,  // ids, text
};

struct Action {
    ActionKind kind = ActionKind::Undo;
    std::string id;
    std::string label;
    std::string name;
    std::optional<AttributeValue> value;
    std::string text;
    std::vector<Span> spans;
    std::vector<std::string> ids;

    static Action of(ActionKind kind, std::string id = {}) {
        Action action;
        action.kind = kind;
        action.id = std::move(id);
        return action;
    }
};

enum class BannerKind { Info, Warning, Error };
struct Banner {
    BannerKind kind = BannerKind::Info;
    std::string text;
};

class EditorState {
public:
    // In memory, nothing on disk yet (tests); set setPath before saving.
    EditorState(Document document, AnnotationSet set);
    // Loads schema, article and set as the editor starts. A missing or unreadable article or
    // schema is fatal (the diagnostics say why); a broken set is not (see Files above).
    static Result<std::unique_ptr<EditorState>> open(const EditorOptions& options);

    EditSession& session() { return m_session; }
    const EditSession& session() const { return m_session; }
    const Document& document() const { return m_session.document(); }
    const AnnotationSet& set() const { return m_session.set(); }

    // --- files ---------------------------------------------------------------------------
    std::filesystem::path articlePath;
    std::filesystem::path setPath;
    std::string annotator;
    FileStamp setStamp;           // the set file as read or last saved
    bool saveBlocked = false;     // the set on disk could not be read
    bool saveConflict = false;    // the last save was refused: the file changed on disk
    std::vector<Banner> banners;  // shown above the text until dismissed
    std::string statusMessage;    // last outcome ("Saved annotations/x/alice.json")

    // Saves now (Ctrl+S goes through post()). Returns true when written.
    bool save(SaveMode mode = SaveMode::RefuseIfChanged);
    // Where a save goes: setPath, or the recovery file when saveBlocked.
    std::filesystem::path saveTarget() const;

    // --- never lose work (core/recovery_file.h) ---------------------------------------------
    // Unsaved changes: the history's, or a restored recovery not saved yet. Use this rather
    // than session().isModified() to decide whether closing would lose work.
    bool isModified() const { return m_session.isModified() || m_unsavedOutsideHistory; }
    // The model differs from the set on disk although the history is clean (restored).
    void markUnsaved() { m_unsavedOutsideHistory = true; }
    // Autosave writes "<set>.recovery" (never the set) while there are unsaved changes: at
    // most kAutosaveInterval after the first change not yet written, and at once on
    // autosaveNow() (the window lost focus). Both return true when a file was written.
    using AutosaveClock = std::chrono::steady_clock;
    static constexpr std::chrono::seconds kAutosaveInterval{30};
    bool autosaveIfDue(AutosaveClock::time_point now);
    bool autosaveNow();
    bool autosavePending() const;  // modified since the last autosave
    // How long the host may sleep before autosaveIfDue has work; nullopt: nothing due.
    std::optional<AutosaveClock::duration> timeUntilAutosave(AutosaveClock::time_point now) const;
    std::string lastAutosave;  // time of day of the last autosave ("12:03:14"), for the status bar
    // Found at open (findRecovery); the window asks whether to restore it.
    std::optional<RecoveryCandidate> recoveryOffer;
    // Replaces the model with the offered set: a clean history that still counts as
    // modified, so the user has to save. Call between frames.
    void restoreRecovery();
    void discardRecoveryOffer();  // deletes the recovery file
    // On a normal close (nothing unsaved, saved, or changes discarded).
    void removeRecoveryFile();
    // The article as read; checkArticleOnDisk() adds a banner (once) when it changed.
    FileStamp articleStamp;
    bool checkArticleOnDisk();

    // --- derived from the model (rebuilt when the set's revision changes) -----------------
    const SpanIndex& spanIndex();
    const std::vector<const Annotation*>& documentOrder();
    // Annotations per schema label (same order as schema.labels).
    const std::vector<std::size_t>& labelCounts();
    const LabelStyles& labelStyles() const { return m_styles; }
    // Pending suggestions (status "suggested"), in document order.
    const std::vector<const Annotation*>& pendingSuggestions();

    // --- the claim report (core/report/claim_report.h; editor_state_report.cpp) -------------
    // For the Report tab and the inspector's one line. Pending suggestions are included (and
    // marked); the hierarchy is the schema's, or the default one when the schema's is invalid
    // (a banner says so, once). Computed on the first call after the set's revision changed,
    // never otherwise; claimReportComputations() counts the reports taken in.
    // A set of kBackgroundReportFrom annotations or more is reported on a worker thread from
    // a copy, after the first time: claimReport() returns the last report while the next is
    // made (claimReportPending()), and takes the new one in on the first call after it is
    // done, so an edit never waits for the report of a book-length set.
    static constexpr std::size_t kBackgroundReportFrom = 20000;
    const DocumentReport& claimReport();
    bool claimReportPending() const { return m_reportJob.valid(); }
    // Blocks until the report is that of the set as it is now (for the HTML file, and tests).
    const DocumentReport& currentClaimReport();
    std::uint64_t claimReportComputations() const { return m_reportComputations; }
    // Where writeReportHtml() writes: "<set-stem>.report.html" beside the set file, or
    // "<article-stem>.report.html" beside the article while the set has never been saved;
    // empty when there is neither.
    std::filesystem::path reportHtmlPath() const;
    // Writes the HTML report (core/report/report_html.h) atomically; statusMessage says where,
    // or why not. True when written.
    bool writeReportHtml();

    // --- suggestions -----------------------------------------------------------------------
    // The rules Suggest runs (EditorOptions::rules, read at open); null: the built-in ones.
    std::shared_ptr<const SuggestionRules> customRules;
    const SuggestionRules& suggestionRules() const { return customRules ? *customRules : builtinSuggestionRules(); }

    // --- selection, shared by the views --------------------------------------------------
    TextSelection selection;
    std::string selectedAnnotation;           // id, empty for none
    std::optional<std::size_t> pointer;       // code point under the mouse
    std::optional<std::size_t> scrollTarget;  // the text view scrolls there, then clears it
    // Linking: while non-empty, the next annotation clicked becomes the target of a
    // relation from this one (the views offer the types the schema allows).
    std::string linkSource;
    // Find: matches of the current search (code point spans, document order) and the one
    // that Next/Previous moved to; the text view highlights them.
    std::vector<Span> findMatches;
    std::optional<std::size_t> currentFindMatch;

    // --- edits ---------------------------------------------------------------------------
    void post(Action action) { m_pending.push_back(std::move(action)); }
    bool hasPending() const { return !m_pending.empty(); }
    // Applies the posted actions in order; failures become statusMessage.
    void applyPending();
    // Posts AddAnnotation for the current selection (trimmed of surrounding white space).
    // False when there is nothing to annotate.
    bool annotateSelection(const std::string& label);

private:
    EditSession m_session;
    LabelStyles m_styles;
    std::vector<Action> m_pending;
    std::vector<Action> m_applying;  // swapped with m_pending so actions may post more
    SpanIndex m_spanIndex;
    std::filesystem::path m_recoveryPath;  // where a blocked set was last saved
    std::vector<const Annotation*> m_documentOrder;
    std::vector<std::size_t> m_labelCounts;
    std::vector<const Annotation*> m_pendingSuggestions;
    std::uint64_t m_pendingRevision = UINT64_MAX;
    std::uint64_t m_indexRevision = UINT64_MAX;
    std::uint64_t m_orderRevision = UINT64_MAX;
    std::uint64_t m_countRevision = UINT64_MAX;
    DocumentReport m_report;
    EvidenceHierarchy m_reportHierarchy;
    std::uint64_t m_reportRevision = UINT64_MAX;
    std::uint64_t m_reportComputations = 0;
    std::string m_hierarchyProblem;  // the invalid hierarchy a banner last named
    // The report being made on a worker thread, and the revision it is of. Declared after
    // m_session: it is destroyed (waited for) before the document it reads.
    std::future<DocumentReport> m_reportJob;
    std::uint64_t m_reportJobRevision = UINT64_MAX;
    ClaimReportOptions reportOptions();
    void takeFinishedReport(bool wait);
    bool m_unsavedOutsideHistory = false;
    std::uint64_t m_autosavedRevision = UINT64_MAX;  // the set's revision at the last autosave
    std::optional<AutosaveClock::time_point> m_autosaveDue;
    bool m_articleChangeReported = false;

    void apply(Action& action);
    Status applySuggest();
    Status applyReview(const Action& action);
};

}  // namespace claimmark::app
