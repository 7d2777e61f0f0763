// span_index.cpp — building the interval index and its layers (span_index.h).
#include "core/model/span_index.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <utility>

namespace claimmark {

void SpanIndex::clear() {
    m_entries.clear();
    m_maxEnd.clear();
    m_layerCount = 0;
    m_revision = 0;
}

void SpanIndex::rebuild(const AnnotationSet& set, bool includeOrphaned) {
    std::vector<SpanEntry> entries;
    entries.reserve(set.annotationCount());
    const auto& annotations = set.annotations();
    for (std::size_t i = 0; i < annotations.size(); ++i) {
        const Annotation& a = annotations[i];
        if (a.orphaned && !includeOrphaned) continue;
        for (std::size_t s = 0; s < a.spans.size(); ++s) {
            SpanEntry e;
            e.start = static_cast<std::uint32_t>(a.spans[s].start);
            e.end = static_cast<std::uint32_t>(a.spans[s].end);
            e.annotation = static_cast<std::uint32_t>(i);
            e.span = static_cast<std::uint32_t>(s);
            entries.push_back(e);
        }
    }
    rebuild(std::move(entries));
    m_revision = set.revision();
}

void SpanIndex::rebuild(std::vector<SpanEntry> entries) {
    std::erase_if(entries, [](const SpanEntry& e) { return e.end <= e.start; });
    std::sort(entries.begin(), entries.end(), [](const SpanEntry& x, const SpanEntry& y) {
        if (x.start != y.start) return x.start < y.start;
        if (x.end != y.end) return x.end > y.end;
        if (x.annotation != y.annotation) return x.annotation < y.annotation;
        return x.span < y.span;
    });

    // Layers: the lowest layer whose previous occupant has ended by this start.
    using Busy = std::pair<std::uint32_t, std::uint32_t>;  // (end, layer)
    std::priority_queue<Busy, std::vector<Busy>, std::greater<>> busy;
    std::priority_queue<std::uint32_t, std::vector<std::uint32_t>, std::greater<>> freeLayers;
    std::uint32_t layerCount = 0;
    for (SpanEntry& e : entries) {
        while (!busy.empty() && busy.top().first <= e.start) {
            freeLayers.push(busy.top().second);
            busy.pop();
        }
        if (freeLayers.empty()) {
            e.layer = layerCount++;
        } else {
            e.layer = freeLayers.top();
            freeLayers.pop();
        }
        busy.emplace(e.end, e.layer);
    }

    m_entries = std::move(entries);
    m_layerCount = layerCount;
    m_maxEnd.assign(m_entries.size(), 0);
    buildMaxEnd(0, m_entries.size());
    m_revision = 0;
}

std::uint32_t SpanIndex::buildMaxEnd(std::size_t lo, std::size_t hi) {
    if (lo >= hi) return 0;
    const std::size_t mid = lo + (hi - lo) / 2;
    const std::uint32_t left = buildMaxEnd(lo, mid);
    const std::uint32_t right = buildMaxEnd(mid + 1, hi);
    m_maxEnd[mid] = std::max({m_entries[mid].end, left, right});
    return m_maxEnd[mid];
}

void SpanIndex::query(std::size_t a, std::size_t b, std::vector<const SpanEntry*>& out) const {
    forEachIntersecting(a, b, [&](const SpanEntry& e) { out.push_back(&e); });
}

std::vector<std::uint32_t> SpanIndex::annotationsIntersecting(std::size_t a, std::size_t b) const {
    std::vector<std::uint32_t> out;
    forEachIntersecting(a, b, [&](const SpanEntry& e) { out.push_back(e.annotation); });
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace claimmark
