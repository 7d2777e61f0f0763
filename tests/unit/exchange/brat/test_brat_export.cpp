// test_brat_export.cpp — brat standoff export: exact .ann lines (code point offsets on
// emoji, combining marks, CJK, Arabic and CRLF), line-break splitting, left-out orphans,
// annotation.conf from the schema, names brat cannot hold, determinism.
#include "core/model/covered_text.h"
#include "core/exchange/exchange_formats.h"
#include "fixtures.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace claimmark;

namespace {

// 82 code points, 83 UTF-16 units, 97 bytes. Code point offsets (hand-counted):
//   line 1  "Kratom 🌿 may ease pain.\r\n"   K=0 ... 🌿=7, "may"=9..12, "pain."=18..23, \r=23 \n=24
//   line 2  "Cafe\u0301 owners say 日本語 studies show it.\r\n"   C=25, U+0301=29, 日=42,
//           "studies"=46..53, \r=62 \n=63
//   line 3  "مرحبا is Arabic.\r\n"   م=64 .. ا=68, \r=80 \n=81
const char* const kText =
    "Kratom \xF0\x9F\x8C\xBF may ease pain.\r\n"
    "Cafe\xCC\x81 owners say \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E studies show it.\r\n"
    "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 is Arabic.\r\n";

Annotation make(const Document& doc, std::string id, std::string label, std::vector<Span> spans,
                Attributes attributes = {}, std::string note = {}) {
    Annotation a = fixtures::annotation(std::move(id), std::move(label), std::move(spans));
    a.attributes = std::move(attributes);
    a.note = std::move(note);
    fillFromDocument(a, doc);
    return a;
}

ExportSource pillSource() {
    Document doc = fixtures::makeDocument(kText, "kratom.txt");
    AnnotationSet set;
    set.document.sha256 = doc.sha256();
    set.document.length = doc.length();
    set.annotator = "alice";
    auto add = [&](Annotation a) { REQUIRE_MESSAGE(set.addAnnotation(std::move(a)).ok(), "fixture annotation"); };
    add(make(doc, "a1", "claim", {{9, 22}}, {{"strength", std::int64_t(2)}, {"checkworthy", true}},
             "Check the\nsource"));
    add(make(doc, "a2", "hedge", {{9, 12}}, {{"kind", std::string("modal")}}));
    add(make(doc, "a3", "evidence", {{42, 53}}, {{"type", std::string("anecdotal")}, {"cited", false}}));
    add(make(doc, "a4", "caveat", {{25, 30}, {64, 69}}, {{"kind", std::string("safety")}}));
    add(make(doc, "a5", "claim", {{18, 30}}));  // crosses the CRLF at 23..25
    Annotation orphan = make(doc, "a6", "claim", {{0, 6}});
    orphan.orphaned = true;
    add(orphan);
    REQUIRE(set.addRelation(fixtures::relation("r1", "hedges", "a2", "a1")).ok());
    REQUIRE(set.addRelation(fixtures::relation("r2", "supports", "a3", "a1")).ok());
    REQUIRE(set.addRelation(fixtures::relation("r3", "qualifies", "a4", "a1")).ok());
    REQUIRE(set.addRelation(fixtures::relation("r4", "hedges", "a2", "a6")).ok());  // to the orphan
    return ExportSource{"sets/kratom/alice.json", "kratom", std::move(doc), std::move(set)};
}

const ExportFile* findFile(const ExportOutput& out, const std::string& path) {
    for (const ExportFile& f : out.files)
        if (f.relativePath == path) return &f;
    return nullptr;
}

bool anyNoticeContains(const ExportOutput& out, const std::string& needle) {
    return std::any_of(out.notices.begin(), out.notices.end(),
                       [&](const std::string& n) { return n.find(needle) != std::string::npos; });
}

}  // namespace

TEST_CASE("brat export writes T/R/A/# lines with code point offsets") {
    std::vector<ExportSource> sources{pillSource()};
    Result<ExportOutput> out = exportBrat(sources, ExportOptions{});
    REQUIRE_MESSAGE(out.ok(), out.errorText());

    const ExportFile* txt = findFile(*out, "kratom.txt");
    REQUIRE(txt);
    CHECK(txt->content == kText);  // byte for byte, CRLF kept

    const ExportFile* ann = findFile(*out, "kratom.ann");
    REQUIRE(ann);
    // Document order: a1 (9..22) before a2 (9..12, shorter), a5 (18), a4 (25), a3 (42).
    // Code points, not UTF-16 (日 would be 43) nor bytes (日 would be 51).
    const std::string expected =
        "T1\tclaim 9 22\tmay ease pain\n"
        "T2\thedge 9 12\tmay\n"
        "T3\tclaim 18 23;25 30\tpain. Cafe\xCC\x81\n"  // split at the CRLF, as brat does
        "T4\tcaveat 25 30;64 69\tCafe\xCC\x81 \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7\n"
        "T5\tevidence 42 53\t\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E studies\n"
        "R1\thedges Arg1:T2 Arg2:T1\n"
        "R2\tsupports Arg1:T5 Arg2:T1\n"
        "R3\tqualifies Arg1:T4 Arg2:T1\n"
        "A1\tcheckworthy T1\n"
        "A2\tstrength T1 2\n"
        "A3\tkind T2 modal\n"
        "A4\tkind T4 safety\n"
        "A5\ttype T5 anecdotal\n"
        "#1\tAnnotatorNotes T1\tCheck the source\n";
    CHECK(ann->content == expected);

    CHECK(anyNoticeContains(*out, "code points"));
    CHECK(anyNoticeContains(*out, "1 orphaned annotation(s) left out"));
    CHECK(anyNoticeContains(*out, "1 relation(s) left out"));
    CHECK(anyNoticeContains(*out, "one fragment per line, as brat does: a5"));
    CHECK(anyNoticeContains(*out, "with spaces instead (a brat note is one line): a1"));
    CHECK(anyNoticeContains(*out, "1 false true/false attribute(s) not written"));
}

TEST_CASE("brat export generates annotation.conf and visual.conf from the schema") {
    std::vector<ExportSource> sources{pillSource()};
    Result<ExportOutput> out = exportBrat(sources, ExportOptions{});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    const ExportFile* conf = findFile(*out, "annotation.conf");
    REQUIRE(conf);
    const std::string& c = conf->content;
    for (const char* line :
         {"\n[entities]\n\nclaim\nhedge\ncaveat\nevidence\n", "\nhedges\tArg1:hedge, Arg2:claim\n",
          "\nsupports\tArg1:evidence, Arg2:claim\n", "\nstrength\tArg:claim, Value:1|2|3|4|5\n",
          "\ncheckworthy\tArg:claim\n", "\ncited\tArg:evidence\n",
          "\nverdict\tArg:claim, Value:unrated|accurate|mostly-accurate|mixed|misleading|false|unsupported\n",
          // brat has one definition per attribute name: hedge's and caveat's "kind" merge.
          "\nkind\tArg:hedge|caveat, Value:modal|epistemic-verb|adverb|adjective|approximator|attribution|"
          "conditional|safety|consult-professional|limitation|regulatory|further-research|scope\n",
          "\n[events]\n", "\n[attributes]\n"})
        CHECK_MESSAGE(c.find(line) != std::string::npos, "missing: " << line);

    const ExportFile* visual = findFile(*out, "visual.conf");
    REQUIRE(visual);
    CHECK(visual->content.find("\nclaim\tbgColor:#e69f00\n") != std::string::npos);
    CHECK(visual->content.find("[drawing]") != std::string::npos);
}

TEST_CASE("brat export of several sets: one .txt/.ann per stem, one shared configuration") {
    std::vector<ExportSource> sources{pillSource(), pillSource()};
    sources[1].stem = "kratom-2";
    sources[1].set.schema.labels.push_back(LabelDef{"Organization", "#123456", "", "", {}, {}});
    Result<ExportOutput> out = exportBrat(sources, ExportOptions{});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    std::vector<std::string> paths;
    for (const ExportFile& f : out->files) paths.push_back(f.relativePath);
    std::sort(paths.begin(), paths.end());
    CHECK(paths == std::vector<std::string>{"annotation.conf", "kratom-2.ann", "kratom-2.txt", "kratom.ann",
                                            "kratom.txt", "visual.conf"});
    CHECK(findFile(*out, "annotation.conf")->content.find("\nevidence\nOrganization\n") != std::string::npos);
}

TEST_CASE("brat export refuses names brat cannot hold, naming set and place") {
    std::vector<ExportSource> sources{pillSource()};
    sources[0].set.schema.labels.push_back(LabelDef{"big claim", "#123456", "", "", {}, {}});
    Result<ExportOutput> out = exportBrat(sources, ExportOptions{});
    REQUIRE_FALSE(out.ok());
    REQUIRE(out.errors().size() == 1);
    CHECK(out.errors()[0].file == "sets/kratom/alice.json");
    CHECK(out.errors()[0].location == "schema.labels[4].name");
    CHECK(out.errors()[0].message.find("\"big claim\" is not a valid brat name") != std::string::npos);
}

TEST_CASE("brat export refuses an attribute value with a space") {
    std::vector<ExportSource> sources{pillSource()};
    AttributeDef source;
    source.name = "source";
    source.kind = AttributeKind::Text;
    for (LabelDef& l : sources[0].set.schema.labels)
        if (l.name == "hedge") l.attributes.push_back(source);
    Annotation a = *sources[0].set.findAnnotation("a2");
    a.attributes["source"] = std::string("two words");
    REQUIRE(sources[0].set.replaceAnnotation(a).ok());
    Result<ExportOutput> out = exportBrat(sources, ExportOptions{});
    REQUIRE_FALSE(out.ok());
    CHECK(out.errors()[0].location == "annotations[a2].attributes.source");
    CHECK(out.errors()[0].message.find("\"two words\"") != std::string::npos);
}

TEST_CASE("brat export: a text attribute lists its values in use; N lines for references") {
    std::vector<ExportSource> sources{pillSource()};
    AttributeDef source;
    source.name = "source";
    source.kind = AttributeKind::Text;
    AttributeDef reference;
    reference.name = "reference";
    reference.kind = AttributeKind::Text;
    for (LabelDef& l : sources[0].set.schema.labels)
        if (l.name == "hedge") l.attributes.push_back(source), l.attributes.push_back(reference);
    Annotation a = *sources[0].set.findAnnotation("a2");
    a.attributes["source"] = std::string("press-release");
    a.attributes["reference"] = std::string("Wikidata:Q42 may (modal verb)");
    REQUIRE(sources[0].set.replaceAnnotation(a).ok());
    Result<ExportOutput> out = exportBrat(sources, ExportOptions{});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    const std::string& ann = findFile(*out, "kratom.ann")->content;
    CHECK(ann.find("\nA4\tsource T2 press-release\n") != std::string::npos);
    CHECK(ann.find("\nN1\tReference T2 Wikidata:Q42\tmay (modal verb)\n") != std::string::npos);
    const std::string& conf = findFile(*out, "annotation.conf")->content;
    CHECK(conf.find("\nsource\tArg:hedge, Value:press-release\n") != std::string::npos);
    CHECK(conf.find("reference\t") == std::string::npos);  // N lines need no attribute definition
}

TEST_CASE("brat export is deterministic") {
    std::vector<ExportSource> sources{pillSource()};
    Result<ExportOutput> first = exportBrat(sources, ExportOptions{});
    Result<ExportOutput> second = exportBrat(sources, ExportOptions{});
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    REQUIRE(first->files.size() == second->files.size());
    for (std::size_t i = 0; i < first->files.size(); ++i) {
        CHECK(first->files[i].relativePath == second->files[i].relativePath);
        CHECK(first->files[i].content == second->files[i].content);
    }
}

TEST_CASE("brat export leaves out an annotation that covers only a line break") {
    std::vector<ExportSource> sources{pillSource()};
    Document& doc = sources[0].document;
    REQUIRE(sources[0].set.addAnnotation(make(doc, "a7", "hedge", {{23, 25}})).ok());  // "\r\n"
    Result<ExportOutput> out = exportBrat(sources, ExportOptions{});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    CHECK(findFile(*out, "kratom.ann")->content.find("T6") == std::string::npos);
    CHECK(anyNoticeContains(*out, "covering only line breaks left out (brat cannot hold them): a7"));
}
