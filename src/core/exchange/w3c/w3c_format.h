// w3c_format.h — what export_w3c.cpp writes and import_w3c.cpp reads back: the layout of
// claimmark's W3C Web Annotation files, the claimmark-specific keys, and IRI helpers.
//
// [SECTION] Layout (one folder per export)
//   OUT/<stem>.jsonld  an AnnotationCollection ("id" urn:claimmark:<stem>, "label" the stem,
//                      "total", "claimmark:article": "<stem>.txt", "claimmark:sha256",
//                      "claimmark:offsetUnit": "codepoint") with
//                      one embedded AnnotationPage "first" whose "items" are the annotations.
//                      Every item repeats "@context" so it stands alone when copied out
//                      (each item passes the W3C test suite's MUST assertions on its own);
//                      items are written one per line, keys in a fixed order.
//   OUT/<stem>.txt     the article, byte for byte; targets name it by the relative IRI
//                      "<stem>.txt" (percent-encoded), resolved against the .jsonld file,
//                      so `import --from w3c OUT/<stem>.jsonld` needs no --article.
// [SECTION] One W3C annotation per span
//   id          urn:claimmark:<stem>:annotation:<id> (one span) or
//               urn:claimmark:<stem>:annotation:<id>:fragment:<k> (k = 1..n, n spans)
//   motivation  "classifying"
//   body        TextualBody purpose "classifying" value = label;
//               per attribute a TextualBody purpose "describing", value "name: value", with
//               "claimmark:attribute" (name) and "claimmark:value" (typed JSON value);
//               the note as a TextualBody purpose "commenting"
//   target      {"source": "<stem>.txt", "claimmark:sha256", "selector": [TextQuoteSelector
//               {exact, prefix, suffix (kContextLength code points, omitted when empty)},
//               TextPositionSelector {start, end} in code points, CRLF counting two]}
//   claimmark:annotation  the claimmark annotation id, shared by the fragments of one
//               discontinuous annotation; "claimmark:fragments" = n when n > 1. Import puts
//               fragments with the same claimmark:annotation back together.
//   creator     {"type": "Person", "name": set annotator}; created / modified as in the set.
// [SECTION] Relations
//   One annotation per relation: id urn:claimmark:<stem>:relation:<id>, motivation
//   "linking", target = the IRI of the `from` annotation (its first fragment), body =
//   [TextualBody purpose "classifying" value = relation type, SpecificResource purpose
//   "linking" source = the IRI of the `to` annotation (its first fragment)].
//   "claimmark:relation" holds the relation id.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace claimmark::w3c {

inline constexpr const char* kAnnoContext = "http://www.w3.org/ns/anno.jsonld";
inline constexpr const char* kVocabPrefix = "claimmark";
inline constexpr const char* kVocabIri = "urn:claimmark:vocab:";

inline constexpr const char* kKeyAnnotation = "claimmark:annotation";
inline constexpr const char* kKeyFragments = "claimmark:fragments";
inline constexpr const char* kKeyAttribute = "claimmark:attribute";
inline constexpr const char* kKeyValue = "claimmark:value";
inline constexpr const char* kKeySha256 = "claimmark:sha256";
inline constexpr const char* kKeyRelation = "claimmark:relation";
inline constexpr const char* kKeyOffsetUnit = "claimmark:offsetUnit";
inline constexpr const char* kKeyArticle = "claimmark:article";

// ["http://www.w3.org/ns/anno.jsonld", {"claimmark": "urn:claimmark:vocab:"}]
nlohmann::ordered_json context();

// RFC 3986 percent-encoding of everything but unreserved characters (UTF-8 bytes too).
std::string percentEncode(std::string_view text);
// nullopt when a '%' is not followed by two hex digits.
std::optional<std::string> percentDecode(std::string_view text);

std::string collectionIri(std::string_view stem);
std::string pageIri(std::string_view stem);
// fragment 0 (or fragments <= 1) gives the single-span form.
std::string annotationIri(std::string_view stem, std::string_view annotationId, std::size_t fragment,
                          std::size_t fragments);
std::string relationIri(std::string_view stem, std::string_view relationId);
// The relative IRI of the article copy: "<stem>.txt", percent-encoded.
std::string articleIri(std::string_view stem);

}  // namespace claimmark::w3c
