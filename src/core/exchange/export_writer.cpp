// export_writer.cpp — see export_writer.h.
//
// [SECTION] Checks      relative paths that stay inside the target folder
// [SECTION] Staging     every file written into "<folder>.partial-<pid>" first
// [SECTION] Moving      into place with rename over the old file; a failure takes every move
//                       back; no writing through symlinked folders; stale staging removed
#include "core/exchange/export_writer.h"

#include "core/storage/file_io.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include <set>
#include <string>
#include <system_error>

namespace claimmark {

namespace fs = std::filesystem;

namespace {

std::function<bool(const fs::path&)>& moveFaultHook() {
    static std::function<bool(const fs::path&)> hook;
    return hook;
}

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

// --- [SECTION] Moving ---------------------------------------------------------------------

struct Move {
    fs::path staged;
    fs::path target;
    fs::path backup;  // where the file `target` replaced was put; empty when it was new
    bool done = false;
};

bool renameWithHook(const fs::path& from, const fs::path& to, std::error_code& error) {
    if (moveFaultHook() && !moveFaultHook()(to)) {
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

// Staging folders "<name>.partial-<pid>" left by a process that no longer runs (killed
// mid-write): removed, since nothing refers to them.
void removeStaleStaging(const fs::path& folder) {
    std::error_code error;
    const std::string prefix = folder.filename().string() + ".partial-";
    for (fs::directory_iterator it(folder.parent_path(), error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        const std::string digits = name.substr(prefix.size());
        if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) continue;
        const long pid = std::strtol(digits.c_str(), nullptr, 10);
        if (pid <= 0 || pid == ::getpid()) continue;
        if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // still running
        std::error_code ignored;
        fs::remove_all(it->path(), ignored);
    }
}

}  // namespace

void setStagedMoveFaultHookForTesting(std::function<bool(const fs::path& target)> hook) {
    moveFaultHook() = std::move(hook);
}

// --- [SECTION] Staging --------------------------------------------------------------------

Status writeFilesIntoFolder(const fs::path& folderArgument, const std::vector<ExportFile>& files) {
    const fs::path folder = normalisedFolder(folderArgument);
    const std::string folderName = folderArgument.string();
    std::error_code error;

    std::set<std::string> seen;
    for (const ExportFile& file : files) {
        if (std::string why = checkRelativePath(file.relativePath); !why.empty())
            return Status::failure(folderName + ": " + why);
        if (!seen.insert(fs::path(file.relativePath).lexically_normal().string()).second)
            return Status::failure(folderName + ": two files would be written to " + file.relativePath);
    }
    if (fs::exists(folder, error) && !fs::is_directory(folder, error))
        return Status::failure(folderName + ": exists and is not a folder");

    const fs::path staging =
        folder.parent_path() / (folder.filename().string() + ".partial-" + std::to_string(::getpid()));
    removeQuietly(staging);  // a leftover of an earlier run that had this process id
    removeStaleStaging(folder);
    const fs::path missingAbove = firstMissingAncestor(folder.parent_path());
    fs::create_directories(staging, error);
    if (error) {
        removeQuietly(missingAbove);
        return Status::failure(folderName + ": cannot create the staging folder " + staging.string() + ": " +
                               error.message());
    }
    auto fail = [&](const std::string& message) {
        removeQuietly(staging);
        removeQuietly(missingAbove);
        return Status::failure(message);
    };

    for (const ExportFile& file : files) {
        const fs::path staged = staging / file.relativePath;
        fs::create_directories(staged.parent_path(), error);
        if (error)
            return fail((folder / file.relativePath).string() + ": cannot create its folder: " + error.message());
        Status written = writeFileAtomic(staged, file.content);
        if (!written) {
            // Name the file as the user will look for it, not its staging copy.
            std::string why = written.error;
            if (why.rfind(staged.string() + ": ", 0) == 0) why.erase(0, staged.string().size() + 2);
            return fail((folderArgument / file.relativePath).string() + ": not written: " + why);
        }
    }

    // A new folder appears at once, complete: the staging folder becomes it.
    if (!fs::exists(folder, error)) {
        if (!renameWithHook(staging, folder, error))
            return fail(folderName + ": cannot move the staging folder into place: " + error.message());
        return Status::success();
    }

    // An existing folder: file by file. Each new file is renamed over the old one (atomic:
    // the path holds the old or the new content at every moment), after a hard link keeps
    // the old one for taking the whole output back if a later file fails.
    const fs::path backups = staging / ".replaced";
    std::vector<Move> moves;
    std::vector<fs::path> createdFolders;
    moves.reserve(files.size());
    for (const ExportFile& file : files) {
        Move move;
        move.staged = staging / file.relativePath;
        move.target = folder / file.relativePath;
        if (const fs::path link = linkedFolderOnTheWay(folder, move.target); !link.empty()) {
            rollBack(moves, createdFolders);
            return fail(link.string() +
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
                move.backup = backups / file.relativePath;
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
            return fail((folderArgument / file.relativePath).string() + ": cannot move into place: " + error.message());
        }
    }
    removeQuietly(staging);
    return Status::success();
}

Status writeExportOutput(const fs::path& out, const ExportOutput& output, ExportLayout layout) {
    if (layout == ExportLayout::Folder) return writeFilesIntoFolder(out, output.files);
    if (output.files.size() != 1 || !output.files.front().relativePath.empty())
        return Status::failure(out.string() + ": the format produced " + std::to_string(output.files.size()) +
                               " files for a one-file output");
    std::error_code error;
    if (fs::is_directory(out, error)) return Status::failure(out.string() + ": is a folder; name a file with -o");
    return writeFileAtomic(out, output.files.front().content);
}

}  // namespace claimmark
