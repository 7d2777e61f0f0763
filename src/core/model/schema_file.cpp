// schema_file.cpp — reading a schema file from disk (loadSchemaFile): the bytes, the JSON
// syntax with line and column of an error, then schemaFromJson.
//
// [SECTION] Loading a schema file
#include "core/model/schema.h"

#include <fstream>
#include <sstream>
#include <system_error>

namespace claimmark {

// =====================================================================================
// [SECTION] Loading a schema file
// =====================================================================================

namespace {

// "line L, column C" for the byte at `index`; columns count code points, as editors do.
std::string lineAndColumn(const std::string& text, std::size_t index) {
    if (index > text.size()) index = text.size();
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < index; ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// nlohmann's message without its "[json.exception...] parse error at line 1, column 2: "
// prefix, since the location is reported separately.
std::string parseErrorReason(const std::string& what) {
    std::string reason = what;
    if (auto bracket = reason.find("] "); reason.rfind("[json.exception", 0) == 0 &&
                                          bracket != std::string::npos) {
        reason = reason.substr(bracket + 2);
    }
    if (reason.rfind("parse error", 0) == 0) {
        if (auto colon = reason.find(": "); colon != std::string::npos) {
            reason = reason.substr(colon + 2);
        }
    }
    return reason;
}

}  // namespace

Result<Schema> loadSchemaFile(const std::filesystem::path& path) {
    const std::string fileName = path.string();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        return Result<Schema>(Diagnostic{fileName, "", "schema file not found"});
    }
    if (std::filesystem::is_directory(path, ec)) {
        return Result<Schema>(Diagnostic{fileName, "", "is a folder, not a schema file"});
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Result<Schema>(Diagnostic{fileName, "", "cannot open the schema file for reading"});
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        return Result<Schema>(Diagnostic{fileName, "", "error while reading the schema file"});
    }
    const std::string text = buffer.str();

    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // e.byte counts from 1 and names the last byte read (one past the end at end of input).
        std::size_t index = e.byte > 0 ? e.byte - 1 : 0;
        return Result<Schema>(Diagnostic{fileName, lineAndColumn(text, index),
                                         "not valid JSON: " + parseErrorReason(e.what())});
    } catch (const nlohmann::json::exception& e) {
        return Result<Schema>(
            Diagnostic{fileName, "", "not valid JSON: " + parseErrorReason(e.what())});
    }
    return schemaFromJson(json, fileName);
}

}  // namespace claimmark
