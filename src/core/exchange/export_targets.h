// export_targets.h — the two places an ExportFileSink (export_writer.h) streams to, for
// export_writer.cpp only: one file (a temporary file beside it, renamed over it at the end)
// and a folder (a staging folder beside it, its files moved in at the end). Both follow
// the same steps: open / write / close each file in turn, then commit, or abandon, which
// leaves the target as it was and removes every temporary file and staging folder.
#pragma once

#include "core/diagnostic.h"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace claimmark {

class ExportTarget {
public:
    virtual ~ExportTarget() = default;
    virtual Status openFile(const std::string& relativePath) = 0;
    virtual Status write(std::string_view bytes) = 0;
    virtual Status closeFile() = 0;
    virtual Status commit() = 0;
    virtual void abandon() = 0;
};

std::unique_ptr<ExportTarget> makeOneFileTarget(const std::filesystem::path& out);
std::unique_ptr<ExportTarget> makeFolderTarget(const std::filesystem::path& folder);

// --- Shared by both targets -------------------------------------------------------------

// The test hooks of export_writer.h: whether a write / fsync / rename step, or the move of
// a staged file to `target`, may go ahead.
bool exportStepAllowed(const char* step);
bool stagedMoveAllowed(const std::filesystem::path& target);

// An open file descriptor being filled.
class OutputFile {
public:
    OutputFile() = default;
    ~OutputFile() { closeQuietly(); }
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    // Creates `path` (which must not exist) with `mode`; errno text on failure, else "".
    std::string create(const std::filesystem::path& path, unsigned mode);
    bool isOpen() const { return m_fd >= 0; }
    int fd() const { return m_fd; }
    // All of `bytes`; on failure "write failed: <reason>".
    std::string write(std::string_view bytes);
    // fsync and close; on failure "fsync failed: ..." or "close failed: ...".
    std::string syncAndClose();
    void closeQuietly();

private:
    int m_fd = -1;
};

// Files named "<prefix><pid>..." in `folder` whose process no longer runs (killed while
// writing): removed, as nothing refers to them. `prefix` is e.g. ".data.csv.tmp-".
void removeLeftoversOfDeadProcesses(const std::filesystem::path& folder, const std::string& prefix);

}  // namespace claimmark
