// sha256.h — the document identity: SHA-256 of the exact bytes, as lower-case hex.
#pragma once

#include <string>
#include <string_view>

namespace claimmark {

// 64 lower-case hex digits (OpenSSL's implementation; hardware-accelerated where available).
std::string sha256Hex(std::string_view bytes);

}  // namespace claimmark
