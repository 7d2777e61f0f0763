// label_style.h — how a label looks on screen: colours derived from its schema colour.
#pragma once

#include "core/model/schema.h"

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace claimmark::app {

struct LabelStyle {
    ImU32 solid = 0;             // underlines, chips, outlines
    ImU32 fill = 0;              // translucent background behind the text (layer 0)
    ImU32 fillHover = 0;         // the same, under the mouse or selected
    ImU32 pendingFill = 0;       // a pending suggestion's background: lighter than `fill`
    ImU32 pendingFillHover = 0;  // the same, under the mouse or selected
};

// "#rrggbb" (or "rrggbb") -> opaque colour; anything else -> `fallback`.
ImU32 parseHexColor(std::string_view text, ImU32 fallback);

// One style per schema label, looked up by name without allocating.
class LabelStyles {
public:
    void rebuild(const Schema& schema);
    // The label's style, or a neutral grey for a label the schema does not know.
    const LabelStyle& of(std::string_view label) const;

private:
    struct Entry {
        std::string name;
        LabelStyle style;
    };
    std::vector<Entry> m_entries;
    LabelStyle m_unknown;
};

}  // namespace claimmark::app

namespace claimmark::app {

// A small rounded square in `colour` at the cursor, sized to the current text line, as
// an item (so SameLine() works after it).
void labelChip(ImU32 colour);

}  // namespace claimmark::app
