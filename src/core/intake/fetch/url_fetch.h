// url_fetch.h — an http(s) URL fetched with libcurl, for intake.
//
// Redirects are followed (at most kMaxRedirects; the final URL is kept), with a timeout
// and a size limit. 4xx/5xx answers, a content type intake cannot read, no network, a bad
// certificate, a timeout and an oversize body are each an error naming the URL and what
// happened (the HTTP status for an error answer).
#pragma once

#include "core/diagnostic.h"

#include <chrono>
#include <cstddef>
#include <string>

namespace claimmark::intake {

constexpr long kMaxRedirects = 10;

struct FetchOptions {
    std::chrono::seconds timeout{30};
    std::size_t maxBytes = std::size_t(64) << 20;
    std::string userAgent = "claimmark-intake";
};

struct FetchedPage {
    std::string bytes;
    std::string finalUrl;     // after redirects
    std::string contentType;  // the media type, lower case, without parameters ("text/html")
    std::string charset;      // the Content-Type's charset parameter, if any
    long status = 0;          // the final HTTP status (200)
};

// Only http:// and https:// URLs; everything else is refused before any request.
Result<FetchedPage> fetchUrl(const std::string& url, const FetchOptions& options = {});

}  // namespace claimmark::intake
