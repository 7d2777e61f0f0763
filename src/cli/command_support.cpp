// command_support.cpp — helpers shared by the subcommands (see commands.h).
#include "cli/commands.h"

#include "core/storage/set_file.h"

#include <iostream>
#include <system_error>

namespace claimmark::cli {

bool readArticleOption(const ParsedArguments& parsed, std::optional<std::filesystem::path>& article) {
    const std::string* named = parsed.value("--article");
    if (!named) return true;
    if (named->empty()) return false;
    article = std::filesystem::path(*named);
    return true;
}

void printDiagnostics(const Diagnostics& diagnostics) {
    for (const Diagnostic& diagnostic : diagnostics) std::cerr << diagnostic.toString() << '\n';
}

Result<Document> loadArticleForSet(const std::filesystem::path& setPath, const AnnotationSet& set,
                                   const std::optional<std::filesystem::path>& explicitArticle) {
    if (explicitArticle) return Document::loadFile(*explicitArticle);  // named by the user: trusted
    if (set.document.path.empty())
        return Diagnostic{setPath.string(), "document.path", "names no article (name it with --article)"};
    Result<std::filesystem::path> article = trustedDocumentPath(setPath, set);
    if (!article) return article.errors();
    std::error_code error;
    if (!std::filesystem::exists(*article, error)) {
        return Diagnostic{setPath.string(), "document.path",
                          "article not found: " + article->string() + " (document.path \"" + set.document.path + "\")"};
    }
    return Document::loadFile(*article);
}

std::string excerpt(std::string_view text, std::size_t maxCodePoints) {
    std::string out;
    std::size_t codePoints = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        if (codePoints == maxCodePoints) {
            out += "\xE2\x80\xA6";  // …
            break;
        }
        unsigned char c = static_cast<unsigned char>(text[i]);
        std::size_t length = 1;
        if (c >= 0xF0) length = 4;
        else if (c >= 0xE0) length = 3;
        else if (c >= 0xC0) length = 2;
        length = std::min(length, text.size() - i);
        if (c == '\n' || c == '\r' || c == '\t') out += ' ';
        else out.append(text.substr(i, length));
        i += length;
        ++codePoints;
    }
    return out;
}

}  // namespace claimmark::cli
