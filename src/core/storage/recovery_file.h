// recovery_file.h — the editor's safety net: unsaved work written beside the set.
//
// The recovery file for a set at P is "P.recovery" (annotations/x/alice.json.recovery): a
// complete annotation set, written atomically while there are unsaved changes, never over
// the set itself. A clean close or a successful save removes it; a crash or a kill leaves
// it, and the next start offers it back (findRecovery).
//
// A recovery file is only offered when it can hold something the set does not: it must be
// newer than the set (or the set must be missing) and differ from it in content. One that
// cannot be read is renamed to "P.recovery.broken" (or ".broken-2", ...) so the next
// autosave cannot overwrite it, and reported.
#pragma once

#include "core/model/annotation_set.h"
#include "core/diagnostic.h"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace claimmark {

struct RecoveryCandidate {
    std::filesystem::path path;                     // the recovery file ("<set>.recovery")
    std::filesystem::path setPath;                  // the set it belongs to
    std::chrono::system_clock::time_point written;  // the recovery file's mtime
    bool setExists = false;
    // Annotations in the set on disk; nullopt when it is missing or cannot be read.
    std::optional<std::size_t> setAnnotationCount;
    // The recovered set; nullopt when the file could not be read (see problems).
    std::optional<AnnotationSet> set;
    Diagnostics problems;              // why the recovery file could not be read
    std::filesystem::path brokenPath;  // where an unreadable recovery file was moved to

    bool readable() const { return set.has_value(); }
};

std::filesystem::path recoveryPathFor(const std::filesystem::path& setPath);

// Writes `set` (serializeSet) to recoveryPathFor(setPath), atomically.
Status writeRecovery(const std::filesystem::path& setPath, const AnnotationSet& set);

// The recovery file worth offering for `setPath`, if any (see the top of this file). A
// recovery file that is older than the set, or holds the same annotations, is left alone
// and not offered. An unreadable one is renamed and returned with `problems` set.
std::optional<RecoveryCandidate> findRecovery(const std::filesystem::path& setPath);

// Removes the recovery file; a missing file is not an error.
Status discardRecovery(const std::filesystem::path& setPath);

// "2026-11-24 12:03:14" in local time, and the time of day alone ("12:03:14").
std::string formatLocalDateTime(std::chrono::system_clock::time_point time);
std::string formatLocalTime(std::chrono::system_clock::time_point time);

}  // namespace claimmark
