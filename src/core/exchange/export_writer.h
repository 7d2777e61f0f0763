// export_writer.h — putting export and import results on disk with no partial output.
//
// ExportFileSink is the ExportSink (export_sink.h) that writes to disk as the format
// writes: a one-file output streams into a temporary file beside the target (fsynced,
// renamed over it on commit()); a folder output streams each file into a staging folder
// beside the target folder ("<folder>.partial-<pid>"), and only when all of them are there
// are they moved into place with rename (the whole staging folder is renamed when the
// target folder does not exist yet). An existing file is replaced by one rename over it,
// so its path always holds the complete old or the complete new content; a hard link keeps
// the old one until the whole output is in. On any failure — the format's, or the disk's —
// abandon() (or the destructor) removes the temporary file or staging folder, files
// already moved are taken back (replaced files are restored), and the target is left as it
// was. Symbolic links to folders inside the target are refused, not followed; temporary
// files and staging folders of processes that died are removed at the next write.
//
// writeExportOutput and writeFilesIntoFolder do the same for files already in memory.
#pragma once

#include "core/diagnostic.h"
#include "core/exchange/exchange.h"
#include "core/exchange/export_sink.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

namespace claimmark {

class ExportTarget;

class ExportFileSink : public ExportSink {
public:
    // `out` is the file (ExportLayout::File: exactly one file, with an empty relative path)
    // or the folder, created when missing (ExportLayout::Folder: relative paths with '/'
    // separators, no "..", not empty, each used once). Nothing is touched before the first
    // beginFile().
    ExportFileSink(const std::filesystem::path& out, ExportLayout layout, std::size_t chunkSize = kDefaultChunkSize);
    ~ExportFileSink() override;  // abandons an output that was not committed

    // The output is complete: puts it in place, all or nothing. Errors name the path that
    // could not be written.
    Status commit();
    // The output is not wanted (the format failed): the target stays as it was.
    void abandon();

protected:
    Status openFile(const std::string& relativePath) override;
    Status writeBytes(std::string_view bytes) override;
    Status closeFile() override;

private:
    std::unique_ptr<ExportTarget> m_target;
    bool m_done = false;
};

// Writes an export held in memory: for ExportLayout::File exactly one file with an empty
// relativePath, written to `out`; for ExportLayout::Folder the files go into the folder
// `out` (created when missing).
Status writeExportOutput(const std::filesystem::path& out, const ExportOutput& output, ExportLayout layout);

// Writes `files` (relativePath as above) into `folder`, creating it and any subfolders,
// all or nothing.
Status writeFilesIntoFolder(const std::filesystem::path& folder, const std::vector<ExportFile>& files);

// Test hooks. Called before each write / fsync / rename step of the files being written
// (with the step's name); returning false makes that step fail as an I/O error would.
void setExportWriteFaultHookForTesting(std::function<bool(const char* step)> hook);
// Called before each file is moved from the staging folder into the target (with the
// target path); returning false makes that move fail.
void setStagedMoveFaultHookForTesting(std::function<bool(const std::filesystem::path& target)> hook);

}  // namespace claimmark
