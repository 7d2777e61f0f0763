// html_body.cpp — where the article is on the page (html_detail.h).
//
// [SECTION] Boilerplate   elements never taken as article text: by tag (script, nav, aside,
//                         ...), hidden ones (hidden, aria-hidden, display:none), landmark roles,
//                         and class / id words (comments, cookie banners, share bars, ads, ...)
// [SECTION] Statistics    per element: text length, link text, commas, paragraphs
// [SECTION] The root      itemprop=articleBody; else the best-scored container (each
//                         paragraph of 25 or more characters scores 1 + its commas + a point
//                         per 100 characters (at most 3) for its parent, half for the
//                         grandparent, a third of a level for those above; a container starts
//                         from its tag and class / id hints; the total is scaled by 1 - its link
//                         density), widened to its <article> when it is in one, or to the
//                         siblings that score or read like paragraphs
#include "core/intake/html/html_detail.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace claimmark::intake::detail {

namespace {

// --- [SECTION] Boilerplate -------------------------------------------------------------------

// Lower-cased words of the class and id: "post-comments_list" → post, comments, list.
std::vector<std::string> hintWords(const GumboNode* node) {
    std::vector<std::string> words;
    for (const char* name : {"class", "id"}) {
        std::string current;
        for (const char c : attribute(node, name)) {
            if (std::isalnum(static_cast<unsigned char>(c))) {
                current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            } else if (!current.empty()) {
                words.push_back(std::move(current));
                current.clear();
            }
        }
        if (!current.empty()) words.push_back(std::move(current));
    }
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
                   {"advert", "adsense", "adslot", "adsbygoogle", "sharing", "shariff", "sharebar", "socialmedia",
                    "subscri", "breadcrumb", "recommend", "sponsor", "popup", "modal", "relatedposts", "promo"});
}

bool stronglyPositive(const std::vector<std::string>& w) {
    return anyWord(w, {"article", "content", "entry", "story", "articlebody", "artikel", "inhalt", "main"},
                   {"article", "content", "story"});
}

// Boilerplate unless the element is also called article, content, ...
bool weakNegative(const std::vector<std::string>& w) {
    return anyWord(w,
                   {"nav",    "menu",   "footer", "foot",     "sidebar", "widget", "widgets", "masthead", "pagination",
                    "pager",  "banner", "tags",   "tagcloud", "toolbar", "search", "skip",    "print",    "sitemap",
                    "topbar", "links",  "aside",  "rail",     "more",    "teaser", "teasers", "extra"},
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

bool isStructural(GumboTag tag) {
    return tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_ARTICLE;
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
        case GUMBO_TAG_NOSCRIPT:
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
        case GUMBO_TAG_MENU: return Drop::Always;
        case GUMBO_TAG_HEADER:
            if (!insideArticleOrMain(node)) return Drop::Always;
            break;
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
    if (strongNegative(words) && !stronglyPositive(words)) return Drop::UnlessText;
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
        bool soft;  // dropped unless it holds article-like text
    };
    std::vector<Frame> stack;
    stack.push_back({root, 0, {}, true, false});
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
                if (drop != Drop::Always) stack.push_back({child, 0, {}, true, drop == Drop::UnlessText});
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
                if (!isElement(n) || map.erase(n) == 0 && n != node) continue;
                for (unsigned i = 0; i < n->v.element.children.length; ++i)
                    inner.push_back(static_cast<const GumboNode*>(n->v.element.children.data[i]));
            }
            stack.pop_back();
            continue;
        }
        if (tagOf(node) == GUMBO_TAG_A) done.linkLength = done.textLength;
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

// --- [SECTION] The root ----------------------------------------------------------------------

namespace {

bool isBlockTag(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_LI: return true;
        default: return false;
    }
}

bool hasBlockChild(const GumboNode* node) {
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i)
        if (isBlockTag(tagOf(static_cast<const GumboNode*>(children.data[i])))) return true;
    return false;
}

// Paragraph-like: scored for the containers above it.
bool isParagraphLike(const GumboNode* node) {
    switch (tagOf(node)) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_BLOCKQUOTE: return true;
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_SECTION: return !hasBlockChild(node);
        default: return false;
    }
}

double tagBase(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN: return 5;
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_BLOCKQUOTE: return 3;
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_FORM: return -3;
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_TH: return -5;
        default: return 0;
    }
}

const NodeStats* statsOf(const StatsMap& stats, const GumboNode* node) {
    const auto it = stats.find(node);
    return it == stats.end() ? nullptr : &it->second;
}

// Every element not dropped, in document order.
template <class Visit>
void forEachElement(const GumboNode* root, const StatsMap& stats, Visit visit) {
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        const GumboVector* children = nullptr;
        if (node->type == GUMBO_NODE_DOCUMENT) {
            children = &node->v.document.children;
        } else if (isElement(node) && statsOf(stats, node) != nullptr) {
            visit(node);
            children = &node->v.element.children;
        }
        if (children == nullptr) continue;
        for (unsigned i = children->length; i > 0; --i) {
            const auto* child = static_cast<const GumboNode*>(children->data[i - 1]);
            if (isElement(child)) stack.push_back(child);
        }
    }
}

bool readsLikeParagraph(const GumboNode* node, const NodeStats& s) {
    const GumboTag tag = tagOf(node);
    if (tag != GUMBO_TAG_P && !(tag == GUMBO_TAG_DIV && !hasBlockChild(node)) && tag != GUMBO_TAG_BLOCKQUOTE &&
        tag != GUMBO_TAG_UL && tag != GUMBO_TAG_OL && !(tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6))
        return false;
    const double density = linkDensity(s);
    if (s.textLength > 80) return density < 0.25;
    if (s.textLength == 0 || density > 0) return false;
    const std::string text = collapseSpaces(textContent(node));
    return text.find(". ") != std::string::npos || (!text.empty() && text.back() == '.');
}

// Text of some length with few links, not called anything boilerplate-like.
bool contentLike(const GumboNode* node, const NodeStats& s) {
    return s.textLength >= 140 && linkDensity(s) < 0.25 && classWeight(node) >= 0 && s.paragraphs >= 1;
}

// The <article> and the siblings after and before it that continue it: more <article>s and
// paragraphs of text.
void withContinuingSiblings(const GumboNode* article, const StatsMap& stats, ArticleRoot& root) {
    const GumboNode* parent = article->parent;
    if (!isElement(parent) || tagOf(parent) == GUMBO_TAG_HTML) {
        root.nodes.push_back(article);
        return;
    }
    const GumboVector& siblings = parent->v.element.children;
    for (unsigned i = 0; i < siblings.length; ++i) {
        const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
        const NodeStats* s = statsOf(stats, sibling);
        if (s == nullptr) continue;
        const bool take = sibling == article ||
                          (tagOf(sibling) == GUMBO_TAG_ARTICLE && s->textLength >= 100 && linkDensity(*s) < 0.3 &&
                           s->paragraphs >= 1) ||
                          (tagOf(sibling) != GUMBO_TAG_ARTICLE && contentLike(sibling, *s));
        if (take) root.nodes.push_back(sibling);
    }
}

}  // namespace

// The article split over sibling containers: an ancestor of `node` with clearly more
// paragraph text and few links holds all of it.
const GumboNode* widened(const GumboNode* node, const StatsMap& stats) {
    const GumboNode* chosen = node;
    const NodeStats* chosenStats = statsOf(stats, node);
    if (chosenStats == nullptr) return node;
    for (const GumboNode* a = node->parent; isElement(a) && !isStructural(tagOf(a)); a = a->parent) {
        const NodeStats* s = statsOf(stats, a);
        if (s == nullptr || linkDensity(*s) > 0.25) break;
        if (double(s->paragraphText) >= 1.25 * double(chosenStats->paragraphText) + 100) {
            chosen = a;
            chosenStats = s;
        }
    }
    return chosen;
}

ArticleRoot findArticleRoot(const GumboNode* document, const StatsMap& stats, Strictness strictness) {
    (void)strictness;
    ArticleRoot root;

    // Scores of the containers.
    std::unordered_map<const GumboNode*, double> scores;
    std::vector<const GumboNode*> order;  // candidates in the order first scored
    const GumboNode* bestArticleBody = nullptr;
    forEachElement(document, stats, [&](const GumboNode* node) {
        const NodeStats& s = stats.at(node);
        if (toLowerAscii(attribute(node, "itemprop")) == "articlebody" && s.textLength >= 200 && linkDensity(s) < 0.5 &&
            (bestArticleBody == nullptr || s.textLength > stats.at(bestArticleBody).textLength))
            bestArticleBody = node;
        if (!isParagraphLike(node) || s.textLength < 25) return;
        const double points = 1.0 + double(s.commas) + std::min(double(s.textLength) / 100.0, 3.0);
        const GumboNode* ancestor = node->parent;
        for (int level = 0; level < 5 && isElement(ancestor); ++level, ancestor = ancestor->parent) {
            if (tagOf(ancestor) == GUMBO_TAG_HTML) break;
            auto [it, inserted] = scores.try_emplace(ancestor, 0.0);
            if (inserted) {
                it->second = tagBase(tagOf(ancestor)) + classWeight(ancestor);
                order.push_back(ancestor);
            }
            it->second += level == 0 ? points : level == 1 ? points / 2 : points / (level * 3);
        }
    });

    if (bestArticleBody != nullptr) {
        root.nodes.push_back(bestArticleBody);
        root.how = "itemprop=articleBody";
        return root;
    }

    const GumboNode* best = nullptr;
    double bestScore = 0;
    for (const GumboNode* node : order) {
        const NodeStats* s = statsOf(stats, node);
        if (s == nullptr) continue;
        const double score = scores[node] * (1.0 - linkDensity(*s));
        scores[node] = score;
        if (best == nullptr || score > bestScore) {
            best = node;
            bestScore = score;
        }
    }
    if (best == nullptr) {
        // No paragraph anywhere: the body as it is (short pages, link lists).
        const GumboNode* body = nullptr;
        forEachElement(document, stats, [&](const GumboNode* node) {
            if (body == nullptr && tagOf(node) == GUMBO_TAG_BODY) body = node;
        });
        if (body != nullptr) {
            root.nodes.push_back(body);
            root.how = "the whole <body> (no paragraphs)";
        }
        return root;
    }

    if (const GumboNode* wider = widened(best, stats); wider != best) {
        best = wider;
        bestScore = std::max(bestScore, scores.count(best) ? scores[best] : 0.0);
    }
    // The <article> the best container is in.
    for (const GumboNode* p = best; isElement(p); p = p->parent) {
        if (tagOf(p) == GUMBO_TAG_ARTICLE ||
            toLowerAscii(attribute(p, "itemtype")).find("article") != std::string::npos) {
            const NodeStats* s = statsOf(stats, p);
            if (s != nullptr && linkDensity(*s) < 0.5) {
                withContinuingSiblings(p, stats, root);
                root.how = "<article> around the densest text";
                return root;
            }
        }
    }
    // An <article> inside the best container that holds most of its text.
    const NodeStats& bestStats = stats.at(best);
    const GumboNode* inner = nullptr;
    forEachElement(best, stats, [&](const GumboNode* node) {
        if (tagOf(node) != GUMBO_TAG_ARTICLE) return;
        if (inner == nullptr || stats.at(node).textLength > stats.at(inner).textLength) inner = node;
    });
    if (inner != nullptr && double(stats.at(inner).textLength) >= 0.6 * double(bestStats.textLength)) {
        root.nodes.push_back(inner);
        root.how = "<article> holding most of the densest text";
        return root;
    }

    // The best container and those of its siblings that score or read like paragraphs.
    const GumboNode* parent = best->parent;
    if (!isElement(parent) || isStructural(tagOf(best))) {
        root.nodes.push_back(best);
        root.how = "text density";
        return root;
    }
    const double threshold = std::max(10.0, bestScore * 0.2);
    const GumboVector& siblings = parent->v.element.children;
    for (unsigned i = 0; i < siblings.length; ++i) {
        const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
        const NodeStats* s = statsOf(stats, sibling);
        if (s == nullptr) continue;
        bool take = sibling == best;
        if (!take) {
            const auto it = scores.find(sibling);
            const double bonus =
                classWeight(sibling) > 0 && classWeight(sibling) == classWeight(best) ? bestScore * 0.2 : 0;
            if (it != scores.end() && it->second + bonus >= threshold) take = true;
            if (!take && readsLikeParagraph(sibling, *s)) take = true;
            if (!take && contentLike(sibling, *s)) take = true;
        }
        if (take) root.nodes.push_back(sibling);
    }
    root.how = root.nodes.size() > 1 ? "text density (with siblings)" : "text density";
    return root;
}

}  // namespace claimmark::intake::detail
