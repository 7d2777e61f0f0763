// test_intake.cpp — `claimmark intake` as a user runs it: a page made into an article and its
// source record, the same bytes again, and each bad source (truncated and encrypted PDF, a
// DOCX that is not a zip or is a zip bomb, HTML without article text, an undeclared legacy
// charset, a 404 URL) ending with exit 1, a message naming it, and nothing written.
#include "test_cli_support.h"

#include "../unit/intake/local_http_server.h"
#include "../unit/intake/pdf_writer.h"
#include "../unit/intake/zip_writer.h"

using namespace clitest;

namespace {

const std::string kPage =
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Kratom and pain | Example News</title>"
    "<meta property=\"og:site_name\" content=\"Example News\"><meta name=\"author\" content=\"Jane Roe\">"
    "<link rel=\"canonical\" href=\"https://news.example.com/kratom\"></head><body>"
    "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
    "<article><h1>Kratom and pain</h1><p class=\"byline\">By Jane Roe, 14 February 2026</p><p>Kratom <em>may</em> ease "
    "pain, a small survey suggests.</p>"
    "<p>Doctors urge caution &amp; more trials.</p></article>"
    "<footer>Copyright Example News</footer></body></html>";

// The failure every bad source must end in: exit 1, the source named, nothing written.
void checkRefused(const RunResult& r, const fs::path& out, const std::string& sourceName, const std::string& reason) {
    CAPTURE(r.err);
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, sourceName));
    CHECK(contains(r.err, reason));
    CHECK_FALSE(fs::exists(out));
    CHECK_FALSE(fs::exists(fs::path(out).replace_extension(".source.json")));
}

}  // namespace

TEST_CASE("intake: a web page becomes the article and its source record; again, the same bytes") {
    TempDir dir;
    writeFile(dir / "page.html", kPage);
    const fs::path out = dir / "kratom.txt";
    RunResult r = run("intake " + quote((dir / "page.html").string()) + " -o " + quote(out.string()));
    CAPTURE(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(contains(r.out, "wrote " + out.string()));
    const std::string text = readFile(out);
    // The headline stays though the byline after it is left out.
    CHECK(text ==
          "Kratom and pain\n\nKratom may ease pain, a small survey suggests.\n\nDoctors urge caution & more trials.\n");
    const nlohmann::json record = nlohmann::json::parse(readFile(dir / "kratom.source.json"));
    CHECK(record.at("url") == "https://news.example.com/kratom");
    CHECK(record.at("author") == "Jane Roe");
    CHECK(record.at("publisher") == "Example News");
    CHECK(record.at("source_format") == "html");
    CHECK(record.at("sha256") == sha256Of(kPage));

    RunResult again = run("intake " + quote((dir / "page.html").string()) + " -o " + quote(out.string()));
    REQUIRE(again.exitCode == 0);
    CHECK(contains(again.out, "already holds this text"));
    CHECK(readFile(out) == text);
    // The text validates as an article: open a set on it.
    CHECK(run("suggest " + quote(out.string()) + " -o " + quote((dir / "s.json").string())).exitCode == 0);
}

TEST_CASE("intake: other text at -o is kept unless --force") {
    TempDir dir;
    writeFile(dir / "page.html", kPage);
    writeFile(dir / "kratom.txt", "Typed by hand.\n");
    const std::string args =
        "intake " + quote((dir / "page.html").string()) + " -o " + quote((dir / "kratom.txt").string());
    RunResult kept = run(args);
    CHECK(kept.exitCode == 1);
    CHECK(contains(kept.err, "exists and holds other text; --force replaces it"));
    CHECK(readFile(dir / "kratom.txt") == "Typed by hand.\n");
    RunResult forced = run(args + " --force");
    CHECK(forced.exitCode == 0);
    CHECK(contains(forced.out, "replaced"));
    CHECK(contains(readFile(dir / "kratom.txt"), "Kratom may ease pain"));
}

TEST_CASE("intake: truncated and encrypted PDFs are refused, nothing written") {
    TempDir dir;
    claimmark::testpdf::PdfPage page;
    page.texts.push_back({72, 700, 10, "A paragraph of text on the page."});
    const std::string whole = claimmark::testpdf::writePdf({page, page});
    writeFile(dir / "cut.pdf", whole.substr(0, whole.size() / 2));
    claimmark::testpdf::PdfOptions locked;
    locked.encrypted = true;
    writeFile(dir / "locked.pdf", claimmark::testpdf::writePdf({page}, locked));
    const fs::path out = dir / "out.txt";
    checkRefused(run("intake " + quote((dir / "cut.pdf").string()) + " -o " + quote(out.string())), out, "cut.pdf",
                 "truncated");
    checkRefused(run("intake " + quote((dir / "locked.pdf").string()) + " -o " + quote(out.string())), out,
                 "locked.pdf", "encrypted");
}

TEST_CASE("intake: a DOCX that is not a zip, and a zip bomb, are refused, nothing written") {
    TempDir dir;
    writeFile(dir / "plain.docx", "This is not a zip archive.");
    const std::string w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    const std::string huge = "<w:document " + w + "><w:body><w:p><w:r><w:t>" + std::string(64u << 20, ' ') +
                             "</w:t></w:r></w:p></w:body></w:document>";
    writeFile(dir / "bomb.docx", claimmark::testzip::makeZip({{"word/document.xml", huge}}));
    const fs::path out = dir / "out.txt";
    checkRefused(run("intake " + quote((dir / "plain.docx").string()) + " -o " + quote(out.string())), out,
                 "plain.docx", "not a zip archive");
    checkRefused(run("intake " + quote((dir / "bomb.docx").string()) + " -o " + quote(out.string())), out, "bomb.docx",
                 "zip bomb");
}

TEST_CASE("intake: HTML without article text, and an undeclared legacy charset, are refused") {
    TempDir dir;
    writeFile(dir / "empty.html",
              "<html><head><title>Menu</title></head><body><nav><a href=\"/\">Home</a></nav>"
              "<script>var x = 1;</script></body></html>");
    writeFile(dir / "latin1.html",
              "<html><body><article><p>Caf\xE9 cr\xE8me, na\xEFve r\xE9sum\xE9.</p></article></body></html>");
    const fs::path out = dir / "out.txt";
    checkRefused(run("intake " + quote((dir / "empty.html").string()) + " -o " + quote(out.string())), out,
                 "empty.html", "no article text");
    checkRefused(run("intake " + quote((dir / "latin1.html").string()) + " -o " + quote(out.string())), out,
                 "latin1.html", "no charset is declared");
}

TEST_CASE("intake: a 404 URL is refused with its status; a served page is read with its final URL") {
    TempDir dir;
    fixtures::LocalHttpServer server;
    server.addRoute(
        "/story", 200, {{"Content-Type", "text/html; charset=utf-8"}},
        "<html><head><title>Story</title></head><body><article><p>Served text.</p></article></body></html>");
    server.addRoute("/old", 301, {{"Location", "/story"}}, "");
    const fs::path out = dir / "out.txt";
    checkRefused(run("intake " + quote(server.url("/missing")) + " -o " + quote(out.string())), out,
                 server.url("/missing"), "404");
    RunResult r = run("intake " + quote(server.url("/old")) + " -o " + quote(out.string()));
    CAPTURE(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(readFile(out) == "Served text.\n");
    const nlohmann::json record = nlohmann::json::parse(readFile(dir / "out.source.json"));
    CHECK(record.at("url") == server.url("/story"));
    CHECK(record.at("source") == server.url("/old"));
}

TEST_CASE("intake: usage errors exit 2") {
    CHECK(run("intake").exitCode == 2);
    CHECK(run("intake page.html").exitCode == 2);
    CHECK(run("intake page.html -o out.json").exitCode == 2);
    CHECK(run("intake page.html -o out.txt --timeout 0").exitCode == 2);
}
