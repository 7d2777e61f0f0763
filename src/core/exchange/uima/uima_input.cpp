// uima_input.cpp — see uima_input.h.
//
// [SECTION] The SAX reader   events into FeatureStructures; %HEADER, %TYPES, %VIEWS captured
// [SECTION] The frame        header, attribute names, structures, sofas and views checked
#include "core/exchange/uima/uima_input.h"

#include "core/exchange/uima/uima_format.h"
#include "core/storage/json_capture.h"
#include "core/storage/json_input.h"

#include <iterator>
#include <limits>

namespace claimmark::uima {

namespace {

using nlohmann::json;

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

constexpr const char* kStructuresKey = "%FEATURE_STRUCTURES";

// "%FEATURE_STRUCTURES[12]" for the array form, "%FEATURE_STRUCTURES.<key>" for the object form.
std::string structurePath(std::size_t index, const std::string* key) {
    return key ? "%FEATURE_STRUCTURES." + *key : "%FEATURE_STRUCTURES[" + std::to_string(index) + "]";
}

// --- [SECTION] The SAX reader ----------------------------------------------------------------

enum class StructuresForm { None, Array, Object, Other };

// Depths: 1 inside the top object, 2 inside %FEATURE_STRUCTURES, 3 inside one structure.
class CasSax final : public nlohmann::json_sax<json> {
public:
    CasSax(CasInput& cas, const std::string& file) : m_cas(cas), m_file(file) {}

    bool topIsObject = false;
    StructuresForm form = StructuresForm::None;
    std::optional<json> header, types, views;
    Diagnostics structureProblems;  // reported once the header is known to be readable
    std::string syntaxError;
    std::size_t syntaxByte = 0;

    bool null() override { return scalar(json(nullptr)); }
    bool boolean(bool v) override { return scalar(json(v)); }
    bool number_integer(number_integer_t v) override { return scalar(json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return scalar(json(v)); }
    bool number_float(number_float_t v, const string_t&) override { return scalar(json(v)); }
    // Copied, not moved: the lexer keeps its buffer's capacity for the next string.
    bool string(string_t& v) override { return scalar(json(v)); }
    bool binary(binary_t& v) override { return scalar(json::binary(std::move(v))); }

    bool start_object(std::size_t) override { return startContainer(true); }
    bool start_array(std::size_t) override { return startContainer(false); }
    bool end_object() override { return endContainer(); }
    bool end_array() override { return endContainer(); }

    bool key(string_t& k) override {
        if (m_capture.active()) m_capture.key(k);
        else if (m_skip == 0 && m_depth == 1) m_topKey = k;
        else if (m_skip == 0 && m_depth == 2) m_structureKey = k;
        else if (m_skip == 0 && m_depth == 3) m_featureKey = k;
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
        syntaxError = jsonErrorReason(ex.what());
        syntaxByte = position > 0 ? position - 1 : 0;
        return false;
    }

private:
    // Where a captured value goes once it is complete.
    enum class Target { Header, Types, Views, NotAStructure, FeatureValue };

    CasInput& m_cas;
    const std::string& m_file;
    JsonCapture m_capture;
    Target m_target = Target::Header;
    int m_depth = 0;
    int m_skip = 0;  // open containers of a value nobody reads
    std::string m_topKey, m_structureKey, m_featureKey;
    std::size_t m_elements = 0;       // elements of %FEATURE_STRUCTURES so far
    std::vector<Feature> m_features;  // of the structure being read (its capacity reused)
    json m_id, m_type;

    bool inStructures() const { return m_topKey == kStructuresKey; }

    // The path of the element `index` of %FEATURE_STRUCTURES (the one now being read).
    std::string elementPath(std::size_t index) const {
        return structurePath(index, form == StructuresForm::Array ? nullptr : &m_structureKey);
    }

    bool capture(Target target, bool object) {
        m_target = target;
        m_capture.begin();
        object ? m_capture.startObject() : m_capture.startArray();
        return true;
    }

    bool startContainer(bool object) {
        if (m_capture.active()) {
            object ? m_capture.startObject() : m_capture.startArray();
            return true;
        }
        if (m_skip > 0) return ++m_skip, true;
        switch (m_depth) {
            case 0:
                if (!object) return ++m_skip, true;  // not a CAS: reported after the parse
                topIsObject = true;
                m_depth = 1;
                return true;
            case 1:
                if (m_topKey == "%HEADER") return capture(Target::Header, object);
                if (m_topKey == "%TYPES") return capture(Target::Types, object);
                if (m_topKey == "%VIEWS") return capture(Target::Views, object);
                if (!inStructures()) return ++m_skip, true;
                form = object ? StructuresForm::Object : StructuresForm::Array;
                m_depth = 2;
                return true;
            case 2:
                if (!object) return capture(Target::NotAStructure, false);
                m_features.clear();
                m_id = json();
                m_type = json();
                m_depth = 3;
                return true;
            default: return capture(Target::FeatureValue, object);
        }
    }

    bool endContainer() {
        if (m_capture.active()) {
            if (m_capture.endContainer()) deliver(m_capture.take());
            return true;
        }
        if (m_skip > 0) return --m_skip, true;
        if (m_depth == 3) finishStructure();
        --m_depth;
        return true;
    }

    bool scalar(json&& value) {
        if (m_capture.active()) {
            if (m_capture.scalar(std::move(value))) deliver(m_capture.take());
            return true;
        }
        if (m_skip > 0) return true;
        switch (m_depth) {
            case 0: return true;  // a scalar document: not a CAS
            case 1:
                if (m_topKey == "%HEADER") header = std::move(value);
                else if (m_topKey == "%VIEWS") views = std::move(value);
                else if (inStructures()) form = StructuresForm::Other;
                return true;
            case 2: notAStructure(value); return true;
            default:
                if (m_featureKey == "%ID") m_id = std::move(value);
                else if (m_featureKey == "%TYPE") m_type = std::move(value);
                else m_features.push_back({m_featureKey, std::move(value)});
                return true;
        }
    }

    void deliver(json&& value) {
        switch (m_target) {
            case Target::Header: header = std::move(value); break;
            case Target::Types: types = std::move(value); break;
            case Target::Views: views = std::move(value); break;
            case Target::NotAStructure: notAStructure(value); break;
            case Target::FeatureValue: m_features.push_back({m_featureKey, std::move(value)}); break;
        }
    }

    void notAStructure(const json& value) {
        structureProblems.push_back({m_file, elementPath(m_elements++),
                                     "expected a feature structure object, got " + value.dump().substr(0, 60)});
    }

    // The structure just closed, checked and kept (or a problem about it).
    void finishStructure() {
        const std::size_t index = m_elements++;
        auto path = [&] { return elementPath(index); };  // built only for a problem
        if (!m_type.is_string() || m_type.get_ref<const std::string&>().empty()) {
            structureProblems.push_back({m_file, path() + ".%TYPE", "expected a type name, got " + m_type.dump()});
            return;
        }
        std::optional<std::int64_t> id;
        if (form == StructuresForm::Array) {
            id = readReference(m_id);
        } else {
            try {
                std::size_t used = 0;
                const long long n = std::stoll(m_structureKey, &used);
                if (used == m_structureKey.size() && n > 0) id = n;
            } catch (const std::exception&) {}
        }
        if (!id) {
            structureProblems.push_back(
                {m_file, path() + ".%ID", "expected a positive integer id, got " + m_id.dump()});
            return;
        }
        auto [at, added] = m_cas.byId.try_emplace(*id, m_cas.structures.size());
        if (!added) {
            structureProblems.push_back({m_file, path() + ".%ID",
                                         "id " + std::to_string(*id) + " is used twice (first at " +
                                             m_cas.structures[at->second].path() + ")"});
            return;
        }
        FeatureStructure& fs = m_cas.structures.emplace_back();
        const std::string& type = m_type.get_ref<const std::string&>();
        auto known = m_cas.typeNames.find(type);
        fs.type = &*(known != m_cas.typeNames.end() ? known : m_cas.typeNames.insert(type).first);
        fs.id = *id;
        if (form == StructuresForm::Array) fs.index = index;
        else fs.key = m_structureKey;
        fs.features.assign(std::make_move_iterator(m_features.begin()), std::make_move_iterator(m_features.end()));
    }
};

// --- [SECTION] The frame -----------------------------------------------------------------------

// The header's offset unit, or a message.
std::optional<Diagnostic> readHeader(const json& header, const std::string& file, OffsetUnit& unit) {
    if (!header.is_object()) return Diagnostic{file, "%HEADER", "expected an object, got " + header.dump()};
    const json& version = member(header, "%VERSION");
    if (!version.is_null()) {
        const std::string text = version.is_string() ? version.get<std::string>() : version.dump();
        if (!version.is_string() || text.rfind("0.", 0) != 0)
            return Diagnostic{file, "%HEADER.%VERSION",
                              "unsupported UIMA CAS JSON version " + quoted(text) +
                                  " (this reader knows the 0.x drafts; INCEpTION writes 0.4.0)"};
    }
    const json& encoding = member(header, "%OFFSET_ENCODING");
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

void readAttributeNames(const json& types, CasInput& cas) {
    const json& span = member(types, kSpanType);
    if (!span.is_object()) return;
    for (const auto& [feature, description] : span.items()) {
        const json& text = member(description, "%DESCRIPTION");
        if (!text.is_string()) continue;
        const std::string& value = text.get_ref<const std::string&>();
        if (value.rfind(kAttributeDescription, 0) == 0 && value.size() > kAttributeDescription.size())
            cas.attributeNames[feature] = value.substr(kAttributeDescription.size());
    }
}

void readViews(const json& views, const std::string& file, const CasInput& cas, Diagnostics& problems) {
    if (!views.is_object()) {
        problems.push_back({file, "%VIEWS", "expected an object of views, got " + views.dump().substr(0, 60)});
        return;
    }
    for (const auto& [name, view] : views.items()) {
        const std::string path = "%VIEWS." + name;
        if (!view.is_object()) {
            problems.push_back({file, path, "expected a view object"});
            continue;
        }
        const json& sofa = member(view, "%SOFA");
        const std::optional<std::int64_t> sofaId = readReference(sofa);
        if (!sofa.is_null() && (!sofaId || !cas.find(*sofaId) || *cas.find(*sofaId)->type != kSofaType))
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

const nlohmann::json& FeatureStructure::member(std::string_view name) const {
    static const nlohmann::json kNull;
    // The last of a repeated member counts, as in a JSON object read whole.
    for (auto it = features.rbegin(); it != features.rend(); ++it)
        if (it->name == name) return it->value;
    return kNull;
}

std::string FeatureStructure::path() const { return structurePath(index, key.empty() ? nullptr : &key); }

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

Result<CasInput> readCasInput(std::string_view text, const std::string& file, Diagnostics& problems) {
    if (auto problem = findJsonLimitProblem(text))
        return Diagnostic{file, jsonPlace(text, problem->byte), "invalid JSON: " + problem->message};
    CasInput cas;
    CasSax sax(cas, file);
    bool parsed = false;
    try {
        parsed = json::sax_parse(text.begin(), text.end(), &sax);
    } catch (const json::exception& error) {
        return Diagnostic{file, "", "invalid JSON: " + jsonErrorReason(error.what())};
    }
    if (!parsed || !sax.syntaxError.empty())
        return Diagnostic{file, jsonPlace(text, sax.syntaxByte), "invalid JSON: " + sax.syntaxError};
    if (!sax.topIsObject || sax.form == StructuresForm::None)
        return Diagnostic{file, "",
                          "not a UIMA CAS JSON file (expected an object with \"%FEATURE_STRUCTURES\", "
                          "\"%TYPES\" and \"%VIEWS\")"};
    if (sax.header)
        if (std::optional<Diagnostic> bad = readHeader(*sax.header, file, cas.unit)) return *bad;
    if (sax.types) readAttributeNames(*sax.types, cas);
    if (sax.form == StructuresForm::Other)
        return Diagnostic{file, kStructuresKey, "expected an array of feature structures"};
    problems.insert(problems.end(), sax.structureProblems.begin(), sax.structureProblems.end());

    for (const FeatureStructure& fs : cas.structures) {
        if (*fs.type != kSofaType) continue;
        const json& sofaText = fs.member("sofaString");
        if (!sofaText.is_string()) continue;  // a sofa by URI or array: no text to annotate
        const json& name = fs.member("sofaID");
        cas.sofas.push_back({fs.id, name.is_string() ? name.get<std::string>() : "sofa" + std::to_string(fs.id),
                             &sofaText.get_ref<const std::string&>()});
    }
    if (cas.sofas.empty())
        return Diagnostic{file, kStructuresKey,
                          "no uima.cas.Sofa with a \"sofaString\": the CAS holds no text to import"};
    if (sax.views) readViews(*sax.views, file, cas, problems);
    return cas;
}

}  // namespace claimmark::uima
