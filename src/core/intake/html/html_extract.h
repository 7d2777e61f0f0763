// html_extract.h — an HTML page to an ExtractedArticle (gumbo, the HTML5 parser).
//
// Finds the article body (<article>, <main>, schema.org articleBody, else the densest block
// of text, as Reader View does), drops navigation, header, footer, aside, forms, cookie
// banners, ads, comments, <script>, <style>, <noscript> (unless it holds the text), image
// captions and bylines; keeps the headline and lead just before the body; block elements
// become blocks, <br> a line break inside one, inline markup joins. Metadata from <title>,
// OpenGraph, article:published_time, <meta name="author">, <link rel="canonical">, JSON-LD
// NewsArticle / Article (headline, author, datePublished, publisher).
#pragma once

#include "core/diagnostic.h"
#include "core/intake/extracted_article.h"

#include <string>
#include <string_view>

namespace claimmark::intake {

struct HtmlInput {
    std::string_view bytes;   // the page as received or saved
    std::string httpCharset;  // from the HTTP Content-Type header, when fetched; else empty
    std::string baseUrl;      // the page's own URL when known (resolves a relative canonical)
};

// The page's bytes as UTF-8: the charset from the BOM, the HTTP header, <meta charset> or
// <meta http-equiv="Content-Type"> (in that order), converted with ICU. Bytes that are
// valid UTF-8 with no declaration are taken as UTF-8; anything else is an error naming
// `sourceName` ("not UTF-8 and no charset is declared ...").
Result<std::string> htmlToUtf8(const HtmlInput& input, const std::string& sourceName);

// Errors name `sourceName`: e.g. a page with no article text.
Result<ExtractedArticle> extractHtml(const HtmlInput& input, const std::string& sourceName);

}  // namespace claimmark::intake
