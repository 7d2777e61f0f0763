// schema_file.cpp — reading a schema file from disk (loadSchemaFile): the bytes, the JSON
// syntax with line and column of an error, then schemaFromJson.
//
// [SECTION] Loading a schema file
#include "core/model/schema.h"
#include "core/storage/json_input.h"

#include <fstream>
#include <sstream>
#include <system_error>

namespace claimmark {

// =====================================================================================
// [SECTION] Loading a schema file
// =====================================================================================

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

    // Limits (nesting, numbers) and syntax, each with line and column.
    Result<nlohmann::json> json = parseJsonText(text, fileName);
    if (!json) return json.errors();
    return schemaFromJson(*json, fileName);
}

}  // namespace claimmark
