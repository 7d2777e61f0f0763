// fonts.h — the editor's fonts: DejaVu Sans from the system, with the glyphs the article
// needs, rebuilt at a new size when the user zooms.
//
// Glyph ranges: Basic Latin, Latin-1, Latin Extended-A/B, IPA, Greek, Cyrillic, General
// Punctuation (’ “ ” — …), currency, letterlike, arrows, maths, box drawing, geometric
// shapes, miscellaneous symbols, dingbats and U+FFFD (drawn for anything missing, emoji
// included: Dear ImGui 1.86 has 16-bit glyphs and no colour fonts), plus every other BMP
// code point the article uses. A system fallback font (Droid Sans Fallback, Noto CJK, ...)
// is merged in for those when present. Default-ignorable code points (variation selectors,
// zero-width joiners, the BOM) get empty zero-width glyphs, so "❄️" does not show a box
// for its U+FE0F.
#pragma once

#include <imgui.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace claimmark::app {

class FontSet {
public:
    // Clears `atlas` and loads the fonts; never fails: without DejaVu Sans it falls back to
    // Dear ImGui's built-in font and says so in warning(). Call before the renderer
    // uploads the atlas texture (and re-upload after a rebuild).
    void build(ImFontAtlas& atlas, float uiSize, float textSize, std::string_view documentText);

    ImFont* ui() const { return m_ui; }
    ImFont* text() const { return m_text; }
    const std::string& warning() const { return m_warning; }  // empty when all is well
    const std::filesystem::path& fontFile() const { return m_fontFile; }
    float uiSize() const { return m_uiSize; }
    float textSize() const { return m_textSize; }

    // Standard places DejaVuSans.ttf lives ($CLAIMMARK_FONT first when set).
    static std::vector<std::filesystem::path> candidateFontFiles();
    static std::vector<std::filesystem::path> candidateFallbackFiles();

private:
    ImFont* m_ui = nullptr;
    ImFont* m_text = nullptr;
    std::string m_warning;
    std::filesystem::path m_fontFile;
    float m_uiSize = 0;
    float m_textSize = 0;
    // Glyph ranges must outlive the fonts that point at them.
    ImVector<ImWchar> m_ranges;
};

// The advance of `cp` as Dear ImGui will draw it with `font` at `size` (code points past
// U+FFFF are drawn as U+FFFD by Dear ImGui 1.86, so they are measured as such).
float glyphAdvance(const ImFont* font, float size, char32_t cp);

}  // namespace claimmark::app
