// webanno_reader.h — a WebAnno TSV 3.2/3.3 file read into its parts, before any offset is
// checked against a text: the layers of the header, the sentences (#Text= lines joined by
// LF, unescaped) and the rows (id, UTF-16 offsets, token text, cells).
//
// Checked here: the #FORMAT= line, the header lines, that a row has the fields the header
// asks for (a trailing TAB, as INCEpTION writes, is allowed), the row id "<s>-<t>" or
// "<s>-<t>.<k>" with <s> the sentence it is under, and offsets "<begin>-<end>" with
// begin <= end. A bad row goes to `problems` (file and line) and is left out; a bad header
// stops the file.
#pragma once

#include "core/diagnostic.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimmark::webanno {

enum class LayerKind { Span, Chain, Relation };

struct Layer {
    LayerKind kind = LayerKind::Span;
    std::string name;
    std::vector<std::string> features;  // one column each, in order (BT_..., ROLE_... included)
    std::size_t firstColumn = 0;        // its first column among the feature columns
    std::size_t line = 0;
};

struct TsvSentence {
    std::size_t line = 0;  // its first #Text= line
    std::string text;      // unescaped, lines joined by LF
    std::size_t firstRow = 0, endRow = 0;
};

struct TsvRow {
    std::uint32_t line = 0;
    std::uint32_t begin = 0, end = 0;  // UTF-16 code units
    std::string_view id;               // "1-3" or "1-3.1"
    std::uint64_t key = 0;             // the id as a number (parseUnitId)
    std::string_view text;
    std::string_view cells;  // the feature columns, TAB-separated (splitCells)
};

// A unit id "<s>-<t>" or "<s>-<t>.<k>" as one number (s < 2^24, t < 2^24, k < 2^16); false
// when it is not one.
bool parseUnitId(std::string_view id, std::uint64_t& key);

// The row's cells, one per feature column (the count was checked on reading).
void splitCells(const TsvRow& row, std::vector<std::string_view>& out);

struct TsvFile {
    std::string version;  // "3.3"
    std::vector<Layer> layers;
    std::size_t columns = 0;
    std::vector<TsvSentence> sentences;
    std::vector<TsvRow> rows;  // views into the content given to readTsv
};

// Reads `content` (kept alive by the caller: rows point into it). False when the file cannot
// be read at all (the header); problems with single rows are added and the rows left out.
bool readTsv(std::string_view content, const std::string& file, TsvFile& out, Diagnostics& problems);

}  // namespace claimmark::webanno
