// export_support.h — what several exporters share: the notice for the orphaned annotations
// of a set they leave out, and the check that every annotation fits its article.
#pragma once

#include "core/exchange/exchange.h"

#include <cstddef>
#include <string>
#include <vector>

namespace claimmark {

// "<set path>: left out N orphaned annotation(s) (their offsets refer to an older text)".
inline std::string orphansLeftOutNotice(const ExportSource& source, std::size_t orphaned) {
    return source.setPath.string() + ": left out " + std::to_string(orphaned) +
           " orphaned annotation(s) (their offsets refer to an older text)";
}

// One error per annotation (orphans aside) without spans or with spans past its article's
// end: exporters write nothing then.
inline Diagnostics annotationsOutsideArticles(const std::vector<ExportSource>& sources) {
    Diagnostics errors;
    for (const ExportSource& source : sources)
        for (const Annotation* a : source.set.inDocumentOrder())
            if (!a->orphaned && (a->spans.empty() || a->end() > source.document.length()))
                errors.push_back(
                    {source.setPath.string(), "annotations[" + a->id + "]",
                     "spans lie outside the article (" + std::to_string(source.document.length()) + " code points)"});
    return errors;
}

}  // namespace claimmark
