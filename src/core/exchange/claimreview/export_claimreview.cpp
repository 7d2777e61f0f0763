// export_claimreview.cpp — schema.org ClaimReview JSON-LD, what fact-checkers publish: one
// ClaimReview per "claim" annotation whose `verdict` attribute is set and not "unrated".
//
// The file is {"@context": "https://schema.org", "@graph": [ClaimReview, ...]}, documents in
// the order given, claims in document order. Each ClaimReview:
//   "@id"            urn:claimmark:<stem>:annotation:<id> (the IRI the w3c export uses)
//   "url"            the fact-check's own page: ReviewPublication::reviewUrl with "{article}"
//                    replaced by the document's stem
//   "claimReviewed"  the claim's covered text
//   "reviewRating"   {"@type": "Rating", "alternateName": the verdict in words, and for the
//                     graded verdicts "ratingValue" 1..5 with "worstRating" 1, "bestRating" 5:
//                     false 1, misleading 2, mixed 3, mostly-accurate 4, accurate 5;
//                     "unsupported" and verdicts a custom schema adds have words only}
//   "itemReviewed"   {"@type": "Claim", "appearance": {"@type": "CreativeWork", "name": the
//                     article's title from its source record, else its file name; "url": the
//                     record's url, else the set's document "url" key; "author" (Person),
//                     "datePublished" and "publisher" (Organization) from the record;
//                     "identifier": the article's SHA-256 as a PropertyValue}}
//   "author"         {"@type": "Organization", "name": the publisher, "url"} when a publisher
//                    is given, else {"@type": "Person", "name": the set's annotator}
//   "datePublished"  the annotation's modified time (else created), when known
//   "reviewBody"     the note, when there is one
// Google's required fields (claimReviewed, reviewRating.alternateName, url) are checked
// before anything is written: a missing review URL, one URL for several articles without
// "{article}", or a claim without text is an error naming what is missing.
// ClaimReview has no place for offsets; the unit is fixed and nothing positional is written.
// The file is laid out as nlohmann::json's dump(2) of that whole object would be, but each
// ClaimReview is dumped on its own and written as it is made: no tree of every review.
#include "core/exchange/exchange_formats.h"
#include "core/exchange/export_sink.h"

#include "core/model/covered_text.h"
#include "core/exchange/w3c/w3c_format.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace claimmark {

namespace {

using ordered_json = nlohmann::ordered_json;

struct VerdictWords {
    const char* value;
    const char* words;
    int rating;  // 0: no numeric rating
};

const VerdictWords kVerdicts[] = {
    {"accurate", "Accurate", 5}, {"mostly-accurate", "Mostly accurate", 4},
    {"mixed", "Mixed", 3},       {"misleading", "Misleading", 2},
    {"false", "False", 1},       {"unsupported", "Unsupported", 0},
};

ordered_json ratingFor(const std::string& verdict) {
    ordered_json rating = ordered_json::object();
    rating["@type"] = "Rating";
    for (const VerdictWords& v : kVerdicts) {
        if (verdict != v.value) continue;
        rating["alternateName"] = v.words;
        if (v.rating > 0) {
            rating["ratingValue"] = v.rating;
            rating["worstRating"] = 1;
            rating["bestRating"] = 5;
        }
        return rating;
    }
    rating["alternateName"] = verdict;  // a verdict a custom schema added: as written
    return rating;
}

ordered_json appearanceOf(const ExportSource& source) {
    ordered_json work = ordered_json::object();
    work["@type"] = "CreativeWork";
    const ArticleOrigin& origin = source.origin;
    const std::string fileName = std::filesystem::path(source.set.document.path).filename().string();
    work["name"] = !origin.title.empty() ? origin.title : fileName.empty() ? source.stem : fileName;
    const nlohmann::json& extra = source.set.document.extra;
    if (!origin.url.empty()) work["url"] = origin.url;
    else if (extra.is_object() && extra.contains("url") && extra["url"].is_string())
        work["url"] = extra["url"].get<std::string>();
    if (!origin.author.empty()) work["author"] = {{"@type", "Person"}, {"name", origin.author}};
    if (!origin.published.empty()) work["datePublished"] = origin.published;
    if (!origin.publisher.empty()) work["publisher"] = {{"@type", "Organization"}, {"name", origin.publisher}};
    ordered_json identifier = ordered_json::object();
    identifier["@type"] = "PropertyValue";
    identifier["propertyID"] = "sha256";
    identifier["value"] = source.document.sha256();
    work["identifier"] = std::move(identifier);
    return work;
}

const std::string* verdictOf(const Annotation& a) {
    auto verdict = a.attributes.find("verdict");
    const std::string* value = verdict != a.attributes.end() ? std::get_if<std::string>(&verdict->second) : nullptr;
    return value && !value->empty() && *value != "unrated" ? value : nullptr;
}

bool reviewed(const Annotation& a) { return a.label == "claim" && !a.orphaned && verdictOf(a); }

constexpr std::string_view kArticlePlaceholder = "{article}";

std::string reviewUrlFor(const std::string& pattern, const std::string& stem) {
    std::string url = pattern;
    for (std::size_t at; (at = url.find(kArticlePlaceholder)) != std::string::npos;)
        url.replace(at, kArticlePlaceholder.size(), stem);
    return url;
}

bool isWhiteSpace(const std::string& text) { return text.find_first_not_of(" \t\r\n\f\v") == std::string::npos; }

// Google's required fields, before a byte is written.
Diagnostics requiredFieldProblems(const std::vector<ExportSource>& sources, const ReviewPublication& review) {
    Diagnostics problems;
    std::size_t documentsReviewed = 0;
    for (const ExportSource& source : sources) {
        bool any = false;
        for (const Annotation* a : source.set.inDocumentOrder()) {
            if (!reviewed(*a)) continue;
            any = true;
            if (isWhiteSpace(coveredText(source.document, a->spans)))
                problems.push_back(
                    {source.setPath.string(), "",
                     "claim " + a->id + " covers only white space; Google's ClaimReview requires claimReviewed text"});
        }
        documentsReviewed += any ? 1 : 0;
    }
    if (documentsReviewed == 0) return problems;
    const std::string& url = review.reviewUrl;
    if (url.empty()) {
        problems.push_back({"", "",
                            "Google's ClaimReview requires the fact-check's own url (the page that publishes "
                            "it): give --review-url URL, or \"review_url\" in claimmark-project.json"});
    } else if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) {
        problems.push_back({"", "", "the review url '" + url + "' is not an http(s) URL"});
    } else if (documentsReviewed > 1 && url.find(kArticlePlaceholder) == std::string::npos) {
        problems.push_back({"", "",
                            "one review url for " + std::to_string(documentsReviewed) +
                                " articles: each article's fact-check is a page of its own; put {article} in "
                                "the url (it becomes each article's name)"});
    }
    return problems;
}

ordered_json reviewAuthor(const ReviewPublication& review, const std::string& annotator) {
    ordered_json author = ordered_json::object();
    if (!review.publisher.empty()) {
        author["@type"] = "Organization";
        author["name"] = review.publisher;
        if (!review.publisherUrl.empty()) author["url"] = review.publisherUrl;
    } else if (!annotator.empty()) {
        author["@type"] = "Person";
        author["name"] = annotator;
    }
    return author;
}

// `review` as one item of "@graph" in the whole file's dump(2): indented two levels deeper
// (a line break inside a JSON string is written "\n", so every real one is layout).
void writeGraphItem(ExportSink& out, const ordered_json& review, bool first) {
    out += first ? "\n    " : ",\n    ";
    const std::string text = review.dump(2);
    std::size_t lineStart = 0;
    for (std::size_t lineEnd; (lineEnd = text.find('\n', lineStart)) != std::string::npos; lineStart = lineEnd + 1) {
        out += std::string_view(text).substr(lineStart, lineEnd + 1 - lineStart);
        out += "    ";
    }
    out += std::string_view(text).substr(lineStart);
}

}  // namespace

Result<ExportReport> writeClaimReview(const std::vector<ExportSource>& sources, const ExportOptions& options,
                                      ExportSink& out) {
    if (Diagnostics problems = requiredFieldProblems(sources, options.review); !problems.empty()) return problems;
    ExportReport output;
    std::size_t written = 0;
    std::size_t withoutVerdict = 0;
    out.beginFile("");
    out += "{\n  \"@context\": \"https://schema.org\",\n  \"@graph\": [";
    for (const ExportSource& source : sources) {
        std::size_t orphaned = 0;
        const ordered_json appearance = appearanceOf(source);
        const ordered_json author = reviewAuthor(options.review, source.set.annotator);
        const std::string url = reviewUrlFor(options.review.reviewUrl, source.stem);
        for (const Annotation* a : source.set.inDocumentOrder()) {
            if (a->label != "claim") continue;
            if (a->orphaned) {
                ++orphaned;
                continue;
            }
            const std::string* value = verdictOf(*a);
            if (!value) {
                ++withoutVerdict;
                continue;
            }
            ordered_json claim = ordered_json::object();
            claim["@type"] = "Claim";
            claim["appearance"] = appearance;

            ordered_json review = ordered_json::object();
            review["@type"] = "ClaimReview";
            review["@id"] = w3c::annotationIri(source.stem, a->id, 0, 0);
            review["url"] = url;
            review["claimReviewed"] = coveredText(source.document, a->spans);
            review["reviewRating"] = ratingFor(*value);
            review["itemReviewed"] = std::move(claim);
            if (!author.empty()) review["author"] = author;
            const std::string& date = !a->modified.empty() ? a->modified : a->created;
            if (!date.empty()) review["datePublished"] = date;
            if (!a->note.empty()) review["reviewBody"] = a->note;
            try {
                writeGraphItem(out, review, written == 0);
            } catch (const nlohmann::json::exception& e) {
                return Diagnostic{"", "", std::string("cannot write ClaimReview JSON-LD: ") + e.what()};
            }
            ++written;
        }
        if (orphaned > 0)
            output.notices.push_back(source.setPath.string() + ": left out " + std::to_string(orphaned) +
                                     " orphaned claim(s) (their offsets refer to an older text)");
    }
    if (withoutVerdict > 0)
        output.notices.push_back(std::to_string(withoutVerdict) + " claim(s) have no verdict and were left out");
    if (written > 0 && options.review.publisher.empty())
        output.notices.push_back(
            "claimreview: no --publisher (or \"publisher\" in claimmark-project.json): each review's author is "
            "its annotator; Google recommends the fact-checking organisation");
    output.notices.push_back("claimreview: " + std::to_string(written) + " ClaimReview(s) written");
    out += written > 0 ? "\n  ]\n}\n" : "]\n}\n";
    return output;
}

}  // namespace claimmark
