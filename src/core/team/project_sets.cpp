// project_sets.cpp — loading a project folder in one pass (see project_sets.h).
//
// [SECTION] Helpers   file-name tests, sorted directory listings that never throw
// [SECTION] Walk      articles (*.txt in the root and in samples/), set files
//                     (annotations/<stem>/<annotator>.json), the problems in their order
// [SECTION] Reading   one document's article and sets, on a small pool of threads
// [SECTION] Load      the walk, the documents, the reading, the results put in order
#include "core/team/project_sets.h"

#include "core/anchoring/reanchor.h"
#include "core/parallel/for_each_index.h"
#include "core/model/pending_suggestions.h"
#include "core/storage/file_io.h"
#include "core/storage/set_file.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <exception>
#include <map>
#include <mutex>
#include <set>
#include <system_error>
#include <thread>

namespace claimmark {

namespace fs = std::filesystem;

namespace {

std::atomic<std::size_t> g_setFilesRead{0};

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

// Build and packaging files that happen to end in .txt: a repository that is also a
// project (code beside its articles) should not list them as documents.
bool isToolingFile(const std::string& name) {
    std::string lower;
    for (char c : name) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return lower == "cmakelists.txt" || lower == "cmakecache.txt" || lower.rfind("requirements", 0) == 0 ||
           lower.rfind("license", 0) == 0 || lower.rfind("copying", 0) == 0 || lower == "robots.txt";
}

// --- [SECTION] Walk -----------------------------------------------------------------------

constexpr std::size_t kNoFile = std::size_t(-1);

// One entry of the problem list in walk order: a problem, or the place where a set file's
// read errors go once it has been read (kNoFile when the entry is a problem).
struct ProblemSlot {
    Diagnostic problem;
    std::size_t setFile = kNoFile;
};

struct Walk {
    std::map<std::string, fs::path> articles;                        // stem -> article
    std::map<std::string, std::map<std::string, std::size_t>> sets;  // stem -> annotator -> file
    std::vector<fs::path> setFiles;
    std::vector<ProblemSlot> problems;

    void problem(Diagnostic d) { problems.push_back({std::move(d), kNoFile}); }
};

// stem -> article path; the root wins over samples/ when both hold the same stem (reported).
void collectArticles(const fs::path& root, Walk& walk) {
    for (const fs::path& folder : {root, root / "samples"}) {
        for (const fs::directory_entry& entry : listSorted(folder)) {
            const fs::path& path = entry.path();
            if (isHidden(path) || path.extension() != ".txt" || !isRegularFile(entry)) continue;
            if (folder == root && isToolingFile(path.filename().string())) continue;
            const std::string stem = path.stem().string();
            auto [it, inserted] = walk.articles.emplace(stem, path);
            if (!inserted)
                walk.problem({path.string(), "",
                              "another article has the same name (" + it->second.string() +
                                  "); their sets would share annotations/" + stem + "/, so this one is left out"});
        }
    }
}

// Only folders directly under annotations/ hold sets; an empty folder still names a document.
void collectSets(const fs::path& root, Walk& walk) {
    for (const fs::directory_entry& folder : listSorted(root / "annotations")) {
        if (isHidden(folder.path())) continue;
        if (!isDirectory(folder)) {
            walk.problem({folder.path().string(), "",
                          "not in an article's folder (sets belong in "
                          "annotations/<article>/<annotator>.json); ignored"});
            continue;
        }
        auto& bucket = walk.sets[folder.path().filename().string()];
        for (const fs::directory_entry& entry : listSorted(folder.path())) {
            const fs::path& path = entry.path();
            const std::string name = path.filename().string();
            if (isHidden(path) || !isRegularFile(entry)) continue;
            if (isRecoveryFile(name)) {
                walk.problem({path.string(), "",
                              "unsaved work left by an editor that did not close "
                              "normally; open the document to recover or discard it"});
                continue;
            }
            if (path.extension() != ".json") {
                walk.problem({path.string(), "", "not an annotation set (.json); ignored"});
                continue;
            }
            const std::size_t index = walk.setFiles.size();
            walk.setFiles.push_back(path);
            walk.problems.push_back({Diagnostic{}, index});
            bucket.emplace(path.stem().string(), index);
        }
    }
    for (const auto& [stem, bucket] : walk.sets)
        if (!walk.articles.count(stem))
            walk.problem({(root / "annotations" / stem).string(), "",
                          "no article " + stem + ".txt in the project folder or in samples/"});
}

// --- [SECTION] Reading --------------------------------------------------------------------

bool wantsArticle(const ProjectSetsDocument& document, ArticleLoading loading) {
    if (document.articlePath.empty()) return false;
    switch (loading) {
        case ArticleLoading::None: return false;
        case ArticleLoading::WithSets: return document.hasSetFiles();
        case ArticleLoading::All: return true;
    }
    return false;
}

// Reads one set file into `entry`.
void readSet(ProjectSet& entry, const ProjectSetsDocument& document, const ProjectLoadOptions& options) {
    ReviewerSet& info = entry.info;
    info.status = ReviewStatus::InProgress;  // a file exists; bad ones stay "in progress"
    entry.gold = info.annotator == "gold";
    g_setFilesRead.fetch_add(1, std::memory_order_relaxed);
    Result<AnnotationSet> parsed = [&]() -> Result<AnnotationSet> {
        Result<std::string> bytes = readFileBytes(info.setPath);
        if (!bytes) return bytes.errors();
        return parseSet(*bytes, info.setPath.string());
    }();
    if (!parsed) {
        entry.errors = parsed.errors();
        return;
    }
    entry.loaded = true;
    AnnotationSet& set = *parsed;
    if (set.done) info.status = ReviewStatus::Done;
    info.annotationCount = set.annotationCount();
    info.orphanedCount = set.orphanedCount();
    info.disputedCount =
        static_cast<std::size_t>(std::count_if(set.annotations().begin(), set.annotations().end(),
                                               [](const Annotation& a) { return a.status == "disputed"; }));
    entry.gold = entry.gold || set.annotator == "gold" || info.disputedCount > 0;
    if (!options.keepSets) return;
    // withoutPendingSuggestions copies the set; most sets have nothing to leave out.
    if (!options.includeSuggested && pendingSuggestionCount(set) > 0) set = withoutPendingSuggestions(set);
    entry.set = std::make_unique<AnnotationSet>(std::move(set));
    if (document.article)
        entry.reanchorNote =
            reanchorStaleSet(*entry.set, *document.article, info.setPath.string(), document.articlePath.string());
}

// One document: its article (when asked for), then each set, in reviewer order.
void readDocument(ProjectSetsDocument& document, const ProjectLoadOptions& options) {
    if (wantsArticle(document, options.articles)) {
        Result<Document> article = Document::loadFile(document.articlePath);
        if (article) document.article = std::make_unique<Document>(std::move(*article));
        else document.articleErrors = article.errors();
    }
    for (std::size_t r = 0; r < document.sets.size(); ++r)
        if (!document.sets[r].missing()) readSet(document.sets[r], document, options);
}

std::optional<std::size_t> findGold(const ProjectSetsDocument& document) {
    std::optional<std::size_t> first;
    for (std::size_t r = 0; r < document.sets.size(); ++r) {
        const ProjectSet& entry = document.sets[r];
        if (!entry.gold || !entry.loaded) continue;
        if (entry.info.annotator == "gold") return r;
        if (!first) first = r;
    }
    return first;
}

}  // namespace

bool ProjectSetsDocument::hasSetFiles() const {
    return std::any_of(sets.begin(), sets.end(), [](const ProjectSet& s) { return !s.missing(); });
}

std::size_t projectSetFilesRead() { return g_setFilesRead.load(); }

std::string reanchorStaleSet(AnnotationSet& set, const Document& article, const std::string& setName,
                             const std::string& articleName) {
    if (set.document.sha256 == article.sha256()) return {};
    const std::string from = set.document.sha256.substr(0, 12);
    ReanchorReport report = reanchor(set, article);
    return setName + ": made on another version of the article (sha256 " + from + "…, now " +
           article.sha256().substr(0, 12) + "…); re-anchored onto " + articleName + ": " + report.summary() +
           (report.orphaned ? " (orphans are left out of the figures)" : "");
}

// --- [SECTION] Load -----------------------------------------------------------------------

Result<ProjectSets> loadProjectSets(const fs::path& root, const ProjectLoadOptions& options) {
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        return Diagnostic{root.string(), "",
                          "not a folder (a project is a folder of articles "
                          "with an annotations/ folder beside them)"};
    fs::directory_iterator probe(root, ec);
    if (ec) return Diagnostic{root.string(), "", "cannot read the folder: " + ec.message()};

    Walk walk;
    collectArticles(root, walk);
    collectSets(root, walk);

    ProjectSets project;
    project.root = root;
    std::set<std::string> reviewers;
    for (const auto& [stem, bucket] : walk.sets)
        for (const auto& [annotator, file] : bucket) reviewers.insert(annotator);
    project.reviewers.assign(reviewers.begin(), reviewers.end());

    std::set<std::string> stems;
    for (const auto& [stem, path] : walk.articles) stems.insert(stem);
    for (const auto& [stem, bucket] : walk.sets) stems.insert(stem);

    // The table, before anything is read; placeOf[file] is the cell of each set file.
    std::vector<std::pair<std::size_t, std::size_t>> placeOf(walk.setFiles.size());
    project.documents.reserve(stems.size());
    for (const std::string& stem : stems) {
        ProjectSetsDocument& document = project.documents.emplace_back();
        document.stem = stem;
        if (auto it = walk.articles.find(stem); it != walk.articles.end()) document.articlePath = it->second;
        const auto bucket = walk.sets.find(stem);
        document.sets.resize(project.reviewers.size());
        for (std::size_t r = 0; r < project.reviewers.size(); ++r) {
            document.sets[r].info.annotator = project.reviewers[r];
            if (bucket == walk.sets.end()) continue;
            if (auto found = bucket->second.find(project.reviewers[r]); found != bucket->second.end()) {
                placeOf[found->second] = {project.documents.size() - 1, r};
                document.sets[r].info.setPath = walk.setFiles[found->second];
            }
        }
    }

    forEachIndex(project.documents.size(), options.threads,
                 [&](std::size_t d) { readDocument(project.documents[d], options); });
    project.setFilesRead = walk.setFiles.size();

    // Everything in the walk's order, whatever order the threads finished in.
    for (ProblemSlot& slot : walk.problems) {
        if (slot.setFile == kNoFile) project.problems.push_back(std::move(slot.problem));
        else {
            const auto [d, r] = placeOf[slot.setFile];
            const Diagnostics& errors = project.documents[d].sets[r].errors;
            project.problems.insert(project.problems.end(), errors.begin(), errors.end());
        }
    }
    for (ProjectSetsDocument& document : project.documents) {
        project.warnings.insert(project.warnings.end(), document.articleErrors.begin(), document.articleErrors.end());
        for (const ProjectSet& entry : document.sets)
            if (!entry.reanchorNote.empty()) project.notes.push_back(entry.reanchorNote);
        document.goldIndex = findGold(document);
    }
    return project;
}

}  // namespace claimmark
