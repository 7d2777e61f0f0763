// schema_reuse.cpp — the schemas a reading thread remembers (schema_reuse.h).
#include "core/storage/schema_reuse.h"

#include <array>
#include <cstring>

namespace claimmark::set_reading {

namespace {

constexpr std::size_t kRemembered = 4;

struct RememberedSchemas {
    std::array<std::shared_ptr<const KnownSchema>, kRemembered> entries;
    std::size_t next = 0;  // the slot the next entry takes
};

thread_local std::size_t splicesTaken = 0;

RememberedSchemas& remembered() {
    thread_local RememberedSchemas schemas;
    return schemas;
}

bool isJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::size_t schemaSplicesTaken() { return splicesTaken; }
void countSpliceTaken() { ++splicesTaken; }

bool sameJson(const nlohmann::json& a, const nlohmann::json& b) {
    if (a.type() != b.type()) return false;
    if (a.is_object()) {
        if (a.size() != b.size()) return false;
        for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib)  // both sorted by key
            if (ia.key() != ib.key() || !sameJson(ia.value(), ib.value())) return false;
        return true;
    }
    if (a.is_array()) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!sameJson(a[i], b[i])) return false;
        return true;
    }
    return a == b;  // same scalar type: plain comparison
}

std::optional<SchemaMatch> findKnownSchema(std::string_view text) {
    const RememberedSchemas& schemas = remembered();
    bool any = false;
    for (const auto& entry : schemas.entries) any |= entry != nullptr;
    if (!any) return std::nullopt;
    constexpr std::string_view key = "\"schema\"";
    for (std::size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
        std::size_t p = at + key.size();
        while (p < text.size() && isJsonSpace(text[p])) ++p;
        if (p >= text.size() || text[p] != ':') continue;
        ++p;
        while (p < text.size() && isJsonSpace(text[p])) ++p;
        const std::string_view rest = text.substr(p);
        for (const auto& entry : schemas.entries)
            if (entry && rest.size() > entry->text.size() && rest.starts_with(entry->text))
                return SchemaMatch{p, p + entry->text.size(), entry};
    }
    return std::nullopt;
}

std::shared_ptr<const KnownSchema> knownSchemaFor(const nlohmann::json& value) {
    for (const auto& entry : remembered().entries)
        if (entry && sameJson(entry->json, value)) return entry;
    return nullptr;
}

void forgetSchemas() { remembered() = RememberedSchemas{}; }

void rememberSchema(const Schema& schema) {
    // The entry is what the writer's text reads back as, so a match is exactly equivalent
    // to reading those bytes; a schema that does not read back the same is not remembered.
    auto entry = std::make_shared<KnownSchema>();
    entry->text = writtenSchemaText(schema);
    nlohmann::json parsed = nlohmann::json::parse(entry->text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) return;
    Result<Schema> reread = schemaFromJson(parsed, "", "schema.");
    if (!reread) return;
    entry->json = std::move(parsed);
    entry->schema = std::move(*reread);
    RememberedSchemas& schemas = remembered();
    schemas.entries[schemas.next] = std::move(entry);
    schemas.next = (schemas.next + 1) % kRemembered;
}

}  // namespace claimmark::set_reading
