// project_folder.h — a team's shared folder: articles and one set per reviewer per article.
//
// Layout (see project_layout.h): articles are `*.txt` files in the project folder or in
// `samples/`; the sets are `annotations/<article-stem>/<annotator>.json`, one file per
// reviewer per article, so reviewers sharing the folder through git or a file sync never
// edit the same file. Recovery files (`*.recovery`) and files that are not sets are ignored
// for status but reported in `problems`.
//
// Reviewer status for a document: NotStarted (no set file for that reviewer), InProgress
// (a set without the done flag), Done (the set's "done" flag is true).
//
// scanProject() is loadProjectSets() (project_sets.h) keeping only this table; code that
// needs the sets themselves (agree, report) calls that instead and reads each set once.
#pragma once

#include "core/diagnostic.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace claimmark {

enum class ReviewStatus { NotStarted, InProgress, Done };
const char* reviewStatusName(ReviewStatus status);  // "not started", "in progress", "done"

struct ReviewerSet {
    std::string annotator;          // the file's stem (also the set's "annotator" when present)
    std::filesystem::path setPath;  // empty when NotStarted
    ReviewStatus status = ReviewStatus::NotStarted;
    std::size_t annotationCount = 0;
    std::size_t disputedCount = 0;  // annotations with status "disputed" (a gold set)
    std::size_t orphanedCount = 0;
};

struct ProjectDocument {
    std::string stem;                   // the article's file stem
    std::filesystem::path articlePath;  // empty when only sets exist for this stem
    // From the article's source record (<stem>.source.json, written by intake) when there is
    // one: the title, and where it came from (its URL, else the file intake read).
    std::string title;
    std::string source;
    std::vector<ReviewerSet> reviewers;  // one per project reviewer, in `Project::reviewers` order
};

struct Project {
    std::filesystem::path root;
    std::vector<std::string> reviewers;      // every annotator seen in the project, sorted
    std::vector<ProjectDocument> documents;  // sorted by stem
    Diagnostics problems;                    // unreadable sets, sets for missing articles, ...
};

// Scans `root`. Fails only when `root` is not a readable folder; bad sets are listed in
// `problems` and counted as in progress with zero annotations, a source record that cannot
// be read is listed there too.
Result<Project> scanProject(const std::filesystem::path& root);

}  // namespace claimmark
