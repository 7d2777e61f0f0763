// text_extract.h — a plain-text file to an ExtractedArticle, so that intake gives a .txt the
// same layout as every other source.
//
// Text with blank lines between paragraphs has each paragraph's lines joined (hard wraps
// undone); text without any blank line keeps each line as its own paragraph. A UTF-8 BOM
// is dropped; text that is not UTF-8 is an error naming the line and column.
#pragma once

#include "core/diagnostic.h"
#include "core/intake/extracted_article.h"

#include <string>
#include <string_view>

namespace claimmark::intake {

Result<ExtractedArticle> extractPlainText(std::string_view bytes, const std::string& sourceName);

}  // namespace claimmark::intake
