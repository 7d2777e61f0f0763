// document.cpp — loading and checking an article, and the offset index.
//
// [SECTION] Block walking (the inner loop of every conversion)
// [SECTION] Loading: size check, file reading, validation, index build
// [SECTION] Conversions
// [SECTION] Slices and lines
#include "core/text/document.h"

#include "core/text/sha256.h"
#include "core/text/utf8.h"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <system_error>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace claimmark {

// ---------------------------------------------------------------------------------------
// [SECTION] Block walking
// ---------------------------------------------------------------------------------------
//
// A block holds at most 32 code points, so at most 128 bytes. Stepping one sequence at a
// time is a chain of dependent loads and a loop whose trip count the branch predictor
// cannot guess (measured ~40 ns per call on CJK text). Instead the bytes from the block
// start become 64-bit masks of lead bytes (every byte but 10xxxxxx), and the r-th code
// point is the r-th set bit, found with broadword arithmetic rather than a loop. Near the
// end of the text, where the 64 or 128 bytes are not there to read, a plain loop does the
// same.

namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

struct SelectTable {
    std::uint8_t at[256][8];  // at[m][i]: position of the i-th set bit of the byte m
};

constexpr SelectTable makeSelectTable() {
    SelectTable t{};
    for (unsigned m = 0; m < 256; ++m) {
        unsigned n = 0;
        for (unsigned b = 0; b < 8; ++b) {
            if ((m >> b) & 1) t.at[m][n++] = std::uint8_t(b);
        }
    }
    return t;
}

constexpr SelectTable kSelect = makeSelectTable();

// Set bits per byte (baseline x86-64 has no POPCNT instruction).
inline std::uint64_t byteCounts(std::uint64_t x) {
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    return (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
}

inline unsigned popcount64(std::uint64_t x) { return unsigned((byteCounts(x) * kOnes) >> 56); }

// Position of the k-th set bit (from bit 0) of x; requires k < popcount(x).
inline unsigned select64(std::uint64_t x, unsigned k) {
    const std::uint64_t prefix = byteCounts(x) * kOnes;  // byte i: set bits in bytes 0..i
    // Bytes whose running count is still <= k lie wholly before the target bit. The
    // per-byte subtraction cannot borrow: counts are <= 64 < 0x80.
    const std::uint64_t notYet = ((std::uint64_t(k) * kOnes | kHighBits) - prefix) & kHighBits;
    const unsigned byte = unsigned(((notYet >> 7) * kOnes) >> 56);
    const unsigned before = unsigned(((prefix << 8) >> (8 * byte)) & 0xFF);
    return 8 * byte + kSelect.at[(x >> (8 * byte)) & 0xFF][k - before];
}

// Bits below `n` (0..64).
inline std::uint64_t lowBits(unsigned n) { return n >= 64 ? ~std::uint64_t(0) : (std::uint64_t(1) << n) - 1; }

#if defined(__SSE2__)
constexpr bool kWide = true;

// Bit i set when byte i of the 64 bytes at p starts a code point.
inline std::uint64_t leadMask64(const unsigned char* p) {
    const __m128i notLead = _mm_set1_epi8(-65);  // as signed bytes, 0x80-0xBF are < -64
    std::uint64_t mask = 0;
    for (int i = 0; i < 4; ++i) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
        mask |= std::uint64_t(unsigned(_mm_movemask_epi8(_mm_cmpgt_epi8(v, notLead)))) << (16 * i);
    }
    return mask;
}

// Bit i set when byte i of the 64 bytes at p starts a 4-byte sequence (a surrogate pair).
inline std::uint64_t fourByteMask64(const unsigned char* p) {
    const __m128i high = _mm_set1_epi8(static_cast<char>(0xF0));
    std::uint64_t mask = 0;
    for (int i = 0; i < 4; ++i) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
        const __m128i four = _mm_cmpeq_epi8(_mm_and_si128(v, high), high);
        mask |= std::uint64_t(unsigned(_mm_movemask_epi8(four))) << (16 * i);
    }
    return mask;
}
#else
// Portable: bit 0 of every byte computed with shifts, then gathered into one byte.
constexpr bool kWide = std::endian::native == std::endian::little;

inline std::uint64_t gatherBytes(std::uint64_t bitPerByte) { return (bitPerByte * 0x0102040810204080ull) >> 56; }

inline std::uint64_t leadMask64(const unsigned char* p) {
    std::uint64_t mask = 0;
    for (int i = 0; i < 8; ++i) {
        std::uint64_t w;
        std::memcpy(&w, p + 8 * i, 8);
        mask |= gatherBytes(((~w >> 7) | (w >> 6)) & kOnes) << (8 * i);
    }
    return mask;
}

inline std::uint64_t fourByteMask64(const unsigned char* p) {
    std::uint64_t mask = 0;
    for (int i = 0; i < 8; ++i) {
        std::uint64_t w;
        std::memcpy(&w, p + 8 * i, 8);
        mask |= gatherBytes((w >> 7) & (w >> 6) & (w >> 5) & (w >> 4) & kOnes) << (8 * i);
    }
    return mask;
}
#endif

struct Skip {
    std::size_t bytes;  // byte length of the skipped code points
    std::size_t pairs;  // how many of them are 4-byte sequences (counted when kPairs)
};

// Skips the first `r` (< 32) code points of the valid UTF-8 at `p`, which holds more than r
// code points within 128 bytes; `avail` bytes from p may be read. The first 64 bytes
// usually suffice (always, for mostly-ASCII text), so the second half is a branch that is
// rarely taken.
template <bool kPairs>
inline Skip skipCodePoints(const unsigned char* p, std::size_t avail, std::size_t r) {
    std::size_t off = 0, pairs = 0;
    if (kWide && avail >= 64) {
        const std::uint64_t leads = leadMask64(p);
        const unsigned count = popcount64(leads);
        if (r < count) {
            const unsigned pos = select64(leads, unsigned(r));
            if constexpr (kPairs) pairs = popcount64(fourByteMask64(p) & lowBits(pos));
            return {pos, pairs};
        }
        r -= count;
        off = 64;
        if constexpr (kPairs) pairs = popcount64(fourByteMask64(p));
        if (avail >= 128) {
            const unsigned pos = select64(leadMask64(p + 64), unsigned(r));
            if constexpr (kPairs) pairs += popcount64(fourByteMask64(p + 64) & lowBits(pos));
            return {64 + pos, pairs};
        }
    }
    for (; off < avail; ++off) {
        if (!utf8::isContinuation(p[off])) {
            if (r == 0) break;
            --r;
        }
        if constexpr (kPairs) pairs += p[off] >= 0xF0;
    }
    return {off, pairs};
}

// Lead bytes (code point starts) in [p, p + n) for n <= 128; `avail` bytes may be read.
inline std::size_t countLeads(const unsigned char* p, std::size_t n, std::size_t avail) {
    std::size_t count = 0, off = 0;
    if (kWide && avail >= 64) {
        count = popcount64(leadMask64(p) & lowBits(unsigned(std::min<std::size_t>(n, 64))));
        if (n <= 64) return count;
        off = 64;
        if (avail >= 128) return count + popcount64(leadMask64(p + 64) & lowBits(unsigned(n - 64)));
    }
    for (; off < n; ++off) count += !utf8::isContinuation(p[off]);
    return count;
}

// The block containing `value` in a table of block starts ending with the `total` entry
// (value < total). Binary search over a few hundred thousand entries is a chain of cache
// misses, so start where the block would be if the text were uniform and gallop from
// there: for real articles the guess is off by a few entries.
inline std::size_t findBlock(const std::vector<std::uint32_t>& table, std::size_t value, std::size_t total) {
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
                      "file is " + size + "; the limit is " + std::to_string(Document::kMaxBytes >> 20) + " MiB"};
}

std::size_t lineNumberAt(std::string_view bytes, std::size_t byteOffset) {
    const auto end = bytes.begin() + std::ptrdiff_t(byteOffset);
    return std::size_t(std::count(bytes.begin(), end, '\n')) + 1;
}

struct Index {
    std::size_t length = 0;
    std::size_t utf16Length = 0;
    std::vector<std::uint32_t> blockByte;
    std::vector<std::uint32_t> blockUtf16;
    std::vector<std::size_t> lineStarts;
};

// One pass over text already validated by utf8::findInvalid. Whole ASCII blocks (the bulk
// of most articles) are recognised four words at a time and only searched for '\n'.
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
                if (((w[0] | w[1] | w[2] | w[3]) & kHighBits) == 0) {
                    for (std::size_t j = 0; j < 32; ++j) {
                        const void* nl = std::memchr(p + i + j, '\n', 32 - j);
                        if (!nl) break;
                        j = std::size_t(static_cast<const unsigned char*>(nl) - (p + i));
                        index.lineStarts.push_back(cp + j + 1);
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
        std::string message =
            std::strcmp(bad->reason, "NUL byte") == 0
                ? "contains a NUL byte (line " + std::to_string(line) + "); expected UTF-8 text, is this a binary file?"
                : "not valid UTF-8 (" + std::string(bad->reason) + ") on line " + std::to_string(line);
        return Diagnostic{std::move(name), "byte " + std::to_string(bad->byteOffset), std::move(message)};
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
    if (status.type() == fs::file_type::directory) return Diagnostic{name, "", "is a directory, not a text file"};

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
        return Diagnostic{
            name, "",
            "cannot be opened for reading" + (err != 0 ? ": " + std::string(std::strerror(err)) : std::string())};
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
    const std::size_t r = cp & (kBlock - 1);
    // As many bytes as code points in the block: all ASCII, no decoding needed. The last
    // block may hold fewer than kBlock code points, so compare with its own count (a short
    // last block of kBlock bytes holds multi-byte characters).
    const std::size_t count = std::min(kBlock, m_length - (k << kBlockShift));
    if (m_blockByte[k + 1] - start == count) return start + r;
    const auto* p = reinterpret_cast<const unsigned char*>(m_bytes.data()) + start;
    return start + skipCodePoints<false>(p, m_bytes.size() - start, r).bytes;
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
    return u0 + r + skipCodePoints<true>(p, m_bytes.size() - start, r).pairs;
}

std::size_t Document::codePointFromByte(std::size_t byteOffset) const {
    if (byteOffset >= m_bytes.size()) return m_length;
    const std::size_t k = findBlock(m_blockByte, byteOffset, m_bytes.size());
    const std::size_t start = m_blockByte[k];
    const auto* p = reinterpret_cast<const unsigned char*>(m_bytes.data());
    // Leads in [blockStart, byteOffset]: the last one counted starts the containing code point.
    return (k << kBlockShift) + countLeads(p + start, byteOffset + 1 - start, m_bytes.size() - start) - 1;
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
    return std::size_t(std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), cp) - m_lineStarts.begin()) - 1;
}

LineColumn Document::lineColumn(std::size_t cp) const {
    cp = std::min(cp, m_length);
    const std::size_t line = lineOf(cp);
    const std::size_t start = m_lineStarts.empty() ? 0 : m_lineStarts[line];
    return LineColumn{line + 1, cp - start + 1};
}

}  // namespace claimmark
