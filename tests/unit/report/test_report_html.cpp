// Tests for the HTML report (report_html.h): the page is well-formed (a small tag-balance
// check here; xmllint is run by hand), fetches nothing, escapes what the article and the sets
// say, renders overlapping and nested marks as balanced elements over exactly the article's
// text, links every claim both ways, has the team columns, and works without its script.
//
// Reports come from the turmeric sample (maria's set; bob, chen and maria for the team) and
// from hand-built DocumentReports over small texts, offsets worked out by hand.
#include "core/report/report_html.h"

#include "core/storage/set_file.h"
#include "fixtures.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

using namespace claimmark;

namespace {

// --- Markup checks --------------------------------------------------------------------------

struct Markup {
    std::string error;                         // empty when well-formed
    std::vector<std::string> ids;              // every id="…", in order
    std::vector<std::string> fragmentLinks;    // every href="#…"
    std::vector<std::string> otherLinks;       // every href / src that is not a fragment
    std::map<std::string, std::size_t> count;  // start tags per element name
};

bool nameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ':';
}

// Checks an entity reference at `s[i]` ('&'): one of XML's five names or a number.
bool entityAt(std::string_view s, std::size_t i) {
    const std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) return false;
    const std::string_view body = s.substr(i + 1, semi - i - 1);
    if (body == "amp" || body == "lt" || body == "gt" || body == "quot" || body == "apos") return true;
    if (body.size() < 2 || body[0] != '#') return false;
    const bool hex = body[1] == 'x';
    for (char c : body.substr(hex ? 2 : 1))
        if (!(c >= '0' && c <= '9') && !(hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))) return false;
    return true;
}

// A tag-balance check strict enough for XML: every element closed in order (void elements
// written "<x/>"), attributes quoted, '<' never loose in text, '&' only as an entity, no
// <a> inside an <a>. Script and style content is raw text.
Markup checkMarkup(std::string_view html) {
    Markup m;
    std::vector<std::string> stack;
    const std::set<std::string> voids{"meta", "link", "br", "hr", "img", "input", "col", "wbr", "source"};
    std::size_t i = 0;
    const auto fail = [&](const std::string& what) {
        if (m.error.empty()) m.error = what + " at byte " + std::to_string(i);
    };
    while (i < html.size() && m.error.empty()) {
        const char c = html[i];
        if (c == '&') {
            if (!entityAt(html, i)) fail("bare &");
            ++i;
            continue;
        }
        if (c != '<') {
            ++i;
            continue;
        }
        if (html.compare(i, 4, "<!--") == 0) {
            const std::size_t end = html.find("-->", i + 4);
            if (end == std::string_view::npos) fail("unclosed comment");
            i = end + 3;
            continue;
        }
        if (html.compare(i, 2, "<!") == 0) {  // <!DOCTYPE html>
            i = html.find('>', i) + 1;
            continue;
        }
        if (html.compare(i, 2, "</") == 0) {
            std::size_t j = i + 2;
            while (j < html.size() && nameChar(html[j])) ++j;
            const std::string name(html.substr(i + 2, j - i - 2));
            if (j >= html.size() || html[j] != '>') fail("bad end tag </" + name);
            if (stack.empty() || stack.back() != name)
                fail("</" + name + "> closes <" + (stack.empty() ? std::string("nothing") : stack.back()) + ">");
            if (!stack.empty()) stack.pop_back();
            i = j + 1;
            continue;
        }
        std::size_t j = i + 1;
        while (j < html.size() && nameChar(html[j])) ++j;
        const std::string name(html.substr(i + 1, j - i - 1));
        if (name.empty()) {
            fail("loose <");
            break;
        }
        ++m.count[name];
        bool selfClosed = false;
        for (;;) {  // attributes
            while (j < html.size() && html[j] == ' ') ++j;
            if (j >= html.size()) {
                fail("unfinished tag <" + name);
                break;
            }
            if (html[j] == '>') {
                ++j;
                break;
            }
            if (html.compare(j, 2, "/>") == 0) {
                selfClosed = true;
                j += 2;
                break;
            }
            const std::size_t nameStart = j;
            while (j < html.size() && nameChar(html[j])) ++j;
            const std::string attribute(html.substr(nameStart, j - nameStart));
            if (attribute.empty() || j + 1 >= html.size() || html[j] != '=' || html[j + 1] != '"') {
                fail("unquoted or empty attribute in <" + name);
                break;
            }
            const std::size_t valueStart = j + 2;
            const std::size_t valueEnd = html.find('"', valueStart);
            const std::string_view value = html.substr(valueStart, valueEnd - valueStart);
            if (value.find('<') != std::string_view::npos) fail("< in an attribute value");
            for (std::size_t k = 0; k < value.size(); ++k)
                if (value[k] == '&' && !entityAt(value, k)) fail("bare & in an attribute value");
            if (attribute == "id") m.ids.emplace_back(value);
            if (attribute == "href" || attribute == "src") {
                if (!value.empty() && value[0] == '#') m.fragmentLinks.emplace_back(value.substr(1));
                else m.otherLinks.emplace_back(value);
            }
            j = valueEnd + 1;
        }
        if (!m.error.empty()) break;
        if (name == "a" && std::find(stack.begin(), stack.end(), "a") != stack.end()) fail("<a> inside <a>");
        if (voids.count(name) && !selfClosed) fail("void <" + name + "> not written as <" + name + "/>");
        i = j;
        if (selfClosed) continue;
        if (name == "script" || name == "style") {
            const std::size_t end = html.find("</" + name + ">", i);
            if (end == std::string_view::npos) fail("unclosed <" + name + ">");
            i = end + name.size() + 3;
            continue;
        }
        stack.push_back(name);
    }
    if (m.error.empty() && !stack.empty()) m.error = "unclosed <" + stack.back() + ">";
    return m;
}

void requireWellFormed(const std::string& html) {
    const Markup m = checkMarkup(html);
    REQUIRE_MESSAGE(m.error.empty(), m.error);
    const std::set<std::string> ids(m.ids.begin(), m.ids.end());
    CHECK_MESSAGE(ids.size() == m.ids.size(), "duplicate ids");
    for (const std::string& target : m.fragmentLinks) CHECK_MESSAGE(ids.count(target), "no element for #" << target);
    CHECK(m.otherLinks.empty());
}

std::string unescape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        const std::size_t semi = s.find(';', i);
        const std::string_view e = s.substr(i + 1, semi - i - 1);
        if (e == "amp") out += '&';
        else if (e == "lt") out += '<';
        else if (e == "gt") out += '>';
        else if (e == "quot") out += '"';
        else if (e == "#39") out += '\'';
        else out += "?";
        i = semi;
    }
    return out;
}

// The text inside the first <div class="article"> (tags dropped, entities undone).
std::string articleText(const std::string& html, std::size_t from = 0) {
    const std::size_t start = html.find("<div class=\"article\">", from);
    REQUIRE(start != std::string::npos);
    const std::size_t end = html.find("</div>", start);
    std::string text;
    bool inTag = false;
    for (std::size_t i = start + 21; i < end; ++i) {
        if (html[i] == '<') inTag = true;
        else if (html[i] == '>') inTag = false;
        else if (!inTag) text += html[i];
    }
    return unescape(text);
}

std::size_t occurrences(std::string_view haystack, std::string_view needle) {
    std::size_t n = 0;
    for (std::size_t at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

// --- Reports --------------------------------------------------------------------------------

std::filesystem::path sample(const std::string& relative) {
    return std::filesystem::path(CLAIMMARK_SOURCE_DIR) / relative;
}

struct Turmeric {
    Document article;
    std::vector<AnnotationSet> sets;  // bob, chen, maria
    Turmeric() {
        Result<Document> doc = Document::loadFile(sample("samples/turmeric-joint-health.txt"));
        REQUIRE_MESSAGE(doc.ok(), doc.errorText());
        article = std::move(*doc);
        for (const char* name : {"bob", "chen", "maria"}) {
            Result<LoadedSet> set =
                loadSetFile(sample(std::string("annotations/turmeric-joint-health/") + name + ".json"));
            REQUIRE_MESSAGE(set.ok(), set.errorText());
            sets.push_back(std::move(set->set));
        }
    }
};

Report oneDocument(DocumentReport doc) {
    Report report;
    report.documents.push_back(std::move(doc));
    summarizeReport(report);
    return report;
}

DocumentReport::Mark mark(std::string id, std::string label, std::vector<Span> spans) {
    return DocumentReport::Mark{std::move(id), std::move(label), std::move(spans), false};
}

ClaimReport claimRow(std::string id, std::string text, std::vector<Span> spans) {
    ClaimReport c;
    c.id = std::move(id);
    c.text = std::move(text);
    c.spans = std::move(spans);
    return c;
}

}  // namespace

TEST_CASE("html report: the turmeric sample is a well-formed, self-contained page") {
    Turmeric t;
    const DocumentReport doc = reportOnSet(t.article, t.sets[2], ClaimReportOptions{});
    const std::string html = reportToHtml(oneDocument(doc), htmlOptionsFromSchema(t.sets[2].schema));
    requireWellFormed(html);
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK(html.find("<meta charset=\"utf-8\"/>") != std::string::npos);
    for (const char* external : {"http://", "https://", "<link", "@import", "url(http", "url(//", "src=\""})
        CHECK_MESSAGE(html.find(external) == std::string::npos, external);
    // url() only points inside the page (the SVG hatching).
    for (std::size_t at = html.find("url("); at != std::string::npos; at = html.find("url(", at + 1))
        CHECK(html.compare(at, 5, "url(#") == 0);
    // The article's text comes out exactly, line breaks kept (pre-wrap).
    CHECK(articleText(html) == t.article.bytes());
    CHECK(html.find("white-space:pre-wrap") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
    CHECK(html.find("<svg class=\"chart\"") != std::string::npos);
    // The schema's colours and the legend.
    CHECK(html.find(".l-claim{background:rgba(230,159,0,0.20);text-decoration-color:#e69f00") != std::string::npos);
    CHECK(html.find("<span class=\"mk l-evidence\">evidence</span>") != std::string::npos);
}

TEST_CASE("html report: every claim row has an anchor the article links to, and links back") {
    Turmeric t;
    const DocumentReport doc = reportOnSet(t.article, t.sets[2], ClaimReportOptions{});
    REQUIRE(doc.claims.size() > 10);
    const std::string html = reportToHtml(oneDocument(doc));
    const Markup m = checkMarkup(html);
    REQUIRE(m.error.empty());
    const std::set<std::string> ids(m.ids.begin(), m.ids.end());
    const std::multiset<std::string> links(m.fragmentLinks.begin(), m.fragmentLinks.end());
    for (std::size_t r = 1; r <= doc.claims.size(); ++r) {
        const std::string row = "d1-r" + std::to_string(r), place = "d1-a" + std::to_string(r);
        CHECK_MESSAGE(ids.count(row), row);
        CHECK_MESSAGE(ids.count(place), place);
        CHECK_MESSAGE(links.count(row) >= 1, "the article links to " << row);
        CHECK_MESSAGE(links.count(place) >= 1, "row " << r << " links back");
        CHECK(html.find("<tr id=\"" + row + "\"") != std::string::npos);
    }
    // The flagged list, worst first, links to the rows.
    REQUIRE(!doc.summary.worstFirst.empty());
    const std::size_t list = html.find("<ol class=\"worst\">");
    REQUIRE(list != std::string::npos);
    std::size_t worstRow = 0;
    for (std::size_t r = 0; r < doc.claims.size(); ++r)
        if (doc.claims[r].id == doc.summary.worstFirst.front()) worstRow = r + 1;
    REQUIRE(worstRow > 0);
    CHECK(html.find("<a class=\"wn\" href=\"#d1-r" + std::to_string(worstRow) + "\">", list) ==
          html.find("<a class=\"wn\"", list));
}

TEST_CASE("html report: article text, notes and names are escaped in text and attributes") {
    const Document article = fixtures::makeDocument("<script>alert(1)</script> & \"cure\" 'now'\nline 2 <b>bold</b>");
    //                                                0         1         2         3
    //                                                0123456789012345678901234567890123456789
    DocumentReport doc;
    doc.name = "x<y>.txt";
    doc.articlePath = "dir/\"quoted\".txt";
    doc.reviewers = {"eve\" onmouseover=\"alert(1)"};
    doc.article = &article;
    doc.marks = {mark("a1", "claim", {{0, 8}}), mark("a2", "<img src=x>", {{29, 36}})};
    ClaimReport c = claimRow("a1", "<script>", {{0, 8}});
    c.note = "see <a href=\"https://evil\">this</a> & that";
    c.flags.push_back({kFlagNoEvidence, "no \"evidence\" <linked>", 20});
    c.weight = 20;
    doc.claims.push_back(c);
    doc.summary.labelCounts = {{"claim", 1}, {"<img src=x>", 1}};
    doc.summary.claims = 1;
    doc.summary.worstFirst = {"a1"};
    doc.notes = {"note <i>one</i>"};
    HtmlReportOptions options;
    options.labelColors["claim"] = "red;}</style><script>alert(1)</script>";  // not a colour: ignored
    const std::string html = reportToHtml(oneDocument(doc), options);
    requireWellFormed(html);
    CHECK(occurrences(html, "<script>") == 1);  // the page's own, at the end
    CHECK(html.find("alert(1)</script>") == std::string::npos);
    CHECK(html.find(">&lt;script&gt;</a></mark>alert(1)&lt;/script&gt; &amp; &quot;") != std::string::npos);
    CHECK(html.find("<b>") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("<i>") == std::string::npos);
    CHECK(html.find("href=&quot;https://evil&quot;") != std::string::npos);
    CHECK(html.find("onmouseover=\"") == std::string::npos);
    CHECK(html.find("title=\"no &quot;evidence&quot; &lt;linked&gt;\"") != std::string::npos);
    CHECK(html.find("red;}") == std::string::npos);
    CHECK(html.find(".l-claim{background:rgba(230,159,0,0.20)") != std::string::npos);
    CHECK(articleText(html) == article.bytes());
}

TEST_CASE("html report: characters HTML and XML forbid become U+FFFD") {
    CHECK(escapeHtml("a\x01"
                     "b\x7f"
                     "c") ==
          "a\xEF\xBF\xBD"
          "b\xEF\xBF\xBD"
          "c");
    CHECK(escapeHtml("tab\tcr\r\nlf") == "tab\tcr\r\nlf");
    CHECK(escapeHtml("\xC2\x85") == "\xEF\xBF\xBD");      // U+0085, a C1 control
    CHECK(escapeHtml("\xEF\xBF\xBE") == "\xEF\xBF\xBD");  // U+FFFE
    CHECK(escapeHtml("\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80") == "\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80");  // é ’ 😀
    CHECK(escapeHtml("\xFF"
                     "x\xC3") ==
          "\xEF\xBF\xBD"
          "x\xEF\xBF\xBD");  // not UTF-8
    CHECK(escapeHtml("<&>\"'") == "&lt;&amp;&gt;&quot;&#39;");
}

TEST_CASE("html report: overlapping and nested marks are balanced and cover the right text") {
    // "The pill may cure colds, experts claim today."
    //  claim a1 [0,23) "The pill may cure colds"; hedge a2 [9,12) "may" nested in it;
    //  caveat a3 [13,30) "cure colds, exper" crosses the claim's end; evidence a4 [25,38)
    //  "experts claim" overlaps the caveat; claim a5 [4,17) "pill may cure" crosses a1's
    //  hedge and sits inside a1 (so it is a <mark>, links cannot nest); a6 a two-span claim
    //  [39,44) + [44,45).
    const Document article = fixtures::makeDocument(fixtures::kPillText);
    DocumentReport doc;
    doc.name = "pill.txt";
    doc.reviewers = {"alice"};
    doc.article = &article;
    doc.marks = {mark("a1", "claim", {{0, 23}}),     mark("a5", "claim", {{4, 17}}),
                 mark("a2", "hedge", {{9, 12}}),     mark("a3", "caveat", {{13, 30}}),
                 mark("a4", "evidence", {{25, 38}}), mark("a6", "claim", {{39, 41}, {42, 45}})};
    doc.claims = {claimRow("a1", "The pill may cure colds", {{0, 23}}), claimRow("a5", "pill may cure", {{4, 17}}),
                  claimRow("a6", "to ay.", {{39, 41}, {42, 45}})};
    const std::string html = reportToHtml(oneDocument(doc));
    requireWellFormed(html);
    CHECK(articleText(html) == fixtures::kPillText);

    const std::size_t start = html.find("<div class=\"article\">");
    const std::string view = html.substr(start, html.find("</div>", start) - start);
    // Claims are marks with their rows' ids; each run of text links to the innermost claim
    // around it, so a5 inside a1 links to its own row. a6's two spans are two links.
    CHECK(view.find("<mark class=\"mk l-claim\" id=\"d1-a1\" title=\"Claim 1 — strength unrated\"><a class=\"cl\" "
                    "href=\"#d1-r1\">The </a>") != std::string::npos);
    CHECK(view.find("<mark class=\"mk l-claim\" id=\"d1-a2\" title=\"Claim 2 — strength unrated\"><a class=\"cl\" "
                    "href=\"#d1-r2\">pill </a>") != std::string::npos);
    CHECK(occurrences(view, "href=\"#d1-r3\"") == 2);
    CHECK(occurrences(view, "id=\"d1-a3\"") == 1);
    // Where a mark closes while one opened inside it runs on, the inner one is closed and
    // opened again: the caveat a3 is cut where a5 and a1 end, the evidence a4 where a3 ends.
    CHECK(view.find("title=\"hedge\"><a class=\"cl\" href=\"#d1-r2\">may</a></mark>") != std::string::npos);
    CHECK(view.find("title=\"caveat\"><a class=\"cl\" href=\"#d1-r2\">cure</a></mark></mark>") != std::string::npos);
    CHECK(view.find("title=\"caveat\"><a class=\"cl\" href=\"#d1-r1\"> colds</a></mark></mark>") != std::string::npos);
    CHECK(view.find("title=\"caveat\">, <mark class=\"mk l-evidence\" title=\"evidence\">exper</mark></mark>") !=
          std::string::npos);
    CHECK(view.find("title=\"evidence\">ts claim</mark>") != std::string::npos);
    CHECK(occurrences(view, "<mark class=\"mk l-caveat\"") == 3);
    CHECK(occurrences(view, "<mark class=\"mk l-evidence\"") == 2);
    CHECK(occurrences(view, "<mark class=\"mk l-hedge\"") == 1);
}

TEST_CASE("html report: crossing marks reopen only what crosses") {
    // Ten marks in a staircase over a long text: each starts one word after the last and runs
    // three words. Every close reopens at most the two marks still running.
    std::string text;
    for (int i = 0; i < 40; ++i) text += "word ";
    const Document article = fixtures::makeDocument(text);
    DocumentReport doc;
    doc.reviewers = {"alice"};
    doc.article = &article;
    for (std::size_t i = 0; i < 10; ++i)
        doc.marks.push_back(mark("h" + std::to_string(i), "hedge", {{i * 5, i * 5 + 14}}));
    const std::string html = reportToHtml(oneDocument(doc));
    requireWellFormed(html);
    CHECK(articleText(html) == text);
    const Markup m = checkMarkup(html);
    CHECK(m.count.at("mark") >= 10);
    CHECK(m.count.at("mark") <= 30);
}

TEST_CASE("html report: a team report has a column per reviewer and names the primary set") {
    // bob and the gold set marked "The pill may cure colds"; only bob marked "experts claim".
    const Document article = fixtures::makeDocument(fixtures::kPillText);
    DocumentReport doc;
    doc.name = "pill.txt";
    doc.reviewers = {"bob", "chen", "gold"};
    doc.primary = 2;
    doc.article = &article;
    doc.marks = {mark("a1", "claim", {{0, 23}}), mark("a2", "hedge", {{9, 12}})};
    ClaimReport shared = claimRow("a1", "The pill may cure colds", {{0, 23}});
    shared.set = 2;
    shared.strength = 4;
    shared.verdict = "mostly-accurate";
    shared.flags.push_back({kFlagReviewersDisagree, "bob rated it 2, gold 4", 15});
    shared.reviewers.push_back({0, "b1", 2, "false", "none", {kFlagNoEvidence}});
    shared.reviewers.push_back({2, "a1", 4, "mostly-accurate", "none", {}});
    ClaimReport bobs = claimRow("bob:b2", "experts claim", {{25, 38}});
    bobs.set = 0;
    bobs.reviewers.push_back({0, "b2", 3, "", "none", {}});
    doc.claims = {shared, bobs};
    const std::string html = reportToHtml(oneDocument(doc));
    requireWellFormed(html);
    CHECK(html.find("<table class=\"claims team\"") != std::string::npos);
    CHECK(html.find("<th class=\"rvh\" data-type=\"num\">bob</th>") != std::string::npos);
    CHECK(html.find("<th class=\"rvh\" data-type=\"num\">chen</th>") != std::string::npos);
    CHECK(html.find("<th class=\"rvh\" data-type=\"num\">gold<span class=\"sub\">gold set, primary</span></th>") !=
          std::string::npos);
    CHECK(html.find("rows and highlights from the <strong>gold</strong> set") != std::string::npos);
    // One cell per reviewer in every row: strength, verdict, flags; a reviewer who did not
    // mark the claim says so; a cell that differs from the row is marked.
    CHECK(occurrences(html, "<td class=\"rv") == 6);
    CHECK(occurrences(html, "<td class=\"rv none\" data-v=\"-2\">not marked</td>") == 3);
    CHECK(html.find(
              "<td class=\"rv diff\" data-v=\"2\"><span class=\"rs\">2</span> <span class=\"rvv\">false</span>"
              "<span class=\"rf\" title=\"bob&#39;s set flags this claim\">\u2691 <span class=\"rfl f-no-evidence\">"
              "no evidence</span></span></td>") != std::string::npos);
    CHECK(html.find("<td class=\"rv\" data-v=\"4\"><span class=\"rs\">4</span> <span class=\"rvv\">mostly "
                    "accurate</span></td>") != std::string::npos);
    // bob's own claim is drawn (dashed) and linked, and its row says whose it is.
    CHECK(html.find("<mark class=\"mk l-claim ot\" id=\"d1-a2\"") != std::string::npos);
    CHECK(html.find("<a class=\"cl\" href=\"#d1-r2\">experts claim</a></mark>") != std::string::npos);
    CHECK(html.find("<span class=\"tag other\">only in bob's set</span>") != std::string::npos);
    CHECK(articleText(html) == fixtures::kPillText);
}

TEST_CASE("html report: a team report from the sample sets is well-formed") {
    Turmeric t;
    const DocumentReport doc = reportOnSets(t.article, {&t.sets[0], &t.sets[1], &t.sets[2]}, {"bob", "chen", "maria"},
                                            ClaimReportOptions{}, "turmeric", 2);
    REQUIRE(doc.reviewers.size() == 3);
    const std::string html = reportToHtml(oneDocument(doc));
    requireWellFormed(html);
    CHECK(occurrences(html, "<td class=\"rv") == 3 * doc.claims.size());
    CHECK(articleText(html) == t.article.bytes());
}

TEST_CASE("html report: the filter script is there, and the page reads without it") {
    Turmeric t;
    const std::string html = reportToHtml(oneDocument(reportOnSet(t.article, t.sets[2], ClaimReportOptions{})));
    // The script: sorting and the flag filter, in CDATA, free of '<' and '&'.
    const std::size_t script = html.find("<script>\n//<![CDATA[\n");
    REQUIRE(script != std::string::npos);
    const std::string code = html.substr(script, html.find("</script>", script) - script);
    CHECK(code.find("aria-sort") != std::string::npos);
    CHECK(code.find("data-flags") != std::string::npos);
    CHECK(code.substr(21).find('<') == std::string::npos);
    CHECK(code.find('&') == std::string::npos);
    // The controls start hidden (the script shows them); rows carry their flags.
    CHECK(html.find("<div class=\"controls\" hidden=\"hidden\" data-table=\"d1-table\">") != std::string::npos);
    CHECK(html.find("<option value=\"no-evidence\">") != std::string::npos);
    CHECK(html.find("data-flags=\"strength-exceeds-evidence no-evidence\" class=\"flagged\"") != std::string::npos);
    // Nothing else is hidden: every row and every flag reason is in the markup as text.
    CHECK(occurrences(html, "hidden=\"hidden\"") == 1);
    CHECK(html.find("<span class=\"why\">") != std::string::npos);
}

TEST_CASE("html report: several documents get the overall summary first, then a section each") {
    Turmeric t;
    const Document pill = fixtures::makeDocument(fixtures::kPillText, "pill.txt");
    DocumentReport small;
    small.name = "pill.txt";
    small.reviewers = {"alice"};
    small.article = &pill;
    small.marks = {mark("a1", "claim", {{0, 23}})};
    ClaimReport c = claimRow("a1", "The pill may cure colds", {{0, 23}});
    c.flags.push_back({kFlagContradicted, "contradicted by 1", 100});
    c.weight = 100;  // heavier than any turmeric claim: first in the overall list
    small.claims = {c};
    small.summary.claims = 1;
    small.summary.flaggedClaims = 1;
    small.summary.worstFirst = {"a1"};
    small.summary.worstFirstRows = {0};
    Report report;
    report.documents.push_back(reportOnSet(t.article, t.sets[2], ClaimReportOptions{}, "turmeric"));
    report.documents.push_back(small);
    summarizeReport(report);
    const std::string html = reportToHtml(report);
    requireWellFormed(html);
    const std::size_t overall = html.find("id=\"all-summary\"");
    const std::size_t first = html.find("<section class=\"document\" id=\"d1\">");
    const std::size_t second = html.find("<section class=\"document\" id=\"d2\">");
    REQUIRE(overall != std::string::npos);
    REQUIRE(first != std::string::npos);
    REQUIRE(second != std::string::npos);
    CHECK(overall < first);
    CHECK(first < second);
    CHECK(html.find("id=\"d2-r1\"") != std::string::npos);
    CHECK(html.find("href=\"#d2-a1\"") != std::string::npos);
    CHECK(html.find("<title>Claim-strength report: 2 articles</title>") != std::string::npos);
    CHECK(articleText(html, first) == t.article.bytes());
    CHECK(articleText(html, second) == fixtures::kPillText);
    // The overall flagged list names the document and links into its section.
    CHECK(html.find("<a class=\"wn\" href=\"#d2-r1\">pill.txt, claim 1</a>") != std::string::npos);
}

TEST_CASE("html report: no article, no claims, no documents") {
    DocumentReport doc;
    doc.name = "gone.txt";
    doc.reviewers = {"alice"};
    doc.claims = {claimRow("a1", "A claim", {{0, 7}})};
    std::string html = reportToHtml(oneDocument(doc));
    requireWellFormed(html);
    CHECK(html.find("The article's text is not part of this report.") != std::string::npos);

    DocumentReport empty;
    empty.name = "empty.txt";
    const Document blank = fixtures::makeDocument("");
    empty.article = &blank;
    html = reportToHtml(oneDocument(empty));
    requireWellFormed(html);
    CHECK(html.find("No claims are annotated.") != std::string::npos);

    html = reportToHtml(Report{});
    requireWellFormed(html);
    CHECK(html.find("No documents were reported on.") != std::string::npos);

    std::string appended = "prefix";
    appendReportHtml(appended, Report{});
    CHECK(appended == "prefix" + html);
}

TEST_CASE("html report: options from a schema carry its colours and strength names") {
    Schema schema = Schema::claimStrength();
    for (LabelDef& label : schema.labels)
        if (label.name == "hedge") label.color = "#123456";
    const HtmlReportOptions options = htmlOptionsFromSchema(schema);
    CHECK(options.labelColors.at("hedge") == "#123456");
    REQUIRE(options.strengthLevels.size() == 5);
    CHECK(options.strengthLevels[4] == "stated as certain fact");

    const Document article = fixtures::makeDocument(fixtures::kPillText);
    DocumentReport doc;
    doc.reviewers = {"alice"};
    doc.article = &article;
    doc.marks = {mark("a2", "hedge", {{9, 12}}), mark("a9", "odd label!", {{13, 17}})};
    doc.summary.labelCounts = {{"hedge", 1}, {"odd label!", 1}};
    const std::string html = reportToHtml(oneDocument(doc), options);
    requireWellFormed(html);
    CHECK(html.find(".l-hedge{background:rgba(18,52,86,0.20);text-decoration-color:#123456") != std::string::npos);
    // A label that is no CSS identifier gets a numbered class.
    CHECK(html.find("<mark class=\"mk lx4\" title=\"odd label!\">cure</mark>") != std::string::npos);
}
