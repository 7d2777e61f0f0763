// set_writer.cpp — writing annotation sets: deterministic text, atomic saves, paths.
//
// [SECTION] JSON text    escaping and the fixed layout (one annotation per line)
// [SECTION] Files        load, save with the changed-on-disk check, document paths
// [SECTION] Check        a set against its article
#include "core/storage/set_file.h"

#include "core/model/covered_text.h"
#include "core/storage/json_text.h"
#include "core/storage/schema_reuse.h"

#include <charconv>
#include <cstring>

namespace claimmark {
namespace fs = std::filesystem;
using json = nlohmann::json;

// --- [SECTION] JSON text ----------------------------------------------------------------

namespace {

void appendKey(std::string& out, const char* key) {
    out += '"';
    out += key;
    out += "\": ";
}

void appendJson(std::string& out, const json& value) {
    // Invalid UTF-8 cannot reach here (parsed JSON is validated), but never throw on save.
    out += value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// `indent` spaces before every line but the first.
// Unknown keys read from a file, written back as ", key: value" members of the object being
// written (so they survive a save).
void appendExtraMembers(std::string& out, const json& extra) {
    if (!extra.is_object()) return;
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        out += ", ";
        appendJsonString(out, it.key());
        out += ": ";
        appendJson(out, it.value());
    }
}

void appendIndentedJson(std::string& out, const json& value, int indent) {
    const std::string text = value.dump(2, ' ', false, json::error_handler_t::replace);
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    for (char c : text) {
        out += c;
        if (c == '\n') out += pad;
    }
}

void appendAttributeValue(std::string& out, const AttributeValue& v) {
    if (const bool* b = std::get_if<bool>(&v)) out += *b ? "true" : "false";
    else if (const std::int64_t* i = std::get_if<std::int64_t>(&v)) out += std::to_string(*i);
    else appendJsonString(out, std::get<std::string>(v));
}

// [{"start": S, "end": E}, ...] without the brackets.
void appendSpans(std::string& out, const std::vector<Span>& spans) {
    for (std::size_t i = 0; i < spans.size(); ++i) {
        out += i ? ", {\"start\": " : "{\"start\": ";
        appendJsonNumber(out, spans[i].start);
        out += ", \"end\": ";
        appendJsonNumber(out, spans[i].end);
        out += '}';
    }
}

void appendAnnotation(std::string& out, const Annotation& a) {
    out += "{\"id\": ";
    appendJsonString(out, a.id);
    out += ", \"label\": ";
    appendJsonString(out, a.label);
    out += ", \"spans\": [";
    appendSpans(out, a.spans);
    out += "], \"text\": ";
    appendJsonString(out, a.text);
    out += ", \"attributes\": {";
    bool first = true;
    for (const auto& [name, value] : a.attributes) {
        if (!first) out += ", ";
        first = false;
        appendJsonString(out, name);
        out += ": ";
        appendAttributeValue(out, value);
    }
    out += "}, \"note\": ";
    appendJsonString(out, a.note);
    out += ", \"origin\": ";
    appendJsonString(out, a.origin);
    out += ", \"created\": ";
    appendJsonString(out, a.created);
    out += ", \"modified\": ";
    appendJsonString(out, a.modified);
    out += ", \"prefix\": ";
    appendJsonString(out, a.prefix);
    out += ", \"suffix\": ";
    appendJsonString(out, a.suffix);
    if (a.orphaned) out += ", \"orphaned\": true";
    if (!a.status.empty()) {
        out += ", \"status\": ";
        appendJsonString(out, a.status);
    }
    if (!a.rule.empty()) {
        out += ", \"rule\": ";
        appendJsonString(out, a.rule);
    }
    if (!a.proposedBy.empty()) {
        out += ", \"proposed_by\": [";
        for (std::size_t i = 0; i < a.proposedBy.size(); ++i) {
            if (i) out += ", ";
            appendJsonString(out, a.proposedBy[i]);
        }
        out += ']';
    }
    appendExtraMembers(out, a.extra);
    out += '}';
}

void appendRelation(std::string& out, const Relation& r) {
    out += "{\"id\": ";
    appendJsonString(out, r.id);
    out += ", \"type\": ";
    appendJsonString(out, r.type);
    out += ", \"from\": ";
    appendJsonString(out, r.from);
    out += ", \"to\": ";
    appendJsonString(out, r.to);
    if (!r.rule.empty()) {
        out += ", \"rule\": ";
        appendJsonString(out, r.rule);
    }
    appendExtraMembers(out, r.extra);
    out += '}';
}

}  // namespace

std::string set_reading::writtenSchemaText(const Schema& schema) {
    std::string text;
    appendIndentedJson(text, schemaToJson(schema), 2);
    return text;
}

std::string serializeSet(const AnnotationSet& set) {
    // Reserve what will be written, so the buffer never regrows (a 60 MB set would copy).
    std::size_t estimate = 4096;
    for (const auto& a : set.annotations())
        estimate += 260 + a.id.size() + a.label.size() + a.text.size() + a.note.size() + a.prefix.size() +
                    a.suffix.size() + a.origin.size() + a.created.size() + a.modified.size() + a.spans.size() * 40 +
                    a.attributes.size() * 32 + (a.extra.empty() ? 0 : 256);
    estimate += set.relationCount() * 96;
    std::string out;
    out.reserve(estimate);
    out += "{\n  ";
    appendKey(out, "format");
    appendJsonString(out, AnnotationSet::kFormat);
    out += ",\n  ";
    appendKey(out, "version");
    appendJsonNumber(out, AnnotationSet::kVersion);
    out += ",\n  ";
    appendKey(out, "document");
    out += "{\"path\": ";
    appendJsonString(out, set.document.path);
    out += ", \"sha256\": ";
    appendJsonString(out, set.document.sha256);
    out += ", \"length\": ";
    appendJsonNumber(out, set.document.length);
    appendExtraMembers(out, set.document.extra);
    out += "},\n  ";
    appendKey(out, "annotator");
    appendJsonString(out, set.annotator);
    out += ",\n";
    if (set.done) out += "  \"done\": true,\n";
    for (auto it = set.extra.begin(); it != set.extra.end(); ++it) {
        out += "  ";
        appendJsonString(out, it.key());
        out += ": ";
        appendIndentedJson(out, it.value(), 2);
        out += ",\n";
    }
    out += "  ";
    appendKey(out, "schema");
    out += set_reading::writtenSchemaText(set.schema);
    out += ",\n  ";
    appendKey(out, "annotations");
    const auto ordered = set.inDocumentOrder();
    if (ordered.empty()) out += "[]";
    else {
        out += "[\n";
        for (std::size_t i = 0; i < ordered.size(); ++i) {
            out += "    ";
            appendAnnotation(out, *ordered[i]);
            out += i + 1 < ordered.size() ? ",\n" : "\n";
        }
        out += "  ]";
    }
    out += ",\n  ";
    appendKey(out, "relations");
    const auto relations = set.relationsInOrder();
    if (relations.empty()) out += "[]";
    else {
        out += "[\n";
        for (std::size_t i = 0; i < relations.size(); ++i) {
            out += "    ";
            appendRelation(out, *relations[i]);
            out += i + 1 < relations.size() ? ",\n" : "\n";
        }
        out += "  ]";
    }
    if (!set.rejectedSuggestions.empty()) {
        out += ",\n  ";
        appendKey(out, "rejected_suggestions");
        out += "[\n";
        for (std::size_t i = 0; i < set.rejectedSuggestions.size(); ++i) {
            const RejectedSuggestion& r = set.rejectedSuggestions[i];
            out += "    {\"label\": ";
            appendJsonString(out, r.label);
            out += ", \"spans\": [";
            appendSpans(out, r.spans);
            out += "], \"rule\": ";
            appendJsonString(out, r.rule);
            out += i + 1 < set.rejectedSuggestions.size() ? "},\n" : "}\n";
        }
        out += "  ]";
    }
    out += "\n}\n";
    return out;
}

// --- [SECTION] Files ---------------------------------------------------------------------

Result<LoadedSet> loadSetFile(const fs::path& path) {
    Result<std::string> bytes = readFileBytes(path);
    if (!bytes) return bytes.errors();
    Result<AnnotationSet> set = parseSet(*bytes, path.string());
    if (!set) return set.errors();
    return LoadedSet{std::move(*set), stampOf(path, *bytes)};
}

SaveOutcome saveSetFile(const fs::path& path, const AnnotationSet& set, const FileStamp& expected, SaveMode mode) {
    SaveOutcome outcome;
    if (mode == SaveMode::RefuseIfChanged && changedOnDisk(path, expected)) {
        outcome.conflict = true;
        outcome.status =
            Status::failure(path.string() + ": " +
                            (expected.exists ? "the file changed on disk since it was opened; not overwriting it"
                                             : "a file already exists there; not overwriting it"));
        return outcome;
    }
    std::error_code ec;
    if (path.has_parent_path() && !fs::exists(path.parent_path(), ec)) fs::create_directories(path.parent_path(), ec);
    const std::string text = serializeSet(set);
    outcome.status = writeFileAtomic(path, text);
    if (outcome.status.ok()) outcome.stamp = stampOf(path, text);
    return outcome;
}

fs::path resolveDocumentPath(const fs::path& setPath, const AnnotationSet& set) {
    fs::path doc(set.document.path);
    if (doc.is_absolute()) return doc;
    return (setPath.parent_path() / doc).lexically_normal();
}

std::string relativeDocumentPath(const fs::path& setPath, const fs::path& articlePath) {
    std::error_code ec;
    fs::path setDir = fs::absolute(setPath, ec).parent_path();
    fs::path article = fs::absolute(articlePath, ec);
    fs::path rel = article.lexically_normal().lexically_relative(setDir.lexically_normal());
    if (rel.empty()) rel = article;
    return rel.generic_string();
}

// --- [SECTION] Check ---------------------------------------------------------------------

Diagnostics checkSetAgainstDocument(const AnnotationSet& set, const Document& document,
                                    const std::string& setFileName) {
    Diagnostics out;
    if (set.document.sha256 != document.sha256()) {
        out.push_back({setFileName, "document.sha256",
                       "the article " + document.name() + " changed since this set was made (set has " +
                           set.document.sha256.substr(0, 12) + "…, article has " + document.sha256().substr(0, 12) +
                           "…)"});
        return out;
    }
    if (set.document.length != document.length())
        out.push_back({setFileName, "document.length",
                       "says " + std::to_string(set.document.length) + " code points, but the article has " +
                           std::to_string(document.length())});
    // Storage order is file order for a set just read, so paths point into the file.
    const auto& annotations = set.annotations();
    for (std::size_t i = 0; i < annotations.size(); ++i) {
        const Annotation& a = annotations[i];
        if (a.orphaned) continue;
        const std::string path = "annotations[" + std::to_string(i) + "]";
        if (a.end() > document.length()) {
            out.push_back({setFileName, path + ".spans",
                           "ends at " + std::to_string(a.end()) + ", past the article's end (" +
                               std::to_string(document.length()) + ")"});
            continue;
        }
        std::string actual = coveredText(document, a.spans);
        if (actual != a.text) {
            auto excerpt = [](const std::string& s) { return s.size() > 60 ? s.substr(0, 57) + "..." : s; };
            out.push_back({setFileName, path + ".text",
                           "\"" + excerpt(a.text) + "\" does not match the article at " + std::to_string(a.start()) +
                               "–" + std::to_string(a.end()) + ", which reads \"" + excerpt(actual) + "\" (id " + a.id +
                               ")"});
        }
    }
    return out;
}

namespace {

Result<std::string> readableOrProblems(std::string text, const std::string& fileName) {
    Result<AnnotationSet> back = parseSet(text, fileName);
    if (!back) {
        Diagnostics problems = back.errors();
        for (Diagnostic& d : problems) d.message = "would not be readable: " + d.message;
        return problems;
    }
    return text;
}

}  // namespace

Result<std::string> serializeSetChecked(const AnnotationSet& set, const std::string& fileName) {
    return readableOrProblems(serializeSet(set), fileName);
}

Result<std::string> serializeSetChecked(AnnotationSet&& set, const std::string& fileName) {
    std::string text;
    {
        const AnnotationSet written = std::move(set);
        text = serializeSet(written);
    }
    return readableOrProblems(std::move(text), fileName);
}

}  // namespace claimmark
