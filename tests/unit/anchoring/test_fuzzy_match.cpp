// Tests for the approximate matcher behind re-anchoring (src/core/anchoring/fuzzy_match.h).
#include "core/anchoring/fuzzy_match.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

using claimmark::fuzzy::bestMatches;
using claimmark::fuzzy::boundedEditDistance;
using claimmark::fuzzy::decodeCodePoints;
using claimmark::fuzzy::Match;

namespace {

// Plain full-matrix Levenshtein distance, independent of the code under test.
std::size_t naiveDistance(std::u32string_view a, std::u32string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j)
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    return d[a.size()][b.size()];
}

}  // namespace

TEST_CASE("fuzzy: an exact occurrence has distance 0 and its exact bounds") {
    // "may help reduce pain": "reduce" is code points 9..15.
    const auto matches = bestMatches(U"reduce", U"may help reduce pain", 1);
    REQUIRE(matches.size() == 1);
    CHECK(matches[0] == Match{9, 15, 0});
}

TEST_CASE("fuzzy: only the lowest distance is reported") {
    // "clam" (distance 1) is ignored because "claim" occurs exactly.
    const auto matches = bestMatches(U"claim", U"a clam and a claim", 1);
    REQUIRE(matches.size() == 1);
    CHECK(matches[0] == Match{13, 18, 0});
}

TEST_CASE("fuzzy: one substitution") {
    const auto matches = bestMatches(U"reduce", U"may help redice pain", 1);
    REQUIRE(matches.size() == 1);
    CHECK(matches[0] == Match{9, 15, 1});
}

TEST_CASE("fuzzy: one insertion in the text") {
    // "reduuce" spans 9..16.
    const auto matches = bestMatches(U"reduce", U"may help reduuce pain", 1);
    REQUIRE(matches.size() == 1);
    CHECK(matches[0] == Match{9, 16, 1});
}

TEST_CASE("fuzzy: one deletion in the text") {
    // "redce" spans 9..14.
    const auto matches = bestMatches(U"reduce", U"may help redce pain", 1);
    REQUIRE(matches.size() == 1);
    CHECK(matches[0] == Match{9, 14, 1});
}

TEST_CASE("fuzzy: nothing within the bound") {
    CHECK(bestMatches(U"reduce", U"completely unrelated words", 1).empty());
    CHECK(bestMatches(U"reduce", U"", 2).empty());
    CHECK(bestMatches(U"", U"some text", 2).empty());
    // A bound as large as the pattern would match anywhere, so it is refused.
    CHECK(bestMatches(U"ab", U"xyz", 2).empty());
}

TEST_CASE("fuzzy: the start is recovered for a match with inserted words") {
    // "xx may help to reduce yy": "may help to reduce" is 3..21, three insertions.
    const auto matches = bestMatches(U"may help reduce", U"xx may help to reduce yy", 3);
    REQUIRE(matches.size() == 1);
    CHECK(matches[0] == Match{3, 21, 3});
}

TEST_CASE("fuzzy: several equally good matches are all listed, in text order") {
    const auto matches = bestMatches(U"claim", U"clam then clam", 1);
    REQUIRE(matches.size() == 2);
    CHECK(matches[0] == Match{0, 4, 1});
    CHECK(matches[1] == Match{10, 14, 1});
}

TEST_CASE("fuzzy: works on code points, not bytes") {
    const std::u32string text = decodeCodePoints("a na\xC3\xAFve \xF0\x9F\x98\x80 view");  // a naïve 😀 view
    REQUIRE(text.size() == 14);
    const auto exact = bestMatches(U"naïve", text, 1);
    REQUIRE(exact.size() == 1);
    CHECK(exact[0] == Match{2, 7, 0});
    // The emoji is one code point: "X view" against "😀 view" (8..14) is one substitution.
    const auto substituted = bestMatches(U"X view", text, 1);
    REQUIRE(substituted.size() == 1);
    CHECK(substituted[0] == Match{8, 14, 1});
}

TEST_CASE("fuzzy: agrees with a brute-force search on random text") {
    std::uint32_t state = 12345;
    const auto next = [&state]() {
        state = state * 1103515245u + 12345u;
        return (state >> 16) & 0x7FFF;
    };
    for (int round = 0; round < 300; ++round) {
        std::u32string pattern, text;
        const std::size_t m = 2 + next() % 7;
        const std::size_t n = next() % 30;
        for (std::size_t i = 0; i < m; ++i) pattern.push_back(U'a' + next() % 3);
        for (std::size_t i = 0; i < n; ++i) text.push_back(U'a' + next() % 3);
        const std::size_t bound = 1 + next() % (m - 1);

        // Brute force: for every end, the best distance over all starts.
        std::vector<std::size_t> bestAtEnd(n + 1, SIZE_MAX);
        std::size_t best = SIZE_MAX;
        for (std::size_t e = 1; e <= n; ++e)
            for (std::size_t s = 0; s < e; ++s) {
                const std::size_t d = naiveDistance(pattern, std::u32string_view(text).substr(s, e - s));
                bestAtEnd[e] = std::min(bestAtEnd[e], d);
            }
        for (std::size_t e = 1; e <= n; ++e) best = std::min(best, bestAtEnd[e]);
        std::vector<std::size_t> expectedEnds;
        if (best <= bound)
            for (std::size_t e = 1; e <= n; ++e)
                if (bestAtEnd[e] == best) expectedEnds.push_back(e);

        const auto matches = bestMatches(pattern, text, bound);
        INFO("round " << round);
        REQUIRE(matches.size() == expectedEnds.size());
        for (std::size_t i = 0; i < matches.size(); ++i) {
            CHECK(matches[i].end == expectedEnds[i]);
            CHECK(matches[i].distance == best);
            REQUIRE(matches[i].start < matches[i].end);
            const auto covered = std::u32string_view(text).substr(matches[i].start, matches[i].end - matches[i].start);
            CHECK(naiveDistance(pattern, covered) == best);
        }
    }
}

TEST_CASE("fuzzy: bounded edit distance") {
    CHECK(boundedEditDistance(U"kitten", U"sitting", 3) == 3);
    CHECK(boundedEditDistance(U"kitten", U"sitting", 2) == 3);  // over the bound: bound + 1
    CHECK(boundedEditDistance(U"flaw", U"lawn", 2) == 2);
    CHECK(boundedEditDistance(U"abc", U"abc", 0) == 0);
    CHECK(boundedEditDistance(U"", U"abc", 3) == 3);
    CHECK(boundedEditDistance(U"abcdef", U"ab", 2) == 3);  // length gap alone exceeds 2
    CHECK(boundedEditDistance(U"may help reduce", U"may help to reduce", 5) == 3);
}

TEST_CASE("fuzzy: decoding UTF-8 to code points") {
    CHECK(decodeCodePoints("a\xF0\x9F\x98\x80\xC3\xA9") == std::u32string{U'a', U'\U0001F600', U'\u00E9'});
    CHECK(decodeCodePoints("").empty());
}
