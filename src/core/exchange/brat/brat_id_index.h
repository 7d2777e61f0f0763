// brat_id_index.h — finds the line of a brat id (T12, R3, E7, ...) without hashing strings.
//
// brat writes ids as one letter and a number counting from 1, so an id of that shape goes
// into a plain array per letter, indexed by its number; anything else ("T01", "Tx",
// numbers far beyond the file's size) falls back to a hash map. Private to the brat
// importer: the index holds views into the .ann text, which must outlive it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace claimmark::brat {

class IdIndex {
public:
    static constexpr std::uint32_t kNone = UINT32_MAX;

    // `expected` is about how many ids there will be (the number of lines); numbers up to a
    // few times that go into the arrays.
    explicit IdIndex(std::size_t expected) : m_denseLimit(expected * 4 + 64) {}

    // Records `id` -> `value`; false (and nothing changed) when the id is already there.
    bool insert(std::string_view id, std::uint32_t value) {
        if (const auto slot = denseSlot(id)) {
            std::vector<std::uint32_t>& values = m_dense[slot->letter];
            if (values.size() <= slot->number) values.resize(slot->number + 1, kNone);
            if (values[slot->number] != kNone) return false;
            values[slot->number] = value;
            return true;
        }
        return m_other.emplace(id, value).second;
    }

    // The value recorded for `id`, or kNone.
    std::uint32_t find(std::string_view id) const {
        if (const auto slot = denseSlot(id)) {
            const std::vector<std::uint32_t>& values = m_dense[slot->letter];
            return slot->number < values.size() ? values[slot->number] : kNone;
        }
        const auto it = m_other.find(id);
        return it == m_other.end() ? kNone : it->second;
    }

private:
    struct Slot {
        std::size_t letter;  // index into m_dense
        std::size_t number;
    };

    // "T12" -> {T, 12}: a letter of T, R or E, then digits without a leading zero, below the limit.
    std::optional<Slot> denseSlot(std::string_view id) const {
        if (id.size() < 2 || id.size() > 11) return std::nullopt;
        std::size_t letter = 0;
        switch (id[0]) {
            case 'T': letter = 0; break;
            case 'R': letter = 1; break;
            case 'E': letter = 2; break;
            default: return std::nullopt;
        }
        if (id[1] == '0') return std::nullopt;
        std::size_t number = 0;
        for (std::size_t i = 1; i < id.size(); ++i) {
            const char c = id[i];
            if (c < '0' || c > '9') return std::nullopt;
            number = number * 10 + std::size_t(c - '0');
        }
        if (number >= m_denseLimit) return std::nullopt;
        return Slot{letter, number};
    }

    std::size_t m_denseLimit;
    std::array<std::vector<std::uint32_t>, 3> m_dense;
    std::unordered_map<std::string_view, std::uint32_t> m_other;
};

}  // namespace claimmark::brat
