// utf8: decode/append, the strict validity check (one case per kind of error, with its
// offset) and the character classes used for word snapping.
#include "core/text/utf8.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

namespace utf8 = claimmark::utf8;

namespace {

// The reason and offset findInvalid reports, or "valid".
std::string problem(std::string_view text, bool allowNul = false) {
    const auto bad = utf8::findInvalid(text, allowNul);
    if (!bad) return "valid";
    return std::string(bad->reason) + " @" + std::to_string(bad->byteOffset);
}

}  // namespace

TEST_CASE("utf8: sequence lengths and decoding of 1- to 4-byte sequences") {
    CHECK(utf8::sequenceLength('A') == 1);
    CHECK(utf8::sequenceLength(0xC3) == 2);
    CHECK(utf8::sequenceLength(0xE2) == 3);
    CHECK(utf8::sequenceLength(0xF0) == 4);
    CHECK(utf8::sequenceLength(0x80) == 1);  // continuation: defensive 1

    // "A" U+00E9 U+20AC U+1F600: 1 + 2 + 3 + 4 bytes.
    const std::string text = "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
    std::size_t pos = 0;
    CHECK(utf8::decode(text, pos) == U'A');
    CHECK(pos == 1);
    CHECK(utf8::decode(text, pos) == 0xE9);
    CHECK(pos == 3);
    CHECK(utf8::decode(text, pos) == 0x20AC);
    CHECK(pos == 6);
    CHECK(utf8::decode(text, pos) == 0x1F600);
    CHECK(pos == 10);
    CHECK(utf8::countCodePoints(text) == 4);
    CHECK(utf8::countCodePoints("") == 0);
    // e + COMBINING ACUTE ACCENT is two code points.
    CHECK(utf8::countCodePoints("e\xCC\x81") == 2);
}

TEST_CASE("utf8: decode never reads past the end of broken input") {
    const std::string truncated = "\xE2\x82";
    std::size_t pos = 0;
    CHECK(utf8::decode(truncated, pos) == 0xFFFD);
    CHECK(pos == 1);
    pos = 5;
    CHECK(utf8::decode(truncated, pos) == 0);
    CHECK(pos == 5);
}

TEST_CASE("utf8: append encodes the boundary code points, and they decode back") {
    struct Case {
        char32_t cp;
        const char* bytes;
    };
    const Case cases[] = {
        {0x0041, "A"},
        {0x007F, "\x7F"},
        {0x0080, "\xC2\x80"},
        {0x07FF, "\xDF\xBF"},
        {0x0800, "\xE0\xA0\x80"},
        {0xD7FF, "\xED\x9F\xBF"},
        {0xE000, "\xEE\x80\x80"},
        {0xFFFF, "\xEF\xBF\xBF"},
        {0x10000, "\xF0\x90\x80\x80"},
        {0x1F600, "\xF0\x9F\x98\x80"},
        {0x10FFFF, "\xF4\x8F\xBF\xBF"},
    };
    for (const auto& c : cases) {
        CAPTURE(std::uint32_t(c.cp));
        std::string out;
        utf8::append(out, c.cp);
        CHECK(out == c.bytes);
        CHECK(problem(out) == "valid");
        std::size_t pos = 0;
        CHECK(utf8::decode(out, pos) == c.cp);
        CHECK(pos == out.size());
    }
    std::string out;
    utf8::append(out, 0xD800);    // a lone surrogate is not encodable
    utf8::append(out, 0x110000);  // nor is anything past U+10FFFF
    CHECK(out == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("utf8: findInvalid reports each kind of error at the sequence start") {
    CHECK(problem("") == "valid");
    CHECK(problem("plain ASCII text that is longer than one word") == "valid");
    CHECK(problem("caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80") == "valid");

    // Overlong forms: '/' as 2, 3 and 4 bytes, and U+0800's 4-byte overlong.
    CHECK(problem("ab\xC0\xAF") == "overlong encoding @2");
    CHECK(problem("ab\xC1\xBF") == "overlong encoding @2");
    CHECK(problem("abc\xE0\x80\xAF") == "overlong encoding @3");
    CHECK(problem("abc\xE0\x9F\xBF") == "overlong encoding @3");
    CHECK(problem("x\xF0\x80\x80\xAF") == "overlong encoding @1");
    CHECK(problem("x\xF0\x8F\xBF\xBF") == "overlong encoding @1");

    // Surrogates U+D800 and U+DFFF.
    CHECK(problem("12345\xED\xA0\x80") == "surrogate code point @5");
    CHECK(problem("\xED\xBF\xBF") == "surrogate code point @0");

    // Past U+10FFFF: U+110000 and the leads that can only start such sequences.
    CHECK(problem("ok \xF4\x90\x80\x80") == "code point above U+10FFFF @3");
    CHECK(problem("\xF5\x80\x80\x80") == "code point above U+10FFFF @0");
    CHECK(problem("\xF7\xBF\xBF\xBF") == "code point above U+10FFFF @0");
    CHECK(problem("a\xFF") == "byte that never appears in UTF-8 @1");
    CHECK(problem("a\xF8\x88\x80\x80\x80") == "byte that never appears in UTF-8 @1");

    // Stray continuation bytes: at the start, after ASCII, after a complete sequence.
    CHECK(problem("\x80") == "unexpected continuation byte @0");
    CHECK(problem("abcdefghij\xBF") == "unexpected continuation byte @10");
    CHECK(problem("\xC3\xA9\xA9") == "unexpected continuation byte @2");

    // Truncated at the end, and cut short by an ASCII byte in the middle.
    CHECK(problem("ab\xE2\x82") == "truncated sequence @2");
    CHECK(problem("ab\xF0\x9F\x98") == "truncated sequence @2");
    CHECK(problem("\xC3") == "truncated sequence @0");
    CHECK(problem("\xC3"
                  "a") == "truncated sequence @0");
    CHECK(problem("\xE2\x82"
                  "abc") == "truncated sequence @0");
}

TEST_CASE("utf8: NUL is refused unless allowed, wherever it is") {
    CHECK(problem(std::string("\0", 1)) == "NUL byte @0");
    CHECK(problem(std::string("abcdefghijklmno\0pq", 18)) == "NUL byte @15");  // inside a word
    CHECK(problem(std::string("abcdefghijklmno\0pq", 18), true) == "valid");
    CHECK(problem(std::string("\0\xC0\xAF", 3), true) == "overlong encoding @1");
}

TEST_CASE("utf8: the first error is the one reported, also after 8-byte ASCII runs") {
    // The error sits at every offset 0..20 behind an ASCII prefix, so each position
    // relative to the word-at-a-time scan is exercised.
    for (std::size_t at = 0; at <= 20; ++at) {
        CAPTURE(at);
        CHECK(problem(std::string(at, 'x') + "\x80" + "\xC0\xAF") ==
              "unexpected continuation byte @" + std::to_string(at));
        CHECK(problem(std::string(at, 'x') + "\xE2\x82\xAC" + std::string(9, 'y') + "\xC0") ==
              "overlong encoding @" + std::to_string(at + 12));
    }
}

TEST_CASE("utf8: isWhiteSpace is exactly the Unicode White_Space property") {
    const std::set<char32_t> expected = {
        0x09,   0x0A,   0x0B,   0x0C,   0x0D,   0x20,   0x85,   0xA0,   0x1680, 0x2000, 0x2001, 0x2002, 0x2003,
        0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
    };
    std::size_t found = 0;
    for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
        if (utf8::isWhiteSpace(cp)) {
            ++found;
            CAPTURE(std::uint32_t(cp));
            CHECK(expected.count(cp) == 1);
        }
    }
    CHECK(found == expected.size());
    // Neighbours that are easy to get wrong.
    CHECK_FALSE(utf8::isWhiteSpace(0x200B));  // ZERO WIDTH SPACE is not White_Space
    CHECK_FALSE(utf8::isWhiteSpace(0xFEFF));
    CHECK_FALSE(utf8::isWhiteSpace(0x180E));  // MONGOLIAN VOWEL SEPARATOR (no longer)
}

TEST_CASE("utf8: isWordCharacter") {
    SUBCASE("ASCII: letters, digits and underscore only") {
        for (char32_t c = 0; c < 0x80; ++c) {
            const bool expected =
                (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            CAPTURE(std::uint32_t(c));
            CHECK(utf8::isWordCharacter(c) == expected);
        }
    }
    SUBCASE("letters, digits and marks of other scripts") {
        for (char32_t c : {0x00E9, 0x00DF, 0x00AA, 0x00B5, 0x00B2, 0x0436, 0x03A9,  0x05D0, 0x0628,
                           0x0663, 0x0915, 0x4E2D, 0x3042, 0xAC00, 0x0301, 0x0308,  0x036F, 0x200C,
                           0x200D, 0x3005, 0x3007, 0xFF21, 0xFF10, 0xFF3F, 0x1D400, 0x20000}) {
            CAPTURE(std::uint32_t(c));
            CHECK(utf8::isWordCharacter(c));
        }
    }
    SUBCASE("white space, punctuation and symbols") {
        for (char32_t c : {0x0085, 0x00A0, 0x3000, 0x2003, 0x00A1, 0x00A7, 0x00AB, 0x00BB, 0x00BF, 0x00D7,
                           0x00F7, 0x2010, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026,
                           0x2030, 0x203B, 0x200B, 0x2060, 0x20AC, 0x2192, 0x2212, 0x3001, 0x3002, 0x300C,
                           0x300D, 0x30FB, 0xFF01, 0xFF0C, 0xFF1F, 0xFEFF, 0xFFFD, 0x037E, 0x060C, 0x0964}) {
            CAPTURE(std::uint32_t(c));
            CHECK_FALSE(utf8::isWordCharacter(c));
        }
    }
    SUBCASE("emoji are units of their own, not word characters") {
        for (char32_t c : {0x1F000, 0x1F600, 0x1F44D, 0x1F1FA, 0x1F3FB, 0x1FAFF, 0x2600, 0x2615, 0x2705, 0x2764, 0x27BF,
                           0xFE0F, 0xE0067}) {
            CAPTURE(std::uint32_t(c));
            CHECK_FALSE(utf8::isWordCharacter(c));
        }
        // Just outside those blocks.
        CHECK(utf8::isWordCharacter(0x1EFFF));
        CHECK(utf8::isWordCharacter(0x1FB00));
    }
    CHECK_FALSE(utf8::isWordCharacter(0x110000));
}
