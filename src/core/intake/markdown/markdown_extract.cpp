// markdown_extract.cpp — a Markdown file to an ExtractedArticle: the UTF-8 check, the front
// matter (front_matter.h), then cmark's tree walked once with its iterator (no recursion, so
// deeply nested quotes or lists cannot exhaust the stack).
//
// What becomes a block:
//   heading          Heading, its level; a setext heading's lines joined by a space
//   paragraph        Paragraph; a soft break is a space, a hard break (two spaces, "\") '\n'
//   list item        ListItem, level = how many lists enclose it minus one; the item's
//                    paragraphs, code and headings are its text (several joined by '\n'); text
//                    of the item after a nested list is a further ListItem at the item's level
//   block quote      its blocks as they are (a quoted paragraph is a Paragraph)
//   code block       Paragraph, its lines kept ('\n' between them)
//   pipe table       TableRow per row, cells joined by '\t': a top-level paragraph whose lines
//                    all start and end with '|' and whose second line is a delimiter row
//                    (`|---|:--:|`), which is skipped. Plain cmark has no tables (GFM's
//                    extension is not in libcmark), so this is recognised here; tables inside
//                    lists or quotes, and tables without the outer pipes, stay paragraphs.
//                    Each cell's Markdown is read on its own (`\|` is a pipe in a cell).
//   dropped          raw HTML blocks, inline HTML tags (the text between them is kept),
//                    images (alt text included), link URLs (the link text is kept), thematic
//                    breaks
//
// Metadata: the front matter's `title`, `author`, `date` (→ published). Without a front-matter
// title, a level-1 heading that is the document's first block is the title the source gives
// (it stays in the text too); nothing else is taken from the text.
#include "core/intake/markdown/markdown_extract.h"

#include "core/intake/article_text.h"
#include "core/intake/markdown/front_matter.h"
#include "core/text/utf8.h"

#include <cmark.h>

#include <cstring>
#include <memory>

namespace claimmark::intake {
namespace {

constexpr std::size_t kNone = std::size_t(-1);

// --- [SECTION] Source lines (for pipe tables) ------------------------------------------

std::vector<std::string_view> splitLines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

std::string_view trimSpaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// The cells of `| a | b |` (outer pipes removed, split at pipes not escaped with '\').
std::vector<std::string> pipeCells(std::string_view row) {
    row = trimSpaces(row);
    row = row.substr(1, row.size() - 2);
    std::vector<std::string> cells(1);
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (row[i] == '\\' && i + 1 < row.size() && row[i + 1] == '|') {
            cells.back() += "\\|";  // still escaped: the cell's own Markdown reads it as '|'
            ++i;
        } else if (row[i] == '|') {
            cells.emplace_back();
        } else {
            cells.back() += row[i];
        }
    }
    return cells;
}

bool isPipeRow(std::string_view line) {
    line = trimSpaces(line);
    return line.size() >= 2 && line.front() == '|' && line.back() == '|' && line[line.size() - 2] != '\\';
}

bool isDelimiterRow(std::string_view line) {
    if (!isPipeRow(line)) return false;
    for (const std::string& cell : pipeCells(line)) {
        std::string_view c = trimSpaces(cell);
        if (!c.empty() && c.front() == ':') c.remove_prefix(1);
        if (!c.empty() && c.back() == ':') c.remove_suffix(1);
        if (c.empty() || c.find_first_not_of('-') != std::string_view::npos) return false;
    }
    return true;
}

// --- [SECTION] Inline text -------------------------------------------------------------

struct CmarkDeleter {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
    void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
using NodePtr = std::unique_ptr<cmark_node, CmarkDeleter>;
using IterPtr = std::unique_ptr<cmark_iter, CmarkDeleter>;

NodePtr parse(std::string_view text) {
    return NodePtr(cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT));
}

// One inline event into `out`; an image is skipped whole (the iterator moved to its exit).
// Returns whether an image was dropped.
bool appendInline(cmark_iter* iter, cmark_event_type event, cmark_node* node, std::string& out) {
    switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            if (const char* literal = cmark_node_get_literal(node)) out += literal;
            break;
        case CMARK_NODE_SOFTBREAK: out += ' '; break;
        case CMARK_NODE_LINEBREAK: out += '\n'; break;
        case CMARK_NODE_IMAGE:
            if (event == CMARK_EVENT_ENTER) {
                cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
                return true;
            }
            break;
        default: break;  // HTML_INLINE dropped; EMPH, STRONG, LINK: their children carry the text
    }
    return false;
}

// All the text of a small document (a table cell), blocks joined by a space.
std::string plainText(std::string_view markdown) {
    NodePtr root = parse(markdown);
    IterPtr iter(cmark_iter_new(root.get()));
    std::string out;
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        const cmark_node_type type = cmark_node_get_type(node);
        if (type == CMARK_NODE_HTML_BLOCK) continue;
        if (type == CMARK_NODE_CODE_BLOCK) {
            if (const char* literal = cmark_node_get_literal(node)) out += literal;
        }
        if (type >= CMARK_NODE_FIRST_BLOCK && type <= CMARK_NODE_LAST_BLOCK) {
            if (event == CMARK_EVENT_EXIT && !out.empty()) out += ' ';
            continue;
        }
        appendInline(iter.get(), event, node, out);
    }
    for (char& c : out)
        if (c == '\n') c = ' ';
    return std::string(trimSpaces(out));
}

// --- [SECTION] The tree walk -------------------------------------------------------------

struct OpenItem {
    int level = 0;
    std::size_t block = kNone;  // the item's block while it still takes text
};

class Walker {
public:
    explicit Walker(std::string_view body) : m_lines(splitLines(body)) {}

    void run(cmark_node* document, ExtractedArticle& article);
    const std::string& firstHeadingTitle() const { return m_firstHeadingTitle; }

private:
    // Starts the block a leaf (paragraph, heading, code) writes into.
    void startLeaf(BlockKind kind, int level);
    bool tryTable(cmark_node* paragraph);
    std::string& text() { return m_blocks[m_current].text; }

    std::vector<std::string_view> m_lines;
    std::vector<Block> m_blocks;
    std::vector<OpenItem> m_items;
    int m_listDepth = 0;
    std::size_t m_current = kNone;
    int m_htmlBlocks = 0, m_images = 0, m_tables = 0;
    std::string m_firstHeadingTitle;
};

void Walker::startLeaf(BlockKind kind, int level) {
    if (!m_items.empty()) {
        OpenItem& item = m_items.back();
        if (item.block == kNone) {
            item.block = m_blocks.size();
            m_blocks.push_back(Block{BlockKind::ListItem, item.level, {}});
        } else if (!m_blocks[item.block].text.empty()) {
            m_blocks[item.block].text += '\n';
        }
        m_current = item.block;
        return;
    }
    m_current = m_blocks.size();
    m_blocks.push_back(Block{kind, level, {}});
}

bool Walker::tryTable(cmark_node* paragraph) {
    if (cmark_node_get_type(cmark_node_parent(paragraph)) != CMARK_NODE_DOCUMENT) return false;
    const int first = cmark_node_get_start_line(paragraph), last = cmark_node_get_end_line(paragraph);
    if (first < 1 || last < first + 1 || std::size_t(last) > m_lines.size()) return false;
    for (int line = first; line <= last; ++line)
        if (!isPipeRow(m_lines[std::size_t(line - 1)])) return false;
    if (!isDelimiterRow(m_lines[std::size_t(first)])) return false;
    for (int line = first; line <= last; ++line) {
        if (line == first + 1) continue;  // the delimiter row
        std::string row;
        bool firstCell = true;
        for (const std::string& cell : pipeCells(m_lines[std::size_t(line - 1)])) {
            if (!firstCell) row += '\t';
            row += plainText(cell);
            firstCell = false;
        }
        m_blocks.push_back(Block{BlockKind::TableRow, 0, std::move(row)});
    }
    ++m_tables;
    return true;
}

void Walker::run(cmark_node* document, ExtractedArticle& article) {
    IterPtr iter(cmark_iter_new(document));
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        const bool enter = event == CMARK_EVENT_ENTER;
        switch (cmark_node_get_type(node)) {
            case CMARK_NODE_DOCUMENT:
            case CMARK_NODE_BLOCK_QUOTE: break;
            case CMARK_NODE_LIST:
                if (enter) {
                    // Text of the enclosing item after this list is a new item.
                    if (!m_items.empty()) m_items.back().block = kNone;
                    ++m_listDepth;
                } else {
                    --m_listDepth;
                }
                break;
            case CMARK_NODE_ITEM:
                if (enter) m_items.push_back(OpenItem{m_listDepth - 1, kNone});
                else m_items.pop_back();
                break;
            case CMARK_NODE_HEADING:
                if (enter) startLeaf(BlockKind::Heading, cmark_node_get_heading_level(node));
                else m_current = kNone;
                break;
            case CMARK_NODE_PARAGRAPH:
                if (enter && m_items.empty() && tryTable(node)) {
                    cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
                    m_current = kNone;
                } else if (enter) {
                    startLeaf(BlockKind::Paragraph, 0);
                } else {
                    m_current = kNone;
                }
                break;
            case CMARK_NODE_CODE_BLOCK: {
                std::string_view code = cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "";
                while (!code.empty() && code.back() == '\n') code.remove_suffix(1);
                startLeaf(BlockKind::Paragraph, 0);
                text() += code;
                m_current = kNone;
                break;
            }
            case CMARK_NODE_HTML_BLOCK: ++m_htmlBlocks; break;
            case CMARK_NODE_THEMATIC_BREAK: break;
            default:
                if (m_current == kNone) break;  // inline content outside a leaf: none in cmark
                if (appendInline(iter.get(), event, node, text())) ++m_images;
                break;
        }
    }

    // The title: a level-1 heading as the document's first block (HTML blocks and thematic
    // breaks, which give no text, passed over).
    for (cmark_node* child = cmark_node_first_child(document); child; child = cmark_node_next(child)) {
        const cmark_node_type type = cmark_node_get_type(child);
        if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_THEMATIC_BREAK) continue;
        if (type == CMARK_NODE_HEADING && cmark_node_get_heading_level(child) == 1 && !m_blocks.empty() &&
            m_blocks.front().kind == BlockKind::Heading) {
            m_firstHeadingTitle = normalizeBlockText(m_blocks.front().text);
            for (char& c : m_firstHeadingTitle)
                if (c == '\n') c = ' ';
        }
        break;
    }

    if (m_htmlBlocks > 0)
        article.notes.push_back(std::to_string(m_htmlBlocks) + " raw HTML block(s) left out (the text has no markup)");
    if (m_images > 0) article.notes.push_back(std::to_string(m_images) + " image(s) left out, with their alt text");
    if (m_tables > 0) article.notes.push_back(std::to_string(m_tables) + " pipe table(s) read row by row");
    article.blocks = std::move(m_blocks);
}

// --- [SECTION] UTF-8 ---------------------------------------------------------------------

Diagnostic notUtf8(std::string_view bytes, const utf8::InvalidUtf8& bad, const std::string& sourceName) {
    // Line and column (in code points) of the first bad byte; the text before it is valid.
    std::size_t line = 1, lineStart = 0;
    for (std::size_t i = 0; i < bad.byteOffset; ++i) {
        if (bytes[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    const std::size_t column = utf8::countCodePoints(bytes.substr(lineStart, bad.byteOffset - lineStart)) + 1;
    const std::string where = "line " + std::to_string(line) + ", column " + std::to_string(column);
    if (std::strcmp(bad.reason, "NUL byte") == 0)
        return Diagnostic{sourceName, where, "contains a NUL byte; expected UTF-8 Markdown, is this a binary file?"};
    return Diagnostic{sourceName, where,
                      "not UTF-8 (" + std::string(bad.reason) + " at byte " + std::to_string(bad.byteOffset) +
                          "); save the Markdown file as UTF-8"};
}

}  // namespace

// --- [SECTION] Entry point ---------------------------------------------------------------

Result<ExtractedArticle> extractMarkdown(std::string_view bytes, const std::string& sourceName) {
    if (auto bad = utf8::findInvalid(bytes)) return notUtf8(bytes, *bad, sourceName);
    std::string_view text = bytes;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);

    ExtractedArticle article;
    const FrontMatter front = readFrontMatter(text);
    const std::string_view body = text.substr(front.bodyOffset);
    if (front.present) {
        article.metadata.title = front.title;
        article.metadata.author = front.author;
        article.metadata.published = front.date;
    }

    NodePtr document = parse(body);
    Walker walker(body);
    walker.run(document.get(), article);
    if (article.metadata.title.empty() && !walker.firstHeadingTitle().empty()) {
        article.metadata.title = walker.firstHeadingTitle();
        article.notes.push_back("title taken from the first heading");
    }
    return article;
}

}  // namespace claimmark::intake
