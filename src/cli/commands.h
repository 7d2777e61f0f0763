// commands.h — one entry point per subcommand (each in <name>_command.cpp) and the helpers
// they share. `arguments` is the command line after the subcommand's name.
#pragma once

#include "cli/arguments.h"
#include "core/model/annotation_set.h"
#include "core/diagnostic.h"
#include "core/text/document.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimmark::cli {

int runValidate(const std::vector<std::string>& arguments);
int runStats(const std::vector<std::string>& arguments);
int runReanchor(const std::vector<std::string>& arguments);
int runExport(const std::vector<std::string>& arguments);
int runImport(const std::vector<std::string>& arguments);
int runAgree(const std::vector<std::string>& arguments);
int runMerge(const std::vector<std::string>& arguments);
int runSuggest(const std::vector<std::string>& arguments);
int runReport(const std::vector<std::string>& arguments);
int runIntake(const std::vector<std::string>& arguments);

// Usage text of each command, printed by `CMD --help` and `claimmark help CMD`.
extern const char* const kValidateUsage;
extern const char* const kStatsUsage;
extern const char* const kReanchorUsage;
extern const char* const kExportUsage;
extern const char* const kImportUsage;
extern const char* const kAgreeUsage;
extern const char* const kMergeUsage;
extern const char* const kSuggestUsage;
extern const char* const kReportUsage;
extern const char* const kIntakeUsage;

// Reads --article into `article` (left empty when the option is absent); false when it is
// given without a file name, which is a usage error.
bool readArticleOption(const ParsedArguments& parsed, std::optional<std::filesystem::path>& article);

// One diagnostic per line on stderr.
void printDiagnostics(const Diagnostics& diagnostics);

// The article `set` refers to, resolved against `setPath` and held to the trust boundary
// (trustedDocumentPath: inside the project folder or beside the set), or `explicitArticle`
// when the user named one (--article). A missing or refused file is reported against the set
// ("set.json: document.path: article not found: ..."); an unreadable or invalid one with the
// article's own diagnostics (file and byte offset).
Result<Document> loadArticleForSet(const std::filesystem::path& setPath, const AnnotationSet& set,
                                   const std::optional<std::filesystem::path>& explicitArticle = std::nullopt);

// `text` on one line (line breaks and tabs shown as spaces), cut to at most `maxCodePoints`
// code points with "…" when cut. Never splits a UTF-8 sequence.
std::string excerpt(std::string_view text, std::size_t maxCodePoints = 60);

}  // namespace claimmark::cli
