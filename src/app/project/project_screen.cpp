// project_screen.cpp — the project view as a screen (project_screen.h).
#include "app/project/project_screen.h"

#include "app/editor/editor_dialogs.h"

#include "core/team/project_layout.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>  // key codes only

#include <algorithm>

namespace claimmark::app {

ProjectScreen::ProjectScreen(EditorOptions options, Project project, ScreenOpener opener)
    : m_options(std::move(options)), m_opener(std::move(opener)) {
    m_view.reviewerName() = m_options.annotator.empty() ? defaultAnnotatorName() : m_options.annotator;
    m_view.setProject(std::move(project));
    updateGlyphText();
}

Result<std::unique_ptr<ProjectScreen>> ProjectScreen::open(const EditorOptions& options, ScreenOpener opener) {
    Result<Project> project = scanProject(options.projectRoot);
    if (!project) return project.errors();
    return std::make_unique<ProjectScreen>(options, std::move(*project), std::move(opener));
}

void ProjectScreen::rescan() {
    Result<Project> project = scanProject(m_options.projectRoot);
    if (!project) {
        m_view.setMessage(project.errorText());
        return;
    }
    m_view.setProject(std::move(*project));
    updateGlyphText();
}

void ProjectScreen::updateGlyphText() {
    const Project& project = m_view.project();
    m_glyphText = project.root.string();
    for (const std::string& reviewer : project.reviewers) m_glyphText += reviewer;
    for (const ProjectDocument& document : project.documents) m_glyphText += document.stem;
    for (const Diagnostic& problem : project.problems) m_glyphText += problem.toString();
}

std::string ProjectScreen::title() const {
    std::string name = m_options.projectRoot.filename().string();
    if (name.empty() || name == ".") name = m_options.projectRoot.lexically_normal().parent_path().filename().string();
    return "claimmark \xE2\x80\x94 project " + name;
}

void ProjectScreen::setFonts(ImFont* ui, ImFont*, float) { m_uiFont = ui; }

Result<EditorOptions> ProjectScreen::optionsFor(const ProjectRequest& request) const {
    const Project& project = m_view.project();
    const auto document = std::find_if(project.documents.begin(), project.documents.end(),
                                       [&](const ProjectDocument& d) { return d.stem == request.stem; });
    if (document == project.documents.end())
        return Diagnostic{request.stem, "", "no such document in the project (rescan with F5)"};
    if (document->articlePath.empty())
        return Diagnostic{(project.root / "annotations" / document->stem).string(), "",
                          "its article " + document->stem + ".txt is not in the project folder or samples/"};

    EditorOptions options;
    options.article = document->articlePath;
    options.schema = m_options.schema;
    // Sets live beside the articles the scan found, whichever folder they are in.
    const std::filesystem::path folder = project.root / "annotations" / document->stem;
    if (request.kind == ProjectRequest::Kind::Adjudicate) {
        const std::vector<const ReviewerSet*> sets = ProjectView::reviewerSetsOf(*document);
        if (sets.size() < 2)
            return Diagnostic{folder.string(), "", "adjudication needs the sets of at least two reviewers"};
        options.mode = EditorMode::Adjudicate;
        for (const ReviewerSet* set : sets) options.reviewerSets.push_back(set->setPath);
        options.annotator = kGoldAnnotator;
        options.setPath = folder / (std::string(kGoldAnnotator) + ".json");
        return options;
    }
    const std::string& name = m_view.reviewerName();
    if (name.empty()) return Diagnostic{"", "", "type your name first (the set is annotations/<document>/<name>.json)"};
    options.mode = EditorMode::Edit;
    options.annotator = sanitizeFileName(name);
    options.setPath = folder / (options.annotator + ".json");
    return options;
}

void ProjectScreen::handleShortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl) return;
    if (ImGui::IsKeyPressed(GLFW_KEY_Q, false)) requestClose();
    handleZoomKeys(m_zoom);
}

void ProjectScreen::draw() {
    if (m_uiFont) ImGui::PushFont(m_uiFont);
    beginScreenWindow("claimmark project", true);
    handleShortcuts();
    if (!m_fontWarning.empty()) ImGui::TextColored(ImVec4(0.70f, 0.15f, 0.10f, 1.0f), "%s", m_fontWarning.c_str());
    m_view.drawContent();
    ImGui::End();
    if (m_uiFont) ImGui::PopFont();

    // After the frame: the host switches screens between frames, never mid-frame.
    if (std::optional<ProjectRequest> request = m_view.takeRequest()) {
        if (request->kind == ProjectRequest::Kind::Rescan) {
            rescan();
            m_view.setMessage("");
            return;
        }
        Result<EditorOptions> options = optionsFor(*request);
        Diagnostics problems = options ? (m_opener ? m_opener(*options) : Diagnostics{}) : options.errors();
        m_view.setMessage(problems.empty() ? std::string() : joinDiagnostics(problems));
    }
}

}  // namespace claimmark::app
