// export_one_file_target.cpp — an export that is one file: streamed into a temporary file
// in the target's folder (".<name>.tmp-<pid>-<n>", the permissions of the file it replaces),
// fsynced, and renamed over the target only on commit, so the path holds the complete old
// or the complete new content at every moment. Temporary files left by killed runs are
// removed when the next run opens its own.
#include "core/exchange/export_targets.h"

#include <sys/stat.h>
#include <unistd.h>

#include <fcntl.h>

#include <cerrno>
#include <cstring>
#include <random>

namespace claimmark {

namespace fs = std::filesystem;

namespace {

class OneFileTarget : public ExportTarget {
public:
    explicit OneFileTarget(fs::path out) : m_out(std::move(out)), m_name(m_out.string()) {}
    ~OneFileTarget() override { abandon(); }

    Status openFile(const std::string& relativePath) override {
        if (m_opened) return Status::failure(m_name + ": the format produced more than one file for a one-file output");
        m_opened = true;
        if (!relativePath.empty())
            return Status::failure(m_name + ": the format produced the file \"" + relativePath +
                                   "\" for a one-file output");
        std::error_code error;
        if (fs::is_directory(m_out, error)) return Status::failure(m_name + ": is a folder; name a file with -o");
        fs::path dir = m_out.parent_path();
        if (dir.empty()) dir = ".";
        if (!fs::is_directory(dir, error))
            return Status::failure(m_name + ": folder " + dir.string() + " does not exist");

        const std::string prefix = "." + m_out.filename().string() + ".tmp-";
        removeLeftoversOfDeadProcesses(dir, prefix);
        std::random_device random;
        m_temp = dir / (prefix + std::to_string(::getpid()) + "-" + std::to_string(random()));
        if (std::string why = m_file.create(m_temp, 0644); !why.empty()) {
            m_temp.clear();
            return Status::failure(m_name + ": cannot create a temporary file in " + dir.string() + ": " + why);
        }
        // Keep the permissions of the file being replaced.
        struct stat old {};
        if (::stat(m_out.c_str(), &old) == 0) ::fchmod(m_file.fd(), old.st_mode & 07777);
        return Status::success();
    }

    Status write(std::string_view bytes) override { return failed(m_file.write(bytes)); }
    Status closeFile() override { return failed(m_file.syncAndClose()); }

    Status commit() override {
        if (!m_opened || m_temp.empty())
            return Status::failure(m_name + ": the format produced 0 files for a one-file output");
        const bool allowed = exportStepAllowed("rename");
        if (!allowed || ::rename(m_temp.c_str(), m_out.c_str()) != 0)
            return failed(std::string("rename failed: ") + std::strerror(allowed ? errno : EIO));
        m_temp.clear();
        // Make the rename itself durable.
        fs::path dir = m_out.parent_path();
        if (dir.empty()) dir = ".";
        const int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dirFd >= 0) {
            ::fsync(dirFd);
            ::close(dirFd);
        }
        return Status::success();
    }

    void abandon() override {
        m_file.closeQuietly();
        if (!m_temp.empty()) ::unlink(m_temp.c_str());
        m_temp.clear();
    }

private:
    Status failed(const std::string& why) {
        if (why.empty()) return Status::success();
        abandon();
        return Status::failure(m_name + ": " + why + " (the previous file is unchanged)");
    }

    fs::path m_out;
    std::string m_name;
    fs::path m_temp;
    OutputFile m_file;
    bool m_opened = false;
};

}  // namespace

std::unique_ptr<ExportTarget> makeOneFileTarget(const fs::path& out) { return std::make_unique<OneFileTarget>(out); }

}  // namespace claimmark
