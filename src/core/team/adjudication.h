// adjudication.h — settling a gold set (merge.h output) one disagreement at a time.
//
// [SECTION] What is open
//   A gold set made by mergeSets() holds everything any reviewer marked. What still needs a
//   decision:
//     - an annotation with status "disputed" (not every reviewer proposed it, or they gave
//       different attribute values);
//     - an annotation whose extra "attribute_votes" still names attributes
//       ({"strength": {"alice": 4, "bob": 3}}): an attribute conflict, even when settled;
//     - a relation whose extra "status" is "disputed".
//   listDisagreements() returns them in document order (a relation sits at its `from`
//   annotation, after it). The count of what is open is the list's size.
// [SECTION] Navigation
//   next / previous go from a position in document order to the nearest disagreement after
//   (before) it, wrapping around; a position that is itself a disagreement is skipped, and
//   a position no longer in the list (just settled) still finds its neighbours.
// [SECTION] Decisions
//   Each decision is one undoable step on the gold session's history (command.h):
//     accept   the annotation as it stands: status cleared, remaining attribute votes
//              dropped (the current values win); a relation: its status dropped (proposed_by stays)
//     reject   the annotation is deleted with its relations; a relation is deleted
//     pick     one attribute takes a reviewer's value; its vote entry goes; when no votes
//              are left and every reviewer proposed the annotation, it is settled too
//              (there is nothing else to decide)
#pragma once

#include "core/model/annotation_set.h"
#include "core/diagnostic.h"
#include "core/editing/edit_session.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace claimmark {

inline constexpr const char* kAttributeVotesKey = "attribute_votes";

struct AttributeVote {
    std::string reviewer;
    AttributeValue value;
};

struct AttributeConflict {
    std::string attribute;
    std::vector<AttributeVote> votes;  // in the order the set file lists them
};

enum class DisagreementKind { Annotation, Relation };

struct Disagreement {
    DisagreementKind kind = DisagreementKind::Annotation;
    std::string id;            // annotation id, or relation id
    std::string annotationId;  // the annotation to show: itself, or the relation's `from`
    std::size_t start = 0;     // of annotationId, for ordering and scrolling
    std::size_t end = 0;
    bool disputed = false;  // status "disputed"
    std::vector<std::string> proposedBy;
    std::vector<std::string> missingFrom;  // reviewers (of those given) who did not propose it
    std::vector<AttributeConflict> conflicts;
};

// The attribute votes kept on an annotation (empty when none or malformed). Values that
// are not bool, integer or string are left out.
std::vector<AttributeConflict> attributeConflicts(const Annotation& annotation);

// `reviewers` names every reviewer (for missingFrom); may be empty.
std::vector<Disagreement> listDisagreements(const AnnotationSet& gold, const std::vector<std::string>& reviewers);

// Position in document order: annotation start, then end descending, then kind (an
// annotation before its relations), then id.
struct DisagreementPosition {
    std::size_t start = 0;
    std::size_t end = 0;
    DisagreementKind kind = DisagreementKind::Annotation;
    std::string id;
};
DisagreementPosition positionOf(const Disagreement& disagreement);
// The position of an annotation of `gold` (nullopt when it does not exist).
std::optional<DisagreementPosition> positionOfAnnotation(const AnnotationSet& gold, const std::string& id);

// Index into `list` of the next (forward) or previous disagreement from `from`; with no
// position, the first (forward) or last. nullopt when the list is empty.
std::optional<std::size_t> stepDisagreement(const std::vector<Disagreement>& list,
                                            const std::optional<DisagreementPosition>& from, bool forward);
// Index of the disagreement with this kind and id.
std::optional<std::size_t> findDisagreement(const std::vector<Disagreement>& list, DisagreementKind kind,
                                            const std::string& id);

// --- decisions (each one undoable step; nothing changes on failure) ----------------------
Status acceptAnnotation(EditSession& session, const std::string& id);
Status rejectAnnotation(EditSession& session, const std::string& id);
// `value` nullopt removes the attribute. `reviewerCount` decides whether the annotation is
// settled once no votes are left (see Decisions above); pass 0 never to settle.
Status pickAttribute(EditSession& session, const std::string& id, const std::string& attribute,
                     std::optional<AttributeValue> value, std::size_t reviewerCount);
Status acceptRelation(EditSession& session, const std::string& id);
Status rejectRelation(EditSession& session, const std::string& id);
// Replaces (or with a null value removes) one extra key of an annotation, undoably.
Status setAnnotationExtra(EditSession& session, const std::string& id, const std::string& key,
                          const nlohmann::json& value, const std::string& description);

// A bool / integer / string JSON value as an attribute value.
std::optional<AttributeValue> attributeValueFromJson(const nlohmann::json& value);

// Reviewer names made unique as mergeSets() makes them: "alice", "alice-2", ...; an empty
// name becomes "reviewer".
std::vector<std::string> uniqueReviewerNames(const std::vector<std::string>& annotators);

}  // namespace claimmark
