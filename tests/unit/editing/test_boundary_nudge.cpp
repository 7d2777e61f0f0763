// test_boundary_nudge.cpp — moving an annotation's start or end by a character or a word.
#include "core/editing/boundary_nudge.h"

#include "fixtures.h"

#include <doctest/doctest.h>

using claimmark::Boundary;
using claimmark::nudgeBoundary;
using claimmark::NudgeUnit;
using claimmark::Span;

namespace {

// "Turmeric" 0-8, "may" 9-12, "ease" 13-17, "joint" 18-23, "pain" 24-28, "." 28,
// "\n" 29, "It" 30-32, "can’t" 33-38 (’ is one code point), "hurt" 39-43, "." 43
const char* const kText = "Turmeric may ease joint pain.\nIt can\xE2\x80\x99t hurt.";

std::vector<Span> one(std::size_t start, std::size_t end) { return {Span{start, end}}; }

}  // namespace

TEST_CASE("nudge: the end boundary moves by a word, skipping the gap and punctuation") {
    auto document = fixtures::makeDocument(kText);
    // "may ease" -> "may ease joint"
    auto grown = nudgeBoundary(document, one(9, 17), Boundary::End, NudgeUnit::Word, +1);
    REQUIRE(grown);
    CHECK(*grown == one(9, 23));
    // "ease joint pain." -> "ease joint": past the full stop and "pain"
    auto shrunk = nudgeBoundary(document, one(13, 29), Boundary::End, NudgeUnit::Word, -1);
    REQUIRE(shrunk);
    CHECK(*shrunk == one(13, 23));
    // across the line break: "pain" -> "pain.\nIt"
    auto across = nudgeBoundary(document, one(24, 28), Boundary::End, NudgeUnit::Word, +1);
    REQUIRE(across);
    CHECK(*across == one(24, 32));
    // "can’t" is one word
    auto apostrophe = nudgeBoundary(document, one(30, 32), Boundary::End, NudgeUnit::Word, +1);
    REQUIRE(apostrophe);
    CHECK(*apostrophe == one(30, 38));
}

TEST_CASE("nudge: the start boundary moves to the neighbouring word's first code point") {
    auto document = fixtures::makeDocument(kText);
    auto left = nudgeBoundary(document, one(13, 23), Boundary::Start, NudgeUnit::Word, -1);
    REQUIRE(left);
    CHECK(*left == one(9, 23));
    auto right = nudgeBoundary(document, one(9, 23), Boundary::Start, NudgeUnit::Word, +1);
    REQUIRE(right);
    CHECK(*right == one(13, 23));
    // from inside a word, left goes to that word's start
    auto inside = nudgeBoundary(document, one(15, 23), Boundary::Start, NudgeUnit::Word, -1);
    REQUIRE(inside);
    CHECK(*inside == one(13, 23));
    auto apostrophe = nudgeBoundary(document, one(39, 43), Boundary::Start, NudgeUnit::Word, -1);
    REQUIRE(apostrophe);
    CHECK(*apostrophe == one(33, 43));
}

TEST_CASE("nudge: by a character, in code points") {
    auto document = fixtures::makeDocument(kText);
    CHECK(*nudgeBoundary(document, one(33, 37), Boundary::End, NudgeUnit::Character, +1) == one(33, 38));
    CHECK(*nudgeBoundary(document, one(33, 38), Boundary::Start, NudgeUnit::Character, -1) == one(32, 38));
    CHECK(*nudgeBoundary(document, one(33, 38), Boundary::Start, NudgeUnit::Character, +1) == one(34, 38));
    CHECK(*nudgeBoundary(document, one(33, 38), Boundary::End, NudgeUnit::Character, -1) == one(33, 37));
}

TEST_CASE("nudge: moves that would empty a span or leave the text are refused") {
    auto document = fixtures::makeDocument(kText);
    CHECK_FALSE(nudgeBoundary(document, one(9, 12), Boundary::End, NudgeUnit::Word, -1));
    CHECK_FALSE(nudgeBoundary(document, one(9, 12), Boundary::Start, NudgeUnit::Word, +1));
    CHECK_FALSE(nudgeBoundary(document, one(9, 10), Boundary::End, NudgeUnit::Character, -1));
    CHECK_FALSE(nudgeBoundary(document, one(0, 8), Boundary::Start, NudgeUnit::Character, -1));
    CHECK_FALSE(nudgeBoundary(document, one(0, 8), Boundary::Start, NudgeUnit::Word, -1));
    CHECK_FALSE(nudgeBoundary(document, one(39, 44), Boundary::End, NudgeUnit::Character, +1));
    CHECK_FALSE(nudgeBoundary(document, one(39, 44), Boundary::End, NudgeUnit::Word, +1));
    CHECK_FALSE(nudgeBoundary(document, {}, Boundary::End, NudgeUnit::Word, +1));
}

TEST_CASE("nudge: with several spans only the outer boundaries move") {
    auto document = fixtures::makeDocument(kText);
    const std::vector<Span> spans{{0, 8}, {18, 23}};
    auto grown = nudgeBoundary(document, spans, Boundary::End, NudgeUnit::Word, +1);
    REQUIRE(grown);
    CHECK(*grown == std::vector<Span>{{0, 8}, {18, 28}});
    auto start = nudgeBoundary(document, spans, Boundary::Start, NudgeUnit::Character, +1);
    REQUIRE(start);
    CHECK(*start == std::vector<Span>{{1, 8}, {18, 23}});
}
