// fuzz_set_reader.cpp — parseSet on arbitrary bytes; a set it accepts must write back and read
// back to the same text (the writer is deterministic). The input is read twice, knowing no
// schema and knowing the built-in one (schema_reuse.h): both must read it the same.
#include "core/storage/schema_reuse.h"
#include "core/storage/set_file.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

std::string readAs(std::string_view text) {
    claimmark::Result<claimmark::AnnotationSet> set = claimmark::parseSet(text, "fuzz.json");
    return set ? claimmark::serializeSet(*set) : "error: " + set.errorText();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    claimmark::set_reading::forgetSchemas();
    const std::string unknown = readAs(text);
    claimmark::set_reading::rememberSchema(claimmark::Schema::claimStrength());
    if (readAs(text) != unknown) __builtin_trap();  // the schema shortcut changed what the file reads as

    claimmark::Result<claimmark::AnnotationSet> set = claimmark::parseSet(text, "fuzz.json");
    if (!set) return 0;
    const std::string written = claimmark::serializeSet(*set);
    claimmark::Result<claimmark::AnnotationSet> again = claimmark::parseSet(written, "fuzz.json");
    if (!again) __builtin_trap();  // the writer produced something the reader rejects
    if (claimmark::serializeSet(*again) != written) __builtin_trap();
    return 0;
}
