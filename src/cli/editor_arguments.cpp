// editor_arguments.cpp — see editor_arguments.h.
#include "cli/editor_arguments.h"

#include "core/project_layout.h"

#include "cli/arguments.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace claimmark::cli {

const char* const kEditorUsage =
    "usage: claimmark [open] ARTICLE [--set SET.json] [--annotator NAME] [--schema SCHEMA.json]\n"
    "\n"
    "Opens ARTICLE (a UTF-8 text file) in the editor.\n"
    "\n"
    "  --set SET.json         the annotation set to open or create (default: the set for\n"
    "                         this article and annotator)\n"
    "  --annotator NAME       who is annotating (default: your login name)\n"
    "  --schema SCHEMA.json   label schema for a new set (default: the built-in\n"
    "                         claim-strength schema)\n";

namespace {

// A word like "exprot" is a mistyped command far more often than an article named so.
bool looksLikeCommandWord(const std::string& word) {
    if (word.find_first_of("/.\\") != std::string::npos) return false;
    std::error_code error;
    return !std::filesystem::exists(word, error);
}

}  // namespace

EditorCommandLine parseEditorArguments(const std::vector<std::string>& arguments) {
    EditorCommandLine line;
    std::vector<std::string> rest = arguments;
    bool explicitOpen = !rest.empty() && rest.front() == "open";
    if (explicitOpen) rest.erase(rest.begin());

    ParsedArguments parsed = parseArguments(
        rest, {{"--set", "", true}, {"--annotator", "", true}, {"--schema", "", true}});
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

    line.options.article = parsed.positional.front();
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
