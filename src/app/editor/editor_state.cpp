// editor_state.cpp — loading, saving, derived caches and the edit queue (editor_state.h).
//
// [SECTION] Opening
// [SECTION] Saving
// [SECTION] Never lose work   autosave to "<set>.recovery", restore, article changed on disk
// [SECTION] Derived data
// [SECTION] Edits
//
// Running, accepting and rejecting suggestions are in editor_state_suggestions.cpp, the
// claim report and its HTML file in editor_state_report.cpp.
#include "app/editor/editor_state.h"

#include "core/team/project_layout.h"
#include "core/anchoring/reanchor.h"
#include "core/text/utf8.h"

#include <algorithm>
#include <system_error>

namespace claimmark::app {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------
// [SECTION] Opening
// ---------------------------------------------------------------------------------------

EditorState::EditorState(Document document, AnnotationSet set) : m_session(std::move(document), std::move(set)) {
    m_styles.rebuild(m_session.set().schema);
}

Result<std::unique_ptr<EditorState>> EditorState::open(const EditorOptions& options) {
    const std::string annotator = options.annotator.empty() ? defaultAnnotatorName() : options.annotator;

    Schema schema = Schema::claimStrength();
    Diagnostics schemaErrors;  // fatal only when a new set needs the schema
    if (options.schema) {
        Result<Schema> loaded = loadSchemaFile(*options.schema);
        if (loaded) schema = std::move(*loaded);
        else schemaErrors = loaded.errors();
    }

    Result<Document> document = Document::loadFile(options.article);
    if (!document) return document.errors();

    const fs::path setPath = options.setPath ? *options.setPath : defaultSetPath(options.article, annotator);
    std::vector<Banner> banners;
    AnnotationSet set;
    FileStamp stamp;
    bool blocked = false;

    std::error_code ec;
    const bool setExists = fs::exists(setPath, ec);
    if (setExists) {
        Result<LoadedSet> loaded = loadSetFile(setPath);
        if (loaded) {
            set = std::move(loaded->set);
            stamp = loaded->stamp;
            if (options.schema && !schemaErrors.empty())
                banners.push_back({BannerKind::Warning,
                                   "The schema given with --schema could not be read; the set "
                                   "carries its own label schema, which is used:\n" +
                                       joinDiagnostics(schemaErrors)});
            else if (options.schema)
                banners.push_back({BannerKind::Info,
                                   "The set carries its own label schema; --schema applies only "
                                   "to new sets and was not used."});
            if (set.document.sha256 != document->sha256()) {
                const ReanchorReport report = reanchor(set, *document);
                std::string text =
                    "The article changed since this set was saved; its annotations were placed "
                    "again: " +
                    report.summary() + ".";
                if (report.orphaned > 0) text += " Orphaned annotations are kept and listed in the side panel.";
                banners.push_back({report.orphaned > 0 ? BannerKind::Warning : BannerKind::Info, std::move(text)});
            } else {
                const Diagnostics problems = checkSetAgainstDocument(set, *document, setPath.string());
                if (!problems.empty())
                    banners.push_back({BannerKind::Warning,
                                       "The set does not match the article everywhere:\n" + joinDiagnostics(problems)});
            }
        } else {
            blocked = true;
            banners.push_back({BannerKind::Error,
                               "Could not read the annotation set, so it will not be "
                               "overwritten (saving goes to a .recovered.json file beside it):\n" +
                                   loaded.errorText()});
        }
    }
    if ((!setExists || blocked) && !schemaErrors.empty()) return schemaErrors;
    if (!setExists || blocked) {
        set = AnnotationSet();
        set.schema = schema;
        set.annotator = annotator;
        set.document.path = relativeDocumentPath(setPath, options.article);
        set.document.sha256 = document->sha256();
        set.document.length = document->length();
    }

    std::shared_ptr<const SuggestionRules> rules;
    if (options.rules) {
        Result<SuggestionRules> read = readSuggestionRulesFile(options.rules->string(), set.schema);
        if (!read) return read.errors();
        rules = std::make_shared<const SuggestionRules>(std::move(*read));
    }

    auto state = std::make_unique<EditorState>(std::move(*document), std::move(set));
    state->customRules = std::move(rules);
    state->articlePath = options.article;
    state->setPath = setPath;
    state->annotator = state->set().annotator.empty() ? annotator : state->set().annotator;
    state->setStamp = stamp;
    state->saveBlocked = blocked;
    state->banners = std::move(banners);
    for (const std::string& notice : options.notices) state->banners.push_back({BannerKind::Info, notice});
    state->articleStamp = stampOf(options.article, state->document().bytes());
    state->recoveryOffer = findRecovery(setPath);
    if (state->recoveryOffer && !state->recoveryOffer->readable()) {
        const RecoveryCandidate& broken = *state->recoveryOffer;
        std::string text = "Unsaved work was found in " + broken.path.string() + " but it could not be read";
        text +=
            broken.brokenPath.empty() ? "; it was left where it is" : "; it was kept as " + broken.brokenPath.string();
        text += ":\n" + joinDiagnostics(broken.problems);
        state->banners.push_back({BannerKind::Error, std::move(text)});
        state->recoveryOffer.reset();
    }
    return state;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Saving
// ---------------------------------------------------------------------------------------

fs::path EditorState::saveTarget() const {
    if (!saveBlocked) return setPath;
    // The first "<stem>.recovered[-N].json" not in use: never overwrite anything.
    const fs::path folder = setPath.parent_path();
    const std::string stem = setPath.stem().string();
    std::error_code ec;
    for (int n = 1; n < 1000; ++n) {
        const std::string name =
            stem + (n == 1 ? std::string(".recovered") : ".recovered-" + std::to_string(n)) + ".json";
        const fs::path candidate = folder / name;
        if (!fs::exists(candidate, ec) || candidate == m_recoveryPath) return candidate;
    }
    return folder / (stem + ".recovered-last.json");
}

bool EditorState::save(SaveMode mode) {
    if (setPath.empty()) {
        statusMessage = "Nothing to save to: no set file was named.";
        return false;
    }
    const fs::path target = saveTarget();
    AnnotationSet& set = m_session.mutableSet();
    if (set.document.path.empty()) set.document.path = relativeDocumentPath(target, articlePath);
    const FileStamp expected = saveBlocked && target != m_recoveryPath ? FileStamp{} : setStamp;
    const SaveOutcome outcome = saveSetFile(target, set, expected, mode);
    if (outcome.conflict) {
        saveConflict = true;
        statusMessage = "Not saved: " + target.string() + " changed on disk since it was read.";
        return false;
    }
    if (!outcome.status.ok()) {
        statusMessage = "Could not save: " + outcome.status.error;
        banners.push_back({BannerKind::Error, "Could not save " + target.string() + ": " + outcome.status.error});
        return false;
    }
    saveConflict = false;
    setStamp = outcome.stamp;
    if (saveBlocked) m_recoveryPath = target;
    m_session.history().markSaved();
    m_unsavedOutsideHistory = false;
    removeRecoveryFile();  // what it held is in the set now
    statusMessage = "Saved " + target.string();
    return true;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Never lose work
// ---------------------------------------------------------------------------------------

bool EditorState::autosavePending() const {
    return isModified() && !recoveryOffer && !setPath.empty() && set().revision() != m_autosavedRevision;
}

std::optional<EditorState::AutosaveClock::duration> EditorState::timeUntilAutosave(
    AutosaveClock::time_point now) const {
    if (!autosavePending()) return std::nullopt;
    if (!m_autosaveDue) return kAutosaveInterval;  // autosaveIfDue starts the clock
    return std::max(AutosaveClock::duration::zero(), *m_autosaveDue - now);
}

bool EditorState::autosaveIfDue(AutosaveClock::time_point now) {
    if (!autosavePending()) {
        m_autosaveDue.reset();
        return false;
    }
    if (!m_autosaveDue) m_autosaveDue = now + kAutosaveInterval;
    if (now < *m_autosaveDue) return false;
    if (!autosaveNow()) m_autosaveDue = now + kAutosaveInterval;  // try again later
    return !m_autosaveDue;
}

bool EditorState::autosaveNow() {
    if (!autosavePending()) return false;
    Status status;
    if (set().document.path.empty()) {
        AnnotationSet copy = set();
        copy.document.path = relativeDocumentPath(setPath, articlePath);
        status = writeRecovery(setPath, copy);
    } else {
        status = writeRecovery(setPath, set());
    }
    if (!status.ok()) {
        statusMessage = "Autosave failed: " + status.error;
        return false;
    }
    m_autosavedRevision = set().revision();
    m_autosaveDue.reset();
    lastAutosave = formatLocalTime(std::chrono::system_clock::now());
    return true;
}

void EditorState::restoreRecovery() {
    if (!recoveryOffer || !recoveryOffer->set) return;
    AnnotationSet recovered = std::move(*recoveryOffer->set);
    recoveryOffer.reset();
    if (recovered.document.sha256 != document().sha256()) {
        const ReanchorReport report = reanchor(recovered, document());
        banners.push_back({report.orphaned > 0 ? BannerKind::Warning : BannerKind::Info,
                           "The recovered annotations were made on another version of the "
                           "article and were placed again: " +
                               report.summary() + "."});
    }
    // The document stays (the views hold ranges into its bytes); the set and a clean
    // history replace what was loaded.
    m_session.mutableSet() = std::move(recovered);
    m_session.history().clear();
    m_styles.rebuild(m_session.set().schema);
    // A new set object may reuse a revision number the caches have seen.
    m_indexRevision = m_orderRevision = m_countRevision = m_pendingRevision = m_reportRevision = UINT64_MAX;
    selection = TextSelection{};
    selectedAnnotation.clear();
    linkSource.clear();
    findMatches.clear();
    currentFindMatch.reset();
    markUnsaved();
    m_autosavedRevision = set().revision();  // the recovery file already holds it
    statusMessage = "Restored the unsaved work; save to keep it.";
}

void EditorState::discardRecoveryOffer() {
    if (!recoveryOffer) return;
    recoveryOffer.reset();
    const Status status = discardRecovery(setPath);
    statusMessage = status.ok() ? "Discarded the recovered work." : "Could not discard: " + status.error;
}

void EditorState::removeRecoveryFile() {
    if (setPath.empty() || recoveryOffer) return;  // an unanswered offer stays on disk
    discardRecovery(setPath);
    m_autosavedRevision = UINT64_MAX;
    m_autosaveDue.reset();
}

bool EditorState::checkArticleOnDisk() {
    if (m_articleChangeReported || articlePath.empty() || !articleStamp.exists) return false;
    if (!changedOnDisk(articlePath, articleStamp)) return false;
    m_articleChangeReported = true;
    banners.push_back({BannerKind::Warning, "The article changed on disk (" + articlePath.string() +
                                                "). The annotations still refer to the text shown here; save, then "
                                                "reopen the article to re-anchor them."});
    return true;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Derived data
// ---------------------------------------------------------------------------------------

const SpanIndex& EditorState::spanIndex() {
    if (m_indexRevision != set().revision()) {
        m_spanIndex.rebuild(set());
        m_indexRevision = set().revision();
    }
    return m_spanIndex;
}

const std::vector<const Annotation*>& EditorState::documentOrder() {
    if (m_orderRevision != set().revision()) {
        m_documentOrder = set().inDocumentOrder();
        m_orderRevision = set().revision();
    }
    return m_documentOrder;
}

const std::vector<std::size_t>& EditorState::labelCounts() {
    if (m_countRevision != set().revision()) {
        const auto& labels = set().schema.labels;
        m_labelCounts.assign(labels.size(), 0);
        for (const Annotation& a : set().annotations())
            for (std::size_t i = 0; i < labels.size(); ++i)
                if (labels[i].name == a.label) ++m_labelCounts[i];
        m_countRevision = set().revision();
    }
    return m_labelCounts;
}

const std::vector<const Annotation*>& EditorState::pendingSuggestions() {
    if (m_pendingRevision != set().revision()) {
        m_pendingSuggestions.clear();
        for (const Annotation* a : documentOrder())
            if (isPendingSuggestion(*a)) m_pendingSuggestions.push_back(a);
        m_pendingRevision = set().revision();
    }
    return m_pendingSuggestions;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Edits
// ---------------------------------------------------------------------------------------

bool EditorState::annotateSelection(const std::string& label) {
    std::size_t start = selection.start(), end = std::min(selection.end(), document().length());
    // Surrounding white space is never part of what was meant.
    while (start < end && utf8::isWhiteSpace(document().codePointAt(start))) ++start;
    while (end > start && utf8::isWhiteSpace(document().codePointAt(end - 1))) --end;
    if (start >= end) return false;
    Action action;
    action.kind = ActionKind::AddAnnotation;
    action.label = label;
    action.spans = {Span{start, end}};
    post(std::move(action));
    return true;
}

void EditorState::applyPending() {
    if (m_pending.empty()) return;
    m_applying.swap(m_pending);
    for (Action& action : m_applying) apply(action);
    m_applying.clear();
}

void EditorState::apply(Action& action) {
    Status status;
    switch (action.kind) {
        case ActionKind::AddAnnotation: {
            Result<std::string> id = m_session.addAnnotation(action.label, action.spans);
            if (id) {
                selectedAnnotation = *id;
                selection = TextSelection{};
                statusMessage = "Added " + action.label + " " + *id;
            } else {
                status = Status::failure(id.errorText());
            }
            break;
        }
        case ActionKind::DeleteAnnotation:
            status = m_session.deleteAnnotation(action.id);
            if (status.ok()) {
                if (selectedAnnotation == action.id) selectedAnnotation.clear();
                statusMessage = "Deleted " + action.id;
            }
            break;
        case ActionKind::Relabel:
            status = m_session.relabel(action.id, action.label);
            if (status.ok()) statusMessage = "Relabelled " + action.id + " as " + action.label;
            break;
        case ActionKind::SetAttribute: status = m_session.setAttribute(action.id, action.name, action.value); break;
        case ActionKind::SetNote: status = m_session.setNote(action.id, action.text); break;
        case ActionKind::Resize: status = m_session.resize(action.id, action.spans); break;
        case ActionKind::Reattach:
            status = m_session.reattach(action.id, action.spans);
            if (status.ok()) {
                selectedAnnotation = action.id;
                selection = TextSelection{};
                statusMessage = "Re-attached " + action.id;
            }
            break;
        case ActionKind::AddRelation: {
            Result<std::string> id = m_session.addRelation(action.label, action.id, action.text);
            if (id) statusMessage = "Linked " + action.id + " " + action.label + " " + action.text;
            else status = Status::failure(id.errorText());
            linkSource.clear();
            break;
        }
        case ActionKind::DeleteRelation:
            status = m_session.deleteRelation(action.id);
            if (status.ok()) statusMessage = "Deleted relation " + action.id;
            break;
        case ActionKind::Undo: {
            const std::string what = m_session.history().undoDescription();
            if (m_session.undo()) statusMessage = "Undid: " + what;
            break;
        }
        case ActionKind::Redo: {
            const std::string what = m_session.history().redoDescription();
            if (m_session.redo()) statusMessage = "Redid: " + what;
            break;
        }
        case ActionKind::Save: save(SaveMode::RefuseIfChanged); break;
        case ActionKind::SaveOverwrite: save(SaveMode::Overwrite); break;
        case ActionKind::SetDone: {
            const bool done =
                action.value && std::holds_alternative<bool>(*action.value) && std::get<bool>(*action.value);
            status = m_session.setDone(done);
            if (status.ok()) statusMessage = done ? "Marked done (Ctrl+D to reopen)" : "Marked as in progress";
            break;
        }
        case ActionKind::Suggest: status = applySuggest(); break;
        case ActionKind::AcceptSuggestions:
        case ActionKind::RejectSuggestions: status = applyReview(action); break;
    }
    if (!status.ok()) statusMessage = "Not done: " + status.error;
    // A selected annotation that no longer exists (undo of its creation) is deselected.
    if (!selectedAnnotation.empty() && !set().findAnnotation(selectedAnnotation)) selectedAnnotation.clear();
}

}  // namespace claimmark::app
