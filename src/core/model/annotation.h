// annotation.h — the plain data of one annotation and one relation.
//
// Offsets are code points, end exclusive. An annotation has one or more spans, sorted and
// non-overlapping (discontinuous spans, as brat's "0 5;16 23"). `text` is the covered text,
// fragments joined by one space. `prefix`/`suffix` are up to kContextLength code points
// of the text around the annotation, kept so it can be re-anchored when the article changes.
#pragma once

#include "core/model/schema.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace claimmark {

struct Span {
    std::size_t start = 0;
    std::size_t end = 0;
    std::size_t length() const { return end - start; }
    friend bool operator==(const Span&, const Span&) = default;
};

inline constexpr std::size_t kContextLength = 32;

struct Annotation {
    std::string id;
    std::string label;
    std::vector<Span> spans;
    std::string text;
    Attributes attributes;
    std::string note;
    std::string origin = "manual";  // manual, suggested, imported, merged, ...
    std::string created;            // ISO 8601 UTC, e.g. 2026-11-24T13:00:00Z
    std::string modified;
    std::string prefix;  // anchor context, see above
    std::string suffix;
    // True when re-anchoring could not place it in the current article: its spans are where
    // it was in the old text, it is kept and listed, never dropped.
    bool orphaned = false;
    // "suggested": made by the suggestion rules and not yet reviewed (accepting clears it);
    // "disputed": a merge could not settle it (reviewers disagreed); else empty.
    // `proposedBy` names the reviewers whose sets held it (merge output).
    std::string status;
    // The id of the suggestion rule that made it ("hedge.modal.may"); kept after acceptance
    // so the reason stays visible. Empty for work done by hand.
    std::string rule;
    std::vector<std::string> proposedBy;
    nlohmann::json extra = nlohmann::json::object();  // unknown keys, written back

    std::size_t start() const { return spans.empty() ? 0 : spans.front().start; }
    std::size_t end() const { return spans.empty() ? 0 : spans.back().end; }
};

struct Relation {
    std::string id;
    std::string type;
    std::string from;  // annotation id
    std::string to;    // annotation id
    nlohmann::json extra = nlohmann::json::object();
    std::string rule{};  // the suggestion rule that proposed it, or empty
};

inline constexpr const char* kSuggestedStatus = "suggested";
inline constexpr const char* kDisputedStatus = "disputed";

// A suggestion nobody has reviewed yet: left out of agreement, merges and exports unless
// asked for (--include-suggested).
inline bool isPendingSuggestion(const Annotation& a) { return a.status == kSuggestedStatus; }

// A suggestion the reviewer rejected: remembered in the set so that suggesting again never
// brings it back (same label, spans and rule).
struct RejectedSuggestion {
    std::string label;
    std::vector<Span> spans;
    std::string rule;
    friend bool operator==(const RejectedSuggestion&, const RejectedSuggestion&) = default;
};

// Document order: by start, then longer first (end descending), then label, then id.
bool documentOrderLess(const Annotation& a, const Annotation& b);

}  // namespace claimmark
