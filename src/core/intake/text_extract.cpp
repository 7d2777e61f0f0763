// text_extract.cpp — see text_extract.h.
#include "core/intake/text_extract.h"

#include "core/storage/json_input.h"
#include "core/text/utf8.h"

namespace claimmark::intake {

Result<ExtractedArticle> extractPlainText(std::string_view bytes, const std::string& sourceName) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (const auto bad = utf8::findInvalid(bytes))
        return Diagnostic{sourceName, jsonPlace(bytes, bad->byteOffset),
                          std::string("not UTF-8 text (") + bad->reason + ")"};
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start <= bytes.size();) {
        std::size_t end = bytes.find('\n', start);
        if (end == std::string_view::npos) end = bytes.size();
        std::string_view line = bytes.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    const auto blank = [](std::string_view line) {
        return line.find_first_not_of(" \t\f\v") == std::string_view::npos;
    };
    bool anyBlank = false;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) anyBlank |= blank(lines[i]);
    ExtractedArticle article;
    std::string paragraph;
    const auto flush = [&] {
        if (!paragraph.empty()) article.blocks.push_back(Block{BlockKind::Paragraph, 0, std::move(paragraph)});
        paragraph.clear();
    };
    for (std::string_view line : lines) {
        if (blank(line)) {
            flush();
            continue;
        }
        if (!paragraph.empty()) paragraph += ' ';
        paragraph += line;
        if (!anyBlank) flush();
    }
    flush();
    return article;
}

}  // namespace claimmark::intake
