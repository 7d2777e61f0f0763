// edit_session.cpp — high-level edits, each one undoable step on the history.
#include "core/editing/edit_session.h"

#include "core/model/covered_text.h"

#include <algorithm>
#include <chrono>
#include <ctime>

namespace claimmark {

std::string utcNowIso8601() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

EditSession::EditSession(Document document, AnnotationSet set, Clock clock)
    : m_document(std::move(document)), m_set(std::move(set)), m_clock(std::move(clock)) {}

namespace {

void addDefaults(Annotation& annotation, const LabelDef& label) {
    for (const auto& def : label.attributes)
        if (def.defaultValue && !annotation.attributes.count(def.name))
            annotation.attributes.emplace(def.name, *def.defaultValue);
}

}  // namespace

Result<std::string> EditSession::addAnnotation(const std::string& label, std::vector<Span> spans,
                                               const std::string& origin) {
    const LabelDef* def = m_set.schema.findLabel(label);
    if (!def) return Diagnostic{"", "", "label \"" + label + "\" is not in the schema"};
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    Annotation a;
    a.id = m_set.nextAnnotationId();
    a.label = label;
    a.spans = std::move(spans);
    a.origin = origin;
    a.created = a.modified = m_clock();
    addDefaults(a, *def);
    fillFromDocument(a, m_document);
    std::string id = a.id;
    Status s = m_history.execute(m_set, makeAddAnnotation(std::move(a)));
    if (!s.ok()) return Diagnostic{"", "", s.error};
    return id;
}

Result<std::string> EditSession::insertAnnotation(Annotation annotation) {
    if (annotation.id.empty() || m_set.findAnnotation(annotation.id)) annotation.id = m_set.nextAnnotationId();
    if (annotation.created.empty()) annotation.created = m_clock();
    annotation.modified = m_clock();
    annotation.orphaned = false;
    fillFromDocument(annotation, m_document);
    std::string id = annotation.id;
    Status s = m_history.execute(m_set, makeAddAnnotation(std::move(annotation)));
    if (!s.ok()) return Diagnostic{"", "", s.error};
    return id;
}

Status EditSession::setStatus(const std::string& id, const std::string& status) {
    return changeAnnotation(id, (status.empty() ? "Settle " : "Mark disputed ") + id, [&](Annotation& a) {
        a.status = status;
        return Status::success();
    });
}

Status EditSession::setDone(bool done) {
    if (m_set.done == done) return Status::success();
    return m_history.execute(m_set, makeSetDone(done));
}

Status EditSession::deleteAnnotation(const std::string& id) {
    const Annotation* a = m_set.findAnnotation(id);
    if (!a) return Status::failure("no annotation has id \"" + id + "\"");
    Annotation removed = *a;
    std::vector<Relation> relations;
    for (const Relation* r : m_set.relationsOf(id)) relations.push_back(*r);

    // One all-or-nothing step: recorded only if every part succeeds.
    auto group = std::make_unique<CommandGroup>("Delete " + removed.label + " " + id);
    for (auto& r : relations) group->add(makeRemoveRelation(std::move(r)));
    group->add(makeRemoveAnnotation(std::move(removed)));
    Status s = m_history.execute(m_set, std::move(group));
    return s;
}

Status EditSession::changeAnnotation(const std::string& id, const std::string& description,
                                     const std::function<Status(Annotation&)>& change) {
    const Annotation* current = m_set.findAnnotation(id);
    if (!current) return Status::failure("no annotation has id \"" + id + "\"");
    Annotation after = *current;
    if (isPendingSuggestion(after)) after.status.clear();  // editing a suggestion accepts it
    Status s = change(after);
    if (!s.ok()) return s;
    after.modified = m_clock();
    return m_history.execute(m_set, makeReplaceAnnotation(*current, std::move(after), description));
}

Status EditSession::relabel(const std::string& id, const std::string& label) {
    const Annotation* current = m_set.findAnnotation(id);
    if (!current) return Status::failure("no annotation has id \"" + id + "\"");
    const LabelDef* def = m_set.schema.findLabel(label);
    if (!def) return Status::failure("label \"" + label + "\" is not in the schema");
    if (current->label == label) return Status::success();

    // Relations that would not fit the new label go in the same undo step.
    std::vector<Relation> misfits;
    for (const Relation* r : m_set.relationsOf(id)) {
        const Annotation* other = m_set.findAnnotation(r->from == id ? r->to : r->from);
        const std::string& fromLabel = r->from == id ? label : other->label;
        const std::string& toLabel = r->to == id ? label : other->label;
        const RelationDef* rd = m_set.schema.findRelation(r->type);
        if (!rd || !rd->allows(fromLabel, toLabel)) misfits.push_back(*r);
    }

    Annotation after = *current;
    if (isPendingSuggestion(after)) after.status.clear();  // relabelling a suggestion accepts it
    after.label = label;
    // Attributes the new label lacks, or whose value it does not allow, are dropped.
    for (auto it = after.attributes.begin(); it != after.attributes.end();) {
        const AttributeDef* ad = def->findAttribute(it->first);
        it = (ad && ad->check(it->second).empty()) ? std::next(it) : after.attributes.erase(it);
    }
    addDefaults(after, *def);
    after.modified = m_clock();

    const std::string description = "Relabel " + id + " as " + label;
    auto group = std::make_unique<CommandGroup>(description);
    for (auto& r : misfits) group->add(makeRemoveRelation(std::move(r)));
    group->add(makeReplaceAnnotation(*current, std::move(after), description));
    Status s = m_history.execute(m_set, std::move(group));
    return s;
}

Status EditSession::resize(const std::string& id, std::vector<Span> spans) {
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    return changeAnnotation(id, "Resize " + id, [&](Annotation& a) {
        if (a.orphaned) return Status::failure("annotation " + id + " is orphaned; re-attach it instead");
        a.spans = spans;
        fillFromDocument(a, m_document);
        return Status::success();
    });
}

Status EditSession::setAttribute(const std::string& id, const std::string& name, std::optional<AttributeValue> value) {
    return changeAnnotation(id, "Set " + name + " of " + id, [&](Annotation& a) {
        if (value) {
            a.attributes[name] = *value;
        } else if (!a.attributes.erase(name)) {
            return Status::failure("annotation " + id + " has no attribute \"" + name + "\" to clear");
        }
        return Status::success();
    });
}

Status EditSession::setNote(const std::string& id, const std::string& note) {
    return changeAnnotation(id, "Edit note of " + id, [&](Annotation& a) {
        a.note = note;
        return Status::success();
    });
}

Status EditSession::reattach(const std::string& id, std::vector<Span> spans) {
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    return changeAnnotation(id, "Re-attach " + id, [&](Annotation& a) {
        a.orphaned = false;
        a.spans = spans;
        fillFromDocument(a, m_document);
        return Status::success();
    });
}

Result<std::string> EditSession::addRelation(const std::string& type, const std::string& from, const std::string& to) {
    Relation r;
    r.id = m_set.nextRelationId();
    r.type = type;
    r.from = from;
    r.to = to;
    std::string id = r.id;
    Status s = m_history.execute(m_set, makeAddRelation(std::move(r)));
    if (!s.ok()) return Diagnostic{"", "", s.error};
    return id;
}

Status EditSession::deleteRelation(const std::string& id) {
    const Relation* r = m_set.findRelation(id);
    if (!r) return Status::failure("no relation has id \"" + id + "\"");
    return m_history.execute(m_set, makeRemoveRelation(*r));
}

}  // namespace claimmark
