// adjudication_state.cpp — loading the reviewers' sets and the gold set, the list of open
// disagreements, moving between them, and applying decisions (adjudication_state.h).
//
// [SECTION] Opening
// [SECTION] Disagreements and navigation
// [SECTION] Decisions
#include "app/adjudication/adjudication_state.h"

#include "core/team/merge.h"
#include "core/team/project_layout.h"
#include "core/anchoring/reanchor.h"
#include "core/storage/recovery_file.h"
#include "core/storage/set_file.h"

#include <system_error>

namespace claimmark::app {

namespace fs = std::filesystem;

ImU32 reviewerColour(std::size_t index) {
    // Dark, saturated and unlike the label colours, so a reviewer's mark reads as "who"
    // beside the label's "what".
    static const ImU32 kColours[] = {
        IM_COL32(31, 78, 156, 255),   // blue
        IM_COL32(196, 78, 0, 255),    // burnt orange
        IM_COL32(20, 128, 96, 255),   // teal
        IM_COL32(122, 60, 160, 255),  // purple
        IM_COL32(150, 110, 20, 255),  // ochre
        IM_COL32(180, 30, 80, 255),   // crimson
        IM_COL32(70, 110, 30, 255),   // olive
        IM_COL32(90, 90, 90, 255),    // grey
    };
    return kColours[index % (sizeof kColours / sizeof kColours[0])];
}

// ---------------------------------------------------------------------------------------
// [SECTION] Opening
// ---------------------------------------------------------------------------------------

AdjudicationState::AdjudicationState(std::unique_ptr<EditorState> gold, std::vector<AnnotationSet> reviewers,
                                     std::vector<fs::path> paths)
    : m_gold(std::move(gold)) {
    std::vector<std::string> annotators;
    for (const AnnotationSet& set : reviewers) annotators.push_back(set.annotator);
    m_names = uniqueReviewerNames(annotators);
    m_reviewers.reserve(reviewers.size());
    for (std::size_t i = 0; i < reviewers.size(); ++i) {
        Reviewer r;
        r.name = m_names[i];
        if (i < paths.size()) r.path = paths[i];
        r.set = std::move(reviewers[i]);
        r.colour = reviewerColour(i);
        r.index.rebuild(r.set);
        m_reviewers.push_back(std::move(r));
    }
}

Result<std::unique_ptr<AdjudicationState>> AdjudicationState::open(const EditorOptions& options) {
    if (options.reviewerSets.empty())
        return Diagnostic{options.article.string(), "", "no reviewers' sets were given to adjudicate"};
    Result<Document> document = Document::loadFile(options.article);
    if (!document) return document.errors();

    // The reviewers' sets: all must be readable (a gold set built without one of them would
    // quietly lose that reviewer's work).
    std::vector<AnnotationSet> sets;
    std::vector<Banner> banners;
    Diagnostics errors;
    for (const fs::path& path : options.reviewerSets) {
        Result<LoadedSet> loaded = loadSetFile(path);
        if (!loaded) {
            for (const Diagnostic& d : loaded.errors()) errors.push_back(d);
            continue;
        }
        AnnotationSet set = std::move(loaded->set);
        if (set.document.sha256 != document->sha256()) {
            const ReanchorReport report = reanchor(set, *document);
            banners.push_back({report.orphaned > 0 ? BannerKind::Warning : BannerKind::Info,
                               path.string() +
                                   " was made on another version of the article; its "
                                   "annotations were placed again: " +
                                   report.summary() + "."});
        }
        sets.push_back(std::move(set));
    }
    if (!errors.empty()) return errors;

    EditorOptions goldOptions = options;
    goldOptions.mode = EditorMode::Edit;
    goldOptions.annotator = options.annotator.empty() ? "gold" : options.annotator;
    const fs::path goldPath =
        options.setPath ? *options.setPath : defaultSetPath(options.article, goldOptions.annotator);
    goldOptions.setPath = goldPath;

    std::unique_ptr<EditorState> gold;
    std::error_code ec;
    if (fs::exists(goldPath, ec)) {
        Result<std::unique_ptr<EditorState>> opened = EditorState::open(goldOptions);
        if (!opened) return opened.errors();
        gold = std::move(*opened);
    } else {
        std::vector<const AnnotationSet*> pointers;
        for (const AnnotationSet& set : sets) pointers.push_back(&set);
        MergeOptions mergeOptions;
        mergeOptions.strategy = MergeStrategy::Majority;
        mergeOptions.annotator = goldOptions.annotator;
        Result<MergeOutcome> merged = mergeSets(pointers, mergeOptions);
        if (!merged) return merged.errors();
        AnnotationSet set = std::move(merged->gold);
        set.annotator = goldOptions.annotator;
        set.done = false;
        set.document.path = relativeDocumentPath(goldPath, options.article);
        set.document.sha256 = document->sha256();
        set.document.length = document->length();
        const FileStamp articleStamp = stampOf(options.article, document->bytes());
        gold = std::make_unique<EditorState>(std::move(*document), std::move(set));
        gold->articlePath = options.article;
        gold->setPath = goldPath;
        gold->annotator = goldOptions.annotator;
        gold->articleStamp = articleStamp;
        gold->recoveryOffer = findRecovery(goldPath);
        if (gold->recoveryOffer && !gold->recoveryOffer->readable()) gold->recoveryOffer.reset();
        gold->markUnsaved();
        banners.push_back({BannerKind::Info, "A new gold set was made from a majority merge of the " +
                                                 std::to_string(sets.size()) +
                                                 " reviewers' sets: " + std::to_string(merged->settled) + " settled, " +
                                                 std::to_string(merged->disputed) +
                                                 " disputed. Save (Ctrl+S) to write " + goldPath.string() + "."});
    }
    for (Banner& b : banners) gold->banners.push_back(std::move(b));
    auto state = std::make_unique<AdjudicationState>(std::move(gold), std::move(sets), options.reviewerSets);
    state->gold().statusMessage = std::to_string(state->openCount()) + " disagreements to settle. N: next.";
    return state;
}

ImU32 AdjudicationState::colourOf(const std::string& reviewer) const {
    for (const Reviewer& r : m_reviewers)
        if (r.name == reviewer) return r.colour;
    return IM_COL32(120, 120, 120, 255);
}

// ---------------------------------------------------------------------------------------
// [SECTION] Disagreements and navigation
// ---------------------------------------------------------------------------------------

const std::vector<Disagreement>& AdjudicationState::disagreements() {
    const AnnotationSet& set = m_gold->set();
    // Restoring a recovery replaces the set object; its revision may repeat.
    if (m_listRevision != set.revision() || m_listSet != &set) {
        m_list = listDisagreements(set, m_names);
        m_listRevision = set.revision();
        m_listSet = &set;
    }
    return m_list;
}

const Disagreement* AdjudicationState::current() {
    const std::vector<Disagreement>& list = disagreements();
    const std::string& selected = m_gold->selectedAnnotation;
    if (selected.empty()) return nullptr;
    if (m_position) {
        if (auto i = findDisagreement(list, m_position->kind, m_position->id))
            if (list[*i].annotationId == selected) return &list[*i];
    }
    if (auto i = findDisagreement(list, DisagreementKind::Annotation, selected)) return &list[*i];
    for (const Disagreement& d : list)
        if (d.kind == DisagreementKind::Relation && d.annotationId == selected) return &d;
    return nullptr;
}

bool AdjudicationState::step(bool forward) {
    const std::vector<Disagreement>& list = disagreements();
    if (list.empty()) {
        m_gold->statusMessage = "No disagreements left.";
        return false;
    }
    std::optional<DisagreementPosition> from = m_position;
    const std::string& selected = m_gold->selectedAnnotation;
    // The user clicked elsewhere since: go on from the annotation they selected.
    const bool positionOnSelected = m_position && [&] {
        if (m_position->kind == DisagreementKind::Annotation) return m_position->id == selected;
        const Relation* r = m_gold->set().findRelation(m_position->id);
        return r && r->from == selected;
    }();
    if (!selected.empty() && !positionOnSelected) from = positionOfAnnotation(m_gold->set(), selected);
    const std::optional<std::size_t> index = stepDisagreement(list, from, forward);
    if (!index) return false;
    const Disagreement& d = list[*index];
    m_position = positionOf(d);
    m_gold->selectedAnnotation = d.annotationId;
    m_gold->selection = TextSelection{};
    m_gold->scrollTarget = d.start;
    m_gold->statusMessage = "Disagreement " + std::to_string(*index + 1) + " of " + std::to_string(list.size());
    return true;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Decisions
// ---------------------------------------------------------------------------------------

void AdjudicationState::applyPending() {
    m_gold->applyPending();
    if (m_pending.empty()) return;
    std::vector<Decision> applying;
    applying.swap(m_pending);
    for (const Decision& d : applying) apply(d);
}

void AdjudicationState::apply(const Decision& decision) {
    EditSession& session = m_gold->session();
    const bool relation = decision.target == DisagreementKind::Relation;
    // Where it was, to go on from there once it is settled (a rejected one is gone).
    std::optional<DisagreementPosition> before;
    if (auto i = findDisagreement(disagreements(), decision.target, decision.id))
        before = positionOf(disagreements()[*i]);
    Status status;
    std::string done;
    switch (decision.kind) {
        case DecisionKind::Next:
        case DecisionKind::Previous: step(decision.kind == DecisionKind::Next); return;
        case DecisionKind::Accept:
            status = relation ? acceptRelation(session, decision.id) : acceptAnnotation(session, decision.id);
            done = "Accepted ";
            break;
        case DecisionKind::Reject:
            status = relation ? rejectRelation(session, decision.id) : rejectAnnotation(session, decision.id);
            done = "Rejected ";
            break;
        case DecisionKind::Pick:
            status = pickAttribute(session, decision.id, decision.attribute, decision.value, m_names.size());
            done = "Picked " + decision.attribute + " for ";
            break;
    }
    if (!status.ok()) {
        m_gold->statusMessage = "Not done: " + status.error;
        return;
    }
    if (!m_gold->selectedAnnotation.empty() && !m_gold->set().findAnnotation(m_gold->selectedAnnotation))
        m_gold->selectedAnnotation.clear();
    // Settled: go on to the next one, so a run of decisions needs no extra key.
    const bool stillOpen = findDisagreement(disagreements(), decision.target, decision.id).has_value();
    const std::size_t left = disagreements().size();
    if (!stillOpen && left > 0) {
        if (before) m_position = before;
        m_gold->selectedAnnotation.clear();  // step() goes on from m_position
        step(true);
    }
    m_gold->statusMessage =
        done + decision.id +
        (left == 0 ? " \xE2\x80\x94 nothing left to settle." : " \xE2\x80\x94 " + std::to_string(left) + " left.");
}

}  // namespace claimmark::app
