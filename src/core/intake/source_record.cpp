// source_record.cpp — see source_record.h.
#include "core/intake/source_record.h"

#include "core/storage/file_io.h"
#include "core/storage/json_input.h"

#include <utility>

namespace claimmark::intake {

namespace {

using ordered_json = nlohmann::ordered_json;

// The string fields in their written order.
std::pair<const char*, std::string SourceRecord::*> const kFields[] = {
    {"url", &SourceRecord::url},
    {"title", &SourceRecord::title},
    {"author", &SourceRecord::author},
    {"published", &SourceRecord::published},
    {"publisher", &SourceRecord::publisher},
    {"language", &SourceRecord::language},
    {"retrieved", &SourceRecord::retrieved},
    {"source", &SourceRecord::source},
    {"source_format", &SourceRecord::sourceFormat},
    {"sha256", &SourceRecord::sha256},
    {"extractor", &SourceRecord::extractor},
};

}  // namespace

std::filesystem::path sourceRecordPath(const std::filesystem::path& articlePath) {
    std::filesystem::path path = articlePath;
    path.replace_extension(".source.json");
    return path;
}

std::string sourceRecordToJson(const SourceRecord& record) {
    ordered_json out = ordered_json::object();
    out["format"] = kSourceRecordFormat;
    out["version"] = kSourceRecordVersion;
    for (const auto& [key, field] : kFields)
        if (!(record.*field).empty()) out[key] = record.*field;
    if (record.extra.is_object())
        for (auto it = record.extra.begin(); it != record.extra.end(); ++it) out[it.key()] = it.value();
    // Text that came from a page may hold anything; never throw on save.
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Result<SourceRecord> parseSourceRecord(std::string_view text, const std::string& fileName) {
    Result<nlohmann::json> parsed = parseJsonText(text, fileName);
    if (!parsed) return parsed.errors();
    const nlohmann::json& top = *parsed;
    if (std::optional<Diagnostic> head =
            checkFileHead(top, fileName, kSourceRecordFormat, kSourceRecordVersion, "source record"))
        return *head;
    SourceRecord record;
    Diagnostics errors;
    for (auto it = top.begin(); it != top.end(); ++it) {
        const std::string& key = it.key();
        if (key == "format" || key == "version") continue;
        bool known = false;
        for (const auto& [name, field] : kFields) {
            if (key != name) continue;
            known = true;
            if (it->is_string()) record.*field = it->get<std::string>();
            else errors.push_back({fileName, key, "expected a string"});
        }
        if (!known) record.extra[key] = it.value();
    }
    if (!errors.empty()) return errors;
    return record;
}

Result<SourceRecord> loadSourceRecord(const std::filesystem::path& path) {
    Result<std::string> bytes = readFileBytes(path);
    if (!bytes) return bytes.errors();
    return parseSourceRecord(*bytes, path.string());
}

}  // namespace claimmark::intake
