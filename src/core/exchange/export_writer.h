// export_writer.h — putting export and import results on disk with no partial output.
//
// Everything is generated in memory first; these functions only write. A single file goes
// through writeFileAtomic (temporary file, fsync, rename). Several files are first written
// into a staging folder beside the target folder ("<folder>.partial-<pid>"); only when all
// of them are there are they moved into place with rename (the whole staging folder is
// renamed when the target folder does not exist yet). An existing file is replaced by one
// rename over it, so its path always holds the complete old or the complete new content;
// a hard link keeps the old one until the whole output is in. On any failure the staging
// folder is removed, files already moved are taken back (replaced files are restored), and
// the target is left as it was. Symbolic links to folders inside the target are refused,
// not followed; staging folders of processes that died are removed at the next write.
#pragma once

#include "core/diagnostic.h"
#include "core/exchange/exchange.h"

#include <filesystem>
#include <functional>
#include <vector>

namespace claimmark {

// Writes an export: for ExportLayout::File exactly one file with an empty relativePath,
// written to `out`; for ExportLayout::Folder the files go into the folder `out` (created
// when missing). Errors name the path that could not be written.
Status writeExportOutput(const std::filesystem::path& out, const ExportOutput& output, ExportLayout layout);

// Writes `files` (relativePath: a relative path with '/' separators, no "..", not empty)
// into `folder`, creating it and any subfolders, all or nothing as described above.
Status writeFilesIntoFolder(const std::filesystem::path& folder, const std::vector<ExportFile>& files);

// Test hook: called before each file is moved from the staging folder into the target
// (with the target path); returning false makes that move fail as an I/O error would.
void setStagedMoveFaultHookForTesting(std::function<bool(const std::filesystem::path& target)> hook);

}  // namespace claimmark
