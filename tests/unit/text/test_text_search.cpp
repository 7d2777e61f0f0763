// test_text_search.cpp — Find: code point offsets (emoji, CRLF), case folding, quotes,
// whole words, non-overlapping results, the cap, and the binary searches over matches.
#include "core/text/text_search.h"

#include "core/text/document.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using claimmark::Document;
using claimmark::FindOptions;
using claimmark::Span;

namespace {

Document doc(const std::string& text) {
    auto d = Document::fromBytes(text, "search.txt");
    REQUIRE(d.ok());
    return std::move(*d);
}

std::vector<Span> find(const Document& d, const std::string& query, bool matchCase = false, bool wholeWord = false) {
    FindOptions options;
    options.matchCase = matchCase;
    options.wholeWord = wholeWord;
    return claimmark::findAll(d, query, options).matches;
}

}  // namespace

TEST_CASE("text search: ASCII, all occurrences in document order") {
    const Document d = doc("May may MAY dismay");
    // "May" 0-3, "may" 4-7, "MAY" 8-11, "dismay" 12-18 holds "may" at 15-18.
    CHECK(find(d, "may") == std::vector<Span>{{0, 3}, {4, 7}, {8, 11}, {15, 18}});
    CHECK(find(d, "may", /*matchCase=*/true) == std::vector<Span>{{4, 7}, {15, 18}});
    CHECK(find(d, "MAY", true) == std::vector<Span>{{8, 11}});
    CHECK(find(d, "may", false, /*wholeWord=*/true) == std::vector<Span>{{0, 3}, {4, 7}, {8, 11}});
    CHECK(find(d, "xyz").empty());
}

TEST_CASE("text search: an empty or invalid query finds nothing") {
    const Document d = doc("anything at all");
    CHECK(find(d, "").empty());
    CHECK(find(d, "\xC3").empty());  // truncated UTF-8
    const Document empty = doc("");
    CHECK(find(empty, "a").empty());
}

TEST_CASE("text search: offsets are code points, after an emoji and accented letters") {
    // U+1F600 (4 bytes, 1 code point) then "é" (2 bytes) before the match.
    const Document d = doc("\xF0\x9F\x98\x80 caf\xC3\xA9 may help");
    // cp: 0 emoji, 1 ' ', 2-5 "café", 6 ' ', 7-9 "may", 10 ' ', 11-14 "help"
    CHECK(find(d, "may") == std::vector<Span>{{7, 10}});
    CHECK(find(d, "caf\xC3\xA9") == std::vector<Span>{{2, 6}});
    CHECK(find(d, "\xF0\x9F\x98\x80") == std::vector<Span>{{0, 1}});
    CHECK(d.slice(7, 10) == "may");
}

TEST_CASE("text search: CRLF text keeps its '\\r' in the offsets") {
    const Document d = doc("one\r\ntwo may\r\nmay");
    // "one" 0-2, '\r' 3, '\n' 4, "two" 5-7, ' ' 8, "may" 9-11, '\r' 12, '\n' 13, "may" 14-16
    CHECK(find(d, "may") == std::vector<Span>{{9, 12}, {14, 17}});
    CHECK(find(d, "may", false, true) == std::vector<Span>{{9, 12}, {14, 17}});
    CHECK(find(d, "one\r\ntwo") == std::vector<Span>{{0, 8}});
}

TEST_CASE("text search: case folding beyond ASCII works on code points") {
    const Document d = doc("\xC3\x89tude \xC3\xA9tude");  // "Étude étude"
    CHECK(find(d, "\xC3\xA9tude") == std::vector<Span>{{0, 5}, {6, 11}});
    CHECK(find(d, "\xC3\x89TUDE") == std::vector<Span>{{0, 5}, {6, 11}});
    CHECK(find(d, "\xC3\xA9tude", true) == std::vector<Span>{{6, 11}});

    // Σ (U+03A3), σ (U+03C3) and final ς (U+03C2) all fold to σ.
    const Document greek = doc("\xCE\xA3 \xCF\x83 \xCF\x82");
    CHECK(find(greek, "\xCF\x83") == std::vector<Span>{{0, 1}, {2, 3}, {4, 5}});
    CHECK(find(greek, "\xCE\xA3", true) == std::vector<Span>{{0, 1}});

    // Cyrillic "Да" / "да", Latin Extended-A "Ł" / "ł".
    const Document mixed =
        doc("\xD0\x94\xD0\xB0 \xD0\xB4\xD0\xB0 \xC5\x81\xC3\xB3"
            "d\xC5\xBA \xC5\x82\xC3\xB3"
            "d\xC5\xBA");
    CHECK(find(mixed, "\xD0\xB4\xD0\xB0") == std::vector<Span>{{0, 2}, {3, 5}});
    CHECK(find(mixed,
               "\xC5\x82\xC3\xB3"
               "d\xC5\xBA") == std::vector<Span>{{6, 10}, {11, 15}});
}

TEST_CASE("text search: simple case folding table") {
    using claimmark::simpleCaseFold;
    CHECK(simpleCaseFold('Q') == U'q');
    CHECK(simpleCaseFold('q') == U'q');
    CHECK(simpleCaseFold('[') == U'[');
    CHECK(simpleCaseFold(U'\u00C9') == U'\u00E9');  // É
    CHECK(simpleCaseFold(U'\u00D7') == U'\u00D7');  // × is not a letter
    CHECK(simpleCaseFold(U'\u00DF') == U'\u00DF');  // ß: "ss" only in full folding
    CHECK(simpleCaseFold(U'\u0178') == U'\u00FF');  // Ÿ
    CHECK(simpleCaseFold(U'\u0139') == U'\u013A');  // Ĺ (odd capital)
    CHECK(simpleCaseFold(U'\u0150') == U'\u0151');  // Ő
    CHECK(simpleCaseFold(U'\u017F') == U's');       // long s
    CHECK(simpleCaseFold(U'\u0130') == U'\u0130');  // İ has no simple folding
    CHECK(simpleCaseFold(U'\u0386') == U'\u03AC');  // Ά
    CHECK(simpleCaseFold(U'\u03A9') == U'\u03C9');  // Ω
    CHECK(simpleCaseFold(U'\u0401') == U'\u0451');  // Ё
    CHECK(simpleCaseFold(U'\u042F') == U'\u044F');  // Я
    CHECK(simpleCaseFold(U'\u0462') == U'\u0463');  // Ѣ
    CHECK(simpleCaseFold(U'\u04C1') == U'\u04C2');  // Ӂ
    CHECK(simpleCaseFold(U'\u4E2D') == U'\u4E2D');  // untouched outside the ranges
}

TEST_CASE("text search: straight and curly quotes are the same") {
    const Document d = doc("it can\xE2\x80\x99t hurt; \xE2\x80\x9Cnatural\xE2\x80\x9D or \"natural\"; can't");
    // "it" 0-1, ' ' 2, "can’t" 3-7, ' ' 8, "hurt" 9-12, ';' 13, ' ' 14, “ 15, natural 16-22,
    // ” 23, ' ' 24, "or" 25-26, ' ' 27, '"' 28, natural 29-35, '"' 36, ';' 37, ' ' 38, can't 39-43
    CHECK(find(d, "can't") == std::vector<Span>{{3, 8}, {39, 44}});
    CHECK(find(d, "can\xE2\x80\x99t") == std::vector<Span>{{3, 8}, {39, 44}});
    CHECK(find(d, "\"natural\"") == std::vector<Span>{{15, 24}, {28, 37}});
    // Quote equivalence holds with match case too: it is not a case difference.
    CHECK(find(d, "\xE2\x80\x9Cnatural\xE2\x80\x9D", true) == std::vector<Span>{{15, 24}, {28, 37}});
}

TEST_CASE("text search: whole words") {
    const Document d = doc("trial trials pretrial trial. (trial) can\xE2\x80\x99t can");
    // trial 0-4, ' ' 5, trials 6-11, ' ' 12, pretrial 13-20, ' ' 21, trial 22-26, '.' 27,
    // ' ' 28, '(' 29, trial 30-34, ')' 35, ' ' 36, can’t 37-41, ' ' 42, can 43-45
    CHECK(find(d, "trial", false, true) == std::vector<Span>{{0, 5}, {22, 27}, {30, 35}});
    CHECK(find(d, "trial").size() == 5);
    // An apostrophe inside a word keeps "can" from matching in "can’t".
    CHECK(find(d, "can", false, true) == std::vector<Span>{{43, 46}});
    // Punctuation at an end of the query is not itself checked.
    CHECK(find(d, "(trial", false, true) == std::vector<Span>{{29, 35}});
    // Non-ASCII letters are word characters: "é" glued to "trial" is not a boundary.
    const Document accented = doc("trial\xC3\xA9 trial");
    CHECK(find(accented, "trial", false, true) == std::vector<Span>{{7, 12}});
    // An emoji is not a word character.
    const Document emoji = doc("\xF0\x9F\x98\x80trial\xF0\x9F\x98\x80");
    CHECK(find(emoji, "trial", false, true) == std::vector<Span>{{1, 6}});
}

TEST_CASE("text search: whole-word rejection does not hide a later overlapping match") {
    const Document d = doc("aa aa");
    // "aa" at 0-2 then 3-5; the overlapping candidate at 1-3 ("a ") is never a match.
    CHECK(find(d, "aa", false, true) == std::vector<Span>{{0, 2}, {3, 5}});
    const Document repeats = doc("abab ab");
    // "ab" at 0 is followed by 'a' (word), 2-4 is preceded by 'b'; 5-7 is whole.
    CHECK(find(repeats, "ab", false, true) == std::vector<Span>{{5, 7}});
}

TEST_CASE("text search: matches do not overlap; KMP handles self-similar queries") {
    const Document d = doc("aaaa");
    CHECK(find(d, "aa") == std::vector<Span>{{0, 2}, {2, 4}});
    const Document abab = doc("abaabababc");
    // "ababc" occurs once, at 5-10; a naive restart without the failure table misses it.
    CHECK(find(abab, "ababc") == std::vector<Span>{{5, 10}});
    CHECK(find(abab, "aba") == std::vector<Span>{{0, 3}, {3, 6}});
}

TEST_CASE("text search: the cap stops the search and says so") {
    std::string text;
    for (int i = 0; i < 50; ++i) text += "ab ";
    const Document d = doc(text);
    FindOptions options;
    options.maxMatches = 10;
    auto capped = claimmark::findAll(d, "ab", options);
    CHECK(capped.capped);
    REQUIRE(capped.matches.size() == 10);
    CHECK(capped.matches.back() == Span{27, 29});
    auto all = claimmark::findAll(d, "ab");
    CHECK_FALSE(all.capped);
    CHECK(all.matches.size() == 50);
}

TEST_CASE("text search: a large text in one pass, storage reused") {
    std::string text;
    text.reserve(2 << 20);
    while (text.size() < (2u << 20)) text += "Preliminary studies suggest it MAY help. ";
    const Document d = doc(text);
    std::vector<Span> out;
    CHECK_FALSE(claimmark::findAll(d, "may help", FindOptions{}, out));
    const std::size_t sentence = 41;  // code points per repetition
    REQUIRE(out.size() == (text.size() + sentence - 1) / sentence);
    CHECK(out[1] == Span{sentence + 31, sentence + 39});
}

TEST_CASE("text search: finding the first match at or after a position") {
    const std::vector<Span> matches{{2, 5}, {10, 12}, {20, 25}};
    using claimmark::firstMatchEndingAfter;
    using claimmark::firstMatchStartingAtOrAfter;
    CHECK(firstMatchStartingAtOrAfter(matches, 0) == 0);
    CHECK(firstMatchStartingAtOrAfter(matches, 2) == 0);
    CHECK(firstMatchStartingAtOrAfter(matches, 3) == 1);
    CHECK(firstMatchStartingAtOrAfter(matches, 21) == 3);
    CHECK(firstMatchEndingAfter(matches, 4) == 0);  // inside the first match
    CHECK(firstMatchEndingAfter(matches, 5) == 1);  // at its end: it does not touch 5
    CHECK(firstMatchEndingAfter(matches, 24) == 2);
    CHECK(firstMatchEndingAfter(matches, 25) == 3);
    CHECK(firstMatchEndingAfter({}, 0) == 0);
}
