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
// Tokens and sentence ends: dataset/tokeniser.h (shared with the hf-tokens export): runs
// of letters and digits of any script, every other non-space character a token of its own;
// a sentence ends at every line end, and after . ! ? 。 ！ ？ ؟ or … (optionally followed
// by closing quotes or brackets) when white space follows.
// Tag rules: a token is inside an annotation when any part of it is covered by one of its
// spans (a token partly covered counts as inside). The first token of each span fragment
// is B-<label>, later ones I-<label>, others O; where a token is the first of one
// annotation and inside another of the same label, B wins. Orphaned annotations are left
// out (with a notice).
#include "core/exchange/exchange_formats.h"

#include "core/exchange/dataset/dataset_support.h"
#include "core/exchange/dataset/tokeniser.h"
#include "core/exchange/export_sink.h"
#include "core/exchange/export_support.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimmark {

namespace {

using dataset::forEachToken;
using dataset::Token;
using Offsets = dataset::TokenOffsets;
using dataset::Fragment;

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
        const std::vector<Fragment> fragments = dataset::fragmentsOf(source.set, labels, orphaned);

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
