// fuzzy_match.cpp — Sellers' approximate matching with Ukkonen's cut-off, start recovery by a
// reverse pass, and a banded edit distance.
//
// [SECTION] Decoding
// [SECTION] Start recovery
// [SECTION] bestMatches (Sellers + cut-off)
// [SECTION] boundedEditDistance
#include "core/anchoring/fuzzy_match.h"

#include "core/text/utf8.h"

#include <algorithm>

namespace claimmark::fuzzy {

// ---------------------------------------------------------------------------------------
// [SECTION] Decoding
// ---------------------------------------------------------------------------------------

std::u32string decodeCodePoints(std::string_view utf8Text) {
    std::u32string out;
    out.reserve(utf8Text.size());
    std::size_t pos = 0;
    while (pos < utf8Text.size()) out.push_back(utf8::decode(utf8Text, pos));
    return out;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Start recovery
// ---------------------------------------------------------------------------------------

namespace {

// Sellers only yields end positions. Running the plain edit-distance DP on the reversed
// pattern against the text read backwards from `end` gives, for every candidate length j,
// the distance of text[end - j, end); the best length (ties: nearest the pattern length)
// fixes the start. A match is never longer than pattern + distance, which bounds the pass.
std::size_t recoverStart(std::u32string_view pattern, std::u32string_view text, std::size_t end, std::size_t distance) {
    const std::size_t m = pattern.size();
    if (distance == 0) return end - m;  // an exact occurrence has exactly one start
    const std::size_t maxLength = std::min(end, m + distance);
    std::vector<std::size_t> prev(maxLength + 1), cur(maxLength + 1);
    for (std::size_t j = 0; j <= maxLength; ++j) prev[j] = j;
    for (std::size_t i = 1; i <= m; ++i) {
        const char32_t p = pattern[m - i];
        cur[0] = i;
        for (std::size_t j = 1; j <= maxLength; ++j) {
            const std::size_t substitute = prev[j - 1] + (p == text[end - j] ? 0 : 1);
            cur[j] = std::min({substitute, prev[j] + 1, cur[j - 1] + 1});
        }
        std::swap(prev, cur);
    }
    std::size_t bestLength = 0;
    std::size_t bestDistance = static_cast<std::size_t>(-1);
    std::size_t bestGap = static_cast<std::size_t>(-1);
    for (std::size_t j = 1; j <= maxLength; ++j) {
        const std::size_t gap = j > m ? j - m : m - j;
        if (prev[j] < bestDistance || (prev[j] == bestDistance && gap < bestGap)) {
            bestDistance = prev[j];
            bestGap = gap;
            bestLength = j;
        }
    }
    return end - bestLength;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] bestMatches (Sellers + cut-off)
// ---------------------------------------------------------------------------------------

std::vector<Match> bestMatches(std::u32string_view pattern, std::u32string_view text, std::size_t maxDistance) {
    const std::size_t m = pattern.size();
    if (m == 0 || maxDistance >= m) return {};

    // column[i] = distance of pattern[0, i) to the best substring ending at the current
    // text position. Ukkonen's cut-off: rows below `lastActive` are known to exceed the
    // bound, so they are not computed; their stale values also exceed it, which is all
    // the recurrence needs from them. `limit` shrinks to the best distance found so far,
    // since only the best matches are wanted.
    std::vector<std::size_t> column(m + 1);
    for (std::size_t i = 0; i <= m; ++i) column[i] = i;
    std::size_t limit = maxDistance;
    std::size_t lastActive = limit;                         // before any text: row i holds i
    std::vector<std::pair<std::size_t, std::size_t>> ends;  // (end, distance)

    for (std::size_t j = 0; j < text.size(); ++j) {
        const char32_t t = text[j];
        // Distances never shrink along a diagonal (D[i][j] >= D[i-1][j-1]), so at most one
        // row past the last active one of the previous column can come within the bound.
        const std::size_t top = std::min(lastActive + 1, m);
        std::size_t diagonal = 0;  // previous column, row i-1 (row 0 is always 0)
        std::size_t above = 0;     // this column, row i-1
        for (std::size_t i = 1; i <= top; ++i) {
            const std::size_t left = column[i];
            const std::size_t value = pattern[i - 1] == t ? diagonal : 1 + std::min({diagonal, left, above});
            column[i] = value;
            diagonal = left;
            above = value;
        }
        lastActive = top;
        while (lastActive > 0 && column[lastActive] > limit) --lastActive;
        if (lastActive == m) {
            const std::size_t d = column[m];
            if (d < limit) {
                limit = d;
                ends.clear();
            }
            ends.emplace_back(j + 1, d);
        }
    }

    std::vector<Match> matches;
    matches.reserve(ends.size());
    for (const auto& [end, d] : ends) {
        if (d != limit) continue;  // found before a better one lowered the limit
        matches.push_back(Match{recoverStart(pattern, text, end, d), end, d});
    }
    return matches;
}

// ---------------------------------------------------------------------------------------
// [SECTION] boundedEditDistance
// ---------------------------------------------------------------------------------------

std::size_t boundedEditDistance(std::u32string_view a, std::u32string_view b, std::size_t maxDistance) {
    const std::size_t over = maxDistance + 1;
    if (a.size() < b.size()) std::swap(a, b);  // b is the shorter: rows over a, columns over b
    if (a.size() - b.size() > maxDistance) return over;
    const std::size_t na = a.size(), nb = b.size(), k = maxDistance;
    // Only cells with |i - j| <= k can hold a distance within the bound. Cells outside the
    // band read as `over`; each buffer is re-marked where a stale value could be read.
    std::vector<std::size_t> prev(nb + 1, over), cur(nb + 1, over);
    for (std::size_t j = 0; j <= std::min(nb, k); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= na; ++i) {
        const std::size_t lo = i > k ? i - k : 0;
        const std::size_t hi = std::min(nb, i + k);
        if (lo > nb) return over;
        if (lo > 0) cur[lo - 1] = over;
        std::size_t j = lo;
        if (j == 0) {
            cur[0] = i;
            j = 1;
        }
        for (; j <= hi; ++j) {
            const std::size_t substitute = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            const std::size_t value = std::min({substitute, prev[j] + 1, cur[j - 1] + 1});
            cur[j] = std::min(value, over);
        }
        std::swap(prev, cur);
    }
    return std::min(prev[nb], over);
}

}  // namespace claimmark::fuzzy
