// export_webanno.cpp — WebAnno TSV 3.3 (INCEpTION's TSV): OUT/<stem>.tsv and the article
// copy OUT/<stem>.txt for each set, like the brat export.
//
// [SECTION] Tokens     the dataset exports' sentences and tokens, numbered "<s>-<t>"
// [SECTION] Spans      fragments cut at the tokens; the units (token and sub-token rows)
// [SECTION] Rows       header, #Text= lines, one row per unit, cells pre-encoded
// [SECTION] Entry point
//
// Layout (webanno_format.h has the grammar): one span layer webanno.custom.Claimmark with the
// features label, annotation (the claimmark id), note and one per attribute (the union of
// the sets' schemas, in order), and one relation layer webanno.custom.ClaimmarkRelation with
// label (the type) and the base column. Sentences are suggest/sentence_splitter.h's (as the
// `sentences` export), tokens dataset/tokeniser.h's; a sentence's #Text= runs from its first
// token to its last. A fragment whose edge falls inside a token gets sub-token rows
// ("1-3.1"), so no offset is rounded; a discontinuous annotation is one span per fragment,
// the fragments sharing its id in `annotation` (the import joins them back). The format has
// no row for white space: an edge in white space moves to the nearest token (a notice says
// which annotations), as INCEpTION does.
#include "core/exchange/exchange_formats.h"

#include "core/exchange/dataset/dataset_support.h"
#include "core/exchange/dataset/tokeniser.h"
#include "core/exchange/export_sink.h"
#include "core/exchange/export_support.h"
#include "core/exchange/webanno/webanno_format.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <unordered_map>

namespace claimmark {

namespace {

using namespace webanno;

void appendNumber(std::string& out, std::size_t n) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    out.append(digits, std::size_t(end - digits));
}

// --- [SECTION] Tokens ---------------------------------------------------------------------

struct Tok {
    std::uint32_t cpStart, cpEnd, u16Start, u16End, byteStart, byteEnd;
    std::uint32_t sentence, number;  // 1-based: the row id "<sentence>-<number>"
};

struct SentenceRange {
    std::size_t firstToken, endToken;
};

// Tokens with their sentence numbers; a token belongs to the sentence it starts in (one
// before the first sentence to the first). Sentences without tokens are left out.
void tokenise(const Document& document, std::vector<Tok>& tokens, std::vector<SentenceRange>& sentences) {
    const std::vector<Sentence> split = dataset::sentencesOf(document);
    tokens.reserve(document.length() / 5 + 1);
    dataset::forEachToken(document, [&](const dataset::Token& t) {
        tokens.push_back(Tok{std::uint32_t(t.start.codePoint), std::uint32_t(t.end.codePoint),
                             std::uint32_t(t.start.utf16), std::uint32_t(t.end.utf16), std::uint32_t(t.start.byte),
                             std::uint32_t(t.end.byte), 0, 0});
    });
    std::size_t next = 1;  // the sentence after the current one
    std::uint32_t number = 0, inSentence = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        bool advanced = false;
        while (next < split.size() && tokens[i].cpStart >= split[next].cpStart) {
            ++next;
            advanced = true;
        }
        if (i == 0 || advanced) {
            if (!sentences.empty()) sentences.back().endToken = i;
            sentences.push_back({i, i});
            ++number;
            inSentence = 0;
        }
        tokens[i].sentence = number;
        tokens[i].number = ++inSentence;
    }
    if (!sentences.empty()) sentences.back().endToken = tokens.size();
}

// --- [SECTION] Spans ----------------------------------------------------------------------

// One TSV span: a fragment of an annotation, on one or more units.
struct TsvSpan {
    const Annotation* annotation;
    std::size_t start, end;  // code points, on token edges or inside tokens
    std::size_t firstUnit = 0;
    std::size_t units = 0;
    std::size_t id = 0;  // the disambiguation id, 0 for none
    bool shares = false;
};

// A token row or a sub-token row and the spans on it.
struct Unit {
    std::uint32_t token;
    std::uint32_t cpStart, cpEnd;
    std::uint32_t sub;  // 0: the token itself; k: the row "<s>-<t>.<k>"
    std::uint32_t firstSpan, spanCount;
};

struct Piece {
    std::uint32_t token;
    std::uint32_t cpStart, cpEnd;
    bool whole;
    std::uint32_t span;
};

// A relation, on the first unit of its dependent's first span.
struct RelationOut {
    std::size_t unit;
    std::size_t governor, dependent;  // spans
    const Relation* relation;
};

struct Layout {
    std::vector<Tok> tokens;
    std::vector<SentenceRange> sentences;
    std::vector<TsvSpan> spans;
    std::vector<Unit> units;                      // by token, the token's own row first
    std::vector<std::uint32_t> unitSpans;         // Unit::firstSpan indexes here
    std::vector<std::vector<std::string>> cells;  // per span, per span column: escaped value
    std::vector<RelationOut> relations;           // by unit
    std::vector<std::string> trimmed, dropped;
    std::size_t orphaned = 0, discontinuous = 0, droppedRelations = 0;
};

// The fragment [s, e) cut at the tokens; false when no token is left in it.
bool addPieces(const std::vector<Tok>& tokens, std::size_t s, std::size_t e, std::size_t span,
               std::vector<Piece>& pieces, bool& trimmed, TsvSpan& out) {
    auto first =
        std::upper_bound(tokens.begin(), tokens.end(), s, [](std::size_t cp, const Tok& t) { return cp < t.cpEnd; });
    auto past =
        std::lower_bound(tokens.begin(), tokens.end(), e, [](const Tok& t, std::size_t cp) { return t.cpStart < cp; });
    if (first == tokens.end() || past == tokens.begin() || first >= past) return false;
    const Tok& last = *(past - 1);
    if (first->cpStart > s) s = first->cpStart, trimmed = true;
    if (last.cpEnd < e) e = last.cpEnd, trimmed = true;
    out.start = s;
    out.end = e;
    for (auto t = first; t != past; ++t) {
        const std::uint32_t ps = std::max<std::uint32_t>(t->cpStart, std::uint32_t(s));
        const std::uint32_t pe = std::min<std::uint32_t>(t->cpEnd, std::uint32_t(e));
        pieces.push_back(
            Piece{std::uint32_t(t - tokens.begin()), ps, pe, ps == t->cpStart && pe == t->cpEnd, std::uint32_t(span)});
    }
    return true;
}

std::string attributeCell(const AttributeValue& value) {
    std::string out;
    appendEscapedValue(out, attributeValueToString(value));
    return out;
}

void planSpans(const ExportSource& source, const std::vector<std::string>& attributes, Layout& layout) {
    layout.spans.reserve(source.set.annotationCount());
    layout.cells.reserve(source.set.annotationCount());
    std::vector<Piece> pieces;
    std::unordered_map<std::string_view, std::size_t> firstSpanOf;  // annotation id -> span
    for (const Annotation* a : source.set.inDocumentOrder()) {
        if (a->orphaned) {
            ++layout.orphaned;
            continue;
        }
        bool trimmed = false, any = false;
        std::vector<std::string> cells(3 + attributes.size(), "*");
        cells[0].clear();
        appendEscapedValue(cells[0], a->label);
        cells[1].clear();
        appendEscapedValue(cells[1], a->id);
        if (!a->note.empty()) {
            cells[2].clear();
            appendEscapedValue(cells[2], a->note);
        }
        for (std::size_t k = 0; k < attributes.size(); ++k) {
            auto it = a->attributes.find(attributes[k]);
            if (it != a->attributes.end()) cells[3 + k] = attributeCell(it->second);
        }
        for (const Span& fragment : a->spans) {
            const bool lastFragment = &fragment == &a->spans.back();
            TsvSpan span{a, 0, 0};
            const std::size_t before = pieces.size();
            if (!addPieces(layout.tokens, fragment.start, fragment.end, layout.spans.size(), pieces, trimmed, span))
                continue;
            span.units = pieces.size() - before;
            if (!any) firstSpanOf.emplace(a->id, layout.spans.size());
            any = true;
            layout.spans.push_back(span);
            if (lastFragment) layout.cells.push_back(std::move(cells));
            else layout.cells.push_back(cells);
        }
        if (!any) layout.dropped.push_back(a->id);
        else if (trimmed) layout.trimmed.push_back(a->id);
        if (a->spans.size() > 1) ++layout.discontinuous;
    }

    std::sort(pieces.begin(), pieces.end(), [](const Piece& x, const Piece& y) {
        if (x.token != y.token) return x.token < y.token;
        if (x.whole != y.whole) return x.whole;
        if (x.cpStart != y.cpStart) return x.cpStart < y.cpStart;
        if (x.cpEnd != y.cpEnd) return x.cpEnd > y.cpEnd;
        return x.span < y.span;
    });
    layout.unitSpans.reserve(pieces.size());
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const Piece& p = pieces[i];
        if (i == 0 || p.token != pieces[i - 1].token || p.whole != pieces[i - 1].whole ||
            p.cpStart != pieces[i - 1].cpStart || p.cpEnd != pieces[i - 1].cpEnd) {
            std::uint32_t sub = 0;
            if (!p.whole) {
                const bool sameToken = !layout.units.empty() && layout.units.back().token == p.token;
                sub = sameToken ? layout.units.back().sub + 1 : 1;
            }
            layout.units.push_back(Unit{p.token, p.cpStart, p.cpEnd, sub, std::uint32_t(layout.unitSpans.size()), 0});
        }
        Unit& unit = layout.units.back();
        layout.unitSpans.push_back(p.span);
        ++unit.spanCount;
    }
    // Each span's first unit, whether it shares one, and the disambiguation ids in row order.
    std::vector<char> seen(layout.spans.size(), 0);
    for (std::size_t u = 0; u < layout.units.size(); ++u) {
        const Unit& unit = layout.units[u];
        for (std::size_t k = 0; k < unit.spanCount; ++k) {
            TsvSpan& span = layout.spans[layout.unitSpans[unit.firstSpan + k]];
            if (unit.spanCount > 1) span.shares = true;
            if (!seen[layout.unitSpans[unit.firstSpan + k]]) {
                seen[layout.unitSpans[unit.firstSpan + k]] = 1;
                span.firstUnit = u;
            }
        }
    }
    std::size_t nextId = 0;
    std::fill(seen.begin(), seen.end(), 0);
    for (const Unit& unit : layout.units)
        for (std::size_t k = 0; k < unit.spanCount; ++k) {
            const std::size_t s = layout.unitSpans[unit.firstSpan + k];
            TsvSpan& span = layout.spans[s];
            if (!seen[s] && (span.units > 1 || span.shares)) span.id = ++nextId;
            seen[s] = 1;
        }

    // The disambiguation id is part of every cell of its span: written once here.
    std::string suffix;
    for (std::size_t s = 0; s < layout.spans.size(); ++s) {
        if (!layout.spans[s].id) continue;
        suffix = "[";
        appendNumber(suffix, layout.spans[s].id);
        suffix += ']';
        for (std::string& cell : layout.cells[s]) cell += suffix;
    }

    // Relations: on the first unit of the dependent's first fragment.
    for (const Relation* r : source.set.relationsInOrder()) {
        auto from = firstSpanOf.find(r->from), to = firstSpanOf.find(r->to);
        if (from == firstSpanOf.end() || to == firstSpanOf.end()) {
            ++layout.droppedRelations;
            continue;
        }
        layout.relations.push_back({layout.spans[to->second].firstUnit, from->second, to->second, r});
    }
    std::stable_sort(layout.relations.begin(), layout.relations.end(),
                     [](const RelationOut& x, const RelationOut& y) { return x.unit < y.unit; });
}

// --- [SECTION] Rows -----------------------------------------------------------------------

class RowWriter {
public:
    RowWriter(const ExportSource& source, const Layout& layout, std::size_t columns, ExportSink& out)
        : m_document(source.document), m_layout(layout), m_columns(columns), m_out(out) {
        for (std::size_t k = 0; k < columns + 2; ++k) m_emptyCells += "_\t";
        m_buffer.reserve(kFlushAt + 4096);
    }

    void write() {
        std::size_t unit = 0, relation = 0;
        for (std::size_t s = 0; s < m_layout.sentences.size(); ++s) {
            const SentenceRange& sentence = m_layout.sentences[s];
            writeText(sentence);
            for (std::size_t t = sentence.firstToken; t < sentence.endToken; ++t) {
                const Tok& token = m_layout.tokens[t];
                const bool own =
                    unit < m_layout.units.size() && m_layout.units[unit].token == t && m_layout.units[unit].sub == 0;
                if (!own) {
                    appendTokenId(token, 0);
                    appendOffsets(token.u16Start, token.u16End);
                    m_buffer.append(m_document.bytes(), token.byteStart, token.byteEnd - token.byteStart);
                    m_buffer += '\t';
                    m_buffer += m_emptyCells;
                    m_buffer += '\n';
                }
                for (; unit < m_layout.units.size() && m_layout.units[unit].token == t; ++unit)
                    writeUnit(unit, relation);
                if (m_buffer.size() >= kFlushAt) flush();
            }
        }
        flush();
    }

private:
    static constexpr std::size_t kFlushAt = std::size_t(1) << 16;
    const Document& m_document;
    const Layout& m_layout;
    std::size_t m_columns;
    ExportSink& m_out;
    std::string m_buffer;
    std::string m_emptyCells;

    void flush() {
        m_out.write(m_buffer);
        m_buffer.clear();
    }

    void appendTokenId(const Tok& token, std::uint32_t sub) {
        appendNumber(m_buffer, token.sentence);
        m_buffer += '-';
        appendNumber(m_buffer, token.number);
        if (sub) {
            m_buffer += '.';
            appendNumber(m_buffer, sub);
        }
    }
    void appendOffsets(std::size_t begin, std::size_t end) {
        m_buffer += '\t';
        appendNumber(m_buffer, begin);
        m_buffer += '-';
        appendNumber(m_buffer, end);
        m_buffer += '\t';
    }

    void writeText(const SentenceRange& sentence) {
        const Tok& first = m_layout.tokens[sentence.firstToken];
        const Tok& last = m_layout.tokens[sentence.endToken - 1];
        std::string_view text(m_document.bytes().data() + first.byteStart, last.byteEnd - first.byteStart);
        m_buffer += '\n';
        while (true) {
            const std::size_t lf = text.find('\n');
            m_buffer += kTextPrefix;
            appendEscapedText(m_buffer, text.substr(0, lf));
            m_buffer += '\n';
            if (lf == std::string_view::npos) break;
            text.remove_prefix(lf + 1);
        }
    }

    void writeUnit(std::size_t u, std::size_t& relation) {
        const Unit& unit = m_layout.units[u];
        const Tok& token = m_layout.tokens[unit.token];
        appendTokenId(token, unit.sub);
        appendOffsets(m_document.utf16FromCodePoint(unit.cpStart), m_document.utf16FromCodePoint(unit.cpEnd));
        const std::size_t b = m_document.byteFromCodePoint(unit.cpStart);
        m_buffer.append(m_document.bytes(), b, m_document.byteFromCodePoint(unit.cpEnd) - b);
        m_buffer += '\t';
        for (std::size_t c = 0; c < m_columns; ++c) {
            for (std::size_t k = 0; k < unit.spanCount; ++k) {
                const std::size_t s = m_layout.unitSpans[unit.firstSpan + k];
                if (k) m_buffer += '|';
                m_buffer += m_layout.cells[s][c];
            }
            m_buffer += '\t';
        }
        // The relations whose dependent starts here: types, then the governors' units.
        const std::size_t first = relation;
        while (relation < m_layout.relations.size() && m_layout.relations[relation].unit == u) ++relation;
        if (first == relation) {
            m_buffer += "_\t_\t\n";
            return;
        }
        for (std::size_t r = first; r < relation; ++r) {
            if (r > first) m_buffer += '|';
            appendEscapedValue(m_buffer, m_layout.relations[r].relation->type);
        }
        m_buffer += '\t';
        for (std::size_t r = first; r < relation; ++r) {
            const TsvSpan& governor = m_layout.spans[m_layout.relations[r].governor];
            const TsvSpan& dependent = m_layout.spans[m_layout.relations[r].dependent];
            if (r > first) m_buffer += '|';
            const Unit& at = m_layout.units[governor.firstUnit];
            appendTokenId(m_layout.tokens[at.token], at.sub);
            if (governor.id || dependent.id) {
                m_buffer += '[';
                appendNumber(m_buffer, governor.id);
                m_buffer += '_';
                appendNumber(m_buffer, dependent.id);
                m_buffer += ']';
            }
        }
        m_buffer += "\t\n";
    }
};

// The attribute features: every attribute of the sets' schemas and every one in use.
std::vector<std::string> attributeFeatures(const std::vector<ExportSource>& sources) {
    std::vector<std::string> names;
    auto add = [&](const std::string& name) {
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    };
    for (const ExportSource& source : sources)
        for (const LabelDef& label : source.set.schema.labels)
            for (const AttributeDef& def : label.attributes) add(def.name);
    for (const ExportSource& source : sources)
        for (const Annotation& a : source.set.annotations())
            for (const auto& [name, value] : a.attributes) add(name);
    return names;
}

std::string featureNameProblem(const std::string& name) {
    if (name.empty()) return "an empty attribute name cannot be a WebAnno TSV feature";
    if (name.find_first_of("|\t\r\n") != std::string::npos)
        return "attribute \"" + name + "\" cannot be a WebAnno TSV feature name (no '|', tab or line break)";
    if (name == kLabelFeature || name == kIdFeature || name == kNoteFeature)
        return "attribute \"" + name + "\" has the name of a feature claimmark's span layer uses itself";
    return {};
}

}  // namespace

// --- [SECTION] Entry point ----------------------------------------------------------------

Result<ExportReport> writeWebannoTsv(const std::vector<ExportSource>& sources, const ExportOptions& options,
                                     ExportSink& out) {
    ExportReport report;
    const std::vector<std::string> attributes = attributeFeatures(sources);
    Diagnostics errors;
    for (const std::string& name : attributes)
        if (std::string p = featureNameProblem(name); !p.empty())
            errors.push_back({sources.empty() ? std::string() : sources.front().setPath.string(), "schema", p});
    for (const ExportSource& source : sources)
        for (const Annotation& a : source.set.annotations())
            if (!a.orphaned && (a.spans.empty() || a.end() > source.document.length()))
                errors.push_back(
                    {source.setPath.string(), "annotations[" + a.id + "]",
                     "spans lie outside the article (" + std::to_string(source.document.length()) + " code points)"});
    if (!errors.empty()) return errors;

    std::string header(kFormatLine);
    header += '\n';
    header += kSpanLayerPrefix;
    header += kSpanLayer;
    for (std::string_view f : {kLabelFeature, kIdFeature, kNoteFeature}) (header += '|') += f;
    for (const std::string& name : attributes) (header += '|') += name;
    header += '\n';
    header += kRelationLayerPrefix;
    header += kRelationLayer;
    (header += '|') += kLabelFeature;
    ((header += '|') += kBaseTypePrefix) += kSpanLayer;
    header += "\n\n";

    std::size_t discontinuous = 0;
    for (const ExportSource& source : sources) {
        out.beginFile(source.stem + ".txt");
        out.write(source.document.bytes());
        out.beginFile(source.stem + ".tsv");
        out.write(header);
        Layout layout;
        tokenise(source.document, layout.tokens, layout.sentences);
        planSpans(source, attributes, layout);
        RowWriter(source, layout, 3 + attributes.size(), out).write();
        discontinuous += layout.discontinuous;
        const std::string prefix = source.setPath.string() + ": ";
        if (layout.orphaned) report.notices.push_back(orphansLeftOutNotice(source, layout.orphaned));
        if (!layout.trimmed.empty())
            report.notices.push_back(prefix + std::to_string(layout.trimmed.size()) +
                                     " annotation(s) start or end in white space, which WebAnno TSV has no row "
                                     "for: written from their first to their last token (first: " +
                                     layout.trimmed.front() + ")");
        if (!layout.dropped.empty())
            report.notices.push_back(
                prefix + std::to_string(layout.dropped.size()) +
                " annotation(s) covering only white space left out (first: " + layout.dropped.front() + ")");
        if (layout.droppedRelations)
            report.notices.push_back(prefix + std::to_string(layout.droppedRelations) +
                                     " relation(s) left out because an end was left out");
    }
    std::string unit = "webanno-tsv: offsets are UTF-16 code units (the format's unit)";
    if (options.offsets != OffsetUnit::Utf16) unit += "; --offsets does not apply to WebAnno TSV";
    report.notices.insert(report.notices.begin(), unit);
    if (discontinuous)
        report.notices.push_back("webanno-tsv: " + std::to_string(discontinuous) +
                                 " discontinuous annotation(s) written as one span per fragment, sharing the "
                                 "claimmark id in the \"annotation\" feature");
    return report;
}

}  // namespace claimmark
