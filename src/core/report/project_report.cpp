// project_report.cpp — see project_report.h.
#include "core/report/project_report.h"

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
    for (const ProjectSetsDocument& doc : project.documents) {
        if (!doc.hasSetFiles()) continue;
        if (!doc.article) {
            out.report.notes.push_back("skipped " + doc.stem + ": " +
                                       (doc.articlePath.empty() ? std::string("no article found for its sets")
                                                                : std::string("its article could not be read")));
            continue;
        }
        std::vector<const AnnotationSet*> sets;
        std::vector<std::string> reviewers;
        int primary = -1;
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
            if (doc.goldIndex && *doc.goldIndex == r) primary = static_cast<int>(sets.size());
            sets.push_back(set.set.get());
            reviewers.push_back(project.reviewers[r]);
        }
        if (sets.empty()) continue;
        out.report.documents.push_back(reportOnSets(*doc.article, sets, reviewers, options, doc.stem, primary));
        out.report.documents.back().articlePath = doc.articlePath.string();
    }
    out.report.hierarchy = options.hierarchy;
    summarizeReport(out.report);
    return out;
}

}  // namespace claimmark
