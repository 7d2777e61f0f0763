// test_url_fetch.cpp — fetchUrl() against LocalHttpServer on 127.0.0.1 (no network): a page
// with its content type and charset, a redirect chain and its final URL, error answers,
// too many redirects, a redirect to another scheme, the timeout, the size limit (declared
// and undeclared length), a refused connection, schemes refused before any request; and the
// Content-Type parsing and the list of types intake reads.
#include "core/intake/fetch/url_fetch.h"
#include "intake/local_http_server.h"

#include <doctest/doctest.h>

#include <cstdlib>

using namespace claimmark;
using namespace claimmark::intake;
using fixtures::LocalHttpServer;

namespace {

// A proxy from the environment must not stand between curl and 127.0.0.1.
void bypassProxies() {
    ::setenv("no_proxy", "127.0.0.1,localhost", 1);
    ::setenv("NO_PROXY", "127.0.0.1,localhost", 1);
}

std::string errorOf(const Result<FetchedPage>& result) {
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.errors().size() == 1);
    return result.errors()[0].toString();
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("url fetch: a page, its content type and charset") {
    bypassProxies();
    LocalHttpServer server;
    server.addRoute("/article", 200, {{"Content-Type", "Text/HTML; Charset=\"ISO-8859-1\""}}, "<p>caf\xE9</p>");
    auto page = fetchUrl(server.url("/article"));
    REQUIRE_MESSAGE(page.ok(), page.errorText());
    CHECK(page->bytes == "<p>caf\xE9</p>");
    CHECK(page->status == 200);
    CHECK(page->finalUrl == server.url("/article"));
    CHECK(page->contentType == "text/html");
    CHECK(page->charset == "iso-8859-1");
    CHECK(isReadableContentType(page->contentType));
}

TEST_CASE("url fetch: redirects are followed and the final URL kept") {
    bypassProxies();
    LocalHttpServer server;
    server.addRoute("/old", 301, {{"Location", "/moved"}}, "");
    server.addRoute("/moved", 302, {{"Location", server.url("/final?x=1")}}, "");
    server.addRoute("/final?x=1", 200, {{"Content-Type", "text/plain"}}, "plain text");
    auto page = fetchUrl(server.url("/old"));
    REQUIRE_MESSAGE(page.ok(), page.errorText());
    CHECK(page->finalUrl == server.url("/final?x=1"));
    CHECK(page->bytes == "plain text");
    CHECK(page->contentType == "text/plain");
    CHECK(page->charset.empty());

    server.addRoute("/loop", 302, {{"Location", "/loop"}}, "");
    const std::string loop = errorOf(fetchUrl(server.url("/loop")));
    CHECK(contains(loop, server.url("/loop")));
    CHECK(contains(loop, "too many redirects"));

    server.addRoute("/to-ftp", 302, {{"Location", "ftp://127.0.0.1/file"}}, "");
    const std::string ftp = errorOf(fetchUrl(server.url("/to-ftp")));
    CHECK(contains(ftp, "not http:// or https://"));
}

TEST_CASE("url fetch: error answers name the status") {
    bypassProxies();
    LocalHttpServer server;
    server.addRoute("/gone", 301, {{"Location", "/missing"}}, "");
    server.addRoute("/broken", 500, {}, "oops");
    const std::string missing = errorOf(fetchUrl(server.url("/missing")));  // no route: 404
    CHECK(missing == server.url("/missing") + ": HTTP 404 Not Found");
    const std::string redirected = errorOf(fetchUrl(server.url("/gone")));
    CHECK(redirected ==
          server.url("/gone") + ": HTTP 404 Not Found (at " + server.url("/missing") + ", after redirects)");
    CHECK(contains(errorOf(fetchUrl(server.url("/broken"))), "HTTP 500 Internal Server Error"));
}

TEST_CASE("url fetch: the content type is returned, not judged") {
    bypassProxies();
    LocalHttpServer server;
    server.addRoute("/blob", 200, {{"Content-Type", "application/octet-stream"}}, std::string("\0\1\2", 3));
    server.addRoute("/bare", 200, {}, "no type");
    auto blob = fetchUrl(server.url("/blob"));
    REQUIRE_MESSAGE(blob.ok(), blob.errorText());
    CHECK(blob->contentType == "application/octet-stream");
    CHECK(blob->bytes.size() == 3);
    CHECK_FALSE(isReadableContentType(blob->contentType));
    auto bare = fetchUrl(server.url("/bare"));
    REQUIRE(bare.ok());
    CHECK(bare->contentType.empty());
}

TEST_CASE("url fetch: the timeout") {
    bypassProxies();
    LocalHttpServer server;
    server.addRoute("/slow", 200, {{"Content-Type", "text/html"}}, "late", {std::chrono::seconds(4), true});
    FetchOptions options;
    options.timeout = std::chrono::seconds(1);
    const auto start = std::chrono::steady_clock::now();
    const std::string error = errorOf(fetchUrl(server.url("/slow"), options));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(3));
    CHECK(contains(error, server.url("/slow")));
    CHECK(contains(error, "timed out after 1 s"));
}

TEST_CASE("url fetch: the size limit, declared or not") {
    bypassProxies();
    LocalHttpServer server;
    const std::string big(300000, 'x');
    server.addRoute("/big", 200, {{"Content-Type", "text/plain"}}, big);
    server.addRoute("/big-undeclared", 200, {{"Content-Type", "text/plain"}}, big,
                    {std::chrono::milliseconds(0), false});
    server.addRoute("/fits", 200, {{"Content-Type", "text/plain"}}, std::string(1000, 'y'));
    FetchOptions options;
    options.maxBytes = 100000;
    const std::string declared = errorOf(fetchUrl(server.url("/big"), options));
    CHECK(contains(declared, "larger than the limit of 100000 bytes"));
    const std::string undeclared = errorOf(fetchUrl(server.url("/big-undeclared"), options));
    CHECK(contains(undeclared, server.url("/big-undeclared")));
    CHECK(contains(undeclared, "larger than the limit of 100000 bytes"));
    auto fits = fetchUrl(server.url("/fits"), options);
    REQUIRE(fits.ok());
    CHECK(fits->bytes.size() == 1000);
    options.maxBytes = 1000;  // exactly the limit is allowed
    CHECK(fetchUrl(server.url("/fits"), options).ok());
}

TEST_CASE("url fetch: a refused connection") {
    bypassProxies();
    const std::string url = "http://127.0.0.1:" + std::to_string(LocalHttpServer::unusedPort()) + "/x";
    const std::string error = errorOf(fetchUrl(url));
    CHECK(contains(error, url));
    CHECK(contains(error, "could not connect"));
}

TEST_CASE("url fetch: https to a server that does not speak TLS") {
    bypassProxies();
    LocalHttpServer server;
    const std::string url = "https://127.0.0.1:" + std::to_string(server.port()) + "/";
    const std::string error = errorOf(fetchUrl(url));
    CHECK(contains(error, url));
    CHECK(contains(error, "secure (TLS) connection failed"));
}

TEST_CASE("url fetch: other schemes are refused before any request") {
    bypassProxies();
    LocalHttpServer server;
    const std::string ftp = errorOf(fetchUrl("ftp://127.0.0.1:" + std::to_string(server.port()) + "/file"));
    CHECK(contains(ftp, "only http:// and https:// URLs are fetched, not ftp:"));
    const std::string file = errorOf(fetchUrl("file:///etc/passwd"));
    CHECK(file == "file:///etc/passwd: only http:// and https:// URLs are fetched, not file: (nothing was requested)");
    CHECK(contains(errorOf(fetchUrl("example.org/page")), "not a URL"));
    CHECK(contains(errorOf(fetchUrl("http://")), "not a valid URL"));
    CHECK(server.requestCount() == 0);
    // The scheme is case-insensitive.
    server.addRoute("/ok", 200, {{"Content-Type", "text/plain"}}, "ok");
    CHECK(fetchUrl("HTTP://127.0.0.1:" + std::to_string(server.port()) + "/ok").ok());
}

TEST_CASE("url fetch: Content-Type parsing and the readable types") {
    const ContentTypeHeader plain = parseContentType("text/html");
    CHECK(plain.mediaType == "text/html");
    CHECK(plain.charset.empty());
    const ContentTypeHeader params = parseContentType(" text/HTML ;  foo=\"a;b\" ; CHARSET = UTF-8 ");
    CHECK(params.mediaType == "text/html");
    CHECK(params.charset == "utf-8");
    CHECK(parseContentType("").mediaType.empty());
    for (const char* type : {"text/html", "application/xhtml+xml", "text/plain", "text/markdown", "application/pdf",
                             "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                             "application/vnd.oasis.opendocument.text", "TEXT/HTML; charset=utf-8"})
        CHECK_MESSAGE(isReadableContentType(type), type);
    for (const char* type : {"application/octet-stream", "image/png", "application/json", "", "text/htmlx"})
        CHECK_FALSE_MESSAGE(isReadableContentType(type), type);
}
