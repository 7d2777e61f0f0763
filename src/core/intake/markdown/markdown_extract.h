// markdown_extract.h — a Markdown file to an ExtractedArticle (cmark, CommonMark).
//
// The text without markup: headings, paragraphs, list items (nested), block quotes and
// code blocks as paragraphs, tables' rows where written as such; YAML front matter
// (`title`, `author`, `date`) as metadata. Invalid UTF-8 is an error naming `sourceName`.
#pragma once

#include "core/diagnostic.h"
#include "core/intake/extracted_article.h"

#include <string>
#include <string_view>

namespace claimmark::intake {

Result<ExtractedArticle> extractMarkdown(std::string_view bytes, const std::string& sourceName);

}  // namespace claimmark::intake
