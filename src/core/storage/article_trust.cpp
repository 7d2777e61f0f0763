// article_trust.cpp — which files a set may make claimmark read: its article must lie in the
// set's project folder or beside the set (see trustedDocumentPath in set_file.h).
#include "core/storage/set_file.h"

#include <system_error>

namespace claimmark {

namespace fs = std::filesystem;

namespace {

fs::path canonicalOrNormal(const fs::path& path) {
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec);
    if (ec) absolute = path;
    fs::path canonical = fs::weakly_canonical(absolute, ec);
    return ec ? absolute.lexically_normal() : canonical;
}

// True when `path` is `root` or lies below it (both canonical).
bool isWithin(const fs::path& path, const fs::path& root) {
    auto p = path.begin();
    for (auto r = root.begin(); r != root.end(); ++r, ++p) {
        if (r->empty()) continue;  // a trailing separator
        if (p == path.end() || *p != *r) return false;
    }
    return true;
}

}  // namespace

std::vector<fs::path> articleRoots(const fs::path& setPath) {
    std::vector<fs::path> roots;
    const fs::path folder = canonicalOrNormal(setPath).parent_path();
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
    const fs::path target = canonicalOrNormal(named);
    const std::vector<fs::path> roots = articleRoots(setPath);
    for (const fs::path& root : roots)
        if (isWithin(target, root)) return named;
    const std::string where = roots.size() == 2 ? " lies neither in the project folder " + roots[0].string() +
                                                      " nor in the set's folder " + roots[1].string()
                                                : " does not lie in the set's folder " + roots[0].string();
    return Diagnostic{setPath.string(), "document.path",
                      "\"" + set.document.path + "\" leads outside the project: " + target.string() + where +
                          "; claimmark does not read files a set points to elsewhere (name the article with "
                          "--article to use it anyway)"};
}

}  // namespace claimmark
