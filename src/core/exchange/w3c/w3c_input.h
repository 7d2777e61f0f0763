// w3c_input.h — one W3C Web Annotation input file read into Items, before any article text
// is looked at: what import_w3c.cpp builds documents from. Private to the W3C importer.
//
// [SECTION] Input shapes
//   A file holds one Annotation, a JSON array of them, an AnnotationPage ("items") or an
//   AnnotationCollection whose pages are embedded ("first", then each page's "next"); pages
//   or annotations given only by IRI cannot be read and are reported.
// Bodies (read in Input shapes):
//   Label: the first body with purpose "classifying", else the first "tagging" (others are
//   counted in a notice). Attributes: bodies with "claimmark:attribute"/"claimmark:value".
//   Note: other textual bodies ("commenting", "describing", no purpose) and "bodyValue",
//   joined by a blank line. Other bodies (external resources) are counted in a notice.
// Relations (read in Input shapes, added last):
//   A "linking" annotation whose target has no selector links its target (an annotation's
//   IRI) to the source of its SpecificResource body with purpose "linking" (or a body given
//   as an IRI); the relation type is its classifying/tagging body.
#pragma once

#include "core/diagnostic.h"
#include "core/model/annotation.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimmark::w3c {

// "a" + "b" -> "a.b", "a" + "[2]" -> "a[2]": where in the input file, for messages.
std::string joinPath(const std::string& path, const std::string& key);
// `text` in double quotes, for messages.
std::string inQuotes(std::string_view text);

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
    std::vector<std::pair<std::string, nlohmann::json>> attributes;
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

struct ReadFile {
    std::vector<Item> items;
    std::string article;  // claimmark:article of a collection
    std::string sha256;   // claimmark:sha256 of a collection
};

// The items of one input file (an Annotation, an array of them, an AnnotationPage or an
// AnnotationCollection). Errors are what makes the whole file unreadable; what is wrong
// with one annotation is kept in its Item's `problems`.
Result<ReadFile> readInput(const std::filesystem::path& input);

}  // namespace claimmark::w3c
