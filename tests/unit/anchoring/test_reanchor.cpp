// Tests for re-anchoring annotations onto a changed article (src/core/anchoring/reanchor.h).
//
// The fixture article is four sentences; offsets below were counted by hand (code points):
//   sentence 1 is 98 long, sentence 2 69, sentence 3 87, sentence 4 51 (ends with '\n').
//   a0 "tropical tree" 12..25        a2 "kratom may help reduce chronic pain in adults" 120..165
//   a1 "may" (first)   127..130      a3 "may" (second) 198..201
//   a4 "Consult healthcare professionals before trying it" 254..303
#include "core/anchoring/reanchor.h"

#include "core/model/annotation_set.h"
#include "core/model/covered_text.h"
#include "core/text/document.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

using namespace claimmark;

namespace {

const std::string kS1 =
    "Kratom is a tropical tree from Southeast Asia whose leaves have long been chewed by farm workers. ";
const std::string kS2 = "Supporters claim that kratom may help reduce chronic pain in adults. ";
const std::string kS3 = "Preliminary studies suggest it may ease symptoms of anxiety, but the evidence is thin. ";
const std::string kS4 = "Consult healthcare professionals before trying it.\n";
const std::string kArticle = kS1 + kS2 + kS3 + kS4;

Document makeDocument(std::string text) {
    auto result = Document::fromBytes(std::move(text));
    REQUIRE_MESSAGE(result.ok(), result.errorText());
    return std::move(result.value());
}

Annotation annotate(const Document& doc, const std::string& id, const std::string& label, std::vector<Span> spans) {
    Annotation a;
    a.id = id;
    a.label = label;
    a.spans = std::move(spans);
    fillFromDocument(a, doc);
    return a;
}

AnnotationSet makeSet(const Document& doc, const std::vector<Annotation>& annotations) {
    AnnotationSet set;
    set.document.length = doc.length();
    set.document.sha256 = doc.sha256();
    for (const Annotation& a : annotations) {
        const Status status = set.addAnnotation(a);
        REQUIRE_MESSAGE(status.ok(), status.error);
    }
    return set;
}

AnnotationSet articleSet(const Document& doc) {
    return makeSet(doc, {annotate(doc, "a0", "evidence", {{12, 25}}), annotate(doc, "a1", "hedge", {{127, 130}}),
                         annotate(doc, "a2", "claim", {{120, 165}}), annotate(doc, "a3", "hedge", {{198, 201}}),
                         annotate(doc, "a4", "caveat", {{254, 303}})});
}

const Annotation& get(const AnnotationSet& set, const std::string& id) {
    const Annotation* a = set.findAnnotation(id);
    REQUIRE(a != nullptr);
    return *a;
}

std::vector<Span> spans(const AnnotationSet& set, const std::string& id) { return get(set, id).spans; }

}  // namespace

TEST_CASE("reanchor: fixture offsets are what the header comment says") {
    const Document doc = makeDocument(kArticle);
    CHECK(doc.length() == 305);
    CHECK(doc.slice(12, 25) == "tropical tree");
    CHECK(doc.slice(127, 130) == "may");
    CHECK(doc.slice(198, 201) == "may");
    CHECK(doc.slice(120, 165) == "kratom may help reduce chronic pain in adults");
    CHECK(doc.slice(254, 303) == "Consult healthcare professionals before trying it");
}

TEST_CASE("reanchor: an unchanged article leaves every annotation alone") {
    const Document doc = makeDocument(kArticle);
    AnnotationSet set = articleSet(doc);
    const auto revision = set.revision();
    const ReanchorReport report = reanchor(set, doc);
    CHECK(report.unchanged == 5);
    CHECK(report.moved == 0);
    CHECK(report.fuzzy == 0);
    CHECK(report.orphaned == 0);
    CHECK(report.summary() == "5 unchanged, 0 moved, 0 fuzzy-matched, 0 orphaned");
    CHECK(set.revision() == revision);  // nothing needed rewriting
    CHECK(spans(set, "a3") == std::vector<Span>{{198, 201}});
}

TEST_CASE("reanchor: insertion with an emoji before annotations shifts them by its code points") {
    const Document oldDoc = makeDocument(kArticle);
    AnnotationSet set = articleSet(oldDoc);
    // 30 code points (33 bytes: the herb emoji is one code point, four bytes), inserted
    // between sentence 1 and sentence 2, after a0's context.
    const Document newDoc = makeDocument(kS1 + "A new \xF0\x9F\x8C\xBF survey was published. " + kS2 + kS3 + kS4);
    REQUIRE(newDoc.length() == 335);

    const ReanchorReport report = reanchor(set, newDoc);
    CHECK(report.summary() == "1 unchanged, 4 moved, 0 fuzzy-matched, 0 orphaned");
    CHECK(report.movedIds == std::vector<std::string>{"a2", "a1", "a3", "a4"});  // old document order
    CHECK(spans(set, "a0") == std::vector<Span>{{12, 25}});
    CHECK(spans(set, "a1") == std::vector<Span>{{157, 160}});
    CHECK(spans(set, "a2") == std::vector<Span>{{150, 195}});
    CHECK(spans(set, "a3") == std::vector<Span>{{228, 231}});
    CHECK(spans(set, "a4") == std::vector<Span>{{284, 333}});
    CHECK(get(set, "a2").text == "kratom may help reduce chronic pain in adults");
    CHECK(get(set, "a2").prefix == "ublished. Supporters claim that ");
    CHECK(set.document.length == 335);
    CHECK(set.document.sha256 == newDoc.sha256());
    CHECK(set.orphanedCount() == 0);
}

TEST_CASE("reanchor: deletion before annotations shifts them back") {
    const Document oldDoc = makeDocument(kArticle);
    AnnotationSet set = articleSet(oldDoc);
    // "from Southeast Asia " (20 code points) goes, right after a0: a0 stays, its suffix changes.
    std::string s1 = kS1;
    s1.erase(s1.find("from Southeast Asia "), 20);
    const Document newDoc = makeDocument(s1 + kS2 + kS3 + kS4);

    const ReanchorReport report = reanchor(set, newDoc);
    CHECK(report.summary() == "1 unchanged, 4 moved, 0 fuzzy-matched, 0 orphaned");
    CHECK(spans(set, "a0") == std::vector<Span>{{12, 25}});
    CHECK(get(set, "a0").suffix == " whose leaves have long been che");  // refreshed context
    CHECK(spans(set, "a1") == std::vector<Span>{{107, 110}});
    CHECK(spans(set, "a2") == std::vector<Span>{{100, 145}});
    CHECK(spans(set, "a3") == std::vector<Span>{{178, 181}});
    CHECK(spans(set, "a4") == std::vector<Span>{{234, 283}});
}

TEST_CASE("reanchor: an edit inside a span is a fuzzy match and the text is updated") {
    const Document oldDoc = makeDocument(kArticle);
    AnnotationSet set = articleSet(oldDoc);
    std::string s2 = kS2;
    s2.replace(s2.find("may help reduce"), 15, "may help to reduce");
    const Document newDoc = makeDocument(kS1 + s2 + kS3 + kS4);

    const ReanchorReport report = reanchor(set, newDoc);
    CHECK(report.summary() == "2 unchanged, 2 moved, 1 fuzzy-matched, 0 orphaned");
    CHECK(report.fuzzyIds == std::vector<std::string>{"a2"});
    CHECK(spans(set, "a2") == std::vector<Span>{{120, 168}});
    CHECK(get(set, "a2").text == "kratom may help to reduce chronic pain in adults");
    CHECK_FALSE(get(set, "a2").orphaned);
    CHECK(spans(set, "a1") == std::vector<Span>{{127, 130}});  // the hedge inside it stays
    CHECK(spans(set, "a3") == std::vector<Span>{{201, 204}});
    CHECK(spans(set, "a4") == std::vector<Span>{{257, 306}});
}

TEST_CASE("reanchor: text deleted entirely is orphaned, kept with its old spans, and listed") {
    const Document oldDoc = makeDocument(kArticle);
    AnnotationSet set = articleSet(oldDoc);
    const Document newDoc = makeDocument(kS1 + kS2 + kS3 + "Talk to a doctor.\n");

    const ReanchorReport report = reanchor(set, newDoc);
    CHECK(report.summary() == "4 unchanged, 0 moved, 0 fuzzy-matched, 1 orphaned");
    CHECK(report.orphanedIds == std::vector<std::string>{"a4"});
    CHECK(set.annotationCount() == 5);
    const Annotation& a4 = get(set, "a4");
    CHECK(a4.orphaned);
    CHECK(a4.spans == std::vector<Span>{{254, 303}});
    CHECK(a4.text == "Consult healthcare professionals before trying it");
    CHECK(set.document.length == 272);
    CHECK(set.orphanedCount() == 1);
}

TEST_CASE("reanchor: a deleted short hedge is not pinned onto another occurrence of the word") {
    const Document oldDoc = makeDocument(kArticle);
    AnnotationSet set = articleSet(oldDoc);
    // Sentence 3 (87 code points) with a3's "may" goes; "may" still occurs in sentence 2.
    const Document newDoc = makeDocument(kS1 + kS2 + kS4);

    const ReanchorReport report = reanchor(set, newDoc);
    CHECK(report.summary() == "3 unchanged, 1 moved, 0 fuzzy-matched, 1 orphaned");
    CHECK(report.orphanedIds == std::vector<std::string>{"a3"});
    CHECK(get(set, "a3").orphaned);
    CHECK(spans(set, "a3") == std::vector<Span>{{198, 201}});
    CHECK(spans(set, "a1") == std::vector<Span>{{127, 130}});
    CHECK(spans(set, "a4") == std::vector<Span>{{167, 216}});
}

TEST_CASE("reanchor: a repeated word is resolved by its context, not by nearness") {
    const Document oldDoc = makeDocument(kArticle);
    AnnotationSet set = articleSet(oldDoc);
    // The inserted sentence (45 code points) puts a decoy "may" exactly at a3's old offset 198.
    const std::string decoy = "Critics of the report think it may be wrong. ";
    const Document newDoc = makeDocument(kS1 + kS2 + decoy + kS3 + kS4);
    REQUIRE(newDoc.slice(198, 201) == "may");

    const ReanchorReport report = reanchor(set, newDoc);
    CHECK(report.summary() == "3 unchanged, 2 moved, 0 fuzzy-matched, 0 orphaned");
    CHECK(spans(set, "a1") == std::vector<Span>{{127, 130}});
    CHECK(spans(set, "a3") == std::vector<Span>{{243, 246}});
    CHECK(get(set, "a3").prefix == " Preliminary studies suggest it ");
    CHECK(spans(set, "a4") == std::vector<Span>{{299, 348}});
}

TEST_CASE("reanchor: a discontinuous annotation moves fragment by fragment") {
    const Document oldDoc = makeDocument(kArticle);
    // "Preliminary studies" 167..186 and "ease symptoms of anxiety" 202..226.
    AnnotationSet set = makeSet(oldDoc, {annotate(oldDoc, "a5", "evidence", {{167, 186}, {202, 226}})});
    REQUIRE(get(set, "a5").text == "Preliminary studies ease symptoms of anxiety");
    // "🧊 Updated! " is 11 code points.
    const Document newDoc = makeDocument("\xF0\x9F\xA7\x8A Updated! " + kArticle);

    const ReanchorReport report = reanchor(set, newDoc);
    CHECK(report.summary() == "0 unchanged, 1 moved, 0 fuzzy-matched, 0 orphaned");
    const Annotation& a5 = get(set, "a5");
    CHECK(a5.spans == std::vector<Span>{{178, 197}, {213, 237}});
    CHECK(a5.text == "Preliminary studies ease symptoms of anxiety");
    CHECK(a5.suffix == ", but the evidence is thin. Cons");
}

TEST_CASE("reanchor: a discontinuous annotation with one fragment gone is orphaned") {
    const Document oldDoc = makeDocument(kArticle);
    AnnotationSet set = makeSet(oldDoc, {annotate(oldDoc, "a5", "evidence", {{167, 186}, {202, 226}})});
    std::string s3 = kS3;
    s3.replace(s3.find("ease symptoms of anxiety"), 24, "help you sleep");
    const Document newDoc = makeDocument(kS1 + kS2 + s3 + kS4);

    const ReanchorReport report = reanchor(set, newDoc);
    CHECK(report.orphanedIds == std::vector<std::string>{"a5"});
    CHECK(get(set, "a5").orphaned);
    CHECK(get(set, "a5").spans == std::vector<Span>{{167, 186}, {202, 226}});
}

TEST_CASE("reanchor: an orphan from an earlier run comes back when its text returns") {
    const Document v1 = makeDocument(kArticle);
    AnnotationSet set = articleSet(v1);
    const Document v2 = makeDocument(kS1 + kS2 + kS3);
    REQUIRE(reanchor(set, v2).orphanedIds == std::vector<std::string>{"a4"});
    REQUIRE(get(set, "a4").orphaned);

    // The caveat is back, and a 7-code-point line now precedes everything.
    const Document v3 = makeDocument("Intro.\n" + kArticle);
    const ReanchorReport report = reanchor(set, v3);
    CHECK(report.summary() == "0 unchanged, 5 moved, 0 fuzzy-matched, 0 orphaned");
    const Annotation& a4 = get(set, "a4");
    CHECK_FALSE(a4.orphaned);
    CHECK(a4.spans == std::vector<Span>{{261, 310}});
    CHECK(a4.text == "Consult healthcare professionals before trying it");
    CHECK(spans(set, "a0") == std::vector<Span>{{19, 32}});
    CHECK(set.orphanedCount() == 0);
}

TEST_CASE("reanchor: an orphan re-attached at its old offsets counts as moved") {
    const Document v1 = makeDocument(kArticle);
    AnnotationSet set = articleSet(v1);
    REQUIRE(reanchor(set, makeDocument(kS1 + kS2 + kS3)).orphaned == 1);
    const ReanchorReport report = reanchor(set, v1);
    CHECK(report.summary() == "4 unchanged, 1 moved, 0 fuzzy-matched, 0 orphaned");
    CHECK(report.movedIds == std::vector<std::string>{"a4"});
    CHECK_FALSE(get(set, "a4").orphaned);
    CHECK(spans(set, "a4") == std::vector<Span>{{254, 303}});
}

TEST_CASE("reanchor: CRLF article") {
    // "Title line\r\nKratom may help reduce pain.\r\nConsult a doctor first.\r\n"
    const std::string text = "Title line\r\nKratom may help reduce pain.\r\nConsult a doctor first.\r\n";
    const Document oldDoc = makeDocument(text);
    AnnotationSet set =
        makeSet(oldDoc, {annotate(oldDoc, "c1", "claim", {{19, 39}}), annotate(oldDoc, "c2", "evidence", {{35, 49}}),
                         annotate(oldDoc, "c3", "caveat", {{42, 64}})});
    REQUIRE(get(set, "c2").text == "pain.\r\nConsult");
    // A 16-code-point line ("New first line\r\n") goes on top.
    const Document newDoc = makeDocument("New first line\r\n" + text);

    const ReanchorReport report = reanchor(set, newDoc);
    CHECK(report.summary() == "0 unchanged, 3 moved, 0 fuzzy-matched, 0 orphaned");
    CHECK(spans(set, "c1") == std::vector<Span>{{35, 55}});
    CHECK(spans(set, "c2") == std::vector<Span>{{51, 65}});
    CHECK(spans(set, "c3") == std::vector<Span>{{58, 80}});
    CHECK(get(set, "c2").text == "pain.\r\nConsult");
    CHECK(get(set, "c3").suffix == ".\r\n");
}

TEST_CASE("reanchor: a long quote is placed fuzzily by its head and tail") {
    // A 1,000-odd code point paragraph of distinct sentences, annotated whole.
    std::string paragraph;
    for (int i = 0; i < 40; ++i)
        paragraph += "Point " + std::to_string(i) + " notes effect number " + std::to_string(i * 7) + ". ";
    const std::string head = "Intro text before the paragraph. ";  // 33 code points
    const std::string tail = "Closing words.\n";
    const Document oldDoc = makeDocument(head + paragraph + tail);
    const std::size_t length = paragraph.size();  // ASCII: bytes are code points
    REQUIRE(length > 512);
    AnnotationSet set = makeSet(oldDoc, {annotate(oldDoc, "p1", "claim", {{33, 33 + length}})});

    // One word changes in the middle ("effect" -> "impact" in point 20), plus 10 code points
    // inserted at the very top.
    std::string edited = paragraph;
    const std::size_t at = edited.find("Point 20 notes effect");
    REQUIRE(at != std::string::npos);
    edited.replace(at + 15, 6, "impact");
    const Document newDoc = makeDocument("New intro " + head + edited + tail);

    const ReanchorReport report = reanchor(set, newDoc);
    CHECK(report.summary() == "0 unchanged, 0 moved, 1 fuzzy-matched, 0 orphaned");
    CHECK(spans(set, "p1") == std::vector<Span>{{43, 43 + length}});
    CHECK(get(set, "p1").text == edited);
}

TEST_CASE("reanchor: an empty set only takes the new document's identity") {
    const Document doc = makeDocument(kArticle);
    AnnotationSet set;
    const ReanchorReport report = reanchor(set, doc);
    CHECK(report.summary() == "0 unchanged, 0 moved, 0 fuzzy-matched, 0 orphaned");
    CHECK(report.movedIds.empty());
    CHECK(report.orphanedIds.empty());
    CHECK(set.document.length == 305);
    CHECK(set.document.sha256 == doc.sha256());
    CHECK(set.annotationCount() == 0);
}

TEST_CASE("reanchor: onto an empty article everything is orphaned and nothing is lost") {
    const Document oldDoc = makeDocument(kArticle);
    AnnotationSet set = articleSet(oldDoc);
    const ReanchorReport report = reanchor(set, makeDocument(""));
    CHECK(report.summary() == "0 unchanged, 0 moved, 0 fuzzy-matched, 5 orphaned");
    CHECK(report.orphanedIds == std::vector<std::string>{"a0", "a2", "a1", "a3", "a4"});
    CHECK(set.annotationCount() == 5);
    CHECK(set.orphanedCount() == 5);
    CHECK(set.document.length == 0);
    CHECK(spans(set, "a2") == std::vector<Span>{{120, 165}});
}

TEST_CASE("reanchor: an annotation without a stored quote keeps spans that still fit") {
    const Document oldDoc = makeDocument(kArticle);
    Annotation bare;
    bare.id = "b1";
    bare.label = "claim";
    bare.spans = {{12, 25}};  // no text, prefix or suffix, as from a sparse import
    AnnotationSet set = makeSet(oldDoc, {bare});
    const ReanchorReport report = reanchor(set, makeDocument(kArticle));
    CHECK(report.unchanged == 1);
    CHECK(get(set, "b1").text == "tropical tree");  // filled in from the article
    CHECK(get(set, "b1").prefix == "Kratom is a ");
}

TEST_CASE("reanchor: relations are kept") {
    const Document oldDoc = makeDocument(kArticle);
    AnnotationSet set = articleSet(oldDoc);
    Relation r;
    r.id = "r1";
    r.type = "hedges";
    r.from = "a1";
    r.to = "a2";
    REQUIRE(set.addRelation(r).ok());
    reanchor(set, makeDocument("Intro.\n" + kArticle));
    REQUIRE(set.relationCount() == 1);
    CHECK(set.findRelation("r1")->from == "a1");
    CHECK(set.findRelation("r1")->to == "a2");
}

TEST_CASE("reanchor: summary wording") {
    ReanchorReport report;
    report.unchanged = 12;
    report.moved = 3;
    report.fuzzy = 1;
    CHECK(report.summary() == "12 unchanged, 3 moved, 1 fuzzy-matched, 0 orphaned");
}

TEST_CASE("reanchor: a fuzzy match of a quote that began and ended on word boundaries is widened to whole words") {
    // Edits at the edges of the quote tempt the edit-distance match to start or stop inside
    // a word; the placed span must cover whole words, as the reviewer's selection did.
    const std::string before = "In the trial, participants improved after the first fortnight of daily dosing.\n";
    const Document oldDoc = makeDocument(before);
    const std::size_t start = before.find("after the first fortnight");
    const std::size_t end = start + std::string("after the first fortnight").size();
    AnnotationSet set = makeSet(oldDoc, {annotate(oldDoc, "a1", "claim", {{start, end}})});

    for (const std::string edited : {
             "In the trial, participants improved aftre the first fortnight of daily dosing.\n",
             "In the trial, participants improved after the first fortnigth of daily dosing.\n",
             "In the trial, participants improved soon after the firstt fortnight of daily dosing.\n",
         }) {
        CAPTURE(edited);
        AnnotationSet copy = set;
        const Document newDoc = makeDocument(edited);
        const ReanchorReport report = reanchor(copy, newDoc);
        REQUIRE(report.orphaned == 0);
        const Annotation& a = *copy.findAnnotation("a1");
        const Span span = a.spans.front();
        // Whole words: not preceded or followed by a letter.
        CHECK((span.start == 0 || edited[span.start - 1] == ' '));
        CHECK((span.end == edited.size() || edited[span.end] == ' '));
        CHECK(a.text.find("the first") != std::string::npos);
    }
}
