// dataset_support.h — what the training-dataset exports (hf-tokens, sentences) share: the
// sentences of an article, the fragments of a set's annotations, the labels the data uses,
// and the files of the output (one data file, or one per --split part).
//
// Sentences are suggest/sentence_splitter.h's (the suggestions' and the report's), so a
// row's id "<document>:<n>" (n = the sentence's 0-based number in the article) names the
// same sentence in both exports. A document is numbered by its stem (the article's file
// name, made unique per set: several annotators' sets of one article are rows of their own,
// told apart by `document` and `annotator`).
#pragma once

#include "core/exchange/dataset/split.h"
#include "core/exchange/exchange.h"
#include "core/exchange/export_sink.h"
#include "core/suggest/sentence_splitter.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimmark::dataset {

// The article's sentences (never empty for an article with any non-space character).
std::vector<Sentence> sentencesOf(const Document& document);

// One fragment of an exported annotation: a code point range, its label's place in the
// dataset's label list and the annotation it belongs to.
struct Fragment {
    std::size_t start = 0, end = 0;
    std::size_t label = 0;
    const Annotation* annotation = nullptr;
};

// Every fragment of the set's annotations whose label is in `labels` (orphans left out
// and counted), by start, longer first, then in the set's order.
std::vector<Fragment> fragmentsOf(const AnnotationSet& set, const std::vector<std::string>& labels,
                                  std::size_t& orphaned);

// The labels the exported annotations use, in the schemas' label order (the first set's
// schema first, labels only later schemas have after them).
std::vector<std::string> usedLabels(const std::vector<ExportSource>& sources);
// Exported (not orphaned) annotations per label of `labels`, over all sources.
std::vector<std::size_t> annotationsPerLabel(const std::vector<ExportSource>& sources,
                                             const std::vector<std::string>& labels);

// The data files of the export: `singleFile` (hf-tokens "data.jsonl", sentences "" = the -o
// file) without --split, else "<part>.jsonl" per part; each with the sources whose rows it
// holds, in the order given.
struct DatasetFiles {
    std::vector<std::string> names;
    std::vector<std::vector<std::size_t>> sources;
    SplitAssignment assignment;  // with --split
    bool split = false;
};
DatasetFiles planDatasetFiles(const std::vector<ExportSource>& sources, const ExportOptions& options,
                              const std::string& singleFile);

// The row id: "<stem>:<sentence number>".
void appendRowId(ExportSink& out, const std::string& stem, std::size_t sentence);

// The distinct articles of the sources (by the SHA-256 of their text).
std::size_t articleCount(const std::vector<ExportSource>& sources, const std::vector<std::size_t>& which);

}  // namespace claimmark::dataset
