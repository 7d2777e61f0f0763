// zip_archive.h — reading the parts of a DOCX or ODT file (a zip archive, libzip) within the
// zip-bomb limits of docx_extract.h (private to src/core/intake/docx).
//
// Every entry read counts against one budget for the archive: at most kMaxInflatedBytes, and
// at most kMaxInflateRatio times the archive's size (never under 1 MiB, so that small files
// with well-compressed XML still open). An entry's declared size is checked against what is
// left BEFORE it is inflated, and the bytes are counted as they come (a header can lie).
#pragma once

#include "core/diagnostic.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace claimmark::intake::zip {

class ZipArchive {
public:
    // Opens `bytes` (which must outlive the archive). Not a zip: an error naming sourceName.
    static Result<ZipArchive> open(std::string_view bytes, const std::string& sourceName);

    ZipArchive(ZipArchive&&) noexcept;
    ZipArchive& operator=(ZipArchive&&) noexcept;
    ~ZipArchive();

    bool contains(const std::string& entry) const;
    // The entry inflated; an error (location: the entry's name) when it is missing, damaged or
    // over the budget.
    Result<std::string> read(const std::string& entry);
    std::size_t budgetLeft() const { return m_budget; }

private:
    struct Handle;
    explicit ZipArchive(std::unique_ptr<Handle> handle, std::string sourceName, std::size_t budget);
    std::unique_ptr<Handle> m_handle;
    std::string m_sourceName;
    std::size_t m_budget = 0;
};

// The budget for an archive of `archiveSize` bytes (see above).
std::size_t inflateBudget(std::size_t archiveSize);

}  // namespace claimmark::intake::zip
