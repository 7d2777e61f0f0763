// editor_state_report.cpp — the claim report the Report tab and the inspector read, and the
// HTML file Ctrl+R writes (editor_state.h, "the claim report").
//
// The report is computed from the set as it is (pending suggestions included, marked) on the
// first call after the set's revision changed; an idle frame only compares two numbers. A
// large set's later reports are made on a worker thread from a copy of the set.
#include "app/editor/editor_state.h"

#include "core/report/report_html.h"
#include "core/storage/file_io.h"

namespace claimmark::app {

namespace fs = std::filesystem;

ClaimReportOptions EditorState::reportOptions() {
    Result<EvidenceHierarchy> hierarchy =
        hierarchyFromSchema(set().schema, setPath.empty() ? std::string("schema") : setPath.string());
    if (hierarchy) {
        m_reportHierarchy = std::move(*hierarchy);
        m_hierarchyProblem.clear();
    } else {
        m_reportHierarchy = EvidenceHierarchy{};
        std::string problem = hierarchy.errorText();
        if (problem != m_hierarchyProblem) {  // once, not on every recomputation
            banners.push_back(
                {BannerKind::Warning,
                 "The schema's evidence hierarchy is not valid; the report uses the default one:\n" + problem});
            m_hierarchyProblem = std::move(problem);
        }
    }
    ClaimReportOptions options;
    options.includeSuggested = true;
    options.hierarchy = m_reportHierarchy;
    return options;
}

void EditorState::takeFinishedReport(bool wait) {
    if (!m_reportJob.valid()) return;
    if (!wait && m_reportJob.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    m_report = m_reportJob.get();  // reportOnSet does not throw on any set the model holds
    m_reportRevision = m_reportJobRevision;
    ++m_reportComputations;
}

const DocumentReport& EditorState::claimReport() {
    takeFinishedReport(false);
    const std::uint64_t revision = set().revision();
    if (m_reportRevision == revision || (m_reportJob.valid() && m_reportJobRevision == revision)) return m_report;
    if (m_reportJob.valid()) return m_report;  // one at a time: the next starts when this one is in

    const ClaimReportOptions options = reportOptions();
    const std::string name = articlePath.empty() ? std::string() : articlePath.filename().string();
    const bool first = m_reportRevision == UINT64_MAX;
    if (first || set().annotationCount() < kBackgroundReportFrom) {
        m_report = reportOnSet(document(), set(), options, name);
        m_reportRevision = revision;
        ++m_reportComputations;
        return m_report;
    }
    // The document never changes in an EditorState's life; the set is copied as it is now.
    auto snapshot = std::make_shared<const AnnotationSet>(set());
    m_reportJobRevision = revision;
    m_reportJob = std::async(std::launch::async, [article = &document(), snapshot, options, name] {
        return reportOnSet(*article, *snapshot, options, name);
    });
    return m_report;
}

const DocumentReport& EditorState::currentClaimReport() {
    for (;;) {
        takeFinishedReport(true);
        claimReport();
        if (!m_reportJob.valid()) return m_report;
    }
}

fs::path EditorState::reportHtmlPath() const {
    // A set file that was read (even one that could not be parsed) or saved: beside it.
    if (!setPath.empty() && (setStamp.exists || saveBlocked))
        return setPath.parent_path() / (setPath.stem().string() + ".report.html");
    if (!articlePath.empty()) return articlePath.parent_path() / (articlePath.stem().string() + ".report.html");
    return {};
}

bool EditorState::writeReportHtml() {
    const fs::path target = reportHtmlPath();
    if (target.empty()) {
        statusMessage = "Report not written: neither the set nor the article has a file to write it beside.";
        return false;
    }
    Report report;
    report.documents.push_back(currentClaimReport());
    report.hierarchy = m_reportHierarchy;
    if (!m_hierarchyProblem.empty())
        report.notes.push_back("The schema's evidence hierarchy is not valid; the default one was used.");
    summarizeReport(report);
    const Status status = writeFileAtomic(target, reportToHtml(report, htmlOptionsFromSchema(set().schema)));
    if (!status.ok()) {
        statusMessage = "Report not written: " + status.error;
        return false;
    }
    statusMessage = "Wrote the report to " + target.string();
    return true;
}

}  // namespace claimmark::app
