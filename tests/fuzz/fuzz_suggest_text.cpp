// fuzz_suggest_text.cpp — any UTF-8 text the article loader accepts, through the word
// scanner, the sentence splitter and suggest() with the built-in rules: every suggestion and
// sentence must lie inside the text, and the batch must fit an empty set of it.
#include "core/model/annotation_set.h"
#include "core/suggest/sentence_splitter.h"
#include "core/suggest/suggest.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace claimmark;
    Result<Document> document = Document::fromBytes(std::string(reinterpret_cast<const char*>(data), size));
    if (!document) return 0;
    const ScannedWords words = scanWords(*document);
    for (const Sentence& s : splitSentences(document->bytes(), words))
        if (s.cpStart > s.cpEnd || s.cpEnd > document->length() || s.firstWord > s.endWord ||
            s.endWord > words.words.size())
            __builtin_trap();
    AnnotationSet set;
    set.document.length = document->length();
    const SuggestionBatch batch = suggest(*document, set, builtinSuggestionRules());
    for (const Annotation& a : batch.annotations)
        for (const Span& s : a.spans)
            if (s.start >= s.end || s.end > document->length()) __builtin_trap();
    if (!addSuggestionBatch(set, batch)) __builtin_trap();
    return 0;
}
