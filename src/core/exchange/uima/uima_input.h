// uima_input.h — one UIMA CAS JSON file's frame, read before any annotation is: the header,
// the feature structures indexed by %ID, the text sofas, the views, and the attribute names
// the type system gives claimmark's span features. Private to import_uima_json.cpp.
//
// [SECTION] How it is read
//   With a SAX parser, not into one JSON tree: a CAS of 100,000 annotations is 50 MB, and a
//   tree of it costs several times that and most of the import's time. Each feature
//   structure becomes a FeatureStructure — its %ID, %TYPE and a short list of its other
//   members (scalars as they are, the rare arrays and objects captured whole); %HEADER,
//   %TYPES and %VIEWS are small and kept as JSON values.
// [SECTION] What is checked here
//   The top level is an object with "%FEATURE_STRUCTURES" (an array, or an object keyed by
//   %ID as DKPro Cassis also reads). "%HEADER", when present: "%VERSION" must be of the 0.x
//   drafts (0.4.0 is the one INCEpTION writes), "%OFFSET_ENCODING" UTF-16 (the default),
//   UTF-8 or UTF-32. Each feature structure needs a positive integer "%ID" used once and a
//   "%TYPE"; a "uima.cas.Sofa" with a "sofaString" is a text; "%VIEWS" members and sofas must
//   name feature structures. What makes the whole file unreadable (invalid JSON included,
//   with its line and column) is the Result's error; what is wrong with one feature
//   structure goes to `problems` and that one is left out.
#pragma once

#include "core/diagnostic.h"
#include "core/exchange/exchange.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace claimmark::uima {

// One member of a feature structure besides %ID and %TYPE.
struct Feature {
    std::string name;
    nlohmann::json value;
};

struct FeatureStructure {
    std::size_t index = 0;              // its place in the %FEATURE_STRUCTURES array
    std::string key;                    // or, in the object form, its key
    const std::string* type = nullptr;  // interned in CasInput::typeNames
    std::int64_t id = 0;
    std::vector<Feature> features;  // in file order

    // The member `name`, or a JSON null when it has none.
    const nlohmann::json& member(std::string_view name) const;
    // Its JSON path: "%FEATURE_STRUCTURES[12]" (or "%FEATURE_STRUCTURES.<key>").
    std::string path() const;
};

struct TextSofa {
    std::int64_t id = 0;
    std::string viewName;  // sofaID
    const std::string* text = nullptr;
};

struct CasInput {
    OffsetUnit unit = OffsetUnit::Utf16;
    std::vector<FeatureStructure> structures;  // in file order; those with a usable %ID and %TYPE
    std::unordered_map<std::int64_t, std::size_t> byId;
    std::unordered_set<std::string> typeNames;  // FeatureStructure::type points here
    std::vector<TextSofa> sofas;
    // Span feature name -> attribute name, from "%DESCRIPTION": "claimmark attribute: <name>".
    std::map<std::string, std::string> attributeNames;

    const FeatureStructure* find(std::int64_t id) const {
        auto it = byId.find(id);
        return it == byId.end() ? nullptr : &structures[it->second];
    }
};

// A reference (an %ID): a JSON integer from 1 up; empty otherwise.
std::optional<std::int64_t> readReference(const nlohmann::json& value);

// The member `key` of `object`, or a JSON null when it has none.
const nlohmann::json& member(const nlohmann::json& object, const char* key);

// `text` (the bytes of `file`) read as a CAS; problems name `file`.
Result<CasInput> readCasInput(std::string_view text, const std::string& file, Diagnostics& problems);

}  // namespace claimmark::uima
