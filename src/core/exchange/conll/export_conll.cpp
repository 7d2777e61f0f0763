// export_conll.cpp — CoNLL-style token table with one BIO tag column per label, so
// overlapping and nested claim / hedge / caveat / evidence spans are all kept.
//
// Layout (tab-separated, UTF-8, LF line ends, one file for all documents):
//   # document = <stem>
//   # offsets = codepoint|utf16|byte
//   # columns = token start end <label>...
//   <token> TAB <start> TAB <end> TAB <tag for label 1> TAB ...
//   (a blank line after every sentence)
// start/end are the token's offsets in the chosen unit, end exclusive. Label columns follow
// the schemas' label order (labels of later sets' schemas appended).
//
// Token rules (an approximation of Unicode word boundaries that needs no tables):
//   - White space separates tokens and is never part of one.
//   - A token is a maximal run of letters and digits of any script (ASCII letters, digits
//     and '_', and every non-ASCII code point not listed below as punctuation, symbol,
//     mark or ideograph).
//   - Every other character is a token of its own: ASCII punctuation, general punctuation
//     and symbols (quotes, dashes, currency, arrows, emoji...), and each Han ideograph,
//     hiragana or katakana character (those scripts put no spaces between words).
//   - Combining marks (U+0300-036F and the other combining blocks, Arabic and Hebrew
//     points, variation selectors, emoji skin tones) and U+200D ZERO WIDTH JOINER stay with
//     the character before them; the character after a ZWJ joins too (emoji sequences).
// Sentence rules: a sentence ends at every line end (so blank lines and CRLF line ends
// always break), and after a token . ! ? 。 ！ ？ ؟ or … (optionally followed by closing
// quotes or brackets) when white space follows.
// Tag rules: a token is inside an annotation when any part of it is covered by one of its
// spans (a token partly covered counts as inside). The first token of each span fragment
// is B-<label>, later ones I-<label>, others O; where a token is the first of one
// annotation and inside another of the same label, B wins. Orphaned annotations are left
// out (with a notice).
#include "core/exchange/exchange_formats.h"

#include "core/exchange/export_sink.h"
#include "core/exchange/export_support.h"
#include "core/text/utf8.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimmark {

namespace {

// A place in the document in each offset unit.
struct Offsets {
    std::size_t codePoint = 0, utf16 = 0, byte = 0;
};

struct Token {
    Offsets start, end;
    bool sentenceEnd = false;
};

struct Range {
    char32_t first, last;
};

bool inRanges(char32_t cp, const Range* ranges, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i)
        if (cp >= ranges[i].first && cp <= ranges[i].last) return true;
    return false;
}

constexpr Range kMarks[] = {
    {0x0300, 0x036F},   {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF}, {0x05C1, 0x05C2},   {0x05C4, 0x05C5},
    {0x05C7, 0x05C7},   {0x0610, 0x061A}, {0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC},   {0x06DF, 0x06E4},
    {0x06E7, 0x06E8},   {0x06EA, 0x06ED}, {0x0900, 0x0903}, {0x093A, 0x094F}, {0x0951, 0x0957},   {0x0962, 0x0963},
    {0x0E31, 0x0E31},   {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},   {0x200C, 0x200D},
    {0x20D0, 0x20FF},   {0x3099, 0x309A}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0x1F3FB, 0x1F3FF}, {0xE0020, 0xE007F},
    {0xE0100, 0xE01EF},
};

// Punctuation and symbols outside ASCII (each its own token).
constexpr Range kSymbols[] = {
    {0x00A1, 0x00A9}, {0x00AB, 0x00B1}, {0x00B4, 0x00B4}, {0x00B6, 0x00B8},   {0x00BB, 0x00BB}, {0x00BF, 0x00BF},
    {0x00D7, 0x00D7}, {0x00F7, 0x00F7}, {0x02C2, 0x02C5}, {0x02D2, 0x02DF},   {0x037E, 0x037E}, {0x0387, 0x0387},
    {0x055A, 0x055F}, {0x0589, 0x058A}, {0x05BE, 0x05BE}, {0x05C0, 0x05C0},   {0x05C3, 0x05C3}, {0x05C6, 0x05C6},
    {0x05F3, 0x05F4}, {0x0600, 0x060F}, {0x061B, 0x061F}, {0x066A, 0x066D},   {0x06D4, 0x06D4}, {0x0964, 0x0965},
    {0x0E3F, 0x0E3F}, {0x2010, 0x2027}, {0x2030, 0x205E}, {0x2070, 0x209F},   {0x20A0, 0x20CF}, {0x2100, 0x214F},
    {0x2190, 0x2BFF}, {0x2E00, 0x2E7F}, {0x3001, 0x3004}, {0x3008, 0x3020},   {0x3030, 0x3030}, {0x30FB, 0x30FB},
    {0xFD3E, 0xFD3F}, {0xFE10, 0xFE1F}, {0xFE30, 0xFE6F}, {0xFF01, 0xFF0F},   {0xFF1A, 0xFF20}, {0xFF3B, 0xFF40},
    {0xFF5B, 0xFF65}, {0xFFE0, 0xFFEE}, {0xFFF9, 0xFFFD}, {0x1F000, 0x1FAFF},
};

// Scripts written without spaces between words: one token per character.
constexpr Range kIdeographs[] = {
    {0x3040, 0x309F}, {0x30A0, 0x30FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}, {0x20000, 0x3FFFF},
};

bool isMark(char32_t cp) { return cp >= 0x0300 && inRanges(cp, kMarks, std::size(kMarks)); }

// True for characters that extend a run (letters and digits of any script).
bool isWordChar(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
    if (cp == 0xFEFF || cp == 0x200B) return false;  // byte-order mark, zero-width space
    return !inRanges(cp, kSymbols, std::size(kSymbols)) && !inRanges(cp, kIdeographs, std::size(kIdeographs));
}

bool isInvisibleBreak(char32_t cp) { return cp == 0xFEFF || cp == 0x200B; }

bool isTerminator(char32_t cp) {
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0x061F ||
           cp == 0x2026;
}

bool isClosing(char32_t cp) {
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '}' || cp == 0x201D || cp == 0x2019 ||
           cp == 0x00BB || cp == 0x300D || cp == 0x300F;
}

// The tokens of the document, one at a time and in order, each with its sentence end (see
// the rules above), without a list of them all: `emit(token)` is called as soon as a token
// is complete. Returns how many there were.
template <class Emit>
std::size_t forEachToken(const Document& document, Emit&& emit) {
    const std::string& bytes = document.bytes();
    std::size_t pos = 0;
    Offsets at;     // where the next character starts
    Token pending;  // the last token so far
    bool havePending = false;
    char32_t pendingFirst = 0;  // its first character
    bool previousEnds = false;  // the token before it ends with a terminator (closers skipped)
    std::size_t count = 0;
    bool open = false;      // the pending token may still grow
    bool inWord = false;    // ... and it is a run of letters/digits
    bool glueNext = false;  // after a ZWJ: the next character joins the token

    // The pending token, skipping closing quotes/brackets back through the tokens before
    // it, is a terminator (only one-character tokens count).
    auto pendingEndsWithTerminator = [&]() {
        if (pending.end.codePoint - pending.start.codePoint != 1) return false;
        return isTerminator(pendingFirst) || (isClosing(pendingFirst) && previousEnds);
    };

    while (pos < bytes.size()) {
        const Offsets before = at;
        const char32_t c = utf8::decode(bytes, pos);
        at.codePoint += 1;
        at.utf16 += c >= 0x10000 ? 2 : 1;
        at.byte = pos;
        if (utf8::isWhiteSpace(c) || isInvisibleBreak(c)) {
            open = inWord = glueNext = false;
            if (havePending && (c == '\n' || pendingEndsWithTerminator())) pending.sentenceEnd = true;
            continue;
        }
        if (open && (glueNext || isMark(c))) {
            pending.end = at;
            glueNext = c == 0x200D;
            continue;
        }
        glueNext = c == 0x200D;
        const bool word = isWordChar(c) && !isMark(c);
        if (open && inWord && word) {
            pending.end = at;
            continue;
        }
        if (havePending) {
            previousEnds = pendingEndsWithTerminator();
            emit(pending);
            ++count;
        }
        pending = Token{before, at};
        pendingFirst = c;
        havePending = true;
        open = true;
        inWord = word;
    }
    if (havePending) {
        pending.sentenceEnd = true;
        emit(pending);
        ++count;
    }
    return count;
}

// One fragment of an exported annotation: a code point range and its label column.
struct Fragment {
    std::size_t start, end, label;
};

// Every fragment of the set's annotations (orphans left out and counted), by start.
std::vector<Fragment> fragmentsByStart(const AnnotationSet& set, const std::vector<std::string>& labels,
                                       std::size_t& orphaned) {
    std::vector<Fragment> fragments;
    for (const Annotation& a : set.annotations()) {
        if (a.orphaned) {
            ++orphaned;
            continue;
        }
        const std::size_t label = std::size_t(std::find(labels.begin(), labels.end(), a.label) - labels.begin());
        if (label == labels.size()) continue;  // cannot happen: the set's labels are in its schema
        for (const Span& span : a.spans) fragments.push_back(Fragment{span.start, span.end, label});
    }
    std::sort(fragments.begin(), fragments.end(),
              [](const Fragment& x, const Fragment& y) { return x.start < y.start; });
    return fragments;
}

std::size_t offsetOf(const Offsets& offsets, OffsetUnit unit) {
    switch (unit) {
        case OffsetUnit::CodePoint: return offsets.codePoint;
        case OffsetUnit::Utf16: return offsets.utf16;
        case OffsetUnit::Byte: return offsets.byte;
    }
    return offsets.codePoint;
}

void appendNumber(ExportSink& out, std::size_t value) {
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.write(std::string_view(buffer, std::size_t(end - buffer)));
}

}  // namespace

Result<ExportReport> writeConll(const std::vector<ExportSource>& sources, const ExportOptions& options,
                                ExportSink& out) {
    ExportReport report;
    std::vector<std::string> labels;
    for (const ExportSource& source : sources)
        for (const LabelDef& label : source.set.schema.labels)
            if (std::find(labels.begin(), labels.end(), label.name) == labels.end()) labels.push_back(label.name);
    const std::size_t labelCount = labels.size();
    std::vector<std::string> insideTags, beginTags;  // "\tI-<label>", "\tB-<label>"
    for (const std::string& label : labels) {
        insideTags.push_back("\tI-" + label);
        beginTags.push_back("\tB-" + label);
    }

    out.beginFile("");
    for (const ExportSource& source : sources) {
        const Document& document = source.document;
        std::size_t orphaned = 0;
        const std::vector<Fragment> fragments = fragmentsByStart(source.set, labels, orphaned);

        out += "# document = ";
        out += source.stem;
        out += "\n# offsets = ";
        out += offsetUnitName(options.offsets);
        out += "\n# columns = token start end";
        for (const std::string& label : labels) {
            out += ' ';
            out += label;
        }
        out += '\n';

        // A sweep over the fragments by start: a token is B-<label> when a fragment of that
        // label starts being seen at it and overlaps it (it is the first token the
        // fragment touches), I-<label> when a fragment seen so far reaches past its start.
        std::size_t next = 0, tokenIndex = 0;
        std::vector<std::size_t> reach(labelCount, 0);                   // the furthest end seen, per label
        std::vector<std::size_t> beginsAt(labelCount, std::size_t(-1));  // the token a fragment begins at
        const std::string& bytes = document.bytes();
        const std::size_t tokens = forEachToken(document, [&](const Token& token) {
            while (next < fragments.size() && fragments[next].start < token.end.codePoint) {
                const Fragment& f = fragments[next++];
                if (f.end > token.start.codePoint) beginsAt[f.label] = tokenIndex;
                reach[f.label] = std::max(reach[f.label], f.end);
            }
            out.write(std::string_view(bytes).substr(token.start.byte, token.end.byte - token.start.byte));
            out += '\t';
            appendNumber(out, offsetOf(token.start, options.offsets));
            out += '\t';
            appendNumber(out, offsetOf(token.end, options.offsets));
            for (std::size_t l = 0; l < labelCount; ++l) {
                if (beginsAt[l] == tokenIndex) out += beginTags[l];
                else if (reach[l] > token.start.codePoint) out += insideTags[l];
                else out += "\tO";
            }
            out += '\n';
            if (token.sentenceEnd) out += '\n';
            ++tokenIndex;
        });
        if (tokens == 0) out += '\n';
        if (orphaned > 0) report.notices.push_back(orphansLeftOutNotice(source, orphaned));
    }
    return report;
}

}  // namespace claimmark
