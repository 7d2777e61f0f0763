// covered_text.h — what an annotation covers in a document: its text and anchor context.
#pragma once

#include "core/model/annotation.h"
#include "core/text/document.h"

#include <string>
#include <vector>

namespace claimmark {

// The covered text of `spans`, fragments joined by one space.
std::string coveredText(const Document& document, const std::vector<Span>& spans);
// Sets text, prefix and suffix (kContextLength code points each side) from the document.
void fillFromDocument(Annotation& annotation, const Document& document);

}  // namespace claimmark
