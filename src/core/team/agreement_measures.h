// agreement_measures.h — the agreement statistics themselves, free of annotations: Cohen's
// kappa (plain and quadratic-weighted), Fleiss' kappa and Krippendorff's alpha (nominal,
// ordinal, interval; any number of coders, missing values allowed).
//
// [SECTION] Figure        a value, or the reason there is none (never a division by zero)
// [SECTION] Cohen         two raters, a square table of counts
// [SECTION] Fleiss        many raters, counts per subject and category
// [SECTION] Krippendorff  coincidence matrix built unit by unit, alpha at three levels
//
// Counts are doubles so that callers can add a unit pattern once with a weight (how many
// units share it) instead of once per unit — the unit-level figures of a long article are a
// handful of patterns repeated thousands of times.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace claimmark {

// --- [SECTION] Figure -------------------------------------------------------------------

// A figure is undefined when its formula would divide by zero: no units at all, or every
// rating in one category so that expected agreement is 1 (kappa) / expected disagreement is
// 0 (alpha). Then `value` is empty and `reason` says which, in words for the report.
struct Figure {
    std::optional<double> value;
    std::string reason;

    static Figure of(double v) { return Figure{v, {}}; }
    static Figure undefined(std::string why) { return Figure{std::nullopt, std::move(why)}; }
    bool defined() const { return value.has_value(); }
};

// numerator / denominator, or undefined with `reason` when the denominator is 0.
Figure ratio(double numerator, double denominator, const std::string& reason);

// --- [SECTION] Cohen --------------------------------------------------------------------

// table[i][j] = units the first rater put in category i and the second in category j
// (square). kappa = (po - pe) / (1 - pe).
Figure cohenKappa(const std::vector<std::vector<double>>& table);
// Quadratic weights: disagreement (i - j)^2; kappa_w = 1 - sum(w * observed) / sum(w * expected),
// expected[i][j] = row_i * column_j / N. Categories must be in their natural order.
Figure quadraticWeightedKappa(const std::vector<std::vector<double>>& table);

// --- [SECTION] Fleiss -------------------------------------------------------------------

// Subjects are added one at a time with their count per category. With the same number of
// ratings n for every subject this is Fleiss (1971). When n varies (a reviewer lacks a
// document) each subject's agreement P_i uses its own n_i and the category proportions p_j
// are pooled over all ratings; subjects with fewer than two ratings carry no agreement
// information and are skipped.
class FleissAccumulator {
public:
    explicit FleissAccumulator(std::size_t categories) : m_total(categories, 0.0) {}
    void addSubject(std::span<const double> counts, double weight = 1.0);
    Figure kappa() const;
    double subjects() const { return m_subjects; }

private:
    std::vector<double> m_total;  // ratings per category, over counted subjects
    double m_subjects = 0;
    double m_agreementSum = 0;  // sum of P_i
};

// counts[subject][category].
Figure fleissKappa(const std::vector<std::vector<double>>& counts);

// --- [SECTION] Krippendorff -------------------------------------------------------------

enum class AlphaLevel { Nominal, Ordinal, Interval };

// The coincidence matrix o[c][k] of Krippendorff's alpha over categories 0..k-1, in their
// natural order (ordinal uses that order; interval uses `values`, default 0..k-1).
class Coincidences {
public:
    explicit Coincidences(std::size_t categories);
    // counts[c] = values of category c that the coders gave this unit. A unit with fewer than
    // two values is not pairable and adds nothing (missing data).
    void addUnit(std::span<const double> counts, double weight = 1.0);
    void add(const Coincidences& other);  // same number of categories
    double pairableValues() const;        // n.. in Krippendorff's notation
    std::size_t categories() const { return m_categories; }
    // alpha = 1 - (n - 1) * sum(o_ck * d_ck) / sum(n_c * n_k * d_ck). Undefined when no unit
    // is pairable or every pairable value is the same (expected disagreement 0).
    Figure alpha(AlphaLevel level, const std::vector<double>& values = {}) const;

private:
    std::size_t m_categories;
    std::vector<double> m_o;  // row-major k x k
};

// The reliability-data form: data[coder][unit], nullopt where the coder gave no value.
// Categories are the distinct values, ascending (interval uses the values themselves).
Figure krippendorffAlpha(const std::vector<std::vector<std::optional<double>>>& data, AlphaLevel level);

}  // namespace claimmark
