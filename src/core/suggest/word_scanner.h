// word_scanner.h — the words of a text as the suggestion rules see them: runs of letters and
// digits, joined across an inner hyphen, apostrophe (' or ’) or slash, and across "." or ","
// between digits ("2.5", "1,000"). Each word keeps its code point and byte range and a
// lower-case copy (ASCII letters folded; other letters kept as they are).
#pragma once

#include "core/text/document.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace claimmark {

struct Word {
    std::size_t cpStart = 0, cpEnd = 0;      // code points, end exclusive
    std::size_t byteStart = 0, byteEnd = 0;  // bytes of the document
    std::string_view lower;                  // into *ScannedWords::lowerText
    bool capitalised = false;                // the first letter is an upper-case ASCII letter
    bool number = false;                     // starts with a digit
};

struct ScannedWords {
    // The lower-case copies, back to back. On the heap, owned here: the words' views stay
    // valid when ScannedWords is moved or copied (a short std::string keeps its characters
    // inside itself, and a move would leave the views pointing at the old object).
    std::shared_ptr<const std::string> lowerText;
    std::vector<Word> words;
};

ScannedWords scanWords(const Document& document);
// The same for a piece of text on its own (offsets from its start); for tests.
ScannedWords scanWords(std::string_view utf8);

}  // namespace claimmark
