// export_targets.cpp — what the one-file and folder targets share (see export_targets.h),
// and the test hooks of export_writer.h.
#include "core/exchange/export_targets.h"

#include "core/exchange/export_writer.h"

#include <signal.h>
#include <unistd.h>

#include <fcntl.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <functional>

namespace claimmark {

namespace fs = std::filesystem;

namespace {

std::function<bool(const char*)>& stepHook() {
    static std::function<bool(const char*)> hook;
    return hook;
}

std::function<bool(const fs::path&)>& moveHook() {
    static std::function<bool(const fs::path&)> hook;
    return hook;
}

bool allDigits(const std::string& text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

void setExportWriteFaultHookForTesting(std::function<bool(const char* step)> hook) { stepHook() = std::move(hook); }
void setStagedMoveFaultHookForTesting(std::function<bool(const fs::path& target)> hook) {
    moveHook() = std::move(hook);
}

bool exportStepAllowed(const char* step) { return !stepHook() || stepHook()(step); }
bool stagedMoveAllowed(const fs::path& target) { return !moveHook() || moveHook()(target); }

std::string OutputFile::create(const fs::path& path, unsigned mode) {
    closeQuietly();
    m_fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    return m_fd < 0 ? std::strerror(errno) : std::string();
}

std::string OutputFile::write(std::string_view bytes) {
    std::size_t written = 0;
    while (written < bytes.size()) {
        if (!exportStepAllowed("write")) return std::string("write failed: ") + std::strerror(EIO);
        const ssize_t n = ::write(m_fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return std::string("write failed: ") + std::strerror(errno);
        }
        written += std::size_t(n);
    }
    return {};
}

std::string OutputFile::syncAndClose() {
    if (!exportStepAllowed("fsync")) return std::string("fsync failed: ") + std::strerror(EIO);
    if (::fsync(m_fd) != 0) return std::string("fsync failed: ") + std::strerror(errno);
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0) return std::string("close failed: ") + std::strerror(errno);
    return {};
}

void OutputFile::closeQuietly() {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
}

void removeLeftoversOfDeadProcesses(const fs::path& folder, const std::string& prefix) {
    std::error_code error;
    for (fs::directory_iterator it(folder.empty() ? fs::path(".") : folder, error), end; !error && it != end;
         it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        // "<pid>" (a staging folder) or "<pid>-<number>" (a temporary file).
        const std::string rest = name.substr(prefix.size());
        const std::size_t dash = rest.find('-');
        const std::string digits = rest.substr(0, dash);
        if (!allDigits(digits) || (dash != std::string::npos && !allDigits(rest.substr(dash + 1)))) continue;
        const long pid = std::strtol(digits.c_str(), nullptr, 10);
        if (pid <= 0 || pid == ::getpid()) continue;
        if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // still running
        std::error_code ignored;
        fs::remove_all(it->path(), ignored);
    }
}

}  // namespace claimmark
