// agreement.cpp — see agreement.h.
//
// [SECTION] Helpers          spans of a label per reviewer, overlap size, masks
// [SECTION] Span matching    exact (multiset) and overlap (one to one, greedy by size)
// [SECTION] Units            a sweep over span boundaries: linear in the text, not per span
// [SECTION] Groups           cross-reviewer span groups and the attribute values on them
// [SECTION] Relations        pairwise, ends mapped through the overlap matching
// [SECTION] Counting         countDocument and AgreementCounts::add
// [SECTION] Figures          figures from counts, headline, the project report
#include "core/team/agreement.h"

#include "core/text/utf8.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <unordered_map>

namespace claimmark {

namespace {

// --- [SECTION] Helpers ------------------------------------------------------------------

struct Item {
    const Annotation* annotation;
    std::size_t start;
    std::size_t end;
};

// Non-orphaned annotations of one set, by label, sorted by start (then end).
std::map<std::string, std::vector<Item>> itemsByLabel(const AnnotationSet& set, std::uint64_t& orphans) {
    std::map<std::string, std::vector<Item>> out;
    for (const Annotation& a : set.annotations()) {
        if (a.orphaned) {
            ++orphans;
            continue;
        }
        if (a.spans.empty()) continue;
        out[a.label].push_back(Item{&a, a.start(), a.end()});
    }
    for (auto& [label, items] : out)
        std::sort(items.begin(), items.end(), [](const Item& x, const Item& y) {
            return x.start != y.start ? x.start < y.start : x.end < y.end;
        });
    return out;
}

// Shared code points of two annotations (fragments are sorted and disjoint).
std::size_t overlapSize(const Annotation& a, const Annotation& b) {
    std::size_t shared = 0, i = 0, j = 0;
    while (i < a.spans.size() && j < b.spans.size()) {
        const Span& x = a.spans[i];
        const Span& y = b.spans[j];
        const std::size_t lo = std::max(x.start, y.start), hi = std::min(x.end, y.end);
        if (hi > lo) shared += hi - lo;
        if (x.end < y.end) ++i;
        else ++j;
    }
    return shared;
}

std::uint64_t bit(std::size_t reviewer) { return std::uint64_t(1) << reviewer; }

// --- [SECTION] Span matching ------------------------------------------------------------

constexpr std::size_t kUnmatched = static_cast<std::size_t>(-1);

// One-to-one overlap matching of `a` to `b` (both sorted by start). Candidate pairs come from
// a binary search on the running maximum of b's ends, so disjoint spans cost O(log n) each;
// only genuinely overlapping pairs are listed. Returns, for each a, the index of its b.
std::vector<std::size_t> matchByOverlap(const std::vector<Item>& a, const std::vector<Item>& b) {
    std::vector<std::size_t> match(a.size(), kUnmatched);
    if (a.empty() || b.empty()) return match;
    std::vector<std::size_t> maxEnd(b.size());
    for (std::size_t j = 0; j < b.size(); ++j) maxEnd[j] = std::max(j ? maxEnd[j - 1] : 0, b[j].end);

    struct Candidate {
        std::size_t shared, i, j;
    };
    std::vector<Candidate> candidates;
    for (std::size_t i = 0; i < a.size(); ++i) {
        // First b whose running max end passes a's start: nothing before it can overlap.
        std::size_t j = std::size_t(std::upper_bound(maxEnd.begin(), maxEnd.end(), a[i].start) - maxEnd.begin());
        for (; j < b.size() && b[j].start < a[i].end; ++j) {
            if (b[j].end <= a[i].start) continue;
            const std::size_t shared = overlapSize(*a[i].annotation, *b[j].annotation);
            if (shared > 0) candidates.push_back({shared, i, j});
        }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
        if (x.shared != y.shared) return x.shared > y.shared;
        if (x.i != y.i) return x.i < y.i;
        return x.j < y.j;
    });
    std::vector<char> taken(b.size(), 0);
    for (const Candidate& c : candidates) {
        if (match[c.i] != kUnmatched || taken[c.j]) continue;
        match[c.i] = c.j;
        taken[c.j] = 1;
    }
    return match;
}

// Exact matches: identical span lists, each span of either side used once.
std::uint64_t countExact(const std::vector<Item>& a, const std::vector<Item>& b) {
    auto keys = [](const std::vector<Item>& items) {
        std::vector<const std::vector<Span>*> out;
        out.reserve(items.size());
        for (const Item& item : items) out.push_back(&item.annotation->spans);
        auto less = [](const std::vector<Span>* x, const std::vector<Span>* y) {
            return std::lexicographical_compare(x->begin(), x->end(), y->begin(), y->end(),
                                                [](const Span& s, const Span& t) {
                                                    return s.start != t.start ? s.start < t.start : s.end < t.end;
                                                });
        };
        std::sort(out.begin(), out.end(), less);
        return std::make_pair(out, less);
    };
    auto [ka, less] = keys(a);
    auto kb = keys(b).first;
    std::uint64_t matched = 0;
    std::size_t i = 0, j = 0;
    while (i < ka.size() && j < kb.size()) {
        if (less(ka[i], kb[j])) ++i;
        else if (less(kb[j], ka[i])) ++j;
        else {
            ++matched;
            ++i;
            ++j;
        }
    }
    return matched;
}

// --- [SECTION] Units --------------------------------------------------------------------

// nonSpace[i] = non-whitespace code points in [0, i).
std::vector<std::uint32_t> nonSpacePrefix(const Document& article) {
    std::vector<std::uint32_t> prefix;
    prefix.reserve(article.length() + 1);
    prefix.push_back(0);
    const std::string& bytes = article.bytes();
    std::size_t pos = 0;
    std::uint32_t count = 0;
    while (pos < bytes.size()) {
        const unsigned char c = static_cast<unsigned char>(bytes[pos]);
        char32_t cp;
        if (c < 0x80) {
            cp = c;
            ++pos;
        } else {
            cp = utf8::decode(bytes, pos);
        }
        if (!utf8::isWhiteSpace(cp)) ++count;
        prefix.push_back(count);
    }
    return prefix;
}

// Adds this document's unit patterns for one label: sweep over span boundaries, each stretch
// between boundaries has one covered mask and contributes its non-whitespace code points.
void addUnitPatterns(const std::vector<std::pair<std::size_t, const std::vector<Item>*>>& perReviewer,
                     std::uint64_t present, const std::vector<std::uint32_t>& nonSpace, UnitPatterns& out) {
    struct Event {
        std::size_t position;
        std::uint32_t reviewer;
        int delta;
    };
    const std::size_t length = nonSpace.size() - 1;
    std::vector<Event> events;
    for (const auto& [reviewer, items] : perReviewer)
        for (const Item& item : *items)
            for (const Span& s : item.annotation->spans) {
                const std::size_t start = std::min(s.start, length), end = std::min(s.end, length);
                if (end <= start) continue;
                events.push_back({start, std::uint32_t(reviewer), +1});
                events.push_back({end, std::uint32_t(reviewer), -1});
            }
    std::sort(events.begin(), events.end(),
              [](const Event& x, const Event& y) { return x.position < y.position; });
    std::uint32_t depth[kMaxAgreementReviewers] = {};
    std::uint64_t covered = 0;
    std::size_t at = 0;
    std::uint64_t coveredUnits = 0;
    for (std::size_t e = 0; e < events.size();) {
        const std::size_t position = events[e].position;
        if (covered != 0 && position > at) {
            const std::uint64_t units = nonSpace[position] - nonSpace[at];
            if (units) {
                out[{present, covered}] += units;
                coveredUnits += units;
            }
        }
        for (; e < events.size() && events[e].position == position; ++e) {
            std::uint32_t& d = depth[events[e].reviewer];
            d = std::uint32_t(int(d) + events[e].delta);
            if (d) covered |= bit(events[e].reviewer);
            else covered &= ~bit(events[e].reviewer);
        }
        at = position;
    }
    const std::uint64_t uncovered = nonSpace[length] - coveredUnits;
    if (uncovered) out[{present, 0}] += uncovered;
}

// --- [SECTION] Groups -------------------------------------------------------------------

struct Group {
    Item anchor;
    std::vector<std::pair<std::uint32_t, const Annotation*>> members;
};

std::vector<Group> groupAcrossReviewers(
    const std::vector<std::pair<std::size_t, const std::vector<Item>*>>& perReviewer) {
    std::vector<Group> groups;
    for (const auto& [reviewer, items] : perReviewer) {
        // Anchors sorted by start for the matcher; keep their group indices alongside.
        std::vector<std::size_t> order(groups.size());
        for (std::size_t g = 0; g < groups.size(); ++g) order[g] = g;
        std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
            const Item& a = groups[x].anchor;
            const Item& b = groups[y].anchor;
            return a.start != b.start ? a.start < b.start : (a.end != b.end ? a.end < b.end : x < y);
        });
        std::vector<Item> anchors;
        anchors.reserve(order.size());
        for (std::size_t g : order) anchors.push_back(groups[g].anchor);
        // Match the reviewer's items (as the "a" side) to the anchors.
        const std::vector<std::size_t> match = matchByOverlap(*items, anchors);
        for (std::size_t i = 0; i < items->size(); ++i) {
            const Item& item = (*items)[i];
            if (match[i] != kUnmatched) {
                groups[order[match[i]]].members.push_back({std::uint32_t(reviewer), item.annotation});
            } else {
                groups.push_back(Group{item, {{std::uint32_t(reviewer), item.annotation}}});
            }
        }
    }
    return groups;
}

std::vector<AttributeUnits> emptyAttributes(const Schema& schema) {
    std::vector<AttributeUnits> out;
    for (const LabelDef& label : schema.labels)
        for (const AttributeDef& def : label.attributes) {
            if (def.kind == AttributeKind::Text) continue;
            AttributeUnits units;
            units.label = label.name;
            units.attribute = def.name;
            units.kind = def.kind;
            if (def.kind == AttributeKind::Enum) units.categories = def.values;
            if (def.kind == AttributeKind::Bool) units.categories = {"false", "true"};
            if (def.kind == AttributeKind::Ordinal && def.max >= def.min && def.max - def.min < 1000)
                for (std::int64_t v = def.min; v <= def.max; ++v) {
                    units.categories.push_back(std::to_string(v));
                    units.numeric.push_back(double(v));
                }
            out.push_back(std::move(units));
        }
    return out;
}

// The category of `value` for `def`, or -1 when it does not fit (ignored, not an error:
// the set reader has already reported such values).
long categoryOf(const AttributeDef& def, const AttributeValue& value) {
    switch (def.kind) {
        case AttributeKind::Enum: {
            const std::string* s = std::get_if<std::string>(&value);
            if (!s) return -1;
            auto it = std::find(def.values.begin(), def.values.end(), *s);
            return it == def.values.end() ? -1 : long(it - def.values.begin());
        }
        case AttributeKind::Bool: {
            const bool* b = std::get_if<bool>(&value);
            return b ? long(*b) : -1;
        }
        case AttributeKind::Ordinal: {
            const std::int64_t* v = std::get_if<std::int64_t>(&value);
            if (!v || *v < def.min || *v > def.max) return -1;
            return long(*v - def.min);
        }
        case AttributeKind::Text:
            return -1;
    }
    return -1;
}

// --- [SECTION] Relations ----------------------------------------------------------------

struct RelationKey {
    std::string type;
    const Annotation* from;
    const Annotation* to;
    bool operator<(const RelationKey& o) const {
        if (type != o.type) return type < o.type;
        if (from != o.from) return std::less<const Annotation*>()(from, o.from);
        return std::less<const Annotation*>()(to, o.to);
    }
};

// Relations of `set` whose ends are both placed, by type.
std::vector<std::pair<std::string, std::pair<const Annotation*, const Annotation*>>> placedRelations(
    const AnnotationSet& set) {
    std::vector<std::pair<std::string, std::pair<const Annotation*, const Annotation*>>> out;
    for (const Relation& r : set.relations()) {
        const Annotation* from = set.findAnnotation(r.from);
        const Annotation* to = set.findAnnotation(r.to);
        if (!from || !to || from->orphaned || to->orphaned) continue;
        out.push_back({r.type, {from, to}});
    }
    return out;
}

}  // namespace

// --- [SECTION] Counting -----------------------------------------------------------------

AgreementCounts countDocument(const AgreementDocument& document, std::size_t reviewerCount,
                              const Schema& schema) {
    AgreementCounts counts;
    counts.documents = 1;
    counts.attributes = emptyAttributes(schema);
    reviewerCount = std::min({reviewerCount, document.sets.size(), kMaxAgreementReviewers});

    std::vector<std::size_t> present;
    std::uint64_t presentMask = 0;
    for (std::size_t r = 0; r < reviewerCount; ++r)
        if (document.sets[r]) {
            present.push_back(r);
            presentMask |= bit(r);
        }

    std::vector<std::map<std::string, std::vector<Item>>> items(reviewerCount);
    for (std::size_t r : present) items[r] = itemsByLabel(*document.sets[r], counts.orphansExcluded);

    std::vector<std::string> labels;
    for (const LabelDef& label : schema.labels) labels.push_back(label.name);
    for (std::size_t r : present)
        for (const auto& [label, list] : items[r])
            if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);

    std::vector<ReviewerPair> pairs;
    for (std::size_t x = 0; x < present.size(); ++x)
        for (std::size_t y = x + 1; y < present.size(); ++y)
            pairs.push_back({std::uint32_t(present[x]), std::uint32_t(present[y])});

    static const std::vector<Item> kNone;
    auto itemsOf = [&](std::size_t r, const std::string& label) -> const std::vector<Item>& {
        auto it = items[r].find(label);
        return it == items[r].end() ? kNone : it->second;
    };

    std::vector<std::uint32_t> nonSpace =
        document.article ? nonSpacePrefix(*document.article) : std::vector<std::uint32_t>{0};
    counts.units = nonSpace.back();

    // Overlap matches per pair, kept for the relations: annotation of first -> of second.
    std::map<ReviewerPair, std::unordered_map<const Annotation*, const Annotation*>> matched;

    for (const std::string& label : labels) {
        auto& exact = counts.exact[label];
        auto& overlap = counts.overlap[label];
        for (const ReviewerPair& pair : pairs) {
            const std::vector<Item>& a = itemsOf(pair.first, label);
            const std::vector<Item>& b = itemsOf(pair.second, label);
            MatchCounts e{a.size(), b.size(), countExact(a, b)};
            exact[pair].add(e);
            const std::vector<std::size_t> match = matchByOverlap(a, b);
            MatchCounts o{a.size(), b.size(), 0};
            auto& map = matched[pair];
            for (std::size_t i = 0; i < a.size(); ++i)
                if (match[i] != kUnmatched) {
                    ++o.matched;
                    map[a[i].annotation] = b[match[i]].annotation;
                }
            overlap[pair].add(o);
        }

        std::vector<std::pair<std::size_t, const std::vector<Item>*>> perReviewer;
        for (std::size_t r : present) perReviewer.push_back({r, &itemsOf(r, label)});
        if (!present.empty()) addUnitPatterns(perReviewer, presentMask, nonSpace, counts.unitPatterns[label]);
        else counts.unitPatterns[label];

        // Attributes of this label on the cross-reviewer groups.
        const LabelDef* def = schema.findLabel(label);
        if (!def || present.size() < 2) continue;
        bool anyAttribute = false;
        for (const AttributeDef& attribute : def->attributes) anyAttribute |= attribute.kind != AttributeKind::Text;
        if (!anyAttribute) continue;
        const std::vector<Group> groups = groupAcrossReviewers(perReviewer);
        for (AttributeUnits& units : counts.attributes) {
            if (units.label != label) continue;
            const AttributeDef* attribute = def->findAttribute(units.attribute);
            if (!attribute) continue;
            for (const Group& group : groups) {
                if (group.members.size() < 2) continue;
                std::vector<std::pair<std::uint32_t, std::uint32_t>> values;
                for (const auto& [reviewer, annotation] : group.members) {
                    auto it = annotation->attributes.find(units.attribute);
                    if (it == annotation->attributes.end()) continue;
                    const long category = categoryOf(*attribute, it->second);
                    if (category >= 0) values.push_back({reviewer, std::uint32_t(category)});
                }
                if (values.size() >= 2) units.units.push_back(std::move(values));
            }
        }
    }

    // Relations: the second reviewer's relation must join the matches of the first's ends.
    std::vector<std::string> types;
    for (const RelationDef& relation : schema.relations) types.push_back(relation.type);
    std::vector<std::vector<std::pair<std::string, std::pair<const Annotation*, const Annotation*>>>> relations(
        reviewerCount);
    for (std::size_t r : present) {
        relations[r] = placedRelations(*document.sets[r]);
        for (const auto& relation : relations[r])
            if (std::find(types.begin(), types.end(), relation.first) == types.end()) types.push_back(relation.first);
    }
    for (const std::string& type : types) counts.relations[type];
    for (const ReviewerPair& pair : pairs) {
        const auto& map = matched[pair];
        std::map<RelationKey, std::uint64_t> wanted;  // the first's relations, in the second's terms
        std::map<std::string, MatchCounts> perType;
        for (const std::string& type : types) perType[type];
        for (const auto& [type, ends] : relations[pair.first]) {
            ++perType[type].first;
            auto from = map.find(ends.first);
            auto to = map.find(ends.second);
            if (from != map.end() && to != map.end()) ++wanted[RelationKey{type, from->second, to->second}];
        }
        for (const auto& [type, ends] : relations[pair.second]) {
            ++perType[type].second;
            auto it = wanted.find(RelationKey{type, ends.first, ends.second});
            if (it != wanted.end() && it->second > 0) {
                --it->second;
                ++perType[type].matched;
            }
        }
        for (const auto& [type, c] : perType) counts.relations[type][pair].add(c);
    }
    return counts;
}

void AgreementCounts::add(const AgreementCounts& other) {
    documents += other.documents;
    units += other.units;
    orphansExcluded += other.orphansExcluded;
    auto addMatches = [](auto& into, const auto& from) {
        for (const auto& [key, perPair] : from) {
            auto& target = into[key];
            for (const auto& [pair, c] : perPair) target[pair].add(c);
        }
    };
    addMatches(exact, other.exact);
    addMatches(overlap, other.overlap);
    addMatches(relations, other.relations);
    for (const auto& [label, patterns] : other.unitPatterns) {
        UnitPatterns& target = unitPatterns[label];
        for (const auto& [pattern, n] : patterns) target[pattern] += n;
    }
    for (const AttributeUnits& units : other.attributes) {
        auto it = std::find_if(attributes.begin(), attributes.end(), [&](const AttributeUnits& a) {
            return a.label == units.label && a.attribute == units.attribute;
        });
        if (it == attributes.end()) {
            attributes.push_back(units);
            continue;
        }
        it->units.insert(it->units.end(), units.units.begin(), units.units.end());
    }
}

// --- [SECTION] Figures ------------------------------------------------------------------

Figure MatchCounts::precision() const {
    return ratio(double(matched), double(second), "the second reviewer of the pair has none");
}
Figure MatchCounts::recall() const {
    return ratio(double(matched), double(first), "the first reviewer of the pair has none");
}
Figure MatchCounts::f1() const {
    return ratio(2.0 * double(matched), double(first + second), "neither reviewer has any");
}

MatchCounts sumOverPairs(const std::map<ReviewerPair, MatchCounts>& perPair) {
    MatchCounts total;
    for (const auto& [pair, c] : perPair) total.add(c);
    return total;
}

MatchCounts sumOverLabels(const std::map<std::string, std::map<ReviewerPair, MatchCounts>>& perLabel,
                          const ReviewerPair* onlyPair) {
    MatchCounts total;
    for (const auto& [label, perPair] : perLabel)
        for (const auto& [pair, c] : perPair)
            if (!onlyPair || pair == *onlyPair) total.add(c);
    return total;
}

UnitPatterns poolLabels(const std::map<std::string, UnitPatterns>& perLabel) {
    UnitPatterns pooled;
    for (const auto& [label, patterns] : perLabel)
        for (const auto& [pattern, n] : patterns) pooled[pattern] += n;
    return pooled;
}

UnitFigures unitFigures(const UnitPatterns& patterns, std::size_t reviewerCount) {
    reviewerCount = std::min(reviewerCount, kMaxAgreementReviewers);
    UnitFigures figures;
    FleissAccumulator fleiss(2);
    Coincidences coincidences(2);
    // Per pair: table[first][second], 0 = not covered, 1 = covered.
    std::map<ReviewerPair, std::vector<std::vector<double>>> tables;
    for (const auto& [pattern, n] : patterns) {
        const auto [present, covered] = pattern;
        const double m = std::popcount(present);
        const double ones = std::popcount(covered & present);
        const double counts[2] = {m - ones, ones};
        fleiss.addSubject(counts, double(n));
        coincidences.addUnit(counts, double(n));
        for (std::size_t x = 0; x < reviewerCount; ++x) {
            if (!(present & bit(x))) continue;
            for (std::size_t y = x + 1; y < reviewerCount; ++y) {
                if (!(present & bit(y))) continue;
                auto& table = tables[{std::uint32_t(x), std::uint32_t(y)}];
                if (table.empty()) table.assign(2, std::vector<double>(2, 0.0));
                table[(covered & bit(x)) ? 1 : 0][(covered & bit(y)) ? 1 : 0] += double(n);
            }
        }
    }
    figures.fleissKappa = fleiss.kappa();
    figures.alpha = coincidences.alpha(AlphaLevel::Nominal);
    for (const auto& [pair, table] : tables) figures.cohenKappa[pair] = cohenKappa(table);
    return figures;
}

AttributeFigures attributeFigures(const AttributeUnits& units, std::size_t reviewerCount) {
    AttributeFigures figures;
    const std::size_t k = units.categories.size();
    Coincidences coincidences(k);
    std::vector<double> counts(k);
    std::map<ReviewerPair, std::vector<std::vector<double>>> tables;
    for (const auto& values : units.units) {
        std::fill(counts.begin(), counts.end(), 0.0);
        for (const auto& [reviewer, category] : values)
            if (category < k) counts[category] += 1;
        coincidences.addUnit(counts);
        if (values.size() >= 2) ++figures.groups;
        if (units.kind != AttributeKind::Ordinal) continue;
        for (const auto& [rx, cx] : values)
            for (const auto& [ry, cy] : values) {
                if (rx >= ry || rx >= reviewerCount || ry >= reviewerCount || cx >= k || cy >= k) continue;
                auto& table = tables[{rx, ry}];
                if (table.empty()) table.assign(k, std::vector<double>(k, 0.0));
                table[cx][cy] += 1;
            }
    }
    const bool ordinal = units.kind == AttributeKind::Ordinal;
    figures.alpha = coincidences.alpha(ordinal ? AlphaLevel::Ordinal : AlphaLevel::Nominal, units.numeric);
    if (figures.groups == 0)
        figures.alpha = Figure::undefined("no span matched across reviewers has this attribute from two of them");
    for (const auto& [pair, table] : tables) figures.weightedKappa[pair] = quadraticWeightedKappa(table);
    return figures;
}

Headline headline(const AgreementCounts& counts, std::size_t reviewerCount) {
    Headline h;
    h.spanF1Exact = sumOverLabels(counts.exact).f1();
    h.spanF1Overlap = sumOverLabels(counts.overlap).f1();
    const UnitFigures units = unitFigures(poolLabels(counts.unitPatterns), reviewerCount);
    h.unitAlpha = units.alpha;
    h.unitFleiss = units.fleissKappa;
    h.relationF1 = sumOverLabels(counts.relations).f1();
    bool anyPair = false;
    for (const auto& [label, perPair] : counts.overlap) anyPair |= !perPair.empty();
    if (!anyPair) {
        const Figure none = Figure::undefined("fewer than two reviewers have this document");
        h.spanF1Exact = h.spanF1Overlap = h.relationF1 = none;
        if (!h.unitAlpha.defined()) h.unitAlpha = none;
        if (!h.unitFleiss.defined()) h.unitFleiss = none;
    }
    return h;
}

namespace {

MacroFigure macro(const std::vector<DocumentAgreement>& documents, Figure Headline::*member) {
    MacroFigure m;
    double sum = 0;
    for (const DocumentAgreement& d : documents) {
        const Figure& f = d.figures.*member;
        if (!f.defined()) continue;
        sum += *f.value;
        ++m.documents;
    }
    m.mean = ratio(sum, double(m.documents), "undefined for every document");
    return m;
}

}  // namespace

AgreementReport computeAgreement(const AgreementInput& input) {
    AgreementReport report;
    report.reviewers = input.reviewers;
    const std::size_t reviewerCount = std::min(input.reviewers.size(), kMaxAgreementReviewers);
    for (const LabelDef& label : input.schema.labels) report.labels.push_back(label.name);
    for (const RelationDef& relation : input.schema.relations) report.relationTypes.push_back(relation.type);
    report.total.attributes = emptyAttributes(input.schema);

    report.documents.reserve(input.documents.size());
    for (const AgreementDocument& document : input.documents) {
        DocumentAgreement d;
        d.name = document.name;
        for (std::size_t r = 0; r < reviewerCount && r < document.sets.size(); ++r)
            if (document.sets[r]) d.reviewers.push_back(input.reviewers[r]);
        d.counts = countDocument(document, reviewerCount, input.schema);
        d.figures = headline(d.counts, reviewerCount);
        report.total.add(d.counts);
        report.documents.push_back(std::move(d));
    }
    for (const auto& [label, perPair] : report.total.overlap)
        if (std::find(report.labels.begin(), report.labels.end(), label) == report.labels.end())
            report.labels.push_back(label);
    for (const auto& [type, perPair] : report.total.relations)
        if (std::find(report.relationTypes.begin(), report.relationTypes.end(), type) == report.relationTypes.end())
            report.relationTypes.push_back(type);

    report.micro = headline(report.total, reviewerCount);
    report.macroSpanF1Exact = macro(report.documents, &Headline::spanF1Exact);
    report.macroSpanF1Overlap = macro(report.documents, &Headline::spanF1Overlap);
    report.macroUnitAlpha = macro(report.documents, &Headline::unitAlpha);
    report.macroUnitFleiss = macro(report.documents, &Headline::unitFleiss);
    report.macroRelationF1 = macro(report.documents, &Headline::relationF1);

    report.worstFirst.resize(report.documents.size());
    for (std::size_t i = 0; i < report.worstFirst.size(); ++i) report.worstFirst[i] = i;
    // Undefined sorts after every value: a document nobody can be compared on is not "bad".
    auto key = [](const Figure& f) { return f.defined() ? *f.value : HUGE_VAL; };
    std::stable_sort(report.worstFirst.begin(), report.worstFirst.end(), [&](std::size_t x, std::size_t y) {
        const Headline& a = report.documents[x].figures;
        const Headline& b = report.documents[y].figures;
        if (key(a.unitAlpha) != key(b.unitAlpha)) return key(a.unitAlpha) < key(b.unitAlpha);
        if (key(a.spanF1Overlap) != key(b.spanF1Overlap)) return key(a.spanF1Overlap) < key(b.spanF1Overlap);
        return report.documents[x].name < report.documents[y].name;
    });
    return report;
}

}  // namespace claimmark
