// docx_extract.h — Word (.docx) and OpenDocument (.odt) files to an ExtractedArticle
// (libzip for the archive, libxml2 for its XML).
//
// Paragraphs, headings from their styles, list items, tables row by row; title and author
// from docProps/core.xml (meta.xml for ODT). A file that is not a zip, lacks the document
// part, or would inflate beyond the limits (a zip bomb) is an error naming `sourceName`.
#pragma once

#include "core/diagnostic.h"
#include "core/intake/extracted_article.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace claimmark::intake {

// At most this many bytes are inflated from an archive, and at most kMaxInflateRatio times
// the archive's size: past either, the file is refused as a zip bomb.
constexpr std::size_t kMaxInflatedBytes = std::size_t(256) << 20;
constexpr std::size_t kMaxInflateRatio = 200;

Result<ExtractedArticle> extractDocx(std::string_view bytes, const std::string& sourceName);
Result<ExtractedArticle> extractOdt(std::string_view bytes, const std::string& sourceName);

}  // namespace claimmark::intake
