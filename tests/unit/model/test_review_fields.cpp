// test_review_fields.cpp — the fields team passes add to the model: an annotation's
// "status" / "proposed_by" (merge and adjudication) and the set's "done" flag, read,
// written, checked and edited through undoable commands.
#include "core/editing/edit_session.h"
#include "core/storage/set_file.h"

#include "fixtures.h"

#include <doctest/doctest.h>

#include <string>

using namespace claimmark;
using fixtures::annotation;
using fixtures::annotationJson;
using fixtures::SetJson;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("review fields: status, proposed_by and done are read and written back") {
    SetJson json;
    json.extraTop = "\"done\": true";
    json.annotations = {
        annotationJson("a1", "claim", 13, 23, "\"status\": \"disputed\", \"proposed_by\": [\"alice\", \"bob\"]"),
        annotationJson("a2", "hedge", 9, 12),
    };
    Result<AnnotationSet> set = parseSet(json.str(), "gold.json");
    REQUIRE_MESSAGE(set.ok(), set.errorText());
    CHECK(set->done);
    const Annotation* a1 = set->findAnnotation("a1");
    REQUIRE(a1);
    CHECK(a1->status == "disputed");
    CHECK(a1->proposedBy == std::vector<std::string>{"alice", "bob"});
    CHECK(a1->extra.empty());  // not left behind as unknown keys
    CHECK(set->findAnnotation("a2")->status.empty());

    const std::string written = serializeSet(*set);
    CHECK(contains(written, "  \"done\": true,\n"));
    CHECK(contains(written, "\"status\": \"disputed\", \"proposed_by\": [\"alice\", \"bob\"]"));
    Result<AnnotationSet> again = parseSet(written, "again.json");
    REQUIRE_MESSAGE(again.ok(), again.errorText());
    CHECK(serializeSet(*again) == written);
}

TEST_CASE("review fields: a set without them writes neither key") {
    SetJson json;
    json.annotations = {annotationJson("a1", "claim", 13, 23)};
    Result<AnnotationSet> set = parseSet(json.str(), "alice.json");
    REQUIRE(set.ok());
    CHECK_FALSE(set->done);
    const std::string written = serializeSet(*set);
    CHECK_FALSE(contains(written, "\"done\""));
    CHECK_FALSE(contains(written, "\"status\""));
    CHECK_FALSE(contains(written, "\"proposed_by\""));
}

TEST_CASE("review fields: bad values are reported with their JSON paths") {
    SetJson json;
    json.extraTop = "\"done\": \"yes\"";
    json.annotations = {
        annotationJson("a1", "claim", 13, 23, "\"status\": \"maybe\""),
        annotationJson("a2", "claim", 25, 38, "\"proposed_by\": [\"alice\", 3]"),
    };
    Result<AnnotationSet> set = parseSet(json.str(), "gold.json");
    REQUIRE_FALSE(set.ok());
    const std::string errors = set.errorText();
    CHECK(contains(errors, "gold.json: done: expected true or false"));
    CHECK(contains(errors, "annotations[0].status: status \"maybe\" is not known"));
    CHECK(contains(errors, "annotations[1].proposed_by: expected an array of reviewer names"));
}

TEST_CASE("review fields: setDone, setStatus and insertAnnotation are undoable steps") {
    AnnotationSet set;
    set.document.length = 45;
    Annotation disputed = annotation("a1", "claim", 13, 23);
    disputed.status = "disputed";
    disputed.proposedBy = {"bob"};
    REQUIRE(set.addAnnotation(disputed).ok());
    EditSession session(fixtures::makeDocument(fixtures::kPillText), std::move(set),
                        [] { return std::string("2026-11-24T12:00:00Z"); });

    REQUIRE(session.setDone(true).ok());
    CHECK(session.set().done);
    CHECK(session.isModified());
    session.undo();
    CHECK_FALSE(session.set().done);
    session.redo();
    CHECK(session.set().done);

    REQUIRE(session.setStatus("a1", "").ok());
    CHECK(session.set().findAnnotation("a1")->status.empty());
    session.undo();
    CHECK(session.set().findAnnotation("a1")->status == "disputed");
    CHECK_FALSE(session.setStatus("a1", "settled?").ok());  // only "disputed" or empty

    // An annotation from another reviewer's set whose id is taken here gets a fresh one;
    // its text comes from the document, its attributes travel with it.
    Annotation fromBob = annotation("a1", "claim", 0, 8);
    fromBob.attributes["strength"] = std::int64_t(4);
    fromBob.origin = "manual";
    Result<std::string> id = session.insertAnnotation(fromBob);
    REQUIRE_MESSAGE(id.ok(), id.errorText());
    CHECK(*id == "a2");
    const Annotation* inserted = session.set().findAnnotation("a2");
    REQUIRE(inserted);
    CHECK(inserted->text == "The pill");
    CHECK(std::get<std::int64_t>(inserted->attributes.at("strength")) == 4);
    CHECK(inserted->modified == "2026-11-24T12:00:00Z");
    session.undo();
    CHECK(session.set().findAnnotation("a2") == nullptr);
}
