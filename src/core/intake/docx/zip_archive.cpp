// zip_archive.cpp — ZipArchive (zip_archive.h): libzip over the bytes in memory, each entry
// inflated within the archive's budget.
#include "core/intake/docx/zip_archive.h"

#include "core/intake/docx/docx_extract.h"

#include <zip.h>

#include <algorithm>

namespace claimmark::intake::zip {

struct ZipArchive::Handle {
    zip_t* archive = nullptr;
    ~Handle() {
        if (archive) zip_discard(archive);  // read-only: nothing to write back
    }
};

std::size_t inflateBudget(std::size_t archiveSize) {
    std::size_t byRatio =
        archiveSize > kMaxInflatedBytes / kMaxInflateRatio ? kMaxInflatedBytes : archiveSize * kMaxInflateRatio;
    return std::min(kMaxInflatedBytes, std::max(byRatio, std::size_t(1) << 20));
}

ZipArchive::ZipArchive(std::unique_ptr<Handle> handle, std::string sourceName, std::size_t budget)
    : m_handle(std::move(handle)), m_sourceName(std::move(sourceName)), m_budget(budget) {}
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;
ZipArchive::~ZipArchive() = default;

Result<ZipArchive> ZipArchive::open(std::string_view bytes, const std::string& sourceName) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) {
        zip_error_fini(&error);
        return Diagnostic{sourceName, "", "cannot read the file as a zip archive"};
    }
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!archive) {
        zip_source_free(source);
        bool notZip = zip_error_code_zip(&error) == ZIP_ER_NOZIP;
        std::string detail = zip_error_strerror(&error);
        zip_error_fini(&error);
        if (notZip) return Diagnostic{sourceName, "", "not a zip archive (DOCX and ODT files are zip archives)"};
        return Diagnostic{sourceName, "", "a damaged zip archive (" + detail + ")"};
    }
    zip_error_fini(&error);
    auto handle = std::make_unique<Handle>();
    handle->archive = archive;
    return ZipArchive(std::move(handle), sourceName, inflateBudget(bytes.size()));
}

bool ZipArchive::contains(const std::string& entry) const {
    return zip_name_locate(m_handle->archive, entry.c_str(), 0) >= 0;
}

Result<std::string> ZipArchive::read(const std::string& entry) {
    auto error = [&](std::string message) { return Diagnostic{m_sourceName, entry, std::move(message)}; };
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(m_handle->archive, entry.c_str(), 0, &stat) != 0) return error("missing from the archive");
    auto bomb = [&] {
        return error("would inflate beyond the limit (" + std::to_string(m_budget >> 10) + " KiB left of at most " +
                     std::to_string(kMaxInflatedBytes >> 20) + " MiB, " + std::to_string(kMaxInflateRatio) +
                     " times the file's size): refused as a zip bomb");
    };
    if ((stat.valid & ZIP_STAT_SIZE) && stat.size > m_budget) return bomb();
    zip_file_t* file = zip_fopen(m_handle->archive, entry.c_str(), 0);
    if (!file) return error("cannot be read (" + std::string(zip_strerror(m_handle->archive)) + ")");
    std::string out;
    if (stat.valid & ZIP_STAT_SIZE) out.reserve(std::size_t(stat.size));
    char buffer[1 << 16];
    for (;;) {
        zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
        if (n < 0) {
            std::string detail = zip_file_strerror(file);
            zip_fclose(file);
            return error("is damaged (" + detail + ")");
        }
        if (n == 0) break;
        if (std::size_t(n) > m_budget - out.size()) {
            zip_fclose(file);
            return bomb();
        }
        out.append(buffer, std::size_t(n));
    }
    zip_fclose(file);
    m_budget -= out.size();
    return out;
}

}  // namespace claimmark::intake::zip
