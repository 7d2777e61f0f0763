// fixtures.h — shared helpers for the model and set-file tests.
//
// [SECTION] Documents      makeDocument(): a Document from a string, failing the test if refused
// [SECTION] Annotations    small builders for Annotation / Relation values
// [SECTION] Temporary dirs TempDir: a fresh folder, removed with everything in it
// [SECTION] Files          writeFile / readFile / fileNames
// [SECTION] Set JSON       SetJson: a minimal valid annotation set, one annotation per line
//
// Everything is inline: several test files include this header into one binary.
#pragma once

#include "core/model/annotation.h"
#include "core/text/document.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fixtures {

// --- [SECTION] Documents ------------------------------------------------------------------

inline claimmark::Document makeDocument(std::string text, std::string name = "<test>") {
    claimmark::Result<claimmark::Document> doc = claimmark::Document::fromBytes(std::move(text), std::move(name));
    REQUIRE_MESSAGE(doc.ok(), doc.errorText());
    return std::move(*doc);
}

// 45 code points, all ASCII: "The pill" [0,8), "may" [9,12), "cure colds" [13,23),
// "experts claim" [25,38), "today" [39,44), "." [44,45).
//   "The pill may cure colds, experts claim today."
//    0         1         2         3         4
//    012345678901234567890123456789012345678901234
inline const char* kPillText = "The pill may cure colds, experts claim today.";

// --- [SECTION] Annotations ----------------------------------------------------------------

inline claimmark::Annotation annotation(std::string id, std::string label, std::size_t start, std::size_t end) {
    claimmark::Annotation a;
    a.id = std::move(id);
    a.label = std::move(label);
    a.spans = {{start, end}};
    return a;
}

inline claimmark::Annotation annotation(std::string id, std::string label, std::vector<claimmark::Span> spans) {
    claimmark::Annotation a;
    a.id = std::move(id);
    a.label = std::move(label);
    a.spans = std::move(spans);
    return a;
}

inline claimmark::Relation relation(std::string id, std::string type, std::string from, std::string to) {
    claimmark::Relation r;
    r.id = std::move(id);
    r.type = std::move(type);
    r.from = std::move(from);
    r.to = std::move(to);
    return r;
}

// --- [SECTION] Temporary dirs -------------------------------------------------------------

class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "claimmark-test-XXXXXX").string();
        std::vector<char> buffer(pattern.begin(), pattern.end());
        buffer.push_back('\0');
        char* made = ::mkdtemp(buffer.data());
        REQUIRE_MESSAGE(made != nullptr, "mkdtemp failed for " << pattern);
        m_path = made;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

// --- [SECTION] Files ----------------------------------------------------------------------

inline void writeFile(const std::filesystem::path& path, const std::string& bytes) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    REQUIRE_MESSAGE(out.good(), "cannot write " << path.string());
    out << bytes;
    out.close();
    REQUIRE(out.good());
}

inline std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path.string());
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Names of the entries in `dir` (hidden ones included: temp files start with '.').
inline std::set<std::string> fileNames(const std::filesystem::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) names.insert(entry.path().filename().string());
    return names;
}

// --- [SECTION] Set JSON -------------------------------------------------------------------

// A placeholder SHA-256: 64 lower-case hex digits, so the reader accepts it.
inline std::string fakeSha() { return std::string(64, 'a'); }

// One annotation object on one line: {"id": .., "label": .., "spans": [{start,end}]<, rest>}.
inline std::string annotationJson(const std::string& id, const std::string& label, std::size_t start, std::size_t end,
                                  const std::string& rest = "") {
    std::string out = "{\"id\": \"" + id + "\", \"label\": \"" + label +
                      "\", \"spans\": [{\"start\": " + std::to_string(start) + ", \"end\": " + std::to_string(end) +
                      "}]";
    if (!rest.empty()) out += ", " + rest;
    return out + "}";
}

inline std::string relationJson(const std::string& id, const std::string& type, const std::string& from,
                                const std::string& to) {
    return "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"from\": \"" + from + "\", \"to\": \"" + to + "\"}";
}

// A minimal valid set. str() puts the header on lines 1-5, then "annotations": [ on its
// own line, each annotation on its own line, "]", then the relations the same way.
struct SetJson {
    std::string format = "\"claimmark/annotation-set\"";  // raw JSON values
    std::string version = "1";
    std::string documentPath = "../../samples/pill.txt";
    std::string sha256 = fakeSha();
    std::size_t length = 100;
    std::string annotator = "alice";
    std::optional<std::string> schema;  // raw JSON; none = the built-in schema
    std::string extraTop;               // raw `"key": value` pairs, inserted after annotator
    std::vector<std::string> annotations;
    std::vector<std::string> relations;

    std::string str() const {
        std::string out = "{\n";
        out += "\"format\": " + format + ",\n";
        out += "\"version\": " + version + ",\n";
        out += "\"document\": {\"path\": \"" + documentPath + "\", \"sha256\": \"" + sha256 +
               "\", \"length\": " + std::to_string(length) + "},\n";
        out += "\"annotator\": \"" + annotator + "\",\n";
        if (!extraTop.empty()) out += extraTop + ",\n";
        if (schema) out += "\"schema\": " + *schema + ",\n";
        out += "\"annotations\": [\n";
        for (std::size_t i = 0; i < annotations.size(); ++i)
            out += annotations[i] + (i + 1 < annotations.size() ? ",\n" : "\n");
        out += "],\n";
        out += "\"relations\": [\n";
        for (std::size_t i = 0; i < relations.size(); ++i)
            out += relations[i] + (i + 1 < relations.size() ? ",\n" : "\n");
        out += "]\n}\n";
        return out;
    }
};

}  // namespace fixtures
