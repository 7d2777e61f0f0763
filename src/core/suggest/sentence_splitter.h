// sentence_splitter.h — sentences of an article, for suggestions and the report.
//
// A sentence ends at ".", "!" or "?" (with any closing quotes or brackets) followed by
// white space and a word that does not start in lower case — unless the period closes an
// abbreviation ("e.g.", "Dr.", "vs.", "et al.", an initial) or sits inside a number
// ("2.5"). A line ends a sentence when the next line is blank, is a list item, or does
// not go on in lower case (a heading, a list line or a paragraph per line); a line that
// goes on in lower case is one sentence wrapped.
#pragma once

#include "core/suggest/word_scanner.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace claimmark {

struct Sentence {
    std::size_t cpStart = 0, cpEnd = 0;      // from its first to past its last character
    std::size_t byteStart = 0, byteEnd = 0;  // the same in bytes
    std::size_t firstWord = 0, endWord = 0;  // its words: [firstWord, endWord)
    std::size_t paragraph = 0;               // blank lines separate paragraphs
    char terminal = 0;                       // '.', '!', '?', ':' or ';', or 0 (none)
    bool listItem = false;                   // the line starts with "-", "*", "•" or "1." / "1)"
    std::size_t capitalisedWords = 0;        // words starting with an upper-case letter
    bool question() const { return terminal == '?'; }
    // No closing punctuation, and at most 15 words or mostly capitalised words (a title):
    // a heading, a menu or a list entry.
    bool heading() const {
        const std::size_t n = endWord - firstWord;
        return terminal == 0 && (n <= 15 || capitalisedWords * 2 >= n);
    }
};

std::vector<Sentence> splitSentences(std::string_view utf8, const ScannedWords& words);

}  // namespace claimmark
