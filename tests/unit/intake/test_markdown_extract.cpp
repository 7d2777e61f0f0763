// test_markdown_extract.cpp — Markdown intake (markdown/markdown_extract.h, front_matter.h):
// headings, soft and hard breaks, nested lists, quotes, code, links / images / inline HTML,
// a pipe table, the front matter's keys in their YAML shapes, the BOM and invalid UTF-8.
// Expected article texts are written by hand (through articleText(), the one layout).
#include "core/intake/article_text.h"
#include "core/intake/markdown/front_matter.h"
#include "core/intake/markdown/markdown_extract.h"

#include <doctest/doctest.h>

using namespace claimmark;
using namespace claimmark::intake;

namespace {

ExtractedArticle extract(std::string_view markdown) {
    auto result = extractMarkdown(markdown, "article.md");
    REQUIRE_MESSAGE(result.ok(), result.errorText());
    return std::move(result.value());
}

std::string textOf(std::string_view markdown) { return articleText(extract(markdown).blocks); }

}  // namespace

TEST_CASE("markdown: headings and paragraphs with soft and hard breaks") {
    const ExtractedArticle article = extract(
        "# Turmeric and joints\n"
        "\n"
        "Curcumin *may* ease\n"
        "joint **pain**.\n"
        "\n"
        "Line one  \n"
        "line two\\\n"
        "line three\n"
        "\n"
        "Setext heading\n"
        "--------------\n"
        "### Third `level`\n");
    REQUIRE(article.blocks.size() == 5);
    CHECK(article.blocks[0].kind == BlockKind::Heading);
    CHECK(article.blocks[0].level == 1);
    CHECK(article.blocks[1].text == "Curcumin may ease joint pain.");
    CHECK(article.blocks[2].text == "Line one\nline two\nline three");
    CHECK(article.blocks[3].kind == BlockKind::Heading);
    CHECK(article.blocks[3].level == 2);
    CHECK(article.blocks[4].level == 3);
    CHECK(article.blocks[4].text == "Third level");
    CHECK(articleText(article.blocks) ==
          "Turmeric and joints\n\nCurcumin may ease joint pain.\n\nLine one\nline two\nline three\n\n"
          "Setext heading\n\nThird level\n");
    // No front matter: a level-1 heading as the first block is the title.
    CHECK(article.metadata.title == "Turmeric and joints");
    CHECK(article.metadata.author.empty());
}

TEST_CASE("markdown: nested lists, with loose items and text after a nested list") {
    CHECK(textOf("Intro.\n"
                 "\n"
                 "- one\n"
                 "- two\n"
                 "  - two a\n"
                 "    1. deep\n"
                 "  - two b\n"
                 "- three\n"
                 "\n"
                 "  more of three\n"
                 "\n"
                 "After.\n") ==
          "Intro.\n\n"
          "- one\n- two\n  - two a\n    - deep\n  - two b\n- three\n  more of three\n\n"
          "After.\n");
    // The item's own text after its nested list is a further item at its level.
    const ExtractedArticle article = extract("- outer\n  - inner\n\n  outer again\n");
    REQUIRE(article.blocks.size() == 3);
    CHECK(article.blocks[2].kind == BlockKind::ListItem);
    CHECK(article.blocks[2].level == 0);
    CHECK(article.blocks[2].text == "outer again");
    CHECK(textOf("- \n- x\n") == "- x\n");  // an empty item gives nothing
}

TEST_CASE("markdown: block quotes and code blocks are paragraphs") {
    const ExtractedArticle article = extract(
        "> Quoted claim\n"
        "> goes on.\n"
        ">\n"
        "> > nested quote\n"
        "\n"
        "```python\n"
        "x = 1\n"
        "  y = 2\n"
        "```\n"
        "\n"
        "    indented code\n"
        "    second line\n");
    REQUIRE(article.blocks.size() == 4);
    for (const Block& block : article.blocks) CHECK(block.kind == BlockKind::Paragraph);
    CHECK(article.blocks[0].text == "Quoted claim goes on.");
    CHECK(article.blocks[1].text == "nested quote");
    CHECK(article.blocks[2].text == "x = 1\n  y = 2");
    CHECK(article.blocks[3].text == "indented code\nsecond line");
    CHECK(articleText(article.blocks) ==
          "Quoted claim goes on.\n\nnested quote\n\nx = 1\ny = 2\n\nindented code\nsecond line\n");
    CHECK(article.metadata.title.empty());
}

TEST_CASE("markdown: links keep their text, images, HTML and thematic breaks are dropped") {
    const ExtractedArticle article = extract(
        "<div class=\"banner\">\n"
        "Subscribe!\n"
        "</div>\n"
        "\n"
        "See [the trial](https://example.org/trial \"Trial\") and <https://example.org>.\n"
        "\n"
        "![a chart of results](chart.png) Results <span class=\"x\">were</span> mixed &amp; small.\n"
        "\n"
        "***\n"
        "\n"
        "![only an image](i.png)\n");
    CHECK(articleText(article.blocks) == "See the trial and https://example.org.\n\nResults were mixed & small.\n");
    CHECK(article.notes.size() == 2);  // one HTML block, two images
}

TEST_CASE("markdown: a pipe table becomes table rows") {
    const ExtractedArticle article = extract(
        "Before.\n"
        "\n"
        "| Study | *n* | Effect |\n"
        "|:------|----:|:------:|\n"
        "| Lee 2019 | 40 | [small](x) |\n"
        "| Bo \\| Wu | `12` | none |\n"
        "\n"
        "| not a table |\n"
        "| no delimiter row |\n");
    REQUIRE(article.blocks.size() == 5);
    CHECK(article.blocks[1].kind == BlockKind::TableRow);
    CHECK(article.blocks[1].text == "Study\tn\tEffect");
    CHECK(article.blocks[2].text == "Lee 2019\t40\tsmall");
    CHECK(article.blocks[3].text == "Bo | Wu\t12\tnone");
    CHECK(article.blocks[4].kind == BlockKind::Paragraph);
    CHECK(articleText(article.blocks) ==
          "Before.\n\nStudy | n | Effect\nLee 2019 | 40 | small\nBo | Wu | 12 | none\n\n"
          "| not a table | | no delimiter row |\n");
}

TEST_CASE("markdown: front matter title, author, date") {
    const ExtractedArticle article = extract(
        "---\n"
        "title: \"Kratom: a \\\"cure\\\"?\"\n"
        "author: Ann Lee\n"
        "date: 2024-05-01\n"
        "tags: [health, plants]\n"
        "layout: post  # comment\n"
        "---\n"
        "# Heading\n"
        "\n"
        "Body text.\n");
    CHECK(article.metadata.title == "Kratom: a \"cure\"?");
    CHECK(article.metadata.author == "Ann Lee");
    CHECK(article.metadata.published == "2024-05-01");
    CHECK(article.metadata.url.empty());
    CHECK(articleText(article.blocks) == "Heading\n\nBody text.\n");
}

TEST_CASE("markdown: front matter authors as lists, single quotes, CRLF, '...' end") {
    CHECK(extract("---\nauthor: [Ann Lee, \"Bo, Jr.\", 'C. D']\n---\nx\n").metadata.author == "Ann Lee, Bo, Jr., C. D");
    CHECK(extract("---\nauthor:\n  - Ann Lee\n  - 'Bo Wu'\n---\nx\n").metadata.author == "Ann Lee, Bo Wu");
    CHECK(extract("---\nauthors:\n- name: Ann Lee\n  email: a@x\n- email: b@x\n  name: Bo Wu\n---\nx\n")
              .metadata.author == "Ann Lee, Bo Wu");
    CHECK(extract("---\nauthor:\n  name: Ann Lee\n  url: x\n---\nx\n").metadata.author == "Ann Lee");
    const ExtractedArticle crlf =
        extract("---\r\ntitle: 'It''s true'\r\ndate: \"2024-05-01T10:00:00Z\"\r\n...\r\nBody\r\n");
    CHECK(crlf.metadata.title == "It's true");
    CHECK(crlf.metadata.published == "2024-05-01T10:00:00Z");
    CHECK(articleText(crlf.blocks) == "Body\n");
    CHECK(extract("---\ntitle: >\n  A folded\n  title\ndate: ~\n---\n").metadata.title == "A folded title");
    CHECK(extract("---\ntitle: A plain\n  continued title\n---\n").metadata.title == "A plain continued title");
    CHECK(extract("---\ntitle: null\n---\n# Heading\n").metadata.title == "Heading");
}

TEST_CASE("markdown: no front matter; an unclosed --- is a thematic break") {
    const ExtractedArticle none = extract("Just text.\n\n# Not first\n");
    CHECK(none.metadata.title.empty());  // the level-1 heading is not the first block
    CHECK(articleText(none.blocks) == "Just text.\n\nNot first\n");
    const ExtractedArticle unclosed = extract("---\ntitle: x\n");
    CHECK(unclosed.metadata.title.empty());
    CHECK(articleText(unclosed.blocks) == "title: x\n");
    CHECK_FALSE(readFrontMatter("--- \ntitle: x\n").present);
    CHECK(readFrontMatter("---\ntitle: x\n---\n").bodyFirstLine == 4);
    CHECK(extract("").blocks.empty());
}

TEST_CASE("markdown: a UTF-8 BOM is skipped; invalid UTF-8 is an error with its place") {
    const ExtractedArticle bom = extract("\xEF\xBB\xBF---\ntitle: Café\n---\nNaïve text.\n");
    CHECK(bom.metadata.title == "Café");
    CHECK(articleText(bom.blocks) == "Naïve text.\n");

    auto bad = extractMarkdown("# Title\n\nCaf\xC3\xA9 na\xEFve\n", "notes/article.md");
    REQUIRE_FALSE(bad.ok());
    REQUIRE(bad.errors().size() == 1);
    CHECK(bad.errors()[0].file == "notes/article.md");
    CHECK(bad.errors()[0].location == "line 3, column 8");
    CHECK(bad.errors()[0].message.find("not UTF-8") == 0);

    auto nul = extractMarkdown(std::string_view("a\0b", 3), "x.md");
    REQUIRE_FALSE(nul.ok());
    CHECK(nul.errors()[0].location == "line 1, column 2");
}
