// adjudication.cpp — the open disagreements of a gold set and the decisions that settle
// them (adjudication.h).
//
// [SECTION] Votes and names
// [SECTION] The list
// [SECTION] Navigation
// [SECTION] Decisions
#include "core/team/adjudication.h"

#include "core/editing/command.h"

#include <algorithm>
#include <unordered_set>

namespace claimmark {

// ---------------------------------------------------------------------------------------
// [SECTION] Votes and names
// ---------------------------------------------------------------------------------------

std::optional<AttributeValue> attributeValueFromJson(const nlohmann::json& value) {
    if (value.is_boolean()) return AttributeValue(value.get<bool>());
    if (value.is_number_integer()) return AttributeValue(value.get<std::int64_t>());
    if (value.is_number_float()) {
        // An ordinal written as 4.0 by another tool is still 4.
        const double d = value.get<double>();
        if (d == static_cast<double>(static_cast<std::int64_t>(d))) return AttributeValue(static_cast<std::int64_t>(d));
        return std::nullopt;
    }
    if (value.is_string()) return AttributeValue(value.get<std::string>());
    return std::nullopt;
}

std::vector<AttributeConflict> attributeConflicts(const Annotation& annotation) {
    std::vector<AttributeConflict> out;
    if (!annotation.extra.is_object()) return out;
    const auto votes = annotation.extra.find(kAttributeVotesKey);
    if (votes == annotation.extra.end() || !votes->is_object()) return out;
    for (auto attr = votes->begin(); attr != votes->end(); ++attr) {
        if (!attr->is_object()) continue;
        AttributeConflict conflict;
        conflict.attribute = attr.key();
        for (auto vote = attr->begin(); vote != attr->end(); ++vote)
            if (auto value = attributeValueFromJson(*vote)) conflict.votes.push_back({vote.key(), std::move(*value)});
        if (!conflict.votes.empty()) out.push_back(std::move(conflict));
    }
    return out;
}

std::vector<std::string> uniqueReviewerNames(const std::vector<std::string>& annotators) {
    std::vector<std::string> names;
    std::unordered_set<std::string> used;
    for (const std::string& given : annotators) {
        const std::string base = given.empty() ? "reviewer" : given;
        std::string name = base;
        for (int n = 2; used.count(name); ++n) name = base + "-" + std::to_string(n);
        used.insert(name);
        names.push_back(std::move(name));
    }
    return names;
}

namespace {

bool isDisputedRelation(const Relation& relation) {
    if (!relation.extra.is_object()) return false;
    const auto status = relation.extra.find("status");
    return status != relation.extra.end() && status->is_string() && status->get<std::string>() == kDisputedStatus;
}

std::vector<std::string> relationProposers(const Relation& relation) {
    std::vector<std::string> out;
    if (!relation.extra.is_object()) return out;
    const auto proposed = relation.extra.find("proposed_by");
    if (proposed == relation.extra.end() || !proposed->is_array()) return out;
    for (const auto& name : *proposed)
        if (name.is_string()) out.push_back(name.get<std::string>());
    return out;
}

std::vector<std::string> missing(const std::vector<std::string>& reviewers,
                                 const std::vector<std::string>& proposedBy) {
    std::vector<std::string> out;
    for (const std::string& r : reviewers)
        if (std::find(proposedBy.begin(), proposedBy.end(), r) == proposedBy.end()) out.push_back(r);
    return out;
}

bool positionLess(const DisagreementPosition& a, const DisagreementPosition& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end > b.end;  // a longer annotation first, as documentOrderLess
    if (a.kind != b.kind) return a.kind == DisagreementKind::Annotation;
    return a.id < b.id;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] The list
// ---------------------------------------------------------------------------------------

std::vector<Disagreement> listDisagreements(const AnnotationSet& gold, const std::vector<std::string>& reviewers) {
    std::vector<Disagreement> out;
    for (const Annotation* a : gold.inDocumentOrder()) {
        Disagreement d;
        d.kind = DisagreementKind::Annotation;
        d.id = a->id;
        d.annotationId = a->id;
        d.start = a->start();
        d.end = a->end();
        d.disputed = a->status == kDisputedStatus;
        d.conflicts = attributeConflicts(*a);
        if (!d.disputed && d.conflicts.empty()) continue;
        d.proposedBy = a->proposedBy;
        d.missingFrom = missing(reviewers, a->proposedBy);
        out.push_back(std::move(d));
    }
    for (const Relation* r : gold.relationsInOrder()) {
        if (!isDisputedRelation(*r)) continue;
        const Annotation* from = gold.findAnnotation(r->from);
        Disagreement d;
        d.kind = DisagreementKind::Relation;
        d.id = r->id;
        d.annotationId = r->from;
        d.start = from ? from->start() : 0;
        d.end = from ? from->end() : 0;
        d.disputed = true;
        d.proposedBy = relationProposers(*r);
        d.missingFrom = missing(reviewers, d.proposedBy);
        out.push_back(std::move(d));
    }
    // Annotations came in document order already; relations are placed among them.
    std::stable_sort(out.begin(), out.end(), [](const Disagreement& a, const Disagreement& b) {
        return positionLess(positionOf(a), positionOf(b));
    });
    return out;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Navigation
// ---------------------------------------------------------------------------------------

DisagreementPosition positionOf(const Disagreement& d) { return DisagreementPosition{d.start, d.end, d.kind, d.id}; }

std::optional<DisagreementPosition> positionOfAnnotation(const AnnotationSet& gold, const std::string& id) {
    const Annotation* a = gold.findAnnotation(id);
    if (!a) return std::nullopt;
    return DisagreementPosition{a->start(), a->end(), DisagreementKind::Annotation, a->id};
}

std::optional<std::size_t> stepDisagreement(const std::vector<Disagreement>& list,
                                            const std::optional<DisagreementPosition>& from, bool forward) {
    if (list.empty()) return std::nullopt;
    if (!from) return forward ? 0 : list.size() - 1;
    // The list is sorted by position: binary search for the first one after `from`.
    const auto after = std::upper_bound(
        list.begin(), list.end(), *from,
        [](const DisagreementPosition& p, const Disagreement& d) { return positionLess(p, positionOf(d)); });
    if (forward) return after == list.end() ? 0 : static_cast<std::size_t>(after - list.begin());
    // Previous: the last one strictly before `from` (skipping `from` itself).
    const auto notBefore = std::lower_bound(
        list.begin(), list.end(), *from,
        [](const Disagreement& d, const DisagreementPosition& p) { return positionLess(positionOf(d), p); });
    if (notBefore == list.begin()) return list.size() - 1;
    return static_cast<std::size_t>(notBefore - list.begin()) - 1;
}

std::optional<std::size_t> findDisagreement(const std::vector<Disagreement>& list, DisagreementKind kind,
                                            const std::string& id) {
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i].kind == kind && list[i].id == id) return i;
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Decisions
// ---------------------------------------------------------------------------------------

namespace {

Status replace(EditSession& session, const Annotation& before, Annotation after, const std::string& description) {
    after.modified = utcNowIso8601();
    return session.history().execute(session.mutableSet(),
                                     makeReplaceAnnotation(before, std::move(after), description));
}

void dropVotes(Annotation& a, const std::string& attribute) {
    if (!a.extra.is_object()) return;
    const auto votes = a.extra.find(kAttributeVotesKey);
    if (votes == a.extra.end()) return;
    if (votes->is_object()) votes->erase(attribute);
    if (!votes->is_object() || votes->empty()) a.extra.erase(kAttributeVotesKey);
}

}  // namespace

Status acceptAnnotation(EditSession& session, const std::string& id) {
    const Annotation* a = session.set().findAnnotation(id);
    if (!a) return Status::failure("no annotation has id \"" + id + "\"");
    if (a->status.empty() && attributeConflicts(*a).empty()) return Status::failure(id + " is already settled");
    Annotation after = *a;
    after.status.clear();
    if (after.extra.is_object()) after.extra.erase(kAttributeVotesKey);
    return replace(session, *a, std::move(after), "Accept " + a->label + " " + id);
}

Status rejectAnnotation(EditSession& session, const std::string& id) {
    const Annotation* a = session.set().findAnnotation(id);
    if (!a) return Status::failure("no annotation has id \"" + id + "\"");
    auto group = std::make_unique<CommandGroup>("Reject " + a->label + " " + id);
    for (const Relation* r : session.set().relationsOf(id)) group->add(makeRemoveRelation(*r));
    group->add(makeRemoveAnnotation(*a));
    return session.history().execute(session.mutableSet(), std::move(group));
}

Status pickAttribute(EditSession& session, const std::string& id, const std::string& attribute,
                     std::optional<AttributeValue> value, std::size_t reviewerCount) {
    const Annotation* a = session.set().findAnnotation(id);
    if (!a) return Status::failure("no annotation has id \"" + id + "\"");
    Annotation after = *a;
    if (value) after.attributes[attribute] = *value;
    else after.attributes.erase(attribute);
    dropVotes(after, attribute);
    const bool votesLeft = !attributeConflicts(after).empty();
    if (!votesLeft && reviewerCount > 0 && after.status == kDisputedStatus) {
        std::unordered_set<std::string> proposers(after.proposedBy.begin(), after.proposedBy.end());
        if (proposers.size() >= reviewerCount) after.status.clear();
    }
    const std::string shown = value ? attributeValueToString(*value) : std::string("(none)");
    return replace(session, *a, std::move(after), "Pick " + attribute + " = " + shown + " for " + id);
}

Status acceptRelation(EditSession& session, const std::string& id) {
    const Relation* r = session.set().findRelation(id);
    if (!r) return Status::failure("no relation has id \"" + id + "\"");
    if (!isDisputedRelation(*r)) return Status::failure("relation " + id + " is already settled");
    Relation after = *r;
    after.extra.erase("status");
    auto group = std::make_unique<CommandGroup>("Accept relation " + id);
    group->add(makeRemoveRelation(*r));
    group->add(makeAddRelation(std::move(after)));
    return session.history().execute(session.mutableSet(), std::move(group));
}

Status rejectRelation(EditSession& session, const std::string& id) {
    const Relation* r = session.set().findRelation(id);
    if (!r) return Status::failure("no relation has id \"" + id + "\"");
    auto group = std::make_unique<CommandGroup>("Reject relation " + id);
    group->add(makeRemoveRelation(*r));
    return session.history().execute(session.mutableSet(), std::move(group));
}

Status setAnnotationExtra(EditSession& session, const std::string& id, const std::string& key,
                          const nlohmann::json& value, const std::string& description) {
    const Annotation* a = session.set().findAnnotation(id);
    if (!a) return Status::failure("no annotation has id \"" + id + "\"");
    Annotation after = *a;
    if (!after.extra.is_object()) after.extra = nlohmann::json::object();
    if (value.is_null()) after.extra.erase(key);
    else after.extra[key] = value;
    return replace(session, *a, std::move(after), description);
}

}  // namespace claimmark
