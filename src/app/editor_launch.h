// editor_launch.h — how main.cpp opens the editor: the parsed command line, and the entry.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace claimmark::app {

struct EditorOptions {
    std::filesystem::path article;                 // the article to open (required)
    std::optional<std::filesystem::path> setPath;  // --set; default: see defaultSetPath()
    std::string annotator;                         // --annotator; default: login name
    std::optional<std::filesystem::path> schema;   // --schema; default: built-in schema
};

// Opens the editor window; returns the process exit code (0 normal close, 1 if the
// window could not be created, e.g. no display).
int runEditor(const EditorOptions& options);

}  // namespace claimmark::app
