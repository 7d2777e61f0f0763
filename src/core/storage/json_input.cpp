// json_input.cpp — nesting and number limits for JSON input, and one parse entry point.
#include "core/storage/json_input.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

namespace claimmark {

std::optional<JsonLimitProblem> findJsonLimitProblem(std::string_view text) {
    std::size_t depth = 0;
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const char c = text[i];
        if (c == '"') {
            // Skip the string; an unterminated one is the parser's to report.
            for (++i; i < n && text[i] != '"'; ++i)
                if (text[i] == '\\') ++i;
            ++i;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxJsonDepth)
                return JsonLimitProblem{i, "nested deeper than " + std::to_string(kMaxJsonDepth) +
                                               " levels (claimmark reads at most " + std::to_string(kMaxJsonDepth) +
                                               ")"};
            ++i;
        } else if (c == ']' || c == '}') {
            if (depth > 0) --depth;
            ++i;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            const std::size_t start = i;
            bool fraction = false;
            while (i < n && (text[i] == '-' || text[i] == '+' || text[i] == '.' || text[i] == 'e' || text[i] == 'E' ||
                             (text[i] >= '0' && text[i] <= '9'))) {
                if (text[i] == '.' || text[i] == 'e' || text[i] == 'E') fraction = true;
                ++i;
            }
            // Integers beyond 64 bits become doubles in the parser; only 309+ digits overflow.
            if (fraction || i - start > 19) {
                const std::string number(text.substr(start, i - start));
                const double value = std::strtod(number.c_str(), nullptr);
                if (std::isinf(value))
                    return JsonLimitProblem{start, "the number " +
                                                       (number.size() > 40 ? number.substr(0, 40) + "…" : number) +
                                                       " is too large to represent"};
            }
        } else {
            ++i;
        }
    }
    return std::nullopt;
}

std::string jsonPlace(std::string_view text, std::size_t byte, std::size_t firstLine) {
    const std::size_t at = std::min(byte, text.size());
    std::size_t line = firstLine, column = 1;
    for (std::size_t i = 0; i < at; ++i) {
        if (text[i] == '\n') ++line, column = 1;
        else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::string jsonErrorReason(const char* what) {
    std::string message = what;
    // "[json.exception.parse_error.101] parse error at line 1, column 5: <reason>" or
    // "[json.exception.out_of_range.406] <reason>": keep the reason.
    if (message.rfind("[json.exception.", 0) == 0)
        if (const std::size_t bracket = message.find("] "); bracket != std::string::npos) message.erase(0, bracket + 2);
    if (message.rfind("parse error", 0) == 0)
        if (const std::size_t colon = message.find(": "); colon != std::string::npos) message.erase(0, colon + 2);
    return message;
}

Result<nlohmann::json> parseJsonText(std::string_view text, const std::string& fileName, std::size_t firstLine) {
    if (auto problem = findJsonLimitProblem(text))
        return Diagnostic{fileName, jsonPlace(text, problem->byte, firstLine), "invalid JSON: " + problem->message};
    try {
        return nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& error) {
        // error.byte is 1-based and points just past the offending character.
        const std::size_t at = error.byte > 0 ? error.byte - 1 : 0;
        return Diagnostic{fileName, jsonPlace(text, at, firstLine), "invalid JSON: " + jsonErrorReason(error.what())};
    } catch (const nlohmann::json::exception& error) {
        return Diagnostic{fileName, "", "invalid JSON: " + jsonErrorReason(error.what())};
    }
}

std::optional<Diagnostic> checkFileHead(const nlohmann::json& top, const std::string& fileName, std::string_view format,
                                        int version, std::string_view what) {
    if (!top.is_object())
        return Diagnostic{fileName, "", "expected a JSON object (a claimmark " + std::string(what) + ")"};
    auto given = top.find("format");
    if (given == top.end() || !given->is_string() || *given != format)
        return Diagnostic{
            fileName, "format",
            "not a claimmark " + std::string(what) + " (expected \"format\": \"" + std::string(format) + "\")"};
    auto number = top.find("version");
    if (number == top.end() || !number->is_number_integer() || *number != version)
        return Diagnostic{fileName, "version",
                          "expected version " + std::to_string(version) +
                              (number == top.end() ? std::string(", got none") : ", got " + number->dump())};
    return std::nullopt;
}

}  // namespace claimmark
