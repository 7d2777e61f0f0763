// fuzz_import_uima_json.cpp — the UIMA CAS JSON importer on an arbitrary input file, strict and lenient.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto input = fuzz::writeInput("input.json", std::string_view(reinterpret_cast<const char*>(data), size));
    fuzz::importBothWays("uima-json", {input});
    return 0;
}
