// editor_arguments.h — the editor's command line:
//   claimmark [open] ARTICLE [--set SET.json] [--annotator NAME] [--schema SCHEMA.json]
//   claimmark [open] DIR [--annotator NAME] [--schema SCHEMA.json]      (project view)
//   claimmark adjudicate ARTICLE SET.json SET.json... [--set GOLD.json] [--annotator NAME]
// Parsed here (not in main.cpp) so the rules can be tested without opening a window.
#pragma once

#include "app/editor/editor_launch.h"

#include <string>
#include <vector>

namespace claimmark::cli {

extern const char* const kEditorUsage;      // every editor form (claimmark open --help)
extern const char* const kAdjudicateUsage;  // claimmark help adjudicate

struct EditorCommandLine {
    app::EditorOptions options;
    bool help = false;  // --help / -h was given: print kEditorUsage, exit 0
    std::string error;  // a usage error (exit 2); empty when the line parsed
};

// `arguments` is argv[1..]: an optional leading "open", then the article (or a project
// folder: Project mode) and options; or "adjudicate" and its arguments (Adjudicate mode:
// annotator "gold" and the set annotations/<stem>/gold.json unless given).
// A lone first word that is neither an existing file nor path-like ("exprot") is reported
// as an unknown command rather than a missing article.
EditorCommandLine parseEditorArguments(const std::vector<std::string>& arguments);


}  // namespace claimmark::cli
