// test_webanno_import.cpp — WebAnno TSV 3.3 import from hand-written files: INCEpTION's
// layout (other layers skipped, trailing TABs, text rebuilt from #Text= when no article is
// beside), stacked, multi-token and sub-token spans, relations with disambiguation ids,
// CRLF line ends; bad input named by file and line, and --lenient keeping the rest.
#include "exchange/webanno/webanno_fixtures.h"

#include <doctest/doctest.h>

using namespace claimmark;
using namespace webanno_fixtures;

namespace {

// "Tea may cure 😊 colds ." then, after two spaces, "Caf\e x" (UTF-16: 😊 13-15, colds 16-21,
// "." 22-23; Caf\e 25-30, x 31-32). A POS layer before claimmark's, as INCEpTION writes it.
const std::string kHeader =
    "#FORMAT=WebAnno TSV 3.3\n"
    "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS|PosValue\n"
    "#T_SP=webanno.custom.Claimmark|label|annotation|note|strength\n"
    "#T_RL=webanno.custom.ClaimmarkRelation|label|BT_webanno.custom.Claimmark\n\n";
const std::string kSentence1 = "\n#Text=Tea may cure " + kEmoji +
                               " colds .\n"
                               "1-1\t0-3\tTea\tNN\tclaim[1]\t*[1]\t*[1]\t4[1]\thedges\t1-2[2_1]\t\n"
                               "1-2\t4-7\tmay\tMD\tclaim[1]|hedge[2]\t*[1]|*[2]\t*[1]|n\\|b[2]\t4[1]|*[2]\t_\t_\t\n"
                               "1-3\t8-12\tcure\tVB\t_\t_\t_\t_\t_\t_\t\n"
                               "1-4\t13-15\t" +
                               kEmoji +
                               "\tSYM\t_\t_\t_\t_\t_\t_\t\n"
                               "1-5\t16-21\tcolds\tNN\t_\t_\t_\t_\t_\t_\t\n"
                               "1-6\t22-23\t.\t.\t_\t_\t_\t_\t_\t_\t\n";
const std::string kSentence2 =
    "\n#Text=Caf\\\\e x\n"
    "2-1\t25-30\tCaf\\e\tNN\tevidence\t*\t*\t*\t_\t_\t\n"
    "2-1.1\t25-28\tCaf\t_\tclaim\t*\t*\t*\tsupports\t2-1\t\n"
    "2-2\t31-32\tx\tNN\t_\t_\t_\t_\t_\t_\t\n";
const std::string kRebuilt = "Tea may cure " + kEmoji + " colds .  Caf\\e x";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return text.replace(at, from.size(), to);
}

// Writes in.tsv (and in.txt when `article` is given) and imports it.
Result<ImportOutput> importText(const fixtures::TempDir& dir, const std::string& tsv,
                                const std::optional<std::string>& article = kRebuilt, bool lenient = false) {
    const auto input = writeInput(dir, "in.tsv", tsv);
    if (article) writeInput(dir, "in.txt", *article);
    ImportOptions options;
    options.lenient = lenient;
    return importWebannoTsv({input}, options);
}

// The error text of a failed import, which must name in.tsv and `line`.
std::string failure(const Result<ImportOutput>& out, const std::string& line) {
    REQUIRE_FALSE(out.ok());
    const std::string text = out.errorText();
    CHECK_MESSAGE(text.find("in.tsv: line " + line + ": ") != std::string::npos, text);
    return text;
}

}  // namespace

TEST_CASE("webanno-tsv import: INCEpTION's layout, the text rebuilt from #Text= lines") {
    fixtures::TempDir dir;
    Result<ImportOutput> out = importText(dir, kHeader + kSentence1 + kSentence2, std::nullopt);
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    REQUIRE(out->documents.size() == 1);
    const ImportedDocument& doc = out->documents[0];
    CHECK(doc.stem == "in");
    CHECK(doc.text == kRebuilt);
    CHECK(doc.articlePath.empty());
    const AnnotationSet& set = doc.set;
    CHECK(set.annotationCount() == 4);
    const Annotation* claim = withText(set, "Tea may");
    REQUIRE(claim);
    CHECK(claim->label == "claim");
    CHECK(claim->spans == std::vector<Span>{{0, 7}});
    CHECK(claim->attributes.at("strength") == AttributeValue(std::int64_t(4)));
    const Annotation* hedge = withText(set, "may");
    REQUIRE(hedge);
    CHECK(hedge->note == "n|b");
    const Annotation* evidence = withText(set, "Caf\\e");
    REQUIRE(evidence);
    CHECK(evidence->spans == std::vector<Span>{{24, 29}});
    const Annotation* caf = withText(set, "Caf");
    REQUIRE(caf);
    CHECK(caf->spans == std::vector<Span>{{24, 27}});
    CHECK(describe(set) == std::vector<std::string>{
                               "claim@0-7, text=Tea may note= attrs=strength:4;",
                               "claim@24-27, text=Caf note= attrs=",
                               "evidence@24-29, text=Caf\\e note= attrs=",
                               "hedge@4-7, text=may note=n|b attrs=",
                               "hedges hedge@4-7, -> claim@0-7,",
                               "supports evidence@24-29, -> claim@24-27,",
                           });
    CHECK(
        anyContains(out->notices, "line 2: layer \"de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS\" skipped"));
    CHECK(anyContains(out->notices, "the text is rebuilt from the #Text= lines"));
}

TEST_CASE("webanno-tsv import: the article beside it; CRLF line ends; a folder of .tsv files") {
    fixtures::TempDir dir;
    std::string crlf;
    for (char c : kHeader + kSentence1 + kSentence2) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    Result<ImportOutput> out = importText(dir, crlf);
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    CHECK(out->documents[0].text == kRebuilt);
    CHECK(out->documents[0].articlePath == dir / "in.txt");
    CHECK(out->documents[0].set.annotationCount() == 4);
    CHECK_FALSE(anyContains(out->notices, "rebuilt"));

    writeInput(dir, "second.tsv", kHeader + kSentence1);
    Result<ImportOutput> folder = importWebannoTsv({dir.path()}, ImportOptions{});
    REQUIRE_MESSAGE(folder.ok(), folder.errorText());
    REQUIRE(folder->documents.size() == 2);
    CHECK(folder->documents[0].stem == "in");
    CHECK(folder->documents[1].stem == "second");
    CHECK(folder->documents[1].set.annotationCount() == 2);
}

TEST_CASE("webanno-tsv import: a wrong header stops the file, naming file and line") {
    fixtures::TempDir dir;
    CHECK(failure(importText(dir, "hello\n" + kSentence1), "1")
              .find("expected \"#FORMAT=WebAnno TSV 3.3\" on the first line, found \"hello\"") != std::string::npos);
    CHECK(failure(importText(dir, replaced(kHeader, "3.3", "3.1") + kSentence1), "1").find("3.1 is not read") !=
          std::string::npos);
    CHECK(failure(importText(dir, replaced(kHeader, "#T_RL=", "#T_XX=") + kSentence1), "4")
              .find("expected a layer declaration") != std::string::npos);
    CHECK(failure(importText(dir, replaced(kHeader, "|BT_webanno.custom.Claimmark", "") + kSentence1), "4")
              .find("has no BT_") != std::string::npos);
    CHECK(failure(importText(dir, ""), "1").find("the file is empty") != std::string::npos);
}

TEST_CASE("webanno-tsv import: bad rows name file, line and what was expected") {
    fixtures::TempDir dir;
    const std::string good = kHeader + kSentence1 + kSentence2;
    struct Case {
        std::string from, to, line, message;
    };
    for (const Case& c : {
             Case{"1-3\t8-12", "1-x\t8-12", "10", "bad row id \"1-x\""},
             Case{"1-3\t8-12", "2-3\t8-12", "10", "row \"2-3\" is under sentence 1"},
             Case{"1-3\t8-12", "1-3\t12-8", "10", "bad offsets \"12-8\""},
             Case{"1-3\t8-12", "1-3\t8-99", "10", "offset 99 is past the end of the article (32 UTF-16 code units)"},
             Case{"1-4\t13-15", "1-4\t14-15", "11", "offset 14 falls inside a character (a surrogate pair)"},
             Case{"1-3\t8-12\tcure", "1-3\t8-12\tcore", "10", "expected \"cure\", found \"core\""},
             Case{"colds\tNN\t_\t_", "colds\tNN", "12", "expected 10 tab-separated fields"},
             Case{"claim[1]|hedge[2]", "claim[1]|hedge[x]", "9", "bad disambiguation id in \"hedge[x]\""},
             Case{"*[1]|n\\|b[2]", "*[1]", "9", "feature \"note\" has 1 stacked value(s), the label 2"},
             Case{"#Text=Tea may", "#Text=Tee may", "7", "the #Text= line does not match the article"},
             Case{"supports\t2-1\t", "supports\t2-2\t", "17", "the relation's governor (2-2) has no span on its row"},
             Case{"hedges\t1-2[2_1]", "hedges\t1-2", "8", "governor (1-2) is ambiguous (2 spans"},
             Case{"hedges\t1-2[2_1]", "hedges\t1-2[2_x]", "8", "bad relation base \"1-2[2_x]\""},
             Case{"\tevidence\t", "\t*\t", "16", "a span without a label"},
         }) {
        CAPTURE(c.to);
        const std::string text = failure(importText(dir, replaced(good, c.from, c.to)), c.line);
        CHECK_MESSAGE(text.find(c.message) != std::string::npos, text);
    }
}

TEST_CASE("webanno-tsv import: --lenient leaves out the bad rows and lists them") {
    fixtures::TempDir dir;
    const std::string tsv = replaced(kHeader + kSentence1 + kSentence2, "2-1\t25-30\tCaf\\e", "2-1\t25-30\tCafe");
    Result<ImportOutput> out = importText(dir, tsv, kRebuilt, true);
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    REQUIRE(out->skipped.size() == 2);
    CHECK(out->skipped[0].location == "line 16");
    CHECK(out->skipped[0].message.find("expected \"Caf\\e\", found \"Cafe\"") != std::string::npos);
    CHECK(out->skipped[1].message.find("the relation's governor (2-1) has no span on its row") != std::string::npos);
    CHECK(out->documents[0].set.annotationCount() == 3);
    CHECK(out->documents[0].set.relationCount() == 1);
}
