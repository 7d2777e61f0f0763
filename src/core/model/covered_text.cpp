#include "core/model/covered_text.h"

#include <algorithm>

namespace claimmark {

std::string coveredText(const Document& document, const std::vector<Span>& spans) {
    std::string text;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        if (i > 0) text += ' ';
        text += document.slice(spans[i].start, spans[i].end);
    }
    return text;
}

void fillFromDocument(Annotation& annotation, const Document& document) {
    annotation.text = coveredText(document, annotation.spans);
    const std::size_t start = std::min(annotation.start(), document.length());
    const std::size_t end = std::min(annotation.end(), document.length());
    annotation.prefix = std::string(document.slice(start > kContextLength ? start - kContextLength : 0, start));
    annotation.suffix = std::string(document.slice(end, std::min(document.length(), end + kContextLength)));
}

}  // namespace claimmark
