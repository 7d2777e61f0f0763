// style.h — the editor's look: a warm light theme, and the base font sizes (pixels at
// content scale 1, before zoom).
#pragma once

namespace claimmark::app {

inline constexpr float kUiFontSize = 15.0f;
inline constexpr float kTextFontSize = 18.0f;

// Sets Dear ImGui's style (colours, spacing) scaled for the monitor's content scale.
void applyEditorStyle(float scale);

}  // namespace claimmark::app
