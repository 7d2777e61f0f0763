// adjudication_launch.cpp — opening the adjudication view as a screen (adjudication_launch.h).
#include "app/adjudication/adjudication_launch.h"

#include "app/adjudication/adjudication_screen.h"
#include "app/adjudication/adjudication_state.h"

namespace claimmark::app {

Result<std::unique_ptr<Screen>> openAdjudicationScreen(const EditorOptions& options) {
    Result<std::unique_ptr<AdjudicationState>> state = AdjudicationState::open(options);
    if (!state) return state.errors();
    std::unique_ptr<Screen> screen = std::make_unique<AdjudicationScreen>(std::move(*state));
    return screen;
}

}  // namespace claimmark::app
