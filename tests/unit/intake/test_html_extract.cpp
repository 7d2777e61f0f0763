// test_html_extract.cpp — the HTML extractor: the article body chosen over navigation,
// footer, aside, cookie banner and comments; blocks (<br>, headings, lists, tables);
// entities; metadata from <title>, OpenGraph, JSON-LD (@graph, author forms), canonical
// URLs; charsets (meta, HTTP, BOM, undeclared); the errors; deep nesting.
#include "core/intake/article_text.h"
#include "core/intake/html/html_extract.h"

#include <doctest/doctest.h>

#include <string>

using namespace claimmark;
using namespace claimmark::intake;

namespace {

Result<ExtractedArticle> extract(std::string_view html, std::string http = "", std::string base = "") {
    HtmlInput input;
    input.bytes = html;
    input.httpCharset = std::move(http);
    input.baseUrl = std::move(base);
    return extractHtml(input, "page.html");
}

std::string textOf(std::string_view html) {
    const auto article = extract(html);
    REQUIRE_MESSAGE(article.ok(), article.errorText());
    return articleText(article->blocks);
}

std::string utf8Of(std::string_view bytes, std::string http = "") {
    HtmlInput input;
    input.bytes = bytes;
    input.httpCharset = std::move(http);
    const auto result = htmlToUtf8(input, "page.html");
    REQUIRE_MESSAGE(result.ok(), result.errorText());
    return *result;
}

const char* const kArticleParagraphs =
    "<p>The trial enrolled 240 adults with knee pain, and half of them took the extract daily.</p>\n"
    "<p>After twelve weeks, pain scores fell by a similar amount in both groups, the authors said.</p>\n"
    "<p>Larger studies, with longer follow-up, are needed before any recommendation can be made.</p>\n";

}  // namespace

TEST_CASE("html: the article body is chosen over navigation, footer, aside, cookie banner and comments") {
    const std::string page = std::string(
                                 "<!doctype html><html><head><title>Turmeric trial</title></head><body>"
                                 "<header><a href='/'>Health Site</a></header>"
                                 "<nav><ul><li><a href='/a'>Home</a></li><li><a href='/b'>News</a></li></ul></nav>"
                                 "<div class='cookie-banner'>We use cookies to improve your experience.</div>"
                                 "<div class='content'><h1>Turmeric and joint pain</h1>") +
                             kArticleParagraphs +
                             "</div>"
                             "<aside><p>Most read: ten foods that heal, and other stories, for you.</p></aside>"
                             "<div id='comments'><p>Great article, thanks, really useful, loved it.</p></div>"
                             "<footer><p>Copyright 2026, Health Site, all rights reserved.</p></footer>"
                             "<script>var x = 'script text';</script></body></html>";
    CHECK(textOf(page) ==
          "Turmeric and joint pain\n\n"
          "The trial enrolled 240 adults with knee pain, and half of them took the extract daily.\n\n"
          "After twelve weeks, pain scores fell by a similar amount in both groups, the authors said.\n\n"
          "Larger studies, with longer follow-up, are needed before any recommendation can be made.\n");
}

TEST_CASE("html: <article> is preferred, hidden elements and <style>/<noscript>/<template> are dropped") {
    const std::string page = std::string(
                                 "<html><body><div class='teasers'><p>Another story, short, and, more.</p></div>"
                                 "<article><h2>Results</h2>") +
                             kArticleParagraphs +
                             "<p hidden>hidden paragraph</p><p aria-hidden='true'>aria hidden</p>"
                             "<p style='display: none'>not displayed</p><style>p{}</style>"
                             "<noscript>enable JavaScript</noscript><template><p>template</p></template>"
                             "<svg><text>svg text</text></svg></article></body></html>";
    const std::string text = textOf(page);
    CHECK(text.starts_with("Results\n\nThe trial enrolled"));
    for (const char* gone : {"hidden", "displayed", "JavaScript", "template", "svg", "Another story"})
        CHECK_MESSAGE(text.find(gone) == std::string::npos, gone);
}

TEST_CASE("html: on a page of several stories, the <article> headed by the page title is the article") {
    // A feed that loads the next stories below the first: the longest one is not the page's.
    const auto story = [](const char* heading, const char* words, int paragraphs) {
        std::string html = std::string("<article class='entry'><h1>") + heading + "</h1>";
        for (int i = 0; i < paragraphs; ++i)
            html += std::string("<p>") + words + " paragraph " + std::to_string(i) +
                    ", told at some length, with commas, so that it reads like text.</p>";
        return html + "</article>";
    };
    const std::string page =
        "<html><head><meta property='og:title' content='Vehicles blessed on Saturday'></head>"
        "<body><div class='feed'>" +
        story("Vehicles blessed on Saturday", "Blessing", 4) + story("Council votes on the new budget", "Budget", 12) +
        "</div></body></html>";
    const std::string text = textOf(page);
    CHECK(text.starts_with("Vehicles blessed on Saturday\n\nBlessing paragraph 0,"));
    CHECK(text.find("Blessing paragraph 3,") != std::string::npos);
    CHECK(text.find("Budget") == std::string::npos);

    // One story on the page: its title changes nothing (the whole body is still chosen).
    const std::string single = "<html><head><title>Council votes on the new budget</title></head><body>" +
                               story("Council votes on the new budget", "Budget", 6) + "</body></html>";
    CHECK(textOf(single).find("Budget paragraph 5,") != std::string::npos);
}

TEST_CASE("html: ruby annotations (furigana) are left out; share widgets and tables of contents are dropped") {
    const std::string page = std::string(
                                 "<html><body><article>"
                                 "<p><ruby>\xE6\xB3\x95\xE5\xBE\x8B<rp>(</rp><rt>\xE3\x81\xBB\xE3\x81\x86"
                                 "\xE3\x82\x8A\xE3\x81\xA4</rt><rp>)</rp></ruby>"
                                 "\xE3\x81\x8C\xE3\x81\xA7\xE3\x81\x8D\xE3\x81\xBE\xE3\x81\x97\xE3\x81\x9F"
                                 "\xE3\x80\x82</p>"
                                 "<div id='ez-toc-container'><p class='toc-title'>Contents of this page</p></div>") +
                             kArticleParagraphs +
                             "<div class='shareblock'><ul><li>Share this article</li></ul></div>"
                             "</article></body></html>";
    const std::string text = textOf(page);
    // 法律ができました。 without the reading ほうりつ and its fallback parentheses.
    CHECK(
        text.starts_with("\xE6\xB3\x95\xE5\xBE\x8B\xE3\x81\x8C\xE3\x81\xA7\xE3\x81\x8D\xE3\x81\xBE"
                         "\xE3\x81\x97\xE3\x81\x9F\xE3\x80\x82\n\nThe trial enrolled"));
    CHECK(text.find("Contents of this page") == std::string::npos);
    CHECK(text.find("Share this article") == std::string::npos);
}

TEST_CASE("html: <br> is a line break inside a block, inline markup joins with its spaces, entities decode") {
    const auto article = extract(
        "<html><body><article><p>First line<br>second <b>bold</b> <i>italic</i>, "
        "to<em>gether</em> &amp; &eacute;t&eacute; &#8212; &nbsp;end of a long enough paragraph here.</p>"
        "<div>A div of text, which is a block, with commas, and more text to be a paragraph.</div></article>"
        "</body></html>");
    REQUIRE(article.ok());
    REQUIRE(article->blocks.size() == 2);
    CHECK(article->blocks[0].kind == BlockKind::Paragraph);
    CHECK(articleText(article->blocks) ==
          "First line\nsecond bold italic, together & \xC3\xA9t\xC3\xA9 \xE2\x80\x94 end of a long enough paragraph "
          "here.\n\n"
          "A div of text, which is a block, with commas, and more text to be a paragraph.\n");
}

TEST_CASE("html: headings with their level, nested lists, tables as rows") {
    const auto article = extract(
        "<html><body><article><h1>Title</h1><h3>Sub</h3>"
        "<p>An introduction of some length, with commas, so that this is the article.</p>"
        "<ul><li>one</li><li>two<ul><li>two a</li></ul></li></ul>"
        "<table><tr><th>Dose</th><th>Effect</th></tr><tr><td>1 g</td><td>none</td></tr></table>"
        "</article></body></html>");
    REQUIRE(article.ok());
    const auto& b = article->blocks;
    REQUIRE(b.size() == 8);
    CHECK((b[0].kind == BlockKind::Heading && b[0].level == 1 && b[0].text == "Title"));
    CHECK((b[1].kind == BlockKind::Heading && b[1].level == 3));
    CHECK((b[3].kind == BlockKind::ListItem && b[3].level == 0 && b[3].text == "one"));
    CHECK((b[4].kind == BlockKind::ListItem && b[4].level == 0 && b[4].text == "two"));
    CHECK((b[5].kind == BlockKind::ListItem && b[5].level == 1 && b[5].text == "two a"));
    CHECK((b[6].kind == BlockKind::TableRow && b[6].text == "Dose\tEffect"));
    CHECK((b[7].kind == BlockKind::TableRow && b[7].text == "1 g\tnone"));
    CHECK(articleText(b) ==
          "Title\n\nSub\n\nAn introduction of some length, with commas, so that this is the article.\n\n"
          "- one\n- two\n  - two a\n\nDose | Effect\n1 g | none\n");
}

TEST_CASE("html: metadata from <title>, OpenGraph, meta tags, canonical (relative, resolved)") {
    const auto article = extract(std::string("<html lang='de-AT'><head><title>Kurkuma hilft nicht | Gesund</title>"
                                             "<meta property='og:site_name' content='Gesund'>"
                                             "<meta name='author' content='Anna Berger'>"
                                             "<meta property='article:published_time' content='2026-03-04T10:00:00Z'>"
                                             "<link rel='canonical' href='../artikel/kurkuma?x=1'>"
                                             "</head><body><article>") +
                                     kArticleParagraphs + "</article></body></html>",
                                 "", "https://example.org/news/2026/page.html");
    REQUIRE(article.ok());
    const SourceMetadata& m = article->metadata;
    CHECK(m.title == "Kurkuma hilft nicht");
    CHECK(m.publisher == "Gesund");
    CHECK(m.author == "Anna Berger");
    CHECK(m.published == "2026-03-04T10:00:00Z");
    CHECK(m.url == "https://example.org/news/artikel/kurkuma?x=1");
    CHECK(m.language == "de-AT");
}

TEST_CASE("html: a title suffix that is not the site name stays; og:title wins over <title>") {
    auto article = extract(std::string("<html><head><title>Kurkuma - ein Mythos</title></head><body><article>") +
                           kArticleParagraphs + "</article></body></html>");
    REQUIRE(article.ok());
    CHECK(article->metadata.title == "Kurkuma - ein Mythos");
    article = extract(std::string("<html><head><title>Page</title><meta property='og:title' content='The OG title'>"
                                  "<meta property='og:url' content='/og/url'></head><body><article>") +
                          kArticleParagraphs + "</article></body></html>",
                      "", "https://example.org/a/b");
    REQUIRE(article.ok());
    CHECK(article->metadata.title == "The OG title");
    CHECK(article->metadata.url == "https://example.org/og/url");
}

TEST_CASE("html: JSON-LD with @graph, author as an @id reference, array, object and string") {
    const std::string body = std::string("<body><article>") + kArticleParagraphs + "</article></body></html>";
    auto article = extract(
        "<html><head><title>T</title><script type='application/ld+json'>"
        "{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Site\"},"
        "{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Jo Smith\"},"
        "{\"@type\":\"NewsArticle\",\"headline\":\"The headline\",\"author\":{\"@id\":\"#p1\"},"
        "\"datePublished\":\"2025-12-01\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Daily\"}}]}"
        "</script></head>" +
        body);
    REQUIRE(article.ok());
    CHECK(article->metadata.title == "The headline");
    CHECK(article->metadata.author == "Jo Smith");
    CHECK(article->metadata.published == "2025-12-01");
    CHECK(article->metadata.publisher == "The Daily");

    article = extract(
        "<html><head><script type='application/ld+json'>[{\"@type\":\"BreadcrumbList\"},"
        "{\"@type\":[\"BlogPosting\"],\"author\":[{\"name\":\"A One\"},\"B Two\"]}]</script>"
        "<script type='application/ld+json'>{ not json </script></head>" +
        body);
    REQUIRE(article.ok());
    CHECK(article->metadata.author == "A One, B Two");

    article = extract(
        "<html><head><script type='application/ld+json'>{\"@type\":\"Article\",\"author\":\"C Three\"}"
        "</script></head>" +
        body);
    REQUIRE(article.ok());
    CHECK(article->metadata.author == "C Three");
}

TEST_CASE("html: rel=author and <time datetime> when nothing else says") {
    const auto article = extract(std::string("<html><body><article><header><h1>Head</h1>"
                                             "<time datetime='2024-02-29'>29 Feb</time> by "
                                             "<a rel='author' href='/jo'>Jo Doe</a></header>") +
                                 kArticleParagraphs + "</article></body></html>");
    REQUIRE(article.ok());
    CHECK(article->metadata.author == "Jo Doe");
    CHECK(article->metadata.published == "2024-02-29");
}

TEST_CASE("html: JSON-LD articleBody when the page has no text in its DOM") {
    const auto article = extract(
        "<html><head><script type='application/ld+json'>"
        "{\"@type\":\"NewsArticle\",\"articleBody\":\"First paragraph.\\nSecond one.\"}"
        "</script></head><body><div id='app'></div></body></html>");
    REQUIRE(article.ok());
    CHECK(articleText(article->blocks) == "First paragraph.\n\nSecond one.\n");
}

TEST_CASE("html: charsets") {
    SUBCASE("meta charset windows-1252") {
        CHECK(utf8Of("<html><head><meta charset=\"windows-1252\"></head><body>caf\xE9 \x93q\x94</body></html>")
                  .find("caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D") != std::string::npos);
    }
    SUBCASE("iso-8859-1 in http-equiv is read as windows-1252") {
        CHECK(utf8Of("<html><head><meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>"
                     "</head><body>na\xEFve \x80</body></html>")
                  .find("na\xC3\xAFve \xE2\x82\xAC") != std::string::npos);
    }
    SUBCASE("the HTTP charset overrides <meta>") {
        CHECK(utf8Of("<meta charset='utf-8'><p>\xE9t\xE9</p>", "ISO-8859-1").find("\xC3\xA9t\xC3\xA9") !=
              std::string::npos);
    }
    SUBCASE("a BOM overrides both") {
        CHECK(utf8Of("\xEF\xBB\xBF<meta charset='windows-1252'><p>\xC3\xA9</p>", "iso-8859-2") ==
              "<meta charset='windows-1252'><p>\xC3\xA9</p>");
        CHECK(utf8Of(std::string("\xFF\xFE<\0p\0>\0\xE9\0<\0", 12)) == "<p>\xC3\xA9<");
        CHECK(utf8Of(std::string("\xFE\xFF\0<\0p\0>\0\xE9\0<", 12)) == "<p>\xC3\xA9<");
    }
    SUBCASE("undeclared: UTF-8 when valid, else an error naming the page") {
        CHECK(utf8Of("<p>\xC3\xA9t\xC3\xA9</p>") == "<p>\xC3\xA9t\xC3\xA9</p>");
        HtmlInput input;
        input.bytes = "<p>\xE9t\xE9</p>";
        const auto result = htmlToUtf8(input, "bad.html");
        REQUIRE_FALSE(result.ok());
        CHECK(result.errors()[0].file == "bad.html");
        CHECK(result.errors()[0].message.find("not UTF-8 and no charset is declared") != std::string::npos);
        CHECK_FALSE(extractHtml(input, "bad.html").ok());
    }
    SUBCASE("the text of a windows-1252 page") {
        const auto article = extract(std::string("<html><head><meta charset=windows-1252></head><body><article>"
                                                 "<p>Gr\xFC\xDF Gott, sagte er, und ging.</p>") +
                                     kArticleParagraphs + "</article></body></html>");
        REQUIRE(article.ok());
        CHECK(articleText(article->blocks).starts_with("Gr\xC3\xBC\xC3\x9F Gott, sagte er, und ging.\n\n"));
    }
}

TEST_CASE("html: a page with no article text is an error") {
    const auto article = extract(
        "<html><head><title>Empty</title></head><body><nav><a href='/'>Home</a></nav>"
        "<script>document.write('x')</script></body></html>");
    REQUIRE_FALSE(article.ok());
    CHECK(article.errors()[0].file == "page.html");
    CHECK(article.errors()[0].message == "no article text found");
    CHECK_FALSE(extract("").ok());
}

TEST_CASE("html: 100,000 nested divs and binary bytes do not crash") {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<div>";
    deep += "Deep text, at the bottom of it all, with commas, and words.";
    for (int i = 0; i < 100000; ++i) deep += "</div>";
    const auto article = extract(deep);
    REQUIRE(article.ok());
    CHECK(articleText(article->blocks) == "Deep text, at the bottom of it all, with commas, and words.\n");

    std::string binary;
    for (int i = 0; i < 20000; ++i) binary += static_cast<char>((i * 7919) % 256);
    (void)extract(binary, "windows-1252");
    std::string lists;
    for (int i = 0; i < 5000; ++i) lists += "<ul><li><table><tr><td><b><i><a>";
    (void)extract(lists + "text");
}
