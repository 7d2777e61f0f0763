// suggestion_rules.h — the rules suggestions come from, as data a team can read and edit:
// samples/rules/claim-strength.en.json (built in as the default), or any file given with
// --rules. The format is described in the README ("Suggestion rules").
//
// A cue rule names a label, the attribute values its suggestions get, and phrases. A phrase
// is words separated by spaces, matched against the text's words without regard to case;
// a word ending in "*" matches any word it begins ("suggest*": suggests, suggested...),
// "#number" matches a number and "#word" any one word. Context conditions say which words
// must not (or must) stand right before or after the match; `extent` says whether the
// suggestion covers the matched words, their clause or their sentence.
#pragma once

#include "core/diagnostic.h"
#include "core/model/schema.h"

#include <string>
#include <string_view>
#include <vector>

namespace claimmark {

// One word of a phrase.
struct PhraseWord {
    enum class Kind { Exact, Prefix, Number, AnyWord };
    Kind kind = Kind::Exact;
    std::string text;  // lower-case; the prefix without "*" for Prefix
};
using Phrase = std::vector<PhraseWord>;

enum class SuggestionExtent { Phrase, Clause, Sentence };

struct CueRule {
    std::string id;  // "hedge.modal.may"
    std::string label;
    Attributes attributes;
    std::string description;
    std::vector<Phrase> phrases;
    // Skipped when one of these ends right before the match (within `window` words) or
    // starts right after it; kept only if one of `precededBy` / `followedBy` is there
    // (when given).
    std::vector<Phrase> notPrecededBy, notFollowedBy, precededBy, followedBy;
    std::size_t window = 1;
    // Lower-case only (the first matched word is not capitalised unless it starts the
    // sentence): "may" but not the month "May".
    bool lowerCaseOnly = false;
    SuggestionExtent extent = SuggestionExtent::Phrase;
    std::string example, counterexample;  // documentation, checked by the tests
};

// Words that raise a claim's strength ("clearly", "proven", "will").
struct BoosterRule {
    std::string id;
    std::string description;
    std::vector<Phrase> phrases;
    std::vector<Phrase> notPrecededBy;
};

// Sentences that assert an effect, a property or a fact: one of `phrases` (effect verbs,
// "is effective", comparisons) in a sentence that is not a question or a heading.
struct ClaimRule {
    std::string id = "claim.assertion";
    std::string description;
    std::vector<Phrase> phrases;
    bool numbersCount = true;  // a number with a unit or a percentage also makes a claim
};

struct StrengthRule {
    int plain = 4;       // an assertion with no hedge and no booster
    int perHedge = -1;   // each hedge on it
    int perBooster = 1;  // each booster in it
    int minimum = 1, maximum = 5;
};

struct SuggestionRules {
    std::string language = "en";
    std::string description;
    std::vector<CueRule> cues;
    std::vector<BoosterRule> boosters;
    ClaimRule claim;
    StrengthRule strength;

    const CueRule* findCue(std::string_view id) const;
    // The description of any rule id, including the link rules ("link.hedges" ...); empty
    // when the id is unknown.
    std::string describe(std::string_view ruleId) const;
};

// Parses a rules file; every problem is reported with its JSON path (or line and column
// for a syntax error), checked against `schema` (labels and attribute values must exist).
Result<SuggestionRules> parseSuggestionRules(std::string_view text, const std::string& fileName, const Schema& schema);
Result<SuggestionRules> readSuggestionRulesFile(const std::string& path, const Schema& schema);

// The built-in rules (samples/rules/claim-strength.en.json, compiled in).
const SuggestionRules& builtinSuggestionRules();
std::string_view builtinSuggestionRulesText();

// Ids of the relation rules the engine applies itself.
inline constexpr const char* kLinkHedgeRule = "link.hedges";
inline constexpr const char* kLinkEvidenceRule = "link.supports";
inline constexpr const char* kLinkCaveatRule = "link.qualifies";

}  // namespace claimmark
