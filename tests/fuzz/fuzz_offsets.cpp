// fuzz_offsets.cpp — Document's offset index on arbitrary bytes: for valid UTF-8, every code
// point maps to a byte and a UTF-16 offset and back, agreeing with a plain walk.
#include "core/text/document.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    claimmark::Result<claimmark::Document> document = claimmark::Document::fromBytes(bytes);
    if (!document) return 0;
    std::size_t byte = 0, utf16 = 0;
    for (std::size_t cp = 0; cp <= document->length(); ++cp) {
        if (document->byteFromCodePoint(cp) != byte) __builtin_trap();
        if (document->utf16FromCodePoint(cp) != utf16) __builtin_trap();
        if (document->codePointFromByte(byte) != cp) __builtin_trap();
        if (document->codePointFromUtf16(utf16) != cp) __builtin_trap();
        if (cp == document->length()) break;
        const unsigned char lead = static_cast<unsigned char>(bytes[byte]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        for (std::size_t i = 1; i < length; ++i) {
            if (document->isByteBoundary(byte + i)) __builtin_trap();
            if (document->codePointFromByte(byte + i) != cp) __builtin_trap();
        }
        if (length == 4 && (document->isUtf16Boundary(utf16 + 1) || document->codePointFromUtf16(utf16 + 1) != cp))
            __builtin_trap();
        byte += length;
        utf16 += length == 4 ? 2 : 1;
    }
    if (byte != bytes.size() || utf16 != document->utf16Length()) __builtin_trap();
    return 0;
}
