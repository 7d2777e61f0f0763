// agreement_relations.cpp — the relation level of agreement: the relations whose ends are
// both placed (see agreement_levels.h). countDocument matches them through the overlap
// matching of their ends.
//
// [SECTION] Relations        pairwise, ends mapped through the overlap matching
#include "core/team/agreement_levels.h"

namespace claimmark::detail {

// --- [SECTION] Relations ----------------------------------------------------------------

// Relations of `set` whose ends are both placed, by type.
std::vector<std::pair<std::string, std::pair<const Annotation*, const Annotation*>>> placedRelations(
    const AnnotationSet& set) {
    std::vector<std::pair<std::string, std::pair<const Annotation*, const Annotation*>>> out;
    for (const Relation& r : set.relations()) {
        const Annotation* from = set.findAnnotation(r.from);
        const Annotation* to = set.findAnnotation(r.to);
        if (!from || !to || from->orphaned || to->orphaned) continue;
        out.push_back({r.type, {from, to}});
    }
    return out;
}

}  // namespace claimmark::detail
