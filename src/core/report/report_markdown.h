// report_markdown.h — the report's summary and flagged claims as Markdown, to paste into a
// fact-check draft (`claimmark report --md`). Article text is escaped so that it reads as
// written (no stray emphasis, links or HTML).
#pragma once

#include "core/report/claim_report.h"

#include <string>
#include <string_view>

namespace claimmark {

std::string reportToMarkdown(const Report& report);

// `text` with Markdown's punctuation escaped and line breaks turned into spaces.
std::string escapeMarkdown(std::string_view text);

}  // namespace claimmark
