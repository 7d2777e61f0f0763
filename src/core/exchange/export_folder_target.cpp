// export_folder_target.cpp — an export that is a folder of files, all or nothing.
//
// [SECTION] Checks      relative paths that stay inside the target folder, each used once
// [SECTION] Staging     every file streamed into "<folder>.partial-<pid>" first
// [SECTION] Moving      into place with rename over the old file; a failure takes every move
//                       back; no writing through symlinked folders; stale staging removed
//
// A new folder appears at once, complete: the staging folder is renamed to it. Into an
// existing folder each file is renamed over the old one (the path holds the old or the new
// content at every moment), after a hard link in the staging folder keeps the old one, so
// a later failure can put everything back.
#include "core/exchange/export_targets.h"

#include <unistd.h>

#include <set>
#include <system_error>
#include <vector>

namespace claimmark {

namespace fs = std::filesystem;

namespace {

// --- [SECTION] Checks ---------------------------------------------------------------------

// Empty when `relative` names a file inside the folder; else why not.
std::string checkRelativePath(const std::string& relative) {
    if (relative.empty()) return "a file of a folder output has no name";
    const fs::path path(relative);
    if (path.is_absolute() || relative.front() == '/') return "\"" + relative + "\" is not a relative path";
    for (const fs::path& part : path) {
        const std::string name = part.string();
        if (name == ".." || name == "." || name.empty()) return "\"" + relative + "\" would leave the output folder";
    }
    if (relative.back() == '/') return "\"" + relative + "\" names a folder, not a file";
    return {};
}

fs::path normalisedFolder(const fs::path& folder) {
    std::error_code error;
    fs::path abs = fs::absolute(folder, error).lexically_normal();
    if (abs.has_parent_path() && abs.filename().empty()) abs = abs.parent_path();
    return abs;
}

// The topmost folder on the way to `path` that does not exist yet (empty when all exist),
// so that folders created for the output can be removed again on failure.
fs::path firstMissingAncestor(const fs::path& path) {
    std::error_code error;
    fs::path missing;
    for (fs::path p = path; !p.empty() && !fs::exists(p, error); p = p.parent_path()) {
        missing = p;
        if (p == p.parent_path()) break;
    }
    return missing;
}

void removeQuietly(const fs::path& path) {
    std::error_code error;
    if (!path.empty()) fs::remove_all(path, error);
}

// Empty when no folder between `folder` (exclusive) and `target` (exclusive) is a symbolic
// link; else the first one that is. Writing through a linked folder would put files
// wherever the link points, outside what the user named.
fs::path linkedFolderOnTheWay(const fs::path& folder, const fs::path& target) {
    std::error_code error;
    fs::path at = folder;
    const fs::path relative = target.lexically_relative(folder);
    std::size_t parts = 0;
    for (auto it = relative.begin(); it != relative.end(); ++it) ++parts;
    std::size_t index = 0;
    for (auto it = relative.begin(); it != relative.end() && index + 1 < parts; ++it, ++index) {
        at /= *it;
        if (fs::is_symlink(fs::symlink_status(at, error))) return at;
    }
    return {};
}

// --- [SECTION] Moving ---------------------------------------------------------------------

struct Move {
    fs::path staged;
    fs::path target;
    fs::path backup;  // where the file `target` replaced was put; empty when it was new
    bool done = false;
};

bool renameWithHook(const fs::path& from, const fs::path& to, std::error_code& error) {
    if (!stagedMoveAllowed(to)) {
        error = std::make_error_code(std::errc::io_error);
        return false;
    }
    fs::rename(from, to, error);
    return !error;
}

// Undoes the moves made so far (newest first) and removes folders created for them. A
// replaced file comes back with one rename over the new one, so the path is never empty.
void rollBack(std::vector<Move>& moves, const std::vector<fs::path>& createdFolders) {
    std::error_code error;
    for (auto it = moves.rbegin(); it != moves.rend(); ++it) {
        if (!it->backup.empty() && fs::exists(it->backup, error)) {
            if (it->done) fs::rename(it->backup, it->target, error);
        } else if (it->done) {
            fs::remove(it->target, error);
        }
    }
    for (auto it = createdFolders.rbegin(); it != createdFolders.rend(); ++it) removeQuietly(*it);
}

// --- [SECTION] Staging --------------------------------------------------------------------

class FolderTarget : public ExportTarget {
public:
    explicit FolderTarget(const fs::path& folderArgument)
        : m_argument(folderArgument), m_name(folderArgument.string()), m_folder(normalisedFolder(folderArgument)) {}
    ~FolderTarget() override { abandon(); }

    Status openFile(const std::string& relativePath) override {
        if (std::string why = checkRelativePath(relativePath); !why.empty())
            return Status::failure(m_name + ": " + why);
        if (!m_seen.insert(fs::path(relativePath).lexically_normal().string()).second)
            return Status::failure(m_name + ": two files would be written to " + relativePath);
        if (Status prepared = prepare(); !prepared) return prepared;

        const fs::path staged = m_staging / relativePath;
        std::error_code error;
        fs::create_directories(staged.parent_path(), error);
        if (error)
            return Status::failure((m_folder / relativePath).string() +
                                   ": cannot create its folder: " + error.message());
        m_files.push_back(relativePath);
        if (std::string why = m_file.create(staged, 0644); !why.empty()) return notWritten("cannot create it: " + why);
        return Status::success();
    }

    Status write(std::string_view bytes) override { return notWritten(m_file.write(bytes)); }
    Status closeFile() override { return notWritten(m_file.syncAndClose()); }

    Status commit() override {
        if (Status prepared = prepare(); !prepared) return prepared;  // an output of no files
        std::error_code error;
        if (!fs::exists(m_folder, error)) {
            if (!renameWithHook(m_staging, m_folder, error)) {
                abandon();
                return Status::failure(m_name + ": cannot move the staging folder into place: " + error.message());
            }
            m_staging.clear();
            m_missingAbove.clear();
            return Status::success();
        }
        Status moved = moveIntoExistingFolder();
        if (!moved) abandon();
        removeQuietly(m_staging);
        m_staging.clear();
        m_missingAbove.clear();
        return moved;
    }

    void abandon() override {
        m_file.closeQuietly();
        removeQuietly(m_staging);
        removeQuietly(m_missingAbove);
        m_staging.clear();
        m_missingAbove.clear();
    }

private:
    // The staging folder, made on the first file (so a format that fails before writing
    // anything leaves nothing to clean).
    Status prepare() {
        if (!m_staging.empty()) return Status::success();
        std::error_code error;
        if (fs::exists(m_folder, error) && !fs::is_directory(m_folder, error))
            return Status::failure(m_name + ": exists and is not a folder");
        const fs::path staging =
            m_folder.parent_path() / (m_folder.filename().string() + ".partial-" + std::to_string(::getpid()));
        removeQuietly(staging);  // a leftover of an earlier run that had this process id
        removeLeftoversOfDeadProcesses(m_folder.parent_path(), m_folder.filename().string() + ".partial-");
        m_missingAbove = firstMissingAncestor(m_folder.parent_path());
        fs::create_directories(staging, error);
        if (error) {
            removeQuietly(m_missingAbove);
            m_missingAbove.clear();
            return Status::failure(m_name + ": cannot create the staging folder " + staging.string() + ": " +
                                   error.message());
        }
        m_staging = staging;
        return Status::success();
    }

    // Names the file as the user will look for it, not its staging copy.
    Status notWritten(const std::string& why) {
        if (why.empty()) return Status::success();
        m_file.closeQuietly();
        return Status::failure((m_argument / m_files.back()).string() + ": not written: " + why);
    }

    // File by file: each new file is renamed over the old one, after a hard link keeps the
    // old one for taking the whole output back if a later file fails.
    Status moveIntoExistingFolder() {
        std::error_code error;
        const fs::path backups = m_staging / ".replaced";
        std::vector<Move> moves;
        std::vector<fs::path> createdFolders;
        moves.reserve(m_files.size());
        for (const std::string& relative : m_files) {
            Move move;
            move.staged = m_staging / relative;
            move.target = m_folder / relative;
            if (const fs::path link = linkedFolderOnTheWay(m_folder, move.target); !link.empty()) {
                rollBack(moves, createdFolders);
                return Status::failure(link.string() +
                                       ": is a symbolic link to a folder; claimmark does not write through "
                                       "linked folders (replace it with a real folder, or choose another -o)");
            }
            const fs::path newFolder = firstMissingAncestor(move.target.parent_path());
            fs::create_directories(move.target.parent_path(), error);
            if (!newFolder.empty() && !error) createdFolders.push_back(newFolder);
            std::error_code statusError;  // "not found" is no error here
            const fs::file_status existing = fs::symlink_status(move.target, statusError);
            if (!error && fs::exists(existing)) {
                if (fs::is_directory(existing)) {
                    error = std::make_error_code(std::errc::is_a_directory);
                } else {
                    move.backup = backups / relative;
                    fs::create_directories(move.backup.parent_path(), error);
                    if (!error) fs::create_hard_link(move.target, move.backup, error);
                    if (error) {
                        error.clear();
                        fs::copy_file(move.target, move.backup, fs::copy_options::overwrite_existing, error);
                    }
                    if (error) move.backup.clear();
                }
            }
            if (!error) move.done = renameWithHook(move.staged, move.target, error);
            moves.push_back(move);
            if (error) {
                rollBack(moves, createdFolders);
                return Status::failure((m_argument / relative).string() +
                                       ": cannot move into place: " + error.message());
            }
        }
        return Status::success();
    }

    fs::path m_argument;  // as the user wrote it, for messages
    std::string m_name;
    fs::path m_folder;  // absolute
    fs::path m_staging;
    fs::path m_missingAbove;
    std::set<std::string> m_seen;
    std::vector<std::string> m_files;  // in the order written
    OutputFile m_file;
};

}  // namespace

std::unique_ptr<ExportTarget> makeFolderTarget(const fs::path& folder) {
    return std::make_unique<FolderTarget>(folder);
}

}  // namespace claimmark
