// agreement.cpp — see agreement.h.
//
// [SECTION] Counting         countDocument and AgreementCounts::add
// [SECTION] Figures          figures from counts, headline, the project report
//
// The levels countDocument counts are in agreement_spans.cpp (span matching),
// agreement_units.cpp (units, groups and their attributes) and agreement_relations.cpp
// (relations), through agreement_levels.h.
#include "core/team/agreement.h"

#include "core/parallel/for_each_index.h"

#include "core/team/agreement_levels.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <unordered_map>

namespace claimmark {

namespace {

using detail::addUnitPatterns;
using detail::bit;
using detail::categoryOf;
using detail::countExact;
using detail::emptyAttributes;
using detail::Group;
using detail::groupAcrossReviewers;
using detail::Item;
using detail::itemsByLabel;
using detail::kUnmatched;
using detail::matchByOverlap;
using detail::nonSpacePrefix;
using detail::placedRelations;
using detail::RelationKey;

}  // namespace

// --- [SECTION] Counting -----------------------------------------------------------------

AgreementCounts countDocument(const AgreementDocument& document, std::size_t reviewerCount, const Schema& schema) {
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

    // Documents are counted on a few threads, each into its own slot; the totals are then
    // added up in document order, so the figures never depend on the thread count.
    report.documents.resize(input.documents.size());
    forEachIndex(input.documents.size(), 0, [&](std::size_t i) {
        const AgreementDocument& document = input.documents[i];
        DocumentAgreement& d = report.documents[i];
        d.name = document.name;
        for (std::size_t r = 0; r < reviewerCount && r < document.sets.size(); ++r)
            if (document.sets[r]) d.reviewers.push_back(input.reviewers[r]);
        d.counts = countDocument(document, reviewerCount, input.schema);
        d.figures = headline(d.counts, reviewerCount);
    });
    for (const DocumentAgreement& d : report.documents) report.total.add(d.counts);
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
