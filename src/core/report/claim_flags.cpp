// claim_flags.cpp — the flags of a claim, each with a one-line reason (README "The report").
//
//   contradicted               evidence linked with `contradicts`                  weight 40
//   strength-exceeds-evidence  strength >= strong_strength while the best support
//                              is weak (weak_from or below on the hierarchy) or none  30 + 5 per
//                                                                 strength step above the bar
//   hedge-dropped              the claim restates an earlier hedged claim without a hedge  25
//   no-evidence                no supporting evidence is linked                     20
//   reviewers-disagree         (teams) strengths two or more apart, or different verdicts  15
//   uncited-support            strength >= strong_strength, evidence linked, none of it cited 10
//
// Restatement: the two claims share at least three content words (words of four or more
// letters, or non-ASCII words of two or more, lower-cased, a plural "s" dropped, minus common
// function words and the hedges' own words), and those carry at least half the weight of the
// shorter claim's content words, each word weighted by how few of the article's claims use it
// (log((claims + 1) / claims with the word), so the article's topic words count little); the
// later claim has no hedge (linked, or any of the earlier claim's hedges word for word in its
// text) and, when both are rated, is not rated weaker.
#include "core/report/report_detail.h"

#include "core/text/utf8.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <cmath>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace claimmark::detail {

namespace {

constexpr int kContradictedWeight = 40;
constexpr int kExceedsWeight = 30;
constexpr int kHedgeDroppedWeight = 25;
constexpr int kNoEvidenceWeight = 20;
constexpr int kDisagreeWeight = 15;
constexpr int kUncitedWeight = 10;

constexpr std::size_t kMinShared = 3;
constexpr double kMinSharedShare = 0.5;
constexpr std::size_t kCommonWordLimit = 200;  // words in more hedged claims are not indexed

const std::unordered_set<std::string_view>& functionWords() {
    static const std::unordered_set<std::string_view> words{
        "that",  "this", "with",  "from",  "have",   "been",  "were", "they",  "their",  "which", "there", "these",
        "those", "will", "would", "could", "should", "about", "into", "than",  "more",   "most",  "some",  "such",
        "also",  "only", "very",  "much",  "many",   "what",  "when", "where", "while",  "does",  "being", "other",
        "them",  "then", "your",  "just",  "over",   "under", "each", "both",  "because"};
    return words;
}

// Words as small integers: each distinct content word gets an id once.
class WordIds {
public:
    // The ids of `text`'s content words (lower-cased, a plural "s" dropped, without function
    // words), sorted and each once.
    std::vector<std::uint32_t> contentWords(std::string_view text) {
        std::vector<std::uint32_t> out;
        m_word.clear();
        std::size_t letters = 0;
        bool ascii = true;
        auto flush = [&] {
            // "receptors" and "receptor", "eases" and "ease" count as one word.
            if (ascii && letters > 4 && m_word.back() == 's' && m_word[m_word.size() - 2] != 's') m_word.pop_back();
            if (!m_word.empty() && (ascii ? letters >= 4 : letters >= 2) && !functionWords().count(m_word))
                out.push_back(idOf(m_word));
            m_word.clear();
            letters = 0;
            ascii = true;
        };
        std::size_t pos = 0;
        while (pos < text.size()) {
            const char32_t cp = utf8::decode(text, pos);
            if (!utf8::isWordCharacter(cp)) {
                flush();
                continue;
            }
            if (cp < 0x80) {
                m_word.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp));
            } else {
                utf8::append(m_word, cp);
                ascii = false;
            }
            ++letters;
        }
        flush();
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }
    std::size_t size() const { return m_ids.size(); }

private:
    std::uint32_t idOf(const std::string& word) {
        const auto it = m_ids.find(word);
        if (it != m_ids.end()) return it->second;
        const auto id = static_cast<std::uint32_t>(m_ids.size());
        m_ids.emplace(word, id);
        return id;
    }
    std::unordered_map<std::string, std::uint32_t> m_ids;
    std::string m_word;
};

// `claim`'s content words without those of its hedges.
std::vector<std::uint32_t> claimWords(const ClaimReport& claim, WordIds& ids) {
    std::vector<std::uint32_t> words = ids.contentWords(claim.text);
    if (claim.hedges.empty()) return words;
    std::vector<std::uint32_t> hedged;
    for (const LinkedAnnotation& h : claim.hedges)
        for (std::uint32_t w : ids.contentWords(h.text)) hedged.push_back(w);
    std::sort(hedged.begin(), hedged.end());
    std::vector<std::uint32_t> out;
    std::set_difference(words.begin(), words.end(), hedged.begin(), hedged.end(), std::back_inserter(out));
    return out;
}

// The lower-cased words of `text` (every length), for hedge look-ups.
std::vector<std::string> allWords(std::string_view text) {
    std::vector<std::string> out(1);
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t cp = utf8::decode(text, pos);
        if (!utf8::isWordCharacter(cp)) {
            if (!out.back().empty()) out.emplace_back();
            continue;
        }
        if (cp < 0x80) out.back().push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp));
        else utf8::append(out.back(), cp);
    }
    if (out.back().empty()) out.pop_back();
    return out;
}

// True when `later`'s text still holds one of `earlier`'s hedges word for word (an unlinked
// hedge: the restatement is hedged too).
bool keepsAHedge(const ClaimReport& later, const ClaimReport& earlier) {
    const std::vector<std::string> text = allWords(later.text);
    for (const LinkedAnnotation& hedge : earlier.hedges) {
        const std::vector<std::string> phrase = allWords(hedge.text);
        if (phrase.empty() || phrase.size() > text.size()) continue;
        for (std::size_t at = 0; at + phrase.size() <= text.size(); ++at)
            if (std::equal(phrase.begin(), phrase.end(), text.begin() + std::ptrdiff_t(at))) return true;
    }
    return false;
}

std::string inQuotes(std::string_view text) { return "\u201c" + shorten(text, 60) + "\u201d"; }

std::string strengthWords(std::int64_t strength) { return "strength " + std::to_string(strength); }

void addFlag(ClaimReport& claim, const char* name, std::string reason, int weight) {
    claim.flags.push_back(ClaimFlag{name, std::move(reason), weight});
}

// The hedge-dropped flags: for each unhedged claim, the earlier hedged claim it restates.
void flagDroppedHedges(std::vector<ClaimReport>& claims) {
    WordIds ids;
    std::vector<std::vector<std::uint32_t>> words(claims.size());
    bool anyHedged = false;
    for (std::size_t i = 0; i < claims.size(); ++i) {
        words[i] = claimWords(claims[i], ids);
        anyHedged |= !claims[i].hedges.empty();
    }
    if (!anyHedged) return;
    std::vector<std::uint32_t> claimsWithWord(ids.size(), 0);
    std::vector<std::vector<std::uint32_t>> hedgedWithWord(ids.size());
    for (std::size_t i = 0; i < claims.size(); ++i)
        for (std::uint32_t w : words[i]) {
            ++claimsWithWord[w];
            if (!claims[i].hedges.empty()) hedgedWithWord[w].push_back(static_cast<std::uint32_t>(i));
        }
    // A word the article's claims share less says more: weight log((claims + 1) / claims with it).
    const double total = double(claims.size()) + 1.0;
    std::vector<double> weightOf(ids.size());
    for (std::size_t w = 0; w < ids.size(); ++w)
        weightOf[w] = std::log(total / double(std::max<std::uint32_t>(1, claimsWithWord[w])));
    std::vector<double> weightSum(claims.size(), 0.0);
    for (std::size_t i = 0; i < claims.size(); ++i)
        for (std::uint32_t w : words[i]) weightSum[i] += weightOf[w];

    struct Shared {
        std::size_t words = 0;
        double weight = 0;
    };
    std::vector<Shared> shared(claims.size());
    std::vector<std::uint32_t> touched;
    for (std::size_t i = 0; i < claims.size(); ++i) {
        ClaimReport& later = claims[i];
        if (!later.hedges.empty() || words[i].size() < kMinShared) continue;
        for (std::uint32_t j : touched) shared[j] = Shared{};
        touched.clear();
        for (std::uint32_t w : words[i]) {
            const std::vector<std::uint32_t>& with = hedgedWithWord[w];
            if (with.size() > kCommonWordLimit) continue;
            for (std::uint32_t j : with)
                if (claims[j].spans.back().end <= later.spans.front().start) {
                    Shared& s = shared[j];
                    if (s.words == 0) touched.push_back(j);
                    ++s.words;
                    s.weight += weightOf[w];
                }
        }
        std::size_t best = claims.size();
        double bestShare = 0;
        for (std::uint32_t j : touched) {
            const Shared& s = shared[j];
            if (s.words < kMinShared) continue;
            const double smaller = std::min(weightSum[i], weightSum[j]);
            const double share = smaller > 0 ? s.weight / smaller : 0.0;
            if (share < kMinSharedShare) continue;
            if (claims[j].strength && later.strength && *later.strength < *claims[j].strength) continue;
            if (keepsAHedge(later, claims[j])) continue;
            if (share > bestShare || (share == bestShare && j > best)) {
                bestShare = share;
                best = j;
            }
        }
        if (best == claims.size()) continue;
        const ClaimReport& earlier = claims[best];
        std::string hedgeText;
        for (std::size_t h = 0; h < earlier.hedges.size() && h < 3; ++h)
            hedgeText += (h ? ", " : "") + inQuotes(earlier.hedges[h].text);
        addFlag(later, kFlagHedgeDropped,
                "restates the hedged claim on line " + std::to_string(earlier.place.line) + " (" +
                    inQuotes(earlier.text) + ") without its hedge (" + hedgeText + ")",
                kHedgeDroppedWeight);
    }
}

}  // namespace

void settleFlags(ClaimReport& claim) {
    std::stable_sort(claim.flags.begin(), claim.flags.end(),
                     [](const ClaimFlag& x, const ClaimFlag& y) { return x.weight > y.weight; });
    claim.weight = 0;
    for (const ClaimFlag& f : claim.flags) claim.weight += f.weight;
}

void flagClaims(std::vector<ClaimReport>& claims, const EvidenceHierarchy& hierarchy) {
    for (ClaimReport& claim : claims) {
        claim.flags.clear();
        if (!claim.contradicting.empty()) {
            std::string reason = claim.contradicting.size() == 1
                                     ? "evidence speaks against it: " + inQuotes(claim.contradicting.front().text)
                                     : std::to_string(claim.contradicting.size()) +
                                           " pieces of evidence speak against it, first " +
                                           inQuotes(claim.contradicting.front().text);
            addFlag(claim, kFlagContradicted, std::move(reason), kContradictedWeight);
        }
        const bool strong = claim.strength && *claim.strength >= hierarchy.strongStrength;
        if (strong && hierarchy.isWeak(claim.supportRank)) {
            const int steps = static_cast<int>(*claim.strength - hierarchy.strongStrength);
            std::string reason = "stated at " + strengthWords(*claim.strength) + " with no supporting evidence";
            for (const LinkedAnnotation& e : claim.evidence)
                if (e.kind == claim.support) {
                    reason = "stated at " + strengthWords(*claim.strength) + " but its best support is " +
                             EvidenceHierarchy::words(claim.support) + " (" + inQuotes(e.text) + ")";
                    break;
                }
            addFlag(claim, kFlagStrengthExceedsEvidence, std::move(reason), kExceedsWeight + 5 * steps);
        }
        if (claim.evidence.empty())
            addFlag(claim, kFlagNoEvidence,
                    claim.contradicting.empty() ? "no evidence is linked in its support"
                                                : "no evidence is linked in its support, only against it",
                    kNoEvidenceWeight);
        if (strong && !claim.evidence.empty() &&
            std::none_of(claim.evidence.begin(), claim.evidence.end(),
                         [](const LinkedAnnotation& e) { return e.cited; }))
            addFlag(claim, kFlagUncitedSupport,
                    claim.evidence.size() == 1
                        ? "stated at " + strengthWords(*claim.strength) + ", and its evidence names no checkable source"
                        : "stated at " + strengthWords(*claim.strength) + ", and none of its " +
                              std::to_string(claim.evidence.size()) + " pieces of evidence names a checkable source",
                    kUncitedWeight);
    }
    flagDroppedHedges(claims);
    for (ClaimReport& claim : claims) settleFlags(claim);
}

void flagDisagreement(ClaimReport& row, const std::vector<std::string>& reviewers) {
    std::int64_t low = 0, high = 0;
    bool rated = false;
    std::set<std::string> verdicts;
    std::string lowName, highName;
    for (const ReviewerClaim& r : row.reviewers) {
        if (r.strength) {
            if (!rated || *r.strength < low) {
                low = *r.strength;
                lowName = reviewers[r.reviewer];
            }
            if (!rated || *r.strength > high) {
                high = *r.strength;
                highName = reviewers[r.reviewer];
            }
            rated = true;
        }
        if (!r.verdict.empty() && r.verdict != "unrated") verdicts.insert(r.verdict);
    }
    std::string reason;
    if (rated && high - low >= 2)
        reason = "strengths range from " + std::to_string(low) + " (" + lowName + ") to " + std::to_string(high) +
                 " (" + highName + ")";
    if (verdicts.size() > 1) {
        std::string list;
        for (const std::string& v : verdicts) list += (list.empty() ? "" : ", ") + v;
        reason += (reason.empty() ? "verdicts differ: " : "; verdicts differ: ") + list;
    }
    if (reason.empty()) return;
    row.flags.push_back(ClaimFlag{kFlagReviewersDisagree, std::move(reason), kDisagreeWeight});
    settleFlags(row);
}

}  // namespace claimmark::detail
