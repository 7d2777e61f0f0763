// benchmark_set.h — the benchmark article and annotation set several benchmarks share
// (bench_core, bench_report): deterministic English-like prose with ~2% non-ASCII, and N
// annotations over random word runs (3% discontinuous, 15% nested) with typed attributes
// and relations. Included by each bench program, so everything here is inline.
#pragma once

#include "bench_support.h"
#include "core/model/annotation_set.h"
#include "core/model/covered_text.h"
#include "core/text/document.h"

#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace claimmark::bench::benchset {

// =====================================================================================
// [SECTION] Article
// =====================================================================================


// The vocabulary leans on the project's domain (health claims, hedges, evidence) so the
// text reads like the articles the tool is for; what matters for the figures is the mix of
// word lengths and the share of multi-byte characters.
// A word list reads best packed, so the formatter leaves it alone.
// clang-format off
constexpr const char* kAsciiWords[] = {
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "as", "with", "was",
    "on", "be", "by", "this", "are", "or", "from", "at", "which", "may", "can", "some",
    "have", "has", "been", "not", "more", "than", "its", "their", "these", "other",
    "studies", "suggest", "research", "evidence", "patients", "effects", "potential",
    "health", "benefits", "preliminary", "clinical", "trials", "reported", "supplement",
    "extract", "dose", "daily", "users", "people", "experts", "according", "however",
    "although", "results", "significant", "inflammation", "immune", "system", "support",
    "claims", "doctors", "recommend", "consult", "professional", "before", "taking",
    "traditional", "medicine", "centuries", "used", "treat", "pain", "anxiety", "sleep",
    "quality", "improve", "reduce", "risk", "heart", "disease", "blood", "pressure",
    "levels", "compound", "alkaloids", "receptors", "interact", "mechanism", "unclear",
    "further", "needed", "limited", "small", "sample", "placebo", "controlled", "review",
    "systematic", "observational", "anecdotally", "preclinical", "animal", "models",
    "laboratory", "found", "shown", "linked", "associated", "likely", "possibly",
    "approximately", "percent", "participants", "weeks", "months", "study", "journal",
    "published", "university", "researchers", "scientists", "regulators", "approved",
    "safety", "warnings", "side", "interactions", "medications", "pregnant", "children",
};
// clang-format on
constexpr std::size_t kAsciiWordCount = sizeof(kAsciiWords) / sizeof(kAsciiWords[0]);

// Multi-byte words, written as escapes so the source stays ASCII: accented Latin (2-byte),
// typographic apostrophes (3-byte), CJK (3-byte per character).
constexpr const char* kAccentedWords[] = {
    "caf\xC3\xA9",               // café
    "na\xC3\xAFve",              // naïve
    "r\xC3\xA9sum\xC3\xA9",      // résumé
    "\xC3\xA9lite",              // élite
    "prot\xC3\xA9g\xC3\xA9",     // protégé
    "don\xE2\x80\x99t",          // don’t
    "it\xE2\x80\x99s",           // it’s
    "patients\xE2\x80\x99",      // patients’
    "doesn\xE2\x80\x99t",        // doesn’t
    "M\xC3\xBCller",             // Müller
    "\xE7\xA0\x94\xE7\xA9\xB6",  // 研究 (research)
    "\xE5\x81\xA5\xE5\xBA\xB7",  // 健康 (health)
};
constexpr std::size_t kAccentedWordCount = sizeof(kAccentedWords) / sizeof(kAccentedWords[0]);

constexpr const char* kEmDash = " \xE2\x80\x94 ";    // " — "
constexpr const char* kOpenQuote = "\xE2\x80\x9C";   // “
constexpr const char* kCloseQuote = "\xE2\x80\x9D";  // ”
constexpr const char* kEmoji[] = {
    "\xF0\x9F\x8C\xBF",  // 🌿 (non-BMP: a surrogate pair in UTF-16)
    "\xF0\x9F\x92\x8A",  // 💊
    "\xF0\x9F\x94\xAC",  // 🔬
};

inline Article generateArticle(std::size_t targetBytes) {
    Article article;
    article.bytes.reserve(targetBytes + 4096);
    article.words.reserve(targetBytes / 5);
    ArticleWriter out(article);
    std::mt19937_64 rng(20261124);
    auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
    auto pick = [&](std::size_t n) { return std::size_t(rng() % n); };
    std::size_t nextEmojiAt = 3000;

    std::string capitalised;
    while (article.bytes.size() < targetBytes) {
        const std::size_t sentences = 3 + pick(6);
        for (std::size_t s = 0; s < sentences && article.bytes.size() < targetBytes; ++s) {
            if (s > 0) out.punct(" ");
            const std::size_t words = 8 + pick(23);
            bool inQuote = false;
            for (std::size_t w = 0; w < words; ++w) {
                if (w > 0) {
                    if (chance(0.04)) out.punct(",");
                    if (chance(0.012)) out.punct(kEmDash);
                    else out.punct(" ");
                }
                if (!inQuote && w + 3 < words && chance(0.01)) {
                    out.punct(kOpenQuote);
                    inQuote = true;
                }
                std::string_view text;
                if (chance(0.025)) {
                    text = kAccentedWords[pick(kAccentedWordCount)];
                } else if (article.bytes.size() >= nextEmojiAt) {
                    text = kEmoji[pick(3)];
                    nextEmojiAt = article.bytes.size() + 2000 + pick(4000);
                } else {
                    text = kAsciiWords[pick(kAsciiWordCount)];
                }
                if (w == 0 && !text.empty() && text[0] >= 'a' && text[0] <= 'z') {
                    capitalised.assign(text);
                    capitalised[0] = char(capitalised[0] - 'a' + 'A');
                    out.word(capitalised);
                } else {
                    out.word(text);
                }
                if (inQuote && chance(0.25)) {
                    out.punct(kCloseQuote);
                    inQuote = false;
                }
            }
            if (inQuote) out.punct(kCloseQuote);
            out.punct(chance(0.9) ? "." : "?");
        }
        out.punct("\n\n");
    }
    return article;
}

// =====================================================================================
// [SECTION] Annotation set
// =====================================================================================

const char* const kVerdicts[] = {"unrated",    "accurate", "mostly-accurate", "mixed",
                                 "misleading", "false",    "unsupported"};
const char* const kHedgeKinds[] = {"modal",        "epistemic-verb", "adverb",     "adjective",
                                   "approximator", "attribution",    "conditional"};
const char* const kCaveatKinds[] = {"safety",     "consult-professional", "limitation",
                                    "regulatory", "further-research",     "scope"};
const char* const kEvidenceTypes[] = {"anecdotal",     "traditional-use", "expert-opinion",    "preclinical",
                                      "observational", "clinical-trial",  "systematic-review", "unspecified"};
const char* const kLabels[] = {"claim", "hedge", "caveat", "evidence"};

inline std::string timestamp(std::mt19937_64& rng) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "2026-%02d-%02dT%02d:%02d:%02dZ", int(1 + rng() % 12), int(1 + rng() % 28),
                  int(rng() % 24), int(rng() % 60), int(rng() % 60));
    return buffer;
}

inline Attributes attributesFor(std::size_t labelIndex, std::mt19937_64& rng) {
    Attributes attributes;
    switch (labelIndex) {
        case 0:
            attributes["strength"] = std::int64_t(1 + rng() % 5);
            attributes["checkworthy"] = bool(rng() % 2);
            attributes["verdict"] = std::string(kVerdicts[rng() % 7]);
            break;
        case 1: attributes["kind"] = std::string(kHedgeKinds[rng() % 7]); break;
        case 2: attributes["kind"] = std::string(kCaveatKinds[rng() % 6]); break;
        default:
            attributes["type"] = std::string(kEvidenceTypes[rng() % 8]);
            attributes["cited"] = bool(rng() % 2);
            break;
    }
    return attributes;
}

inline AnnotationSet buildSet(const Document& document, const std::vector<Word>& words, const std::string& documentPath,
                              std::size_t annotationCount, std::size_t relationCount) {
    AnnotationSet set;
    set.annotator = "bench";
    set.document.path = documentPath;
    set.document.sha256 = document.sha256();
    set.document.length = document.length();

    std::mt19937_64 rng(4242);
    const std::size_t wordCount = words.size();
    if (wordCount < 200) bench::exitWithError("benchmark set", "the article is too short to annotate");
    // First and last word of each single-span annotation, to nest later ones inside.
    struct Run {
        std::uint32_t first, last;
    };
    std::vector<Run> runs;
    runs.reserve(annotationCount);
    std::vector<std::string> idsByLabel[4];

    for (std::size_t i = 0; i < annotationCount; ++i) {
        const std::size_t labelIndex = i % 4;
        Annotation a;
        a.id = "a" + std::to_string(i + 1);
        a.label = kLabels[labelIndex];
        const std::size_t kind = rng() % 100;
        if (kind < 3) {
            // Discontinuous: two runs of words with a gap of 1..20 words between them.
            const std::size_t len1 = 3 + rng() % 20, gap = 1 + rng() % 20, len2 = 3 + rng() % 20;
            const std::size_t first = rng() % (wordCount - (len1 + gap + len2));
            a.spans.push_back(Span{words[first].start, words[first + len1 - 1].end});
            const std::size_t second = first + len1 + gap;
            a.spans.push_back(Span{words[second].start, words[second + len2 - 1].end});
        } else if (kind < 18 && !runs.empty()) {
            // Nested inside an earlier annotation (a hedge inside a claim, and so on).
            const Run parent = runs[rng() % runs.size()];
            const std::size_t parentLen = parent.last - parent.first + 1;
            const std::size_t len = parentLen <= 3 ? parentLen : 3 + rng() % (parentLen - 2);
            const std::size_t first = parent.first + rng() % (parentLen - len + 1);
            a.spans.push_back(Span{words[first].start, words[first + len - 1].end});
            runs.push_back(Run{std::uint32_t(first), std::uint32_t(first + len - 1)});
        } else {
            const std::size_t len = 3 + rng() % 58;  // 3..60 words
            const std::size_t first = rng() % (wordCount - len);
            a.spans.push_back(Span{words[first].start, words[first + len - 1].end});
            runs.push_back(Run{std::uint32_t(first), std::uint32_t(first + len - 1)});
        }
        a.attributes = attributesFor(labelIndex, rng);
        if (rng() % 10 == 0) a.note = "Reviewer note " + std::to_string(i) + ": check the source cited nearby.";
        a.created = timestamp(rng);
        a.modified = a.created;
        fillFromDocument(a, document);
        idsByLabel[labelIndex].push_back(a.id);
        const Status status = set.addAnnotation(std::move(a));
        if (!status)
            bench::exitWithError("benchmark set",
                                 "addAnnotation a" + std::to_string(i + 1) + " failed: " + status.error);
    }

    const char* const relationTypes[] = {"", "hedges", "qualifies", "supports"};
    for (std::size_t i = 0; i < relationCount; ++i) {
        const std::size_t fromLabel = 1 + i % 3;
        Relation r;
        r.id = "r" + std::to_string(i + 1);
        r.type = relationTypes[fromLabel];
        r.from = idsByLabel[fromLabel][rng() % idsByLabel[fromLabel].size()];
        r.to = idsByLabel[0][rng() % idsByLabel[0].size()];
        const Status status = set.addRelation(std::move(r));
        if (!status)
            bench::exitWithError("benchmark set", "addRelation r" + std::to_string(i + 1) + " failed: " + status.error);
    }
    return set;
}


}  // namespace claimmark::bench::benchset
