// recovery_file.cpp — writing, finding and discarding recovery files (recovery_file.h).
#include "core/storage/recovery_file.h"

#include "core/storage/file_io.h"
#include "core/storage/set_file.h"

#include <ctime>
#include <system_error>

namespace claimmark {

namespace fs = std::filesystem;

namespace {

std::chrono::system_clock::time_point toSystemTime(fs::file_time_type time) {
    return std::chrono::time_point_cast<std::chrono::system_clock::duration>(std::chrono::file_clock::to_sys(time));
}

std::string formatTime(std::chrono::system_clock::time_point time, const char* format) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm local{};
    if (!localtime_r(&seconds, &local)) return "?";
    char text[64];
    if (std::strftime(text, sizeof text, format, &local) == 0) return "?";
    return text;
}

// "<path>.broken", then ".broken-2", ... : the first name not in use.
fs::path brokenPathFor(const fs::path& recovery) {
    std::error_code ec;
    for (int n = 1; n < 1000; ++n) {
        fs::path candidate = recovery;
        candidate += n == 1 ? std::string(".broken") : ".broken-" + std::to_string(n);
        if (!fs::exists(candidate, ec)) return candidate;
    }
    fs::path last = recovery;
    last += ".broken-last";
    return last;
}

}  // namespace

fs::path recoveryPathFor(const fs::path& setPath) {
    fs::path path = setPath;
    path += ".recovery";
    return path;
}

Status writeRecovery(const fs::path& setPath, const AnnotationSet& set) {
    return writeFileAtomic(recoveryPathFor(setPath), serializeSet(set));
}

Status discardRecovery(const fs::path& setPath) {
    std::error_code ec;
    fs::remove(recoveryPathFor(setPath), ec);
    if (ec) return Status::failure("cannot remove " + recoveryPathFor(setPath).string() + ": " + ec.message());
    return Status::success();
}

std::optional<RecoveryCandidate> findRecovery(const fs::path& setPath) {
    const fs::path path = recoveryPathFor(setPath);
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return std::nullopt;
    const fs::file_time_type recoveryTime = fs::last_write_time(path, ec);
    if (ec) return std::nullopt;

    RecoveryCandidate candidate;
    candidate.path = path;
    candidate.setPath = setPath;
    candidate.written = toSystemTime(recoveryTime);
    candidate.setExists = fs::exists(setPath, ec);
    if (candidate.setExists) {
        const fs::file_time_type setTime = fs::last_write_time(setPath, ec);
        // Written before the last save: the set already holds everything it could.
        if (!ec && recoveryTime <= setTime) return std::nullopt;
    }

    Result<std::string> bytes = readFileBytes(path);
    if (!bytes) {
        candidate.problems = bytes.errors();
        return candidate;  // unreadable as a file: nothing to rename safely either
    }
    std::optional<std::string> setBytes;
    if (candidate.setExists) {
        Result<std::string> read = readFileBytes(setPath);
        if (read) setBytes = std::move(*read);
    }
    if (setBytes && *setBytes == *bytes) return std::nullopt;

    Result<AnnotationSet> recovered = parseSet(*bytes, path.string());
    if (!recovered) {
        candidate.problems = recovered.errors();
        // Kept, out of the way of the next autosave, for the user to look at.
        const fs::path broken = brokenPathFor(path);
        fs::rename(path, broken, ec);
        if (!ec) candidate.brokenPath = broken;
        return candidate;
    }
    if (setBytes) {
        Result<AnnotationSet> onDisk = parseSet(*setBytes, setPath.string());
        if (onDisk) {
            // Same annotations written differently (another tool, older formatting).
            if (serializeSet(*onDisk) == serializeSet(*recovered)) return std::nullopt;
            candidate.setAnnotationCount = onDisk->annotationCount();
        }
    }
    candidate.set = std::move(*recovered);
    return candidate;
}

std::string formatLocalDateTime(std::chrono::system_clock::time_point time) {
    return formatTime(time, "%Y-%m-%d %H:%M:%S");
}

std::string formatLocalTime(std::chrono::system_clock::time_point time) { return formatTime(time, "%H:%M:%S"); }

}  // namespace claimmark
