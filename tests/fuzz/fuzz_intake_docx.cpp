// fuzz_intake_docx.cpp — any bytes as a DOCX (libzip within limits, libxml2) through intake: see
// fuzz_intake_support.h for what must hold.
#include "fuzz_intake_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::checkIntake(data, size, claimmark::intake::SourceFormat::Docx, "draft.docx");
    return 0;
}
