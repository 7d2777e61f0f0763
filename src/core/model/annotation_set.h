// annotation_set.h — the model: one reviewer's annotations of one document.
//
// [SECTION] Invariants (checked at every entry point; on failure nothing changes)
//   - annotation ids are unique and non-empty; relation ids likewise (separate namespaces)
//   - the label exists in `schema`; every attribute is defined for that label and its value
//     fits the attribute's type (enum value listed, ordinal within min..max, ...)
//   - spans: at least one; each 0 <= start < end <= documentLength; sorted and not
//     overlapping each other. Orphaned annotations are exempt from the range check (their
//     spans refer to the text they were made on) but must still be well formed.
//   - relations: type exists; both ends exist; the ends' labels fit the relation type
//   - an annotation that relations point to cannot be removed (remove the relations first)
//   Spans of different annotations may overlap and nest freely.
// [SECTION] Storage
//   Annotations live in a vector with an id index; removal swaps with the last element, so
//   storage order is arbitrary. Use inDocumentOrder() for display and for writing.
//   Pointers returned by the queries are valid until the next mutation.
#pragma once

#include "core/model/annotation.h"
#include "core/diagnostic.h"
#include "core/model/schema.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace claimmark {

// One invariant violation: `path` is relative to the checked object ("spans[1].end",
// "attributes.strength", "label"); the reader prefixes it with "annotations[7]." etc.
struct Problem {
    std::string path;
    std::string message;
};
using Problems = std::vector<Problem>;

struct DocumentRef {
    std::string path;        // as written in the set: relative to the set file's folder
    std::string sha256;      // lower-case hex of the article's bytes
    std::size_t length = 0;  // in code points
    nlohmann::json extra = nlohmann::json::object();
};

class AnnotationSet {
public:
    static constexpr const char* kFormat = "claimmark/annotation-set";
    static constexpr int kVersion = 1;

    AnnotationSet();  // empty, with the built-in claim-strength schema

    DocumentRef document;
    std::string annotator;
    // The reviewer's "done" flag: they finished this document (project status view).
    bool done = false;
    Schema schema;
    // Suggestions the reviewer rejected ("rejected_suggestions" in the file).
    std::vector<RejectedSuggestion> rejectedSuggestions;
    nlohmann::json extra = nlohmann::json::object();  // unknown top-level keys

    // --- queries -----------------------------------------------------------------------
    std::size_t annotationCount() const { return m_annotations.size(); }
    std::size_t relationCount() const { return m_relations.size(); }
    const Annotation* findAnnotation(std::string_view id) const;
    const Relation* findRelation(std::string_view id) const;
    // Storage order (arbitrary but stable between mutations).
    const std::vector<Annotation>& annotations() const { return m_annotations; }
    const std::vector<Relation>& relations() const { return m_relations; }
    // Document order (see documentOrderLess); relations sorted by id number.
    std::vector<const Annotation*> inDocumentOrder() const;
    std::vector<const Relation*> relationsInOrder() const;
    // Relations whose `from` or `to` is `annotationId`.
    std::vector<const Relation*> relationsOf(std::string_view annotationId) const;
    std::size_t orphanedCount() const;

    // --- checks (no change) ------------------------------------------------------------
    Problems checkAnnotation(const Annotation& annotation) const;  // ignores id uniqueness
    Problems checkRelation(const Relation& relation) const;        // ignores id uniqueness

    // --- mutators ----------------------------------------------------------------------
    Status addAnnotation(Annotation annotation);
    // As addAnnotation, but returns every problem (empty = added); for readers that report
    // problems with paths. A duplicate id is reported at path "id".
    Problems tryAddAnnotation(Annotation&& annotation);
    // Replaces the annotation with the same id; fails if it does not exist, if the new state
    // breaks an invariant, or if a relation attached to it would no longer fit its type.
    Status replaceAnnotation(Annotation annotation);
    Status removeAnnotation(std::string_view id);
    Status addRelation(Relation relation);
    Status removeRelation(std::string_view id);

    // Capacity hints for bulk loading.
    void reserve(std::size_t annotations, std::size_t relations);

    // Fresh ids: "a<N>" / "r<N>" with N one past the largest number in use.
    std::string nextAnnotationId() const;
    std::string nextRelationId() const;

    // Increases on every successful mutation; views cache against it.
    std::uint64_t revision() const { return m_revision; }

private:
    std::vector<Annotation> m_annotations;
    std::vector<Relation> m_relations;
    // Looked up by string_view without making a string (transparent hash and equality).
    struct IdHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
    };
    using IdIndex = std::unordered_map<std::string, std::size_t, IdHash, std::equal_to<>>;
    IdIndex m_annotationIndex;
    IdIndex m_relationIndex;
    std::uint64_t m_maxAnnotationNumber = 0;
    std::uint64_t m_maxRelationNumber = 0;
    std::uint64_t m_revision = 0;

    void noteIdNumber(const std::string& id, char prefix, std::uint64_t& maxNumber);
};

// "annotations[3].spans[0].end: ..." style text for a problem list.
std::string describeProblems(const Problems& problems, const std::string& prefix = "");

}  // namespace claimmark
