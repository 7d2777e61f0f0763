// dataset_support.cpp — see dataset_support.h.
#include "core/exchange/dataset/dataset_support.h"

#include "core/exchange/export_json_text.h"

#include <algorithm>
#include <numeric>
#include <set>

namespace claimmark::dataset {

std::vector<Sentence> sentencesOf(const Document& document) {
    // The splitter needs words only to count them (headings); the boundaries do not depend
    // on them, so the words are not scanned.
    return splitSentences(document.bytes(), ScannedWords{});
}

std::vector<Fragment> fragmentsOf(const AnnotationSet& set, const std::vector<std::string>& labels,
                                  std::size_t& orphaned) {
    std::vector<Fragment> fragments;
    for (const Annotation& a : set.annotations()) {
        if (a.orphaned) {
            ++orphaned;
            continue;
        }
        const std::size_t label = std::size_t(std::find(labels.begin(), labels.end(), a.label) - labels.begin());
        if (label == labels.size()) continue;
        for (const Span& span : a.spans) fragments.push_back(Fragment{span.start, span.end, label, &a});
    }
    std::stable_sort(fragments.begin(), fragments.end(), [](const Fragment& x, const Fragment& y) {
        return x.start != y.start ? x.start < y.start : x.end > y.end;
    });
    return fragments;
}

std::vector<std::string> usedLabels(const std::vector<ExportSource>& sources) {
    std::set<std::string, std::less<>> used;
    for (const ExportSource& source : sources)
        for (const Annotation& a : source.set.annotations())
            if (!a.orphaned) used.insert(a.label);
    std::vector<std::string> labels;
    auto take = [&](const std::string& name) {
        if (used.count(name) && std::find(labels.begin(), labels.end(), name) == labels.end()) labels.push_back(name);
    };
    for (const ExportSource& source : sources)
        for (const LabelDef& label : source.set.schema.labels) take(label.name);
    for (const std::string& name : used) take(name);  // cannot happen: a set's labels are in its schema
    return labels;
}

std::vector<std::size_t> annotationsPerLabel(const std::vector<ExportSource>& sources,
                                             const std::vector<std::string>& labels) {
    std::vector<std::size_t> counts(labels.size(), 0);
    for (const ExportSource& source : sources)
        for (const Annotation& a : source.set.annotations()) {
            if (a.orphaned) continue;
            const auto it = std::find(labels.begin(), labels.end(), a.label);
            if (it != labels.end()) ++counts[std::size_t(it - labels.begin())];
        }
    return counts;
}

DatasetFiles planDatasetFiles(const std::vector<ExportSource>& sources, const ExportOptions& options,
                              const std::string& singleFile) {
    DatasetFiles files;
    if (options.split.empty()) {
        files.names.push_back(singleFile);
        files.sources.emplace_back(sources.size());
        std::iota(files.sources.back().begin(), files.sources.back().end(), std::size_t(0));
        return files;
    }
    files.split = true;
    files.assignment = assignSplit(sources, options.split, options.seed);
    files.sources.resize(options.split.size());
    for (const DatasetSplitPart& part : options.split) files.names.push_back(partFileName(part));
    for (std::size_t i = 0; i < sources.size(); ++i) files.sources[files.assignment.partOfSource[i]].push_back(i);
    return files;
}

void appendRowId(ExportSink& out, const std::string& stem, std::size_t sentence) {
    appendJsonString(out, stem + ":" + std::to_string(sentence));
}

std::size_t articleCount(const std::vector<ExportSource>& sources, const std::vector<std::size_t>& which) {
    std::set<std::string, std::less<>> articles;
    for (std::size_t i : which) articles.insert(sources[i].document.sha256());
    return articles.size();
}

}  // namespace claimmark::dataset
