// project_folder.cpp — scanning a team's project folder (see project_folder.h): the walk and
// the reading are loadProjectSets()'s (project_sets.cpp), keeping only statuses and counts.
#include "core/team/project_folder.h"

#include "core/intake/source_record.h"
#include "core/team/project_sets.h"

#include <system_error>

namespace claimmark {

const char* reviewStatusName(ReviewStatus status) {
    switch (status) {
        case ReviewStatus::NotStarted: return "not started";
        case ReviewStatus::InProgress: return "in progress";
        case ReviewStatus::Done: return "done";
    }
    return "not started";
}

Result<Project> scanProject(const std::filesystem::path& root) {
    ProjectLoadOptions options;
    options.articles = ArticleLoading::None;
    options.keepSets = false;
    Result<ProjectSets> loaded = loadProjectSets(root, options);
    if (!loaded) return loaded.errors();

    Project project;
    project.root = std::move(loaded->root);
    project.reviewers = std::move(loaded->reviewers);
    project.problems = std::move(loaded->problems);
    project.documents.reserve(loaded->documents.size());
    for (ProjectSetsDocument& loadedDocument : loaded->documents) {
        ProjectDocument& document = project.documents.emplace_back();
        document.stem = std::move(loadedDocument.stem);
        document.articlePath = std::move(loadedDocument.articlePath);
        std::error_code ec;
        const std::filesystem::path recordPath = intake::sourceRecordPath(document.articlePath);
        if (!document.articlePath.empty() && std::filesystem::exists(recordPath, ec)) {
            Result<intake::SourceRecord> record = intake::loadSourceRecord(recordPath);
            if (record) {
                document.title = record->title;
                document.source = record->url.empty() ? record->source : record->url;
            } else {
                for (const Diagnostic& d : record.errors()) project.problems.push_back(d);
            }
        }
        document.reviewers.reserve(loadedDocument.sets.size());
        for (ProjectSet& entry : loadedDocument.sets) document.reviewers.push_back(std::move(entry.info));
    }
    return project;
}

}  // namespace claimmark
