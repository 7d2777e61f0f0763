// text_search.h — finding every occurrence of a query in a Document (the editor's Find).
//
// [SECTION] Matching
//   Text and query are compared code point by code point after folding each one:
//   - unless matchCase is set, simple case folding (one code point to one code point, as
//     CaseFolding.txt status C and S) for ASCII, Latin-1, Latin Extended-A, Greek and
//     Cyrillic (U+0400-04FF); other scripts compare exactly. Final sigma folds to sigma.
//   - always: typographic quotes are the same as typewriter ones, because fact-checkers
//     type ' and " while articles use ’ ‘ and “ ” („ too). U+02BC (modifier letter
//     apostrophe) counts as an apostrophe.
//   Since folding maps one code point to one, a match covers exactly as many code points of
//   the text as the query has, and its offsets need no mapping back.
// [SECTION] Whole words
//   With wholeWord, an end of the query that is a word character (utf8::isWordCharacter)
//   must not have a word character beside it in the text; an apostrophe between two word
//   characters counts as inside the word, as in the editor's word snapping ("can" is not a
//   whole word of "can’t"). An end of the query that is punctuation or space is not checked.
// [SECTION] Results
//   Code point spans, end exclusive, in document order and not overlapping (after a match
//   the search resumes at its end, as editors do: "aa" in "aaaa" is found twice). One pass
//   over the text (Knuth-Morris-Pratt over the folded code points), no allocation per
//   position. The search stops at maxMatches and says so. An empty query, or one that is
//   not valid UTF-8, finds nothing.
#pragma once

#include "core/model/annotation.h"
#include "core/text/document.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace claimmark {

struct FindOptions {
    static constexpr std::size_t kDefaultMaxMatches = 100000;
    bool matchCase = false;
    bool wholeWord = false;
    std::size_t maxMatches = kDefaultMaxMatches;
};

struct FindResult {
    std::vector<Span> matches;
    bool capped = false;  // maxMatches were found and the search stopped there
};

FindResult findAll(const Document& document, std::string_view query, const FindOptions& options = {});
// The same, reusing the storage of `out` (cleared first); returns true when capped.
bool findAll(const Document& document, std::string_view query, const FindOptions& options, std::vector<Span>& out);

// Simple case folding over the ranges listed above; other code points are returned as is.
char32_t simpleCaseFold(char32_t cp);
// What the search compares: quotes unified, then case folded unless `matchCase`.
char32_t searchFold(char32_t cp, bool matchCase);

// For matches sorted as findAll returns them: the index of the first match with
// start >= cp, or the first whose end > cp (the first one touching text at or after cp).
// matches.size() when there is none. Binary searches.
std::size_t firstMatchStartingAtOrAfter(const std::vector<Span>& matches, std::size_t cp);
std::size_t firstMatchEndingAfter(const std::vector<Span>& matches, std::size_t cp);

}  // namespace claimmark
