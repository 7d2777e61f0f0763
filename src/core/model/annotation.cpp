#include "core/model/annotation.h"

#include <tuple>

namespace claimmark {

bool documentOrderLess(const Annotation& a, const Annotation& b) {
    // Longer first at equal starts, so an enclosing span precedes what it contains.
    const auto ka = std::make_tuple(a.start(), b.end(), std::string_view(a.label));
    const auto kb = std::make_tuple(b.start(), a.end(), std::string_view(b.label));
    if (ka != kb) return ka < kb;
    // Ids such as a2 / a10 sort by number, not as text.
    if (a.id.size() != b.id.size()) return a.id.size() < b.id.size();
    return a.id < b.id;
}

}  // namespace claimmark
