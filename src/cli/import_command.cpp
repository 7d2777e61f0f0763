// import_command.cpp — `claimmark import --from FORMAT INPUT... -o SET.json|DIR`: read
// another tool's annotations into claimmark sets.
//
// The importer checks every span against the text; without --lenient any problem fails the
// whole import (all problems listed), with it bad items are skipped and listed. The output
// is planned completely (sets, article files) and checked against what is on disk before
// anything is written, then written all at once (export_writer.h): never half an output.
#include "cli/arguments.h"
#include "cli/cli.h"
#include "cli/commands.h"

#include "core/exchange/exchange.h"
#include "core/exchange/export_writer.h"
#include "core/storage/file_io.h"
#include "core/team/project_layout.h"
#include "core/storage/set_file.h"

#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <system_error>

namespace claimmark::cli {

namespace fs = std::filesystem;

namespace {

std::string usageText() {
    std::ostringstream out;
    out << "usage: claimmark import --from FORMAT INPUT... -o SET.json|DIR [--lenient]\n"
           "                        [--annotator NAME] [--article ARTICLE] [--force]\n"
           "\n"
           "Reads annotations made with another tool into claimmark annotation sets. Every span\n"
           "is checked against the text (offsets in range and on character boundaries, stated\n"
           "text equal to the covered text); any problem fails the import and is listed with\n"
           "file and line (or JSON path). Labels, attributes and relation types the schema lacks\n"
           "are added to the set's embedded schema, and each addition is reported.\n"
           "\n"
           "  --from FORMAT       the input format (below)\n"
           "  -o, --output OUT    SET.json: one document; the set is written there and, when the\n"
           "                      input carried the text, the article beside it as <SET>.txt.\n"
           "                      DIR: any number of documents, laid out as a project:\n"
           "                      DIR/samples/<stem>.txt (each article once, copied in; several\n"
           "                      annotators of one text share it) and\n"
           "                      DIR/annotations/<stem>/<annotator>.json, so the folder opens,\n"
           "                      agrees and exports at once (brat's .txt is copied in too).\n"
           "  --lenient           skip bad items (listed under \"skipped (--lenient):\"), keep the rest\n"
           "  --annotator NAME    the annotator of the new sets (default: what the input says,\n"
           "                      else \"imported\")\n"
           "  --article ARTICLE   the article, for inputs that do not carry the text (w3c,\n"
           "                      webanno-tsv without its <stem>.txt)\n"
           "  --force             overwrite existing set files\n"
           "\n"
           "formats:\n";
    for (const ImportFormat& format : importFormats()) {
        std::string name = format.name;
        name.resize(std::max<std::size_t>(name.size() + 1, 13), ' ');
        out << "  " << name << format.description << '\n';
    }
    out << "\n"
           "Exit status: 0 imported, 1 bad input or the output could not be written (nothing\n"
           "is written then), 2 usage error.\n";
    return out.str();
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

bool endsWithJson(const std::string& name) { return name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0; }

fs::path absolutePath(const fs::path& path) {
    std::error_code error;
    return fs::absolute(path, error).lexically_normal();
}

// What will be written for one document, relative to the output root.
struct Planned {
    std::vector<ExportFile> files;
    Diagnostics problems;
    std::size_t annotations = 0, relations = 0;  // in the sets planned
};

// Plans the article file (when the text must be written out) and the set for `document`.
// `articleRelative` / `setRelative` are relative to `root`.
// `copyArticle`: the article goes to `articleRelative` even when the input named a file of
// its own (a project holds its articles); `alreadyPlanned`: another annotator's set of the
// same text has planned that file in this run.
void planDocument(ImportedDocument& document, const fs::path& root, const std::string& articleRelative,
                  const std::string& setRelative, bool force, bool copyArticle, bool alreadyPlanned, Planned& plan) {
    std::error_code error;
    const fs::path setPath = root / setRelative;
    fs::path articlePath = document.articlePath;
    if (articlePath.empty() || copyArticle) {
        articlePath = root / articleRelative;
        if (alreadyPlanned) {
            // Written once for every annotator of this text.
        } else if (fs::exists(articlePath, error)) {
            Result<std::string> existing = readFileBytes(articlePath);
            if (!existing || *existing != document.text) {
                plan.problems.push_back(Diagnostic{
                    articlePath.string(), "",
                    "already exists with a different text than the one " + document.set.annotator +
                        "'s annotations were made on; refusing to replace it (annotators' copies of an article must "
                        "be byte-identical; move it away or choose another -o)"});
                return;
            }
            // The same text is already there (another annotator's import): the set refers to it.
        } else {
            plan.files.push_back(ExportFile{articleRelative, document.text});
        }
    }
    if (fs::exists(setPath, error) && !force) {
        plan.problems.push_back(Diagnostic{setPath.string(), "", "already exists; add --force to overwrite it"});
        return;
    }
    document.set.document.path = relativeDocumentPath(absolutePath(setPath), absolutePath(articlePath));
    // The set is not needed once it is text: it goes before the text is read back.
    plan.annotations += document.set.annotationCount();
    plan.relations += document.set.relationCount();
    Result<std::string> text = serializeSetChecked(std::move(document.set), setPath.string());
    if (!text) {
        for (const Diagnostic& d : text.errors()) plan.problems.push_back(d);
        return;
    }
    plan.files.push_back(ExportFile{setRelative, std::move(*text)});
}

}  // namespace

const std::string kImportUsageText = usageText();
const char* const kImportUsage = kImportUsageText.c_str();

int runImport(const std::vector<std::string>& arguments) {
    ParsedArguments parsed = parseArguments(arguments, {{"--from", "", true},
                                                        {"--output", "-o", true},
                                                        {"--lenient", "", false},
                                                        {"--annotator", "", true},
                                                        {"--article", "", true},
                                                        {"--force", "", false}});
    if (parsed.help) {
        std::cout << kImportUsage;
        return kExitOk;
    }
    if (!parsed.error.empty()) return usageError("import", parsed.error);
    const std::string* formatName = parsed.value("--from");
    if (!formatName) return usageError("import", "missing --from FORMAT");
    const ImportFormat* format = findImportFormat(*formatName);
    if (!format) {
        std::string names;
        for (const ImportFormat& f : importFormats()) names += (names.empty() ? "" : ", ") + std::string(f.name);
        return usageError("import", "unknown format '" + *formatName + "' (one of: " + names + ")");
    }
    const std::string* outName = parsed.value("--output");
    if (!outName) return usageError("import", "missing -o SET.json or -o DIR");
    if (outName->empty()) return usageError("import", "-o needs a file or folder name");
    if (parsed.positional.empty()) return usageError("import", "no input given");
    ImportOptions options;
    options.lenient = parsed.has("--lenient");
    if (const std::string* annotator = parsed.value("--annotator")) {
        if (annotator->empty()) return usageError("import", "--annotator needs a name");
        options.annotator = *annotator;
    }
    if (!readArticleOption(parsed, options.article)) return usageError("import", "--article needs a file name");
    const bool force = parsed.has("--force");

    std::vector<fs::path> inputs(parsed.positional.begin(), parsed.positional.end());
    Result<ImportOutput> imported = runImportFormat(*format, inputs, options);
    if (!imported) {
        printDiagnostics(imported.errors());
        std::cerr << "nothing imported" << (options.lenient ? "" : " (--lenient skips bad items and keeps the rest)")
                  << '\n';
        return kExitBadInput;
    }
    ImportOutput& output = *imported;
    for (const std::string& notice : output.notices) std::cerr << notice << '\n';
    if (!output.skipped.empty()) {
        std::cerr << "skipped (--lenient):\n";
        for (const Diagnostic& d : output.skipped) std::cerr << "  " << d.toString() << '\n';
    }
    if (output.documents.empty()) {
        std::cerr << "no documents to import; nothing written\n";
        return kExitBadInput;
    }

    // Plan every file, then write them all or nothing.
    Planned plan;
    fs::path root;
    if (endsWithJson(*outName)) {
        if (output.documents.size() != 1) {
            std::cerr << *outName << ": the input holds " << output.documents.size()
                      << " documents and one set file holds one; use -o DIR to write them all\n";
            return kExitBadInput;
        }
        const fs::path setPath = absolutePath(*outName);
        root = setPath.parent_path();
        planDocument(output.documents.front(), root, setPath.stem().string() + ".txt", setPath.filename().string(),
                     force, false, false, plan);
    } else {
        root = absolutePath(*outName);
        std::error_code error;
        if (fs::exists(root, error) && !fs::is_directory(root, error)) {
            std::cerr << *outName << ": exists and is not a folder (name a folder, or a set file ending in .json)\n";
            return kExitBadInput;
        }
        // A project: each article once in samples/<stem>.txt, each annotator's set of it in
        // annotations/<stem>/<annotator>.json. Several annotators of the same text share the
        // article; another text of the same name gets <stem>-2.
        std::map<std::string, const std::string*> textOfStem;
        std::set<std::string> setsPlanned;
        for (ImportedDocument& document : output.documents) {
            const std::string base = sanitizeFileName(document.stem, "document");
            const std::string annotator = sanitizeFileName(document.set.annotator, "imported");
            std::string stem = base;
            for (int n = 2;; ++n) {
                auto it = textOfStem.find(stem);
                const bool free = it == textOfStem.end() ||
                                  (*it->second == document.text && !setsPlanned.count(stem + "/" + annotator));
                if (free) break;
                stem = base + "-" + std::to_string(n);
            }
            const bool planned = textOfStem.count(stem) > 0;
            textOfStem.emplace(stem, &document.text);
            setsPlanned.insert(stem + "/" + annotator);
            planDocument(document, root, "samples/" + stem + ".txt", "annotations/" + stem + "/" + annotator + ".json",
                         force, true, planned, plan);
        }
    }
    if (!plan.problems.empty()) {
        printDiagnostics(plan.problems);
        std::cerr << "nothing written\n";
        return kExitBadInput;
    }
    Status written = writeFilesIntoFolder(root, plan.files);
    if (!written) {
        std::cerr << written.error << "\nnothing written\n";
        return kExitBadInput;
    }

    const std::size_t annotations = plan.annotations, relations = plan.relations;
    std::cerr << "imported " << plural(output.documents.size(), "document", "documents") << " ("
              << plural(annotations, "annotation", "annotations") << ", " << plural(relations, "relation", "relations");
    if (!output.skipped.empty()) std::cerr << ", " << plural(output.skipped.size(), "item", "items") << " skipped";
    std::cerr << ")\n";
    if (endsWithJson(*outName)) std::cerr << "wrote " << *outName << '\n';
    else std::cerr << "wrote " << plural(plan.files.size(), "file", "files") << " to " << *outName << '\n';
    return kExitOk;
}

}  // namespace claimmark::cli
