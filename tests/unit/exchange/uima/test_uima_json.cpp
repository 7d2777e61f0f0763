// test_uima_json.cpp — UIMA CAS JSON export and import.
//
// [SECTION] Helpers   hand-written CAS files (a sofa, feature structures, views)
// [SECTION] Export    types, the sofa, spans with UTF-16 offsets, fragments, relations, views
// [SECTION] Round trip  claimmark -> UIMA JSON -> claimmark, one set and several sets
// [SECTION] Import    INCEpTION-like files: stacked spans, other layers ignored, fragments
// [SECTION] Bad input  each kind of problem with its JSON path; lenient keeps the rest
#include "core/exchange/exchange.h"
#include "core/exchange/exchange_formats.h"
#include "exchange/exchange_fixtures.h"
#include "fixtures.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace claimmark;
using nlohmann::json;
using namespace exchange_fixtures;

namespace {

// --- [SECTION] Helpers --------------------------------------------------------------------

// A CAS over `text` (the sofa is %ID 1) with `structures` after it, all members of the view.
json casJson(const std::string& text, const json& structures, json types = json::object()) {
    json all = json::array();
    all.push_back({{"%ID", 1},
                   {"%TYPE", "uima.cas.Sofa"},
                   {"sofaNum", 1},
                   {"sofaID", "_InitialView"},
                   {"mimeType", "text"},
                   {"sofaString", text}});
    json members = json::array();
    for (const json& fs : structures) {
        all.push_back(fs);
        members.push_back(fs["%ID"]);
    }
    return {{"%TYPES", std::move(types)},
            {"%FEATURE_STRUCTURES", all},
            {"%VIEWS", {{"_InitialView", {{"%SOFA", 1}, {"%MEMBERS", members}}}}}};
}

json span(int id, const std::string& label, int begin, int end, json extra = json::object()) {
    json fs = {{"%ID", id},     {"%TYPE", "webanno.custom.Claimmark"}, {"@sofa", 1}, {"begin", begin}, {"end", end},
               {"label", label}};
    fs.update(extra);
    return fs;
}

json relation(int id, int governor, int dependent, const std::string& label) {
    return {{"%ID", id},
            {"%TYPE", "webanno.custom.ClaimmarkRelation"},
            {"@sofa", 1},
            {"begin", 0},
            {"end", 1},
            {"@Governor", governor},
            {"@Dependent", dependent},
            {"label", label}};
}

json other(int id, const std::string& type, int begin, int end) {
    return {{"%ID", id}, {"%TYPE", type}, {"@sofa", 1}, {"begin", begin}, {"end", end}};
}

Result<ImportOutput> importText(const fixtures::TempDir& dir, const std::string& name, const std::string& content,
                                bool lenient = false) {
    ImportOptions options;
    options.lenient = lenient;
    return importUimaJson({writeInput(dir, name, content)}, options);
}

std::vector<std::string> texts(const AnnotationSet& set) {
    std::vector<std::string> out;
    for (const Annotation* a : set.inDocumentOrder()) out.push_back(a->label + ":" + a->text);
    return out;
}

// Gives annotation `id` an enum attribute (added to its label's schema) named `name`.
void addEnumAttribute(ExportSource& source, const std::string& id, const std::string& name, const std::string& value) {
    Annotation a = *source.set.findAnnotation(id);
    for (LabelDef& label : source.set.schema.labels)
        if (label.name == a.label) {
            AttributeDef def;
            def.name = name;
            def.kind = AttributeKind::Enum;
            def.values = {value};
            label.attributes.push_back(def);
        }
    a.attributes[name] = value;
    Status replaced = source.set.replaceAnnotation(a);
    REQUIRE_MESSAGE(replaced.ok(), replaced.error);
}

const json* findFs(const json& cas, int id) {
    for (const json& fs : cas["%FEATURE_STRUCTURES"])
        if (fs["%ID"] == id) return &fs;
    return nullptr;
}

}  // namespace

// --- [SECTION] Export ---------------------------------------------------------------------

TEST_CASE("uima-json export: one CAS per set with the type system, the sofa, UTF-16 spans and relations") {
    const Result<ExportOutput> out = exportUimaJson({cafeSource()}, ExportOptions{});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    REQUIRE(out->files.size() == 1);
    CHECK(out->files[0].relativePath == "cafe.json");
    const json cas = json::parse(out->files[0].content);

    const json& types = cas["%TYPES"];
    CHECK(types["webanno.custom.Claimmark"]["%SUPER_TYPE"] == "uima.tcas.Annotation");
    CHECK(types["webanno.custom.Claimmark"]["label"]["%RANGE"] == "uima.cas.String");
    CHECK(types["webanno.custom.Claimmark"]["strength"]["%RANGE"] == "uima.cas.Integer");
    CHECK(types["webanno.custom.Claimmark"]["checkworthy"]["%RANGE"] == "uima.cas.Boolean");
    CHECK(types["webanno.custom.Claimmark"]["strength"]["%DESCRIPTION"] == "claimmark attribute: strength");
    CHECK(types["webanno.custom.ClaimmarkRelation"]["Governor"]["%RANGE"] == "webanno.custom.Claimmark");
    CHECK(types["webanno.custom.ClaimmarkDocument"]["%SUPER_TYPE"] == "uima.cas.AnnotationBase");

    const json& sofa = cas["%FEATURE_STRUCTURES"][0];
    CHECK(sofa == json::parse(R"({"%ID": 1, "%TYPE": "uima.cas.Sofa", "sofaNum": 1, "sofaID": "_InitialView",
                                  "mimeType": "text", "sofaString": )" +
                              json(kCafeText).dump() + "}"));
    CHECK(*findFs(cas, 2) == json::parse(R"({"%ID": 2, "%TYPE": "uima.tcas.DocumentAnnotation", "@sofa": 1,
                                            "begin": 0, "end": 39, "language": "x-unspecified"})"));
    CHECK((*findFs(cas, 3))["annotator"] == "alice");
    // Document order: a4 (two fragments: 🌿 is UTF-16 0-2, שלום 29-33), a1, a2, a5, a3.
    CHECK(*findFs(cas, 4) == json::parse(R"({"%ID": 4, "%TYPE": "webanno.custom.Claimmark", "@sofa": 1, "begin": 0,
        "end": 2, "label": "caveat", "claimmarkId": "a4", "coveredText": "\ud83c\udf3f", "kind": "scope"})"));
    CHECK(*findFs(cas, 5) == json::parse(R"({"%ID": 5, "%TYPE": "webanno.custom.Claimmark", "@sofa": 1, "begin": 29,
        "end": 33, "label": "caveat", "claimmarkId": "a4", "coveredText": "\u05e9\u05dc\u05d5\u05dd"})"));
    const json& a1 = *findFs(cas, 6);
    CHECK(a1["begin"] == 3);
    CHECK(a1["end"] == 17);
    CHECK(a1["coveredText"] == "Cafe\xCC\x81 may help");
    CHECK(a1["strength"] == 4);
    CHECK(a1["checkworthy"] == true);
    CHECK(a1["verdict"] == "mixed");
    CHECK(a1["note"] == "nota bene \xE2\x9C\x93");
    CHECK((*findFs(cas, 9))["begin"] == 20);  // a3, after the CRLF
    // r1 hedges a2 (7) -> a1 (6); r3 qualifies a4's first fragment (4) -> a5 (8).
    CHECK(*findFs(cas, 10) == json::parse(R"({"%ID": 10, "%TYPE": "webanno.custom.ClaimmarkRelation", "@sofa": 1,
        "begin": 3, "end": 17, "@Governor": 7, "@Dependent": 6, "label": "hedges"})"));
    CHECK((*findFs(cas, 12))["@Governor"] == 4);
    CHECK((*findFs(cas, 12))["@Dependent"] == 8);
    CHECK(cas["%VIEWS"]["_InitialView"]["%SOFA"] == 1);
    CHECK(cas["%VIEWS"]["_InitialView"]["%MEMBERS"] == json::parse("[2,3,4,5,6,7,8,9,10,11,12]"));
    CHECK(anyContains(out->notices, "offsets are UTF-16 code units"));
    CHECK(anyContains(out->notices, "discontinuous annotations written as 2 fragment spans"));
}

TEST_CASE("uima-json export: attribute names that are not feature names keep their name in the description") {
    ExportSource source = cafeSource();
    addEnumAttribute(source, "a2", "evidence-level", "high");
    addEnumAttribute(source, "a2", "label", "x");
    const Result<ExportOutput> out = exportUimaJson({source}, ExportOptions{});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    const json cas = json::parse(out->files[0].content);
    const json& type = cas["%TYPES"]["webanno.custom.Claimmark"];
    CHECK(type["attr_evidence_level"]["%DESCRIPTION"] == "claimmark attribute: evidence-level");
    CHECK(type["attr_label"]["%DESCRIPTION"] == "claimmark attribute: label");
    CHECK((*findFs(cas, 7))["label"] == "hedge");
    CHECK((*findFs(cas, 7))["attr_label"] == "x");
}

// --- [SECTION] Round trip -----------------------------------------------------------------

TEST_CASE("uima-json round trip: spans, fragments, labels, attributes, notes and relations come back") {
    fixtures::TempDir dir;
    ExportSource source = cafeSource();
    addEnumAttribute(source, "a2", "evidence-level", "high");
    const Result<ExportOutput> out = exportUimaJson({source}, ExportOptions{});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    const Result<ImportOutput> imported = importText(dir, "cafe.json", out->files[0].content);
    const ImportedDocument& doc = onlyDocumentOf(imported, source);
    CHECK(describe(doc.set) == describe(source.set));
    for (const Annotation& a : source.set.annotations()) {
        const Annotation* back = doc.set.findAnnotation(a.id);
        REQUIRE_MESSAGE(back != nullptr, a.id);
        CHECK(back->spans == a.spans);
        CHECK(back->attributes == a.attributes);
    }
    CHECK(doc.set.findAnnotation("a4")->spans == std::vector<Span>{{0, 1}, {28, 32}});
}

TEST_CASE("uima-json round trip: several sets over one article are one file each") {
    fixtures::TempDir dir;
    ExportSource alice = cafeSource();
    ExportSource bob = cafeSource();
    bob.stem = "cafe-2";
    bob.setPath = "annotations/cafe/bob.json";
    bob.set.annotator = "bob";
    REQUIRE(bob.set.removeRelation("r3").ok());
    REQUIRE(bob.set.removeAnnotation("a5").ok());
    const Result<ExportOutput> out = exportUimaJson({alice, bob}, ExportOptions{});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    REQUIRE(out->files.size() == 2);
    CHECK(out->files[1].relativePath == "cafe-2.json");
    std::filesystem::create_directories(dir / "out");
    for (const ExportFile& file : out->files) writeInput(dir, "out/" + file.relativePath, file.content);
    Result<ImportOutput> imported = importUimaJson({dir / "out"}, ImportOptions{});
    REQUIRE_MESSAGE(imported.ok(), imported.errorText());
    REQUIRE(imported->documents.size() == 2);
    // The folder is read in name order: cafe-2.json, then cafe.json.
    const ImportedDocument& second = imported->documents[0];
    const ImportedDocument& first = imported->documents[1];
    CHECK(first.set.annotator == "alice");
    CHECK(first.stem == "cafe");
    CHECK(second.set.annotator == "bob");
    CHECK(second.stem == "cafe-2");
    CHECK(first.text == second.text);
    CHECK(describe(first.set) == describe(alice.set));
    CHECK(describe(second.set) == describe(bob.set));
}

// --- [SECTION] Import ---------------------------------------------------------------------

TEST_CASE("uima-json import: an INCEpTION-like CAS with tokens, sentences and other layers") {
    fixtures::TempDir dir;
    // The café text in UTF-16: 🌿 0-2, "Cafe\u0301" 2-7, "may" 9-12, "help" 13-17, CRLF 18-20,
    // 日本語 20-23, "says" 24-28, שלום 29-33, "End" 36-39.
    const json structures = json::array({
        {{"%ID", 2},
         {"%TYPE", "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"},
         {"@sofa", 1},
         {"begin", 0},
         {"end", 39},
         {"documentTitle", "kratom-cafe.txt"},
         {"documentId", "kratom-cafe.txt"}},
        other(3, "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence", 0, 18),
        other(4, "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token", 0, 2),
        other(5, "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token", 3, 7),
        other(6, "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity", 20, 23),
        span(7, "claim", 3, 17, {{"strength", 3}}),
        span(8, "hedge", 9, 12),
        span(9, "claim", 13, 23),  // crosses the CRLF, overlaps the first claim
        span(10, "claim", 3, 17),  // stacked on the first one
        span(11, "evidence", 20, 28, {{"type", "expert-opinion"}, {"strength", nullptr}}),
        span(12, "source", 0, 2),
        relation(13, 8, 7, "hedges"),
        relation(14, 11, 7, "supports"),
        {{"%ID", 15}, {"%TYPE", "uima.cas.FSArray"}, {"%ELEMENTS", {4, 5}}},
    });
    Result<ImportOutput> imported = importText(dir, "alice.json", casJson(kCafeText, structures).dump(2));
    REQUIRE_MESSAGE(imported.ok(), imported.errorText());
    REQUIRE(imported->documents.size() == 1);
    const ImportedDocument& doc = imported->documents[0];
    CHECK(doc.stem == "kratom-cafe");
    CHECK(doc.set.annotator == "imported");
    CHECK(texts(doc.set) == std::vector<std::string>{"source:\xF0\x9F\x8C\xBF", "claim:Cafe\xCC\x81 may help",
                                                     "claim:Cafe\xCC\x81 may help", "hedge:may",
                                                     "claim:help.\r\n\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E",
                                                     "evidence:\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E says"});
    CHECK(doc.set.relationCount() == 2);
    const Annotation* evidence = withText(doc.set, "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E says");
    REQUIRE(evidence != nullptr);
    CHECK(evidence->spans == std::vector<Span>{{19, 27}});
    CHECK(evidence->attributes.size() == 1);
    CHECK(anyContains(imported->notices,
                      "ignored 5 feature structure(s) of types claimmark does not read: "
                      "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity (1), "
                      "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence (1), "
                      "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token (2), uima.cas.FSArray (1)"));
    CHECK(anyContains(imported->notices, "label \"source\" is not in the schema"));
}

TEST_CASE("uima-json import: fragments sharing a claimmarkId, in any order, are one annotation") {
    fixtures::TempDir dir;
    const json structures = json::array({
        span(2, "caveat", 29, 33, {{"claimmarkId", "c7"}, {"coveredText", "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"}}),
        span(3, "caveat", 0, 2, {{"claimmarkId", "c7"}, {"kind", "scope"}, {"note", "two parts"}}),
        span(4, "claim", 36, 39, {{"coveredText", "End"}}),
        relation(5, 2, 4, "qualifies"),
    });
    Result<ImportOutput> imported = importText(dir, "frag.json", casJson(kCafeText, structures).dump());
    REQUIRE_MESSAGE(imported.ok(), imported.errorText());
    const AnnotationSet& set = imported->documents[0].set;
    REQUIRE(set.annotationCount() == 2);
    const Annotation* caveat = set.findAnnotation("c7");
    REQUIRE(caveat != nullptr);
    CHECK(caveat->spans == std::vector<Span>{{0, 1}, {28, 32}});
    CHECK(caveat->note == "two parts");
    CHECK(caveat->attributes.at("kind") == AttributeValue(std::string("scope")));
    REQUIRE(set.relationCount() == 1);
    CHECK(set.relationsInOrder()[0]->from == "c7");
}

TEST_CASE("uima-json import: a header with UTF-8 offsets; a relation without a label is \"related\"") {
    fixtures::TempDir dir;
    json cas =
        casJson(kCafeText, json::array({span(2, "hedge", 12, 15), span(3, "claim", 5, 20), relation(4, 2, 3, "")}));
    cas["%HEADER"] = {{"%VERSION", "0.4.0"}, {"%OFFSET_ENCODING", "UTF-8"}};
    Result<ImportOutput> imported = importText(dir, "bytes.json", cas.dump());
    REQUIRE_MESSAGE(imported.ok(), imported.errorText());
    const AnnotationSet& set = imported->documents[0].set;
    CHECK(texts(set) == std::vector<std::string>{"claim:Cafe\xCC\x81 may help", "hedge:may"});
    CHECK(set.relationsInOrder()[0]->type == "related");
}

// --- [SECTION] Bad input ------------------------------------------------------------------

TEST_CASE("uima-json import: files that are not a CAS are refused with a clear message") {
    fixtures::TempDir dir;
    struct Case {
        const char* name;
        std::string content;
        const char* location;
        const char* message;
    };
    json wrongVersion = casJson("abc", json::array());
    wrongVersion["%HEADER"] = {{"%VERSION", "2.0.0"}};
    json noText = casJson("abc", json::array());
    noText["%FEATURE_STRUCTURES"][0].erase("sofaString");
    const Case cases[] = {
        {"not JSON", "{\"%TYPES\": {", "line 1, column 13", "invalid JSON"},
        {"a claimmark set", "{\"format\": \"claimmark/annotation-set\"}", "", "not a UIMA CAS JSON file"},
        {"wrong version", wrongVersion.dump(), "%HEADER.%VERSION", "unsupported UIMA CAS JSON version \"2.0.0\""},
        {"no text", noText.dump(), "%FEATURE_STRUCTURES", "no uima.cas.Sofa with a \"sofaString\""},
        {"deep nesting", std::string(100000, '[') + std::string(100000, ']'), "line 1, column 257", "deeper than"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        Result<ImportOutput> imported = importText(dir, "bad.json", c.content);
        REQUIRE_FALSE(imported.ok());
        REQUIRE(imported.errors().size() == 1);
        CHECK(imported.errors()[0].file == (dir / "bad.json").string());
        CHECK(imported.errors()[0].location == c.location);
        CHECK_MESSAGE(imported.errors()[0].message.find(c.message) != std::string::npos, imported.errors()[0].message);
    }
}

TEST_CASE("uima-json import: bad spans and references are named by JSON path; lenient keeps the rest") {
    fixtures::TempDir dir;
    const json structures = json::array({
        span(2, "claim", 3, 17, {{"coveredText", "Cafe\xCC\x81 may help"}}),
        span(3, "claim", 1, 7),                               // inside the emoji's surrogate pair
        span(4, "claim", 36, 40),                             // past the end (39)
        span(5, "hedge", 9, 12, {{"coveredText", "may "}}),   // white space only: taken
        span(6, "hedge", 13, 17, {{"coveredText", "halp"}}),  // mismatch
        relation(7, 5, 99, "hedges"),                         // Dependent names nothing
        relation(8, 6, 2, "hedges"),                          // its span was left out
        relation(9, 5, 2, "hedges"),
        {{"%ID", 10}, {"%TYPE", "webanno.custom.Claimmark"}, {"@sofa", 1}, {"begin", 0}, {"end", 2}},  // no label
    });
    const std::string file = casJson(kCafeText, structures).dump();
    Result<ImportOutput> strict = importText(dir, "bad.json", file);
    REQUIRE_FALSE(strict.ok());
    const Diagnostics& errors = strict.errors();
    REQUIRE(errors.size() == 6);
    CHECK(errors[0].file == (dir / "bad.json").string());
    CHECK(errors[0].location == "%FEATURE_STRUCTURES[2].begin");
    CHECK(errors[0].message == "offset 1 falls inside a character (between the two halves of a surrogate pair)");
    CHECK(errors[1].location == "%FEATURE_STRUCTURES[3].end");
    CHECK(errors[1].message == "offset 40 is past the end of the text (39 UTF-16 code units)");
    CHECK(errors[2].location == "%FEATURE_STRUCTURES[5].coveredText");
    CHECK(errors[2].message == "expected \"halp\", found \"help\"");
    CHECK(errors[3].location == "%FEATURE_STRUCTURES[9].label");
    CHECK(errors[4].location == "%FEATURE_STRUCTURES[6].@Dependent");
    CHECK(errors[4].message == "names no feature structure: 99");
    CHECK(errors[5].location == "%FEATURE_STRUCTURES[7]");
    CHECK(errors[5].message == "relation left out: a span it links was left out");

    Result<ImportOutput> kept = importText(dir, "bad.json", file, true);
    REQUIRE_MESSAGE(kept.ok(), kept.errorText());
    CHECK(kept->skipped.size() == 6);
    const AnnotationSet& set = kept->documents[0].set;
    CHECK(texts(set) == std::vector<std::string>{"claim:Cafe\xCC\x81 may help", "hedge:may"});
    CHECK(set.relationCount() == 1);
    CHECK(anyContains(kept->notices, "1 span(s) whose stated text has white space around it"));
}

TEST_CASE("uima-json import: references to the wrong type, ids used twice, members that name nothing") {
    fixtures::TempDir dir;
    json cas = casJson(kCafeText, json::array({span(2, "claim", 3, 17), other(3, "x.Token", 0, 2),
                                               relation(4, 3, 2, "hedges"), span(2, "hedge", 9, 12)}));
    cas["%VIEWS"]["_InitialView"]["%MEMBERS"].push_back(42);
    Result<ImportOutput> imported = importText(dir, "refs.json", cas.dump());
    REQUIRE_FALSE(imported.ok());
    const Diagnostics& errors = imported.errors();
    REQUIRE(errors.size() == 3);
    CHECK(errors[0].location == "%FEATURE_STRUCTURES[4].%ID");
    CHECK(errors[0].message == "id 2 is used twice (first at %FEATURE_STRUCTURES[1])");
    CHECK(errors[1].location == "%VIEWS._InitialView.%MEMBERS[4]");
    CHECK(errors[2].location == "%FEATURE_STRUCTURES[3].@Governor");
    CHECK(errors[2].message == "names %FEATURE_STRUCTURES[2], a x.Token, not a webanno.custom.Claimmark");
}

TEST_CASE("uima-json import: %FEATURE_STRUCTURES keyed by %ID; elements that are not structures are named") {
    fixtures::TempDir dir;
    // The object form DKPro Cassis also reads: each key is the structure's %ID.
    json keyed = casJson(kCafeText,
                         json::array({span(2, "claim", 3, 17), span(3, "hedge", 9, 12), relation(4, 3, 2, "hedges")}));
    json byId = json::object();
    for (json fs : keyed["%FEATURE_STRUCTURES"]) {
        const std::string key = std::to_string(fs["%ID"].get<int>());
        fs.erase("%ID");
        byId[key] = fs;
    }
    keyed["%FEATURE_STRUCTURES"] = byId;
    Result<ImportOutput> fromObject = importText(dir, "keyed.json", keyed.dump());
    REQUIRE_MESSAGE(fromObject.ok(), fromObject.errorText());
    CHECK(texts(fromObject->documents[0].set) == std::vector<std::string>{"claim:Cafe\xCC\x81 may help", "hedge:may"});
    CHECK(fromObject->documents[0].set.relationCount() == 1);

    // A number, an array and a structure without a type among the structures; a feature
    // whose value is an array (read whole, and refused as an attribute); members after the
    // structures that nothing reads.
    json mixed = casJson(kCafeText, json::array({span(2, "claim", 3, 17, {{"extra", {1, 2, {{"deep", true}}}}})}));
    mixed["%FEATURE_STRUCTURES"].push_back(7);
    mixed["%FEATURE_STRUCTURES"].push_back({"a", "b"});
    mixed["%FEATURE_STRUCTURES"].push_back({{"%ID", 9}});
    mixed["zz-unknown"] = {{"anything", {1, 2, 3}}};
    Result<ImportOutput> strict = importText(dir, "mixed.json", mixed.dump());
    REQUIRE_FALSE(strict.ok());
    const Diagnostics& errors = strict.errors();
    REQUIRE(errors.size() == 4);
    CHECK(errors[0].location == "%FEATURE_STRUCTURES[2]");
    CHECK(errors[0].message == "expected a feature structure object, got 7");
    CHECK(errors[1].location == "%FEATURE_STRUCTURES[3]");
    CHECK(errors[1].message == "expected a feature structure object, got [\"a\",\"b\"]");
    CHECK(errors[2].location == "%FEATURE_STRUCTURES[4].%TYPE");
    CHECK(errors[2].message == "expected a type name, got null");
    CHECK(errors[3].location == "%FEATURE_STRUCTURES[1].extra");
    CHECK(errors[3].message == "attribute \"extra\" has a value of an unsupported kind: [1,2,{\"deep\":true}]");
    Result<ImportOutput> kept = importText(dir, "mixed.json", mixed.dump(), true);
    REQUIRE_MESSAGE(kept.ok(), kept.errorText());
    CHECK(texts(kept->documents[0].set) == std::vector<std::string>{"claim:Cafe\xCC\x81 may help"});

    // A top level that is an array, a header that is not an object, a syntax error deep inside.
    json badHeader = casJson(kCafeText, json::array());
    badHeader["%HEADER"] = "0.4.0";
    std::string truncated = casJson(kCafeText, json::array({span(2, "claim", 3, 17)})).dump();
    truncated.resize(truncated.size() - 40);
    struct Case {
        const char* name;
        std::string content;
        const char* location;
        const char* message;
    };
    const Case cases[] = {
        {"an array", "[{\"%FEATURE_STRUCTURES\": []}]", "", "not a UIMA CAS JSON file"},
        {"header", badHeader.dump(), "%HEADER", "expected an object, got \"0.4.0\""},
        {"truncated", truncated, "line 1, column", "invalid JSON"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        Result<ImportOutput> imported = importText(dir, "bad.json", c.content);
        REQUIRE_FALSE(imported.ok());
        REQUIRE(imported.errors().size() == 1);
        CHECK(imported.errors()[0].location.rfind(c.location, 0) == 0);
        CHECK_MESSAGE(imported.errors()[0].message.find(c.message) != std::string::npos, imported.errors()[0].message);
    }
}
