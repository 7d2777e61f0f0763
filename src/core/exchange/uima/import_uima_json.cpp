// import_uima_json.cpp — UIMA CAS JSON (INCEpTION, DKPro Cassis, claimmark's export) into
// annotation sets: one set per text sofa (view) of each file. The file's frame is read by
// uima_input.h; the types are those of uima_format.h.
//
// [SECTION] Spans
//   Each webanno.custom.Claimmark feature structure is a fragment: begin/end (UTF-16 code
//   units unless the header says otherwise) are checked against its sofa's text — in range,
//   not between the halves of a surrogate pair, not empty — and against "coveredText" when
//   given ("expected ..., found ..."), each problem with the JSON path
//   ("%FEATURE_STRUCTURES[12].begin"). Fragments sharing a claimmarkId are one discontinuous
//   annotation (the id is kept when free); label, note and attribute features (named by the
//   type system's "claimmark attribute: " descriptions, else by the feature) make the rest.
// [SECTION] Relations
//   webanno.custom.ClaimmarkRelation: @Governor -> @Dependent, type from "label" ("related"
//   when it has none). A reference to nothing, to another type or into another view is
//   reported; a relation whose span was left out is left out with it.
// [SECTION] Everything else
//   Tokens, sentences, other layers INCEpTION writes, arrays: ignored, counted per type in a
//   notice. DocumentAnnotation and DKPro's DocumentMetaData give nothing but a document name.
//   webanno.custom.ClaimmarkDocument gives the annotator and the document stem back.
#include "core/exchange/exchange_formats.h"

#include "core/exchange/import_support.h"
#include "core/exchange/labelstudio/labelstudio_format.h"
#include "core/exchange/uima/uima_format.h"
#include "core/exchange/uima/uima_input.h"
#include "core/storage/file_io.h"

#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace claimmark {

namespace {

using nlohmann::json;
using namespace uima;

constexpr const char* kMetaDataType = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData";

std::string stringMember(const FeatureStructure& fs, const char* key) {
    const json& value = fs.member(key);
    return value.is_string() ? value.get<std::string>() : std::string();
}

// The annotations and relations of one view (one text sofa).
class ViewReader {
public:
    ViewReader(ImportBuilder& builder, const CasInput& cas, std::string file, Diagnostics& problems)
        : m_builder(builder), m_cas(cas), m_file(std::move(file)), m_problems(problems) {}

    void readSpan(const FeatureStructure& fs) {
        Fragment fragment;
        fragment.fs = &fs;
        if (!readFragment(fs, fragment)) {
            m_badFs.insert(fs.id);
            if (!fragment.group.empty()) m_badGroups.insert(fragment.group);
            return;
        }
        auto [it, added] = m_groupIndex.emplace(fragment.group, m_groups.size());
        if (added) m_groups.emplace_back();
        m_groups[it->second].push_back(std::move(fragment));
    }

    void readRelation(const FeatureStructure& fs) { m_relations.push_back(&fs); }

    // Adds the annotations, then the relations.
    void finish() {
        for (const std::vector<Fragment>& group : m_groups) addAnnotation(group);
        for (const FeatureStructure* fs : m_relations) addRelation(*fs);
    }

private:
    struct Fragment {
        const FeatureStructure* fs = nullptr;
        std::string group;
        std::string label;
        Span span;
        std::string note;
        std::vector<std::pair<const std::string*, const json*>> attributes;  // (feature, value)
    };

    ImportBuilder& m_builder;
    const CasInput& m_cas;
    std::string m_file;
    Diagnostics& m_problems;
    std::vector<std::vector<Fragment>> m_groups;
    std::unordered_map<std::string, std::size_t> m_groupIndex;
    std::unordered_set<std::string> m_badGroups;
    std::unordered_set<std::int64_t> m_badFs;                 // spans left out
    std::unordered_map<std::int64_t, std::string> m_addedOf;  // span %ID -> annotation id
    std::vector<const FeatureStructure*> m_relations;

    void problem(const std::string& path, const std::string& message) { m_problems.push_back({m_file, path, message}); }
    bool fail(const std::string& path, const std::string& message) {
        problem(path, message);
        return false;
    }

    bool readFragment(const FeatureStructure& fs, Fragment& fragment) {
        const std::string id = stringMember(fs, kIdFeature);
        fragment.group = id.empty() ? "#" + std::to_string(fs.id) : id;
        const json& label = fs.member(kLabelFeature);
        if (!label.is_string() || label.get_ref<const std::string&>().empty()) {
            return fail(fs.path() + "." + kLabelFeature, "expected a label string, got " + label.dump());
        }
        fragment.label = label.get<std::string>();
        std::string error;
        std::optional<std::size_t> begin = readOffset(m_builder.document(), fs.member("begin"), m_cas.unit, error);
        if (!begin) return fail(fs.path() + ".begin", error);
        std::optional<std::size_t> end = readOffset(m_builder.document(), fs.member("end"), m_cas.unit, error);
        if (!end) return fail(fs.path() + ".end", error);
        std::vector<Span> spans{{*begin, *end}};
        error = m_builder.checkSpans(spans, nullptr);
        if (!error.empty()) return fail(fs.path(), error);
        const json& stated = fs.member(kCoveredTextFeature);
        if (stated.is_string()) {
            error = m_builder.checkSpans(spans, &stated.get_ref<const std::string&>());
            if (!error.empty()) return fail(fs.path() + "." + kCoveredTextFeature, error);
        }
        fragment.span = spans.front();
        fragment.note = stringMember(fs, kNoteFeature);
        for (const Feature& feature : fs.features) {
            const std::string& key = feature.name;
            if (key.empty() || key[0] == '%' || key[0] == '@' || isReservedSpanFeature(key) || feature.value.is_null())
                continue;
            fragment.attributes.emplace_back(&key, &feature.value);
        }
        return true;
    }

    void addAnnotation(const std::vector<Fragment>& group) {
        const Fragment& first = group.front();
        if (m_badGroups.count(first.group)) {
            problem(first.fs->path(),
                    "annotation " + first.group + " left out: another of its fragments was left out (above)");
            for (const Fragment& f : group) m_badFs.insert(f.fs->id);
            return;
        }
        std::vector<Span> spans;
        std::string note;
        Attributes attributes;
        m_builder.ensureLabel(first.label);
        for (const Fragment& f : group) {
            if (f.label != first.label) {
                problem(f.fs->path() + "." + kLabelFeature, "fragments of annotation " + first.group +
                                                                " have different labels (\"" + first.label + "\", \"" +
                                                                f.label + "\")");
                for (const Fragment& g : group) m_badFs.insert(g.fs->id);
                return;
            }
            spans.push_back(f.span);
            if (note.empty()) note = f.note;
            for (const auto& [feature, value] : f.attributes) {
                auto named = m_cas.attributeNames.find(*feature);
                const std::string& name = named == m_cas.attributeNames.end() ? *feature : named->second;
                if (attributes.count(name)) continue;
                AttributeValue converted;
                const std::string error = m_builder.ensureAttribute(first.label, name, *value, converted);
                if (!error.empty()) problem(f.fs->path() + "." + *feature, error);
                else attributes[name] = std::move(converted);
            }
        }
        std::string error = m_builder.checkSpans(spans, nullptr);
        const std::string idHint = first.group[0] == '#' ? std::string() : first.group;
        std::string added;
        if (error.empty()) added = m_builder.addAnnotation(first.label, spans, attributes, note, error, idHint);
        if (added.empty()) {
            problem(first.fs->path(), error);
            for (const Fragment& f : group) m_badFs.insert(f.fs->id);
            return;
        }
        for (const Fragment& f : group) m_addedOf[f.fs->id] = added;
    }

    // The annotation a relation end names; empty (with a problem, or `leftOut` set) when none.
    std::string endOf(const FeatureStructure& relation, const char* feature, bool& leftOut) {
        const std::string name = std::string("@") + feature;
        const json& value = relation.member(name);
        auto path = [&] { return relation.path() + "." + name; };  // built only for a problem
        if (value.is_null()) {
            problem(path(), std::string("missing: expected the %ID of a ") + kSpanType);
            return {};
        }
        const std::optional<std::int64_t> id = readReference(value);
        const FeatureStructure* target = id ? m_cas.find(*id) : nullptr;
        if (!target) {
            problem(path(), "names no feature structure: " + value.dump());
            return {};
        }
        if (*target->type != kSpanType) {
            problem(path(), "names " + target->path() + ", a " + *target->type + ", not a " + kSpanType);
            return {};
        }
        if (m_badFs.count(*id)) {
            leftOut = true;
            return {};
        }
        auto added = m_addedOf.find(*id);
        if (added == m_addedOf.end()) {
            problem(path(), "names " + target->path() + ", a span of another view");
            return {};
        }
        return added->second;
    }

    void addRelation(const FeatureStructure& fs) {
        bool leftOut = false;
        const std::string from = endOf(fs, kGovernorFeature, leftOut);
        const std::string to = endOf(fs, kDependentFeature, leftOut);
        if (leftOut) return problem(fs.path(), "relation left out: a span it links was left out");
        if (from.empty() || to.empty()) return;
        std::string type = stringMember(fs, kLabelFeature);
        if (type.empty()) type = kLsUnlabelledRelation;
        m_builder.ensureRelation(type, m_builder.set().findAnnotation(from)->label,
                                 m_builder.set().findAnnotation(to)->label);
        std::string error;
        if (m_builder.addRelation(type, from, to, error).empty()) problem(fs.path(), error);
    }
};

// What one view is named and whose it is.
struct ViewInfo {
    std::string stem;
    std::string annotator;
};

// The document name and annotator of each sofa, from ClaimmarkDocument (else DocumentMetaData).
std::map<std::int64_t, ViewInfo> viewInfo(const CasInput& cas) {
    std::map<std::int64_t, ViewInfo> info;
    for (const FeatureStructure& fs : cas.structures) {
        const std::optional<std::int64_t> sofa = readReference(fs.member("@sofa"));
        if (!sofa) continue;
        if (*fs.type == kDocumentType) {
            info[*sofa].stem = stringMember(fs, kStemFeature);
            info[*sofa].annotator = stringMember(fs, kAnnotatorFeature);
        } else if (*fs.type == kMetaDataType && info[*sofa].stem.empty()) {
            info[*sofa].stem = std::filesystem::path(stringMember(fs, "documentTitle")).stem().string();
        }
    }
    return info;
}

bool isIgnoredQuietly(const std::string& type) {
    return type == kSofaType || type == kDocumentType || type == kDocumentAnnotationType || type == kMetaDataType;
}

void readFile(const std::filesystem::path& input, const ImportOptions& options, std::set<std::string>& stems,
              ImportOutput& output, Diagnostics& problems) {
    Result<std::string> bytes = readFileBytes(input);
    if (!bytes) {
        problems.insert(problems.end(), bytes.errors().begin(), bytes.errors().end());
        return;
    }
    const std::string file = input.string();
    Result<CasInput> cas = readCasInput(*bytes, file, problems);
    bytes = std::string();  // the CAS holds all it needs
    if (!cas) {
        problems.insert(problems.end(), cas.errors().begin(), cas.errors().end());
        return;
    }

    const std::map<std::int64_t, ViewInfo> info = viewInfo(*cas);
    std::vector<ImportBuilder> builders;
    std::vector<ViewReader> readers;
    std::map<std::int64_t, std::size_t> readerOf;  // sofa %ID -> reader
    builders.reserve(cas->sofas.size());
    readers.reserve(cas->sofas.size());
    const std::string fileStem = input.stem().string();
    for (const TextSofa& sofa : cas->sofas) {
        auto known = info.find(sofa.id);
        std::string base = known != info.end() && !known->second.stem.empty() ? known->second.stem : fileStem;
        if (sofa.viewName != kInitialView && (known == info.end() || known->second.stem.empty()))
            base += "-" + sofa.viewName;
        Result<ImportBuilder> builder = ImportBuilder::create(*sofa.text, uniqueStem(base, stems), file, options);
        if (!builder) {
            const std::string path = cas->find(sofa.id)->path() + ".sofaString";
            for (const Diagnostic& d : builder.errors())
                problems.push_back({file, path + (d.location.empty() ? "" : ", " + d.location), d.message});
            continue;
        }
        if (options.annotator.empty() && known != info.end() && !known->second.annotator.empty())
            builder->set().annotator = known->second.annotator;
        readerOf[sofa.id] = builders.size();
        builders.push_back(std::move(*builder));
    }
    for (ImportBuilder& builder : builders) readers.emplace_back(builder, *cas, file, problems);

    std::map<std::string, std::size_t> ignored;  // type -> count
    for (const FeatureStructure& fs : cas->structures) {
        const bool span = *fs.type == kSpanType;
        if (!span && *fs.type != kRelationType) {
            if (!isIgnoredQuietly(*fs.type)) ++ignored[*fs.type];
            continue;
        }
        const json& sofaRef = fs.member("@sofa");
        const std::optional<std::int64_t> sofa = readReference(sofaRef);
        auto reader = sofa ? readerOf.find(*sofa) : readerOf.end();
        if (reader == readerOf.end()) {
            problems.push_back({file, fs.path() + ".@sofa", "expected the %ID of a text sofa, got " + sofaRef.dump()});
            continue;
        }
        if (span) readers[reader->second].readSpan(fs);
        else readers[reader->second].readRelation(fs);
    }
    for (ViewReader& reader : readers) reader.finish();

    if (!ignored.empty()) {
        std::size_t total = 0;
        std::string list;
        for (const auto& [type, count] : ignored) {
            total += count;
            list += (list.empty() ? "" : ", ") + type + " (" + std::to_string(count) + ")";
        }
        output.notices.push_back(file + ": ignored " + std::to_string(total) +
                                 " feature structure(s) of types claimmark does not read: " + list);
    }
    for (ImportBuilder& builder : builders) {
        appendUnique(output.notices, builder.notices());
        output.documents.push_back(std::move(builder).finish());
    }
}

}  // namespace

Result<ImportOutput> importUimaJson(const std::vector<std::filesystem::path>& inputs, const ImportOptions& options) {
    const std::vector<std::filesystem::path> files = filesInFolders(inputs, {".json"});
    if (files.empty()) return Diagnostic{"", "", "no UIMA CAS JSON files to import"};
    return importEachFile(files, options, readFile);
}

}  // namespace claimmark
