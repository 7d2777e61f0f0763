// project_report.cpp — see project_report.h.
#include "core/report/project_report.h"

#include "core/parallel/for_each_index.h"

namespace claimmark {

Result<ProjectReport> reportOnProject(const std::filesystem::path& root, bool includeSuggested) {
    ProjectLoadOptions load;
    load.includeSuggested = true;  // the report leaves them out itself, and counts them
    Result<ProjectSets> loaded = loadProjectSets(root, load);
    if (!loaded) return loaded.errors();
    ProjectReport out;
    out.project = std::move(*loaded);
    const ProjectSets& project = out.project;
    out.warnings = project.problems;
    out.warnings.insert(out.warnings.end(), project.warnings.begin(), project.warnings.end());
    out.report.notes = project.notes;

    ClaimReportOptions options;
    options.includeSuggested = includeSuggested;
    bool haveHierarchy = false;
    // What each document's report is made from, gathered in folder order; the reports are
    // then made on a few threads, each into its own slot.
    struct Work {
        const ProjectSetsDocument* doc = nullptr;
        std::vector<const AnnotationSet*> sets;
        std::vector<std::string> reviewers;
        int primary = -1;
    };
    std::vector<Work> work;
    for (const ProjectSetsDocument& doc : project.documents) {
        if (!doc.hasSetFiles()) continue;
        if (!doc.article) {
            out.report.notes.push_back("skipped " + doc.stem + ": " +
                                       (doc.articlePath.empty() ? std::string("no article found for its sets")
                                                                : std::string("its article could not be read")));
            continue;
        }
        Work item;
        item.doc = &doc;
        for (std::size_t r = 0; r < doc.sets.size(); ++r) {
            const ProjectSet& set = doc.sets[r];
            if (!set.set) continue;
            if (!haveHierarchy) {
                Result<EvidenceHierarchy> h = hierarchyFromSchema(set.set->schema, set.info.setPath.string());
                if (!h) return h.errors();
                options.hierarchy = *h;
                out.schema = set.set->schema;
                haveHierarchy = true;
            }
            if (doc.goldIndex && *doc.goldIndex == r) item.primary = static_cast<int>(item.sets.size());
            item.sets.push_back(set.set.get());
            item.reviewers.push_back(project.reviewers[r]);
        }
        if (!item.sets.empty()) work.push_back(std::move(item));
    }
    out.report.documents.resize(work.size());
    forEachIndex(work.size(), 0, [&](std::size_t i) {
        const Work& item = work[i];
        DocumentReport& report = out.report.documents[i];
        report = reportOnSets(*item.doc->article, item.sets, item.reviewers, options, item.doc->stem, item.primary);
        report.articlePath = item.doc->articlePath.string();
    });
    out.report.hierarchy = options.hierarchy;
    summarizeReport(out.report);
    return out;
}

}  // namespace claimmark
