// export_writer.cpp — see export_writer.h.
//
// [SECTION] Checks      relative paths that stay inside the target folder
// [SECTION] Staging     every file written into "<folder>.partial-<pid>" first
// [SECTION] Moving      into place with rename; a failure takes every move back
#include "core/exchange/export_writer.h"

#include "core/storage/file_io.h"

#include <unistd.h>

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
        if (name == ".." || name == "." || name.empty())
            return "\"" + relative + "\" would leave the output folder";
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

// Undoes the moves made so far (newest first) and removes folders created for them.
void rollBack(std::vector<Move>& moves, const std::vector<fs::path>& createdFolders) {
    std::error_code error;
    for (auto it = moves.rbegin(); it != moves.rend(); ++it) {
        if (it->done) fs::remove(it->target, error);
        if (!it->backup.empty() && fs::exists(it->backup, error)) fs::rename(it->backup, it->target, error);
    }
    for (auto it = createdFolders.rbegin(); it != createdFolders.rend(); ++it) removeQuietly(*it);
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

    const fs::path staging = folder.parent_path() / (folder.filename().string() + ".partial-" + std::to_string(::getpid()));
    removeQuietly(staging);  // a leftover of an earlier run that had this process id
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
        if (error) return fail((folder / file.relativePath).string() + ": cannot create its folder: " + error.message());
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

    // An existing folder: file by file, keeping what each replaces until all are in.
    const fs::path backups = staging / ".replaced";
    std::vector<Move> moves;
    std::vector<fs::path> createdFolders;
    moves.reserve(files.size());
    for (const ExportFile& file : files) {
        Move move;
        move.staged = staging / file.relativePath;
        move.target = folder / file.relativePath;
        const fs::path newFolder = firstMissingAncestor(move.target.parent_path());
        fs::create_directories(move.target.parent_path(), error);
        if (!newFolder.empty() && !error) createdFolders.push_back(newFolder);
        if (!error && fs::exists(move.target, error)) {
            if (fs::is_directory(move.target, error)) {
                error = std::make_error_code(std::errc::is_a_directory);
            } else {
                move.backup = backups / file.relativePath;
                fs::create_directories(move.backup.parent_path(), error);
                if (!error) fs::rename(move.target, move.backup, error);
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
