// set_stats.cpp — counts over one annotation set, as JSON and as a plain-text table.
//
// Every schema label and relation type appears with its count, zero included, so two
// sets' outputs line up. Attribute values appear only when some annotation uses them
// (enumerating every ordinal/enum value would bury the few that occur).
#include "core/model/set_stats.h"

#include "core/model/pending_suggestions.h"

#include <algorithm>
#include <charconv>
#include <string_view>
#include <vector>

namespace claimmark {

SetStats computeStats(const AnnotationSet& set) {
    SetStats stats;
    stats.annotations = set.annotationCount();
    stats.relations = set.relationCount();
    for (const LabelDef& label : set.schema.labels) stats.perLabel[label.name] = 0;
    for (const RelationDef& relation : set.schema.relations) stats.perRelationType[relation.type] = 0;

    for (const Annotation& annotation : set.annotations()) {
        if (annotation.orphaned) ++stats.orphaned;
        if (isPendingSuggestion(annotation)) {
            ++stats.suggested;
            ++stats.suggestedPerLabel[annotation.label];
        }
        ++stats.perLabel[annotation.label];
        ++stats.perOrigin[annotation.origin.empty() ? std::string("manual") : annotation.origin];
        for (const auto& [name, value] : annotation.attributes)
            ++stats.perAttribute[annotation.label][name][attributeValueToString(value)];
    }
    for (const Relation& relation : set.relations()) ++stats.perRelationType[relation.type];
    stats.rejectedSuggestions = set.rejectedSuggestions.size();
    return stats;
}

nlohmann::json statsToJson(const SetStats& stats) {
    nlohmann::json out = nlohmann::json::object();
    out["annotations"] = stats.annotations;
    out["relations"] = stats.relations;
    out["orphaned"] = stats.orphaned;
    out["suggested"] = stats.suggested;
    out["suggestedPerLabel"] = stats.suggestedPerLabel;
    out["rejectedSuggestions"] = stats.rejectedSuggestions;
    out["perLabel"] = stats.perLabel;
    out["perAttribute"] = stats.perAttribute;
    out["perRelationType"] = stats.perRelationType;
    out["perOrigin"] = stats.perOrigin;
    return out;
}

namespace {

// Ordinal values are stored as text; "10" must still come after "2".
bool valueLess(const std::string& a, const std::string& b) {
    long long x = 0, y = 0;
    auto [pa, ea] = std::from_chars(a.data(), a.data() + a.size(), x);
    auto [pb, eb] = std::from_chars(b.data(), b.data() + b.size(), y);
    bool aNumber = ea == std::errc() && pa == a.data() + a.size() && !a.empty();
    bool bNumber = eb == std::errc() && pb == b.data() + b.size() && !b.empty();
    if (aNumber && bNumber) return x < y;
    if (aNumber != bNumber) return aNumber;
    return a < b;
}

// A table whose last column (the count) is right-aligned and the others left-aligned.
class TextTable {
public:
    TextTable() = default;
    explicit TextTable(std::vector<std::string> header) { m_rows.push_back(std::move(header)); }
    void add(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }

    void appendTo(std::string& out) const {
        if (m_rows.empty()) return;
        std::vector<std::size_t> width(m_rows.front().size(), 0);
        for (const auto& row : m_rows)
            for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
        for (const auto& row : m_rows) {
            std::string line;
            for (std::size_t c = 0; c < row.size(); ++c) {
                bool last = c + 1 == row.size();
                std::string pad(width[c] - row[c].size(), ' ');
                if (last) line += pad + row[c];
                else line += row[c] + pad + "  ";
            }
            out += line + '\n';
        }
    }

private:
    std::vector<std::vector<std::string>> m_rows;
};

}  // namespace

std::string statsToText(const SetStats& stats) {
    std::string out;
    TextTable totals;
    totals.add({"Annotations", std::to_string(stats.annotations)});
    totals.add({"Relations", std::to_string(stats.relations)});
    totals.add({"Orphaned", std::to_string(stats.orphaned)});
    if (stats.suggested > 0) totals.add({"Suggested, to review", std::to_string(stats.suggested)});
    if (stats.rejectedSuggestions > 0) totals.add({"Rejected suggestions", std::to_string(stats.rejectedSuggestions)});
    totals.appendTo(out);
    if (!stats.suggestedPerLabel.empty()) {
        out += '\n';
        TextTable pending({"Suggested label", "To review"});
        for (const auto& [label, count] : stats.suggestedPerLabel) pending.add({label, std::to_string(count)});
        pending.appendTo(out);
    }

    out += '\n';
    TextTable labels({"Label", "Count"});
    for (const auto& [label, count] : stats.perLabel) labels.add({label, std::to_string(count)});
    labels.appendTo(out);

    if (!stats.perAttribute.empty()) {
        out += '\n';
        TextTable attributes({"Label", "Attribute", "Value", "Count"});
        for (const auto& [label, byAttribute] : stats.perAttribute) {
            for (const auto& [attribute, byValue] : byAttribute) {
                std::vector<std::pair<std::string, std::size_t>> values(byValue.begin(), byValue.end());
                std::sort(values.begin(), values.end(),
                          [](const auto& a, const auto& b) { return valueLess(a.first, b.first); });
                for (const auto& [value, count] : values)
                    attributes.add({label, attribute, value, std::to_string(count)});
            }
        }
        attributes.appendTo(out);
    }

    out += '\n';
    TextTable relations({"Relation type", "Count"});
    for (const auto& [type, count] : stats.perRelationType) relations.add({type, std::to_string(count)});
    relations.appendTo(out);

    if (!stats.perOrigin.empty()) {
        out += '\n';
        TextTable origins({"Origin", "Count"});
        for (const auto& [origin, count] : stats.perOrigin) origins.add({origin, std::to_string(count)});
        origins.appendTo(out);
    }
    return out;
}

}  // namespace claimmark
