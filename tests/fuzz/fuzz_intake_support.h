// fuzz_intake_support.h — what the intake fuzz targets share: any bytes through one format's
// extractor and the article layout (intake/intake.h intakeBytes). A target fails only by
// crashing, hanging, tripping a sanitizer, or when an accepted source gives a text claimmark
// would refuse to open, a text not in the canonical layout, or different text the second time.
#pragma once

#include "core/intake/intake.h"
#include "core/text/document.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace fuzz {

inline void checkIntake(const std::uint8_t* data, std::size_t size, claimmark::intake::SourceFormat format,
                        const char* name) {
    using namespace claimmark;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    Result<intake::IntakeResult> first = intake::intakeBytes(bytes, format, name);
    if (!first) {
        if (first.errors().empty()) __builtin_trap();  // a refusal always says why
        return;
    }
    const std::string& text = first->text;
    // Opens in the editor: valid UTF-8, no NUL, within the size limit.
    if (!Document::fromBytes(text, name)) __builtin_trap();
    // The layout: not empty, ends with one line break, never three in a row, no CR.
    if (text.empty() || text.back() != '\n' || text.find("\n\n\n") != std::string::npos ||
        text.find('\r') != std::string::npos || text.front() == '\n')
        __builtin_trap();
    // The same source, the same bytes.
    Result<intake::IntakeResult> second = intake::intakeBytes(bytes, format, name);
    if (!second || second->text != text) __builtin_trap();
}

}  // namespace fuzz
