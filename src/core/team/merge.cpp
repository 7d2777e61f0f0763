// merge.cpp — building a gold set from several reviewers' sets (see merge.h).
//
// [SECTION] Strategies     names and the acceptance rule
// [SECTION] Checks         same document, schemas that agree on what is used
// [SECTION] Grouping       annotations by (label, exact spans), hashed — no pairwise scans
// [SECTION] Gold values    attributes by vote, joined notes, provenance
// [SECTION] Relations      by (type, from-group, to-group)
// [SECTION] mergeSets
//
// Determinism: groups are numbered in document order of their spans, reviewers in input
// order, and every vote is resolved by count and then by the lowest-numbered reviewer, so
// the same inputs always give the same bytes on disk.
#include "core/team/merge.h"

#include "core/model/pending_suggestions.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace claimmark {

using nlohmann::json;

// --- [SECTION] Strategies ----------------------------------------------------------------

const char* mergeStrategyName(MergeStrategy strategy) {
    switch (strategy) {
        case MergeStrategy::Majority: return "majority";
        case MergeStrategy::Union: return "union";
        case MergeStrategy::Intersection: return "intersection";
    }
    return "majority";
}

std::optional<MergeStrategy> parseMergeStrategy(std::string_view name) {
    if (name == "majority") return MergeStrategy::Majority;
    if (name == "union") return MergeStrategy::Union;
    if (name == "intersection") return MergeStrategy::Intersection;
    return std::nullopt;
}

namespace {

bool accepted(MergeStrategy strategy, std::size_t proposers, std::size_t reviewers) {
    switch (strategy) {
        case MergeStrategy::Majority: return 2 * proposers > reviewers;
        case MergeStrategy::Union: return proposers >= 1;
        case MergeStrategy::Intersection: return proposers == reviewers;
    }
    return false;
}

// "alice", "alice-2", ...; a set without an annotator is "reviewer-<position>".
std::vector<std::string> reviewerNames(const std::vector<const AnnotationSet*>& sets) {
    std::vector<std::string> names;
    std::unordered_set<std::string> used;
    for (std::size_t i = 0; i < sets.size(); ++i) {
        std::string base = sets[i]->annotator.empty() ? "reviewer-" + std::to_string(i + 1) : sets[i]->annotator;
        std::string name = base;
        for (int n = 2; used.count(name); ++n) name = base + "-" + std::to_string(n);
        used.insert(name);
        names.push_back(std::move(name));
    }
    return names;
}

// --- [SECTION] Checks --------------------------------------------------------------------

std::string shortHash(const std::string& sha) {
    if (sha.empty()) return "none";
    return sha.size() > 12 ? sha.substr(0, 12) + "…" : sha;
}

// What about an attribute matters for merging: a value valid in one set must be valid in
// the gold set and mean the same there. Colours, hotkeys and descriptions do not matter.
std::string attributeSignature(const AttributeDef& def) {
    json j = {{"type", attributeKindName(def.kind)}};
    if (def.kind == AttributeKind::Enum) j["values"] = def.values;
    if (def.kind == AttributeKind::Ordinal) {
        j["min"] = def.min;
        j["max"] = def.max;
    }
    return j.dump();
}

// Empty when `label` means the same in both schemas, else how it differs.
std::string labelDifference(const LabelDef& gold, const LabelDef& other) {
    std::string out;
    auto add = [&out](const std::string& text) { out += (out.empty() ? "" : "; ") + text; };
    for (const AttributeDef& def : other.attributes) {
        const AttributeDef* mine = gold.findAttribute(def.name);
        if (!mine) add("attribute \"" + def.name + "\" is missing from the first set's schema");
        else if (attributeSignature(*mine) != attributeSignature(def))
            add("attribute \"" + def.name + "\" is " + attributeSignature(def) + " there but " +
                attributeSignature(*mine) + " in the first set's schema");
    }
    for (const AttributeDef& def : gold.attributes)
        if (!other.findAttribute(def.name))
            add("attribute \"" + def.name + "\" of the first set's schema is missing there");
    return out;
}

Diagnostics checkInputs(const std::vector<const AnnotationSet*>& sets, const std::vector<std::string>& names) {
    Diagnostics problems;
    const AnnotationSet& first = *sets[0];
    auto who = [&names](std::size_t i) { return "the set of " + names[i] + " (set " + std::to_string(i + 1) + ")"; };
    for (std::size_t i = 1; i < sets.size(); ++i) {
        if (sets[i]->document.sha256 != first.document.sha256) {
            problems.push_back({"", "document.sha256",
                                who(i) + " annotates a different version of the article (sha256 " +
                                    shortHash(sets[i]->document.sha256) + ") than " + who(0) + " (sha256 " +
                                    shortHash(first.document.sha256) +
                                    "); re-anchor it onto the same article first (claimmark reanchor)"});
        }
    }
    // Only what the sets use has to agree: a schema may carry labels nobody used.
    for (std::size_t i = 1; i < sets.size(); ++i) {
        const AnnotationSet& set = *sets[i];
        std::set<std::string> labels, types;
        for (const Annotation& a : set.annotations())
            if (!a.orphaned) labels.insert(a.label);
        for (const Relation& r : set.relations()) types.insert(r.type);
        for (const std::string& label : labels) {
            const LabelDef* mine = first.schema.findLabel(label);
            const LabelDef* theirs = set.schema.findLabel(label);
            if (!mine) {
                problems.push_back(
                    {"", "schema.labels",
                     who(i) + " uses label \"" + label + "\", which the schema of " + who(0) + " lacks"});
            } else if (theirs) {
                std::string why = labelDifference(*mine, *theirs);
                if (!why.empty())
                    problems.push_back(
                        {"", "schema.labels",
                         "the schemas of " + who(i) + " and " + who(0) + " differ on label \"" + label + "\": " + why});
            }
        }
        for (const std::string& type : types) {
            const RelationDef* mine = first.schema.findRelation(type);
            const RelationDef* theirs = set.schema.findRelation(type);
            if (!mine) {
                problems.push_back(
                    {"", "schema.relations",
                     who(i) + " uses relation type \"" + type + "\", which the schema of " + who(0) + " lacks"});
            } else if (theirs && (mine->from != theirs->from || mine->to != theirs->to)) {
                problems.push_back({"", "schema.relations",
                                    "the schemas of " + who(i) + " and " + who(0) +
                                        " differ on which labels relation type \"" + type + "\" links"});
            }
        }
    }
    return problems;
}

// --- [SECTION] Grouping ------------------------------------------------------------------

struct Group {
    const Annotation* key;  // the first annotation seen with this label and these spans
    // One entry per reviewer who proposed it, in reviewer order: (reviewer, their annotation).
    // A reviewer with two identical annotations counts once; the one with the lowest id stands.
    std::vector<std::pair<std::size_t, const Annotation*>> votes;
};

// Hashes (label, spans) in place, so grouping 80,000 annotations builds no key strings.
struct SameGroupHash {
    std::size_t operator()(const Annotation* a) const {
        std::size_t h = std::hash<std::string>()(a->label);
        for (const Span& s : a->spans) {
            h ^= std::hash<std::size_t>()(s.start) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
            h ^= std::hash<std::size_t>()(s.end) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
        }
        return h;
    }
};
struct SameGroup {
    bool operator()(const Annotation* a, const Annotation* b) const {
        return a->spans == b->spans && a->label == b->label;
    }
};

bool idLess(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return a.size() < b.size();
    return a < b;
}

// Document order (start, longer first, label, then the spans themselves); start and end are
// compared by the caller from a flat copy, so most comparisons never touch the heap.
bool groupOrderLess(const Group& x, const Group& y) {
    const Annotation& a = *x.key;
    const Annotation& b = *y.key;
    if (a.label != b.label) return a.label < b.label;
    return std::lexicographical_compare(
        a.spans.begin(), a.spans.end(), b.spans.begin(), b.spans.end(),
        [](const Span& p, const Span& q) { return p.start != q.start ? p.start < q.start : p.end < q.end; });
}

// --- [SECTION] Gold values ---------------------------------------------------------------

// Resolves each attribute by vote; returns true when reviewers disagreed on any of them,
// recording every reviewer's value (null = left unset) in `votesOut`.
bool resolveAttributes(const Group& group, const std::vector<std::string>& names, Attributes& out, json& votesOut) {
    std::vector<std::string_view> attributeNames;  // sorted, unique: a handful at most
    for (const auto& [reviewer, a] : group.votes)
        for (const auto& [name, value] : a->attributes) attributeNames.push_back(name);
    std::sort(attributeNames.begin(), attributeNames.end());
    attributeNames.erase(std::unique(attributeNames.begin(), attributeNames.end()), attributeNames.end());

    bool conflict = false;
    for (std::string_view name : attributeNames) {
        // Tally in reviewer order, so at equal counts the value first given wins.
        // (value, count); a null value stands for "left unset".
        std::vector<std::pair<const AttributeValue*, std::size_t>> tally;
        for (const auto& [reviewer, a] : group.votes) {
            auto it = a->attributes.find(name);
            const AttributeValue* value = it == a->attributes.end() ? nullptr : &it->second;
            auto found = std::find_if(tally.begin(), tally.end(), [&](const auto& t) {
                return t.first == value || (t.first && value && *t.first == *value);
            });
            if (found == tally.end()) tally.emplace_back(value, 1);
            else ++found->second;
        }
        std::size_t best = 0;
        for (std::size_t i = 1; i < tally.size(); ++i)
            if (tally[i].second > tally[best].second) best = i;
        if (tally[best].first) out.emplace(std::string(name), *tally[best].first);
        if (tally.size() > 1) {
            conflict = true;
            json votes = json::object();
            for (const auto& [reviewer, a] : group.votes) {
                auto it = a->attributes.find(name);
                votes[names[reviewer]] = it == a->attributes.end() ? json(nullptr) : attributeValueToJson(it->second);
            }
            votesOut[std::string(name)] = std::move(votes);
        }
    }
    return conflict;
}

// Distinct non-empty notes, each once, prefixed by who wrote it: "alice, bob: ...".
std::string joinNotes(const Group& group, const std::vector<std::string>& names) {
    std::vector<std::pair<std::string, std::string>> notes;  // (note, writers)
    for (const auto& [reviewer, a] : group.votes) {
        if (a->note.empty()) continue;
        const std::string& note = a->note;  // clang 14 cannot capture a structured binding
        auto found = std::find_if(notes.begin(), notes.end(), [&note](const auto& n) { return n.first == note; });
        if (found == notes.end()) notes.emplace_back(a->note, names[reviewer]);
        else found->second += ", " + names[reviewer];
    }
    std::string out;
    for (const auto& [note, writers] : notes) {
        if (!out.empty()) out += '\n';
        out += writers + ": " + note;
    }
    return out;
}

Annotation goldAnnotation(const Group& group, std::string id, bool accept, const std::vector<std::string>& names) {
    const Annotation& first = *group.votes.front().second;
    Annotation gold;
    gold.id = std::move(id);
    gold.label = group.key->label;
    gold.spans = group.key->spans;
    gold.text = first.text;
    gold.prefix = first.prefix;
    gold.suffix = first.suffix;
    gold.origin = "merged";
    if (!first.extra.empty()) {
        gold.extra = first.extra;
        gold.extra.erase("attribute_votes");  // from an earlier merge; recomputed below
    }
    for (const auto& [reviewer, a] : group.votes) {
        gold.proposedBy.push_back(names[reviewer]);
        if (!a->created.empty() && (gold.created.empty() || a->created < gold.created)) gold.created = a->created;
        if (a->modified > gold.modified) gold.modified = a->modified;
    }
    json votes = json::object();
    const bool conflict = resolveAttributes(group, names, gold.attributes, votes);
    if (conflict) gold.extra["attribute_votes"] = std::move(votes);
    gold.note = joinNotes(group, names);
    if (!accept || conflict) gold.status = "disputed";
    return gold;
}

// --- [SECTION] Relations -----------------------------------------------------------------

struct RelationGroup {
    std::string type;
    std::size_t from = 0, to = 0;        // group numbers (= gold order)
    std::vector<std::size_t> reviewers;  // ascending, unique
    const Relation* first = nullptr;     // the first reviewer's (lowest id), for its extra keys
};

struct RelationKey {
    const RelationDef* type;  // in the gold schema
    std::size_t from, to;
    friend bool operator==(const RelationKey&, const RelationKey&) = default;
};
struct RelationKeyHash {
    std::size_t operator()(const RelationKey& k) const {
        std::size_t h = std::hash<const void*>()(k.type);
        h ^= std::hash<std::size_t>()(k.from) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
        h ^= std::hash<std::size_t>()(k.to) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
        return h;
    }
};

}  // namespace

// --- [SECTION] mergeSets -----------------------------------------------------------------

Result<MergeOutcome> mergeSets(const std::vector<const AnnotationSet*>& inputs, const MergeOptions& options) {
    if (inputs.empty()) return Diagnostic{"", "", "nothing to merge: no annotation sets given"};
    for (std::size_t i = 0; i < inputs.size(); ++i)
        if (!inputs[i]) return Diagnostic{"", "", "set " + std::to_string(i + 1) + " is missing"};
    // Without pending suggestions (copies only of the sets that have some).
    std::vector<AnnotationSet> reviewed;
    reviewed.reserve(inputs.size());
    std::vector<const AnnotationSet*> sets = inputs;
    if (!options.includeSuggested) {
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            if (pendingSuggestionCount(*inputs[i]) == 0) continue;
            reviewed.push_back(withoutPendingSuggestions(*inputs[i]));
            sets[i] = &reviewed.back();
        }
    }

    MergeOutcome outcome;
    outcome.reviewers = reviewerNames(sets);
    const std::vector<std::string>& names = outcome.reviewers;
    if (Diagnostics problems = checkInputs(sets, names); !problems.empty()) return problems;

    // Group annotations; remember which group each annotation went to (for relations).
    std::vector<Group> groups;
    std::size_t total = 0;
    for (const AnnotationSet* set : sets) total += set->annotationCount();
    std::unordered_map<const Annotation*, std::size_t, SameGroupHash, SameGroup> groupIndex;
    // Per set, by position in its annotations() storage: the group, or kNone (orphaned).
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::vector<std::vector<std::size_t>> groupOf(sets.size());
    groups.reserve(total);
    groupIndex.reserve(total);
    for (std::size_t r = 0; r < sets.size(); ++r) {
        groupOf[r].assign(sets[r]->annotationCount(), kNone);
        std::size_t position = 0;
        for (const Annotation& a : sets[r]->annotations()) {
            std::size_t& slot = groupOf[r][position++];
            if (a.orphaned) {
                ++outcome.orphanedLeftOut;
                continue;
            }
            auto [it, inserted] = groupIndex.try_emplace(&a, groups.size());
            if (inserted) groups.push_back(Group{&a, {}});
            Group& group = groups[it->second];
            slot = it->second;
            // Sets are visited in order, so this reviewer's vote, if any, is the last one.
            // Of a reviewer's duplicates the lowest id stands, whatever the storage order.
            if (group.votes.empty() || group.votes.back().first != r) group.votes.emplace_back(r, &a);
            else if (idLess(a.id, group.votes.back().second->id)) group.votes.back().second = &a;
        }
    }

    // Number groups in document order: gold ids a1, a2, ... follow the text.
    std::vector<std::size_t> order(groups.size());
    struct OrderKey {
        std::size_t start, end, group;
    };
    std::vector<OrderKey> keys;
    keys.reserve(groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g) keys.push_back({groups[g].key->start(), groups[g].key->end(), g});
    std::sort(keys.begin(), keys.end(), [&](const OrderKey& x, const OrderKey& y) {
        if (x.start != y.start) return x.start < y.start;
        if (x.end != y.end) return x.end > y.end;  // an enclosing span before what it contains
        return groupOrderLess(groups[x.group], groups[y.group]);
    });
    for (std::size_t i = 0; i < keys.size(); ++i) order[i] = keys[i].group;
    std::vector<std::size_t> rank(groups.size());
    for (std::size_t i = 0; i < order.size(); ++i) rank[order[i]] = i;

    AnnotationSet& gold = outcome.gold;
    gold.document = sets[0]->document;
    gold.schema = sets[0]->schema;
    gold.annotator = options.annotator.empty() ? "gold" : options.annotator;
    gold.extra = json::object();
    gold.extra["merge"] = {{"strategy", mergeStrategyName(options.strategy)}, {"reviewers", names}};

    Diagnostics problems;
    gold.reserve(groups.size(), 0);
    for (std::size_t i = 0; i < order.size(); ++i) {
        const Group& group = groups[order[i]];
        const bool accept = accepted(options.strategy, group.votes.size(), sets.size());
        Annotation a = goldAnnotation(group, "a" + std::to_string(i + 1), accept, names);
        const bool disputed = !a.status.empty();
        const std::string firstId = group.votes.front().second->id;
        const std::string firstReviewer = names[group.votes.front().first];
        if (Status added = gold.addAnnotation(std::move(a)); !added) {
            problems.push_back(
                {"", "annotations",
                 "annotation " + firstId + " of " + firstReviewer + " does not fit the merged set: " + added.error});
            continue;
        }
        ++(disputed ? outcome.disputed : outcome.settled);
    }
    if (!problems.empty()) return problems;

    // Relations, keyed by (type, from-group, to-group) in gold numbering.
    std::vector<RelationGroup> relationGroups;
    std::unordered_map<RelationKey, std::size_t, RelationKeyHash> relationIndex;
    relationIndex.reserve(total / 2);
    for (std::size_t r = 0; r < sets.size(); ++r) {
        const Annotation* base = sets[r]->annotations().data();
        auto groupOfId = [&](const std::string& id) {
            const Annotation* a = sets[r]->findAnnotation(id);
            return a ? groupOf[r][static_cast<std::size_t>(a - base)] : kNone;
        };
        for (const Relation& relation : sets[r]->relations()) {
            const std::size_t from = groupOfId(relation.from), to = groupOfId(relation.to);
            if (from == kNone || to == kNone) continue;  // an end was orphaned
            const std::size_t fromRank = rank[from], toRank = rank[to];
            if (fromRank == toRank) continue;  // between a reviewer's duplicates: no meaning in gold
            const RelationDef* def = gold.schema.findRelation(relation.type);  // checkInputs made sure
            if (!def) continue;
            const RelationKey key{def, fromRank, toRank};
            auto [it, inserted] = relationIndex.try_emplace(key, relationGroups.size());
            if (inserted) relationGroups.push_back(RelationGroup{relation.type, fromRank, toRank, {}, &relation});
            RelationGroup& group = relationGroups[it->second];
            if (group.reviewers.empty() || group.reviewers.back() != r) group.reviewers.push_back(r);
            else if (group.reviewers.size() == 1 && idLess(relation.id, group.first->id)) group.first = &relation;
        }
    }
    std::sort(relationGroups.begin(), relationGroups.end(), [](const RelationGroup& x, const RelationGroup& y) {
        if (x.from != y.from) return x.from < y.from;
        if (x.to != y.to) return x.to < y.to;
        return x.type < y.type;
    });
    gold.reserve(groups.size(), relationGroups.size());
    for (std::size_t i = 0; i < relationGroups.size(); ++i) {
        const RelationGroup& group = relationGroups[i];
        Relation relation;
        relation.id = "r" + std::to_string(i + 1);
        relation.type = group.type;
        relation.from = "a" + std::to_string(group.from + 1);
        relation.to = "a" + std::to_string(group.to + 1);
        if (group.first->extra.is_object() && !group.first->extra.empty()) {
            relation.extra = group.first->extra;
            relation.extra.erase("status");  // from an earlier merge; decided below
        }
        json proposers = json::array();
        for (std::size_t r : group.reviewers) proposers.push_back(names[r]);
        relation.extra["proposed_by"] = std::move(proposers);
        const bool accept = accepted(options.strategy, group.reviewers.size(), sets.size());
        if (!accept) relation.extra["status"] = "disputed";
        if (Status added = gold.addRelation(std::move(relation)); !added) {
            problems.push_back({"", "relations",
                                "a \"" + group.type + "\" relation of " + names[group.reviewers.front()] +
                                    " does not fit the merged set: " + added.error});
            continue;
        }
        ++(accept ? outcome.relationsSettled : outcome.relationsDisputed);
    }
    if (!problems.empty()) return problems;
    return outcome;
}

}  // namespace claimmark
