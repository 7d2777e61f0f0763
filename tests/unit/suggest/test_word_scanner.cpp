// Tests for the word scanner: joined words, lower-case copies, offsets, and views that stay
// valid when the result moves (a short text's copies once lived inside a std::string and
// dangled after a move; found by fuzz_suggest_text, caught here under AddressSanitizer).
#include "core/suggest/word_scanner.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

using namespace claimmark;

namespace {

std::vector<std::string> lowerWords(const ScannedWords& scanned) {
    std::vector<std::string> out;
    for (const Word& w : scanned.words) out.emplace_back(w.lower);
    return out;
}

}  // namespace

TEST_CASE("word scanner: hyphens, apostrophes, slashes and numbers join; the rest splits") {
    const ScannedWords s =
        scanWords(std::string_view("Meta-analysis: Lion\xE2\x80\x99s mane and/or 2.5 mg, 1,000 users."));
    CHECK(lowerWords(s) ==
          std::vector<std::string>{"meta-analysis", "lion's", "mane", "and/or", "2.5", "mg", "1,000", "users"});
    CHECK(s.words[0].capitalised);
    CHECK(s.words[4].number);
    CHECK(s.words[1].cpStart == 15);
    CHECK(s.words[1].cpEnd == 21);  // "Lion’s" is 6 code points, 8 bytes
    CHECK(s.words[1].byteEnd - s.words[1].byteStart == 8);
}

TEST_CASE("word scanner: the words' lower-case views survive moving and copying the result") {
    ScannedWords scanned = scanWords(std::string_view("Kratom aKn\x08\x08rat"));  // short: fits in a std::string
    ScannedWords moved = std::move(scanned);
    CHECK(lowerWords(moved) == std::vector<std::string>{"kratom", "akn", "rat"});
    ScannedWords copied;
    copied = moved;
    moved = scanWords(std::string_view("other words entirely"));
    CHECK(lowerWords(copied) == std::vector<std::string>{"kratom", "akn", "rat"});
}
