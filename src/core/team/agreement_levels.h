// agreement_levels.h — what the agreement levels share inside src/core/team, for
// countDocument (agreement.cpp) to count: the spans of each label per reviewer and their
// matching, the unit sweep, cross-reviewer groups with their attribute values, and relation
// ends. Private: not part of agreement.h.
//
//   agreement_spans.cpp      Helpers, Span matching
//   agreement_units.cpp      Units, Groups (and the attribute values on them)
//   agreement_relations.cpp  Relations
#pragma once

#include "core/team/agreement.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace claimmark::detail {

// --- Helpers (agreement_spans.cpp) ----------------------------------------------------

struct Item {
    const Annotation* annotation;
    std::size_t start;
    std::size_t end;
};

// Non-orphaned annotations of one set, by label, sorted by start (then end).
std::map<std::string, std::vector<Item>> itemsByLabel(const AnnotationSet& set, std::uint64_t& orphans);

inline std::uint64_t bit(std::size_t reviewer) { return std::uint64_t(1) << reviewer; }

// --- Span matching (agreement_spans.cpp) ----------------------------------------------

inline constexpr std::size_t kUnmatched = static_cast<std::size_t>(-1);

// One-to-one overlap matching of `a` to `b` (both sorted by start): for each a, the index of
// its b, or kUnmatched.
std::vector<std::size_t> matchByOverlap(const std::vector<Item>& a, const std::vector<Item>& b);

// Exact matches: identical span lists, each span of either side used once.
std::uint64_t countExact(const std::vector<Item>& a, const std::vector<Item>& b);

// --- Units (agreement_units.cpp) ------------------------------------------------------

// nonSpace[i] = non-whitespace code points in [0, i).
std::vector<std::uint32_t> nonSpacePrefix(const Document& article);

// Adds this document's unit patterns for one label (a sweep over span boundaries).
void addUnitPatterns(const std::vector<std::pair<std::size_t, const std::vector<Item>*>>& perReviewer,
                     std::uint64_t present, const std::vector<std::uint32_t>& nonSpace, UnitPatterns& out);

// --- Groups (agreement_units.cpp) -----------------------------------------------------

struct Group {
    Item anchor;
    std::vector<std::pair<std::uint32_t, const Annotation*>> members;
};

std::vector<Group> groupAcrossReviewers(
    const std::vector<std::pair<std::size_t, const std::vector<Item>*>>& perReviewer);

// One empty AttributeUnits per enum, bool and ordinal attribute of the schema.
std::vector<AttributeUnits> emptyAttributes(const Schema& schema);

// The category of `value` for `def`, or -1 when it does not fit.
long categoryOf(const AttributeDef& def, const AttributeValue& value);

// --- Relations (agreement_relations.cpp) ----------------------------------------------

struct RelationKey {
    std::string type;
    const Annotation* from;
    const Annotation* to;
    bool operator<(const RelationKey& o) const {
        if (type != o.type) return type < o.type;
        if (from != o.from) return std::less<const Annotation*>()(from, o.from);
        return std::less<const Annotation*>()(to, o.to);
    }
};

// Relations of `set` whose ends are both placed, by type.
std::vector<std::pair<std::string, std::pair<const Annotation*, const Annotation*>>> placedRelations(
    const AnnotationSet& set);

}  // namespace claimmark::detail
