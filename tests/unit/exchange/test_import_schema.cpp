// test_import_schema.cpp — the schema an import gives its sets: a corpus of other labels gets
// those labels only (the built-in claim-strength labels it does not use are left out, with
// their relation types), one schema for all documents of the import, hotkeys for the new
// labels; claim-strength data keeps the full built-in schema.
#include "core/exchange/exchange.h"
#include "core/exchange/import_support.h"
#include "exchange/exchange_fixtures.h"
#include "fixtures.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace claimmark;
namespace fs = std::filesystem;
using namespace exchange_fixtures;

namespace {

std::vector<std::string> labelNames(const Schema& schema) {
    std::vector<std::string> names;
    for (const LabelDef& def : schema.labels) names.push_back(def.name + "/" + def.hotkey);
    return names;
}

std::vector<std::string> relationTypes(const Schema& schema) {
    std::vector<std::string> types;
    for (const RelationDef& def : schema.relations) types.push_back(def.type);
    return types;
}

Result<ImportOutput> importFolder(const fs::path& folder) {
    return runImportFormat(*findImportFormat("brat"), {folder}, ImportOptions{});
}

}  // namespace

TEST_CASE("a brat corpus of other labels gets its own labels only, the same schema in every document") {
    fixtures::TempDir dir;
    // Three documents: one with Person and a relation, one with Place, one with nothing.
    fixtures::writeFile(dir / "a.txt", "Ada met Bob.");
    fixtures::writeFile(dir / "a.ann", "T1\tPerson 0 3\tAda\nT2\tPerson 8 11\tBob\nR1\tKnows Arg1:T1 Arg2:T2\n");
    fixtures::writeFile(dir / "b.txt", "Paris in May.");
    fixtures::writeFile(dir / "b.ann", "T1\tPlace 0 5\tParis\nA1\tSize T1 big\n");
    fixtures::writeFile(dir / "c.txt", "Nothing here.");
    fixtures::writeFile(dir / "c.ann", "");

    Result<ImportOutput> out = importFolder(dir.path());
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    REQUIRE(out->documents.size() == 3);
    for (const ImportedDocument& document : out->documents) {
        INFO(document.stem);
        CHECK(labelNames(document.set.schema) == std::vector<std::string>{"Person/1", "Place/2"});
        CHECK(relationTypes(document.set.schema) == std::vector<std::string>{"Knows"});
        const LabelDef* place = document.set.schema.findLabel("Place");
        REQUIRE(place != nullptr);
        CHECK(place->findAttribute("Size") != nullptr);  // attributes added in b reach a and c too
    }
    CHECK(anyContains(out->notices, "left the built-in labels \"caveat\", \"claim\", \"evidence\", \"hedge\""));
}

TEST_CASE("a corpus that uses some built-in labels keeps those, and drops the others") {
    fixtures::TempDir dir;
    fixtures::writeFile(dir / "a.txt", "Tea may help.");
    fixtures::writeFile(dir / "a.ann", "T1\tclaim 0 12\tTea may help\nT2\tDrug 0 3\tTea\n");
    Result<ImportOutput> out = importFolder(dir.path());
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    const Schema& schema = out->documents.at(0).set.schema;
    CHECK(labelNames(schema) == std::vector<std::string>{"claim/1", "Drug/2"});
    // Relation types of the built-in schema can only join dropped labels, or are unused.
    for (const RelationDef& def : schema.relations) {
        for (const std::string& label : def.from) CHECK(schema.findLabel(label) != nullptr);
        for (const std::string& label : def.to) CHECK(schema.findLabel(label) != nullptr);
    }
    CHECK(anyContains(out->notices, "left the built-in labels \"caveat\", \"evidence\", \"hedge\""));
}

TEST_CASE("claim-strength data keeps the full built-in schema") {
    fixtures::TempDir dir;
    fixtures::writeFile(dir / "a.txt", "Tea may help.");
    fixtures::writeFile(dir / "a.ann", "T1\tclaim 0 12\tTea may help\nT2\thedge 4 7\tmay\n");
    Result<ImportOutput> out = importFolder(dir.path());
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    CHECK(labelNames(out->documents.at(0).set.schema) == labelNames(Schema::claimStrength()));
    CHECK_FALSE(anyContains(out->notices, "left the built-in"));
}

TEST_CASE("an import with no annotation at all keeps the schema it has") {
    fixtures::TempDir dir;
    fixtures::writeFile(dir / "a.txt", "Nothing here.");
    fixtures::writeFile(dir / "a.ann", "");
    Result<ImportOutput> out = importFolder(dir.path());
    REQUIRE_MESSAGE(out.ok(), out.errorText());
    CHECK(labelNames(out->documents.at(0).set.schema) == labelNames(Schema::claimStrength()));
}
