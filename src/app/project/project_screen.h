// project_screen.h — `claimmark open DIR`: the project view as a Screen. It scans the
// folder (core/project_folder.h), draws the ProjectView, and turns the view's requests
// into EditorOptions for the window host, which opens the editor or the adjudication view
// on top of it and comes back here (rescanned) when that closes.
#pragma once

#include "app/editor/editor_launch.h"
#include "app/project/project_view.h"
#include "app/common/screen.h"
#include "core/diagnostic.h"

#include <functional>
#include <memory>
#include <string>

namespace claimmark::app {

// Opens a screen for `options` on top of the project (the host's job); the diagnostics
// say why it could not, and the project view shows them.
using ScreenOpener = std::function<Diagnostics(const EditorOptions&)>;

class ProjectScreen : public Screen {
public:
    // `options`: projectRoot, annotator (who "you" are) and schema (for new sets).
    ProjectScreen(EditorOptions options, Project project, ScreenOpener opener);
    // Fails when options.projectRoot is not a readable folder.
    static Result<std::unique_ptr<ProjectScreen>> open(const EditorOptions& options, ScreenOpener opener);

    void draw() override;
    std::string title() const override;
    const std::string& glyphText() const override { return m_glyphText; }
    float zoom() const override { return m_zoom; }
    void setFonts(ImFont* ui, ImFont* text, float textSize) override;
    void setFontWarning(std::string warning) override { m_fontWarning = std::move(warning); }

    void requestClose() override { m_closeConfirmed = true; }  // nothing to save here
    bool closeConfirmed() const override { return m_closeConfirmed; }
    bool wantsAnotherFrame() const override { return m_view.wantsAnotherFrame(); }
    // Back from the editor, or back to the window after a git pull elsewhere.
    void onFocusGained() override { rescan(); }

    void rescan();
    ProjectView& view() { return m_view; }
    // What opening `stem` means: the editor on annotations/<stem>/<you>.json, or the
    // adjudication view of the reviewers' sets into annotations/<stem>/gold.json.
    Result<EditorOptions> optionsFor(const ProjectRequest& request) const;

private:
    EditorOptions m_options;
    ScreenOpener m_opener;
    ProjectView m_view;
    std::string m_glyphText;  // every name the page shows, for the font's glyphs
    std::string m_fontWarning;
    ImFont* m_uiFont = nullptr;
    float m_zoom = 1.0f;
    bool m_closeConfirmed = false;

    void handleShortcuts();
    void updateGlyphText();
};

}  // namespace claimmark::app
