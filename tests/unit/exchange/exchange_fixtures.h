// exchange_fixtures.h — what the import/export tests share: the Unicode texts they annotate
// (offsets counted by hand here, once), adding annotations with the document fields filled,
// one-file export results, and small lookups over sets and notices.
//
// [SECTION] Texts    the café, tea, kratom and article texts
// [SECTION] Sets     adding annotations; the café source of the doccano / Label Studio tests
// [SECTION] Exports  the single file of an export
// [SECTION] Lookups  describe(), withText(), anyContains(), writeInput()
//
// Everything is inline: several test files include this header into one binary.
#pragma once

#include "core/model/covered_text.h"
#include "core/exchange/exchange.h"
#include "core/exchange/exchange_formats.h"
#include "fixtures.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace exchange_fixtures {

using namespace claimmark;

// --- [SECTION] Texts ----------------------------------------------------------------------

// The café text (doccano, Label Studio). Code points (UTF-16 units / bytes at the same place):
//   0 🌿 (2 units, 4 bytes)  1 ' '  2-5 "Cafe"  6 U+0301 (2 bytes)  7 ' '  8-10 "may"  11 ' '
//   12-15 "help"  16 '.'  17-18 CR LF  19-21 日本語 (3 bytes each)  22 ' '  23-26 "says"
//   27 ' '  28-31 שלום (2 bytes each)  32 '.'  33-34 CR LF  35-37 "End"     length 38
// UTF-16 offset = code point + 1 from code point 1 on (length 39).
// Byte offset: cp 0-1 -> 0, 4; cp 2..6 -> cp + 3; cp 7..19 -> cp + 4; cp 20..22 -> 26, 29, 32;
//   cp 22..28 -> cp + 10; cp 29..32 -> 40, 42, 44, 46; cp 32..38 -> cp + 14 (length 52).
inline const std::string kCafeText =
    "\xF0\x9F\x8C\xBF Cafe\xCC\x81 may help.\r\n\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E says "
    "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D.\r\nEnd";

// The tea text (csv, jsonl, conll): 51 code points, 52 UTF-16 units, 65 bytes.
//   "Tea 🌿 may cure cafe\u0301 colds.\r\n日本語 says שלום often.\r\n"
//   cp:   Tea 0-3, 🌿 4, may [6,9), cure [10,14), café [15,20) (e + U+0301 = 2 cp),
//         colds [21,26), '.' 26, CR 27, LF 28, 日本語 [29,32), says [33,37),
//         שלום [38,42), often [43,48), '.' 48, CR 49, LF 50
//   utf16: +1 from cp 5 on (the emoji is a surrogate pair)
//   byte:  +3 from cp 5 (emoji 4 bytes), +4 from cp 20 (U+0301 is 2 bytes),
//          +10 from cp 32 (CJK 3 bytes each), +14 from cp 42 (Hebrew 2 bytes each)
inline const std::string kTeaText =
    "Tea \xF0\x9F\x8C\xBF may cure cafe\xCC\x81 colds.\r\n"
    "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E says \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D often.\r\n";

// The kratom text (brat): 82 code points; "Kratom 🌿"=0..8, "may"=9..12, "ease"=13..17,
// "may ease pain"=9..22, CRLF at 23..25, "Café" (e + U+0301)=25..30, "say"=38..41,
// "日本語"=42..45, "studies"=46..53, "مرحبا"=64..69. In UTF-16 日 is at 43 (the emoji takes
// two units), in bytes at 51.
inline const std::string kKratomText =
    "Kratom \xF0\x9F\x8C\xBF may ease pain.\r\n"
    "Cafe\xCC\x81 owners say \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E studies show it.\r\n"
    "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 is Arabic.\r\n";
inline const std::string kCafe = "Cafe\xCC\x81";
inline const std::string kArabic = "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7";
inline const std::string kCjk = "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E";

// The article text (ClaimReview, W3C). Code points (U+1F33F is one code point, two UTF-16
// units, four bytes):
//   line 1 [0,25):  "Kratom 🌿 may ease pain.\r\n"   🌿 at 7, "may" [9,12), "pain." [18,23)
//   line 2 [25,47): "Cafe\u0301 日本語 says שלום.\r\n" e [28], U+0301 [29], 日本語 [31,34),
//                   "says" [35,39), שלום [40,44), "." 44, \r 45, \n 46
//   line 3 [47,66): "Studies suggest so."  "Studies" [47,54), "suggest" [55,62)
// So "may ease pain." [9,23), "pain.\r\nCafe\u0301" [18,30) (crosses the CRLF),
// "Cafe\u0301 日本語" [25,34), "Studies suggest so." [47,66).
inline const std::string kArticleText =
    "Kratom \xF0\x9F\x8C\xBF may ease pain.\r\n"
    "Cafe\xCC\x81 \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E says "
    "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D.\r\n"
    "Studies suggest so.";

// --- [SECTION] Sets -----------------------------------------------------------------------

// Adds an annotation over `document` (text and context filled), recording the document's
// hash and length in the set.
inline void add(AnnotationSet& set, const Document& document, const std::string& id, const std::string& label,
                std::vector<Span> spans, Attributes attributes = {}, const std::string& note = "") {
    set.document.sha256 = document.sha256();
    set.document.length = document.length();
    Annotation a;
    a.id = id;
    a.label = label;
    a.spans = std::move(spans);
    a.attributes = std::move(attributes);
    a.note = note;
    fillFromDocument(a, document);
    Status s = set.addAnnotation(std::move(a));
    REQUIRE_MESSAGE(s.ok(), s.error);
}

// Adds `a` with its text and context filled from `document`.
inline void add(AnnotationSet& set, const Document& document, Annotation a) {
    fillFromDocument(a, document);
    Status status = set.addAnnotation(std::move(a));
    REQUIRE_MESSAGE(status.ok(), status.error);
}

// An empty set of `annotator` over `document` (hash and length recorded).
inline AnnotationSet setOver(const Document& document, const std::string& annotator = "alice") {
    AnnotationSet set;
    set.annotator = annotator;
    set.document.sha256 = document.sha256();
    set.document.length = document.length();
    return set;
}

// A source of `annotator`'s empty set over `text`, read from `setPath`, named `stem`.
inline ExportSource sourceOver(const std::string& setPath, const std::string& stem, const std::string& text,
                               const std::string& annotator = "alice") {
    ExportSource source;
    source.setPath = setPath;
    source.stem = stem;
    source.document = fixtures::makeDocument(text);
    source.set = setOver(source.document, annotator);
    return source;
}

inline Annotation annotationWith(std::string id, std::string label, std::vector<Span> spans, Attributes attributes = {},
                                 std::string note = "") {
    Annotation a = fixtures::annotation(std::move(id), std::move(label), std::move(spans));
    a.attributes = std::move(attributes);
    a.note = std::move(note);
    return a;
}

// alice's set over the café text: attributes, a note, a discontinuous caveat, relations.
inline ExportSource cafeSource() {
    ExportSource source;
    source.setPath = "annotations/cafe/alice.json";
    source.stem = "cafe";
    source.document = fixtures::makeDocument(kCafeText);
    REQUIRE(source.document.length() == 38);
    AnnotationSet& set = source.set;
    set.annotator = "alice";
    set.document.sha256 = source.document.sha256();
    set.document.length = source.document.length();
    auto put = [&](Annotation a) {
        fillFromDocument(a, source.document);
        REQUIRE_MESSAGE(set.addAnnotation(std::move(a)).ok(), "fixture annotation");
    };
    put(annotationWith("a1", "claim", {{2, 16}},
                       {{"strength", std::int64_t(4)}, {"verdict", std::string("mixed")}, {"checkworthy", true}},
                       "nota bene \xE2\x9C\x93"));
    put(annotationWith("a2", "hedge", {{8, 11}}, {{"kind", std::string("modal")}}));
    put(annotationWith("a3", "evidence", {{19, 27}}, {{"type", std::string("expert-opinion")}}));
    put(annotationWith("a4", "caveat", {{0, 1}, {28, 32}}, {{"kind", std::string("scope")}}));
    put(annotationWith("a5", "claim", {{12, 22}}));
    REQUIRE(set.addRelation(fixtures::relation("r1", "hedges", "a2", "a1")).ok());
    REQUIRE(set.addRelation(fixtures::relation("r2", "supports", "a3", "a1")).ok());
    REQUIRE(set.addRelation(fixtures::relation("r3", "qualifies", "a4", "a5")).ok());
    return source;
}

// --- [SECTION] Exports --------------------------------------------------------------------

// The export's output, which must have succeeded with one file (no relative path: the CLI
// writes it where -o says).
inline ExportOutput oneFile(Result<ExportOutput> out) {
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    REQUIRE(out->files.size() == 1);
    CHECK(out->files[0].relativePath.empty());
    return std::move(*out);
}

// The one document of an import that must have succeeded, checked to carry `source`'s
// stem, text and annotator.
inline const ImportedDocument& onlyDocumentOf(const Result<ImportOutput>& imported, const ExportSource& source) {
    REQUIRE_MESSAGE(imported.ok(), imported.errorText());
    REQUIRE(imported->documents.size() == 1);
    const ImportedDocument& doc = imported->documents[0];
    CHECK(doc.stem == source.stem);
    CHECK(doc.text == source.document.bytes());
    CHECK(doc.set.annotator == source.set.annotator);
    return doc;
}

// --- [SECTION] Lookups --------------------------------------------------------------------

// A comparable description of a set: annotations by their spans, relations by their ends.
inline std::vector<std::string> describe(const AnnotationSet& set) {
    std::vector<std::string> lines;
    auto key = [](const Annotation& a) {
        std::string k = a.label + "@";
        for (const Span& s : a.spans) k += std::to_string(s.start) + "-" + std::to_string(s.end) + ",";
        return k;
    };
    for (const Annotation& a : set.annotations()) {
        std::string line = key(a) + " text=" + a.text + " note=" + a.note + " attrs=";
        for (const auto& [name, value] : a.attributes) line += name + ":" + attributeValueToString(value) + ";";
        lines.push_back(line);
    }
    for (const Relation& r : set.relations())
        lines.push_back(r.type + " " + key(*set.findAnnotation(r.from)) + " -> " + key(*set.findAnnotation(r.to)));
    std::sort(lines.begin(), lines.end());
    return lines;
}

// The first annotation whose text is `text`, or null.
inline const Annotation* withText(const AnnotationSet& set, const std::string& text) {
    for (const Annotation& a : set.annotations())
        if (a.text == text) return &a;
    return nullptr;
}

inline bool anyContains(const std::vector<std::string>& items, const std::string& needle) {
    return std::any_of(items.begin(), items.end(),
                       [&](const std::string& item) { return item.find(needle) != std::string::npos; });
}

inline std::filesystem::path writeInput(const fixtures::TempDir& dir, const std::string& name,
                                        const std::string& content) {
    const std::filesystem::path path = dir / name;
    fixtures::writeFile(path, content);
    return path;
}

}  // namespace exchange_fixtures
