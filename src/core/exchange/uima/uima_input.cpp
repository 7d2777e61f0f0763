// uima_input.cpp — see uima_input.h.
#include "core/exchange/uima/uima_input.h"

#include "core/exchange/uima/uima_format.h"

#include <limits>

namespace claimmark::uima {

namespace {

using nlohmann::json;

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

// The header's offset unit, or a message.
std::optional<Diagnostic> readHeader(const json& top, const std::string& file, OffsetUnit& unit) {
    auto it = top.find("%HEADER");
    if (it == top.end()) return std::nullopt;
    if (!it->is_object()) return Diagnostic{file, "%HEADER", "expected an object, got " + it->dump()};
    const json& version = member(*it, "%VERSION");
    if (!version.is_null()) {
        const std::string text = version.is_string() ? version.get<std::string>() : version.dump();
        if (!version.is_string() || text.rfind("0.", 0) != 0)
            return Diagnostic{file, "%HEADER.%VERSION",
                              "unsupported UIMA CAS JSON version " + quoted(text) +
                                  " (this reader knows the 0.x drafts; INCEpTION writes 0.4.0)"};
    }
    const json& encoding = member(*it, "%OFFSET_ENCODING");
    if (!encoding.is_null()) {
        const std::string text = encoding.is_string() ? encoding.get<std::string>() : encoding.dump();
        if (text == "UTF-16") unit = OffsetUnit::Utf16;
        else if (text == "UTF-8") unit = OffsetUnit::Byte;
        else if (text == "UTF-32") unit = OffsetUnit::CodePoint;
        else
            return Diagnostic{file, "%HEADER.%OFFSET_ENCODING",
                              "unknown offset encoding " + quoted(text) + " (UTF-16, UTF-8 or UTF-32)"};
    }
    return std::nullopt;
}

void readAttributeNames(const json& top, CasInput& cas) {
    const json& types = member(top, "%TYPES");
    if (!types.is_object()) return;
    const json& span = member(types, kSpanType);
    if (!span.is_object()) return;
    for (const auto& [feature, description] : span.items()) {
        if (!description.is_object()) continue;
        const json& text = member(description, "%DESCRIPTION");
        if (!text.is_string()) continue;
        const std::string& value = text.get_ref<const std::string&>();
        if (value.rfind(kAttributeDescription, 0) == 0 && value.size() > kAttributeDescription.size())
            cas.attributeNames[feature] = value.substr(kAttributeDescription.size());
    }
}

// Adds one feature structure (or a problem about it).
void addStructure(const json& fs, std::string path, std::optional<std::int64_t> id, const std::string& file,
                  CasInput& cas, Diagnostics& problems) {
    if (!fs.is_object()) {
        problems.push_back({file, path, "expected a feature structure object, got " + fs.dump().substr(0, 60)});
        return;
    }
    const json& type = member(fs, "%TYPE");
    if (!type.is_string() || type.get_ref<const std::string&>().empty()) {
        problems.push_back({file, path + ".%TYPE", "expected a type name, got " + type.dump()});
        return;
    }
    if (!id) {
        problems.push_back({file, path + ".%ID", "expected a positive integer id, got " + member(fs, "%ID").dump()});
        return;
    }
    if (cas.byId.count(*id)) {
        problems.push_back(
            {file, path + ".%ID",
             "id " + std::to_string(*id) + " is used twice (first at " + cas.structures[cas.byId[*id]].path + ")"});
        return;
    }
    cas.byId[*id] = cas.structures.size();
    cas.structures.push_back({&fs, std::move(path), type.get<std::string>(), *id});
}

void readViews(const json& top, const std::string& file, const CasInput& cas, Diagnostics& problems) {
    auto views = top.find("%VIEWS");
    if (views == top.end()) return;
    if (!views->is_object()) {
        problems.push_back({file, "%VIEWS", "expected an object of views, got " + views->dump().substr(0, 60)});
        return;
    }
    for (const auto& [name, view] : views->items()) {
        const std::string path = "%VIEWS." + name;
        if (!view.is_object()) {
            problems.push_back({file, path, "expected a view object"});
            continue;
        }
        const json& sofa = member(view, "%SOFA");
        const std::optional<std::int64_t> sofaId = readReference(sofa);
        if (!sofa.is_null() && (!sofaId || !cas.find(*sofaId) || cas.find(*sofaId)->type != kSofaType))
            problems.push_back({file, path + ".%SOFA", "names no uima.cas.Sofa: " + sofa.dump()});
        const json& members = member(view, "%MEMBERS");
        if (members.is_null()) continue;
        if (!members.is_array()) {
            problems.push_back({file, path + ".%MEMBERS", "expected an array of ids"});
            continue;
        }
        for (std::size_t k = 0; k < members.size(); ++k) {
            const std::optional<std::int64_t> id = readReference(members[k]);
            if (!id || !cas.find(*id))
                problems.push_back({file, path + ".%MEMBERS[" + std::to_string(k) + "]",
                                    "names no feature structure: " + members[k].dump()});
        }
    }
}

}  // namespace

std::optional<std::int64_t> readReference(const nlohmann::json& value) {
    if (value.is_number_unsigned()) {
        const std::uint64_t n = value.get<std::uint64_t>();
        if (n == 0 || n > std::uint64_t(std::numeric_limits<std::int64_t>::max())) return std::nullopt;
        return static_cast<std::int64_t>(n);
    }
    if (value.is_number_integer() && value.get<std::int64_t>() > 0) return value.get<std::int64_t>();
    return std::nullopt;
}

const nlohmann::json& member(const nlohmann::json& object, const char* key) {
    static const nlohmann::json kNull;
    if (!object.is_object()) return kNull;
    auto it = object.find(key);
    return it == object.end() ? kNull : *it;
}

Result<CasInput> readCasInput(const nlohmann::json& top, const std::string& file, Diagnostics& problems) {
    if (!top.is_object() || !top.contains("%FEATURE_STRUCTURES"))
        return Diagnostic{file, "",
                          "not a UIMA CAS JSON file (expected an object with \"%FEATURE_STRUCTURES\", "
                          "\"%TYPES\" and \"%VIEWS\")"};
    CasInput cas;
    if (std::optional<Diagnostic> bad = readHeader(top, file, cas.unit)) return *bad;
    readAttributeNames(top, cas);

    const json& structures = top["%FEATURE_STRUCTURES"];
    if (structures.is_array()) {
        cas.structures.reserve(structures.size());
        for (std::size_t k = 0; k < structures.size(); ++k) {
            const json& fs = structures[k];
            addStructure(fs, "%FEATURE_STRUCTURES[" + std::to_string(k) + "]", readReference(member(fs, "%ID")), file,
                         cas, problems);
        }
    } else if (structures.is_object()) {
        for (const auto& [key, fs] : structures.items()) {
            std::optional<std::int64_t> id;
            try {
                std::size_t used = 0;
                const long long n = std::stoll(key, &used);
                if (used == key.size() && n > 0) id = n;
            } catch (const std::exception&) {}
            addStructure(fs, "%FEATURE_STRUCTURES." + key, id, file, cas, problems);
        }
    } else {
        return Diagnostic{file, "%FEATURE_STRUCTURES", "expected an array of feature structures"};
    }

    for (const FeatureStructure& fs : cas.structures) {
        if (fs.type != kSofaType) continue;
        const json& text = member(*fs.object, "sofaString");
        if (!text.is_string()) continue;  // a sofa by URI or array: no text to annotate
        const json& name = member(*fs.object, "sofaID");
        cas.sofas.push_back({fs.id, name.is_string() ? name.get<std::string>() : "sofa" + std::to_string(fs.id),
                             &text.get_ref<const std::string&>()});
    }
    if (cas.sofas.empty())
        return Diagnostic{file, "%FEATURE_STRUCTURES",
                          "no uima.cas.Sofa with a \"sofaString\": the CAS holds no text to import"};
    readViews(top, file, cas, problems);
    return cas;
}

}  // namespace claimmark::uima
