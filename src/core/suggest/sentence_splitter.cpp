// sentence_splitter.cpp — see sentence_splitter.h.
#include "core/suggest/sentence_splitter.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace claimmark {
namespace {

// Lower-case words that a period follows without ending the sentence.
constexpr std::array<std::string_view, 46> kAbbreviations = {
    "e.g", "i.e", "eg",  "ie",   "vs",  "v",    "dr",   "mr",     "mrs", "ms",  "prof", "st",
    "sr",  "jr",  "fig", "figs", "no",  "nos",  "al",   "approx", "ca",  "cf",  "eq",   "vol",
    "pp",  "p",   "inc", "ltd",  "co",  "corp", "dept", "univ",   "u.s", "u.k", "e.u",  "ph.d",
    "mt",  "gen", "gov", "sen",  "rep", "ave",  "min",  "max",    "est", "viz"};

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// A closing quote or bracket at `i`; its length in bytes, or 0.
std::size_t closingAt(std::string_view s, std::size_t i) {
    const char c = s[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
    if (s.compare(i, 3, "\xE2\x80\x99") == 0 || s.compare(i, 3, "\xE2\x80\x9D") == 0) return 3;  // ’ ”
    return 0;
}

// The lower-case word (letters and dots) that ends right before the period at `dot`.
std::string wordBefore(std::string_view s, std::size_t dot) {
    std::size_t b = dot;
    while (b > 0 && (std::isalpha(static_cast<unsigned char>(s[b - 1])) || s[b - 1] == '.')) --b;
    std::string w(s.substr(b, dot - b));
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return w;
}

bool startsListItem(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && isSpace(line[i])) ++i;
    if (i >= line.size()) return false;
    if ((line[i] == '-' || line[i] == '*' || line[i] == '+') && i + 1 < line.size() && line[i + 1] == ' ') return true;
    if (line.compare(i, 3, "\xE2\x80\xA2") == 0) return true;  // •
    std::size_t j = i;
    while (j < line.size() && std::isdigit(static_cast<unsigned char>(line[j]))) ++j;
    return j > i && j < line.size() && (line[j] == '.' || line[j] == ')') && j + 1 < line.size() && line[j + 1] == ' ';
}

class Splitter {
public:
    Splitter(std::string_view s, const ScannedWords& words) : m_s(s), m_words(words.words) {}

    std::vector<Sentence> run() {
        std::size_t lineStart = 0;
        while (lineStart <= m_s.size()) {
            std::size_t lineEnd = m_s.find('\n', lineStart);
            if (lineEnd == std::string_view::npos) lineEnd = m_s.size();
            const std::string_view line = m_s.substr(lineStart, lineEnd - lineStart);
            const bool blank = std::all_of(line.begin(), line.end(), isSpace);
            if (blank) {
                close(lineStart);
                if (m_paragraphHasText) ++m_paragraph, m_paragraphHasText = false;
            } else {
                if (startsListItem(line)) {
                    close(lineStart);
                    m_listItem = true;
                }
                scanLine(lineStart, lineEnd);
                m_paragraphHasText = true;
                // Does the sentence go on past the line end?
                const std::size_t next = lineEnd + 1;
                bool goesOn = false;
                if (next < m_s.size() && m_open) {
                    std::size_t k = next;
                    while (k < m_s.size() && isSpace(m_s[k])) ++k;
                    const std::size_t nextEnd = m_s.find('\n', next);
                    const std::string_view nextLine =
                        m_s.substr(next, (nextEnd == std::string_view::npos ? m_s.size() : nextEnd) - next);
                    goesOn = k < m_s.size() && std::islower(static_cast<unsigned char>(m_s[k])) &&
                             !startsListItem(nextLine) && m_lastTerminal == 0;
                }
                if (!goesOn) close(lineEnd);
            }
            if (lineEnd >= m_s.size()) break;
            lineStart = lineEnd + 1;
        }
        close(m_s.size());
        return std::move(m_out);
    }

private:
    std::string_view m_s;
    const std::vector<Word>& m_words;
    std::vector<Sentence> m_out;
    std::size_t m_start = 0;  // byte where the open sentence starts
    bool m_open = false;
    std::size_t m_lastInk = 0;  // byte after the open sentence's last non-space character
    char m_lastTerminal = 0;
    bool m_listItem = false;
    std::size_t m_paragraph = 0;
    bool m_paragraphHasText = false;
    std::size_t m_wordCursor = 0;

    void ink(std::size_t from, std::size_t to) {
        if (!m_open) {
            m_open = true;
            m_start = from;
        }
        m_lastInk = to;
    }

    void scanLine(std::size_t begin, std::size_t end) {
        std::size_t i = begin;
        while (i < end) {
            const char c = m_s[i];
            if (isSpace(c)) {
                ++i;
                continue;
            }
            if (c == '.' || c == '!' || c == '?') {
                std::size_t j = i + 1;
                while (j < end && (m_s[j] == '.' || m_s[j] == '!' || m_s[j] == '?')) ++j;
                while (j < end) {
                    const std::size_t n = closingAt(m_s, j);
                    if (!n) break;
                    j += n;
                }
                ink(i, j);
                m_lastTerminal = m_s[j - 1] == '?' || m_s[i] == '?' ? '?' : m_s[i] == '!' ? '!' : '.';
                if (j < end && !isSpace(m_s[j])) {  // "2.5", "e.g.x", "U.S.": inside a word
                    m_lastTerminal = 0;
                    i = j;
                    continue;
                }
                if (endsHere(i, j, end)) close(j);
                i = j;
                continue;
            }
            // Any other character.
            const unsigned char u = static_cast<unsigned char>(c);
            const std::size_t len = u < 0x80 ? 1 : u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : 2;
            ink(i, std::min(end, i + len));
            m_lastTerminal = (c == ':' || c == ';') ? c : (closingAt(m_s, i) ? m_lastTerminal : 0);
            i += len;
        }
    }

    // A terminal at [dot, after) inside a line ending at `end`: does the sentence end?
    bool endsHere(std::size_t dot, std::size_t after, std::size_t end) const {
        std::size_t k = after;
        while (k < end && isSpace(m_s[k])) ++k;
        if (k >= end) return false;  // the line end decides
        const unsigned char next = static_cast<unsigned char>(m_s[k]);
        if (std::islower(next)) return false;
        if (m_s[dot] != '.' || after - dot > 1) return true;  // "!", "?", "..."
        const std::string before = wordBefore(m_s, dot);
        if (before.empty()) return true;
        if (std::find(kAbbreviations.begin(), kAbbreviations.end(), before) != kAbbreviations.end()) return false;
        // An initial ("J. Smith") or a run of initials ("U.S.A."), but not a lone "I" or "A".
        if (before.size() == 1 && std::isupper(static_cast<unsigned char>(m_s[dot - 1])) && m_s[dot - 1] != 'I' &&
            m_s[dot - 1] != 'A')
            return false;
        return true;
    }

    void close(std::size_t) {
        if (!m_open) return;
        Sentence s;
        s.byteStart = m_start;
        s.byteEnd = m_lastInk;
        s.paragraph = m_paragraph;
        s.listItem = m_listItem;
        s.terminal = m_lastTerminal == '.' || m_lastTerminal == '!' || m_lastTerminal == '?' || m_lastTerminal == ':' ||
                             m_lastTerminal == ';'
                         ? m_lastTerminal
                         : 0;
        while (m_wordCursor < m_words.size() && m_words[m_wordCursor].byteStart < s.byteStart) ++m_wordCursor;
        s.firstWord = m_wordCursor;
        while (m_wordCursor < m_words.size() && m_words[m_wordCursor].byteEnd <= s.byteEnd) ++m_wordCursor;
        s.endWord = m_wordCursor;
        for (std::size_t w = s.firstWord; w < s.endWord; ++w) s.capitalisedWords += m_words[w].capitalised;
        m_out.push_back(s);
        m_open = false;
        m_listItem = false;
        m_lastTerminal = 0;
    }
};

}  // namespace

std::vector<Sentence> splitSentences(std::string_view utf8, const ScannedWords& words) {
    std::vector<Sentence> sentences = Splitter(utf8, words).run();
    // Code points: count from one sentence to the next (one pass over the text).
    std::size_t byte = 0, cp = 0;
    auto advance = [&](std::size_t to) {
        for (; byte < to; ++byte)
            if ((static_cast<unsigned char>(utf8[byte]) & 0xC0) != 0x80) ++cp;
    };
    for (Sentence& s : sentences) {
        advance(s.byteStart);
        s.cpStart = cp;
        advance(s.byteEnd);
        s.cpEnd = cp;
    }
    return sentences;
}

}  // namespace claimmark
