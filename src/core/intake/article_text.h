// article_text.h — the one text intake writes: the blocks of an ExtractedArticle made into
// the ARTICLE.txt a reviewer annotates. The same blocks give the same bytes, always.
//
// [SECTION] Normalisation (documented in the README, "Article intake")
//   - Unicode NFC (ICU); invalid UTF-8 never reaches here (extractors convert first).
//   - In a block: every run of white space (space, tab, CR, LF, NBSP, the other Unicode
//     space separators) becomes one space, except a line break the block asked for ('\n'),
//     which stays one '\n'; spaces at either end of a line are dropped; zero-width spaces,
//     soft hyphens, the BOM and other control characters are dropped.
//   - Blocks: one per line (a paragraph is never wrapped), a blank line between blocks;
//     a heading alone on its line; a list item as "- " (two more spaces of indent per
//     nesting level); a table row as its cells joined by " | ". The items of one list and
//     the rows of one table are consecutive lines (no blank line between them). Blocks
//     left empty after normalisation are dropped.
//   - The text ends with exactly one '\n'.
#pragma once

#include "core/intake/extracted_article.h"

#include <string>
#include <string_view>
#include <vector>

namespace claimmark::intake {

// Normalises the text of one block (everything above except the block layout).
std::string normalizeBlockText(std::string_view text);

// Canonical NFC form of UTF-8 text (ICU); the input must be valid UTF-8.
std::string toNfc(std::string_view text);

// The article: every block normalised and laid out as above. Empty when no block has text.
std::string articleText(const std::vector<Block>& blocks);

}  // namespace claimmark::intake
