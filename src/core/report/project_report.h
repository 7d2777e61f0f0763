// project_report.h — the report on a project folder (`claimmark report DIR`): every document
// that has sets, its reviewers side by side, the gold set's rows where there is one.
//
// The folder is read by loadProjectSets (team/project_sets.h): each set file once, the
// articles beside them, stale sets re-anchored (the notes say so). Documents without an
// article, and unreadable sets or articles, are left out with a warning; the report covers
// the rest. The evidence hierarchy is the first readable set's schema's.
#pragma once

#include "core/diagnostic.h"
#include "core/report/claim_report.h"
#include "core/team/project_sets.h"

#include <filesystem>

namespace claimmark {

struct ProjectReport {
    ProjectSets project;  // owns the articles and sets the report points into
    Report report;
    Diagnostics warnings;  // the folder's problems and unreadable articles
    Schema schema;         // the first readable set's (colours and levels for the HTML form)
};

// Fails when `root` is not a readable folder or a set's schema declares a faulty hierarchy.
Result<ProjectReport> reportOnProject(const std::filesystem::path& root, bool includeSuggested);

}  // namespace claimmark
