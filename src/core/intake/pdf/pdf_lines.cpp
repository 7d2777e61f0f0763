// pdf_lines.cpp — a PDF page's words made into lines in reading order, and the running
// headers, footers and page numbers dropped (the first two steps of pdf_extract.h).
//
// [SECTION] Columns   a vertical gutter: a strip (6 pt or wider, in the middle 60% of the
//                     text's width) that few rows cross and many rows have text on both
//                     sides of (see findGutter)
// [SECTION] Lines     words whose vertical centres are within half a line height, left to
//                     right; a space where poppler saw one or the gap is over 0.2 em
// [SECTION] Order     lines across the gutter split the page into bands; each band is read
//                     left column, then right column
// [SECTION] Running   headers, footers and page numbers (see pdf_detail.h)
#include "core/intake/pdf/pdf_detail.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace claimmark::intake::pdf {

namespace {

// --- [SECTION] Columns -------------------------------------------------------------------

// Words grouped into rows: vertical centres within half a word's height of the row's first.
std::vector<std::vector<const Word*>> rowsOf(std::vector<const Word*> words) {
    std::sort(words.begin(), words.end(), [](const Word* a, const Word* b) {
        double ca = (a->y0 + a->y1) / 2, cb = (b->y0 + b->y1) / 2;
        return ca != cb ? ca < cb : a->x0 < b->x0;
    });
    std::vector<std::vector<const Word*>> rows;
    std::size_t i = 0;
    while (i < words.size()) {
        double centre = (words[i]->y0 + words[i]->y1) / 2;
        double half = std::max(1.0, (words[i]->y1 - words[i]->y0) / 2);
        std::vector<const Word*> row;
        while (i < words.size() && (words[i]->y0 + words[i]->y1) / 2 <= centre + half) row.push_back(words[i++]);
        std::sort(row.begin(), row.end(), [](const Word* a, const Word* b) { return a->x0 < b->x0; });
        rows.push_back(std::move(row));
    }
    return rows;
}

// The x of the gutter between two columns, or a negative number when the page has one: the
// widest strip (6 pt or more, in the middle 60% of the text's width) that at most 10% of the
// page's rows cross, where at least three rows (and 30% of them) have text on both sides close
// to it (ending within 60 pt before it, starting within 20 pt after it).
double findGutter(const std::vector<Word>& words) {
    if (words.size() < 20) return -1;
    double minX = 1e9, maxX = -1e9;
    for (const Word& w : words) minX = std::min(minX, w.x0), maxX = std::max(maxX, w.x1);
    double width = maxX - minX;
    if (width < 150) return -1;
    std::vector<const Word*> all;
    for (const Word& w : words) all.push_back(&w);
    std::vector<std::vector<const Word*>> rows = rowsOf(std::move(all));
    std::size_t bins = std::size_t(width) + 2;
    std::vector<std::size_t> crossing(bins, 0);
    std::vector<long> lastRow(bins, -1);
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (const Word* w : rows[r]) {
            std::size_t from = std::size_t(std::max(0.0, w->x0 - minX));
            std::size_t to = std::min(bins, std::size_t(std::max(0.0, w->x1 - minX)) + 1);
            for (std::size_t b = from; b < to; ++b)
                if (lastRow[b] != long(r)) lastRow[b] = long(r), ++crossing[b];
        }
    std::size_t limit = rows.size() / 10;
    std::size_t lo = std::size_t(0.2 * width), hi = std::size_t(0.8 * width);
    std::size_t bestStart = 0, bestLength = 0;
    for (std::size_t b = lo; b < hi;) {
        if (crossing[b] > limit) {
            ++b;
            continue;
        }
        std::size_t start = b;
        while (b < hi && crossing[b] <= limit) ++b;
        if (b - start > bestLength) bestStart = start, bestLength = b - start;
    }
    if (bestLength < 6) return -1;
    // Widen the strip to where the text on either side really is.
    std::size_t left = bestStart, right = bestStart + bestLength;
    while (left > 0 && crossing[left - 1] <= limit) --left;
    while (right < bins && crossing[right] <= limit) ++right;
    double gapStart = minX + double(left), gapEnd = minX + double(right);
    std::size_t flanked = 0;
    for (const std::vector<const Word*>& row : rows) {
        bool before = false, after = false;
        for (const Word* w : row) {
            before = before || (w->x1 <= gapStart + 1 && w->x1 >= gapStart - 60);
            after = after || (w->x0 >= gapEnd - 1 && w->x0 <= gapEnd + 20);
        }
        if (before && after) ++flanked;
    }
    if (flanked < 3 || double(flanked) < 0.3 * double(rows.size())) return -1;
    return minX + double(bestStart) + double(bestLength) / 2;
}

// --- [SECTION] Lines ---------------------------------------------------------------------

double lineFontSize(const std::vector<const Word*>& words) {
    std::map<long, std::size_t> weight;  // size in tenths of a point → characters
    for (const Word* w : words) weight[std::lround(w->fontSize * 10)] += w->text.size();
    long best = 0;
    std::size_t bestWeight = 0;
    for (auto [size, count] : weight)
        if (count > bestWeight) best = size, bestWeight = count;
    return double(best) / 10;
}

std::vector<Line> groupLines(std::vector<const Word*> words, int pageIndex, int column) {
    std::vector<Line> lines;
    for (const std::vector<const Word*>& lineWords : rowsOf(std::move(words))) {
        Line line;
        line.page = pageIndex, line.column = column;
        line.x0 = lineWords.front()->x0, line.x1 = lineWords.front()->x1;
        line.y0 = lineWords.front()->y0, line.y1 = lineWords.front()->y1;
        line.fontSize = lineFontSize(lineWords);
        const Word* previous = nullptr;
        for (const Word* w : lineWords) {
            if (previous && (previous->spaceAfter || w->x0 - previous->x1 > 0.2 * w->fontSize)) line.text += ' ';
            line.text += w->text;
            line.x0 = std::min(line.x0, w->x0), line.x1 = std::max(line.x1, w->x1);
            line.y0 = std::min(line.y0, w->y0), line.y1 = std::max(line.y1, w->y1);
            previous = w;
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

void setColumnExtents(std::vector<Line>& lines) {
    std::map<int, std::pair<double, double>> extent;
    for (const Line& line : lines) {
        auto [it, added] = extent.try_emplace(line.column, line.x0, line.x1);
        if (!added) it->second.first = std::min(it->second.first, line.x0);
        if (!added) it->second.second = std::max(it->second.second, line.x1);
    }
    for (Line& line : lines) line.columnLeft = extent[line.column].first, line.columnRight = extent[line.column].second;
}

// --- [SECTION] Running -------------------------------------------------------------------

std::string runningKey(const std::string& text) {
    std::string key;
    for (char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c))) c = '#';
        if (c == ' ' && (key.empty() || key.back() == ' ')) continue;
        key += char(std::tolower(static_cast<unsigned char>(c)));
    }
    while (!key.empty() && key.back() == ' ') key.pop_back();
    return key;
}

// "12", "Page 3", "- 4 -", "3 of 10", "p. 7", "12 | 40".
bool isPageNumber(const std::string& text) {
    std::string rest = utf8Lower(text);
    for (const char* word : {"page", "of", "p.", "\xe2\x80\x93", "\xe2\x80\x94"}) {
        for (std::size_t at = rest.find(word); at != std::string::npos; at = rest.find(word))
            rest.replace(at, std::char_traits<char>::length(word), " ");
    }
    std::size_t digits = 0;
    for (char c : rest) {
        if (std::isdigit(static_cast<unsigned char>(c))) ++digits;
        else if (c != ' ' && c != '-' && c != '/' && c != '|') return false;
    }
    return digits > 0 && digits <= 8;
}

}  // namespace

std::string utf8Lower(const std::string& text) {
    std::string out = text;
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// --- [SECTION] Order ---------------------------------------------------------------------

std::vector<Line> pageLines(const PageWords& page, int pageIndex) {
    double gutter = findGutter(page.words);
    std::vector<const Word*> across, left, right;
    std::vector<const Word*> all;
    for (const Word& w : page.words) all.push_back(&w);
    // A row with a word across the gutter (a title, a running header) is read whole.
    for (const std::vector<const Word*>& row : rowsOf(std::move(all))) {
        bool crosses = gutter < 0;
        for (std::size_t i = 0; i < row.size() && !crosses; ++i) {
            crosses = row[i]->x0 < gutter && row[i]->x1 > gutter;
            // Words on either side with only a word space between them: one line across.
            if (i > 0 && row[i - 1]->x1 <= gutter && row[i]->x0 >= gutter)
                crosses = row[i]->x0 - row[i - 1]->x1 < row[i]->fontSize;
        }
        for (const Word* w : row) (crosses ? across : w->x1 <= gutter ? left : right).push_back(w);
    }
    std::vector<Line> spanning = groupLines(across, pageIndex, 0);
    if (gutter < 0) {
        setColumnExtents(spanning);
        return spanning;
    }
    std::vector<Line> leftLines = groupLines(left, pageIndex, 1), rightLines = groupLines(right, pageIndex, 2);
    std::vector<Line> ordered;
    std::size_t l = 0, r = 0;
    for (std::size_t s = 0; s <= spanning.size(); ++s) {
        double bandEnd = s < spanning.size() ? spanning[s].y0 : 1e12;
        std::size_t rightStart = r;
        while (l < leftLines.size() && leftLines[l].y0 < bandEnd) ordered.push_back(leftLines[l++]);
        while (r < rightLines.size() && rightLines[r].y0 < bandEnd) ++r;
        for (std::size_t k = rightStart; k < r; ++k) ordered.push_back(rightLines[k]);
        if (s < spanning.size()) ordered.push_back(spanning[s]);
    }
    setColumnExtents(ordered);
    return ordered;
}

std::size_t dropRunningLines(std::vector<std::vector<Line>>& pages, const std::vector<PageWords>& words) {
    // Near the top / bottom: within 12% of the page's height from its edge.
    auto nearTop = [&](const Line& line) { return line.y1 <= 0.12 * words[line.page].height; };
    auto nearBottom = [&](const Line& line) { return line.y0 >= 0.88 * words[line.page].height; };
    std::unordered_map<std::string, std::size_t> topPages, bottomPages;
    for (const std::vector<Line>& lines : pages) {
        std::set<std::string> top, bottom;
        for (const Line& line : lines) {
            if (nearTop(line)) top.insert(runningKey(line.text));
            if (nearBottom(line)) bottom.insert(runningKey(line.text));
        }
        for (const std::string& key : top) ++topPages[key];
        for (const std::string& key : bottom) ++bottomPages[key];
    }
    std::size_t needed = std::max<std::size_t>(2, std::size_t(std::ceil(0.4 * double(pages.size()))));
    std::size_t dropped = 0;
    for (std::vector<Line>& lines : pages) {
        std::size_t before = lines.size();
        std::erase_if(lines, [&](const Line& line) {
            bool top = nearTop(line), bottom = nearBottom(line);
            if (!top && !bottom) return false;
            if (isPageNumber(line.text)) return true;
            std::string key = runningKey(line.text);
            return (top && topPages[key] >= needed) || (bottom && bottomPages[key] >= needed);
        });
        dropped += before - lines.size();
    }
    return dropped;
}

}  // namespace claimmark::intake::pdf
