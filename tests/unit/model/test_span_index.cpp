// test_span_index.cpp — the interval index against brute force, and its layers.
#include "core/model/span_index.h"

#include "core/model/annotation_set.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>
#include <tuple>
#include <vector>

using claimmark::SpanEntry;
using claimmark::SpanIndex;

namespace {

SpanEntry entry(std::uint32_t start, std::uint32_t end, std::uint32_t annotation, std::uint32_t span = 0) {
    SpanEntry e;
    e.start = start;
    e.end = end;
    e.annotation = annotation;
    e.span = span;
    return e;
}

using Key = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t>;
Key keyOf(const SpanEntry& e) { return {e.start, e.end, e.annotation, e.span}; }

std::vector<Key> viaIndex(const SpanIndex& index, std::size_t a, std::size_t b) {
    std::vector<Key> out;
    index.forEachIntersecting(a, b, [&](const SpanEntry& e) { out.push_back(keyOf(e)); });
    return out;
}

std::vector<Key> bruteForce(const std::vector<SpanEntry>& all, std::size_t a, std::size_t b) {
    std::vector<Key> out;
    if (a >= b) return out;  // an empty range holds nothing
    for (const SpanEntry& e : all)
        if (e.start < e.end && e.start < b && e.end > a) out.push_back(keyOf(e));
    return out;
}

}  // namespace

TEST_CASE("span_index: a small hand-made example") {
    SpanIndex index;
    // claim [10,40) holding a hedge [12,15) and evidence [30,50) overlapping its end.
    index.rebuild({entry(30, 50, 2), entry(10, 40, 0), entry(12, 15, 1), entry(60, 61, 3)});
    REQUIRE(index.size() == 4);
    // Sorted by start.
    CHECK(index.entries()[0].annotation == 0);
    CHECK(index.entries()[1].annotation == 1);
    CHECK(index.entries()[2].annotation == 2);
    CHECK(index.entries()[3].annotation == 3);
    // Layers: the claim 0, the hedge inside it 1, the evidence (the hedge has ended) 1 too.
    CHECK(index.entries()[0].layer == 0);
    CHECK(index.entries()[1].layer == 1);
    CHECK(index.entries()[2].layer == 1);
    CHECK(index.entries()[3].layer == 0);
    CHECK(index.layerCount() == 2);

    CHECK(index.annotationsIntersecting(0, 10).empty());
    CHECK(index.annotationsIntersecting(0, 11) == std::vector<std::uint32_t>{0});
    CHECK(index.annotationsIntersecting(14, 15) == std::vector<std::uint32_t>{0, 1});
    CHECK(index.annotationsIntersecting(15, 30) == std::vector<std::uint32_t>{0});
    CHECK(index.annotationsIntersecting(39, 40) == std::vector<std::uint32_t>{0, 2});
    CHECK(index.annotationsIntersecting(40, 60).size() == 1);
    CHECK(index.annotationsIntersecting(50, 60).empty());
    CHECK(index.annotationsIntersecting(0, 1000) == std::vector<std::uint32_t>{0, 1, 2, 3});
    CHECK(index.annotationsIntersecting(20, 20).empty());  // empty range
}

TEST_CASE("span_index: same start — the longer span comes first and takes the lower layer") {
    SpanIndex index;
    index.rebuild({entry(5, 8, 1), entry(5, 20, 0), entry(5, 8, 2)});
    REQUIRE(index.size() == 3);
    CHECK(index.entries()[0].annotation == 0);
    CHECK(index.entries()[0].layer == 0);
    CHECK(index.entries()[1].layer == 1);
    CHECK(index.entries()[2].layer == 2);
    // Touching spans do not overlap: [8, 9) can reuse layer 1.
    index.rebuild({entry(5, 20, 0), entry(5, 8, 1), entry(8, 9, 2)});
    CHECK(index.entries()[2].layer == 1);
    CHECK(index.layerCount() == 2);
}

TEST_CASE("span_index: empty spans are dropped, an empty index answers nothing") {
    SpanIndex index;
    CHECK(index.annotationsIntersecting(0, 100).empty());
    index.rebuild({entry(3, 3, 0), entry(7, 2, 1)});
    CHECK(index.empty());
    CHECK(index.layerCount() == 0);
}

TEST_CASE("span_index: random spans match brute force") {
    std::mt19937 random(4242);
    for (int round = 0; round < 60; ++round) {
        const int n = std::uniform_int_distribution<int>(0, 300)(random);
        const std::uint32_t length = std::uniform_int_distribution<std::uint32_t>(1, 2000)(random);
        std::vector<SpanEntry> all;
        for (int i = 0; i < n; ++i) {
            const std::uint32_t start = std::uniform_int_distribution<std::uint32_t>(0, length - 1)(random);
            // Mostly short spans, sometimes long ones that cover much of the text.
            const std::uint32_t maxLength = (i % 10 == 0) ? length : 40;
            const std::uint32_t len = std::uniform_int_distribution<std::uint32_t>(0, maxLength)(random);
            all.push_back(entry(start, std::min(length, start + len), std::uint32_t(i)));
        }
        SpanIndex index;
        index.rebuild(all);

        for (int q = 0; q < 100; ++q) {
            std::size_t a = std::uniform_int_distribution<std::size_t>(0, length + 5)(random);
            std::size_t b = std::uniform_int_distribution<std::size_t>(0, length + 5)(random);
            if (q % 3 == 0) b = a + 1;  // point queries, as hovering does
            std::vector<Key> got = viaIndex(index, a, b);
            std::vector<Key> expected = bruteForce(all, a, b);
            CHECK(std::is_sorted(got.begin(), got.end(),
                                 [](const Key& x, const Key& y) { return std::get<0>(x) < std::get<0>(y); }));
            std::sort(got.begin(), got.end());
            std::sort(expected.begin(), expected.end());
            CHECK(got == expected);
        }

        // Layers: overlapping entries differ; the count is the deepest overlap.
        const auto& entries = index.entries();
        for (std::size_t i = 0; i < entries.size(); ++i)
            for (std::size_t j = i + 1; j < entries.size() && entries[j].start < entries[i].end; ++j)
                CHECK(entries[i].layer != entries[j].layer);
        std::uint32_t deepest = 0;
        for (std::uint32_t p = 0; p < length; ++p) {
            std::uint32_t covering = 0;
            for (const SpanEntry& e : all)
                if (e.start <= p && p < e.end) ++covering;
            deepest = std::max(deepest, covering);
        }
        CHECK(index.layerCount() == deepest);
        for (const SpanEntry& e : entries) CHECK(e.layer < index.layerCount());
    }
}

TEST_CASE("span_index: built from an annotation set, orphans left out unless asked") {
    claimmark::AnnotationSet set;
    set.document.length = 100;
    claimmark::Annotation claim;
    claim.id = "a1";
    claim.label = "claim";
    claim.spans = {{10, 40}};
    REQUIRE(set.addAnnotation(claim).ok());
    claimmark::Annotation hedge;
    hedge.id = "a2";
    hedge.label = "hedge";
    hedge.spans = {{0, 5}, {20, 25}};  // discontinuous: two entries
    REQUIRE(set.addAnnotation(hedge).ok());
    claimmark::Annotation orphan;
    orphan.id = "a3";
    orphan.label = "caveat";
    orphan.spans = {{50, 60}};
    orphan.orphaned = true;
    REQUIRE(set.addAnnotation(orphan).ok());

    SpanIndex index;
    index.rebuild(set);
    CHECK(index.size() == 3);
    CHECK(index.builtFromRevision() == set.revision());
    const auto hits = index.annotationsIntersecting(22, 23);
    REQUIRE(hits.size() == 2);
    std::set<std::string> ids;
    for (std::uint32_t i : hits) ids.insert(set.annotations()[i].id);
    CHECK(ids == std::set<std::string>{"a1", "a2"});
    CHECK(index.annotationsIntersecting(50, 60).empty());

    std::vector<const SpanEntry*> found;
    index.query(0, 5, found);
    REQUIRE(found.size() == 1);
    CHECK(found[0]->span == 0);
    CHECK(set.annotations()[found[0]->annotation].id == "a2");

    index.rebuild(set, /*includeOrphaned=*/true);
    CHECK(index.size() == 4);
    CHECK(index.annotationsIntersecting(50, 60).size() == 1);
}
