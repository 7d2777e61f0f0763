// test_docx_extract.cpp — extractDocx and extractOdt on archives built here with libzip:
// headings, paragraphs, lists, tables, line breaks, tracked changes, metadata, and the
// refusals (not a zip, no document part, a zip bomb, malformed XML).
#include "core/intake/article_text.h"
#include "core/intake/docx/docx_extract.h"

#include "intake/zip_writer.h"

#include <doctest/doctest.h>

#include <utility>

using namespace claimmark;
using namespace claimmark::intake;
using claimmark::testzip::makeZip;

namespace {

const char* const kW = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string documentXml(const std::string& body) {
    return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document ") + kW + "><w:body>" + body +
           "</w:body></w:document>";
}

std::string para(const std::string& runs, const std::string& pPr = "") {
    return "<w:p>" + (pPr.empty() ? "" : "<w:pPr>" + pPr + "</w:pPr>") + runs + "</w:p>";
}
std::string run(const std::string& text) { return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>"; }

std::string errorOf(const Result<ExtractedArticle>& result) {
    REQUIRE_FALSE(result.ok());
    return result.errors()[0].toString();
}

}  // namespace

TEST_CASE("docx: headings from styles, paragraphs, lists, tables, breaks, tracked changes and core.xml") {
    std::string styles = std::string("<w:styles ") + kW +
                         "><w:style w:styleId=\"Berschrift2\"><w:name w:val=\"heading 2\"/></w:style>"
                         "<w:style w:styleId=\"MySection\"><w:name w:val=\"My Section\"/><w:basedOn "
                         "w:val=\"Berschrift2\"/></w:style></w:styles>";
    std::string body =
        para(run("Turmeric and Joints"), "<w:pStyle w:val=\"Title\"/>") +
        para(run("Curcumin") + "<w:r><w:tab/></w:r>" + run("is studied.") +
             "<w:del><w:r><w:delText>Never.</w:delText></w:r></w:del><w:ins><w:r><w:t> Often.</w:t></w:r></w:ins>") +
        para(run("Background"), "<w:pStyle w:val=\"Berschrift2\"/>") +
        para(run("Methods"), "<w:pStyle w:val=\"MySection\"/>") + para(run("Outlined"), "<w:outlineLvl w:val=\"2\"/>") +
        para(run("first line") + "<w:r><w:br/></w:r>" + run("second line")) +
        para(run("one"), "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>") +
        para(run("two"), "<w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr>") + "<w:tbl><w:tr><w:tc>" +
        para(run("Dose")) + "</w:tc><w:tc>" + para(run("Effect")) + "</w:tc></w:tr><w:tr><w:tc>" + para(run("500 mg")) +
        "</w:tc><w:tc>" + para(run("small")) + "<w:tbl><w:tr><w:tc>" + para(run("nested")) +
        "</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>" +
        para(run("The end &amp; more.") + "<w:r><w:instrText> HYPERLINK x </w:instrText></w:r>");
    std::string core =
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\">"
        "<dc:title>Turmeric</dc:title><dc:creator>Ann Writer</dc:creator>"
        "<dcterms:created>2025-01-01T00:00:00Z</dcterms:created></cp:coreProperties>";
    std::string docx =
        makeZip({{"word/document.xml", documentXml(body)}, {"word/styles.xml", styles}, {"docProps/core.xml", core}});
    Result<ExtractedArticle> article = extractDocx(docx, "a.docx");
    REQUIRE_MESSAGE(article.ok(), article.errorText());
    CHECK(article->metadata.title == "Turmeric");
    CHECK(article->metadata.author == "Ann Writer");
    CHECK(article->metadata.published.empty());
    REQUIRE(article->blocks.size() == 11);
    CHECK(article->blocks[0].kind == BlockKind::Heading);
    CHECK(article->blocks[0].level == 1);
    CHECK(article->blocks[2].level == 2);
    CHECK(article->blocks[3].level == 2);
    CHECK(article->blocks[4].level == 3);
    CHECK(article->blocks[5].text == "first line\nsecond line");
    CHECK(article->blocks[7].kind == BlockKind::ListItem);
    CHECK(article->blocks[7].level == 1);
    CHECK(article->blocks[9].text == "500 mg\tsmall nested");
    CHECK(articleText(article->blocks) ==
          "Turmeric and Joints\n\nCurcumin is studied. Often.\n\nBackground\n\nMethods\n\nOutlined\n\n"
          "first line\nsecond line\n\n- one\n  - two\n\nDose | Effect\n500 mg | small nested\n\nThe end & more.\n");
}

TEST_CASE("docx: not a zip, no document part, malformed XML and a zip bomb are refused") {
    CHECK(errorOf(extractDocx("plain text", "x.docx")).find("x.docx: not a zip archive") == 0);
    CHECK(errorOf(extractDocx(makeZip({{"other.xml", "<a/>"}}), "x.docx")).find("no word/document.xml") !=
          std::string::npos);
    std::string bad = errorOf(extractDocx(makeZip({{"word/document.xml", "<w:document><w:body>"}}), "x.docx"));
    CHECK(bad.find("x.docx: word/document.xml, line 1") == 0);
    CHECK(bad.find("malformed XML") != std::string::npos);
    std::string dtd = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaa\">]><w:document " + std::string(kW) +
                      "><w:body>" + para(run("&a;")) + "</w:body></w:document>";
    CHECK(errorOf(extractDocx(makeZip({{"word/document.xml", dtd}}), "x.docx")).find("DTD") != std::string::npos);
    // 64 MiB of spaces in one text run deflate to about 64 KiB: far past 200 times the file.
    std::string huge = documentXml(para(run(std::string(64u << 20, ' '))));
    std::string bomb = makeZip({{"word/document.xml", huge}});
    huge.clear();
    huge.shrink_to_fit();
    CHECK(bomb.size() < (2u << 20));
    CHECK(errorOf(extractDocx(bomb, "bomb.docx")).find("zip bomb") != std::string::npos);
}

TEST_CASE("odt: headings, paragraphs, lists, tables and meta.xml") {
    std::string content =
        "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
        "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"><office:body><office:text>"
        "<text:h text:outline-level=\"1\">Title here</text:h><text:p>Some<text:s text:c=\"3\"/>text<text:line-break/>"
        "next<text:note><text:note-body><text:p>a note</text:p></text:note-body></text:note></text:p>"
        "<text:list><text:list-item><text:p>item</text:p><text:list><text:list-item><text:p>inner</text:p>"
        "</text:list-item></text:list></text:list-item></text:list>"
        "<table:table><table:table-row><table:table-cell><text:p>a</text:p></table:table-cell>"
        "<table:table-cell><text:p>b</text:p></table:table-cell></table:table-row></table:table>"
        "</office:text></office:body></office:document-content>";
    std::string meta =
        "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        "<office:meta><dc:title>ODT title</dc:title><meta:initial-creator>Bo Author</meta:initial-creator>"
        "<dc:creator>Last Editor</dc:creator></office:meta></office:document-meta>";
    Result<ExtractedArticle> article = extractOdt(
        makeZip(
            {{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", content}, {"meta.xml", meta}}),
        "a.odt");
    REQUIRE_MESSAGE(article.ok(), article.errorText());
    CHECK(article->metadata.title == "ODT title");
    CHECK(article->metadata.author == "Bo Author");
    CHECK(articleText(article->blocks) == "Title here\n\nSome text\nnext\n\n- item\n  - inner\n\na | b\n");
    CHECK(errorOf(extractOdt(makeZip({{"mimetype", "x"}}), "b.odt")).find("no content.xml") != std::string::npos);
}
