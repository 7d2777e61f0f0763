// editor_launch.h — how main.cpp opens the editor: the parsed command line, and the entry.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace claimmark::app {

enum class EditorMode {
    Edit,        // claimmark [open] ARTICLE [--set SET.json]
    Project,     // claimmark open DIR: the project's documents and reviewers' status
    Adjudicate,  // claimmark adjudicate ARTICLE SET.json SET.json... [--set GOLD.json]
};

struct EditorOptions {
    EditorMode mode = EditorMode::Edit;
    std::filesystem::path projectRoot;                // Project mode
    std::vector<std::filesystem::path> reviewerSets;  // Adjudicate mode: the reviewers' sets
    std::filesystem::path article;                    // the article to open (Edit, Adjudicate)
    std::optional<std::filesystem::path> setPath;     // --set; default: see defaultSetPath()
                                                      // (Adjudicate: the gold set, default
                                                      // annotations/<stem>/gold.json)
    std::string annotator;                            // --annotator; default: login name
    std::optional<std::filesystem::path> schema;      // --schema; default: built-in schema
    std::optional<std::filesystem::path> rules;       // --rules: suggestion rules; default:
                                                      // the built-in rules
    std::vector<std::string> notices;                 // shown as banners when the article
                                                      // opens (e.g. what intake did)
};

// Opens the editor window; returns the process exit code (0 normal close, 1 if the
// window could not be created, e.g. no display).
int runEditor(const EditorOptions& options);

}  // namespace claimmark::app
