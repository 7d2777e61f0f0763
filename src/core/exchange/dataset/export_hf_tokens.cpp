// export_hf_tokens.cpp — a Hugging Face token-classification dataset (JSON Lines), one row
// per sentence, for `datasets.load_dataset("json", ...)` or the Hub.
//
// Files in the -o folder:
//   data.jsonl (or <part>.jsonl per --split part)
//       {"id": "<stem>:<n>", "document": "<stem>", "annotator": "...",
//        "tokens": ["Some", "small", ...],
//        "claim_tags": ["B-claim", "I-claim", ...], "hedge_tags": [...], ...}
//     one `<label>_tags` column per label the data uses (schema order), so overlapping
//     labels are all kept; with --flat one `tags` column instead.
//   labels.json  {"claim_tags": ["O", "B-claim", "I-claim"], ...} (or {"tags": ["O",
//     "B-claim", "I-claim", "B-hedge", ...]}): the tag names in order, for ClassLabel.
//   README.md    the dataset card (hf_dataset_card.cpp).
// Rows: one per sentence of suggest/sentence_splitter.h that holds a token (n = the
// sentence's 0-based number in the article, as in the sentences export); tokens are
// dataset/tokeniser.h's (the CoNLL export's). Tags are strings.
// Tag rules (as the CoNLL export's): a token is inside an annotation when any part of it is
// covered by one of its spans. The first token of a span fragment *in each row* is
// B-<label> (a span crossing a sentence end begins again in the next row), later ones
// I-<label>; where a token is the first of one annotation and inside another of the same
// label, B wins. --flat refuses two annotations that cover the same token (the document,
// both annotations and the token named). Orphaned annotations are left out (a notice).
#include "core/exchange/exchange_formats.h"

#include "core/exchange/dataset/dataset_support.h"
#include "core/exchange/dataset/hf_dataset_card.h"
#include "core/exchange/dataset/tokeniser.h"
#include "core/exchange/export_json_text.h"
#include "core/exchange/export_sink.h"
#include "core/exchange/export_support.h"
#include "core/storage/json_text.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimmark {

namespace {

using dataset::Fragment;

// Two annotations covering one token (--flat).
struct Conflict {
    const Annotation* first = nullptr;
    const Annotation* second = nullptr;
    dataset::Token token;
    std::size_t tokens = 0;  // tokens with such a conflict in the document
};

// One row being gathered: its tokens' byte ranges and tags (per token: one per label,
// 0 O / 1 B / 2 I; flat: one, 0 = O, 1 + 2l = B-<label l>, 2 + 2l = I-<label l>).
struct Row {
    std::vector<std::pair<std::size_t, std::size_t>> tokens;
    std::vector<std::uint32_t> tags;
};

struct Active {
    const Fragment* fragment;
    std::size_t row;  // the last row it tagged a token in
};

// Tags the document's tokens, calling onRow(sentence number, row) for each sentence with
// tokens. The first --flat conflict (the tagging goes on, counting them), if any.
template <class OnRow>
std::optional<Conflict> tagDocument(const ExportSource& source, const std::vector<Fragment>& fragments,
                                    std::size_t labelCount, bool flat, OnRow&& onRow) {
    const std::vector<Sentence> sentences = dataset::sentencesOf(source.document);
    std::optional<Conflict> conflict;
    const std::size_t width = flat ? 1 : labelCount;
    const std::size_t none = std::size_t(-1);
    std::vector<Active> active;
    std::size_t next = 0, sentence = 0;
    Row row;
    auto flush = [&]() {
        if (!row.tokens.empty()) onRow(sentence, row);
        row.tokens.clear();
        row.tags.clear();
    };
    dataset::forEachToken(source.document, [&](const dataset::Token& token) {
        while (sentence + 1 < sentences.size() && token.start.codePoint >= sentences[sentence + 1].cpStart) {
            flush();
            ++sentence;
        }
        while (next < fragments.size() && fragments[next].start < token.end.codePoint)
            active.push_back(Active{&fragments[next++], none});
        std::erase_if(active, [&](const Active& a) { return a.fragment->end <= token.start.codePoint; });
        row.tokens.emplace_back(token.start.byte, token.end.byte);
        const std::size_t base = row.tags.size();
        row.tags.resize(base + width, 0);
        const Annotation* covering = nullptr;
        bool clash = false;
        for (Active& a : active) {
            const bool begins = a.row != sentence;
            a.row = sentence;
            const std::size_t label = a.fragment->label;
            if (flat) {
                if (!covering || covering == a.fragment->annotation) {
                    covering = a.fragment->annotation;
                    const std::uint32_t tag = std::uint32_t(1 + 2 * label + (begins ? 0 : 1));
                    if (row.tags[base] == 0 || begins) row.tags[base] = tag;
                } else if (!clash) {
                    clash = true;
                    if (!conflict) conflict = Conflict{covering, a.fragment->annotation, token, 0};
                    ++conflict->tokens;
                }
            } else {
                std::uint32_t& tag = row.tags[base + label];
                if (begins) tag = 1;
                else if (tag == 0) tag = 2;
            }
        }
    });
    flush();
    return conflict;
}

std::string jsonQuoted(std::string_view s) {
    std::string out;
    appendJsonString(out, s);
    return out;
}

std::string describeAnnotation(const Annotation& a) {
    std::string text = a.text.size() > 60 ? a.text.substr(0, 57) + "..." : a.text;
    return a.id + " (" + a.label + " " + jsonQuoted(text) + ")";
}

}  // namespace

Result<ExportReport> writeHfTokens(const std::vector<ExportSource>& sources, const ExportOptions& options,
                                   ExportSink& out) {
    ExportReport report;
    const std::vector<std::string> labels = dataset::usedLabels(sources);
    const std::size_t labelCount = labels.size();
    std::vector<std::vector<Fragment>> fragments(sources.size());
    std::vector<std::size_t> orphaned(sources.size(), 0);
    for (std::size_t i = 0; i < sources.size(); ++i)
        fragments[i] = dataset::fragmentsOf(sources[i].set, labels, orphaned[i]);

    if (options.flat) {
        // Checked before anything is written, every document reported.
        Diagnostics problems;
        for (std::size_t i = 0; i < sources.size(); ++i) {
            const ExportSource& source = sources[i];
            const std::optional<Conflict> conflict =
                tagDocument(source, fragments[i], labelCount, true, [](std::size_t, const Row&) {});
            if (!conflict) continue;
            const std::string_view tokenText =
                std::string_view(source.document.bytes())
                    .substr(conflict->token.start.byte, conflict->token.end.byte - conflict->token.start.byte);
            problems.push_back(Diagnostic{
                source.setPath.string(), "",
                "document " + source.stem + ": annotations " + describeAnnotation(*conflict->first) + " and " +
                    describeAnnotation(*conflict->second) + " overlap (both cover the token " + jsonQuoted(tokenText) +
                    " at code point " + std::to_string(conflict->token.start.codePoint) + "; " +
                    std::to_string(conflict->tokens) + (conflict->tokens == 1 ? " token" : " tokens") +
                    " of this document are covered twice). --flat needs spans that do not overlap: "
                    "leave out --flat for one tag column per label"});
        }
        if (!problems.empty()) return problems;
    }

    // Tag names: quoted once. Per label: "O", "B-l", "I-l"; flat: "O", then B and I per label.
    std::vector<std::string> columns;  // quoted column names
    std::vector<std::vector<std::string>> tagNames;
    if (options.flat) {
        columns.push_back(jsonQuoted("tags"));
        tagNames.emplace_back(1, "O");
        for (const std::string& label : labels) {
            tagNames[0].push_back("B-" + label);
            tagNames[0].push_back("I-" + label);
        }
    } else {
        for (const std::string& label : labels) {
            columns.push_back(jsonQuoted(label + "_tags"));
            tagNames.push_back({"O", "B-" + label, "I-" + label});
        }
    }
    std::vector<std::vector<std::string>> quotedTags;
    for (const auto& names : tagNames) {
        quotedTags.emplace_back();
        for (const std::string& name : names) quotedTags.back().push_back(jsonQuoted(name));
    }

    const dataset::DatasetFiles files = dataset::planDatasetFiles(sources, options, "data.jsonl");
    dataset::CardFacts facts;
    facts.labels = labels;
    facts.annotations = dataset::annotationsPerLabel(sources, labels);
    facts.chunks.assign(labelCount, 0);
    facts.flat = options.flat;
    facts.columns = columns;
    facts.splitOfSource.resize(sources.size());
    for (std::size_t f = 0; f < files.names.size(); ++f) {
        dataset::CardFile card;
        card.name = files.names[f];
        card.part = files.split ? options.split[f].name : "train";
        card.sets = files.sources[f].size();
        card.articles = dataset::articleCount(sources, files.sources[f]);
        for (std::size_t i : files.sources[f]) facts.splitOfSource[i] = card.part;
        out.beginFile(files.names[f]);
        for (std::size_t i : files.sources[f]) {
            const ExportSource& source = sources[i];
            const std::string document = jsonQuoted(source.stem), annotator = jsonQuoted(source.set.annotator);
            tagDocument(source, fragments[i], labelCount, options.flat, [&](std::size_t sentence, const Row& row) {
                ++card.rows;
                card.tokens += row.tokens.size();
                out += "{\"id\":";
                dataset::appendRowId(out, source.stem, sentence);
                out += ",\"document\":";
                out += document;
                out += ",\"annotator\":";
                out += annotator;
                out += ",\"tokens\":[";
                const std::string_view bytes = source.document.bytes();
                for (std::size_t t = 0; t < row.tokens.size(); ++t) {
                    if (t) out += ',';
                    appendJsonString(out,
                                     bytes.substr(row.tokens[t].first, row.tokens[t].second - row.tokens[t].first));
                }
                out += ']';
                const std::size_t width = columns.size();
                for (std::size_t c = 0; c < width; ++c) {
                    out += ',';
                    out += columns[c];
                    out += ":[";
                    for (std::size_t t = 0; t < row.tokens.size(); ++t) {
                        if (t) out += ',';
                        const std::uint32_t tag = row.tags[t * width + c];
                        out += quotedTags[c][tag];
                        if (tag == 1 && !options.flat) ++facts.chunks[c];
                        else if (options.flat && tag % 2 == 1) ++facts.chunks[(tag - 1) / 2];
                    }
                    out += ']';
                }
                out += "}\n";
            });
        }
        facts.files.push_back(card);
    }

    out.beginFile("labels.json");
    out += '{';
    for (std::size_t c = 0; c < columns.size(); ++c) {
        out += c ? ",\n  " : "\n  ";
        out += columns[c];
        out += ": [";
        for (std::size_t t = 0; t < quotedTags[c].size(); ++t) {
            if (t) out += ", ";
            out += quotedTags[c][t];
        }
        out += ']';
    }
    out += columns.empty() ? "}\n" : "\n}\n";

    out.beginFile("README.md");
    out += dataset::datasetCard(sources, facts, options);

    for (std::size_t i = 0; i < sources.size(); ++i)
        if (orphaned[i] > 0) report.notices.push_back(orphansLeftOutNotice(sources[i], orphaned[i]));
    if (files.split) {
        std::vector<std::size_t> rows;
        for (const dataset::CardFile& card : facts.files) rows.push_back(card.rows);
        report.notices.push_back(dataset::splitNotice(options.split, files.assignment, rows, options.seed));
    }
    std::size_t rows = 0, tokens = 0;
    for (const dataset::CardFile& card : facts.files) rows += card.rows, tokens += card.tokens;
    report.notices.push_back("hf-tokens: " + std::to_string(rows) + " rows (sentences), " + std::to_string(tokens) +
                             " tokens, " + std::to_string(columns.size()) + " tag column(s)" +
                             (options.flat ? " (--flat)" : "") + "; tag names in labels.json");
    return report;
}

}  // namespace claimmark
