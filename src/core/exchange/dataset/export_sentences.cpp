// export_sentences.cpp — one JSON line per sentence, with what falls in it: the data hedge
// and claim-strength classifiers are trained on.
//
//   {"id": "<stem>:<n>", "document": "<stem>", "annotator": "...",
//    "text": "<the sentence>", "start": S, "end": E, "offsets": "codepoint",
//    "labels": ["claim", "hedge"],                       (present in the sentence, schema order)
//    "strength_max": 2,                                  (of its claims; null when none has one)
//    "claims": [{"id", "start", "end", "text", "strength", "clipped"}],
//    "hedge_cues": [{"id", "start", "end", "text", "kind", "clipped"}],
//    "evidence_types": ["clinical-trial"],               (distinct, in order of appearance)
//    "spans": [{"id", "label", "start", "end", "text", "clipped", "attributes": {...}}]}
// Sentences are suggest/sentence_splitter.h's, every one of them (sentences without an
// annotation are the negatives); n is the sentence's 0-based number in the article (the
// hf-tokens export uses the same ids). `start`/`end` are the sentence's offsets in the
// article, in the --offsets unit (code points by default), from its first to past its last
// non-space character; `text` is the article's text between them.
// Span offsets are relative to the sentence, in the same unit (the article offset is the
// row's `start` plus the span's), so text[start:end] is the span in Python (code points).
// A span that crosses a sentence boundary belongs to every sentence it overlaps, clipped to
// it (`clipped`: true, `text` the clipped part); a span that lies wholly between sentences
// (in white space) belongs to none. Each fragment of a discontinuous annotation is an entry
// of its own (same id). `claims`, `hedge_cues` and `evidence_types` read the labels claim,
// hedge and evidence and their attributes strength, kind and type (the claim-strength
// schema); `strength` and `kind` are null where unset. Orphaned annotations are left out.
#include "core/exchange/exchange_formats.h"

#include "core/exchange/dataset/dataset_support.h"
#include "core/exchange/export_json_text.h"
#include "core/exchange/export_sink.h"
#include "core/exchange/export_support.h"
#include "core/storage/json_text.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimmark {

namespace {

using dataset::Fragment;

void appendAttribute(ExportSink& out, const AttributeValue& value) {
    if (const bool* b = std::get_if<bool>(&value)) out += *b ? "true" : "false";
    else if (const std::int64_t* n = std::get_if<std::int64_t>(&value)) appendJsonInteger(out, *n);
    else appendJsonString(out, std::get<std::string>(value));
}

const AttributeValue* attribute(const Annotation& a, std::string_view name) {
    const auto it = a.attributes.find(name);
    return it == a.attributes.end() ? nullptr : &it->second;
}

// A fragment as it falls in one sentence.
struct Piece {
    const Fragment* fragment;
    std::size_t start, end;  // code points, clipped to the sentence
    bool clipped;
};

class SentenceWriter {
public:
    SentenceWriter(const ExportSource& source, const std::vector<std::string>& labels, const ExportOptions& options,
                   ExportSink& out)
        : m_source(source), m_document(source.document), m_labels(labels), m_unit(options.offsets), m_out(out) {
        m_documentQuoted = quoted(source.stem);
        m_annotatorQuoted = quoted(source.set.annotator);
        for (std::size_t l = 0; l < labels.size(); ++l) {
            if (labels[l] == "claim") m_claim = l;
            if (labels[l] == "hedge") m_hedge = l;
            if (labels[l] == "evidence") m_evidence = l;
        }
    }

    // Writes every sentence's row; returns how many.
    std::size_t run(const std::vector<Fragment>& fragments) {
        const std::vector<Sentence> sentences = dataset::sentencesOf(m_document);
        std::vector<const Fragment*> active;
        std::size_t next = 0;
        for (std::size_t n = 0; n < sentences.size(); ++n) {
            const Sentence& s = sentences[n];
            while (next < fragments.size() && fragments[next].start < s.cpEnd) active.push_back(&fragments[next++]);
            std::erase_if(active, [&](const Fragment* f) { return f->end <= s.cpStart; });
            m_pieces.clear();
            for (const Fragment* f : active) {
                if (f->start >= s.cpEnd || f->end <= s.cpStart) continue;  // not yet / already
                const std::size_t start = std::max(f->start, s.cpStart), end = std::min(f->end, s.cpEnd);
                m_pieces.push_back(Piece{f, start, end, start != f->start || end != f->end});
            }
            // `active` keeps the fragments' order (by start, longer first) except where a
            // clipped start ties; put the pieces in order again.
            std::stable_sort(m_pieces.begin(), m_pieces.end(), [](const Piece& x, const Piece& y) {
                return x.start != y.start ? x.start < y.start : x.end > y.end;
            });
            writeRow(n, s);
        }
        return sentences.size();
    }

private:
    const ExportSource& m_source;
    const Document& m_document;
    const std::vector<std::string>& m_labels;
    OffsetUnit m_unit;
    ExportSink& m_out;
    std::string m_documentQuoted, m_annotatorQuoted;
    std::size_t m_claim = std::size_t(-1), m_hedge = std::size_t(-1), m_evidence = std::size_t(-1);
    std::vector<Piece> m_pieces;
    std::size_t m_sentenceStart = 0;  // in the unit

    static std::string quoted(std::string_view s) {
        std::string text;
        appendJsonString(text, s);
        return text;
    }

    std::size_t unit(std::size_t cp) const { return offsetInUnit(m_document, cp, m_unit); }

    void common(const Piece& p) {
        m_out += "{\"id\":";
        appendJsonString(m_out, p.fragment->annotation->id);
        m_out += ",\"start\":";
        appendJsonNumber(m_out, unit(p.start) - m_sentenceStart);
        m_out += ",\"end\":";
        appendJsonNumber(m_out, unit(p.end) - m_sentenceStart);
        m_out += ",\"text\":";
        appendJsonString(m_out, m_document.slice(p.start, p.end));
    }

    void clippedAndClose(const Piece& p) { m_out += p.clipped ? ",\"clipped\":true}" : ",\"clipped\":false}"; }

    void writeRow(std::size_t n, const Sentence& s) {
        ExportSink& out = m_out;
        m_sentenceStart = unit(s.cpStart);
        out += "{\"id\":";
        dataset::appendRowId(out, m_source.stem, n);
        out += ",\"document\":";
        out += m_documentQuoted;
        out += ",\"annotator\":";
        out += m_annotatorQuoted;
        out += ",\"text\":";
        appendJsonString(out, std::string_view(m_document.bytes()).substr(s.byteStart, s.byteEnd - s.byteStart));
        out += ",\"start\":";
        appendJsonNumber(out, m_sentenceStart);
        out += ",\"end\":";
        appendJsonNumber(out, unit(s.cpEnd));
        out += ",\"offsets\":\"";
        out += offsetUnitName(m_unit);
        out += "\",\"labels\":[";
        bool first = true;
        for (std::size_t l = 0; l < m_labels.size(); ++l)
            if (std::any_of(m_pieces.begin(), m_pieces.end(), [&](const Piece& p) { return p.fragment->label == l; })) {
                if (!first) out += ',';
                first = false;
                appendJsonString(out, m_labels[l]);
            }
        out += "],\"strength_max\":";
        std::optional<std::int64_t> strengthMax;
        for (const Piece& p : m_pieces)
            if (p.fragment->label == m_claim)
                if (const AttributeValue* v = attribute(*p.fragment->annotation, "strength"))
                    if (const std::int64_t* n = std::get_if<std::int64_t>(v))
                        strengthMax = strengthMax ? std::max(*strengthMax, *n) : *n;
        if (strengthMax) appendJsonInteger(out, *strengthMax);
        else out += "null";

        out += ",\"claims\":[";
        first = true;
        for (const Piece& p : m_pieces) {
            if (p.fragment->label != m_claim) continue;
            if (!first) out += ',';
            first = false;
            common(p);
            out += ",\"strength\":";
            const AttributeValue* v = attribute(*p.fragment->annotation, "strength");
            if (v) appendAttribute(out, *v);
            else out += "null";
            clippedAndClose(p);
        }
        out += "],\"hedge_cues\":[";
        first = true;
        for (const Piece& p : m_pieces) {
            if (p.fragment->label != m_hedge) continue;
            if (!first) out += ',';
            first = false;
            common(p);
            out += ",\"kind\":";
            const AttributeValue* v = attribute(*p.fragment->annotation, "kind");
            if (v) appendAttribute(out, *v);
            else out += "null";
            clippedAndClose(p);
        }
        out += "],\"evidence_types\":[";
        std::vector<const std::string*> types;
        for (const Piece& p : m_pieces) {
            if (p.fragment->label != m_evidence) continue;
            const AttributeValue* v = attribute(*p.fragment->annotation, "type");
            const std::string* type = v ? std::get_if<std::string>(v) : nullptr;
            if (!type || std::any_of(types.begin(), types.end(), [&](const std::string* t) { return *t == *type; }))
                continue;
            if (!types.empty()) out += ',';
            types.push_back(type);
            appendJsonString(out, *type);
        }
        out += "],\"spans\":[";
        first = true;
        for (const Piece& p : m_pieces) {
            if (!first) out += ',';
            first = false;
            common(p);
            out += ",\"label\":";
            appendJsonString(out, m_labels[p.fragment->label]);
            out += p.clipped ? ",\"clipped\":true" : ",\"clipped\":false";
            out += ",\"attributes\":{";
            bool firstAttribute = true;
            for (const auto& [name, value] : p.fragment->annotation->attributes) {
                if (!firstAttribute) out += ',';
                firstAttribute = false;
                appendJsonString(out, name);
                out += ':';
                appendAttribute(out, value);
            }
            out += "}}";
        }
        out += "]}\n";
    }
};

}  // namespace

Result<ExportReport> writeSentences(const std::vector<ExportSource>& sources, const ExportOptions& options,
                                    ExportSink& out) {
    ExportReport report;
    const std::vector<std::string> labels = dataset::usedLabels(sources);
    const dataset::DatasetFiles files = dataset::planDatasetFiles(sources, options, "");
    std::vector<std::size_t> rowsPerFile;
    std::size_t rows = 0;
    for (std::size_t f = 0; f < files.names.size(); ++f) {
        out.beginFile(files.names[f]);
        rowsPerFile.push_back(0);
        for (std::size_t i : files.sources[f]) {
            std::size_t orphaned = 0;
            const std::vector<Fragment> fragments = dataset::fragmentsOf(sources[i].set, labels, orphaned);
            rowsPerFile.back() += SentenceWriter(sources[i], labels, options, out).run(fragments);
            if (orphaned > 0) report.notices.push_back(orphansLeftOutNotice(sources[i], orphaned));
        }
        rows += rowsPerFile.back();
    }
    if (files.split)
        report.notices.push_back(dataset::splitNotice(options.split, files.assignment, rowsPerFile, options.seed));
    report.notices.push_back("sentences: " + std::to_string(rows) +
                             " rows; span offsets relative to the sentence, in " + offsetUnitName(options.offsets));
    return report;
}

}  // namespace claimmark
