// report_input.cpp — see report_input.h.
#include "core/report/report_input.h"

#include "core/storage/set_file.h"
#include "core/team/project_sets.h"

#include <algorithm>
#include <map>
#include <set>
#include <system_error>

namespace claimmark {

namespace fs = std::filesystem;

bool isGoldSet(const AnnotationSet& set) {
    if (set.annotator == "gold") return true;
    return std::any_of(set.annotations().begin(), set.annotations().end(),
                       [](const Annotation& a) { return a.status == kDisputedStatus; });
}

Result<ReportInput> loadReportSets(const std::vector<fs::path>& setPaths, const std::optional<fs::path>& named) {
    if (setPaths.empty()) return Diagnostic{"", "", "no annotation set given"};
    ReportInput input;
    Diagnostics errors;
    struct Loaded {
        fs::path path;
        AnnotationSet set;
        fs::path article;
    };
    std::vector<Loaded> loaded;
    for (const fs::path& path : setPaths) {
        Result<LoadedSet> set = loadSetFile(path);
        if (!set) {
            errors.insert(errors.end(), set.errors().begin(), set.errors().end());
            continue;
        }
        Result<fs::path> article = named ? Result<fs::path>(*named) : trustedDocumentPath(path, set->set);
        if (!article) {
            errors.insert(errors.end(), article.errors().begin(), article.errors().end());
            continue;
        }
        std::error_code error;
        if ((!named && set->set.document.path.empty()) || !fs::is_regular_file(*article, error)) {
            errors.push_back(Diagnostic{named ? named->string() : path.string(), named ? "" : "document.path",
                                        "article not found: " + article->string() +
                                            " (the report needs its text for places and the article view)"});
            continue;
        }
        loaded.push_back(Loaded{path, std::move(set->set), fs::weakly_canonical(*article, error)});
    }
    if (!errors.empty()) return errors;

    // Group by article, in the order each article was first named.
    std::map<fs::path, std::size_t> documentOf;
    std::vector<std::set<std::string>> usedNames;
    for (Loaded& item : loaded) {
        auto [it, fresh] = documentOf.emplace(item.article, input.documents.size());
        if (fresh) {
            Result<Document> article = Document::loadFile(item.article);
            if (!article) {
                errors.insert(errors.end(), article.errors().begin(), article.errors().end());
                input.documents.emplace_back();  // keeps indices; discarded with the errors
                usedNames.emplace_back();
                continue;
            }
            ReportDocumentInput document;
            document.name = item.article.filename().string();
            document.articlePath = item.article.string();
            document.article = std::make_unique<Document>(std::move(*article));
            input.documents.push_back(std::move(document));
            usedNames.emplace_back();
        }
        ReportDocumentInput& document = input.documents[it->second];
        if (!document.article) continue;
        std::string name = item.set.annotator.empty() ? item.path.stem().string() : item.set.annotator;
        if (name.empty()) name = "reviewer";
        std::string unique = name;
        for (int n = 2; usedNames[it->second].count(unique); ++n) unique = name + "-" + std::to_string(n);
        usedNames[it->second].insert(unique);
        std::string note = reanchorStaleSet(item.set, *document.article, item.path.string() + " (" + unique + ")",
                                            document.articlePath);
        if (!note.empty()) input.notes.push_back(std::move(note));
        if (document.primary < 0 && isGoldSet(item.set)) document.primary = static_cast<int>(document.sets.size());
        document.reviewers.push_back(std::move(unique));
        document.files.push_back(item.path.string());
        document.sets.push_back(std::make_unique<AnnotationSet>(std::move(item.set)));
    }
    if (!errors.empty()) return errors;
    return input;
}

}  // namespace claimmark
