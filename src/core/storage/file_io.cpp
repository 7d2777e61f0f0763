// file_io.cpp — whole-file reads, change detection and atomic writes (POSIX).
#include "core/storage/file_io.h"

#include "core/text/sha256.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace claimmark {
namespace fs = std::filesystem;

namespace {

std::function<bool(const char*)>& faultHook() {
    static std::function<bool(const char*)> hook;
    return hook;
}

bool stepAllowed(const char* step) { return !faultHook() || faultHook()(step); }

std::string errnoText(int error) { return std::strerror(error); }

}  // namespace

void setAtomicWriteFaultHookForTesting(std::function<bool(const char* step)> hook) { faultHook() = std::move(hook); }

std::filesystem::path resolvedPath(const std::filesystem::path& path) {
    std::error_code ec;
    std::filesystem::path absolute = std::filesystem::absolute(path, ec);
    if (ec) absolute = path;
    std::filesystem::path canonical = std::filesystem::weakly_canonical(absolute, ec);
    return ec ? absolute.lexically_normal() : canonical;
}

bool liesInside(const std::filesystem::path& path, const std::filesystem::path& folder) {
    const std::filesystem::path p = resolvedPath(path), root = resolvedPath(folder);
    auto at = p.begin();
    for (auto r = root.begin(); r != root.end(); ++r, ++at) {
        if (r->empty()) continue;  // a trailing separator
        if (at == p.end() || *at != *r) return false;
    }
    return true;
}

Result<std::string> readFileBytes(const fs::path& path) {
    const std::string name = path.string();
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT) return Diagnostic{name, "", "file not found"};
        if (error == EACCES) return Diagnostic{name, "", "permission denied"};
        return Diagnostic{name, "", "cannot open: " + errnoText(error)};
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        ::close(fd);
        return Diagnostic{name, "", "is a folder, not a file"};
    }
    std::string bytes;
    if (st.st_size > 0) bytes.reserve(static_cast<std::size_t>(st.st_size));
    char buffer[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int error = errno;
            ::close(fd);
            return Diagnostic{name, "", "read error: " + errnoText(error)};
        }
        if (n == 0) break;
        bytes.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return bytes;
}

FileStamp stampOf(const fs::path& path, std::string_view content) {
    FileStamp stamp;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return stamp;
    stamp.exists = true;
    stamp.size = static_cast<std::uintmax_t>(st.st_size);
    stamp.mtimeNs = std::int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    stamp.sha256 = sha256Hex(content);
    return stamp;
}

FileStamp stampOfFileOnDisk(const fs::path& path) {
    Result<std::string> bytes = readFileBytes(path);
    if (!bytes) return FileStamp{};
    return stampOf(path, *bytes);
}

bool changedOnDisk(const fs::path& path, const FileStamp& stamp) {
    struct stat st {};
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists != stamp.exists) return true;
    if (!exists) return false;
    const std::int64_t mtime = std::int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    if (static_cast<std::uintmax_t>(st.st_size) == stamp.size && mtime == stamp.mtimeNs) return false;
    // Size or time differs: only a different content counts (a touch or a sync tool
    // rewriting the same bytes is not a change).
    Result<std::string> bytes = readFileBytes(path);
    if (!bytes) return true;
    return sha256Hex(*bytes) != stamp.sha256;
}

Status writeFileAtomic(const fs::path& path, std::string_view content) {
    const std::string name = path.string();
    fs::path dir = path.parent_path();
    if (dir.empty()) dir = ".";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return Status::failure(name + ": folder " + dir.string() + " does not exist");
    if (fs::is_directory(path, ec)) return Status::failure(name + ": is a folder, not a file");

    std::random_device rd;
    const fs::path temp =
        dir / ("." + path.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return Status::failure(name + ": cannot create a temporary file in " + dir.string() + ": " + errnoText(errno));

    auto fail = [&](const std::string& what, int error) {
        ::close(fd);
        ::unlink(temp.c_str());
        return Status::failure(name + ": " + what + ": " + errnoText(error) + " (the previous file is unchanged)");
    };

    // Keep the permissions of the file being replaced.
    struct stat old {};
    if (::stat(path.c_str(), &old) == 0) ::fchmod(fd, old.st_mode & 07777);

    std::size_t written = 0;
    while (written < content.size()) {
        if (!stepAllowed("write")) return fail("write failed", EIO);
        ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("write failed", errno);
        }
        written += static_cast<std::size_t>(n);
    }
    if (!stepAllowed("fsync")) return fail("fsync failed", EIO);
    if (::fsync(fd) != 0) return fail("fsync failed", errno);
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        return Status::failure(name + ": close failed: " + errnoText(error) + " (the previous file is unchanged)");
    }
    const bool renameAllowed = stepAllowed("rename");
    if (!renameAllowed || ::rename(temp.c_str(), path.c_str()) != 0) {
        const int error = renameAllowed ? errno : EIO;
        ::unlink(temp.c_str());
        return Status::failure(name + ": rename failed: " + errnoText(error) + " (the previous file is unchanged)");
    }
    // Make the rename itself durable.
    int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return Status::success();
}

}  // namespace claimmark
