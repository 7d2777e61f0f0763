// pdf_extract.h — a PDF's text to an ExtractedArticle (poppler-cpp).
//
// Text with its positions; lines rejoined into paragraphs (vertical gaps, indentation);
// end-of-line hyphenation undone where the joined word is a word; running headers, footers
// and page numbers (lines repeated on most pages) dropped; two-column pages read column by
// column; title and author from the document info. An encrypted, image-only, truncated or
// otherwise unreadable PDF is an error naming `sourceName` and what is wrong.
#pragma once

#include "core/diagnostic.h"
#include "core/intake/extracted_article.h"

#include <string>
#include <string_view>

namespace claimmark::intake {

Result<ExtractedArticle> extractPdf(std::string_view bytes, const std::string& sourceName);

}  // namespace claimmark::intake
