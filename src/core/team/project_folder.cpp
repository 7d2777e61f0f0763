// project_folder.cpp — scanning a team's project folder (see project_folder.h).
//
// [SECTION] Helpers   file-name tests, sorted directory listings that never throw
// [SECTION] Articles  *.txt in the root and in samples/
// [SECTION] Sets      annotations/<stem>/<annotator>.json, loaded for status and counts
// [SECTION] Scan      the table: one row per stem, one column per reviewer
#include "core/team/project_folder.h"

#include "core/storage/set_file.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <system_error>

namespace claimmark {

namespace fs = std::filesystem;

const char* reviewStatusName(ReviewStatus status) {
    switch (status) {
        case ReviewStatus::NotStarted: return "not started";
        case ReviewStatus::InProgress: return "in progress";
        case ReviewStatus::Done: return "done";
    }
    return "not started";
}

namespace {

// --- [SECTION] Helpers --------------------------------------------------------------------

bool endsWith(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The editor's own leftovers beside a set: "x.json.recovery", "x.json.recovery.broken-2".
bool isRecoveryFile(const std::string& name) {
    return endsWith(name, ".recovery") || name.find(".recovery.broken") != std::string::npos;
}

// Directory entries sorted by name (directory_iterator's order is unspecified, and the scan
// must be the same on every machine of the team). Errors end the listing, never throw.
std::vector<fs::directory_entry> listSorted(const fs::path& folder) {
    std::vector<fs::directory_entry> entries;
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec) return entries;
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
        if (ec) break;
        entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(), [](const fs::directory_entry& a, const fs::directory_entry& b) {
        return a.path().filename() < b.path().filename();
    });
    return entries;
}

bool isRegularFile(const fs::directory_entry& entry) {
    std::error_code ec;
    return entry.is_regular_file(ec);
}

bool isDirectory(const fs::directory_entry& entry) {
    std::error_code ec;
    return entry.is_directory(ec);
}

bool isHidden(const fs::path& path) {
    const std::string name = path.filename().string();
    return !name.empty() && name[0] == '.';
}

// --- [SECTION] Articles -------------------------------------------------------------------

// Build and packaging files that happen to end in .txt: a repository that is also a
// project (code beside its articles) should not list them as documents.
bool isToolingFile(const std::string& name) {
    std::string lower;
    for (char c : name) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return lower == "cmakelists.txt" || lower == "cmakecache.txt" || lower.rfind("requirements", 0) == 0 ||
           lower.rfind("license", 0) == 0 || lower.rfind("copying", 0) == 0 || lower == "robots.txt";
}

// stem -> article path; the root wins over samples/ when both hold the same stem (reported).
void collectArticles(const fs::path& root, std::map<std::string, fs::path>& articles, Diagnostics& problems) {
    for (const fs::path& folder : {root, root / "samples"}) {
        for (const fs::directory_entry& entry : listSorted(folder)) {
            const fs::path& path = entry.path();
            if (isHidden(path) || path.extension() != ".txt" || !isRegularFile(entry)) continue;
            if (folder == root && isToolingFile(path.filename().string())) continue;
            const std::string stem = path.stem().string();
            auto [it, inserted] = articles.emplace(stem, path);
            if (!inserted)
                problems.push_back({path.string(), "",
                                    "another article has the same name (" + it->second.string() +
                                        "); their sets would share annotations/" + stem +
                                        "/, so this one is left out"});
        }
    }
}

// --- [SECTION] Sets -----------------------------------------------------------------------

ReviewerSet readReviewerSet(const fs::path& path, Diagnostics& problems) {
    ReviewerSet reviewer;
    reviewer.annotator = path.stem().string();
    reviewer.setPath = path;
    reviewer.status = ReviewStatus::InProgress;  // a file exists; bad ones stay "in progress"
    Result<LoadedSet> loaded = loadSetFile(path);
    if (!loaded.ok()) {
        problems.insert(problems.end(), loaded.errors().begin(), loaded.errors().end());
        return reviewer;
    }
    const AnnotationSet& set = loaded->set;
    if (set.done) reviewer.status = ReviewStatus::Done;
    reviewer.annotationCount = set.annotationCount();
    reviewer.orphanedCount = set.orphanedCount();
    reviewer.disputedCount =
        static_cast<std::size_t>(std::count_if(set.annotations().begin(), set.annotations().end(),
                                               [](const Annotation& a) { return a.status == "disputed"; }));
    return reviewer;
}

// stem -> (annotator -> set). Only folders directly under annotations/ hold sets.
using SetsByStem = std::map<std::string, std::map<std::string, ReviewerSet>>;

SetsByStem collectSets(const fs::path& root, Diagnostics& problems) {
    SetsByStem sets;
    const fs::path annotations = root / "annotations";
    for (const fs::directory_entry& folder : listSorted(annotations)) {
        if (isHidden(folder.path())) continue;
        if (!isDirectory(folder)) {
            problems.push_back({folder.path().string(), "",
                                "not in an article's folder (sets belong in "
                                "annotations/<article>/<annotator>.json); ignored"});
            continue;
        }
        const std::string stem = folder.path().filename().string();
        auto& bucket = sets[stem];  // an empty folder still names a document
        for (const fs::directory_entry& entry : listSorted(folder.path())) {
            const fs::path& path = entry.path();
            const std::string name = path.filename().string();
            if (isHidden(path) || !isRegularFile(entry)) continue;
            if (isRecoveryFile(name)) {
                problems.push_back({path.string(), "",
                                    "unsaved work left by an editor that did not close "
                                    "normally; open the document to recover or discard it"});
                continue;
            }
            if (path.extension() != ".json") {
                problems.push_back({path.string(), "", "not an annotation set (.json); ignored"});
                continue;
            }
            ReviewerSet reviewer = readReviewerSet(path, problems);
            bucket.emplace(reviewer.annotator, std::move(reviewer));
        }
    }
    return sets;
}

}  // namespace

// --- [SECTION] Scan -----------------------------------------------------------------------

Result<Project> scanProject(const fs::path& root) {
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        return Diagnostic{root.string(), "",
                          "not a folder (a project is a folder of articles "
                          "with an annotations/ folder beside them)"};
    fs::directory_iterator probe(root, ec);
    if (ec) return Diagnostic{root.string(), "", "cannot read the folder: " + ec.message()};

    Project project;
    project.root = root;
    std::map<std::string, fs::path> articles;
    collectArticles(root, articles, project.problems);
    SetsByStem sets = collectSets(root, project.problems);

    std::set<std::string> reviewers;
    for (const auto& [stem, bucket] : sets)
        for (const auto& [annotator, reviewer] : bucket) reviewers.insert(annotator);
    project.reviewers.assign(reviewers.begin(), reviewers.end());

    std::set<std::string> stems;
    for (const auto& [stem, path] : articles) stems.insert(stem);
    for (const auto& [stem, bucket] : sets) {
        stems.insert(stem);
        if (!articles.count(stem))
            project.problems.push_back({(root / "annotations" / stem).string(), "",
                                        "no article " + stem + ".txt in the project folder or in samples/"});
    }

    project.documents.reserve(stems.size());
    for (const std::string& stem : stems) {
        ProjectDocument document;
        document.stem = stem;
        if (auto it = articles.find(stem); it != articles.end()) document.articlePath = it->second;
        const auto bucketIt = sets.find(stem);
        document.reviewers.reserve(project.reviewers.size());
        for (const std::string& annotator : project.reviewers) {
            if (bucketIt != sets.end()) {
                if (auto found = bucketIt->second.find(annotator); found != bucketIt->second.end()) {
                    document.reviewers.push_back(found->second);
                    continue;
                }
            }
            ReviewerSet missing;
            missing.annotator = annotator;
            document.reviewers.push_back(std::move(missing));
        }
        project.documents.push_back(std::move(document));
    }
    return project;
}

}  // namespace claimmark
