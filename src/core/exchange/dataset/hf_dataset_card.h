// hf_dataset_card.h — the README.md of the hf-tokens export: a Hugging Face dataset card
// (YAML front matter with `license:` left for the user, the data files per split) and what
// the data is: source sets, schema, counts, columns, tokeniser and sentence rules.
#pragma once

#include "core/exchange/exchange.h"

#include <cstddef>
#include <string>
#include <vector>

namespace claimmark::dataset {

struct CardFile {
    std::string name;  // data.jsonl or <part>.jsonl
    std::string part;  // the split it is ("train" without --split)
    std::size_t articles = 0, sets = 0, rows = 0, tokens = 0;
};

struct CardFacts {
    std::vector<std::string> labels;
    std::vector<std::size_t> annotations;  // per label
    std::vector<std::size_t> chunks;       // B tags per label (spans as the rows see them)
    std::vector<std::string> columns;      // the tag columns' names, quoted
    std::vector<CardFile> files;
    std::vector<std::string> splitOfSource;  // per source: its file's split
    bool flat = false;
};

std::string datasetCard(const std::vector<ExportSource>& sources, const CardFacts& facts, const ExportOptions& options);

}  // namespace claimmark::dataset
