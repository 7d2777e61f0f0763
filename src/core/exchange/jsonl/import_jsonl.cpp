// import_jsonl.cpp — reads claimmark's own JSONL export (export_jsonl.cpp) back into sets.
//
// Each non-blank line is one document. Offsets are converted from the line's "offsets"
// unit (codepoint when absent) to code points and must fall on character boundaries;
// each annotation's "text" must equal what its spans cover; a "sha256" must match the
// text. Annotation and relation ids are kept, so jsonl -> import -> jsonl gives the same
// bytes. Problems are reported as "FILE: line N, annotations[i].spans[j].start: ...".
//
// [SECTION] Reading values   small typed accessors that say what was expected
// [SECTION] One annotation   spans, text, attributes, note
// [SECTION] One line         the document, its annotations, its relations
// [SECTION] Entry point
#include "core/exchange/exchange_formats.h"

#include "core/storage/file_io.h"
#include "core/storage/json_input.h"
#include "core/exchange/import_support.h"

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace claimmark {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// --- [SECTION] Reading values ---------------------------------------------------------------

// Problems found in one item (annotation, relation or line) before it is dropped.
struct ItemError {
    std::string path;  // JSON path inside the line, e.g. "annotations[2].spans[0].end"
    std::string message;
};

const char* typeName(const json& value) { return value.type_name(); }

// A string member, or nullptr with `error` set (when `required`, absence is an error too).
const std::string* stringMember(const json& object, const char* key, const std::string& path, bool required,
                                std::optional<ItemError>& error) {
    auto it = object.find(key);
    if (it == object.end()) {
        if (required) error = ItemError{path + key, "missing"};
        return nullptr;
    }
    if (!it->is_string()) {
        error = ItemError{path + key, std::string("expected a string, got ") + typeName(*it)};
        return nullptr;
    }
    return it->get_ptr<const std::string*>();
}

// --- [SECTION] One annotation ---------------------------------------------------------------

struct LineContext {
    ImportBuilder& builder;
    OffsetUnit unit;
};

// Reads annotations[index]; on success returns the new id, else fills `error`.
std::string readAnnotation(LineContext& context, const json& item, std::size_t index, std::optional<ItemError>& error) {
    const std::string path = "annotations[" + std::to_string(index) + "]";
    if (!item.is_object()) {
        error = ItemError{path, std::string("expected an object, got ") + typeName(item)};
        return {};
    }
    const std::string* label = stringMember(item, "label", path + ".", true, error);
    if (error) return {};
    if (label->empty()) {
        error = ItemError{path + ".label", "empty label"};
        return {};
    }
    const std::string* id = stringMember(item, "id", path + ".", false, error);
    const std::string* text = stringMember(item, "text", path + ".", false, error);
    const std::string* note = stringMember(item, "note", path + ".", false, error);
    if (error) return {};

    auto spansIt = item.find("spans");
    if (spansIt == item.end() || !spansIt->is_array() || spansIt->empty()) {
        error = ItemError{path + ".spans", "expected a non-empty list of {\"start\", \"end\"}"};
        return {};
    }
    std::vector<Span> spans;
    const Document& document = context.builder.document();
    for (std::size_t j = 0; j < spansIt->size(); ++j) {
        const json& s = (*spansIt)[j];
        const std::string spanPath = path + ".spans[" + std::to_string(j) + "]";
        if (!s.is_object()) {
            error = ItemError{spanPath, std::string("expected an object, got ") + typeName(s)};
            return {};
        }
        std::size_t ends[2] = {0, 0};
        const char* keys[2] = {"start", "end"};
        for (int k = 0; k < 2; ++k) {
            auto v = s.find(keys[k]);
            if (v == s.end() || !v->is_number_unsigned()) {
                error = ItemError{spanPath + "." + keys[k], "expected a non-negative integer"};
                return {};
            }
            const std::size_t offset = v->get<std::size_t>();
            std::optional<std::size_t> cp = codePointFromUnit(document, offset, context.unit);
            if (!cp) {
                error = ItemError{spanPath + "." + keys[k],
                                  "offset " + std::to_string(offset) + " (" + offsetUnitName(context.unit) + ") " +
                                      (offset > (context.unit == OffsetUnit::Utf16  ? document.utf16Length()
                                                 : context.unit == OffsetUnit::Byte ? document.byteLength()
                                                                                    : document.length())
                                           ? "is past the end of the text"
                                           : "falls inside a character")};
                return {};
            }
            ends[k] = *cp;
        }
        spans.push_back(Span{ends[0], ends[1]});
    }
    if (std::string why = context.builder.checkSpans(spans, text); !why.empty()) {
        error = ItemError{path + ".spans", why};
        return {};
    }

    context.builder.ensureLabel(*label);
    Attributes attributes;
    if (auto attrs = item.find("attributes"); attrs != item.end() && !attrs->is_null()) {
        if (!attrs->is_object()) {
            error = ItemError{path + ".attributes", std::string("expected an object, got ") + typeName(*attrs)};
            return {};
        }
        for (const auto& [name, value] : attrs->items()) {
            AttributeValue converted;
            if (std::string why = context.builder.ensureAttribute(*label, name, value, converted); !why.empty()) {
                error = ItemError{path + ".attributes." + name, why};
                return {};
            }
            attributes.emplace(name, std::move(converted));
        }
    }
    std::string problem;
    std::string newId = context.builder.addAnnotation(*label, std::move(spans), std::move(attributes),
                                                      note ? *note : std::string(), problem, id ? *id : std::string());
    if (newId.empty()) error = ItemError{path, problem};
    return newId;
}

// --- [SECTION] One line ---------------------------------------------------------------------

struct FileContext {
    std::string fileName;
    const ImportOptions& options;
    ImportOutput& output;
    Diagnostics& problems;  // item problems: errors, or skipped items when lenient
    Diagnostics& fatal;     // the line or file cannot be read at all
    std::set<std::string>& stems;
};

std::string uniqueStem(std::set<std::string>& stems, const std::string& wanted) {
    std::string stem = wanted.empty() ? "document" : wanted;
    for (int n = 2; !stems.insert(stem).second; ++n)
        stem = (wanted.empty() ? "document" : wanted) + "-" + std::to_string(n);
    return stem;
}

void readLine(FileContext& file, std::string_view text, std::size_t lineNumber) {
    const std::string where = "line " + std::to_string(lineNumber);
    auto lineProblem = [&](const std::string& path, const std::string& message) {
        file.problems.push_back(Diagnostic{file.fileName, path.empty() ? where : where + ", " + path, message});
    };

    Result<json> parsed = parseJsonText(text, file.fileName, lineNumber);
    if (!parsed) {
        for (const Diagnostic& d : parsed.errors()) file.problems.push_back(d);
        return;
    }
    json line = std::move(*parsed);
    if (!line.is_object()) {
        lineProblem("", std::string("expected a JSON object, got ") + line.type_name());
        return;
    }
    std::optional<ItemError> error;
    const std::string* documentText = stringMember(line, "text", "", true, error);
    const std::string* id = stringMember(line, "id", "", false, error);
    const std::string* unitName = stringMember(line, "offsets", "", false, error);
    const std::string* sha256 = stringMember(line, "sha256", "", false, error);
    const std::string* annotator = stringMember(line, "annotator", "", false, error);
    if (error) {
        lineProblem(error->path, error->message);
        return;
    }
    OffsetUnit unit = OffsetUnit::CodePoint;
    if (unitName) {
        std::optional<OffsetUnit> parsed = parseOffsetUnit(*unitName);
        if (!parsed) {
            lineProblem("offsets", "unknown offset unit \"" + *unitName + "\" (codepoint, utf16 or byte)");
            return;
        }
        unit = *parsed;
    }
    const json empty = json::array();
    auto listMember = [&](const char* key) -> const json* {
        auto it = line.find(key);
        if (it == line.end() || it->is_null()) return &empty;
        if (!it->is_array()) {
            lineProblem(key, std::string("expected a list, got ") + it->type_name());
            return nullptr;
        }
        return &*it;
    };
    const json* annotations = listMember("annotations");
    const json* relations = listMember("relations");
    if (!annotations || !relations) return;

    const std::string stem =
        uniqueStem(file.stems, id ? *id : fs::path(file.fileName).stem().string() + "-" + std::to_string(lineNumber));
    Result<ImportBuilder> created = ImportBuilder::create(*documentText, stem, file.fileName, file.options);
    if (!created) {
        for (const Diagnostic& d : created.errors())
            lineProblem("text", d.location.empty() ? d.message : d.location + ": " + d.message);
        return;
    }
    ImportBuilder& builder = *created;
    if (sha256 && *sha256 != builder.document().sha256()) {
        lineProblem("sha256",
                    "does not match the text (expected " + *sha256 + ", found " + builder.document().sha256() + ")");
        return;
    }
    if (file.options.annotator.empty() && annotator && !annotator->empty()) builder.set().annotator = *annotator;

    LineContext context{builder, unit};
    std::set<std::string> skippedIds;
    for (std::size_t i = 0; i < annotations->size(); ++i) {
        error.reset();
        const json& item = (*annotations)[i];
        readAnnotation(context, item, i, error);
        if (error) {
            std::string message = error->message;
            if (item.is_object()) {
                auto idIt = item.find("id");
                if (idIt != item.end() && idIt->is_string()) {
                    skippedIds.insert(idIt->get<std::string>());
                    message = "annotation " + idIt->get<std::string>() + ": " + message;
                }
            }
            lineProblem(error->path, message);
        }
    }

    AnnotationSet& set = builder.set();
    for (std::size_t k = 0; k < relations->size(); ++k) {
        const json& item = (*relations)[k];
        const std::string path = "relations[" + std::to_string(k) + "]";
        if (!item.is_object()) {
            lineProblem(path, std::string("expected an object, got ") + item.type_name());
            continue;
        }
        error.reset();
        const std::string* type = stringMember(item, "type", path + ".", true, error);
        const std::string* from = stringMember(item, "from", path + ".", true, error);
        const std::string* to = stringMember(item, "to", path + ".", true, error);
        const std::string* relationId = stringMember(item, "id", path + ".", false, error);
        if (error) {
            lineProblem(error->path, error->message);
            continue;
        }
        const std::string name = "relation " + (relationId ? *relationId : path);
        const std::string* missing = skippedIds.count(*from) ? from : skippedIds.count(*to) ? to : nullptr;
        if (missing) {
            lineProblem(path, name + ": annotation " + *missing + " was not imported");
            continue;
        }
        const Annotation* fromAnnotation = set.findAnnotation(*from);
        const Annotation* toAnnotation = set.findAnnotation(*to);
        if (!fromAnnotation || !toAnnotation) {
            lineProblem(path, name + ": no annotation " + (!fromAnnotation ? *from : *to) + " in this line");
            continue;
        }
        builder.ensureRelation(*type, fromAnnotation->label, toAnnotation->label);
        Relation relation;
        // The id is kept (unlike ImportBuilder::addRelation) so a round trip gives the same bytes.
        relation.id =
            relationId && !relationId->empty() && !set.findRelation(*relationId) ? *relationId : set.nextRelationId();
        relation.type = *type;
        relation.from = *from;
        relation.to = *to;
        if (Status added = set.addRelation(std::move(relation)); !added) lineProblem(path, name + ": " + added.error);
    }

    for (const std::string& n : builder.notices()) file.output.notices.push_back(n);
    file.output.documents.push_back(std::move(builder).finish());
}

}  // namespace

// --- [SECTION] Entry point ------------------------------------------------------------------

Result<ImportOutput> importJsonl(const std::vector<fs::path>& inputs, const ImportOptions& options) {
    ImportOutput output;
    Diagnostics problems;
    Diagnostics fatal;
    std::set<std::string> stems;
    std::set<std::string> notices;
    for (const fs::path& input : inputs) {
        Result<std::string> bytes = readFileBytes(input);
        if (!bytes) {
            for (const Diagnostic& d : bytes.errors()) fatal.push_back(d);
            continue;
        }
        FileContext file{input.string(), options, output, problems, fatal, stems};
        const std::string& content = *bytes;
        std::size_t lineNumber = 0;
        std::size_t begin = 0;
        while (begin < content.size()) {
            std::size_t end = content.find('\n', begin);
            if (end == std::string::npos) end = content.size();
            ++lineNumber;
            std::string_view line(content.data() + begin, end - begin);
            if (line.find_first_not_of(" \t\r") != std::string_view::npos) readLine(file, line, lineNumber);
            begin = end + 1;
        }
        if (lineNumber == 0) fatal.push_back(Diagnostic{input.string(), "", "empty file: no documents"});
    }
    if (!fatal.empty()) {
        fatal.insert(fatal.end(), problems.begin(), problems.end());
        return fatal;
    }
    if (!problems.empty() && !options.lenient) return problems;
    output.skipped = std::move(problems);
    // The same schema addition reported by several lines of one file is said once.
    std::vector<std::string> uniqueNotices;
    for (std::string& n : output.notices)
        if (notices.insert(n).second) uniqueNotices.push_back(std::move(n));
    output.notices = std::move(uniqueNotices);
    return output;
}

}  // namespace claimmark
