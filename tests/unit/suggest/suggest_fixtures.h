// suggest_fixtures.h — running the suggestion rules on a short text in the suggest tests.
#pragma once

#include "core/model/annotation_set.h"
#include "core/suggest/suggest.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace claimmark::testing {

struct Suggested {
    Document document;
    AnnotationSet set;
    SuggestionBatch batch;
};

// The built-in rules (or `rules`) on `text`, with an empty set of it.
inline Suggested suggestOn(const std::string& text, const SuggestionRules& rules = builtinSuggestionRules(),
                           std::vector<std::string> labels = {}) {
    Result<Document> document = Document::fromBytes(text);
    REQUIRE(document);
    AnnotationSet set;
    set.document.length = document->length();
    set.document.sha256 = document->sha256();
    SuggestOptions options;
    options.labels = std::move(labels);
    SuggestionBatch batch = suggest(*document, set, rules, options);
    return {std::move(*document), std::move(set), std::move(batch)};
}

// "label:covered text" of every suggestion, in document order.
inline std::vector<std::string> labelled(const Suggested& s) {
    std::vector<std::string> out;
    for (const Annotation& a : s.batch.annotations) out.push_back(a.label + ":" + a.text);
    return out;
}

inline bool has(const std::vector<std::string>& list, const std::string& item) {
    for (const std::string& s : list)
        if (s == item) return true;
    return false;
}

}  // namespace claimmark::testing
