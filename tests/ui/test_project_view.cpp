// test_project_view.cpp — the project screen, headless: a project folder written by the
// test, the documents listed with each reviewer's status, and every way of opening one
// (Enter, double-click, the row's buttons, the filter box), each checked through the
// EditorOptions the screen hands to the window host.
#include "ui_fixture.h"

#include "app/project/project_screen.h"

#include <filesystem>
#include <algorithm>
#include <fstream>
#include <memory>
#include <vector>

using namespace claimmark;
using namespace claimmark::app;
namespace fs = std::filesystem;

namespace {

void writeText(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
    REQUIRE(out.good());
}

// A minimal valid set with `count` one-character claims; "done" when asked.
std::string setJson(const std::string& annotator, int count, bool done, int disputed = 0) {
    std::string out =
        "{\"format\": \"claimmark/annotation-set\", \"version\": 1,\n"
        "\"document\": {\"path\": \"x.txt\", \"sha256\": \"" +
        std::string(64, 'b') + "\", \"length\": 50},\n\"annotator\": \"" + annotator + "\",\n";
    if (done) out += "\"done\": true,\n";
    out += "\"annotations\": [\n";
    for (int i = 0; i < count; ++i) {
        out += "{\"id\": \"a" + std::to_string(i + 1) +
               "\", \"label\": \"claim\", \"spans\": [{\"start\": " + std::to_string(i) +
               ", \"end\": " + std::to_string(i + 1) + "}]";
        if (i < disputed) out += ", \"status\": \"disputed\"";
        out += i + 1 < count ? "},\n" : "}\n";
    }
    return out + "],\n\"relations\": []}\n";
}

// The project every test starts from:
//   samples/alpha.txt    alice done (3), bob in progress (1), gold with 2 disputes of 4
//   samples/beta.txt     alice in progress (2)
//   gamma.txt (in root)  nobody yet
struct ProjectFolder {
    testing::TempFolder folder{"claimmark-project-ui-"};
    fs::path root = folder.path;
    ProjectFolder() {
        writeText(root / "samples/alpha.txt", "Alpha may help.");
        writeText(root / "samples/beta.txt", "Beta is said to work.");
        writeText(root / "gamma.txt", "Gamma, perhaps.");
        writeText(root / "annotations/alpha/alice.json", setJson("alice", 3, true));
        writeText(root / "annotations/alpha/bob.json", setJson("bob", 1, false));
        writeText(root / "annotations/alpha/gold.json", setJson("gold", 4, false, 2));
        writeText(root / "annotations/beta/alice.json", setJson("alice", 2, false));
    }
};

// An ImGui context with the GLFW key map, and the project screen over `root`; every
// request to open something is recorded (and answered with `answer`).
class HeadlessProject {
public:
    explicit HeadlessProject(const fs::path& root, const std::string& me = "carol") {
        m_context = testing::createHeadlessContext(ImVec2(1200, 700));

        EditorOptions options;
        options.mode = EditorMode::Project;
        options.projectRoot = root;
        options.annotator = me;
        auto opened = ProjectScreen::open(options, [this](const EditorOptions& request) {
            opened_.push_back(request);
            return answer;
        });
        REQUIRE_MESSAGE(opened.ok(), opened.errorText());
        m_screen = std::move(*opened);

        testing::buildHeadlessFonts(m_fonts, m_screen->glyphText());
        m_screen->setFonts(m_fonts.ui(), m_fonts.text(), m_fonts.textSize());
        frames(3);
    }
    ~HeadlessProject() {
        m_screen.reset();
        ImGui::DestroyContext(m_context);
    }
    HeadlessProject(const HeadlessProject&) = delete;
    HeadlessProject& operator=(const HeadlessProject&) = delete;

    ProjectScreen& screen() { return *m_screen; }
    ProjectView& view() { return m_screen->view(); }

    void frame() {
        ImGui::NewFrame();
        m_screen->draw();
        ImGui::Render();
    }
    void frames(int count) {
        for (int i = 0; i < count; ++i) frame();
    }
    void click(ImVec2 pos) {
        testing::clickAt([this] { frame(); }, pos, /*settleFrames=*/0);
    }
    void doubleClick(ImVec2 pos) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = pos;
        frame();
        for (int i = 0; i < 2; ++i) {
            io.MouseDown[0] = true;
            frame();
            io.MouseDown[0] = false;
            frame();
        }
    }
    void key(int glfwKey, bool ctrl = false) {
        testing::pressKey([this] { frame(); }, glfwKey, ctrl);
    }
    ImVec2 rowOf(const std::string& stem) {
        auto geometry = view().geometryOf(stem);
        REQUIRE_MESSAGE(geometry.has_value(), "row of " << stem << " not drawn");
        return geometry->row;
    }

    std::vector<EditorOptions> opened_;
    Diagnostics answer;  // what the "host" says to an open request; empty: it opened

private:
    ImGuiContext* m_context = nullptr;
    FontSet m_fonts;
    std::unique_ptr<ProjectScreen> m_screen;
};

std::vector<std::string> visibleStems(ProjectView& view) {
    std::vector<std::string> stems;
    for (std::size_t i : view.visibleRows()) stems.push_back(view.project().documents[i].stem);
    return stems;
}

}  // namespace

TEST_CASE("project view: documents sorted by name, reviewers and their status") {
    ProjectFolder folder;
    HeadlessProject project(folder.root);
    const Project& scanned = project.view().project();
    CHECK(scanned.reviewers == std::vector<std::string>{"alice", "bob", "gold"});
    CHECK(visibleStems(project.view()) == std::vector<std::string>{"alpha", "beta", "gamma"});
    // Every row is on screen, the first one selected, nothing asked of the host yet.
    for (const char* stem : {"alpha", "beta", "gamma"}) CHECK(project.view().geometryOf(stem).has_value());
    CHECK(project.view().selectedStem() == "alpha");
    CHECK(project.opened_.empty());
    // Only alpha has two reviewers' sets, so only its row offers adjudication.
    CHECK(project.view().geometryOf("alpha")->adjudicate.has_value());
    CHECK_FALSE(project.view().geometryOf("beta")->adjudicate.has_value());
    CHECK(project.view().geometryOf("gamma")->open.has_value());

    const ProjectDocument& alpha = scanned.documents[0];
    CHECK(alpha.reviewers[0].status == ReviewStatus::Done);
    CHECK(alpha.reviewers[0].annotationCount == 3);
    CHECK(alpha.reviewers[1].status == ReviewStatus::InProgress);
    CHECK(alpha.reviewers[2].disputedCount == 2);
    CHECK(project.screen().title() == "claimmark \xE2\x80\x94 project " + folder.root.filename().string());
}

TEST_CASE("project view: Enter opens the selected article as you, in the project's layout") {
    ProjectFolder folder;
    HeadlessProject project(folder.root, "carol");
    project.key(GLFW_KEY_DOWN);
    CHECK(project.view().selectedStem() == "beta");
    project.key(GLFW_KEY_ENTER);
    REQUIRE(project.opened_.size() == 1);
    const EditorOptions& options = project.opened_[0];
    CHECK(options.mode == EditorMode::Edit);
    CHECK(options.article == folder.root / "samples/beta.txt");
    REQUIRE(options.setPath.has_value());
    CHECK(*options.setPath == folder.root / "annotations/beta/carol.json");
    CHECK(options.annotator == "carol");
    CHECK(project.view().message().empty());
}

TEST_CASE("project view: Down, End and Up move the selection and stop at the ends") {
    ProjectFolder folder;
    HeadlessProject project(folder.root);
    project.key(GLFW_KEY_END);
    CHECK(project.view().selectedStem() == "gamma");
    project.key(GLFW_KEY_DOWN);
    CHECK(project.view().selectedStem() == "gamma");
    project.key(GLFW_KEY_UP);
    CHECK(project.view().selectedStem() == "beta");
    project.key(GLFW_KEY_HOME);
    CHECK(project.view().selectedStem() == "alpha");
}

TEST_CASE("project view: a click selects a row, a double-click opens it") {
    ProjectFolder folder;
    HeadlessProject project(folder.root, "dan");
    project.click(project.rowOf("gamma"));
    CHECK(project.view().selectedStem() == "gamma");
    CHECK(project.opened_.empty());
    project.doubleClick(project.rowOf("beta"));
    REQUIRE(project.opened_.size() == 1);
    CHECK(project.opened_[0].article == folder.root / "samples/beta.txt");
    CHECK(*project.opened_[0].setPath == folder.root / "annotations/beta/dan.json");
}

TEST_CASE("project view: the row's Adjudicate button opens the reviewers' sets into gold") {
    ProjectFolder folder;
    HeadlessProject project(folder.root);
    auto geometry = project.view().geometryOf("alpha");
    REQUIRE(geometry);
    REQUIRE(geometry->adjudicate);
    project.click(*geometry->adjudicate);
    REQUIRE(project.opened_.size() == 1);
    const EditorOptions& options = project.opened_[0];
    CHECK(options.mode == EditorMode::Adjudicate);
    CHECK(options.article == folder.root / "samples/alpha.txt");
    // The reviewers' sets, not the gold set itself.
    CHECK(options.reviewerSets == std::vector<fs::path>{folder.root / "annotations/alpha/alice.json",
                                                        folder.root / "annotations/alpha/bob.json"});
    CHECK(*options.setPath == folder.root / "annotations/alpha/gold.json");
    CHECK(options.annotator == "gold");

    // Ctrl+Enter on a document with a single reviewer says why not, and opens nothing.
    project.key(GLFW_KEY_DOWN);
    REQUIRE(project.view().selectedStem() == "beta");
    project.key(GLFW_KEY_ENTER, /*ctrl=*/true);
    CHECK(project.opened_.size() == 1);
    CHECK(project.view().message().find("at least two reviewers") != std::string::npos);
}

TEST_CASE("project view: the row's Open button, and the host's refusal shown") {
    ProjectFolder folder;
    HeadlessProject project(folder.root);
    project.answer = {Diagnostic{"samples/gamma.txt", "byte 3", "not valid UTF-8"}};
    auto geometry = project.view().geometryOf("gamma");
    REQUIRE(geometry);
    REQUIRE(geometry->open);
    project.click(*geometry->open);
    REQUIRE(project.opened_.size() == 1);
    CHECK(project.opened_[0].article == folder.root / "gamma.txt");  // root articles too
    CHECK(*project.opened_[0].setPath == folder.root / "annotations/gamma/carol.json");
    CHECK(project.view().selectedStem() == "gamma");
    CHECK(project.view().message() == "samples/gamma.txt: byte 3: not valid UTF-8");
}

TEST_CASE("project view: the filter narrows the rows; Enter in it opens the first match") {
    ProjectFolder folder;
    HeadlessProject project(folder.root);
    project.view().setFilter("ET");  // case-insensitive: beta
    project.frame();
    CHECK(visibleStems(project.view()) == std::vector<std::string>{"beta"});
    CHECK(project.view().selectedStem() == "beta");
    CHECK_FALSE(project.view().geometryOf("alpha").has_value());
    project.key(GLFW_KEY_ENTER);
    REQUIRE(project.opened_.size() == 1);
    CHECK(project.opened_[0].article == folder.root / "samples/beta.txt");

    project.view().setFilter("nothing like it");
    project.frame();
    CHECK(visibleStems(project.view()).empty());
    CHECK(project.view().selectedStem().empty());
    project.key(GLFW_KEY_ENTER);
    CHECK(project.opened_.size() == 1);  // nothing selected, nothing opened
}

TEST_CASE("project view: an article made by intake has its title and source; the filter finds the title") {
    ProjectFolder folder;
    writeText(folder.root / "samples/beta.source.json",
              R"({"format": "claimmark/source", "version": 1, "title": "Does beta work? The trials",
                  "url": "https://news.example.com/beta"})");
    HeadlessProject project(folder.root);
    const auto& documents = project.view().project().documents;
    const auto beta = std::find_if(documents.begin(), documents.end(), [](const auto& d) { return d.stem == "beta"; });
    REQUIRE(beta != documents.end());
    CHECK(beta->title == "Does beta work? The trials");
    CHECK(beta->source == "https://news.example.com/beta");
    project.view().setFilter("the trials");
    project.frame();
    CHECK(visibleStems(project.view()) == std::vector<std::string>{"beta"});
    // Rows are two lines high now (title, then source): each still answers a click.
    project.view().setFilter("");
    project.frames(2);
    project.click(project.rowOf("gamma"));
    CHECK(project.view().selectedStem() == "gamma");
}

TEST_CASE("project view: Ctrl+F then typing filters; Enter in the box opens") {
    ProjectFolder folder;
    HeadlessProject project(folder.root);
    project.key(GLFW_KEY_F, /*ctrl=*/true);
    project.frame();
    ImGuiIO& io = ImGui::GetIO();
    io.AddInputCharacter('g');
    project.frame();
    io.AddInputCharacter('a');
    project.frame();
    project.frame();
    CHECK(visibleStems(project.view()) == std::vector<std::string>{"gamma"});
    project.key(GLFW_KEY_ENTER);
    REQUIRE(project.opened_.size() == 1);
    CHECK(project.opened_[0].article == folder.root / "gamma.txt");
}

TEST_CASE("project view: back from the editor, the folder is read again") {
    ProjectFolder folder;
    HeadlessProject project(folder.root, "carol");
    writeText(folder.root / "annotations/gamma/carol.json", setJson("carol", 5, true));
    project.screen().onFocusGained();  // what the host calls when the editor closes
    project.frames(2);
    const Project& scanned = project.view().project();
    CHECK(scanned.reviewers == std::vector<std::string>{"alice", "bob", "carol", "gold"});
    const ProjectDocument& gamma = scanned.documents[2];
    REQUIRE(gamma.stem == "gamma");
    CHECK(gamma.reviewers[2].status == ReviewStatus::Done);
    CHECK(gamma.reviewers[2].annotationCount == 5);
}

TEST_CASE("project view: problems from the scan are kept for the page; Ctrl+Q closes it") {
    ProjectFolder folder;
    writeText(folder.root / "annotations/beta/broken.json", "{ not json");
    HeadlessProject project(folder.root);
    const Diagnostics& problems = project.view().project().problems;
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file.find("broken.json") != std::string::npos);
    CHECK_FALSE(project.screen().closeConfirmed());
    project.key(GLFW_KEY_Q, /*ctrl=*/true);
    CHECK(project.screen().closeConfirmed());
}

TEST_CASE("project view: a folder that is not there cannot be opened") {
    EditorOptions options;
    options.mode = EditorMode::Project;
    options.projectRoot = fs::temp_directory_path() / "claimmark-no-such-project-folder";
    auto opened = ProjectScreen::open(options, {});
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.errorText().find("not a folder") != std::string::npos);
}
