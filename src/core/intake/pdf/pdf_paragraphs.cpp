// pdf_paragraphs.cpp — a PDF's lines (in reading order) rejoined into headings, paragraphs
// and list items (the last step of pdf_extract.h).
//
// [SECTION] Measures     the body font size (the size most characters have), the body line
//                        spacing (the median baseline step between body lines of a column)
// [SECTION] Hyphenation  a line ending "letter-" joined to the next line starting with a
//                        letter or digit: "first-" + "second" gives
//                          1. "first-second" when that hyphenated form occurs elsewhere in the
//                             document ("well-" + "known" where "well-known" occurs);
//                          2. otherwise "firstsecond" when that word occurs elsewhere;
//                          3. otherwise "firstsecond" when "second" starts lower-case and
//                             "first" is not a prefix that keeps its hyphen (self, non, well,
//                             ex, all, half, cross, semi, quasi, post, pre, multi, co);
//                          4. otherwise "first-second" ("COVID-" + "19", "non-" + "English").
// [SECTION] Blocks       a new block where
//                          - a line is notably larger than the body (1.15 times or more) and
//                            short (150 bytes or less): a heading; heading lines of one size
//                            that follow closely make one heading; levels by size, largest 1
//                          - the font size changes (captions, footnotes)
//                          - a line starts with a bullet (•, ◦, ▪, ‣) and a space: a list item
//                          - the baseline step is over 1.4 times the body line spacing
//                          - a line is indented (0.8 em or more past the line before and its
//                            column's left edge)
//                          - the line before ends a sentence (. ! ? :, maybe then a quote or
//                            bracket) and stops short of its column's right edge (by 10%)
//                        At a column or page change the paragraph goes on unless the new line
//                        is indented or the line before ends a sentence and is short (or the
//                        document does not indent its paragraphs).
#include "core/intake/pdf/pdf_detail.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <unordered_set>

namespace claimmark::intake::pdf {

namespace {

// --- [SECTION] Measures ------------------------------------------------------------------

double bodyFontSize(const std::vector<Line>& lines) {
    std::map<long, std::size_t> weight;  // half points → bytes
    for (const Line& line : lines) weight[std::lround(line.fontSize * 2)] += line.text.size();
    long best = 20;
    std::size_t bestWeight = 0;
    for (auto [size, count] : weight)
        if (count > bestWeight) best = size, bestWeight = count;
    return double(best) / 2;
}

bool sameSize(double a, double b) { return std::abs(a - b) <= 0.05 * std::max(a, b) + 0.1; }

double bodyLineSpacing(const std::vector<Line>& lines, double body) {
    std::vector<double> steps;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const Line &a = lines[i - 1], &b = lines[i];
        if (a.page != b.page || a.column != b.column || !sameSize(a.fontSize, body) || !sameSize(b.fontSize, body))
            continue;
        double step = b.y1 - a.y1;
        if (step > 0.5 * body && step < 3 * body) steps.push_back(step);
    }
    if (steps.empty()) return 1.2 * body;
    std::nth_element(steps.begin(), steps.begin() + std::ptrdiff_t(steps.size() / 2), steps.end());
    return steps[steps.size() / 2];
}

// --- [SECTION] Hyphenation ---------------------------------------------------------------

bool isLetterByte(unsigned char c) { return std::isalpha(c) || c >= 0x80; }

// The token's letters and inner hyphens and apostrophes, lower-cased.
std::string wordCore(const std::string& token) {
    std::size_t from = 0, to = token.size();
    while (from < to && !isLetterByte(static_cast<unsigned char>(token[from]))) ++from;
    while (to > from && !isLetterByte(static_cast<unsigned char>(token[to - 1]))) --to;
    return utf8Lower(token.substr(from, to - from));
}

struct WordIndex {
    std::unordered_set<std::string> words;
};

WordIndex indexWords(const std::vector<Line>& lines) {
    WordIndex index;
    for (const Line& line : lines) {
        std::size_t at = 0;
        const std::string& text = line.text;
        while (at < text.size()) {
            while (at < text.size() && text[at] == ' ') ++at;
            std::size_t end = text.find(' ', at);
            if (end == std::string::npos) end = text.size();
            if (end > at && !(end == text.size() && text[end - 1] == '-')) {
                std::string core = wordCore(text.substr(at, end - at));
                if (!core.empty()) index.words.insert(std::move(core));
            }
            at = end;
        }
    }
    return index;
}

const std::set<std::string>& hyphenKeepingPrefixes() {
    static const std::set<std::string> prefixes{"self", "non",   "well", "ex",  "all",   "half", "cross",
                                                "semi", "quasi", "post", "pre", "multi", "co"};
    return prefixes;
}

// `text` ends with "-" after a letter; `next` starts with a letter.
void joinHyphenated(std::string& text, const std::string& next, const WordIndex& index) {
    std::size_t firstStart = text.size() - 1;
    while (firstStart > 0 && isLetterByte(static_cast<unsigned char>(text[firstStart - 1]))) --firstStart;
    std::string first = text.substr(firstStart, text.size() - 1 - firstStart);
    std::size_t secondEnd = 0;
    while (secondEnd < next.size() &&
           (isLetterByte(static_cast<unsigned char>(next[secondEnd])) ||
            std::isdigit(static_cast<unsigned char>(next[secondEnd])) || next[secondEnd] == '-'))
        ++secondEnd;
    while (secondEnd > 0 && next[secondEnd - 1] == '-') --secondEnd;
    std::string second = next.substr(0, secondEnd);
    std::string lowerFirst = utf8Lower(first), lowerSecond = utf8Lower(second);
    bool keep;
    if (index.words.count(lowerFirst + "-" + lowerSecond)) keep = true;
    else if (index.words.count(lowerFirst + lowerSecond)) keep = false;
    else if (std::islower(static_cast<unsigned char>(next[0])) || static_cast<unsigned char>(next[0]) >= 0x80)
        keep = hyphenKeepingPrefixes().count(lowerFirst) > 0;
    else keep = true;
    if (!keep) text.pop_back();
    text += next;
}

bool endsWithLetterHyphen(const std::string& text) {
    return text.size() >= 2 && text.back() == '-' && isLetterByte(static_cast<unsigned char>(text[text.size() - 2]));
}

void appendLine(std::string& text, const std::string& next, const WordIndex& index) {
    if (text.empty()) {
        text = next;
        return;
    }
    if (endsWithLetterHyphen(text) && !next.empty() &&
        (isLetterByte(static_cast<unsigned char>(next[0])) || std::isdigit(static_cast<unsigned char>(next[0])))) {
        joinHyphenated(text, next, index);
        return;
    }
    text += ' ';
    text += next;
}

// --- [SECTION] Blocks --------------------------------------------------------------------

bool endsSentence(const std::string& text) {
    std::size_t end = text.size();
    while (end > 0 && (text[end - 1] == '"' || text[end - 1] == ')' || text[end - 1] == '\'' || text[end - 1] == ']'))
        --end;
    // A closing curly quote (U+201D, U+2019) is three bytes.
    if (end >= 3 && text.compare(end - 3, 2, "\xe2\x80") == 0 && (text[end - 1] == '\x9d' || text[end - 1] == '\x99'))
        end -= 3;
    if (end == 0) return false;
    char c = text[end - 1];
    return c == '.' || c == '!' || c == '?' || c == ':';
}

// The length of a leading bullet and the space after it, or 0.
std::size_t bulletLength(const std::string& text) {
    for (const char* bullet : {"\xe2\x80\xa2", "\xe2\x97\xa6", "\xe2\x96\xaa", "\xe2\x80\xa3"}) {
        std::size_t n = std::char_traits<char>::length(bullet);
        if (text.size() > n + 1 && text.compare(0, n, bullet) == 0 && text[n] == ' ') return n + 1;
    }
    return 0;
}

bool isShort(const Line& line) {
    double width = line.columnRight - line.columnLeft;
    return line.x1 < line.columnRight - 0.1 * width;
}

bool isIndented(const Line& line, const Line& before) {
    double em = std::max(1.0, line.fontSize);
    return line.x0 >= before.x0 + 0.8 * em && line.x0 >= line.columnLeft + 0.8 * em;
}

}  // namespace

std::vector<Block> linesToBlocks(const std::vector<Line>& lines) {
    std::vector<Block> blocks;
    if (lines.empty()) return blocks;
    double body = bodyFontSize(lines);
    double spacing = bodyLineSpacing(lines, body);
    WordIndex index = indexWords(lines);
    auto isHeadingLine = [&](const Line& line) { return line.fontSize >= 1.15 * body && line.text.size() <= 150; };

    // Heading levels: the distinct heading sizes, largest first.
    std::vector<double> headingSizes;
    for (const Line& line : lines) {
        if (!isHeadingLine(line)) continue;
        bool known = false;
        for (double size : headingSizes) known = known || sameSize(size, line.fontSize);
        if (!known) headingSizes.push_back(line.fontSize);
    }
    std::sort(headingSizes.begin(), headingSizes.end(), std::greater<>());
    auto headingLevel = [&](double size) {
        for (std::size_t i = 0; i < headingSizes.size(); ++i)
            if (sameSize(headingSizes[i], size)) return int(std::min<std::size_t>(i + 1, 6));
        return 6;
    };

    // Does the document indent its paragraphs? (Two or more indented lines within a column.)
    std::size_t indentedLines = 0;
    for (std::size_t i = 1; i < lines.size(); ++i)
        if (lines[i].page == lines[i - 1].page && lines[i].column == lines[i - 1].column &&
            sameSize(lines[i].fontSize, body) && isIndented(lines[i], lines[i - 1]))
            ++indentedLines;
    bool indents = indentedLines >= 2;

    const Line* previous = nullptr;
    double listTextX = 0;  // where a list item's text starts (its continuation lines align there)
    for (const Line& line : lines) {
        bool heading = isHeadingLine(line);
        std::size_t bullet = heading ? 0 : bulletLength(line.text);
        bool startNew = previous == nullptr || blocks.empty();
        if (!startNew) {
            const Block& current = blocks.back();
            bool sameFlow = previous->page == line.page && previous->column == line.column;
            double step = line.y1 - previous->y1;
            if (heading || current.kind == BlockKind::Heading) {
                startNew =
                    !(heading && current.kind == BlockKind::Heading && sameSize(previous->fontSize, line.fontSize) &&
                      sameFlow && line.y0 - previous->y1 < 0.8 * line.fontSize);
            } else if (!sameSize(previous->fontSize, line.fontSize) || bullet > 0) {
                startNew = true;
            } else if (current.kind == BlockKind::ListItem && sameFlow && step <= 1.4 * spacing && step > 0) {
                startNew = line.x0 < listTextX - 0.5 * line.fontSize;
            } else if (sameFlow) {
                startNew = step > 1.4 * spacing || step <= 0 || isIndented(line, *previous) ||
                           (endsSentence(previous->text) && isShort(*previous));
            } else {
                bool indented = line.x0 >= line.columnLeft + 0.8 * line.fontSize;
                startNew = indented || (endsSentence(previous->text) && (isShort(*previous) || !indents));
            }
        }
        std::string text = line.text.substr(bullet);
        if (startNew) {
            Block block;
            block.kind = heading ? BlockKind::Heading : bullet > 0 ? BlockKind::ListItem : BlockKind::Paragraph;
            block.level = heading ? headingLevel(line.fontSize) : 0;
            block.text = std::move(text);
            blocks.push_back(std::move(block));
            if (bullet > 0) listTextX = line.x0 + (line.x1 - line.x0) * double(bullet) / double(line.text.size());
        } else {
            appendLine(blocks.back().text, text, index);
        }
        previous = &line;
    }
    return blocks;
}

}  // namespace claimmark::intake::pdf
