// local_http_server.h — a tiny HTTP/1.1 server on 127.0.0.1 for tests that fetch URLs
// (test_url_fetch.cpp, the CLI test of `claimmark intake URL`): no network needed.
//
//   LocalHttpServer server;                     // listens on a free port, serves at once
//   server.addRoute("/a", 200, {{"Content-Type", "text/html; charset=utf-8"}}, "<p>hi</p>");
//   server.addRoute("/old", 301, {{"Location", "/a"}}, "");
//   server.addRoute("/slow", 200, {}, "late", {.delay = std::chrono::seconds(3)});
//   fetch(server.url("/a"));                    // "http://127.0.0.1:PORT/a"
//                                               // the destructor stops and joins everything
//
// Each connection is answered on its own thread, one request per connection (the answer says
// `Connection: close`). The request's path (with its query) picks the route; an unknown path
// is 404, and so is a request whose head does not arrive within 5 s or that starts as a TLS
// handshake (https:// to this plain server: answered in plain HTTP at once, which the
// client's TLS rejects). `Content-Length` is added unless the route sets it or asks for none
// (then the body ends when the connection closes). A delayed answer waits in short steps, so stopping never
// waits for the whole delay. Routes may be added while serving. POSIX only; header-only.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace fixtures {

// Outside the class so that `= {}` can be its default argument.
struct HttpRouteOptions {
    std::chrono::milliseconds delay{0};  // before anything is sent
    bool contentLength = true;           // false: no Content-Length, the close ends the body
};

class LocalHttpServer {
public:
    using Headers = std::vector<std::pair<std::string, std::string>>;
    using RouteOptions = HttpRouteOptions;

    LocalHttpServer() {
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        if (m_listener < 0) throw std::runtime_error("LocalHttpServer: socket() failed");
        const int yes = 1;
        ::setsockopt(m_listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;  // any free port
        socklen_t length = sizeof address;
        if (::bind(m_listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            ::listen(m_listener, 16) != 0 ||
            ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
            ::close(m_listener);
            throw std::runtime_error("LocalHttpServer: cannot listen on 127.0.0.1");
        }
        m_port = ntohs(address.sin_port);
        m_acceptor = std::thread([this] { acceptLoop(); });
    }

    ~LocalHttpServer() {
        m_stop = true;
        m_acceptor.join();
        std::vector<std::thread> handlers;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            handlers.swap(m_handlers);
        }
        for (std::thread& t : handlers) t.join();
        ::close(m_listener);
    }

    LocalHttpServer(const LocalHttpServer&) = delete;
    LocalHttpServer& operator=(const LocalHttpServer&) = delete;

    void addRoute(const std::string& path, int status, Headers headers, std::string body, RouteOptions options = {}) {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_routes[path] = Route{status, std::move(headers), std::move(body), options};
    }

    int port() const { return m_port; }
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(m_port) + path; }
    // How many requests have been answered (or started) so far.
    int requestCount() const { return m_requests; }

    // A port on 127.0.0.1 that nobody listens on (bound, read, released), for "refused".
    static int unusedPort() {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
        ::close(fd);
        return ntohs(address.sin_port);
    }

    static const char* reasonPhrase(int status) {
        switch (status) {
            case 200: return "OK";
            case 301: return "Moved Permanently";
            case 302: return "Found";
            case 303: return "See Other";
            case 307: return "Temporary Redirect";
            case 308: return "Permanent Redirect";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 410: return "Gone";
            case 500: return "Internal Server Error";
            case 503: return "Service Unavailable";
            default: return "Status";
        }
    }

private:
    struct Route {
        int status = 200;
        Headers headers;
        std::string body;
        RouteOptions options;
    };

    void acceptLoop() {
        while (!m_stop) {
            pollfd p{m_listener, POLLIN, 0};
            if (::poll(&p, 1, 20) <= 0) continue;
            const int client = ::accept(m_listener, nullptr, nullptr);
            if (client < 0) continue;
            std::lock_guard<std::mutex> lock(m_mutex);
            m_handlers.emplace_back([this, client] { serve(client); });
        }
    }

    // Waits up to `delay` in short steps; false when the server is stopping.
    bool waitFor(std::chrono::milliseconds delay) {
        const auto until = std::chrono::steady_clock::now() + delay;
        while (std::chrono::steady_clock::now() < until) {
            if (m_stop) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return true;
    }

    void sendAll(int fd, const std::string& data) {
        std::size_t sent = 0;
        while (sent < data.size() && !m_stop) {
            const ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return;  // the client went away (a size limit, a timeout)
            sent += std::size_t(n);
        }
    }

    void serve(int client) {
        std::string request;
        char buffer[4096];
        // Until the end of the request's head; a client that never sends one (TLS to this
        // plain server) is given up on after a few seconds.
        const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (request.find("\r\n\r\n") == std::string::npos && request.size() < 65536 && !m_stop &&
               std::chrono::steady_clock::now() < giveUp) {
            pollfd p{client, POLLIN, 0};
            if (::poll(&p, 1, 20) <= 0) continue;
            const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
            if (n <= 0) break;
            request.append(buffer, std::size_t(n));
            if (request[0] == '\x16') break;  // a TLS ClientHello
        }
        ++m_requests;
        // "GET /path HTTP/1.1"
        std::string path = "/";
        const std::size_t space = request.find(' ');
        if (space != std::string::npos) path = request.substr(space + 1, request.find(' ', space + 1) - space - 1);
        Route route{404, {{"Content-Type", "text/plain"}}, "no such path\n", {}};
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (auto it = m_routes.find(path); it != m_routes.end()) route = it->second;
        }
        if (waitFor(route.options.delay)) {
            std::string answer = "HTTP/1.1 " + std::to_string(route.status) + " " + reasonPhrase(route.status) + "\r\n";
            bool hasLength = false;
            for (const auto& [name, value] : route.headers) {
                answer += name + ": " + value + "\r\n";
                if (name == "Content-Length") hasLength = true;
            }
            if (!hasLength && route.options.contentLength)
                answer += "Content-Length: " + std::to_string(route.body.size()) + "\r\n";
            answer += "Connection: close\r\n\r\n";
            sendAll(client, answer);
            sendAll(client, route.body);
        }
        ::shutdown(client, SHUT_WR);
        ::close(client);
    }

    int m_listener = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_requests{0};
    std::mutex m_mutex;
    std::map<std::string, Route> m_routes;
    std::vector<std::thread> m_handlers;
    std::thread m_acceptor;
};

}  // namespace fixtures
