// import_support.h — what every importer shares: a set under construction for one imported
// document, which grows the embedded schema for labels, attributes and relation types it
// lacks (saying so once each) and checks every span against the text.
#pragma once

#include "core/exchange/exchange.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace claimmark {

class ImportBuilder {
public:
    // `text` must be valid UTF-8 (else the Document diagnostics, naming `sourceFile`).
    static Result<ImportBuilder> create(std::string text, std::string stem, std::string sourceFile,
                                        const ImportOptions& options);

    const Document& document() const { return m_document; }
    AnnotationSet& set() { return m_result.set; }
    ImportedDocument& result() { return m_result; }

    // Adds `label` to the schema when missing (a new colour, no attributes).
    void ensureLabel(const std::string& label);
    // The value as `label`'s attribute `name` expects it: "4" for an ordinal becomes 4,
    // "true"/"false" for a bool become booleans. An attribute the schema lacks is added
    // (bool, ordinal or enum from the value's type); an enum value not listed is added to
    // the list; an ordinal outside min..max widens the range. Empty string: the value does
    // not fit (e.g. "high" for an ordinal) and the message says why.
    std::string ensureAttribute(const std::string& label, const std::string& name, const nlohmann::json& value,
                                AttributeValue& converted);
    // Adds the type, or lets it connect these labels, when the schema does not allow it.
    void ensureRelation(const std::string& type, const std::string& fromLabel, const std::string& toLabel);

    // Checks spans (code points) against the document: in range, non-empty, and — when
    // `statedText` is given — that the covered text (fragments joined by one space) equals
    // it. Returns an empty string when fine, else the problem ("expected \"x\", found \"y\"").
    // A stated text that differs only by white space around it (real corpora often store
    // "aspirin " over offsets that cover "aspirin") is taken as the offsets say, and counted.
    std::string checkSpans(std::vector<Span>& spans, const std::string* statedText) const;
    // Counts one more such span (for importers that compare texts themselves).
    void countStrayWhiteSpace() const { ++m_strayWhiteSpace; }

    // Adds an annotation with a fresh id (or `id` when free), origin "imported", text and
    // context filled from the document. The label must exist (ensureLabel). Returns the id,
    // or an empty string and `error` set.
    std::string addAnnotation(const std::string& label, std::vector<Span> spans, Attributes attributes,
                              std::string note, std::string& error, const std::string& id = "");
    std::string addRelation(const std::string& type, const std::string& from, const std::string& to,
                            std::string& error);

    // Notices gathered so far (schema additions, stated texts with stray white space), each
    // once, prefixed with the source file.
    std::vector<std::string> notices() const;
    // The finished document; the set's document.sha256 and length are filled.
    ImportedDocument finish() &&;

private:
    ImportBuilder() = default;
    Document m_document;
    ImportedDocument m_result;
    std::string m_sourceFile;
    std::string m_created;
    std::vector<std::string> m_notices;
    std::set<std::string> m_noticed;
    mutable std::size_t m_strayWhiteSpace = 0;

    void notice(const std::string& text);
};

// On an import whose data brought labels of its own (a corpus of other labels), the labels
// of the built-in claim-strength schema that no document uses are left out of every set's
// schema (with the relation types only they could take part in), so the editor's palette and
// the agreement tables show the corpus's labels only; labels left without a hotkey get the
// lowest free digit. Said in a notice. Imports of claim-strength data keep the full schema.
void dropUnusedBuiltInLabels(ImportOutput& output);

// The inputs with each folder replaced by its regular files whose extension is one of
// `extensions` (".json"), in name order; files are kept as named.
std::vector<std::filesystem::path> filesInFolders(const std::vector<std::filesystem::path>& inputs,
                                                  const std::vector<std::string>& extensions);

// `stated` and `found` are the same text but for white space (ASCII, NBSP) around either.
bool sameButSurroundingWhiteSpace(std::string_view stated, std::string_view found);

}  // namespace claimmark
