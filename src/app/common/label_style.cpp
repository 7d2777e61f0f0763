// label_style.cpp — label colours (label_style.h).
#include "app/common/label_style.h"

namespace claimmark::app {

namespace {

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

ImU32 withAlpha(ImU32 colour, int alpha) { return (colour & ~IM_COL32_A_MASK) | (ImU32(alpha) << IM_COL32_A_SHIFT); }

LabelStyle styleFor(ImU32 solid) {
    LabelStyle style;
    style.solid = solid;
    // Light enough that dark text stays easy to read on it, strong enough to tell labels
    // apart on cream paper.
    style.fill = withAlpha(solid, 80);
    style.fillHover = withAlpha(solid, 130);
    // A pending suggestion: a faint wash (its dashed outline says what it is).
    style.pendingFill = withAlpha(solid, 30);
    style.pendingFillHover = withAlpha(solid, 80);
    return style;
}

}  // namespace

ImU32 parseHexColor(std::string_view text, ImU32 fallback) {
    if (!text.empty() && text.front() == '#') text.remove_prefix(1);
    if (text.size() != 6) return fallback;
    int rgb[3];
    for (int i = 0; i < 3; ++i) {
        const int hi = hexDigit(text[2 * i]), lo = hexDigit(text[2 * i + 1]);
        if (hi < 0 || lo < 0) return fallback;
        rgb[i] = hi * 16 + lo;
    }
    return IM_COL32(rgb[0], rgb[1], rgb[2], 255);
}

void LabelStyles::rebuild(const Schema& schema) {
    m_entries.clear();
    m_unknown = styleFor(IM_COL32(128, 128, 128, 255));
    for (const LabelDef& label : schema.labels)
        m_entries.push_back({label.name, styleFor(parseHexColor(label.color, IM_COL32(128, 128, 128, 255)))});
}

const LabelStyle& LabelStyles::of(std::string_view label) const {
    for (const Entry& e : m_entries)
        if (e.name == label) return e.style;
    return m_unknown;
}

}  // namespace claimmark::app

namespace claimmark::app {

void labelChip(ImU32 colour) {
    const float size = ImGui::GetTextLineHeight() * 0.8f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float dy = (ImGui::GetTextLineHeight() - size) * 0.5f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(pos.x, pos.y + dy), ImVec2(pos.x + size, pos.y + dy + size),
                                              colour, size * 0.25f);
    ImGui::Dummy(ImVec2(size, ImGui::GetTextLineHeight()));
}

}  // namespace claimmark::app
