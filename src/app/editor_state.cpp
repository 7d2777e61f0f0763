// editor_state.cpp — loading, saving, derived caches and the edit queue (editor_state.h).
//
// [SECTION] Opening
// [SECTION] Saving
// [SECTION] Derived data
// [SECTION] Edits
#include "app/editor_state.h"

#include "core/project_layout.h"
#include "core/reanchor.h"
#include "core/utf8.h"

#include <algorithm>
#include <system_error>

namespace claimmark::app {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------
// [SECTION] Opening
// ---------------------------------------------------------------------------------------

EditorState::EditorState(Document document, AnnotationSet set)
    : m_session(std::move(document), std::move(set)) {
    m_styles.rebuild(m_session.set().schema);
}

Result<std::unique_ptr<EditorState>> EditorState::open(const EditorOptions& options) {
    const std::string annotator =
        options.annotator.empty() ? defaultAnnotatorName() : options.annotator;

    Schema schema = Schema::claimStrength();
    if (options.schema) {
        Result<Schema> loaded = loadSchemaFile(*options.schema);
        if (!loaded) return loaded.errors();
        schema = std::move(*loaded);
    }

    Result<Document> document = Document::loadFile(options.article);
    if (!document) return document.errors();

    const fs::path setPath = options.setPath ? *options.setPath
                                             : defaultSetPath(options.article, annotator);
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
            if (options.schema)
                banners.push_back({BannerKind::Info,
                                   "The set carries its own label schema; --schema applies only "
                                   "to new sets and was not used."});
            if (set.document.sha256 != document->sha256()) {
                const ReanchorReport report = reanchor(set, *document);
                std::string text =
                    "The article changed since this set was saved; its annotations were placed "
                    "again: " + report.summary() + ".";
                if (report.orphaned > 0)
                    text += " Orphaned annotations are kept and listed in the side panel.";
                banners.push_back({report.orphaned > 0 ? BannerKind::Warning : BannerKind::Info,
                                   std::move(text)});
            } else {
                const Diagnostics problems =
                    checkSetAgainstDocument(set, *document, setPath.string());
                if (!problems.empty())
                    banners.push_back({BannerKind::Warning,
                                       "The set does not match the article everywhere:\n" +
                                           joinDiagnostics(problems)});
            }
        } else {
            blocked = true;
            banners.push_back({BannerKind::Error,
                               "Could not read the annotation set, so it will not be "
                               "overwritten (saving goes to a .recovered.json file beside it):\n" +
                                   loaded.errorText()});
        }
    }
    if (!setExists || blocked) {
        set = AnnotationSet();
        set.schema = schema;
        set.annotator = annotator;
        set.document.path = relativeDocumentPath(setPath, options.article);
        set.document.sha256 = document->sha256();
        set.document.length = document->length();
    }

    auto state = std::make_unique<EditorState>(std::move(*document), std::move(set));
    state->articlePath = options.article;
    state->setPath = setPath;
    state->annotator = state->set().annotator.empty() ? annotator : state->set().annotator;
    state->setStamp = stamp;
    state->saveBlocked = blocked;
    state->banners = std::move(banners);
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
        banners.push_back({BannerKind::Error, "Could not save " + target.string() + ": " +
                                                  outcome.status.error});
        return false;
    }
    saveConflict = false;
    setStamp = outcome.stamp;
    if (saveBlocked) m_recoveryPath = target;
    m_session.history().markSaved();
    statusMessage = "Saved " + target.string();
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
        case ActionKind::SetAttribute:
            status = m_session.setAttribute(action.id, action.name, action.value);
            break;
        case ActionKind::SetNote:
            status = m_session.setNote(action.id, action.text);
            break;
        case ActionKind::Resize:
            status = m_session.resize(action.id, action.spans);
            break;
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
        case ActionKind::Save:
            save(SaveMode::RefuseIfChanged);
            break;
        case ActionKind::SaveOverwrite:
            save(SaveMode::Overwrite);
            break;
    }
    if (!status.ok()) statusMessage = "Not done: " + status.error;
    // A selected annotation that no longer exists (undo of its creation) is deselected.
    if (!selectedAnnotation.empty() && !set().findAnnotation(selectedAnnotation))
        selectedAnnotation.clear();
}

}  // namespace claimmark::app
