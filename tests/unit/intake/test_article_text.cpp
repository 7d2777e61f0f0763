// test_article_text.cpp — the one canonical text intake writes (core/intake/article_text.h)
// and the plain-text source (text_extract.h). Expected texts are written out by hand.
#include "core/intake/article_text.h"
#include "core/intake/text_extract.h"

#include <doctest/doctest.h>

using namespace claimmark::intake;

namespace {

Block block(BlockKind kind, std::string text, int level = 0) { return Block{kind, level, std::move(text)}; }

}  // namespace

TEST_CASE("article text: white space in a block becomes one space; ends are trimmed") {
    CHECK(normalizeBlockText("  Kratom \t is\r  a   plant.  ") == "Kratom is a plant.");
    CHECK(normalizeBlockText("no\xC2\xA0"
                             "break and\xE2\x80\x83"
                             "em space") == "no break and em space");
    CHECK(normalizeBlockText("") == "");
    CHECK(normalizeBlockText(" \n \t ") == "");
}

TEST_CASE("article text: a line break the block asks for stays one line break") {
    Block b = block(BlockKind::Paragraph, "First line  \n   second line\n\n\nthird");
    CHECK(normalizeBlockText(b.text) == "First line\nsecond line\nthird");
}

TEST_CASE("article text: invisible characters are dropped, text is NFC") {
    // soft hyphen, zero-width space, BOM, a control character
    CHECK(normalizeBlockText("treat\xC2\xAD"
                             "ment\xE2\x80\x8B \xEF\xBB\xBF"
                             "done\x07") == "treatment done");
    // "e" + combining acute accent -> "é" (U+00E9)
    CHECK(normalizeBlockText("caf"
                             "e\xCC\x81") == "caf\xC3\xA9");
    CHECK(toNfc("already \xC3\xA9") == "already \xC3\xA9");
}

TEST_CASE("article text: blocks laid out one per line with blank lines; lists and tables as runs") {
    const std::vector<Block> blocks = {
        block(BlockKind::Heading, "Kratom and pain", 1),
        block(BlockKind::Paragraph, "Some users report\nrelief."),
        block(BlockKind::ListItem, "one", 0),
        block(BlockKind::ListItem, "nested", 1),
        block(BlockKind::ListItem, "two"),
        block(BlockKind::Paragraph, "   "),  // empty: dropped
        block(BlockKind::TableRow, "Study\tN"),
        block(BlockKind::TableRow, " Smith 2020 \t 40 "),
        block(BlockKind::TableRow, "\t"),  // empty row: dropped
        block(BlockKind::Paragraph, "The end."),
    };
    CHECK(articleText(blocks) ==
          "Kratom and pain\n"
          "\n"
          "Some users report\n"
          "relief.\n"
          "\n"
          "- one\n"
          "  - nested\n"
          "- two\n"
          "\n"
          "Study | N\n"
          "Smith 2020 | 40\n"
          "\n"
          "The end.\n");
    CHECK(articleText({}) == "");
    CHECK(articleText({block(BlockKind::Paragraph, " ")}) == "");
}

TEST_CASE("article text: the same blocks always give the same bytes") {
    const std::vector<Block> blocks = {block(BlockKind::Paragraph, "a  b"), block(BlockKind::ListItem, "c")};
    CHECK(articleText(blocks) == articleText(blocks));
    CHECK(articleText(blocks) == "a b\n\n- c\n");
}

TEST_CASE("plain-text intake: hard-wrapped paragraphs are rejoined; lines without blank lines kept") {
    auto wrapped = extractPlainText(
        "\xEF\xBB\xBF"
        "First para\r\ncontinues here.\r\n\r\nSecond.\n",
        "a.txt");
    REQUIRE(wrapped);
    CHECK(articleText(wrapped->blocks) == "First para continues here.\n\nSecond.\n");
    auto lines = extractPlainText("One line.\nAnother line.\n", "b.txt");
    REQUIRE(lines);
    CHECK(articleText(lines->blocks) == "One line.\n\nAnother line.\n");
}

TEST_CASE("plain-text intake: text that is not UTF-8 is refused with its place") {
    auto bad = extractPlainText("fine\nbad \xFF here\n", "c.txt");
    REQUIRE_FALSE(bad);
    const std::string message = bad.errorText();
    CHECK(message.find("c.txt") != std::string::npos);
    CHECK(message.find("line 2, column 5") != std::string::npos);
    CHECK(message.find("not UTF-8") != std::string::npos);
}
