// url_fetch.h — an http(s) URL fetched with libcurl, for intake.
//
// Redirects are followed (at most kMaxRedirects; the final URL is kept), with a timeout
// and a size limit. A non-2xx answer, no network, a refused connection, a bad certificate,
// a timeout, an oversize body and too many redirects are each an error naming the URL and
// what happened ("HTTP 404 Not Found" for an error answer). The content type is returned,
// not judged: the caller decides what it reads (isReadableContentType() is intake's list).
// gzip and deflate bodies are accepted and decoded; the size limit counts decoded bytes.
#pragma once

#include "core/diagnostic.h"

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

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

// Only http:// and https:// URLs; everything else is refused before any request (and a
// redirect to another scheme is refused too).
Result<FetchedPage> fetchUrl(const std::string& url, const FetchOptions& options = {});

// A Content-Type header's value split: the media type lower case without parameters, and
// the charset parameter (unquoted, lower case), empty when absent.
struct ContentTypeHeader {
    std::string mediaType;
    std::string charset;
};
ContentTypeHeader parseContentType(std::string_view header);

// The types intake has an extractor for: text/html, application/xhtml+xml, text/plain,
// text/markdown (and text/x-markdown), application/pdf, DOCX
// (application/vnd.openxmlformats-officedocument.wordprocessingml.document) and ODT
// (application/vnd.oasis.opendocument.text). Takes a media type or a whole header value
// (parameters ignored, any case).
bool isReadableContentType(const std::string& contentType);

}  // namespace claimmark::intake
