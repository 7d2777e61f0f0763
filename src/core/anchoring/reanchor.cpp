// reanchor.cpp — placing annotations again when the article changed.
//
// [SECTION] Tuning            window sizes and limits, with the reasons for them
// [SECTION] Fragments         cutting the stored text into one quote per span
// [SECTION] Context           prefix/suffix agreement, candidate ranking, evidence rule
// [SECTION] Exact search      the expected position first, then a byte window, then all
// [SECTION] Fuzzy search      Sellers near the expected position; long quotes by head/tail
// [SECTION] One annotation    unchanged fast path, then exact, fuzzy, orphaned
// [SECTION] reanchor()        document order, expected-position tracking, applying
//
// Annotations are visited in old document order. The shift (new start - old start) of the
// last annotation placed predicts where the next one went, so after an edit near the top
// of a long article every later annotation is confirmed at its predicted position with one
// comparison instead of a search.
#include "core/anchoring/reanchor.h"

#include "core/model/covered_text.h"
#include "core/anchoring/fuzzy_match.h"
#include "core/text/utf8.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string_view>

namespace claimmark {

namespace {

// ---------------------------------------------------------------------------------------
// [SECTION] Tuning
// ---------------------------------------------------------------------------------------

// Exact search looks this far (bytes) either side of the expected position before the
// whole text: wide enough for a rewritten paragraph or two, small enough that confirming
// 100,000 annotations stays cheap.
constexpr std::size_t kExactWindowBytes = 16 * 1024;
// Fuzzy search window (code points) either side; the DP is only run near the old place.
constexpr std::size_t kFuzzyWindow = 4000;
// Longer quotes are not run through the DP whole: their first and last kAnchorLength code
// points are matched and the stretch between them checked for a plausible length.
constexpr std::size_t kMaxFuzzyPattern = 512;
constexpr std::size_t kAnchorLength = 64;
// The stretch between the anchors is verified by a banded edit distance up to this length;
// beyond it the anchors and the length alone decide (the banded DP grows as length^2/2).
constexpr std::size_t kMaxVerifiedLength = 4096;
// A short quote ("may") occurs everywhere; an occurrence is only taken for it when quote
// and agreeing context together reach this many code points (or the context agrees fully).
constexpr std::size_t kMinEvidence = 8;
// Needles at least this long are searched with Boyer-Moore-Horspool.
constexpr std::size_t kHorspoolMinBytes = 8;
// When nothing (or only an occurrence with poor context) is found inside the window, the
// whole text is searched — but only until this many bytes have been scanned that way in one
// call, so a set opened against an unrelated article cannot take annotations x text length.
constexpr std::size_t kWideSearchBudgetBytes = std::size_t(1) << 30;
// Likewise the fuzzy DP: at most this many window code points per call (about 12,000 full
// windows, a second or two). Past it, what exact search cannot place is orphaned.
constexpr std::size_t kFuzzyBudgetCodePoints = std::size_t(100) << 20;

// Work left for the expensive fallbacks in this call.
struct Budget {
    std::size_t wideBytes = kWideSearchBudgetBytes;
    std::size_t fuzzyCodePoints = kFuzzyBudgetCodePoints;
};

std::size_t absDiff(std::size_t a, std::size_t b) { return a > b ? a - b : b - a; }

std::size_t countLeads(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s) n += utf8::isContinuation(static_cast<unsigned char>(c)) ? 0 : 1;
    return n;
}

std::size_t clampedShift(std::size_t position, std::int64_t delta, std::size_t length) {
    const std::int64_t shifted = static_cast<std::int64_t>(position) + delta;
    if (shifted < 0) return 0;
    return std::min(static_cast<std::size_t>(shifted), length);
}

// ---------------------------------------------------------------------------------------
// [SECTION] Fragments
// ---------------------------------------------------------------------------------------

struct Fragment {
    std::string_view text;   // the stored quote of this span
    std::size_t length = 0;  // code points
    Span oldSpan;
};

// The stored text is the fragments joined by single spaces and each fragment is as long as
// its span, so the quotes can be cut out exactly. False when the text does not fit that
// shape (it was written by something that broke the rule).
bool cutFragments(const Annotation& a, std::vector<Fragment>& out) {
    out.clear();
    if (a.spans.empty()) return false;
    if (a.spans.size() == 1) {
        // One span: the text is the whole quote, even if its length disagrees with the span.
        out.push_back({a.text, utf8::countCodePoints(a.text), a.spans.front()});
        return true;
    }
    std::string_view rest = a.text;
    for (std::size_t i = 0; i < a.spans.size(); ++i) {
        if (i > 0) {
            if (rest.empty() || rest.front() != ' ') return false;
            rest.remove_prefix(1);
        }
        const std::size_t want = a.spans[i].length();
        std::size_t pos = 0, count = 0;
        while (count < want && pos < rest.size()) {
            pos += utf8::sequenceLength(static_cast<unsigned char>(rest[pos]));
            ++count;
        }
        if (count < want || pos > rest.size()) return false;
        out.push_back({rest.substr(0, pos), want, a.spans[i]});
        rest.remove_prefix(pos);
    }
    return rest.empty();
}

// ---------------------------------------------------------------------------------------
// [SECTION] Context
// ---------------------------------------------------------------------------------------

// Code points in the longest common ending of `stored` and `text` (whole code points only).
std::size_t commonTailCodePoints(std::string_view stored, std::string_view text) {
    const std::size_t limit = std::min(stored.size(), text.size());
    std::size_t n = 0;
    while (n < limit && stored[stored.size() - 1 - n] == text[text.size() - 1 - n]) ++n;
    std::string_view common = stored.substr(stored.size() - n);
    while (!common.empty() && utf8::isContinuation(static_cast<unsigned char>(common.front()))) common.remove_prefix(1);
    return countLeads(common);
}

// Code points in the longest common beginning of `stored` and `text` (whole code points).
std::size_t commonHeadCodePoints(std::string_view stored, std::string_view text) {
    const std::size_t limit = std::min(stored.size(), text.size());
    std::size_t n = 0;
    while (n < limit && stored[n] == text[n]) ++n;
    // A code point that matched only partly did not match.
    while (n > 0 && n < stored.size() && utf8::isContinuation(static_cast<unsigned char>(stored[n]))) --n;
    return countLeads(stored.substr(0, n));
}

// The context that applies to one fragment: the annotation's prefix belongs to its first
// fragment, its suffix to its last.
struct Context {
    std::string_view prefix, suffix;
    std::size_t prefixLength = 0, suffixLength = 0;  // code points
    std::size_t total() const { return prefixLength + suffixLength; }
};

// How many code points of context agree around the bytes [startByte, endByte).
std::size_t contextScore(const Document& doc, const Context& ctx, std::size_t startByte, std::size_t endByte) {
    const std::string_view bytes = doc.bytes();
    std::size_t score = 0;
    if (!ctx.prefix.empty()) {
        const std::size_t from = startByte - std::min(startByte, ctx.prefix.size());
        score += commonTailCodePoints(ctx.prefix, bytes.substr(from, startByte - from));
    }
    if (!ctx.suffix.empty() && endByte <= bytes.size())
        score += commonHeadCodePoints(ctx.suffix, bytes.substr(endByte, ctx.suffix.size()));
    return score;
}

// A match of `matched` quote code points with `score` code points of agreeing context is
// believable when the context agrees fully, when there is no context to consult, or when
// quote and context together are long enough not to be a chance occurrence of a word.
bool enoughEvidence(std::size_t matched, std::size_t score, const Context& ctx) {
    return ctx.total() == 0 || score >= ctx.total() || matched + score >= kMinEvidence;
}

char32_t firstCodePoint(std::string_view text) {
    std::size_t pos = 0;
    return utf8::decode(text, pos);
}

char32_t lastCodePoint(std::string_view text) {
    std::size_t pos = text.size();
    while (pos > 0 && utf8::isContinuation(static_cast<unsigned char>(text[pos - 1]))) --pos;
    if (pos > 0) --pos;
    return utf8::decode(text, pos);
}

struct Candidate {
    bool found = false;
    std::size_t start = 0, end = 0;  // code points in the new text
    std::size_t score = 0;           // agreeing context, code points
    std::size_t gap = 0;             // distance from the expected position
};

// More agreeing context wins, then nearness to the expected position, then the earlier.
bool better(const Candidate& a, const Candidate& b) {
    if (!b.found) return a.found;
    if (!a.found) return false;
    if (a.score != b.score) return a.score > b.score;
    if (a.gap != b.gap) return a.gap < b.gap;
    return a.start < b.start;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Exact search
// ---------------------------------------------------------------------------------------

Candidate exactSearch(const Document& doc, const Fragment& fragment, const Context& ctx, std::size_t expected,
                      std::size_t minStart, Budget& budget) {
    const std::string_view bytes = doc.bytes();
    const std::string_view needle = fragment.text;
    const std::size_t minByte = doc.byteFromCodePoint(minStart);
    const std::size_t expectedByte = doc.byteFromCodePoint(expected);

    // The common case after an edit elsewhere: the quote sits exactly where predicted with
    // all its context. Nothing can rank above that, so no search is needed.
    if (expected >= minStart && expectedByte + needle.size() <= bytes.size() &&
        bytes.compare(expectedByte, needle.size(), needle) == 0 &&
        contextScore(doc, ctx, expectedByte, expectedByte + needle.size()) >= ctx.total())
        return Candidate{true, expected, expected + fragment.length, ctx.total(), 0};

    // Horspool skips ahead by up to the needle's length, which pays off for all but the
    // shortest quotes (there memchr-based find() is faster).
    const bool useHorspool = needle.size() >= kHorspoolMinBytes;
    const std::boyer_moore_horspool_searcher horspool(needle.begin(), useHorspool ? needle.end() : needle.begin());
    // First occurrence within bytes [from, stop), or npos.
    const auto findIn = [&](std::size_t from, std::size_t stop) -> std::size_t {
        if (from >= stop || stop - from < needle.size()) return std::string_view::npos;
        if (!useHorspool) return bytes.substr(0, stop).find(needle, from);
        const auto first = bytes.begin() + static_cast<std::ptrdiff_t>(from);
        const auto last = bytes.begin() + static_cast<std::ptrdiff_t>(stop);
        const auto hit = horspool(first, last).first;
        return hit == last ? std::string_view::npos : static_cast<std::size_t>(hit - bytes.begin());
    };

    Candidate best;
    // Occurrences starting in [fromByte, lastStartByte]; the haystack is cut so that the
    // search never runs past the window.
    const auto scan = [&](std::size_t fromByte, std::size_t lastStartByte) {
        if (fromByte >= bytes.size()) return;
        const std::size_t stop =
            lastStartByte >= bytes.size() ? bytes.size() : std::min(bytes.size(), lastStartByte + needle.size());
        if (stop < fromByte + needle.size()) return;
        for (std::size_t pos = findIn(fromByte, stop); pos != std::string_view::npos; pos = findIn(pos + 1, stop)) {
            // A valid UTF-8 needle cannot match inside a sequence; checked anyway so a
            // malformed quote can never yield an offset inside a code point.
            if (utf8::isContinuation(static_cast<unsigned char>(bytes[pos]))) continue;
            Candidate c;
            c.found = true;
            c.start = doc.isAscii() ? pos : doc.codePointFromByte(pos);
            c.end = c.start + fragment.length;
            c.score = contextScore(doc, ctx, pos, pos + needle.size());
            c.gap = absDiff(c.start, expected);
            if (enoughEvidence(fragment.length, c.score, ctx) && better(c, best)) best = c;
        }
    };

    const std::size_t windowFrom = std::max(minByte, expectedByte - std::min(expectedByte, kExactWindowBytes));
    const std::size_t windowLast = expectedByte + kExactWindowBytes;
    scan(windowFrom, windowLast);
    if (windowFrom == minByte && windowLast >= bytes.size()) return best;  // it was all the text
    // Nothing nearby: the text may have moved far. Or only a weak match nearby, which may be
    // a chance occurrence while the real one moved far.
    const bool wider = !best.found || best.score * 2 < ctx.total();
    if (wider && budget.wideBytes >= bytes.size()) {
        budget.wideBytes -= bytes.size();
        scan(minByte, bytes.size());
    }
    return best;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Fuzzy search
// ---------------------------------------------------------------------------------------

// Best approximate occurrence of `pattern` starting within `radius` code points of
// `expected` (and not before `minStart`): lowest edit distance, then most agreeing
// context, then nearest.
Candidate approximateSearch(const Document& doc, std::u32string_view pattern, const Context& ctx, std::size_t expected,
                            std::size_t minStart, std::size_t radius, std::size_t maxDistance, Budget& budget) {
    const std::size_t m = pattern.size();
    const std::size_t from = std::max(minStart, expected - std::min(expected, radius));
    const std::size_t to = std::min(doc.length(), expected + m + radius);
    if (from >= to || to - from > budget.fuzzyCodePoints) return {};
    budget.fuzzyCodePoints -= to - from;
    const std::u32string window = fuzzy::decodeCodePoints(doc.slice(from, to));
    Candidate best;
    for (const fuzzy::Match& match : fuzzy::bestMatches(pattern, window, maxDistance)) {
        Candidate c;
        c.found = true;
        c.start = from + match.start;
        c.end = from + match.end;
        c.score = contextScore(doc, ctx, doc.byteFromCodePoint(c.start), doc.byteFromCodePoint(c.end));
        c.gap = absDiff(c.start, expected);
        const std::size_t matched = m > match.distance ? m - match.distance : 0;
        if (enoughEvidence(matched, c.score, ctx) && better(c, best)) best = c;
    }
    return best;
}

// A long quote: its head is placed near the expected start, its tail near where the head
// says the end should be, and the stretch between them must be about as long as the quote
// (and, when short enough to check, within the edit bound).
Candidate longFuzzySearch(const Document& doc, std::u32string_view pattern, const Context& ctx, std::size_t expected,
                          std::size_t minStart, Budget& budget) {
    const std::size_t m = pattern.size();
    const std::size_t bound = m / 4;
    const std::size_t anchorBound = kAnchorLength / 4;
    const Context headCtx{ctx.prefix, {}, ctx.prefixLength, 0};
    const Context tailCtx{{}, ctx.suffix, 0, ctx.suffixLength};

    const Candidate head = approximateSearch(doc, pattern.substr(0, kAnchorLength), headCtx, expected, minStart,
                                             kFuzzyWindow, anchorBound, budget);
    if (!head.found) return {};
    const std::size_t tailExpected = head.start + m - kAnchorLength;
    const Candidate tail = approximateSearch(doc, pattern.substr(m - kAnchorLength), tailCtx, tailExpected,
                                             std::max(head.end, minStart), bound + anchorBound, anchorBound, budget);
    if (!tail.found || tail.end <= head.start) return {};
    const std::size_t length = tail.end - head.start;
    if (absDiff(length, m) > bound) return {};
    if (m <= kMaxVerifiedLength) {
        const std::u32string found = fuzzy::decodeCodePoints(doc.slice(head.start, tail.end));
        if (fuzzy::boundedEditDistance(pattern, found, bound) > bound) return {};
    }
    return Candidate{true, head.start, tail.end, head.score + tail.score, head.gap};
}

// An edit distance match may start or end inside a word ("er the first" for "after the
// first"). When the quote itself began (ended) on a word boundary, widen the match to the
// whole word, as a reviewer selecting with word snapping would have.
void snapToWords(const Document& doc, std::u32string_view pattern, const Context& ctx, std::size_t minStart,
                 Candidate& c) {
    using utf8::isWordCharacter;
    const std::size_t limit = std::max<std::size_t>(3, pattern.size() / 4);
    const bool quoteStartsWord =
        isWordCharacter(pattern.front()) && (ctx.prefix.empty() || !isWordCharacter(lastCodePoint(ctx.prefix)));
    const bool quoteEndsWord =
        isWordCharacter(pattern.back()) && (ctx.suffix.empty() || !isWordCharacter(firstCodePoint(ctx.suffix)));
    if (quoteStartsWord) {
        std::size_t start = c.start;
        while (start > minStart && c.start - start < limit && isWordCharacter(doc.codePointAt(start - 1))) --start;
        if (start == minStart || !isWordCharacter(doc.codePointAt(start - 1))) c.start = start;
    }
    if (quoteEndsWord) {
        std::size_t end = c.end;
        while (end < doc.length() && end - c.end < limit && isWordCharacter(doc.codePointAt(end))) ++end;
        if (end == doc.length() || !isWordCharacter(doc.codePointAt(end))) c.end = end;
    }
}

Candidate fuzzySearch(const Document& doc, const Fragment& fragment, const Context& ctx, std::size_t expected,
                      std::size_t minStart, Budget& budget) {
    const std::u32string pattern = fuzzy::decodeCodePoints(fragment.text);
    if (pattern.empty()) return {};
    Candidate c;
    if (pattern.size() > kMaxFuzzyPattern) {
        c = longFuzzySearch(doc, pattern, ctx, expected, minStart, budget);
    } else {
        const std::size_t bound = std::max<std::size_t>(1, pattern.size() / 4);
        c = approximateSearch(doc, pattern, ctx, expected, minStart, kFuzzyWindow, bound, budget);
    }
    if (c.found) snapToWords(doc, pattern, ctx, minStart, c);
    return c;
}

// ---------------------------------------------------------------------------------------
// [SECTION] One annotation
// ---------------------------------------------------------------------------------------

enum class Outcome { Unchanged, Moved, Fuzzy, Orphaned };

struct Placement {
    Outcome outcome = Outcome::Orphaned;
    std::vector<Span> spans;  // new spans when placed
    bool refill = true;       // text/prefix/suffix must be taken from the new document
};

bool spansFit(const std::vector<Span>& spans, std::size_t length) {
    return !spans.empty() && spans.back().end <= length;
}

// True when the stored context still surrounds the old spans, compared over as much of it
// as exists on both sides (an annotation at the very start has a short prefix).
bool contextStillHolds(const Document& doc, const Annotation& a, const Context& ctx) {
    const std::size_t start = a.start(), end = a.end();
    const std::size_t needPrefix = std::min(ctx.prefixLength, start);
    if (needPrefix > 0 &&
        commonTailCodePoints(ctx.prefix, doc.slice(start - std::min(start, ctx.prefixLength), start)) < needPrefix)
        return false;
    const std::size_t needSuffix = std::min(ctx.suffixLength, doc.length() - end);
    if (needSuffix > 0 && commonHeadCodePoints(ctx.suffix, doc.slice(end, end + ctx.suffixLength)) < needSuffix)
        return false;
    return true;
}

// Whether fillFromDocument would change the stored context of an annotation left in place.
bool contextDiffers(const Document& doc, const Annotation& a) {
    const std::size_t start = a.start(), end = a.end();
    return a.prefix != doc.slice(start - std::min(start, kContextLength), start) ||
           a.suffix != doc.slice(end, end + kContextLength);
}

Placement keptInPlace(const Document& doc, const Annotation& a) {
    Placement p;
    p.outcome = a.orphaned ? Outcome::Moved : Outcome::Unchanged;
    p.spans = a.spans;
    p.refill = a.orphaned || contextDiffers(doc, a);
    return p;
}

Placement orphan() { return Placement{Outcome::Orphaned, {}, false}; }

// `delta` is the shift of the last annotation placed; it predicts this one's position and
// is updated from it. An annotation orphaned by an earlier run has spans in the coordinates
// of an older text, so it neither uses nor updates the shift.
Placement place(const Document& doc, const Annotation& a, std::int64_t& delta, Budget& budget,
                std::vector<Fragment>& fragments) {
    const std::size_t length = doc.length();

    if (a.text.empty()) {
        // Nothing to look for: trust the spans while they fit, refilling the text. An orphan
        // without a quote has nothing to be recognised by, so it stays an orphan.
        if (a.orphaned || !spansFit(a.spans, length)) return orphan();
        Placement p = keptInPlace(doc, a);
        p.refill = true;
        return p;
    }
    if (!cutFragments(a, fragments)) {
        // The quote cannot be split per span; only the unchanged case can be recognised.
        if (spansFit(a.spans, length) && coveredText(doc, a.spans) == a.text) return keptInPlace(doc, a);
        return orphan();
    }

    const std::size_t last = fragments.size() - 1;
    const auto contextOf = [&](std::size_t i) {
        Context ctx;
        if (i == 0) {
            ctx.prefix = a.prefix;
            ctx.prefixLength = utf8::countCodePoints(a.prefix);
        }
        if (i == last) {
            ctx.suffix = a.suffix;
            ctx.suffixLength = utf8::countCodePoints(a.suffix);
        }
        return ctx;
    };

    // Fast path: same text at the same offsets, context intact.
    if (spansFit(a.spans, length)) {
        bool same = true;
        for (const Fragment& f : fragments)
            if (doc.slice(f.oldSpan.start, f.oldSpan.end) != f.text) {
                same = false;
                break;
            }
        Context whole;
        whole.prefix = a.prefix;
        whole.prefixLength = utf8::countCodePoints(a.prefix);
        whole.suffix = a.suffix;
        whole.suffixLength = utf8::countCodePoints(a.suffix);
        if (same && contextStillHolds(doc, a, whole)) {
            if (!a.orphaned) delta = 0;
            return keptInPlace(doc, a);
        }
    }

    std::int64_t localDelta = a.orphaned ? 0 : delta;
    bool anyFuzzy = false;
    std::vector<Span> spans;
    spans.reserve(fragments.size());
    for (std::size_t i = 0; i < fragments.size(); ++i) {
        const Fragment& f = fragments[i];
        const Context ctx = contextOf(i);
        const std::size_t expected = clampedShift(f.oldSpan.start, localDelta, length);
        // Fragments stay in order and do not overlap.
        const std::size_t minStart = spans.empty() ? 0 : spans.back().end;
        Candidate c = exactSearch(doc, f, ctx, expected, minStart, budget);
        if (!c.found) {
            c = fuzzySearch(doc, f, ctx, expected, minStart, budget);
            if (!c.found) return orphan();
            anyFuzzy = true;
        }
        spans.push_back(Span{c.start, c.end});
        localDelta = static_cast<std::int64_t>(c.start) - static_cast<std::int64_t>(f.oldSpan.start);
    }
    if (!a.orphaned) delta = localDelta;

    Placement p;
    p.spans = std::move(spans);
    if (anyFuzzy) p.outcome = Outcome::Fuzzy;
    else if (!a.orphaned && p.spans == a.spans)
        p.outcome = Outcome::Unchanged;  // same place, only the context around it changed
    else p.outcome = Outcome::Moved;
    p.refill = true;
    return p;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] reanchor()
// ---------------------------------------------------------------------------------------

std::string ReanchorReport::summary() const {
    return std::to_string(unchanged) + " unchanged, " + std::to_string(moved) + " moved, " + std::to_string(fuzzy) +
           " fuzzy-matched, " + std::to_string(orphaned) + " orphaned";
}

ReanchorReport reanchor(AnnotationSet& set, const Document& document) {
    struct Planned {
        std::string id;
        Placement placement;
    };
    std::vector<Planned> plan;
    {
        // Every placement is decided before the set changes (its pointers die on mutation).
        const std::vector<const Annotation*> order = set.inDocumentOrder();
        plan.reserve(order.size());
        std::int64_t delta = 0;
        Budget budget;
        std::vector<Fragment> fragments;
        for (const Annotation* a : order) plan.push_back({a->id, place(document, *a, delta, budget, fragments)});
    }

    // The set's range checks use document.length, so it must describe the new text before
    // any annotation is given new spans.
    set.document.sha256 = document.sha256();
    set.document.length = document.length();

    ReanchorReport report;
    for (Planned& item : plan) {
        const Annotation* current = set.findAnnotation(item.id);
        if (!current) continue;
        Placement& p = item.placement;
        if (p.outcome != Outcome::Orphaned && (p.refill || p.spans != current->spans || current->orphaned)) {
            Annotation updated = *current;
            updated.spans = p.spans;
            updated.orphaned = false;
            fillFromDocument(updated, document);
            // Cannot fail for a well-formed set; if it does, keeping the annotation as an
            // orphan is still better than losing it.
            if (!set.replaceAnnotation(std::move(updated))) p.outcome = Outcome::Orphaned;
            current = set.findAnnotation(item.id);
        }
        if (p.outcome == Outcome::Orphaned && !current->orphaned) {
            Annotation updated = *current;
            updated.orphaned = true;  // spans stay where they were in the old text
            set.replaceAnnotation(std::move(updated));
        }
        switch (p.outcome) {
            case Outcome::Unchanged: ++report.unchanged; break;
            case Outcome::Moved:
                ++report.moved;
                report.movedIds.push_back(item.id);
                break;
            case Outcome::Fuzzy:
                ++report.fuzzy;
                report.fuzzyIds.push_back(item.id);
                break;
            case Outcome::Orphaned:
                ++report.orphaned;
                report.orphanedIds.push_back(item.id);
                break;
        }
    }
    return report;
}

}  // namespace claimmark
