// fuzz_intake_pdf.cpp — any bytes as a PDF (poppler: lines, columns, paragraphs) through intake: see
// fuzz_intake_support.h for what must hold.
#include "fuzz_intake_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::checkIntake(data, size, claimmark::intake::SourceFormat::Pdf, "report.pdf");
    return 0;
}
