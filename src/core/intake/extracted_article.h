// extracted_article.h — what every intake extractor (html/, pdf/, docx/, markdown/) gives:
// the article as blocks, and the metadata the source declares.
//
// [SECTION] Blocks
//   A block is a heading, a paragraph, a list item or a table row, with its text as the
//   source has it (inline markup joined, entities decoded, any white space). A '\n' inside a
//   block's text is a line break the source asked for (<br>, a hard break, a soft-return in
//   Word); everything else is left to article_text.h, which makes the one canonical text.
// [SECTION] Metadata
//   Only what the source states: a field it does not give stays empty; nothing is guessed
//   from the text.
#pragma once

#include <string>
#include <vector>

namespace claimmark::intake {

// --- [SECTION] Blocks --------------------------------------------------------------------

enum class BlockKind { Heading, Paragraph, ListItem, TableRow };

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    int level = 0;     // heading level 1-6; list nesting depth (0 = top level)
    std::string text;  // UTF-8; for a table row, the cells' texts joined by '\t'
};

// --- [SECTION] Metadata ------------------------------------------------------------------

struct SourceMetadata {
    std::string url;  // canonical URL the source declares (<link rel="canonical">, og:url)
    std::string title;
    std::string author;     // several authors joined by ", "
    std::string published;  // as the source gives it (ISO 8601 where it does)
    std::string publisher;  // organisation or site name
    std::string language;   // BCP 47 tag where declared (<html lang>, dc:language)
};

struct ExtractedArticle {
    std::vector<Block> blocks;
    SourceMetadata metadata;
    std::vector<std::string> notes;  // what the extractor decided that a user may want to know
};

}  // namespace claimmark::intake
