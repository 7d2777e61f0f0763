// xml_document.cpp — parse() and the element helpers of xml_document.h.
#include "core/intake/docx/xml_document.h"

namespace claimmark::intake::xml {

Result<Document> parse(const std::string& text, const std::string& sourceName, const std::string& part) {
    xmlParserCtxtPtr context = xmlNewParserCtxt();
    if (!context) return Diagnostic{sourceName, part, "out of memory reading the XML"};
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
    xmlDoc* parsed = xmlCtxtReadMemory(context, text.data(), int(text.size()), part.c_str(), nullptr, options);
    if (!parsed) {
        std::string location = part;
        std::string message = "malformed XML";
        const xmlError* error = &context->lastError;
        if (error->line > 0)
            location += ", line " + std::to_string(error->line) + ", column " + std::to_string(error->int2);
        if (error->message) {
            std::string detail = error->message;
            while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
            message += " (" + detail + ")";
        }
        xmlFreeParserCtxt(context);
        return Diagnostic{sourceName, location, message};
    }
    xmlFreeParserCtxt(context);
    Document document(parsed);
    if (document->intSubset || document->extSubset)
        return Diagnostic{sourceName, part, "the XML has a DTD (document type declaration), which is not allowed here"};
    if (!xmlDocGetRootElement(document.get())) return Diagnostic{sourceName, part, "the XML has no root element"};
    return document;
}

std::string attribute(const xmlNode* node, const char* localName) {
    for (const xmlAttr* a = node ? node->properties : nullptr; a; a = a->next) {
        if (std::strcmp(reinterpret_cast<const char*>(a->name), localName) != 0) continue;
        std::string value;
        for (const xmlNode* c = a->children; c; c = c->next)
            if (c->content) value += reinterpret_cast<const char*>(c->content);
        return value;
    }
    return {};
}

const xmlNode* child(const xmlNode* node, const char* localName) {
    for (const xmlNode* c = node ? node->children : nullptr; c; c = c->next)
        if (is(c, localName)) return c;
    return nullptr;
}

std::string text(const xmlNode* node) {
    std::string out;
    for (const xmlNode* c = node ? node->children : nullptr; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            out += reinterpret_cast<const char*>(c->content);
        else if (c->type == XML_ELEMENT_NODE) out += text(c);
    }
    return out;
}

}  // namespace claimmark::intake::xml
