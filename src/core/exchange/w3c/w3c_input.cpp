// w3c_input.cpp — reading one W3C Web Annotation input file into Items (see w3c_input.h).
//
// [SECTION] Input shapes   annotations, pages and collections; targets, selectors, bodies
#include "core/exchange/w3c/w3c_input.h"

#include "core/storage/json_input.h"
#include "core/exchange/labelstudio/labelstudio_format.h"
#include "core/exchange/w3c/w3c_format.h"

#include <algorithm>

namespace claimmark::w3c {

std::string joinPath(const std::string& path, const std::string& key) {
    if (path.empty()) return key;
    if (!key.empty() && key[0] == '[') return path + key;
    return path + "." + key;
}

std::string inQuotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

std::string indexPath(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

// "type" / "purpose" / "motivation" may be one string or an array of them.
std::vector<std::string> stringsOf(const json& object, const char* key) {
    std::vector<std::string> out;
    if (!object.is_object()) return out;
    auto it = object.find(key);
    if (it == object.end()) return out;
    if (it->is_string()) out.push_back(it->get<std::string>());
    if (it->is_array())
        for (const json& v : *it)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

bool hasString(const json& object, const char* key, std::string_view value) {
    const std::vector<std::string> values = stringsOf(object, key);
    return std::find(values.begin(), values.end(), value) != values.end();
}

std::string stringAt(const json& object, const char* key) {
    if (!object.is_object()) return {};
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// --- [SECTION] Input shapes ---------------------------------------------------------------

std::string creatorName(const json& creator) {
    if (creator.is_string()) return creator.get<std::string>();
    if (creator.is_array()) return creator.empty() ? std::string() : creatorName(creator.front());
    for (const char* key : {"name", "nickname", "id"}) {
        const std::string value = stringAt(creator, key);
        if (!value.empty()) return value;
    }
    return {};
}

void readSelector(const json& selector, const std::string& path, TargetPart& part, Item& item) {
    if (!selector.is_object()) {
        part.unsupportedSelectors.push_back(selector.is_string() ? "a selector given by IRI" : "a non-object selector");
        return;
    }
    if (hasString(selector, "type", "TextPositionSelector")) {
        auto start = selector.find("start");
        auto end = selector.find("end");
        const bool fine = start != selector.end() && end != selector.end() && start->is_number_unsigned() &&
                          end->is_number_unsigned();
        if (!fine) {
            item.problems.push_back({path, "TextPositionSelector needs \"start\" and \"end\" as whole numbers >= 0"});
            return;
        }
        part.position = Span{start->get<std::size_t>(), end->get<std::size_t>()};
    } else if (hasString(selector, "type", "TextQuoteSelector")) {
        auto exact = selector.find("exact");
        if (exact == selector.end() || !exact->is_string()) {
            item.problems.push_back({path, "TextQuoteSelector needs \"exact\" as a string"});
            return;
        }
        part.exact = exact->get<std::string>();
        part.prefix = stringAt(selector, "prefix");
        part.suffix = stringAt(selector, "suffix");
    } else {
        const std::vector<std::string> types = stringsOf(selector, "type");
        part.unsupportedSelectors.push_back(types.empty() ? "a selector without type" : types.front());
    }
}

void readTarget(const json& target, const std::string& path, Item& item) {
    TargetPart part;
    part.path = path;
    if (target.is_string()) {
        part.source = target.get<std::string>();
    } else if (target.is_object()) {
        auto source = target.find("source");
        if (source != target.end() && source->is_string()) part.source = source->get<std::string>();
        else if (source != target.end() && source->is_object()) part.source = stringAt(*source, "id");
        else part.source = stringAt(target, "id");
        part.sha256 = stringAt(target, w3c::kKeySha256);
        if (auto selector = target.find("selector"); selector != target.end()) {
            part.hasSelector = true;
            if (selector->is_array()) {
                for (std::size_t i = 0; i < selector->size(); ++i)
                    readSelector((*selector)[i], indexPath(joinPath(path, "selector"), i), part, item);
            } else {
                readSelector(*selector, joinPath(path, "selector"), part, item);
            }
        }
    } else {
        item.problems.push_back({path, "a target must be an IRI or an object"});
        return;
    }
    item.targets.push_back(std::move(part));
}

// Relation: type from a classifying/tagging body, the other end from a linking body.
void readRelationBodies(const json& bodies, const std::string& path, Item& item) {
    std::vector<std::pair<const json*, std::string>> list;
    if (bodies.is_array())
        for (std::size_t i = 0; i < bodies.size(); ++i) list.push_back({&bodies[i], indexPath(path, i)});
    else if (!bodies.is_null()) list.push_back({&bodies, path});
    for (const auto& [body, at] : list) {
        if (body->is_string()) {
            if (item.toIri.empty()) item.toIri = body->get<std::string>();
            continue;
        }
        if (!body->is_object()) continue;
        const bool textual = hasString(*body, "type", "TextualBody") || body->contains("value");
        if (textual && (hasString(*body, "purpose", "classifying") || hasString(*body, "purpose", "tagging"))) {
            if (item.relationType.empty()) item.relationType = stringAt(*body, "value");
        } else if (hasString(*body, "type", "SpecificResource") || hasString(*body, "purpose", "linking")) {
            const std::string source = body->contains("source") && (*body)["source"].is_object()
                                           ? stringAt((*body)["source"], "id")
                                           : stringAt(*body, "source");
            if (!source.empty()) item.toIri = source;
        } else if (!textual && item.toIri.empty()) {
            item.toIri = stringAt(*body, "id");
        }
    }
    if (item.relationType.empty())
        item.problems.push_back({path,
                                 "a linking annotation needs a body with purpose \"classifying\" or "
                                 "\"tagging\" naming the relation type"});
    if (item.toIri.empty())
        item.problems.push_back({path,
                                 "a linking annotation needs a body naming the annotation it links to "
                                 "(a SpecificResource with purpose \"linking\")"});
}

void readAnnotationBodies(const json& bodies, const std::string& path, Item& item) {
    std::vector<std::pair<const json*, std::string>> list;
    if (bodies.is_array())
        for (std::size_t i = 0; i < bodies.size(); ++i) list.push_back({&bodies[i], indexPath(path, i)});
    else if (!bodies.is_null()) list.push_back({&bodies, path});
    std::string tag;
    for (const auto& [body, at] : list) {
        const bool textual = body->is_object() && (hasString(*body, "type", "TextualBody") ||
                                                   (body->contains("value") && !body->contains("type")));
        if (!textual) {
            ++item.otherBodies;
            continue;
        }
        auto value = body->find("value");
        if (value == body->end() || !value->is_string()) {
            item.problems.push_back({at, "a TextualBody needs \"value\" as a string"});
            continue;
        }
        const std::string text = value->get<std::string>();
        if (auto name = body->find(w3c::kKeyAttribute); name != body->end() && name->is_string()) {
            auto typed = body->find(w3c::kKeyValue);
            json attributeValue = typed != body->end() ? *typed : json(text);
            item.attributes.push_back({name->get<std::string>(), attributeValue});
        } else if (hasString(*body, "purpose", "classifying")) {
            if (item.label.empty()) item.label = text;
            else ++item.extraLabels;
        } else if (hasString(*body, "purpose", "tagging")) {
            if (tag.empty()) tag = text;
            else ++item.extraLabels;
        } else if (!text.empty()) {
            item.notes.push_back(text);
        }
    }
    if (item.label.empty()) item.label = tag;
    else if (!tag.empty()) ++item.extraLabels;
}

Item readItem(const json& j, const std::string& path) {
    Item item;
    item.path = path;
    const std::string here = path.empty() ? "annotation" : path;
    if (!j.is_object()) {
        item.problems.push_back({here, j.is_string() ? "an annotation given only by its IRI cannot be read"
                                                     : "an annotation must be a JSON object"});
        return item;
    }
    if (!hasString(j, "type", "Annotation"))
        item.problems.push_back({joinPath(path, "type"), "not an Annotation (\"type\" must include \"Annotation\")"});
    item.iri = stringAt(j, "id");
    if (auto creator = j.find("creator"); creator != j.end()) item.creator = creatorName(*creator);
    item.created = stringAt(j, "created");
    item.modified = stringAt(j, "modified");

    auto target = j.find("target");
    if (target == j.end()) {
        item.problems.push_back({here, "no \"target\""});
        return item;
    }
    if (target->is_array()) {
        for (std::size_t i = 0; i < target->size(); ++i)
            readTarget((*target)[i], indexPath(joinPath(path, "target"), i), item);
        if (target->empty()) item.problems.push_back({joinPath(path, "target"), "the target list is empty"});
    } else {
        readTarget(*target, joinPath(path, "target"), item);
    }

    const bool anySelector =
        std::any_of(item.targets.begin(), item.targets.end(), [](const TargetPart& t) { return t.hasSelector; });
    const json bodies = j.contains("body") ? j["body"] : json();
    if (hasString(j, "motivation", "linking") && !anySelector) {
        item.isRelation = true;
        if (!item.targets.empty()) item.fromIri = item.targets.front().source;
        readRelationBodies(bodies, joinPath(path, "body"), item);
        return item;
    }

    readAnnotationBodies(bodies, joinPath(path, "body"), item);
    if (auto bodyValue = j.find("bodyValue"); bodyValue != j.end() && bodyValue->is_string())
        item.notes.push_back(bodyValue->get<std::string>());
    if (item.label.empty())
        item.problems.push_back(
            {joinPath(path, "body"), "no label: no body with purpose \"classifying\" or \"tagging\""});
    item.group = stringAt(j, w3c::kKeyAnnotation);
    if (auto n = j.find(w3c::kKeyFragments); n != j.end() && n->is_number_unsigned())
        item.fragments = n->get<std::size_t>();
    for (const TargetPart& t : item.targets) {
        if (!t.hasSelector || (!t.position && !t.exact)) {
            std::string message =
                "no TextPositionSelector or TextQuoteSelector: the annotation does not say "
                "which text it marks";
            if (!t.unsupportedSelectors.empty()) message += " (found " + t.unsupportedSelectors.front() + ")";
            item.problems.push_back({t.path, message});
        }
    }
    return item;
}

void readPage(const json& page, const std::string& path, ReadFile& out, Diagnostics& fatal, const std::string& file) {
    auto items = page.find("items");
    if (items == page.end() || !items->is_array()) {
        fatal.push_back(
            {file, path.empty() ? "items" : joinPath(path, "items"), "an AnnotationPage needs an \"items\" array"});
        return;
    }
    for (std::size_t i = 0; i < items->size(); ++i)
        out.items.push_back(readItem((*items)[i], indexPath(joinPath(path, "items"), i)));
    if (auto next = page.find("next"); next != page.end()) {
        if (next->is_object()) readPage(*next, joinPath(path, "next"), out, fatal, file);
        else
            fatal.push_back(
                {file, joinPath(path, "next"), "the next page is given by IRI only; embed it to import it"});
    }
}

}  // namespace

Result<ReadFile> readInput(const fs::path& input) {
    const std::string file = input.string();
    Result<json> parsed = readJsonFile(input);
    if (!parsed) return parsed.errors();
    const json root = std::move(*parsed);
    ReadFile out;
    Diagnostics fatal;
    if (root.is_array()) {
        for (std::size_t i = 0; i < root.size(); ++i) out.items.push_back(readItem(root[i], indexPath("", i)));
    } else if (hasString(root, "type", "AnnotationCollection")) {
        out.article = stringAt(root, w3c::kKeyArticle);
        out.sha256 = stringAt(root, w3c::kKeySha256);
        auto first = root.find("first");
        if (first == root.end()) {
            if (!root.contains("total") || root["total"] != 0)
                fatal.push_back({file, "first", "the collection has no embedded first page"});
        } else if (!first->is_object()) {
            fatal.push_back({file, "first", "the first page is given by IRI only; embed it to import it"});
        } else {
            readPage(*first, "first", out, fatal, file);
        }
    } else if (hasString(root, "type", "AnnotationPage")) {
        readPage(root, "", out, fatal, file);
    } else if (root.is_object()) {
        out.items.push_back(readItem(root, ""));
    } else {
        fatal.push_back(
            {file, "", "expected an Annotation, an array of them, an AnnotationPage or an AnnotationCollection"});
    }
    if (!fatal.empty()) return fatal;
    return out;
}

}  // namespace claimmark::w3c
