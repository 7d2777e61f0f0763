// agreement_input.h — gathering what `agree` compares: several sets of one article, or every
// document of a project folder, with the articles loaded and stale sets re-anchored.
//
// [SECTION] Sets of one article
//   All sets must annotate the same article. The reference is the version most sets were made
//   on (majority SHA-256; a tie goes to the set named first), read from the path that set
//   names. A set made on another version of that same article (same file, or same file name)
//   is re-anchored onto it and a note says so; sets of different articles are an error naming
//   them. If the file on disk no longer matches even the majority, every set is re-anchored
//   onto the file. Orphans stay in the sets and are excluded by the computation.
// [SECTION] A project folder
//   loadProjectSets() (project_sets.h) walks the folder and reads each set and article once.
//   Gold sets — annotator "gold" or any set with disputed annotations — are skipped with a
//   note (they are adjudications, not reviews). Unreadable sets and documents without an
//   article are skipped with a note, the reasons among the warnings (each problem once);
//   a reviewer who lacks a document is simply missing there (missing data).
#pragma once

#include "core/team/agreement.h"
#include "core/model/annotation_set.h"
#include "core/diagnostic.h"
#include "core/text/document.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace claimmark {

struct LoadedAgreement {
    AgreementInput input;            // points into `articles` and `sets`
    std::vector<std::string> notes;  // re-anchored sets, skipped gold sets, ...
    Diagnostics warnings;            // problems that skipped a set or document (project mode)
    std::vector<std::unique_ptr<Document>> articles;
    std::vector<std::unique_ptr<AnnotationSet>> sets;
};

// Reviewer names come from each set's annotator (the file stem when empty), made unique
// ("alice", "alice-2"). Fails with every unreadable set, a missing article, or sets of
// different articles.
// Pending suggestions (status "suggested") are left out unless `includeSuggested`.
Result<LoadedAgreement> loadAgreementSets(const std::vector<std::filesystem::path>& setPaths,
                                          bool includeSuggested = false);

// Fails only when `root` cannot be scanned or has more than kMaxAgreementReviewers reviewers.
Result<LoadedAgreement> loadAgreementProject(const std::filesystem::path& root, bool includeSuggested = false);

}  // namespace claimmark
