// report_input.h — gathering what `report` reads: sets named on the command line, grouped
// by the article they annotate, each set read once.
//
// Sets of the same article (same file after resolving links) become one team document; sets
// of different articles become separate documents. Each set's article is the file its
// document.path names, held to the trust boundary (set_file.h trustedDocumentPath). A set
// made on another version of its article (SHA-256 differs) is re-anchored onto the file on
// disk and a note says so. Gold sets (annotator "gold", or with disputed annotations) are the
// primary set of their document. Reviewer names come from each set's annotator (the file
// stem when empty), made unique within the document.
#pragma once

#include "core/diagnostic.h"
#include "core/model/annotation_set.h"
#include "core/text/document.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace claimmark {

struct ReportDocumentInput {
    std::string name;         // the article's file name
    std::string articlePath;  // the article's path, as resolved from the first set
    std::unique_ptr<Document> article;
    std::vector<std::unique_ptr<AnnotationSet>> sets;
    std::vector<std::string> reviewers;  // one per set
    std::vector<std::string> files;      // one per set: its path as named
    int primary = -1;                    // the gold set's index, or -1
};

struct ReportInput {
    std::vector<ReportDocumentInput> documents;  // in the order their first set was named
    std::vector<std::string> notes;
};

// True for an adjudicated set: annotator "gold" or any disputed annotation.
bool isGoldSet(const AnnotationSet& set);

// Fails with every unreadable set and every article that is missing, refused or unreadable.
// `article`, when given (--article), is the article of every set, trusted as named.
Result<ReportInput> loadReportSets(const std::vector<std::filesystem::path>& setPaths,
                                   const std::optional<std::filesystem::path>& article = std::nullopt);

}  // namespace claimmark
