// agreement_input.cpp — see agreement_input.h.
//
// [SECTION] Helpers
// [SECTION] Sets of one article
// [SECTION] A project folder
#include "core/team/agreement_input.h"

#include "core/model/pending_suggestions.h"

#include "core/team/project_sets.h"
#include "core/storage/set_file.h"

#include <algorithm>
#include <map>
#include <set>
#include <system_error>

namespace claimmark {

namespace {

namespace fs = std::filesystem;

// --- [SECTION] Helpers ------------------------------------------------------------------

std::string shortSha(const std::string& sha) { return sha.substr(0, 12); }

std::string uniqueName(std::string name, std::set<std::string>& used) {
    if (name.empty()) name = "reviewer";
    std::string candidate = name;
    for (int n = 2; used.count(candidate); ++n) candidate = name + "-" + std::to_string(n);
    used.insert(candidate);
    return candidate;
}

bool sameFile(const fs::path& a, const fs::path& b) {
    std::error_code error;
    if (fs::equivalent(a, b, error)) return true;
    return fs::weakly_canonical(a, error) == fs::weakly_canonical(b, error) || a.filename() == b.filename();
}


}  // namespace

// --- [SECTION] Sets of one article ------------------------------------------------------

Result<LoadedAgreement> loadAgreementSets(const std::vector<fs::path>& setPaths, bool includeSuggested) {
    LoadedAgreement loaded;
    Diagnostics errors;
    for (const fs::path& path : setPaths) {
        Result<LoadedSet> set = loadSetFile(path);
        if (!set) {
            errors.insert(errors.end(), set.errors().begin(), set.errors().end());
            loaded.sets.push_back(nullptr);
            continue;
        }
        // withoutPendingSuggestions copies the set; only when there is something to leave out.
        if (!includeSuggested && pendingSuggestionCount(set->set) > 0) set->set = withoutPendingSuggestions(set->set);
        loaded.sets.push_back(std::make_unique<AnnotationSet>(std::move(set->set)));
    }
    if (!errors.empty()) return errors;
    if (loaded.sets.empty()) return Diagnostic{"", "", "no annotation set given"};

    // The majority version; ties go to the set named first.
    std::map<std::string, std::size_t> votes;
    for (const auto& set : loaded.sets) ++votes[set->document.sha256];
    std::size_t reference = 0;
    for (std::size_t i = 0; i < loaded.sets.size(); ++i) {
        const std::size_t v = votes[loaded.sets[i]->document.sha256];
        if (v > votes[loaded.sets[reference]->document.sha256]) reference = i;
    }
    const fs::path articlePath = resolveDocumentPath(setPaths[reference], *loaded.sets[reference]);

    for (std::size_t i = 0; i < loaded.sets.size(); ++i) {
        if (loaded.sets[i]->document.sha256 == loaded.sets[reference]->document.sha256) continue;
        const fs::path other = resolveDocumentPath(setPaths[i], *loaded.sets[i]);
        if (!sameFile(other, articlePath))
            errors.push_back(Diagnostic{setPaths[i].string(), "document",
                                        "annotates a different article (" + other.string() + ", sha256 " +
                                            shortSha(loaded.sets[i]->document.sha256) + "…) than " +
                                            setPaths[reference].string() + " (" + articlePath.string() +
                                            "); agree compares sets of one article"});
    }
    if (!errors.empty()) return errors;

    std::error_code error;
    if (Result<fs::path> trusted = trustedDocumentPath(setPaths[reference], *loaded.sets[reference]); !trusted)
        return trusted.errors();
    if (loaded.sets[reference]->document.path.empty() || !fs::exists(articlePath, error))
        return Diagnostic{setPaths[reference].string(), "document.path",
                          "article not found: " + articlePath.string() + " (the unit-level figures need its text)"};
    Result<Document> article = Document::loadFile(articlePath);
    if (!article) return article.errors();
    loaded.articles.push_back(std::make_unique<Document>(std::move(*article)));
    const Document& text = *loaded.articles.back();

    std::set<std::string> used;
    AgreementDocument document;
    document.name = articlePath.filename().string();
    document.article = &text;
    for (std::size_t i = 0; i < loaded.sets.size(); ++i) {
        AnnotationSet& set = *loaded.sets[i];
        const std::string name = uniqueName(set.annotator.empty() ? setPaths[i].stem().string() : set.annotator, used);
        loaded.input.reviewers.push_back(name);
        std::string note = reanchorStaleSet(set, text, setPaths[i].string() + " (" + name + ")", articlePath.string());
        if (!note.empty()) loaded.notes.push_back(std::move(note));
        document.sets.push_back(&set);
    }
    if (loaded.input.reviewers.size() > kMaxAgreementReviewers)
        return Diagnostic{"", "", "too many sets: agree compares at most " + std::to_string(kMaxAgreementReviewers)};
    loaded.input.schema = loaded.sets.front()->schema;
    loaded.input.documents.push_back(std::move(document));
    return loaded;
}

// --- [SECTION] A project folder ---------------------------------------------------------

Result<LoadedAgreement> loadAgreementProject(const fs::path& root, bool includeSuggested) {
    ProjectLoadOptions options;
    options.includeSuggested = includeSuggested;
    Result<ProjectSets> scanned = loadProjectSets(root, options);
    if (!scanned) return scanned.errors();
    ProjectSets& project = *scanned;
    LoadedAgreement loaded;
    loaded.warnings = std::move(project.problems);

    // Reviewers are the project's minus "gold"; indices into the project list are remapped.
    std::vector<std::size_t> reviewerIndex(project.reviewers.size(), std::size_t(-1));
    for (std::size_t r = 0; r < project.reviewers.size(); ++r) {
        if (project.reviewers[r] == "gold") continue;
        reviewerIndex[r] = loaded.input.reviewers.size();
        loaded.input.reviewers.push_back(project.reviewers[r]);
    }
    if (loaded.input.reviewers.size() > kMaxAgreementReviewers)
        return Diagnostic{root.string(), "",
                          "too many reviewers: agree compares at most " + std::to_string(kMaxAgreementReviewers)};

    bool haveSchema = false;
    for (ProjectSetsDocument& doc : project.documents) {
        if (!doc.hasSetFiles()) continue;
        if (doc.articlePath.empty()) {
            loaded.notes.push_back("skipped " + doc.stem + ": no article found for its sets");
            continue;
        }
        if (!doc.article) {
            loaded.warnings.insert(loaded.warnings.end(), doc.articleErrors.begin(), doc.articleErrors.end());
            loaded.notes.push_back("skipped " + doc.stem + ": its article could not be read");
            continue;
        }
        loaded.articles.push_back(std::move(doc.article));
        const Document& text = *loaded.articles.back();

        AgreementDocument document;
        document.name = doc.stem;
        document.article = &text;
        document.sets.assign(loaded.input.reviewers.size(), nullptr);
        for (std::size_t r = 0; r < doc.sets.size() && r < reviewerIndex.size(); ++r) {
            ProjectSet& reviewer = doc.sets[r];
            if (reviewer.missing()) continue;
            // A gold.json that cannot be read is still a gold set, not a review to warn about.
            if (reviewerIndex[r] == std::size_t(-1) || reviewer.gold) {
                loaded.notes.push_back("skipped gold set " + reviewer.info.setPath.string() +
                                       " (an adjudication, not a review)");
                continue;
            }
            if (!reviewer.set) {  // its errors are among the project's problems
                loaded.notes.push_back("skipped " + reviewer.info.setPath.string() + ": it could not be read");
                continue;
            }
            if (!reviewer.reanchorNote.empty()) loaded.notes.push_back(std::move(reviewer.reanchorNote));
            loaded.sets.push_back(std::move(reviewer.set));
            const AnnotationSet& kept = *loaded.sets.back();
            if (!haveSchema) {
                loaded.input.schema = kept.schema;
                haveSchema = true;
            }
            document.sets[reviewerIndex[r]] = &kept;
        }
        loaded.input.documents.push_back(std::move(document));
    }
    if (!haveSchema) loaded.input.schema = Schema::claimStrength();
    return loaded;
}

}  // namespace claimmark
