// labelstudio_format.h — what the Label Studio and doccano exports and imports share: the
// names of claimmark's own keys in those files, Label Studio control names and the labeling
// config generated from a schema, offset reading on import, and document stems.
//
// [SECTION] Keys       claimmark-specific keys, kept by both tools as task data / meta
// [SECTION] Label Studio  control names (one per label attribute) and the labeling config
// [SECTION] Import helpers  JSON parsing with line/column, ids, offsets in a unit, stems,
//                           reading every input file
#pragma once

#include "core/exchange/exchange.h"
#include "core/model/schema.h"
#include "core/storage/json_input.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace claimmark {

// --- [SECTION] Keys -----------------------------------------------------------------------

// Label Studio task data (shown as data columns there, ignored by its labeling view).
inline constexpr const char* kLsDocumentKey = "claimmark_document";  // the stem
inline constexpr const char* kLsSha256Key = "claimmark_sha256";
inline constexpr const char* kLsOffsetsKey = "claimmark_offsets";  // "codepoint" | "utf16" | "byte"
// On an annotation (the result list of one annotator): its claimmark annotator. Label
// Studio's own `completed_by` must name an existing Label Studio user, so it is left out.
inline constexpr const char* kLsAnnotatorKey = "claimmark_annotator";
// On each region of a discontinuous annotation: the claimmark id the fragments share.
inline constexpr const char* kLsGroupKey = "claimmark_annotation";
// The note's per-region TextArea control.
inline constexpr const char* kLsNoteControl = "note";
// Relations without a label in Label Studio become this type.
inline constexpr const char* kLsUnlabelledRelation = "related";
// On a region of a pending suggestion (--as predictions): its status and its rule.
inline constexpr const char* kLsStatusKey = "claimmark_status";
inline constexpr const char* kLsRuleKey = "claimmark_rule";
// A prediction's model_version; predictions with it are read back as the set they came from.
inline constexpr const char* kLsPredictionModel = "claimmark suggest";
// The labeling config, written beside the task file.
inline constexpr const char* kLsConfigFileName = "label_config.xml";

// doccano keeps unknown keys of an imported line as the example's metadata; everything
// claimmark adds lives under this one key: {"document", "sha256", "offsets", "annotator",
// "annotations": [{"id", "entities": [entity ids], "attributes"?, "note"?}]}.
inline constexpr const char* kDoccanoExtraKey = "claimmark";

// --- [SECTION] Label Studio ---------------------------------------------------------------

// The per-region control carrying `attribute` of `label`: "claim_strength".
std::string labelStudioControlName(std::string_view label, std::string_view attribute);
// The attribute a control name stands for, given the region's label: "claim_strength" with
// label "claim" -> "strength"; a name without the label prefix is taken as is.
std::string attributeFromControlName(std::string_view controlName, std::string_view label);
// Labels (with their attributes) and relation types of several schemas, by name, in the
// order first seen; a label's attributes are the union of its definitions (the first
// definition of each attribute wins).
Schema mergeSchemas(const std::vector<const Schema*>& schemas);
// The <View> labeling config for a project that shows `schema`'s labels, relations,
// attributes (per-region controls shown when a region of that label is selected) and a note.
std::string labelStudioConfig(const Schema& schema);

// --- [SECTION] Import helpers -------------------------------------------------------------

// A whole input file read and parsed as one JSON value under the limits (json_input.h); the
// problems name the file.
Result<nlohmann::json> readJsonFile(const std::filesystem::path& input);
// An id written as a string or an integer, as text; empty for any other JSON value.
std::string jsonIdText(const nlohmann::json& value);
// The offset unit a file states ("codepoint", "utf16" or "byte"); empty optional and `error`
// set ("unknown offset unit ...") for anything else.
std::optional<OffsetUnit> readStatedOffsetUnit(const nlohmann::json& value, std::string& error);
// `value` as an offset in `unit`, turned into a code point of `document`. Empty optional
// and `error` set when it is not a non-negative integer, is past the end, or falls inside a
// character (a surrogate pair or a UTF-8 sequence).
std::optional<std::size_t> readOffset(const Document& document, const nlohmann::json& value, OffsetUnit unit,
                                      std::string& error);
// "UTF-16 code units" / "code points" / "bytes", for messages.
const char* offsetUnitPlural(OffsetUnit unit);
// A file-name-safe version of `name` (path separators, control and reserved characters
// replaced by '-'); "document" when nothing is left.
std::string safeStem(std::string_view name);
// `base` made safe and unused in `used` (adding "-2", "-3", ...); the result is recorded.
std::string uniqueStem(std::string_view base, std::set<std::string>& used);
// Appends `items` to `out`, leaving out those already there (notices repeat per document).
void appendUnique(std::vector<std::string>& out, const std::vector<std::string>& items);


// Reads one input file: adds its documents (stems kept unique in `stems`) to `output` and
// what is wrong with it to `problems`.
using ImportFileReader = std::function<void(const std::filesystem::path& input, const ImportOptions& options,
                                            std::set<std::string>& stems, ImportOutput& output, Diagnostics& problems)>;
// Every input read with `readFile`. Problems fail the import, unless lenient and something
// was read: then they are output.skipped.
Result<ImportOutput> importEachFile(const std::vector<std::filesystem::path>& inputs, const ImportOptions& options,
                                    const ImportFileReader& readFile);

}  // namespace claimmark
