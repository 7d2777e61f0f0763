// set_reader.cpp — parsing an annotation set straight into the model.
//
// [SECTION] DomCapture   builds small nlohmann::json values from SAX events
// [SECTION] SetSax       the SAX handler: annotations parsed directly, the rest captured
// [SECTION] Interpret    header, document, schema and relations from the captured values
// [SECTION] parseSet     putting it together: every problem reported with its JSON path
//
// Why SAX: a 100,000-annotation set is tens of MB; building a DOM first costs more than
// CPython's json.load of the same file, and the benchmark holds us to at most that.
#include "core/storage/set_file.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <unordered_map>

namespace claimmark {
namespace {

using json = nlohmann::json;

const char* jsonTypeName(const json& j) {
    switch (j.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned: return "an integer";
        case json::value_t::number_float: return "a number with a fraction";
        case json::value_t::string: return "a string";
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        default: return "an unsupported value";
    }
}

// --- [SECTION] DomCapture ---------------------------------------------------------------

// Collects one JSON value (scalar or container) from SAX events.
class DomCapture {
public:
    bool active() const { return m_active; }
    void begin() {
        m_active = true;
        m_root = json();
        m_stack.clear();
        m_rootSet = false;
    }
    // Each returns true when the captured value is complete.
    template <class V>
    bool scalar(V&& v) {
        place(json(std::forward<V>(v)));
        return m_stack.empty();
    }
    bool startObject() {
        m_stack.push_back(place(json::object()));
        return false;
    }
    bool startArray() {
        m_stack.push_back(place(json::array()));
        return false;
    }
    void key(std::string& k) { m_key = std::move(k); }
    bool endContainer() {
        m_stack.pop_back();
        return m_stack.empty();
    }
    json take() {
        m_active = false;
        return std::move(m_root);
    }

private:
    json* place(json&& v) {
        if (m_stack.empty()) {
            m_root = std::move(v);
            return &m_root;
        }
        json& top = *m_stack.back();
        if (top.is_array()) {
            top.push_back(std::move(v));
            return &top.back();
        }
        json& slot = top[m_key];
        slot = std::move(v);
        return &slot;
    }

    json m_root;
    std::vector<json*> m_stack;
    std::string m_key;
    bool m_active = false;
    bool m_rootSet = false;
};

// --- [SECTION] SetSax -------------------------------------------------------------------

enum class Frame { TopObject, Annotations, AnnotationObject, Spans, SpanObject, Attributes };

struct ParsedAnnotation {
    Annotation annotation;
    bool hasId = false, hasLabel = false, hasSpans = false;
    bool broken = false;  // a field had the wrong type; already reported
};

class SetSax final : public nlohmann::json_sax<json> {
public:
    explicit SetSax(std::string_view text) : m_text(text) {
        // Moving annotations on regrowth is costly; a set line is rarely under 200 bytes.
        annotations.reserve(text.size() / 200 + 16);
    }

    json top = json::object();               // every top-level key except "annotations"
    bool topIsObject = false;
    std::string topTypeError;                 // set when the file is not a JSON object
    std::vector<ParsedAnnotation> annotations;
    Problems problems;                        // paths are absolute (annotations[3].spans[0])
    std::string syntaxError;
    std::size_t syntaxLine = 0, syntaxColumn = 0;

    bool null() override { return scalarEvent(nullptr); }
    bool boolean(bool v) override { return scalarEvent(v); }
    bool number_integer(number_integer_t v) override { return scalarEvent(v); }
    bool number_unsigned(number_unsigned_t v) override { return scalarEvent(v); }
    bool number_float(number_float_t v, const string_t&) override { return scalarEvent(v); }
    bool string(string_t& v) override { return scalarEvent(std::move(v)); }
    bool binary(binary_t&) override { return true; }  // not produced by the text parser

    bool start_object(std::size_t) override {
        if (m_capture.active()) return m_capture.startObject(), true;
        if (m_frames.empty()) {
            topIsObject = true;
            m_frames.push_back(Level{Frame::TopObject, {}, 0});
            return true;
        }
        Level& level = m_frames.back();
        switch (level.frame) {
            case Frame::Annotations:
                annotations.emplace_back();
                level.index = annotations.size() - 1;
                m_frames.push_back(Level{Frame::AnnotationObject, {}, 0});
                return true;
            case Frame::AnnotationObject:
                if (level.key == "attributes") {
                    current().annotation.attributes.clear();
                    m_frames.push_back(Level{Frame::Attributes, {}, 0});
                    return true;
                }
                break;
            case Frame::Spans:
                m_spanStart.reset();
                m_spanEnd.reset();
                m_frames.push_back(Level{Frame::SpanObject, {}, 0});
                return true;
            default: break;
        }
        startCapture();
        m_capture.startObject();
        return true;
    }

    bool start_array(std::size_t) override {
        if (m_capture.active()) return m_capture.startArray(), true;
        if (!m_frames.empty()) {
            Level& level = m_frames.back();
            if (level.frame == Frame::TopObject && level.key == "annotations") {
                m_frames.push_back(Level{Frame::Annotations, {}, 0});
                m_annotationsSeen = true;
                return true;
            }
            if (level.frame == Frame::AnnotationObject && level.key == "spans") {
                current().annotation.spans.clear();
                current().hasSpans = true;
                m_spanCount = 0;
                m_frames.push_back(Level{Frame::Spans, {}, 0});
                return true;
            }
        }
        startCapture();
        m_capture.startArray();
        return true;
    }

    bool key(string_t& k) override {
        if (m_capture.active()) return m_capture.key(k), true;
        m_frames.back().key = std::move(k);
        return true;
    }

    bool end_object() override {
        if (m_capture.active()) {
            if (m_capture.endContainer()) deliver(m_capture.take());
            return true;
        }
        const Frame frame = m_frames.back().frame;
        m_frames.pop_back();
        if (frame == Frame::AnnotationObject) finishAnnotation();
        if (frame == Frame::SpanObject) finishSpan();
        return true;
    }

    bool end_array() override {
        if (m_capture.active()) {
            if (m_capture.endContainer()) deliver(m_capture.take());
            return true;
        }
        m_frames.pop_back();
        return true;
    }

    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& ex) override {
        // The exception text reads "[json.exception.parse_error.101] parse error at line L,
        // column C: <what>"; keep <what>, and compute the place ourselves in code points.
        std::string what = ex.what();
        const auto column = what.find("column ");
        const auto colon = what.find(": ", column == std::string::npos ? 0 : column);
        if (colon != std::string::npos) what = what.substr(colon + 2);
        syntaxError = what;
        const std::size_t at = std::min(position > 0 ? position - 1 : 0, m_text.size());
        syntaxLine = 1;
        std::size_t lineStart = 0;
        for (std::size_t i = 0; i < at; ++i)
            if (m_text[i] == '\n') ++syntaxLine, lineStart = i + 1;
        syntaxColumn = 1;
        for (std::size_t i = lineStart; i < at; ++i)
            if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) ++syntaxColumn;
        return false;
    }

    bool sawAnnotationsArray() const { return m_annotationsSeen; }

private:
    struct Level {
        Frame frame;
        std::string key;
        std::size_t index = 0;
    };

    std::string_view m_text;
    std::vector<Level> m_frames;
    DomCapture m_capture;
    bool m_annotationsSeen = false;
    std::optional<std::size_t> m_spanStart, m_spanEnd;
    std::size_t m_spanCount = 0;

    ParsedAnnotation& current() { return annotations.back(); }
    std::string annotationPath() const { return "annotations[" + std::to_string(annotations.size() - 1) + "]"; }
    std::string spanPath() const { return annotationPath() + ".spans[" + std::to_string(m_spanCount) + "]"; }

    void startCapture() { m_capture.begin(); }

    template <class V>
    bool scalarEvent(V&& v) {
        if (m_capture.active()) {
            if (m_capture.scalar(std::forward<V>(v))) deliver(m_capture.take());
            return true;
        }
        if (m_frames.empty()) {
            deliver(json(std::forward<V>(v)));
            return true;
        }
        using T = std::decay_t<V>;
        Level& level = m_frames.back();
        switch (level.frame) {
            case Frame::AnnotationObject:
                if constexpr (std::is_same_v<T, std::string>) {
                    if (std::string* field = stringField(level.key)) {
                        *field = std::move(v);
                        if (level.key == "id") current().hasId = true;
                        if (level.key == "label") current().hasLabel = true;
                        return true;
                    }
                }
                if constexpr (std::is_same_v<T, bool>) {
                    if (level.key == "orphaned") {
                        current().annotation.orphaned = v;
                        return true;
                    }
                }
                break;
            case Frame::SpanObject:
                if constexpr (std::is_same_v<T, std::uint64_t>) {
                    if (level.key == "start") return m_spanStart = static_cast<std::size_t>(v), true;
                    if (level.key == "end") return m_spanEnd = static_cast<std::size_t>(v), true;
                }
                break;
            case Frame::Attributes:
                if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, std::string>) {
                    current().annotation.attributes[level.key] = AttributeValue(std::move(v));
                    return true;
                }
                if constexpr (std::is_same_v<T, std::uint64_t> || std::is_same_v<T, std::int64_t>) {
                    current().annotation.attributes[level.key] =
                        AttributeValue(static_cast<std::int64_t>(v));
                    return true;
                }
                break;
            default: break;
        }
        deliver(json(std::forward<V>(v)));
        return true;
    }

    std::string* stringField(const std::string& key) {
        Annotation& a = current().annotation;
        switch (key.size()) {
            case 2: return key == "id" ? &a.id : nullptr;
            case 4: return key == "text" ? &a.text : key == "note" ? &a.note : nullptr;
            case 5: return key == "label" ? &a.label : nullptr;
            case 6: return key == "origin" ? &a.origin : key == "prefix" ? &a.prefix
                         : key == "suffix" ? &a.suffix : key == "status" ? &a.status : nullptr;
            case 7: return key == "created" ? &a.created : nullptr;
            case 8: return key == "modified" ? &a.modified : nullptr;
            default: return nullptr;
        }
    }

    // A complete value that the fast paths did not take: store it or report its type.
    void deliver(json value) {
        if (m_frames.empty()) {
            topTypeError = std::string("the file must hold a JSON object, but it holds ") + jsonTypeName(value);
            return;
        }
        Level& level = m_frames.back();
        switch (level.frame) {
            case Frame::TopObject:
                if (level.key == "annotations") {
                    problems.push_back({"annotations", std::string("expected an array, got ") + jsonTypeName(value)});
                    m_annotationsSeen = true;
                } else {
                    top[level.key] = std::move(value);
                }
                return;
            case Frame::Annotations:
                annotations.emplace_back();
                problems.push_back({annotationPath(), std::string("expected an object, got ") + jsonTypeName(value)});
                annotations.back().hasId = annotations.back().hasLabel = annotations.back().hasSpans = true;
                annotations.back().annotation.id = "\x01invalid";  // skipped later
                return;
            case Frame::AnnotationObject: {
                const std::string& k = level.key;
                const std::string path = annotationPath() + "." + k;
                if (stringField(k)) {
                    // Present but mistyped: reported here, not again as "missing".
                    if (k == "id") current().hasId = true, current().broken = true;
                    if (k == "label") current().hasLabel = true, current().broken = true;
                    problems.push_back({path, std::string("expected a string, got ") + jsonTypeName(value)});
                } else if (k == "orphaned") {
                    problems.push_back({path, std::string("expected true or false, got ") + jsonTypeName(value)});
                } else if (k == "spans") {
                    current().hasSpans = true;
                    current().broken = true;
                    problems.push_back({path, std::string("expected an array of {\"start\", \"end\"} objects, got ") + jsonTypeName(value)});
                } else if (k == "attributes") {
                    problems.push_back({path, std::string("expected an object, got ") + jsonTypeName(value)});
                } else if (k == "proposed_by") {
                    bool strings = value.is_array();
                    if (strings)
                        for (const json& name : value) strings &= name.is_string();
                    if (!strings) {
                        problems.push_back({path, std::string("expected an array of reviewer names, got ") + value.dump()});
                    } else {
                        for (const json& name : value) current().annotation.proposedBy.push_back(name.get<std::string>());
                    }
                } else {
                    current().annotation.extra[k] = std::move(value);
                }
                return;
            }
            case Frame::Spans:
                problems.push_back({spanPath(), std::string("expected an object with \"start\" and \"end\", got ") + jsonTypeName(value)});
                ++m_spanCount;
                return;
            case Frame::SpanObject:
                if (level.key == "start" || level.key == "end") {
                    problems.push_back({spanPath() + "." + level.key,
                                        value.is_number_integer()
                                            ? std::string("must not be negative (got ") + value.dump() + ")"
                                            : std::string("expected a non-negative integer (code point offset), got ") + jsonTypeName(value)});
                    (level.key == "start" ? m_spanStart : m_spanEnd) = std::size_t(0);
                    m_spanInvalid = true;
                }
                return;  // other keys inside a span carry nothing we keep
            case Frame::Attributes:
                problems.push_back({annotationPath() + ".attributes." + level.key,
                                    std::string("expected true/false, an integer or a string, got ") + jsonTypeName(value)});
                return;
        }
    }

    bool m_spanInvalid = false;

    void finishSpan() {
        const std::string path = spanPath();
        if (!m_spanStart) problems.push_back({path, "missing \"start\""});
        if (!m_spanEnd) problems.push_back({path, "missing \"end\""});
        if (m_spanStart && m_spanEnd && !m_spanInvalid)
            current().annotation.spans.push_back({*m_spanStart, *m_spanEnd});
        else
            current().annotation.spans.push_back({1, 0});  // keeps indices aligned; reported already
        m_spanInvalid = false;
        ++m_spanCount;
    }

    void finishAnnotation() {
        ParsedAnnotation& p = current();
        const std::string path = annotationPath();
        if (!p.hasId) problems.push_back({path, "missing \"id\""});
        if (!p.hasLabel) problems.push_back({path, "missing \"label\""});
        if (!p.hasSpans) problems.push_back({path, "missing \"spans\""});
    }
};

// --- [SECTION] Interpret ------------------------------------------------------------------

struct HeaderReader {
    Problems& problems;

    const json* get(const json& object, const char* key, const std::string& path,
                    json::value_t type, const char* expected, bool required) {
        auto it = object.find(key);
        if (it == object.end()) {
            if (required) problems.push_back({path, std::string("missing \"") + key + "\""});
            return nullptr;
        }
        const bool ok = type == json::value_t::number_unsigned ? it->is_number_unsigned()
                                                               : it->type() == type;
        if (!ok) {
            problems.push_back({(path.empty() ? "" : path + ".") + key,
                                std::string("expected ") + expected + ", got " + jsonTypeName(*it)});
            return nullptr;
        }
        return &*it;
    }
};

void readRelations(const json& array, AnnotationSet& set, Problems& problems,
                   std::vector<Relation>& out) {
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
        for (auto it = item.begin(); it != item.end(); ++it)
            if (it.key() != "id" && it.key() != "type" && it.key() != "from" && it.key() != "to")
                r.extra[it.key()] = it.value();
        if (problems.size() == before) out.push_back(std::move(r));
        else out.push_back(Relation{"\x01invalid", "", "", "", json::object()});
    }
    (void)set;
}

}  // namespace

// --- [SECTION] parseSet ------------------------------------------------------------------

Result<AnnotationSet> parseSet(std::string_view text, const std::string& fileName) {
    SetSax sax(text);
    const bool parsed = json::sax_parse(text.begin(), text.end(), &sax, json::input_format_t::json, true);
    if (!parsed || !sax.syntaxError.empty()) {
        return Diagnostic{fileName,
                          "line " + std::to_string(sax.syntaxLine) + ", column " + std::to_string(sax.syntaxColumn),
                          "JSON syntax error: " + sax.syntaxError};
    }
    if (!sax.topIsObject) return Diagnostic{fileName, "", sax.topTypeError};

    Problems problems = std::move(sax.problems);
    HeaderReader header{problems};
    AnnotationSet set;
    const json& top = sax.top;

    // Header: a file that is not a set at all gets one message, not a cascade.
    auto format = top.find("format");
    if (format == top.end() || !format->is_string() || *format != AnnotationSet::kFormat) {
        return Diagnostic{fileName, "format",
                          std::string("not a claimmark annotation set (expected \"format\": \"") +
                              AnnotationSet::kFormat + "\")"};
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
    if (auto it = top.find("schema"); it != top.end()) {
        Result<Schema> schema = schemaFromJson(*it, fileName, "schema.");
        if (!schema) {
            Diagnostics errors = schema.errors();
            for (auto& e : errors) e.file = fileName;
            return errors;  // without a schema the annotations cannot be judged
        }
        set.schema = std::move(*schema);
    }
    if (!sax.sawAnnotationsArray()) problems.push_back({"", "missing \"annotations\" (an array)"});
    for (auto it = top.begin(); it != top.end(); ++it) {
        static const char* known[] = {"format", "version", "document", "annotator", "done", "schema", "relations"};
        if (std::find(std::begin(known), std::end(known), it.key()) == std::end(known))
            set.extra[it.key()] = it.value();
    }

    // Annotations: invariants through the model, duplicates named with both places.
    set.reserve(sax.annotations.size(), top.contains("relations") && top["relations"].is_array()
                                            ? top["relations"].size() : 0);
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

}  // namespace claimmark
