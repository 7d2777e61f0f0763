// article_text.cpp — see article_text.h.
#include "core/intake/article_text.h"

#include "core/text/utf8.h"

#include <algorithm>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace claimmark::intake {

namespace {

// Characters that carry nothing a reader sees: dropped.
bool isInvisible(char32_t cp) {
    return cp == 0x00AD     // soft hyphen
           || cp == 0x200B  // zero-width space
           || cp == 0x2060  // word joiner
           || cp == 0xFEFF  // BOM / zero-width no-break space
           || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp < 0xA0);
}

bool isSpace(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 ||
           u_charType(static_cast<UChar32>(cp)) == U_SPACE_SEPARATOR;
}

bool isLineBreak(char32_t cp) { return cp == '\n' || cp == 0x2028 || cp == 0x2029; }

}  // namespace

std::string toNfc(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return std::string(text);  // ICU's data is built in; cannot happen
    const icu::UnicodeString source =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    if (nfc->isNormalized(source, status) && U_SUCCESS(status)) return std::string(text);
    status = U_ZERO_ERROR;
    const icu::UnicodeString normalized = nfc->normalize(source, status);
    if (U_FAILURE(status)) return std::string(text);
    std::string out;
    normalized.toUTF8String(out);
    return out;
}

std::string normalizeBlockText(std::string_view text) {
    // Lines first (white space collapsed, ends trimmed), then NFC over the whole block.
    std::string out;
    out.reserve(text.size());
    bool pendingSpace = false, pendingBreak = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t cp = utf8::decode(text, pos);
        if (isInvisible(cp)) continue;
        if (isLineBreak(cp)) {
            pendingBreak = !out.empty();
            pendingSpace = false;
            continue;
        }
        if (isSpace(cp)) {
            pendingSpace = !out.empty() && !pendingBreak;
            continue;
        }
        if (pendingBreak) out += '\n';
        else if (pendingSpace) out += ' ';
        pendingBreak = pendingSpace = false;
        utf8::append(out, cp);
    }
    return toNfc(out);
}

std::string articleText(const std::vector<Block>& blocks) {
    std::string out;
    BlockKind previous = BlockKind::Paragraph;
    for (const Block& block : blocks) {
        std::string text;
        if (block.kind == BlockKind::TableRow) {
            // Cells are separated by '\t' in the block; each cell is normalised on its own.
            std::size_t start = 0;
            bool any = false;
            for (;;) {
                const std::size_t tab = block.text.find('\t', start);
                std::string cell =
                    normalizeBlockText(std::string_view(block.text)
                                           .substr(start, tab == std::string::npos ? std::string::npos : tab - start));
                for (char& c : cell)
                    if (c == '\n') c = ' ';
                if (any) text += " | ";
                text += cell;
                any = true;
                if (tab == std::string::npos) break;
                start = tab + 1;
            }
            // A row of empty cells is an empty row.
            if (text.find_first_not_of(" |") == std::string::npos) text.clear();
        } else {
            text = normalizeBlockText(block.text);
        }
        if (text.empty()) continue;
        if (block.kind == BlockKind::ListItem) {
            const std::string indent(static_cast<std::size_t>(std::max(block.level, 0)) * 2, ' ');
            std::string item = indent + "- ";
            for (char c : text) {
                item += c;
                if (c == '\n') item += indent + "  ";  // a line break inside an item stays in it
            }
            text = std::move(item);
        }
        // Items of one list, and rows of one table, are consecutive lines.
        const bool sameRun =
            block.kind == previous && (block.kind == BlockKind::ListItem || block.kind == BlockKind::TableRow);
        if (!out.empty()) out += sameRun ? "\n" : "\n\n";
        out += text;
        previous = block.kind;
    }
    if (!out.empty()) out += '\n';
    return out;
}

}  // namespace claimmark::intake
