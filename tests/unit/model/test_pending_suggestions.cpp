// Tests for suggestion review state in the model and the set file: status "suggested", the
// rule that made an annotation or relation, the rejected-suggestion memory, and the set
// without pending suggestions that agreement, merges and exports see.
#include "core/model/pending_suggestions.h"
#include "core/storage/set_file.h"

#include <doctest/doctest.h>

#include <string>

using namespace claimmark;

namespace {

Annotation makeAnnotation(std::string id, std::string label, std::size_t start, std::size_t end) {
    Annotation a;
    a.id = std::move(id);
    a.label = std::move(label);
    a.spans = {Span{start, end}};
    a.text = std::string(end - start, 'x');
    return a;
}

// a1 claim (manual), a2 hedge (suggested, rule hedge.modal.may) hedging a1, a3 claim
// (suggested), r2 from a2 to a3.
AnnotationSet reviewSet() {
    AnnotationSet set;
    set.document.length = 100;
    set.document.sha256 = std::string(64, 'a');
    REQUIRE(set.addAnnotation(makeAnnotation("a1", "claim", 0, 10)));
    Annotation hedge = makeAnnotation("a2", "hedge", 12, 15);
    hedge.status = kSuggestedStatus;
    hedge.origin = "suggested";
    hedge.rule = "hedge.modal.may";
    REQUIRE(set.addAnnotation(hedge));
    Annotation claim = makeAnnotation("a3", "claim", 20, 40);
    claim.status = kSuggestedStatus;
    claim.origin = "suggested";
    claim.rule = "claim.effect";
    REQUIRE(set.addAnnotation(claim));
    Relation r1{"r1", "hedges", "a2", "a1", nlohmann::json::object()};
    r1.rule = "link.hedge-to-claim";
    REQUIRE(set.addRelation(r1));
    REQUIRE(set.addRelation(Relation{"r2", "hedges", "a2", "a3", nlohmann::json::object()}));
    set.rejectedSuggestions.push_back({"hedge", {Span{50, 53}}, "hedge.modal.might"});
    return set;
}

}  // namespace

TEST_CASE("suggestions: status, rules and rejected suggestions survive a save and a load") {
    const AnnotationSet set = reviewSet();
    const std::string text = serializeSet(set);
    CHECK(text.find("\"status\": \"suggested\", \"rule\": \"hedge.modal.may\"") != std::string::npos);
    CHECK(text.find("\"rejected_suggestions\": [") != std::string::npos);
    Result<AnnotationSet> back = parseSet(text, "set.json");
    REQUIRE_MESSAGE(back, back.errorText());
    const Annotation* hedge = back->findAnnotation("a2");
    REQUIRE(hedge);
    CHECK(isPendingSuggestion(*hedge));
    CHECK(hedge->rule == "hedge.modal.may");
    CHECK(back->findRelation("r1")->rule == "link.hedge-to-claim");
    CHECK(back->findRelation("r2")->rule.empty());
    REQUIRE(back->rejectedSuggestions.size() == 1);
    CHECK(back->rejectedSuggestions[0] == RejectedSuggestion{"hedge", {Span{50, 53}}, "hedge.modal.might"});
    CHECK(back->extra.find("rejected_suggestions") == back->extra.end());  // read, not kept as unknown
    CHECK(serializeSet(*back) == text);
}

TEST_CASE("suggestions: a malformed rejected_suggestions entry is refused with its JSON path") {
    std::string text = serializeSet(reviewSet());
    const std::string good = "{\"label\": \"hedge\", \"spans\": [{\"start\": 50, \"end\": 53}], \"rule\": ";
    SUBCASE("a span without end") {
        const auto at = text.find(good);
        REQUIRE(at != std::string::npos);
        text.replace(at, good.size(), "{\"label\": \"hedge\", \"spans\": [{\"start\": 50}], \"rule\": ");
        Result<AnnotationSet> back = parseSet(text, "set.json");
        REQUIRE_FALSE(back);
        CHECK(back.errors()[0].location == "rejected_suggestions[0].spans[0]");
        CHECK(back.errors()[0].message.find("end") != std::string::npos);
    }
    SUBCASE("not an array") {
        const auto at = text.find("\"rejected_suggestions\": [");
        text.replace(at, std::string("\"rejected_suggestions\": [").size(), "\"rejected_suggestions\": 7, \"x\": [");
        Result<AnnotationSet> back = parseSet(text, "set.json");
        REQUIRE_FALSE(back);
        CHECK(back.errors()[0].location == "rejected_suggestions");
    }
    SUBCASE("an unknown status") {
        const auto at = text.find("\"status\": \"suggested\"");
        text.replace(at, std::string("\"status\": \"suggested\"").size(), "\"status\": \"maybe\"");
        Result<AnnotationSet> back = parseSet(text, "set.json");
        REQUIRE_FALSE(back);
        CHECK(back.errors()[0].location.find(".status") != std::string::npos);
    }
}

TEST_CASE("suggestions: the set without pending suggestions drops them and their relations only") {
    const AnnotationSet set = reviewSet();
    CHECK(pendingSuggestionCount(set) == 2);
    const AnnotationSet reviewed = withoutPendingSuggestions(set);
    CHECK(reviewed.annotationCount() == 1);
    CHECK(reviewed.findAnnotation("a1"));
    CHECK(reviewed.relationCount() == 0);
    CHECK(reviewed.rejectedSuggestions == set.rejectedSuggestions);
    CHECK(pendingSuggestionCount(reviewed) == 0);
    // Accepted (status cleared) suggestions stay, with their rule.
    AnnotationSet accepted = set;
    Annotation hedge = *accepted.findAnnotation("a2");
    hedge.status.clear();
    REQUIRE(accepted.replaceAnnotation(hedge));
    const AnnotationSet kept = withoutPendingSuggestions(accepted);
    CHECK(kept.annotationCount() == 2);
    CHECK(kept.findAnnotation("a2")->rule == "hedge.modal.may");
    CHECK(kept.findRelation("r1"));
    CHECK_FALSE(kept.findRelation("r2"));
}
