// Tests for suggest(): claims, links and strength on small cases; nothing twice, nothing
// rejected brought back, manual work untouched; accepting and rejecting through EditSession.
#include "core/editing/edit_session.h"
#include "core/suggest/suggest.h"

#include "suggest/suggest_fixtures.h"

#include <doctest/doctest.h>

using namespace claimmark;
using namespace claimmark::testing;

namespace {

const Annotation* find(const SuggestionBatch& batch, const std::string& label, const std::string& text) {
    for (const Annotation& a : batch.annotations)
        if (a.label == label && a.text == text) return &a;
    return nullptr;
}

bool linked(const SuggestionBatch& batch, const std::string& type, const Annotation* from, const Annotation* to) {
    for (const Relation& r : batch.relations)
        if (from && to && r.type == type && r.from == from->id && r.to == to->id) return true;
    return false;
}

std::int64_t strengthOf(const Annotation* claim) { return std::get<std::int64_t>(claim->attributes.at("strength")); }

}  // namespace

TEST_CASE("suggest: a hedged claim, its evidence and a caveat, linked, with strength and reasons") {
    const std::string text =
        "Kratom may reduce pain, as small clinical trials suggest. "
        "Its alkaloids bind to opioid receptors. "
        "It clearly relieves cravings. "
        "Consult a healthcare professional before use.";
    const Suggested s = suggestOn(text);
    const Annotation* hedged = find(s.batch, "claim", "Kratom may reduce pain, as small clinical trials suggest");
    const Annotation* plain = find(s.batch, "claim", "Its alkaloids bind to opioid receptors");
    const Annotation* boosted = find(s.batch, "claim", "It clearly relieves cravings");
    REQUIRE(hedged);
    REQUIRE(plain);
    REQUIRE(boosted);
    CHECK(strengthOf(hedged) == 2);  // 4, -1 for "may", -1 for "suggest"
    CHECK(strengthOf(plain) == 4);
    CHECK(strengthOf(boosted) == 5);
    CHECK(suggestionReason(*hedged).find("\"may\"") != std::string::npos);
    CHECK(suggestionReason(*boosted).find("booster \"clearly\"") != std::string::npos);

    const Annotation* may = find(s.batch, "hedge", "may");
    const Annotation* suggestHedge = find(s.batch, "hedge", "suggest");
    const Annotation* trials = find(s.batch, "evidence", "clinical trials");
    const Annotation* consult = find(s.batch, "caveat", "Consult a healthcare professional before use");
    REQUIRE(may);
    REQUIRE(suggestHedge);
    REQUIRE(trials);
    REQUIRE(consult);
    CHECK(may->rule == "hedge.modal.may");
    CHECK(std::get<std::string>(may->attributes.at("kind")) == "modal");
    CHECK(std::get<std::string>(trials->attributes.at("type")) == "clinical-trial");
    CHECK(std::get<std::string>(consult->attributes.at("kind")) == "consult-professional");
    CHECK(linked(s.batch, "hedges", may, hedged));
    CHECK(linked(s.batch, "hedges", suggestHedge, hedged));
    CHECK(linked(s.batch, "supports", trials, hedged));
    // A caveat sentence with no claim of its own qualifies the claim before it.
    CHECK(linked(s.batch, "qualifies", consult, boosted));
    CHECK_FALSE(find(s.batch, "claim", "Consult a healthcare professional before use"));
    for (const Annotation& a : s.batch.annotations) {
        CHECK(isPendingSuggestion(a));
        CHECK(a.origin == "suggested");
        CHECK_FALSE(a.rule.empty());
    }
    for (const Relation& r : s.batch.relations) CHECK_FALSE(r.rule.empty());
    AnnotationSet set = s.set;
    REQUIRE(addSuggestionBatch(set, s.batch));
    CHECK(set.annotationCount() == s.batch.annotations.size());
}

TEST_CASE("suggest: questions and headings are not claims; --only limits the labels") {
    const Suggested s = suggestOn("Does Kratom Reduce Pain\nDoes kratom reduce pain? It reduces pain.");
    CHECK(labelled(s) == std::vector<std::string>{"claim:It reduces pain"});
    const Suggested hedgesOnly = suggestOn("It may reduce pain.", builtinSuggestionRules(), {"hedge"});
    CHECK(labelled(hedgesOnly) == std::vector<std::string>{"hedge:may"});
    CHECK(hedgesOnly.batch.relations.empty());
}

TEST_CASE("suggest: running again adds nothing, rejected suggestions stay out, manual work is untouched") {
    const std::string text = "Kratom may reduce pain. More research is needed.";
    Suggested first = suggestOn(text);
    REQUIRE(first.batch.annotations.size() == 3);
    EditSession session(first.document, first.set, [] { return std::string("2026-12-01T10:00:00Z"); });
    REQUIRE(session.addSuggestions(first.batch.annotations, first.batch.relations, "Suggest"));
    CHECK(session.history().canUndo());

    // Again on the result: nothing new.
    SuggestionBatch again = suggest(session.document(), session.set(), builtinSuggestionRules());
    CHECK(again.annotations.empty());
    CHECK(again.relations.empty());
    CHECK(again.alreadyThere == 3);

    // Reject the hedge, accept the claim.
    std::string hedgeId, claimId;
    for (const Annotation& a : session.set().annotations()) {
        if (a.label == "hedge") hedgeId = a.id;
        if (a.label == "claim") claimId = a.id;
    }
    REQUIRE(session.rejectSuggestions({hedgeId}));
    CHECK_FALSE(session.set().findAnnotation(hedgeId));
    REQUIRE(session.set().rejectedSuggestions.size() == 1);
    CHECK(session.set().rejectedSuggestions[0].rule == "hedge.modal.may");
    REQUIRE(session.acceptSuggestions({claimId}));
    CHECK_FALSE(isPendingSuggestion(*session.set().findAnnotation(claimId)));
    CHECK_FALSE(session.acceptSuggestions({claimId}));  // no longer pending

    // Again: the rejected hedge does not come back, and the accepted claim is not touched.
    const Annotation claimBefore = *session.set().findAnnotation(claimId);
    again = suggest(session.document(), session.set(), builtinSuggestionRules());
    CHECK(again.annotations.empty());
    CHECK(again.rejectedBefore == 1);
    CHECK(session.set().findAnnotation(claimId)->attributes == claimBefore.attributes);

    // Undo the rejection: the hedge is back and no longer remembered as rejected.
    REQUIRE(session.undo());  // the accept
    REQUIRE(session.undo());  // the reject
    CHECK(session.set().findAnnotation(hedgeId));
    CHECK(session.set().rejectedSuggestions.empty());
    CHECK(session.set().relationCount() == first.batch.relations.size());
}

TEST_CASE("suggest: manual annotations are linked to, never duplicated or changed") {
    Suggested s = suggestOn("Kratom may reduce pain.");
    AnnotationSet set = s.set;
    Annotation manual;
    manual.id = "a1";
    manual.label = "claim";
    manual.spans = {Span{0, 22}};
    manual.text = "Kratom may reduce pain";
    manual.attributes["strength"] = std::int64_t(5);
    REQUIRE(set.addAnnotation(manual));
    const SuggestionBatch batch = suggest(s.document, set, builtinSuggestionRules());
    REQUIRE(batch.annotations.size() == 1);
    CHECK(batch.annotations[0].label == "hedge");
    CHECK(batch.annotations[0].id == "a2");
    REQUIRE(batch.relations.size() == 1);
    CHECK(batch.relations[0].to == "a1");
    REQUIRE(addSuggestionBatch(set, batch));
    CHECK(std::get<std::int64_t>(set.findAnnotation("a1")->attributes.at("strength")) == 5);
}

TEST_CASE("suggest: editing a suggestion accepts it; a bulk accept is one undo step") {
    Suggested s = suggestOn("Kratom may reduce pain. It might ease cravings.");
    EditSession session(s.document, s.set);
    REQUIRE(session.addSuggestions(s.batch.annotations, s.batch.relations, "Suggest"));
    std::vector<std::string> hedges;
    for (const Annotation& a : session.set().annotations())
        if (a.label == "hedge") hedges.push_back(a.id);
    REQUIRE(hedges.size() == 2);
    REQUIRE(session.setNote(hedges[0], "checked"));
    CHECK_FALSE(isPendingSuggestion(*session.set().findAnnotation(hedges[0])));
    REQUIRE(session.undo());
    CHECK(isPendingSuggestion(*session.set().findAnnotation(hedges[0])));
    REQUIRE(session.acceptSuggestions(hedges));
    for (const std::string& id : hedges) CHECK_FALSE(isPendingSuggestion(*session.set().findAnnotation(id)));
    REQUIRE(session.undo());
    for (const std::string& id : hedges) CHECK(isPendingSuggestion(*session.set().findAnnotation(id)));
}

TEST_CASE("suggest: offsets count code points on text with emoji and accents") {
    const std::string text = "\xF0\x9F\x8C\xBF Caf\xC3\xA9 owners say it may help.";
    const Suggested s = suggestOn(text, builtinSuggestionRules(), {"hedge"});
    REQUIRE(s.batch.annotations.size() == 1);
    const Annotation& may = s.batch.annotations[0];
    CHECK(may.text == "may");
    CHECK(may.spans[0].start == 21);
    CHECK(s.document.slice(may.spans[0].start, may.spans[0].end) == "may");
}
