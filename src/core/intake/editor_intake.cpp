// editor_intake.cpp — intake before the editor opens (editor_intake.h).
#include "core/intake/editor_intake.h"

#include "core/team/project_layout.h"

#include <system_error>

namespace claimmark::intake {

namespace fs = std::filesystem;

bool editorNeedsIntake(const std::string& article) {
    if (isUrl(article)) return true;
    const std::optional<SourceFormat> format = formatOfPath(article);
    return format && *format != SourceFormat::Text;
}

// --- [SECTION] Where the text goes --------------------------------------------------------

namespace {

bool isProjectFolder(const fs::path& folder) {
    std::error_code ec;
    return fs::is_regular_file(folder / "claimmark-project.json", ec) || fs::is_directory(folder / "annotations", ec) ||
           fs::is_directory(folder / "samples", ec);
}

fs::path textFolderFor(const fs::path& sourceFolder) {
    const fs::path folder = sourceFolder.empty() ? fs::path(".") : sourceFolder;
    if (folder.filename() == "samples") return sourceFolder;
    if (isProjectFolder(folder)) return sourceFolder / "samples";
    return sourceFolder;
}

}  // namespace

std::string articleStemOfUrl(const std::string& url) {
    const std::size_t schemeEnd = url.find("://");
    std::string rest = schemeEnd == std::string::npos ? url : url.substr(schemeEnd + 3);
    rest = rest.substr(0, rest.find_first_of("?#"));
    const std::size_t slash = rest.find('/');
    std::string host = rest.substr(0, slash);
    host = host.substr(host.rfind('@') == std::string::npos ? 0 : host.rfind('@') + 1);
    host = host.substr(0, host.find(':'));
    std::string path = slash == std::string::npos ? "" : rest.substr(slash);
    while (!path.empty() && path.back() == '/') path.pop_back();
    std::string segment = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
    if (const std::size_t dot = segment.rfind('.'); dot != std::string::npos && dot > 0) segment.resize(dot);
    const std::string stem = sanitizeFileName(segment, "");
    return stem.empty() ? sanitizeFileName(host, "article") : stem;
}

fs::path editorArticlePath(const std::string& source, const fs::path& workingFolder) {
    if (isUrl(source)) return textFolderFor(workingFolder) / (articleStemOfUrl(source) + ".txt");
    const fs::path path(source);
    return textFolderFor(path.parent_path()) / (path.stem().string() + ".txt");
}

// --- [SECTION] Opening again --------------------------------------------------------------

namespace {

// The record names the source as given to intake: a URL, or a path as typed (the command
// line) or relative to the article's folder (the editor).
bool recordNamesSource(const SourceRecord& record, const std::string& source, const fs::path& articleFolder) {
    if (isUrl(source) || isUrl(record.source)) return record.source == source;
    if (record.source.empty()) return false;
    std::error_code ec;
    const fs::path wanted = fs::weakly_canonical(fs::path(source), ec);
    for (const fs::path& candidate : {articleFolder / record.source, fs::path(record.source)}) {
        std::error_code ec2;
        if (fs::exists(candidate, ec2) && fs::weakly_canonical(candidate, ec2) == wanted) return true;
    }
    return false;
}

}  // namespace

Result<EditorIntake> intakeForEditor(const std::string& source, const fs::path& workingFolder,
                                     const IntakeOptions& options) {
    EditorIntake opened;
    opened.articlePath = editorArticlePath(source, workingFolder);
    const fs::path articleFolder = opened.articlePath.parent_path();
    std::error_code ec;
    bool sameSource = false;
    if (fs::exists(opened.articlePath, ec)) {
        const fs::path recordPath = sourceRecordPath(opened.articlePath);
        if (fs::exists(recordPath, ec)) {
            Result<SourceRecord> record = loadSourceRecord(recordPath);
            sameSource = record && recordNamesSource(*record, source, articleFolder);
        }
    }

    Result<IntakeResult> result = intakeSource(source, options);
    if (!result) return result.errors();
    if (!isUrl(source)) {
        // Portable across the team's clones: the source as seen from the article's folder.
        const fs::path relative =
            fs::absolute(fs::path(source), ec)
                .lexically_normal()
                .lexically_relative(fs::absolute(articleFolder.empty() ? "." : articleFolder, ec).lexically_normal());
        if (!relative.empty()) result->record.source = relative.generic_string();
    }
    if (!articleFolder.empty()) fs::create_directories(articleFolder, ec);
    Result<IntakeWrite> written = writeIntake(*result, opened.articlePath, sameSource);
    if (!written) {
        if (!sameSource && fs::exists(opened.articlePath, ec))
            return Diagnostic{opened.articlePath.string(), "",
                              "already exists and was not made from " + source +
                                  ", so it is left alone; run 'claimmark intake " + source +
                                  " -o OTHER.txt' and open that"};
        return written.errors();
    }
    const std::string record = sourceRecordPath(opened.articlePath).string();
    if (written->replaced)
        opened.message = source + " has changed: " + opened.articlePath.string() +
                         " holds its new text (sets made on the old text are re-anchored)";
    else if (written->textChanged)
        opened.message =
            "Read " + source + " into " + opened.articlePath.string() + " (where it came from: " + record + ")";
    else opened.message = "Read " + source + " again: the text in " + opened.articlePath.string() + " is unchanged";
    opened.notes = std::move(result->notes);
    return opened;
}

}  // namespace claimmark::intake
