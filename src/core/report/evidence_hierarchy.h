// evidence_hierarchy.h — how strong each kind of evidence is, for the report's support level
// and its strength-exceeds-evidence flag.
//
// Declared in the schema, beside the labels (README "The report"):
//   "report": {
//     "evidence_hierarchy": ["systematic-review", "clinical-trial", "observational",
//                            "preclinical", "expert-opinion", "traditional-use",
//                            "anecdotal", "unspecified"],          best first
//     "weak_from": "expert-opinion",     this type and everything after it is weak support
//     "strong_strength": 4               strength at or above this wants strong support
//   }
// Every key is optional; a schema without "report" gets the defaults above (DESIGN.md's
// hierarchy). The names must be values of the evidence label's "type" attribute when the
// schema declares it as an enum. Evidence of a type the hierarchy does not list ranks with
// the last entry.
#pragma once

#include "core/diagnostic.h"
#include "core/model/schema.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimmark {

struct EvidenceHierarchy {
    std::vector<std::string> ranks{"systematic-review", "clinical-trial",  "observational", "preclinical",
                                   "expert-opinion",    "traditional-use", "anecdotal",     "unspecified"};
    std::size_t weakFrom = 4;         // index into ranks: this and after are weak support
    std::int64_t strongStrength = 4;  // strength >= this wants support better than weakFrom

    // Index of `type` (0 = best); unknown or empty types rank last.
    int rankOf(std::string_view type) const;
    bool isWeak(int rank) const { return rank < 0 || static_cast<std::size_t>(rank) >= weakFrom; }
    // "expert opinion" for "expert-opinion": the type as words.
    static std::string words(std::string_view type);
};

// The hierarchy a schema declares (defaults for what it leaves out). Problems carry JSON
// paths under `pathPrefix` ("schema.report.evidence_hierarchy[3]").
Result<EvidenceHierarchy> hierarchyFromSchema(const Schema& schema, const std::string& fileName,
                                              const std::string& pathPrefix = "schema.report");

}  // namespace claimmark
