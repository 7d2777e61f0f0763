// csv export: the exact file (header, attribute columns, RFC 4180 quoting, CRLF) for a text
// with an emoji, a combining mark, CJK, Hebrew and CRLF, with offsets in each unit.
//
// The text (kTeaText, 51 code points; exchange_fixtures.h has the full offset table):
//   "Tea 🌿 may cure cafe\u0301 colds.\r\n日本語 says שלום often.\r\n"
//   a1 claim [0,27)   utf16 [0,28)   bytes [0,31)
//   a2 hedge [6,9)    utf16 [7,10)   bytes [9,12)
//   a3 evidence [29,32)+[38,42) -> one row [29,42)  utf16 [30,43)  bytes [33,56)
//   a4 caveat [43,49) utf16 [44,50)  bytes [57,63)
#include "core/exchange/exchange.h"
#include "core/exchange/exchange_formats.h"

#include "core/model/covered_text.h"

#include "exchange/exchange_fixtures.h"

#include <doctest/doctest.h>

using namespace claimmark;
using exchange_fixtures::add;
using exchange_fixtures::kTeaText;

namespace {

ExportSource source(const std::string& stem = "unicode") {
    ExportSource s;
    s.setPath = "sets/" + stem + ".json";
    s.stem = stem;
    Result<Document> d = Document::fromBytes(kTeaText, "article.txt");
    REQUIRE(d.ok());
    s.document = std::move(*d);
    s.set.annotator = "alice";
    add(s.set, s.document, "a4", "caveat", {{43, 49}}, {{"kind", std::string("limitation")}},
        "a \"quoted\", note\nline 2");
    add(s.set, s.document, "a1", "claim", {{0, 27}}, {{"strength", std::int64_t(4)}, {"checkworthy", true}});
    add(s.set, s.document, "a2", "hedge", {{6, 9}}, {{"kind", std::string("modal")}});
    add(s.set, s.document, "a3", "evidence", {{29, 32}, {38, 42}}, {{"type", std::string("anecdotal")}});
    return s;
}

std::string csv(const std::vector<ExportSource>& sources, OffsetUnit unit) {
    ExportOptions options;
    options.offsets = unit;
    return exchange_fixtures::oneFile(exportCsv(sources, options)).files[0].content;
}

const std::string kHeader =
    "document,id,label,start,end,offsets,text,strength,checkworthy,verdict,kind,type,cited,note,annotator\r\n";

}  // namespace

TEST_CASE("csv export: the whole file in code points, with quoting and the discontinuous row") {
    const std::string expected =
        kHeader +
        "unicode,a1,claim,0,27,codepoint,Tea \xF0\x9F\x8C\xBF may cure cafe\xCC\x81 colds.,4,true,,,,,,alice\r\n"
        "unicode,a2,hedge,6,9,codepoint,may,,,,modal,,,,alice\r\n"
        "unicode,a3,evidence,29,42,codepoint,\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D,,,,,"
        "anecdotal,,,alice\r\n"
        "unicode,a4,caveat,43,49,codepoint,often.,,,,limitation,,,\"a \"\"quoted\"\", note\nline 2\",alice\r\n";
    CHECK(csv({source()}, OffsetUnit::CodePoint) == expected);
}

TEST_CASE("csv export: start and end in UTF-16 units and in bytes") {
    const std::string utf16 = csv({source()}, OffsetUnit::Utf16);
    CHECK(utf16.find("unicode,a1,claim,0,28,utf16,") != std::string::npos);
    CHECK(utf16.find("unicode,a2,hedge,7,10,utf16,may,") != std::string::npos);
    CHECK(utf16.find("unicode,a3,evidence,30,43,utf16,") != std::string::npos);
    CHECK(utf16.find("unicode,a4,caveat,44,50,utf16,often.,") != std::string::npos);

    const std::string bytes = csv({source()}, OffsetUnit::Byte);
    CHECK(bytes.find("unicode,a1,claim,0,31,byte,") != std::string::npos);
    CHECK(bytes.find("unicode,a2,hedge,9,12,byte,may,") != std::string::npos);
    CHECK(bytes.find("unicode,a3,evidence,33,56,byte,") != std::string::npos);
    CHECK(bytes.find("unicode,a4,caveat,57,63,byte,often.,") != std::string::npos);
}

TEST_CASE("csv export: several sets in one file; names with commas quoted; orphans left out") {
    ExportSource second = source("news, part 2");
    Annotation orphan = *second.set.findAnnotation("a2");
    orphan.orphaned = true;
    REQUIRE(second.set.replaceAnnotation(orphan).ok());
    ExportOptions options;
    Result<ExportOutput> out = exportCsv({source(), second}, options);
    REQUIRE(out.ok());
    const std::string& content = out->files[0].content;
    CHECK(content.rfind(kHeader, 0) == 0);
    std::size_t rows = 0;
    for (std::size_t at = content.find("\r\n"); at != std::string::npos; at = content.find("\r\n", at + 2)) ++rows;
    CHECK(rows == 1 + 4 + 3);
    CHECK(content.find("\"news, part 2\",a1,claim,0,27,codepoint,") != std::string::npos);
    CHECK(content.find("\"news, part 2\",a2,") == std::string::npos);
    REQUIRE(out->notices.size() == 1);
    CHECK(out->notices[0] ==
          "sets/news, part 2.json: left out 1 orphaned annotation(s) (their offsets refer to an older text)");
}

TEST_CASE("csv export: an attribute column per name across the schemas, in label order") {
    ExportSource s = source();
    LabelDef extra;
    extra.name = "source";
    extra.color = "#123456";
    AttributeDef outlet;
    outlet.name = "outlet";
    outlet.kind = AttributeKind::Text;
    AttributeDef kind;  // the same name as hedge's and caveat's: still one column
    kind.name = "kind";
    kind.kind = AttributeKind::Text;
    extra.attributes = {outlet, kind};
    s.set.schema.labels.push_back(extra);
    add(s.set, s.document, "a5", "source", {{33, 37}},
        {{"outlet", std::string("tabloid")}, {"kind", std::string("web")}});
    const std::string content = csv({s}, OffsetUnit::CodePoint);
    CHECK(content.rfind("document,id,label,start,end,offsets,text,strength,checkworthy,verdict,kind,type,cited,outlet,"
                        "note,annotator\r\n",
                        0) == 0);
    CHECK(content.find("unicode,a5,source,33,37,codepoint,says,,,,web,,,tabloid,,alice\r\n") != std::string::npos);
}
