#include "core/diagnostic.h"

namespace claimmark {

std::string Diagnostic::toString() const {
    std::string out;
    if (!file.empty()) out += file + ": ";
    if (!location.empty()) out += location + ": ";
    out += message;
    return out;
}

std::string joinDiagnostics(const Diagnostics& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics) {
        if (!out.empty()) out += '\n';
        out += d.toString();
    }
    return out;
}

}  // namespace claimmark
