// fuzz_import_w3c.cpp — the W3C Web Annotation importer on an arbitrary JSON-LD file, strict and
// lenient, against a fixed article (the input may also name its own relative source).
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // The text of the seed corpus (tests/fuzz/corpus/fuzz_import_w3c), so seeds reach the span checks.
    static const auto article = fuzz::writeInput(
        "article.txt",
        "Kratom may ease pain. Consult a doctor first. \xF0\x9F\x98\x80 Anecdotal reports suggest relief.\r\n"
        "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E \xC3\xA9\xCC\x81 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\n");
    const auto input = fuzz::writeInput("input.jsonld", std::string_view(reinterpret_cast<const char*>(data), size));
    fuzz::importBothWays("w3c", {input});
    fuzz::importBothWays("w3c", {input}, article);
    return 0;
}
