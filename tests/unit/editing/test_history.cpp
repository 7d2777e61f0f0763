// test_history.cpp — edit commands and the undo/redo stack.
//
// [SECTION] Commands          apply / revert / describe of each factory; groups all-or-nothing
// [SECTION] Undo and redo     sequences, redo tail, failed commands
// [SECTION] Groups            one step, nesting, empty groups
// [SECTION] Modified flag     derived from the stack position and the saved position
#include "core/editing/command.h"
#include "core/editing/history.h"

#include "fixtures.h"

#include <doctest/doctest.h>

#include <string>

using namespace claimmark;
using fixtures::annotation;
using fixtures::relation;

namespace {

AnnotationSet pillSet() {
    AnnotationSet set;
    set.document.length = 45;  // fixtures::kPillText
    return set;
}

// The ids present, sorted, for compact comparisons.
std::string idsOf(const AnnotationSet& set) {
    std::string out;
    for (const Annotation* a : set.inDocumentOrder()) out += (out.empty() ? "" : ",") + a->id;
    return out;
}

}  // namespace

// =====================================================================================
// [SECTION] Commands
// =====================================================================================

TEST_CASE("history: each command reverts exactly what it applied") {
    AnnotationSet set = pillSet();

    CommandPtr addClaim = makeAddAnnotation(annotation("a1", "claim", 13, 23));
    CHECK(addClaim->describe() == "Add claim a1");
    REQUIRE(addClaim->apply(set).ok());
    CHECK(set.findAnnotation("a1") != nullptr);
    addClaim->revert(set);
    CHECK(set.findAnnotation("a1") == nullptr);
    REQUIRE(addClaim->apply(set).ok());

    REQUIRE(set.addAnnotation(annotation("a2", "hedge", 9, 12)).ok());
    CommandPtr link = makeAddRelation(relation("r1", "hedges", "a2", "a1"));
    CHECK(link->describe() == "Link a2 hedges a1");
    REQUIRE(link->apply(set).ok());
    CHECK(set.relationCount() == 1);

    CommandPtr unlink = makeRemoveRelation(*set.findRelation("r1"));
    CHECK(unlink->describe() == "Unlink a2 hedges a1");
    REQUIRE(unlink->apply(set).ok());
    CHECK(set.relationCount() == 0);
    unlink->revert(set);
    REQUIRE(set.findRelation("r1") != nullptr);
    CHECK(set.findRelation("r1")->from == "a2");
    REQUIRE(set.removeRelation("r1").ok());

    Annotation before = *set.findAnnotation("a1");
    Annotation after = before;
    after.spans = {{18, 23}};
    after.note = "colds only";
    CommandPtr resize = makeReplaceAnnotation(before, after, "Resize a1");
    CHECK(resize->describe() == "Resize a1");
    REQUIRE(resize->apply(set).ok());
    CHECK(set.findAnnotation("a1")->spans == std::vector<Span>{{18, 23}});
    resize->revert(set);
    CHECK(set.findAnnotation("a1")->spans == std::vector<Span>{{13, 23}});
    CHECK(set.findAnnotation("a1")->note == "");

    Annotation removed = *set.findAnnotation("a2");
    CommandPtr remove = makeRemoveAnnotation(removed);
    CHECK(remove->describe() == "Delete hedge a2");
    REQUIRE(remove->apply(set).ok());
    CHECK(set.findAnnotation("a2") == nullptr);
    remove->revert(set);
    REQUIRE(set.findAnnotation("a2") != nullptr);
    CHECK(set.findAnnotation("a2")->spans == std::vector<Span>{{9, 12}});
}

TEST_CASE("history: a failing command changes nothing") {
    AnnotationSet set = pillSet();
    CommandPtr bad = makeAddAnnotation(annotation("a1", "claim", 40, 50));
    Status s = bad->apply(set);
    CHECK_FALSE(s.ok());
    CHECK(set.annotationCount() == 0);
    CHECK(set.revision() == 0);
}

TEST_CASE("history: a command group is all or nothing") {
    AnnotationSet set = pillSet();
    CommandGroup group("Add three");
    group.add(makeAddAnnotation(annotation("a1", "claim", 13, 23)));
    group.add(makeAddAnnotation(annotation("a2", "hedge", 9, 12)));
    group.add(makeAddAnnotation(annotation("a3", "claim", 40, 99)));  // out of range
    CHECK(group.size() == 3);
    CHECK(group.describe() == "Add three");
    Status s = group.apply(set);
    CHECK_FALSE(s.ok());
    CHECK(set.annotationCount() == 0);

    CommandGroup good("Add two");
    good.add(makeAddAnnotation(annotation("a1", "claim", 13, 23)));
    good.add(makeAddAnnotation(annotation("a2", "hedge", 9, 12)));
    good.add(makeAddRelation(relation("r1", "hedges", "a2", "a1")));
    REQUIRE(good.apply(set).ok());
    CHECK(idsOf(set) == "a2,a1");
    CHECK(set.relationCount() == 1);
    good.revert(set);  // newest first, so the relation goes before its ends
    CHECK(set.annotationCount() == 0);
    CHECK(set.relationCount() == 0);
}

// =====================================================================================
// [SECTION] Undo and redo
// =====================================================================================

TEST_CASE("history: undo and redo walk the stack") {
    AnnotationSet set = pillSet();
    History history;
    CHECK_FALSE(history.canUndo());
    CHECK_FALSE(history.canRedo());
    CHECK_FALSE(history.undo(set));
    CHECK_FALSE(history.redo(set));
    CHECK(history.undoDescription() == "");
    CHECK(history.redoDescription() == "");

    REQUIRE(history.execute(set, makeAddAnnotation(annotation("a1", "claim", 13, 23))).ok());
    REQUIRE(history.execute(set, makeAddAnnotation(annotation("a2", "hedge", 9, 12))).ok());
    REQUIRE(history.execute(set, makeAddRelation(relation("r1", "hedges", "a2", "a1"))).ok());
    CHECK(history.size() == 3);
    CHECK(history.position() == 3);
    CHECK(history.undoDescription() == "Link a2 hedges a1");

    CHECK(history.undo(set));
    CHECK(set.relationCount() == 0);
    CHECK(history.redoDescription() == "Link a2 hedges a1");
    CHECK(history.undoDescription() == "Add hedge a2");
    CHECK(history.undo(set));
    CHECK(history.undo(set));
    CHECK(set.annotationCount() == 0);
    CHECK_FALSE(history.canUndo());
    CHECK_FALSE(history.undo(set));
    CHECK(history.position() == 0);
    CHECK(history.size() == 3);

    CHECK(history.redo(set));
    CHECK(history.redo(set));
    CHECK(history.redo(set));
    CHECK_FALSE(history.canRedo());
    CHECK_FALSE(history.redo(set));
    CHECK(idsOf(set) == "a2,a1");
    CHECK(set.findRelation("r1") != nullptr);
}

TEST_CASE("history: a new edit after undo drops the redo tail") {
    AnnotationSet set = pillSet();
    History history;
    REQUIRE(history.execute(set, makeAddAnnotation(annotation("a1", "claim", 13, 23))).ok());
    REQUIRE(history.execute(set, makeAddAnnotation(annotation("a2", "hedge", 9, 12))).ok());
    REQUIRE(history.execute(set, makeAddAnnotation(annotation("a3", "caveat", 39, 44))).ok());
    REQUIRE(history.undo(set));
    REQUIRE(history.undo(set));
    CHECK(history.canRedo());

    REQUIRE(history.execute(set, makeAddAnnotation(annotation("a4", "evidence", 25, 38))).ok());
    CHECK_FALSE(history.canRedo());
    CHECK(history.size() == 2);
    CHECK(history.position() == 2);
    CHECK(idsOf(set) == "a1,a4");
    REQUIRE(history.undo(set));
    CHECK(history.redoDescription() == "Add evidence a4");
    CHECK(idsOf(set) == "a1");
}

TEST_CASE("history: a command that fails is not recorded and keeps the redo tail") {
    AnnotationSet set = pillSet();
    History history;
    REQUIRE(history.execute(set, makeAddAnnotation(annotation("a1", "claim", 13, 23))).ok());
    REQUIRE(history.execute(set, makeAddAnnotation(annotation("a2", "hedge", 9, 12))).ok());
    REQUIRE(history.undo(set));

    Status s = history.execute(set, makeAddAnnotation(annotation("a3", "claim", 0, 99)));
    CHECK_FALSE(s.ok());
    CHECK(history.size() == 2);
    CHECK(history.position() == 1);
    CHECK(history.canRedo());
    CHECK(history.redoDescription() == "Add hedge a2");
    CHECK(idsOf(set) == "a1");
}

TEST_CASE("history: clear forgets every step") {
    AnnotationSet set = pillSet();
    History history;
    REQUIRE(history.execute(set, makeAddAnnotation(annotation("a1", "claim", 13, 23))).ok());
    history.clear();
    CHECK(history.size() == 0);
    CHECK_FALSE(history.canUndo());
    CHECK(set.annotationCount() == 1);  // the model keeps its state
}

// =====================================================================================
// [SECTION] Groups
// =====================================================================================

TEST_CASE("history: a group is one step, undone and redone as a whole") {
    AnnotationSet set = pillSet();
    History history;
    history.beginGroup("Add claim with hedge");
    CHECK(history.inGroup());
    REQUIRE(history.execute(set, makeAddAnnotation(annotation("a1", "claim", 13, 23))).ok());
    REQUIRE(history.execute(set, makeAddAnnotation(annotation("a2", "hedge", 9, 12))).ok());
    // Commands in an open group are applied at once.
    CHECK(set.annotationCount() == 2);
    CHECK_FALSE(history.canUndo());  // not while a group is open
    CHECK_FALSE(history.undo(set));
    REQUIRE(history.execute(set, makeAddRelation(relation("r1", "hedges", "a2", "a1"))).ok());
    history.endGroup();
    CHECK_FALSE(history.inGroup());

    CHECK(history.size() == 1);
    CHECK(history.undoDescription() == "Add claim with hedge");
    REQUIRE(history.undo(set));
    CHECK(set.annotationCount() == 0);
    CHECK(set.relationCount() == 0);
    REQUIRE(history.redo(set));
    CHECK(idsOf(set) == "a2,a1");
    CHECK(set.relationCount() == 1);
}

TEST_CASE("history: groups nest and the outermost description wins") {
    AnnotationSet set = pillSet();
    History history;
    REQUIRE(history.execute(set, makeAddAnnotation(annotation("a9", "caveat", 39, 44))).ok());

    history.beginGroup("Outer");
    REQUIRE(history.execute(set, makeAddAnnotation(annotation("a1", "claim", 13, 23))).ok());
    history.beginGroup("Inner");
    REQUIRE(history.execute(set, makeAddAnnotation(annotation("a2", "hedge", 9, 12))).ok());
    history.endGroup();
    CHECK(history.inGroup());  // the outer group is still open
    CHECK(history.size() == 1);
    REQUIRE(history.execute(set, makeAddAnnotation(annotation("a3", "evidence", 25, 38))).ok());
    history.endGroup();

    CHECK(history.size() == 2);
    CHECK(history.undoDescription() == "Outer");
    REQUIRE(history.undo(set));
    CHECK(idsOf(set) == "a9");
    CHECK(history.undoDescription() == "Add caveat a9");
    REQUIRE(history.redo(set));
    CHECK(idsOf(set) == "a2,a1,a3,a9");
}

TEST_CASE("history: an empty group records nothing and keeps the redo tail") {
    AnnotationSet set = pillSet();
    History history;
    REQUIRE(history.execute(set, makeAddAnnotation(annotation("a1", "claim", 13, 23))).ok());
    REQUIRE(history.undo(set));
    history.beginGroup("Nothing");
    history.endGroup();
    CHECK(history.size() == 1);
    CHECK(history.canRedo());
    history.endGroup();  // an unmatched end is harmless
    CHECK_FALSE(history.inGroup());
    CHECK(history.canRedo());
}

// =====================================================================================
// [SECTION] Modified flag
// =====================================================================================

TEST_CASE("history: modified is derived from the position") {
    AnnotationSet set = pillSet();
    History history;
    CHECK_FALSE(history.isModified());  // a fresh history matches what was loaded

    SUBCASE("edit, undo -> not modified") {
        REQUIRE(history.execute(set, makeAddAnnotation(annotation("a1", "claim", 13, 23))).ok());
        CHECK(history.isModified());
        REQUIRE(history.undo(set));
        CHECK_FALSE(history.isModified());
        REQUIRE(history.redo(set));
        CHECK(history.isModified());
    }
    SUBCASE("save, edit, undo -> not modified") {
        REQUIRE(history.execute(set, makeAddAnnotation(annotation("a1", "claim", 13, 23))).ok());
        history.markSaved();
        CHECK_FALSE(history.isModified());
        REQUIRE(history.execute(set, makeAddAnnotation(annotation("a2", "hedge", 9, 12))).ok());
        CHECK(history.isModified());
        REQUIRE(history.undo(set));
        CHECK_FALSE(history.isModified());
    }
    SUBCASE("save, undo -> modified; redo -> not modified") {
        REQUIRE(history.execute(set, makeAddAnnotation(annotation("a1", "claim", 13, 23))).ok());
        history.markSaved();
        REQUIRE(history.undo(set));
        CHECK(history.isModified());
        REQUIRE(history.redo(set));
        CHECK_FALSE(history.isModified());
    }
    SUBCASE("save, undo, new edit -> modified, even back at the saved step count") {
        REQUIRE(history.execute(set, makeAddAnnotation(annotation("a1", "claim", 13, 23))).ok());
        REQUIRE(history.execute(set, makeAddAnnotation(annotation("a2", "hedge", 9, 12))).ok());
        history.markSaved();  // saved with a1 and a2
        REQUIRE(history.undo(set));
        REQUIRE(history.execute(set, makeAddAnnotation(annotation("a3", "caveat", 39, 44))).ok());
        // Same position as the save (2), different content: a1 and a3.
        CHECK(history.position() == 2);
        CHECK(history.isModified());
        REQUIRE(history.undo(set));
        CHECK(history.isModified());  // a1 alone was never saved either
        REQUIRE(history.undo(set));
        CHECK(history.isModified());
        history.markSaved();
        CHECK_FALSE(history.isModified());
    }
    SUBCASE("a failed edit does not make the set modified") {
        CHECK_FALSE(history.execute(set, makeAddAnnotation(annotation("a1", "claim", 0, 99))).ok());
        CHECK_FALSE(history.isModified());
    }
    SUBCASE("a group counts as one step for the modified flag") {
        history.beginGroup("Two");
        REQUIRE(history.execute(set, makeAddAnnotation(annotation("a1", "claim", 13, 23))).ok());
        REQUIRE(history.execute(set, makeAddAnnotation(annotation("a2", "hedge", 9, 12))).ok());
        history.endGroup();
        CHECK(history.isModified());
        REQUIRE(history.undo(set));
        CHECK_FALSE(history.isModified());
    }
}
