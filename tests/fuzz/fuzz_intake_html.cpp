// fuzz_intake_html.cpp — any bytes as a web page (gumbo, charset, body, metadata) through intake: see
// fuzz_intake_support.h for what must hold.
#include "fuzz_intake_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::checkIntake(data, size, claimmark::intake::SourceFormat::Html, "page.html");
    return 0;
}
