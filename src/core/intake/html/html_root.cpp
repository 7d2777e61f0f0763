// html_root.cpp — where the article is on the page (html_detail.h).
//
// [SECTION] The root      itemprop=articleBody; else the best-scored container (each
//                         paragraph of 25 or more characters scores 1 + its commas + a point
//                         per 100 characters (at most 3) for its parent, half for the
//                         grandparent, a third of a level for those above; a container starts
//                         from its tag and class / id hints; the total is scaled by 1 - its link
//                         density), widened to its <article> when it is in one, or to the
//                         siblings that score or read like paragraphs; on a page of several
//                         stories, the <article> headed by the page title when the best
//                         container lies outside it
// [SECTION] Headline and lead   the last <h1> before the body (when the body holds none) and
//                         what lies between them (standfirst, lead, byline) when that is short
//                         and mostly not links: the lead of ArticleRoot
#include "core/intake/html/html_detail.h"

#include <algorithm>

namespace claimmark::intake::detail {

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

bool contains(const GumboNode* ancestor, const GumboNode* node) {
    for (const GumboNode* p = node; p != nullptr; p = p->parent)
        if (p == ancestor) return true;
    return false;
}

// The text of the first <h1> in `article`, else of its first <h2>; empty when it has neither.
std::string headingOf(const GumboNode* article, const StatsMap& stats) {
    const GumboNode* h1 = nullptr;
    const GumboNode* h2 = nullptr;
    forEachElement(article, stats, [&](const GumboNode* node) {
        if (tagOf(node) == GUMBO_TAG_H1 && h1 == nullptr) h1 = node;
        if (tagOf(node) == GUMBO_TAG_H2 && h2 == nullptr) h2 = node;
    });
    const GumboNode* heading = h1 != nullptr ? h1 : h2;
    return heading == nullptr ? std::string() : collapseSpaces(textContent(heading));
}

// A page that runs several stories one after the other (a feed loading the next ones below
// the first): the <article> headed by the page's own title, with paragraphs of its own and no
// story of another heading inside it (the largest such). Null when there is no other story or
// no story's heading matches the title.
const GumboNode* articleHeadedByTitle(const GumboNode* document, const StatsMap& stats, const std::string& title) {
    const std::string pageTitle = toLowerAscii(collapseSpaces(title));
    if (pageTitle.size() < 10) return nullptr;
    struct Story {
        const GumboNode* node;
        bool titled;
    };
    std::vector<Story> stories;
    forEachElement(document, stats, [&](const GumboNode* node) {
        if (tagOf(node) != GUMBO_TAG_ARTICLE) return;
        const NodeStats& s = stats.at(node);
        if (s.paragraphs < 2 || s.textLength < 300 || linkDensity(s) >= 0.5) return;
        const std::string heading = toLowerAscii(headingOf(node, stats));
        stories.push_back({node, heading.size() >= 10 && pageTitle.find(heading) != std::string::npos});
    });
    const GumboNode* chosen = nullptr;
    bool otherStory = false;
    for (const Story& story : stories) {
        if (!story.titled) {
            otherStory = true;
            continue;
        }
        bool holdsOther = false;
        for (const Story& inner : stories)
            if (!inner.titled && contains(story.node, inner.node)) holdsOther = true;
        if (!holdsOther && (chosen == nullptr || stats.at(story.node).textLength > stats.at(chosen).textLength))
            chosen = story.node;
    }
    return otherStory ? chosen : nullptr;
}

ArticleRoot findBody(const GumboNode* document, const StatsMap& stats, const std::string& title) {
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

    if (const GumboNode* titled = articleHeadedByTitle(document, stats, title);
        titled != nullptr && !contains(titled, best)) {
        root.nodes.push_back(titled);
        root.how = "the <article> headed by the page title";
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
            if (s == nullptr || linkDensity(*s) >= 0.5) continue;
            // An article in parts: <article>s as sections of a container with more text.
            if (const GumboNode* wider = widened(p, stats); wider != p) {
                best = wider;
                bestScore = std::max(bestScore, scores.count(best) ? scores[best] : 0.0);
                break;
            }
            {
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

// --- [SECTION] Headline and lead -------------------------------------------------------------

constexpr std::size_t kMaxLead = 1500;  // code points between the headline and the body

// The node after `node` in document order, its subtree skipped; null at the end.
const GumboNode* nextSkippingSubtree(const GumboNode* node) {
    for (const GumboNode* n = node; n != nullptr && isElement(n->parent); n = n->parent) {
        const GumboVector& siblings = n->parent->v.element.children;
        if (n->index_within_parent + 1 < siblings.length)
            return static_cast<const GumboNode*>(siblings.data[n->index_within_parent + 1]);
    }
    return nullptr;
}

// The elements from `from` up to `to` (which comes after it), as whole subtrees that do not
// hold `to`, in document order.
std::vector<const GumboNode*> elementsBetween(const GumboNode* from, const GumboNode* to) {
    std::vector<const GumboNode*> out;
    const GumboNode* n = from;
    while (n != nullptr && n != to) {
        if (isElement(n) && contains(n, to)) {
            n = n->v.element.children.length > 0 ? static_cast<const GumboNode*>(n->v.element.children.data[0])
                                                 : nextSkippingSubtree(n);
            continue;
        }
        if (isElement(n)) out.push_back(n);
        n = nextSkippingSubtree(n);
    }
    return n == to ? out : std::vector<const GumboNode*>{};
}

// The last <h1> before the body, when the body holds none: it and what follows it up to the
// body (a standfirst, a lead paragraph) when that is short and not a list of links.
void addLead(const GumboNode* document, const StatsMap& stats, ArticleRoot& root) {
    if (root.nodes.empty()) return;
    const GumboNode* first = root.nodes.front();
    const GumboNode* headline = nullptr;
    bool reached = false, inside = false;
    forEachElement(document, stats, [&](const GumboNode* node) {
        if (node == first) reached = true;
        if (tagOf(node) != GUMBO_TAG_H1) return;
        if (!reached) {
            if (stats.at(node).textLength > 0) headline = node;
            return;
        }
        for (const GumboNode* r : root.nodes)
            if (contains(r, node)) inside = true;
    });
    if (headline == nullptr || inside) return;
    std::vector<const GumboNode*> lead = elementsBetween(headline, first);
    std::size_t text = 0, links = 0;
    for (const GumboNode* n : lead)
        if (const NodeStats* s = statsOf(stats, n)) {
            text += s->textLength;
            links += s->linkLength;
        }
    if (lead.empty() || text > kMaxLead || double(links) > 0.5 * double(text)) return;
    root.lead = std::move(lead);
    root.how += ", with the headline before it";
}

}  // namespace

ArticleRoot findArticleRoot(const GumboNode* document, const StatsMap& stats, Strictness strictness,
                            const std::string& pageTitle) {
    (void)strictness;
    ArticleRoot root = findBody(document, stats, pageTitle);
    addLead(document, stats, root);
    return root;
}

}  // namespace claimmark::intake::detail
