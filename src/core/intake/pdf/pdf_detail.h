// pdf_detail.h — what the PDF extractor's files share (private to src/core/intake/pdf).
//
// [SECTION] Words and lines   a page's words as poppler places them (top-down coordinates,
//                             points), and the lines they make
// [SECTION] Steps             pdf_lines.cpp: words → lines in reading order, running headers
//                             and footers dropped; pdf_paragraphs.cpp: lines → blocks
#pragma once

#include "core/intake/extracted_article.h"

#include <string>
#include <vector>

namespace claimmark::intake::pdf {

// --- [SECTION] Words and lines -----------------------------------------------------------

struct Word {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // y0 is the top, y1 the bottom (y grows downwards)
    double fontSize = 0;
    bool spaceAfter = true;
    std::string text;  // UTF-8
};

struct PageWords {
    double width = 612, height = 792;
    std::vector<Word> words;
};

struct Line {
    int page = 0;
    int column = 0;  // 0 for a single-column page or a line across the columns; 1, 2 for columns
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double fontSize = 0;                     // the size most of the line's characters have
    double columnLeft = 0, columnRight = 0;  // the extent of the lines of its column on its page
    std::string text;
};

// --- [SECTION] Steps ---------------------------------------------------------------------

// The lines of one page in reading order: columns detected by a vertical gutter and read one
// after the other (lines across the gutter, such as a title, split the page into bands that
// are read top to bottom).
std::vector<Line> pageLines(const PageWords& page, int pageIndex);

// Drops running headers and footers: lines near the top or bottom of a page whose text, with
// digits replaced, recurs there on at least 40% of the pages (two at least), and lone page
// numbers ("12", "Page 3", "- 4 -", "3 of 10") near the top or bottom. Returns how many
// lines were dropped.
std::size_t dropRunningLines(std::vector<std::vector<Line>>& pages, const std::vector<PageWords>& words);

// The lines of the whole document, in reading order, as headings and paragraphs.
std::vector<Block> linesToBlocks(const std::vector<Line>& lines);

// ASCII letters lower-cased; other bytes as they are.
std::string utf8Lower(const std::string& text);

}  // namespace claimmark::intake::pdf
