// suggestion_review.cpp — EditSession's suggestion steps: adding a batch, accepting and
// rejecting (see edit_session.h).
#include "core/editing/command.h"
#include "core/editing/edit_session.h"

#include <memory>
#include <set>

namespace claimmark {
namespace {

std::string countedDescription(const char* verb, std::size_t count) {
    return std::string(verb) + " " + std::to_string(count) + (count == 1 ? " suggestion" : " suggestions");
}

}  // namespace

Status EditSession::addSuggestions(std::vector<Annotation> annotations, std::vector<Relation> relations,
                                   const std::string& description) {
    if (annotations.empty() && relations.empty()) return Status::failure("there is nothing to suggest");
    auto group = std::make_unique<CommandGroup>(description);
    for (Annotation& a : annotations) group->add(makeAddAnnotation(std::move(a)));
    for (Relation& r : relations) group->add(makeAddRelation(std::move(r)));
    return m_history.execute(m_set, std::move(group));
}

Status EditSession::acceptSuggestions(const std::vector<std::string>& ids) {
    if (ids.empty()) return Status::failure("no suggestion to accept");
    auto group = std::make_unique<CommandGroup>(ids.size() == 1 ? "Accept " + ids.front()
                                                                : countedDescription("Accept", ids.size()));
    std::set<std::string> seen;
    const std::string now = m_clock();
    for (const std::string& id : ids) {
        if (!seen.insert(id).second) continue;
        const Annotation* a = m_set.findAnnotation(id);
        if (!a) return Status::failure("no annotation has id \"" + id + "\"");
        if (!isPendingSuggestion(*a)) return Status::failure(id + " is not a pending suggestion");
        Annotation after = *a;
        after.status.clear();
        after.modified = now;
        group->add(makeReplaceAnnotation(*a, std::move(after), "Accept " + id));
    }
    return m_history.execute(m_set, std::move(group));
}

Status EditSession::rejectSuggestions(const std::vector<std::string>& ids) {
    if (ids.empty()) return Status::failure("no suggestion to reject");
    auto group = std::make_unique<CommandGroup>(ids.size() == 1 ? "Reject " + ids.front()
                                                                : countedDescription("Reject", ids.size()));
    std::set<std::string> seen, relationsGone;
    for (const std::string& id : ids) {
        if (!seen.insert(id).second) continue;
        const Annotation* a = m_set.findAnnotation(id);
        if (!a) return Status::failure("no annotation has id \"" + id + "\"");
        if (!isPendingSuggestion(*a)) return Status::failure(id + " is not a pending suggestion");
        for (const Relation* r : m_set.relationsOf(id))
            if (relationsGone.insert(r->id).second) group->add(makeRemoveRelation(*r));
    }
    for (const std::string& id : seen) {
        const Annotation* a = m_set.findAnnotation(id);
        group->add(makeRememberRejection({a->label, a->spans, a->rule}));
        group->add(makeRemoveAnnotation(*a));
    }
    return m_history.execute(m_set, std::move(group));
}

}  // namespace claimmark
