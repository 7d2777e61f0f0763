// phrase_matcher.h — finding the rules' phrases among a text's words, fast: phrases are
// indexed by their first word (exact words in a hash map, "word*" prefixes by first
// letter), so each word of the text is looked up once.
#pragma once

#include "core/suggest/sentence_splitter.h"
#include "core/suggest/suggestion_rules.h"
#include "core/suggest/word_scanner.h"

#include <cstddef>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace claimmark {

// Does `phrase` match the words starting at `at` (all inside [at, limit))?
bool phraseMatchesAt(const Phrase& phrase, const std::vector<Word>& words, std::size_t at, std::size_t limit);

struct PhraseMatch {
    std::size_t rule = 0;       // index into the list the matcher was built from
    std::size_t firstWord = 0;  // [firstWord, endWord)
    std::size_t endWord = 0;
};

class PhraseMatcher {
public:
    // `phrases[i]` are the phrases of rule i.
    explicit PhraseMatcher(const std::vector<const std::vector<Phrase>*>& phrases);

    // Every match that starts at word `at` and stays inside [at, limit), as (rule, length),
    // appended to `out`.
    void matchesAt(const std::vector<Word>& words, std::size_t at, std::size_t limit,
                   std::vector<PhraseMatch>& out) const;

private:
    struct Entry {
        std::size_t rule;
        const Phrase* phrase;
    };
    std::unordered_map<std::string_view, std::vector<Entry>> m_exact;
    std::vector<Entry> m_prefix[128];  // by the prefix's first byte (non-ASCII: slot 0)
    std::vector<Entry> m_number;
};

// The conditions of a cue rule around a match of words [first, end) in `sentence`.
bool cueContextAllows(const CueRule& rule, const std::vector<Word>& words, const Sentence& sentence, std::size_t first,
                      std::size_t end);

}  // namespace claimmark
