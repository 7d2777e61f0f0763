// test_project_layout.cpp — default set paths and annotator names.
#include "core/team/project_layout.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

using claimmark::defaultAnnotatorName;
using claimmark::defaultSetPath;
using claimmark::sanitizeFileName;
namespace fs = std::filesystem;

TEST_CASE("project_layout: an article in samples/ gets its set under the project root") {
    CHECK(defaultSetPath("/home/ann/proj/samples/turmeric-joint-health.txt", "alice") ==
          fs::path("/home/ann/proj/annotations/turmeric-joint-health/alice.json"));
    CHECK(defaultSetPath("samples/kratom.txt", "bob") == fs::path("annotations/kratom/bob.json"));
    CHECK(defaultSetPath("./samples/kratom.txt", "bob") == fs::path("annotations/kratom/bob.json"));
    CHECK(defaultSetPath("proj/samples/../samples/a.b.txt", "bob") == fs::path("proj/annotations/a.b/bob.json"));
}

TEST_CASE("project_layout: an article elsewhere gets annotations/ beside it") {
    CHECK(defaultSetPath("/tmp/articles/news.txt", "alice") == fs::path("/tmp/articles/annotations/news/alice.json"));
    CHECK(defaultSetPath("news.md", "alice") == fs::path("annotations/news/alice.json"));
    // A folder merely containing "samples" in its name is not a samples folder.
    CHECK(defaultSetPath("/x/my-samples/a.txt", "c") == fs::path("/x/my-samples/annotations/a/c.json"));
    // A file without an extension uses its whole name as the stem.
    CHECK(defaultSetPath("/x/README", "c") == fs::path("/x/annotations/README/c.json"));
}

TEST_CASE("project_layout: the annotator name cannot leave the folder") {
    CHECK(defaultSetPath("/p/samples/a.txt", "../../etc/passwd") == fs::path("/p/annotations/a/______etc_passwd.json"));
    CHECK(defaultSetPath("/p/samples/a.txt", "") == fs::path("/p/annotations/a/annotator.json"));
}

TEST_CASE("project_layout: sanitizeFileName") {
    CHECK(sanitizeFileName("alice") == "alice");
    CHECK(sanitizeFileName("Alice.Smith-2_x") == "Alice.Smith-2_x");
    CHECK(sanitizeFileName("a b/c\\d:e") == "a_b_c_d_e");
    CHECK(sanitizeFileName(".hidden") == "_hidden");
    CHECK(sanitizeFileName("..") == "annotator");
    CHECK(sanitizeFileName("") == "annotator");
    CHECK(sanitizeFileName("", "x") == "x");
    CHECK(sanitizeFileName("///") == "annotator");
    // Well-formed UTF-8 is kept; stray bytes and control characters are replaced.
    CHECK(sanitizeFileName("jos\xC3\xA9") == "jos\xC3\xA9");
    CHECK(sanitizeFileName("a\xFF"
                           "b") == "a_b");
    CHECK(sanitizeFileName("a\xC3") == "a_");
    CHECK(sanitizeFileName("tab\there") == "tab_here");
    CHECK(sanitizeFileName("\xED\xA0\x80x") == "___x");  // an encoded surrogate
    // Cut at 64 bytes, never inside a character.
    CHECK(sanitizeFileName(std::string(100, 'a')) == std::string(64, 'a'));
    std::string accents;
    for (int i = 0; i < 40; ++i) accents += "\xC3\xA9";  // 80 bytes of é
    const std::string cut = sanitizeFileName(accents);
    CHECK(cut.size() == 64);
    CHECK(cut == accents.substr(0, 64));
    CHECK(sanitizeFileName("a" + accents).size() == 63);
}

TEST_CASE("project_layout: defaultAnnotatorName is never empty and is safe") {
    const std::string name = defaultAnnotatorName();
    CHECK_FALSE(name.empty());
    CHECK(sanitizeFileName(name) == name);
    CHECK(name.find('/') == std::string::npos);
}
