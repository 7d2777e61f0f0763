// Usage: --help everywhere (exit 0, stdout), --version, and usage errors (exit 2, one line
// plus where to look).
#include "test_cli_support.h"

using namespace clitest;

TEST_CASE("usage: --help lists exactly the commands this build has") {
    for (const char* help : {"--help", "-h", "help"}) {
        CAPTURE(help);
        RunResult r = run(help);
        CHECK(r.exitCode == 0);
        CHECK(contains(r.out, "claimmark validate SET.json..."));
        CHECK(contains(r.out, "claimmark stats SET.json..."));
        CHECK(contains(r.out, "claimmark reanchor SET.json -o NEW.json"));
        CHECK(contains(r.out, "claimmark export --to FORMAT"));
        CHECK(contains(r.out, "claimmark import --from FORMAT"));
        CHECK(contains(r.out, "claimmark agree SET.json SET.json..."));
        CHECK(contains(r.out, "claimmark merge SET.json SET.json... -o GOLD.json"));
        CHECK(contains(r.out, "claimmark suggest ARTICLE"));
        CHECK(contains(r.out, "claimmark report SET.json..."));
        CHECK(contains(r.out, "claimmark intake SOURCE -o ARTICLE.txt"));
        CHECK(r.err.empty());
    }
}

TEST_CASE("usage: --version") {
    RunResult r = run("--version");
    CHECK(r.exitCode == 0);
    CHECK(r.out == "claimmark 0.1.0\n");
}

TEST_CASE("usage: every command's --help prints its usage to stdout and exits 0") {
    for (const char* command : {"validate", "stats", "reanchor", "export", "import", "agree", "merge"}) {
        CAPTURE(command);
        RunResult r = run(std::string(command) + " --help");
        CHECK(r.exitCode == 0);
        CHECK(contains(r.out, std::string("usage: claimmark ") + command));
        CHECK(r.err.empty());

        RunResult viaHelp = run(std::string("help ") + command);
        CHECK(viaHelp.exitCode == 0);
        CHECK(viaHelp.out == r.out);
    }
    // --help wins even after other arguments.
    RunResult r = run("reanchor some.json -h");
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "usage: claimmark reanchor"));
}

TEST_CASE("usage: no arguments prints the usage to stderr and exits 2") {
    RunResult r = run("");
    CHECK(r.exitCode == 2);
    CHECK(contains(r.err, "usage:"));
    CHECK(r.out.empty());
}

TEST_CASE("usage: errors exit 2 with one line and a pointer to the command's help") {
    struct Case {
        const char* args;
        const char* message;
        const char* help;
    };
    const Case cases[] = {
        {"validate", "claimmark validate: no annotation set given\n", "see 'claimmark validate --help'\n"},
        {"validate --strict x.json", "claimmark validate: unknown option '--strict'\n",
         "see 'claimmark validate --help'\n"},
        {"stats", "claimmark stats: no annotation set given\n", "see 'claimmark stats --help'\n"},
        {"stats x.json --jsn", "claimmark stats: unknown option '--jsn'\n", "see 'claimmark stats --help'\n"},
        {"stats --json=yes x.json", "claimmark stats: option '--json' takes no value\n",
         "see 'claimmark stats --help'\n"},
        {"reanchor x.json", "claimmark reanchor: missing -o NEW.json\n", "see 'claimmark reanchor --help'\n"},
        {"reanchor x.json -o", "claimmark reanchor: option '-o' needs an argument\n",
         "see 'claimmark reanchor --help'\n"},
        {"reanchor -o y.json", "claimmark reanchor: no annotation set given\n", "see 'claimmark reanchor --help'\n"},
        {"reanchor x.json z.json -o y.json", "claimmark reanchor: one annotation set at a time",
         "see 'claimmark reanchor --help'\n"},
        {"help nonsense", "claimmark help: no command 'nonsense'\n", "see 'claimmark --help'\n"},
        {"--version extra", "claimmark --version: takes no arguments\n", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.args);
        RunResult r = run(c.args);
        CHECK(r.exitCode == 2);
        CHECK(contains(r.err, c.message));
        CHECK(contains(r.err, c.help));
        CHECK(r.out.empty());
    }
}

TEST_CASE("usage: the editor's command line is checked before anything opens") {
    TempDir dir;
    writeFile(dir / "article.txt", kArticle);
    struct Case {
        const char* args;
        const char* message;
    };
    // Run inside `dir` so "article.txt" exists; "exprot" does not.
    const Case cases[] = {
        {"exprot --to brat x.json", "claimmark: unknown command 'exprot'"},
        {"open", "claimmark: no article given"},
        {"article.txt --set", "claimmark: option '--set' needs an argument"},
        {"open article.txt --colour red", "claimmark: unknown option '--colour'"},
        {"article.txt other.txt", "claimmark: one article at a time"},
        {"article.txt --annotator ''", "claimmark: --annotator needs a name"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.args);
        RunResult r = run(c.args, dir.path());
        CHECK(r.exitCode == 2);
        CHECK(contains(r.err, c.message));
        CHECK(contains(r.err, "see 'claimmark --help'"));
    }
}

TEST_CASE("usage: the editor form is listed exactly when this build has the editor") {
    const bool listed = contains(run("--help").out, "claimmark [open] ARTICLE");
    RunResult r = run("open --help");
    if (listed) {
        CHECK(r.exitCode == 0);
        CHECK(contains(r.out, "usage: claimmark [open] ARTICLE"));
    } else {
        CHECK(r.exitCode == 2);
        CHECK(contains(r.err, "this build has no editor"));
    }
}
