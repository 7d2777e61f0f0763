// cli.h — the `claimmark` subcommands (validate, stats, reanchor) and the top-level help.
//
// main.cpp asks isCliCommand(argv[1]); when true it hands the whole command line to
// runCli(), which returns the process exit code: 0 success, 1 bad input (the message names
// the file, where in it and what), 2 usage error. Results go to stdout, messages to stderr.
#pragma once

#include <string>
#include <string_view>

namespace claimmark::cli {

inline constexpr const char* kVersion = "0.1.0";

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;
inline constexpr int kExitUsage = 2;

// validate, stats, reanchor, help, --help, -h, --version.
bool isCliCommand(std::string_view argument);

// The top-level usage. `editorAvailable` decides whether the editor form is listed, so the
// help never mentions what this build cannot do.
std::string usageText(bool editorAvailable);

// argv[1] must satisfy isCliCommand().
int runCli(int argc, char** argv, bool editorAvailable = false);

}  // namespace claimmark::cli
