// html_body.cpp — what is boilerplate on the page, and text statistics (html_detail.h).
//
// [SECTION] Boilerplate   elements never taken as article text: by tag (script, nav, aside,
//                         ...), hidden ones (hidden, aria-hidden, display:none), landmark roles,
//                         <noscript> unless it holds article-like text,
//                         and class / id words (comments, cookie banners, share bars, ads, ...)
// [SECTION] Statistics    per element: text length, link text, commas, paragraphs
#include "core/intake/html/html_detail.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace claimmark::intake::detail {

namespace {

// --- [SECTION] Boilerplate -------------------------------------------------------------------

// Appends the lower-cased alphanumeric words of `value`: "post-comments_list" → post,
// comments, list.
void appendWords(std::string_view value, std::vector<std::string>& words) {
    std::string current;
    for (const char c : value) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (!current.empty()) {
            words.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) words.push_back(std::move(current));
}

// The words of the class and id.
std::vector<std::string> hintWords(const GumboNode* node) {
    std::vector<std::string> words;
    for (const char* name : {"class", "id"}) appendWords(attribute(node, name), words);
    return words;
}

bool anyWord(const std::vector<std::string>& words, std::initializer_list<std::string_view> exact,
             std::initializer_list<std::string_view> prefixes) {
    for (const auto& w : words) {
        for (const auto e : exact)
            if (w == e) return true;
        for (const auto p : prefixes)
            if (w.starts_with(p)) return true;
    }
    return false;
}

// Always boilerplate, whatever else the element is called.
bool alwaysNegative(const std::vector<std::string>& w) {
    return anyWord(w, {"comments", "comment", "disqus", "respond", "cookie", "cookies", "outbrain", "taboola"},
                   {"commentlist", "commentform", "cookiebanner", "cookienotice", "cookieconsent", "consent", "gdpr",
                    "newsletter"});
}

// Boilerplate unless the element is also called article, content, entry or story.
bool strongNegative(const std::vector<std::string>& w) {
    return anyWord(w, {"ad", "ads", "adv", "advertising", "paywall", "share", "social", "related", "signup", "login"},
                   {"advert",     "adsense",   "adslot",     "adsbygoogle", "sharing",  "shariff",      "sharebar",
                    "shareblock", "sharethis", "sharedaddy", "addthis",     "addtoany", "socialmedia",  "subscri",
                    "breadcrumb", "recommend", "sponsor",    "popup",       "modal",    "relatedposts", "promo"});
}

bool stronglyPositive(const std::vector<std::string>& w) {
    return anyWord(w, {"article", "content", "entry", "story", "articlebody", "artikel", "inhalt", "main"},
                   {"article", "content", "story"});
}

// Strongly positive in a class name or id of its own: "related-content" is related, not content.
bool stronglyPositiveApart(const GumboNode* node) {
    for (const char* name : {"class", "id"}) {
        const std::string_view value = attribute(node, name);
        std::size_t start = 0;
        while (start < value.size()) {
            std::size_t end = start;
            while (end < value.size() && !std::isspace(static_cast<unsigned char>(value[end]))) ++end;
            std::vector<std::string> words;
            appendWords(value.substr(start, end - start), words);
            if (stronglyPositive(words) && !strongNegative(words)) return true;
            start = end + 1;
        }
    }
    return false;
}

// Boilerplate unless the element is also called article, content, ...
bool weakNegative(const std::vector<std::string>& w) {
    return anyWord(w,
                   {"nav",    "menu",   "footer", "foot",     "sidebar", "widget", "widgets", "masthead", "pagination",
                    "pager",  "banner", "tags",   "tagcloud", "toolbar", "search", "skip",    "print",    "sitemap",
                    "topbar", "links",  "aside",  "rail",     "more",    "teaser", "teasers", "extra",    "toc"},
                   {"navbar", "navigation", "menu", "sidebar", "footer", "widget", "skiplink"});
}

bool positive(const std::vector<std::string>& w) {
    return anyWord(w,
                   {"article", "body", "content", "entry", "post", "story", "text", "main", "blog", "hentry", "column",
                    "page", "articlebody", "artikel", "beitrag", "inhalt"},
                   {"article", "content", "story", "entry", "blogpost", "posttext"});
}

bool isHidden(const GumboNode* node) {
    if (hasAttribute(node, "hidden")) return true;
    if (toLowerAscii(attribute(node, "aria-hidden")) == "true") return true;
    const std::string_view style = attribute(node, "style");
    if (!style.empty()) {
        std::string compact;
        for (const char c : style)
            if (!std::isspace(static_cast<unsigned char>(c)))
                compact += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (compact.find("display:none") != std::string::npos || compact.find("visibility:hidden") != std::string::npos)
            return true;
    }
    for (const std::string_view cls :
         {"hidden", "d-none", "sr-only", "visually-hidden", "screen-reader-text", "hide"}) {
        const std::string_view classes = attribute(node, "class");
        std::size_t pos = 0;
        while ((pos = classes.find(cls, pos)) != std::string_view::npos) {
            const bool startOk = pos == 0 || std::isspace(static_cast<unsigned char>(classes[pos - 1]));
            const std::size_t end = pos + cls.size();
            const bool endOk = end == classes.size() || std::isspace(static_cast<unsigned char>(classes[end]));
            if (startOk && endOk) return true;
            pos = end;
        }
    }
    return false;
}

bool insideArticleOrMain(const GumboNode* node) {
    for (const GumboNode* p = node->parent; p != nullptr; p = p->parent) {
        const GumboTag t = tagOf(p);
        if (t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN) return true;
    }
    return false;
}


}  // namespace

int classWeight(const GumboNode* node) {
    const auto words = hintWords(node);
    if (words.empty()) return 0;
    int weight = 0;
    if (positive(words)) weight += 25;
    if (alwaysNegative(words) || strongNegative(words) || weakNegative(words) ||
        anyWord(words, {"meta", "byline", "author", "date", "footnote", "caption"}, {}))
        weight -= 25;
    return weight;
}


Drop dropKind(const GumboNode* node, Strictness strictness) {
    if (!isElement(node)) return Drop::No;
    switch (tagOf(node)) {
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_MATH:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_INPUT:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_MAP:
        case GUMBO_TAG_MENU:
        // Ruby annotations (furigana over Japanese kanji) are pronunciation, not text: read
        // inline they would split every word.
        case GUMBO_TAG_RT:
        case GUMBO_TAG_RP: return Drop::Always;
        case GUMBO_TAG_HEADER:
            if (!insideArticleOrMain(node)) return Drop::Always;
            break;
        // Mostly "enable JavaScript" and tracking pixels; but some pages give their text only
        // there, and an unclosed tag in one can hold the whole page.
        case GUMBO_TAG_NOSCRIPT: return Drop::UnlessText;
        default: break;
    }
    if (isHidden(node)) return Drop::Always;
    if (strictness == Strictness::TagsOnly) return Drop::No;
    const std::string role = toLowerAscii(attribute(node, "role"));
    if (role == "navigation" || role == "contentinfo" || role == "complementary" || role == "search" ||
        role == "dialog" || role == "alertdialog" || role == "menu" || role == "menubar" || role == "toolbar" ||
        (role == "banner" && !insideArticleOrMain(node)))
        return Drop::Always;
    if (isStructural(tagOf(node)) || hasAttribute(node, "itemprop")) return Drop::No;
    const auto words = hintWords(node);
    if (words.empty()) return Drop::No;
    if (alwaysNegative(words)) return Drop::Always;
    if (strongNegative(words) && !stronglyPositiveApart(node)) return Drop::UnlessText;
    return weakNegative(words) && !positive(words) ? Drop::UnlessText : Drop::No;
}

// --- [SECTION] Statistics --------------------------------------------------------------------

namespace {

void countText(std::string_view text, NodeStats& stats, bool& lastSpace) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0) == 0x80) continue;  // continuation byte
        if (std::isspace(c)) {
            if (!lastSpace) ++stats.textLength;
            lastSpace = true;
            continue;
        }
        lastSpace = false;
        ++stats.textLength;
        if (c == ',') ++stats.commas;
        // ，(U+FF0C) 、(U+3001) ،(U+060C)
        if (text.compare(i, 3, "\xEF\xBC\x8C") == 0 || text.compare(i, 3, "\xE3\x80\x81") == 0 ||
            text.compare(i, 2, "\xD8\x8C") == 0)
            ++stats.commas;
    }
}

}  // namespace

StatsMap computeStats(const GumboNode* root, Strictness strictness) {
    StatsMap map;
    struct Frame {
        const GumboNode* node;
        unsigned next;
        NodeStats stats;
        bool lastSpace;
        bool soft;    // dropped unless it holds article-like text
        bool inLink;  // an <a> or inside one: all its text is link text
    };
    std::vector<Frame> stack;
    stack.push_back({root, 0, {}, true, false, false});
    while (!stack.empty()) {
        Frame& top = stack.back();
        const GumboVector* children =
            top.node->type == GUMBO_NODE_DOCUMENT ? &top.node->v.document.children : &top.node->v.element.children;
        if (top.next < children->length) {
            const auto* child = static_cast<const GumboNode*>(children->data[top.next++]);
            if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
                child->type == GUMBO_NODE_CDATA) {
                countText(child->v.text.text, top.stats, top.lastSpace);
            } else if (isElement(child)) {
                const Drop drop = dropKind(child, strictness);
                if (drop != Drop::Always)
                    stack.push_back(
                        {child, 0, {}, true, drop == Drop::UnlessText, top.inLink || tagOf(child) == GUMBO_TAG_A});
            }
            continue;
        }
        NodeStats done = top.stats;
        const GumboNode* node = top.node;
        // A wrapper called "header" or "sidebar" around the whole article (unclosed tags).
        const bool keep = !top.soft || (done.paragraphs >= 3 && done.textLength >= 500 && linkDensity(done) < 0.3);
        if (!keep) {
            // Its descendants were recorded: take them out again.
            std::vector<const GumboNode*> inner{node};
            while (!inner.empty()) {
                const GumboNode* n = inner.back();
                inner.pop_back();
                if (!isElement(n) || (map.erase(n) == 0 && n != node)) continue;
                for (unsigned i = 0; i < n->v.element.children.length; ++i)
                    inner.push_back(static_cast<const GumboNode*>(n->v.element.children.data[i]));
            }
            stack.pop_back();
            continue;
        }
        if (top.inLink) done.linkLength = done.textLength;
        if (tagOf(node) == GUMBO_TAG_P && done.textLength >= 20) ++done.paragraphs;
        const GumboTag tag = tagOf(node);
        if ((tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_BLOCKQUOTE || tag == GUMBO_TAG_LI ||
             tag == GUMBO_TAG_TD) &&
            done.textLength >= 25 && linkDensity(done) < 0.3)
            done.paragraphText = done.textLength;
        if (isElement(node)) map[node] = done;
        stack.pop_back();
        if (!stack.empty()) {
            NodeStats& parent = stack.back().stats;
            parent.textLength += done.textLength;
            parent.linkLength += done.linkLength;
            parent.commas += done.commas;
            parent.paragraphs += done.paragraphs;
            parent.paragraphText += done.paragraphText;
            stack.back().lastSpace = false;
        }
    }
    return map;
}

}  // namespace claimmark::intake::detail
