// evidence_hierarchy.cpp — see evidence_hierarchy.h.
#include "core/report/evidence_hierarchy.h"

#include <algorithm>
#include <set>

namespace claimmark {

namespace {

std::string describe(const nlohmann::json& value) {
    std::string text = value.dump();
    if (text.size() > 40) text = text.substr(0, 37) + "...";
    return text;
}

}  // namespace

int EvidenceHierarchy::rankOf(std::string_view type) const {
    for (std::size_t i = 0; i < ranks.size(); ++i)
        if (ranks[i] == type) return static_cast<int>(i);
    return ranks.empty() ? 0 : static_cast<int>(ranks.size() - 1);
}

std::string EvidenceHierarchy::words(std::string_view type) {
    std::string out(type);
    std::replace(out.begin(), out.end(), '-', ' ');
    return out;
}

Result<EvidenceHierarchy> hierarchyFromSchema(const Schema& schema, const std::string& fileName,
                                              const std::string& pathPrefix) {
    EvidenceHierarchy hierarchy;
    const auto block = schema.extra.find("report");
    if (block == schema.extra.end()) return hierarchy;
    Diagnostics problems;
    auto problem = [&](const std::string& path, const std::string& message) {
        problems.push_back(Diagnostic{fileName, path, message});
    };
    if (!block->is_object()) {
        problem(pathPrefix,
                "expected an object with \"evidence_hierarchy\", \"weak_from\" and \"strong_strength\", got " +
                    describe(*block));
        return problems;
    }

    // The evidence types the schema allows, when it declares them as an enum.
    std::set<std::string> allowed;
    if (const LabelDef* evidence = schema.findLabel("evidence"))
        if (const AttributeDef* type = evidence->findAttribute("type"); type && type->kind == AttributeKind::Enum)
            allowed.insert(type->values.begin(), type->values.end());

    static const std::set<std::string> known{"evidence_hierarchy", "weak_from", "strong_strength"};
    for (auto it = block->begin(); it != block->end(); ++it)
        if (!known.count(it.key()))
            problem(pathPrefix + "." + it.key(),
                    "unknown key (the report block has evidence_hierarchy, weak_from and strong_strength)");

    std::string weakFrom = hierarchy.ranks[hierarchy.weakFrom];
    if (auto it = block->find("evidence_hierarchy"); it != block->end()) {
        const std::string path = pathPrefix + ".evidence_hierarchy";
        if (!it->is_array() || it->empty()) {
            problem(path, "expected a non-empty list of evidence types, best first, got " + describe(*it));
        } else {
            std::vector<std::string> ranks;
            std::set<std::string> seen;
            for (std::size_t i = 0; i < it->size(); ++i) {
                const auto& item = (*it)[i];
                const std::string itemPath = path + "[" + std::to_string(i) + "]";
                if (!item.is_string() || item.get<std::string>().empty()) {
                    problem(itemPath, "expected an evidence type name, got " + describe(item));
                    continue;
                }
                const std::string name = item.get<std::string>();
                if (!allowed.empty() && !allowed.count(name)) {
                    problem(itemPath, "\"" + name + "\" is not a value of the evidence label's type attribute");
                    continue;
                }
                if (!seen.insert(name).second) {
                    problem(itemPath, "\"" + name + "\" is listed twice");
                    continue;
                }
                ranks.push_back(name);
            }
            hierarchy.ranks = std::move(ranks);
        }
    }
    if (auto it = block->find("weak_from"); it != block->end()) {
        if (!it->is_string()) {
            problem(pathPrefix + ".weak_from", "expected an evidence type name, got " + describe(*it));
        } else {
            weakFrom = it->get<std::string>();
        }
    }
    if (auto it = block->find("strong_strength"); it != block->end()) {
        if (!it->is_number_integer() || it->get<std::int64_t>() < 1 || it->get<std::int64_t>() > 1000)
            problem(pathPrefix + ".strong_strength", "expected a whole number of at least 1, got " + describe(*it));
        else hierarchy.strongStrength = it->get<std::int64_t>();
    }
    if (problems.empty()) {
        const auto found = std::find(hierarchy.ranks.begin(), hierarchy.ranks.end(), weakFrom);
        if (found == hierarchy.ranks.end())
            problem(pathPrefix + ".weak_from", "\"" + weakFrom + "\" is not in the evidence_hierarchy");
        else hierarchy.weakFrom = static_cast<std::size_t>(found - hierarchy.ranks.begin());
    }
    if (!problems.empty()) return problems;
    return hierarchy;
}

}  // namespace claimmark
