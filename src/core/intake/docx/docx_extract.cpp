// docx_extract.cpp — extractDocx (docx_extract.h): word/document.xml to blocks, styles.xml
// for heading styles, docProps/core.xml for the metadata.
//
// [SECTION] Styles    a style is a heading when its name is "heading N" or "Title" (level 1),
//                     or it has an outline level (w:outlineLvl 0-5 → level 1-6), or it is
//                     based on such a style; a style with numbering (w:numPr) makes list items
// [SECTION] Text      w:t text; w:tab → space; w:br, w:cr → '\n'; w:noBreakHyphen → '-';
//                     deleted and moved-away text (w:del, w:moveFrom), field codes
//                     (w:instrText), hidden runs (w:vanish), drawings, text boxes and
//                     footnote references are left out; inserted text (w:ins) is kept
// [SECTION] Body      w:p → heading (w:pStyle, w:outlineLvl), list item (w:numPr, its w:ilvl
//                     the level; w:numId 0 is no list) or paragraph; w:tbl → one TableRow per
//                     w:tr, cells joined by '\t' (a cell's paragraphs and nested tables joined
//                     by spaces); content controls (w:sdt) read through
// [SECTION] Metadata  dc:title, dc:creator, dc:language; dcterms:created is when the file was
//                     made, not when the article was published, so `published` stays empty
#include "core/intake/docx/docx_extract.h"

#include "core/intake/docx/xml_document.h"
#include "core/intake/docx/zip_archive.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

namespace claimmark::intake {

namespace {

// --- [SECTION] Styles --------------------------------------------------------------------

struct StyleInfo {
    std::string basedOn;
    int heading = 0;  // 1-6, 0 when not a heading
    bool list = false;
    int listLevel = 0;
};

using Styles = std::unordered_map<std::string, StyleInfo>;

int headingFromName(std::string name) {
    for (char& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (name == "title") return 1;
    if (name.size() == 9 && name.rfind("heading ", 0) == 0 && name[8] >= '1' && name[8] <= '9')
        return std::min(6, name[8] - '0');
    return 0;
}

int outlineLevel(const xmlNode* pPr) {
    const xmlNode* outline = xml::child(pPr, "outlineLvl");
    if (!outline) return 0;
    int level = std::atoi(xml::attribute(outline, "val").c_str());
    return level >= 0 && level <= 5 ? level + 1 : 0;
}

Styles readStyles(const xmlNode* root) {
    Styles styles;
    for (const xmlNode* s = root->children; s; s = s->next) {
        if (!xml::is(s, "style")) continue;
        StyleInfo info;
        std::string id = xml::attribute(s, "styleId");
        info.heading = headingFromName(xml::attribute(xml::child(s, "name"), "val"));
        if (info.heading == 0) info.heading = headingFromName(id);
        info.basedOn = xml::attribute(xml::child(s, "basedOn"), "val");
        const xmlNode* pPr = xml::child(s, "pPr");
        if (info.heading == 0) info.heading = outlineLevel(pPr);
        if (const xmlNode* numPr = xml::child(pPr, "numPr")) {
            info.list = xml::attribute(xml::child(numPr, "numId"), "val") != "0";
            info.listLevel = std::atoi(xml::attribute(xml::child(numPr, "ilvl"), "val").c_str());
        }
        styles[id] = info;
    }
    return styles;
}

// The style with what it inherits (up to ten styles deep).
StyleInfo resolveStyle(const Styles& styles, std::string id) {
    StyleInfo result;
    bool haveList = false;
    for (int depth = 0; depth < 10 && !id.empty(); ++depth) {
        auto it = styles.find(id);
        if (it == styles.end()) {
            if (result.heading == 0) result.heading = headingFromName(id);
            break;
        }
        if (result.heading == 0) result.heading = it->second.heading;
        if (!haveList && it->second.list) result.list = true, result.listLevel = it->second.listLevel, haveList = true;
        id = it->second.basedOn;
    }
    return result;
}

// --- [SECTION] Text ----------------------------------------------------------------------

bool isHidden(const xmlNode* run) {
    const xmlNode* vanish = xml::child(xml::child(run, "rPr"), "vanish");
    if (!vanish) return false;
    std::string value = xml::attribute(vanish, "val");
    return value != "0" && value != "false" && value != "off";
}

void collectText(const xmlNode* node, std::string& out) {
    for (const xmlNode* c = node->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (xml::is(c, "t")) out += xml::text(c);
        else if (xml::is(c, "tab")) out += ' ';
        else if (xml::is(c, "br") || xml::is(c, "cr")) out += '\n';
        else if (xml::is(c, "noBreakHyphen")) out += '-';
        else if (xml::is(c, "del") || xml::is(c, "moveFrom") || xml::is(c, "delText") || xml::is(c, "instrText") ||
                 xml::is(c, "pPr") || xml::is(c, "rPr") || xml::is(c, "drawing") || xml::is(c, "pict") ||
                 xml::is(c, "object") || xml::is(c, "AlternateContent") || xml::is(c, "footnoteReference") ||
                 xml::is(c, "endnoteReference") || xml::is(c, "commentReference"))
            continue;
        else if (xml::is(c, "r") && isHidden(c)) continue;
        else collectText(c, out);  // w:r, w:ins, w:moveTo, w:hyperlink, w:smartTag, w:fldSimple, w:sdt...
    }
}

// --- [SECTION] Body ----------------------------------------------------------------------

struct BodyReader {
    const Styles& styles;
    std::vector<Block>& blocks;

    void paragraph(const xmlNode* p) {
        Block block;
        collectText(p, block.text);
        const xmlNode* pPr = xml::child(p, "pPr");
        StyleInfo style = resolveStyle(styles, xml::attribute(xml::child(pPr, "pStyle"), "val"));
        int heading = outlineLevel(pPr);
        if (heading == 0) heading = style.heading;
        const xmlNode* numPr = xml::child(pPr, "numPr");
        bool list = numPr ? xml::attribute(xml::child(numPr, "numId"), "val") != "0" : style.list;
        int listLevel = numPr ? std::atoi(xml::attribute(xml::child(numPr, "ilvl"), "val").c_str()) : style.listLevel;
        if (heading > 0) block.kind = BlockKind::Heading, block.level = heading;
        else if (list) block.kind = BlockKind::ListItem, block.level = std::clamp(listLevel, 0, 8);
        blocks.push_back(std::move(block));
    }

    // A cell's text: its paragraphs (and nested tables' paragraphs) joined by spaces.
    static void cellText(const xmlNode* node, std::string& out) {
        for (const xmlNode* c = node->children; c; c = c->next) {
            if (xml::is(c, "p")) {
                std::string text;
                collectText(c, text);
                for (char& ch : text)
                    if (ch == '\t' || ch == '\n') ch = ' ';
                if (!out.empty() && !text.empty()) out += ' ';
                out += text;
            } else if (c->type == XML_ELEMENT_NODE && !xml::is(c, "tcPr") && !xml::is(c, "trPr")) {
                cellText(c, out);  // w:tbl, w:tr, w:tc, w:sdt, w:sdtContent
            }
        }
    }

    void table(const xmlNode* tbl) {
        for (const xmlNode* c = tbl->children; c; c = c->next) {
            if (xml::is(c, "sdt")) table(xml::child(c, "sdtContent"));
            if (!xml::is(c, "tr")) continue;
            Block row;
            row.kind = BlockKind::TableRow;
            bool first = true;
            for (const xmlNode* cell = c->children; cell; cell = cell->next) {
                const xmlNode* tc = xml::is(cell, "sdt") ? xml::child(xml::child(cell, "sdtContent"), "tc") : cell;
                if (!xml::is(tc, "tc")) continue;
                if (!first) row.text += '\t';
                first = false;
                std::string text;
                cellText(tc, text);
                row.text += text;
            }
            blocks.push_back(std::move(row));
        }
    }

    void body(const xmlNode* node) {
        for (const xmlNode* c = node ? node->children : nullptr; c; c = c->next) {
            if (xml::is(c, "p")) paragraph(c);
            else if (xml::is(c, "tbl")) table(c);
            else if (xml::is(c, "sdt")) body(xml::child(c, "sdtContent"));
            else if (xml::is(c, "ins") || xml::is(c, "customXml")) body(c);
        }
    }
};

// The main document part named by _rels/.rels (word/document.xml when it names none).
std::string mainPart(zip::ZipArchive& archive, const std::string& sourceName) {
    if (!archive.contains("_rels/.rels")) return "word/document.xml";
    Result<std::string> rels = archive.read("_rels/.rels");
    if (!rels.ok()) return "word/document.xml";
    Result<xml::Document> document = xml::parse(*rels, sourceName, "_rels/.rels");
    if (!document.ok()) return "word/document.xml";
    for (const xmlNode* r = xmlDocGetRootElement(document->get())->children; r; r = r->next) {
        std::string type = xml::attribute(r, "Type");
        if (!xml::is(r, "Relationship") || type.size() < 15 ||
            type.compare(type.size() - 15, 15, "/officeDocument") != 0)
            continue;
        std::string target = xml::attribute(r, "Target");
        if (!target.empty() && target[0] == '/') target.erase(0, 1);
        if (!target.empty() && archive.contains(target)) return target;
    }
    return "word/document.xml";
}

}  // namespace

Result<ExtractedArticle> extractDocx(std::string_view bytes, const std::string& sourceName) {
    Result<zip::ZipArchive> opened = zip::ZipArchive::open(bytes, sourceName);
    if (!opened.ok()) return opened.errors();
    zip::ZipArchive& archive = *opened;
    std::string part = mainPart(archive, sourceName);
    if (!archive.contains(part)) return Diagnostic{sourceName, "", "not a Word document: the archive has no " + part};

    ExtractedArticle article;
    Styles styles;
    std::string folder = part.substr(0, part.rfind('/') + 1);
    if (archive.contains(folder + "styles.xml")) {
        Result<std::string> text = archive.read(folder + "styles.xml");
        if (!text.ok()) return text.errors();
        Result<xml::Document> document = xml::parse(*text, sourceName, folder + "styles.xml");
        if (!document.ok()) return document.errors();
        styles = readStyles(xmlDocGetRootElement(document->get()));
    }

    Result<std::string> text = archive.read(part);
    if (!text.ok()) return text.errors();
    Result<xml::Document> document = xml::parse(*text, sourceName, part);
    if (!document.ok()) return document.errors();
    const xmlNode* root = xmlDocGetRootElement(document->get());
    const xmlNode* body = xml::child(root, "body");
    if (!body) return Diagnostic{sourceName, part, "not a Word document body (no w:body element)"};
    BodyReader{styles, article.blocks}.body(body);

    // --- [SECTION] Metadata
    if (archive.contains("docProps/core.xml")) {
        Result<std::string> core = archive.read("docProps/core.xml");
        if (!core.ok()) return core.errors();
        Result<xml::Document> properties = xml::parse(*core, sourceName, "docProps/core.xml");
        if (properties.ok()) {
            const xmlNode* coreRoot = xmlDocGetRootElement(properties->get());
            article.metadata.title = xml::text(xml::child(coreRoot, "title"));
            article.metadata.author = xml::text(xml::child(coreRoot, "creator"));
            article.metadata.language = xml::text(xml::child(coreRoot, "language"));
        } else {
            article.notes.push_back("docProps/core.xml could not be read; no title or author taken from it");
        }
    }
    return article;
}

}  // namespace claimmark::intake
