// bench_intake_pages.cpp — the HTML extractor on real saved pages: how much of the article it
// keeps, how much boilerplate it drops, and whether it finds the title, author and date.
//
//   bench_intake_pages [FOLDER] [--verbose] [--dump FILE]
//
// FOLDER (default ../shared/data/web-pages) holds pages/<file>.html and expected.json: per file
// `with` snippets the text must contain, `without` snippets it must not, and where known
// `title`, `author`, `date`. Snippets are compared after normalizeBlockText, case-sensitively.
// Matches: title — equal or one containing the other, case and white space ignored; author —
// one containing the other, likewise; date — the YYYY-MM-DD start of `published` equals it.
// Not run by ctest: the pages are not part of the repository.
#include "core/intake/article_text.h"
#include "core/intake/html/html_extract.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

using namespace claimmark;
using namespace claimmark::intake;
using json = nlohmann::json;

namespace {

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Case-folded (ASCII and the common Latin-1 capitals) and white space normalised.
std::string fold(std::string_view text) {
    std::string normalized = normalizeBlockText(text);
    std::string out;
    for (std::size_t i = 0; i < normalized.size(); ++i) {
        const auto c = static_cast<unsigned char>(normalized[i]);
        if (c < 0x80) {
            out += static_cast<char>(std::tolower(c));
        } else if (c == 0xC3 && i + 1 < normalized.size() && static_cast<unsigned char>(normalized[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(normalized[i + 1]) <= 0x9E) {
            out += static_cast<char>(c);
            out += static_cast<char>(normalized[++i] + 0x20);
        } else {
            out += static_cast<char>(c);
        }
    }
    // Typographic quotes and dashes count as their ASCII forms.
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"\xE2\x80\x9C", "\""},
                                   {"\xE2\x80\x9D", "\""},
                                   {"\xE2\x80\x9E", "\""},
                                   {"\xC2\xAB", "\""},
                                   {"\xC2\xBB", "\""},
                                   {"\xE2\x80\x98", "'"},
                                   {"\xE2\x80\x99", "'"},
                                   {"\xE2\x80\x93", "-"},
                                   {"\xE2\x80\x94", "-"}}) {
        std::size_t at = 0;
        while ((at = out.find(from, at)) != std::string::npos) out.replace(at, from.size(), to);
    }
    return out;
}

double percent(std::size_t part, std::size_t whole) {
    return whole == 0 ? 100.0 : 100.0 * double(part) / double(whole);
}

}  // namespace

int main(int argc, char** argv) {
    std::filesystem::path folder = "../shared/data/web-pages";
    bool verbose = false;
    std::string dump;  // --dump FILE: print that page's notes, metadata and text
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--verbose") {
            verbose = true;
        } else if (arg == "--dump" && i + 1 < argc) {
            dump = argv[++i];
        } else {
            folder = arg;
        }
    }
    const std::string expectedText = readFile(folder / "expected.json");
    const json expected = json::parse(expectedText, nullptr, false);
    if (expected.is_discarded() || !expected.is_object()) {
        std::cerr << "bench_intake_pages: cannot read " << (folder / "expected.json").string() << "\n";
        return 2;
    }

    std::size_t pages = 0, failed = 0, with = 0, kept = 0, without = 0, dropped = 0;
    std::size_t titles = 0, titleMatches = 0, authors = 0, authorMatches = 0, dates = 0, dateMatches = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const auto& [file, want] : expected.items()) {
        const std::filesystem::path path = folder / "pages" / file;
        if (!std::filesystem::exists(path) || (!dump.empty() && file != dump)) continue;
        ++pages;
        const std::string bytes = readFile(path);
        HtmlInput input;
        input.bytes = bytes;
        input.baseUrl = want.value("url", "");
        const Result<ExtractedArticle> article = extractHtml(input, file);
        std::string text;
        SourceMetadata metadata;
        if (article) {
            text = articleText(article->blocks);
            metadata = article->metadata;
            if (!dump.empty()) {
                for (const auto& note : article->notes) std::cout << "note: " << note << "\n";
                std::cout << "title: " << metadata.title << "\nauthor: " << metadata.author
                          << "\npublished: " << metadata.published << "\n----\n"
                          << text << "----\n";
            }
        } else {
            ++failed;
            if (verbose) std::cout << file << ": error: " << article.errorText() << "\n";
        }
        const std::string flat = normalizeBlockText(text);
        for (const auto& snippet : want.value("with", json::array())) {
            ++with;
            if (flat.find(normalizeBlockText(snippet.get<std::string>())) != std::string::npos) {
                ++kept;
            } else if (verbose) {
                std::cout << file << ": missing: " << snippet.get<std::string>() << "\n";
            }
        }
        for (const auto& snippet : want.value("without", json::array())) {
            ++without;
            if (flat.find(normalizeBlockText(snippet.get<std::string>())) == std::string::npos) {
                ++dropped;
            } else if (verbose) {
                std::cout << file << ": kept boilerplate: " << snippet.get<std::string>() << "\n";
            }
        }
        if (want.contains("title") && want["title"].is_string()) {
            ++titles;
            const std::string a = fold(want["title"].get<std::string>()), b = fold(metadata.title);
            const bool match = !b.empty() && (a.find(b) != std::string::npos || b.find(a) != std::string::npos);
            titleMatches += match;
            if (!match && verbose)
                std::cout << file << ": title: \"" << metadata.title << "\" want \"" << want["title"].get<std::string>()
                          << "\"\n";
        }
        if (want.contains("author") && want["author"].is_string()) {
            ++authors;
            const std::string a = fold(want["author"].get<std::string>()), b = fold(metadata.author);
            const bool match = !b.empty() && (a.find(b) != std::string::npos || b.find(a) != std::string::npos);
            authorMatches += match;
            if (!match && verbose)
                std::cout << file << ": author: \"" << metadata.author << "\" want \""
                          << want["author"].get<std::string>() << "\"\n";
        }
        if (want.contains("date") && want["date"].is_string()) {
            ++dates;
            const std::string d = want["date"].get<std::string>();
            const bool match = metadata.published.size() >= 10 && metadata.published.substr(0, 10) == d.substr(0, 10);
            dateMatches += match;
            if (!match && verbose)
                std::cout << file << ": date: \"" << metadata.published << "\" want \"" << d << "\"\n";
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double keptPct = percent(kept, with), droppedPct = percent(dropped, without);
    const double titlePct = percent(titleMatches, titles);
    std::printf("pages: %zu\n", pages);
    std::printf("extraction_errors: %zu\n", failed);
    std::printf("with_snippets: %zu\nwith_kept_pct: %.1f\n", with, keptPct);
    std::printf("without_snippets: %zu\nwithout_dropped_pct: %.1f\n", without, droppedPct);
    std::printf("title_pages: %zu\ntitle_match_pct: %.1f\n", titles, titlePct);
    std::printf("author_pages: %zu\nauthor_match_pct: %.1f\n", authors, percent(authorMatches, authors));
    std::printf("date_pages: %zu\ndate_match_pct: %.1f\n", dates, percent(dateMatches, dates));
    std::printf("seconds: %.2f\n", seconds);
    std::printf("target with_kept_pct >= 95: %s\n", keptPct >= 95 ? "met" : "missed");
    std::printf("target without_dropped_pct >= 90: %s\n", droppedPct >= 90 ? "met" : "missed");
    std::printf("target title_match_pct >= 90: %s\n", titlePct >= 90 ? "met" : "missed");
    return 0;
}
