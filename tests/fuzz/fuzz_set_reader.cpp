// fuzz_set_reader.cpp — parseSet on arbitrary bytes; a set it accepts must write back and read
// back to the same text (the writer is deterministic).
#include "core/storage/set_file.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    claimmark::Result<claimmark::AnnotationSet> set = claimmark::parseSet(text, "fuzz.json");
    if (!set) return 0;
    const std::string written = claimmark::serializeSet(*set);
    claimmark::Result<claimmark::AnnotationSet> again = claimmark::parseSet(written, "fuzz.json");
    if (!again) __builtin_trap();  // the writer produced something the reader rejects
    if (claimmark::serializeSet(*again) != written) __builtin_trap();
    return 0;
}
