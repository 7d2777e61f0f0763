// file_io.h — reading whole files, noticing changes on disk, and atomic writes.
//
// writeFileAtomic(): writes a temporary file in the target's folder, flushes and fsyncs it,
// renames it over the target and fsyncs the folder. Any failure removes the temporary file
// and leaves the old target untouched.
#pragma once

#include "core/diagnostic.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace claimmark {

// Identifies a file's content as it was read or written, to notice later changes.
struct FileStamp {
    bool exists = false;
    std::uintmax_t size = 0;
    std::int64_t mtimeNs = 0;
    std::string sha256;  // of the content
};

// The whole file; a missing file, a folder, or a read error each get their own message.
Result<std::string> readFileBytes(const std::filesystem::path& path);

// `path` made absolute with symbolic links resolved (as far as it exists; the rest normalised).
std::filesystem::path resolvedPath(const std::filesystem::path& path);
// True when `path` is `folder` or lies below it, both resolved: the check behind every rule
// of the kind "an input may only make claimmark read files in this folder".
bool liesInside(const std::filesystem::path& path, const std::filesystem::path& folder);
FileStamp stampOf(const std::filesystem::path& path, std::string_view content);
FileStamp stampOfFileOnDisk(const std::filesystem::path& path);  // reads it to hash
// True when the file at `path` differs from `stamp` (created, deleted or content changed;
// a touch that keeps the content is not a change).
bool changedOnDisk(const std::filesystem::path& path, const FileStamp& stamp);

Status writeFileAtomic(const std::filesystem::path& path, std::string_view content);

// Test hook: when set, called before each write/fsync/rename step with the step's name
// ("write", "fsync", "rename"); returning false makes that step fail as an I/O error would.
void setAtomicWriteFaultHookForTesting(std::function<bool(const char* step)> hook);

}  // namespace claimmark
