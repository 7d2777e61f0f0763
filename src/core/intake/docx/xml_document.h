// xml_document.h — a DOCX or ODT part parsed with libxml2, safely (private to
// src/core/intake/docx): no network, no entity expansion, no huge-document mode, and a part
// with a DTD is refused (OOXML and ODF parts never have one). Elements are matched by local
// name (the prefix and namespace are not compared: Transitional and Strict OOXML alike).
#pragma once

#include "core/diagnostic.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstring>
#include <memory>
#include <string>

namespace claimmark::intake::xml {

struct FreeDocument {
    void operator()(xmlDoc* document) const { xmlFreeDoc(document); }
};
using Document = std::unique_ptr<xmlDoc, FreeDocument>;

// Malformed XML: an error at "<part>, line L, column C".
Result<Document> parse(const std::string& text, const std::string& sourceName, const std::string& part);

inline bool is(const xmlNode* node, const char* localName) {
    return node && node->type == XML_ELEMENT_NODE &&
           std::strcmp(reinterpret_cast<const char*>(node->name), localName) == 0;
}

// An attribute by local name (any namespace); empty when absent.
std::string attribute(const xmlNode* node, const char* localName);

// The first element child with that local name, or null.
const xmlNode* child(const xmlNode* node, const char* localName);

// All text below the node (text and CDATA nodes, nothing expanded).
std::string text(const xmlNode* node);

}  // namespace claimmark::intake::xml
