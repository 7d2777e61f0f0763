// builtin_schema.cpp — the built-in claim-strength schema (Schema::claimStrength).
//
// [SECTION] The built-in claim-strength schema
#include "core/model/schema.h"

namespace claimmark {

// =====================================================================================
// [SECTION] The built-in claim-strength schema
// =====================================================================================

namespace {

AttributeDef enumAttribute(std::string name, std::vector<std::string> values, std::optional<std::string> defaultValue,
                           std::string description) {
    AttributeDef def;
    def.name = std::move(name);
    def.kind = AttributeKind::Enum;
    def.values = std::move(values);
    if (defaultValue) def.defaultValue = AttributeValue(std::move(*defaultValue));
    def.description = std::move(description);
    return def;
}

AttributeDef boolAttribute(std::string name, bool defaultValue, std::string description) {
    AttributeDef def;
    def.name = std::move(name);
    def.kind = AttributeKind::Bool;
    def.defaultValue = AttributeValue(defaultValue);
    def.description = std::move(description);
    return def;
}

LabelDef label(std::string name, std::string color, std::string hotkey, std::string description,
               std::vector<AttributeDef> attributes) {
    LabelDef def;
    def.name = std::move(name);
    def.color = std::move(color);
    def.hotkey = std::move(hotkey);
    def.description = std::move(description);
    def.attributes = std::move(attributes);
    return def;
}

RelationDef relation(std::string type, std::string from, std::string to, std::string description) {
    RelationDef def;
    def.type = std::move(type);
    def.from = {std::move(from)};
    def.to = {std::move(to)};
    def.description = std::move(description);
    return def;
}

}  // namespace

Schema Schema::claimStrength() {
    Schema schema;
    schema.name = "claim-strength";

    // Colours are from the Okabe-Ito palette, chosen to stay distinguishable under the
    // common colour-vision deficiencies; each is light enough to sit behind dark text as a
    // translucent background and saturated enough to read as a highlight on a dark theme.
    AttributeDef strength;
    strength.name = "strength";
    strength.kind = AttributeKind::Ordinal;
    strength.min = 1;
    strength.max = 5;
    strength.levels = {"speculative", "tentative", "moderate", "confident", "stated as certain fact"};
    // No default: a preset middle value would pass for a judgement nobody made.
    strength.description =
        "How strongly the text commits to the claim, from 1 (speculative) to 5 (stated as "
        "certain fact).";

    schema.labels.push_back(
        label("claim", "#e69f00", "1", "A statement presented as true about the world.",
              {strength, boolAttribute("checkworthy", false, "Whether the claim is worth checking against sources."),
               enumAttribute("verdict",
                             {"unrated", "accurate", "mostly-accurate", "mixed", "misleading", "false", "unsupported"},
                             "unrated", "The reviewer's assessment of the claim once checked.")}));
    schema.labels.push_back(label(
        "hedge", "#56b4e9", "2",
        "A word or phrase that weakens commitment to a claim, such as \"may\", \"suggest\" or "
        "\"potential\".",
        {enumAttribute("kind",
                       {"modal", "epistemic-verb", "adverb", "adjective", "approximator", "attribution", "conditional"},
                       std::nullopt, "The grammatical or rhetorical form of the hedge.")}));
    schema.labels.push_back(label(
        "caveat", "#cc79a7", "3", "A qualification, limitation or warning attached to a claim.",
        {enumAttribute("kind",
                       {"safety", "consult-professional", "limitation", "regulatory", "further-research", "scope"},
                       std::nullopt, "What sort of qualification the caveat makes.")}));
    schema.labels.push_back(
        label("evidence", "#009e73", "4", "What a claim is said to rest on.",
              {enumAttribute("type",
                             {"anecdotal", "traditional-use", "expert-opinion", "preclinical", "observational",
                              "clinical-trial", "systematic-review", "unspecified"},
                             "unspecified", "The kind of evidence the text appeals to."),
               boolAttribute("cited", false, "Whether the text gives a checkable source for the evidence.")}));

    schema.relations.push_back(relation("hedges", "hedge", "claim", "The hedge weakens the claim it is linked to."));
    schema.relations.push_back(relation("qualifies", "caveat", "claim", "The caveat limits or qualifies the claim."));
    schema.relations.push_back(
        relation("supports", "evidence", "claim", "The evidence is offered in support of the claim."));
    schema.relations.push_back(relation("contradicts", "evidence", "claim", "The evidence speaks against the claim."));
    // The report's evidence hierarchy (core/report/evidence_hierarchy.h), best first.
    schema.extra["report"] = nlohmann::json{{"evidence_hierarchy",
                                             {"systematic-review", "clinical-trial", "observational", "preclinical",
                                              "expert-opinion", "traditional-use", "anecdotal", "unspecified"}},
                                            {"weak_from", "expert-opinion"},
                                            {"strong_strength", 4}};
    return schema;
}

}  // namespace claimmark
