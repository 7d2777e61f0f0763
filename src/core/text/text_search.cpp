// text_search.cpp — find all occurrences of a query (text_search.h).
//
// [SECTION] Folding      case folding tables by range, quote unification
// [SECTION] Words        whole-word checks at a match's ends
// [SECTION] Search       KMP over folded code points, one pass
// [SECTION] Lookup       binary searches over the sorted matches
#include "core/text/text_search.h"

#include "core/text/utf8.h"

#include <algorithm>

namespace claimmark {

// ---------------------------------------------------------------------------------------
// [SECTION] Folding
// ---------------------------------------------------------------------------------------

namespace {

// In blocks where capitals and small letters alternate, the capital is at the even (or,
// in a few runs, the odd) code point and its small letter right after it.
constexpr char32_t foldPair(char32_t cp, bool upperIsEven) {
    const bool even = (cp & 1) == 0;
    return even == upperIsEven ? cp + 1 : cp;
}

}  // namespace

char32_t simpleCaseFold(char32_t cp) {
    if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 0x20 : cp;
    if (cp < 0x100) {
        if (cp == 0xB5) return 0x3BC;  // micro sign -> Greek mu
        if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
        return cp;  // ß folds to "ss" only in full folding
    }
    if (cp < 0x180) {                                                             // Latin Extended-A
        if (cp == 0x130 || cp == 0x131 || cp == 0x138 || cp == 0x149) return cp;  // no simple folding
        if (cp == 0x178) return 0xFF;
        if (cp == 0x17F) return 's';
        if (cp <= 0x137 || (cp >= 0x14A && cp <= 0x177)) return foldPair(cp, true);
        if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return foldPair(cp, false);
        return cp;
    }
    if (cp >= 0x345 && cp < 0x400) {  // Greek
        switch (cp) {
            case 0x345: return 0x3B9;  // combining ypogegrammeni -> iota
            case 0x376: return 0x377;
            case 0x37F: return 0x3F3;
            case 0x386: return 0x3AC;
            case 0x38C: return 0x3CC;
            case 0x38E: return 0x3CD;
            case 0x38F: return 0x3CE;
            case 0x3C2: return 0x3C3;  // final sigma
            case 0x3CF: return 0x3D7;
            case 0x3D0: return 0x3B2;
            case 0x3D1: return 0x3B8;
            case 0x3D5: return 0x3C6;
            case 0x3D6: return 0x3C0;
            case 0x3F0: return 0x3BA;
            case 0x3F1: return 0x3C1;
            case 0x3F4: return 0x3B8;
            case 0x3F5: return 0x3B5;
            case 0x3F7: return 0x3F8;
            case 0x3F9: return 0x3F2;
            case 0x3FA: return 0x3FB;
            default: break;
        }
        if (cp >= 0x370 && cp <= 0x373) return foldPair(cp, true);
        if (cp >= 0x388 && cp <= 0x38A) return cp + 0x25;
        if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 0x20;
        if (cp >= 0x3D8 && cp <= 0x3EF) return foldPair(cp, true);
        if (cp >= 0x3FD && cp <= 0x3FF) return cp - 0x82;  // Ͻ Ͼ Ͽ -> ͻ ͼ ͽ
        return cp;
    }
    if (cp >= 0x400 && cp < 0x500) {  // Cyrillic
        if (cp <= 0x40F) return cp + 0x50;
        if (cp <= 0x42F) return cp + 0x20;
        if (cp < 0x460) return cp;
        if (cp <= 0x481 || (cp >= 0x48A && cp <= 0x4BF) || cp >= 0x4D0) return foldPair(cp, true);
        if (cp == 0x4C0) return 0x4CF;
        if (cp >= 0x4C1 && cp <= 0x4CE) return foldPair(cp, false);
        return cp;
    }
    return cp;
}

char32_t searchFold(char32_t cp, bool matchCase) {
    if (cp < 0x80) return matchCase ? cp : simpleCaseFold(cp);
    switch (cp) {
        case 0x2018:
        case 0x2019:
        case 0x02BC: return '\'';
        case 0x201C:
        case 0x201D:
        case 0x201E: return '"';
        default: break;
    }
    return matchCase ? cp : simpleCaseFold(cp);
}

// ---------------------------------------------------------------------------------------
// [SECTION] Words
// ---------------------------------------------------------------------------------------

namespace {

bool isApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }

// True when the text continues a word across the boundary before code point `at`, given
// the code points on each side (0 when outside the text). `outerLeft`/`outerRight` are one
// further out, for an apostrophe inside a word.
bool wordContinues(char32_t outerLeft, char32_t left, char32_t right, char32_t outerRight, bool checkLeftSide) {
    if (checkLeftSide) {
        // The match starts at `right`: does a word run into it from the left?
        if (left == 0) return false;
        if (utf8::isWordCharacter(left)) return true;
        return isApostrophe(left) && outerLeft != 0 && utf8::isWordCharacter(outerLeft);
    }
    // The match ends before `right`: does the word go on?
    if (right == 0) return false;
    if (utf8::isWordCharacter(right)) return true;
    return isApostrophe(right) && outerRight != 0 && utf8::isWordCharacter(outerRight);
}

char32_t codePointOr0(const Document& document, std::size_t cp, std::size_t offsetBack, std::size_t offsetForward) {
    if (cp < offsetBack) return 0;
    const std::size_t at = cp - offsetBack + offsetForward;
    return at < document.length() ? document.codePointAt(at) : 0;
}

bool isWholeWord(const Document& document, std::size_t start, std::size_t end, bool checkStart, bool checkEnd) {
    if (checkStart) {
        const char32_t left = codePointOr0(document, start, 1, 0);
        const char32_t outer = codePointOr0(document, start, 2, 0);
        if (wordContinues(outer, left, 0, 0, true)) return false;
    }
    if (checkEnd) {
        const char32_t right = codePointOr0(document, end, 0, 0);
        const char32_t outer = codePointOr0(document, end, 0, 1);
        if (wordContinues(0, 0, right, outer, false)) return false;
    }
    return true;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] Search
// ---------------------------------------------------------------------------------------

bool findAll(const Document& document, std::string_view query, const FindOptions& options, std::vector<Span>& out) {
    out.clear();
    if (query.empty() || options.maxMatches == 0 || utf8::findInvalid(query)) return false;

    // The folded pattern and its KMP failure table (two allocations per search).
    std::vector<char32_t> pattern;
    pattern.reserve(query.size());
    for (std::size_t pos = 0; pos < query.size();)
        pattern.push_back(searchFold(utf8::decode(query, pos), options.matchCase));
    const std::size_t m = pattern.size();
    std::vector<std::size_t> fail(m, 0);
    for (std::size_t i = 1, k = 0; i < m; ++i) {
        while (k > 0 && pattern[i] != pattern[k]) k = fail[k - 1];
        if (pattern[i] == pattern[k]) ++k;
        fail[i] = k;
    }

    // Whole words: only the ends of the query that are themselves word characters.
    std::size_t firstQueryPos = 0;
    const char32_t firstRaw = utf8::decode(query, firstQueryPos);
    char32_t lastRaw = 0;
    for (std::size_t pos = query.size(); pos > 0;) {
        --pos;
        if (!utf8::isContinuation(static_cast<unsigned char>(query[pos]))) {
            std::size_t p = pos;
            lastRaw = utf8::decode(query, p);
            break;
        }
    }
    const bool checkStart = options.wholeWord && utf8::isWordCharacter(firstRaw);
    const bool checkEnd = options.wholeWord && utf8::isWordCharacter(lastRaw);

    const std::string_view text = document.bytes();
    const bool matchCase = options.matchCase;
    char32_t asciiFold[128];  // most of most articles: a table instead of the range tests
    for (char32_t c = 0; c < 128; ++c) asciiFold[c] = searchFold(c, matchCase);
    std::size_t k = 0;   // pattern code points matched so far
    std::size_t cp = 0;  // code point index of the one being read
    for (std::size_t pos = 0; pos < text.size(); ++cp) {
        const unsigned char lead = static_cast<unsigned char>(text[pos]);
        char32_t c;
        if (lead < 0x80) {
            c = asciiFold[lead];
            ++pos;
        } else {
            c = searchFold(utf8::decode(text, pos), matchCase);
        }
        while (k > 0 && pattern[k] != c) k = fail[k - 1];
        if (pattern[k] == c) ++k;
        if (k < m) continue;

        const std::size_t end = cp + 1;
        const std::size_t start = end - m;
        if ((checkStart || checkEnd) && !isWholeWord(document, start, end, checkStart, checkEnd)) {
            k = fail[m - 1];  // a later, overlapping candidate may still be a whole word
            continue;
        }
        out.push_back({start, end});
        if (out.size() >= options.maxMatches) return true;
        k = 0;  // matches do not overlap
    }
    return false;
}

FindResult findAll(const Document& document, std::string_view query, const FindOptions& options) {
    FindResult result;
    result.capped = findAll(document, query, options, result.matches);
    return result;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Lookup
// ---------------------------------------------------------------------------------------

std::size_t firstMatchStartingAtOrAfter(const std::vector<Span>& matches, std::size_t cp) {
    auto it = std::partition_point(matches.begin(), matches.end(), [cp](const Span& s) { return s.start < cp; });
    return static_cast<std::size_t>(it - matches.begin());
}

std::size_t firstMatchEndingAfter(const std::vector<Span>& matches, std::size_t cp) {
    // Matches do not overlap, so their ends are sorted too.
    auto it = std::partition_point(matches.begin(), matches.end(), [cp](const Span& s) { return s.end <= cp; });
    return static_cast<std::size_t>(it - matches.begin());
}

}  // namespace claimmark
