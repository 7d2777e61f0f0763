// editor_arguments.cpp — see editor_arguments.h.
#include "cli/editor_arguments.h"

#include "core/team/project_layout.h"

#include "cli/arguments.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace claimmark::cli {

#define CLAIMMARK_ADJUDICATE_USAGE                                                                    \
    "usage: claimmark adjudicate ARTICLE SET.json SET.json... [--set GOLD.json] [--annotator NAME]\n" \
    "\n"                                                                                              \
    "Opens the adjudication view: every reviewer's annotations of ARTICLE side by side, to\n"         \
    "accept, reject or edit into a gold set.\n"                                                       \
    "\n"                                                                                              \
    "  --set GOLD.json        the gold set to build (default: annotations/<article>/gold.json;\n"     \
    "                         created from a majority merge when it does not exist)\n"                \
    "  --annotator NAME       the gold set's annotator (default: gold)\n"

const char* const kAdjudicateUsage = CLAIMMARK_ADJUDICATE_USAGE;

const char* const kEditorUsage =
    "usage: claimmark [open] ARTICLE [--set SET.json] [--annotator NAME] [--schema SCHEMA.json]\n"
    "                        [--rules RULES.json]\n"
    "       claimmark [open] DIR [--annotator NAME] [--schema SCHEMA.json]\n"
    "\n"
    "Opens ARTICLE (a UTF-8 text file) in the editor, or the project in folder DIR: its\n"
    "articles (*.txt there and in samples/) with each reviewer's status and counts, from\n"
    "annotations/<article>/<reviewer>.json. Enter opens the selected article as you.\n"
    "\n"
    "  --set SET.json         the annotation set to open or create (default: the set for\n"
    "                         this article and annotator)\n"
    "  --annotator NAME       who is annotating (default: your login name)\n"
    "  --schema SCHEMA.json   label schema for a new set (default: the built-in\n"
    "                         claim-strength schema)\n"
    "  --rules RULES.json     suggestion rules for Suggest (Ctrl+G) (default: the built-in\n"
    "                         samples/rules/claim-strength.en.json)\n"
    "\n" CLAIMMARK_ADJUDICATE_USAGE;

namespace {

// A word like "exprot" is a mistyped command far more often than an article named so.
bool looksLikeCommandWord(const std::string& word) {
    if (word.find_first_of("/.\\") != std::string::npos) return false;
    std::error_code error;
    return !std::filesystem::exists(word, error);
}

}  // namespace

namespace {

// `claimmark adjudicate ARTICLE SET.json SET.json... [--set GOLD.json] [--annotator NAME]`
EditorCommandLine parseAdjudicateArguments(const std::vector<std::string>& arguments) {
    EditorCommandLine line;
    ParsedArguments parsed = parseArguments(arguments, {{"--set", "", true}, {"--annotator", "", true}});
    if (parsed.help) {
        line.help = true;
        return line;
    }
    if (!parsed.error.empty()) {
        line.error = "adjudicate: " + parsed.error;
        return line;
    }
    if (parsed.positional.empty()) {
        line.error = "adjudicate: no article given";
        return line;
    }
    if (parsed.positional.size() < 3) {
        line.error = "adjudicate: needs the sets of at least two reviewers (got " +
                     std::to_string(parsed.positional.size() - 1) + ")";
        return line;
    }
    app::EditorOptions& options = line.options;
    options.mode = app::EditorMode::Adjudicate;
    options.article = parsed.positional.front();
    options.reviewerSets.assign(parsed.positional.begin() + 1, parsed.positional.end());
    options.annotator = "gold";
    if (const std::string* annotator = parsed.value("--annotator")) {
        if (annotator->empty()) {
            line.error = "adjudicate: --annotator needs a name";
            return line;
        }
        options.annotator = *annotator;
    }
    if (const std::string* set = parsed.value("--set")) {
        if (set->empty()) {
            line.error = "adjudicate: --set needs a file name";
            return line;
        }
        options.setPath = *set;
    } else {
        options.setPath = defaultSetPath(options.article, "gold");
    }
    return line;
}

bool isFolder(const std::string& path) {
    std::error_code error;
    return std::filesystem::is_directory(path, error);
}

}  // namespace

EditorCommandLine parseEditorArguments(const std::vector<std::string>& arguments) {
    if (!arguments.empty() && arguments.front() == "adjudicate")
        return parseAdjudicateArguments(std::vector<std::string>(arguments.begin() + 1, arguments.end()));

    EditorCommandLine line;
    std::vector<std::string> rest = arguments;
    bool explicitOpen = !rest.empty() && rest.front() == "open";
    if (explicitOpen) rest.erase(rest.begin());

    ParsedArguments parsed = parseArguments(
        rest, {{"--set", "", true}, {"--annotator", "", true}, {"--schema", "", true}, {"--rules", "", true}});
    if (parsed.help) {
        line.help = true;
        return line;
    }
    if (!explicitOpen && !parsed.positional.empty() && parsed.positional.front() == arguments.front() &&
        looksLikeCommandWord(parsed.positional.front())) {
        line.error = "unknown command '" + parsed.positional.front() + "' (and no such file)";
        return line;
    }
    if (!parsed.error.empty()) {
        line.error = parsed.error;
        return line;
    }
    if (parsed.positional.empty()) {
        line.error = "no article given";
        return line;
    }
    if (parsed.positional.size() > 1) {
        line.error = "one article at a time (got '" + parsed.positional[1] + "' too)";
        return line;
    }

    if (isFolder(parsed.positional.front())) {
        // A project: each reviewer's set is annotations/<article>/<name>.json, so one --set
        // cannot name them.
        if (parsed.value("--set")) {
            line.error = "--set names one article's set; a project folder has one per article and reviewer";
            return line;
        }
        line.options.mode = app::EditorMode::Project;
        line.options.projectRoot = parsed.positional.front();
    } else {
        line.options.article = parsed.positional.front();
    }
    if (const std::string* set = parsed.value("--set")) {
        if (set->empty()) {
            line.error = "--set needs a file name";
            return line;
        }
        line.options.setPath = *set;
    }
    if (const std::string* schema = parsed.value("--schema")) {
        if (schema->empty()) {
            line.error = "--schema needs a file name";
            return line;
        }
        line.options.schema = *schema;
    }
    if (const std::string* rules = parsed.value("--rules")) {
        if (rules->empty()) {
            line.error = "--rules needs a file name";
            return line;
        }
        line.options.rules = *rules;
    }
    if (const std::string* annotator = parsed.value("--annotator")) {
        if (annotator->empty()) {
            line.error = "--annotator needs a name";
            return line;
        }
        line.options.annotator = *annotator;
    } else {
        line.options.annotator = defaultAnnotatorName();
    }
    return line;
}

}  // namespace claimmark::cli
