// document.h — the article: UTF-8 bytes kept exactly as read, and offset conversions.
//
// [SECTION] Offsets
//   Annotations address the text in Unicode code points, end exclusive. UTF-16 units and
//   bytes exist only at the edges (import/export). After one linear pass at load, every
//   conversion costs O(1) (code point -> byte / UTF-16) or O(log n) (the reverse).
// [SECTION] Refusals
//   Invalid UTF-8 (overlong forms, surrogates, > U+10FFFF, truncated sequences), a NUL byte
//   and files larger than kMaxBytes are refused with the file name and the byte offset.
//   A UTF-8 byte-order mark is kept as bytes and counts as one code point (U+FEFF), so
//   offsets agree with tools that read the file as is.
// [SECTION] Lines
//   Lines end at '\n'; a "\r\n" pair stays in the text (CRLF is kept byte for byte) and the
//   '\r' belongs to the line it ends. Line and column numbers are 1-based; columns count
//   code points.
#pragma once

#include "core/diagnostic.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace claimmark {

struct LineColumn {
    std::size_t line = 1;    // 1-based
    std::size_t column = 1;  // 1-based, in code points
};

class Document {
public:
    // 256 MiB: offsets are stored in 32 bits and a book is a few MB; larger is refused.
    static constexpr std::size_t kMaxBytes = std::size_t(256) << 20;

    Document() = default;  // the empty document

    // Reads and checks a file. Diagnostics name the file and the byte offset.
    static Result<Document> loadFile(const std::filesystem::path& path);
    // Checks bytes already in memory; `name` is used in diagnostics.
    static Result<Document> fromBytes(std::string bytes, std::string name = "<text>");

    const std::string& bytes() const { return m_bytes; }
    // Gives the bytes away (the document is left without text; for a caller done with it).
    std::string releaseBytes() && { return std::move(m_bytes); }
    const std::string& name() const { return m_name; }
    // Lower-case hex SHA-256 of the bytes, computed once at load.
    const std::string& sha256() const { return m_sha256; }

    std::size_t length() const { return m_length; }  // in code points
    std::size_t byteLength() const { return m_bytes.size(); }
    std::size_t utf16Length() const { return m_utf16Length; }
    bool isAscii() const { return m_length == m_bytes.size(); }

    // Code point offset -> byte / UTF-16 offset. `cp` must be <= length(); larger values
    // are clamped to the end. O(1).
    std::size_t byteFromCodePoint(std::size_t cp) const;
    std::size_t utf16FromCodePoint(std::size_t cp) const;
    // The reverse; an offset inside a multi-unit sequence maps to the code point that
    // contains it. Values past the end clamp to length(). O(log n).
    std::size_t codePointFromByte(std::size_t byteOffset) const;
    std::size_t codePointFromUtf16(std::size_t utf16Offset) const;
    // True when the offset falls on a code point boundary (not inside a sequence / pair).
    bool isByteBoundary(std::size_t byteOffset) const;
    bool isUtf16Boundary(std::size_t utf16Offset) const;

    // The UTF-8 text of [cpStart, cpEnd); clamped to the document.
    std::string_view slice(std::size_t cpStart, std::size_t cpEnd) const;
    char32_t codePointAt(std::size_t cp) const;

    // Lines: lineCount() >= 1; line i (0-based) starts at code point lineStart(i).
    std::size_t lineCount() const { return m_lineStarts.size(); }
    std::size_t lineStart(std::size_t line0) const { return m_lineStarts[line0]; }
    // The 0-based line containing code point `cp` (O(log lines)).
    std::size_t lineOf(std::size_t cp) const;
    LineColumn lineColumn(std::size_t cp) const;

private:
    static constexpr std::size_t kBlockShift = 5;  // index every 32 code points
    static constexpr std::size_t kBlock = std::size_t(1) << kBlockShift;

    std::string m_bytes;
    std::string m_name;
    std::string m_sha256;
    std::size_t m_length = 0;
    std::size_t m_utf16Length = 0;
    // For block k (code points [32k, 32k+32)): byte and UTF-16 offset of its first code point,
    // plus one trailing entry for the end. A block whose byte span equals its code point
    // count is pure ASCII and converts without decoding.
    std::vector<std::uint32_t> m_blockByte;
    std::vector<std::uint32_t> m_blockUtf16;
    std::vector<std::size_t> m_lineStarts{0};  // code point offsets (the empty text has one line)
};

}  // namespace claimmark
