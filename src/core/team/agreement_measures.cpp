// agreement_measures.cpp — see agreement_measures.h.
//
// [SECTION] Figure
// [SECTION] Cohen
// [SECTION] Fleiss
// [SECTION] Krippendorff
#include "core/team/agreement_measures.h"

#include <algorithm>
#include <cmath>

namespace claimmark {

namespace {

// Sums of doubles of integer counts are exact, but a product of ratios such as pe may land a
// hair away from 1; this keeps "all in one category" undefined instead of a huge number.
constexpr double kEpsilon = 1e-12;

const char* const kNoUnits = "no units to compare";
const char* const kOneCategory =
    "every rating is in the same category, so expected agreement is 1 and the figure is 0/0";

}  // namespace

// --- [SECTION] Figure -------------------------------------------------------------------

Figure ratio(double numerator, double denominator, const std::string& reason) {
    if (denominator == 0) return Figure::undefined(reason);
    return Figure::of(numerator / denominator);
}

// --- [SECTION] Cohen --------------------------------------------------------------------

Figure cohenKappa(const std::vector<std::vector<double>>& table) {
    const std::size_t k = table.size();
    std::vector<double> rows(k, 0.0), columns(k, 0.0);
    double total = 0, diagonal = 0;
    for (std::size_t i = 0; i < k; ++i) {
        for (std::size_t j = 0; j < k && j < table[i].size(); ++j) {
            rows[i] += table[i][j];
            columns[j] += table[i][j];
            total += table[i][j];
        }
        if (i < table[i].size()) diagonal += table[i][i];
    }
    if (total <= 0) return Figure::undefined(kNoUnits);
    double expected = 0;
    for (std::size_t i = 0; i < k; ++i) expected += (rows[i] / total) * (columns[i] / total);
    if (1.0 - expected <= kEpsilon) return Figure::undefined(kOneCategory);
    return Figure::of((diagonal / total - expected) / (1.0 - expected));
}

Figure quadraticWeightedKappa(const std::vector<std::vector<double>>& table) {
    const std::size_t k = table.size();
    std::vector<double> rows(k, 0.0), columns(k, 0.0);
    double total = 0;
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k && j < table[i].size(); ++j) {
            rows[i] += table[i][j];
            columns[j] += table[i][j];
            total += table[i][j];
        }
    if (total <= 0) return Figure::undefined(kNoUnits);
    double observed = 0, expected = 0;
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j) {
            const double d = double(i) - double(j);
            const double w = d * d;
            if (j < table[i].size()) observed += w * table[i][j];
            expected += w * rows[i] * columns[j] / total;
        }
    if (expected <= kEpsilon * total) return Figure::undefined(kOneCategory);
    return Figure::of(1.0 - observed / expected);
}

// --- [SECTION] Fleiss -------------------------------------------------------------------

void FleissAccumulator::addSubject(std::span<const double> counts, double weight) {
    double n = 0, squares = 0;
    for (double c : counts) {
        n += c;
        squares += c * c;
    }
    if (n < 2 || weight <= 0) return;
    for (std::size_t j = 0; j < counts.size() && j < m_total.size(); ++j) m_total[j] += weight * counts[j];
    m_subjects += weight;
    m_agreementSum += weight * (squares - n) / (n * (n - 1));
}

Figure FleissAccumulator::kappa() const {
    if (m_subjects <= 0) return Figure::undefined("no unit has ratings from two reviewers");
    double ratings = 0;
    for (double t : m_total) ratings += t;
    double expected = 0;
    for (double t : m_total) expected += (t / ratings) * (t / ratings);
    if (1.0 - expected <= kEpsilon) return Figure::undefined(kOneCategory);
    const double observed = m_agreementSum / m_subjects;
    return Figure::of((observed - expected) / (1.0 - expected));
}

Figure fleissKappa(const std::vector<std::vector<double>>& counts) {
    std::size_t categories = 0;
    for (const auto& row : counts) categories = std::max(categories, row.size());
    FleissAccumulator accumulator(categories);
    for (const auto& row : counts) accumulator.addSubject(row);
    return accumulator.kappa();
}

// --- [SECTION] Krippendorff -------------------------------------------------------------

Coincidences::Coincidences(std::size_t categories) : m_categories(categories), m_o(categories * categories, 0.0) {}

void Coincidences::addUnit(std::span<const double> counts, double weight) {
    double m = 0;
    for (double c : counts) m += c;
    if (m < 2 || weight <= 0) return;
    // Each ordered pair of values from different coders within the unit, weighted 1/(m-1),
    // so that every pairable value contributes exactly 1 to its row.
    const double scale = weight / (m - 1);
    const std::size_t k = std::min(counts.size(), m_categories);
    for (std::size_t c = 0; c < k; ++c) {
        if (counts[c] == 0) continue;
        for (std::size_t d = 0; d < k; ++d) {
            const double pairs = c == d ? counts[c] * (counts[c] - 1) : counts[c] * counts[d];
            m_o[c * m_categories + d] += scale * pairs;
        }
    }
}

void Coincidences::add(const Coincidences& other) {
    if (other.m_categories != m_categories) return;
    for (std::size_t i = 0; i < m_o.size(); ++i) m_o[i] += other.m_o[i];
}

double Coincidences::pairableValues() const {
    double n = 0;
    for (double o : m_o) n += o;
    return n;
}

Figure Coincidences::alpha(AlphaLevel level, const std::vector<double>& values) const {
    const std::size_t k = m_categories;
    std::vector<double> marginal(k, 0.0);
    double n = 0;
    for (std::size_t c = 0; c < k; ++c)
        for (std::size_t d = 0; d < k; ++d) {
            marginal[c] += m_o[c * k + d];
            n += m_o[c * k + d];
        }
    if (n <= kEpsilon) return Figure::undefined("no unit has values from two reviewers");

    auto difference = [&](std::size_t c, std::size_t d) -> double {
        if (c == d) return 0.0;
        switch (level) {
            case AlphaLevel::Nominal: return 1.0;
            case AlphaLevel::Ordinal: {
                const std::size_t lo = std::min(c, d), hi = std::max(c, d);
                double between = 0;
                for (std::size_t g = lo; g <= hi; ++g) between += marginal[g];
                const double x = between - (marginal[lo] + marginal[hi]) / 2.0;
                return x * x;
            }
            case AlphaLevel::Interval: {
                const double vc = c < values.size() ? values[c] : double(c);
                const double vd = d < values.size() ? values[d] : double(d);
                return (vc - vd) * (vc - vd);
            }
        }
        return 1.0;
    };

    double observed = 0, expected = 0;
    for (std::size_t c = 0; c < k; ++c)
        for (std::size_t d = 0; d < k; ++d) {
            if (c == d) continue;
            const double delta = difference(c, d);
            observed += m_o[c * k + d] * delta;
            expected += marginal[c] * marginal[d] * delta;
        }
    if (expected <= kEpsilon)
        return Figure::undefined("every value is the same, so expected disagreement is 0 and alpha is 0/0");
    return Figure::of(1.0 - (n - 1.0) * observed / expected);
}

Figure krippendorffAlpha(const std::vector<std::vector<std::optional<double>>>& data, AlphaLevel level) {
    std::vector<double> values;
    std::size_t units = 0;
    for (const auto& coder : data) {
        units = std::max(units, coder.size());
        for (const auto& v : coder)
            if (v) values.push_back(*v);
    }
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    Coincidences coincidences(values.size());
    std::vector<double> counts(values.size());
    for (std::size_t u = 0; u < units; ++u) {
        std::fill(counts.begin(), counts.end(), 0.0);
        for (const auto& coder : data) {
            if (u >= coder.size() || !coder[u]) continue;
            const auto at = std::lower_bound(values.begin(), values.end(), *coder[u]);
            counts[std::size_t(at - values.begin())] += 1;
        }
        coincidences.addUnit(counts);
    }
    return coincidences.alpha(level, values);
}

}  // namespace claimmark
