// Document: offset conversions (checked by hand and against a slow reference walk), block
// boundaries of the index, refusals with their byte offsets, loading files, lines, slices.
//
// [SECTION] Helpers: a slow reference index and temporary files
// [SECTION] Conversions
// [SECTION] Refusals
// [SECTION] Files
// [SECTION] Lines and slices
#include "core/text/document.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <unistd.h>

using claimmark::Document;
using claimmark::LineColumn;

namespace {

// ---------------------------------------------------------------------------------------
// [SECTION] Helpers
// ---------------------------------------------------------------------------------------

// Offsets of every code point computed the slow, obvious way (one entry per code point
// plus the end), without anything from src/core.
struct Reference {
    std::vector<std::size_t> byteAt;   // code point -> byte offset
    std::vector<std::size_t> utf16At;  // code point -> UTF-16 offset
};

Reference referenceWalk(const std::string& text) {
    Reference ref;
    std::size_t b = 0, u = 0;
    while (b < text.size()) {
        ref.byteAt.push_back(b);
        ref.utf16At.push_back(u);
        const auto lead = static_cast<unsigned char>(text[b]);
        std::size_t len = 1;
        if ((lead & 0xF8) == 0xF0) len = 4;
        else if ((lead & 0xF0) == 0xE0) len = 3;
        else if ((lead & 0xE0) == 0xC0) len = 2;
        b += len;
        u += len == 4 ? 2 : 1;
    }
    ref.byteAt.push_back(b);
    ref.utf16At.push_back(u);
    return ref;
}

Document load(const std::string& text) {
    auto result = Document::fromBytes(text, "test.txt");
    REQUIRE_MESSAGE(result.ok(), result.errorText());
    return std::move(result.value());
}

// Every conversion, for every code point, byte and UTF-16 offset, against the reference.
void checkAgainstReference(const std::string& text) {
    const Document doc = load(text);
    const Reference ref = referenceWalk(text);
    const std::size_t n = ref.byteAt.size() - 1;
    REQUIRE(doc.length() == n);
    REQUIRE(doc.byteLength() == text.size());
    REQUIRE(doc.utf16Length() == ref.utf16At.back());

    for (std::size_t cp = 0; cp <= n; ++cp) {
        CAPTURE(cp);
        CHECK(doc.byteFromCodePoint(cp) == ref.byteAt[cp]);
        CHECK(doc.utf16FromCodePoint(cp) == ref.utf16At[cp]);
        CHECK(doc.codePointFromByte(ref.byteAt[cp]) == cp);
        CHECK(doc.codePointFromUtf16(ref.utf16At[cp]) == cp);
        if (cp < n) {
            CHECK(doc.slice(cp, cp + 1) == text.substr(ref.byteAt[cp], ref.byteAt[cp + 1] - ref.byteAt[cp]));
            // Offsets inside the code point map back to it and are not boundaries.
            for (std::size_t b = ref.byteAt[cp] + 1; b < ref.byteAt[cp + 1]; ++b) {
                CHECK(doc.codePointFromByte(b) == cp);
                CHECK_FALSE(doc.isByteBoundary(b));
            }
            for (std::size_t u = ref.utf16At[cp] + 1; u < ref.utf16At[cp + 1]; ++u) {
                CHECK(doc.codePointFromUtf16(u) == cp);
                CHECK_FALSE(doc.isUtf16Boundary(u));
            }
        }
        CHECK(doc.isByteBoundary(ref.byteAt[cp]));
        CHECK(doc.isUtf16Boundary(ref.utf16At[cp]));
    }
    // Out of range clamps to the end.
    CHECK(doc.byteFromCodePoint(n + 1) == text.size());
    CHECK(doc.utf16FromCodePoint(n + 1000) == ref.utf16At.back());
    CHECK(doc.codePointFromByte(text.size() + 7) == n);
    CHECK(doc.codePointFromUtf16(ref.utf16At.back() + 7) == n);
    CHECK_FALSE(doc.isByteBoundary(text.size() + 1));
    CHECK_FALSE(doc.isUtf16Boundary(ref.utf16At.back() + 1));
}

// UTF-8 spellings used below.
const std::string kEAcute = "\xC3\xA9";          // U+00E9, 2 bytes
const std::string kEuro = "\xE2\x82\xAC";        // U+20AC, 3 bytes
const std::string kGrin = "\xF0\x9F\x98\x80";    // U+1F600, 4 bytes, a surrogate pair
const std::string kCombAcute = "\xCC\x81";       // U+0301 COMBINING ACUTE ACCENT
const std::string kRightQuote = "\xE2\x80\x99";  // U+2019

// A scratch directory removed at the end of the test.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        path = std::filesystem::temp_directory_path() / ("claimmark-test-document-" + std::to_string(::getpid()));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::filesystem::path write(const std::string& name, const std::string& bytes) const {
        const auto file = path / name;
        std::ofstream out(file, std::ios::binary);
        out << bytes;
        return file;
    }
};

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] Conversions
// ---------------------------------------------------------------------------------------

TEST_CASE("document: ASCII text converts one to one") {
    const Document doc = load("Kratom may help.");
    CHECK(doc.length() == 16);
    CHECK(doc.byteLength() == 16);
    CHECK(doc.utf16Length() == 16);
    CHECK(doc.isAscii());
    CHECK(doc.byteFromCodePoint(7) == 7);
    CHECK(doc.utf16FromCodePoint(16) == 16);
    CHECK(doc.codePointFromByte(9) == 9);
    CHECK(doc.codePointAt(7) == U'm');
    CHECK(doc.slice(7, 10) == "may");
    CHECK(doc.name() == "test.txt");
}

TEST_CASE("document: 2-, 3- and 4-byte sequences") {
    // a é € 😀 z — code points 0..4 at bytes 0,1,3,6,10 (end 11), UTF-16 0,1,2,3,5 (end 6).
    const Document doc = load("a" + kEAcute + kEuro + kGrin + "z");
    CHECK(doc.length() == 5);
    CHECK(doc.byteLength() == 11);
    CHECK(doc.utf16Length() == 6);
    CHECK_FALSE(doc.isAscii());
    const std::size_t bytes[] = {0, 1, 3, 6, 10, 11};
    const std::size_t units[] = {0, 1, 2, 3, 5, 6};
    for (std::size_t cp = 0; cp <= 5; ++cp) {
        CAPTURE(cp);
        CHECK(doc.byteFromCodePoint(cp) == bytes[cp]);
        CHECK(doc.utf16FromCodePoint(cp) == units[cp]);
    }
    CHECK(doc.codePointAt(1) == 0xE9);
    CHECK(doc.codePointAt(2) == 0x20AC);
    CHECK(doc.codePointAt(3) == 0x1F600);
    CHECK(doc.codePointAt(5) == 0);  // past the end

    SUBCASE("a byte offset inside a sequence maps to the code point containing it") {
        CHECK(doc.codePointFromByte(2) == 1);  // second byte of é
        CHECK(doc.codePointFromByte(4) == 2);
        CHECK(doc.codePointFromByte(5) == 2);  // last byte of €
        CHECK(doc.codePointFromByte(7) == 3);
        CHECK(doc.codePointFromByte(9) == 3);  // last byte of 😀
        CHECK(doc.codePointFromByte(10) == 4);
        CHECK(doc.codePointFromByte(11) == 5);
        CHECK(doc.codePointFromByte(500) == 5);
        CHECK(doc.isByteBoundary(6));
        CHECK_FALSE(doc.isByteBoundary(8));
    }
    SUBCASE("a UTF-16 offset inside a surrogate pair maps to the emoji") {
        CHECK(doc.codePointFromUtf16(3) == 3);
        CHECK(doc.codePointFromUtf16(4) == 3);  // low surrogate of 😀
        CHECK(doc.codePointFromUtf16(5) == 4);
        CHECK(doc.isUtf16Boundary(3));
        CHECK_FALSE(doc.isUtf16Boundary(4));
        CHECK(doc.isUtf16Boundary(6));
    }
}

TEST_CASE("document: emoji at the start, in the middle and at the end") {
    // 😀 a b 😀 c d 😀: bytes 0,4,5,6,10,11,12 end 16; UTF-16 0,2,3,4,6,7,8 end 10.
    const std::string text = kGrin + "ab" + kGrin + "cd" + kGrin;
    const Document doc = load(text);
    CHECK(doc.length() == 7);
    CHECK(doc.byteLength() == 16);
    CHECK(doc.utf16Length() == 10);
    const std::size_t bytes[] = {0, 4, 5, 6, 10, 11, 12, 16};
    const std::size_t units[] = {0, 2, 3, 4, 6, 7, 8, 10};
    for (std::size_t cp = 0; cp <= 7; ++cp) {
        CAPTURE(cp);
        CHECK(doc.byteFromCodePoint(cp) == bytes[cp]);
        CHECK(doc.utf16FromCodePoint(cp) == units[cp]);
        CHECK(doc.codePointFromUtf16(units[cp]) == cp);
    }
    CHECK(doc.codePointFromUtf16(1) == 0);
    CHECK(doc.codePointFromUtf16(5) == 3);
    CHECK(doc.codePointFromUtf16(9) == 6);
    CHECK(doc.slice(0, 1) == kGrin);
    CHECK(doc.slice(6, 7) == kGrin);
    CHECK(doc.slice(3, 5) == kGrin + "c");
    checkAgainstReference(text);
}

TEST_CASE("document: a combining mark is a code point of its own") {
    const Document doc = load("caf" + std::string("e") + kCombAcute + "!");
    CHECK(doc.length() == 6);
    CHECK(doc.byteLength() == 7);
    CHECK(doc.utf16Length() == 6);
    CHECK(doc.slice(3, 4) == "e");
    CHECK(doc.slice(4, 5) == kCombAcute);
    CHECK(doc.codePointAt(4) == 0x0301);
    CHECK(doc.byteFromCodePoint(5) == 6);
}

TEST_CASE("document: CRLF is kept and the CR counts as a code point") {
    const std::string text = "ab\r\n" + kEAcute + "\r\nz";
    const Document doc = load(text);
    CHECK(doc.bytes() == text);
    CHECK(doc.length() == 8);  // a b CR LF é CR LF z
    CHECK(doc.byteFromCodePoint(4) == 4);
    CHECK(doc.byteFromCodePoint(5) == 6);
    CHECK(doc.byteFromCodePoint(7) == 8);
    CHECK(doc.slice(2, 4) == "\r\n");
    CHECK(doc.codePointAt(5) == U'\r');
    checkAgainstReference(text);
}

TEST_CASE("document: multibyte characters straddling index block boundaries") {
    // Code points 0..29 ASCII, then € (30), 😀 (31) | é (32), 😀 (33), filler to 62,
    // 😀 (63) | € (64), é (65), then ASCII, a ’ and a final emoji: over 100 code points.
    std::string text(30, 'a');
    text += kEuro + kGrin + kEAcute + kGrin;
    text += std::string(29, 'b');  // code points 34..62
    text += kGrin + kEuro + kEAcute;
    text += std::string(40, 'c');  // 66..105
    text += kRightQuote;           // 106
    text += std::string(10, 'd');  // 107..116
    text += kGrin;                 // 117
    const Document doc = load(text);
    REQUIRE(doc.length() == 118);

    // By hand: bytes 30 ASCII + 3 (€) + 4 (😀) = 37 before code point 32.
    CHECK(doc.byteFromCodePoint(30) == 30);
    CHECK(doc.byteFromCodePoint(31) == 33);
    CHECK(doc.byteFromCodePoint(32) == 37);
    CHECK(doc.byteFromCodePoint(33) == 39);
    CHECK(doc.byteFromCodePoint(34) == 43);
    // 43 + 29 = 72 before 😀 at 63; then € at 76, é at 79, 'c' at 81.
    CHECK(doc.byteFromCodePoint(63) == 72);
    CHECK(doc.byteFromCodePoint(64) == 76);
    CHECK(doc.byteFromCodePoint(65) == 79);
    CHECK(doc.byteFromCodePoint(66) == 81);
    // UTF-16: one extra unit per emoji before the offset.
    CHECK(doc.utf16FromCodePoint(31) == 31);
    CHECK(doc.utf16FromCodePoint(32) == 33);
    CHECK(doc.utf16FromCodePoint(34) == 36);
    CHECK(doc.utf16FromCodePoint(64) == 67);
    CHECK(doc.utf16FromCodePoint(118) == 122);
    CHECK(doc.codePointFromUtf16(32) == 31);  // low surrogate of the 😀 at 31
    CHECK(doc.codePointFromUtf16(66) == 63);  // low surrogate of the 😀 at 63
    CHECK(doc.codePointFromByte(36) == 31);
    CHECK(doc.codePointFromByte(75) == 63);
    CHECK(doc.codePointFromByte(77) == 64);
    checkAgainstReference(text);
}

TEST_CASE("document: round trip over every code point of mixed texts") {
    // Each is compared with the slow reference walk: all-ASCII full blocks, a length that is
    // a multiple of the block size, a final partial block, and dense non-ASCII.
    std::string mixed;
    const std::string pieces[] = {"Kratom ",      kRightQuote,        "s ", kGrin, " e", kCombAcute, "\r\n", kEuro,
                                  "\xE4\xB8\xAD", "\xF0\x90\x8D\x88", "\t"};
    for (int round = 0; round < 23; ++round) {
        for (std::size_t i = 0; i < std::size(pieces); ++i) {
            if ((round + int(i)) % 3 != 0) mixed += pieces[i];
        }
    }
    checkAgainstReference(mixed);
    checkAgainstReference(std::string(96, 'x'));         // three full ASCII blocks
    checkAgainstReference(std::string(64, 'x') + "yz");  // a last block of two
    std::string sixtyFour;
    for (int i = 0; i < 32; ++i) sixtyFour += (i % 2 ? kGrin : kEAcute) + "q";
    checkAgainstReference(sixtyFour);  // exactly 64 code points
    std::string cjk;
    for (int i = 0; i < 100; ++i) cjk += "\xE4\xB8\xAD";
    checkAgainstReference(cjk);  // 3-byte only, no pairs
    std::string emoji;
    for (int i = 0; i < 70; ++i) emoji += kGrin;
    checkAgainstReference(emoji);  // 4-byte only
    // Uneven density, so the reverse lookups' first guess of the block is far off.
    checkAgainstReference(emoji.substr(0, 4 * 32) + std::string(400, 'x'));
    checkAgainstReference(std::string(400, 'x') + cjk + std::string(10, 'y'));
    checkAgainstReference("");
}

TEST_CASE("document: round trip over a long pseudo-random text") {
    // Runs of ASCII (long enough to fill whole index blocks), 2-, 3- and 4-byte characters
    // and line breaks, from a fixed linear congruential sequence so failures reproduce.
    const std::string palette[] = {"a",         "Z",    " ",
                                   "\n",        "\r\n", kEAcute,
                                   "\xD0\xB6",  kEuro,  "\xE4\xB8\xAD",
                                   kRightQuote, kGrin,  "\xF0\x9F\x91\x8D"};
    std::uint32_t state = 12345;
    const auto next = [&state](std::uint32_t bound) {
        state = state * 1664525u + 1013904223u;
        return (state >> 8) % bound;
    };
    std::string text;
    while (text.size() < 12000) {
        const std::string& piece = palette[next(std::size(palette))];
        const std::uint32_t run = next(4) == 0 ? 1 + next(80) : 1 + next(3);
        for (std::uint32_t i = 0; i < run; ++i) text += piece;
    }
    checkAgainstReference(text);
}

TEST_CASE("document: the empty document") {
    const Document doc = load("");
    CHECK(doc.length() == 0);
    CHECK(doc.utf16Length() == 0);
    CHECK(doc.byteFromCodePoint(0) == 0);
    CHECK(doc.byteFromCodePoint(3) == 0);
    CHECK(doc.codePointFromByte(0) == 0);
    CHECK(doc.slice(0, 5).empty());
    CHECK(doc.lineCount() == 1);
    CHECK(doc.lineColumn(0).line == 1);
    CHECK(doc.lineColumn(0).column == 1);
    CHECK(doc.sha256() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    const Document none;  // default-constructed
    CHECK(none.length() == 0);
    CHECK(none.byteFromCodePoint(2) == 0);
    CHECK(none.utf16FromCodePoint(2) == 0);
    CHECK(none.codePointFromByte(2) == 0);
    CHECK(none.slice(0, 1).empty());
    CHECK(none.lineOf(0) == 0);
    CHECK(none.lineColumn(4).column == 1);
}

TEST_CASE("document: a byte-order mark is kept and counts as one code point") {
    const Document doc = load("\xEF\xBB\xBFhi");
    CHECK(doc.length() == 3);
    CHECK(doc.codePointAt(0) == 0xFEFF);
    CHECK(doc.byteFromCodePoint(1) == 3);
    CHECK(doc.slice(1, 3) == "hi");
}

// ---------------------------------------------------------------------------------------
// [SECTION] Refusals
// ---------------------------------------------------------------------------------------

TEST_CASE("document: invalid UTF-8 is refused with the file, byte offset and kind") {
    struct Case {
        std::string bytes;
        const char* location;
        const char* kind;
    };
    const Case cases[] = {
        {"abc\xC0\xAF", "byte 3", "overlong encoding"},
        {"ab\xE0\x80\xAF", "byte 2", "overlong encoding"},
        {"\xF0\x82\x82\xAC", "byte 0", "overlong encoding"},
        {"x\xED\xA0\x80y", "byte 1", "surrogate code point"},
        {"xy\xED\xBF\xBF", "byte 2", "surrogate code point"},
        {"12\xF4\x90\x80\x80", "byte 2", "code point above U+10FFFF"},
        {"\xF5\x80\x80\x80", "byte 0", "code point above U+10FFFF"},
        {"caf\xC3\xA9\xA9", "byte 5", "unexpected continuation byte"},
        {"\x80", "byte 0", "unexpected continuation byte"},
        {"abcdef\xE2\x82", "byte 6", "truncated sequence"},
        {"abcdef" + kGrin.substr(0, 3), "byte 6", "truncated sequence"},
        {"\xC3"
         "abc",
         "byte 0", "truncated sequence"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.bytes);
        const auto result = Document::fromBytes(c.bytes, "article.txt");
        REQUIRE_FALSE(result.ok());
        REQUIRE(result.errors().size() == 1);
        const auto& d = result.errors()[0];
        CHECK(d.file == "article.txt");
        CHECK(d.location == c.location);
        CHECK(d.message == std::string("not valid UTF-8 (") + c.kind + ") on line 1");
    }
}

TEST_CASE("document: the message names the line of the bad byte") {
    const auto result = Document::fromBytes("one\r\ntwo\nth\xFFree", "a.txt");
    REQUIRE_FALSE(result.ok());
    CHECK(result.errors()[0].location == "byte 11");
    CHECK(result.errorText() == "a.txt: byte 11: not valid UTF-8 (byte that never appears in UTF-8) on line 3");
}

TEST_CASE("document: a NUL byte is refused") {
    const auto result = Document::fromBytes(std::string("line one\nab\0c", 13), "bin.dat");
    REQUIRE_FALSE(result.ok());
    const auto& d = result.errors()[0];
    CHECK(d.file == "bin.dat");
    CHECK(d.location == "byte 11");
    CHECK(d.message.rfind("contains a NUL byte (line 2)", 0) == 0);
}

TEST_CASE("document: files over the size limit are refused before reading") {
    // Sparse files: the size check happens on the file size, so nothing is allocated and
    // (on file systems with holes) nothing is written either.
    TempDir dir;
    const auto big = dir.path / "big.txt";
    std::ofstream(big, std::ios::binary).close();
    std::filesystem::resize_file(big, std::uintmax_t(300) << 20);
    auto result = Document::loadFile(big);
    REQUIRE_FALSE(result.ok());
    CHECK(result.errors()[0].file == big.string());
    CHECK(result.errors()[0].message == "file is 300.0 MiB; the limit is 256 MiB");

    std::filesystem::resize_file(big, Document::kMaxBytes + 1);
    result = Document::loadFile(big);
    REQUIRE_FALSE(result.ok());
    CHECK(result.errors()[0].message == "file is 268435457 bytes; the limit is 256 MiB");
}

// ---------------------------------------------------------------------------------------
// [SECTION] Files
// ---------------------------------------------------------------------------------------

TEST_CASE("document: loadFile reads bytes exactly and names the document after the path") {
    TempDir dir;
    const std::string text = "\xEF\xBB\xBFKratom \xE2\x80\x9Cmay\xE2\x80\x9D help.\r\nSee a doctor.";
    const auto path = dir.write("article.txt", text);
    const auto result = Document::loadFile(path);
    REQUIRE_MESSAGE(result.ok(), result.errorText());
    CHECK(result->bytes() == text);
    CHECK(result->name() == path.string());
    CHECK(result->lineCount() == 2);
    CHECK(result->sha256().size() == 64);
}

TEST_CASE("document: an empty file is a valid empty document") {
    TempDir dir;
    const auto result = Document::loadFile(dir.write("empty.txt", ""));
    REQUIRE_MESSAGE(result.ok(), result.errorText());
    CHECK(result->length() == 0);
    CHECK(result->lineCount() == 1);
}

TEST_CASE("document: missing files, directories and unreadable files") {
    TempDir dir;
    SUBCASE("missing") {
        const auto path = dir.path / "nope.txt";
        const auto result = Document::loadFile(path);
        REQUIRE_FALSE(result.ok());
        CHECK(result.errorText() == path.string() + ": file not found");
    }
    SUBCASE("directory") {
        const auto result = Document::loadFile(dir.path);
        REQUIRE_FALSE(result.ok());
        CHECK(result.errorText() == dir.path.string() + ": is a directory, not a text file");
    }
    SUBCASE("unreadable") {
        const auto path = dir.write("secret.txt", "hidden");
        std::filesystem::permissions(path, std::filesystem::perms::none);
        if (::geteuid() == 0) {
            MESSAGE(
                "running as root, where permissions do not stop reading: "
                "unreadable-file check skipped");
        } else {
            const auto result = Document::loadFile(path);
            REQUIRE_FALSE(result.ok());
            CHECK(result.errors()[0].file == path.string());
            CHECK(result.errors()[0].message.find("cannot be opened for reading") == 0);
        }
    }
    SUBCASE("invalid bytes in a file name the file") {
        const auto path = dir.write("bad.txt", "ok\n\xC0\xAF");
        const auto result = Document::loadFile(path);
        REQUIRE_FALSE(result.ok());
        CHECK(result.errorText() == path.string() + ": byte 3: not valid UTF-8 (overlong encoding) on line 2");
    }
}

TEST_CASE("document: sha256 identifies the bytes") {
    CHECK(load("abc").sha256() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(load("abc\n").sha256() != load("abc\r\n").sha256());
}

// ---------------------------------------------------------------------------------------
// [SECTION] Lines and slices
// ---------------------------------------------------------------------------------------

TEST_CASE("document: lines and columns") {
    SUBCASE("a trailing newline starts an empty last line") {
        const Document doc = load("a\n");
        CHECK(doc.lineCount() == 2);
        CHECK(doc.lineStart(1) == 2);
        CHECK(doc.lineOf(1) == 0);
        CHECK(doc.lineOf(2) == 1);
    }
    SUBCASE("no newline: one line") {
        const Document doc = load("abc");
        CHECK(doc.lineCount() == 1);
        CHECK(doc.lineOf(3) == 0);
    }
    SUBCASE("CRLF, LF and a last line without a newline") {
        // "one\r\n" is code points 0..4, "tw€\n" 5..8, "three" 9..13 (end 14).
        const Document doc = load("one\r\ntw" + kEuro + "\nthree");
        REQUIRE(doc.lineCount() == 3);
        CHECK(doc.lineStart(0) == 0);
        CHECK(doc.lineStart(1) == 5);
        CHECK(doc.lineStart(2) == 9);
        const auto at = [&](std::size_t cp) {
            const LineColumn lc = doc.lineColumn(cp);
            return std::to_string(lc.line) + ":" + std::to_string(lc.column);
        };
        CHECK(at(0) == "1:1");
        CHECK(at(3) == "1:4");  // the CR belongs to line 1
        CHECK(at(4) == "1:5");  // so does the LF
        CHECK(at(5) == "2:1");
        CHECK(at(8) == "2:4");  // columns count code points: t w € \n
        CHECK(at(9) == "3:1");
        CHECK(at(14) == "3:6");  // the end of the text
        CHECK(at(99) == "3:6");  // clamped
        CHECK(doc.lineOf(4) == 0);
        CHECK(doc.lineOf(13) == 2);
    }
    SUBCASE("line starts inside and after whole ASCII blocks") {
        // 40 lines of "0123456\n" (8 code points each) then a line of 3 emoji.
        std::string text;
        for (int i = 0; i < 40; ++i) text += "0123456\n";
        text += kGrin + kGrin + kGrin;
        const Document doc = load(text);
        REQUIRE(doc.lineCount() == 41);
        for (std::size_t i = 0; i < 41; ++i) CHECK(doc.lineStart(i) == 8 * i);
        CHECK(doc.lineColumn(8 * 33 + 5).line == 34);
        CHECK(doc.lineColumn(8 * 33 + 5).column == 6);
        CHECK(doc.lineColumn(322).column == 3);
    }
}

TEST_CASE("document: slice clamps and returns the exact bytes") {
    const Document doc = load("a" + kGrin + "b\r\nc" + kEAcute);
    CHECK(doc.slice(0, 2) == "a" + kGrin);
    CHECK(doc.slice(1, 3) == kGrin + "b");
    CHECK(doc.slice(3, 5) == "\r\n");
    CHECK(doc.slice(6, 7) == kEAcute);
    CHECK(doc.slice(6, 100) == kEAcute);
    CHECK(doc.slice(0, 100) == doc.bytes());
    CHECK(doc.slice(5, 2).empty());
    CHECK(doc.slice(50, 60).empty());
    CHECK(doc.slice(4, 4).empty());
}
