// main.cpp — one binary: a known subcommand runs the command line (src/cli), anything else
// is the editor's command line `claimmark [open] ARTICLE [options]` (src/app).
#include "cli/cli.h"
#include "cli/editor_arguments.h"

#ifdef CLAIMMARK_HAS_EDITOR
#include "app/editor/editor_launch.h"
#include "core/intake/editor_intake.h"
#endif

#include <iostream>
#include <string>
#include <vector>

namespace {

#ifdef CLAIMMARK_HAS_EDITOR
constexpr bool kEditorAvailable = true;
#else
constexpr bool kEditorAvailable = false;
#endif

}  // namespace

int main(int argc, char** argv) {
    using namespace claimmark;
    if (argc >= 2 && cli::isCliCommand(argv[1])) return cli::runCli(argc, argv, kEditorAvailable);
    if (argc < 2) {
        // No file picker yet: without an article there is nothing to open.
        std::cerr << cli::usageText(kEditorAvailable);
        return cli::kExitUsage;
    }

    cli::EditorCommandLine line = cli::parseEditorArguments(std::vector<std::string>(argv + 1, argv + argc));
    if (!line.error.empty()) {
        std::cerr << "claimmark: " << line.error << "\nsee 'claimmark --help'\n";
        return cli::kExitUsage;
    }
#ifdef CLAIMMARK_HAS_EDITOR
    if (line.help) {
        std::cout << cli::kEditorUsage;
        return cli::kExitOk;
    }
    if (line.options.mode == app::EditorMode::Edit && intake::editorNeedsIntake(line.options.article.string())) {
        // A web page, PDF, Word, OpenDocument or Markdown file, or a URL: intake first, then
        // the editor opens the text it wrote (core/intake/editor_intake.h).
        const std::string source = line.options.article.string();
        Result<intake::EditorIntake> opened = intake::intakeForEditor(source, ".");
        if (!opened) {
            for (const Diagnostic& d : opened.errors()) std::cerr << "claimmark: " << d.toString() << '\n';
            return cli::kExitBadInput;
        }
        for (const std::string& note : opened->notes) std::cerr << "claimmark intake: " << note << '\n';
        std::cout << "claimmark: " << opened->message << '\n';
        line.options.article = opened->articlePath;
        line.options.notices.push_back(opened->message);
    }
    return app::runEditor(line.options);
#else
    std::cerr << "claimmark: this build has no editor (configured with CLAIMMARK_BUILD_EDITOR=OFF); "
                 "see 'claimmark --help' for the commands it has\n";
    return cli::kExitUsage;
#endif
}
