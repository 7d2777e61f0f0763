// fonts.cpp — finding, loading and sizing the fonts (fonts.h).
#include "app/common/fonts.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

namespace claimmark::app {

namespace fs = std::filesystem;

namespace {

// Inclusive pairs, zero-terminated (Dear ImGui's format).
const ImWchar kBaseRanges[] = {
    0x0020, 0x00FF,  // Basic Latin, Latin-1 Supplement
    0x0100, 0x024F,  // Latin Extended-A and -B
    0x0250, 0x02FF,  // IPA, spacing modifier letters
    0x0300, 0x036F,  // combining diacritical marks
    0x0370, 0x03FF,  // Greek
    0x0400, 0x052F,  // Cyrillic (+ supplement)
    0x1E00, 0x1EFF,  // Latin Extended Additional (Vietnamese)
    0x2000, 0x206F,  // General Punctuation: ’ “ ” — – … • ‰
    0x2070, 0x209F,  // superscripts and subscripts
    0x20A0, 0x20CF,  // currency
    0x2100, 0x214F,  // letterlike (™ №)
    0x2150, 0x218F,  // number forms (½ Ⅻ)
    0x2190, 0x21FF,  // arrows
    0x2200, 0x22FF,  // mathematical operators (≈ ≤ ±)
    0x2300, 0x23FF,  // miscellaneous technical
    0x2460, 0x24FF,  // enclosed alphanumerics
    0x2500, 0x259F,  // box drawing, blocks
    0x25A0, 0x25FF,  // geometric shapes
    0x2600, 0x26FF,  // miscellaneous symbols (☕ ❄ are here and in dingbats)
    0x2700, 0x27BF,  // dingbats
    0xFB00, 0xFB06,  // ligatures
    0xFFFD, 0xFFFD,  // the replacement character, used for every missing glyph
    0,
};

// Drawn as nothing: they only modify their neighbours.
const ImWchar kIgnorable[] = {0x00AD, 0x034F, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0x2061, 0x2062,
                              0x2063, 0x2064, 0xFEFF, 0xFE00, 0xFE01, 0xFE02, 0xFE03, 0xFE04, 0xFE05, 0xFE06,
                              0xFE07, 0xFE08, 0xFE09, 0xFE0A, 0xFE0B, 0xFE0C, 0xFE0D, 0xFE0E, 0xFE0F};

bool looksLikeFontFile(const std::string& bytes) {
    if (bytes.size() < 12) return false;
    static const char* const kMagic[] = {"\x00\x01\x00\x00", "true", "OTTO", "ttcf"};
    for (const char* magic : kMagic)
        if (std::memcmp(bytes.data(), magic, 4) == 0) return true;
    return false;
}

// The file's bytes in memory Dear ImGui may own (it frees them with IM_FREE).
void* loadFontBytes(const fs::path& path, int& size) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return nullptr;
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!looksLikeFontFile(bytes) || bytes.size() > (std::size_t(64) << 20)) return nullptr;
    void* data = IM_ALLOC(bytes.size());
    std::memcpy(data, bytes.data(), bytes.size());
    size = static_cast<int>(bytes.size());
    return data;
}

fs::path firstReadable(const std::vector<fs::path>& candidates) {
    std::error_code ec;
    for (const fs::path& p : candidates)
        if (fs::is_regular_file(p, ec)) return p;
    return {};
}

ImFont* addFont(ImFontAtlas& atlas, const fs::path& file, float size, const ImWchar* ranges, bool merge) {
    int byteCount = 0;
    void* data = loadFontBytes(file, byteCount);
    if (!data) return nullptr;
    ImFontConfig config;
    config.MergeMode = merge;
    config.OversampleH = 2;  // half the atlas of the default 3, no visible difference
    config.OversampleV = 1;
    std::snprintf(config.Name, sizeof config.Name, "%s %.0fpx", file.filename().string().c_str(), double(size));
    return atlas.AddFontFromMemoryTTF(data, byteCount, size, &config, ranges);
}

}  // namespace

std::vector<fs::path> FontSet::candidateFontFiles() {
    std::vector<fs::path> out;
    if (const char* custom = std::getenv("CLAIMMARK_FONT"); custom && *custom) out.emplace_back(custom);
    for (const char* p : {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf",
                          "/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
                          "/usr/share/fonts/truetype/DejaVuSans.ttf", "/usr/local/share/fonts/DejaVuSans.ttf",
                          "/usr/X11R6/lib/X11/fonts/TTF/DejaVuSans.ttf", "/Library/Fonts/DejaVuSans.ttf"})
        out.emplace_back(p);
    return out;
}

std::vector<fs::path> FontSet::candidateFallbackFiles() {
    std::vector<fs::path> out;
    for (const char* p :
         {"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
          "/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf",
          "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/usr/share/fonts/noto/NotoSans-Regular.ttf",
          "/usr/share/fonts/truetype/unifont/unifont.ttf"})
        out.emplace_back(p);
    return out;
}

void FontSet::build(ImFontAtlas& atlas, float uiSize, float textSize, std::string_view documentText) {
    atlas.Clear();
    m_ui = m_text = nullptr;
    m_warning.clear();
    m_uiSize = uiSize;
    m_textSize = textSize;

    // Every glyph the article needs plus the fixed ranges, as one range list.
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(kBaseRanges);
    if (!documentText.empty()) builder.AddText(documentText.data(), documentText.data() + documentText.size());
    m_ranges.clear();
    builder.BuildRanges(&m_ranges);

    m_fontFile = firstReadable(candidateFontFiles());
    const fs::path fallback = firstReadable(candidateFallbackFiles());
    if (!m_fontFile.empty()) {
        m_ui = addFont(atlas, m_fontFile, uiSize, m_ranges.Data, false);
        if (m_ui && !fallback.empty()) addFont(atlas, fallback, uiSize, m_ranges.Data, true);
        m_text = addFont(atlas, m_fontFile, textSize, m_ranges.Data, false);
        if (m_text && !fallback.empty()) addFont(atlas, fallback, textSize, m_ranges.Data, true);
    }
    if (!m_ui || !m_text) {
        atlas.Clear();
        std::string looked;
        for (const fs::path& p : candidateFontFiles()) looked += "\n  " + p.string();
        m_warning = m_fontFile.empty()
                        ? "DejaVuSans.ttf was not found (install fonts-dejavu-core, or set "
                          "CLAIMMARK_FONT to a .ttf file). Looked in:" +
                              looked +
                              "\nUsing Dear ImGui's built-in font, which has ASCII only: other "
                              "characters show as '?'."
                        : "Could not load " + m_fontFile.string() + "; using Dear ImGui's built-in font (ASCII only).";
        m_fontFile.clear();
        ImFontConfig config;
        config.SizePixels = uiSize;
        m_ui = atlas.AddFontDefault(&config);
        ImFontConfig textConfig;
        textConfig.SizePixels = textSize;
        m_text = atlas.AddFontDefault(&textConfig);
    }
    for (ImFont* font : {m_ui, m_text})
        for (ImWchar c : kIgnorable) atlas.AddCustomRectFontGlyph(font, c, 1, 1, 0.0f);
    atlas.Build();
    // Missing glyphs draw as U+FFFD when the font has it (DejaVu does), else '?'.
    for (ImFont* font : {m_ui, m_text}) {
        if (font->FallbackChar != 0xFFFD && font->FindGlyphNoFallback(0xFFFD)) {
            font->FallbackChar = 0xFFFD;
            font->BuildLookupTable();
        }
    }
}

float glyphAdvance(const ImFont* font, float size, char32_t cp) {
    if (cp > 0xFFFF) cp = 0xFFFD;
    return font->GetCharAdvance(static_cast<ImWchar>(cp)) * (size / font->FontSize);
}

}  // namespace claimmark::app
