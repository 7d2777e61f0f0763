// set_file.h — reading and writing annotation sets (format "claimmark/annotation-set",
// version 1; see README "File format").
//
// [SECTION] Reading
//   The JSON is parsed straight into the model (SAX, no intermediate DOM for annotations).
//   A syntax error is reported with line and column; every structural or invariant
//   problem with its JSON path ("annotations[3].spans[0].end") — all of them, not only the
//   first. Unknown keys are ignored for meaning and kept for writing. A set that lacks a
//   "schema" gets the built-in claim-strength schema.
// [SECTION] Writing
//   Deterministic: keys in a fixed order, annotations in document order, one annotation or
//   relation per line (small diffs when a team shares sets through git). Atomic (file_io.h).
//   A save refuses to overwrite a set that changed on disk since it was read, unless forced.
#pragma once

#include "core/model/annotation_set.h"
#include "core/diagnostic.h"
#include "core/text/document.h"
#include "core/storage/file_io.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace claimmark {

Result<AnnotationSet> parseSet(std::string_view json, const std::string& fileName);
std::string serializeSet(const AnnotationSet& set);
// serializeSet, then the text read back with parseSet: for sets built from foreign input
// (import), so that nothing the reader would reject is ever written. The reader's problems
// come back under `fileName`, each prefixed "would not be readable: ".
Result<std::string> serializeSetChecked(const AnnotationSet& set, const std::string& fileName);
// The same for a set that is not needed afterwards: it is let go before the text is read
// back, so the set and its copy are never in memory at once.
Result<std::string> serializeSetChecked(AnnotationSet&& set, const std::string& fileName);

struct LoadedSet {
    AnnotationSet set;
    FileStamp stamp;  // the file as read; pass it to saveSetFile
};
Result<LoadedSet> loadSetFile(const std::filesystem::path& path);

enum class SaveMode { RefuseIfChanged, Overwrite };
struct SaveOutcome {
    Status status;
    bool conflict = false;  // true when refused because the file changed on disk
    FileStamp stamp;        // the file as written (on success)
};
// `expected` is the stamp from loading (or the last save); a never-saved set passes a
// default FileStamp (exists = false), and then an existing file also counts as a conflict.
SaveOutcome saveSetFile(const std::filesystem::path& path, const AnnotationSet& set, const FileStamp& expected,
                        SaveMode mode = SaveMode::RefuseIfChanged);

// The article a set refers to: document.path resolved against the set file's folder.
std::filesystem::path resolveDocumentPath(const std::filesystem::path& setPath, const AnnotationSet& set);
// The trust boundary for document.path. Sets travel between teammates, so the path a set
// names is read only when it leads (after resolving symbolic links) to a file inside the
// set's project folder — the folder holding the `annotations/` folder the set is in — or
// inside the set's own folder. Anything else, absolute paths and `../../..` escapes
// included, is refused with a message saying so; a user who means it names the article on
// the command line (--article), which is trusted as given.
Result<std::filesystem::path> trustedDocumentPath(const std::filesystem::path& setPath, const AnnotationSet& set);
// The folders a set's article may lie in: the project folder (when the set lies under an
// `annotations/` folder) and the set's own folder, both canonical.
std::vector<std::filesystem::path> articleRoots(const std::filesystem::path& setPath);

// document.path for a set stored at `setPath` that annotates `articlePath` (relative, with
// forward slashes, e.g. "../../samples/turmeric-joint-health.txt").
std::string relativeDocumentPath(const std::filesystem::path& setPath, const std::filesystem::path& articlePath);

// With the document at hand: when the SHA-256 matches, each annotation's stored text must
// equal the article's text at its spans and lengths must agree. Problems carry JSON paths.
Diagnostics checkSetAgainstDocument(const AnnotationSet& set, const Document& document, const std::string& setFileName);

}  // namespace claimmark
