// project_settings.cpp — reading claimmark-project.json (project_settings.h).
#include "core/team/project_settings.h"

#include "core/storage/file_io.h"
#include "core/storage/json_input.h"

#include <system_error>

namespace claimmark {

namespace fs = std::filesystem;

std::optional<fs::path> findProjectSettingsFile(const fs::path& start) {
    std::error_code ec;
    fs::path folder = fs::absolute(start.empty() ? fs::path(".") : start, ec).lexically_normal();
    if (ec) return std::nullopt;
    for (int depth = 0; depth < 64; ++depth) {
        const fs::path candidate = folder / kProjectSettingsFileName;
        if (fs::is_regular_file(candidate, ec)) return candidate;
        const fs::path parent = folder.parent_path();
        if (parent == folder || parent.empty()) break;
        folder = parent;
    }
    return std::nullopt;
}

namespace {

struct StringField {
    const char* key;
    std::string ReviewPublication::*field;
};

constexpr StringField kClaimReviewFields[] = {
    {"review_url", &ReviewPublication::reviewUrl},
    {"publisher", &ReviewPublication::publisher},
    {"publisher_url", &ReviewPublication::publisherUrl},
};

}  // namespace

Result<ProjectSettings> parseProjectSettings(std::string_view text, const std::string& fileName) {
    Result<nlohmann::json> parsed = parseJsonText(text, fileName);
    if (!parsed) return parsed.errors();
    const nlohmann::json& top = *parsed;
    if (std::optional<Diagnostic> head =
            checkFileHead(top, fileName, kProjectSettingsFormat, kProjectSettingsVersion, "project file"))
        return *head;
    ProjectSettings settings;
    Diagnostics errors;
    for (auto it = top.begin(); it != top.end(); ++it) {
        const std::string& key = it.key();
        if (key == "format" || key == "version") continue;
        if (key != "claimreview") {
            errors.push_back({fileName, key, "unknown key (the project file has \"claimreview\")"});
            continue;
        }
        if (!it->is_object()) {
            errors.push_back({fileName, key, "expected an object"});
            continue;
        }
        for (auto field = it->begin(); field != it->end(); ++field) {
            const std::string path = key + "." + field.key();
            const StringField* known = nullptr;
            for (const StringField& f : kClaimReviewFields)
                if (field.key() == f.key) known = &f;
            if (!known) errors.push_back({fileName, path, "unknown key (review_url, publisher or publisher_url)"});
            else if (!field->is_string()) errors.push_back({fileName, path, "expected a string"});
            else settings.review.*(known->field) = field->get<std::string>();
        }
    }
    const std::string& url = settings.review.reviewUrl;
    if (!url.empty() && url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0)
        errors.push_back({fileName, "claimreview.review_url", "expected an http(s) URL, got '" + url + "'"});
    if (!errors.empty()) return errors;
    settings.path = fileName;
    return settings;
}

Result<ProjectSettings> loadProjectSettings(const fs::path& path) {
    Result<std::string> bytes = readFileBytes(path);
    if (!bytes) return bytes.errors();
    Result<ProjectSettings> settings = parseProjectSettings(*bytes, path.string());
    if (settings) settings->path = path;
    return settings;
}

}  // namespace claimmark
