// test_text_layout.cpp — word wrap and screen <-> text mapping with a fake monospace font
// (every code point 10 px wide unless a case says otherwise).
#include "core/text/text_layout.h"

#include "core/text/document.h"
#include "core/text/utf8.h"

#include <doctest/doctest.h>

#include <random>
#include <string>

using claimmark::LayoutMetrics;
using claimmark::TextLayout;
using claimmark::VisualLine;

namespace {

float tenPixels(char32_t) { return 10.0f; }

LayoutMetrics widthOf(float width) {
    LayoutMetrics m;
    m.wrapWidth = width;
    m.lineHeight = 20;
    return m;
}

// "[cpStart,cpEnd)" of every line, for compact expectations.
std::string ranges(const TextLayout& layout) {
    std::string out;
    for (const VisualLine& l : layout.lines())
        out += "[" + std::to_string(l.cpStart) + "," + std::to_string(l.cpEnd) + ")";
    return out;
}

}  // namespace

TEST_CASE("text_layout: a short paragraph is one line") {
    const std::string text = "hello world";
    TextLayout layout;
    layout.build(std::string_view(text), widthOf(1000), tenPixels);
    REQUIRE(layout.lineCount() == 1);
    CHECK(layout.line(0).cpStart == 0);
    CHECK(layout.line(0).cpEnd == 11);
    CHECK(layout.line(0).byteEnd == 11);
    CHECK(layout.line(0).width == 110.0f);
    CHECK(layout.line(0).endsParagraph);
    CHECK(layout.lineText(0) == "hello world");
    CHECK(layout.textLength() == 11);
}

TEST_CASE("text_layout: wraps after spaces, which hang past the edge") {
    const std::string text = "aaa bbb ccc";
    TextLayout layout;
    layout.build(std::string_view(text), widthOf(70), tenPixels);
    // "aaa bbb" is exactly 70 px; the space after it hangs; "ccc" goes down.
    CHECK(ranges(layout) == "[0,8)[8,11)");
    CHECK(layout.lineText(0) == "aaa bbb ");
    CHECK(layout.line(0).width == 80.0f);
    CHECK_FALSE(layout.line(0).endsParagraph);
    CHECK(layout.lineText(1) == "ccc");
    CHECK(layout.line(1).width == 30.0f);

    layout.build(std::string_view(text), widthOf(69), tenPixels);
    CHECK(ranges(layout) == "[0,4)[4,8)[8,11)");
}

TEST_CASE("text_layout: a word wider than the line is broken between code points") {
    const std::string text = "abcdefghij";
    TextLayout layout;
    layout.build(std::string_view(text), widthOf(35), tenPixels);
    CHECK(ranges(layout) == "[0,3)[3,6)[6,9)[9,10)");
    // Narrower than one glyph: one glyph per line, and the loop still ends.
    layout.build(std::string_view("abc"), widthOf(5), tenPixels);
    CHECK(ranges(layout) == "[0,1)[1,2)[2,3)");
    // A long word after a short one moves down whole first, then breaks.
    layout.build(std::string_view("ab cdefgh"), widthOf(40), tenPixels);
    CHECK(ranges(layout) == "[0,3)[3,7)[7,9)");
}

TEST_CASE("text_layout: breaks after a hyphen or dash inside a word") {
    TextLayout layout;
    layout.build(std::string_view("well-known fact"), widthOf(80), tenPixels);
    CHECK(ranges(layout) == "[0,5)[5,11)[11,15)");
    CHECK(layout.lineText(0) == "well-");
    // "root—and": the em dash (3 bytes) ends the first line.
    const std::string dash =
        "root\xE2\x80\x94"
        "and";
    layout.build(std::string_view(dash), widthOf(60), tenPixels);
    CHECK(ranges(layout) == "[0,5)[5,8)");
    CHECK(layout.line(1).byteStart == 7);
    CHECK(layout.lineText(1) == "and");
}

TEST_CASE("text_layout: paragraphs, blank lines and a trailing newline") {
    TextLayout layout;
    layout.build(std::string_view("a\n\nb"), widthOf(100), tenPixels);
    CHECK(ranges(layout) == "[0,1)[2,2)[3,4)");
    CHECK(layout.line(1).endsParagraph);
    layout.build(std::string_view("ab\n"), widthOf(100), tenPixels);
    CHECK(ranges(layout) == "[0,2)[3,3)");
    layout.build(std::string_view(""), widthOf(100), tenPixels);
    CHECK(ranges(layout) == "[0,0)");
    CHECK(layout.textLength() == 0);
}

TEST_CASE("text_layout: CRLF — the CR is neither drawn nor part of the line") {
    const std::string text = "ab\r\ncd\r\n";
    TextLayout layout;
    layout.build(std::string_view(text), widthOf(100), tenPixels);
    REQUIRE(layout.lineCount() == 3);
    CHECK(ranges(layout) == "[0,2)[4,6)[8,8)");
    CHECK(layout.line(1).byteStart == 4);
    CHECK(layout.line(1).byteEnd == 6);
    CHECK(layout.lineText(1) == "cd");
    CHECK(layout.line(0).width == 20.0f);
    CHECK(layout.textLength() == 8);
    // A CR has no width, so it never causes a wrap even when spaces already overflow.
    layout.build(std::string_view("ab    \r\nc"), widthOf(30), tenPixels);
    CHECK(ranges(layout) == "[0,6)[8,9)");
    // A lone CR stays in the line but takes no room.
    layout.build(std::string_view("a\rb"), widthOf(100), tenPixels);
    CHECK(ranges(layout) == "[0,3)");
    CHECK(layout.line(0).width == 20.0f);
    CHECK(layout.xOfCodePoint(0, 2) == 10.0f);
}

TEST_CASE("text_layout: code points and bytes around multi-byte text and emoji") {
    // a, U+1F600 (4 bytes), b
    const std::string text =
        "a\xF0\x9F\x98\x80"
        "b";
    TextLayout layout;
    layout.build(std::string_view(text), widthOf(1000), tenPixels);
    REQUIRE(layout.lineCount() == 1);
    CHECK(layout.line(0).cpEnd == 3);
    CHECK(layout.line(0).byteEnd == 6);
    CHECK(layout.xOfCodePoint(0, 0) == 0.0f);
    CHECK(layout.xOfCodePoint(0, 1) == 10.0f);
    CHECK(layout.xOfCodePoint(0, 2) == 20.0f);
    CHECK(layout.xOfCodePoint(0, 3) == 30.0f);
    CHECK(layout.xOfCodePoint(0, 99) == 30.0f);
    CHECK(layout.codePointAtX(0, 4) == 0);
    CHECK(layout.codePointAtX(0, 6) == 1);
    CHECK(layout.codePointAtX(0, 14) == 1);
    CHECK(layout.codePointAtX(0, 16) == 2);
    CHECK(layout.codePointAtX(0, 100) == 3);
    CHECK(layout.codePointAtX(0, -50) == 0);
    CHECK(layout.characterAtX(0, 14) == std::optional<std::size_t>(1));
    CHECK(layout.characterAtX(0, 29.5f) == std::optional<std::size_t>(2));
    CHECK_FALSE(layout.characterAtX(0, 30).has_value());
    CHECK_FALSE(layout.characterAtX(0, -1).has_value());
    std::vector<float> carets{99.0f};
    layout.caretPositions(0, carets);
    CHECK(carets == std::vector<float>{0.0f, 10.0f, 20.0f, 30.0f});

    // Wrapping counts code points, not bytes: "héllo wörld".
    const std::string accents = "h\xC3\xA9llo w\xC3\xB6rld";
    layout.build(std::string_view(accents), widthOf(60), tenPixels);
    CHECK(ranges(layout) == "[0,6)[6,11)");
    CHECK(layout.line(0).byteEnd == 7);
    CHECK(layout.line(1).byteStart == 7);
    CHECK(layout.line(1).byteEnd == 13);
    CHECK(layout.lineText(1) == "w\xC3\xB6rld");
}

TEST_CASE("text_layout: the advance function decides widths (tab, wide glyphs)") {
    auto advance = [](char32_t c) {
        if (c == U'\t') return 40.0f;
        if (c >= 0x1F000) return 20.0f;
        return 10.0f;
    };
    TextLayout layout;
    layout.build(std::string_view("a\tb"), widthOf(1000), advance);
    CHECK(layout.xOfCodePoint(0, 2) == 50.0f);
    CHECK(layout.line(0).width == 60.0f);
    std::vector<float> carets;
    layout.caretPositions(0, carets);
    CHECK(carets == std::vector<float>{0.0f, 10.0f, 50.0f, 60.0f});
    CHECK(layout.codePointAtX(0, 25) == 1);  // still left of the tab's middle (30)
    CHECK(layout.codePointAtX(0, 31) == 2);
    // Two 20 px emoji in a 30 px line: one per line.
    const std::string emoji = "\xF0\x9F\x98\x80\xF0\x9F\x98\x80";
    layout.build(std::string_view(emoji), widthOf(30), advance);
    CHECK(ranges(layout) == "[0,1)[1,2)");
    CHECK(layout.line(1).byteStart == 4);
}

TEST_CASE("text_layout: vertical positions, lineAt and lineOfCodePoint") {
    LayoutMetrics m;
    m.wrapWidth = 45;
    m.lineHeight = 20;
    m.paragraphGap = 5;
    TextLayout layout;
    // "aaa" | "bbb " "bbb" | "c"
    layout.build(std::string_view("aaa\nbbb bbb\nc"), m, tenPixels);
    REQUIRE(ranges(layout) == "[0,3)[4,8)[8,11)[12,13)");
    CHECK(layout.line(0).top == 0.0);
    CHECK(layout.line(1).top == 25.0);  // after a paragraph end: height + gap
    CHECK(layout.line(2).top == 45.0);  // after a wrap: height only
    CHECK(layout.line(3).top == 70.0);
    CHECK(layout.height() == 90.0);

    CHECK(layout.lineAt(-5) == 0);
    CHECK(layout.lineAt(0) == 0);
    CHECK(layout.lineAt(24.9) == 0);  // the gap belongs to the line above
    CHECK(layout.lineAt(25) == 1);
    CHECK(layout.lineAt(44.9) == 1);
    CHECK(layout.lineAt(45) == 2);
    CHECK(layout.lineAt(1e9) == 3);

    CHECK(layout.lineOfCodePoint(0) == 0);
    CHECK(layout.lineOfCodePoint(3) == 0);  // the '\n' ending line 0
    CHECK(layout.lineOfCodePoint(4) == 1);
    CHECK(layout.lineOfCodePoint(7) == 1);
    CHECK(layout.lineOfCodePoint(8) == 2);  // a wrap boundary starts the later line
    CHECK(layout.lineOfCodePoint(12) == 3);
    CHECK(layout.lineOfCodePoint(13) == 3);
    CHECK(layout.lineOfCodePoint(999) == 3);

    // Round trip: the caret x of every position maps back to the same position.
    for (std::size_t cp = 0; cp <= layout.textLength(); ++cp) {
        const std::size_t line = layout.lineOfCodePoint(cp);
        const VisualLine& l = layout.line(line);
        if (cp > l.cpEnd) continue;  // the line break itself has no caret position
        CHECK(layout.codePointAtX(line, layout.xOfCodePoint(line, cp)) == cp);
    }
}

TEST_CASE("text_layout: blank lines can be shorter") {
    LayoutMetrics m;
    m.wrapWidth = 100;
    m.lineHeight = 20;
    m.paragraphGap = 4;
    m.blankLineHeight = 8;
    TextLayout layout;
    layout.build(std::string_view("a\n\nb\n"), m, tenPixels);
    REQUIRE(ranges(layout) == "[0,1)[2,2)[3,4)[5,5)");
    CHECK(layout.line(1).top == 24.0);  // 20 + 4
    CHECK(layout.line(2).top == 36.0);  // + 8 + 4
    CHECK(layout.line(3).top == 60.0);  // + 20 + 4
    CHECK(layout.height() == 68.0);     // the final empty line is blank too
    CHECK(layout.boxHeight(layout.line(1)) == 8.0f);
    CHECK(layout.boxHeight(layout.line(2)) == 20.0f);
    CHECK(layout.lineAt(35) == 1);
    CHECK(layout.lineAt(36) == 2);
}

TEST_CASE("text_layout: no wrapping when the width is zero") {
    const std::string text(500, 'x');
    TextLayout layout;
    layout.build(std::string_view(text), widthOf(0), tenPixels);
    REQUIRE(layout.lineCount() == 1);
    CHECK(layout.line(0).width == 5000.0f);
}

TEST_CASE("text_layout: builds from a Document") {
    auto document = claimmark::Document::fromBytes("first line\r\nsecond \xE2\x80\x9Cquoted\xE2\x80\x9D", "t.txt");
    REQUIRE(document.ok());
    TextLayout layout;
    layout.build(*document, widthOf(1000), tenPixels);
    REQUIRE(layout.lineCount() == 2);
    CHECK(layout.line(1).cpStart == 12);
    CHECK(layout.line(1).cpEnd == 27);
    CHECK(layout.lineText(1) == "second \xE2\x80\x9Cquoted\xE2\x80\x9D");
    CHECK(layout.line(1).cpEnd == document->length());
}

TEST_CASE("text_layout: lines tile random text exactly") {
    std::mt19937 random(12345);
    const char* pieces[] = {"a", "bb",   " ", "  ", "\n", "\r\n", "\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x98\x80",
                            "-", "word", "\t"};
    for (int round = 0; round < 200; ++round) {
        std::string text;
        const int count = std::uniform_int_distribution<int>(0, 60)(random);
        for (int i = 0; i < count; ++i) text += pieces[std::uniform_int_distribution<int>(0, 11)(random)];
        const float width = float(std::uniform_int_distribution<int>(0, 12)(random) * 10 + 5);
        TextLayout layout;
        layout.build(std::string_view(text), widthOf(width), tenPixels);
        std::size_t expectedStart = 0, expectedByte = 0;
        for (std::size_t i = 0; i < layout.lineCount(); ++i) {
            const VisualLine& l = layout.line(i);
            CHECK(l.cpStart == expectedStart);
            CHECK(l.byteStart == expectedByte);
            CHECK(l.cpEnd >= l.cpStart);
            // Byte and code point ranges describe the same text.
            CHECK(claimmark::utf8::countCodePoints(layout.lineText(i)) == l.cpEnd - l.cpStart);
            if (l.endsParagraph) {
                // Skip the line break: "\n" or "\r\n".
                std::size_t next = l.byteEnd;
                if (next < text.size() && text[next] == '\r') ++next;
                if (next < text.size()) {
                    CHECK(text[next] == '\n');
                    expectedStart = l.cpEnd + (next - l.byteEnd) + 1;
                    expectedByte = next + 1;
                } else {
                    CHECK(i + 1 == layout.lineCount());
                }
            } else {
                expectedStart = l.cpEnd;
                expectedByte = l.byteEnd;
                CHECK(l.cpEnd > l.cpStart);
            }
        }
        CHECK(layout.line(layout.lineCount() - 1).cpEnd == layout.textLength());
    }
}

TEST_CASE("text_layout: words for selection snapping") {
    using claimmark::CodePointRange;
    // "It can’t—maybe 5mg." : ’ is U+2019 (3 bytes), — U+2014
    auto document = claimmark::Document::fromBytes("It can\xE2\x80\x99t\xE2\x80\x94maybe 5mg.", "w.txt");
    REQUIRE(document.ok());
    const auto& d = *document;
    REQUIRE(d.length() == 19);
    // Code points: I0 t1 _2 c3 a4 n5 ’6 t7 —8 m9 a10 y11 b12 e13 _14 5(15) m16 g17 .18
    CHECK(claimmark::wordAt(d, 0) == CodePointRange{0, 2});
    CHECK(claimmark::wordAt(d, 4) == CodePointRange{3, 8});  // the apostrophe joins
    CHECK(claimmark::wordAt(d, 6) == CodePointRange{3, 8});
    CHECK(claimmark::wordAt(d, 8) == CodePointRange{8, 8});  // the dash is not a word
    CHECK(claimmark::wordAt(d, 2) == CodePointRange{2, 2});  // nor a space
    CHECK(claimmark::wordAt(d, 16) == CodePointRange{15, 18});
    CHECK(claimmark::wordAt(d, 99) == CodePointRange{99, 99});

    CHECK(claimmark::snapToWords(d, 4, 10) == CodePointRange{3, 14});  // "can’t—maybe"
    CHECK(claimmark::snapToWords(d, 3, 8) == CodePointRange{3, 8});    // already whole
    CHECK(claimmark::snapToWords(d, 2, 9) == CodePointRange{2, 9});    // "—|m" cuts no word
    CHECK(claimmark::snapToWords(d, 0, 19) == CodePointRange{0, 19});
    CHECK(claimmark::snapToWords(d, 5, 5) == CodePointRange{3, 8});  // a caret in a word
    CHECK(claimmark::snapToWords(d, 17, 40) == CodePointRange{15, 19});
    // A trailing apostrophe is not inside a word: "dogs’ " stays cut after the s.
    auto plural = claimmark::Document::fromBytes("dogs\xE2\x80\x99 bowls", "p.txt");
    REQUIRE(plural.ok());
    CHECK(claimmark::wordAt(*plural, 2) == CodePointRange{0, 4});
    CHECK(claimmark::snapToWords(*plural, 1, 2) == CodePointRange{0, 4});
}
