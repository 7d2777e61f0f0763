// fuzz_support.h — what the libFuzzer targets share: the input written to a file of the
// fuzzer process's own (the importers read files), and running an importer on it with and
// without --lenient. A target fails only by crashing, hanging or tripping a sanitizer; bad
// input is expected and must come back as diagnostics.
#pragma once

#include "core/exchange/exchange.h"
#include "core/storage/set_file.h"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fuzz {

namespace fs = std::filesystem;

// A folder for this process, made once.
inline const fs::path& workFolder() {
    static const fs::path folder = [] {
        fs::path p = fs::temp_directory_path() / ("claimmark-fuzz-" + std::to_string(::getpid()));
        fs::create_directories(p);
        return p;
    }();
    return folder;
}

inline fs::path writeInput(const std::string& name, std::string_view bytes) {
    const fs::path path = workFolder() / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), std::streamsize(bytes.size()));
    return path;
}

// Runs `format` on the files, strict and lenient; every set it builds must serialize and
// read back (import never writes what the reader rejects).
inline void importBothWays(const char* format, const std::vector<fs::path>& inputs,
                           const std::optional<fs::path>& article = std::nullopt) {
    const claimmark::ImportFormat* f = claimmark::findImportFormat(format);
    if (!f) __builtin_trap();
    for (bool lenient : {false, true}) {
        claimmark::ImportOptions options;
        options.lenient = lenient;
        options.article = article;
        claimmark::Result<claimmark::ImportOutput> out = claimmark::runImportFormat(*f, inputs, options);
        if (!out) continue;
        for (const claimmark::ImportedDocument& document : out->documents) {
            claimmark::AnnotationSet set = document.set;
            set.document.path = "article.txt";
            (void)claimmark::serializeSetChecked(set, "fuzz.json");
        }
    }
}

}  // namespace fuzz
