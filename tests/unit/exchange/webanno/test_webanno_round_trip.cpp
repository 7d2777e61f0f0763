// test_webanno_round_trip.cpp — claimmark -> WebAnno TSV -> claimmark gives back every
// annotation (ids, labels, spans and fragments, attributes, notes) and relation, over texts
// with emoji, combining marks, CJK, Hebrew and CRLF, with spans inside tokens.
#include "exchange/webanno/webanno_fixtures.h"

#include <doctest/doctest.h>

using namespace claimmark;
using namespace webanno_fixtures;

namespace {

// Exports `sources`, writes the files into `dir` and imports the .tsv files back.
ImportOutput roundTrip(const fixtures::TempDir& dir, const std::vector<ExportSource>& sources) {
    Result<ExportOutput> out = exportWebannoTsv(sources, ExportOptions{});
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    std::vector<std::filesystem::path> inputs;
    for (const ExportFile& file : out->files) {
        const auto path = writeInput(dir, file.relativePath, file.content);
        if (path.extension() == ".tsv") inputs.push_back(path);
    }
    Result<ImportOutput> imported = importWebannoTsv(inputs, ImportOptions{});
    REQUIRE_MESSAGE(imported.ok(), imported.errorText());
    REQUIRE(imported->documents.size() == sources.size());
    return std::move(*imported);
}

std::vector<std::string> idsAndSpans(const AnnotationSet& set) {
    std::vector<std::string> out;
    for (const Annotation* a : set.inDocumentOrder()) {
        std::string line = a->id + " " + a->label;
        for (const Span& s : a->spans) line += " " + std::to_string(s.start) + "-" + std::to_string(s.end);
        out.push_back(line);
    }
    return out;
}

}  // namespace

TEST_CASE("webanno-tsv round trip: every construct comes back exactly") {
    fixtures::TempDir dir;
    const std::vector<ExportSource> sources = {trickySource(), cafeSource()};
    const ImportOutput imported = roundTrip(dir, sources);
    for (std::size_t d = 0; d < sources.size(); ++d) {
        const ImportedDocument& doc = imported.documents[d];
        CAPTURE(doc.stem);
        CHECK(doc.stem == sources[d].stem);
        CHECK(doc.text == sources[d].document.bytes());
        CHECK(doc.articlePath == dir / (sources[d].stem + ".txt"));
        CHECK(describe(doc.set) == describe(sources[d].set));
        CHECK(idsAndSpans(doc.set) == idsAndSpans(sources[d].set));
        CHECK(doc.set.relationCount() == sources[d].set.relationCount());
    }
    const AnnotationSet& bob = imported.documents[0].set;
    REQUIRE(bob.findAnnotation("a4"));
    CHECK(bob.findAnnotation("a4")->spans == std::vector<Span>{{10, 11}, {25, 27}});
    CHECK(bob.findAnnotation("a3")->note == kTrickyNote);
    CHECK(bob.findAnnotation("a1")->attributes.at("strength") == AttributeValue(std::int64_t(4)));
    const AnnotationSet& cafe = imported.documents[1].set;
    CHECK(cafe.findAnnotation("a1")->attributes.at("checkworthy") == AttributeValue(true));
}

TEST_CASE("webanno-tsv round trip: a span inside one token, crossing tokens inside both edges") {
    fixtures::TempDir dir;
    ExportSource source = trickySource();
    // "ys 😊 we": from inside "plays" to inside "well"; "e" inside "Café" before its accent.
    add(source.set, source.document, "a6", "claim", {{7, 14}});
    add(source.set, source.document, "a7", "hedge", {{22, 24}});
    const ImportOutput imported = roundTrip(dir, {source});
    CHECK(describe(imported.documents[0].set) == describe(source.set));
    CHECK(idsAndSpans(imported.documents[0].set) == idsAndSpans(source.set));
}
