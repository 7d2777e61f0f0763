// span_index.h — which annotation spans intersect a range of the text, fast.
//
// A static interval index, rebuilt from an AnnotationSet whenever its revision changes
// (O(n log n)). A query visits O(log n) nodes plus the paths to the k spans it reports
// (O((k + 1) log n) at worst, close to O(log n + k) when the hits are adjacent, as they
// are for one line of text). Views ask it for the spans touching each visible line
// instead of scanning every annotation.
//
// [SECTION] Structure
//   Entries (one per span; a discontinuous annotation has several) are sorted by start,
//   then end descending, so an enclosing span precedes what it encloses. The sorted array
//   is read as an implicit balanced binary search tree (the root of [lo, hi) is its middle
//   element) and each node stores the largest end in its subtree, so whole subtrees that
//   end before the query range are skipped.
// [SECTION] Layers
//   Each entry also gets a layer: the lowest layer not held by an earlier entry that is
//   still open at its start (greedy interval colouring in sorted order). Entries that
//   overlap never share a layer, a span starting where no other is open is on layer 0, and
//   layerCount() is the largest number of spans covering one point. The editor draws layer 0 as a background and
//   higher layers as stacked underlines.
#pragma once

#include "core/model/annotation_set.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace claimmark {

struct SpanEntry {
    std::uint32_t start = 0;  // code points, end exclusive
    std::uint32_t end = 0;
    std::uint32_t annotation = 0;  // index into AnnotationSet::annotations() (storage order)
    std::uint32_t span = 0;        // index into that annotation's spans
    std::uint32_t layer = 0;       // see [SECTION] Layers
};

class SpanIndex {
public:
    // Indexes every span of every annotation; orphaned annotations are left out unless
    // asked for (their spans refer to an older text). Empty spans are left out.
    void rebuild(const AnnotationSet& set, bool includeOrphaned = false);
    // Indexes the given entries (their `layer` is recomputed); for tests and other models.
    void rebuild(std::vector<SpanEntry> entries);
    void clear();

    std::size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }
    // All entries, sorted as described above.
    const std::vector<SpanEntry>& entries() const { return m_entries; }
    std::uint32_t layerCount() const { return m_layerCount; }  // max layer + 1 (0 if empty)
    // The set revision the index was built from (rebuild(set) records it).
    std::uint64_t builtFromRevision() const { return m_revision; }

    // Calls visit(const SpanEntry&) for every entry with start < b and end > a, in sorted
    // order. An empty range (a >= b) matches nothing. Does not allocate.
    template <class Visit>
    void forEachIntersecting(std::size_t a, std::size_t b, Visit&& visit) const {
        if (a >= b || m_entries.empty()) return;
        visitRange(0, m_entries.size(), a, b, visit);
    }
    // Appends the intersecting entries to `out` (reuse `out` to avoid allocating).
    void query(std::size_t a, std::size_t b, std::vector<const SpanEntry*>& out) const;
    // Indexes (storage order) of the annotations with a span intersecting [a, b), each once,
    // ascending.
    std::vector<std::uint32_t> annotationsIntersecting(std::size_t a, std::size_t b) const;

private:
    std::vector<SpanEntry> m_entries;
    std::vector<std::uint32_t> m_maxEnd;  // per node: the largest end in its subtree
    std::uint32_t m_layerCount = 0;
    std::uint64_t m_revision = 0;

    std::uint32_t buildMaxEnd(std::size_t lo, std::size_t hi);

    template <class Visit>
    void visitRange(std::size_t lo, std::size_t hi, std::size_t a, std::size_t b, Visit& visit) const {
        // Left subtrees recurse; the right subtree continues in the loop (depth O(log n)).
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            if (m_maxEnd[mid] <= a) return;  // everything here ends before the range
            visitRange(lo, mid, a, b, visit);
            const SpanEntry& e = m_entries[mid];
            if (e.start >= b) return;  // this and everything right of it starts after
            if (e.end > a) visit(e);
            lo = mid + 1;
        }
    }
};

}  // namespace claimmark
