// agreement_spans.cpp — the span level of agreement: each reviewer's spans of a label, and
// matching them between two reviewers (see agreement_levels.h).
//
// [SECTION] Helpers          spans of a label per reviewer, overlap size
// [SECTION] Span matching    exact (multiset) and overlap (one to one, greedy by size)
#include "core/team/agreement_levels.h"

#include <algorithm>

namespace claimmark::detail {

// --- [SECTION] Helpers ------------------------------------------------------------------

// Non-orphaned annotations of one set, by label, sorted by start (then end).
std::map<std::string, std::vector<Item>> itemsByLabel(const AnnotationSet& set, std::uint64_t& orphans) {
    std::map<std::string, std::vector<Item>> out;
    for (const Annotation& a : set.annotations()) {
        if (a.orphaned) {
            ++orphans;
            continue;
        }
        if (a.spans.empty()) continue;
        out[a.label].push_back(Item{&a, a.start(), a.end()});
    }
    for (auto& [label, items] : out)
        std::sort(items.begin(), items.end(),
                  [](const Item& x, const Item& y) { return x.start != y.start ? x.start < y.start : x.end < y.end; });
    return out;
}

namespace {

// Shared code points of two annotations (fragments are sorted and disjoint).
std::size_t overlapSize(const Annotation& a, const Annotation& b) {
    std::size_t shared = 0, i = 0, j = 0;
    while (i < a.spans.size() && j < b.spans.size()) {
        const Span& x = a.spans[i];
        const Span& y = b.spans[j];
        const std::size_t lo = std::max(x.start, y.start), hi = std::min(x.end, y.end);
        if (hi > lo) shared += hi - lo;
        if (x.end < y.end) ++i;
        else ++j;
    }
    return shared;
}

}  // namespace

// --- [SECTION] Span matching ------------------------------------------------------------

// One-to-one overlap matching of `a` to `b` (both sorted by start). Candidate pairs come from
// a binary search on the running maximum of b's ends, so disjoint spans cost O(log n) each;
// only genuinely overlapping pairs are listed. Returns, for each a, the index of its b.
std::vector<std::size_t> matchByOverlap(const std::vector<Item>& a, const std::vector<Item>& b) {
    std::vector<std::size_t> match(a.size(), kUnmatched);
    if (a.empty() || b.empty()) return match;
    std::vector<std::size_t> maxEnd(b.size());
    for (std::size_t j = 0; j < b.size(); ++j) maxEnd[j] = std::max(j ? maxEnd[j - 1] : 0, b[j].end);

    struct Candidate {
        std::size_t shared, i, j;
    };
    std::vector<Candidate> candidates;
    for (std::size_t i = 0; i < a.size(); ++i) {
        // First b whose running max end passes a's start: nothing before it can overlap.
        std::size_t j = std::size_t(std::upper_bound(maxEnd.begin(), maxEnd.end(), a[i].start) - maxEnd.begin());
        for (; j < b.size() && b[j].start < a[i].end; ++j) {
            if (b[j].end <= a[i].start) continue;
            const std::size_t shared = overlapSize(*a[i].annotation, *b[j].annotation);
            if (shared > 0) candidates.push_back({shared, i, j});
        }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
        if (x.shared != y.shared) return x.shared > y.shared;
        if (x.i != y.i) return x.i < y.i;
        return x.j < y.j;
    });
    std::vector<char> taken(b.size(), 0);
    for (const Candidate& c : candidates) {
        if (match[c.i] != kUnmatched || taken[c.j]) continue;
        match[c.i] = c.j;
        taken[c.j] = 1;
    }
    return match;
}

// Exact matches: identical span lists, each span of either side used once.
std::uint64_t countExact(const std::vector<Item>& a, const std::vector<Item>& b) {
    auto keys = [](const std::vector<Item>& items) {
        std::vector<const std::vector<Span>*> out;
        out.reserve(items.size());
        for (const Item& item : items) out.push_back(&item.annotation->spans);
        auto less = [](const std::vector<Span>* x, const std::vector<Span>* y) {
            return std::lexicographical_compare(
                x->begin(), x->end(), y->begin(), y->end(),
                [](const Span& s, const Span& t) { return s.start != t.start ? s.start < t.start : s.end < t.end; });
        };
        std::sort(out.begin(), out.end(), less);
        return std::make_pair(out, less);
    };
    auto [ka, less] = keys(a);
    auto kb = keys(b).first;
    std::uint64_t matched = 0;
    std::size_t i = 0, j = 0;
    while (i < ka.size() && j < kb.size()) {
        if (less(ka[i], kb[j])) ++i;
        else if (less(kb[j], ka[i])) ++j;
        else {
            ++matched;
            ++i;
            ++j;
        }
    }
    return matched;
}

}  // namespace claimmark::detail
