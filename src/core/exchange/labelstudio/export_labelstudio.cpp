// export_labelstudio.cpp — Label Studio task list (JSON), one task per document.
//
// [SECTION] Layout
//   One result per line (diffable; Label Studio reads any layout):
//   [
//     {"id": 1, "data": {"text": ..., "claimmark_document": stem, "claimmark_sha256": ..., "claimmark_offsets": "codepoint"},
//      "annotations": [{"claimmark_annotator": "alice", "result": [
//       {"id":"a1","from_name":"label","to_name":"text","type":"labels","value":{"start":0,"end":8,"text":"The pill","labels":["claim"]}},
//       {"id":"a1","from_name":"claim_strength","to_name":"text","type":"number","value":{"start":0,"end":8,"text":"The pill","number":4}},
//       {"id":"a1","from_name":"note","to_name":"text","type":"textarea","value":{"start":0,"end":8,"text":["the note"]}},
//       {"from_id":"a2","to_id":"a1","type":"relation","direction":"right","labels":["hedges"]}
//     ]}]}
//   ]
//   Attributes are Label Studio's per-region results: the region's id, a control named
//   <label>_<attribute>: "choices" for enums and bools ("true"/"false"), "number" for
//   ordinals, "textarea" for text attributes and for the note (control "note"). Label
//   Studio writes a per-region TextArea's lines into value.text, so those entries carry no
//   covered text. `completed_by` is left out: Label Studio requires it to name one of its
//   users, and without it assigns the annotation to whoever imports the file.
// [SECTION] Offsets
//   Label Studio counts code points in value.start/end (its frontend switched from
//   JavaScript string indices, i.e. UTF-16 units, to code points in 2022: label-studio
//   issue #1347, frontend PR #308), so that is the default. Another --offsets unit is
//   written into data.claimmark_offsets, which the import reads.
// [SECTION] Discontinuous annotations
//   Label Studio text regions are contiguous: each fragment becomes its own region (ids
//   a3, a3~2, ...), all carrying "claimmark_annotation": "a3"; attributes, note and
//   relations hang on the first. The import joins them again.
// [SECTION] Predictions (--as predictions)
//   Each set becomes a prediction instead of a submitted annotation: "predictions":
//   [{"model_version": "claimmark suggest", "claimmark_annotator", "result": [...]}] and
//   no "annotations", so Label Studio shows the task as not yet labelled and offers the
//   prediction as the pre-annotation a reviewer corrects and submits. The set's pending
//   suggestions are in it (without --as predictions they are left out, or submitted with
//   --include-suggested); their regions carry "claimmark_status": "suggested" and the rule
//   that made them ("claimmark_rule"), which the import reads back.
// [SECTION] Labeling config
//   The project needs a labeling config that names the labels, relations and per-region
//   controls; it is written beside the tasks as label_config.xml (ExportReport::
//   besideFiles) and named in a notice. For the built-in claim-strength schema:
//
// <View>
//   <Labels name="label" toName="text">
//     <Label value="claim" background="#e69f00" hotkey="1"/>
//     <Label value="hedge" background="#56b4e9" hotkey="2"/>
//     <Label value="caveat" background="#cc79a7" hotkey="3"/>
//     <Label value="evidence" background="#009e73" hotkey="4"/>
//   </Labels>
//   <Text name="text" value="$text"/>
//   <Relations>
//     <Relation value="hedges"/>
//     <Relation value="qualifies"/>
//     <Relation value="supports"/>
//     <Relation value="contradicts"/>
//   </Relations>
//   <View visibleWhen="region-selected" whenLabelValue="claim">
//     <Header value="claim"/>
//     <Number name="claim_strength" toName="text" perRegion="true" visibleWhen="region-selected" whenLabelValue="claim" min="1" max="5"/>
//     <Choices name="claim_checkworthy" toName="text" perRegion="true" visibleWhen="region-selected" whenLabelValue="claim" choice="single" showInline="true">
//       <Choice value="true"/>
//       <Choice value="false"/>
//     </Choices>
//     <Choices name="claim_verdict" toName="text" perRegion="true" visibleWhen="region-selected" whenLabelValue="claim" choice="single" showInline="true">
//       <Choice value="unrated"/>
//       <Choice value="accurate"/>
//       <Choice value="mostly-accurate"/>
//       <Choice value="mixed"/>
//       <Choice value="misleading"/>
//       <Choice value="false"/>
//       <Choice value="unsupported"/>
//     </Choices>
//   </View>
//   <View visibleWhen="region-selected" whenLabelValue="hedge">
//     <Header value="hedge"/>
//     <Choices name="hedge_kind" toName="text" perRegion="true" visibleWhen="region-selected" whenLabelValue="hedge" choice="single" showInline="true">
//       <Choice value="modal"/>
//       <Choice value="epistemic-verb"/>
//       <Choice value="adverb"/>
//       <Choice value="adjective"/>
//       <Choice value="approximator"/>
//       <Choice value="attribution"/>
//       <Choice value="conditional"/>
//     </Choices>
//   </View>
//   <View visibleWhen="region-selected" whenLabelValue="caveat">
//     <Header value="caveat"/>
//     <Choices name="caveat_kind" toName="text" perRegion="true" visibleWhen="region-selected" whenLabelValue="caveat" choice="single" showInline="true">
//       <Choice value="safety"/>
//       <Choice value="consult-professional"/>
//       <Choice value="limitation"/>
//       <Choice value="regulatory"/>
//       <Choice value="further-research"/>
//       <Choice value="scope"/>
//     </Choices>
//   </View>
//   <View visibleWhen="region-selected" whenLabelValue="evidence">
//     <Header value="evidence"/>
//     <Choices name="evidence_type" toName="text" perRegion="true" visibleWhen="region-selected" whenLabelValue="evidence" choice="single" showInline="true">
//       <Choice value="anecdotal"/>
//       <Choice value="traditional-use"/>
//       <Choice value="expert-opinion"/>
//       <Choice value="preclinical"/>
//       <Choice value="observational"/>
//       <Choice value="clinical-trial"/>
//       <Choice value="systematic-review"/>
//       <Choice value="unspecified"/>
//     </Choices>
//     <Choices name="evidence_cited" toName="text" perRegion="true" visibleWhen="region-selected" whenLabelValue="evidence" choice="single" showInline="true">
//       <Choice value="true"/>
//       <Choice value="false"/>
//     </Choices>
//   </View>
//   <TextArea name="note" toName="text" perRegion="true" visibleWhen="region-selected" editable="true" maxSubmissions="1" placeholder="note"/>
// </View>
#include "core/exchange/exchange_formats.h"

#include "core/model/covered_text.h"
#include "core/exchange/labelstudio/labelstudio_format.h"

#include "core/exchange/export_json_text.h"

#include <set>
#include <unordered_map>

namespace claimmark {

namespace {

// Region ids of each exported annotation's fragments (the first is the annotation's id).
using RegionIds = std::unordered_map<std::string, std::vector<std::string>>;

RegionIds regionIdsFor(const AnnotationSet& set, const std::vector<const Annotation*>& annotations) {
    RegionIds ids;
    std::set<std::string> used;
    for (const Annotation* a : annotations) used.insert(a->id);
    for (const Annotation* a : annotations) {
        std::vector<std::string>& fragments = ids[a->id];
        fragments.push_back(a->id);
        for (std::size_t k = 1; k < a->spans.size(); ++k) {
            std::string id = a->id + "~" + std::to_string(k + 1);
            while (used.count(id) || set.findAnnotation(id)) id += "~";
            used.insert(id);
            fragments.push_back(id);
        }
    }
    return ids;
}

// Results are written as compact JSON text (export_json_text.h), one per line, in the key order
// nlohmann::ordered_json would give: the file stays diffable, and no DOM of every result is
// built (100,000 annotations give several times that many results).
class ResultWriter {
public:
    explicit ResultWriter(ExportSink& out) : m_out(out) {}

    // {"id", "from_name", "to_name": "text", "type", "value": {"start", "end"[, "text"], ...
    // — the caller appends the rest of "value", then calls endResult().
    void beginResult(std::string_view id, std::string_view control, std::string_view type, const Document& document,
                     const Span& span, OffsetUnit unit, bool withText) {
        m_out += m_first ? "\n    " : ",\n    ";
        m_first = false;
        m_out += "{\"id\":";
        appendJsonString(m_out, id);
        m_out += ",\"from_name\":";
        appendJsonString(m_out, control);
        m_out += ",\"to_name\":\"text\",\"type\":";
        appendJsonString(m_out, type);
        m_out += ",\"value\":{\"start\":";
        appendJsonNumber(m_out, offsetInUnit(document, span.start, unit));
        m_out += ",\"end\":";
        appendJsonNumber(m_out, offsetInUnit(document, span.end, unit));
        if (withText) {
            m_out += ",\"text\":";
            appendJsonString(m_out, document.slice(span.start, span.end));
        }
    }
    // ,"key":["value"]
    void valueList(std::string_view key, std::string_view value) {
        m_out += ",\"";
        m_out += key;
        m_out += "\":[";
        appendJsonString(m_out, value);
        m_out += ']';
    }
    void valueNumber(std::string_view key, std::int64_t value) {
        m_out += ",\"";
        m_out += key;
        m_out += "\":";
        appendJsonInteger(m_out, value);
    }
    void valueString(std::string_view key, std::string_view value) {
        m_out += ",\"";
        m_out += key;
        m_out += "\":";
        appendJsonString(m_out, value);
    }
    // Closes "value"; `group` (when not empty) is the claimmark annotation of a fragment;
    // `suggestion` a pending suggestion whose status and rule the region carries.
    void endResult(std::string_view group = {}, const Annotation* suggestion = nullptr) {
        m_out += '}';
        if (!group.empty()) {
            m_out += ",\"";
            m_out += kLsGroupKey;
            m_out += "\":";
            appendJsonString(m_out, group);
        }
        if (suggestion) {
            m_out += ",\"";
            m_out += kLsStatusKey;
            m_out += "\":";
            appendJsonString(m_out, suggestion->status);
            if (!suggestion->rule.empty()) {
                m_out += ",\"";
                m_out += kLsRuleKey;
                m_out += "\":";
                appendJsonString(m_out, suggestion->rule);
            }
        }
        m_out += '}';
    }
    void relation(std::string_view fromId, std::string_view toId, std::string_view type) {
        m_out += m_first ? "\n    " : ",\n    ";
        m_first = false;
        m_out += "{\"from_id\":";
        appendJsonString(m_out, fromId);
        m_out += ",\"to_id\":";
        appendJsonString(m_out, toId);
        m_out += ",\"type\":\"relation\",\"direction\":\"right\",\"labels\":[";
        appendJsonString(m_out, type);
        m_out += "]}";
    }
    void close() { m_out += m_first ? "]" : "\n  ]"; }

private:
    ExportSink& m_out;
    bool m_first = true;
};

// Attribute and note results for one annotation, on its first region.
void appendPerRegion(ResultWriter& results, const ExportSource& source, const Annotation& a, OffsetUnit unit) {
    const Span& first = a.spans.front();
    const LabelDef* label = source.set.schema.findLabel(a.label);
    for (const auto& [name, value] : a.attributes) {
        const AttributeDef* def = label ? label->findAttribute(name) : nullptr;
        AttributeKind kind = def                                           ? def->kind
                             : std::holds_alternative<bool>(value)         ? AttributeKind::Bool
                             : std::holds_alternative<std::int64_t>(value) ? AttributeKind::Ordinal
                                                                           : AttributeKind::Text;
        const std::string control = labelStudioControlName(a.label, name);
        switch (kind) {
            case AttributeKind::Enum:
            case AttributeKind::Bool:
                results.beginResult(a.id, control, "choices", source.document, first, unit, true);
                results.valueList("choices", attributeValueToString(value));
                results.endResult();
                break;
            case AttributeKind::Ordinal:
                results.beginResult(a.id, control, "number", source.document, first, unit, true);
                if (const auto* n = std::get_if<std::int64_t>(&value)) results.valueNumber("number", *n);
                else results.valueString("number", attributeValueToString(value));
                results.endResult();
                break;
            case AttributeKind::Text:
                results.beginResult(a.id, control, "textarea", source.document, first, unit, false);
                results.valueList("text", attributeValueToString(value));
                results.endResult();
                break;
        }
    }
    if (!a.note.empty()) {
        results.beginResult(a.id, kLsNoteControl, "textarea", source.document, first, unit, false);
        results.valueList("text", a.note);
        results.endResult();
    }
}

}  // namespace

Result<ExportReport> writeLabelStudio(const std::vector<ExportSource>& sources, const ExportOptions& options,
                                      ExportSink& content) {
    const OffsetUnit unit = options.offsets;
    ExportReport output;
    Diagnostics errors;
    content.beginFile("");
    content += "[";
    std::size_t discontinuous = 0, suggestions = 0;

    for (std::size_t t = 0; t < sources.size(); ++t) {
        const ExportSource& source = sources[t];
        const AnnotationSet& set = source.set;
        const std::string setName = source.setPath.string();

        std::vector<const Annotation*> annotations;
        std::size_t orphaned = 0;
        for (const Annotation* a : set.inDocumentOrder()) {
            if (a->orphaned) {
                ++orphaned;
                continue;
            }
            if (a->spans.empty() || a->end() > source.document.length()) {
                errors.push_back(
                    {setName, "annotations[" + a->id + "]",
                     "spans lie outside the article (" + std::to_string(source.document.length()) + " code points)"});
                continue;
            }
            annotations.push_back(a);
        }
        if (orphaned > 0)
            output.notices.push_back(setName + ": left out " + std::to_string(orphaned) +
                                     " orphaned annotation(s) (their offsets refer to an older text) and "
                                     "the relations attached to them");

        const RegionIds regionIds = regionIdsFor(set, annotations);
        // {"id": N, "data": {"text", document, sha256, offsets}, "annotations": [{annotator, "result": [
        content += t == 0 ? "\n  " : ",\n  ";
        content += "{\"id\": ";
        appendJsonNumber(content, t + 1);
        content += ", \"data\": {\"text\":";
        appendJsonString(content, source.document.bytes());
        content += ',';
        appendJsonString(content, kLsDocumentKey);
        content += ':';
        appendJsonString(content, source.stem);
        content += ',';
        appendJsonString(content, kLsSha256Key);
        content += ':';
        appendJsonString(content, source.document.sha256());
        content += ',';
        appendJsonString(content, kLsOffsetsKey);
        content += ':';
        appendJsonString(content, offsetUnitName(unit));
        content += options.asPredictions ? "}, \"predictions\": [{\"model_version\": " : "}, \"annotations\": [{";
        if (options.asPredictions) {
            appendJsonString(content, kLsPredictionModel);
            content += ", ";
        }
        appendJsonString(content, kLsAnnotatorKey);
        content += ": ";
        appendJsonString(content, set.annotator);
        content += ", \"result\": [";
        ResultWriter results(content);
        for (const Annotation* a : annotations) {
            const std::vector<std::string>& ids = regionIds.at(a->id);
            if (a->spans.size() > 1) ++discontinuous;
            for (std::size_t k = 0; k < a->spans.size(); ++k) {
                results.beginResult(ids[k], "label", "labels", source.document, a->spans[k], unit, true);
                results.valueList("labels", a->label);
                const bool pending = options.asPredictions && isPendingSuggestion(*a);
                if (pending && k == 0) ++suggestions;
                results.endResult(a->spans.size() > 1 ? std::string_view(a->id) : std::string_view(),
                                  pending ? a : nullptr);
            }
            appendPerRegion(results, source, *a, unit);
        }
        for (const Relation* r : set.relationsInOrder()) {
            auto from = regionIds.find(r->from);
            auto to = regionIds.find(r->to);
            if (from == regionIds.end() || to == regionIds.end()) continue;  // an orphan's relation
            results.relation(from->second.front(), to->second.front(), r->type);
        }

        results.close();
        content += "}]}";
    }
    content += sources.empty() ? "]\n" : "\n]\n";
    if (!errors.empty()) return errors;

    if (unit == OffsetUnit::CodePoint)
        output.notices.push_back("labelstudio: offsets are code points, as Label Studio counts them");
    else
        output.notices.push_back(std::string("labelstudio: offsets are ") + offsetUnitPlural(unit) + " (--offsets " +
                                 offsetUnitName(unit) +
                                 "); Label Studio counts code points, so its view will be off wherever the "
                                 "units differ; the unit is stated in data." +
                                 kLsOffsetsKey);
    if (discontinuous > 0)
        output.notices.push_back("labelstudio: " + std::to_string(discontinuous) +
                                 " discontinuous annotation(s) written as one region per fragment, tied by \"" +
                                 kLsGroupKey + "\"; Label Studio shows the fragments as separate regions");
    if (options.asPredictions)
        output.notices.push_back("labelstudio: " + std::to_string(sources.size()) +
                                 (sources.size() == 1 ? " set" : " sets") +
                                 " written as predictions (pre-annotations to review), with " +
                                 std::to_string(suggestions) + " pending suggestion(s)");
    std::vector<const Schema*> schemas;
    for (const ExportSource& source : sources) schemas.push_back(&source.set.schema);
    output.besideFiles.push_back(ExportFile{kLsConfigFileName, labelStudioConfig(mergeSchemas(schemas))});
    output.notices.push_back(std::string("labelstudio: the project's labeling config is ") + kLsConfigFileName +
                             " beside the tasks (paste it into Settings > Labeling Interface > Code)");

    return output;
}

}  // namespace claimmark
