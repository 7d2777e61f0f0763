// team_report.cpp — several sets of one article side by side (claim_report.h, "Teams").
//
// Each set is reported on its own first (its claims, links, support and flags). Claims are
// then grouped across the sets exactly as agreement groups spans for attribute agreement
// (team/agreement_levels.h: one-to-one overlap matching against the groups formed so far),
// the primary set first, so that its claims anchor the rows. A row taken from another set
// (a claim the primary set lacks) has the id "<reviewer>:<id>".
#include "core/report/report_detail.h"

#include "core/team/agreement_levels.h"

#include <algorithm>
#include <unordered_map>

namespace claimmark {

DocumentReport reportOnSets(const Document& article, const std::vector<const AnnotationSet*>& sets,
                            const std::vector<std::string>& givenNames, const ClaimReportOptions& options,
                            const std::string& name, int primary) {
    if (sets.empty()) return DocumentReport{};
    std::vector<std::string> reviewers = givenNames;
    for (std::size_t s = reviewers.size(); s < sets.size(); ++s)
        reviewers.push_back(sets[s]->annotator.empty() ? "set " + std::to_string(s + 1) : sets[s]->annotator);
    const std::size_t first =
        primary >= 0 && static_cast<std::size_t>(primary) < sets.size() ? static_cast<std::size_t>(primary) : 0;
    if (sets.size() == 1) {
        DocumentReport one = reportOnSet(article, *sets.front(), options, name);
        one.reviewers = {reviewers.front()};
        return one;
    }
    std::vector<DocumentReport> each;
    each.reserve(sets.size());
    const std::size_t words = detail::countWords(article.bytes());
    for (const AnnotationSet* set : sets)
        each.push_back(detail::reportOnSetWithWords(article, *set, options, name, words));

    // Claim items per set, primary first; the report's claims by annotation.
    std::vector<std::size_t> order{first};
    for (std::size_t s = 0; s < sets.size(); ++s)
        if (s != first) order.push_back(s);
    std::vector<std::vector<detail::Item>> items(sets.size());
    std::vector<std::unordered_map<const Annotation*, const ClaimReport*>> rowOf(sets.size());
    for (std::size_t s = 0; s < sets.size(); ++s) {
        for (const ClaimReport& claim : each[s].claims) {
            const Annotation* a = sets[s]->findAnnotation(claim.id);
            if (!a) continue;
            items[s].push_back(detail::Item{a, a->start(), a->end()});
            rowOf[s][a] = &claim;
        }
        std::sort(items[s].begin(), items[s].end(), [](const detail::Item& x, const detail::Item& y) {
            return x.start != y.start ? x.start < y.start : x.end < y.end;
        });
    }
    std::vector<std::pair<std::size_t, const std::vector<detail::Item>*>> perReviewer;
    for (std::size_t s : order) perReviewer.emplace_back(s, &items[s]);
    const std::vector<detail::Group> groups = detail::groupAcrossReviewers(perReviewer);

    std::vector<ClaimReport> rows;  // rowOf points into `each`: built apart, moved in at the end
    rows.reserve(groups.size());
    for (const detail::Group& group : groups) {
        const auto& [anchorSet, anchorAnnotation] = group.members.front();
        ClaimReport row = *rowOf[anchorSet].at(anchorAnnotation);
        row.set = anchorSet;
        // A row only another set has: its id names that set, so that ids stay unique.
        if (anchorSet != first) row.id = reviewers[anchorSet] + ":" + row.id;
        std::vector<std::pair<std::uint32_t, const Annotation*>> members = group.members;
        std::sort(members.begin(), members.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
        for (const auto& [s, annotation] : members) {
            const ClaimReport& theirs = *rowOf[s].at(annotation);
            ReviewerClaim view;
            view.reviewer = s;
            view.claimId = theirs.id;
            view.strength = theirs.strength;
            view.verdict = theirs.verdict;
            view.support = theirs.support;
            for (const ClaimFlag& f : theirs.flags) view.flags.push_back(f.name);
            row.reviewers.push_back(std::move(view));
        }
        detail::flagDisagreement(row, reviewers);
        rows.push_back(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const ClaimReport& x, const ClaimReport& y) {
        const Span& a = x.spans.front();
        const Span& b = y.spans.front();
        if (a.start != b.start) return a.start < b.start;
        if (x.spans.back().end != y.spans.back().end) return x.spans.back().end > y.spans.back().end;
        return x.set < y.set;
    });
    DocumentReport report = std::move(each[first]);
    report.reviewers = reviewers;
    report.primary = first;
    report.claims = std::move(rows);
    detail::summarizeClaims(report.claims, report.summary);
    return report;
}

}  // namespace claimmark
