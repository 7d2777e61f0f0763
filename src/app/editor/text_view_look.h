// text_view_look.h — the colours and proportions of the page, shared by the text view's
// drawing (text_view.cpp) and its relation arrows (relation_arrows.cpp). Private to this
// folder.
#pragma once

#include <imgui.h>

namespace claimmark::app {

inline constexpr ImU32 kSurround = IM_COL32(222, 219, 211, 255);  // around the page
inline constexpr ImU32 kPaper = IM_COL32(252, 250, 244, 255);     // warm off-white
inline constexpr ImU32 kPaperEdge = IM_COL32(196, 191, 180, 255);
inline constexpr ImU32 kInk = IM_COL32(34, 32, 30, 255);
inline constexpr ImU32 kSelection = IM_COL32(66, 133, 244, 90);
// Find: yellow, brighter and lighter than the claim orange, with a dark edge on the current
// match so it reads on any label background.
inline constexpr ImU32 kFindFill = IM_COL32(255, 236, 60, 70);
inline constexpr ImU32 kFindEdge = IM_COL32(196, 156, 0, 255);
inline constexpr ImU32 kFindCurrentFill = IM_COL32(255, 226, 0, 150);
inline constexpr ImU32 kFindCurrentEdge = IM_COL32(96, 74, 0, 255);
// What the suggestion rules proposed and nobody reviewed yet: a cool blue, apart from
// every label colour (tooltips, list rows, inspector, status line).
inline const ImVec4 kSuggestionInk(0.16f, 0.36f, 0.70f, 1.0f);
inline constexpr ImU32 kRelationHalo = IM_COL32(252, 250, 244, 200);  // paper, under the curves
inline constexpr ImU32 kRelationLabelInk = IM_COL32(40, 36, 30, 255);

// Proportions of the font size.
inline constexpr float kLineHeight = 1.62f;  // generous leading: room for stacked underlines
inline constexpr float kParagraphGap = 0.55f;
inline constexpr float kBlankLine = 0.5f;    // blank lines between paragraphs: the gap says enough
inline constexpr float kPagePadding = 2.0f;  // left/right inside the page
inline constexpr float kPageTopPadding = 1.6f;
inline constexpr float kMaxColumn = 38.0f;  // about 70-80 characters: comfortable to read
inline constexpr float kMinColumn = 6.0f;
inline constexpr float kOuterMargin = 12.0f;  // pixels between the page and the panel edges

}  // namespace claimmark::app
