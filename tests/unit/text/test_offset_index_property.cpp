// test_offset_index_property.cpp — every fast path of Document's offset index checked against
// a plain walk over the bytes: exhaustively on all short strings over characters of every
// UTF-8 width, and on random strings whose lengths straddle the index's 32-code-point blocks
// (the last, partial block is where a fast path once took a wrong turn).
#include "core/text/document.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

using claimmark::Document;

namespace {

// One character of each UTF-8 width, and a line break.
const char* const kPieces[] = {"A", "\n", "\xC3\xA9" /* é */, "\xE6\x97\xA5" /* 日 */, "\xF0\x9F\x98\x80" /* 😀 */};

struct Expected {
    std::vector<std::size_t> byteOf;     // code point -> byte, plus the end
    std::vector<std::size_t> utf16Of;    // code point -> UTF-16, plus the end
    std::vector<std::size_t> cpOfByte;   // byte -> containing code point
    std::vector<std::size_t> cpOfUtf16;  // UTF-16 unit -> containing code point
};

// The slow path: walk the bytes one sequence at a time.
Expected walk(const std::string& text) {
    Expected e;
    std::size_t byte = 0, utf16 = 0, cp = 0;
    while (byte < text.size()) {
        const unsigned char lead = static_cast<unsigned char>(text[byte]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        e.byteOf.push_back(byte);
        e.utf16Of.push_back(utf16);
        for (std::size_t i = 0; i < length; ++i) e.cpOfByte.push_back(cp);
        const std::size_t units = length == 4 ? 2 : 1;
        for (std::size_t i = 0; i < units; ++i) e.cpOfUtf16.push_back(cp);
        byte += length;
        utf16 += units;
        ++cp;
    }
    e.byteOf.push_back(byte);
    e.utf16Of.push_back(utf16);
    return e;
}

// Returns the number of mismatches (checked with CHECK so each one is reported).
int checkAgainstWalk(const std::string& text) {
    auto doc = Document::fromBytes(text);
    REQUIRE(doc);
    const Expected e = walk(text);
    int failures = 0;
    const std::size_t length = e.byteOf.size() - 1;
    if (doc->length() != length || doc->utf16Length() != e.utf16Of.back()) ++failures;
    for (std::size_t cp = 0; cp <= length; ++cp) {
        if (doc->byteFromCodePoint(cp) != e.byteOf[cp]) ++failures;
        if (doc->utf16FromCodePoint(cp) != e.utf16Of[cp]) ++failures;
        if (cp < length) {
            const std::string_view one = doc->slice(cp, cp + 1);
            if (one != std::string_view(text).substr(e.byteOf[cp], e.byteOf[cp + 1] - e.byteOf[cp])) ++failures;
        }
    }
    for (std::size_t b = 0; b < text.size(); ++b) {
        if (doc->codePointFromByte(b) != e.cpOfByte[b]) ++failures;
        const bool boundary = e.byteOf[e.cpOfByte[b]] == b;
        if (doc->isByteBoundary(b) != boundary) ++failures;
    }
    if (doc->codePointFromByte(text.size()) != length) ++failures;
    for (std::size_t u = 0; u < e.cpOfUtf16.size(); ++u) {
        if (doc->codePointFromUtf16(u) != e.cpOfUtf16[u]) ++failures;
        const bool boundary = e.utf16Of[e.cpOfUtf16[u]] == u;
        if (doc->isUtf16Boundary(u) != boundary) ++failures;
    }
    if (doc->codePointFromUtf16(e.utf16Of.back()) != length) ++failures;
    return failures;
}

}  // namespace

TEST_CASE("offset index: every string of up to 6 characters of mixed widths agrees with a walk") {
    // 5^0 + ... + 5^6 = 19,531 strings.
    int failing = 0;
    std::string first;
    std::vector<int> digits;
    for (std::size_t n = 0; n <= 6; ++n) {
        digits.assign(n, 0);
        while (true) {
            std::string text;
            for (int d : digits) text += kPieces[d];
            if (checkAgainstWalk(text) != 0 && failing++ == 0) first = text;
            std::size_t i = 0;
            while (i < n && ++digits[i] == 5) digits[i++] = 0;
            if (i == n) break;
        }
    }
    INFO("first failing text: " << first);
    CHECK(failing == 0);
}

TEST_CASE("offset index: ASCII runs then wide characters, at every length around block edges") {
    // k ASCII bytes then m characters of one width: the last block may be exactly 32 bytes
    // long while holding fewer than 32 code points.
    int failing = 0;
    std::string first;
    for (const char* wide : {"\xC3\xA9", "\xE6\x97\xA5", "\xF0\x9F\x98\x80"}) {
        for (std::size_t k = 0; k <= 70; ++k) {
            for (std::size_t m = 0; m <= 12; ++m) {
                std::string text(k, 'A');
                for (std::size_t i = 0; i < m; ++i) text += wide;
                if (checkAgainstWalk(text) != 0 && failing++ == 0) first = text;
            }
        }
    }
    INFO("first failing text: " << first);
    CHECK(failing == 0);
}

TEST_CASE("offset index: random mixed-width strings of 1 to 200 characters agree with a walk") {
    std::mt19937 random(20261201);
    std::uniform_int_distribution<int> piece(0, 4);
    std::uniform_int_distribution<int> asciiBias(0, 3);
    std::uniform_int_distribution<std::size_t> length(1, 200);
    int failing = 0;
    std::string first;
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const std::size_t n = length(random);
        for (std::size_t i = 0; i < n; ++i) text += kPieces[asciiBias(random) == 0 ? piece(random) : 0];
        if (checkAgainstWalk(text) != 0 && failing++ == 0) first = text;
    }
    INFO("first failing text: " << first);
    CHECK(failing == 0);
}

TEST_CASE("offset index: the reported case, 31 ASCII, a line break, then Japanese and a hedge") {
    const std::string text = std::string(31, 'A') + "\n\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E turmeric may help join";
    auto doc = Document::fromBytes(text);
    REQUIRE(doc);
    CHECK(doc->length() == 58);
    CHECK(doc->slice(45, 48) == "may");
    CHECK(doc->slice(32, 35) == "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E");
    CHECK(checkAgainstWalk(text) == 0);
}
