// test_json_input.cpp — the limits every JSON reader shares: nesting depth and numbers a
// double cannot hold, each refused with its line and column; everything else parses as before.
#include "core/storage/json_input.h"

#include <doctest/doctest.h>

#include <string>

using namespace claimmark;

TEST_CASE("json input: nesting up to the limit parses, one level more is refused at its place") {
    const std::string ok = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
    CHECK(parseJsonText(ok, "f.json").ok());
    const std::string deep = "{\"a\":\n  " + std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']') + "}";
    Result<nlohmann::json> refused = parseJsonText(deep, "f.json");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.errors()[0].file == "f.json");
    // The object is level 1, so the 256th '[' (line 2, column 3 + 255) is level 257.
    CHECK(refused.errors()[0].location == "line 2, column 258");
    CHECK(refused.errors()[0].message.find("nested deeper than 256 levels") != std::string::npos);
}

TEST_CASE("json input: brackets inside strings do not count as nesting") {
    const std::string text = "{\"s\": \"" + std::string(1000, '[') + "\\\"" + std::string(1000, '{') + "\"}";
    Result<nlohmann::json> parsed = parseJsonText(text, "f.json");
    REQUIRE(parsed.ok());
    CHECK((*parsed)["s"].get<std::string>().size() == 2001);
}

TEST_CASE("json input: a million levels are refused quickly, without recursion") {
    const std::string text = std::string(1000000, '[');
    Result<nlohmann::json> refused = parseJsonText(text, "f.json");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.errors()[0].location == "line 1, column 257");
}

TEST_CASE("json input: numbers beyond a double are refused with their place; large integers are fine") {
    for (const std::string& number :
         {std::string("1e309"), std::string("-1e309"), std::string("1E400"), std::string(400, '9')}) {
        CAPTURE(number);
        Result<nlohmann::json> refused = parseJsonText("[1,\n " + number + "]", "f.json");
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.errors()[0].location == "line 2, column 2");
        CHECK(refused.errors()[0].message.find("too large to represent") != std::string::npos);
    }
    CHECK(parseJsonText("[1e308, -1e308, 18446744073709551616, 1e-400]", "f.json").ok());
}

TEST_CASE("json input: a syntax error names line and column from the first line given") {
    Result<nlohmann::json> broken = parseJsonText("{\"a\": 1,\n  \"b\" 2}", "f.jsonl", 7);
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.errors()[0].location == "line 8, column 7");
    CHECK(broken.errors()[0].message.rfind("invalid JSON: ", 0) == 0);
    CHECK(broken.errors()[0].message.find("[json.exception") == std::string::npos);
}
