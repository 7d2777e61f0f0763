// phrase_matcher.cpp — see phrase_matcher.h.
#include "core/suggest/phrase_matcher.h"

namespace claimmark {

namespace {

bool wordMatches(const PhraseWord& p, const Word& w) {
    switch (p.kind) {
        case PhraseWord::Kind::Exact: return w.lower == p.text;
        case PhraseWord::Kind::Prefix: return w.lower.size() >= p.text.size() && w.lower.starts_with(p.text);
        case PhraseWord::Kind::Number: return w.number;
        case PhraseWord::Kind::AnyWord: return true;
    }
    return false;
}

// Does one of `phrases` end exactly at word `end` (exclusive), starting at or after `from`?
bool someEndsAt(const std::vector<Phrase>& phrases, const std::vector<Word>& words, std::size_t from, std::size_t end) {
    for (const Phrase& p : phrases) {
        if (p.size() > end - from) continue;
        if (phraseMatchesAt(p, words, end - p.size(), end)) return true;
    }
    return false;
}

bool someStartsAt(const std::vector<Phrase>& phrases, const std::vector<Word>& words, std::size_t at,
                  std::size_t limit) {
    for (const Phrase& p : phrases)
        if (phraseMatchesAt(p, words, at, limit)) return true;
    return false;
}

}  // namespace

bool phraseMatchesAt(const Phrase& phrase, const std::vector<Word>& words, std::size_t at, std::size_t limit) {
    if (at + phrase.size() > limit) return false;
    for (std::size_t k = 0; k < phrase.size(); ++k)
        if (!wordMatches(phrase[k], words[at + k])) return false;
    return true;
}

PhraseMatcher::PhraseMatcher(const std::vector<const std::vector<Phrase>*>& phrases) {
    for (std::size_t rule = 0; rule < phrases.size(); ++rule) {
        for (const Phrase& p : *phrases[rule]) {
            const PhraseWord& first = p.front();
            const Entry entry{rule, &p};
            switch (first.kind) {
                case PhraseWord::Kind::Exact: m_exact[first.text].push_back(entry); break;
                case PhraseWord::Kind::Prefix: {
                    const unsigned char c = static_cast<unsigned char>(first.text.empty() ? 0 : first.text[0]);
                    m_prefix[c < 128 ? c : 0].push_back(entry);
                    break;
                }
                case PhraseWord::Kind::Number: m_number.push_back(entry); break;
                case PhraseWord::Kind::AnyWord: break;  // refused by the rules reader
            }
        }
    }
}

void PhraseMatcher::matchesAt(const std::vector<Word>& words, std::size_t at, std::size_t limit,
                              std::vector<PhraseMatch>& out) const {
    const Word& w = words[at];
    auto consider = [&](const std::vector<Entry>& entries) {
        for (const Entry& e : entries)
            if (phraseMatchesAt(*e.phrase, words, at, limit)) out.push_back({e.rule, at, at + e.phrase->size()});
    };
    if (auto it = m_exact.find(w.lower); it != m_exact.end()) consider(it->second);
    const unsigned char c = static_cast<unsigned char>(w.lower.empty() ? 0 : w.lower[0]);
    if (c < 128 && !m_prefix[c].empty()) consider(m_prefix[c]);
    if (c >= 128 && !m_prefix[0].empty()) consider(m_prefix[0]);
    if (w.number) consider(m_number);
}

bool cueContextAllows(const CueRule& rule, const std::vector<Word>& words, const Sentence& sentence, std::size_t first,
                      std::size_t end) {
    if (rule.lowerCaseOnly && words[first].capitalised && first != sentence.firstWord) return false;
    const std::size_t window = rule.window;
    auto before = [&](const std::vector<Phrase>& phrases) {
        for (std::size_t k = 0; k < window && first >= sentence.firstWord + k + 1; ++k)
            if (someEndsAt(phrases, words, sentence.firstWord, first - k)) return true;
        return false;
    };
    auto after = [&](const std::vector<Phrase>& phrases) {
        for (std::size_t k = 0; k < window && end + k < sentence.endWord; ++k)
            if (someStartsAt(phrases, words, end + k, sentence.endWord)) return true;
        return false;
    };
    if (!rule.notPrecededBy.empty() && before(rule.notPrecededBy)) return false;
    if (!rule.notFollowedBy.empty() && after(rule.notFollowedBy)) return false;
    if (!rule.precededBy.empty() && !before(rule.precededBy)) return false;
    if (!rule.followedBy.empty() && !after(rule.followedBy)) return false;
    return true;
}

}  // namespace claimmark
