// webanno_fixtures.h — what the WebAnno TSV tests share: a text with an emoji, a combining
// mark and CRLF, a set over it that needs every construct of the format (multi-token,
// stacked, sub-token and discontinuous spans, relations, escaping), and its export.
//
// The text: "Bob plays 😊 well.\r\nCafe\u0301 is ok." — 31 code points, 32 UTF-16 units.
//   cp: Bob [0,3) plays [4,9) 😊 10 well [12,16) '.' 16 CR 17 LF 18 Café [19,24) is [25,27)
//       ok [28,30) '.' 30;  UTF-16 = cp up to 10, cp + 1 after the emoji.
// Tokens (sentence-token): 1-1 Bob 0-3, 1-2 plays 4-9, 1-3 😊 10-12, 1-4 well 13-17,
//   1-5 . 17-18; 2-1 Café 20-25, 2-2 is 26-28, 2-3 ok 29-31, 2-4 . 31-32 (UTF-16).
#pragma once

#include "exchange/exchange_fixtures.h"

namespace webanno_fixtures {

using namespace claimmark;
using namespace exchange_fixtures;

inline const std::string kEmoji = "\xF0\x9F\x98\x8A";
inline const std::string kText = "Bob plays " + kEmoji + " well.\r\nCafe\xCC\x81 is ok.";
// Every sequence the format escapes in a value.
inline const std::string kTrickyNote = "x->y; [z]*\\ a|b_c\tand\nnext";

// a1 claim "Bob plays 😊 well" (four tokens), a2 hedge "ays" (inside "plays"), a4 caveat
// 😊 + "is" (discontinuous; 😊 stacked with a1), a3 evidence "Café", a5 claim "Caf" (inside
// "Café"); r1 hedges a2 -> a1, r2 supports a3 -> a1, r3 qualifies a4 -> a5.
inline ExportSource trickySource() {
    ExportSource source = sourceOver("annotations/bob/alice.json", "bob", kText);
    REQUIRE(source.document.length() == 31);
    REQUIRE(source.document.utf16Length() == 32);
    AnnotationSet& set = source.set;
    add(set, source.document, "a1", "claim", {{0, 16}}, {{"strength", std::int64_t(4)}}, "a|b_c");
    add(set, source.document, "a2", "hedge", {{6, 9}}, {{"kind", std::string("modal")}});
    add(set, source.document, "a3", "evidence", {{19, 24}}, {{"type", std::string("anecdotal")}}, kTrickyNote);
    add(set, source.document, "a4", "caveat", {{10, 11}, {25, 27}}, {{"kind", std::string("scope")}});
    add(set, source.document, "a5", "claim", {{19, 22}});
    REQUIRE(set.addRelation(fixtures::relation("r1", "hedges", "a2", "a1")).ok());
    REQUIRE(set.addRelation(fixtures::relation("r2", "supports", "a3", "a1")).ok());
    REQUIRE(set.addRelation(fixtures::relation("r3", "qualifies", "a4", "a5")).ok());
    return source;
}

// The export's file at `path`, which must be there.
inline const std::string& fileOf(const ExportOutput& out, const std::string& path) {
    for (const ExportFile& f : out.files)
        if (f.relativePath == path) return f.content;
    FAIL("no file " << path);
    static const std::string none;
    return none;
}

}  // namespace webanno_fixtures
