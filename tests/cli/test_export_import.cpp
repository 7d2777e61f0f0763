// `claimmark export` and `claimmark import`: every format exports the standard fixture,
// usage errors exit 2, bad input exits 1 naming file and line, --lenient keeps the rest,
// nothing is left at -o after an error, and jsonl round-trips byte for byte.
#include "test_cli_support.h"

#include <algorithm>

using namespace clitest;

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// A jsonl line for kArticle with one hedge annotation at [start, end) stating `text`.
std::string hedgeLine(const std::string& id, std::size_t start, std::size_t end, const std::string& text) {
    return nlohmann::json{
        {"id", id},
        {"text", kArticle},
        {"offsets", "codepoint"},
        {"annotator", "dana"},
        {"annotations",
         {{{"id", "a1"}, {"label", "hedge"}, {"spans", {{{"start", start}, {"end", end}}}}, {"text", text}}}}}
        .dump();
}

}  // namespace

TEST_CASE("export: --help lists every format with its description") {
    RunResult r = run("export --help");
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "usage: claimmark export --to FORMAT"));
    for (const char* name : {"jsonl", "brat", "conll", "w3c", "csv", "labelstudio", "doccano", "webanno-tsv",
                             "uima-json", "claimreview", "hf-tokens", "sentences"}) {
        CAPTURE(name);
        CHECK(contains(r.out, std::string("\n  ") + name + " "));
    }
    CHECK(contains(r.out, "one row per annotation"));
    RunResult import = run("import --help");
    CHECK(import.exitCode == 0);
    CHECK(contains(import.out, "usage: claimmark import --from FORMAT"));
    CHECK(contains(import.out, "skipped (--lenient):"));
}

TEST_CASE("export: jsonl, csv and conll of the standard set, with the summary on stderr") {
    Fixture f;
    RunResult jsonl = run("export --to jsonl " + f.setArg() + " -o " + quote((f.dir / "out.jsonl").string()));
    REQUIRE(jsonl.exitCode == 0);
    CHECK(jsonl.out.empty());
    CHECK(contains(jsonl.err, "out.jsonl (1 document, 4 annotations, offsets in codepoint)"));
    nlohmann::json line = nlohmann::json::parse(readFile(f.dir / "out.jsonl"));
    CHECK(line.at("id") == "article");
    CHECK(line.at("annotator") == "t");
    CHECK(line.at("annotations").size() == 4);
    CHECK(line.at("annotations")[2].at("text") == "Consult a doctor first.");
    CHECK(line.at("relations").size() == 3);

    RunResult csv = run("export --to csv --offsets utf16 " + f.setArg() + " -o " + quote((f.dir / "out.csv").string()));
    REQUIRE(csv.exitCode == 0);
    CHECK(contains(csv.err, "offsets in utf16"));
    const std::string table = readFile(f.dir / "out.csv");
    CHECK(contains(table, "article,a3,caveat,22,45,utf16,Consult a doctor first.,,,,consult-professional,,,,t\r\n"));

    RunResult conll = run("export --to conll " + f.setArg() + " -o " + quote((f.dir / "out.conll").string()));
    REQUIRE(conll.exitCode == 0);
    const std::string tokens = readFile(f.dir / "out.conll");
    CHECK(contains(tokens, "# document = article\n"));
    CHECK(contains(tokens, "Kratom\t0\t6\tB-claim\tO\tO\tO\n"));
    CHECK(contains(tokens, "may\t7\t10\tI-claim\tB-hedge\tO\tO\n"));
    CHECK(contains(tokens, "pain\t16\t20\tI-claim\tO\tO\tO\n.\t20\t21\tO\tO\tO\tO\n\n"));
}

TEST_CASE("export: every format in the registry writes its output") {
    Fixture f;
    struct Case {
        const char* format;
        bool folder;
    };
    for (const Case& c :
         {Case{"jsonl", false}, Case{"brat", true}, Case{"conll", false}, Case{"w3c", true}, Case{"csv", false},
          Case{"labelstudio", false}, Case{"doccano", false}, Case{"webanno-tsv", true}, Case{"uima-json", true},
          Case{"claimreview", false}, Case{"hf-tokens", true}, Case{"sentences", false}}) {
        const std::string format = c.format;
        CAPTURE(format);
        const fs::path out = f.dir / (std::string("out-") + c.format);
        RunResult r = run(std::string("export --to ") + c.format + " " + f.setArg() + " -o " + quote(out.string()));
        CAPTURE(r.err);
        CHECK(r.exitCode == 0);
        CHECK(contains(r.err, "wrote "));
        CHECK(fs::exists(out));
        CHECK(fs::is_directory(out) == c.folder);
    }
}

TEST_CASE("export: usage errors exit 2") {
    Fixture f;
    const std::string out = quote((f.dir / "out").string());
    RunResult fixedUnit = run("export --to brat --offsets utf16 " + f.setArg() + " -o " + out);
    CHECK(fixedUnit.exitCode == 2);
    CHECK(contains(fixedUnit.err, "the brat format always uses codepoint offsets"));
    RunResult unknown = run("export --to excel " + f.setArg() + " -o " + out);
    CHECK(unknown.exitCode == 2);
    CHECK(contains(unknown.err, "unknown format 'excel'"));
    RunResult badUnit = run("export --to jsonl --offsets chars " + f.setArg() + " -o " + out);
    CHECK(badUnit.exitCode == 2);
    CHECK(run("export --to jsonl " + f.setArg()).exitCode == 2);
    CHECK(run("export --to jsonl -o " + out).exitCode == 2);
    CHECK(run("export " + f.setArg() + " -o " + out).exitCode == 2);
    CHECK_FALSE(fs::exists(f.dir / "out"));
}

TEST_CASE("export: a set whose article changed is refused, naming the set and reanchor; nothing written") {
    Fixture f;
    writeFile(f.article, "UPDATE: " + kArticle);
    const fs::path out = f.dir / "brat-out";
    RunResult r = run("export --to brat " + f.setArg() + " -o " + quote(out.string()));
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, f.set.string() + ": document.sha256: "));
    CHECK(contains(r.err, "claimmark reanchor"));
    CHECK_FALSE(fs::exists(out));
    for (const auto& entry : fs::directory_iterator(f.dir.path()))
        CHECK_FALSE(contains(entry.path().filename().string(), ".partial-"));
}

TEST_CASE("export: two sets of one article get unique document names") {
    Fixture f;
    writeFile(f.dir / "second.json", readFile(f.set));
    const fs::path out = f.dir / "both.jsonl";
    RunResult r = run("export --to jsonl " + f.setArg() + " " + quote((f.dir / "second.json").string()) + " -o " +
                      quote(out.string()));
    REQUIRE(r.exitCode == 0);
    CHECK(contains(r.err, "(2 documents, 8 annotations, offsets in codepoint)"));
    std::vector<std::string> rows = lines(readFile(out));
    REQUIRE(rows.size() == 2);
    CHECK(nlohmann::json::parse(rows[0]).at("id") == "article");
    CHECK(nlohmann::json::parse(rows[1]).at("id") == "article-2");
}

TEST_CASE("import: jsonl -> set -> jsonl through the command line is byte-identical") {
    Fixture f;
    const fs::path first = f.dir / "first.jsonl";
    REQUIRE(run("export --to jsonl --offsets byte " + f.setArg() + " -o " + quote(first.string())).exitCode == 0);

    const fs::path project = f.dir / "project";
    RunResult imported = run("import --from jsonl " + quote(first.string()) + " -o " + quote(project.string()));
    CAPTURE(imported.err);
    REQUIRE(imported.exitCode == 0);
    CHECK(contains(imported.err, "imported 1 document (4 annotations, 3 relations)"));
    const fs::path set = project / "annotations" / "article" / "t.json";
    REQUIRE(fs::exists(set));
    CHECK(readFile(project / "samples" / "article.txt") == kArticle);
    nlohmann::json json = nlohmann::json::parse(readFile(set));
    CHECK(json.at("document").at("path") == "../../samples/article.txt");
    CHECK(json.at("annotator") == "t");
    CHECK(run("validate " + quote(set.string())).exitCode == 0);

    const fs::path second = f.dir / "second.jsonl";
    REQUIRE(run("export --to jsonl --offsets byte " + quote(set.string()) + " -o " + quote(second.string())).exitCode ==
            0);
    CHECK(readFile(second) == readFile(first));
}

TEST_CASE("import: -o SET.json writes the set and its article beside it") {
    TempDir dir;
    writeFile(dir / "in.jsonl", hedgeLine("doc", 7, 10, "may") + "\n");
    RunResult r = run("import --from jsonl in.jsonl -o out.json --annotator erin", dir.path());
    CAPTURE(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(readFile(dir / "out.txt") == kArticle);
    nlohmann::json set = nlohmann::json::parse(readFile(dir / "out.json"));
    CHECK(set.at("document").at("path") == "out.txt");
    CHECK(set.at("annotator") == "erin");
    CHECK(set.at("annotations")[0].at("origin") == "imported");

    // Again: the set exists now, so it is refused without --force; the same article is fine.
    RunResult again = run("import --from jsonl in.jsonl -o out.json", dir.path());
    CHECK(again.exitCode == 1);
    CHECK(contains(again.err, "out.json: already exists; add --force"));
    CHECK(nlohmann::json::parse(readFile(dir / "out.json")).at("annotator") == "erin");
    RunResult forced = run("import --from jsonl in.jsonl -o out.json --force", dir.path());
    CHECK(forced.exitCode == 0);
    CHECK(nlohmann::json::parse(readFile(dir / "out.json")).at("annotator") == "dana");

    // A different text already at out.txt is never replaced.
    writeFile(dir / "other.txt", "something else");
    RunResult clash = run("import --from jsonl in.jsonl -o other.json", dir.path());
    CHECK(clash.exitCode == 1);
    CHECK(contains(clash.err, "other.txt: already exists with a different text"));
    CHECK_FALSE(fs::exists(dir / "other.json"));
    CHECK(readFile(dir / "other.txt") == "something else");
}

TEST_CASE("import: several documents need -o DIR") {
    TempDir dir;
    writeFile(dir / "in.jsonl", hedgeLine("one", 7, 10, "may") + "\n" + hedgeLine("two", 7, 10, "may") + "\n");
    RunResult r = run("import --from jsonl in.jsonl -o out.json", dir.path());
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "use -o DIR"));
    CHECK_FALSE(fs::exists(dir / "out.json"));

    RunResult folder = run("import --from jsonl in.jsonl -o proj", dir.path());
    REQUIRE(folder.exitCode == 0);
    CHECK(fs::exists(dir / "proj" / "annotations" / "one" / "dana.json"));
    CHECK(fs::exists(dir / "proj" / "annotations" / "two" / "dana.json"));
    CHECK(readFile(dir / "proj" / "samples" / "two.txt") == kArticle);
}

TEST_CASE("import: bad input fails with exit 1, file and line; nothing is written") {
    TempDir dir;
    writeFile(dir / "in.jsonl", hedgeLine("one", 7, 10, "may") + "\n" + hedgeLine("two", 8, 11, "may") + "\n" +
                                    hedgeLine("three", 70, 90, "x") + "\n");
    RunResult r = run("import --from jsonl in.jsonl -o proj", dir.path());
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "in.jsonl: line 2, annotations[0].spans: annotation a1: expected \"may\", found \"ay \""));
    CHECK(contains(
        r.err, "in.jsonl: line 3, annotations[0].spans[0].end: annotation a1: offset 90 (codepoint) is past the end"));
    CHECK(contains(r.err, "--lenient"));
    CHECK_FALSE(fs::exists(dir / "proj"));

    RunResult lenient = run("import --from jsonl in.jsonl -o proj --lenient", dir.path());
    CAPTURE(lenient.err);
    REQUIRE(lenient.exitCode == 0);
    CHECK(contains(lenient.err, "skipped (--lenient):\n  in.jsonl: line 2, annotations[0].spans: "));
    CHECK(contains(lenient.err, "imported 3 documents (1 annotation, 0 relations, 2 items skipped)"));
    CHECK(
        nlohmann::json::parse(readFile(dir / "proj" / "annotations" / "one" / "dana.json")).at("annotations").size() ==
        1);
    CHECK(
        nlohmann::json::parse(readFile(dir / "proj" / "annotations" / "two" / "dana.json")).at("annotations").size() ==
        0);
}

TEST_CASE("import: a clash in the second document leaves nothing of the first") {
    TempDir dir;
    writeFile(dir / "in.jsonl", hedgeLine("one", 7, 10, "may") + "\n" + hedgeLine("two", 7, 10, "may") + "\n");
    fs::create_directories(dir / "proj" / "samples");
    writeFile(dir / "proj" / "samples" / "two.txt", "a different article");
    RunResult r = run("import --from jsonl in.jsonl -o proj", dir.path());
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "two.txt: already exists with a different text"));
    CHECK(contains(r.err, "nothing written"));
    std::vector<std::string> names;
    for (const auto& entry : fs::recursive_directory_iterator(dir.path()))
        names.push_back(fs::relative(entry.path(), dir.path()).generic_string());
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"in.jsonl", "proj", "proj/samples", "proj/samples/two.txt"});
}

TEST_CASE("import: usage errors exit 2") {
    TempDir dir;
    CHECK(run("import --from jsonl in.jsonl", dir.path()).exitCode == 2);
    CHECK(run("import in.jsonl -o x.json", dir.path()).exitCode == 2);
    RunResult unknown = run("import --from excel in.jsonl -o x.json", dir.path());
    CHECK(unknown.exitCode == 2);
    CHECK(contains(unknown.err, "unknown format 'excel'"));
    CHECK(run("import --from jsonl -o x.json", dir.path()).exitCode == 2);
    RunResult missing = run("import --from jsonl missing.jsonl -o x.json", dir.path());
    CHECK(missing.exitCode == 1);
    CHECK(contains(missing.err, "missing.jsonl"));
}
