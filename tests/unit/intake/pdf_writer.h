// pdf_writer.h — a minimal PDF writer for the intake tests and the intake benchmark: pages of
// text placed at positions, one Helvetica Type1 base font, an Info dictionary, a correct xref.
//
// Each text is one `BT /F1 size Tf x y Td (text) Tj ET` in the page's content stream (PDF
// coordinates: y from the bottom of a 612 x 792 pt page). Text is Latin-1 / ASCII; '(', ')'
// and '\' are escaped. `encrypted` adds an /Encrypt dictionary (standard handler, revision 2)
// whose user password is not empty, so a reader cannot open the file without one. Included
// by tests/unit/intake/test_pdf_extract.cpp and tests/bench/bench_intake.cpp; header-only.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace claimmark::testpdf {

struct PdfText {
    double x = 72;
    double y = 720;  // baseline, from the bottom of the page
    double size = 10;
    std::string text;
};

struct PdfPage {
    std::vector<PdfText> texts;
};

struct PdfOptions {
    std::string title;
    std::string author;
    bool encrypted = false;
};

inline std::string pdfString(const std::string& text) {
    std::string out = "(";
    for (char c : text) {
        if (c == '(' || c == ')' || c == '\\') out += '\\';
        out += c;
    }
    return out + ")";
}

inline std::string writePdf(const std::vector<PdfPage>& pages, const PdfOptions& options = {}) {
    // Objects: 1 catalog, 2 page tree, 3 font, 4 info, 5 encrypt (always reserved), then for
    // each page i: 6 + 2i the page, 7 + 2i its content stream.
    std::vector<std::string> objects;
    std::string kids;
    for (std::size_t i = 0; i < pages.size(); ++i) kids += std::to_string(6 + 2 * i) + " 0 R ";
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    std::string info = "<< /Producer (claimmark tests)";
    if (!options.title.empty()) info += " /Title " + pdfString(options.title);
    if (!options.author.empty()) info += " /Author " + pdfString(options.author);
    objects.push_back(info + " >>");
    objects.push_back("<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <" + std::string(64, 'A') + "> /U <" +
                      std::string(64, 'B') + "> >>");
    for (std::size_t i = 0; i < pages.size(); ++i) {
        std::string content;
        char number[128];
        for (const PdfText& text : pages[i].texts) {
            std::snprintf(number, sizeof number, "BT /F1 %.2f Tf %.2f %.2f Td ", text.size, text.x, text.y);
            content += number + pdfString(text.text) + " Tj ET\n";
        }
        objects.push_back(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> "
            ">> /Contents " +
            std::to_string(7 + 2 * i) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream");
    }
    std::string out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    char entry[32];
    for (std::size_t offset : offsets) {
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        out += entry;
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R /Info 4 0 R";
    if (options.encrypted)
        out += " /Encrypt 5 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]";
    out += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
}

}  // namespace claimmark::testpdf
