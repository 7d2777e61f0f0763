// cli.cpp — top-level dispatch of the subcommands, `help`, `--help` and `--version`.
#include "cli/cli.h"

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/editor_arguments.h"

#include <exception>
#include <iostream>
#include <new>
#include <vector>

namespace claimmark::cli {

namespace {

struct CommandEntry {
    const char* name;
    int (*run)(const std::vector<std::string>&);
    const char* const* usage;
};

// Only commands this build implements; the help lists exactly these.
const CommandEntry kCommands[] = {
    {"validate", runValidate, &kValidateUsage}, {"stats", runStats, &kStatsUsage},
    {"reanchor", runReanchor, &kReanchorUsage}, {"export", runExport, &kExportUsage},
    {"import", runImport, &kImportUsage},       {"agree", runAgree, &kAgreeUsage},
    {"merge", runMerge, &kMergeUsage},          {"suggest", runSuggest, &kSuggestUsage},
    {"report", runReport, &kReportUsage},       {"intake", runIntake, &kIntakeUsage},
};

const CommandEntry* findCommand(std::string_view name) {
    for (const CommandEntry& command : kCommands)
        if (name == command.name) return &command;
    return nullptr;
}

}  // namespace

bool isCliCommand(std::string_view argument) {
    return findCommand(argument) || argument == "help" || argument == "--help" || argument == "-h" ||
           argument == "--version";
}

std::string usageText(bool editorAvailable) {
    std::string text =
        std::string("claimmark ") + kVersion + " - mark claims, hedges, caveats and evidence in text\n\nusage:\n";
    if (editorAvailable) {
        text +=
            "  claimmark [open] ARTICLE [--set SET.json] [--annotator NAME] [--schema SCHEMA.json]\n"
            "                                      open ARTICLE in the editor\n"
            "  claimmark [open] DIR [--annotator NAME]\n"
            "                                      the project in DIR: documents, reviewers' status\n"
            "  claimmark adjudicate ARTICLE SET.json SET.json... [--set GOLD.json] [--annotator NAME]\n"
            "                                      settle reviewers' differences into a gold set\n";
    }
    text +=
        "  claimmark validate SET.json...      check sets against their schema and article\n"
        "  claimmark stats SET.json... [--json]\n"
        "                                      count annotations per label, attribute value,\n"
        "                                      relation type and origin\n"
        "  claimmark reanchor SET.json -o NEW.json [--force]\n"
        "                                      place annotations again after the article changed\n"
        "  claimmark export --to FORMAT [--offsets codepoint|utf16|byte] SET.json... -o OUT\n"
        "                                      write a dataset for other tools (jsonl, brat, conll,\n"
        "                                      w3c, csv, labelstudio, doccano, claimreview)\n"
        "  claimmark import --from FORMAT INPUT... -o SET.json|DIR [--lenient]\n"
        "                                      read brat, labelstudio, doccano, w3c or jsonl\n"
        "  claimmark agree SET.json SET.json... [--json] | agree DIR\n"
        "                                      agreement between reviewers of the same article\n"
        "  claimmark merge SET.json SET.json... -o GOLD.json [--strategy majority|union|intersection]\n"
        "                                      build a gold set; disagreements kept as disputed\n"
        "  claimmark suggest ARTICLE (-o SET.json | --into SET.json) [--rules RULES.json]\n"
        "                                      pre-mark hedges, caveats, evidence and claims\n"
        "  claimmark report SET.json... | DIR [-o REPORT.html|.md|.json] [--json | --md]\n"
        "                                      where claims' strength outruns their evidence\n"
        "  claimmark intake SOURCE -o ARTICLE.txt [--force]\n"
        "                                      a web page, PDF, DOCX, ODT, Markdown file or URL made\n"
        "                                      into an article, with ARTICLE.source.json\n"
        "  claimmark help [COMMAND]            this text, or a command's help\n"
        "  claimmark --version                 print the version\n"
        "\n"
        "Every command takes --help. Exit status: 0 success, 1 bad input, 2 usage error.\n";
    return text;
}

int runCli(int argc, char** argv, bool editorAvailable) {
    if (argc < 2) {
        std::cerr << usageText(editorAvailable);
        return kExitUsage;
    }
    const std::string_view name = argv[1];
    std::vector<std::string> rest(argv + 2, argv + argc);

    if (name == "--version") {
        if (!rest.empty()) return usageError("--version", "takes no arguments");
        std::cout << "claimmark " << kVersion << '\n';
        return kExitOk;
    }
    if (name == "--help" || name == "-h") {
        std::cout << usageText(editorAvailable);
        return kExitOk;
    }
    if (name == "help") {
        if (rest.empty() || rest[0] == "--help" || rest[0] == "-h") {
            std::cout << usageText(editorAvailable);
            return kExitOk;
        }
        if (const CommandEntry* command = findCommand(rest[0])) {
            std::cout << *command->usage;
            return kExitOk;
        }
        if (editorAvailable && rest[0] == "open") {
            std::cout << kEditorUsage;
            return kExitOk;
        }
        if (editorAvailable && rest[0] == "adjudicate") {
            std::cout << kAdjudicateUsage;
            return kExitOk;
        }
        std::cerr << "claimmark help: no command '" << rest[0] << "'\nsee 'claimmark --help'\n";
        return kExitUsage;
    }
    if (const CommandEntry* command = findCommand(name)) {
        // Last line of defence: core reports bad input as diagnostics, but an exception that
        // escapes anyway ends the command with a message, not an abort.
        try {
            return command->run(rest);
        } catch (const std::bad_alloc&) {
            std::cerr << "claimmark " << name << ": not enough memory\n";
        } catch (const std::exception& e) {
            std::cerr << "claimmark " << name << ": internal error: " << e.what() << '\n';
        }
        return kExitBadInput;
    }

    std::cerr << "claimmark: unknown command '" << name << "'\nsee 'claimmark --help'\n";
    return kExitUsage;
}

}  // namespace claimmark::cli
