// adjudication_launch.h — opening the adjudication view (claimmark adjudicate ARTICLE
// SET.json SET.json... [--set GOLD.json]) as a screen for the window host.
#pragma once

#include "app/editor/editor_launch.h"
#include "app/common/screen.h"
#include "core/diagnostic.h"

#include <memory>

namespace claimmark::app {

// Loads the article, the reviewers' sets and the gold set (options.setPath; created from a
// majority merge when it does not exist yet). Diagnostics name the file and the problem.
Result<std::unique_ptr<Screen>> openAdjudicationScreen(const EditorOptions& options);

}  // namespace claimmark::app
