// fuzzy_match.h — approximate substring matching over code points (used by re-anchoring).
//
// All positions are indices into the code point sequences passed in; callers decode UTF-8
// first (decodeCodePoints). Distances are Levenshtein distances (insert, delete, substitute,
// each cost 1).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimmark::fuzzy {

struct Match {
    std::size_t start = 0;  // in the text, end exclusive
    std::size_t end = 0;
    std::size_t distance = 0;
    friend bool operator==(const Match&, const Match&) = default;
};

// The code points of valid UTF-8 text.
std::u32string decodeCodePoints(std::string_view utf8Text);

// Every best approximate occurrence of `pattern` in `text`: the substrings text[start, end)
// whose edit distance to `pattern` is the smallest found and at most `maxDistance`, one per
// end position, ordered by end. Sellers' algorithm with Ukkonen's cut-off (about
// O(maxDistance * text.size()) on ordinary text). The start of each is recovered by a
// reverse pass; when several starts give the same distance, the one whose length is nearest
// the pattern's wins. Empty when nothing is within the bound, when the pattern is empty,
// or when maxDistance >= pattern.size() (every position would match).
std::vector<Match> bestMatches(std::u32string_view pattern, std::u32string_view text, std::size_t maxDistance);

// Edit distance between `a` and `b`, or maxDistance + 1 when it is larger. Banded, so it
// costs O(min(|a|, |b|) * maxDistance).
std::size_t boundedEditDistance(std::u32string_view a, std::u32string_view b, std::size_t maxDistance);

}  // namespace claimmark::fuzzy
