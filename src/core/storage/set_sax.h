// set_sax.h — the SAX handler behind parseSet (set_reader.cpp): annotations are parsed
// straight into the model, every other value is captured as a small nlohmann::json for
// set_reader.cpp to interpret. Private to this folder.
//
// [SECTION] SetSax       the SAX handler: annotations parsed directly, the rest captured
#pragma once

#include "core/model/annotation_set.h"
#include "core/storage/json_capture.h"
#include "core/storage/json_input.h"
#include "core/storage/schema_reuse.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimmark::set_reading {

using json = nlohmann::json;

// "a string", "an array", ...: a value's type as messages name it.
const char* jsonTypeName(const json& j);

// Collects one JSON value (scalar or container) from SAX events: json_capture.h.
using DomCapture = JsonCapture;

// --- [SECTION] SetSax -------------------------------------------------------------------

enum class Frame { TopObject, Annotations, AnnotationObject, Spans, SpanObject, Attributes };

struct ParsedAnnotation {
    Annotation annotation;
    bool hasId = false, hasLabel = false, hasSpans = false;
    bool broken = false;  // a field had the wrong type; already reported
};

class SetSax final : public nlohmann::json_sax<json> {
public:
    explicit SetSax(std::string_view text);

    json top = json::object();  // every top-level key except "annotations"
    bool topIsObject = false;
    std::string topTypeError;  // set when the file is not a JSON object
    std::vector<ParsedAnnotation> annotations;
    Problems problems;  // paths are absolute (annotations[3].spans[0])
    std::string syntaxError;
    bool tooDeep = false;        // nesting beyond kMaxJsonDepth: parsing stopped there
    std::size_t syntaxByte = 0;  // where the syntax error is (jsonPlace gives line and column)
    // Reading through SplicedInput: the splice, and whether its "{}" was the top-level
    // "schema" value (the last one, when a file repeats the key).
    const SpliceState* splice = nullptr;
    bool schemaSpliced = false;

    bool null() override;
    bool boolean(bool v) override;
    bool number_integer(number_integer_t v) override;
    bool number_unsigned(number_unsigned_t v) override;
    bool number_float(number_float_t v, const string_t&) override;
    bool string(string_t& v) override;
    bool binary(binary_t&) override;  // not produced by the text parser

    bool start_object(std::size_t) override;
    bool start_array(std::size_t) override;
    bool key(string_t& k) override;
    bool end_object() override;
    bool end_array() override;
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override;

    bool sawAnnotationsArray() const { return m_annotationsSeen; }

private:
    struct Level {
        Frame frame;
        std::string key;
        std::size_t index = 0;
    };

    std::vector<Level> m_frames;
    std::size_t m_depth = 0;  // arrays and objects open now, captured ones included
    DomCapture m_capture;
    bool m_annotationsSeen = false;
    std::optional<std::size_t> m_spanStart, m_spanEnd;
    std::size_t m_spanCount = 0;

    ParsedAnnotation& current() { return annotations.back(); }
    std::string annotationPath() const { return "annotations[" + std::to_string(annotations.size() - 1) + "]"; }
    std::string spanPath() const { return annotationPath() + ".spans[" + std::to_string(m_spanCount) + "]"; }

    void startCapture() { m_capture.begin(); }

    template <class V>
    bool scalarEvent(V&& v);
    std::string* stringField(const std::string& key);
    // A complete value that the fast paths did not take: store it or report its type.
    void deliver(json value);

    bool m_spanInvalid = false;

    void finishSpan();
    void finishAnnotation();
};

}  // namespace claimmark::set_reading
