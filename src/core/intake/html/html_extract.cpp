// html_extract.cpp — extractHtml (html_extract.h), and the helpers the HTML files share
// (html_detail.h).
//
// [SECTION] Strings and the DOM   helpers of html_detail.h
// [SECTION] Nesting guard         start tags nested deeper than kMaxNesting are dropped
//                                 before gumbo sees them (gumbo 0.10 takes time quadratic in
//                                 the depth: 100,000 nested <div>s would take minutes)
// [SECTION] extractHtml           parse, metadata, the root, blocks; JSON-LD articleBody when
//                                 the DOM gives no text
#include "core/intake/html/html_extract.h"

#include "core/intake/article_text.h"
#include "core/intake/html/html_detail.h"

#include <algorithm>
#include <cctype>
#include <memory>

namespace claimmark::intake {

namespace detail {

// --- [SECTION] Strings and the DOM -----------------------------------------------------------

std::string toLowerAscii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trimAscii(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

std::string collapseSpaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (const char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    return true;
}

std::string_view attribute(const GumboNode* node, const char* name) {
    if (!isElement(node)) return {};
    const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a == nullptr || a->value == nullptr ? std::string_view{} : std::string_view(a->value);
}

bool hasAttribute(const GumboNode* node, const char* name) {
    return isElement(node) && gumbo_get_attribute(&node->v.element.attributes, name) != nullptr;
}

std::string tagName(const GumboNode* node) {
    if (!isElement(node)) return {};
    if (node->v.element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(node->v.element.tag);
    GumboStringPiece piece = node->v.element.original_tag;
    if (piece.data == nullptr) return {};
    gumbo_tag_from_original_text(&piece);
    return toLowerAscii(std::string_view(piece.data, piece.length));
}

std::string textContent(const GumboNode* node) {
    std::string out;
    std::vector<const GumboNode*> stack{node};
    while (!stack.empty()) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
            out += n->v.text.text;
        } else if (isElement(n)) {
            const GumboVector& children = n->v.element.children;
            for (unsigned i = children.length; i > 0; --i)
                stack.push_back(static_cast<GumboNode*>(children.data[i - 1]));
        }
    }
    return out;
}

std::string resolveUrl(std::string_view url, std::string_view base) {
    url = trimAscii(url);
    const std::size_t colon = url.find(':');
    const std::size_t firstSpecial = url.find_first_of("/?#");
    if (colon != std::string_view::npos && colon > 0 &&
        (firstSpecial == std::string_view::npos || colon < firstSpecial))
        return std::string(url);  // has a scheme
    const std::size_t schemeEnd = base.find("://");
    if (schemeEnd == std::string_view::npos || url.empty()) return std::string(url);
    const std::string_view scheme = base.substr(0, schemeEnd);
    const std::size_t hostEnd = base.find_first_of("/?#", schemeEnd + 3);
    const std::string_view origin = base.substr(0, hostEnd == std::string_view::npos ? base.size() : hostEnd);
    if (url.starts_with("//")) return std::string(scheme) + ":" + std::string(url);
    if (url.front() == '#' || url.front() == '?') {
        const std::size_t cut = base.find(url.front() == '#' ? "#" : "?#");
        return std::string(base.substr(0, cut == std::string_view::npos ? base.size() : cut)) + std::string(url);
    }
    std::string path;
    if (url.front() == '/') {
        path = std::string(url);
    } else {
        std::string_view basePath = hostEnd == std::string_view::npos ? std::string_view("/") : base.substr(hostEnd);
        basePath = basePath.substr(0, basePath.find_first_of("?#"));
        const std::size_t slash = basePath.rfind('/');
        path = std::string(slash == std::string_view::npos ? "/" : basePath.substr(0, slash + 1)) + std::string(url);
    }
    // Remove dot segments of the path (before any query or fragment).
    const std::size_t queryAt = path.find_first_of("?#");
    const std::string tail = queryAt == std::string::npos ? "" : path.substr(queryAt);
    if (queryAt != std::string::npos) path.resize(queryAt);
    std::vector<std::string> segments;
    std::size_t start = 1;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        const std::string segment = path.substr(start, end - start);
        const bool last = end == path.size();
        if (segment == "..") {
            if (!segments.empty()) segments.pop_back();
            if (last) segments.emplace_back();
        } else if (segment == ".") {
            if (last) segments.emplace_back();
        } else {
            segments.push_back(segment);
        }
        start = end + 1;
    }
    std::string out(origin);
    for (const auto& segment : segments) out += "/" + segment;
    if (segments.empty()) out += "/";
    return out + tail;
}

}  // namespace detail

namespace {

// --- [SECTION] Nesting guard ---------------------------------------------------------------

constexpr int kMaxNesting = 512;

bool isVoidOrSelfClosing(std::string_view name) {
    static const char* const kNames[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                         "param", "source", "track", "wbr", "keygen",
                                         // closed implicitly by their siblings: not counted either way
                                         "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody",
                                         "thead", "tfoot", "rt", "rp", "colgroup"};
    for (const char* n : kNames)
        if (name == n) return true;
    return false;
}

bool isRawText(std::string_view name) {
    return name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp" ||
           name == "plaintext";
}

// The page with start tags beyond kMaxNesting open elements left out (and as many end tags
// after them); empty when nothing nests that deep. An estimate of the tree gumbo will build,
// good enough to bound it.
std::string flattenDeepNesting(std::string_view html) {
    std::string out;
    bool changed = false;
    int depth = 0;
    long excess = 0;
    std::size_t copied = 0, pos = 0;
    while (true) {
        const std::size_t lt = html.find('<', pos);
        if (lt == std::string_view::npos || lt + 1 >= html.size()) break;
        if (html.compare(lt, 4, "<!--") == 0) {
            const std::size_t end = html.find("-->", lt + 4);
            if (end == std::string_view::npos) break;
            pos = end + 3;
            continue;
        }
        const bool closing = html[lt + 1] == '/';
        std::size_t nameStart = lt + (closing ? 2 : 1);
        std::size_t nameEnd = nameStart;
        while (nameEnd < html.size() &&
               (std::isalnum(static_cast<unsigned char>(html[nameEnd])) || html[nameEnd] == '-'))
            ++nameEnd;
        if (nameEnd == nameStart || !std::isalpha(static_cast<unsigned char>(html[nameStart]))) {
            pos = lt + 1;
            continue;
        }
        std::size_t gt = html.find('>', nameEnd);
        if (gt == std::string_view::npos) break;
        const std::string name = detail::toLowerAscii(html.substr(nameStart, nameEnd - nameStart));
        const bool selfClosing = html[gt - 1] == '/';
        bool drop = false;
        if (closing) {
            if (!isVoidOrSelfClosing(name)) {
                if (excess > 0) {
                    --excess;
                    drop = true;
                } else if (depth > 0) {
                    --depth;
                }
            }
        } else if (!isVoidOrSelfClosing(name) && !selfClosing) {
            if (depth >= kMaxNesting) {
                ++excess;
                drop = true;
            } else {
                ++depth;
            }
        }
        if (drop) {
            out.append(html.substr(copied, lt - copied));
            copied = gt + 1;
            changed = true;
        }
        pos = gt + 1;
        if (!closing && isRawText(name)) {
            // Skip to the matching end tag: its content is not markup.
            std::size_t end = pos;
            while (true) {
                end = html.find("</", end);
                if (end == std::string_view::npos || detail::startsWithNoCase(html.substr(end + 2), name)) break;
                end += 2;
            }
            if (end == std::string_view::npos) break;
            pos = end;
        }
    }
    if (!changed) return {};
    out.append(html.substr(copied));
    return out;
}

struct GumboDeleter {
    void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

Diagnostic error(const std::string& sourceName, std::string message) { return Diagnostic{sourceName, "", message}; }

// JSON-LD articleBody as blocks: a paragraph per line.
std::vector<Block> blocksFromText(std::string_view body) {
    std::vector<Block> blocks;
    std::size_t start = 0;
    while (start <= body.size()) {
        std::size_t end = body.find('\n', start);
        if (end == std::string_view::npos) end = body.size();
        Block block;
        block.text = std::string(body.substr(start, end - start));
        if (!detail::trimAscii(block.text).empty()) blocks.push_back(std::move(block));
        start = end + 1;
    }
    return blocks;
}

bool hasText(const std::vector<Block>& blocks) {
    for (const Block& b : blocks)
        if (!normalizeBlockText(b.text).empty()) return true;
    return false;
}

}  // namespace

// --- [SECTION] extractHtml -----------------------------------------------------------------

Result<ExtractedArticle> extractHtml(const HtmlInput& input, const std::string& sourceName) {
    Result<std::string> utf8 = htmlToUtf8(input, sourceName);
    if (!utf8) return utf8.errors();
    ExtractedArticle article;

    std::string html = std::move(*utf8);
    std::string flattened = flattenDeepNesting(html);
    if (!flattened.empty()) {
        html = std::move(flattened);
        article.notes.push_back("elements nested deeper than " + std::to_string(kMaxNesting) +
                                " levels were flattened");
    }

    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // gumbo copies the open elements into every error: quadratic
    const std::unique_ptr<GumboOutput, GumboDeleter> output(
        gumbo_parse_with_options(&options, html.data(), html.size()));
    if (!output || output->document == nullptr) return error(sourceName, "the page could not be parsed as HTML");
    const GumboNode* document = output->document;

    detail::PageMetadata page = detail::extractMetadata(document, input.baseUrl);
    article.metadata = std::move(page.metadata);

    for (const detail::Strictness strictness : {detail::Strictness::Full, detail::Strictness::TagsOnly}) {
        const detail::StatsMap stats = detail::computeStats(document, strictness);
        const detail::ArticleRoot root = detail::findArticleRoot(document, stats, strictness, article.metadata.title);
        if (root.nodes.empty()) continue;
        std::vector<Block> blocks = detail::extractBlocks(root, stats, strictness);
        if (!hasText(blocks)) continue;
        article.blocks = std::move(blocks);
        article.notes.push_back("article body: " + root.how);
        if (strictness == detail::Strictness::TagsOnly)
            article.notes.push_back("class and id hints were ignored: with them nothing was left");
        break;
    }
    if (article.blocks.empty() && !page.jsonLdBody.empty()) {
        article.blocks = blocksFromText(page.jsonLdBody);
        if (hasText(article.blocks)) article.notes.push_back("article body: JSON-LD articleBody");
    }
    if (!hasText(article.blocks)) return error(sourceName, "no article text found");
    return article;
}

}  // namespace claimmark::intake
