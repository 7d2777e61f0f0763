// fuzz_intake_markdown.cpp — any bytes as a Markdown file (cmark, front matter) through intake: see
// fuzz_intake_support.h for what must hold.
#include "fuzz_intake_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::checkIntake(data, size, claimmark::intake::SourceFormat::Markdown, "notes.md");
    return 0;
}
