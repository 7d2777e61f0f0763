// html_blocks.cpp — the DOM under the article's root to Blocks (html_detail.h).
//
// [SECTION] What is left out   dropped elements (html_body.cpp); inside the article also
//                              bylines and dates (short elements called byline, author,
//                              meta, date ...; short ones holding a <time> or rel=author
//                              link), image captions and credits (<figcaption>,
//                              class caption / legend; not when a long one holds paragraphs),
//                              link lists (link density over one half) and short forms
// [SECTION] Tables             a table whose cells hold only inline content is data: a
//                              TableRow per row, cells joined by '\t' (one cell: a paragraph);
//                              any other table is layout, its cells read as containers
// [SECTION] The walk           block elements start and end blocks (headings with their level,
//                              list items with their nesting); text and inline markup join;
//                              <br> is '\n'; line breaks in the source are spaces except in <pre>
#include "core/intake/html/html_detail.h"

#include <cctype>

namespace claimmark::intake::detail {

namespace {

// --- [SECTION] What is left out --------------------------------------------------------------

const NodeStats* statsOf(const StatsMap& stats, const GumboNode* node) {
    const auto it = stats.find(node);
    return it == stats.end() ? nullptr : &it->second;
}

const GumboVector& childrenOf(const GumboNode* node) { return node->v.element.children; }

bool hasHintWord(const GumboNode* node, std::initializer_list<std::string_view> words) {
    for (const char* name : {"class", "id"}) {
        const std::string value = toLowerAscii(attribute(node, name));
        std::size_t start = 0;
        while (start < value.size()) {
            std::size_t end = start;
            while (end < value.size() && std::isalnum(static_cast<unsigned char>(value[end]))) ++end;
            const std::string_view word(value.data() + start, end - start);
            for (const auto w : words)
                if (word == w) return true;
            start = end + 1;
        }
    }
    return false;
}

// A byline without a class saying so: a short paragraph or line with the date (<time>) or
// the author (rel=author, itemprop=author / datePublished) in it, and no paragraph.
bool isBylineLike(const GumboNode* node, const NodeStats& s) {
    const GumboTag tag = tagOf(node);
    if (s.textLength == 0 || s.textLength >= 150 ||
        (tag != GUMBO_TAG_P && tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_SPAN && tag != GUMBO_TAG_UL))
        return false;
    std::vector<const GumboNode*> stack;
    for (unsigned i = 0; i < childrenOf(node).length; ++i)
        stack.push_back(static_cast<const GumboNode*>(childrenOf(node).data[i]));
    bool found = false;
    while (!stack.empty()) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        if (!isElement(n)) continue;
        if (tagOf(n) == GUMBO_TAG_P) return false;  // an entry with a time stamp (a live ticker's)
        if (tagOf(n) == GUMBO_TAG_TIME) found = true;
        const std::string rel = " " + toLowerAscii(attribute(n, "rel")) + " ";
        const std::string prop = toLowerAscii(attribute(n, "itemprop"));
        if (rel.find(" author ") != std::string::npos || prop == "author" || prop == "datepublished") found = true;
        for (unsigned i = 0; i < childrenOf(n).length; ++i)
            stack.push_back(static_cast<const GumboNode*>(childrenOf(n).data[i]));
    }
    return found;
}

// Why an element inside the article is left out (the root's own elements never are).
enum class LeftOut { No, Metadata, LinkList, Form };

LeftOut leftOutInArticle(const GumboNode* node, const NodeStats& s, Strictness strictness) {
    if (strictness == Strictness::TagsOnly) return LeftOut::No;
    const GumboTag tag = tagOf(node);
    if (tag == GUMBO_TAG_FORM && s.textLength < 500) return LeftOut::Form;
    if (s.textLength < 200 &&
        hasHintWord(node,
                    {"byline",  "author",    "authors",      "meta",         "dateline",   "date",        "published",
                     "posted",  "time",      "timestamp",    "postmeta",     "entrymeta",  "submitted",   "credit",
                     "credits", "copyright", "photographer", "bildnachweis", "fotocredit", "imagecredit", "source"}))
        return LeftOut::Metadata;
    if (isBylineLike(node, s)) return LeftOut::Metadata;
    // Image captions and credits; a gallery's captions that read as paragraphs stay.
    const bool caption =
        tag == GUMBO_TAG_FIGCAPTION ||
        hasHintWord(node, {"caption", "figcaption", "legend", "bildunterschrift", "bildtext", "didascalia", "dida"});
    if (caption && s.textLength < 300 && (s.paragraphs == 0 || s.textLength < 150)) return LeftOut::Metadata;
    const bool container = tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DL || tag == GUMBO_TAG_DIV ||
                           tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_P;
    if (container && s.textLength > 0 && linkDensity(s) > 0.5) return LeftOut::LinkList;
    return LeftOut::No;
}

// --- [SECTION] Tables ----------------------------------------------------------------------

bool isBlockLevel(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_FIELDSET:
        case GUMBO_TAG_LEGEND:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_BODY:
        case GUMBO_TAG_HTML: return true;
        default: return false;
    }
}

bool isHeading(GumboTag tag) { return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6; }


// The rows of `table` (not those of tables inside it).
std::vector<const GumboNode*> tableRows(const GumboNode* table) {
    std::vector<const GumboNode*> rows;
    for (unsigned i = 0; i < childrenOf(table).length; ++i) {
        const auto* child = static_cast<const GumboNode*>(childrenOf(table).data[i]);
        const GumboTag tag = tagOf(child);
        if (tag == GUMBO_TAG_TR) rows.push_back(child);
        if (tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT)
            for (unsigned j = 0; j < childrenOf(child).length; ++j) {
                const auto* row = static_cast<const GumboNode*>(childrenOf(child).data[j]);
                if (tagOf(row) == GUMBO_TAG_TR) rows.push_back(row);
            }
    }
    return rows;
}

// A data table: no cell holds a block element or a heading.
bool isDataTable(const GumboNode* table) {
    std::vector<const GumboNode*> stack;
    for (const GumboNode* row : tableRows(table))
        for (unsigned i = 0; i < childrenOf(row).length; ++i)
            stack.push_back(static_cast<GumboNode*>(childrenOf(row).data[i]));
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        if (!isElement(node)) continue;
        const GumboTag tag = tagOf(node);
        if (tag != GUMBO_TAG_TD && tag != GUMBO_TAG_TH && (isBlockLevel(tag) || isHeading(tag) || tag == GUMBO_TAG_LI))
            return false;
        for (unsigned i = 0; i < childrenOf(node).length; ++i)
            stack.push_back(static_cast<GumboNode*>(childrenOf(node).data[i]));
    }
    return true;
}

// The text of a cell: inline content, <br> and line breaks as spaces.
std::string cellText(const GumboNode* cell, const StatsMap& stats) {
    std::string out;
    std::vector<const GumboNode*> stack{cell};
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
            for (const char c : std::string_view(node->v.text.text))
                out += c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
            continue;
        }
        if (!isElement(node) || statsOf(stats, node) == nullptr) continue;
        if (tagOf(node) == GUMBO_TAG_BR) out += ' ';
        for (unsigned i = childrenOf(node).length; i > 0; --i)
            stack.push_back(static_cast<GumboNode*>(childrenOf(node).data[i - 1]));
    }
    return std::string(trimAscii(out));
}

// --- [SECTION] The walk --------------------------------------------------------------------

class BlockBuilder {
public:
    BlockBuilder(const StatsMap& stats, Strictness strictness) : m_stats(stats), m_strictness(strictness) {}

    // `checkRoot`: `root` itself may be left out too (a part of the lead).
    void walk(const GumboNode* root, bool checkRoot = false) {
        struct Item {
            const GumboNode* node;
            bool exit;
        };
        std::vector<Item> stack{{root, false}};
        while (!stack.empty()) {
            const Item item = stack.back();
            stack.pop_back();
            const GumboNode* node = item.node;
            if (item.exit) {
                leave(node);
                continue;
            }
            if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
                node->type == GUMBO_NODE_CDATA) {
                appendText(node->v.text.text);
                continue;
            }
            if (!isElement(node)) continue;
            const NodeStats* s = statsOf(m_stats, node);
            if (s == nullptr) continue;  // dropped
            if (const LeftOut why = node != root || checkRoot ? leftOutInArticle(node, *s, m_strictness) : LeftOut::No;
                why != LeftOut::No) {
                flush();
                // The heading of a list of links or of a form goes with it; a headline
                // followed by its byline stays.
                if (why != LeftOut::Metadata) dropTrailingHeadings();
                continue;
            }
            const GumboTag tag = tagOf(node);
            if (tag == GUMBO_TAG_BR) {
                m_text += '\n';
                continue;
            }
            if (tag == GUMBO_TAG_TABLE && isDataTable(node)) {
                table(node);
                continue;
            }
            enter(node);
            stack.push_back({node, true});
            for (unsigned i = childrenOf(node).length; i > 0; --i)
                stack.push_back({static_cast<GumboNode*>(childrenOf(node).data[i - 1]), false});
        }
        flush();
    }

    std::vector<Block> take() {
        dropTrailingHeadings();
        return std::move(m_blocks);
    }

private:
    struct Context {
        BlockKind kind;
        int level;
    };

    void enter(const GumboNode* node) {
        const GumboTag tag = tagOf(node);
        if (tag == GUMBO_TAG_PRE) ++m_pre;
        if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) ++m_listDepth;
        if (isHeading(tag)) {
            flush();
            m_context.push_back({BlockKind::Heading, int(tag - GUMBO_TAG_H1) + 1});
        } else if (tag == GUMBO_TAG_LI) {
            flush();
            m_context.push_back({BlockKind::ListItem, std::max(0, m_listDepth - 1)});
        } else if (isBlockLevel(tag)) {
            flush();
            m_context.push_back({BlockKind::Paragraph, 0});
        }
    }

    void leave(const GumboNode* node) {
        const GumboTag tag = tagOf(node);
        if (tag == GUMBO_TAG_PRE) --m_pre;
        if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) --m_listDepth;
        if (isHeading(tag) || tag == GUMBO_TAG_LI || isBlockLevel(tag)) {
            flush();
            if (!m_context.empty()) m_context.pop_back();
        }
    }

    void appendText(std::string_view text) {
        if (m_pre > 0) {
            for (const char c : text)
                if (c != '\r') m_text += c;
            return;
        }
        for (const char c : text) m_text += c == '\n' || c == '\r' || c == '\t' || c == '\f' ? ' ' : c;
    }

    void flush() {
        bool empty = true;
        for (const char c : m_text)
            if (!std::isspace(static_cast<unsigned char>(c))) {
                empty = false;
                break;
            }
        if (!empty) {
            Block block;
            if (!m_context.empty()) {
                block.kind = m_context.back().kind;
                block.level = m_context.back().level;
            }
            block.text = std::move(m_text);
            m_blocks.push_back(std::move(block));
            if (m_blocks.back().kind != BlockKind::Heading) m_keptUpTo = m_blocks.size();
        }
        m_text.clear();
    }

    // Headings with nothing after them (yet) since the last text.
    void dropTrailingHeadings() {
        while (!m_blocks.empty() && m_blocks.back().kind == BlockKind::Heading && m_blocks.size() > m_keptUpTo)
            m_blocks.pop_back();
    }

    void table(const GumboNode* node) {
        flush();
        for (const GumboNode* row : tableRows(node)) {
            if (statsOf(m_stats, row) == nullptr) continue;
            std::vector<std::string> cells;
            for (unsigned i = 0; i < childrenOf(row).length; ++i) {
                const auto* cell = static_cast<const GumboNode*>(childrenOf(row).data[i]);
                const GumboTag tag = tagOf(cell);
                if ((tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) && statsOf(m_stats, cell) != nullptr)
                    cells.push_back(cellText(cell, m_stats));
            }
            while (!cells.empty() && cells.back().empty()) cells.pop_back();
            std::size_t filled = 0;
            for (const auto& c : cells) filled += c.empty() ? 0 : 1;
            if (filled == 0) continue;
            Block block;
            if (filled == 1) {
                for (auto& c : cells)
                    if (!c.empty()) block.text = std::move(c);
            } else {
                block.kind = BlockKind::TableRow;
                for (std::size_t i = 0; i < cells.size(); ++i) block.text += (i ? "\t" : "") + cells[i];
            }
            m_blocks.push_back(std::move(block));
            m_keptUpTo = m_blocks.size();
        }
    }

    const StatsMap& m_stats;
    Strictness m_strictness;
    std::vector<Block> m_blocks;
    std::vector<Context> m_context;
    std::string m_text;
    int m_pre = 0;
    int m_listDepth = 0;
    std::size_t m_keptUpTo = 0;  // blocks up to the last one that is not a heading
};

}  // namespace

std::vector<Block> extractBlocks(const ArticleRoot& root, const StatsMap& stats, Strictness strictness) {
    BlockBuilder builder(stats, strictness);
    for (const GumboNode* node : root.lead) builder.walk(node, true);
    for (const GumboNode* node : root.nodes) builder.walk(node);
    return builder.take();
}

}  // namespace claimmark::intake::detail
