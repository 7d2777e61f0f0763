// intake_command.cpp — `claimmark intake SOURCE -o ARTICLE.txt [--force] [--timeout S]`: a web
// page, PDF, Word, OpenDocument, Markdown or text file, or an http(s) URL, made into the
// article text and its source record (core/intake/intake.h).
//
// Everything is read and extracted before anything is written: a source that cannot be
// read gives its diagnostics, exit 1, and no file.
#include "cli/arguments.h"
#include "cli/cli.h"
#include "cli/commands.h"

#include "core/intake/intake.h"

#include <charconv>
#include <filesystem>
#include <iostream>

namespace claimmark::cli {

const char* const kIntakeUsage =
    "usage: claimmark intake SOURCE -o ARTICLE.txt [--force] [--timeout SECONDS]\n"
    "\n"
    "Makes SOURCE into an article to annotate: clean UTF-8 text, each paragraph on one line,\n"
    "a blank line between paragraphs, headings on their own line, list items as \"- \" lines.\n"
    "SOURCE is a file (.html, .htm, .md, .pdf, .docx, .odt, .txt) or an http(s):// URL.\n"
    "Writes ARTICLE.txt and, beside it, ARTICLE.source.json: the source's url (the canonical\n"
    "one when the page declares it), title, author, published, publisher, the time it was\n"
    "retrieved, its format, the SHA-256 of its bytes and the extractor's version — only what\n"
    "the source gives. The same source always gives the same text.\n"
    "\n"
    "  -o, --output FILE   the article to write (.txt)\n"
    "  --force             replace an ARTICLE.txt that holds other text (sets made on it are\n"
    "                      re-anchored when next opened)\n"
    "  --timeout SECONDS   for a URL: give up after this long (default 30)\n"
    "\n"
    "Exit status: 0 success, 1 the source could not be read or made into text (nothing is\n"
    "written), 2 usage error.\n";

int runIntake(const std::vector<std::string>& arguments) {
    ParsedArguments parsed =
        parseArguments(arguments, {{"--output", "-o", true}, {"--force", "", false}, {"--timeout", "", true}});
    if (parsed.help) {
        std::cout << kIntakeUsage;
        return kExitOk;
    }
    if (!parsed.error.empty()) return usageError("intake", parsed.error);
    if (parsed.positional.empty()) return usageError("intake", "no source given (a file or an http(s) URL)");
    if (parsed.positional.size() > 1) return usageError("intake", "give one source");
    const std::string* output = parsed.value("--output");
    if (!output || output->empty()) return usageError("intake", "-o ARTICLE.txt is required");
    if (std::filesystem::path(*output).extension() != ".txt")
        return usageError("intake", "-o " + *output + ": the article is a .txt file");

    intake::IntakeOptions options;
    if (const std::string* timeout = parsed.value("--timeout")) {
        long seconds = 0;
        const auto [end, ec] = std::from_chars(timeout->data(), timeout->data() + timeout->size(), seconds);
        if (ec != std::errc() || end != timeout->data() + timeout->size() || seconds < 1 || seconds > 3600)
            return usageError("intake", "--timeout takes whole seconds from 1 to 3600");
        options.fetch.timeout = std::chrono::seconds(seconds);
    }
    const std::string& source = parsed.positional.front();
    Result<intake::IntakeResult> result = intake::intakeSource(source, options);
    if (!result) {
        printDiagnostics(result.errors());
        return kExitBadInput;
    }
    Result<intake::IntakeWrite> written = intake::writeIntake(*result, *output, parsed.has("--force"));
    if (!written) {
        printDiagnostics(written.errors());
        return kExitBadInput;
    }
    for (const std::string& note : result->notes) std::cerr << "claimmark intake: " << note << '\n';
    const std::string record = intake::sourceRecordPath(*output).string();
    if (written->replaced)
        std::cout << "replaced " << *output << " with the new text of " << source << " (and wrote " << record
                  << "); sets made on the old text are re-anchored when next opened\n";
    else if (written->textChanged) std::cout << "wrote " << *output << " and " << record << "\n";
    else std::cout << *output << " already holds this text; wrote " << record << "\n";
    return kExitOk;
}

}  // namespace claimmark::cli
