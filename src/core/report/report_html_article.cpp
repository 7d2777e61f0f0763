// report_html_article.cpp — the article with its annotations highlighted
// (report_html_detail.h).
//
// Every span of every mark is a piece [start, end). The pieces are sorted once by start
// (longer first), their ends once on their own; one walk over the text then visits each
// boundary in order: it closes the pieces ending there, opens those starting there, and
// writes the escaped text up to the next boundary. Elements must nest, so when a piece
// closes while pieces opened inside it are still running, those are closed with it and
// opened again right after (without their id) — the only extra work, proportional to how
// many marks cross, not to the article's length.
//
// Every piece is a <mark>; a claim's first piece carries its row's article id. Links cannot
// nest, so they are not the claims' elements: each run of text inside a claim is wrapped in
// its own <a href="#<row>"> to the innermost claim around it, so that a claim inside another
// links to its own row. Team reports also draw the claims only other reviewers made (rows
// from another set), dashed. A row with no place to link back to (no usable span) gets an
// empty anchor at its start.
#include "core/report/report_html_detail.h"

#include <algorithm>
#include <unordered_map>

namespace claimmark::html_detail {

namespace {

struct MarkInfo {
    const LabelStyle* style = nullptr;
    const std::string* title = nullptr;  // shared per label, or the claim's own
    long row = -1;                       // claim row, or -1
    bool suggested = false;
    bool other = false;  // a claim only other reviewers made (team reports)
    bool flagged = false;
};

struct Piece {
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    std::uint32_t mark = 0;
    bool first = false;  // the mark's first piece: carries the row's article id
};

std::string claimTitle(const Context& ctx, const DocumentReport& doc, const ClaimReport& claim, std::size_t row) {
    std::string title = "Claim " + std::to_string(row + 1) + " — strength " + strengthText(ctx, claim.strength);
    if (!claim.flags.empty()) {
        title += " — ";
        for (std::size_t i = 0; i < claim.flags.size(); ++i) title += (i ? ", " : "") + flagWords(claim.flags[i].name);
    }
    if (claim.suggested) title += " (suggestion, not reviewed)";
    if (doc.reviewers.size() > 1 && claim.set != doc.primary) {
        title += " — marked by ";
        for (std::size_t i = 0; i < claim.reviewers.size(); ++i) {
            const std::size_t r = claim.reviewers[i].reviewer;
            title += (i ? ", " : "") + (r < doc.reviewers.size() ? doc.reviewers[r] : std::string("?"));
        }
        if (doc.primary < doc.reviewers.size()) title += "; not in " + doc.reviewers[doc.primary] + "'s set";
    }
    return title;
}

class ArticleWriter {
public:
    ArticleWriter(std::string& out, const Context& ctx, const DocumentReport& doc, const std::string& prefix)
        : m_out(out), m_ctx(ctx), m_doc(doc), m_article(*doc.article), m_prefix(prefix) {}

    void write() {
        collect();
        walk();
    }

private:
    void addPieces(std::uint32_t mark, const std::vector<Span>& spans, long row) {
        const std::size_t length = m_article.length();
        bool first = true;
        for (const Span& s : spans) {
            const std::size_t end = std::min(s.end, length);
            if (s.start >= end) continue;
            m_pieces.push_back({static_cast<std::uint32_t>(s.start), static_cast<std::uint32_t>(end), mark, first});
            if (first && row >= 0) m_placed[static_cast<std::size_t>(row)] = true;
            first = false;
        }
    }

    void collect() {
        const bool team = m_doc.reviewers.size() > 1;
        std::unordered_map<std::string_view, std::size_t> rowOf;
        rowOf.reserve(m_doc.claims.size());
        for (std::size_t r = 0; r < m_doc.claims.size(); ++r)
            if (!team || m_doc.claims[r].set == m_doc.primary) rowOf.emplace(m_doc.claims[r].id, r);
        m_placed.assign(m_doc.claims.size(), false);
        m_claimTitles.resize(m_doc.claims.size());

        std::size_t spans = 0;
        for (const DocumentReport::Mark& m : m_doc.marks) spans += m.spans.size();
        m_pieces.reserve(spans + m_doc.claims.size());
        m_marks.reserve(m_doc.marks.size() + 16);
        m_labelTitles.reserve(m_ctx.labels.all().size() * 2 + 2);

        for (const DocumentReport::Mark& m : m_doc.marks) {
            MarkInfo info;
            info.style = &m_ctx.labels.of(m.label);
            info.suggested = m.suggested;
            long row = -1;
            if (m.label == "claim")
                if (const auto it = rowOf.find(m.id); it != rowOf.end()) row = static_cast<long>(it->second);
            info.row = row;
            if (row >= 0) {
                const ClaimReport& claim = m_doc.claims[static_cast<std::size_t>(row)];
                info.flagged = !claim.flags.empty();
                std::string& title = m_claimTitles[static_cast<std::size_t>(row)];
                if (title.empty()) title = claimTitle(m_ctx, m_doc, claim, static_cast<std::size_t>(row));
                info.title = &title;
            } else {
                info.title = &labelTitle(m.label, m.suggested);
            }
            addPieces(static_cast<std::uint32_t>(m_marks.size()), m.spans, row);
            m_marks.push_back(info);
        }
        // Rows from other sets (team reports): their claims, dashed; rows still unplaced: anchors.
        for (std::size_t r = 0; r < m_doc.claims.size(); ++r) {
            const ClaimReport& claim = m_doc.claims[r];
            if (team && claim.set != m_doc.primary) {
                MarkInfo info;
                info.style = &m_ctx.labels.of("claim");
                info.row = static_cast<long>(r);
                info.other = true;
                info.suggested = claim.suggested;
                info.flagged = !claim.flags.empty();
                m_claimTitles[r] = claimTitle(m_ctx, m_doc, claim, r);
                info.title = &m_claimTitles[r];
                addPieces(static_cast<std::uint32_t>(m_marks.size()), claim.spans, static_cast<long>(r));
                m_marks.push_back(info);
            }
            if (!m_placed[r]) {
                const std::size_t at = claim.spans.empty() ? 0 : claim.spans.front().start;
                m_anchors.emplace_back(static_cast<std::uint32_t>(std::min(at, m_article.length())), r);
            }
        }
        std::sort(m_pieces.begin(), m_pieces.end(), [](const Piece& x, const Piece& y) {
            if (x.start != y.start) return x.start < y.start;
            if (x.end != y.end) return x.end > y.end;
            return x.mark < y.mark;
        });
        m_ends.reserve(m_pieces.size());
        for (const Piece& p : m_pieces) m_ends.push_back(p.end);
        std::sort(m_ends.begin(), m_ends.end());
        std::sort(m_anchors.begin(), m_anchors.end());
    }

    const std::string& labelTitle(const std::string& label, bool suggested) {
        std::string& title = m_labelTitles[label + (suggested ? "\n1" : "\n0")];
        if (title.empty()) title = label + (suggested ? " (suggestion, not reviewed)" : "");
        return title;
    }

    void open(std::uint32_t index, bool withId) {
        const Piece& piece = m_pieces[index];
        const MarkInfo& mark = m_marks[piece.mark];
        m_out += "<mark class=\"mk ";
        m_out += mark.style->cssClass;
        if (mark.flagged) m_out += " fl";
        if (mark.suggested) m_out += " sg";
        if (mark.other) m_out += " ot";
        m_out += '"';
        if (mark.row >= 0 && withId && piece.first) {
            m_out += " id=\"";
            m_out += m_prefix;
            m_out += "-a";
            number(m_out, static_cast<std::size_t>(mark.row) + 1);
            m_out += '"';
        }
        m_out += " title=\"";
        appendEscapedHtml(m_out, *mark.title);
        m_out += "\">";
        m_stack.push_back(index);
    }

    void closeTop() {
        m_stack.pop_back();
        m_out += "</mark>";
    }

    // The text [from, to), a link to the innermost claim open around it if there is one.
    void text(std::size_t from, std::size_t to) {
        long row = -1;
        for (auto it = m_stack.rbegin(); it != m_stack.rend() && row < 0; ++it) row = m_marks[m_pieces[*it].mark].row;
        if (row >= 0) {
            m_out += "<a class=\"cl\" href=\"#";
            m_out += m_prefix;
            m_out += "-r";
            number(m_out, static_cast<std::size_t>(row) + 1);
            m_out += "\">";
        }
        const std::size_t a = m_article.byteFromCodePoint(from);
        const std::size_t b = m_article.byteFromCodePoint(to);
        appendEscapedHtml(m_out, std::string_view(m_article.bytes()).substr(a, b - a));
        if (row >= 0) m_out += "</a>";
    }

    void walk() {
        const std::size_t length = m_article.length();
        std::size_t nextPiece = 0, nextEnd = 0, nextAnchor = 0;
        std::size_t pos = 0;
        std::vector<std::uint32_t> reopen;
        for (;;) {
            std::size_t closing = 0;
            while (nextEnd < m_ends.size() && m_ends[nextEnd] == pos) {
                ++closing;
                ++nextEnd;
            }
            if (closing) {
                reopen.clear();
                while (closing) {
                    const std::uint32_t piece = m_stack.back();
                    closeTop();
                    if (m_pieces[piece].end == pos) --closing;
                    else reopen.push_back(piece);
                }
                // Outermost first: the one running longest.
                std::reverse(reopen.begin(), reopen.end());
                std::stable_sort(reopen.begin(), reopen.end(),
                                 [&](std::uint32_t x, std::uint32_t y) { return m_pieces[x].end > m_pieces[y].end; });
                for (std::uint32_t piece : reopen) open(piece, false);
            }
            while (nextAnchor < m_anchors.size() && m_anchors[nextAnchor].first == pos) {
                m_out +=
                    "<span class=\"anchor\" id=\"" + articleId(m_prefix, m_anchors[nextAnchor].second) + "\"></span>";
                ++nextAnchor;
            }
            while (nextPiece < m_pieces.size() && m_pieces[nextPiece].start == pos) {
                open(static_cast<std::uint32_t>(nextPiece), true);
                ++nextPiece;
            }
            if (pos >= length) break;
            std::size_t next = length;
            if (nextPiece < m_pieces.size()) next = std::min<std::size_t>(next, m_pieces[nextPiece].start);
            if (nextEnd < m_ends.size()) next = std::min<std::size_t>(next, m_ends[nextEnd]);
            if (nextAnchor < m_anchors.size()) next = std::min<std::size_t>(next, m_anchors[nextAnchor].first);
            text(pos, next);
            pos = next;
        }
        while (!m_stack.empty()) closeTop();  // nothing is left open; kept for safety
    }

    std::string& m_out;
    const Context& m_ctx;
    const DocumentReport& m_doc;
    const Document& m_article;
    const std::string& m_prefix;
    std::vector<MarkInfo> m_marks;
    std::vector<Piece> m_pieces;
    std::vector<std::uint32_t> m_ends;
    std::vector<std::pair<std::uint32_t, std::size_t>> m_anchors;  // (position, row)
    std::vector<bool> m_placed;                                    // per row: has an article id
    std::vector<std::string> m_claimTitles;                        // per row
    std::unordered_map<std::string, std::string> m_labelTitles;
    std::vector<std::uint32_t> m_stack;  // the open pieces, outermost first
};

}  // namespace

std::size_t articleSizeHint(const DocumentReport& doc) {
    if (!doc.article) return 1024;
    std::size_t spans = 0;
    for (const DocumentReport::Mark& m : doc.marks) spans += m.spans.size();
    return doc.article->byteLength() + doc.article->byteLength() / 32 + spans * 140 + doc.claims.size() * 160 + 4096;
}

void appendArticle(std::string& out, const Context& ctx, const DocumentReport& doc, const std::string& prefix,
                   int level) {
    out += "<section class=\"article-view\" id=\"" + prefix + "-article\">\n";
    heading(out, level, "Article");
    if (!doc.article) {
        out += "<p class=\"empty\">The article's text is not part of this report.</p>\n</section>\n";
        return;
    }
    appendLegend(out, ctx, doc.reviewers.size() > 1);
    out += "<div class=\"article\">";
    ArticleWriter(out, ctx, doc, prefix).write();
    out += "</div>\n</section>\n";
}

}  // namespace claimmark::html_detail
