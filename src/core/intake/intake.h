// intake.h — `claimmark intake SOURCE -o ARTICLE.txt`: a web page, PDF, Word, OpenDocument,
// Markdown or text file, or an http(s) URL, made into the ARTICLE.txt a reviewer annotates
// and the ARTICLE.source.json that says where it came from (README "Article intake").
//
// [SECTION] Sources
//   The format is the file's extension (.html/.htm/.xhtml, .md/.markdown, .pdf, .docx,
//   .odt, .txt); a URL's is its Content-Type. Each format's extractor (html/, pdf/, docx/,
//   markdown/) gives blocks and metadata; article_text.h makes the one canonical text, so
//   the same source always gives the same bytes.
// [SECTION] Writing
//   writeIntake() writes nothing unless the text is one claimmark reads (valid UTF-8 within
//   the article size limit) and not empty; the text first, then the record, each atomically.
//   An existing ARTICLE.txt with other text is replaced only when forced (sets made on it
//   re-anchor when next opened).
#pragma once

#include "core/diagnostic.h"
#include "core/intake/fetch/url_fetch.h"
#include "core/intake/source_record.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimmark::intake {

// --- [SECTION] Sources --------------------------------------------------------------------

enum class SourceFormat { Text, Html, Markdown, Pdf, Docx, Odt };

const char* formatName(SourceFormat format);  // "text", "html", ...
// By extension (case-insensitive); none for anything intake does not read.
std::optional<SourceFormat> formatOfPath(const std::filesystem::path& path);
// By media type ("text/html", "application/pdf", ...); none for anything else.
std::optional<SourceFormat> formatOfContentType(const std::string& mediaType);
// http:// or https:// (case-insensitive scheme).
bool isUrl(std::string_view source);

struct IntakeOptions {
    FetchOptions fetch;
    std::function<std::string()> now;  // the "retrieved" time; UTC now when empty
};

struct IntakeResult {
    std::string text;  // the article
    SourceRecord record;
    std::vector<std::string> notes;  // the extractor's, for the user
};

// The source's bytes read (or fetched) and extracted. Errors name the source.
Result<IntakeResult> intakeSource(const std::string& source, const IntakeOptions& options = {});

// Extraction from bytes already in hand (the file or the fetched page). `httpCharset` and
// `pageUrl` matter for HTML only.
Result<IntakeResult> intakeBytes(std::string_view bytes, SourceFormat format, const std::string& sourceName,
                                 const std::string& httpCharset = "", const std::string& pageUrl = "");

// "claimmark-intake <version> (<library> <version>)" for `format`.
std::string extractorVersion(SourceFormat format);

// --- [SECTION] Writing --------------------------------------------------------------------

struct IntakeWrite {
    bool textChanged = false;  // ARTICLE.txt was written anew (false: it already held this text)
    bool replaced = false;     // it held other text, which was replaced (force)
};

Result<IntakeWrite> writeIntake(const IntakeResult& result, const std::filesystem::path& articlePath, bool force);

}  // namespace claimmark::intake
