// source_record.h — ARTICLE.source.json: where an article came from, written by intake beside
// the ARTICLE.txt it made (README "Article intake").
//
// [SECTION] The record
//   {"format": "claimmark/source", "version": 1, "url", "title", "author", "published",
//    "publisher", "language", "retrieved", "source", "source_format", "sha256",
//    "extractor"} — keys in that order. Only what the source gives is written: an empty
//   field is left out (nothing is invented). `url` is the canonical URL the page declares,
//   else the URL fetched (after redirects); `source` is the file or URL intake was given;
//   `retrieved` the UTC time of the intake (ISO 8601); `sha256` that of the source's bytes;
//   `extractor` "claimmark-intake <version> (<library> <version>)".
// [SECTION] Reading
//   readSourceRecord() checks the format, version and every key's type and reports each
//   problem with its JSON path; unknown keys are kept and written back.
#pragma once

#include "core/diagnostic.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace claimmark::intake {

inline constexpr const char* kSourceRecordFormat = "claimmark/source";
inline constexpr int kSourceRecordVersion = 1;

// --- [SECTION] The record -----------------------------------------------------------------

struct SourceRecord {
    std::string url;
    std::string title;
    std::string author;
    std::string published;
    std::string publisher;
    std::string language;
    std::string retrieved;
    std::string source;        // the file or URL intake was given
    std::string sourceFormat;  // "html", "markdown", "pdf", "docx", "odt", "text"
    std::string sha256;        // of the source's bytes
    std::string extractor;
    nlohmann::json extra = nlohmann::json::object();  // keys this version does not know
};

// "ARTICLE.source.json" beside "ARTICLE.txt".
std::filesystem::path sourceRecordPath(const std::filesystem::path& articlePath);

std::string sourceRecordToJson(const SourceRecord& record);

// --- [SECTION] Reading --------------------------------------------------------------------

Result<SourceRecord> parseSourceRecord(std::string_view text, const std::string& fileName);
Result<SourceRecord> loadSourceRecord(const std::filesystem::path& path);

}  // namespace claimmark::intake
