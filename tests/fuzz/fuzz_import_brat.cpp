// fuzz_import_brat.cpp — the brat importer: the input is split at its first NUL byte into the
// .txt and the .ann (no NUL: a fixed text and the whole input as the .ann).
#include "fuzz_support.h"

#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const std::size_t nul = bytes.find('\0');
    const std::string_view text = nul == std::string_view::npos
                                      ? std::string_view("Kratom may ease pain.\nConsult a doctor.\n")
                                      : bytes.substr(0, nul);
    const std::string_view ann = nul == std::string_view::npos ? bytes : bytes.substr(nul + 1);
    fuzz::writeInput("doc.txt", text);
    const auto input = fuzz::writeInput("doc.ann", ann);
    fuzz::importBothWays("brat", {input});
    return 0;
}
