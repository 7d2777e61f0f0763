// fuzz_rules_reader.cpp — a suggestion rules file through parseSuggestionRules (limits, every
// check); rules it accepts are then run on a short article, and every suggestion must lie
// inside the article with a rule id.
#include "core/model/annotation_set.h"
#include "core/suggest/suggest.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace claimmark;
    static const Schema schema = Schema::claimStrength();
    static const Document article = *Document::fromBytes(
        "Kratom may ease pain in 40% of users. It is thought to act on opioid receptors, but more research\n"
        "is needed. Consult a doctor first (e.g. Dr. Smith). Does it work? Studies show it clearly helps.\n");
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    Result<SuggestionRules> rules = parseSuggestionRules(text, "rules.json", schema);
    if (!rules) return 0;
    AnnotationSet set;
    set.document.length = article.length();
    const SuggestionBatch batch = suggest(article, set, *rules);
    for (const Annotation& a : batch.annotations)
        for (const Span& s : a.spans)
            if (s.start >= s.end || s.end > article.length() || a.rule.empty()) __builtin_trap();
    if (!addSuggestionBatch(set, batch)) __builtin_trap();
    return 0;
}
