// test_brat_round_trip.cpp — the Guarantees: brat -> import -> export brat gives the same
// T/R/A/#/N/E/* content (ids may be renumbered, so lines are compared by what they point at),
// and a claimmark set -> export brat -> import gives back the same annotations.
#include "core/model/covered_text.h"
#include "core/exchange/exchange_formats.h"
#include "exchange/exchange_fixtures.h"
#include "fixtures.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <sstream>

using namespace claimmark;
namespace fs = std::filesystem;
using exchange_fixtures::kArabic;
using exchange_fixtures::kCafe;
using exchange_fixtures::kCjk;
using exchange_fixtures::kKratomText;

namespace {

// The text is kKratomText (exchange_fixtures.h counts its offsets).

std::vector<std::string> fields(const std::string& line, char sep) {
    std::vector<std::string> out;
    std::stringstream in(line);
    std::string part;
    while (std::getline(in, part, sep)) out.push_back(part);
    if (!line.empty() && line.back() == sep) out.push_back("");
    return out;
}

std::size_t codePoints(const std::string& text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
}

// A T line's "LABEL S E;S E" and text with the fragments in document order: brat allows
// any order, and the stated text follows the order listed.
std::string textBound(const std::string& head, const std::string& text) {
    const std::size_t space = head.find(' ');
    std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::string>> fragments;
    std::size_t at = 0;  // byte position in `text`
    for (const std::string& fragment : fields(head.substr(space + 1), ';')) {
        const std::vector<std::string> n = fields(fragment, ' ');
        const std::size_t start = std::stoul(n[0]), end = std::stoul(n[1]);
        std::size_t bytes = 0;
        for (std::size_t cps = 0; at + bytes < text.size() && cps < end - start; ++cps) {
            ++bytes;
            while (at + bytes < text.size() && (static_cast<unsigned char>(text[at + bytes]) & 0xC0) == 0x80) ++bytes;
        }
        fragments.push_back({{start, end}, text.substr(at, bytes)});
        at += bytes + 1;  // the joining space
    }
    std::sort(fragments.begin(), fragments.end());
    std::string out = "{" + head.substr(0, space), joined;
    for (std::size_t i = 0; i < fragments.size(); ++i) {
        out += (i ? ";" : " ") + std::to_string(fragments[i].first.first) + " " +
               std::to_string(fragments[i].first.second);
        joined += (i ? " " : "") + fragments[i].second;
    }
    REQUIRE(codePoints(joined) == codePoints(text));
    return out + " \"" + joined + "\"}";
}

// Each line of a .ann rewritten with ids replaced by what they denote (a T by its label,
// offsets and text; an E by its trigger; an R by its type and ends), sorted: two files
// with the same content and different numbering give the same list.
std::vector<std::string> canonical(const std::string& ann) {
    std::vector<std::string> lines;
    for (const std::string& l : fields(ann, '\n'))
        if (!l.empty()) lines.push_back(l);
    std::map<std::string, std::string> content;
    for (const std::string& l : lines) {
        const std::vector<std::string> f = fields(l, '\t');
        if (l[0] == 'T') content[f[0]] = textBound(f[1], f[2]);
    }
    for (const std::string& l : lines) {  // events: by their trigger (nesting resolved below)
        const std::vector<std::string> f = fields(l, '\t');
        if (l[0] == 'E')
            content[f[0]] =
                "{event " + content[f[1].substr(f[1].find(':') + 1, f[1].find(' ') - f[1].find(':') - 1)] + "}";
    }
    auto resolveWords = [&](const std::string& text) {
        std::string out;
        for (const std::string& w : fields(text, ' ')) {
            const std::size_t colon = w.find(':');
            std::string id = colon == std::string::npos ? w : w.substr(colon + 1);
            std::string prefix = colon == std::string::npos ? "" : w.substr(0, colon + 1);
            out += (out.empty() ? "" : " ") + (content.count(id) ? prefix + content[id] : w);
        }
        return out;
    };
    for (const std::string& l : lines) {
        const std::vector<std::string> f = fields(l, '\t');
        if (l[0] == 'R') content[f[0]] = "{relation " + resolveWords(f[1]) + "}";
    }
    std::vector<std::string> out;
    for (const std::string& l : lines) {
        std::vector<std::string> f = fields(l, '\t');
        std::string text;
        switch (l[0]) {
            case 'T': text = "T " + content[f[0]]; break;
            case 'E': text = "E " + resolveWords(f[1]); break;
            case 'R': text = "R " + content[f[0]]; break;
            case '*': {
                std::vector<std::string> members = fields(f[1], ' ');
                std::string joined = members[0];
                std::vector<std::string> resolved;
                for (std::size_t i = 1; i < members.size(); ++i) resolved.push_back(content[members[i]]);
                std::sort(resolved.begin(), resolved.end());
                for (const std::string& r : resolved) joined += " " + r;
                text = "* " + joined;
                break;
            }
            case 'A':
            case 'M': text = "A " + resolveWords(f[1]); break;
            case 'N': text = "N " + resolveWords(f[1]) + " | " + (f.size() > 2 ? f[2] : ""); break;
            case '#': text = "# " + resolveWords(f[1]) + " | " + (f.size() > 2 ? f[2] : ""); break;
            default: text = "? " + l;
        }
        out.push_back(text);
    }
    std::sort(out.begin(), out.end());
    return out;
}

const ExportFile* findFile(const ExportOutput& out, const std::string& path) {
    for (const ExportFile& f : out.files)
        if (f.relativePath == path) return &f;
    return nullptr;
}

std::vector<ExportSource> asSources(const ImportOutput& imported) {
    std::vector<ExportSource> sources;
    for (const ImportedDocument& d : imported.documents) {
        Result<Document> doc = Document::fromBytes(d.text, d.stem + ".txt");
        REQUIRE(doc.ok());
        sources.push_back({fs::path(d.stem + ".json"), d.stem, std::move(*doc), d.set});
    }
    return sources;
}

// A brat file as brat itself might hold it: ids out of order, a discontinuous T with its
// fragments reversed, events (one nested), an Equiv group, valued and binary attributes on
// T and E, notes on T, E and R, a normalization.
const std::string kBratAnn =
    "T1\tclaim 9 22\tmay ease pain\n"
    "T3\tcaveat 64 69;25 30\t" +
    kArabic + " " + kCafe +
    "\n"
    "T2\thedge 9 12\tmay\n"
    "T4\tevidence 42 53\t" +
    kCjk +
    " studies\n"
    "T5\tevidence 46 53\tstudies\n"
    "T6\tPlant 0 8\tKratom \xF0\x9F\x8C\xBF\n"
    "T7\tEase 13 17\tease\n"
    "T8\tReport 38 41\tsay\n"
    "E1\tEase:T7 Theme-Arg:T1 Agent-Arg:T6\n"
    "E2\tReport:T8 Event-Arg:E1\n"
    "R2\tqualifies Arg1:T3 Arg2:T1\n"
    "R1\thedges Arg1:T2 Arg2:T1\n"
    "R3\tsupports Arg1:T4 Arg2:T1\n"
    "*\tEquiv T4 T5\n"
    "A1\tstrength T1 4\n"
    "A2\tcheckworthy T1\n"
    "A3\tkind T2 modal\n"
    "A4\tConfidence E1 High\n"
    "A5\tNegation E2\n"
    "N1\tReference T6 Wikidata:Q123\tMitragyna speciosa\n"
    "#1\tAnnotatorNotes T1\tfrom the abstract\n"
    "#2\tAnnotatorNotes E1\tan event note\n"
    "#3\tAnnotatorNotes R1\ta relation note\n";

}  // namespace

TEST_CASE("round trip: brat -> import -> export brat keeps the T/R/A/#/N/E/* content") {
    fixtures::TempDir dir;
    fixtures::writeFile(dir / "kratom.txt", kKratomText);
    fixtures::writeFile(dir / "kratom.ann", kBratAnn);
    Result<ImportOutput> imported = importBrat({dir / "kratom.ann"}, ImportOptions{});
    REQUIRE_MESSAGE(imported.ok(), imported.errorText());
    CHECK(imported->skipped.empty());

    Result<ExportOutput> exported = exportBrat(asSources(*imported), ExportOptions{});
    REQUIRE_MESSAGE(exported.ok(), exported.errorText());
    const ExportFile* ann = findFile(*exported, "kratom.ann");
    REQUIRE(ann);
    CHECK(findFile(*exported, "kratom.txt")->content == kKratomText);

    const std::vector<std::string> before = canonical(kBratAnn);
    const std::vector<std::string> after = canonical(ann->content);
    CHECK(before.size() == 23);
    CHECK(before == after);
    // Spot-check the canonical form, so an empty or broken canonicaliser cannot pass.
    CHECK(std::find(before.begin(), before.end(),
                    "R {relation hedges Arg1:{hedge 9 12 \"may\"} Arg2:{claim 9 22 \"may ease pain\"}}") !=
          before.end());
    CHECK(std::find(before.begin(), before.end(), "T {caveat 25 30;64 69 \"" + kCafe + " " + kArabic + "\"}") !=
          before.end());
    CHECK(std::find(before.begin(), before.end(),
                    "E Report:{Report 38 41 \"say\"} Event-Arg:{event {Ease 13 17 \"ease\"}}") != before.end());

    // Events and their roles reach annotation.conf as brat events, not relations.
    const std::string& conf = findFile(*exported, "annotation.conf")->content;
    const std::size_t events = conf.find("[events]"), attributes = conf.find("[attributes]");
    REQUIRE(events != std::string::npos);
    CHECK(conf.find("\nEase\tTheme-Arg*:claim, Agent-Arg*:Plant\n", events) < attributes);
    CHECK(conf.find("\nReport\tEvent-Arg*:<EVENT>\n", events) < attributes);
    CHECK(conf.find("Theme-Arg\tArg1") == std::string::npos);
    CHECK(conf.find("\nEquiv\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive\n") != std::string::npos);

    // And once more: the second export is byte-identical to the first (stable numbering).
    fixtures::TempDir again;
    fixtures::writeFile(again / "kratom.txt", kKratomText);
    fixtures::writeFile(again / "kratom.ann", ann->content);
    Result<ImportOutput> reimported = importBrat({again / "kratom.ann"}, ImportOptions{});
    REQUIRE_MESSAGE(reimported.ok(), reimported.errorText());
    Result<ExportOutput> reexported = exportBrat(asSources(*reimported), ExportOptions{});
    REQUIRE(reexported.ok());
    CHECK(findFile(*reexported, "kratom.ann")->content == ann->content);
}

TEST_CASE("round trip: claimmark set -> export brat -> import gives the same annotations") {
    Document doc = fixtures::makeDocument(kKratomText, "kratom.txt");
    AnnotationSet set;
    set.document.sha256 = doc.sha256();
    set.document.length = doc.length();
    auto add = [&](std::string id, std::string label, std::vector<Span> spans, Attributes attributes,
                   std::string note) {
        Annotation a = fixtures::annotation(std::move(id), std::move(label), std::move(spans));
        a.attributes = std::move(attributes);
        a.note = std::move(note);
        fillFromDocument(a, doc);
        REQUIRE(set.addAnnotation(std::move(a)).ok());
    };
    add("a1", "claim", {{9, 22}},
        {{"strength", std::int64_t(5)}, {"checkworthy", true}, {"verdict", std::string("mixed")}}, "needs a source");
    add("a2", "hedge", {{9, 12}}, {{"kind", std::string("modal")}}, "");
    add("a3", "caveat", {{25, 30}, {64, 69}}, {{"kind", std::string("scope")}}, "");
    add("a4", "evidence", {{42, 53}}, {{"type", std::string("anecdotal")}, {"cited", true}}, "CJK \xE6\x97\xA5");
    add("a5", "claim", {{0, 8}}, {}, "");
    REQUIRE(set.addRelation(fixtures::relation("r1", "hedges", "a2", "a1")).ok());
    REQUIRE(set.addRelation(fixtures::relation("r2", "qualifies", "a3", "a1")).ok());
    REQUIRE(set.addRelation(fixtures::relation("r3", "supports", "a4", "a5")).ok());

    std::vector<ExportSource> sources{{"alice.json", "kratom", doc, set}};
    Result<ExportOutput> exported = exportBrat(sources, ExportOptions{});
    REQUIRE_MESSAGE(exported.ok(), exported.errorText());
    fixtures::TempDir dir;
    for (const ExportFile& f : exported->files) fixtures::writeFile(dir / f.relativePath, f.content);

    Result<ImportOutput> imported = importBrat({dir.path()}, ImportOptions{});
    REQUIRE_MESSAGE(imported.ok(), imported.errorText());
    REQUIRE(imported->documents.size() == 1);
    const AnnotationSet& back = imported->documents[0].set;
    CHECK(imported->documents[0].text == kKratomText);
    // Nothing new for the schema: every label, attribute and relation type was known.
    CHECK(imported->notices.empty());

    REQUIRE(back.annotationCount() == set.annotationCount());
    const std::vector<const Annotation*> original = set.inDocumentOrder();
    const std::vector<const Annotation*> returned = back.inDocumentOrder();
    std::map<std::string, std::string> idMap;  // original id -> imported id
    for (std::size_t i = 0; i < original.size(); ++i) {
        CAPTURE(original[i]->id);
        CHECK(returned[i]->label == original[i]->label);
        CHECK(returned[i]->spans == original[i]->spans);
        CHECK(returned[i]->text == original[i]->text);
        CHECK(returned[i]->attributes == original[i]->attributes);
        CHECK(returned[i]->note == original[i]->note);
        idMap[original[i]->id] = returned[i]->id;
    }
    REQUIRE(back.relationCount() == 3);
    const std::vector<const Relation*> a = set.relationsInOrder(), b = back.relationsInOrder();
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(b[i]->type == a[i]->type);
        CHECK(b[i]->from == idMap[a[i]->from]);
        CHECK(b[i]->to == idMap[a[i]->to]);
    }
}
