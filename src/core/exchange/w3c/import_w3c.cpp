// import_w3c.cpp — W3C Web Annotation JSON-LD into annotation sets: claimmark's own export
// (w3c_format.h) and annotations from other tools.
//
// [SECTION] Input shapes
//   A file holds one Annotation, a JSON array of them, an AnnotationPage ("items") or an
//   AnnotationCollection whose pages are embedded ("first", then each page's "next"); pages
//   or annotations given only by IRI cannot be read and are reported.
// [SECTION] Which text
//   --article (options.article) gives the text for every annotation of every input file.
//   Without it, each target's "source" must name a local file: a relative reference (resolved
//   against the input file's folder, percent-decoded) or a file: URI. A collection written by
//   claimmark also names its article in "claimmark:article", so an empty one still reads.
//   Annotations on different sources become different documents.
// [SECTION] Where a span is
//   A TextPositionSelector (code points) wins; its text must equal the TextQuoteSelector's
//   "exact" when both are there ("expected ..., found ..."). Without a position the quote is
//   searched for, narrowed by prefix and suffix; not found or found more than once is an
//   error. Several targets on one annotation, or several W3C annotations sharing one
//   "claimmark:annotation" id, become the fragments of one discontinuous annotation.
// Bodies (read in Input shapes):
//   Label: the first body with purpose "classifying", else the first "tagging" (others are
//   counted in a notice). Attributes: bodies with "claimmark:attribute"/"claimmark:value".
//   Note: other textual bodies ("commenting", "describing", no purpose) and "bodyValue",
//   joined by a blank line. Other bodies (external resources) are counted in a notice.
// Relations (read in Input shapes, added last):
//   A "linking" annotation whose target has no selector links its target (an annotation's
//   IRI) to the source of its SpecificResource body with purpose "linking" (or a body given
//   as an IRI); the relation type is its classifying/tagging body.
// [SECTION] Reading one input file, then building the documents
#include "core/exchange/exchange_formats.h"

#include "core/storage/file_io.h"
#include "core/exchange/import_support.h"
#include "core/exchange/w3c/w3c_format.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <set>

namespace claimmark {

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

std::string joinPath(const std::string& path, const std::string& key) {
    if (path.empty()) return key;
    if (!key.empty() && key[0] == '[') return path + key;
    return path + "." + key;
}

std::string indexPath(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

std::string inQuotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

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

struct Located {
    std::string location;
    std::string message;
};

struct TargetPart {
    std::string path;
    std::string source;
    std::string sha256;
    bool hasSelector = false;
    std::optional<Span> position;
    std::optional<std::string> exact;
    std::string prefix;
    std::string suffix;
    std::vector<std::string> unsupportedSelectors;
};

struct Item {
    std::string path;
    std::string iri;
    std::string creator;
    std::string created;
    std::string modified;
    std::vector<Located> problems;  // found while reading: the item cannot be imported
    // a span annotation
    std::vector<TargetPart> targets;
    std::string label;
    std::size_t extraLabels = 0;
    std::vector<std::pair<std::string, json>> attributes;
    std::vector<std::string> notes;
    std::size_t otherBodies = 0;
    std::string group;  // claimmark:annotation
    std::size_t fragments = 0;
    // a relation
    bool isRelation = false;
    std::string relationType;
    std::string fromIri;
    std::string toIri;
};

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
    else if (!bodies.is_null())
        list.push_back({&bodies, path});
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
        item.problems.push_back({path, "a linking annotation needs a body with purpose \"classifying\" or "
                                       "\"tagging\" naming the relation type"});
    if (item.toIri.empty())
        item.problems.push_back({path, "a linking annotation needs a body naming the annotation it links to "
                                       "(a SpecificResource with purpose \"linking\")"});
}

void readAnnotationBodies(const json& bodies, const std::string& path, Item& item) {
    std::vector<std::pair<const json*, std::string>> list;
    if (bodies.is_array())
        for (std::size_t i = 0; i < bodies.size(); ++i) list.push_back({&bodies[i], indexPath(path, i)});
    else if (!bodies.is_null())
        list.push_back({&bodies, path});
    std::string tag;
    for (const auto& [body, at] : list) {
        const bool textual = body->is_object() &&
                             (hasString(*body, "type", "TextualBody") || (body->contains("value") && !body->contains("type")));
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

    const bool anySelector = std::any_of(item.targets.begin(), item.targets.end(),
                                         [](const TargetPart& t) { return t.hasSelector; });
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
        item.problems.push_back({joinPath(path, "body"), "no label: no body with purpose \"classifying\" or \"tagging\""});
    item.group = stringAt(j, w3c::kKeyAnnotation);
    if (auto n = j.find(w3c::kKeyFragments); n != j.end() && n->is_number_unsigned()) item.fragments = n->get<std::size_t>();
    for (const TargetPart& t : item.targets) {
        if (!t.hasSelector || (!t.position && !t.exact)) {
            std::string message = "no TextPositionSelector or TextQuoteSelector: the annotation does not say "
                                  "which text it marks";
            if (!t.unsupportedSelectors.empty()) message += " (found " + t.unsupportedSelectors.front() + ")";
            item.problems.push_back({t.path, message});
        }
    }
    return item;
}

struct ReadFile {
    std::vector<Item> items;
    std::string article;  // claimmark:article of a collection
    std::string sha256;   // claimmark:sha256 of a collection
};

void readPage(const json& page, const std::string& path, ReadFile& out, Diagnostics& fatal, const std::string& file) {
    auto items = page.find("items");
    if (items == page.end() || !items->is_array()) {
        fatal.push_back({file, path.empty() ? "items" : joinPath(path, "items"), "an AnnotationPage needs an \"items\" array"});
        return;
    }
    for (std::size_t i = 0; i < items->size(); ++i)
        out.items.push_back(readItem((*items)[i], indexPath(joinPath(path, "items"), i)));
    if (auto next = page.find("next"); next != page.end()) {
        if (next->is_object()) readPage(*next, joinPath(path, "next"), out, fatal, file);
        else fatal.push_back({file, joinPath(path, "next"), "the next page is given by IRI only; embed it to import it"});
    }
}

Result<ReadFile> readInput(const fs::path& input) {
    const std::string file = input.string();
    Result<std::string> bytes = readFileBytes(input);
    if (!bytes) return bytes.errors();
    json root;
    try {
        root = json::parse(*bytes);
    } catch (const json::parse_error& e) {
        const std::size_t at = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, bytes->size());
        const std::size_t line = 1 + std::count(bytes->begin(), bytes->begin() + static_cast<std::ptrdiff_t>(at), '\n');
        return Diagnostic{file, "line " + std::to_string(line), std::string("not valid JSON: ") + e.what()};
    }
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
        fatal.push_back({file, "", "expected an Annotation, an array of them, an AnnotationPage or an AnnotationCollection"});
    }
    if (!fatal.empty()) return fatal;
    return out;
}

// --- [SECTION] Which text -----------------------------------------------------------------

bool hasScheme(const std::string& iri) {
    const std::size_t colon = iri.find(':');
    if (colon == std::string::npos || colon == 0) return false;
    for (std::size_t i = 0; i < colon; ++i) {
        const char c = iri[i];
        const bool ok = std::isalpha(static_cast<unsigned char>(c)) ||
                        (i > 0 && (std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.'));
        if (!ok) return false;
    }
    return true;
}

// The local file a target source names, or an explanation.
std::optional<fs::path> localSource(std::string source, const fs::path& input, std::string& why) {
    if (source.empty()) {
        why = "the target has no \"source\"";
        return std::nullopt;
    }
    const std::string original = source;
    if (std::size_t cut = source.find_first_of("?#"); cut != std::string::npos) source.resize(cut);
    if (source.rfind("file://", 0) == 0) {
        source.erase(0, 7);
        if (source.rfind("localhost/", 0) == 0) source.erase(0, 9);
        if (source.empty() || source[0] != '/') {
            why = "the target source " + inQuotes(original) + " is a file: URI on another host";
            return std::nullopt;
        }
    } else if (hasScheme(source)) {
        why = "the target source " + inQuotes(original) + " is not a local file; give the article with --article";
        return std::nullopt;
    }
    std::optional<std::string> decoded = w3c::percentDecode(source);
    if (!decoded) {
        why = "the target source " + inQuotes(original) + " has a malformed %-escape";
        return std::nullopt;
    }
    fs::path path = fs::u8path(*decoded);
    if (path.is_relative()) path = input.parent_path() / path;
    return path;
}

// --- [SECTION] Where a span is ------------------------------------------------------------

// Empty when found; else why not.
std::string locateSpan(const ImportBuilder& builder, const TargetPart& part, Span& span) {
    const Document& document = builder.document();
    if (part.position) {
        std::vector<Span> spans{*part.position};
        std::string problem = builder.checkSpans(spans, part.exact ? &*part.exact : nullptr);
        if (!problem.empty()) return problem;
        span = spans.front();
        return {};
    }
    const std::string& exact = *part.exact;
    if (exact.empty()) return "the TextQuoteSelector's \"exact\" is empty";
    const std::string& bytes = document.bytes();
    std::vector<std::size_t> hits;
    std::size_t occurrences = 0;
    for (std::size_t at = bytes.find(exact); at != std::string::npos; at = bytes.find(exact, at + 1)) {
        ++occurrences;
        const bool prefixFits = part.prefix.size() <= at &&
                                bytes.compare(at - part.prefix.size(), part.prefix.size(), part.prefix) == 0;
        const bool suffixFits = bytes.compare(at + exact.size(), part.suffix.size(), part.suffix) == 0;
        if (prefixFits && suffixFits) hits.push_back(at);
    }
    if (occurrences == 0) return "the quote " + inQuotes(exact) + " is not in the article";
    if (hits.empty())
        return "the quote " + inQuotes(exact) + " occurs " + std::to_string(occurrences) +
               " time(s) but never with the given prefix and suffix";
    if (hits.size() > 1)
        return "the quote " + inQuotes(exact) + " occurs " + std::to_string(hits.size()) +
               " times with the given prefix and suffix; add a TextPositionSelector to say which";
    // A match of valid UTF-8 in valid UTF-8 starts and ends on character boundaries.
    span.start = document.codePointFromByte(hits.front());
    span.end = document.codePointFromByte(hits.front() + exact.size());
    return {};
}

// --- [SECTION] Reading one input file, then building the documents -----------------------

// The input's created/modified replace the import time when it states them.
void keepTimes(ImportBuilder& builder, const std::string& id, const Item& item) {
    if (item.created.empty() && item.modified.empty()) return;
    Annotation a = *builder.set().findAnnotation(id);
    if (!item.created.empty()) a.created = item.created;
    a.modified = !item.modified.empty() ? item.modified : a.created;
    builder.set().replaceAnnotation(std::move(a));
}

struct DocState {
    std::string key;
    std::optional<ImportBuilder> builder;
    std::vector<std::string> creators;
    bool shaMismatch = false;
};

struct Importer {
    const ImportOptions& options;
    ImportOutput output;
    Diagnostics errors;
    std::set<std::string> usedStems;

    void problem(Diagnostic d) {
        if (options.lenient) output.skipped.push_back(std::move(d));
        else errors.push_back(std::move(d));
    }

    std::string uniqueStem(std::string stem) {
        if (stem.empty()) stem = "document";
        std::string candidate = stem;
        for (int n = 2; !usedStems.insert(candidate).second; ++n) candidate = stem + "-" + std::to_string(n);
        return candidate;
    }

    void importFile(const fs::path& input);
};

void Importer::importFile(const fs::path& input) {
    const std::string file = input.string();
    Result<ReadFile> read = readInput(input);
    if (!read) {
        errors.insert(errors.end(), read.errors().begin(), read.errors().end());
        return;
    }

    // Documents: one for --article, else one per target source.
    std::vector<DocState> docs;
    std::map<std::string, std::size_t> docByKey;
    std::vector<std::size_t> docOfItem(read->items.size(), SIZE_MAX);
    auto docFor = [&](const std::string& key) -> std::size_t {
        auto [it, added] = docByKey.emplace(key, docs.size());
        if (added) docs.push_back(DocState{key, std::nullopt, {}, false});
        return it->second;
    };
    if (options.article) docFor("");
    else if (!read->article.empty()) docFor(read->article);
    for (std::size_t i = 0; i < read->items.size(); ++i) {
        const Item& item = read->items[i];
        if (item.isRelation || item.targets.empty()) continue;
        docOfItem[i] = docFor(options.article ? std::string() : item.targets.front().source);
    }

    // Load each document's text.
    std::vector<bool> docFailed(docs.size(), false);
    for (std::size_t d = 0; d < docs.size(); ++d) {
        fs::path textPath;
        std::string where;
        if (options.article) {
            textPath = *options.article;
        } else {
            std::string why;
            std::optional<fs::path> local = localSource(docs[d].key, input, why);
            for (std::size_t i = 0; i < read->items.size() && where.empty(); ++i)
                if (docOfItem[i] == d) where = read->items[i].targets.front().path + ".source";
            if (!local) {
                errors.push_back({file, where, why});
                docFailed[d] = true;
                continue;
            }
            textPath = *local;
        }
        Result<std::string> text = readFileBytes(textPath);
        if (!text) {
            for (Diagnostic e : text.errors()) {
                e.message = "cannot read the article: " + e.message;
                if (e.location.empty()) e.location = where;
                if (e.file.empty()) e.file = file;
                errors.push_back(std::move(e));
            }
            docFailed[d] = true;
            continue;
        }
        std::string stem = input.stem().string();
        if (docs.size() > 1) stem += "-" + textPath.stem().string();
        Result<ImportBuilder> builder = ImportBuilder::create(std::move(*text), uniqueStem(stem), file, options);
        if (!builder) {
            errors.insert(errors.end(), builder.errors().begin(), builder.errors().end());
            docFailed[d] = true;
            continue;
        }
        docs[d].builder.emplace(std::move(*builder));
        docs[d].builder->result().articlePath = textPath;
        if (!read->sha256.empty() && read->sha256 != docs[d].builder->document().sha256()) docs[d].shaMismatch = true;
    }

    // Span annotations, grouped into claimmark annotations.
    std::map<std::string, std::pair<std::size_t, std::string>> idOfIri;  // IRI -> (doc, annotation id)
    std::set<std::string> skippedIris;
    std::size_t extraLabels = 0, otherBodies = 0;
    std::vector<std::vector<std::size_t>> groups;
    std::map<std::pair<std::size_t, std::string>, std::size_t> groupOf;
    for (std::size_t i = 0; i < read->items.size(); ++i) {
        const Item& item = read->items[i];
        if (item.isRelation) continue;
        if (docOfItem[i] == SIZE_MAX || item.group.empty()) {
            groups.push_back({i});
            continue;
        }
        auto [it, added] = groupOf.emplace(std::make_pair(docOfItem[i], item.group), groups.size());
        if (added) groups.push_back({});
        groups[it->second].push_back(i);
    }
    for (const std::vector<std::size_t>& group : groups) {
        const Item& first = read->items[group.front()];
        const std::size_t d = docOfItem[group.front()];
        if (d != SIZE_MAX && docFailed[d]) continue;  // already reported for the document
        Diagnostics found;
        for (std::size_t i : group)
            for (const Located& p : read->items[i].problems) found.push_back({file, p.location, p.message});
        if (found.empty() && d != SIZE_MAX) {
            ImportBuilder& builder = *docs[d].builder;
            std::vector<Span> spans;
            for (std::size_t i : group) {
                const Item& item = read->items[i];
                if (item.label != first.label)
                    found.push_back({file, item.path, "this fragment of annotation " + inQuotes(first.group) +
                                                          " has label " + inQuotes(item.label) + ", the first has " +
                                                          inQuotes(first.label)});
                for (const TargetPart& part : item.targets) {
                    if (!options.article && part.source != first.targets.front().source) {
                        found.push_back({file, part.path + ".source",
                                         "the targets of one annotation must share a source"});
                        continue;
                    }
                    if (!part.sha256.empty() && part.sha256 != builder.document().sha256()) docs[d].shaMismatch = true;
                    Span span;
                    const std::string why = locateSpan(builder, part, span);
                    if (!why.empty()) found.push_back({file, part.path, why});
                    else spans.push_back(span);
                }
            }
            if (found.empty() && first.fragments > 1 && group.size() != first.fragments)
                found.push_back({file, first.path, "annotation " + inQuotes(first.group) + " has " +
                                                       std::to_string(group.size()) + " of its " +
                                                       std::to_string(first.fragments) + " fragments"});
            if (found.empty()) {
                const std::string why = builder.checkSpans(spans, nullptr);
                if (!why.empty()) found.push_back({file, first.path, why});
            }
            Attributes attributes;
            if (found.empty()) {
                builder.ensureLabel(first.label);
                for (const auto& [name, value] : first.attributes) {
                    AttributeValue converted;
                    const std::string why = builder.ensureAttribute(first.label, name, value, converted);
                    if (!why.empty()) found.push_back({file, joinPath(first.path, "body"), why});
                    else attributes[name] = std::move(converted);
                }
            }
            if (found.empty()) {
                std::string note;
                for (const std::string& part : first.notes) note += (note.empty() ? "" : "\n\n") + part;
                std::string error;
                const std::string id =
                    builder.addAnnotation(first.label, std::move(spans), std::move(attributes), std::move(note), error,
                                          first.group);
                if (id.empty()) {
                    found.push_back({file, first.path, error});
                } else {
                    keepTimes(builder, id, first);
                    for (std::size_t i : group) {
                        const Item& item = read->items[i];
                        if (!item.iri.empty()) idOfIri[item.iri] = {d, id};
                        if (!item.creator.empty() &&
                            std::find(docs[d].creators.begin(), docs[d].creators.end(), item.creator) ==
                                docs[d].creators.end())
                            docs[d].creators.push_back(item.creator);
                        extraLabels += item.extraLabels;
                        otherBodies += item.otherBodies;
                    }
                }
            }
        }
        if (found.empty()) continue;
        for (Diagnostic& f : found) problem(std::move(f));
        for (std::size_t i : group)
            if (!read->items[i].iri.empty()) skippedIris.insert(read->items[i].iri);
    }

    // Relations, once every annotation they may point to is in place.
    for (const Item& item : read->items) {
        if (!item.isRelation) continue;
        if (!item.problems.empty()) {
            for (const Located& p : item.problems) problem({file, p.location, p.message});
            continue;
        }
        if (skippedIris.count(item.fromIri) || skippedIris.count(item.toIri)) {
            if (options.lenient)
                output.skipped.push_back({file, item.path, "relation " + inQuotes(item.relationType) +
                                                               " left out: it links an annotation that was skipped"});
            continue;
        }
        auto from = idOfIri.find(item.fromIri);
        auto to = idOfIri.find(item.toIri);
        if (from == idOfIri.end() || to == idOfIri.end()) {
            const bool fromMissing = from == idOfIri.end();
            const std::string& iri = fromMissing ? item.fromIri : item.toIri;
            if (docs.size() == 1 && docFailed.front()) continue;  // the document was not read at all
            problem({file, joinPath(item.path, fromMissing ? "target" : "body"),
                     "links " + inQuotes(iri) + ", which is not an annotation in this file"});
            continue;
        }
        if (from->second.first != to->second.first) {
            problem({file, item.path, "links annotations on different documents"});
            continue;
        }
        ImportBuilder& builder = *docs[from->second.first].builder;
        const Annotation* fromAnnotation = builder.set().findAnnotation(from->second.second);
        const Annotation* toAnnotation = builder.set().findAnnotation(to->second.second);
        builder.ensureRelation(item.relationType, fromAnnotation->label, toAnnotation->label);
        std::string error;
        if (builder.addRelation(item.relationType, from->second.second, to->second.second, error).empty())
            problem({file, item.path, error});
    }

    if (extraLabels > 0)
        output.notices.push_back(file + ": " + std::to_string(extraLabels) +
                                 " extra label bodies (more than one classifying/tagging body on an annotation) "
                                 "were not imported; each annotation kept its first label");
    if (otherBodies > 0)
        output.notices.push_back(file + ": " + std::to_string(otherBodies) +
                                 " bodies that are not TextualBody (external resources) were not imported");
    for (DocState& doc : docs) {
        if (!doc.builder) continue;
        if (options.annotator.empty() && !doc.creators.empty()) {
            doc.builder->set().annotator = doc.creators.front();
            if (doc.creators.size() > 1)
                output.notices.push_back(file + ": the annotations have " + std::to_string(doc.creators.size()) +
                                         " different creators; the set's annotator is the first, " +
                                         inQuotes(doc.creators.front()));
        }
        if (doc.shaMismatch)
            output.notices.push_back(file + ": the article's SHA-256 differs from the one the input records; "
                                            "spans were checked against their quotes where they have one");
        for (const std::string& n : doc.builder->notices()) output.notices.push_back(n);
        output.documents.push_back(std::move(*doc.builder).finish());
    }
}

// A folder stands for the .jsonld and .json files in it, in name order.
std::vector<fs::path> expandInputs(const std::vector<fs::path>& inputs) {
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
            if (entry.is_regular_file(ec) && (ext == ".jsonld" || ext == ".json")) inFolder.push_back(entry.path());
        }
        std::sort(inFolder.begin(), inFolder.end());
        out.insert(out.end(), inFolder.begin(), inFolder.end());
    }
    return out;
}

}  // namespace

Result<ImportOutput> importW3c(const std::vector<std::filesystem::path>& inputs, const ImportOptions& options) {
    const std::vector<fs::path> files = expandInputs(inputs);
    if (files.empty()) return Diagnostic{"", "", "no W3C annotation files to import"};
    Importer importer{options, {}, {}, {}};
    for (const fs::path& input : files) importer.importFile(input);
    if (!importer.errors.empty()) return importer.errors;
    return std::move(importer.output);
}

}  // namespace claimmark
