// document.cpp — loading and checking an article, and the offset index.
//
// [SECTION] Block walking (the inner loop of every conversion)
// [SECTION] Loading: size check, file reading, validation, index build
// [SECTION] Conversions
// [SECTION] Slices and lines
#include "core/document.h"

#include "core/sha256.h"
#include "core/utf8.h"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <system_error>

namespace claimmark {

// ---------------------------------------------------------------------------------------
// [SECTION] Block walking
// ---------------------------------------------------------------------------------------
//
// A block holds at most 32 code points, so at most 128 bytes. Rather than stepping one
// sequence at a time (a chain of dependent loads), the walk counts lead bytes eight at a time:
// a byte is a lead unless it is 10xxxxxx, and that test is two shifts and a mask per word.

namespace {

constexpr std::uint64_t kLowBits = 0x0101010101010101ull;

// One bit (bit 0 of each byte) per lead byte in `w`.
inline std::uint64_t leadBits(std::uint64_t w) { return ((~w >> 7) | (w >> 6)) & kLowBits; }

// Byte length of the first `r` code points of the valid UTF-8 at `p`, which holds at least
// r + 1 code points within `span` bytes (so the answer is < span and nothing past `span`
// is read).
inline std::size_t skipCodePoints(const unsigned char* p, std::size_t span, std::size_t r) {
    std::size_t off = 0;
    if constexpr (std::endian::native == std::endian::little) {
        while (off + 8 <= span) {
            std::uint64_t w;
            std::memcpy(&w, p + off, 8);
            std::uint64_t leads = leadBits(w);
            const std::size_t count = (leads * kLowBits) >> 56;  // popcount of 0/1 bytes
            if (count > r) {
                for (; r > 0; --r) leads &= leads - 1;  // drop the r leads before the target
                return off + (std::countr_zero(leads) >> 3);
            }
            r -= count;
            off += 8;
        }
    }
    for (; off < span; ++off) {
        if (!utf8::isContinuation(p[off])) {
            if (r == 0) return off;
            --r;
        }
    }
    return off;
}

// Number of 4-byte sequences (surrogate pairs in UTF-16) starting in [p, p + n).
inline std::size_t countFourByteLeads(const unsigned char* p, std::size_t n) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < n; ++i) count += p[i] >= 0xF0;
    return count;
}

inline std::size_t countLeads(const unsigned char* p, std::size_t n) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < n; ++i) count += !utf8::isContinuation(p[i]);
    return count;
}

// The block containing `value` in a table of block starts ending with the `total` entry
// (value < total). Binary search over a few hundred thousand entries is a chain of cache
// misses, so start where the block would be if the text were uniform and gallop from
// there: for real articles the guess is off by a few entries.
inline std::size_t findBlock(const std::vector<std::uint32_t>& table, std::size_t value,
                             std::size_t total) {
    const std::uint32_t* t = table.data();
    const std::size_t blocks = table.size() - 1;  // t[blocks] == total > value, t[0] == 0
    const std::size_t guess = std::min(blocks - 1, std::size_t(std::uint64_t(value) * blocks / total));
    std::size_t lo, hi;  // t[lo] <= value < t[hi]
    if (t[guess] <= value) {
        lo = guess;
        hi = guess + 1;
        for (std::size_t step = 1; t[hi] <= value; step *= 2) {
            lo = hi;
            hi = std::min(blocks, hi + step);
        }
    } else {
        hi = guess;
        lo = guess - 1;  // guess > 0 here, since t[0] == 0 <= value
        for (std::size_t step = 1; t[lo] > value; step *= 2) {
            hi = lo;
            lo = lo > step ? lo - step : 0;
        }
    }
    return std::size_t(std::upper_bound(t + lo, t + hi, value) - t) - 1;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] Loading
// ---------------------------------------------------------------------------------------

namespace {

std::string formatMiB(std::uintmax_t bytes) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.1f MiB", double(bytes) / double(1 << 20));
    return buffer;
}

Diagnostic tooLarge(const std::string& name, std::uintmax_t bytes) {
    std::string size = formatMiB(bytes);
    // Just over the limit rounds to "256.0 MiB", which would read as no reason at all.
    if (size == formatMiB(Document::kMaxBytes)) size = std::to_string(bytes) + " bytes";
    return Diagnostic{name, "",
                      "file is " + size + "; the limit is " +
                          std::to_string(Document::kMaxBytes >> 20) + " MiB"};
}

std::size_t lineNumberAt(std::string_view bytes, std::size_t byteOffset) {
    return std::size_t(std::count(bytes.begin(), bytes.begin() + std::ptrdiff_t(byteOffset), '\n')) + 1;
}

struct Index {
    std::size_t length = 0;
    std::size_t utf16Length = 0;
    std::vector<std::uint32_t> blockByte;
    std::vector<std::uint32_t> blockUtf16;
    std::vector<std::size_t> lineStarts;
};

// One pass over valid UTF-8. Whole ASCII blocks (the bulk of most articles) are recognised
// a word at a time and only searched for '\n'.
Index buildIndex(std::string_view text) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    Index index;
    // Exact for ASCII text, an upper bound otherwise (a code point is at least one byte).
    index.blockByte.reserve(n / 32 + 2);
    index.blockUtf16.reserve(n / 32 + 2);
    index.lineStarts.push_back(0);

    std::size_t i = 0, cp = 0, u16 = 0;
    while (i < n) {
        if ((cp & 31) == 0) {
            index.blockByte.push_back(std::uint32_t(i));
            index.blockUtf16.push_back(std::uint32_t(u16));
            if (i + 32 <= n) {
                std::uint64_t w[4];
                std::memcpy(w, p + i, 32);
                if (((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ull) == 0) {
                    const void* from = p + i;
                    const auto* end = p + i + 32;
                    while (const void* nl = std::memchr(from, '\n', std::size_t(end - static_cast<const unsigned char*>(from)))) {
                        const auto* at = static_cast<const unsigned char*>(nl);
                        index.lineStarts.push_back(cp + std::size_t(at - (p + i)) + 1);
                        from = at + 1;
                    }
                    i += 32;
                    cp += 32;
                    u16 += 32;
                    continue;
                }
            }
        }
        const unsigned char c = p[i];
        const std::size_t len = utf8::sequenceLength(c);
        if (c == '\n') index.lineStarts.push_back(cp + 1);
        i += len;
        u16 += len == 4 ? 2 : 1;
        ++cp;
    }
    index.blockByte.push_back(std::uint32_t(n));
    index.blockUtf16.push_back(std::uint32_t(u16));
    index.length = cp;
    index.utf16Length = u16;
    return index;
}

}  // namespace

Result<Document> Document::fromBytes(std::string bytes, std::string name) {
    if (bytes.size() > kMaxBytes) return tooLarge(name, bytes.size());
    if (auto bad = utf8::findInvalid(bytes)) {
        const std::size_t line = lineNumberAt(bytes, bad->byteOffset);
        std::string message = std::strcmp(bad->reason, "NUL byte") == 0
                                  ? "contains a NUL byte (line " + std::to_string(line) +
                                        "); expected UTF-8 text, is this a binary file?"
                                  : "not valid UTF-8 (" + std::string(bad->reason) + ") on line " +
                                        std::to_string(line);
        return Diagnostic{std::move(name), "byte " + std::to_string(bad->byteOffset),
                          std::move(message)};
    }
    Index index = buildIndex(bytes);
    Document doc;
    doc.m_sha256 = sha256Hex(bytes);
    doc.m_bytes = std::move(bytes);
    doc.m_name = std::move(name);
    doc.m_length = index.length;
    doc.m_utf16Length = index.utf16Length;
    doc.m_blockByte = std::move(index.blockByte);
    doc.m_blockUtf16 = std::move(index.blockUtf16);
    doc.m_lineStarts = std::move(index.lineStarts);
    return doc;
}

Result<Document> Document::loadFile(const std::filesystem::path& path) {
    namespace fs = std::filesystem;
    const std::string name = path.string();
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (status.type() == fs::file_type::not_found) return Diagnostic{name, "", "file not found"};
    if (ec) return Diagnostic{name, "", "cannot be read: " + ec.message()};
    if (status.type() == fs::file_type::directory)
        return Diagnostic{name, "", "is a directory, not a text file"};

    // Refuse by size before reading anything, so a huge file costs nothing.
    std::uintmax_t expected = 0;
    if (status.type() == fs::file_type::regular) {
        expected = fs::file_size(path, ec);
        if (ec) return Diagnostic{name, "", "cannot be read: " + ec.message()};
        if (expected > kMaxBytes) return tooLarge(name, expected);
    }

    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int err = errno;
        return Diagnostic{name, "",
                          "cannot be opened for reading" +
                              (err != 0 ? ": " + std::string(std::strerror(err)) : std::string())};
    }
    std::string bytes(static_cast<std::size_t>(expected), '\0');
    in.read(bytes.data(), std::streamsize(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) return Diagnostic{name, "", "read error"};
    // Pipes and files that grew since the size check: keep reading, still under the limit.
    if (!in.eof()) {
        char chunk[1 << 16];
        while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
            bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
            if (bytes.size() > kMaxBytes) return tooLarge(name, bytes.size());
        }
        if (in.bad()) return Diagnostic{name, "", "read error"};
    }
    return fromBytes(std::move(bytes), name);
}

// ---------------------------------------------------------------------------------------
// [SECTION] Conversions
// ---------------------------------------------------------------------------------------

std::size_t Document::byteFromCodePoint(std::size_t cp) const {
    if (cp >= m_length) return m_bytes.size();
    const std::size_t k = cp >> kBlockShift;
    const std::size_t start = m_blockByte[k];
    const std::size_t span = m_blockByte[k + 1] - start;
    const std::size_t r = cp & (kBlock - 1);
    if (span == kBlock) return start + r;  // 32 code points in 32 bytes: all ASCII
    return start + skipCodePoints(reinterpret_cast<const unsigned char*>(m_bytes.data()) + start,
                                  span, r);
}

std::size_t Document::utf16FromCodePoint(std::size_t cp) const {
    if (cp >= m_length) return m_utf16Length;
    const std::size_t k = cp >> kBlockShift;
    const std::size_t u0 = m_blockUtf16[k];
    const std::size_t r = cp & (kBlock - 1);
    const std::size_t count = std::min(kBlock, m_length - (k << kBlockShift));
    if (m_blockUtf16[k + 1] - u0 == count) return u0 + r;  // no surrogate pairs in the block
    const std::size_t start = m_blockByte[k];
    const auto* p = reinterpret_cast<const unsigned char*>(m_bytes.data()) + start;
    const std::size_t off = skipCodePoints(p, m_blockByte[k + 1] - start, r);
    return u0 + r + countFourByteLeads(p, off);
}

std::size_t Document::codePointFromByte(std::size_t byteOffset) const {
    if (byteOffset >= m_bytes.size()) return m_length;
    const std::size_t k = findBlock(m_blockByte, byteOffset, m_bytes.size());
    const std::size_t start = m_blockByte[k];
    const auto* p = reinterpret_cast<const unsigned char*>(m_bytes.data());
    // Leads in [blockStart, byteOffset]: the last one counted starts the containing code point.
    return (k << kBlockShift) + countLeads(p + start, byteOffset + 1 - start) - 1;
}

std::size_t Document::codePointFromUtf16(std::size_t utf16Offset) const {
    if (utf16Offset >= m_utf16Length) return m_length;
    const std::size_t k = findBlock(m_blockUtf16, utf16Offset, m_utf16Length);
    const std::size_t u0 = m_blockUtf16[k];
    const std::size_t first = k << kBlockShift;
    const std::size_t count = std::min(kBlock, m_length - first);
    if (m_blockUtf16[k + 1] - u0 == count) return first + (utf16Offset - u0);
    const auto* p = reinterpret_cast<const unsigned char*>(m_bytes.data());
    std::size_t pos = m_blockByte[k];
    std::size_t u16 = u0;
    for (std::size_t cp = first;; ++cp) {
        const std::size_t len = utf8::sequenceLength(p[pos]);
        u16 += len == 4 ? 2 : 1;
        if (utf16Offset < u16) return cp;
        pos += len;
    }
}

bool Document::isByteBoundary(std::size_t byteOffset) const {
    if (byteOffset >= m_bytes.size()) return byteOffset == m_bytes.size();
    return !utf8::isContinuation(static_cast<unsigned char>(m_bytes[byteOffset]));
}

bool Document::isUtf16Boundary(std::size_t utf16Offset) const {
    if (utf16Offset >= m_utf16Length) return utf16Offset == m_utf16Length;
    return utf16FromCodePoint(codePointFromUtf16(utf16Offset)) == utf16Offset;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Slices and lines
// ---------------------------------------------------------------------------------------

std::string_view Document::slice(std::size_t cpStart, std::size_t cpEnd) const {
    const std::size_t end = std::min(cpEnd, m_length);
    const std::size_t start = std::min(cpStart, end);
    const std::size_t b0 = byteFromCodePoint(start);
    return std::string_view(m_bytes).substr(b0, byteFromCodePoint(end) - b0);
}

// U+0000 past the end: a Document never contains NUL, so it cannot be mistaken for text.
char32_t Document::codePointAt(std::size_t cp) const {
    if (cp >= m_length) return 0;
    std::size_t pos = byteFromCodePoint(cp);
    return utf8::decode(m_bytes, pos);
}

std::size_t Document::lineOf(std::size_t cp) const {
    if (m_lineStarts.empty()) return 0;  // default-constructed: one empty line
    cp = std::min(cp, m_length);
    return std::size_t(std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), cp) -
                       m_lineStarts.begin()) - 1;
}

LineColumn Document::lineColumn(std::size_t cp) const {
    cp = std::min(cp, m_length);
    const std::size_t line = lineOf(cp);
    const std::size_t start = m_lineStarts.empty() ? 0 : m_lineStarts[line];
    return LineColumn{line + 1, cp - start + 1};
}

}  // namespace claimmark
