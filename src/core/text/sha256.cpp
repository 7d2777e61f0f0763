#include "core/text/sha256.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace claimmark {

std::string sha256Hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestLength = 0;
    // EVP_Digest only fails when OpenSSL itself is broken (no SHA-256 provider, out of
    // memory); there is no input that causes it, so this is not a user-facing diagnostic.
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &digestLength, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("OpenSSL could not compute SHA-256");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex(std::size_t(digestLength) * 2, '0');
    for (unsigned int i = 0; i < digestLength; ++i) {
        hex[2 * i] = kHex[digest[i] >> 4];
        hex[2 * i + 1] = kHex[digest[i] & 0x0F];
    }
    return hex;
}

}  // namespace claimmark
