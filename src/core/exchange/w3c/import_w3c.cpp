// import_w3c.cpp — W3C Web Annotation JSON-LD into annotation sets: claimmark's own export
// (w3c_format.h) and annotations from other tools.
//
// Input shapes, bodies and relations: how one file is read into Items (w3c_input.h).
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
// [SECTION] Reading one input file, then building the documents
#include "core/exchange/exchange_formats.h"

#include "core/storage/file_io.h"
#include "core/exchange/import_support.h"
#include "core/exchange/w3c/w3c_format.h"
#include "core/exchange/w3c/w3c_input.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <set>

namespace claimmark {

namespace {

namespace fs = std::filesystem;

using w3c::inQuotes;
using w3c::Item;
using w3c::joinPath;
using w3c::Located;
using w3c::ReadFile;
using w3c::readInput;
using w3c::TargetPart;

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
    // The same trust boundary as a set's document.path: an input file may make claimmark read
    // only files in its own folder (or below), never wherever its JSON points.
    if (!liesInside(path, resolvedPath(input).parent_path())) {
        why = "the target source " + inQuotes(original) + " leads outside the folder of " + input.string() +
              "; give the article with --article";
        return std::nullopt;
    }
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
        const bool prefixFits =
            part.prefix.size() <= at && bytes.compare(at - part.prefix.size(), part.prefix.size(), part.prefix) == 0;
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
                    found.push_back({file, item.path,
                                     "this fragment of annotation " + inQuotes(first.group) + " has label " +
                                         inQuotes(item.label) + ", the first has " + inQuotes(first.label)});
                for (const TargetPart& part : item.targets) {
                    if (!options.article && part.source != first.targets.front().source) {
                        found.push_back(
                            {file, part.path + ".source", "the targets of one annotation must share a source"});
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
                found.push_back({file, first.path,
                                 "annotation " + inQuotes(first.group) + " has " + std::to_string(group.size()) +
                                     " of its " + std::to_string(first.fragments) + " fragments"});
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
                const std::string id = builder.addAnnotation(first.label, std::move(spans), std::move(attributes),
                                                             std::move(note), error, first.group);
                if (id.empty()) {
                    found.push_back({file, first.path, error});
                } else {
                    keepTimes(builder, id, first);
                    for (std::size_t i : group) {
                        const Item& item = read->items[i];
                        if (!item.iri.empty()) idOfIri[item.iri] = {d, id};
                        if (!item.creator.empty() && std::find(docs[d].creators.begin(), docs[d].creators.end(),
                                                               item.creator) == docs[d].creators.end())
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
                output.skipped.push_back(
                    {file, item.path,
                     "relation " + inQuotes(item.relationType) + " left out: it links an annotation that was skipped"});
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
            output.notices.push_back(file +
                                     ": the article's SHA-256 differs from the one the input records; "
                                     "spans were checked against their quotes where they have one");
        for (const std::string& n : doc.builder->notices()) output.notices.push_back(n);
        output.documents.push_back(std::move(*doc.builder).finish());
    }
}

}  // namespace

Result<ImportOutput> importW3c(const std::vector<std::filesystem::path>& inputs, const ImportOptions& options) {
    // A folder stands for the .jsonld and .json files in it, in name order.
    const std::vector<fs::path> files = filesInFolders(inputs, {".jsonld", ".json"});
    if (files.empty()) return Diagnostic{"", "", "no W3C annotation files to import"};
    Importer importer{options, {}, {}, {}};
    for (const fs::path& input : files) importer.importFile(input);
    if (!importer.errors.empty()) return importer.errors;
    return std::move(importer.output);
}

}  // namespace claimmark
