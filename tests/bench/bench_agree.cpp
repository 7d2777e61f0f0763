// bench_agree.cpp — agreement over a project: 1,000 documents x 4 reviewers x 50 spans each.
//
// Prints `name: value` lines:
//   agree_s      computeAgreement() on sets already in memory (the figures only);
//                agree_cpu_s is its CPU time (equal to agree_s on an idle machine)
//   agree_dir_s  the same project written to a temporary folder, then loadAgreementProject()
//                + computeAgreement(): scanning, reading articles and sets, and the figures;
//                agree_dir_cpu_s its CPU time (all threads: the sets are read in parallel)
//   sets_read    set files parsed during agree_dir (each once: documents x reviewers)
//   report_dir_s the claim-strength report on the same folder (reportOnProject: the same
//                loader, then each document's reviewers side by side); report_dir_sets_read
//                the set files it parsed
// Targets: agree_s <= 1, agree_dir_s <= 1 and report_dir_s <= 1 (Release build). Not a test; it aborts when the
// core refuses its data.
//
//   bench_agree [--documents N] [--reviewers R] [--spans S] [--words W]   (1000, 4, 50, 1000)
//
// [SECTION] Data   deterministic articles and sets: reviewers perturb shared "true" spans
// [SECTION] Main
#include "core/team/agreement.h"
#include "core/team/agreement_input.h"
#include "core/report/project_report.h"
#include "core/team/project_sets.h"
#include "core/model/annotation_set.h"
#include "core/text/document.h"
#include "core/storage/set_file.h"
#include "bench_support.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace claimmark;

namespace {

// --- [SECTION] Data ---------------------------------------------------------------------

struct Options {
    std::size_t documents = 1000;
    std::size_t reviewers = 4;
    std::size_t spans = 50;
    std::size_t words = 1000;
};

const char* const kWords[] = {"kratom", "may",       "ease",     "pain",   "studies",     "suggest",
                              "relief", "consult",   "a",        "doctor", "preliminary", "evidence",
                              "shows",  "potential", "benefits", "the",    "of",          "and",
                              "users",  "report",    "clinical", "trials", "are",         "limited"};

// Words separated by spaces, a sentence break every 12 words; word start offsets returned.
std::string makeArticle(std::mt19937& rng, std::size_t words, std::vector<std::size_t>& wordStarts) {
    std::string text;
    std::uniform_int_distribution<std::size_t> pick(0, std::size(kWords) - 1);
    for (std::size_t w = 0; w < words; ++w) {
        if (w) text += (w % 12 == 0) ? ".\n" : " ";
        wordStarts.push_back(text.size());
        text += kWords[pick(rng)];
    }
    text += ".\n";
    return text;
}

struct TrueSpan {
    std::size_t start, end;
    int label;
};

AnnotationSet makeReviewerSet(std::mt19937& rng, const std::vector<TrueSpan>& truth, const Document& article,
                              const std::string& annotator) {
    static const char* const kLabels[] = {"claim", "hedge", "caveat", "evidence"};
    static const char* const kEvidence[] = {"anecdotal", "preclinical", "clinical-trial", "unspecified"};
    AnnotationSet set;
    set.annotator = annotator;
    set.document.path = "article.txt";
    set.document.sha256 = article.sha256();
    set.document.length = article.length();
    set.reserve(truth.size(), truth.size());
    std::uniform_int_distribution<int> percent(0, 99), shift(-3, 3), strength(1, 5), label(0, 3), evidence(0, 3);
    std::string lastClaimId;
    for (const TrueSpan& t : truth) {
        Annotation a;
        a.id = set.nextAnnotationId();
        int l = t.label;
        if (percent(rng) < 10) l = label(rng);  // 10% another label
        std::size_t start = t.start, end = t.end;
        if (percent(rng) < 30) {  // 30% shifted boundaries
            start = std::size_t(std::max<long>(0, long(start) + shift(rng)));
            end = std::size_t(std::max<long>(long(start) + 1, long(end) + shift(rng)));
            end = std::min(end, article.length());
            if (start >= end) start = end - 1;
        }
        a.label = kLabels[l];
        a.spans = {{start, end}};
        a.text = std::string(article.slice(start, end));
        if (l == 0) a.attributes["strength"] = std::int64_t(percent(rng) < 60 ? 3 : strength(rng));
        if (l == 3) a.attributes["type"] = std::string(kEvidence[evidence(rng)]);
        Status added = set.addAnnotation(a);
        if (!added) bench::exitWithError("bench_agree", "annotation refused: " + added.error);
        if (l == 0) {
            lastClaimId = a.id;
        } else if (!lastClaimId.empty() && percent(rng) < 70) {
            Relation r;
            r.id = set.nextRelationId();
            r.type = l == 1 ? "hedges" : l == 2 ? "qualifies" : "supports";
            r.from = a.id;
            r.to = lastClaimId;
            set.addRelation(r);
        }
    }
    return set;
}

// --- [SECTION] Main ---------------------------------------------------------------------

}  // namespace

int main(int argc, char** argv) {
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::size_t value = std::strtoul(argv[i + 1], nullptr, 10);
        if (!std::strcmp(argv[i], "--documents")) options.documents = value;
        else if (!std::strcmp(argv[i], "--reviewers")) options.reviewers = value;
        else if (!std::strcmp(argv[i], "--spans")) options.spans = value;
        else if (!std::strcmp(argv[i], "--words")) options.words = value;
        else {
            std::fprintf(stderr, "usage: bench_agree [--documents N] [--reviewers R] [--spans S] [--words W]\n");
            return 2;
        }
    }
    if (options.reviewers < 2 || options.reviewers > kMaxAgreementReviewers || options.words < options.spans * 2) {
        std::fprintf(stderr, "bench_agree: need 2..64 reviewers and at least two words per span\n");
        return 2;
    }

    std::mt19937 rng(20261124);
    std::vector<std::unique_ptr<Document>> articles;
    std::vector<std::vector<AnnotationSet>> sets(options.documents);
    AgreementInput input;
    for (std::size_t r = 0; r < options.reviewers; ++r) input.reviewers.push_back("reviewer" + std::to_string(r + 1));
    input.schema = Schema::claimStrength();
    std::size_t spanCount = 0;
    for (std::size_t d = 0; d < options.documents; ++d) {
        std::vector<std::size_t> wordStarts;
        std::string text = makeArticle(rng, options.words, wordStarts);
        Result<Document> article = Document::fromBytes(std::move(text), "doc");
        if (!article) {
            std::fprintf(stderr, "bench_agree: %s\n", article.errorText().c_str());
            return 1;
        }
        articles.push_back(std::make_unique<Document>(std::move(*article)));
        // The "true" spans: one per stretch of words, 1-4 words long.
        std::vector<TrueSpan> truth;
        const std::size_t stride = options.words / options.spans;
        std::uniform_int_distribution<std::size_t> length(1, std::min<std::size_t>(4, stride));
        std::uniform_int_distribution<int> label(0, 3);
        for (std::size_t s = 0; s < options.spans; ++s) {
            const std::size_t first = s * stride, last = first + length(rng) - 1;
            const std::size_t end =
                last + 1 < wordStarts.size() ? wordStarts[last + 1] - 1 : articles.back()->length() - 2;
            truth.push_back({wordStarts[first], end, label(rng)});
        }
        AgreementDocument document;
        document.name = "doc" + std::to_string(d);
        document.article = articles.back().get();
        sets[d].reserve(options.reviewers);
        for (std::size_t r = 0; r < options.reviewers; ++r)
            sets[d].push_back(makeReviewerSet(rng, truth, *articles.back(), input.reviewers[r]));
        for (const AnnotationSet& set : sets[d]) {
            document.sets.push_back(&set);
            spanCount += set.annotationCount();
        }
        input.documents.push_back(std::move(document));
    }
    std::printf("documents: %zu\nreviewers: %zu\nspans: %zu\n", options.documents, options.reviewers, spanCount);

    // Wall clock is the figure; CPU time beside it shows what a loaded machine adds.
    auto start = bench::Clock::now();
    const std::clock_t cpuStart = std::clock();
    AgreementReport report = computeAgreement(input);
    const double agree = bench::secondsSince(start);
    std::printf("agree_s: %.3f\n", agree);
    std::printf("agree_cpu_s: %.3f\n", double(std::clock() - cpuStart) / CLOCKS_PER_SEC);
    if (report.micro.unitAlpha.defined()) std::printf("unit_alpha: %.3f\n", *report.micro.unitAlpha.value);

    // The same project on disk, through the DIR path.
    const fs::path root = fs::temp_directory_path() / ("claimmark-bench-agree-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "annotations");
    for (std::size_t d = 0; d < options.documents; ++d) {
        const std::string stem = input.documents[d].name;
        std::ofstream(root / (stem + ".txt"), std::ios::binary) << articles[d]->bytes();
        fs::create_directories(root / "annotations" / stem);
        for (AnnotationSet& set : sets[d]) {
            set.document.path = "../../" + stem + ".txt";
            std::ofstream(root / "annotations" / stem / (set.annotator + ".json"), std::ios::binary)
                << serializeSet(set);
        }
    }
    const std::size_t setsReadBefore = projectSetFilesRead();
    const double dirCpuStart = bench::cpuSeconds();
    start = bench::Clock::now();
    Result<LoadedAgreement> loaded = loadAgreementProject(root);
    if (!loaded || !loaded->warnings.empty() || loaded->input.documents.size() != options.documents) {
        std::fprintf(
            stderr, "bench_agree: the project folder did not load as written: %s\n",
            loaded ? (loaded->warnings.empty() ? "document count differs" : loaded->warnings.front().toString().c_str())
                   : loaded.errorText().c_str());
        fs::remove_all(root);
        return 1;
    }
    AgreementReport fromDisk = computeAgreement(loaded->input);
    const double agreeDir = bench::secondsSince(start);
    std::printf("agree_dir_s: %.3f\n", agreeDir);
    std::printf("agree_dir_cpu_s: %.3f\n", bench::cpuSeconds() - dirCpuStart);
    std::printf("sets_read: %zu\n", projectSetFilesRead() - setsReadBefore);

    // The report on the same project (`report DIR`): the same loader, then every document's
    // claims, links, flags and the reviewers side by side. Each command is a process of its
    // own, so what `agree DIR` loaded is let go first.
    loaded = Diagnostic{};
    const std::size_t reportReadBefore = projectSetFilesRead();
    start = bench::Clock::now();
    Result<ProjectReport> projectReport = reportOnProject(root, false);
    const double reportDir = bench::secondsSince(start);
    if (!projectReport || projectReport->report.documents.size() != options.documents) {
        std::fprintf(stderr, "bench_agree: report DIR did not cover the project: %s\n",
                     projectReport ? "document count differs" : projectReport.errorText().c_str());
        fs::remove_all(root);
        return 1;
    }
    std::printf("report_dir_s: %.3f\n", reportDir);
    std::printf("report_dir_sets_read: %zu\n", projectSetFilesRead() - reportReadBefore);
    fs::remove_all(root);

    const bool same = fromDisk.micro.unitAlpha.value == report.micro.unitAlpha.value &&
                      fromDisk.micro.spanF1Overlap.value == report.micro.spanF1Overlap.value;
    std::printf("target agree_s <= 1: %s\n", agree <= 1.0 ? "met" : "missed");
    std::printf("target agree_dir_s <= 1: %s\n", agreeDir <= 1.0 ? "met" : "missed");
    std::printf("target report_dir_s <= 1: %s\n", reportDir <= 1.0 ? "met" : "missed");
    std::printf("disk and memory figures equal: %s\n", same ? "yes" : "NO");
    return same ? 0 : 1;
}
