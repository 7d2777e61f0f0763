// bench_intake.cpp — article intake: each extractor on a generated article, extract +
// articleText, the figures in seconds.
//
// Prints `name: value` lines and `target <name> <= <limit>: met|missed`:
//   intake_pdf_s   a 300-page PDF of ordinary article text (tests/unit/intake/pdf_writer.h:
//                  44 lines a page, a running header and page number, a heading every 5 pages)
//   intake_docx_s  a DOCX of about the same text (6,600 paragraphs, headings, a table)
//   intake_html_s  a 5 MB news page: navigation, a cookie banner, 5,000 paragraphs with links
//                  and emphasis, a related-stories sidebar, 300 comments, inline scripts and
//                  styles, a footer (all of it through gumbo, the body search and the blocks)
// Targets: intake_html_s <= 1, intake_pdf_s <= 5, intake_docx_s <= 1 (Release build). Not a test; it aborts when
// an extractor refuses its input.
#include "../unit/intake/pdf_writer.h"

#include "core/intake/article_text.h"
#include "core/intake/docx/docx_extract.h"
#include "core/intake/html/html_extract.h"
#include "core/intake/pdf/pdf_extract.h"
#include "bench_support.h"

#include <zip.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace claimmark;
using namespace claimmark::intake;

namespace {

const char* const kWords[] = {"curcumin", "the",   "trial", "patients", "reported", "less",     "pain",
                              "after",    "weeks", "of",    "and",      "evidence", "suggests", "that",
                              "in",       "a",     "small", "group",    "placebo",  "compared", "effect"};

std::string sentenceLine(unsigned& seed, std::size_t words) {
    std::string line;
    for (std::size_t i = 0; i < words; ++i) {
        seed = seed * 1103515245u + 12345u;
        if (i) line += ' ';
        line += kWords[(seed >> 16) % (sizeof kWords / sizeof kWords[0])];
    }
    return line;
}

std::string makePdf(int pageCount) {
    std::vector<testpdf::PdfPage> pages(static_cast<std::size_t>(pageCount));
    unsigned seed = 7;
    for (int p = 0; p < pageCount; ++p) {
        testpdf::PdfPage& page = pages[std::size_t(p)];
        page.texts.push_back({72, 760, 8, "Journal of Benchmarks, vol. 3, page " + std::to_string(p + 1)});
        page.texts.push_back({300, 40, 9, std::to_string(p + 1)});
        double y = 720;
        if (p % 5 == 0) page.texts.push_back({72, y, 14, "Section " + std::to_string(p / 5 + 1)}), y -= 24;
        for (int l = 0; y > 80; ++l, y -= 12) {
            bool last = l % 8 == 7;
            std::string text = sentenceLine(seed, last ? 6 : 14) + (last ? "." : "");
            page.texts.push_back({l % 8 == 0 ? 86.0 : 72.0, y, 10, text});
        }
    }
    testpdf::PdfOptions options;
    options.title = "Benchmark article";
    options.author = "Bench Writer";
    return testpdf::writePdf(pages, options);
}

std::string makeDocx(int paragraphs) {
    std::string body;
    unsigned seed = 11;
    for (int i = 0; i < paragraphs; ++i) {
        if (i % 50 == 0)
            body += "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Section " + std::to_string(i / 50) +
                    "</w:t></w:r></w:p>";
        body += "<w:p><w:r><w:t xml:space=\"preserve\">" + sentenceLine(seed, 40) +
                "</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>.</w:t></w:r></w:p>";
        if (i % 500 == 0)
            body +=
                "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>dose</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>effect"
                "</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
    }
    std::string document =
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:body>" +
        body + "</w:body></w:document>";
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* target = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_source_keep(target);
    zip_t* archive = zip_open_from_source(target, ZIP_TRUNCATE, &error);
    zip_file_add(archive, "word/document.xml", zip_source_buffer(archive, document.data(), document.size(), 0), 0);
    if (zip_close(archive) != 0) std::abort();
    zip_source_open(target);
    zip_source_seek(target, 0, SEEK_END);
    std::string out(std::size_t(zip_source_tell(target)), '\0');
    zip_source_seek(target, 0, SEEK_SET);
    zip_source_read(target, out.data(), out.size());
    zip_source_close(target);
    zip_source_free(target);
    zip_error_fini(&error);
    return out;
}

std::string makeHtml(std::size_t targetBytes) {
    unsigned seed = 5;
    std::string page =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Curcumin trial | Bench News"
        "</title><meta property=\"og:site_name\" content=\"Bench News\"><meta name=\"author\" content=\"B. "
        "Writer\"><link rel=\"canonical\" href=\"https://bench.example.org/curcumin\"><style>" +
        std::string(20000, ' ') + "body{margin:0}</style><script>var config = {" + std::string(200000, ' ') +
        "};</script></head><body><div class=\"cookie-banner\"><p>We use cookies.</p><button>Accept</button>"
        "</div><header><nav><ul>";
    for (int i = 0; i < 60; ++i)
        page += "<li><a href=\"/s" + std::to_string(i) + "\">Section " + std::to_string(i) + "</a></li>";
    page +=
        "</ul></nav></header><main><article><h1>Curcumin and knee pain: a long read</h1>"
        "<p class=\"byline\">By B. Writer</p>";
    const std::size_t articleEnd = targetBytes * 4 / 5;
    for (int i = 0; page.size() < articleEnd; ++i) {
        if (i % 40 == 0) page += "<h2>Part " + std::to_string(i / 40 + 1) + "</h2>";
        page += "<p>" + sentenceLine(seed, 30) + " <a href=\"/ref" + std::to_string(i) + "\">" + sentenceLine(seed, 3) +
                "</a> <em>" + sentenceLine(seed, 4) + "</em> " + sentenceLine(seed, 60) + ".</p>\n";
    }
    page += "</article><aside class=\"related\"><h2>Related</h2><ul>";
    for (int i = 0; i < 200; ++i)
        page += "<li><a href=\"/r" + std::to_string(i) + "\">" + sentenceLine(seed, 8) + "</a></li>";
    page += "</ul></aside><section id=\"comments\" class=\"comments\"><h2>Comments</h2>";
    for (int i = 0; page.size() < targetBytes - 20000; ++i)
        page += "<div class=\"comment\"><p class=\"comment-author\">reader" + std::to_string(i) + "</p><p>" +
                sentenceLine(seed, 40) + "</p></div>\n";
    page += "</section></main><footer><p>Copyright Bench News</p></footer><script>track();" + std::string(10000, ' ') +
            "</script></body></html>";
    return page;
}

Result<ExtractedArticle> extractHtmlBytes(std::string_view bytes, const std::string& name) {
    return extractHtml(HtmlInput{bytes, "", ""}, name);
}

double timeExtraction(Result<ExtractedArticle> (*extract)(std::string_view, const std::string&),
                      const std::string& bytes, const char* name) {
    auto start = bench::Clock::now();
    Result<ExtractedArticle> article = extract(bytes, name);
    if (!article.ok()) {
        std::fprintf(stderr, "%s\n", article.errorText().c_str());
        std::exit(1);
    }
    std::string text = articleText(article->blocks);
    double seconds = bench::secondsSince(start);
    std::printf("%s_bytes_in: %zu\n%s_text_bytes: %zu\n", name, bytes.size(), name, text.size());
    return seconds;
}

void report(const char* name, double seconds, double target) {
    std::printf("%s: %s\n", name, bench::fixed(seconds).c_str());
    std::printf("target %s <= %g: %s\n", name, target, seconds <= target ? "met" : "missed");
}

}  // namespace

int main() {
    std::string pdf = makePdf(300);
    report("intake_pdf_s", timeExtraction(extractPdf, pdf, "intake_pdf"), 5);
    std::string docx = makeDocx(6600);
    report("intake_docx_s", timeExtraction(extractDocx, docx, "intake_docx"), 1);
    std::string html = makeHtml(5u << 20);
    report("intake_html_s", timeExtraction(extractHtmlBytes, html, "intake_html"), 1);
    return 0;
}
