// webanno_format.h — what the WebAnno TSV 3.3 export and import share: the layer and feature
// names claimmark uses, and the format's escaping.
//
// The format (INCEpTION's "WebAnno TSV 3.3", checked against its user guide
// webannotsv.adoc and its Tsv3X serializer/deserializer and Escaping):
//   #FORMAT=WebAnno TSV 3.3
//   #T_SP=<span layer>|<feature>|...            one line per span layer
//   #T_RL=<relation layer>|<feature>|BT_<span layer>   the last column: the governor's unit
//   (two empty lines: one ends the header, one starts each sentence)
//   #Text=<sentence line>                        one per line of the sentence, escaped
//   <s>-<t>[.<k>] TAB <begin>-<end> TAB <text> TAB <column> TAB ...   one row per token and
//                                                sub-token, every column followed by a TAB
// Offsets count UTF-16 code units (Java strings). A cell is "_" (no annotation of the layer
// on the row), or the stacked values "A[1]|B[2]" of the layer's annotations on it: "*" for a
// feature without a value, "[n]" a disambiguation id when an annotation covers several units
// or shares one. A relation sits on the first unit of its dependent; its base cell names the
// governor's unit, "1-2[3_4]" with the governor's and the dependent's ids when either has one
// (0 for none).
#pragma once

#include <string>
#include <string_view>

namespace claimmark::webanno {

inline constexpr std::string_view kFormatLine = "#FORMAT=WebAnno TSV 3.3";
inline constexpr std::string_view kFormatPrefix = "#FORMAT=";
inline constexpr std::string_view kSpanLayerPrefix = "#T_SP=";
inline constexpr std::string_view kChainLayerPrefix = "#T_CH=";
inline constexpr std::string_view kRelationLayerPrefix = "#T_RL=";
inline constexpr std::string_view kTextPrefix = "#Text=";
inline constexpr std::string_view kSentenceIdPrefix = "#Sentence.id=";
inline constexpr std::string_view kBaseTypePrefix = "BT_";

// claimmark's layers: every label is one span layer's `label` feature; every relation type
// the relation layer's `label` feature.
inline constexpr std::string_view kSpanLayer = "webanno.custom.Claimmark";
inline constexpr std::string_view kRelationLayer = "webanno.custom.ClaimmarkRelation";
inline constexpr std::string_view kLabelFeature = "label";
// The claimmark annotation id: the fragments of a discontinuous annotation are one span
// each, with the same id here.
inline constexpr std::string_view kIdFeature = "annotation";
inline constexpr std::string_view kNoteFeature = "note";

// Feature values: '\' '[' ']' '|' '_' "->" ';' '*' and TAB, LF get a backslash (TAB and LF
// as "\t" and "\n"). An empty value is written as is (an empty cell entry).
void appendEscapedValue(std::string& out, std::string_view value);
std::string unescapeValue(std::string_view value);
// #Text= lines (3.2 and later): '\' TAB CR FF BS as "\\" "\t" "\r" "\f" "\b"; the other
// control characters below U+0020 except 8-13 get a backslash before them. LF never
// appears (a sentence is one #Text= line per line).
void appendEscapedText(std::string& out, std::string_view text);
std::string unescapeText(std::string_view text);

// `text` in double quotes for messages, cut after `limit` bytes ("...").
std::string shown(std::string_view text, std::size_t limit = 60);

// Splits a cell at the '|' that are not escaped; `out` gets each part (still escaped).
template <class Emit>
void forEachStacked(std::string_view cell, Emit&& emit) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < cell.size(); ++i) {
        if (cell[i] == '\\') {
            ++i;
            continue;
        }
        if (cell[i] == '|') {
            emit(cell.substr(start, i - start));
            start = i + 1;
        }
    }
    emit(cell.substr(start));
}

// A stacked entry's value and its disambiguation id ("PER[3]" -> "PER", 3); 0 when it has
// none. The value stays escaped; false when the brackets are malformed.
bool splitDisambiguation(std::string_view entry, std::string_view& value, std::size_t& id);

}  // namespace claimmark::webanno
