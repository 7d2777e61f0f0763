// suggest.cpp — suggest(): words, sentences, cue matches, claims, links and strength; the
// batch leaves out what the set has and what the reviewer rejected. See suggest.h.
#include "core/suggest/suggest.h"

#include "core/model/covered_text.h"
#include "core/suggest/phrase_matcher.h"
#include "core/suggest/sentence_splitter.h"
#include "core/suggest/word_scanner.h"

#include <algorithm>
#include <optional>
#include <set>

namespace claimmark {
namespace {

struct CueHit {
    const CueRule* rule;
    std::size_t sentence;
    std::size_t firstWord, endWord;  // the matched words
    Span span;                       // what the suggestion covers (phrase, clause or sentence)
};

bool wanted(const SuggestOptions& options, const std::string& label) {
    return options.labels.empty() ||
           std::find(options.labels.begin(), options.labels.end(), label) != options.labels.end();
}

std::string quoted(const Document& document, const std::vector<Word>& words, std::size_t first, std::size_t end) {
    return "\"" + std::string(document.slice(words[first].cpStart, words[end - 1].cpEnd)) + "\"";
}

// The clause around words [first, end): up to ";" or ":" or a comma before a contrasting
// conjunction, within the sentence.
Span clauseAround(std::string_view text, const std::vector<Word>& words, const Sentence& s, std::size_t first,
                  std::size_t end) {
    auto boundaryBetween = [&](std::size_t left, std::size_t right) {  // words left, right adjacent
        const std::string_view gap = text.substr(words[left].byteEnd, words[right].byteStart - words[left].byteEnd);
        if (gap.find(';') != std::string_view::npos || gap.find(':') != std::string_view::npos) return true;
        if (gap.find(',') == std::string_view::npos) return false;
        static constexpr std::string_view kTurns[] = {"but",   "however", "although", "though",
                                                      "while", "whereas", "yet"};
        return std::find(std::begin(kTurns), std::end(kTurns), words[right].lower) != std::end(kTurns);
    };
    std::size_t a = first, b = end;
    while (a > s.firstWord && !boundaryBetween(a - 1, a)) --a;
    while (b < s.endWord && !boundaryBetween(b - 1, b)) ++b;
    return {words[a].cpStart, words[b - 1].cpEnd};
}

Span sentenceWords(const std::vector<Word>& words, const Sentence& s) {
    return {words[s.firstWord].cpStart, words[s.endWord - 1].cpEnd};
}

bool overlaps(const Span& a, const Span& b) { return a.start < b.end && b.start < a.end; }

// Spans of one label, for "does anything overlap [s, e)?" in O(log n): sorted by start,
// with the largest end among the first k.
class SpanLookup {
public:
    void add(const Span& span, std::string id) { m_items.push_back({span, std::move(id)}); }
    void finish() {
        std::sort(m_items.begin(), m_items.end(),
                  [](const Item& a, const Item& b) { return a.span.start < b.span.start; });
        m_maxEnd.resize(m_items.size());
        std::size_t best = 0;
        for (std::size_t i = 0; i < m_items.size(); ++i) m_maxEnd[i] = best = std::max(best, m_items[i].span.end);
    }
    // The id of an item overlapping `span`, or nullptr.
    const std::string* overlapping(const Span& span) const {
        const auto after = std::lower_bound(m_items.begin(), m_items.end(), span.end,
                                            [](const Item& item, std::size_t end) { return item.span.start < end; });
        std::size_t k = static_cast<std::size_t>(after - m_items.begin());
        if (k == 0 || m_maxEnd[k - 1] <= span.start) return nullptr;
        while (k-- > 0)
            if (m_items[k].span.end > span.start) return &m_items[k].id;
        return nullptr;
    }

private:
    struct Item {
        Span span;
        std::string id;
    };
    std::vector<Item> m_items;
    std::vector<std::size_t> m_maxEnd;
};

// Sorts by documentOrderLess through an index (moving whole annotations around in a sort
// costs more than the rest of suggest() on a long article).
void inDocumentOrder(std::vector<Annotation>& annotations) {
    std::vector<std::size_t> order(annotations.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Annotation &x = annotations[a], &y = annotations[b];
        if (x.start() != y.start()) return x.start() < y.start();
        return documentOrderLess(x, y);
    });
    std::vector<Annotation> sorted;
    sorted.reserve(annotations.size());
    for (std::size_t i : order) sorted.push_back(std::move(annotations[i]));
    annotations = std::move(sorted);
}

class Suggester {
public:
    Suggester(const Document& document, const AnnotationSet& set, const SuggestionRules& rules,
              const SuggestOptions& options)
        : m_document(document), m_set(set), m_rules(rules), m_options(options) {}

    SuggestionBatch run() {
        indexExisting();
        m_scanned = scanWords(m_document);
        m_sentences = splitSentences(m_document.bytes(), m_scanned);
        findCues();
        findClaims();
        m_nextAnnotation = numberAfter(m_set.nextAnnotationId());
        m_nextRelation = numberAfter(m_set.nextRelationId());
        m_batch.annotations.reserve(m_cues.size() + m_sentences.size());
        m_batch.relations.reserve(m_cues.size());
        emit();
        m_batch.alreadyThere = m_matchedExisting.size();
        inDocumentOrder(m_batch.annotations);
        return std::move(m_batch);
    }

private:
    const Document& m_document;
    const AnnotationSet& m_set;
    const SuggestionRules& m_rules;
    const SuggestOptions& m_options;
    ScannedWords m_scanned;
    std::vector<Sentence> m_sentences;
    std::vector<CueHit> m_cues;
    SuggestionBatch m_batch;
    std::uint64_t m_nextAnnotation = 1, m_nextRelation = 1;

    static std::uint64_t numberAfter(const std::string& id) { return std::stoull(id.substr(1)); }

    void findCues() {
        std::vector<const std::vector<Phrase>*> phrases;
        for (const CueRule& r : m_rules.cues) phrases.push_back(&r.phrases);
        const PhraseMatcher matcher(phrases);
        const std::vector<Word>& words = m_scanned.words;
        // Labels by index; each label is matched on its own ("studies suggest" is evidence
        // and its "suggest" a hedge), the longest match per label, no overlap within one.
        std::vector<std::string> labels;
        std::vector<std::size_t> labelOf(m_rules.cues.size());
        for (std::size_t i = 0; i < m_rules.cues.size(); ++i) {
            const std::string& label = m_rules.cues[i].label;
            auto it = std::find(labels.begin(), labels.end(), label);
            labelOf[i] = static_cast<std::size_t>(it - labels.begin());
            if (it == labels.end()) labels.push_back(label);
        }
        std::vector<bool> labelWanted(labels.size());
        for (std::size_t l = 0; l < labels.size(); ++l) labelWanted[l] = wanted(m_options, labels[l]);
        std::vector<std::size_t> nextFree(labels.size(), 0);  // per label: first word not yet covered
        std::vector<const PhraseMatch*> best(labels.size());
        std::vector<PhraseMatch> found;
        for (std::size_t si = 0; si < m_sentences.size(); ++si) {
            const Sentence& s = m_sentences[si];
            for (std::size_t w = s.firstWord; w < s.endWord; ++w) {
                found.clear();
                matcher.matchesAt(words, w, s.endWord, found);
                if (found.empty()) continue;
                std::fill(best.begin(), best.end(), nullptr);
                // The longest allowed match per label; the first rule in the file wins a tie.
                for (const PhraseMatch& m : found) {
                    const std::size_t l = labelOf[m.rule];
                    if (!labelWanted[l] || w < nextFree[l]) continue;
                    const CueRule& rule = m_rules.cues[m.rule];
                    if (!cueContextAllows(rule, words, s, m.firstWord, m.endWord)) continue;
                    const PhraseMatch* b = best[l];
                    if (!b || m.endWord > b->endWord || (m.endWord == b->endWord && m.rule < b->rule)) best[l] = &m;
                }
                for (std::size_t l = 0; l < labels.size(); ++l) {
                    if (!best[l]) continue;
                    const CueRule& rule = m_rules.cues[best[l]->rule];
                    Span span{words[best[l]->firstWord].cpStart, words[best[l]->endWord - 1].cpEnd};
                    if (rule.extent == SuggestionExtent::Clause)
                        span = clauseAround(m_document.bytes(), words, s, best[l]->firstWord, best[l]->endWord);
                    if (rule.extent == SuggestionExtent::Sentence) span = sentenceWords(words, s);
                    m_cues.push_back({&rule, si, best[l]->firstWord, best[l]->endWord, span});
                    nextFree[l] = best[l]->endWord;
                }
            }
        }
    }

    // Per sentence: is it a claim, by which phrase.
    std::vector<std::optional<std::pair<std::size_t, std::size_t>>> m_claimPhrase;

    void findClaims() {
        m_claimPhrase.assign(m_sentences.size(), std::nullopt);
        if (!wanted(m_options, "claim") || !m_set.schema.findLabel("claim")) return;
        std::vector<const std::vector<Phrase>*> phrases{&m_rules.claim.phrases};
        const PhraseMatcher matcher(phrases);
        const std::vector<Word>& words = m_scanned.words;
        std::vector<PhraseMatch> found;
        // A sentence that a caveat covers whole is that caveat, not a claim.
        std::vector<bool> caveatSentence(m_sentences.size(), false);
        for (const CueHit& c : m_cues)
            if (c.rule->label == "caveat" && c.rule->extent == SuggestionExtent::Sentence)
                caveatSentence[c.sentence] = true;
        const std::string_view text = m_document.bytes();
        for (std::size_t si = 0; si < m_sentences.size(); ++si) {
            const Sentence& s = m_sentences[si];
            if (s.endWord - s.firstWord < 3 || s.question() || s.heading() || caveatSentence[si]) continue;
            for (std::size_t w = s.firstWord; w < s.endWord && !m_claimPhrase[si]; ++w) {
                found.clear();
                matcher.matchesAt(words, w, s.endWord, found);
                if (!found.empty()) m_claimPhrase[si] = std::pair{found.front().firstWord, found.front().endWord};
                if (!m_claimPhrase[si] && m_rules.claim.numbersCount && words[w].number) {
                    const std::size_t after = words[w].byteEnd;
                    const bool percent = after < text.size() && text[after] == '%';
                    const bool unit =
                        w + 1 < s.endWord && (words[w + 1].lower == "percent" || words[w + 1].lower == "fold" ||
                                              words[w + 1].lower == "times");
                    if (percent || unit) m_claimPhrase[si] = std::pair{w, w + 1};
                }
            }
        }
    }

    std::map<std::string, SpanLookup, std::less<>> m_existing;  // by label: the set's annotations
    std::map<std::string, Span, std::less<>> m_lastMade;        // by label: the batch's last span

    void indexExisting() {
        for (const Annotation& a : m_set.annotations()) {
            if (a.orphaned) continue;
            for (const Span& span : a.spans) m_existing[a.label].add(span, a.id);
        }
        for (auto& [label, lookup] : m_existing) lookup.finish();
    }

    // The existing annotations that suggestions ran into (each counted once).
    std::set<std::string> m_matchedExisting;

    bool alreadyThere(const std::string& label, const Span& span) {
        auto it = m_existing.find(label);
        const std::string* id = it == m_existing.end() ? nullptr : it->second.overlapping(span);
        if (id) m_matchedExisting.insert(*id);
        return id != nullptr;
    }

    bool rejected(const std::string& label, const Span& span, const std::string& rule) const {
        for (const RejectedSuggestion& r : m_set.rejectedSuggestions)
            if (r.label == label && r.rule == rule && r.spans.size() == 1 && r.spans[0] == span) return true;
        return false;
    }

    // An existing claim (manual or accepted) in the sentence, if any.
    std::optional<std::string> existingClaimIn(const Sentence& s) const {
        auto it = m_existing.find("claim");
        if (it == m_existing.end()) return std::nullopt;
        if (const std::string* id = it->second.overlapping({s.cpStart, s.cpEnd})) return *id;
        return std::nullopt;
    }

    std::optional<Annotation> make(const std::string& label, const Span& span, const std::string& rule,
                                   std::string reason) {
        if (rejected(label, span, rule)) {
            ++m_batch.rejectedBefore;
            return std::nullopt;
        }
        if (alreadyThere(label, span)) return std::nullopt;
        // Within the batch, suggestions of one label come in document order per kind, so
        // the last one of that label is the only one that can overlap.
        if (auto last = m_lastMade.find(label); last != m_lastMade.end() && overlaps(last->second, span))
            return std::nullopt;
        m_lastMade[label] = span;
        Annotation a;
        a.id = "a" + std::to_string(m_nextAnnotation++);
        a.label = label;
        a.spans = {span};
        a.origin = "suggested";
        a.status = kSuggestedStatus;
        a.rule = rule;
        a.created = a.modified = m_options.now;
        if (const LabelDef* def = m_set.schema.findLabel(label))
            for (const AttributeDef& attr : def->attributes)
                if (attr.defaultValue) a.attributes.emplace(attr.name, *attr.defaultValue);
        a.extra[kReasonKey] = std::move(reason);
        fillFromDocument(a, m_document);
        return a;
    }

    void link(const char* type, const std::string& from, const std::string& to, const char* rule) {
        for (const Relation& r : m_set.relations())
            if (r.type == type && r.from == from && r.to == to) return;
        const RelationDef* def = m_set.schema.findRelation(type);
        if (!def) return;
        Relation r;
        r.id = "r" + std::to_string(m_nextRelation++);
        r.type = type;
        r.from = from;
        r.to = to;
        r.rule = rule;
        m_batch.relations.push_back(std::move(r));
    }

    void emit();
};

void Suggester::emit() {
    const std::vector<Word>& words = m_scanned.words;
    // Claims first (the cues link to them), with strength from the hedges and boosters.
    std::vector<std::string> claimIds(m_sentences.size());
    std::vector<const std::vector<Phrase>*> boosterPhrases;
    for (const BoosterRule& b : m_rules.boosters) boosterPhrases.push_back(&b.phrases);
    const PhraseMatcher boosters(boosterPhrases);
    std::vector<PhraseMatch> found;
    // The cues of sentence i are m_cues[cuesFrom[i], cuesFrom[i + 1]) (found in sentence order).
    std::vector<std::size_t> cuesFrom(m_sentences.size() + 1, 0);
    for (const CueHit& c : m_cues) ++cuesFrom[c.sentence + 1];
    for (std::size_t i = 0; i < m_sentences.size(); ++i) cuesFrom[i + 1] += cuesFrom[i];
    for (std::size_t si = 0; si < m_sentences.size(); ++si) {
        const Sentence& s = m_sentences[si];
        if (auto existing = existingClaimIn(s)) claimIds[si] = *existing;
        if (!m_claimPhrase[si]) continue;
        if (!claimIds[si].empty()) {  // the set has its claim already
            m_matchedExisting.insert(claimIds[si]);
            continue;
        }
        const auto [pf, pe] = *m_claimPhrase[si];
        std::string reason = "asserts " + quoted(m_document, words, pf, pe);
        int strength = m_rules.strength.plain;
        std::string how = std::to_string(m_rules.strength.plain) + " for a plain assertion";
        for (std::size_t k = cuesFrom[si]; k < cuesFrom[si + 1]; ++k) {
            const CueHit& c = m_cues[k];
            if (c.rule->label != "hedge") continue;
            strength += m_rules.strength.perHedge;
            how += ", " + std::to_string(m_rules.strength.perHedge) + " for hedge " +
                   quoted(m_document, words, c.firstWord, c.endWord);
        }
        for (std::size_t w = s.firstWord; w < s.endWord; ++w) {
            found.clear();
            boosters.matchesAt(words, w, s.endWord, found);
            for (const PhraseMatch& m : found) {
                const BoosterRule& b = m_rules.boosters[m.rule];
                bool negated = false;
                for (const Phrase& p : b.notPrecededBy)
                    negated |= m.firstWord >= s.firstWord + p.size() &&
                               phraseMatchesAt(p, words, m.firstWord - p.size(), m.firstWord);
                if (negated) continue;
                strength += m_rules.strength.perBooster;
                how += ", +" + std::to_string(m_rules.strength.perBooster) + " for booster " +
                       quoted(m_document, words, m.firstWord, m.endWord);
                break;
            }
        }
        strength = std::clamp(strength, m_rules.strength.minimum, m_rules.strength.maximum);
        reason += "; strength " + std::to_string(strength) + ": " + how;
        std::optional<Annotation> claim = make("claim", sentenceWords(words, s), m_rules.claim.id, reason);
        if (!claim) continue;
        if (const LabelDef* def = m_set.schema.findLabel("claim"); def && def->findAttribute("strength"))
            if (def->findAttribute("strength")->check(AttributeValue{std::int64_t(strength)}).empty())
                claim->attributes["strength"] = std::int64_t(strength);
        claimIds[si] = claim->id;
        ++m_batch.perRule[claim->rule];
        m_batch.annotations.push_back(std::move(*claim));
    }
    // Cues, each linked to the claim it bears on.
    for (const CueHit& c : m_cues) {
        std::string reason = "matched " + quoted(m_document, words, c.firstWord, c.endWord);
        std::optional<Annotation> a = make(c.rule->label, c.span, c.rule->id, reason);
        if (!a) continue;
        for (const auto& [name, value] : c.rule->attributes) a->attributes[name] = value;
        const std::string id = a->id;
        ++m_batch.perRule[c.rule->id];
        m_batch.annotations.push_back(std::move(*a));
        // The claim of the sentence, or (evidence, caveats) the nearest one before it in
        // the paragraph.
        std::string target = claimIds[c.sentence];
        if (target.empty() && c.rule->label != "hedge") {
            for (std::size_t k = c.sentence; k-- > 0;) {
                if (m_sentences[k].paragraph != m_sentences[c.sentence].paragraph) break;
                if (!claimIds[k].empty()) {
                    target = claimIds[k];
                    break;
                }
            }
        }
        if (target.empty()) continue;
        if (c.rule->label == "hedge") link("hedges", id, target, kLinkHedgeRule);
        else if (c.rule->label == "evidence") link("supports", id, target, kLinkEvidenceRule);
        else if (c.rule->label == "caveat") link("qualifies", id, target, kLinkCaveatRule);
    }
}

}  // namespace

SuggestionBatch suggest(const Document& document, const AnnotationSet& set, const SuggestionRules& rules,
                        const SuggestOptions& options) {
    return Suggester(document, set, rules, options).run();
}

Status addSuggestionBatch(AnnotationSet& set, const SuggestionBatch& batch) {
    AnnotationSet copy = set;
    for (const Annotation& a : batch.annotations)
        if (Status s = copy.addAnnotation(a); !s.ok()) return s;
    for (const Relation& r : batch.relations)
        if (Status s = copy.addRelation(r); !s.ok()) return s;
    set = std::move(copy);
    return Status::success();
}

std::string suggestionReason(const Annotation& annotation) {
    auto it = annotation.extra.find(kReasonKey);
    return it != annotation.extra.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace claimmark
