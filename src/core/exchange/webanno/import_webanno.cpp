// import_webanno.cpp — WebAnno TSV 3.3 (and 3.2) -> one set per .tsv file.
//
// [SECTION] Text       the article: --article, else <stem>.txt beside the .tsv (what the
//                      export writes), else rebuilt from the #Text= lines as INCEpTION does
//                      (each sentence at its first token's offset, spaces between)
// [SECTION] Rows       each row's offsets (UTF-16, never inside a surrogate pair) and token
//                      text checked against the article; each #Text= against the article
// [SECTION] Spans      the cells of webanno.custom.Claimmark: label, annotation (claimmark
//                      id: spans sharing it are the fragments of one annotation), note, and
//                      every other feature an attribute; a span's extent is its rows'
// [SECTION] Relations  webanno.custom.ClaimmarkRelation: its label (the type) and the base
//                      column, governor -> dependent as claimmark's from -> to
// [SECTION] Entry point  .tsv files and folders of them
//
// Other layers (INCEpTION's own: POS, NamedEntity, chains, ...) are not claimmark's: their
// columns are skipped, said in one notice per layer. Problems name the file and the line;
// with --lenient the rows, spans and relations concerned are left out and listed.
#include "core/exchange/exchange_formats.h"

#include "core/exchange/import_support.h"
#include "core/exchange/labelstudio/labelstudio_format.h"
#include "core/exchange/webanno/webanno_format.h"
#include "core/exchange/webanno/webanno_reader.h"
#include "core/storage/file_io.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

namespace claimmark {

namespace {

using namespace webanno;
namespace fs = std::filesystem;

std::size_t utf16Length(std::string_view utf8) {
    std::size_t n = 0;
    for (unsigned char c : utf8) n += (c & 0xC0) != 0x80 ? ((c >= 0xF0) ? 2 : 1) : 0;
    return n;
}

// --- [SECTION] Text -----------------------------------------------------------------------

// The article rebuilt from the sentences: each at its first row's offset, spaces before it.
std::optional<std::string> rebuildText(const TsvFile& tsv, const std::string& file, Diagnostics& problems) {
    std::string text;
    std::size_t units = 0;
    for (const TsvSentence& sentence : tsv.sentences) {
        if (sentence.firstRow == sentence.endRow) continue;
        const std::size_t begin = tsv.rows[sentence.firstRow].begin;
        if (begin < units) {
            problems.push_back({file, "line " + std::to_string(sentence.line),
                                "the sentence starts at UTF-16 offset " + std::to_string(begin) +
                                    ", inside the sentence before it (which ends at " + std::to_string(units) +
                                    "); without the article (<stem>.txt or --article) the text cannot be rebuilt"});
            return std::nullopt;
        }
        text.append(begin - units, ' ');
        text += sentence.text;
        units = begin + utf16Length(sentence.text);
    }
    return text;
}

// --- [SECTION] Spans ----------------------------------------------------------------------

struct SpanIn {
    std::size_t start = 0, end = 0;  // code points
    std::size_t line = 0;            // its first row
    std::string label, id, note;
    std::vector<std::pair<std::string, std::string>> attributes;  // feature, value
    std::string addedId;
};

struct RelationIn {
    std::size_t line;
    std::string type;
    std::string_view governorUnit;
    std::size_t governorId, dependentId;
    std::vector<std::size_t> dependents;  // the spans on the relation's row
};

class FileImport {
public:
    FileImport(const TsvFile& tsv, ImportBuilder& builder, const std::string& file, Diagnostics& problems,
               std::vector<std::string>& notices)
        : m_tsv(tsv), m_builder(builder), m_file(file), m_problems(problems), m_notices(notices) {}

    void run(bool checkText) {
        if (!findLayers()) return;
        if (checkText) checkSentences();
        noteGovernorUnits();
        for (const TsvRow& row : m_tsv.rows) readRow(row);
        addAnnotations();
        addRelations();
    }

private:
    const TsvFile& m_tsv;
    ImportBuilder& m_builder;
    const std::string& m_file;
    Diagnostics& m_problems;
    std::vector<std::string>& m_notices;

    const Layer* m_span = nullptr;
    std::size_t m_labelColumn = 0;
    std::optional<std::size_t> m_idColumn, m_noteColumn;
    std::vector<std::pair<std::size_t, std::string>> m_attributeColumns;  // column, feature
    std::optional<std::size_t> m_relationLabel, m_relationBase;

    std::vector<SpanIn> m_spans;
    std::unordered_map<std::size_t, std::size_t> m_byDisambiguation;                             // [n] -> span
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> m_onUnit;                        // unit key -> spans
    std::vector<std::uint64_t> m_governorBits = std::vector<std::uint64_t>(kGovernorBits / 64);  // keys seen, hashed
    static constexpr std::size_t kGovernorBits = std::size_t(1) << 20;

    static std::size_t governorBit(std::uint64_t key) {
        return std::size_t((key * 0x9E3779B97F4A7C15ull) >> 44) & (kGovernorBits - 1);
    }
    bool mayGovern(std::uint64_t key) const {
        const std::size_t bit = governorBit(key);
        return (m_governorBits[bit / 64] >> (bit % 64)) & 1;
    }
    std::vector<RelationIn> m_relations;
    std::vector<std::string_view> m_cells, m_entries;  // per row, reused
    std::vector<std::size_t> m_here;
    std::vector<char> m_fresh;

    void problem(std::size_t line, const std::string& message) {
        m_problems.push_back({m_file, "line " + std::to_string(line), message});
    }

    bool findLayers() {
        for (const Layer& layer : m_tsv.layers) {
            if (layer.kind == LayerKind::Span && layer.name == kSpanLayer && !m_span) {
                m_span = &layer;
                bool haveLabel = false;
                for (std::size_t f = 0; f < layer.features.size(); ++f) {
                    const std::string& name = layer.features[f];
                    const std::size_t column = layer.firstColumn + f;
                    if (name == kLabelFeature) m_labelColumn = column, haveLabel = true;
                    else if (name == kIdFeature) m_idColumn = column;
                    else if (name == kNoteFeature) m_noteColumn = column;
                    else m_attributeColumns.push_back({column, name});
                }
                // A layer made in INCEpTION by hand may call its one feature "value".
                auto value = std::find_if(m_attributeColumns.begin(), m_attributeColumns.end(),
                                          [](const auto& c) { return c.second == "value"; });
                if (!haveLabel && value != m_attributeColumns.end()) {
                    m_labelColumn = value->first;
                    haveLabel = true;
                    m_attributeColumns.erase(value);
                }
                if (!haveLabel) {
                    problem(layer.line, "layer " + shown(kSpanLayer) + " has no \"label\" (or \"value\") feature");
                    return false;
                }
            } else if (layer.kind == LayerKind::Relation && layer.name == kRelationLayer && !m_relationBase) {
                for (std::size_t f = 0; f + 1 < layer.features.size(); ++f)
                    if (layer.features[f] == kLabelFeature) m_relationLabel = layer.firstColumn + f;
                m_relationBase = layer.firstColumn + layer.features.size() - 1;
                if (layer.features.size() > 2 || !m_relationLabel)
                    m_notices.push_back(m_file + ": relation layer " + shown(kRelationLayer) +
                                        ": only the \"label\" feature is read (the relation type)");
            } else {
                m_notices.push_back(m_file + ": line " + std::to_string(layer.line) + ": layer " + shown(layer.name) +
                                    " skipped (claimmark reads its own layers " + std::string(kSpanLayer) + " and " +
                                    std::string(kRelationLayer) + ")");
            }
        }
        if (!m_span)
            m_notices.push_back(m_file + ": no " + std::string(kSpanLayer) + " layer: no annotations imported");
        return m_span != nullptr;
    }

    // --- [SECTION] Rows -------------------------------------------------------------------

    void checkSentences() {
        const Document& document = m_builder.document();
        for (const TsvSentence& sentence : m_tsv.sentences) {
            if (sentence.firstRow == sentence.endRow) continue;
            const TsvRow& first = m_tsv.rows[sentence.firstRow];
            const std::optional<std::size_t> start = codePointFromUnit(document, first.begin, OffsetUnit::Utf16);
            if (!start) continue;  // the row says why
            const std::string_view found = sentence.text;
            const std::string_view expected =
                std::string_view(document.bytes())
                    .substr(document.byteFromCodePoint(*start),
                            std::min(found.size(), document.byteLength() - document.byteFromCodePoint(*start)));
            if (expected != found)
                problem(sentence.line, "the #Text= line does not match the article at UTF-16 offset " +
                                           std::to_string(first.begin) + ": expected " + shown(expected) + ", found " +
                                           shown(found));
        }
    }

    std::optional<std::size_t> offset(const TsvRow& row, std::size_t utf16) {
        const Document& document = m_builder.document();
        if (document.isAscii() && utf16 <= document.length()) return utf16;
        if (utf16 > document.utf16Length()) {
            problem(row.line, "offset " + std::to_string(utf16) + " is past the end of the article (" +
                                  std::to_string(document.utf16Length()) + " UTF-16 code units)");
            return std::nullopt;
        }
        std::optional<std::size_t> cp = codePointFromUnit(document, utf16, OffsetUnit::Utf16);
        if (!cp) problem(row.line, "offset " + std::to_string(utf16) + " falls inside a character (a surrogate pair)");
        return cp;
    }

    void readRow(const TsvRow& row) {
        const std::optional<std::size_t> start = offset(row, row.begin);
        const std::optional<std::size_t> end = start ? offset(row, row.end) : std::nullopt;
        if (!start || !end) return;
        const std::string_view covered = m_builder.document().slice(*start, *end);
        if (covered != row.text)
            return problem(row.line, "the token text does not match the article at " + std::to_string(row.begin) + "-" +
                                         std::to_string(row.end) + ": expected " + shown(covered) + ", found " +
                                         shown(row.text));
        splitCells(row, m_cells);
        const std::string_view labels = m_cells[m_labelColumn];
        std::vector<std::size_t>& here = m_here;
        std::vector<char>& fresh = m_fresh;
        here.clear();
        fresh.clear();
        if (labels == "_") return readRelations(row, here);

        m_entries.clear();
        forEachStacked(labels, [&](std::string_view e) { m_entries.push_back(e); });
        for (std::string_view entry : m_entries) {
            std::string_view value;
            std::size_t id = 0;
            if (!splitDisambiguation(entry, value, id))
                return problem(row.line, "bad disambiguation id in " + shown(entry) + " (expected Label[n], n >= 1)");
            auto known = id ? m_byDisambiguation.find(id) : m_byDisambiguation.end();
            if (known != m_byDisambiguation.end()) {
                SpanIn& span = m_spans[known->second];
                span.start = std::min(span.start, *start);
                span.end = std::max(span.end, *end);
                here.push_back(known->second);
                fresh.push_back(0);
                continue;
            }
            if (value == "*" || value.empty()) return problem(row.line, "a span without a label: " + shown(entry));
            SpanIn span;
            span.start = *start;
            span.end = *end;
            span.line = row.line;
            span.label = unescapeValue(value);
            if (id) m_byDisambiguation[id] = m_spans.size();
            here.push_back(m_spans.size());
            fresh.push_back(1);
            m_spans.push_back(std::move(span));
        }
        // The other features of the new spans, entry by entry (a span's later rows repeat them).
        auto features = [&](std::size_t column, const std::string& feature, auto&& set) {
            std::vector<std::string_view>& values = m_entries;
            values.clear();
            forEachStacked(m_cells[column], [&](std::string_view e) { values.push_back(e); });
            if (values.size() != here.size()) {
                problem(row.line, "feature " + shown(feature) + " has " + std::to_string(values.size()) +
                                      " stacked value(s), the label " + std::to_string(here.size()));
                return;
            }
            for (std::size_t k = 0; k < here.size(); ++k) {
                std::string_view value;
                std::size_t id = 0;
                if (!fresh[k] || !splitDisambiguation(values[k], value, id) || value == "*") continue;
                set(m_spans[here[k]], unescapeValue(value));
            }
        };
        if (std::find(fresh.begin(), fresh.end(), 1) != fresh.end()) {
            if (m_idColumn) features(*m_idColumn, std::string(kIdFeature), [](SpanIn& s, std::string v) { s.id = v; });
            if (m_noteColumn)
                features(*m_noteColumn, std::string(kNoteFeature), [](SpanIn& s, std::string v) { s.note = v; });
            for (const auto& column : m_attributeColumns) {
                const std::string& name = column.second;
                features(column.first, name, [&](SpanIn& s, std::string v) {
                    s.attributes.push_back({name, std::move(v)});
                });
            }
        }
        if (mayGovern(row.key)) {  // only the units relations name are kept
            auto governed = m_onUnit.find(row.key);
            if (governed != m_onUnit.end()) governed->second.insert(governed->second.end(), here.begin(), here.end());
        }
        readRelations(row, here);
    }

    // --- [SECTION] Relations --------------------------------------------------------------

    // The units relations name as their governor: their spans are recorded while reading.
    void noteGovernorUnits() {
        if (!m_relationBase) return;
        const bool last = *m_relationBase + 1 == m_tsv.columns;
        for (const TsvRow& row : m_tsv.rows) {
            std::string_view bases;
            if (last) {
                bases = row.cells.substr(row.cells.rfind('\t') + 1);  // npos + 1 == 0: the one cell
            } else {
                splitCells(row, m_cells);
                bases = m_cells[*m_relationBase];
            }
            if (bases == "_") continue;
            forEachStacked(bases, [&](std::string_view ref) {
                std::uint64_t key = 0;
                if (!parseUnitId(ref.substr(0, ref.find('[')), key)) return;
                m_onUnit[key];
                const std::size_t bit = governorBit(key);
                m_governorBits[bit / 64] |= std::uint64_t(1) << (bit % 64);
            });
        }
    }

    void readRelations(const TsvRow& row, const std::vector<std::size_t>& here) {
        if (!m_relationBase) return;
        const std::string_view bases = m_cells[*m_relationBase];
        if (bases == "_") return;
        std::vector<std::string_view> types, refs;
        if (m_relationLabel) forEachStacked(m_cells[*m_relationLabel], [&](std::string_view e) { types.push_back(e); });
        forEachStacked(bases, [&](std::string_view e) { refs.push_back(e); });
        if (m_relationLabel && types.size() != refs.size())
            return problem(row.line, "the relation column has " + std::to_string(types.size()) +
                                         " stacked type(s) and " + std::to_string(refs.size()) + " base(s)");
        for (std::size_t k = 0; k < refs.size(); ++k) {
            RelationIn r{row.line, "related", refs[k], 0, 0, here};
            if (m_relationLabel && types[k] != "*") r.type = unescapeValue(types[k]);
            const std::size_t open = refs[k].find('[');
            if (open != std::string_view::npos) {
                r.governorUnit = refs[k].substr(0, open);
                const std::string_view ids = refs[k].substr(open + 1);
                const std::size_t bar = ids.find('_');
                auto number = [](std::string_view s, std::size_t& n) {
                    n = 0;
                    if (s.empty() || s.size() > 9) return false;
                    for (char c : s)
                        if (c < '0' || c > '9') return false;
                        else n = n * 10 + std::size_t(c - '0');
                    return true;
                };
                if (ids.empty() || ids.back() != ']' || bar == std::string_view::npos ||
                    !number(ids.substr(0, bar), r.governorId) ||
                    !number(ids.substr(bar + 1, ids.size() - bar - 2), r.dependentId)) {
                    problem(row.line, "bad relation base " + shown(refs[k]) + " (expected 1-2 or 1-2[3_4])");
                    continue;
                }
            }
            m_relations.push_back(std::move(r));
        }
    }

    // The span a relation end names: by disambiguation id, else the only span on the unit.
    std::optional<std::size_t> endSpan(std::size_t line, std::size_t id, const std::vector<std::size_t>& onUnit,
                                       const std::string& which) {
        if (id) {
            auto it = m_byDisambiguation.find(id);
            if (it != m_byDisambiguation.end()) return it->second;
            problem(line, "the relation's " + which + " [" + std::to_string(id) + "] names no span");
            return std::nullopt;
        }
        if (onUnit.size() == 1) return onUnit.front();
        problem(line, onUnit.empty() ? "the relation's " + which + " has no span on its row"
                                     : "the relation's " + which + " is ambiguous (" + std::to_string(onUnit.size()) +
                                           " spans on its row and no disambiguation id)");
        return std::nullopt;
    }

    void addRelations() {
        static const std::vector<std::size_t> kNone;
        for (const RelationIn& r : m_relations) {
            std::uint64_t key = 0;
            auto unit = parseUnitId(r.governorUnit, key) ? m_onUnit.find(key) : m_onUnit.end();
            const auto governor = endSpan(r.line, r.governorId, unit == m_onUnit.end() ? kNone : unit->second,
                                          "governor (" + std::string(r.governorUnit) + ")");
            const auto dependent = endSpan(r.line, r.dependentId, r.dependents, "dependent");
            if (!governor || !dependent) continue;
            const SpanIn& from = m_spans[*governor];
            const SpanIn& to = m_spans[*dependent];
            if (from.addedId.empty() || to.addedId.empty()) {
                problem(r.line, "relation left out: a span it links was left out");
                continue;
            }
            m_builder.ensureRelation(r.type, from.label, to.label);
            std::string error;
            if (m_builder.addRelation(r.type, from.addedId, to.addedId, error).empty()) problem(r.line, error);
        }
    }

    // --- [SECTION] Annotations ------------------------------------------------------------

    // The cell as the attribute's value: as the schema has the attribute, else by its look
    // (true/false, an integer, else text).
    nlohmann::json attributeValue(const std::string& label, const std::string& name, const std::string& text) {
        const LabelDef* def = m_builder.set().schema.findLabel(label);
        if (def && def->findAttribute(name)) return text;
        if (text == "true" || text == "false") return text == "true";
        std::size_t digits = text.size() > 1 && text[0] == '-' ? 1 : 0;
        const bool integer =
            text.size() > digits && text.size() < 18 &&
            std::all_of(text.begin() + std::ptrdiff_t(digits), text.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (integer) return std::stoll(text);
        return text;
    }

    void addAnnotations() {
        // Spans sharing a claimmark id are one annotation's fragments, in the order first seen.
        std::vector<std::vector<std::size_t>> groups;
        std::map<std::string, std::size_t> groupOf;
        for (std::size_t s = 0; s < m_spans.size(); ++s) {
            if (m_spans[s].id.empty()) {
                groups.push_back({s});
                continue;
            }
            auto [it, added] = groupOf.emplace(m_spans[s].id, groups.size());
            if (added) groups.emplace_back();
            groups[it->second].push_back(s);
        }
        for (const std::vector<std::size_t>& group : groups) {
            const SpanIn& first = m_spans[group.front()];
            std::vector<Span> spans;
            bool sameLabel = true;
            for (std::size_t s : group) {
                spans.push_back({m_spans[s].start, m_spans[s].end});
                sameLabel = sameLabel && m_spans[s].label == first.label;
            }
            if (!sameLabel) {
                problem(first.line, "the spans of annotation " + shown(first.id) + " have different labels");
                continue;
            }
            std::sort(spans.begin(), spans.end(), [](const Span& x, const Span& y) { return x.start < y.start; });
            std::string error = m_builder.checkSpans(spans, nullptr);
            Attributes attributes;
            if (error.empty()) {
                m_builder.ensureLabel(first.label);
                for (const auto& [name, text] : first.attributes) {
                    AttributeValue converted;
                    const std::string bad = m_builder.ensureAttribute(
                        first.label, name, attributeValue(first.label, name, text), converted);
                    if (!bad.empty()) problem(first.line, "feature " + shown(name) + ": " + bad);
                    else attributes[name] = std::move(converted);
                }
                const std::string added =
                    m_builder.addAnnotation(first.label, spans, std::move(attributes), first.note, error, first.id);
                for (std::size_t s : group) m_spans[s].addedId = added;
            }
            if (!error.empty()) problem(first.line, error);
        }
    }
};

// --- [SECTION] Entry point ----------------------------------------------------------------

// The file's bytes, or nothing with the reason added to `problems`.
std::optional<std::string> bytesOf(const fs::path& path, Diagnostics& problems) {
    Result<std::string> bytes = readFileBytes(path);
    if (bytes) return std::move(*bytes);
    problems.insert(problems.end(), bytes.errors().begin(), bytes.errors().end());
    return std::nullopt;
}

void readOneFile(const fs::path& input, const ImportOptions& options, std::set<std::string>& stems,
                 ImportOutput& output, Diagnostics& problems) {
    const std::string file = input.string();
    const std::optional<std::string> content = bytesOf(input, problems);
    TsvFile tsv;
    if (!content || !readTsv(*content, file, tsv, problems)) return;

    // The article: --article, <stem>.txt beside, or rebuilt from #Text=.
    std::error_code ec;
    fs::path articlePath = options.article ? *options.article : fs::path(input).replace_extension(".txt");
    std::optional<std::string> text;
    bool given = options.article || fs::is_regular_file(articlePath, ec);
    if (given) {
        text = bytesOf(articlePath, problems);
        if (!text) return;
    } else {
        articlePath.clear();
        text = rebuildText(tsv, file, problems);
        if (!text) return;
        output.notices.push_back(file + ": no article beside it (" + input.stem().string() +
                                 ".txt) and no --article: the text is rebuilt from the #Text= lines (spaces "
                                 "between sentences)");
    }
    Result<ImportBuilder> builder =
        ImportBuilder::create(std::move(*text), uniqueStem(input.stem().string(), stems), file, options);
    if (!builder) {
        for (Diagnostic d : builder.errors()) {
            if (given) d.file = articlePath.string();
            problems.push_back(std::move(d));
        }
        return;
    }
    FileImport(tsv, *builder, file, problems, output.notices).run(given);
    appendUnique(output.notices, builder->notices());
    ImportedDocument imported = std::move(*builder).finish();
    if (given) imported.articlePath = articlePath;
    output.documents.push_back(std::move(imported));
}

void readInput(const fs::path& input, const ImportOptions& options, std::set<std::string>& stems, ImportOutput& output,
               Diagnostics& problems) {
    std::error_code ec;
    if (!fs::is_directory(input, ec)) return readOneFile(input, options, stems, output, problems);
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(input, ec))
        if (entry.path().extension() == ".tsv" && !entry.is_directory()) found.push_back(entry.path());
    if (ec) return problems.push_back({input.string(), "", "cannot list the folder: " + ec.message()});
    if (found.empty()) return problems.push_back({input.string(), "", "the folder holds no .tsv file"});
    std::sort(found.begin(), found.end());
    for (const fs::path& path : found) readOneFile(path, options, stems, output, problems);
}

}  // namespace

Result<ImportOutput> importWebannoTsv(const std::vector<fs::path>& inputs, const ImportOptions& options) {
    return importEachFile(inputs, options, readInput);
}

}  // namespace claimmark
