// fuzz_import_webanno_tsv.cpp — the WebAnno TSV importer on an arbitrary input file, strict and
// lenient: once with the text rebuilt from its #Text= lines, once against a fixed article
// (emoji, combining mark, CRLF) given as --article.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto input = fuzz::writeInput("input.tsv", std::string_view(reinterpret_cast<const char*>(data), size));
    fuzz::importBothWays("webanno-tsv", {input});
    const auto article = fuzz::writeInput("article.txt", "\xF0\x9F\x98\x8A Cafe\xCC\x81 may help.\r\nIt works.");
    fuzz::importBothWays("webanno-tsv", {input}, article);
    return 0;
}
