// agreement_report.h — an AgreementReport as one JSON object or as readable tables.
//
// Undefined figures are null in JSON with a sibling "<key>Reason" string, and "n/a" in the
// tables. The keys are documented in README "Agreement" (and the `agree --help` text).
#pragma once

#include "core/team/agreement.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace claimmark {

struct ReportOptions {
    bool project = false;            // a project folder: add the micro/macro and per-document tables
    std::vector<std::string> notes;  // re-anchored / skipped sets, printed first
};

nlohmann::json agreementToJson(const AgreementReport& report, const ReportOptions& options);
std::string agreementToText(const AgreementReport& report, const ReportOptions& options);

// "0.743" or "n/a".
std::string formatFigure(const Figure& figure);

}  // namespace claimmark
