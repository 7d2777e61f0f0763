// test_schema_reuse.cpp — parseSet's shortcut for a schema the thread has read before
// (core/storage/schema_reuse.h): taken when the file carries the schema as the writer
// writes it, and never changing what a file reads as. Each case compares a thread that
// knows the schema with a fresh thread that knows nothing.
#include "core/storage/schema_reuse.h"
#include "core/storage/set_file.h"

#include "fixtures.h"

#include <doctest/doctest.h>

#include <string>
#include <thread>

using namespace claimmark;

namespace {

AnnotationSet setWith(const Schema& schema, const std::string& annotator) {
    AnnotationSet set;
    set.schema = schema;
    set.annotator = annotator;
    set.document.path = "../../pill.txt";
    set.document.sha256 = std::string(64, 'a');
    set.document.length = 45;
    REQUIRE(set.tryAddAnnotation(fixtures::annotation("a1", "claim", 13, 23)).empty());
    REQUIRE(set.tryAddAnnotation(fixtures::annotation("a2", "hedge", 9, 12)).empty());
    return set;
}

// What `text` reads as: the set written again, or the error text.
std::string readAs(const std::string& text) {
    Result<AnnotationSet> set = parseSet(text, "reviewer.json");
    return set ? serializeSet(*set) : "error: " + set.errorText();
}

std::string readOnFreshThread(const std::string& text) {
    std::string out;
    std::thread([&] { out = readAs(text); }).join();
    return out;
}

Schema recoloured() {
    Schema schema = Schema::claimStrength();
    schema.labels.front().color = "#123456";
    return schema;
}

void replaceOnce(std::string& text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("schema reuse: a schema read before is not read again, and the file reads the same") {
    std::thread([] {
        const std::string first = serializeSet(setWith(Schema::claimStrength(), "alice"));
        const std::string second = serializeSet(setWith(Schema::claimStrength(), "bob"));
        const std::size_t before = set_reading::schemaSplicesTaken();
        CHECK(readAs(first) == first);
        CHECK(set_reading::schemaSplicesTaken() == before);  // nothing known yet
        CHECK(readAs(second) == second);
        CHECK(set_reading::schemaSplicesTaken() == before + 1);
        CHECK(readAs(second) == readOnFreshThread(second));
    }).join();
}

TEST_CASE("schema reuse: a syntax error after a known schema keeps its line and column") {
    std::thread([] {
        const std::string known = serializeSet(setWith(Schema::claimStrength(), "alice"));
        readAs(known);
        std::string broken = known;
        replaceOnce(broken, "\"label\": \"hedge\"", "\"label\" \"hedge\"");
        const std::string expected = readOnFreshThread(broken);
        CHECK(expected.rfind("error: reviewer.json: line ", 0) == 0);
        CHECK(readAs(broken) == expected);
    }).join();
}

TEST_CASE("schema reuse: the known text elsewhere in the file is not taken for the file's schema") {
    std::thread([] {
        readAs(serializeSet(setWith(Schema::claimStrength(), "alice")));
        // The file's own schema is another one; an annotation carries the known text.
        AnnotationSet other = setWith(recoloured(), "bob");
        std::string text = serializeSet(other);
        replaceOnce(text, "\"id\": \"a1\",",
                    "\"id\": \"a1\", \"schema\": " + set_reading::writtenSchemaText(Schema::claimStrength()) + ",");
        const std::size_t before = set_reading::schemaSplicesTaken();
        const std::string read = readAs(text);
        CHECK(set_reading::schemaSplicesTaken() == before);
        CHECK(read == readOnFreshThread(text));
        Result<AnnotationSet> set = parseSet(text, "reviewer.json");
        REQUIRE(set);
        CHECK(set->schema.labels.front().color == "#123456");
    }).join();
}

TEST_CASE("schema reuse: a repeated \"schema\" key reads as the last one, either way round") {
    std::thread([] {
        readAs(serializeSet(setWith(Schema::claimStrength(), "alice")));
        const std::string knownText = set_reading::writtenSchemaText(Schema::claimStrength());
        const std::string otherText = set_reading::writtenSchemaText(recoloured());
        for (const auto& [firstSchema, lastSchema] :
             {std::pair{knownText, otherText}, std::pair{otherText, knownText}}) {
            std::string text = serializeSet(setWith(Schema::claimStrength(), "bob"));
            replaceOnce(text, "  \"schema\": " + knownText, "  \"schema\": " + firstSchema);
            replaceOnce(text, "  \"annotations\":", "  \"schema\": " + lastSchema + ",\n  \"annotations\":");
            const std::string expected = readOnFreshThread(text);
            CHECK(readAs(text) == expected);
            Result<AnnotationSet> set = parseSet(text, "reviewer.json");
            REQUIRE(set);
            CHECK((set->schema.labels.front().color == "#123456") == (lastSchema == otherText));
        }
    }).join();
}

TEST_CASE("schema reuse: a hand-written copy is read the long way; 5.0 for 5 is still refused") {
    std::thread([] {
        const std::string known = serializeSet(setWith(Schema::claimStrength(), "alice"));
        readAs(known);
        const std::size_t before = set_reading::schemaSplicesTaken();

        // The same schema on one line: the same JSON, so it reads as the known schema.
        std::string compact = known;
        replaceOnce(compact, set_reading::writtenSchemaText(Schema::claimStrength()),
                    schemaToJson(Schema::claimStrength()).dump());
        CHECK(readAs(compact) == known);

        // Equal by nlohmann's == but not the same JSON: the ordinary error.
        std::string fraction = known;
        replaceOnce(fraction, "\"max\": 5", "\"max\": 5.0");
        const std::string expected = readOnFreshThread(fraction);
        CHECK(expected.rfind("error: ", 0) == 0);
        CHECK(expected.find("max") != std::string::npos);
        CHECK(readAs(fraction) == expected);
        CHECK(set_reading::schemaSplicesTaken() == before);
    }).join();
}

TEST_CASE("schema reuse: sameJson compares types as well as values") {
    using nlohmann::json;
    CHECK(set_reading::sameJson(json::parse(R"({"a": [1, "x", true], "b": null})"),
                                json::parse(R"({"b": null, "a": [1, "x", true]})")));
    CHECK_FALSE(set_reading::sameJson(json(1), json(1.0)));
    CHECK_FALSE(set_reading::sameJson(json(1), json(-1)));
    CHECK_FALSE(set_reading::sameJson(json::parse(R"({"a": [1]})"), json::parse(R"({"a": [1.0]})")));
    CHECK_FALSE(set_reading::sameJson(json::parse(R"({"a": 1})"), json::parse(R"({"b": 1})")));
    CHECK_FALSE(set_reading::sameJson(json::parse(R"([1, 2])"), json::parse(R"([1])")));
}
