// test_brat_import.cpp — brat standoff import: T (discontinuous, fragments in any order),
// R, A/M, #, N, * and E lines on a text with emoji, combining marks, CJK, Arabic and CRLF;
// text mismatches and malformed lines with line numbers; lenient skipping; folders.
#include "core/exchange/exchange_formats.h"
#include "core/exchange/import_support.h"
#include "exchange/exchange_fixtures.h"
#include "fixtures.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace claimmark;
namespace fs = std::filesystem;
using namespace exchange_fixtures;

namespace {

// The text is kKratomText, the same as the export tests (offsets in exchange_fixtures.h).
struct BratFiles {
    fixtures::TempDir dir;
    fs::path write(const std::string& stem, const std::string& ann, const std::string& text = kKratomText) {
        fixtures::writeFile(dir / (stem + ".txt"), text);
        fixtures::writeFile(dir / (stem + ".ann"), ann);
        return dir / (stem + ".ann");
    }
};

}  // namespace

TEST_CASE("brat import reads T, R, A/M, #, N lines with code point offsets") {
    BratFiles files;
    const fs::path ann = files.write("kratom",
                                     "T1\tclaim 9 22\tmay ease pain\n"
                                     "T2\thedge 9 12\tmay\n"
                                     "T3\tcaveat 64 69;25 30\t" +
                                         kArabic + " " + kCafe +
                                         "\n"  // listed out of order
                                         "T4\tevidence 42 53\t" +
                                         kCjk +
                                         " studies\n"
                                         "T5\tPlant 0 8\tKratom \xF0\x9F\x8C\xBF\n"
                                         "R1\thedges Arg1:T2 Arg2:T1\t\n"   // brat writes a trailing tab
                                         "R2\tqualifies Arg2:T1 Arg1:T3\n"  // arguments in any order
                                         "A1\tstrength T1 4\n"
                                         "A2\tcheckworthy T1\n"
                                         "M3\tkind T2 modal\n"
                                         "#1\tAnnotatorNotes T1\tfrom the abstract\n"
                                         "N1\tReference T5 Wikidata:Q123\tMitragyna speciosa\n");
    Result<ImportOutput> out = importBrat({ann}, ImportOptions{});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    REQUIRE(out->documents.size() == 1);
    const ImportedDocument& doc = out->documents[0];
    CHECK(doc.stem == "kratom");
    CHECK(doc.articlePath == files.dir / "kratom.txt");
    CHECK(doc.text == kKratomText);
    const AnnotationSet& set = doc.set;
    CHECK(set.annotator == "imported");
    CHECK(set.document.length == 82);
    REQUIRE(set.annotationCount() == 5);

    const Annotation* claim = withText(set, "may ease pain");
    REQUIRE(claim);
    CHECK(claim->label == "claim");
    CHECK(claim->spans == std::vector<Span>{{9, 22}});
    CHECK(claim->origin == "imported");
    CHECK(claim->note == "from the abstract");
    REQUIRE(claim->attributes.count("strength"));
    CHECK(std::get<std::int64_t>(claim->attributes.at("strength")) == 4);  // "4" became an ordinal
    CHECK(std::get<bool>(claim->attributes.at("checkworthy")) == true);

    const Annotation* caveat = withText(set, kCafe + " " + kArabic);  // fragments sorted
    REQUIRE(caveat);
    CHECK(caveat->spans == std::vector<Span>{{25, 30}, {64, 69}});

    const Annotation* evidence = withText(set, kCjk + " studies");
    REQUIRE(evidence);
    CHECK(evidence->spans == std::vector<Span>{{42, 53}});

    const Annotation* plant = withText(set, "Kratom \xF0\x9F\x8C\xBF");
    REQUIRE(plant);
    CHECK(plant->spans == std::vector<Span>{{0, 8}});
    CHECK(std::get<std::string>(plant->attributes.at("reference")) == "Wikidata:Q123 Mitragyna speciosa");
    CHECK(set.schema.findLabel("Plant") != nullptr);
    CHECK(anyContains(out->notices, "label \"Plant\" is not in the schema"));

    const Annotation* hedge = withText(set, "may");
    REQUIRE(hedge);
    CHECK(std::get<std::string>(hedge->attributes.at("kind")) == "modal");

    REQUIRE(set.relationCount() == 2);
    const std::vector<const Relation*> rels = set.relationsInOrder();
    CHECK(rels[0]->type == "hedges");
    CHECK(rels[0]->from == hedge->id);
    CHECK(rels[0]->to == claim->id);
    CHECK(rels[1]->type == "qualifies");
    CHECK(rels[1]->from == caveat->id);
    CHECK(rels[1]->to == claim->id);
}

TEST_CASE("brat import maps E events and * Equiv lines to annotations and relations") {
    BratFiles files;
    const fs::path ann = files.write("events",
                                     "T1\tclaim 9 22\tmay ease pain\n"
                                     "T2\thedge 9 12\tmay\n"
                                     "T3\tEase 13 17\tease\n"
                                     "E1\tEase:T3 Agent-Arg:T2 Theme-Arg:T1\n"
                                     "A1\tNegation E1\n"
                                     "#1\tAnnotatorNotes E1\tan event\n"
                                     "T4\tevidence 42 53\t" +
                                         kCjk +
                                         " studies\n"
                                         "T5\tevidence 46 53\tstudies\n"
                                         "*\tEquiv T4 T5 T2\n"
                                         "R1\tsupports Arg1:T4 Arg2:T1\n"
                                         "#2\tAnnotatorNotes R1\tweak support\n");
    Result<ImportOutput> out = importBrat({ann}, ImportOptions{});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    const AnnotationSet& set = out->documents[0].set;
    const Annotation* trigger = withText(set, "ease");
    REQUIRE(trigger);
    CHECK(trigger->label == "Ease");
    CHECK(trigger->extra.value("bratEvent", false));
    CHECK(std::get<bool>(trigger->attributes.at("Negation")));  // A on E1 lands on its trigger
    CHECK(trigger->note == "an event");

    // Relations in file order: E1's two arguments, the two '*' links, then R1.
    const std::vector<const Relation*> rels = set.relationsInOrder();
    REQUIRE(rels.size() == 5);
    const Annotation* claim = withText(set, "may ease pain");
    const Annotation* hedge = withText(set, "may");
    const Annotation* cjk = withText(set, kCjk + " studies");
    const Annotation* studies = withText(set, "studies");
    REQUIRE((claim && hedge && cjk && studies));
    CHECK(rels[0]->type == "Agent-Arg");
    CHECK((rels[0]->from == trigger->id && rels[0]->to == hedge->id));
    CHECK(rels[0]->extra.value("bratEventArgument", false));
    CHECK(rels[1]->type == "Theme-Arg");
    CHECK((rels[1]->from == trigger->id && rels[1]->to == claim->id));
    CHECK(rels[2]->type == "Equiv");
    CHECK((rels[2]->from == cjk->id && rels[2]->to == studies->id));
    CHECK((rels[3]->from == studies->id && rels[3]->to == hedge->id));
    CHECK(rels[3]->extra.value("bratEquivalence", false));
    CHECK(rels[4]->type == "supports");
    CHECK(rels[4]->extra.value("note", std::string()) == "weak support");
    CHECK(anyContains(out->notices, "1 event(s) (E lines) kept"));
    CHECK(anyContains(out->notices, "1 '*' line(s) kept"));
}

TEST_CASE("brat import reports a span whose text does not match, with line and both texts") {
    BratFiles files;
    // T2 was written by a tool counting UTF-16 units: 43..54 is off by one after the emoji.
    const fs::path ann = files.write("bad",
                                     "T1\tclaim 9 22\tmay ease pain\n"
                                     "T2\tevidence 43 54\t" +
                                         kCjk +
                                         " studies\n"
                                         "R1\tsupports Arg1:T2 Arg2:T1\n"
                                         "R2\thedges Arg1:T9 Arg2:T1\n");
    Result<ImportOutput> out = importBrat({ann}, ImportOptions{});
    REQUIRE_FALSE(out.ok());
    const Diagnostics& errors = out.errors();
    REQUIRE(errors.size() == 3);  // every problem, not only the first
    CHECK(errors[0].file == ann.string());
    CHECK(errors[0].location == "line 2");
    CHECK(errors[0].message == "T2: expected \"" + kCjk + " studies\", found \"\xE6\x9C\xAC\xE8\xAA\x9E studies \"");
    CHECK(errors[1].location == "line 3");
    CHECK(errors[1].message == "R1: refers to T2, which was left out (see its line)");
    CHECK(errors[2].location == "line 4");
    CHECK(errors[2].message == "R2: refers to T9, which is not in the file");
}

TEST_CASE("brat import takes a stated text with stray white space around it as the offsets say, and counts it") {
    BratFiles files;
    // Real corpora store "may ease pain " over offsets covering "may ease pain"; brat trusts
    // the offsets. A real mismatch is still refused.
    const fs::path ann = files.write("stray",
                                     "T1\tclaim 9 22\tmay ease pain \n"
                                     "T2\thedge 9 12\t may\n"
                                     "T3\tclaim 0 6\tKratom\n"
                                     "R1\thedges Arg1:T2 Arg2:T1\n");
    Result<ImportOutput> out = importBrat({ann}, ImportOptions{});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    REQUIRE(out->documents.size() == 1);
    CHECK(out->documents[0].set.annotationCount() == 3);
    CHECK(out->documents[0].set.relationCount() == 1);
    CHECK(anyContains(out->notices, "2 span(s) whose stated text has white space around it"));

    const fs::path wrong = files.write("wrong", "T1\tclaim 9 22\tmay ease pains\n");
    Result<ImportOutput> refused = importBrat({wrong}, ImportOptions{});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.errors()[0].message == "T1: expected \"may ease pains\", found \"may ease pain\"");
    CHECK(sameButSurroundingWhiteSpace("aspirin\xC2\xA0", "aspirin"));
    CHECK_FALSE(sameButSurroundingWhiteSpace("  ", ""));
    CHECK_FALSE(sameButSurroundingWhiteSpace("as pirin", "aspirin"));
}

TEST_CASE("brat import with lenient keeps the rest and lists what was skipped") {
    BratFiles files;
    const fs::path ann = files.write("bad",
                                     "T1\tclaim 9 22\tmay ease pain\n"
                                     "T2\tevidence 43 54\t" +
                                         kCjk +
                                         " studies\n"
                                         "T3\thedge 9 12\tmay\n"
                                         "R1\tsupports Arg1:T2 Arg2:T1\n"
                                         "R2\thedges Arg1:T3 Arg2:T1\n"
                                         "A1\ttype T2 anecdotal\n"
                                         "A2\tstrength T1 high\n");
    ImportOptions options;
    options.lenient = true;
    options.annotator = "bob";
    Result<ImportOutput> out = importBrat({ann}, options);
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    const AnnotationSet& set = out->documents[0].set;
    CHECK(set.annotator == "bob");
    CHECK(set.annotationCount() == 2);
    CHECK(set.relationCount() == 1);
    CHECK(withText(set, "may ease pain")->attributes.empty());  // "high" is no ordinal: skipped
    const Diagnostics& skipped = out->skipped;
    REQUIRE(skipped.size() == 4);
    CHECK(skipped[0].location == "line 2");
    CHECK(skipped[0].message.find("T2: expected") == 0);
    CHECK(skipped[1].location == "line 6");  // A1 on the skipped T2
    CHECK(skipped[1].message == "A1: refers to T2, which was left out (see its line)");
    CHECK(skipped[2].location == "line 7");
    CHECK(skipped[2].message.find("A2: attribute \"strength\" expects an integer") == 0);
    CHECK(skipped[3].location == "line 4");  // R1 to the skipped T2
}

TEST_CASE("brat import reports malformed lines with their numbers") {
    BratFiles files;
    const fs::path ann = files.write("malformed",
                                     "T1\tclaim 9\tmay ease pain\n"
                                     "\n"
                                     "X1\tsomething T1\n"
                                     "A1\tstrength\n"
                                     "R1\thedges Arg1:T1\n"
                                     "T2 claim 9 12 may\n"
                                     "T3\tclaim 80 90\tx\n"
                                     "T4\tclaim 12 9\tx\n"
                                     "T5\tclaim 9 12\tmay\n"
                                     "T5\tclaim 9 12\tmay\n");
    Result<ImportOutput> out = importBrat({ann}, ImportOptions{});
    REQUIRE_FALSE(out.ok());
    std::vector<std::string> got;
    for (const Diagnostic& d : out.errors()) got.push_back(d.location + ": " + d.message);
    REQUIRE(got.size() == 8);
    CHECK(got[0] == "line 1: T1: fragment \"9\" is not \"START END\" (two whole numbers)");
    CHECK(got[1].find("line 3: X1: unknown annotation kind 'X'") == 0);
    CHECK(got[2] == "line 4: A1: expected \"NAME ID\" or \"NAME ID VALUE\"");
    CHECK(got[3] == "line 5: R1: a relation needs Arg1:ID and Arg2:ID");
    CHECK(got[4] == "line 6: expected an id, a tab and the annotation (no tab found)");
    CHECK(got[5] == "line 10: T5: the id is used twice (first on line 9)");
    CHECK(got[6] == "line 7: T3: span 80-90 ends past the end of the text (82 code points)");
    CHECK(got[7] == "line 8: T4: span 12-9 is empty or reversed");
}

TEST_CASE("brat import of a folder: every .ann sorted by name, .ann saved with CRLF") {
    BratFiles files;
    files.write("b-second", "T1\thedge 9 12\tmay\r\n");  // CRLF line ends in the .ann itself
    files.write("a-first", "T1\tclaim 9 22\tmay ease pain\n");
    fixtures::writeFile(files.dir / "annotation.conf", "[entities]\nclaim\n");
    Result<ImportOutput> out = importBrat({files.dir.path()}, ImportOptions{});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    REQUIRE(out->documents.size() == 2);
    CHECK(out->documents[0].stem == "a-first");
    CHECK(out->documents[1].stem == "b-second");
    CHECK(out->documents[1].set.annotations().at(0).text == "may");
}

TEST_CASE("brat import: missing text, missing input, invalid UTF-8 in the .txt") {
    BratFiles files;
    fixtures::writeFile(files.dir / "alone.ann", "T1\tclaim 0 3\tabc\n");
    Result<ImportOutput> out = importBrat({files.dir / "alone.ann"}, ImportOptions{});
    REQUIRE_FALSE(out.ok());
    CHECK(out.errors()[0].file == (files.dir / "alone.txt").string());

    out = importBrat({files.dir / "nothing.ann"}, ImportOptions{});
    REQUIRE_FALSE(out.ok());
    CHECK(out.errors()[0].message == "no such file or folder");

    const fs::path bad = files.write("latin1", "T1\tclaim 0 3\tabc\n", "abc \xE9t\xE9\n");
    out = importBrat({bad}, ImportOptions{});
    REQUIRE_FALSE(out.ok());
    CHECK(out.errors()[0].file == (files.dir / "latin1.txt").string());
    CHECK(out.errors()[0].location.find("byte 4") != std::string::npos);
}
