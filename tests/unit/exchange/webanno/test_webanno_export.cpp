// test_webanno_export.cpp — WebAnno TSV 3.3 export: the header, #Text= lines, token and
// sub-token rows with UTF-16 offsets, multi-token and stacked spans with disambiguation ids,
// discontinuous annotations, relations, escaping, one .tsv and .txt per set.
#include "core/exchange/webanno/webanno_format.h"
#include "exchange/webanno/webanno_fixtures.h"

#include <doctest/doctest.h>

using namespace claimmark;
using namespace webanno_fixtures;

TEST_CASE("webanno-tsv export: every construct, offsets in UTF-16, cells escaped") {
    ExportSource source = trickySource();
    source.set.schema = Schema{};  // the attribute columns: those in use only
    Result<ExportOutput> out = exportWebannoTsv({source}, ExportOptions{OffsetUnit::Utf16});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    REQUIRE(out->files.size() == 2);
    CHECK(fileOf(*out, "bob.txt") == kText);
    const std::string e = "\t*[1]\t*[1]";  // kind and type of a1
    const std::string a1 = "claim[1]\ta1[1]\ta\\|b\\_c[1]\t4[1]" + e;
    const std::string empty8 = "_\t_\t_\t_\t_\t_\t_\t_\t";
    const std::string expected =
        "#FORMAT=WebAnno TSV 3.3\n"
        "#T_SP=webanno.custom.Claimmark|label|annotation|note|strength|kind|type\n"
        "#T_RL=webanno.custom.ClaimmarkRelation|label|BT_webanno.custom.Claimmark\n"
        "\n"
        "\n"
        "#Text=Bob plays " +
        kEmoji +
        " well.\n"
        "1-1\t0-3\tBob\t" +
        a1 +
        "\thedges|supports\t1-2.1[0_1]|2-1[0_1]\t\n"
        "1-2\t4-9\tplays\t" +
        a1 +
        "\t_\t_\t\n"
        "1-2.1\t6-9\tays\thedge\ta2\t*\t*\tmodal\t*\t_\t_\t\n"
        "1-3\t10-12\t" +
        kEmoji +
        "\tclaim[1]|caveat[2]\ta1[1]|a4[2]\ta\\|b\\_c[1]|*[2]\t4[1]|*[2]\t*[1]|scope[2]\t"
        "*[1]|*[2]\t_\t_\t\n"
        "1-4\t13-17\twell\t" +
        a1 +
        "\t_\t_\t\n"
        "1-5\t17-18\t.\t" +
        empty8 +
        "\n"
        "\n"
        "#Text=Cafe\xCC\x81 is ok.\n"
        "2-1\t20-25\tCafe\xCC\x81\tevidence\ta3\tx\\->y\\; \\[z\\]\\*\\\\ "
        "a\\|b\\_c\\tand\\nnext\t*\t*\tanecdotal\t_\t_\t\n"
        "2-1.1\t20-23\tCaf\tclaim\ta5\t*\t*\t*\t*\tqualifies\t1-3[2_0]\t\n"
        "2-2\t26-28\tis\tcaveat\ta4\t*\t*\tscope\t*\t_\t_\t\n"
        "2-3\t29-31\tok\t" +
        empty8 +
        "\n"
        "2-4\t31-32\t.\t" +
        empty8 + "\n";
    CHECK(fileOf(*out, "bob.tsv") == expected);
    CHECK(anyContains(out->notices, "UTF-16 code units"));
    CHECK(anyContains(out->notices, "1 discontinuous annotation(s) written as one span per fragment"));
}

TEST_CASE("webanno-tsv export: a sentence over several lines, #Text= escaping, white space edges") {
    Document document = fixtures::makeDocument("A b\\c\td\rx\ny. Z.");
    ExportSource source;
    source.setPath = "s.json";
    source.stem = "esc";
    source.document = document;
    // "b\c" sits between white space on both sides: a span " b\c\t" is cut to its token.
    add(source.set, document, "a1", "claim", {{1, 7}});
    add(source.set, document, "a2", "claim", {{7, 8}});  // only a CR: nothing to write
    source.set.schema = Schema{};
    Result<ExportOutput> out = exportWebannoTsv({source}, ExportOptions{});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    const std::string& tsv = fileOf(*out, "esc.tsv");
    // The sentence "A b\c<TAB>d<CR>x<LF>y." is two #Text= lines: LF splits, the rest escaped.
    CHECK(tsv.find("\n#Text=A b\\\\c\\td\\rx\n#Text=y.\n1-1\t0-1\tA\t") != std::string::npos);
    CHECK(tsv.find("1-2\t2-3\tb\t") != std::string::npos);
    CHECK(tsv.find("1-4\t4-5\tc\tclaim[1]\ta1[1]\t*[1]\t_\t_\t\n") != std::string::npos);
    CHECK(anyContains(out->notices, "start or end in white space"));
    CHECK(anyContains(out->notices, "1 annotation(s) covering only white space left out (first: a2)"));
}

TEST_CASE("webanno-tsv export: one .tsv and .txt per set; orphans left out; deterministic") {
    ExportSource one = trickySource();
    ExportSource two = cafeSource();
    Annotation orphan = annotationWith("a9", "claim", {{2, 5}});
    orphan.orphaned = true;
    add(two.set, two.document, orphan);
    Result<ExportOutput> out = exportWebannoTsv({one, two}, ExportOptions{});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    REQUIRE(out->files.size() == 4);
    CHECK(out->files[0].relativePath == "bob.txt");
    CHECK(out->files[1].relativePath == "bob.tsv");
    CHECK(out->files[2].relativePath == "cafe.txt");
    CHECK(out->files[3].relativePath == "cafe.tsv");
    CHECK(fileOf(*out, "cafe.tsv").find("a9") == std::string::npos);
    CHECK(anyContains(out->notices, "left out 1 orphaned"));
    // Both files have one header: the union of the schemas' attributes.
    const std::string header = fileOf(*out, "bob.tsv").substr(0, fileOf(*out, "bob.tsv").find("\n\n"));
    CHECK(fileOf(*out, "cafe.tsv").substr(0, header.size()) == header);
    Result<ExportOutput> again = exportWebannoTsv({one, two}, ExportOptions{});
    REQUIRE(again.ok());
    CHECK(again->files[1].content == out->files[1].content);
}

TEST_CASE("webanno-tsv export: attribute names the format cannot hold are refused") {
    ExportSource source = trickySource();
    for (LabelDef& label : source.set.schema.labels)
        if (label.name == "claim") {
            AttributeDef def;
            def.name = "bad|name";
            def.kind = AttributeKind::Text;
            label.attributes.push_back(def);
        }
    add(source.set, source.document, annotationWith("a8", "claim", {{0, 3}}, {{"bad|name", std::string("x")}}));
    Result<ExportOutput> out = exportWebannoTsv({source}, ExportOptions{});
    REQUIRE_FALSE(out.ok());
    CHECK(out.errorText().find("\"bad|name\" cannot be a WebAnno TSV feature name") != std::string::npos);
}

TEST_CASE("webanno-tsv escaping: values and #Text= lines read back as written") {
    using namespace claimmark::webanno;
    for (const std::string value : {std::string("\\ [ ] | _ -> ; * \t \n -"), kTrickyNote, std::string("->->"),
                                    std::string("plain"), std::string()}) {
        std::string escaped;
        appendEscapedValue(escaped, value);
        CHECK(escaped.find_first_of("\t\n") == std::string::npos);
        CHECK(unescapeValue(escaped) == value);
    }
    std::string escaped;
    appendEscapedValue(escaped, "a->b|c");
    CHECK(escaped == "a\\->b\\|c");
    const std::string text = std::string("a\\b\tc\rd\fe\bf") + char(1) + "g" + char(0x1F) + "h";
    std::string line;
    appendEscapedText(line, text);
    CHECK(line == std::string("a\\\\b\\tc\\rd\\fe\\bf\\") + char(1) + "g\\" + char(0x1F) + "h");
    CHECK(unescapeText(line) == text);
    CHECK(unescapeText("a\\qb") == "a\\qb");  // not an escape: kept
}
