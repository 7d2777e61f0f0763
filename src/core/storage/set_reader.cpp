// set_reader.cpp — parsing an annotation set straight into the model.
//
// [SECTION] Interpret    header, document, schema and relations from the captured values
// [SECTION] parseSet     putting it together: every problem reported with its JSON path
//
// The SAX handler that feeds them (DomCapture, SetSax) is in set_sax.h / set_sax.cpp.
// Why SAX: a 100,000-annotation set is tens of MB; building a DOM first costs more than
// CPython's json.load of the same file, and the benchmark holds us to at most that.
#include "core/storage/set_file.h"
#include "core/storage/json_input.h"

#include "core/storage/set_sax.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <unordered_map>

namespace claimmark {
namespace {

using json = nlohmann::json;
using set_reading::jsonTypeName;
using set_reading::ParsedAnnotation;
using set_reading::SetSax;

// --- [SECTION] Interpret ------------------------------------------------------------------

struct HeaderReader {
    Problems& problems;

    const json* get(const json& object, const char* key, const std::string& path, json::value_t type,
                    const char* expected, bool required) {
        auto it = object.find(key);
        if (it == object.end()) {
            if (required) problems.push_back({path, std::string("missing \"") + key + "\""});
            return nullptr;
        }
        const bool ok = type == json::value_t::number_unsigned ? it->is_number_unsigned() : it->type() == type;
        if (!ok) {
            problems.push_back({(path.empty() ? "" : path + ".") + key,
                                std::string("expected ") + expected + ", got " + jsonTypeName(*it)});
            return nullptr;
        }
        return &*it;
    }
};

void readRelations(const json& array, AnnotationSet& set, Problems& problems, std::vector<Relation>& out) {
    HeaderReader header{problems};
    if (!array.is_array()) {
        problems.push_back({"relations", std::string("expected an array, got ") + jsonTypeName(array)});
        return;
    }
    for (std::size_t i = 0; i < array.size(); ++i) {
        const std::string path = "relations[" + std::to_string(i) + "]";
        const json& item = array[i];
        if (!item.is_object()) {
            problems.push_back({path, std::string("expected an object, got ") + jsonTypeName(item)});
            continue;
        }
        Relation r;
        const std::size_t before = problems.size();
        for (auto [key, field] : {std::pair{"id", &r.id}, {"type", &r.type}, {"from", &r.from}, {"to", &r.to}})
            if (const json* v = header.get(item, key, path, json::value_t::string, "a string", true))
                *field = v->get<std::string>();
        if (const json* v = header.get(item, "rule", path, json::value_t::string, "a string", false))
            r.rule = v->get<std::string>();
        for (auto it = item.begin(); it != item.end(); ++it)
            if (it.key() != "id" && it.key() != "type" && it.key() != "from" && it.key() != "to" && it.key() != "rule")
                r.extra[it.key()] = it.value();
        if (problems.size() == before) out.push_back(std::move(r));
        else out.push_back(Relation{"\x01invalid", "", "", "", json::object(), ""});
    }
    (void)set;
}

// "rejected_suggestions": [{"label", "spans": [{"start", "end"}], "rule"}]. Spans need not
// fit the current article (they are only compared with new suggestions).
void readRejectedSuggestions(const json& array, AnnotationSet& set, Problems& problems) {
    HeaderReader header{problems};
    if (!array.is_array()) {
        problems.push_back({"rejected_suggestions", std::string("expected an array, got ") + jsonTypeName(array)});
        return;
    }
    for (std::size_t i = 0; i < array.size(); ++i) {
        const std::string path = "rejected_suggestions[" + std::to_string(i) + "]";
        const json& item = array[i];
        if (!item.is_object()) {
            problems.push_back({path, std::string("expected an object, got ") + jsonTypeName(item)});
            continue;
        }
        RejectedSuggestion r;
        const std::size_t before = problems.size();
        if (const json* v = header.get(item, "label", path, json::value_t::string, "a string", true))
            r.label = v->get<std::string>();
        if (const json* v = header.get(item, "rule", path, json::value_t::string, "a string", true))
            r.rule = v->get<std::string>();
        if (const json* spans = header.get(item, "spans", path, json::value_t::array, "an array", true)) {
            for (std::size_t k = 0; k < spans->size(); ++k) {
                const std::string spanPath = path + ".spans[" + std::to_string(k) + "]";
                const json& s = (*spans)[k];
                const json* start = s.is_object() ? header.get(s, "start", spanPath, json::value_t::number_unsigned,
                                                               "a non-negative integer", true)
                                                  : nullptr;
                const json* end = s.is_object() ? header.get(s, "end", spanPath, json::value_t::number_unsigned,
                                                             "a non-negative integer", true)
                                                : nullptr;
                if (!s.is_object()) problems.push_back({spanPath, "expected an object with \"start\" and \"end\""});
                if (start && end) r.spans.push_back({start->get<std::size_t>(), end->get<std::size_t>()});
            }
        }
        if (problems.size() == before) set.rejectedSuggestions.push_back(std::move(r));
    }
}

}  // namespace

// --- [SECTION] parseSet ------------------------------------------------------------------

namespace {

// Everything after the JSON parse: the captured values interpreted, the annotations and
// relations checked through the model. `reused` is the schema the splice stood in for.
Result<AnnotationSet> interpretSet(SetSax& sax, bool parsed, std::string_view text, const std::string& fileName,
                                   const set_reading::KnownSchema* reused) {
    if (sax.tooDeep) {
        // The handler stopped at the first container past the limit; the scan finds its place.
        const std::optional<JsonLimitProblem> problem = findJsonLimitProblem(text);
        return Diagnostic{fileName, problem ? jsonPlace(text, problem->byte) : std::string(),
                          problem ? problem->message : std::string("nested too deep")};
    }
    if (!parsed || !sax.syntaxError.empty()) {
        return Diagnostic{fileName, jsonPlace(text, sax.syntaxByte), "JSON syntax error: " + sax.syntaxError};
    }
    if (!sax.topIsObject) return Diagnostic{fileName, "", sax.topTypeError};

    Problems problems = std::move(sax.problems);
    HeaderReader header{problems};
    AnnotationSet set;
    const json& top = sax.top;

    // Header: a file that is not a set at all gets one message, not a cascade.
    auto format = top.find("format");
    if (format == top.end() || !format->is_string() || *format != AnnotationSet::kFormat) {
        return Diagnostic{
            fileName, "format",
            std::string("not a claimmark annotation set (expected \"format\": \"") + AnnotationSet::kFormat + "\")"};
    }
    if (const json* v = header.get(top, "version", "", json::value_t::number_unsigned, "an integer", true)) {
        if (*v != AnnotationSet::kVersion) {
            return Diagnostic{fileName, "version",
                              "version " + v->dump() + " is not supported (this claimmark reads version " +
                                  std::to_string(AnnotationSet::kVersion) +
                                  (v->get<std::uint64_t>() > 1 ? "; it was written by a newer claimmark)" : ")")};
        }
    }
    if (const json* doc = header.get(top, "document", "", json::value_t::object, "an object", true)) {
        if (const json* v = header.get(*doc, "path", "document", json::value_t::string, "a string", true))
            set.document.path = v->get<std::string>();
        if (const json* v = header.get(*doc, "sha256", "document", json::value_t::string, "a string", true)) {
            set.document.sha256 = v->get<std::string>();
            const bool hex = set.document.sha256.size() == 64 &&
                             set.document.sha256.find_first_not_of("0123456789abcdef") == std::string::npos;
            if (!hex) problems.push_back({"document.sha256", "expected 64 lower-case hex digits"});
        }
        if (const json* v = header.get(*doc, "length", "document", json::value_t::number_unsigned,
                                       "a non-negative integer (code points)", true))
            set.document.length = v->get<std::size_t>();
        for (auto it = doc->begin(); it != doc->end(); ++it)
            if (it.key() != "path" && it.key() != "sha256" && it.key() != "length")
                set.document.extra[it.key()] = it.value();
    }
    if (const json* v = header.get(top, "annotator", "", json::value_t::string, "a string", false))
        set.annotator = v->get<std::string>();
    if (const json* v = header.get(top, "done", "", json::value_t::boolean, "true or false", false))
        set.done = v->get<bool>();
    if (reused) {
        set.schema = reused->schema;
    } else if (auto it = top.find("schema"); it != top.end()) {
        if (auto known = set_reading::knownSchemaFor(*it)) {
            set.schema = known->schema;
        } else {
            Result<Schema> schema = schemaFromJson(*it, fileName, "schema.");
            if (!schema) {
                Diagnostics errors = schema.errors();
                for (auto& e : errors) e.file = fileName;
                return errors;  // without a schema the annotations cannot be judged
            }
            set.schema = std::move(*schema);
            set_reading::rememberSchema(set.schema);
        }
    }
    if (auto it = top.find("rejected_suggestions"); it != top.end()) readRejectedSuggestions(*it, set, problems);
    if (!sax.sawAnnotationsArray()) problems.push_back({"", "missing \"annotations\" (an array)"});
    for (auto it = top.begin(); it != top.end(); ++it) {
        static const char* known[] = {"format", "version", "document",  "annotator",
                                      "done",   "schema",  "relations", "rejected_suggestions"};
        if (std::find(std::begin(known), std::end(known), it.key()) == std::end(known))
            set.extra[it.key()] = it.value();
    }

    // Annotations: invariants through the model, duplicates named with both places.
    set.reserve(sax.annotations.size(),
                top.contains("relations") && top["relations"].is_array() ? top["relations"].size() : 0);
    std::vector<std::size_t> fileIndexOfStored;  // storage position -> index in the file
    fileIndexOfStored.reserve(sax.annotations.size());
    for (std::size_t i = 0; i < sax.annotations.size(); ++i) {
        ParsedAnnotation& parsed = sax.annotations[i];
        if (!parsed.hasId || !parsed.hasLabel || !parsed.hasSpans || parsed.broken) continue;  // reported
        Annotation& a = parsed.annotation;
        const std::string path = "annotations[" + std::to_string(i) + "].";
        bool spansBroken = false;
        for (const Span& s : a.spans) spansBroken |= (s.start == 1 && s.end == 0);
        if (spansBroken) {
            // Span problems were reported while parsing; report only the other kinds.
            Problems own = set.checkAnnotation(a);
            std::erase_if(own, [](const Problem& p) { return p.path.rfind("spans", 0) == 0; });
            for (auto& p : own) problems.push_back({path + p.path, p.message});
            continue;
        }
        const std::string id = a.id;
        Problems own = set.tryAddAnnotation(std::move(a));
        if (own.empty()) fileIndexOfStored.push_back(i);
        for (auto& p : own) {
            if (const Annotation* first = set.findAnnotation(id); first && p.path == "id") {
                const std::size_t stored = static_cast<std::size_t>(first - set.annotations().data());
                p.message = "duplicate id \"" + id + "\" (also used by annotations[" +
                            std::to_string(fileIndexOfStored[stored]) + "])";
            }
            problems.push_back({path + p.path, p.message});
        }
    }

    if (auto it = top.find("relations"); it != top.end()) {
        std::vector<Relation> relations;
        readRelations(*it, set, problems, relations);
        std::unordered_map<std::string, std::size_t> firstRelation;
        for (std::size_t i = 0; i < relations.size(); ++i) {
            Relation& r = relations[i];
            if (r.id == "\x01invalid") continue;
            const std::string path = "relations[" + std::to_string(i) + "].";
            auto [fr, fresh] = firstRelation.emplace(r.id, i);
            if (!fresh) {
                problems.push_back({path + "id", "duplicate id \"" + r.id + "\" (also used by relations[" +
                                                     std::to_string(fr->second) + "])"});
                continue;
            }
            Problems own = set.checkRelation(r);
            // A relation to an annotation that was itself invalid is reported there, but
            // the dangling end is still named so the user sees the chain.
            for (auto& p : own) problems.push_back({path + p.path, p.message});
            if (own.empty()) {
                Status s = set.addRelation(std::move(r));
                (void)s;
            }
        }
    }

    if (!problems.empty()) {
        Diagnostics errors;
        errors.reserve(problems.size());
        for (auto& p : problems) errors.push_back({fileName, p.path, p.message});
        return errors;
    }
    return set;
}

}  // namespace

Result<AnnotationSet> parseSet(std::string_view text, const std::string& fileName) {
    // A schema this thread has read before, written the way the writer writes it, is not
    // read again (schema_reuse.h); any doubt, and the file is read the ordinary way.
    if (std::optional<set_reading::SchemaMatch> match = set_reading::findKnownSchema(text)) {
        set_reading::SpliceState state;
        state.spliceAt = state.next = text.data() + match->begin;
        state.resumeAt = text.data() + match->end;
        SetSax sax(text);
        sax.splice = &state;
        const set_reading::SplicedInput first(text.data(), &state), last(text.data() + text.size(), &state);
        const bool parsed = json::sax_parse(first, last, &sax, json::input_format_t::json, true);
        if (parsed && sax.syntaxError.empty() && !sax.tooDeep && sax.topIsObject && sax.schemaSpliced) {
            set_reading::countSpliceTaken();
            return interpretSet(sax, true, text, fileName, match->known.get());
        }
    }
    SetSax sax(text);
    const bool parsed = json::sax_parse(text.begin(), text.end(), &sax, json::input_format_t::json, true);
    return interpretSet(sax, parsed, text, fileName, nullptr);
}

}  // namespace claimmark
