// report_json.h — the report as one JSON object (`claimmark report --json`; README "The
// report" documents every key).
//
//   {"format": "claimmark/report", "version": 1,
//    "hierarchy": {"evidence_hierarchy": [...], "weak_from": "...", "strong_strength": 4},
//    one document:  "document": {...}, "claims": [...], "summary": {...}
//    several:       "documents": [{"document": {...}, "claims": [...], "summary": {...}}, ...],
//                   "summary": {... of them all}
//    "notes": [...]}
// A claim: id, text, spans [[start, end], ...], line, column, strength (null when not rated),
// verdict (null when not set), checkworthy (null when not set), suggested, note, hedges and
// caveats ([{id, relation, text, kind}]), evidence and contradicting ([{id, relation, text,
// type, cited}]), support, evidence_mix, flags (names), reasons ({flag: reason}), and for
// team reports "from" (the set the row comes from) and reviewers ([{reviewer, id, strength,
// verdict, support, flags}]).
#pragma once

#include "core/report/claim_report.h"

#include <nlohmann/json_fwd.hpp>

namespace claimmark {

nlohmann::json claimToJson(const ClaimReport& claim, const DocumentReport& document);
nlohmann::json summaryToJson(const ReportSummary& summary);
nlohmann::json documentReportToJson(const DocumentReport& document);
nlohmann::json reportToJson(const Report& report);

}  // namespace claimmark
