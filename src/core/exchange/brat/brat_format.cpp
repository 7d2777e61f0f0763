// brat_format.cpp — see brat_format.h.
#include "core/exchange/brat/brat_format.h"

#include <charconv>

namespace claimmark::brat {

bool isTypeName(std::string_view name) {
    if (name.empty()) return false;
    for (char c : name) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

bool isAttributeValue(std::string_view value) {
    if (value.empty()) return false;
    for (unsigned char c : value)
        if (c <= ' ' || c == 0x7f || c == '|' || c == ',') return false;
    return true;
}

std::string typeNameProblem(std::string_view what, std::string_view name) {
    if (isTypeName(name)) return {};
    return std::string(what) + " " + inQuotes(name) +
           " is not a valid brat name (brat allows only ASCII letters, digits, '_' and '-'); "
           "rename it in the schema before exporting to brat";
}

std::optional<int> referenceIndex(std::string_view attributeName) {
    const std::string_view base = kReferenceAttribute;
    if (attributeName == base) return 1;
    if (attributeName.size() <= base.size() + 1 || attributeName.substr(0, base.size()) != base ||
        attributeName[base.size()] != '-')
        return std::nullopt;
    const std::string_view digits = attributeName.substr(base.size() + 1);
    if (digits.front() == '0') return std::nullopt;
    int n = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc() || end != digits.data() + digits.size() || n < 2) return std::nullopt;
    return n;
}

std::string referenceAttributeName(int index) {
    if (index <= 1) return kReferenceAttribute;
    return std::string(kReferenceAttribute) + "-" + std::to_string(index);
}

std::optional<std::size_t> parseOffset(std::string_view text) {
    if (text.empty() || text.size() > 18) return std::nullopt;
    std::size_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return n;
}

std::string inQuotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

}  // namespace claimmark::brat
