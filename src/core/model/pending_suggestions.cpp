// pending_suggestions.cpp — see pending_suggestions.h.
#include "core/model/pending_suggestions.h"

#include <algorithm>
#include <string>
#include <vector>

namespace claimmark {

std::size_t pendingSuggestionCount(const AnnotationSet& set) {
    return static_cast<std::size_t>(std::count_if(set.annotations().begin(), set.annotations().end(),
                                                  [](const Annotation& a) { return isPendingSuggestion(a); }));
}

AnnotationSet withoutPendingSuggestions(const AnnotationSet& set) {
    if (pendingSuggestionCount(set) == 0) return set;
    AnnotationSet out = set;
    std::vector<std::string> pending;
    for (const Annotation& a : set.annotations())
        if (isPendingSuggestion(a)) pending.push_back(a.id);
    for (const std::string& id : pending) {
        std::vector<std::string> relations;
        for (const Relation* r : out.relationsOf(id)) relations.push_back(r->id);
        for (const std::string& r : relations) (void)out.removeRelation(r);
        (void)out.removeAnnotation(id);
    }
    return out;
}

}  // namespace claimmark
