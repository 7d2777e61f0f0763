// project_layout.cpp — default set paths and the annotator's name (see project_layout.h).
#include "core/team/project_layout.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace claimmark {

namespace {

constexpr std::size_t kMaxNameBytes = 64;

bool isSafeAscii(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.';
}

// Length of the well-formed UTF-8 sequence of two or more bytes at `pos`, or 0. Overlong
// forms, surrogates and values past U+10FFFF are rejected (they make bad file names too).
std::size_t multiByteSequenceAt(std::string_view text, std::size_t pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;
    } else {
        return 0;
    }
    if (pos + length > text.size()) return 0;
    for (std::size_t i = 1; i < length; ++i) {
        const auto c = static_cast<unsigned char>(text[pos + i]);
        const unsigned char lo = i == 1 ? low : 0x80;
        const unsigned char hi = i == 1 ? high : 0xBF;
        if (c < lo || c > hi) return 0;
    }
    return length;
}

}  // namespace

std::string sanitizeFileName(std::string_view name, std::string_view fallback) {
    std::string out;
    out.reserve(std::min(name.size(), kMaxNameBytes));
    std::size_t pos = 0;
    while (pos < name.size()) {
        const auto c = static_cast<unsigned char>(name[pos]);
        std::size_t take = 1;
        bool keep = false;
        if (c < 0x80) {
            // A leading dot would hide the file or, as "..", name the parent folder.
            keep = isSafeAscii(c) && !(c == '.' && out.find_first_not_of('_') == std::string::npos);
        } else if (std::size_t n = multiByteSequenceAt(name, pos); n > 0) {
            take = n;
            keep = true;
        }
        const std::size_t added = keep ? take : 1;
        if (out.size() + added > kMaxNameBytes) break;
        if (keep) out.append(name.substr(pos, take));
        else out.push_back('_');
        pos += take;
    }
    // Only replacement characters left: nothing of the name survived.
    if (out.find_first_not_of('_') == std::string::npos) return std::string(fallback);
    return out;
}

std::filesystem::path defaultSetPath(const std::filesystem::path& article, const std::string& annotator) {
    const std::filesystem::path folder = article.parent_path();
    std::filesystem::path root = folder;
    if (folder.filename() == "samples") root = folder.parent_path();
    const std::string fileName = sanitizeFileName(annotator) + ".json";
    std::filesystem::path result = root / "annotations" / article.stem() / fileName;
    return result.lexically_normal();
}

std::string defaultAnnotatorName() {
    char buffer[256] = {};
    if (getlogin_r(buffer, sizeof buffer) == 0 && buffer[0] != '\0') {
        std::string name = sanitizeFileName(buffer, "");
        if (!name.empty()) return name;
    }
    if (const char* user = std::getenv("USER"); user != nullptr && user[0] != '\0') {
        std::string name = sanitizeFileName(user, "");
        if (!name.empty()) return name;
    }
    return "annotator";
}

}  // namespace claimmark
