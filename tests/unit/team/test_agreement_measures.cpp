// Agreement statistics against published worked examples and small cases worked by hand.
//
// Published examples:
//   - Cohen's kappa: the 50-proposal example of Wikipedia "Cohen's kappa" (20 yes/yes, 5 yes/no,
//     10 no/yes, 15 no/no): po = 0.7, pe = 0.5, kappa = 0.4.
//   - Fleiss' kappa: Fleiss (1971) as worked on Wikipedia "Fleiss' kappa": 10 subjects,
//     14 raters, 5 categories: P = 0.378, Pe = 0.213, kappa = 0.210.
//   - Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability", section C: 4 observers,
//     12 units, missing data: nominal 0.743, ordinal 0.815, interval 0.849.
#include "core/team/agreement_measures.h"

#include <doctest/doctest.h>

#include <optional>
#include <vector>

using namespace claimmark;

namespace {

using Table = std::vector<std::vector<double>>;

double valueOf(const Figure& figure) {
    REQUIRE_MESSAGE(figure.defined(), figure.reason);
    return *figure.value;
}

}  // namespace

TEST_CASE("Cohen's kappa: the Wikipedia 50-proposal example is 0.4") {
    // rows: reader A yes/no; columns: reader B yes/no.
    CHECK(valueOf(cohenKappa(Table{{20, 5}, {10, 15}})) == doctest::Approx(0.4));
}

TEST_CASE("Cohen's kappa: perfect 1, total disagreement -1, chance 0") {
    CHECK(valueOf(cohenKappa(Table{{3, 0}, {0, 7}})) == doctest::Approx(1.0));
    // po = 0, pe = 0.5*0.5*2 = 0.5 -> (0 - 0.5) / 0.5 = -1
    CHECK(valueOf(cohenKappa(Table{{0, 5}, {5, 0}})) == doctest::Approx(-1.0));
    // po = 0.5 = pe
    CHECK(valueOf(cohenKappa(Table{{25, 25}, {25, 25}})) == doctest::Approx(0.0));
}

TEST_CASE("Cohen's kappa: no units, or everything in one category, is undefined with a reason") {
    Figure empty = cohenKappa(Table{{0, 0}, {0, 0}});
    CHECK_FALSE(empty.defined());
    CHECK_FALSE(empty.reason.empty());
    Figure allNo = cohenKappa(Table{{0, 0}, {0, 40}});
    CHECK_FALSE(allNo.defined());
    CHECK(allNo.reason.find("expected agreement is 1") != std::string::npos);
}

TEST_CASE("quadratic-weighted kappa: a 3-category case worked by hand is 0.75") {
    // N = 6, rows 3/2/1, columns 2/2/2. Observed weighted disagreement: one (0,1) and one
    // (1,2) -> 2. Expected e_ij = row_i * 2 / 6: sum w*e = 5 + 4/3 + 5/3 = 8. 1 - 2/8.
    Table table{{2, 1, 0}, {0, 1, 1}, {0, 0, 1}};
    CHECK(valueOf(quadraticWeightedKappa(table)) == doctest::Approx(0.75));
    // Perfect agreement on spread values is 1; a constant rating is undefined.
    CHECK(valueOf(quadraticWeightedKappa(Table{{1, 0, 0}, {0, 2, 0}, {0, 0, 3}})) == doctest::Approx(1.0));
    CHECK_FALSE(quadraticWeightedKappa(Table{{0, 0, 0}, {0, 4, 0}, {0, 0, 0}}).defined());
}

TEST_CASE("quadratic-weighted kappa: a two-step miss costs four times a one-step miss") {
    // Two categories used at the ends of a 3-level scale vs. adjacent levels; both tables
    // have one disagreement out of 4 units, rows (2,2) columns (2,2) spread over the levels.
    // Adjacent (levels 0,1): observed 1*1, expected sum = 2*2/4*1*2 = 2 -> 1 - 1/2 = 0.5.
    Table adjacent{{2, 0, 0}, {1, 1, 0}, {0, 0, 0}};
    // rows (2,2,0), columns (3,1,0): observed = 1; expected = (2*1*1 + 2*3*1)/4 = 2 -> 0.5.
    CHECK(valueOf(quadraticWeightedKappa(adjacent)) == doctest::Approx(0.5));
    // Same shape on levels 0 and 2: observed 4*1 = 4; expected (2*1*4 + 2*3*4)/4 = 8 -> 0.5.
    Table apart{{2, 0, 0}, {0, 0, 0}, {1, 0, 1}};
    CHECK(valueOf(quadraticWeightedKappa(apart)) == doctest::Approx(0.5));
}

TEST_CASE("Fleiss' kappa: the Fleiss (1971) / Wikipedia example is 0.210") {
    Table counts{
        {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
        {7, 7, 0, 0, 0},  {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7},
    };
    CHECK(valueOf(fleissKappa(counts)) == doctest::Approx(0.210).epsilon(0.005));
}

TEST_CASE("Fleiss' kappa: perfect agreement, total disagreement and one category") {
    // 3 raters, 2 categories, subjects unanimous but spread over both categories.
    CHECK(valueOf(fleissKappa(Table{{3, 0}, {0, 3}, {3, 0}, {0, 3}})) == doctest::Approx(1.0));
    // 2 raters always split: P_i = 0, p = (0.5, 0.5), Pe = 0.5 -> -1.
    CHECK(valueOf(fleissKappa(Table{{1, 1}, {1, 1}})) == doctest::Approx(-1.0));
    CHECK_FALSE(fleissKappa(Table{{4, 0}, {4, 0}}).defined());
    CHECK_FALSE(fleissKappa(Table{}).defined());
}

TEST_CASE("Fleiss' kappa: a subject with one rating is skipped (missing reviewer)") {
    // Same as the perfect case plus a subject only one rater saw: still 1.
    CHECK(valueOf(fleissKappa(Table{{3, 0}, {0, 3}, {0, 1}})) == doctest::Approx(1.0));
}

TEST_CASE("Krippendorff's alpha: Krippendorff (2011) worked example with missing data") {
    const std::optional<double> _;  // missing
    std::vector<std::vector<std::optional<double>>> data{
        {1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _},  // observer A
        {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3},  // observer B
        {_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _},  // observer C
        {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _},  // observer D
    };
    CHECK(valueOf(krippendorffAlpha(data, AlphaLevel::Nominal)) == doctest::Approx(0.743).epsilon(0.001));
    CHECK(valueOf(krippendorffAlpha(data, AlphaLevel::Ordinal)) == doctest::Approx(0.815).epsilon(0.001));
    CHECK(valueOf(krippendorffAlpha(data, AlphaLevel::Interval)) == doctest::Approx(0.849).epsilon(0.001));
}

TEST_CASE("Krippendorff's alpha: binary case by hand") {
    // Units (1,1), (0,0), (1,0): o11 = 2, o00 = 2, o01 = o10 = 1; n = 6, n0 = n1 = 3.
    // alpha = 1 - (n - 1) * 2 / (2 * n0 * n1) = 1 - 10/18 = 4/9.
    std::vector<std::vector<std::optional<double>>> data{{1, 0, 1}, {1, 0, 0}};
    CHECK(valueOf(krippendorffAlpha(data, AlphaLevel::Nominal)) == doctest::Approx(4.0 / 9.0));
}

TEST_CASE("Krippendorff's alpha: perfect 1, undefined when no variation or nothing pairable") {
    std::vector<std::vector<std::optional<double>>> perfect{{1, 2, 3}, {1, 2, 3}};
    CHECK(valueOf(krippendorffAlpha(perfect, AlphaLevel::Nominal)) == doctest::Approx(1.0));
    CHECK(valueOf(krippendorffAlpha(perfect, AlphaLevel::Ordinal)) == doctest::Approx(1.0));

    std::vector<std::vector<std::optional<double>>> constant{{0, 0, 0}, {0, 0, 0}};
    Figure same = krippendorffAlpha(constant, AlphaLevel::Nominal);
    CHECK_FALSE(same.defined());
    CHECK(same.reason.find("0/0") != std::string::npos);

    const std::optional<double> _;
    std::vector<std::vector<std::optional<double>>> lonely{{1, _}, {_, 2}};
    CHECK_FALSE(krippendorffAlpha(lonely, AlphaLevel::Nominal).defined());
}

TEST_CASE("Coincidences: weighted unit patterns equal adding the units one by one") {
    Coincidences once(2), repeated(2);
    const double split[] = {1, 1}, agree[] = {0, 2};
    once.addUnit(split, 3);
    once.addUnit(agree, 2);
    for (int i = 0; i < 3; ++i) repeated.addUnit(split);
    for (int i = 0; i < 2; ++i) repeated.addUnit(agree);
    CHECK(valueOf(once.alpha(AlphaLevel::Nominal)) == doctest::Approx(valueOf(repeated.alpha(AlphaLevel::Nominal))));
    CHECK(once.pairableValues() == doctest::Approx(10.0));
}
