// export_support.h — what the one-file table exporters (CSV, CoNLL) share: the notice for
// the orphaned annotations of a set they leave out.
#pragma once

#include "core/exchange/exchange.h"

#include <cstddef>
#include <string>

namespace claimmark {

// "<set path>: left out N orphaned annotation(s) (their offsets refer to an older text)".
inline std::string orphansLeftOutNotice(const ExportSource& source, std::size_t orphaned) {
    return source.setPath.string() + ": left out " + std::to_string(orphaned) +
           " orphaned annotation(s) (their offsets refer to an older text)";
}

}  // namespace claimmark
