// schema_reuse.h — parseSet's shortcut for the schema every set file carries. Private to
// this folder (set_reader.cpp, set_sax.cpp, set_writer.cpp).
//
// The sets of a project nearly always carry the same schema, and claimmark writes it the
// same way every time (writtenSchemaText). Reading it again for each of 4,000 files is
// 40% of reading a project, so each reading thread remembers the last few schemas it read:
//
// [SECTION] Known schemas
//   An entry holds a schema, the exact text the writer gives it and the JSON that text
//   parses to. findKnownSchema() looks for an entry's text as the value of a "schema" key in
//   a file; rememberSchema() adds an entry after a file's schema was read the long way.
//   knownSchemaFor() finds an entry whose JSON equals a captured value exactly (types too:
//   1 is not 1.0), so a hand-formatted copy of a known schema is not interpreted again.
// [SECTION] Splicing
//   When an entry's text is found at [begin, end), the parser reads the file through
//   SplicedInput, which yields "{}" in place of those bytes: the schema is not lexed. The
//   SAX handler confirms that the "{}" it was given is the top-level "schema" value (the
//   splice is in phase 1 exactly while those two characters are read); if it is not, or the
//   file has any problem at all, the file is parsed again without the splice, so messages
//   and their line/column places are the ordinary ones.
#pragma once

#include "core/model/schema.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace claimmark::set_reading {

// --- [SECTION] Known schemas -------------------------------------------------------------

struct KnownSchema {
    std::string text;     // writtenSchemaText(schema)
    nlohmann::json json;  // text, parsed
    Schema schema;        // json, read by schemaFromJson
};

// The schema value as serializeSet writes it after `"schema": ` (indented for that place).
std::string writtenSchemaText(const Schema& schema);

struct SchemaMatch {
    std::size_t begin = 0, end = 0;  // the schema value's bytes in the file
    std::shared_ptr<const KnownSchema> known;
};
// The first entry whose text follows `"schema"`, optional white space, `:` and optional
// white space in `text`; none when no entry is there.
std::optional<SchemaMatch> findKnownSchema(std::string_view text);
// The entry whose JSON is exactly `value` (no number-type conversions), if any.
std::shared_ptr<const KnownSchema> knownSchemaFor(const nlohmann::json& value);
// Remembers `schema` (read from a file) on this thread; the oldest of a few entries goes.
void rememberSchema(const Schema& schema);
// Forgets every schema this thread remembers (the set-reader fuzzer compares both ways).
void forgetSchemas();

// How many files this thread read with a splice (for tests and benchmarks).
std::size_t schemaSplicesTaken();
void countSpliceTaken();

// Two values equal in type and content at every level (nlohmann's == calls 1 and 1.0 equal).
bool sameJson(const nlohmann::json& a, const nlohmann::json& b);

// --- [SECTION] Splicing ------------------------------------------------------------------

struct SpliceState {
    const char* spliceAt = nullptr;  // first byte replaced
    const char* resumeAt = nullptr;  // first byte after the replaced ones
    const char* next = nullptr;      // where the iterator jumps next (nullptr: no more jumps)
    int phase = 0;                   // 0 before, 1 while "{}" is read, 2 after
    static constexpr char kStandIn[] = "{}";

    void jump(const char*& p) {
        if (phase == 0) {
            p = kStandIn;
            next = kStandIn + 2;
            phase = 1;
        } else {
            p = resumeAt;
            next = nullptr;
            phase = 2;
        }
    }
};

// A forward iterator over the file with [spliceAt, resumeAt) read as "{}".
class SplicedInput {
public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    SplicedInput() = default;
    // `p` is never the splice itself: a "schema" key comes before it.
    SplicedInput(const char* p, SpliceState* state) : m_p(p), m_state(state) {}
    reference operator*() const { return *m_p; }
    SplicedInput& operator++() {
        if (++m_p == m_state->next) m_state->jump(m_p);
        return *this;
    }
    SplicedInput operator++(int) {
        SplicedInput before = *this;
        ++*this;
        return before;
    }
    bool operator==(const SplicedInput& other) const { return m_p == other.m_p; }

private:
    const char* m_p = nullptr;
    SpliceState* m_state = nullptr;
};

}  // namespace claimmark::set_reading
