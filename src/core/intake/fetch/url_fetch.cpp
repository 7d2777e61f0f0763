// url_fetch.cpp — fetchUrl(): one libcurl easy transfer (see url_fetch.h).
//
// [SECTION] Scheme check   only http and https, decided before curl is asked anything; curl
//                          is also limited to them (CURLOPT_PROTOCOLS_STR and, for
//                          redirects, CURLOPT_REDIR_PROTOCOLS_STR)
// [SECTION] Transfer       redirects followed (CURLOPT_MAXREDIRS kMaxRedirects), timeout for
//                          the whole transfer and for connecting, the size limit twice (a
//                          declared Content-Length via CURLOPT_MAXFILESIZE_LARGE, the decoded
//                          body in the write callback), gzip/deflate accepted, a User-Agent
// [SECTION] Errors         each curl failure in words, naming the URL; a non-2xx final status
//                          as "HTTP 404 Not Found" (the server's reason phrase, or the
//                          standard one when the server sends none, as HTTP/2 does)
#include "core/intake/fetch/url_fetch.h"

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace claimmark::intake {
namespace {

void initCurlOnce() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// --- [SECTION] Scheme check --------------------------------------------------------------

// The scheme before the first ':' (lower case), or empty when the text has none.
std::string schemeOf(const std::string& url) {
    std::string scheme;
    for (char c : url) {
        if (c == ':') return scheme;
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool other = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
        if (!letter && !(other && !scheme.empty())) return {};
        scheme += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return {};
}

std::string checkUrl(const std::string& url) {
    const std::string scheme = schemeOf(url);
    if (scheme.empty()) return "not a URL: give it with http:// or https://";
    if (scheme != "http" && scheme != "https")
        return "only http:// and https:// URLs are fetched, not " + scheme + ": (nothing was requested)";
    std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> parsed(curl_url(), &curl_url_cleanup);
    if (!parsed || curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return "not a valid URL";
    char* host = nullptr;
    if (curl_url_get(parsed.get(), CURLUPART_HOST, &host, 0) != CURLUE_OK || !host || !*host) {
        curl_free(host);
        return "not a valid URL: no host name";
    }
    curl_free(host);
    return {};
}

// --- [SECTION] Transfer ------------------------------------------------------------------

struct Transfer {
    std::string body;
    std::size_t maxBytes = 0;
    bool tooLarge = false;
    std::string statusLine;  // of the last response ("HTTP/1.1 404 Not Found")
};

std::size_t onWrite(char* data, std::size_t size, std::size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    if (bytes > transfer->maxBytes - transfer->body.size()) {
        transfer->tooLarge = true;
        return 0;  // curl stops with CURLE_WRITE_ERROR
    }
    transfer->body.append(data, bytes);
    return bytes;
}

std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    std::string_view line(data, size * count);
    if (line.substr(0, 5) == "HTTP/") {
        while (!line.empty() && (line.back() == '\r' || line.back() == '\n' || line.back() == ' '))
            line.remove_suffix(1);
        transfer->statusLine = std::string(line);
    }
    return size * count;
}

// --- [SECTION] Errors --------------------------------------------------------------------

const char* standardReason(long status) {
    switch (status) {
        case 300: return "Multiple Choices";
        case 301: return "Moved Permanently";
        case 302: return "Found";
        case 303: return "See Other";
        case 304: return "Not Modified";
        case 307: return "Temporary Redirect";
        case 308: return "Permanent Redirect";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 402: return "Payment Required";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 406: return "Not Acceptable";
        case 408: return "Request Timeout";
        case 410: return "Gone";
        case 429: return "Too Many Requests";
        case 451: return "Unavailable For Legal Reasons";
        case 500: return "Internal Server Error";
        case 501: return "Not Implemented";
        case 502: return "Bad Gateway";
        case 503: return "Service Unavailable";
        case 504: return "Gateway Timeout";
        default: return "";
    }
}

// "HTTP 404 Not Found": the reason phrase from the status line, else the standard one.
std::string statusText(long status, const std::string& statusLine) {
    std::string reason;
    const std::size_t first = statusLine.find(' ');
    if (first != std::string::npos) {
        const std::size_t second = statusLine.find(' ', first + 1);
        if (second != std::string::npos) reason = statusLine.substr(second + 1);
    }
    if (reason.empty()) reason = standardReason(status);
    std::string out = "HTTP " + std::to_string(status);
    if (!reason.empty()) out += " " + reason;
    return out;
}

std::string sizeText(std::size_t bytes) {
    constexpr std::size_t kMiB = std::size_t(1) << 20;
    if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
    return std::to_string(bytes) + " bytes";
}

std::string curlErrorText(CURLcode code, const char* detail, const FetchOptions& options) {
    const std::string more = detail && *detail ? std::string(" (") + detail + ")" : std::string();
    switch (code) {
        case CURLE_COULDNT_RESOLVE_HOST:
            return "could not connect: the host name was not found (no network, or no such host)" + more;
        case CURLE_COULDNT_RESOLVE_PROXY: return "could not connect: the proxy's host name was not found" + more;
        case CURLE_COULDNT_CONNECT:
            return "could not connect to the server (refused or unreachable; no network?)" + more;
        case CURLE_OPERATION_TIMEDOUT: return "timed out after " + std::to_string(options.timeout.count()) + " s";
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
            return "certificate problem: the server's identity could not be verified" + more;
        case CURLE_SSL_CONNECT_ERROR: return "the secure (TLS) connection failed" + more;
        case CURLE_FILESIZE_EXCEEDED: return "larger than the limit of " + sizeText(options.maxBytes);
        case CURLE_TOO_MANY_REDIRECTS: return "too many redirects (more than " + std::to_string(kMaxRedirects) + ")";
        case CURLE_UNSUPPORTED_PROTOCOL:
            return "redirected to a URL that is not http:// or https:// (not followed)" + more;
        case CURLE_URL_MALFORMAT: return "not a valid URL" + more;
        case CURLE_GOT_NOTHING: return "the server closed the connection without an answer" + more;
        default: return std::string("fetching failed: ") + curl_easy_strerror(code) + more;
    }
}

}  // namespace

Result<FetchedPage> fetchUrl(const std::string& url, const FetchOptions& options) {
    if (std::string problem = checkUrl(url); !problem.empty()) return Diagnostic{url, "", std::move(problem)};
    initCurlOnce();
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl) return Diagnostic{url, "", "could not start a transfer (libcurl failed to initialise)"};
    CURL* h = curl.get();

    Transfer transfer;
    transfer.maxBytes = options.maxBytes;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(
        curl_slist_append(nullptr,
                          "Accept: text/html,application/xhtml+xml,text/markdown,text/plain;q=0.9,"
                          "application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
                          "application/vnd.oasis.opendocument.text;q=0.8,*/*;q=0.5"),
        &curl_slist_free_all);
    const long timeoutMs = long(std::chrono::duration_cast<std::chrono::milliseconds>(options.timeout).count());

    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, kMaxRedirects);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeoutMs);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, timeoutMs);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for DNS timeouts
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(options.maxBytes));
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // every encoding curl decodes (gzip, deflate)
    curl_easy_setopt(h, CURLOPT_USERAGENT, options.userAgent.c_str());
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &onWrite);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &onHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &transfer);

    const CURLcode code = curl_easy_perform(h);
    if (transfer.tooLarge)
        return Diagnostic{url, "", "larger than the limit of " + sizeText(options.maxBytes) + " (stopped reading)"};
    if (code != CURLE_OK) return Diagnostic{url, "", curlErrorText(code, errorBuffer, options)};

    FetchedPage page;
    char* effective = nullptr;
    if (curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective) page.finalUrl = effective;
    else page.finalUrl = url;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &page.status);
    char* contentType = nullptr;
    if (curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &contentType) == CURLE_OK && contentType) {
        ContentTypeHeader parsed = parseContentType(contentType);
        page.contentType = std::move(parsed.mediaType);
        page.charset = std::move(parsed.charset);
    }
    if (page.status < 200 || page.status > 299) {
        std::string message = statusText(page.status, transfer.statusLine);
        if (page.status >= 300 && page.status <= 399) message += " (a redirect without a usable Location)";
        if (page.finalUrl != url) message += " (at " + page.finalUrl + ", after redirects)";
        return Diagnostic{url, "", std::move(message)};
    }
    page.bytes = std::move(transfer.body);
    return page;
}

}  // namespace claimmark::intake
