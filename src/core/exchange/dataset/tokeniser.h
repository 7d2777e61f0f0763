// tokeniser.h — the tokens of an article as the token-level exports see them (CoNLL and
// Hugging Face token classification), one at a time, without a list of them all.
//
// Token rules (an approximation of Unicode word boundaries that needs no tables):
//   - White space separates tokens and is never part of one.
//   - A token is a maximal run of letters and digits of any script (ASCII letters, digits
//     and '_', and every non-ASCII code point not listed below as punctuation, symbol,
//     mark or ideograph).
//   - Every other character is a token of its own: ASCII punctuation, general punctuation
//     and symbols (quotes, dashes, currency, arrows, emoji...), and each Han ideograph,
//     hiragana or katakana character (those scripts put no spaces between words).
//   - Combining marks (U+0300-036F and the other combining blocks, Arabic and Hebrew
//     points, variation selectors, emoji skin tones) and U+200D ZERO WIDTH JOINER stay with
//     the character before them; the character after a ZWJ joins too (emoji sequences).
// Each token also says whether the CoNLL export ends a sentence after it: at every line end
// (so blank lines and CRLF line ends always break), and after a token . ! ? 。 ！ ？ ؟ or …
// (optionally followed by closing quotes or brackets) when white space follows. The other
// exports split sentences with suggest/sentence_splitter.h and ignore this flag.
#pragma once

#include "core/text/document.h"
#include "core/text/utf8.h"

#include <cstddef>
#include <string>

namespace claimmark::dataset {

// A place in the document in each offset unit.
struct TokenOffsets {
    std::size_t codePoint = 0, utf16 = 0, byte = 0;
};

struct Token {
    TokenOffsets start, end;
    bool sentenceEnd = false;  // the CoNLL sentence rule (above)
};

// The character classes of the rules above.
bool isTokenMark(char32_t cp);       // stays with the character before it
bool isTokenWordChar(char32_t cp);   // extends a run of letters and digits
bool isInvisibleBreak(char32_t cp);  // byte-order mark, zero-width space: like white space
bool isSentenceTerminator(char32_t cp);
bool isClosingPunctuation(char32_t cp);

// The tokens of the document in order: `emit(token)` is called as soon as a token is
// complete. Returns how many there were.
template <class Emit>
std::size_t forEachToken(const Document& document, Emit&& emit) {
    const std::string& bytes = document.bytes();
    std::size_t pos = 0;
    TokenOffsets at;  // where the next character starts
    Token pending;    // the last token so far
    bool havePending = false;
    char32_t pendingFirst = 0;  // its first character
    bool previousEnds = false;  // the token before it ends with a terminator (closers skipped)
    std::size_t count = 0;
    bool open = false;      // the pending token may still grow
    bool inWord = false;    // ... and it is a run of letters/digits
    bool glueNext = false;  // after a ZWJ: the next character joins the token

    // The pending token, skipping closing quotes/brackets back through the tokens before
    // it, is a terminator (only one-character tokens count).
    auto pendingEndsWithTerminator = [&]() {
        if (pending.end.codePoint - pending.start.codePoint != 1) return false;
        return isSentenceTerminator(pendingFirst) || (isClosingPunctuation(pendingFirst) && previousEnds);
    };

    while (pos < bytes.size()) {
        const TokenOffsets before = at;
        const char32_t c = utf8::decode(bytes, pos);
        at.codePoint += 1;
        at.utf16 += c >= 0x10000 ? 2 : 1;
        at.byte = pos;
        if (utf8::isWhiteSpace(c) || isInvisibleBreak(c)) {
            open = inWord = glueNext = false;
            if (havePending && (c == '\n' || pendingEndsWithTerminator())) pending.sentenceEnd = true;
            continue;
        }
        if (open && (glueNext || isTokenMark(c))) {
            pending.end = at;
            glueNext = c == 0x200D;
            continue;
        }
        glueNext = c == 0x200D;
        const bool word = isTokenWordChar(c) && !isTokenMark(c);
        if (open && inWord && word) {
            pending.end = at;
            continue;
        }
        if (havePending) {
            previousEnds = pendingEndsWithTerminator();
            emit(pending);
            ++count;
        }
        pending = Token{before, at};
        pendingFirst = c;
        havePending = true;
        open = true;
        inWord = word;
    }
    if (havePending) {
        pending.sentenceEnd = true;
        emit(pending);
        ++count;
    }
    return count;
}

// One line for documentation (the dataset card): how the text is cut into tokens.
extern const char* const kTokeniserDescription;

}  // namespace claimmark::dataset
