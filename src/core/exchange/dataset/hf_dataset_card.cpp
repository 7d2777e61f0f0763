// hf_dataset_card.cpp — see hf_dataset_card.h.
#include "core/exchange/dataset/hf_dataset_card.h"

#include "core/exchange/dataset/tokeniser.h"

#include <set>

namespace claimmark::dataset {

namespace {

// Text for a Markdown table cell.
std::string cell(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '|') out += "\\|";
        else if (c == '\n' || c == '\r') out += ' ';
        else out += c;
    }
    return out;
}

// A YAML double-quoted scalar.
std::string yamlQuoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') out += "\\n";
        else out += c;
    }
    return out + "\"";
}

}  // namespace

std::string datasetCard(const std::vector<ExportSource>& sources, const CardFacts& facts,
                        const ExportOptions& options) {
    std::string md;
    md += "---\n";
    md += "license:  # fill in before publishing: the articles' and the annotations' terms (e.g. cc-by-4.0)\n";
    md += "pretty_name: claim-strength token classification (claimmark)\n";
    md += "task_categories:\n- token-classification\n";
    md += "tags:\n- claimmark\n- claim-strength\n- hedging\n";
    md += "configs:\n- config_name: default\n  data_files:\n";
    for (const CardFile& file : facts.files)
        md += "  - split: " + file.part + "\n    path: " + yamlQuoted(file.name) + "\n";
    md += "---\n\n";

    std::set<std::string> schemas;
    for (const ExportSource& source : sources)
        schemas.insert(source.set.schema.name.empty() ? "(unnamed)" : source.set.schema.name);
    std::string schemaNames;
    for (const std::string& name : schemas) schemaNames += (schemaNames.empty() ? "`" : ", `") + name + "`";

    std::size_t articles = 0, rows = 0, tokens = 0;
    {
        std::set<std::string> all;
        for (const ExportSource& source : sources) all.insert(source.document.sha256());
        articles = all.size();
    }
    for (const CardFile& file : facts.files) rows += file.rows, tokens += file.tokens;

    md += "# Claim-strength token classification\n\n";
    md += "Exported by `claimmark export --to hf-tokens` from " + std::to_string(sources.size()) +
          (sources.size() == 1 ? " annotation set" : " annotation sets") + " over " + std::to_string(articles) +
          (articles == 1 ? " article" : " articles") + "; schema " + schemaNames + ". One row per sentence.\n\n";

    md += "## Source sets\n\n| set | document | annotator | split |\n|---|---|---|---|\n";
    for (std::size_t i = 0; i < sources.size(); ++i)
        md += "| " + cell(sources[i].setPath.generic_string()) + " | " + cell(sources[i].stem) + " | " +
              cell(sources[i].set.annotator) + " | " + (i < facts.splitOfSource.size() ? facts.splitOfSource[i] : "") +
              " |\n";
    md += "\n## Counts\n\n| split | file | articles | sets | rows | tokens |\n|---|---|---|---|---|---|\n";
    for (const CardFile& file : facts.files)
        md += "| " + file.part + " | " + file.name + " | " + std::to_string(file.articles) + " | " +
              std::to_string(file.sets) + " | " + std::to_string(file.rows) + " | " + std::to_string(file.tokens) +
              " |\n";
    if (facts.files.size() > 1)
        md += "| all | | " + std::to_string(articles) + " | " + std::to_string(sources.size()) + " | " +
              std::to_string(rows) + " | " + std::to_string(tokens) + " |\n";
    md += "\n| label | annotations | tagged spans (B tags) |\n|---|---|---|\n";
    for (std::size_t l = 0; l < facts.labels.size(); ++l)
        md += "| " + cell(facts.labels[l]) + " | " + std::to_string(facts.annotations[l]) + " | " +
              std::to_string(facts.chunks[l]) + " |\n";
    if (options.split.size() > 0)
        md += "\nThe split is by article (all sets of one article in the same split), seed " +
              std::to_string(options.seed) + ".\n";

    md += "\n## Columns\n\n";
    md +=
        "- `id`: `<document>:<n>`, n the sentence's 0-based number in its article (the `sentences` export "
        "uses the same ids).\n";
    md += "- `document`: the article's file name (made unique per set: `-2`, `-3`); `annotator`: whose set.\n";
    md += "- `tokens`: the sentence's tokens.\n";
    if (facts.flat) md += "- `tags`: one BIO tag per token (labels do not overlap in this data).\n";
    else
        md += "- one BIO tag list per label (`" + std::string(facts.labels.empty() ? "" : facts.labels[0]) +
              "_tags`, ...), so overlapping spans of different labels are all kept.\n";
    md += "\n`labels.json` gives each tag column's tag names in order, for `datasets.ClassLabel`:\n\n";
    md +=
        "```python\nimport json\nfrom datasets import load_dataset, ClassLabel, Sequence\n\n"
        "ds = load_dataset(\"json\", data_files={";
    for (std::size_t f = 0; f < facts.files.size(); ++f)
        md += (f ? ", " : "") + yamlQuoted(facts.files[f].part) + ": " + yamlQuoted(facts.files[f].name);
    md +=
        "})\nfor column, names in json.load(open(\"labels.json\")).items():\n"
        "    ds = ds.cast_column(column, Sequence(ClassLabel(names=names)))\n```\n";

    md += "\n## Tokens, sentences and tags\n\n";
    md += std::string("Tokens: ") + kTokeniserDescription + "\n\n";
    md +=
        "Sentences: claimmark's sentence splitter (the one its suggestions use): a sentence ends at `.`, `!` "
        "or `?` followed by a word that does not start in lower case, except after abbreviations (e.g., Dr., "
        "vs., et al., initials) and inside numbers (2.5); a line break ends a sentence unless the next line "
        "goes on in lower case; headings and list items are rows of their own.\n\n";
    md +=
        "Tags: a token is inside a span when any part of it is covered. The first token of a span in each "
        "row is `B-`, later ones `I-`; a span crossing a sentence end begins again with `B-` in the next "
        "row.\n";
    return md;
}

}  // namespace claimmark::dataset
