// split.h — a training dataset's split into parts (train / dev / test) by document.
//
// Parts and shares come from the user ("train=80,dev=10,test=10": names of letters, digits
// and '_' — Hugging Face's split-name rule — each from 1 to 100 percent, summing to 100).
// A document is an article: all sets of one article (several annotators) go into the same
// part, so no article is ever split across parts.
//
// The assignment is deterministic and does not depend on the order of the sets:
//   1. the articles are sorted by the SHA-256 of their text (lower-case hex);
//   2. they are shuffled by Fisher-Yates: for i from n-1 down to 1, swap i with
//      j = r mod (i+1), r the next output of SplitMix64 seeded with --seed, drawing again
//      while r >= 2^64 - (2^64 mod (i+1)) (no modulo bias);
//   3. each part gets floor(n * percent / 100) articles, and the articles left over go one
//      each to the parts with the largest remainders (ties: the part named first);
//   4. the shuffled articles are dealt out in that order: the first parts[0] count to the
//      first part, and so on.
#pragma once

#include "core/exchange/exchange.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimmark::dataset {

// Parses --split; on a bad spec, `error` says what is wrong (a usage error) and the result
// is empty.
std::vector<DatasetSplitPart> parseSplitSpec(std::string_view spec, std::string& error);
// Parses --seed: a decimal integer from 0 to 2^64-1.
std::optional<std::uint64_t> parseSeed(std::string_view text);

// SplitMix64 (Steele, Lea and Flood 2014), the split's generator.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next();
    // Uniform in [0, bound), bound >= 1, by rejection.
    std::uint64_t below(std::uint64_t bound);

private:
    std::uint64_t m_state;
};

// Articles per part by largest remainder (step 3 above).
std::vector<std::size_t> partSizes(std::size_t documents, const std::vector<DatasetSplitPart>& parts);

struct SplitAssignment {
    std::vector<std::size_t> partOfSource;  // per source: the index of its part
    std::vector<std::size_t> documents;     // per part: articles
    std::vector<std::size_t> sets;          // per part: sets (sources)
};

SplitAssignment assignSplit(const std::vector<ExportSource>& sources, const std::vector<DatasetSplitPart>& parts,
                            std::uint64_t seed);

// "split by article (seed 7, 10 articles): train 8 (8 sets, 412 rows), dev 1 (...), test 1 (...)"
std::string splitNotice(const std::vector<DatasetSplitPart>& parts, const SplitAssignment& assignment,
                        const std::vector<std::size_t>& rowsPerPart, std::uint64_t seed);

// The file of a part: "<name>.jsonl".
inline std::string partFileName(const DatasetSplitPart& part) { return part.name + ".jsonl"; }

}  // namespace claimmark::dataset
