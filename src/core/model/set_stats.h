// set_stats.h — counts for `claimmark stats`: per label, per attribute value, relations per
// type, orphaned.
#pragma once

#include "core/model/annotation_set.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace claimmark {

struct SetStats {
    std::size_t annotations = 0;
    std::size_t relations = 0;
    std::size_t orphaned = 0;
    // Pending suggestions (status "suggested"): counted in `annotations` and per label, and
    // apart here, per label, so a reviewer sees how much is left to review.
    std::size_t suggested = 0;
    std::map<std::string, std::size_t> suggestedPerLabel;
    std::size_t rejectedSuggestions = 0;
    std::map<std::string, std::size_t> perLabel;  // every schema label, zero included
    // label -> attribute -> value -> count (values as text: "4", "true", "clinical-trial")
    std::map<std::string, std::map<std::string, std::map<std::string, std::size_t>>> perAttribute;
    std::map<std::string, std::size_t> perRelationType;  // every schema relation type
    std::map<std::string, std::size_t> perOrigin;
};

SetStats computeStats(const AnnotationSet& set);
nlohmann::json statsToJson(const SetStats& stats);
std::string statsToText(const SetStats& stats);

}  // namespace claimmark
