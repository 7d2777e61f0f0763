// test_pdf_extract.cpp — extractPdf on PDFs written by pdf_writer.h: paragraphs, headings,
// hyphenation, running headers and page numbers, two columns, metadata, and the refusals
// (encrypted, no text layer, truncated, not a PDF).
#include "intake/pdf_writer.h"

#include "core/intake/article_text.h"
#include "core/intake/pdf/pdf_extract.h"

#include <doctest/doctest.h>

using namespace claimmark;
using namespace claimmark::intake;
using claimmark::testpdf::PdfOptions;
using claimmark::testpdf::PdfPage;
using claimmark::testpdf::PdfText;

namespace {

// Body lines at x, from the baseline y down, 12 pt apart, in 10 pt type.
void addLines(PdfPage& page, double x, double y, const std::vector<std::string>& lines, double size = 10) {
    for (const std::string& line : lines) {
        page.texts.push_back({x, y, size, line});
        y -= 1.2 * size;
    }
}

void addRunning(PdfPage& page, int number) {
    page.texts.push_back({72, 760, 8, "Journal of Joint Studies, vol. 12 (2026), page " + std::to_string(number)});
    page.texts.push_back({300, 40, 9, std::to_string(number)});
}

std::string extractedText(const std::string& pdf) {
    Result<ExtractedArticle> article = extractPdf(pdf, "article.pdf");
    REQUIRE_MESSAGE(article.ok(), article.errorText());
    return articleText(article->blocks);
}

}  // namespace

TEST_CASE("pdf: paragraphs, a heading, hyphenation and running headers over three pages") {
    std::vector<PdfPage> pages(3);
    addRunning(pages[0], 1);
    pages[0].texts.push_back({72, 700, 18, "Turmeric and Joint Pain"});
    addLines(pages[0], 72, 670,
             {"Curcumin is the main compound of turmeric, and it is often said to help in the treat-",
              "ment of joint pain in older adults, though the evidence comes from small trials."});
    addLines(pages[0], 72, 634,
             {"The well-known claim that turmeric cures arthritis rests on studies in cells and",
              "in mice, and those results are rarely repeated in people with the disease. The well-",
              "known reviews say as much, and the doses used in cells are far above what a", "meal could give."});
    pages[0].texts.push_back({72, 570, 14, "What the Trials Found"});
    addLines(pages[0], 86, 546,
             {"Trials of curcumin extracts report less pain after eight weeks, compared",
              "with a placebo, in several small groups of patients."});
    addLines(pages[0], 86, 522,
             {"A second paragraph starts with an indent, just as this one does, and it",
              "goes on to the next page without a break in the middle of the"});
    addRunning(pages[1], 2);
    addLines(pages[1], 72, 700,
             {"sentence. Patients with COVID-", "19 were not studied, and non-",
              "English reports were left out of the main review of the trial data."});
    addLines(pages[1], 86, 664, {"The treatment effect was small."});
    addRunning(pages[2], 3);
    addLines(pages[2], 72, 700, {"Further work is needed."});
    PdfOptions options;
    options.title = "Turmeric and Joint Pain";
    options.author = "A. Writer, B. Reviewer";

    Result<ExtractedArticle> article = extractPdf(testpdf::writePdf(pages, options), "article.pdf");
    REQUIRE_MESSAGE(article.ok(), article.errorText());
    CHECK(article->metadata.title == "Turmeric and Joint Pain");
    CHECK(article->metadata.author == "A. Writer, B. Reviewer");
    REQUIRE(article->blocks.size() >= 2);
    CHECK(article->blocks[0].kind == BlockKind::Heading);
    CHECK(article->blocks[0].level == 1);
    CHECK(articleText(article->blocks) ==
          "Turmeric and Joint Pain\n\n"
          "Curcumin is the main compound of turmeric, and it is often said to help in the treatment of joint pain "
          "in older adults, though the evidence comes from small trials.\n\n"
          "The well-known claim that turmeric cures arthritis rests on studies in cells and in mice, and those "
          "results are rarely repeated in people with the disease. The well-known reviews say as much, and the "
          "doses used in cells are far above what a meal could give.\n\n"
          "What the Trials Found\n\n"
          "Trials of curcumin extracts report less pain after eight weeks, compared with a placebo, in several "
          "small groups of patients.\n\n"
          "A second paragraph starts with an indent, just as this one does, and it goes on to the next page "
          "without a break in the middle of the sentence. Patients with COVID-19 were not studied, and "
          "non-English reports were left out of the main review of the trial data.\n\n"
          "The treatment effect was small.\n\n"
          "Further work is needed.\n");
}

TEST_CASE("pdf: a two-column page is read column by column, a title across both first") {
    PdfPage page;
    page.texts.push_back({150, 720, 16, "Two Columns of Evidence"});
    std::vector<std::string> left, right;
    for (int i = 0; i < 12; ++i) left.push_back("left column line " + std::to_string(i) + " of text");
    for (int i = 0; i < 12; ++i) right.push_back("right column line " + std::to_string(i) + " here");
    addLines(page, 72, 690, left);
    addLines(page, 320, 690, right);
    std::string text = extractedText(testpdf::writePdf({page}));
    std::string expected = "Two Columns of Evidence\n\n";
    for (std::size_t i = 0; i < left.size(); ++i) expected += (i ? " " : "") + left[i];
    for (const std::string& line : right) expected += " " + line;
    CHECK(text == expected + "\n");
}

TEST_CASE("pdf: a title that is a file name is left out; no author stays empty") {
    PdfPage page;
    addLines(page, 72, 700, {"Only one line."});
    PdfOptions options;
    options.title = "Microsoft Word - draft3.docx";
    Result<ExtractedArticle> article = extractPdf(testpdf::writePdf({page}, options), "a.pdf");
    REQUIRE(article.ok());
    CHECK(article->metadata.title.empty());
    CHECK(article->metadata.author.empty());
    CHECK(articleText(article->blocks) == "Only one line.\n");
}

TEST_CASE("pdf: encrypted, image-only, truncated and non-PDF files are refused with a reason") {
    PdfPage page;
    addLines(page, 72, 700, {"Some text."});
    PdfOptions encrypted;
    encrypted.encrypted = true;
    auto message = [](const std::string& bytes) {
        Result<ExtractedArticle> article = extractPdf(bytes, "in.pdf");
        REQUIRE_FALSE(article.ok());
        REQUIRE(article.errors().size() == 1);
        CHECK(article.errors()[0].file == "in.pdf");
        return article.errors()[0].message;
    };
    CHECK(message(testpdf::writePdf({page}, encrypted)).find("encrypted") != std::string::npos);
    CHECK(message(testpdf::writePdf({PdfPage{}, PdfPage{}})).find("no text layer") != std::string::npos);
    std::string whole = testpdf::writePdf({page, page});
    CHECK(message(whole.substr(0, whole.size() / 2)).find("truncated") != std::string::npos);
    CHECK(message(whole.substr(0, whole.size() - 8)).find("truncated") != std::string::npos);
    CHECK(message("<html><body>not a pdf</body></html>").find("not a readable PDF") != std::string::npos);
    CHECK(message("").find("not a readable PDF") != std::string::npos);
    // A damaged body with a plausible end: poppler cannot find the objects.
    CHECK(message("%PDF-1.4\ngarbage garbage\n%%EOF\n").find("PDF") != std::string::npos);
}
