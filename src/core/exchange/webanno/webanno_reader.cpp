// webanno_reader.cpp — see webanno_reader.h.
#include "core/exchange/webanno/webanno_reader.h"

#include "core/exchange/webanno/webanno_format.h"

#include <algorithm>
#include <charconv>

namespace claimmark::webanno {

namespace {

bool parseNumber(std::string_view text, std::size_t& value) {
    if (text.empty() || text.size() > 10) return false;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

// "a-b" -> a, b.
bool parsePair(std::string_view text, std::size_t& a, std::size_t& b) {
    const std::size_t dash = text.find('-');
    return dash != std::string_view::npos && parseNumber(text.substr(0, dash), a) &&
           parseNumber(text.substr(dash + 1), b);
}

void splitTabs(std::string_view line, std::vector<std::string_view>& out) {
    out.clear();
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i)
        if (i == line.size() || line[i] == '\t') {
            out.push_back(line.substr(start, i - start));
            start = i + 1;
        }
}

class Reader {
public:
    Reader(const std::string& file, TsvFile& out, Diagnostics& problems)
        : m_file(file), m_out(out), m_problems(problems) {}

    bool read(std::string_view content) {
        std::size_t lineNumber = 0;
        bool inHeader = true, sawFormat = false, inText = false;
        for (std::size_t pos = 0; pos <= content.size();) {
            std::size_t lf = content.find('\n', pos);
            if (lf == std::string_view::npos) lf = content.size();
            std::string_view line = content.substr(pos, lf - pos);
            const bool last = lf == content.size();
            pos = lf + 1;
            ++lineNumber;
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // saved with CRLF
            if (last && line.empty()) break;
            if (!sawFormat) {
                if (!readFormat(line, lineNumber)) return false;
                sawFormat = true;
                continue;
            }
            if (inHeader) {
                if (line.empty()) {
                    inHeader = false;
                    continue;
                }
                if (!readLayer(line, lineNumber)) return false;
                continue;
            }
            if (line.empty()) {
                inText = false;
                continue;
            }
            if (line.substr(0, kTextPrefix.size()) == kTextPrefix) {
                const std::string text = unescapeText(line.substr(kTextPrefix.size()));
                if (inText && m_out.sentences.back().firstRow == m_out.rows.size()) {
                    m_out.sentences.back().text += '\n';
                    m_out.sentences.back().text += text;
                } else {
                    closeSentence();
                    m_out.sentences.push_back(TsvSentence{lineNumber, text, m_out.rows.size(), m_out.rows.size()});
                }
                inText = true;
                continue;
            }
            if (line.substr(0, kSentenceIdPrefix.size()) == kSentenceIdPrefix) continue;  // optional, 3.3
            if (line.front() == '#') {
                problem(lineNumber, "unexpected line " + shown(line) +
                                        " (after the header only #Text=, #Sentence.id= and token rows)");
                continue;
            }
            readRow(line, lineNumber);
        }
        if (!sawFormat) {
            problem(1, "the file is empty (expected \"" + std::string(kFormatLine) + "\")");
            return false;
        }
        closeSentence();
        return true;
    }

private:
    const std::string& m_file;
    TsvFile& m_out;
    Diagnostics& m_problems;

    void problem(std::size_t line, const std::string& message) {
        m_problems.push_back({m_file, "line " + std::to_string(line), message});
    }

    void closeSentence() {
        if (!m_out.sentences.empty()) m_out.sentences.back().endRow = m_out.rows.size();
    }

    bool readFormat(std::string_view line, std::size_t lineNumber) {
        static constexpr std::string_view kName = "WebAnno TSV ";
        if (line.substr(0, kFormatPrefix.size()) == kFormatPrefix) {
            const std::string_view rest = line.substr(kFormatPrefix.size());
            if (rest.substr(0, kName.size()) == kName) {
                const std::string_view version = rest.substr(kName.size());
                if (version == "3.2" || version == "3.3") {
                    m_out.version = std::string(version);
                    return true;
                }
                problem(lineNumber, "WebAnno TSV " + std::string(version) +
                                        " is not read (expected 3.3 or 3.2; re-export from INCEpTION as "
                                        "\"WebAnno TSV v3.3\")");
                return false;
            }
        }
        problem(lineNumber, "expected \"" + std::string(kFormatLine) + "\" on the first line, found " + shown(line));
        return false;
    }

    bool readLayer(std::string_view line, std::size_t lineNumber) {
        Layer layer;
        layer.line = lineNumber;
        std::string_view rest;
        if (line.substr(0, kSpanLayerPrefix.size()) == kSpanLayerPrefix) layer.kind = LayerKind::Span;
        else if (line.substr(0, kChainLayerPrefix.size()) == kChainLayerPrefix) layer.kind = LayerKind::Chain;
        else if (line.substr(0, kRelationLayerPrefix.size()) == kRelationLayerPrefix) layer.kind = LayerKind::Relation;
        else {
            problem(lineNumber,
                    "expected a layer declaration (#T_SP=, #T_CH= or #T_RL=) or the empty line that ends "
                    "the header, found " +
                        shown(line));
            return false;
        }
        rest = line.substr(kSpanLayerPrefix.size());  // the three prefixes have the same length
        std::size_t bar = rest.find('|');
        layer.name = std::string(rest.substr(0, bar));
        if (layer.name.empty()) {
            problem(lineNumber, "a layer declaration without a layer name");
            return false;
        }
        while (bar != std::string_view::npos) {
            rest.remove_prefix(bar + 1);
            bar = rest.find('|');
            layer.features.push_back(std::string(rest.substr(0, bar)));
        }
        if (layer.kind == LayerKind::Relation &&
            (layer.features.empty() || layer.features.back().substr(0, kBaseTypePrefix.size()) != kBaseTypePrefix)) {
            problem(lineNumber, "relation layer " + shown(layer.name) + " has no BT_ (base type) column at the end");
            return false;
        }
        layer.firstColumn = m_out.columns;
        m_out.columns += layer.features.size();
        m_out.layers.push_back(std::move(layer));
        return true;
    }

    void readRow(std::string_view line, std::size_t lineNumber) {
        if (m_out.sentences.empty()) return problem(lineNumber, "a token row before the first #Text= line");
        // The id, offsets and token are fields of their own; the cells are counted, not split
        // (the importer splits them once).
        std::string_view fields[3];
        std::size_t at = 0;
        for (std::string_view& field : fields) {
            const std::size_t tab = at <= line.size() ? line.find('\t', at) : std::string_view::npos;
            field = at <= line.size() ? line.substr(at, tab - at) : std::string_view();
            at = tab == std::string_view::npos ? line.size() + 1 : tab + 1;
        }
        std::string_view cells = at <= line.size() ? line.substr(at) : std::string_view();
        std::size_t found = std::size_t(std::count(line.begin(), line.end(), '\t')) + 1;  // fewer than 3
        if (at <= line.size()) {
            std::size_t n =
                m_out.columns > 0 || !cells.empty() ? std::size_t(std::count(cells.begin(), cells.end(), '\t')) + 1 : 0;
            if (n == m_out.columns + 1 && !cells.empty() && cells.back() == '\t') {
                cells.remove_suffix(1);  // INCEpTION's trailing tab
                --n;
            }
            found = 3 + n;
        }
        const std::size_t expected = 3 + m_out.columns;
        if (found != expected)
            return problem(lineNumber, "expected " + std::to_string(expected) + " tab-separated fields (id, offsets, " +
                                           "token and the header's " + std::to_string(m_out.columns) +
                                           " columns), found " + std::to_string(found));
        TsvRow row;
        row.line = std::uint32_t(lineNumber);
        row.id = fields[0];
        if (!parseUnitId(row.id, row.key))
            return problem(lineNumber, "bad row id " + shown(row.id) +
                                           " (expected <sentence>-<token> or <sentence>-<token>.<sub-token>, e.g. "
                                           "1-3 or 1-3.1)");
        const std::size_t sentence = std::size_t(row.key >> 40), token = std::size_t((row.key >> 16) & 0xFFFFFF);
        if (sentence != m_out.sentences.size())
            return problem(lineNumber, "row " + shown(row.id) + " is under sentence " +
                                           std::to_string(m_out.sentences.size()) + " (expected the id " +
                                           std::to_string(m_out.sentences.size()) + "-" + std::to_string(token) + ")");
        std::size_t begin = 0, end = 0;
        if (!parsePair(fields[1], begin, end) || begin > end || end > UINT32_MAX)
            return problem(lineNumber, "bad offsets " + shown(fields[1]) +
                                           " (expected <begin>-<end> in UTF-16 code units, begin <= end)");
        row.begin = std::uint32_t(begin);
        row.end = std::uint32_t(end);
        row.text = fields[2];
        row.cells = cells;
        m_out.rows.push_back(row);
    }
};

}  // namespace

void splitCells(const TsvRow& row, std::vector<std::string_view>& out) { splitTabs(row.cells, out); }

bool parseUnitId(std::string_view id, std::uint64_t& key) {
    std::size_t sentence = 0, token = 0, sub = 0;
    const std::size_t dot = id.find('.');
    if (!parsePair(id.substr(0, dot), sentence, token) || token == 0 || sentence == 0 ||
        (dot != std::string_view::npos && (!parseNumber(id.substr(dot + 1), sub) || sub == 0)))
        return false;
    if (sentence >= (std::size_t(1) << 24) || token >= (std::size_t(1) << 24) || sub >= (std::size_t(1) << 16))
        return false;
    key = (std::uint64_t(sentence) << 40) | (std::uint64_t(token) << 16) | std::uint64_t(sub);
    return true;
}

bool readTsv(std::string_view content, const std::string& file, TsvFile& out, Diagnostics& problems) {
    return Reader(file, out, problems).read(content);
}

}  // namespace claimmark::webanno
