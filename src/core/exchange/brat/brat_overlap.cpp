// brat_overlap.cpp — brat's overlap judgement and the <OVERLAP> rules (brat_overlap.h).
#include "core/exchange/brat/brat_overlap.h"

#include <algorithm>

namespace claimmark::brat {

// --- [SECTION] Judging a pair -------------------------------------------------------------

namespace {

std::size_t firstStart(const std::vector<Span>& f) {
    std::size_t s = f.front().start;
    for (const Span& x : f) s = std::min(s, x.start);
    return s;
}

std::size_t lastEnd(const std::vector<Span>& f) {
    std::size_t e = f.front().end;
    for (const Span& x : f) e = std::max(e, x.end);
    return e;
}

// Each fragment of `inner` inside one fragment of `outer`.
bool contains(const std::vector<Span>& outer, const std::vector<Span>& inner) {
    for (const Span& i : inner) {
        bool inside = false;
        for (const Span& o : outer)
            if (i.start >= o.start && i.end <= o.end) {
                inside = true;
                break;
            }
        if (!inside) return false;
    }
    return true;
}

bool sameFragments(const std::vector<Span>& a, const std::vector<Span>& b) {
    auto key = [](const Span& s) { return std::pair(s.start, s.end); };
    std::set<std::pair<std::size_t, std::size_t>> x, y;
    for (const Span& s : a) x.insert(key(s));
    for (const Span& s : b) y.insert(key(s));
    return x == y;
}

}  // namespace

Overlap judgeOverlap(const std::vector<Span>& a, const std::vector<Span>& b) {
    if (a.empty() || b.empty()) return Overlap::None;
    if (!(firstStart(b) < lastEnd(a) && lastEnd(b) > firstStart(a))) return Overlap::None;
    if (sameFragments(a, b)) return Overlap::Equal;
    if (contains(b, a)) return Overlap::FirstInSecond;
    if (contains(a, b)) return Overlap::SecondInFirst;
    return Overlap::Cross;
}

// --- [SECTION] What the data needs --------------------------------------------------------

void OverlapNeeds::addDocument(std::vector<TextBound> bounds) {
    if (m_gaveUp) return;
    struct Item {
        std::size_t start, end;
        const TextBound* bound;
    };
    std::vector<Item> items;
    items.reserve(bounds.size());
    for (const TextBound& b : bounds)
        if (!b.fragments.empty()) items.push_back({firstStart(b.fragments), lastEnd(b.fragments), &b});
    std::sort(items.begin(), items.end(), [](const Item& x, const Item& y) { return x.start < y.start; });
    std::vector<const Item*> active;
    for (const Item& item : items) {
        active.erase(std::remove_if(active.begin(), active.end(), [&](const Item* a) { return a->end <= item.start; }),
                     active.end());
        for (const Item* other : active) {
            if (++m_comparisons > kMaxComparisons) {
                m_gaveUp = true;
                return;
            }
            const Overlap overlap = judgeOverlap(other->bound->fragments, item.bound->fragments);
            const std::string x(other->bound->type), y(item.bound->type);
            switch (overlap) {
                case Overlap::None: break;
                case Overlap::FirstInSecond: m_needs[{x, y}] |= kOverlapContain; break;
                case Overlap::SecondInFirst: m_needs[{y, x}] |= kOverlapContain; break;
                case Overlap::Equal: m_needs[std::minmax(x, y)] |= kOverlapEqual; break;
                case Overlap::Cross: m_needs[std::minmax(x, y)] |= kOverlapCross; break;
            }
        }
        active.push_back(&item);
    }
}

std::string OverlapNeeds::ruleLines(const std::vector<std::string>& entityTypes) const {
    if (entityTypes.empty()) return "";
    if (m_gaveUp) {
        std::string all;
        for (const std::string& t : entityTypes) all += (all.empty() ? "" : "|") + t;
        return "<OVERLAP>\tArg1:" + all + ", Arg2:" + all + ", <OVL-TYPE>:<ANY>\n";
    }
    const std::set<std::string> entities(entityTypes.begin(), entityTypes.end());
    std::string out;
    for (const auto& [pair, kinds] : m_needs) {
        if (!entities.count(pair.first) || !entities.count(pair.second)) continue;
        std::string names;
        for (const auto& [bit, name] : {std::pair(kOverlapContain, "contain"), std::pair(kOverlapEqual, "equal"),
                                        std::pair(kOverlapCross, "cross")})
            if (kinds & bit) names += (names.empty() ? "" : "|") + std::string(name);
        out += "<OVERLAP>\tArg1:" + pair.first + ", Arg2:" + pair.second + ", <OVL-TYPE>:" + names + "\n";
    }
    return out;
}

// --- [SECTION] Reading rules back ---------------------------------------------------------

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::set<std::string> alternatives(std::string_view value) {
    std::set<std::string> out;
    std::size_t start = 0;
    while (start <= value.size()) {
        const std::size_t bar = std::min(value.find('|', start), value.size());
        if (bar > start) out.emplace(trim(value.substr(start, bar - start)));
        start = bar + 1;
    }
    return out;
}

}  // namespace

OverlapRules OverlapRules::parse(std::string_view conf) {
    OverlapRules rules;
    std::string section;
    std::size_t start = 0;
    while (start < conf.size()) {
        const std::size_t end = std::min(conf.find('\n', start), conf.size());
        const std::string_view line = trim(conf.substr(start, end - start));
        start = end + 1;
        if (line.empty() || line.front() == '#') continue;
        if (line.front() == '[') {
            section = std::string(line);
            continue;
        }
        constexpr std::string_view kName = "<OVERLAP>";
        if (section != "[relations]" || line.substr(0, kName.size()) != kName) continue;
        Rule rule;
        std::string_view rest = trim(line.substr(kName.size()));
        std::size_t at = 0;
        while (at <= rest.size()) {
            const std::size_t comma = std::min(rest.find(',', at), rest.size());
            const std::string_view part = trim(rest.substr(at, comma - at));
            at = comma + 1;
            const std::size_t colon = part.find(':');
            if (colon == std::string_view::npos) continue;
            const std::string_view key = trim(part.substr(0, colon));
            const std::set<std::string> values = alternatives(part.substr(colon + 1));
            if (key == "Arg1") rule.arg1 = values;
            else if (key == "Arg2") rule.arg2 = values;
            else if (key == "<OVL-TYPE>") rule.kinds = values;
        }
        rules.m_rules.push_back(std::move(rule));
    }
    return rules;
}

std::set<std::string> OverlapRules::kinds(const std::string& inner, const std::string& outer) const {
    std::set<std::string> out;
    for (const Rule& r : m_rules)
        if (r.arg1.count(inner) && r.arg2.count(outer)) out.insert(r.kinds.begin(), r.kinds.end());
    return out;
}

bool OverlapRules::allows(const std::string& first, const std::string& second, Overlap overlap) const {
    const std::set<std::string> forward = kinds(first, second), backward = kinds(second, first);
    auto either = [&](const char* kind) {
        return forward.count(kind) || backward.count(kind) || forward.count("<ANY>") || backward.count("<ANY>");
    };
    switch (overlap) {
        case Overlap::None: return true;
        case Overlap::Equal: return either("equal");
        case Overlap::Cross: return either("cross");
        case Overlap::FirstInSecond:
            return forward.count("contain") || forward.count("<ANY>") || backward.count("<ANY>");
        case Overlap::SecondInFirst:
            return backward.count("contain") || backward.count("<ANY>") || forward.count("<ANY>");
    }
    return false;
}

}  // namespace claimmark::brat
