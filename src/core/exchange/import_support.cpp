// import_support.cpp — see import_support.h.
#include "core/exchange/import_support.h"

#include "core/model/covered_text.h"
#include "core/editing/edit_session.h"

#include <algorithm>
#include <charconv>

namespace claimmark {

namespace {

// Colours for labels that arrive with an import, distinct from the default schema's.
const char* const kImportedLabelColors[] = {"#8e6bbf", "#3f9e8f", "#c2703d", "#5d7fc9",
                                            "#b8517a", "#7a8f3a", "#a0663d", "#4f8fb0"};

std::string inQuotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

}  // namespace

Result<ImportBuilder> ImportBuilder::create(std::string text, std::string stem, std::string sourceFile,
                                            const ImportOptions& options) {
    // One copy of the article while importing: the document's; the result takes it at the end.
    Result<Document> document = Document::fromBytes(std::move(text), sourceFile);
    if (!document) return document.errors();
    ImportBuilder builder;
    builder.m_document = std::move(*document);
    builder.m_sourceFile = std::move(sourceFile);
    builder.m_created = utcNowIso8601();
    builder.m_result.stem = std::move(stem);
    builder.m_result.set.annotator = options.annotator.empty() ? "imported" : options.annotator;
    builder.m_result.set.document.sha256 = builder.m_document.sha256();
    builder.m_result.set.document.length = builder.m_document.length();
    return builder;
}

void ImportBuilder::notice(const std::string& text) {
    if (m_noticed.insert(text).second) m_notices.push_back(m_sourceFile + ": " + text);
}

void ImportBuilder::ensureLabel(const std::string& label) {
    Schema& schema = m_result.set.schema;
    if (label.empty() || schema.findLabel(label)) return;  // an empty label is refused by addAnnotation
    LabelDef def;
    def.name = label;
    def.color = kImportedLabelColors[schema.labels.size() % std::size(kImportedLabelColors)];
    def.description = "added on import from " + m_sourceFile;
    schema.labels.push_back(std::move(def));
    m_result.labelsAdded = true;
    notice("label " + inQuotes(label) + " is not in the schema; added it to the set's schema");
}

std::string ImportBuilder::ensureAttribute(const std::string& label, const std::string& name,
                                           const nlohmann::json& value, AttributeValue& converted) {
    if (name.empty()) return "an attribute has an empty name";
    LabelDef* labelDef = nullptr;
    for (LabelDef& def : m_result.set.schema.labels)
        if (def.name == label) labelDef = &def;
    if (!labelDef) return "label " + inQuotes(label) + " is not in the schema";

    AttributeDef* def = nullptr;
    for (AttributeDef& a : labelDef->attributes)
        if (a.name == name) def = &a;

    // Normalise the value: JSON scalars, or text such as brat's "4" / "true".
    std::optional<std::int64_t> asInteger;
    std::optional<bool> asBool;
    std::string asText;
    if (value.is_boolean()) asBool = value.get<bool>(), asText = *asBool ? "true" : "false";
    else if (value.is_number_integer()) asInteger = value.get<std::int64_t>(), asText = std::to_string(*asInteger);
    else if (value.is_string()) {
        asText = value.get<std::string>();
        std::int64_t n = 0;
        auto [end, ec] = std::from_chars(asText.data(), asText.data() + asText.size(), n);
        if (ec == std::errc() && end == asText.data() + asText.size() && !asText.empty()) asInteger = n;
        if (asText == "true") asBool = true;
        if (asText == "false") asBool = false;
    } else {
        return "attribute " + inQuotes(name) + " has a value of an unsupported kind: " + value.dump();
    }

    if (!def) {
        AttributeDef added;
        added.name = name;
        if (asText.empty()) return "attribute " + inQuotes(name) + " has an empty value";
        if (asBool) added.kind = AttributeKind::Bool;
        else if (asInteger) added.kind = AttributeKind::Ordinal, added.min = *asInteger, added.max = *asInteger;
        else added.kind = AttributeKind::Enum, added.values = {asText};
        added.description = "added on import from " + m_sourceFile;
        labelDef->attributes.push_back(std::move(added));
        def = &labelDef->attributes.back();
        notice("attribute " + inQuotes(name) + " of label " + inQuotes(label) + " is not in the schema; added it as " +
               attributeKindName(def->kind));
    }
    switch (def->kind) {
        case AttributeKind::Bool:
            if (!asBool) return "attribute " + inQuotes(name) + " expects true or false, got " + inQuotes(asText);
            converted = *asBool;
            return {};
        case AttributeKind::Ordinal:
            if (!asInteger) return "attribute " + inQuotes(name) + " expects an integer, got " + inQuotes(asText);
            if (*asInteger < def->min || *asInteger > def->max) {
                def->min = std::min(def->min, *asInteger);
                def->max = std::max(def->max, *asInteger);
                def->levels.clear();
                notice("attribute " + inQuotes(name) + " of label " + inQuotes(label) + ": value " + asText +
                       " is outside the schema's range; widened it to " + std::to_string(def->min) + ".." +
                       std::to_string(def->max));
            }
            converted = *asInteger;
            return {};
        case AttributeKind::Enum:
            if (asText.empty()) return "attribute " + inQuotes(name) + " has an empty value";
            if (std::find(def->values.begin(), def->values.end(), asText) == def->values.end()) {
                def->values.push_back(asText);
                notice("attribute " + inQuotes(name) + " of label " + inQuotes(label) + ": value " + inQuotes(asText) +
                       " is not in the schema; added it");
            }
            converted = asText;
            return {};
        case AttributeKind::Text: converted = asText; return {};
    }
    return {};
}

void ImportBuilder::ensureRelation(const std::string& type, const std::string& fromLabel, const std::string& toLabel) {
    Schema& schema = m_result.set.schema;
    if (type.empty()) return;  // refused by addRelation
    for (RelationDef& def : schema.relations) {
        if (def.type != type) continue;
        if (def.allows(fromLabel, toLabel)) return;
        if (!def.from.empty() && std::find(def.from.begin(), def.from.end(), fromLabel) == def.from.end())
            def.from.push_back(fromLabel);
        if (!def.to.empty() && std::find(def.to.begin(), def.to.end(), toLabel) == def.to.end())
            def.to.push_back(toLabel);
        notice("relation " + inQuotes(type) + " from " + inQuotes(fromLabel) + " to " + inQuotes(toLabel) +
               " is not allowed by the schema; allowed it in the set's schema");
        return;
    }
    RelationDef def;
    def.type = type;
    def.description = "added on import from " + m_sourceFile;
    schema.relations.push_back(std::move(def));
    notice("relation type " + inQuotes(type) + " is not in the schema; added it to the set's schema");
}

std::string ImportBuilder::checkSpans(std::vector<Span>& spans, const std::string* statedText) const {
    if (spans.empty()) return "no spans";
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const Span& s = spans[i];
        if (s.end > m_document.length())
            return "span " + std::to_string(s.start) + "-" + std::to_string(s.end) +
                   " ends past the end of the text (" + std::to_string(m_document.length()) + " code points)";
        if (s.start >= s.end)
            return "span " + std::to_string(s.start) + "-" + std::to_string(s.end) + " is empty or reversed";
        if (i > 0 && spans[i - 1].end > s.start)
            return "fragments " + std::to_string(spans[i - 1].start) + "-" + std::to_string(spans[i - 1].end) +
                   " and " + std::to_string(s.start) + "-" + std::to_string(s.end) + " overlap";
    }
    if (statedText) {
        const std::string found = coveredText(m_document, spans);
        if (found != *statedText) {
            if (!sameButSurroundingWhiteSpace(*statedText, found))
                return "expected " + inQuotes(*statedText) + ", found " + inQuotes(found);
            ++m_strayWhiteSpace;
        }
    }
    return {};
}

std::string ImportBuilder::addAnnotation(const std::string& label, std::vector<Span> spans, Attributes attributes,
                                         std::string note, std::string& error, const std::string& id) {
    if (label.empty()) {
        error = "the label is empty";
        return {};
    }
    AnnotationSet& set = m_result.set;
    Annotation a;
    a.id = !id.empty() && !set.findAnnotation(id) ? id : set.nextAnnotationId();
    a.label = label;
    a.spans = std::move(spans);
    a.attributes = std::move(attributes);
    a.note = std::move(note);
    a.origin = "imported";
    a.created = a.modified = m_created;
    fillFromDocument(a, m_document);
    const std::string newId = a.id;
    Problems problems = set.tryAddAnnotation(std::move(a));
    if (!problems.empty()) {
        error = describeProblems(problems);
        return {};
    }
    return newId;
}

std::string ImportBuilder::addRelation(const std::string& type, const std::string& from, const std::string& to,
                                       std::string& error) {
    if (type.empty()) {
        error = "the relation type is empty";
        return {};
    }
    AnnotationSet& set = m_result.set;
    Relation r;
    r.id = set.nextRelationId();
    r.type = type;
    r.from = from;
    r.to = to;
    const std::string id = r.id;
    Status status = set.addRelation(std::move(r));
    if (!status) {
        error = status.error;
        return {};
    }
    return id;
}

std::vector<std::string> ImportBuilder::notices() const {
    std::vector<std::string> out = m_notices;
    if (m_strayWhiteSpace > 0)
        out.push_back(m_sourceFile + ": " + std::to_string(m_strayWhiteSpace) +
                      " span(s) whose stated text has white space around it that the offsets do not cover "
                      "(or lacks white space they do) were taken as the offsets say");
    return out;
}

ImportedDocument ImportBuilder::finish() && {
    m_result.text = std::move(m_document).releaseBytes();
    return std::move(m_result);
}

namespace {

// Leading and trailing spaces, tabs, line breaks and NBSP (U+00A0) off.
std::string_view trimWhiteSpace(std::string_view s) {
    auto ascii = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    constexpr std::string_view kNbsp = "\xC2\xA0";
    while (true) {
        if (!s.empty() && ascii(s.front())) s.remove_prefix(1);
        else if (s.substr(0, 2) == kNbsp) s.remove_prefix(2);
        else break;
    }
    while (true) {
        if (!s.empty() && ascii(s.back())) s.remove_suffix(1);
        else if (s.size() >= 2 && s.substr(s.size() - 2) == kNbsp) s.remove_suffix(2);
        else break;
    }
    return s;
}

}  // namespace

namespace {

// `into` widened so that whatever fits `other` fits it too.
void widenAttribute(AttributeDef& into, const AttributeDef& other) {
    if (into.kind != other.kind) return;  // the first kind stands; values were checked on import
    for (const std::string& value : other.values)
        if (std::find(into.values.begin(), into.values.end(), value) == into.values.end()) into.values.push_back(value);
    into.min = std::min(into.min, other.min);
    into.max = std::max(into.max, other.max);
}

void widenLabel(LabelDef& into, const LabelDef& other) {
    for (const AttributeDef& attribute : other.attributes) {
        auto it = std::find_if(into.attributes.begin(), into.attributes.end(),
                               [&](const AttributeDef& a) { return a.name == attribute.name; });
        if (it == into.attributes.end()) into.attributes.push_back(attribute);
        else widenAttribute(*it, attribute);
    }
}

void widenRelation(RelationDef& into, const RelationDef& other) {
    for (auto [mine, theirs] : {std::pair{&into.from, &other.from}, std::pair{&into.to, &other.to}}) {
        if (mine->empty()) continue;  // any label already
        if (theirs->empty()) {
            mine->clear();
            continue;
        }
        for (const std::string& label : *theirs)
            if (std::find(mine->begin(), mine->end(), label) == mine->end()) mine->push_back(label);
    }
}

// One schema that every document's annotations fit: the first document's, widened by the
// labels, attributes and relation types the others added.
Schema unitedSchema(const std::vector<ImportedDocument>& documents) {
    Schema united = documents.front().set.schema;
    for (std::size_t i = 1; i < documents.size(); ++i) {
        const Schema& schema = documents[i].set.schema;
        for (const LabelDef& label : schema.labels) {
            auto it = std::find_if(united.labels.begin(), united.labels.end(),
                                   [&](const LabelDef& l) { return l.name == label.name; });
            if (it == united.labels.end()) {
                united.labels.push_back(label);
                united.labels.back().color =
                    kImportedLabelColors[(united.labels.size() - 1) % std::size(kImportedLabelColors)];
            } else {
                widenLabel(*it, label);
            }
        }
        for (const RelationDef& relation : schema.relations) {
            auto it = std::find_if(united.relations.begin(), united.relations.end(),
                                   [&](const RelationDef& r) { return r.type == relation.type; });
            if (it == united.relations.end()) united.relations.push_back(relation);
            else widenRelation(*it, relation);
        }
    }
    return united;
}

}  // namespace

void dropUnusedBuiltInLabels(ImportOutput& output) {
    bool added = false;
    std::set<std::string, std::less<>> usedLabels, usedTypes;
    for (const ImportedDocument& document : output.documents) {
        added = added || document.labelsAdded;
        for (const Annotation& annotation : document.set.annotations()) usedLabels.insert(annotation.label);
        for (const Relation& relation : document.set.relations()) usedTypes.insert(relation.type);
    }
    if (!added) return;
    Schema schema = unitedSchema(output.documents);

    const Schema builtIn = Schema::claimStrength();
    std::set<std::string, std::less<>> dropLabels, dropTypes;
    for (const LabelDef& def : builtIn.labels)
        if (!usedLabels.count(def.name)) dropLabels.insert(def.name);
    for (const RelationDef& def : builtIn.relations)
        if (!usedTypes.count(def.type)) dropTypes.insert(def.type);

    // A relation end list that named only dropped labels would, emptied, mean "any".
    auto emptied = [&](std::vector<std::string>& ends) {
        const bool hadSome = !ends.empty();
        std::erase_if(ends, [&](const std::string& label) { return dropLabels.count(label) > 0; });
        return hadSome && ends.empty();
    };
    std::erase_if(schema.labels, [&](const LabelDef& def) { return dropLabels.count(def.name) > 0; });
    std::erase_if(schema.relations, [&](RelationDef& def) {
        if (dropTypes.count(def.type)) return true;
        const bool fromGone = emptied(def.from), toGone = emptied(def.to);
        return (fromGone || toGone) && !usedTypes.count(def.type);
    });
    if (schema.labels.empty()) return;  // nothing annotated anywhere: keep the schemas as they are
    std::set<std::string> hotkeys;
    for (const LabelDef& def : schema.labels)
        if (!def.hotkey.empty()) hotkeys.insert(def.hotkey);
    for (LabelDef& def : schema.labels) {
        if (!def.hotkey.empty()) continue;
        for (char digit = '1'; digit <= '9'; ++digit)
            if (hotkeys.insert(std::string(1, digit)).second) {
                def.hotkey = std::string(1, digit);
                break;
            }
    }
    for (ImportedDocument& document : output.documents) document.set.schema = schema;

    std::string names;
    for (const std::string& name : dropLabels) names += (names.empty() ? "" : ", ") + inQuotes(name);
    if (!dropLabels.empty())
        output.notices.push_back("the data has labels of its own: left the built-in " +
                                 std::string(dropLabels.size() == 1 ? "label " : "labels ") + names +
                                 ", which no document uses, out of the schema");
}

bool sameButSurroundingWhiteSpace(std::string_view stated, std::string_view found) {
    const std::string_view a = trimWhiteSpace(stated), b = trimWhiteSpace(found);
    return !a.empty() && a == b;
}

std::vector<std::filesystem::path> filesInFolders(const std::vector<std::filesystem::path>& inputs,
                                                  const std::vector<std::string>& extensions) {
    namespace fs = std::filesystem;
    std::vector<fs::path> out;
    for (const fs::path& input : inputs) {
        std::error_code ec;
        if (!fs::is_directory(input, ec)) {
            out.push_back(input);
            continue;
        }
        std::vector<fs::path> inFolder;
        for (const fs::directory_entry& entry : fs::directory_iterator(input, ec)) {
            const std::string ext = entry.path().extension().string();
            if (entry.is_regular_file(ec) && std::find(extensions.begin(), extensions.end(), ext) != extensions.end())
                inFolder.push_back(entry.path());
        }
        std::sort(inFolder.begin(), inFolder.end());
        out.insert(out.end(), inFolder.begin(), inFolder.end());
    }
    return out;
}

}  // namespace claimmark
