// conll export: token rules (emoji, combining mark, CJK, Hebrew, CRLF, ZWJ sequences),
// sentence breaks, one BIO column per label with overlaps kept, offsets in each unit.
//
// The text (kTeaText, 51 code points; exchange_fixtures.h has the full offset table):
//   "Tea 🌿 may cure cafe\u0301 colds.\r\n日本語 says שלום often.\r\n"
#include "core/exchange/exchange.h"
#include "core/exchange/exchange_formats.h"

#include "core/model/covered_text.h"

#include "exchange/exchange_fixtures.h"

#include <doctest/doctest.h>

using namespace claimmark;
using exchange_fixtures::add;
using exchange_fixtures::kTeaText;

namespace {

ExportSource source(const std::string& text, const std::string& stem = "doc") {
    ExportSource s;
    s.setPath = stem + ".json";
    s.stem = stem;
    Result<Document> d = Document::fromBytes(text, "article.txt");
    REQUIRE(d.ok());
    s.document = std::move(*d);
    return s;
}

ExportSource unicodeSource() {
    ExportSource s = source(kTeaText);
    add(s.set, s.document, "a1", "claim", {{0, 27}});
    add(s.set, s.document, "a2", "hedge", {{6, 9}});
    add(s.set, s.document, "a3", "evidence", {{29, 32}, {38, 42}});
    add(s.set, s.document, "a4", "caveat", {{43, 49}});
    return s;
}

std::string conll(const std::vector<ExportSource>& sources, OffsetUnit unit = OffsetUnit::CodePoint) {
    ExportOptions options;
    options.offsets = unit;
    Result<ExportOutput> out = exportConll(sources, options);
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    REQUIRE(out->files.size() == 1);
    return out->files[0].content;
}

// The token column only, sentences separated by "|".
std::string tokensOf(const std::string& content) {
    std::string out;
    std::size_t pos = 0;
    while (pos < content.size()) {
        std::size_t end = content.find('\n', pos);
        const std::string line = content.substr(pos, end - pos);
        pos = end + 1;
        if (line.empty()) {
            out += "|";
            continue;
        }
        if (line[0] == '#') continue;
        if (!out.empty() && out.back() != '|') out += ' ';
        out += line.substr(0, line.find('\t'));
    }
    return out;
}

}  // namespace

TEST_CASE("conll export: the whole file for emoji, combining mark, CJK, Hebrew and CRLF text") {
    const std::string expected =
        "# document = doc\n"
        "# offsets = codepoint\n"
        "# columns = token start end claim hedge caveat evidence\n"
        "Tea\t0\t3\tB-claim\tO\tO\tO\n"
        "\xF0\x9F\x8C\xBF\t4\t5\tI-claim\tO\tO\tO\n"
        "may\t6\t9\tI-claim\tB-hedge\tO\tO\n"
        "cure\t10\t14\tI-claim\tO\tO\tO\n"
        "cafe\xCC\x81\t15\t20\tI-claim\tO\tO\tO\n"
        "colds\t21\t26\tI-claim\tO\tO\tO\n"
        ".\t26\t27\tI-claim\tO\tO\tO\n"
        "\n"
        "\xE6\x97\xA5\t29\t30\tO\tO\tO\tB-evidence\n"
        "\xE6\x9C\xAC\t30\t31\tO\tO\tO\tI-evidence\n"
        "\xE8\xAA\x9E\t31\t32\tO\tO\tO\tI-evidence\n"
        "says\t33\t37\tO\tO\tO\tO\n"
        "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\t38\t42\tO\tO\tO\tB-evidence\n"
        "often\t43\t48\tO\tO\tB-caveat\tO\n"
        ".\t48\t49\tO\tO\tI-caveat\tO\n"
        "\n";
    CHECK(conll({unicodeSource()}) == expected);
}

TEST_CASE("conll export: token offsets in UTF-16 units and bytes") {
    const std::string utf16 = conll({unicodeSource()}, OffsetUnit::Utf16);
    CHECK(utf16.find("# offsets = utf16\n") != std::string::npos);
    for (const char* line :
         {"Tea\t0\t3\t", "\xF0\x9F\x8C\xBF\t4\t6\t", "may\t7\t10\t", "cafe\xCC\x81\t16\t21\t", ".\t27\t28\t",
          "\xE6\x97\xA5\t30\t31\t", "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\t39\t43\t", ".\t49\t50\t"}) {
        CAPTURE(line);
        CHECK(utf16.find(std::string("\n") + line) != std::string::npos);
    }
    const std::string bytes = conll({unicodeSource()}, OffsetUnit::Byte);
    CHECK(bytes.find("# offsets = byte\n") != std::string::npos);
    for (const char* line : {"Tea\t0\t3\t", "\xF0\x9F\x8C\xBF\t4\t8\t", "may\t9\t12\t", "cafe\xCC\x81\t18\t24\t",
                             "colds\t25\t30\t", "\xE6\x97\xA5\t33\t36\t", "\xE8\xAA\x9E\t39\t42\t",
                             "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\t48\t56\t", "often\t57\t62\t", ".\t62\t63\t"}) {
        CAPTURE(line);
        CHECK(bytes.find(std::string("\n") + line) != std::string::npos);
    }
}

TEST_CASE("conll export: sentence breaks at . ! ? before white space and at line ends, not inside e.g.") {
    ExportSource s = source("Is it safe? Yes! See e.g.x \"Stop.\" Then\nnew line\n\nlast");
    CHECK(tokensOf(conll({s})) == "Is it safe ?|Yes !|See e . g . x \" Stop . \"|Then|new line|last|");
}

TEST_CASE("conll export: emoji sequences with a joiner or skin tone stay one token; punctuation splits") {
    // 👩‍🔬 = U+1F469 U+200D U+1F52C; 👍🏽 = U+1F44D U+1F3FD; don’t = don ’ t.
    ExportSource s = source(
        "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x94\xAC ok \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD "
        "don\xE2\x80\x99t 3.5mg");
    const std::string content = conll({s});
    CHECK(content.find("\n\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x94\xAC\t0\t3\t") != std::string::npos);
    CHECK(content.find("\n\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD\t7\t9\t") != std::string::npos);
    CHECK(
        tokensOf(content) ==
        "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x94\xAC ok \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD don \xE2\x80\x99 t 3 . 5mg|");
}

TEST_CASE("conll export: a partly covered token is inside; overlapping labels each keep their column") {
    // "Tea may help."  Tea [0,3) may [4,7) help [8,12) . [12,13)
    ExportSource s = source("Tea may help.", "partial");
    add(s.set, s.document, "a1", "claim", {{1, 10}});  // starts inside "Tea", ends inside "help"
    add(s.set, s.document, "a2", "claim", {{4, 13}});  // nested start: B wins on "may"
    add(s.set, s.document, "a3", "hedge", {{4, 7}});
    const std::string expected =
        "# document = partial\n"
        "# offsets = codepoint\n"
        "# columns = token start end claim hedge caveat evidence\n"
        "Tea\t0\t3\tB-claim\tO\tO\tO\n"
        "may\t4\t7\tB-claim\tB-hedge\tO\tO\n"
        "help\t8\t12\tI-claim\tO\tO\tO\n"
        ".\t12\t13\tI-claim\tO\tO\tO\n"
        "\n";
    CHECK(conll({s}) == expected);
}

TEST_CASE("conll export: several documents in one file; orphaned annotations are left out") {
    ExportSource first = source("One.", "first");
    ExportSource second = source("Two.", "second");
    add(second.set, second.document, "a1", "claim", {{0, 3}});
    Annotation orphan = *second.set.findAnnotation("a1");
    orphan.orphaned = true;
    REQUIRE(second.set.replaceAnnotation(orphan).ok());
    ExportOptions options;
    Result<ExportOutput> out = exportConll({first, second}, options);
    REQUIRE(out.ok());
    const std::string header = "# offsets = codepoint\n# columns = token start end claim hedge caveat evidence\n";
    CHECK(out->files[0].content == "# document = first\n" + header + "One\t0\t3\tO\tO\tO\tO\n.\t3\t4\tO\tO\tO\tO\n\n" +
                                       "# document = second\n" + header +
                                       "Two\t0\t3\tO\tO\tO\tO\n.\t3\t4\tO\tO\tO\tO\n\n");
    REQUIRE(out->notices.size() == 1);
    CHECK(out->notices[0].find("second.json: left out 1 orphaned") == 0);
}
