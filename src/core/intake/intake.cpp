// intake.cpp — see intake.h.
#include "core/intake/intake.h"

#include "core/editing/edit_session.h"
#include "core/intake/article_text.h"
#include "core/intake/docx/docx_extract.h"
#include "core/intake/html/html_extract.h"
#include "core/intake/markdown/markdown_extract.h"
#include "core/intake/pdf/pdf_extract.h"
#include "core/intake/text_extract.h"
#include "core/storage/file_io.h"
#include "core/text/document.h"
#include "core/text/sha256.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <system_error>

#ifndef CLAIMMARK_VERSION
#define CLAIMMARK_VERSION "0"
#endif
#ifndef CLAIMMARK_GUMBO_VERSION
#define CLAIMMARK_GUMBO_VERSION "?"
#endif
#ifndef CLAIMMARK_POPPLER_VERSION
#define CLAIMMARK_POPPLER_VERSION "?"
#endif
#ifndef CLAIMMARK_LIBZIP_VERSION
#define CLAIMMARK_LIBZIP_VERSION "?"
#endif
#ifndef CLAIMMARK_LIBXML2_VERSION
#define CLAIMMARK_LIBXML2_VERSION "?"
#endif
#ifndef CLAIMMARK_CMARK_VERSION
#define CLAIMMARK_CMARK_VERSION "?"
#endif

namespace claimmark::intake {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}


Result<ExtractedArticle> extract(std::string_view bytes, SourceFormat format, const std::string& sourceName,
                                 const std::string& httpCharset, const std::string& pageUrl) {
    switch (format) {
        case SourceFormat::Html: return extractHtml(HtmlInput{bytes, httpCharset, pageUrl}, sourceName);
        case SourceFormat::Markdown: return extractMarkdown(bytes, sourceName);
        case SourceFormat::Pdf: return extractPdf(bytes, sourceName);
        case SourceFormat::Docx: return extractDocx(bytes, sourceName);
        case SourceFormat::Odt: return extractOdt(bytes, sourceName);
        case SourceFormat::Text: return extractPlainText(bytes, sourceName);
    }
    return Diagnostic{sourceName, "", "unknown source format"};
}

}  // namespace

const char* formatName(SourceFormat format) {
    switch (format) {
        case SourceFormat::Text: return "text";
        case SourceFormat::Html: return "html";
        case SourceFormat::Markdown: return "markdown";
        case SourceFormat::Pdf: return "pdf";
        case SourceFormat::Docx: return "docx";
        case SourceFormat::Odt: return "odt";
    }
    return "text";
}

std::optional<SourceFormat> formatOfPath(const fs::path& path) {
    const std::string ext = lower(path.extension().string());
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return SourceFormat::Html;
    if (ext == ".md" || ext == ".markdown") return SourceFormat::Markdown;
    if (ext == ".pdf") return SourceFormat::Pdf;
    if (ext == ".docx") return SourceFormat::Docx;
    if (ext == ".odt") return SourceFormat::Odt;
    if (ext == ".txt") return SourceFormat::Text;
    return std::nullopt;
}

std::optional<SourceFormat> formatOfContentType(const std::string& mediaType) {
    const std::string type = lower(mediaType);
    if (type == "text/html" || type == "application/xhtml+xml") return SourceFormat::Html;
    if (type == "text/markdown" || type == "text/x-markdown") return SourceFormat::Markdown;
    if (type == "application/pdf") return SourceFormat::Pdf;
    if (type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document") return SourceFormat::Docx;
    if (type == "application/vnd.oasis.opendocument.text") return SourceFormat::Odt;
    if (type == "text/plain") return SourceFormat::Text;
    return std::nullopt;
}

bool isUrl(std::string_view source) {
    const std::string head = lower(source.substr(0, 8));
    return head.rfind("http://", 0) == 0 || head.rfind("https://", 0) == 0;
}

std::string extractorVersion(SourceFormat format) {
    std::string library;
    switch (format) {
        case SourceFormat::Html: library = std::string("gumbo ") + CLAIMMARK_GUMBO_VERSION; break;
        case SourceFormat::Markdown: library = std::string("cmark ") + CLAIMMARK_CMARK_VERSION; break;
        case SourceFormat::Pdf: library = std::string("poppler ") + CLAIMMARK_POPPLER_VERSION; break;
        case SourceFormat::Docx:
        case SourceFormat::Odt:
            library = std::string("libzip ") + CLAIMMARK_LIBZIP_VERSION + ", libxml2 " + CLAIMMARK_LIBXML2_VERSION;
            break;
        case SourceFormat::Text: break;
    }
    std::string version = std::string("claimmark-intake ") + CLAIMMARK_VERSION;
    if (!library.empty()) version += " (" + library + ")";
    return version;
}

Result<IntakeResult> intakeBytes(std::string_view bytes, SourceFormat format, const std::string& sourceName,
                                 const std::string& httpCharset, const std::string& pageUrl) {
    Result<ExtractedArticle> extracted = extract(bytes, format, sourceName, httpCharset, pageUrl);
    if (!extracted) return extracted.errors();
    IntakeResult result;
    result.text = articleText(extracted->blocks);
    if (result.text.empty()) return Diagnostic{sourceName, "", "no article text found"};
    if (result.text.size() > Document::kMaxBytes)
        return Diagnostic{
            sourceName, "",
            "the article text is larger than claimmark reads (" + std::to_string(Document::kMaxBytes >> 20) + " MiB)"};
    const SourceMetadata& m = extracted->metadata;
    SourceRecord& r = result.record;
    r.url = m.url.empty() ? pageUrl : m.url;
    r.title = normalizeBlockText(m.title);
    r.author = normalizeBlockText(m.author);
    r.published = normalizeBlockText(m.published);
    r.publisher = normalizeBlockText(m.publisher);
    r.language = m.language;
    r.source = sourceName;
    r.sourceFormat = formatName(format);
    r.sha256 = sha256Hex(bytes);
    r.extractor = extractorVersion(format);
    result.notes = std::move(extracted->notes);
    return result;
}

Result<IntakeResult> intakeSource(const std::string& source, const IntakeOptions& options) {
    Result<IntakeResult> result = [&]() -> Result<IntakeResult> {
        if (isUrl(source)) {
            Result<FetchedPage> page = fetchUrl(source, options.fetch);
            if (!page) return page.errors();
            std::optional<SourceFormat> format = formatOfContentType(page->contentType);
            if (!format) {
                // A server that labels a document generically: the URL's extension decides.
                if (page->contentType.empty() || page->contentType == "application/octet-stream")
                    format = formatOfPath(fs::path(page->finalUrl.substr(0, page->finalUrl.find_first_of("?#"))));
                if (!format)
                    return Diagnostic{source, "",
                                      "the server sent " +
                                          (page->contentType.empty() ? std::string("no content type")
                                                                     : "content of type " + page->contentType) +
                                          ", which intake does not read (HTML, PDF, DOCX, ODT, Markdown or text)"};
            }
            Result<IntakeResult> fetched = intakeBytes(page->bytes, *format, source, page->charset, page->finalUrl);
            if (fetched && fetched->record.url.empty()) fetched->record.url = page->finalUrl;
            return fetched;
        }
        const fs::path path(source);
        const std::optional<SourceFormat> format = formatOfPath(path);
        if (!format)
            return Diagnostic{source, "",
                              "intake reads .html, .htm, .md, .pdf, .docx, .odt and .txt files, and http(s) URLs"};
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) return Diagnostic{source, "", "no such file"};
        Result<std::string> bytes = readFileBytes(path);
        if (!bytes) return bytes.errors();
        return intakeBytes(*bytes, *format, source);
    }();
    if (result) result->record.retrieved = options.now ? options.now() : utcNowIso8601();
    return result;
}

Result<IntakeWrite> writeIntake(const IntakeResult& result, const fs::path& articlePath, bool force) {
    const std::string name = articlePath.string();
    // Nothing a reader would refuse is written.
    Result<Document> check = Document::fromBytes(result.text, name);
    if (!check) return check.errors();
    IntakeWrite outcome;
    std::error_code ec;
    if (fs::exists(articlePath, ec)) {
        Result<std::string> existing = readFileBytes(articlePath);
        if (!existing) return existing.errors();
        if (*existing != result.text) {
            if (!force)
                return Diagnostic{name, "",
                                  "exists and holds other text; --force replaces it (sets made on it are "
                                  "re-anchored when next opened)"};
            outcome.replaced = true;
            outcome.textChanged = true;
        }
    } else {
        outcome.textChanged = true;
    }
    if (outcome.textChanged) {
        if (Status s = writeFileAtomic(articlePath, result.text); !s.ok()) return Diagnostic{name, "", s.error};
    }
    const fs::path recordPath = sourceRecordPath(articlePath);
    if (Status s = writeFileAtomic(recordPath, sourceRecordToJson(result.record)); !s.ok())
        return Diagnostic{recordPath.string(), "", s.error};
    return outcome;
}

}  // namespace claimmark::intake
