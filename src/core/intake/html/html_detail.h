// html_detail.h — what the HTML extractor's files share inside src/core/intake/html. Private:
// not part of html_extract.h.
//
//   html_charset.cpp   the page's bytes to UTF-8 (BOM, HTTP header, <meta> prescan, ICU)
//   html_metadata.cpp  SourceMetadata from <head>, OpenGraph, JSON-LD; JSON-LD articleBody
//   html_body.cpp      what is boilerplate (dropped), text statistics
//   html_root.cpp      the article's root, with the headline and lead before it
//   html_blocks.cpp    the DOM under the root to Blocks
//   html_extract.cpp   parsing (with the nesting guard) and putting it together
//
// Every walk over the tree uses an explicit stack: pages may nest without bound.
#pragma once

#include "core/intake/extracted_article.h"

#include <gumbo.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace claimmark::intake::detail {

// --- Strings ------------------------------------------------------------------------------

std::string toLowerAscii(std::string_view text);
std::string_view trimAscii(std::string_view text);
// Runs of ASCII white space to one space, trimmed.
std::string collapseSpaces(std::string_view text);
bool startsWithNoCase(std::string_view text, std::string_view prefix);

// --- The DOM ------------------------------------------------------------------------------

inline bool isElement(const GumboNode* node) {
    return node != nullptr && (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE);
}
inline GumboTag tagOf(const GumboNode* node) { return isElement(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN; }
// <html>, <body>, <main>, <article>: never boilerplate by their class, never widened past.
inline bool isStructural(GumboTag tag) {
    return tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_ARTICLE;
}
// The attribute's value, or an empty view when the element has none.
std::string_view attribute(const GumboNode* node, const char* name);
bool hasAttribute(const GumboNode* node, const char* name);
// The lower-cased tag name, also for tags gumbo does not know ("custom-element").
std::string tagName(const GumboNode* node);
// Every text under `node` (CDATA and white space included), in document order.
std::string textContent(const GumboNode* node);
// `url` resolved against `base` (RFC 3986 in the common cases); `url` as is when it is
// absolute or `base` is not an absolute URL.
std::string resolveUrl(std::string_view url, std::string_view base);

// --- Boilerplate and statistics (html_body.cpp) ---------------------------------------------

enum class Strictness {
    Full,      // tags, hidden elements, roles and class / id hints
    TagsOnly,  // tags and hidden elements only (the fallback when Full leaves no text)
};

enum class Drop {
    No,
    Always,      // by tag, hidden, role, or called comments / cookie banner
    UnlessText,  // by class / id; kept when it holds article-like text after all
};
// Elements that are never article text: script, style, hidden, nav, ...
Drop dropKind(const GumboNode* node, Strictness strictness);
inline bool isDropped(const GumboNode* node, Strictness strictness) { return dropKind(node, strictness) != Drop::No; }
// The element's class and id hints: > 0 article-like, < 0 boilerplate-like.
int classWeight(const GumboNode* node);

struct NodeStats {
    std::size_t textLength = 0;  // code points of text, white space runs counted as one
    std::size_t linkLength = 0;  // of which inside <a>
    std::size_t commas = 0;
    std::size_t paragraphs = 0;     // <p> elements with text
    std::size_t paragraphText = 0;  // text of <p> / <pre> / <blockquote> / <li> of 25 or more with few links
};
using StatsMap = std::unordered_map<const GumboNode*, NodeStats>;

// Statistics of every element not dropped under `strictness`.
StatsMap computeStats(const GumboNode* root, Strictness strictness);

inline double linkDensity(const NodeStats& s) {
    return s.textLength == 0 ? 0.0 : double(s.linkLength) / double(s.textLength);
}

// --- The root (html_root.cpp) ----------------------------------------------------------------

// The article: one element, or several consecutive siblings of one parent; and before it the
// headline and what follows it (standfirst, lead) when they are outside it.
struct ArticleRoot {
    std::vector<const GumboNode*> lead;  // whole subtrees from the <h1> up to nodes.front()
    std::vector<const GumboNode*> nodes;
    std::string how;  // "itemprop=articleBody", "<article>", "text density"
};

// `pageTitle` (the page's own title, from its metadata) picks the story on a page of several.
ArticleRoot findArticleRoot(const GumboNode* document, const StatsMap& stats, Strictness strictness,
                            const std::string& pageTitle);

// --- Blocks (html_blocks.cpp) -------------------------------------------------------------

// The blocks of the elements of `root` (dropped elements and link-heavy lists left out).
std::vector<Block> extractBlocks(const ArticleRoot& root, const StatsMap& stats, Strictness strictness);

// --- Metadata (html_metadata.cpp) -----------------------------------------------------------

struct PageMetadata {
    SourceMetadata metadata;
    std::string jsonLdBody;  // JSON-LD articleBody, when a page gives one
};

PageMetadata extractMetadata(const GumboNode* document, std::string_view baseUrl);

}  // namespace claimmark::intake::detail
