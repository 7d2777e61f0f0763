// test_exchange_offsets.cpp — offset units at the edges (exchange.h) and the import
// builder every importer shares (import_support.h): schema growth, span checks.
#include "core/exchange/exchange.h"
#include "core/exchange/import_support.h"

#include <doctest/doctest.h>

#include <string>

using namespace claimmark;

namespace {

// "a🌿é\r\n日x" — a, the non-BMP emoji (4 bytes, 2 UTF-16 units), e + combining acute
// (1 + 2 bytes, two code points), CR LF, 日 (3 bytes), x.
//   code point: a=0 🌿=1 e=2 ◌́=3 \r=4 \n=5 日=6 x=7, length 8
//   UTF-16:     a=0 🌿=1..2 e=3 ◌́=4 \r=5 \n=6 日=7 x=8, length 9
//   byte:       a=0 🌿=1..4 e=5 ◌́=6..7 \r=8 \n=9 日=10..12 x=13, length 14
const std::string kMixed =
    "a\xF0\x9F\x8C\xBF"
    "e\xCC\x81\r\n\xE6\x97\xA5x";

Document mixedDocument() {
    Result<Document> document = Document::fromBytes(kMixed, "mixed.txt");
    REQUIRE(document.ok());
    return std::move(*document);
}

}  // namespace

TEST_CASE("exchange offsets: unit names parse and print") {
    CHECK(parseOffsetUnit("codepoint") == OffsetUnit::CodePoint);
    CHECK(parseOffsetUnit("utf16") == OffsetUnit::Utf16);
    CHECK(parseOffsetUnit("byte") == OffsetUnit::Byte);
    CHECK_FALSE(parseOffsetUnit("chars").has_value());
    CHECK(std::string(offsetUnitName(OffsetUnit::Utf16)) == "utf16");
}

TEST_CASE("exchange offsets: code points convert to UTF-16 units and bytes") {
    const Document document = mixedDocument();
    const std::size_t utf16[] = {0, 1, 3, 4, 5, 6, 7, 8, 9};
    const std::size_t bytes[] = {0, 1, 5, 6, 8, 9, 10, 13, 14};
    for (std::size_t cp = 0; cp <= 8; ++cp) {
        CAPTURE(cp);
        CHECK(offsetInUnit(document, cp, OffsetUnit::CodePoint) == cp);
        CHECK(offsetInUnit(document, cp, OffsetUnit::Utf16) == utf16[cp]);
        CHECK(offsetInUnit(document, cp, OffsetUnit::Byte) == bytes[cp]);
        CHECK(codePointFromUnit(document, utf16[cp], OffsetUnit::Utf16) == cp);
        CHECK(codePointFromUnit(document, bytes[cp], OffsetUnit::Byte) == cp);
    }
}

TEST_CASE("exchange offsets: offsets inside a character or past the end are refused") {
    const Document document = mixedDocument();
    CHECK_FALSE(codePointFromUnit(document, 2, OffsetUnit::Utf16).has_value());  // inside 🌿
    for (std::size_t inside : {2, 3, 4, 7, 11, 12}) {
        CAPTURE(inside);
        CHECK_FALSE(codePointFromUnit(document, inside, OffsetUnit::Byte).has_value());
    }
    CHECK_FALSE(codePointFromUnit(document, 9, OffsetUnit::CodePoint).has_value());
    CHECK_FALSE(codePointFromUnit(document, 10, OffsetUnit::Utf16).has_value());
    CHECK_FALSE(codePointFromUnit(document, 15, OffsetUnit::Byte).has_value());
}

TEST_CASE("import builder: spans are checked for range, overlap and stated text") {
    Result<ImportBuilder> builder = ImportBuilder::create(kMixed, "mixed", "in.ann", ImportOptions{});
    REQUIRE(builder.ok());
    std::vector<Span> emoji{{1, 2}};
    const std::string stated = "\xF0\x9F\x8C\xBF";
    CHECK(builder->checkSpans(emoji, &stated).empty());
    const std::string wrong = "x";
    CHECK(builder->checkSpans(emoji, &wrong) == "expected \"x\", found \"\xF0\x9F\x8C\xBF\"");
    // Fragments come in any order; they are sorted and joined by one space.
    std::vector<Span> fragments{{7, 8}, {0, 1}};
    const std::string joined = "a x";
    CHECK(builder->checkSpans(fragments, &joined).empty());
    CHECK(fragments.front().start == 0);
    std::vector<Span> past{{5, 9}};
    CHECK(builder->checkSpans(past, nullptr).find("past the end of the text (8 code points)") != std::string::npos);
    std::vector<Span> empty{{3, 3}};
    CHECK(builder->checkSpans(empty, nullptr).find("empty") != std::string::npos);
    std::vector<Span> overlapping{{0, 3}, {2, 4}};
    CHECK(builder->checkSpans(overlapping, nullptr).find("overlap") != std::string::npos);
}

TEST_CASE("import builder: unknown labels, attributes and relation types extend the schema once") {
    ImportOptions options;
    options.annotator = "bob";
    Result<ImportBuilder> created = ImportBuilder::create("Drink it. Trials show it works.", "doc", "in.ann", options);
    REQUIRE(created.ok());
    ImportBuilder& builder = *created;
    CHECK(builder.set().annotator == "bob");

    builder.ensureLabel("claim");  // known: no notice
    CHECK(builder.notices().empty());
    builder.ensureLabel("Person");
    builder.ensureLabel("Person");
    REQUIRE(builder.notices().size() == 1);
    CHECK(builder.notices()[0] == "in.ann: label \"Person\" is not in the schema; added it to the set's schema");
    REQUIRE(builder.set().schema.findLabel("Person"));

    AttributeValue value;
    // The schema's ordinal strength takes brat's text "4" as the number 4.
    CHECK(builder.ensureAttribute("claim", "strength", "4", value).empty());
    CHECK(std::get<std::int64_t>(value) == 4);
    CHECK(builder.ensureAttribute("claim", "strength", "high", value).find("expects an integer") != std::string::npos);
    CHECK(builder.ensureAttribute("claim", "strength", 7, value).empty());  // widens 1..5 to 1..7
    CHECK(builder.set().schema.findLabel("claim")->findAttribute("strength")->max == 7);
    CHECK(builder.ensureAttribute("claim", "checkworthy", "true", value).empty());
    CHECK(std::get<bool>(value));
    CHECK(builder.ensureAttribute("evidence", "type", "meta-analysis", value).empty());  // enum grows
    const AttributeDef* type = builder.set().schema.findLabel("evidence")->findAttribute("type");
    CHECK(type->values.back() == "meta-analysis");
    CHECK(builder.ensureAttribute("Person", "role", "author", value).empty());  // new enum attribute
    CHECK(builder.set().schema.findLabel("Person")->findAttribute("role")->kind == AttributeKind::Enum);

    std::string error;
    const std::string claim = builder.addAnnotation("claim", {{10, 31}}, {{"strength", std::int64_t(7)}}, "", error);
    REQUIRE_MESSAGE(!claim.empty(), error);
    const std::string person = builder.addAnnotation("Person", {{0, 5}}, {}, "a note", error, "T7");
    REQUIRE_MESSAGE(person == "T7", error);
    builder.ensureRelation("mentions", "Person", "claim");
    CHECK(!builder.addRelation("mentions", person, claim, error).empty());
    builder.ensureRelation("supports", "Person", "claim");  // schema's supports is evidence -> claim
    CHECK(builder.set().schema.findRelation("supports")->allows("Person", "claim"));
    CHECK(!builder.addRelation("supports", person, claim, error).empty());

    ImportedDocument done = std::move(builder).finish();
    CHECK(done.set.annotationCount() == 2);
    CHECK(done.set.findAnnotation(claim)->text == "Trials show it works.");
    CHECK(done.set.findAnnotation(claim)->origin == "imported");
    CHECK(done.set.document.length == 31);
    CHECK(done.set.document.sha256.size() == 64);
}

TEST_CASE("import builder: text that is not UTF-8 is refused with the file name") {
    Result<ImportBuilder> builder = ImportBuilder::create("ok \xFF bad", "doc", "data.jsonl", ImportOptions{});
    REQUIRE_FALSE(builder.ok());
    CHECK(builder.errorText().find("data.jsonl") != std::string::npos);
}
