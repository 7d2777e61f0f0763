// odt_extract.cpp — extractOdt (docx_extract.h): content.xml to blocks, meta.xml for the
// metadata.
//
//   text:h → heading (text:outline-level, 1 when absent); text:p → paragraph; text:list-item
//   → list item (level: list nesting depth); table:table-row → TableRow, cells joined by '\t';
//   text:section and table header/row groups read through. Inline: text:s → spaces (text:c),
//   text:tab → space, text:line-break → '\n'; notes, annotations, frames and tracked changes
//   left out. meta.xml: dc:title, meta:initial-creator (else dc:creator), dc:language.
#include "core/intake/docx/docx_extract.h"

#include "core/intake/docx/xml_document.h"
#include "core/intake/docx/zip_archive.h"

#include <algorithm>
#include <cstdlib>

namespace claimmark::intake {

namespace {

void inlineText(const xmlNode* node, std::string& out) {
    for (const xmlNode* c = node->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            out += reinterpret_cast<const char*>(c->content);
        if (c->type != XML_ELEMENT_NODE) continue;
        if (xml::is(c, "s"))
            out.append(std::size_t(std::clamp(std::atoi(xml::attribute(c, "c").c_str()), 1, 100)), ' ');
        else if (xml::is(c, "tab")) out += ' ';
        else if (xml::is(c, "line-break")) out += '\n';
        else if (xml::is(c, "note") || xml::is(c, "annotation") || xml::is(c, "frame") ||
                 xml::is(c, "tracked-changes") || xml::is(c, "bookmark-ref"))
            continue;
        else inlineText(c, out);
    }
}

struct OdtReader {
    std::vector<Block>& blocks;

    void cellText(const xmlNode* node, std::string& out) {
        for (const xmlNode* c = node->children; c; c = c->next) {
            if (xml::is(c, "p") || xml::is(c, "h")) {
                std::string text;
                inlineText(c, text);
                for (char& ch : text)
                    if (ch == '\t' || ch == '\n') ch = ' ';
                if (!out.empty() && !text.empty()) out += ' ';
                out += text;
            } else if (c->type == XML_ELEMENT_NODE) {
                cellText(c, out);
            }
        }
    }

    void content(const xmlNode* node, int listDepth, bool inItem) {
        for (const xmlNode* c = node ? node->children : nullptr; c; c = c->next) {
            if (xml::is(c, "h") || xml::is(c, "p")) {
                Block block;
                inlineText(c, block.text);
                if (xml::is(c, "h")) {
                    int level = std::atoi(xml::attribute(c, "outline-level").c_str());
                    block.kind = BlockKind::Heading, block.level = std::clamp(level == 0 ? 1 : level, 1, 6);
                } else if (inItem) {
                    block.kind = BlockKind::ListItem, block.level = std::max(0, listDepth - 1);
                }
                blocks.push_back(std::move(block));
            } else if (xml::is(c, "list")) {
                content(c, listDepth + 1, false);
            } else if (xml::is(c, "list-item") || xml::is(c, "list-header")) {
                content(c, listDepth, true);
            } else if (xml::is(c, "table-row")) {
                Block row;
                row.kind = BlockKind::TableRow;
                bool first = true;
                for (const xmlNode* cell = c->children; cell; cell = cell->next) {
                    if (!xml::is(cell, "table-cell") && !xml::is(cell, "covered-table-cell")) continue;
                    if (!first) row.text += '\t';
                    first = false;
                    std::string text;
                    cellText(cell, text);
                    row.text += text;
                }
                blocks.push_back(std::move(row));
            } else if (xml::is(c, "table") || xml::is(c, "table-header-rows") || xml::is(c, "table-rows") ||
                       xml::is(c, "table-row-group") || xml::is(c, "section") || xml::is(c, "body") ||
                       xml::is(c, "text")) {
                content(c, listDepth, inItem);
            }
        }
    }
};

}  // namespace

Result<ExtractedArticle> extractOdt(std::string_view bytes, const std::string& sourceName) {
    Result<zip::ZipArchive> opened = zip::ZipArchive::open(bytes, sourceName);
    if (!opened.ok()) return opened.errors();
    zip::ZipArchive& archive = *opened;
    if (!archive.contains("content.xml"))
        return Diagnostic{sourceName, "", "not an OpenDocument text: the archive has no content.xml"};
    Result<std::string> text = archive.read("content.xml");
    if (!text.ok()) return text.errors();
    Result<xml::Document> document = xml::parse(*text, sourceName, "content.xml");
    if (!document.ok()) return document.errors();
    ExtractedArticle article;
    OdtReader{article.blocks}.content(xml::child(xmlDocGetRootElement(document->get()), "body"), 0, false);

    if (archive.contains("meta.xml")) {
        Result<std::string> metaText = archive.read("meta.xml");
        if (!metaText.ok()) return metaText.errors();
        Result<xml::Document> meta = xml::parse(*metaText, sourceName, "meta.xml");
        if (meta.ok()) {
            const xmlNode* fields = xml::child(xmlDocGetRootElement(meta->get()), "meta");
            article.metadata.title = xml::text(xml::child(fields, "title"));
            article.metadata.author = xml::text(xml::child(fields, "initial-creator"));
            if (article.metadata.author.empty()) article.metadata.author = xml::text(xml::child(fields, "creator"));
            article.metadata.language = xml::text(xml::child(fields, "language"));
        } else {
            article.notes.push_back("meta.xml could not be read; no title or author taken from it");
        }
    }
    return article;
}

}  // namespace claimmark::intake
