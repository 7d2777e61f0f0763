// zip_writer.h — a zip archive in memory, built with libzip, for the DOCX / ODT intake tests
// (tests/unit/intake/test_docx_extract.cpp, tests/cli/test_intake.cpp). Header-only.
#pragma once

#include <doctest/doctest.h>
#include <zip.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace claimmark::testzip {

// The given entries (name, bytes), deflated, in order.
inline std::string makeZip(const std::vector<std::pair<std::string, std::string>>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* target = zip_source_buffer_create(nullptr, 0, 0, &error);
    REQUIRE(target);
    zip_source_keep(target);
    zip_t* archive = zip_open_from_source(target, ZIP_TRUNCATE, &error);
    REQUIRE(archive);
    for (const auto& [name, data] : entries) {
        zip_source_t* source = zip_source_buffer(archive, data.data(), data.size(), 0);
        REQUIRE(zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE) >= 0);
    }
    REQUIRE(zip_close(archive) == 0);
    REQUIRE(zip_source_open(target) == 0);
    zip_source_seek(target, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(target);
    zip_source_seek(target, 0, SEEK_SET);
    std::string out(std::size_t(size), '\0');
    zip_source_read(target, out.data(), zip_uint64_t(size));
    zip_source_close(target);
    zip_source_free(target);
    zip_error_fini(&error);
    return out;
}

}  // namespace claimmark::testzip
