// set_sax.cpp — the SAX handler behind parseSet (set_sax.h).
//
// [SECTION] SetSax       the SAX handler: annotations parsed directly, the rest captured
#include "core/storage/set_sax.h"

#include <algorithm>
#include <type_traits>

namespace claimmark::set_reading {

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

// --- [SECTION] SetSax -------------------------------------------------------------------

SetSax::SetSax(std::string_view text) {
    // Moving annotations on regrowth is costly; a set line is rarely under 200 bytes.
    annotations.reserve(text.size() / 200 + 16);
}

bool SetSax::null() { return scalarEvent(nullptr); }
bool SetSax::boolean(bool v) { return scalarEvent(v); }
bool SetSax::number_integer(number_integer_t v) { return scalarEvent(v); }
bool SetSax::number_unsigned(number_unsigned_t v) { return scalarEvent(v); }
bool SetSax::number_float(number_float_t v, const string_t&) { return scalarEvent(v); }
bool SetSax::string(string_t& v) { return scalarEvent(std::move(v)); }
bool SetSax::binary(binary_t&) { return true; }  // not produced by the text parser

bool SetSax::start_object(std::size_t) {
    if (++m_depth > kMaxJsonDepth) return tooDeep = true, false;
    if (m_capture.active()) return m_capture.startObject(), true;
    if (m_frames.empty()) {
        topIsObject = true;
        m_frames.push_back(Level{Frame::TopObject, {}, 0});
        return true;
    }
    Level& level = m_frames.back();
    switch (level.frame) {
        case Frame::TopObject:
            // The stand-in's "{" is read while the splice is in phase 1, and nothing else is.
            if (level.key == "schema") schemaSpliced = splice && splice->phase == 1;
            break;
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

bool SetSax::start_array(std::size_t) {
    if (++m_depth > kMaxJsonDepth) return tooDeep = true, false;
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

bool SetSax::key(string_t& k) {
    if (m_capture.active()) return m_capture.key(k), true;
    if (m_frames.size() == 1 && k == "schema") schemaSpliced = false;
    m_frames.back().key = std::move(k);
    return true;
}

bool SetSax::end_object() {
    --m_depth;
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

bool SetSax::end_array() {
    --m_depth;
    if (m_capture.active()) {
        if (m_capture.endContainer()) deliver(m_capture.take());
        return true;
    }
    m_frames.pop_back();
    return true;
}

bool SetSax::parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    // nlohmann's position is 1-based and points just past the offending character.
    syntaxError = jsonErrorReason(ex.what());
    syntaxByte = position > 0 ? position - 1 : 0;
    return false;
}

template <class V>
bool SetSax::scalarEvent(V&& v) {
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
                current().annotation.attributes[level.key] = AttributeValue(static_cast<std::int64_t>(v));
                return true;
            }
            break;
        default: break;
    }
    deliver(json(std::forward<V>(v)));
    return true;
}

std::string* SetSax::stringField(const std::string& key) {
    Annotation& a = current().annotation;
    switch (key.size()) {
        case 2: return key == "id" ? &a.id : nullptr;
        case 4: return key == "text" ? &a.text : key == "note" ? &a.note : key == "rule" ? &a.rule : nullptr;
        case 5: return key == "label" ? &a.label : nullptr;
        case 6:
            return key == "origin"   ? &a.origin
                   : key == "prefix" ? &a.prefix
                   : key == "suffix" ? &a.suffix
                   : key == "status" ? &a.status
                                     : nullptr;
        case 7: return key == "created" ? &a.created : nullptr;
        case 8: return key == "modified" ? &a.modified : nullptr;
        default: return nullptr;
    }
}

// A complete value that the fast paths did not take: store it or report its type.
void SetSax::deliver(json value) {
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
                problems.push_back({path, std::string("expected an array of {\"start\", \"end\"} objects, got ") +
                                              jsonTypeName(value)});
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
            problems.push_back(
                {spanPath(), std::string("expected an object with \"start\" and \"end\", got ") + jsonTypeName(value)});
            ++m_spanCount;
            return;
        case Frame::SpanObject:
            if (level.key == "start" || level.key == "end") {
                problems.push_back({spanPath() + "." + level.key,
                                    value.is_number_integer()
                                        ? std::string("must not be negative (got ") + value.dump() + ")"
                                        : std::string("expected a non-negative integer (code point offset), got ") +
                                              jsonTypeName(value)});
                (level.key == "start" ? m_spanStart : m_spanEnd) = std::size_t(0);
                m_spanInvalid = true;
            }
            return;  // other keys inside a span carry nothing we keep
        case Frame::Attributes:
            problems.push_back(
                {annotationPath() + ".attributes." + level.key,
                 std::string("expected true/false, an integer or a string, got ") + jsonTypeName(value)});
            return;
    }
}

void SetSax::finishSpan() {
    // Paths are built only for a problem: most spans have none.
    if (!m_spanStart) problems.push_back({spanPath(), "missing \"start\""});
    if (!m_spanEnd) problems.push_back({spanPath(), "missing \"end\""});
    if (m_spanStart && m_spanEnd && !m_spanInvalid) current().annotation.spans.push_back({*m_spanStart, *m_spanEnd});
    else current().annotation.spans.push_back({1, 0});  // keeps indices aligned; reported already
    m_spanInvalid = false;
    ++m_spanCount;
}

void SetSax::finishAnnotation() {
    ParsedAnnotation& p = current();
    if (!p.hasId) problems.push_back({annotationPath(), "missing \"id\""});
    if (!p.hasLabel) problems.push_back({annotationPath(), "missing \"label\""});
    if (!p.hasSpans) problems.push_back({annotationPath(), "missing \"spans\""});
}

}  // namespace claimmark::set_reading
