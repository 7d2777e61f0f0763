// annotation_set.cpp — the model's invariants and storage.
//
// [SECTION] Checks      checkAnnotation / checkRelation: every problem, with a relative path
// [SECTION] Mutators    add / replace / remove, all-or-nothing
// [SECTION] Ids         "a<N>" / "r<N>" numbering
#include "core/model/annotation_set.h"

#include <algorithm>
#include <charconv>

namespace claimmark {

AnnotationSet::AnnotationSet() : schema(Schema::claimStrength()) {}

std::string describeProblems(const Problems& problems, const std::string& prefix) {
    std::string out;
    for (const auto& p : problems) {
        if (!out.empty()) out += '\n';
        std::string path = prefix + p.path;
        if (!path.empty() && path.back() == '.') path.pop_back();
        if (!path.empty()) out += path + ": ";
        out += p.message;
    }
    return out;
}

// --- [SECTION] Queries -------------------------------------------------------------------

const Annotation* AnnotationSet::findAnnotation(std::string_view id) const {
    auto it = m_annotationIndex.find(id);
    return it == m_annotationIndex.end() ? nullptr : &m_annotations[it->second];
}

const Relation* AnnotationSet::findRelation(std::string_view id) const {
    auto it = m_relationIndex.find(id);
    return it == m_relationIndex.end() ? nullptr : &m_relations[it->second];
}

std::vector<const Annotation*> AnnotationSet::inDocumentOrder() const {
    // Sort keys by value: comparing through the annotations would chase each one's span
    // vector on the heap, which dominates for 100,000 annotations.
    struct Key {
        std::size_t start, end;
        const Annotation* annotation;
    };
    std::vector<Key> keys;
    keys.reserve(m_annotations.size());
    for (const auto& a : m_annotations) keys.push_back({a.start(), a.end(), &a});
    std::sort(keys.begin(), keys.end(), [](const Key& x, const Key& y) {
        if (x.start != y.start) return x.start < y.start;
        if (x.end != y.end) return x.end > y.end;
        return documentOrderLess(*x.annotation, *y.annotation);
    });
    std::vector<const Annotation*> out;
    out.reserve(keys.size());
    for (const Key& k : keys) out.push_back(k.annotation);
    return out;
}

std::vector<const Relation*> AnnotationSet::relationsInOrder() const {
    std::vector<const Relation*> out;
    out.reserve(m_relations.size());
    for (const auto& r : m_relations) out.push_back(&r);
    std::sort(out.begin(), out.end(), [](const Relation* x, const Relation* y) {
        if (x->id.size() != y->id.size()) return x->id.size() < y->id.size();
        return x->id < y->id;
    });
    return out;
}

std::vector<const Relation*> AnnotationSet::relationsOf(std::string_view annotationId) const {
    std::vector<const Relation*> out;
    for (const auto& r : m_relations)
        if (r.from == annotationId || r.to == annotationId) out.push_back(&r);
    return out;
}

std::size_t AnnotationSet::orphanedCount() const {
    return static_cast<std::size_t>(
        std::count_if(m_annotations.begin(), m_annotations.end(), [](const Annotation& a) { return a.orphaned; }));
}

// --- [SECTION] Checks --------------------------------------------------------------------

Problems AnnotationSet::checkAnnotation(const Annotation& a) const {
    Problems problems;
    if (a.id.empty()) problems.push_back({"id", "an annotation needs a non-empty id"});

    const LabelDef* label = schema.findLabel(a.label);
    if (!label) {
        problems.push_back(
            {"label", "label \"" + a.label + "\" is not in the set's schema (" +
                          (schema.labels.empty() ? std::string("it has no labels") : "labels: " + schema.labelList()) +
                          ")"});
    }

    if (!a.status.empty() && a.status != kDisputedStatus && a.status != kSuggestedStatus)
        problems.push_back(
            {"status", "status \"" + a.status + "\" is not known (it is \"suggested\", \"disputed\" or absent)"});

    if (a.spans.empty()) problems.push_back({"spans", "an annotation needs at least one span"});
    for (std::size_t i = 0; i < a.spans.size(); ++i) {
        const Span& s = a.spans[i];
        const auto path = [i] { return "spans[" + std::to_string(i) + "]"; };  // only for a problem
        if (s.start >= s.end) {
            problems.push_back({path() + ".end", "end (" + std::to_string(s.end) + ") must be greater than start (" +
                                                     std::to_string(s.start) + ")"});
            continue;
        }
        if (!a.orphaned && s.end > document.length) {
            problems.push_back({path() + ".end", "end (" + std::to_string(s.end) +
                                                     ") is past the end of the document (length " +
                                                     std::to_string(document.length) + " code points)"});
        }
        if (i > 0 && s.start < a.spans[i - 1].end) {
            problems.push_back({path() + ".start", "spans must be sorted and must not overlap (starts at " +
                                                       std::to_string(s.start) + ", before the previous span ends at " +
                                                       std::to_string(a.spans[i - 1].end) + ")"});
        }
    }

    if (label) {
        for (const auto& [name, value] : a.attributes) {
            const AttributeDef* def = label->findAttribute(name);
            if (!def) {
                std::string known;
                for (const auto& d : label->attributes) known += (known.empty() ? "" : ", ") + d.name;
                problems.push_back({"attributes." + name,
                                    "label \"" + a.label + "\" has no attribute \"" + name + "\"" +
                                        (known.empty() ? std::string(" (it has none)") : " (it has: " + known + ")")});
                continue;
            }
            std::string why = def->check(value);
            if (!why.empty()) problems.push_back({"attributes." + name, why});
        }
    }
    return problems;
}

Problems AnnotationSet::checkRelation(const Relation& r) const {
    Problems problems;
    if (r.id.empty()) problems.push_back({"id", "a relation needs a non-empty id"});
    const RelationDef* def = schema.findRelation(r.type);
    if (!def) {
        std::string known;
        for (const auto& d : schema.relations) known += (known.empty() ? "" : ", ") + d.type;
        problems.push_back({"type", "relation type \"" + r.type + "\" is not in the set's schema" +
                                        (known.empty() ? std::string() : " (types: " + known + ")")});
    }
    const Annotation* from = findAnnotation(r.from);
    const Annotation* to = findAnnotation(r.to);
    if (!from) problems.push_back({"from", "no annotation has id \"" + r.from + "\""});
    if (!to) problems.push_back({"to", "no annotation has id \"" + r.to + "\""});
    if (from && to && r.from == r.to) problems.push_back({"to", "a relation cannot link an annotation to itself"});
    if (def && from && to && !def->allows(from->label, to->label)) {
        problems.push_back({"type", "a \"" + r.type + "\" relation cannot go from a " + from->label + " (" + r.from +
                                        ") to a " + to->label + " (" + r.to + ")"});
    }
    return problems;
}

// --- [SECTION] Mutators ------------------------------------------------------------------

Status AnnotationSet::addAnnotation(Annotation annotation) {
    Problems problems = tryAddAnnotation(std::move(annotation));
    if (!problems.empty()) return Status::failure(describeProblems(problems));
    return Status::success();
}

Problems AnnotationSet::tryAddAnnotation(Annotation&& annotation) {
    // One lookup: claim the id, give it back if the annotation does not pass its checks.
    const auto [slot, fresh] = m_annotationIndex.try_emplace(annotation.id, m_annotations.size());
    if (!fresh) return {{"id", "annotation id \"" + annotation.id + "\" is already in use"}};
    Problems problems = checkAnnotation(annotation);
    if (!problems.empty()) {
        m_annotationIndex.erase(slot);
        return problems;
    }
    noteIdNumber(annotation.id, 'a', m_maxAnnotationNumber);
    m_annotations.push_back(std::move(annotation));
    ++m_revision;
    return {};
}

void AnnotationSet::reserve(std::size_t annotations, std::size_t relations) {
    m_annotations.reserve(annotations);
    m_annotationIndex.reserve(annotations);
    m_relations.reserve(relations);
    m_relationIndex.reserve(relations);
}

Status AnnotationSet::replaceAnnotation(Annotation annotation) {
    auto it = m_annotationIndex.find(annotation.id);
    if (it == m_annotationIndex.end()) return Status::failure("no annotation has id \"" + annotation.id + "\"");
    Problems problems = checkAnnotation(annotation);
    if (!problems.empty()) return Status::failure(describeProblems(problems));
    Annotation& current = m_annotations[it->second];
    if (current.label != annotation.label) {
        for (const auto& r : m_relations) {
            if (r.from != annotation.id && r.to != annotation.id) continue;
            const Annotation& other = *findAnnotation(r.from == annotation.id ? r.to : r.from);
            const std::string& fromLabel = r.from == annotation.id ? annotation.label : other.label;
            const std::string& toLabel = r.to == annotation.id ? annotation.label : other.label;
            const RelationDef* def = schema.findRelation(r.type);
            if (def && !def->allows(fromLabel, toLabel))
                return Status::failure("relation " + r.id + " (" + r.type + ") would no longer fit if " +
                                       annotation.id + " became a " + annotation.label);
        }
    }
    current = std::move(annotation);
    ++m_revision;
    return Status::success();
}

Status AnnotationSet::removeAnnotation(std::string_view id) {
    auto it = m_annotationIndex.find(id);
    if (it == m_annotationIndex.end()) return Status::failure("no annotation has id \"" + std::string(id) + "\"");
    for (const auto& r : m_relations)
        if (r.from == id || r.to == id)
            return Status::failure("annotation " + std::string(id) + " is linked by relation " + r.id +
                                   "; remove the relation first");
    const std::size_t index = it->second;
    m_annotationIndex.erase(it);
    if (index + 1 != m_annotations.size()) {
        m_annotations[index] = std::move(m_annotations.back());
        m_annotationIndex[m_annotations[index].id] = index;
    }
    m_annotations.pop_back();
    ++m_revision;
    return Status::success();
}

Status AnnotationSet::addRelation(Relation relation) {
    const auto [slot, fresh] = m_relationIndex.try_emplace(relation.id, m_relations.size());
    if (!fresh) return Status::failure("relation id \"" + relation.id + "\" is already in use");
    Problems problems = checkRelation(relation);
    if (!problems.empty()) {
        m_relationIndex.erase(slot);
        return Status::failure(describeProblems(problems));
    }
    noteIdNumber(relation.id, 'r', m_maxRelationNumber);
    m_relations.push_back(std::move(relation));
    ++m_revision;
    return Status::success();
}

Status AnnotationSet::removeRelation(std::string_view id) {
    auto it = m_relationIndex.find(id);
    if (it == m_relationIndex.end()) return Status::failure("no relation has id \"" + std::string(id) + "\"");
    const std::size_t index = it->second;
    m_relationIndex.erase(it);
    if (index + 1 != m_relations.size()) {
        m_relations[index] = std::move(m_relations.back());
        m_relationIndex[m_relations[index].id] = index;
    }
    m_relations.pop_back();
    ++m_revision;
    return Status::success();
}

// --- [SECTION] Ids -----------------------------------------------------------------------

void AnnotationSet::noteIdNumber(const std::string& id, char prefix, std::uint64_t& maxNumber) {
    if (id.size() < 2 || id[0] != prefix) return;
    std::uint64_t number = 0;
    auto [ptr, ec] = std::from_chars(id.data() + 1, id.data() + id.size(), number);
    if (ec == std::errc() && ptr == id.data() + id.size() && number > maxNumber) maxNumber = number;
}

std::string AnnotationSet::nextAnnotationId() const {
    // The maximum only grows, so an id freed by a removal is not handed out again while
    // an undo could still bring the old annotation back.
    std::string id;
    std::uint64_t n = m_maxAnnotationNumber + 1;
    do {
        id = "a" + std::to_string(n++);
    } while (m_annotationIndex.count(id));
    return id;
}

std::string AnnotationSet::nextRelationId() const {
    std::string id;
    std::uint64_t n = m_maxRelationNumber + 1;
    do {
        id = "r" + std::to_string(n++);
    } while (m_relationIndex.count(id));
    return id;
}

}  // namespace claimmark
