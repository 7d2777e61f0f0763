// split.cpp — see split.h.
#include "core/exchange/dataset/split.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <numeric>

namespace claimmark::dataset {

namespace {

bool validPartName(std::string_view name) {
    if (name.empty() || name.size() > 64) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
}

}  // namespace

std::vector<DatasetSplitPart> parseSplitSpec(std::string_view spec, std::string& error) {
    std::vector<DatasetSplitPart> parts;
    error.clear();
    const std::string example = " (e.g. --split train=80,dev=10,test=10)";
    if (spec.empty()) {
        error = "--split needs parts" + example;
        return {};
    }
    unsigned total = 0;
    std::size_t pos = 0;
    while (true) {
        const std::size_t comma = spec.find(',', pos);
        const std::string_view item = spec.substr(pos, comma == std::string_view::npos ? spec.npos : comma - pos);
        const std::size_t eq = item.find('=');
        if (eq == std::string_view::npos) {
            error = "--split part '" + std::string(item) + "' is not NAME=PERCENT" + example;
            return {};
        }
        const std::string_view name = item.substr(0, eq), number = item.substr(eq + 1);
        if (!validPartName(name)) {
            error = "--split part name '" + std::string(name) +
                    "' must be 1 to 64 letters, digits or '_' (it names the file <name>.jsonl)";
            return {};
        }
        for (const DatasetSplitPart& p : parts)
            if (p.name == name) {
                error = "--split names the part '" + std::string(name) + "' twice";
                return {};
            }
        unsigned percent = 0;
        const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), percent);
        if (number.empty() || ec != std::errc() || end != number.data() + number.size() || percent < 1 ||
            percent > 100) {
            error = "--split part '" + std::string(name) + "' needs a whole percentage from 1 to 100, not '" +
                    std::string(number) + "'";
            return {};
        }
        total += percent;
        parts.push_back(DatasetSplitPart{std::string(name), percent});
        if (comma == std::string_view::npos) break;
        pos = comma + 1;
    }
    if (total != 100) {
        error = "--split percentages sum to " + std::to_string(total) + ", not 100";
        return {};
    }
    return parts;
}

std::optional<std::uint64_t> parseSeed(std::string_view text) {
    std::uint64_t seed = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seed);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return seed;
}

std::uint64_t SplitMix64::next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::uint64_t SplitMix64::below(std::uint64_t bound) {
    // 2^64 mod bound, computed without 128-bit arithmetic: (2^64 - bound) mod bound.
    const std::uint64_t excess = (0 - bound) % bound;
    const std::uint64_t limit = 0 - excess;  // draws >= limit are rejected (limit 0: none)
    for (;;) {
        const std::uint64_t r = next();
        if (excess == 0 || r < limit) return r % bound;
    }
}

std::vector<std::size_t> partSizes(std::size_t documents, const std::vector<DatasetSplitPart>& parts) {
    std::vector<std::size_t> sizes(parts.size(), 0);
    std::vector<std::size_t> remainders(parts.size(), 0);
    std::size_t given = 0;
    for (std::size_t p = 0; p < parts.size(); ++p) {
        const std::size_t share = documents * parts[p].percent;
        sizes[p] = share / 100;
        remainders[p] = share % 100;
        given += sizes[p];
    }
    std::vector<std::size_t> order(parts.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    for (std::size_t k = 0; given < documents && k < order.size(); ++k, ++given) ++sizes[order[k]];
    return sizes;
}

SplitAssignment assignSplit(const std::vector<ExportSource>& sources, const std::vector<DatasetSplitPart>& parts,
                            std::uint64_t seed) {
    // The articles, by the SHA-256 of their text (the same for every set of one article).
    std::map<std::string, std::vector<std::size_t>> byArticle;
    for (std::size_t i = 0; i < sources.size(); ++i) byArticle[sources[i].document.sha256()].push_back(i);
    std::vector<const std::vector<std::size_t>*> articles;
    for (const auto& [sha, members] : byArticle) articles.push_back(&members);

    SplitMix64 rng(seed);
    for (std::size_t i = articles.size(); i > 1; --i) std::swap(articles[i - 1], articles[rng.below(i)]);

    SplitAssignment out;
    out.partOfSource.assign(sources.size(), 0);
    out.documents = partSizes(articles.size(), parts);
    out.sets.assign(parts.size(), 0);
    std::size_t next = 0;
    for (std::size_t p = 0; p < parts.size(); ++p)
        for (std::size_t k = 0; k < out.documents[p]; ++k, ++next)
            for (std::size_t source : *articles[next]) {
                out.partOfSource[source] = p;
                ++out.sets[p];
            }
    return out;
}

std::string splitNotice(const std::vector<DatasetSplitPart>& parts, const SplitAssignment& assignment,
                        const std::vector<std::size_t>& rowsPerPart, std::uint64_t seed) {
    std::size_t articles = 0;
    for (std::size_t n : assignment.documents) articles += n;
    std::string text = "split by article (seed " + std::to_string(seed) + ", " + std::to_string(articles) +
                       (articles == 1 ? " article" : " articles") + "):";
    for (std::size_t p = 0; p < parts.size(); ++p) {
        text += (p == 0 ? " " : ", ") + parts[p].name + " " + std::to_string(assignment.documents[p]) + " (" +
                std::to_string(assignment.sets[p]) + (assignment.sets[p] == 1 ? " set, " : " sets, ") +
                std::to_string(rowsPerPart[p]) + (rowsPerPart[p] == 1 ? " row)" : " rows)");
    }
    for (std::size_t p = 0; p < parts.size(); ++p)
        if (assignment.documents[p] == 0)
            text += "\nwarning: the part '" + parts[p].name + "' got no article (" + parts[p].name +
                    ".jsonl is empty); too few articles for " + std::to_string(parts.size()) + " parts";
    return text;
}

}  // namespace claimmark::dataset
