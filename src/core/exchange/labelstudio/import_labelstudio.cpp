// import_labelstudio.cpp — Label Studio JSON export (a task list) -> one set per annotation.
//
// [SECTION] Input
//   A JSON array of tasks (or a single task object). The text is data.text (or, when the
//   project named it otherwise, the task's only string field). Each entry of
//   annotations[] (one per Label Studio annotator) becomes its own document, annotated by
//   `completed_by` (an email, an object with "email", or a user number "user-<n>"), else
//   claimmark's "claimmark_annotator", else "imported". predictions[] are not imported
//   (said in a notice): they are a model's guesses, not anyone's annotations — except those
//   claimmark wrote (model_version "claimmark suggest", export --as predictions), read as
//   the set they came from, regions with "claimmark_status": "suggested" as pending
//   suggestions with their rule.
// [SECTION] Results
//   "labels" results are regions: value.start/end (code points, or data.claimmark_offsets),
//   checked against value.text. Regions that share "claimmark_annotation" are the fragments
//   of one discontinuous annotation. Other results with a region's id are per-region
//   attributes: "choices", "number", "rating", "textarea" (the "note" control is the note;
//   a region's meta.text is taken as its note too). "relation" results link regions
//   (direction "left" reversed; no label -> type "related"). Results of other kinds, or
//   without a region, are listed in a notice as not imported.
// [SECTION] Offsets of older versions
//   Label Studio counted UTF-16 units before 2022. When a file does not state its unit and
//   a region's offsets only match value.text as UTF-16 units, they are read so and a
//   notice says how many.
#include "core/exchange/exchange_formats.h"

#include "core/exchange/import_support.h"
#include "core/exchange/labelstudio/labelstudio_format.h"

#include <map>
#include <set>

namespace claimmark {

namespace {

using nlohmann::json;

bool looksLikeClaimmarkId(const std::string& id) {
    if (id.size() < 2 || id[0] != 'a') return false;
    for (std::size_t i = 1; i < id.size(); ++i)
        if (id[i] < '0' || id[i] > '9') return false;
    return true;
}

// One annotation to be added: from a region (or the fragments of a discontinuous one).
struct Planned {
    std::string label;
    std::vector<Span> spans;
    Attributes attributes;
    std::string note;
    std::string idHint;
    std::string path;
    std::string rule;        // a pending suggestion's rule (claimmark_rule)
    bool suggested = false;  // claimmark_status "suggested" (--as predictions)
    std::string addedId;     // after adding
};

// Imports one annotation (one annotator's result list) of one task.
class AnnotationReader {
public:
    AnnotationReader(ImportBuilder& builder, std::string file, OffsetUnit unit, bool mayFallBack, Diagnostics& problems,
                     std::vector<std::string>& notices)
        : m_builder(builder),
          m_file(std::move(file)),
          m_unit(unit),
          m_mayFallBack(mayFallBack),
          m_problems(problems),
          m_notices(notices) {}

    void read(const json& results, const std::string& path) {
        if (!results.is_array()) {
            problem(path, "expected an array of results");
            return;
        }
        std::vector<std::size_t> perRegion, relations;
        for (std::size_t k = 0; k < results.size(); ++k) {
            const json& result = results[k];
            const std::string at = path + "[" + std::to_string(k) + "]";
            if (!result.is_object() || !result.contains("type") || !result["type"].is_string()) {
                problem(at, "expected a result object with a \"type\"");
                continue;
            }
            const std::string type = result["type"].get<std::string>();
            if (type == "labels") readRegion(result, at);
            else if (type == "relation") relations.push_back(k);
            else if (result.contains("id")) perRegion.push_back(k);
            else notice(at, "a \"" + type + "\" result that belongs to no region is not imported");
        }
        groupFragments();
        for (std::size_t k : perRegion) readPerRegion(results[k], path + "[" + std::to_string(k) + "]");
        addAnnotations();
        for (std::size_t k : relations) readRelation(results[k], path + "[" + std::to_string(k) + "]");
        if (m_fallbacks > 0)
            m_notices.push_back(m_file + ": " + path + ": " + std::to_string(m_fallbacks) +
                                " region(s) matched their text only as UTF-16 offsets (older Label Studio "
                                "versions counted those) and were read so");
    }

private:
    struct Region {
        std::string label;
        std::vector<std::string> moreLabels;
        Span span;
        std::string group;
        std::string note;  // from meta.text
        std::string path;
        std::string rule;
        bool suggested = false;
    };

    ImportBuilder& m_builder;
    std::string m_file;
    OffsetUnit m_unit;
    bool m_mayFallBack;
    Diagnostics& m_problems;
    std::vector<std::string>& m_notices;
    std::size_t m_fallbacks = 0;

    std::map<std::string, Region> m_regions;  // by region id
    std::vector<std::string> m_regionOrder;
    std::set<std::string> m_badRegions;  // ids of regions left out
    std::set<std::string> m_badGroups;   // discontinuous annotations with a fragment left out
    std::vector<Planned> m_planned;
    std::map<std::string, std::vector<std::size_t>> m_plannedOf;  // region id -> planned

    void problem(const std::string& at, const std::string& message) { m_problems.push_back({m_file, at, message}); }
    void notice(const std::string& at, const std::string& message) {
        m_notices.push_back(m_file + ": " + at + ": " + message);
    }

    // Reads start/end in `unit`; an empty string when they fit the text and `stated`.
    std::string spanIn(const json& value, OffsetUnit unit, const std::string* stated, Span& span,
                       std::string& key) const {
        std::string error;
        key = "start";
        std::optional<std::size_t> start = readOffset(m_builder.document(), value["start"], unit, error);
        if (!start) return error;
        key = "end";
        std::optional<std::size_t> end = readOffset(m_builder.document(), value["end"], unit, error);
        if (!end) return error;
        key.clear();
        std::vector<Span> spans{{*start, *end}};
        error = m_builder.checkSpans(spans, stated);
        span = spans.front();
        return error;
    }

    void readRegion(const json& result, const std::string& at) {
        const std::string id = result.contains("id") ? jsonIdText(result["id"]) : std::string();
        const std::string group = result.contains(kLsGroupKey) ? jsonIdText(result[kLsGroupKey]) : std::string();
        auto bad = [&](const std::string& where, const std::string& message) {
            problem(where, message);
            if (!id.empty()) m_badRegions.insert(id);
            if (!group.empty()) m_badGroups.insert(group);
        };
        if (id.empty()) return bad(at + ".id", "a region needs a string id");
        if (m_regions.count(id) || m_badRegions.count(id))
            return bad(at + ".id", "region id \"" + id + "\" is used twice");
        const json* value = result.contains("value") ? &result["value"] : nullptr;
        if (!value || !value->is_object()) return bad(at + ".value", "expected an object with start, end and labels");
        for (const char* key : {"start", "end"})
            if (!value->contains(key)) return bad(at + ".value", std::string("missing \"") + key + "\"");
        const json* labels = value->contains("labels") ? &(*value)["labels"] : nullptr;
        if (!labels || !labels->is_array() || labels->empty())
            return bad(at + ".value.labels", "expected a non-empty array of labels");
        for (const json& label : *labels)
            if (!label.is_string() || label.get<std::string>().empty())
                return bad(at + ".value.labels", "a label must be a non-empty string, got " + label.dump());
        std::optional<std::string> stated;
        if (value->contains("text")) {
            if (!(*value)["text"].is_string()) return bad(at + ".value.text", "expected a string");
            stated = (*value)["text"].get<std::string>();
        }

        Region region;
        std::string key;
        std::string error = spanIn(*value, m_unit, stated ? &*stated : nullptr, region.span, key);
        if (!error.empty() && m_mayFallBack && stated) {
            Span utf16Span;
            std::string utf16Key;
            if (spanIn(*value, OffsetUnit::Utf16, &*stated, utf16Span, utf16Key).empty()) {
                error.clear();
                region.span = utf16Span;
                ++m_fallbacks;
            }
        }
        if (!error.empty()) return bad(at + ".value" + (key.empty() ? "" : "." + key), error);

        region.label = (*labels)[0].get<std::string>();
        for (std::size_t i = 1; i < labels->size(); ++i) region.moreLabels.push_back((*labels)[i].get<std::string>());
        region.group = group;
        if (result.contains("meta") && result["meta"].is_object() && result["meta"].contains("text")) {
            const json& meta = result["meta"]["text"];
            if (meta.is_string()) region.note = meta.get<std::string>();
            else if (meta.is_array())
                for (const json& line : meta)
                    if (line.is_string()) region.note += (region.note.empty() ? "" : "\n") + line.get<std::string>();
        }
        region.path = at;
        if (result.contains(kLsStatusKey) && result[kLsStatusKey] == kSuggestedStatus) {
            region.suggested = true;
            if (result.contains(kLsRuleKey) && result[kLsRuleKey].is_string())
                region.rule = result[kLsRuleKey].get<std::string>();
        }
        m_regions.emplace(id, std::move(region));
        m_regionOrder.push_back(id);
    }

    // One planned annotation per region, or per group of fragments, and per extra label.
    void groupFragments() {
        // Fragments must agree on the label; otherwise the whole annotation is left out.
        std::map<std::string, std::string> groupLabel;
        for (const std::string& id : m_regionOrder) {
            const Region& region = m_regions.at(id);
            if (region.group.empty()) continue;
            auto [it, first] = groupLabel.emplace(region.group, region.label);
            if (!first && it->second != region.label && m_badGroups.insert(region.group).second)
                problem(region.path + ".value.labels", "fragment of \"" + region.group + "\" is labelled \"" +
                                                           region.label + "\", another fragment \"" + it->second +
                                                           "\"");
        }
        std::map<std::string, std::size_t> groupPlan;
        for (const std::string& id : m_regionOrder) {
            const Region& region = m_regions.at(id);
            if (m_badGroups.count(region.group)) {
                problem(region.path,
                        "fragment left out: the annotation \"" + region.group + "\" it belongs to was left out");
                m_badRegions.insert(id);
                continue;
            }
            if (!region.group.empty()) {
                auto found = groupPlan.find(region.group);
                if (found != groupPlan.end()) {
                    m_planned[found->second].spans.push_back(region.span);
                    m_plannedOf[id].push_back(found->second);
                    continue;
                }
            }
            Planned planned;
            planned.label = region.label;
            planned.spans = {region.span};
            planned.note = region.note;
            planned.idHint = !region.group.empty() ? region.group : id;
            planned.path = region.path;
            planned.suggested = region.suggested;
            planned.rule = region.rule;
            if (!region.group.empty()) groupPlan[region.group] = m_planned.size();
            m_plannedOf[id].push_back(m_planned.size());
            m_planned.push_back(std::move(planned));
            for (const std::string& label : region.moreLabels) {
                Planned extra = m_planned.back();
                extra.label = label;
                extra.idHint.clear();
                m_plannedOf[id].push_back(m_planned.size());
                m_planned.push_back(std::move(extra));
            }
        }
    }

    void readPerRegion(const json& result, const std::string& at) {
        const std::string id = jsonIdText(result["id"]);
        const std::string type = result["type"].get<std::string>();
        if (m_badRegions.count(id)) return;  // its region is already reported
        auto found = m_plannedOf.find(id);
        if (found == m_plannedOf.end()) {
            problem(at + ".id", "a \"" + type + "\" result for region \"" + id + "\", which has no \"labels\" result");
            return;
        }
        const std::string control = result.contains("from_name") ? jsonIdText(result["from_name"]) : std::string();
        const json* value = result.contains("value") && result["value"].is_object() ? &result["value"] : nullptr;
        if (control.empty() || !value) {
            problem(at, "a per-region result needs \"from_name\" and a \"value\" object");
            return;
        }
        json attributeValue;
        std::string valuePath = at + ".value";
        if (type == "choices") {
            const json* choices = value->contains("choices") ? &(*value)["choices"] : nullptr;
            valuePath += ".choices";
            if (!choices || !choices->is_array() || choices->size() != 1 || !(*choices)[0].is_string()) {
                problem(valuePath, "expected exactly one choice (claimmark attributes hold one value)");
                return;
            }
            attributeValue = (*choices)[0];
        } else if (type == "number" || type == "rating") {
            valuePath += "." + type;
            const json* number = value->contains(type) ? &(*value)[type] : nullptr;
            if (number && number->is_number_float() && *number == json(number->get<std::int64_t>()))
                attributeValue = number->get<std::int64_t>();
            else if (number && number->is_number_integer()) attributeValue = *number;
            else {
                problem(valuePath, "expected an integer");
                return;
            }
        } else if (type == "textarea") {
            valuePath += ".text";
            const json* text = value->contains("text") ? &(*value)["text"] : nullptr;
            std::string joined;
            if (text && text->is_string()) joined = text->get<std::string>();
            else if (text && text->is_array()) {
                for (const json& line : *text) {
                    if (!line.is_string()) {
                        problem(valuePath, "expected strings");
                        return;
                    }
                    joined += (joined.empty() ? "" : "\n") + line.get<std::string>();
                }
            } else {
                problem(valuePath, "expected a string or an array of strings");
                return;
            }
            if (control == kLsNoteControl) {
                for (std::size_t index : found->second) m_planned[index].note = joined;
                return;
            }
            attributeValue = joined;
        } else {
            notice(at, "a per-region \"" + type + "\" result is not imported (claimmark has no such attribute kind)");
            return;
        }
        for (std::size_t index : found->second) {
            Planned& planned = m_planned[index];
            m_builder.ensureLabel(planned.label);
            const std::string name = attributeFromControlName(control, planned.label);
            AttributeValue converted;
            const std::string error = m_builder.ensureAttribute(planned.label, name, attributeValue, converted);
            if (!error.empty()) problem(valuePath, error);
            else planned.attributes[name] = std::move(converted);
        }
    }

    void addAnnotations() {
        for (Planned& planned : m_planned) {
            std::string problemText = m_builder.checkSpans(planned.spans, nullptr);  // fragments may overlap
            if (problemText.empty()) {
                m_builder.ensureLabel(planned.label);
                planned.addedId =
                    m_builder.addAnnotation(planned.label, planned.spans, planned.attributes, planned.note, problemText,
                                            looksLikeClaimmarkId(planned.idHint) ? planned.idHint : "");
                if (!planned.addedId.empty() && planned.suggested) markSuggested(planned);
            }
            if (!problemText.empty()) problem(planned.path, problemText);
        }
    }

    // A pending suggestion written by --as predictions comes back as one.
    void markSuggested(const Planned& planned) {
        Annotation a = *m_builder.set().findAnnotation(planned.addedId);
        a.status = kSuggestedStatus;
        a.origin = "suggested";
        a.rule = planned.rule;
        m_builder.set().replaceAnnotation(std::move(a));
    }

    // The claimmark id a relation end names; empty and a problem when there is none.
    std::string endOf(const json& result, const char* key, const std::string& at, bool& skippedEnd) {
        const std::string id = result.contains(key) ? jsonIdText(result[key]) : std::string();
        if (id.empty()) {
            problem(at + "." + key, "expected a region id");
            return {};
        }
        if (m_badRegions.count(id)) {
            skippedEnd = true;
            return {};
        }
        auto found = m_plannedOf.find(id);
        if (found == m_plannedOf.end()) {
            problem(at + "." + key, "names no region: \"" + id + "\"");
            return {};
        }
        const std::string& added = m_planned[found->second.front()].addedId;
        if (added.empty()) skippedEnd = true;
        return added;
    }

    void readRelation(const json& result, const std::string& at) {
        bool skippedEnd = false;
        std::string from = endOf(result, "from_id", at, skippedEnd);
        std::string to = endOf(result, "to_id", at, skippedEnd);
        if (skippedEnd) {
            problem(at, "relation left out: an annotation it links was left out");
            return;
        }
        if (from.empty() || to.empty()) return;
        const std::string direction = result.contains("direction") ? jsonIdText(result["direction"]) : "right";
        if (direction == "left") std::swap(from, to);
        else if (direction == "bi") notice(at, "a two-way relation is imported in its from -> to direction");
        std::vector<std::string> types;
        if (result.contains("labels") && result["labels"].is_array())
            for (const json& label : result["labels"])
                if (label.is_string() && !label.get<std::string>().empty()) types.push_back(label.get<std::string>());
        if (types.empty()) {
            types.push_back(kLsUnlabelledRelation);
            notice(at, std::string("a relation without a label is imported as \"") + kLsUnlabelledRelation + "\"");
        }
        const Annotation* fromAnnotation = m_builder.set().findAnnotation(from);
        const Annotation* toAnnotation = m_builder.set().findAnnotation(to);
        const std::string fromLabel = fromAnnotation->label, toLabel = toAnnotation->label;
        for (const std::string& type : types) {
            m_builder.ensureRelation(type, fromLabel, toLabel);
            std::string error;
            if (m_builder.addRelation(type, from, to, error).empty()) problem(at, error);
        }
    }
};

std::string annotatorOf(const json& annotation, const ImportOptions& options) {
    if (!options.annotator.empty()) return options.annotator;
    if (annotation.contains("completed_by")) {
        const json& by = annotation["completed_by"];
        if (by.is_string() && !by.get<std::string>().empty()) return by.get<std::string>();
        if (by.is_object() && by.contains("email") && by["email"].is_string()) return by["email"].get<std::string>();
        if (by.is_object() && by.contains("id")) return "user-" + jsonIdText(by["id"]);
        if (by.is_number_integer()) return "user-" + jsonIdText(by);
    }
    if (annotation.contains(kLsAnnotatorKey) && annotation[kLsAnnotatorKey].is_string() &&
        !annotation[kLsAnnotatorKey].get<std::string>().empty())
        return annotation[kLsAnnotatorKey].get<std::string>();
    return "imported";
}

// The task's text: data.text, else its only string field.
const json* taskText(const json& data) {
    if (!data.is_object()) return nullptr;
    if (data.contains("text")) return data["text"].is_string() ? &data["text"] : nullptr;
    const json* only = nullptr;
    for (const auto& [key, value] : data.items()) {
        if (key.rfind("claimmark_", 0) == 0 || !value.is_string()) continue;
        if (only) return nullptr;
        only = &value;
    }
    return only;
}

void readFile(const std::filesystem::path& input, const ImportOptions& options, std::set<std::string>& stems,
              ImportOutput& output, Diagnostics& problems) {
    const std::string file = input.string();
    Result<json> parsed = readJsonFile(input);
    if (!parsed) {
        problems.insert(problems.end(), parsed.errors().begin(), parsed.errors().end());
        return;
    }
    json tasks = std::move(*parsed);
    if (tasks.is_object()) tasks = json::array({std::move(tasks)});
    if (!tasks.is_array()) {
        problems.push_back({file, "", "expected a JSON array of Label Studio tasks"});
        return;
    }
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        const json& task = tasks[i];
        const std::string at = "[" + std::to_string(i) + "]";
        if (!task.is_object() || !task.contains("data")) {
            problems.push_back({file, at, "expected a task object with \"data\""});
            continue;
        }
        const json& data = task["data"];
        const json* text = taskText(data);
        if (!text) {
            problems.push_back({file, at + ".data.text", "expected the task's text as a string"});
            continue;
        }
        OffsetUnit unit = OffsetUnit::CodePoint;
        bool stated = false;
        if (data.contains(kLsOffsetsKey)) {
            std::string error;
            std::optional<OffsetUnit> named = readStatedOffsetUnit(data[kLsOffsetsKey], error);
            if (!named) {
                problems.push_back({file, at + ".data." + kLsOffsetsKey, error});
                continue;
            }
            unit = *named;
            stated = true;
        }
        std::string base = data.contains(kLsDocumentKey) && data[kLsDocumentKey].is_string()
                               ? data[kLsDocumentKey].get<std::string>()
                               : "task-" + (task.contains("id") ? jsonIdText(task["id"]) : std::to_string(i + 1));
        // What becomes a set: each annotation not cancelled, and each prediction claimmark
        // wrote (--as predictions); other predictions are a model's guesses, not imported.
        struct Entry {
            const json* annotation;
            std::string path;
        };
        std::vector<Entry> entries;
        const json empty = json::array();
        const json& annotations = task.contains("annotations") ? task["annotations"] : empty;
        if (!annotations.is_array()) {
            problems.push_back({file, at + ".annotations", "expected an array"});
            continue;
        }
        for (std::size_t j = 0; j < annotations.size(); ++j) {
            const json& a = annotations[j];
            const std::string path = at + ".annotations[" + std::to_string(j) + "]";
            if (a.is_object() && a.contains("was_cancelled") && a["was_cancelled"] == true) {
                output.notices.push_back(file + ": " + path + ": a cancelled (skipped) annotation is not imported");
                continue;
            }
            entries.push_back({&a, path});
        }
        std::size_t otherPredictions = 0;
        if (task.contains("predictions") && task["predictions"].is_array())
            for (std::size_t j = 0; j < task["predictions"].size(); ++j) {
                const json& p = task["predictions"][j];
                if (p.is_object() && p.contains("model_version") && p["model_version"] == kLsPredictionModel)
                    entries.push_back({&p, at + ".predictions[" + std::to_string(j) + "]"});
                else ++otherPredictions;
            }
        if (otherPredictions > 0)
            output.notices.push_back(file + ": " + at + ".predictions: " + std::to_string(otherPredictions) +
                                     " prediction(s) of another model not imported (only annotations are)");
        // A task nobody annotated still brings its text.
        static const json kNoAnnotation = json::object();
        const bool none = entries.empty();
        if (none) entries.push_back({&kNoAnnotation, at + ".annotations[0]"});
        for (const Entry& entry : entries) {
            const std::string& annotationAt = entry.path;
            const json& annotation = *entry.annotation;
            if (!annotation.is_object()) {
                problems.push_back({file, annotationAt, "expected an annotation object"});
                continue;
            }
            const std::string annotator = annotatorOf(annotation, options);
            const std::string stem = uniqueStem(entries.size() > 1 ? base + "-" + annotator : base, stems);
            Result<ImportBuilder> builder = ImportBuilder::create(text->get<std::string>(), stem, file, options);
            if (!builder) {
                for (Diagnostic d : builder.errors())
                    problems.push_back(
                        {file, at + ".data.text" + (d.location.empty() ? "" : ", " + d.location), d.message});
                break;
            }
            builder->set().annotator = annotator;
            if (!none) {
                AnnotationReader reader(*builder, file, unit, !stated, problems, output.notices);
                reader.read(annotation.contains("result") ? annotation["result"] : json::array(),
                            annotationAt + ".result");
            }
            appendUnique(output.notices, builder->notices());
            output.documents.push_back(std::move(*builder).finish());
        }
    }
}

}  // namespace

Result<ImportOutput> importLabelStudio(const std::vector<std::filesystem::path>& inputs, const ImportOptions& options) {
    return importEachFile(inputs, options, readFile);
}

}  // namespace claimmark
