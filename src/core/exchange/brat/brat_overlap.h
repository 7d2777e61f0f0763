// brat_overlap.h — overlapping text-bound annotations as brat judges them, and the
// `<OVERLAP>` rules of annotation.conf that admit them (brat 1.3 and later).
//
// [SECTION] Judging a pair
//   As brat's verify_annotations.py: two annotations overlap when their ranges (first start
//   to last end) do; they are equal when their fragments are the same set; one is contained
//   in the other when each of its fragments lies inside one of the other's; anything else
//   that overlaps crosses. brat checks only entities (event triggers are left alone).
// [SECTION] What the data needs
//   OverlapNeeds sweeps each document's annotations once (sorted by start, an active list by
//   end) and records, per pair of types, the kinds that occur: contain for (inner, outer);
//   equal and cross for the pair in name order. Past kMaxComparisons pairs it stops and
//   asks for "<ANY>" between every two types instead, which still admits everything.
//   ruleLines() writes the least permissive rules for what was seen:
//     <OVERLAP>	Arg1:hedge, Arg2:claim, <OVL-TYPE>:contain
// [SECTION] Reading rules back
//   OverlapRules reads the <OVERLAP> lines of an annotation.conf's [relations] section and
//   answers as brat's projectconfig.py does: contain needs contain (or <ANY>) for
//   (inner, outer), or <ANY> for (outer, inner); equal and cross are allowed by a rule in
//   either order, as is <ANY>.
#pragma once

#include "core/model/annotation.h"

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimmark::brat {

// --- [SECTION] Judging a pair -------------------------------------------------------------

enum class Overlap { None, Equal, FirstInSecond, SecondInFirst, Cross };

// `a` and `b` are fragment lists as written on T lines (each non-empty).
Overlap judgeOverlap(const std::vector<Span>& a, const std::vector<Span>& b);

// --- [SECTION] What the data needs --------------------------------------------------------

enum OverlapKind : unsigned { kOverlapEqual = 1, kOverlapContain = 2, kOverlapCross = 4 };

struct TextBound {
    std::string_view type;
    std::vector<Span> fragments;
};

class OverlapNeeds {
public:
    static constexpr std::size_t kMaxComparisons = 20'000'000;

    void addDocument(std::vector<TextBound> bounds);
    // (inner, outer) -> kinds; equal and cross under the pair in name order.
    const std::map<std::pair<std::string, std::string>, unsigned>& needs() const { return m_needs; }
    bool gaveUp() const { return m_gaveUp; }
    // The <OVERLAP> lines, for pairs of `entityTypes` only (in that order when giving up).
    std::string ruleLines(const std::vector<std::string>& entityTypes) const;

private:
    std::map<std::pair<std::string, std::string>, unsigned> m_needs;
    std::size_t m_comparisons = 0;
    bool m_gaveUp = false;
};

// --- [SECTION] Reading rules back ---------------------------------------------------------

class OverlapRules {
public:
    static OverlapRules parse(std::string_view annotationConf);

    // brat's overlap_types(inner, outer): the <OVL-TYPE> values of the rules whose Arg1
    // names `inner` and whose Arg2 names `outer`.
    std::set<std::string> kinds(const std::string& inner, const std::string& outer) const;
    // Whether brat's checker accepts annotations of these types overlapping as `overlap`
    // (the first type is the first annotation's).
    bool allows(const std::string& first, const std::string& second, Overlap overlap) const;
    std::size_t ruleCount() const { return m_rules.size(); }

private:
    struct Rule {
        std::set<std::string> arg1, arg2, kinds;
    };
    std::vector<Rule> m_rules;
};

}  // namespace claimmark::brat
