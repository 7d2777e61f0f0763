// front_matter.h — the YAML front matter at the top of a Markdown file, read for the few flat
// keys intake uses (`title`, `author` / `authors`, `date`). Not a YAML parser: a small reader
// for the shapes blogs and static-site generators write.
//
// [SECTION] What counts as front matter
//   The first line is `---` (trailing spaces allowed); the block ends at the next line that
//   is `---` or `...`. Without a closing line there is no front matter (the `---` is then a
//   thematic break of the Markdown). Lines may end in LF or CRLF.
// [SECTION] What is read
//   Top-level `key: value` lines (no indentation). A value is
//     - plain:            title: A study of things     (a " #comment" after it dropped)
//     - quoted:           title: "A \"study\""  or  'It''s'   (YAML's escapes, the common ones)
//     - a flow list:      author: [Ann Lee, "Bo, Jr."]
//     - a block list:     author:            followed by indented or unindented `- name` lines
//                         (`- name: Ann Lee` items give their `name`)
//     - a mapping:        author:            followed by indented `name: Ann Lee`
//     - a block scalar:   title: >           followed by indented lines (joined by spaces)
//     - plain continued:  further lines indented deeper than the key (joined by spaces)
//   `~`, `null` and an empty value are no value. Several authors are joined by ", ". Every
//   other key, and anything this reader does not understand, is ignored.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace claimmark::intake {

struct FrontMatter {
    bool present = false;
    std::string title;
    std::string author;          // several joined by ", "
    std::string date;            // as written
    std::size_t bodyOffset = 0;  // where the Markdown after the front matter starts (bytes)
    int bodyFirstLine = 1;       // the line number (1-based) of that offset in the input
};

// `text` is the whole file (a BOM already skipped).
FrontMatter readFrontMatter(std::string_view text);

}  // namespace claimmark::intake
