// project_layout.h — where files live by default: the annotation set of an article, and
// the annotator's name.
//
// A project keeps its articles in `samples/` and the sets beside it in
// `annotations/<article-stem>/<annotator>.json` (DESIGN.md, "Layers"). An article anywhere
// else gets its sets in an `annotations/` folder next to it, laid out the same way.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace claimmark {

// The set `annotator` writes for `article`:
//   <root>/annotations/<stem>/<annotator>.json  when the article's folder is named
//                                               `samples` (root = that folder's parent)
//   <article folder>/annotations/<stem>/<annotator>.json  otherwise.
// The annotator is passed through sanitizeFileName() first, so a name can never climb out
// of the folder ("../x" becomes "___x"). The result is lexically normalised and stays
// relative when `article` is relative.
std::filesystem::path defaultSetPath(const std::filesystem::path& article, const std::string& annotator);

// The login name (getlogin_r, then $USER), sanitised; "annotator" when neither is usable.
std::string defaultAnnotatorName();

// A name safe as one path component on every common file system: ASCII letters, digits,
// '-', '_' and '.' are kept, well-formed UTF-8 sequences are kept, anything else (slashes,
// spaces, control characters, stray bytes) becomes '_'. Leading dots become '_' (no hidden
// files, no ".."), the result is cut to 64 bytes on a character boundary, and an empty
// result becomes `fallback`.
std::string sanitizeFileName(std::string_view name, std::string_view fallback = "annotator");

}  // namespace claimmark
