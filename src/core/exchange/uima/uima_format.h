// uima_format.h — what export_uima_json.cpp writes and import_uima_json.cpp reads back: the
// UIMA CAS JSON layout (the draft specification 0.4.0 that INCEpTION writes and DKPro Cassis
// reads), the types claimmark's data takes in it, and how attributes become features.
//
// [SECTION] Layout
//   OUT/<stem>.json, one CAS per set, as INCEpTION keeps one CAS per annotator and document
//   (its project export holds annotation/<document>/<annotator>.json): two sets over one
//   article are two files (stems made unique with -2, -3), each with the whole text.
//   {"%TYPES": {...}, "%FEATURE_STRUCTURES": [...], "%VIEWS": {"_InitialView":
//   {"%SOFA": 1, "%MEMBERS": [...]}}} — no "%HEADER": offsets are UTF-16 code units, the
//   specification's default. Feature structures, one per line, "%ID" and "%TYPE" first:
//     1  uima.cas.Sofa  sofaNum 1, sofaID "_InitialView", mimeType "text", sofaString
//     2  uima.tcas.DocumentAnnotation  begin 0, end (UTF-16 length), language "x-unspecified"
//     3  webanno.custom.ClaimmarkDocument (uima.cas.AnnotationBase: an INCEpTION document
//        metadata layer)  annotator, document (the stem), sha256 of the text
//     then one webanno.custom.Claimmark (uima.tcas.Annotation: an INCEpTION span layer) per
//     span fragment, in document order, and one webanno.custom.ClaimmarkRelation (an
//     INCEpTION relation layer) per relation.
//   References to other feature structures are "@"-keys holding the %ID ("@sofa": 1).
// [SECTION] Spans
//   begin, end (UTF-16 code units into sofaString), label, claimmarkId (the annotation id),
//   coveredText (the fragment's text, checked on import), note, and one feature per
//   attribute. A discontinuous annotation is one feature structure per fragment, all with
//   the same claimmarkId and label; the first fragment (lowest begin) carries the note and
//   the attributes. INCEpTION shows each fragment as a span of the label.
// [SECTION] Relations
//   @Governor (the `from` annotation's first fragment), @Dependent (the `to` one's), label
//   (the relation type); begin/end are the Dependent's, as INCEpTION writes them.
// [SECTION] Attributes
//   A feature per (attribute name, kind): bool -> uima.cas.Boolean, ordinal ->
//   uima.cas.Integer, enum and text -> uima.cas.String. The feature is named after the
//   attribute when that is a usable feature name (an ASCII identifier, not one of the names
//   above, not "type" or "self"); otherwise "attr_" and the name with '_' for other
//   characters, made unique. Either way its %DESCRIPTION is
//   "claimmark attribute: <name>", which import reads back to get the exact name.
#pragma once

#include "core/model/annotation_set.h"

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimmark::uima {

inline constexpr const char* kSofaType = "uima.cas.Sofa";
inline constexpr const char* kDocumentAnnotationType = "uima.tcas.DocumentAnnotation";
inline constexpr const char* kAnnotationType = "uima.tcas.Annotation";
inline constexpr const char* kAnnotationBaseType = "uima.cas.AnnotationBase";
inline constexpr const char* kSpanType = "webanno.custom.Claimmark";
inline constexpr const char* kRelationType = "webanno.custom.ClaimmarkRelation";
inline constexpr const char* kDocumentType = "webanno.custom.ClaimmarkDocument";
inline constexpr const char* kInitialView = "_InitialView";

inline constexpr const char* kStringRange = "uima.cas.String";
inline constexpr const char* kIntegerRange = "uima.cas.Integer";
inline constexpr const char* kBooleanRange = "uima.cas.Boolean";

// Span features besides begin/end and the attributes.
inline constexpr const char* kLabelFeature = "label";
inline constexpr const char* kIdFeature = "claimmarkId";
inline constexpr const char* kCoveredTextFeature = "coveredText";
inline constexpr const char* kNoteFeature = "note";
// Relation features.
inline constexpr const char* kGovernorFeature = "Governor";
inline constexpr const char* kDependentFeature = "Dependent";
// Document features.
inline constexpr const char* kAnnotatorFeature = "annotator";
inline constexpr const char* kStemFeature = "document";
inline constexpr const char* kShaFeature = "sha256";

inline constexpr std::string_view kAttributeDescription = "claimmark attribute: ";

// A feature name claimmark's span type uses for itself (or UIMA for every annotation).
bool isReservedSpanFeature(std::string_view name);

// The UIMA range of an attribute kind and of a value.
const char* rangeOfKind(AttributeKind kind);
const char* rangeOfValue(const AttributeValue& value);

// The attribute features of one set's span type, in a fixed order (the schema's labels and
// their attributes, then attributes found only on annotations, in document order).
class AttributeFeatures {
public:
    struct Feature {
        std::string attribute;
        const char* range;
        std::string name;  // the feature name
    };
    explicit AttributeFeatures(const AnnotationSet& set);
    const std::vector<Feature>& features() const { return m_features; }
    // The feature for this attribute value (always planned by the constructor).
    const std::string& featureFor(const std::string& attribute, const AttributeValue& value) const;

private:
    void add(const std::string& attribute, const char* range);
    std::vector<Feature> m_features;
    std::map<std::pair<std::string, std::string>, std::size_t> m_index;  // (attribute, range)
};

}  // namespace claimmark::uima
