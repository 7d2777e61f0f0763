// Label Studio --as predictions: each set becomes a prediction (a pre-annotation to review)
// with its pending suggestions marked, and reads back as the set it came from; predictions
// of other models are not imported.
#include "core/exchange/exchange.h"
#include "core/exchange/exchange_formats.h"
#include "exchange/exchange_fixtures.h"
#include "fixtures.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace claimmark;
using nlohmann::json;
using namespace exchange_fixtures;

namespace {

// alice's café set with the hedge a2 still a pending suggestion.
ExportSource withPendingHedge() {
    ExportSource source = cafeSource();
    Annotation hedge = *source.set.findAnnotation("a2");
    hedge.status = kSuggestedStatus;
    hedge.origin = "suggested";
    hedge.rule = "hedge.modal.may";
    REQUIRE(source.set.replaceAnnotation(hedge).ok());
    return source;
}

const json* region(const json& results, const std::string& id) {
    for (const json& r : results)
        if (r.value("id", "") == id && r.value("from_name", "") == "label") return &r;
    return nullptr;
}

}  // namespace

TEST_CASE("labelstudio --as predictions: a prediction with the suggestions marked, no annotation") {
    ExportOptions options;
    options.asPredictions = true;
    const ExportOutput out = oneFile(exportLabelStudio({withPendingHedge()}, options));
    const json task = json::parse(out.files[0].content).at(0);
    CHECK_FALSE(task.contains("annotations"));
    REQUIRE(task.at("predictions").size() == 1);
    const json& prediction = task["predictions"][0];
    CHECK(prediction.at("model_version") == "claimmark suggest");
    CHECK(prediction.at("claimmark_annotator") == "alice");
    const json& results = prediction.at("result");
    const json* hedge = region(results, "a2");
    REQUIRE(hedge);
    CHECK(hedge->at("claimmark_status") == "suggested");
    CHECK(hedge->at("claimmark_rule") == "hedge.modal.may");
    CHECK(hedge->at("value").at("text") == "may");
    const json* claim = region(results, "a1");
    REQUIRE(claim);
    CHECK_FALSE(claim->contains("claimmark_status"));
    // The relation from the suggested hedge to the claim is in the prediction too.
    bool relation = false;
    for (const json& r : results)
        if (r.value("type", "") == "relation" && r["from_id"] == "a2" && r["to_id"] == "a1") relation = true;
    CHECK(relation);
    CHECK(anyContains(out.notices, "1 set written as predictions (pre-annotations to review), with 1 pending"));
    CHECK(out.besideFiles.size() == 1);
}

TEST_CASE("labelstudio predictions read back: the set, its pending suggestions and their rules") {
    ExportOptions options;
    options.asPredictions = true;
    const ExportSource source = withPendingHedge();
    const ExportOutput out = oneFile(exportLabelStudio({source}, options));
    fixtures::TempDir dir;
    const auto input = writeInput(dir, "tasks.json", out.files[0].content);
    Result<ImportOutput> imported = importLabelStudio({input}, ImportOptions{});
    REQUIRE_MESSAGE(imported.ok(), imported.errorText());
    REQUIRE(imported->documents.size() == 1);
    const AnnotationSet& set = imported->documents[0].set;
    CHECK(set.annotator == "alice");
    CHECK(describe(set) == describe(source.set));
    const Annotation* hedge = withText(set, "may");
    REQUIRE(hedge);
    CHECK(hedge->status == "suggested");
    CHECK(hedge->rule == "hedge.modal.may");
    CHECK(hedge->origin == "suggested");
    const Annotation* evidence = set.findAnnotation("a3");
    REQUIRE(evidence);
    CHECK(evidence->status.empty());
    CHECK(set.relations().size() == 3);
}

TEST_CASE("labelstudio import: predictions of another model are left out with a notice") {
    fixtures::TempDir dir;
    const json tasks =
        json::array({{{"data", {{"text", "It may rain."}}},
                      {"predictions",
                       {{{"model_version", "ner-v2"},
                         {"result",
                          {{{"id", "p1"},
                            {"from_name", "label"},
                            {"to_name", "text"},
                            {"type", "labels"},
                            {"value", {{"start", 3}, {"end", 6}, {"text", "may"}, {"labels", {"hedge"}}}}}}}}}}}});
    const auto input = writeInput(dir, "tasks.json", tasks.dump());
    Result<ImportOutput> imported = importLabelStudio({input}, ImportOptions{});
    REQUIRE_MESSAGE(imported.ok(), imported.errorText());
    REQUIRE(imported->documents.size() == 1);
    CHECK(imported->documents[0].set.annotations().empty());
    CHECK(anyContains(imported->notices, "[0].predictions: 1 prediction(s) of another model not imported"));
}
