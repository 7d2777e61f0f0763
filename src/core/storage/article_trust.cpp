// article_trust.cpp — which files a set may make claimmark read: its article must lie in the
// set's project folder or beside the set (see trustedDocumentPath in set_file.h).
#include "core/storage/set_file.h"

#include "core/storage/file_io.h"

#include <system_error>

namespace claimmark {

namespace fs = std::filesystem;

std::vector<fs::path> articleRoots(const fs::path& setPath) {
    std::vector<fs::path> roots;
    const fs::path folder = resolvedPath(setPath).parent_path();
    // The nearest enclosing folder named "annotations": its parent is the project folder.
    for (fs::path at = folder; !at.empty() && at != at.root_path(); at = at.parent_path()) {
        if (at.filename() == "annotations") {
            roots.push_back(at.parent_path());
            break;
        }
    }
    roots.push_back(folder);
    return roots;
}

Result<fs::path> trustedDocumentPath(const fs::path& setPath, const AnnotationSet& set) {
    const fs::path named = resolveDocumentPath(setPath, set);
    const fs::path target = resolvedPath(named);
    const std::vector<fs::path> roots = articleRoots(setPath);
    for (const fs::path& root : roots)
        if (liesInside(target, root)) return named;
    const std::string where = roots.size() == 2 ? " lies neither in the project folder " + roots[0].string() +
                                                      " nor in the set's folder " + roots[1].string()
                                                : " does not lie in the set's folder " + roots[0].string();
    return Diagnostic{setPath.string(), "document.path",
                      "\"" + set.document.path + "\" leads outside the project: " + target.string() + where +
                          "; claimmark does not read files a set points to elsewhere (name the article with "
                          "--article to use it anyway)"};
}

}  // namespace claimmark
