// agreement_report.cpp — see agreement_report.h.
//
// [SECTION] Helpers   figures to JSON / text, pair names, a tiny column table
// [SECTION] JSON
// [SECTION] Text
#include "core/team/agreement_report.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace claimmark {

namespace {

using nlohmann::json;

// --- [SECTION] Helpers ------------------------------------------------------------------

const char* const kExactRule = "same label and identical spans, matched one to one";
const char* const kOverlapRule =
    "same label and at least one shared code point, matched one to one, greedily by the most shared code points";

void put(json& object, const std::string& key, const Figure& figure) {
    if (figure.defined()) {
        object[key] = *figure.value;
    } else {
        object[key] = nullptr;
        object[key + "Reason"] = figure.reason;
    }
}

std::string nameOf(const AgreementReport& report, std::uint32_t reviewer) {
    return reviewer < report.reviewers.size() ? report.reviewers[reviewer] : "#" + std::to_string(reviewer);
}

json matchJson(const MatchCounts& c, bool withPrecision) {
    json out = json::object();
    if (withPrecision) {
        put(out, "precision", c.precision());
        put(out, "recall", c.recall());
    }
    put(out, "f1", c.f1());
    out["first"] = c.first;
    out["second"] = c.second;
    out["matched"] = c.matched;
    return out;
}

// A left-aligned first column and right-aligned figure columns.
class TextTable {
public:
    explicit TextTable(std::vector<std::string> header) { m_rows.push_back(std::move(header)); }
    void row(std::vector<std::string> cells) { m_rows.push_back(std::move(cells)); }
    std::string str() const {
        std::vector<std::size_t> width;
        for (const auto& r : m_rows)
            for (std::size_t i = 0; i < r.size(); ++i) {
                if (width.size() <= i) width.push_back(0);
                width[i] = std::max(width[i], displayWidth(r[i]));
            }
        std::string out;
        for (const auto& r : m_rows) {
            std::string line;
            for (std::size_t i = 0; i < r.size(); ++i) {
                const std::string pad(width[i] - displayWidth(r[i]), ' ');
                if (i == 0) line += r[i] + pad;
                else line += "  " + pad + r[i];
            }
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out += line + '\n';
        }
        return out;
    }

private:
    static std::size_t displayWidth(const std::string& s) {
        std::size_t n = 0;
        for (unsigned char c : s) n += (c & 0xC0) != 0x80;
        return n;
    }
    std::vector<std::vector<std::string>> m_rows;
};

std::vector<ReviewerPair> pairsOf(const AgreementCounts& counts) {
    std::vector<ReviewerPair> pairs;
    for (const auto& [label, perPair] : counts.overlap)
        for (const auto& [pair, c] : perPair)
            if (std::find(pairs.begin(), pairs.end(), pair) == pairs.end()) pairs.push_back(pair);
    std::sort(pairs.begin(), pairs.end());
    return pairs;
}

std::string pairName(const AgreementReport& report, const ReviewerPair& pair) {
    return nameOf(report, pair.first) + " / " + nameOf(report, pair.second);
}

// --- [SECTION] JSON ---------------------------------------------------------------------

json spanModeJson(const AgreementReport& report,
                  const std::map<std::string, std::map<ReviewerPair, MatchCounts>>& perLabel,
                  const std::vector<std::string>& keys, const char* perKeyName) {
    json out = json::object();
    const MatchCounts total = sumOverLabels(perLabel);
    put(out, "f1", total.f1());
    out["matched"] = total.matched;
    out["total"] = total.first + total.second;
    json per = json::object();
    for (const std::string& key : keys) {
        auto it = perLabel.find(key);
        MatchCounts c = it == perLabel.end() ? MatchCounts{} : sumOverPairs(it->second);
        json one = json::object();
        put(one, "f1", c.f1());
        one["matched"] = c.matched;
        one["total"] = c.first + c.second;
        per[key] = one;
    }
    out[perKeyName] = per;
    json pairs = json::array();
    std::vector<ReviewerPair> pairList;
    for (const auto& [key, perPair] : perLabel)
        for (const auto& [pair, c] : perPair)
            if (std::find(pairList.begin(), pairList.end(), pair) == pairList.end()) pairList.push_back(pair);
    std::sort(pairList.begin(), pairList.end());
    for (const ReviewerPair& pair : pairList) {
        json one = matchJson(sumOverLabels(perLabel, &pair), true);
        one["firstReviewer"] = nameOf(report, pair.first);
        one["secondReviewer"] = nameOf(report, pair.second);
        json perKey = json::object();
        for (const std::string& key : keys) {
            auto it = perLabel.find(key);
            if (it == perLabel.end()) continue;
            auto p = it->second.find(pair);
            perKey[key] = matchJson(p == it->second.end() ? MatchCounts{} : p->second, true);
        }
        one[perKeyName] = perKey;
        pairs.push_back(one);
    }
    out["pairs"] = pairs;
    return out;
}

json unitJson(const AgreementReport& report, const UnitPatterns& patterns) {
    const UnitFigures f = unitFigures(patterns, report.reviewers.size());
    json out = json::object();
    put(out, "fleissKappa", f.fleissKappa);
    put(out, "alpha", f.alpha);
    json pairs = json::array();
    for (const auto& [pair, kappa] : f.cohenKappa) {
        json one = {{"firstReviewer", nameOf(report, pair.first)}, {"secondReviewer", nameOf(report, pair.second)}};
        put(one, "cohenKappa", kappa);
        pairs.push_back(one);
    }
    out["pairs"] = pairs;
    return out;
}

json figuresJson(const AgreementReport& report, const AgreementCounts& counts) {
    json out = json::object();
    out["documents"] = counts.documents;
    out["units"] = counts.units;
    out["orphansExcluded"] = counts.orphansExcluded;
    out["spans"] = {{"exact", spanModeJson(report, counts.exact, report.labels, "perLabel")},
                    {"overlap", spanModeJson(report, counts.overlap, report.labels, "perLabel")}};

    json units = unitJson(report, poolLabels(counts.unitPatterns));
    json perLabel = json::object();
    for (const std::string& label : report.labels) {
        auto it = counts.unitPatterns.find(label);
        perLabel[label] = unitJson(report, it == counts.unitPatterns.end() ? UnitPatterns{} : it->second);
    }
    units["perLabel"] = perLabel;
    out["unitLevel"] = units;

    json attributes = json::array();
    for (const AttributeUnits& a : counts.attributes) {
        const AttributeFigures f = attributeFigures(a, report.reviewers.size());
        const bool ordinal = a.kind == AttributeKind::Ordinal;
        json one = {{"label", a.label},
                    {"attribute", a.attribute},
                    {"level", ordinal ? "ordinal" : "nominal"},
                    {"groups", f.groups}};
        put(one, "alpha", f.alpha);
        if (ordinal) {
            json pairs = json::array();
            for (const auto& [pair, kappa] : f.weightedKappa) {
                json p = {{"firstReviewer", nameOf(report, pair.first)},
                          {"secondReviewer", nameOf(report, pair.second)}};
                put(p, "weightedKappa", kappa);
                pairs.push_back(p);
            }
            one["pairs"] = pairs;
        }
        attributes.push_back(one);
    }
    out["attributes"] = attributes;
    out["relations"] = spanModeJson(report, counts.relations, report.relationTypes, "perType");
    return out;
}

json headlineJson(const Headline& h) {
    json out = json::object();
    put(out, "spanF1Exact", h.spanF1Exact);
    put(out, "spanF1Overlap", h.spanF1Overlap);
    put(out, "unitAlpha", h.unitAlpha);
    put(out, "unitFleissKappa", h.unitFleiss);
    put(out, "relationF1", h.relationF1);
    return out;
}

}  // namespace

std::string formatFigure(const Figure& figure) {
    if (!figure.defined()) return "n/a";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", *figure.value);
    return std::string(buffer) == "-0.000" ? "0.000" : buffer;
}

nlohmann::json agreementToJson(const AgreementReport& report, const ReportOptions& options) {
    json out = json::object();
    out["reviewers"] = report.reviewers;
    out["labels"] = report.labels;
    out["relationTypes"] = report.relationTypes;
    out["matching"] = {{"exact", kExactRule}, {"overlap", kOverlapRule}};
    out["notes"] = options.notes;
    out["micro"] = figuresJson(report, report.total);
    json headline = headlineJson(report.micro);
    out["microHeadline"] = headline;
    if (options.project) {
        json macro = json::object();
        auto putMacro = [&](const char* key, const MacroFigure& m) {
            json one = json::object();
            put(one, "mean", m.mean);
            one["documents"] = m.documents;
            macro[key] = one;
        };
        putMacro("spanF1Exact", report.macroSpanF1Exact);
        putMacro("spanF1Overlap", report.macroSpanF1Overlap);
        putMacro("unitAlpha", report.macroUnitAlpha);
        putMacro("unitFleissKappa", report.macroUnitFleiss);
        putMacro("relationF1", report.macroRelationF1);
        out["macro"] = macro;
    }
    json perDocument = json::array();
    for (std::size_t index : report.worstFirst) {
        const DocumentAgreement& d = report.documents[index];
        json one = headlineJson(d.figures);
        one["document"] = d.name;
        one["reviewers"] = d.reviewers;
        one["units"] = d.counts.units;
        one["orphansExcluded"] = d.counts.orphansExcluded;
        perDocument.push_back(one);
    }
    out["perDocument"] = perDocument;
    return out;
}

// --- [SECTION] Text ---------------------------------------------------------------------

std::string agreementToText(const AgreementReport& report, const ReportOptions& options) {
    std::ostringstream out;
    const AgreementCounts& c = report.total;
    out << "Reviewers: ";
    for (std::size_t i = 0; i < report.reviewers.size(); ++i) out << (i ? ", " : "") << report.reviewers[i];
    out << "\nDocuments: " << c.documents << ", units (non-whitespace code points): " << c.units
        << ", orphaned annotations left out: " << c.orphansExcluded << '\n';
    for (const std::string& note : options.notes) out << "note: " << note << '\n';

    const std::vector<ReviewerPair> pairs = pairsOf(c);
    if (pairs.empty()) out << "note: no document has sets from two reviewers, so there is nothing to compare\n";

    out << "\nSpans — F1 over reviewer pairs (exact: identical spans; overlap: any shared code point, one to one)\n";
    {
        TextTable t({"label", "exact F1", "overlap F1", "spans"});
        for (const std::string& label : report.labels) {
            auto e = c.exact.find(label);
            auto o = c.overlap.find(label);
            const MatchCounts ce = e == c.exact.end() ? MatchCounts{} : sumOverPairs(e->second);
            const MatchCounts co = o == c.overlap.end() ? MatchCounts{} : sumOverPairs(o->second);
            t.row({label, formatFigure(ce.f1()), formatFigure(co.f1()), std::to_string(co.first + co.second)});
        }
        const MatchCounts te = sumOverLabels(c.exact), to = sumOverLabels(c.overlap);
        t.row({"overall", formatFigure(te.f1()), formatFigure(to.f1()), std::to_string(to.first + to.second)});
        out << t.str();
    }
    if (!pairs.empty()) {
        out << "\nPairs — precision and recall of the second reviewer against the first\n";
        TextTable t({"pair", "exact P", "exact R", "exact F1", "overlap P", "overlap R", "overlap F1"});
        for (const ReviewerPair& pair : pairs) {
            const MatchCounts e = sumOverLabels(c.exact, &pair), o = sumOverLabels(c.overlap, &pair);
            t.row({pairName(report, pair), formatFigure(e.precision()), formatFigure(e.recall()), formatFigure(e.f1()),
                   formatFigure(o.precision()), formatFigure(o.recall()), formatFigure(o.f1())});
        }
        out << t.str();
    }

    out << "\nUnits — is the code point inside a span of the label?\n";
    {
        std::vector<std::string> header{"label", "Fleiss", "alpha"};
        for (const ReviewerPair& pair : pairs) header.push_back("kappa " + pairName(report, pair));
        TextTable t(header);
        auto addRow = [&](const std::string& name, const UnitPatterns& patterns) {
            const UnitFigures f = unitFigures(patterns, report.reviewers.size());
            std::vector<std::string> row{name, formatFigure(f.fleissKappa), formatFigure(f.alpha)};
            for (const ReviewerPair& pair : pairs) {
                auto it = f.cohenKappa.find(pair);
                row.push_back(it == f.cohenKappa.end() ? "n/a" : formatFigure(it->second));
            }
            t.row(row);
        };
        for (const std::string& label : report.labels) {
            auto it = c.unitPatterns.find(label);
            addRow(label, it == c.unitPatterns.end() ? UnitPatterns{} : it->second);
        }
        addRow("overall", poolLabels(c.unitPatterns));
        out << t.str();
    }

    if (!c.attributes.empty()) {
        out << "\nAttributes — on spans matched across reviewers\n";
        std::vector<std::string> header{"attribute", "level", "groups", "alpha"};
        for (const ReviewerPair& pair : pairs) header.push_back("wkappa " + pairName(report, pair));
        TextTable t(header);
        for (const AttributeUnits& a : c.attributes) {
            const AttributeFigures f = attributeFigures(a, report.reviewers.size());
            const bool ordinal = a.kind == AttributeKind::Ordinal;
            std::vector<std::string> row{a.label + "." + a.attribute, ordinal ? "ordinal" : "nominal",
                                         std::to_string(f.groups), formatFigure(f.alpha)};
            for (const ReviewerPair& pair : pairs) {
                auto it = f.weightedKappa.find(pair);
                row.push_back(!ordinal ? "" : it == f.weightedKappa.end() ? "n/a" : formatFigure(it->second));
            }
            t.row(row);
        }
        out << t.str();
    }

    out << "\nRelations — (type, from, to) with ends matched by overlap\n";
    {
        TextTable t({"type", "F1", "relations"});
        for (const std::string& type : report.relationTypes) {
            auto it = c.relations.find(type);
            const MatchCounts m = it == c.relations.end() ? MatchCounts{} : sumOverPairs(it->second);
            t.row({type, formatFigure(m.f1()), std::to_string(m.first + m.second)});
        }
        const MatchCounts total = sumOverLabels(c.relations);
        t.row({"overall", formatFigure(total.f1()), std::to_string(total.first + total.second)});
        out << t.str();
    }

    if (options.project) {
        out << "\nProject — micro (pooled counts) and macro (mean over documents where defined)\n";
        TextTable t({"figure", "micro", "macro", "documents"});
        auto row = [&](const char* name, const Figure& micro, const MacroFigure& macro) {
            t.row({name, formatFigure(micro), formatFigure(macro.mean), std::to_string(macro.documents)});
        };
        row("span F1 exact", report.micro.spanF1Exact, report.macroSpanF1Exact);
        row("span F1 overlap", report.micro.spanF1Overlap, report.macroSpanF1Overlap);
        row("unit alpha", report.micro.unitAlpha, report.macroUnitAlpha);
        row("unit Fleiss", report.micro.unitFleiss, report.macroUnitFleiss);
        row("relation F1", report.micro.relationF1, report.macroRelationF1);
        out << t.str();

        out << "\nDocuments — worst first (by unit alpha, then overlap F1)\n";
        TextTable d({"document", "reviewers", "unit alpha", "Fleiss", "F1 exact", "F1 overlap", "relation F1"});
        for (std::size_t index : report.worstFirst) {
            const DocumentAgreement& doc = report.documents[index];
            d.row({doc.name, std::to_string(doc.reviewers.size()), formatFigure(doc.figures.unitAlpha),
                   formatFigure(doc.figures.unitFleiss), formatFigure(doc.figures.spanF1Exact),
                   formatFigure(doc.figures.spanF1Overlap), formatFigure(doc.figures.relationF1)});
        }
        out << d.str();
    }
    out << "\nn/a: undefined (0/0, e.g. a label nobody used); --json gives the reason.\n";
    return out.str();
}

}  // namespace claimmark
