// editor_intake.h — `claimmark SOURCE` on a web page, PDF, Word, OpenDocument or Markdown file
// or an http(s) URL: intake runs first, and the editor opens the text it wrote.
//
// [SECTION] Where the text goes
//   In a project folder, where the project expects articles: `<root>/samples/<stem>.txt`.
//   A source's folder is a project when it holds `claimmark-project.json`, `annotations/` or
//   `samples/`; a source already in `samples/` gets its text beside it. Anywhere else the text
//   goes beside the source. A URL's text goes in the working folder (or its `samples/`, by the
//   same rule), named after the URL's last path segment (else its host).
// [SECTION] Opening again
//   When the text is already there and its source record names the same source, intake runs
//   again and replaces the text if the source changed (sets made on it re-anchor as usual);
//   a text made from another source, or by hand, is never replaced: the error says to run
//   `claimmark intake SOURCE -o OTHER.txt`.
#pragma once

#include "core/diagnostic.h"
#include "core/intake/intake.h"

#include <filesystem>
#include <string>
#include <vector>

namespace claimmark::intake {

// True for what the editor hands to intake: an http(s) URL or a file of a format intake
// reads other than .txt.
bool editorNeedsIntake(const std::string& article);

// --- [SECTION] Where the text goes --------------------------------------------------------

// The stem a URL's article is named by: its last path segment without extension, else its
// host, made safe as a file name.
std::string articleStemOfUrl(const std::string& url);
std::filesystem::path editorArticlePath(const std::string& source, const std::filesystem::path& workingFolder);

// --- [SECTION] Opening again --------------------------------------------------------------

struct EditorIntake {
    std::filesystem::path articlePath;  // the text the editor opens
    std::string message;                // what was done, for the user
    std::vector<std::string> notes;     // the extractor's notes
};

// Reads `source`, writes its text and record (see above) and says where. Nothing is written
// when the source cannot be read or the text there is not this source's.
Result<EditorIntake> intakeForEditor(const std::string& source, const std::filesystem::path& workingFolder,
                                     const IntakeOptions& options = {});

}  // namespace claimmark::intake
