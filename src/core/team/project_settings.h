// project_settings.h — claimmark-project.json at a project's root: what the team publishes
// under, so every export of the project says it the same way (README "The project file").
//
//   {"format": "claimmark/project", "version": 1,
//    "claimreview": {"review_url": "https://factcheck.example.org/reviews/{article}",
//                    "publisher": "Example Fact Check",
//                    "publisher_url": "https://factcheck.example.org/"}}
//
// Every key is optional except format and version; an unknown key is an error naming its
// JSON path (a misspelt "reveiw_url" would otherwise be ignored without a word).
#pragma once

#include "core/diagnostic.h"
#include "core/exchange/exchange.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace claimmark {

inline constexpr const char* kProjectSettingsFileName = "claimmark-project.json";
inline constexpr const char* kProjectSettingsFormat = "claimmark/project";
inline constexpr int kProjectSettingsVersion = 1;

struct ProjectSettings {
    std::filesystem::path path;  // the file read
    ReviewPublication review;    // "claimreview"
};

// The nearest claimmark-project.json in `start` (a folder) or a folder above it.
std::optional<std::filesystem::path> findProjectSettingsFile(const std::filesystem::path& start);

Result<ProjectSettings> parseProjectSettings(std::string_view text, const std::string& fileName);
Result<ProjectSettings> loadProjectSettings(const std::filesystem::path& path);

}  // namespace claimmark
