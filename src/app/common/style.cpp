// style.cpp — the editor's look (style.h).
#include "app/common/style.h"

#include <imgui.h>

namespace claimmark::app {

void applyEditorStyle(float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(10, 8);
    style.FramePadding = ImVec2(8, 4);
    style.ItemSpacing = ImVec2(8, 6);
    style.FrameRounding = 4;
    style.ChildRounding = 0;
    style.PopupRounding = 4;
    style.GrabRounding = 4;
    style.ScrollbarSize = 14;
    style.ScrollbarRounding = 6;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.95f, 0.94f, 0.92f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(0.97f, 0.96f, 0.94f, 1.0f);
    c[ImGuiCol_PopupBg] = ImVec4(1.0f, 1.0f, 0.99f, 0.98f);
    c[ImGuiCol_Text] = ImVec4(0.13f, 0.12f, 0.11f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.42f, 0.40f, 0.37f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.88f, 0.86f, 0.82f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.78f, 0.73f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.72f, 0.70f, 0.65f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.26f, 0.52f, 0.90f, 0.22f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.26f, 0.52f, 0.90f, 0.14f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.26f, 0.52f, 0.90f, 0.30f);
    c[ImGuiCol_Separator] = ImVec4(0.80f, 0.78f, 0.74f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0.0f, 0.0f, 0.0f, 0.0f);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace claimmark::app
