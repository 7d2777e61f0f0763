// test_editor_arguments_modes.cpp — the editor's project and adjudication command lines:
// `claimmark [open] DIR` and `claimmark adjudicate ARTICLE SET.json SET.json...`. Usage
// errors exit 2 before anything opens; a line that parses goes on to open a window, which
// these tests deny (no DISPLAY), so exit 1 with "cannot open a window" and nothing else
// said means the line was understood.
#include "test_cli_support.h"

#include <cstdlib>
#include <optional>

using namespace clitest;

namespace {

// Runs with no display: the editor, if reached, fails to open its window.
class NoDisplay {
public:
    NoDisplay() {
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY"}) {
            const char* value = std::getenv(name);
            m_saved.push_back({name, value ? std::optional<std::string>(value) : std::nullopt});
            ::unsetenv(name);
        }
    }
    ~NoDisplay() {
        for (const auto& [name, value] : m_saved)
            if (value) ::setenv(name.c_str(), value->c_str(), 1);
    }

private:
    std::vector<std::pair<std::string, std::optional<std::string>>> m_saved;
};

bool editorBuilt() { return contains(run("--help").out, "claimmark [open] ARTICLE"); }

}  // namespace

TEST_CASE("editor modes: usage errors of adjudicate and of a project folder") {
    if (!editorBuilt()) return;  // a build without the editor refuses these lines anyway
    TempDir dir;
    writeFile(dir / "article.txt", kArticle);
    writeFile(dir / "a.json", "{}");
    writeFile(dir / "b.json", "{}");
    struct Case {
        const char* args;
        const char* message;
    };
    const Case cases[] = {
        {"adjudicate", "claimmark: adjudicate: no article given"},
        {"adjudicate article.txt a.json", "claimmark: adjudicate: needs the sets of at least two reviewers (got 1)"},
        {"adjudicate article.txt", "needs the sets of at least two reviewers (got 0)"},
        {"adjudicate article.txt a.json b.json --annotator ''", "claimmark: adjudicate: --annotator needs a name"},
        {"adjudicate article.txt a.json b.json --schema s.json", "unknown option '--schema'"},
        {"open . --set x.json", "claimmark: --set names one article's set"},
        {". --set x.json", "claimmark: --set names one article's set"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.args);
        RunResult r = run(c.args, dir.path());
        CHECK(r.exitCode == 2);
        CHECK(contains(r.err, c.message));
        CHECK(contains(r.err, "see 'claimmark --help'"));
    }
}

TEST_CASE("editor modes: a folder opens the project view (here: up to the missing display)") {
    if (!editorBuilt()) return;
    TempDir dir;
    fs::create_directories(dir / "project/samples");
    writeFile(dir / "project/samples/article.txt", kArticle);
    NoDisplay noDisplay;
    for (const char* args : {"open project", "project", "open project/ --annotator lee"}) {
        CAPTURE(args);
        RunResult r = run(args, dir.path());
        CHECK(r.exitCode == 1);
        CHECK(contains(r.err, "cannot open a window"));
        // Read as an article, the folder would have been refused first.
        CHECK_FALSE(contains(r.err, "project: "));
        CHECK(r.out.empty());
    }
}

TEST_CASE("editor modes: adjudicate with two sets gets as far as the window") {
    if (!editorBuilt()) return;
    TempDir dir;
    writeFile(dir / "article.txt", kArticle);
    writeFile(dir / "a.json", standardSet().dump());
    writeFile(dir / "b.json", standardSet().dump());
    NoDisplay noDisplay;
    RunResult r = run("adjudicate article.txt a.json b.json --set gold.json", dir.path());
    CHECK(r.exitCode == 1);  // no window without a display, or the view refused the files
    CHECK(r.out.empty());
}

TEST_CASE("editor modes: help names the project and adjudication forms") {
    if (!editorBuilt()) return;
    const std::string overview = run("--help").out;
    CHECK(contains(overview, "claimmark [open] DIR"));
    CHECK(contains(overview, "claimmark adjudicate ARTICLE SET.json SET.json..."));

    RunResult help = run("help adjudicate");
    CHECK(help.exitCode == 0);
    CHECK(contains(help.out, "usage: claimmark adjudicate ARTICLE SET.json SET.json... [--set GOLD.json]"));
    CHECK(contains(help.out, "default: gold"));

    RunResult flag = run("adjudicate --help");
    CHECK(flag.exitCode == 0);
    CHECK(contains(flag.out, "usage: claimmark adjudicate"));

    RunResult open = run("open --help");
    CHECK(open.exitCode == 0);
    CHECK(contains(open.out, "usage: claimmark [open] ARTICLE"));
    CHECK(contains(open.out, "claimmark [open] DIR"));
}
