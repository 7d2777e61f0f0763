// test_hostile_input.cpp — what fuzzing and fault tests found, each kept found: deep nesting,
// numbers a double cannot hold, imports that would write unreadable sets, sets that point at
// files outside their project, and outputs that must be replaced atomically and never through
// a linked folder. Each test runs the real binary.
#include "test_cli_support.h"

#include <string>

using namespace clitest;

namespace {

// `depth` nested arrays around a 0.
std::string nestedArrays(std::size_t depth) { return std::string(depth, '[') + "0" + std::string(depth, ']'); }

// The standard set with an unknown key holding `value` (JSON text spliced in as is).
std::string setWithUnknownKey(const std::string& value) {
    std::string text = standardSet().dump();
    text.insert(text.size() - 1, ",\"extra\":" + value);
    return text;
}

std::string jsonlLine(const std::string& annotationsJson) {
    return "{\"text\": " + nlohmann::json(kArticle).dump() + ", \"annotations\": " + annotationsJson + "}\n";
}

}  // namespace

TEST_CASE("hostile: a set nested 100,000 deep is refused with its place, by every command that reads sets") {
    Fixture f;
    writeFile(f.set, setWithUnknownKey(nestedArrays(100000)));
    for (const std::string command : {"validate", "stats"}) {
        RunResult r = run(command + " " + f.setArg());
        CAPTURE(command);
        CHECK(r.exitCode == 1);
        CHECK(contains(r.err, "set.json"));
        CHECK(contains(r.err, "nested deeper than 256 levels"));
        CHECK(contains(r.err, "line 1, column "));
    }
    RunResult reanchored = run("reanchor " + f.setArg() + " -o " + quote((f.dir / "new.json").string()));
    CHECK(reanchored.exitCode == 1);
    CHECK(contains(reanchored.err, "nested deeper than 256 levels"));
    CHECK_FALSE(fs::exists(f.dir / "new.json"));
    RunResult agreed = run("agree " + f.setArg() + " " + f.setArg());
    CHECK(agreed.exitCode == 1);
    CHECK(contains(agreed.err, "nested deeper than 256 levels"));
}

TEST_CASE("hostile: unknown keys nested up to the limit load, are written back, and the writer survives") {
    Fixture f;
    writeFile(f.set, setWithUnknownKey(nestedArrays(250)));
    RunResult valid = run("validate " + f.setArg());
    CHECK(valid.exitCode == 0);
    RunResult reanchored = run("reanchor " + f.setArg() + " -o " + quote((f.dir / "new.json").string()));
    CHECK(reanchored.exitCode == 0);
    CHECK(nlohmann::json::parse(readFile(f.dir / "new.json")).at("extra") == nlohmann::json::parse(nestedArrays(250)));
}

TEST_CASE("hostile: numbers that overflow a double are reported by every JSON importer, not aborted on") {
    TempDir dir;
    const fs::path input = dir / "in.json";
    for (const std::string format : {"jsonl", "labelstudio", "doccano", "w3c"}) {
        for (const std::string number : {"1e309", "-1e309"}) {
            CAPTURE(format);
            CAPTURE(number);
            writeFile(input, "{\"text\":" + number + "}\n");
            RunResult r = run("import --from " + format + " " + quote(input.string()) + " -o " +
                              quote((dir / "out.json").string()) + " --article " + quote(input.string()));
            CHECK(r.exitCode == 1);
            CHECK(contains(r.err, "in.json"));
            CHECK(contains(r.err, "too large to represent"));
            CHECK(contains(r.err, "line 1, column 9"));
            CHECK_FALSE(fs::exists(dir / "out.json"));
        }
    }
}

TEST_CASE("hostile: JSON nested too deep is refused by every JSON importer and by --schema") {
    TempDir dir;
    const fs::path input = dir / "in.json";
    writeFile(input, "{\"text\":" + nestedArrays(5000) + "}\n");
    for (const std::string format : {"jsonl", "labelstudio", "doccano", "w3c"}) {
        CAPTURE(format);
        RunResult r = run("import --from " + format + " " + quote(input.string()) + " -o " +
                          quote((dir / "out.json").string()) + " --article " + quote(input.string()));
        CHECK(r.exitCode == 1);
        CHECK(contains(r.err, "nested deeper than 256 levels"));
    }
}

TEST_CASE("hostile: import never writes a set the reader rejects (empty names in the schema)") {
    TempDir dir;
    const fs::path input = dir / "in.jsonl";
    // An empty relation type, an empty attribute name, an empty enum value.
    const std::string annotations =
        "[{\"id\": \"a1\", \"label\": \"claim\", \"spans\": [{\"start\": 0, \"end\": 6}], \"text\": \"Kratom\", "
        "\"attributes\": {\"\": \"x\"}},"
        " {\"id\": \"a2\", \"label\": \"hedge\", \"spans\": [{\"start\": 7, \"end\": 10}], \"text\": \"may\", "
        "\"attributes\": {\"kind\": \"\"}}]";
    const std::string line = "{\"text\": " + nlohmann::json(kArticle).dump() + ", \"annotations\": " + annotations +
                             ", \"relations\": [{\"id\": \"r1\", \"type\": \"\", \"from\": \"a2\", \"to\": \"a1\"}]}\n";
    writeFile(input, line);
    const fs::path out = dir / "out.json";
    RunResult strict = run("import --from jsonl " + quote(input.string()) + " -o " + quote(out.string()));
    CHECK(strict.exitCode == 1);
    CHECK(contains(strict.err, "empty name"));
    CHECK_FALSE(fs::exists(out));

    RunResult lenient = run("import --from jsonl --lenient " + quote(input.string()) + " -o " + quote(out.string()));
    CHECK(lenient.exitCode == 0);
    CHECK(contains(lenient.err, "skipped"));
    REQUIRE(fs::exists(out));
    RunResult valid = run("validate " + quote(out.string()));
    CHECK(valid.exitCode == 0);
    CHECK(valid.err.empty());
}

TEST_CASE("hostile: a set's document.path may not lead outside its project, unless --article names the file") {
    TempDir dir;
    const fs::path project = dir / "project";
    fs::create_directories(project / "annotations" / "article");
    fs::create_directories(dir / "private");
    writeFile(dir / "private" / "secret.txt", kArticle);  // same text, so the hash would match
    writeFile(project / "article.txt", kArticle);
    const fs::path set = project / "annotations" / "article" / "t.json";
    writeFile(set, standardSet("../../../private/secret.txt").dump(2));

    RunResult validate = run("validate " + quote(set.string()));
    CHECK(validate.exitCode == 1);
    CHECK(contains(validate.err, "document.path"));
    CHECK(contains(validate.err, "leads outside the project"));

    const fs::path exported = dir / "out.jsonl";
    RunResult exportRun = run("export --to jsonl " + quote(set.string()) + " -o " + quote(exported.string()));
    CHECK(exportRun.exitCode == 1);
    CHECK(contains(exportRun.err, "leads outside the project"));
    CHECK_FALSE(fs::exists(exported));

    RunResult agreed = run("agree " + quote(set.string()) + " " + quote(set.string()));
    CHECK(agreed.exitCode == 1);
    CHECK(contains(agreed.err, "leads outside the project"));

    // An absolute path is held to the same rule.
    writeFile(set, standardSet((dir / "private" / "secret.txt").string()).dump(2));
    CHECK(run("validate " + quote(set.string())).exitCode == 1);

    // Named on the command line, the same file is read.
    RunResult named =
        run("validate " + quote(set.string()) + " --article " + quote((dir / "private" / "secret.txt").string()));
    CHECK(named.exitCode == 0);

    // Inside the project (the folder holding annotations/) it is fine.
    writeFile(set, standardSet("../../article.txt").dump(2));
    CHECK(run("validate " + quote(set.string())).exitCode == 0);
}

TEST_CASE("hostile: a symlink inside the project that leads out of it is refused too") {
    TempDir dir;
    fs::create_directories(dir / "outside");
    writeFile(dir / "outside" / "article.txt", kArticle);
    fs::create_directories(dir / "sets");
    fs::create_directory_symlink(dir / "outside", dir / "sets" / "link");
    const fs::path set = dir / "sets" / "t.json";
    writeFile(set, standardSet("link/article.txt").dump(2));
    RunResult r = run("validate " + quote(set.string()));
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "leads outside the project"));
}

TEST_CASE("hostile: import into a folder refuses a symlinked folder inside it, and writes nothing there") {
    TempDir dir;
    fs::create_directories(dir / "elsewhere");
    fs::create_directories(dir / "proj");
    fs::create_directory_symlink(dir / "elsewhere", dir / "proj" / "annotations");
    const fs::path input = dir / "in.jsonl";
    writeFile(input, jsonlLine("[]"));
    RunResult r = run("import --from jsonl " + quote(input.string()) + " -o " + quote((dir / "proj").string()));
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "symbolic link"));
    CHECK(fs::is_empty(dir / "elsewhere"));
}

TEST_CASE("hostile: a staging folder left by a killed run is removed by the next one") {
    TempDir dir;
    fs::create_directories(dir / "proj");
    // A process id that cannot be running: above the kernel's largest.
    const fs::path stale = dir / "proj.partial-4194399";
    fs::create_directories(stale / "annotations");
    writeFile(stale / "half.txt", "half");
    const fs::path input = dir / "in.jsonl";
    writeFile(input, jsonlLine("[]"));
    RunResult r = run("import --from jsonl " + quote(input.string()) + " -o " + quote((dir / "proj").string()));
    CHECK(r.exitCode == 0);
    CHECK_FALSE(fs::exists(stale));
}
