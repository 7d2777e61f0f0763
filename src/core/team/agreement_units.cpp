// agreement_units.cpp — the unit and attribute levels of agreement: which reviewers cover
// each non-whitespace code point, and the attribute values of spans matched across
// reviewers (see agreement_levels.h).
//
// [SECTION] Units            a sweep over span boundaries: linear in the text, not per span
// [SECTION] Groups           cross-reviewer span groups and the attribute values on them
#include "core/team/agreement_levels.h"

#include "core/text/utf8.h"

#include <algorithm>

namespace claimmark::detail {

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
    std::sort(events.begin(), events.end(), [](const Event& x, const Event& y) { return x.position < y.position; });
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
        case AttributeKind::Text: return -1;
    }
    return -1;
}

}  // namespace claimmark::detail
