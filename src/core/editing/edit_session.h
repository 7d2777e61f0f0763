// edit_session.h — a document, its annotation set and the history: the one way to edit.
//
// The editor and tools change the model only through these methods; each becomes one
// undoable step on the history (compound edits such as "delete with its relations" are
// grouped). Methods fail with a readable message and change nothing on bad input.
#pragma once

#include "core/model/annotation_set.h"
#include "core/text/document.h"
#include "core/editing/history.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace claimmark {

// Current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
std::string utcNowIso8601();

class EditSession {
public:
    using Clock = std::function<std::string()>;

    EditSession(Document document, AnnotationSet set, Clock clock = utcNowIso8601);

    const Document& document() const { return m_document; }
    const AnnotationSet& set() const { return m_set; }
    // Direct access for loading/saving bookkeeping only; edits go through the methods.
    AnnotationSet& mutableSet() { return m_set; }
    History& history() { return m_history; }
    const History& history() const { return m_history; }

    // New annotation from spans (code points); schema defaults fill its attributes.
    // Returns the new id.
    Result<std::string> addAnnotation(const std::string& label, std::vector<Span> spans,
                                      const std::string& origin = "manual");
    // Removes the annotation and the relations attached to it, as one step.
    Status deleteAnnotation(const std::string& id);
    // Changes the label; attributes the new label lacks and relations that no longer fit
    // are removed in the same step; the new label's defaults are filled in.
    Status relabel(const std::string& id, const std::string& label);
    Status resize(const std::string& id, std::vector<Span> spans);
    // nullopt removes the attribute.
    Status setAttribute(const std::string& id, const std::string& name, std::optional<AttributeValue> value);
    Status setNote(const std::string& id, const std::string& note);
    // Places an orphaned annotation at `spans` in the current text (clears the flag).
    Status reattach(const std::string& id, std::vector<Span> spans);
    // Adjudication: "disputed" or "" (settled). Accepting a disputed annotation clears it.
    Status setStatus(const std::string& id, const std::string& status);
    // Copies a whole annotation (e.g. from another reviewer's set) into this set as one
    // step: a fresh id when `annotation.id` is taken or empty, text and context from the
    // document, origin kept. Returns the id it got.
    Result<std::string> insertAnnotation(Annotation annotation);
    // The set's "done" flag, undoable like any edit.
    Status setDone(bool done);
    Result<std::string> addRelation(const std::string& type, const std::string& from, const std::string& to);
    Status deleteRelation(const std::string& id);

    // --- suggestions (core/suggest/suggest.h; suggestion_review.cpp) ---------------------
    // Adds suggested annotations and relations (ids fresh for the set) as one step.
    Status addSuggestions(std::vector<Annotation> annotations, std::vector<Relation> relations,
                          const std::string& description);
    // Accepts pending suggestions (their status is cleared; rule and reason stay), one step.
    // Ids that are not pending suggestions are an error; nothing changes then.
    Status acceptSuggestions(const std::vector<std::string>& ids);
    // Rejects pending suggestions: each is removed with its relations and remembered in
    // set().rejectedSuggestions, all as one step.
    Status rejectSuggestions(const std::vector<std::string>& ids);

    bool undo() { return m_history.undo(m_set); }
    bool redo() { return m_history.redo(m_set); }
    bool isModified() const { return m_history.isModified(); }

private:
    Document m_document;
    AnnotationSet m_set;
    History m_history;
    Clock m_clock;

    Status changeAnnotation(const std::string& id, const std::string& description,
                            const std::function<Status(Annotation&)>& change);
};

}  // namespace claimmark
