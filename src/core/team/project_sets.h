// project_sets.h — a project folder loaded in one pass: every set file read once, the
// articles beside them, stale sets re-anchored. What `agree DIR` and `report DIR` build on;
// scanProject() (project_folder.h) is the same walk keeping only the statuses.
//
// [SECTION] The walk
//   The layout rules and problems are scanProject()'s (project_folder.h, project_layout.h):
//   articles are `*.txt` in the root (build files left out) and in `samples/`; sets are
//   `annotations/<stem>/<annotator>.json`; recovery files, stray files and sets without an
//   article are reported in `problems`, in the order scanProject() reports them, with an
//   unreadable set's own errors in its place in that order.
// [SECTION] Reading
//   Each set file is read and parsed exactly once (projectSetFilesRead() counts them), the
//   sets and articles of the documents in parallel on a few threads; the result does not
//   depend on the number of threads (every list keeps the folder's sorted order).
//   Pending suggestions (status "suggested") are left out of each loaded set unless
//   `includeSuggested`; the counts in `info` are the file's, before that.
// [SECTION] Gold sets
//   A set is gold (an adjudication, not a review) when its file is `gold.json`, its
//   "annotator" is "gold", or it has an annotation with status "disputed". Gold sets are
//   loaded like any other and flagged; `goldIndex` names the one a report should use.
// [SECTION] Stale sets
//   A set whose document.sha256 differs from the loaded article is re-anchored onto it
//   (orphans kept) and `reanchorNote` says so, with the text `agree` prints.
#pragma once

#include "core/diagnostic.h"
#include "core/model/annotation_set.h"
#include "core/team/project_folder.h"
#include "core/text/document.h"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace claimmark {

// Which documents get their article loaded.
enum class ArticleLoading {
    None,      // none (statuses only: scanProject)
    WithSets,  // documents with at least one set file (agree, report)
    All,       // every document that has an article
};

struct ProjectLoadOptions {
    bool includeSuggested = false;  // keep pending suggestions in the loaded sets
    ArticleLoading articles = ArticleLoading::WithSets;
    // false: each set is dropped once its status and counts are taken (ProjectSet::set stays
    // null, nothing is re-anchored): what scanProject() needs, without holding every set.
    bool keepSets = true;
    // Reading threads: 0 = one per core (at most 8), 1 = only the calling thread.
    unsigned threads = 0;
};

// One project reviewer's set for one document.
struct ProjectSet {
    ReviewerSet info;  // annotator, path, status and counts exactly as scanProject() gives them
    bool gold = false;
    bool loaded = false;  // the file was read and parsed
    Diagnostics errors;   // why it could not be read (also in ProjectSets::problems)
    // The set as loaded (pending suggestions left out unless includeSuggested, re-anchored
    // when stale). Null when there is no set file (info.setPath empty), it could not be
    // read, or keepSets is false.
    std::unique_ptr<AnnotationSet> set;
    std::string reanchorNote;  // non-empty when the set was re-anchored onto the article

    bool missing() const { return info.setPath.empty(); }
    bool unreadable() const { return !info.setPath.empty() && !loaded; }
};

struct ProjectSetsDocument {
    std::string stem;
    std::filesystem::path articlePath;  // empty when only sets exist for this stem
    // Null when there is no article, it was not asked for (ArticleLoading), or it could not
    // be read (then `articleErrors` says why; they are also in ProjectSets::warnings).
    std::unique_ptr<Document> article;
    Diagnostics articleErrors;
    std::vector<ProjectSet> sets;  // one per ProjectSets::reviewers, in that order
    // The gold set a report should use: reviewer "gold"'s set when it was read, else the
    // first gold set read, in reviewer order; nullopt when there is none.
    std::optional<std::size_t> goldIndex;

    bool hasSetFiles() const;  // any reviewer has a set file (readable or not)
};

struct ProjectSets {
    std::filesystem::path root;
    std::vector<std::string> reviewers;          // every annotator (file stem) seen, sorted; gold included
    std::vector<ProjectSetsDocument> documents;  // sorted by stem
    Diagnostics problems;                        // scanProject()'s problems, same order
    Diagnostics warnings;                        // articles that could not be read, document order
    std::vector<std::string> notes;              // every reanchorNote, in document then reviewer order
    std::size_t setFilesRead = 0;                // set files read by this call (each once)
};

// Walks `root` and loads it. Fails only when `root` is not a readable folder (the messages
// of scanProject()); everything else is reported in the result.
Result<ProjectSets> loadProjectSets(const std::filesystem::path& root, const ProjectLoadOptions& options = {});

// Set files read by loadProjectSets() since the program started (all calls, all threads):
// a hook for tests and benchmarks to check that nothing reads a set twice.
std::size_t projectSetFilesRead();

// Re-anchors `set` onto `article` when its SHA-256 differs and returns the note
// ("<setName>: made on another version of the article (sha256 …); re-anchored onto
// <articleName>: …"), or "" when it matches.
std::string reanchorStaleSet(AnnotationSet& set, const Document& article, const std::string& setName,
                             const std::string& articleName);

}  // namespace claimmark
