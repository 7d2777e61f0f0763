// w3c_format.cpp — see w3c_format.h.
#include "core/exchange/w3c/w3c_format.h"

namespace claimmark::w3c {

nlohmann::ordered_json context() {
    nlohmann::ordered_json vocab = nlohmann::ordered_json::object();
    vocab[kVocabPrefix] = kVocabIri;
    return nlohmann::ordered_json::array({kAnnoContext, vocab});
}

std::string percentEncode(std::string_view text) {
    static const char* const kHex = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (unsigned char c : text) {
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

std::optional<std::string> percentDecode(std::string_view text) {
    auto hexValue = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size()) return std::nullopt;
        const int high = hexValue(text[i + 1]);
        const int low = hexValue(text[i + 2]);
        if (high < 0 || low < 0) return std::nullopt;
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return out;
}

std::string collectionIri(std::string_view stem) { return "urn:claimmark:" + percentEncode(stem); }

std::string pageIri(std::string_view stem) { return collectionIri(stem) + ":page:1"; }

std::string annotationIri(std::string_view stem, std::string_view annotationId, std::size_t fragment,
                          std::size_t fragments) {
    std::string iri = collectionIri(stem) + ":annotation:" + percentEncode(annotationId);
    if (fragments > 1 && fragment > 0) iri += ":fragment:" + std::to_string(fragment);
    return iri;
}

std::string relationIri(std::string_view stem, std::string_view relationId) {
    return collectionIri(stem) + ":relation:" + percentEncode(relationId);
}

std::string articleIri(std::string_view stem) { return percentEncode(stem) + ".txt"; }

}  // namespace claimmark::w3c
