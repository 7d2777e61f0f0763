// html_metadata.cpp — SourceMetadata from what the page declares (html_detail.h).
//
// [SECTION] Gathering   one walk: <title>, <meta> (name / property / itemprop → content),
//                       <link rel=canonical>, rel=author links, <time datetime>, <html lang>,
//                       JSON-LD scripts
// [SECTION] JSON-LD     arrays and @graph flattened; the first Article-like object (NewsArticle,
//                       BlogPosting, ...; else a WebPage) gives headline, author (a string, an
//                       object with a name, an @id of a Person in the graph, or an array of
//                       those), datePublished, publisher and articleBody
// [SECTION] Choosing    title: og:title, JSON-LD headline, <title>, <h1> (not the site name); a " | Site" suffix is cut
//                       when it is og:site_name. published: article:published_time, JSON-LD,
//                       <meta name=date> and the like, itemprop=datePublished, the first
//                       <time datetime>. author: JSON-LD, <meta name=author>, itemprop=author,
//                       rel=author, a link to /author/. url: canonical, og:url (resolved)
#include "core/intake/html/html_detail.h"

#include <nlohmann/json.hpp>

#include <map>

namespace claimmark::intake::detail {

namespace {

using json = nlohmann::json;

// --- [SECTION] Gathering ---------------------------------------------------------------------

struct Gathered {
    std::string title;
    std::string h1;                           // the first <h1>
    std::map<std::string, std::string> meta;  // lower-cased key → first content
    std::vector<std::string> metaAuthors;     // every <meta name=author>
    std::string canonical;
    std::string relAuthor;
    std::string authorLink;  // text of a link to /author/...
    std::string itempropAuthor;
    std::string itempropDate;
    std::string timeDatetime;
    std::string lang;
    std::vector<std::string> jsonLd;
};

Gathered gather(const GumboNode* document) {
    Gathered g;
    std::vector<const GumboNode*> stack;
    for (unsigned i = document->v.document.children.length; i > 0; --i)
        stack.push_back(static_cast<const GumboNode*>(document->v.document.children.data[i - 1]));
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        if (!isElement(node)) continue;
        const GumboTag tag = tagOf(node);
        if (tag != GUMBO_TAG_META && hasAttribute(node, "itemprop")) {
            const std::string prop = toLowerAscii(attribute(node, "itemprop"));
            if (prop == "datepublished" && g.itempropDate.empty()) {
                g.itempropDate = collapseSpaces(attribute(node, "content"));
                if (g.itempropDate.empty()) g.itempropDate = collapseSpaces(attribute(node, "datetime"));
                if (g.itempropDate.empty()) g.itempropDate = collapseSpaces(textContent(node));
            }
            if (prop == "author" && g.itempropAuthor.empty()) {
                g.itempropAuthor = collapseSpaces(attribute(node, "content"));
                if (g.itempropAuthor.empty()) g.itempropAuthor = collapseSpaces(textContent(node));
                if (g.itempropAuthor.size() > 100) g.itempropAuthor.clear();
            }
        }
        switch (tag) {
            case GUMBO_TAG_HTML:
                if (g.lang.empty()) g.lang = std::string(trimAscii(attribute(node, "lang")));
                if (g.lang.empty()) g.lang = std::string(trimAscii(attribute(node, "xml:lang")));
                break;
            case GUMBO_TAG_TITLE:
                if (g.title.empty()) g.title = collapseSpaces(textContent(node));
                continue;
            case GUMBO_TAG_META: {
                std::string key = toLowerAscii(trimAscii(attribute(node, "property")));
                if (key.empty()) key = toLowerAscii(trimAscii(attribute(node, "name")));
                if (key.empty()) key = toLowerAscii(trimAscii(attribute(node, "itemprop")));
                if (key.empty()) key = "http-equiv:" + toLowerAscii(trimAscii(attribute(node, "http-equiv")));
                std::string content = collapseSpaces(attribute(node, "content"));
                if (content.empty()) content = collapseSpaces(attribute(node, "datetime"));
                if (content.empty()) continue;
                if (key == "author") g.metaAuthors.push_back(content);
                g.meta.try_emplace(key, std::move(content));
                continue;
            }
            case GUMBO_TAG_LINK:
            case GUMBO_TAG_A: {
                const std::string rel = " " + toLowerAscii(attribute(node, "rel")) + " ";
                if (tag == GUMBO_TAG_LINK && rel.find(" canonical ") != std::string::npos && g.canonical.empty())
                    g.canonical = std::string(trimAscii(attribute(node, "href")));
                if (tag == GUMBO_TAG_A && rel.find(" author ") != std::string::npos && g.relAuthor.empty())
                    g.relAuthor = collapseSpaces(textContent(node));
                if (tag == GUMBO_TAG_A && g.authorLink.empty()) {
                    const std::string href = toLowerAscii(attribute(node, "href"));
                    if (href.find("/author/") != std::string::npos || href.find("/autor/") != std::string::npos ||
                        href.find("/autoren/") != std::string::npos) {
                        std::string text = collapseSpaces(textContent(node));
                        if (text.size() <= 60) g.authorLink = std::move(text);
                    }
                }
                break;
            }
            case GUMBO_TAG_H1:
                if (g.h1.empty()) g.h1 = collapseSpaces(textContent(node));
                if (g.h1.size() > 300) g.h1.clear();
                break;
            case GUMBO_TAG_TIME:
                if (g.timeDatetime.empty()) g.timeDatetime = collapseSpaces(attribute(node, "datetime"));
                break;
            case GUMBO_TAG_SCRIPT:
                if (toLowerAscii(trimAscii(attribute(node, "type"))) == "application/ld+json")
                    g.jsonLd.push_back(textContent(node));
                continue;
            default: break;
        }
        const GumboVector& children = node->v.element.children;
        for (unsigned i = children.length; i > 0; --i)
            stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
    return g;
}

// --- [SECTION] JSON-LD -----------------------------------------------------------------------

// Objects of a JSON-LD value: arrays and @graph flattened (not deeper than a few levels).
void collectObjects(const json& value, std::vector<const json*>& out, int depth = 0) {
    if (depth > 8) return;
    if (value.is_array()) {
        for (const auto& item : value) collectObjects(item, out, depth + 1);
    } else if (value.is_object()) {
        out.push_back(&value);
        const auto graph = value.find("@graph");
        if (graph != value.end()) collectObjects(*graph, out, depth + 1);
    }
}

bool hasType(const json& object, std::initializer_list<std::string_view> types, bool suffixArticle) {
    const auto type = object.find("@type");
    if (type == object.end()) return false;
    auto matches = [&](const json& t) {
        if (!t.is_string()) return false;
        const std::string& name = t.get_ref<const std::string&>();
        for (const auto want : types)
            if (name == want) return true;
        return suffixArticle && (name.ends_with("Article") || name.ends_with("Posting"));
    };
    if (type->is_array()) {
        for (const auto& t : *type)
            if (matches(t)) return true;
        return false;
    }
    return matches(*type);
}

std::string stringOf(const json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end()) return {};
    if (it->is_string()) return collapseSpaces(it->get_ref<const std::string&>());
    if (it->is_array() && !it->empty() && it->front().is_string())
        return collapseSpaces(it->front().get_ref<const std::string&>());
    return {};
}

std::string nameOf(const json& value, const std::vector<const json*>& objects, int depth = 0) {
    if (depth > 4) return {};
    if (value.is_string()) return collapseSpaces(value.get_ref<const std::string&>());
    if (value.is_array()) {
        std::string joined;
        for (const auto& item : value) {
            const std::string name = nameOf(item, objects, depth + 1);
            if (name.empty() || joined.find(name) != std::string::npos) continue;
            joined += (joined.empty() ? "" : ", ") + name;
        }
        return joined;
    }
    if (!value.is_object()) return {};
    std::string name = stringOf(value, "name");
    if (name.empty()) {
        const std::string given = stringOf(value, "givenName"), family = stringOf(value, "familyName");
        name = collapseSpaces(given + " " + family);
    }
    if (name.empty()) {
        const std::string id = stringOf(value, "@id");
        if (!id.empty())
            for (const json* other : objects)
                if (other != &value && stringOf(*other, "@id") == id && other->contains("name"))
                    return nameOf(*other, objects, depth + 1);
    }
    return name;
}

struct JsonLdArticle {
    std::string headline, author, published, publisher, body, url;
};

JsonLdArticle readJsonLd(const std::vector<std::string>& scripts) {
    JsonLdArticle out;
    std::vector<json> documents;
    for (const auto& text : scripts) {
        json parsed = json::parse(text, nullptr, false);
        if (!parsed.is_discarded()) documents.push_back(std::move(parsed));
    }
    std::vector<const json*> objects;
    for (const auto& d : documents) collectObjects(d, objects);
    const json* article = nullptr;
    for (const json* o : objects)
        if (hasType(*o, {"Article", "Report", "LiveBlogPosting", "SocialMediaPosting"}, true)) {
            article = o;
            break;
        }
    if (article == nullptr)
        for (const json* o : objects)
            if (hasType(*o, {"WebPage", "ItemPage", "AboutPage"}, false) &&
                (o->contains("headline") || o->contains("datePublished") || o->contains("author"))) {
                article = o;
                break;
            }
    if (article == nullptr) return out;
    out.headline = stringOf(*article, "headline");
    if (out.headline.empty()) out.headline = stringOf(*article, "name");
    if (const auto it = article->find("author"); it != article->end()) out.author = nameOf(*it, objects);
    if (out.author.empty())
        if (const auto it = article->find("creator"); it != article->end()) out.author = nameOf(*it, objects);
    out.published = stringOf(*article, "datePublished");
    if (out.published.empty()) out.published = stringOf(*article, "dateCreated");
    if (const auto it = article->find("publisher"); it != article->end()) out.publisher = nameOf(*it, objects);
    if (const auto it = article->find("articleBody"); it != article->end() && it->is_string())
        out.body = it->get<std::string>();
    out.url = stringOf(*article, "url");
    return out;
}

// --- [SECTION] Choosing ----------------------------------------------------------------------

std::string firstMeta(const Gathered& g, std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
        const auto it = g.meta.find(key);
        if (it != g.meta.end() && !it->second.empty()) return it->second;
    }
    return {};
}

bool looksLikeUrl(std::string_view text) { return text.starts_with("http://") || text.starts_with("https://"); }

// "Headline | Site" → "Headline" when "Site" is the site's name.
std::string withoutSiteSuffix(std::string title, const std::string& site) {
    if (site.empty()) return title;
    const std::string lowerSite = toLowerAscii(site);
    for (const std::string_view separator : {" | ", " - ", " – ", " — ", " :: ", " · ", " » ", ": "}) {
        const std::size_t at = title.rfind(separator);
        if (at != std::string::npos && at > 0 &&
            toLowerAscii(trimAscii(std::string_view(title).substr(at + separator.size()))) == lowerSite)
            return std::string(trimAscii(std::string_view(title).substr(0, at)));
        // "Site | Headline"
        const std::size_t first = title.find(separator);
        if (first != std::string::npos &&
            toLowerAscii(trimAscii(std::string_view(title).substr(0, first))) == lowerSite &&
            first + separator.size() < title.size())
            return std::string(trimAscii(std::string_view(title).substr(first + separator.size())));
    }
    return title;
}

}  // namespace

PageMetadata extractMetadata(const GumboNode* document, std::string_view baseUrl) {
    const Gathered g = gather(document);
    const JsonLdArticle ld = readJsonLd(g.jsonLd);
    PageMetadata page;
    SourceMetadata& m = page.metadata;

    m.publisher = firstMeta(g, {"og:site_name", "application-name"});
    if (m.publisher.empty()) m.publisher = ld.publisher;

    // The first title that is not just the site's name.
    for (std::string title : {firstMeta(g, {"og:title"}), firstMeta(g, {"twitter:title"}), ld.headline,
                              firstMeta(g, {"dc.title", "citation_title"}), g.title, g.h1}) {
        title = withoutSiteSuffix(std::move(title), m.publisher);
        if (title.empty() || toLowerAscii(title) == toLowerAscii(m.publisher)) continue;
        m.title = std::move(title);
        break;
    }
    if (m.title.empty()) m.title = g.title;

    m.published = firstMeta(g, {"article:published_time", "og:article:published_time"});
    if (m.published.empty()) m.published = ld.published;
    if (m.published.empty())
        m.published =
            firstMeta(g, {"datepublished", "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date",
                          "pubdate", "publishdate", "publish-date", "citation_publication_date", "citation_date",
                          "sailthru.date", "parsely-pub-date", "og:published_time"});
    if (m.published.empty()) m.published = g.itempropDate;
    if (m.published.empty()) m.published = g.timeDatetime;

    // JSON-LD names people more often than <meta name=author>, which is often the site.
    m.author = ld.author == "null" ? std::string() : ld.author;
    if (m.author.empty())
        for (const std::string& a : g.metaAuthors) {
            if (looksLikeUrl(a) || a.starts_with("@") || a == "null" || m.author.find(a) != std::string::npos) continue;
            m.author += (m.author.empty() ? "" : ", ") + a;
        }
    if (m.author == "null") m.author.clear();
    if (m.author.empty()) m.author = g.itempropAuthor;
    if (m.author.empty()) m.author = g.relAuthor;
    if (m.author.empty()) m.author = g.authorLink;

    std::string url = g.canonical;
    if (url.empty()) url = firstMeta(g, {"og:url"});
    if (url.empty()) url = ld.url;
    m.url = url.empty() ? std::string() : resolveUrl(url, baseUrl);

    m.language = g.lang;
    if (m.language.empty()) m.language = firstMeta(g, {"http-equiv:content-language", "dc.language", "language"});
    if (m.language.empty()) {
        std::string locale = firstMeta(g, {"og:locale"});
        for (char& c : locale)
            if (c == '_') c = '-';
        m.language = locale;
    }
    page.jsonLdBody = ld.body;
    return page;
}

}  // namespace claimmark::intake::detail
