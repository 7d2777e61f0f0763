// pdf_extract.cpp — extractPdf (pdf_extract.h): the checks, poppler, and the steps of
// pdf_lines.cpp and pdf_paragraphs.cpp.
//
// [SECTION] Checks    "%PDF-" in the first 1024 bytes, "%%EOF" in the last 2048 (a file cut
//                     short is refused rather than read in part), then poppler must load it;
//                     a PDF that needs a password is refused (one encrypted with an empty user
//                     password, for its permissions only, opens and is read); no text at all is
//                     refused as a scan (claimmark does no OCR)
// [SECTION] Words     poppler's text boxes per page (rotated text, such as a margin stamp, is
//                     left out); ligatures (U+FB00-FB06) spelt out, a soft hyphen or U+2010 at
//                     a word's end read as '-'
// [SECTION] Metadata  Title and Author from the document information dictionary; a title
//                     that is a file name ("Microsoft Word - x.docx", "paper.pdf") is left out
#include "core/intake/pdf/pdf_extract.h"

#include "core/intake/pdf/pdf_detail.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <memory>
#include <mutex>

namespace claimmark::intake {

namespace {

// Poppler reports what it repairs on stderr; claimmark says what matters itself.
void ignorePopplerMessage(const std::string&, void*) {}

void silencePoppler() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(ignorePopplerMessage, nullptr); });
}

std::string utf8(const poppler::ustring& text) {
    poppler::byte_array bytes = text.to_utf8();
    std::string out(bytes.begin(), bytes.end());
    while (!out.empty() && out.back() == '\0') out.pop_back();
    return out;
}

std::string trimmed(std::string text) {
    std::size_t from = text.find_first_not_of(" \t\r\n");
    if (from == std::string::npos) return {};
    std::size_t to = text.find_last_not_of(" \t\r\n");
    return text.substr(from, to - from + 1);
}

// --- [SECTION] Words ---------------------------------------------------------------------

std::string cleanWord(std::string text) {
    static const char* const ligatures[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        // U+FB00..U+FB06 are EF AC 80..86 in UTF-8.
        if (i + 2 < text.size() + 0 && text[i] == '\xef' && text[i + 1] == '\xac' &&
            static_cast<unsigned char>(text[i + 2]) >= 0x80 && static_cast<unsigned char>(text[i + 2]) <= 0x86) {
            out += ligatures[static_cast<unsigned char>(text[i + 2]) - 0x80];
            i += 2;
            continue;
        }
        out += text[i];
    }
    for (const char* hyphen : {"\xc2\xad", "\xe2\x80\x90"}) {
        std::size_t n = std::char_traits<char>::length(hyphen);
        if (out.size() > n && out.compare(out.size() - n, n, hyphen) == 0) out.replace(out.size() - n, n, "-");
    }
    return out;
}

pdf::PageWords pageWords(const poppler::page& page) {
    pdf::PageWords result;
    poppler::rectf rect = page.page_rect();
    result.width = rect.width() > 0 ? rect.width() : 612;
    result.height = rect.height() > 0 ? rect.height() : 792;
    for (const poppler::text_box& box : page.text_list(poppler::page::text_list_include_font)) {
        if (box.rotation() != 0) continue;
        pdf::Word word;
        word.text = cleanWord(utf8(box.text()));
        if (trimmed(word.text).empty()) continue;
        poppler::rectf bbox = box.bbox();
        word.x0 = bbox.left(), word.x1 = bbox.right(), word.y0 = bbox.top(), word.y1 = bbox.bottom();
        word.fontSize = box.has_font_info() ? box.get_font_size() : bbox.height();
        if (word.fontSize <= 0) word.fontSize = std::max(1.0, bbox.height());
        word.spaceAfter = box.has_space_after();
        result.words.push_back(std::move(word));
    }
    return result;
}

// --- [SECTION] Metadata ------------------------------------------------------------------

bool looksLikeFileName(const std::string& title) {
    std::string lower = pdf::utf8Lower(title);
    if (lower.rfind("microsoft word - ", 0) == 0) return true;
    for (const char* extension : {".doc", ".docx", ".pdf", ".tex", ".dvi", ".odt", ".rtf", ".indd", ".qxd"}) {
        std::size_t n = std::char_traits<char>::length(extension);
        if (lower.size() > n && lower.compare(lower.size() - n, n, extension) == 0) return true;
    }
    return false;
}

}  // namespace

// --- [SECTION] Checks --------------------------------------------------------------------

Result<ExtractedArticle> extractPdf(std::string_view bytes, const std::string& sourceName) {
    auto error = [&](std::string message) { return Diagnostic{sourceName, "", std::move(message)}; };
    if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos)
        return error("not a readable PDF (it does not start with a %PDF- header: not a PDF file)");
    if (bytes.size() > std::size_t(INT_MAX)) return error("the PDF is too large to read (over 2 GiB)");
    std::string_view tail = bytes.substr(bytes.size() > 2048 ? bytes.size() - 2048 : 0);
    if (tail.find("%%EOF") == std::string_view::npos)
        return error("not a readable PDF (truncated or damaged: it does not end with %%EOF)");

    silencePoppler();
    std::unique_ptr<poppler::document> document(poppler::document::load_from_raw_data(bytes.data(), int(bytes.size())));
    if (!document) return error("not a readable PDF (truncated or damaged)");
    if (document->is_locked()) return error("the PDF is encrypted (it needs a password to open)");
    int pageCount = document->pages();
    if (pageCount <= 0) return error("the PDF has no pages");

    std::vector<pdf::PageWords> words;
    words.reserve(std::size_t(pageCount));
    std::size_t wordCount = 0;
    for (int i = 0; i < pageCount; ++i) {
        std::unique_ptr<poppler::page> page(document->create_page(i));
        words.push_back(page ? pageWords(*page) : pdf::PageWords{});
        wordCount += words.back().words.size();
    }
    if (wordCount == 0) return error("the PDF has no text layer (scanned pages? claimmark does no OCR)");

    ExtractedArticle article;
    std::vector<std::vector<pdf::Line>> pageLines;
    pageLines.reserve(words.size());
    std::size_t columnPages = 0, emptyPages = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        pageLines.push_back(pdf::pageLines(words[i], int(i)));
        bool columns = false;
        for (const pdf::Line& line : pageLines.back()) columns = columns || line.column != 0;
        columnPages += columns ? 1 : 0;
        emptyPages += words[i].words.empty() ? 1 : 0;
    }
    std::size_t dropped = pdf::dropRunningLines(pageLines, words);
    std::vector<pdf::Line> lines;
    for (std::vector<pdf::Line>& page : pageLines)
        for (pdf::Line& line : page) lines.push_back(std::move(line));
    article.blocks = pdf::linesToBlocks(lines);

    article.metadata.title = trimmed(utf8(document->info_key("Title")));
    if (looksLikeFileName(article.metadata.title)) {
        article.notes.push_back("the PDF's title \"" + article.metadata.title + "\" is a file name; left out");
        article.metadata.title.clear();
    }
    article.metadata.author = trimmed(utf8(document->info_key("Author")));

    if (columnPages > 0) article.notes.push_back(std::to_string(columnPages) + " page(s) read as two columns");
    if (dropped > 0)
        article.notes.push_back(std::to_string(dropped) + " running header, footer or page number line(s) dropped");
    if (emptyPages > 0) article.notes.push_back(std::to_string(emptyPages) + " page(s) without text (images only?)");
    return article;
}

}  // namespace claimmark::intake
