// inspector_support.h — what the inspector's files (inspector_panel.cpp,
// inspector_attributes.cpp) share: the column a field's name is drawn in. Private to this
// folder.
#pragma once

#include <imgui.h>

namespace claimmark::app {

// A field name's column, so controls line up.
inline void fieldName(const char* name, float column) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", name);
    ImGui::SameLine(column);
}

}  // namespace claimmark::app
