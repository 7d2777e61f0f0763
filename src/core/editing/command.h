// command.h — edits as objects: apply / revert / describe, so every change is undoable.
//
// A command captures the before and after state it needs when it is made; apply() checks
// the model's invariants through AnnotationSet and changes nothing when it fails. revert()
// undoes a successful apply() exactly. The factories below build the commands an editor
// needs; EditSession (edit_session.h) is the convenient front door.
#pragma once

#include "core/model/annotation_set.h"

#include <memory>
#include <string>
#include <vector>

namespace claimmark {

class Command {
public:
    virtual ~Command() = default;
    virtual Status apply(AnnotationSet& set) = 0;
    virtual void revert(AnnotationSet& set) = 0;
    virtual std::string describe() const = 0;
};

using CommandPtr = std::unique_ptr<Command>;

CommandPtr makeAddAnnotation(Annotation annotation);
// `removed` is the annotation as it is now (kept to restore it on undo).
CommandPtr makeRemoveAnnotation(Annotation removed);
// Relabel, resize, set attribute, set note, re-attach: the annotation's state before and
// after, with a description such as "Relabel a3 as hedge".
CommandPtr makeReplaceAnnotation(Annotation before, Annotation after, std::string description);
CommandPtr makeAddRelation(Relation relation);
CommandPtr makeRemoveRelation(Relation removed);
// The set's "done" flag (a reviewer marks the document finished).
CommandPtr makeSetDone(bool done);
// Adds a rejected suggestion to set.rejectedSuggestions (undo takes it out again).
CommandPtr makeRememberRejection(RejectedSuggestion rejected);

// Several commands as one step; apply() is all-or-nothing.
class CommandGroup final : public Command {
public:
    explicit CommandGroup(std::string description) : m_description(std::move(description)) {}
    void add(CommandPtr command) { m_commands.push_back(std::move(command)); }
    bool empty() const { return m_commands.empty(); }
    std::size_t size() const { return m_commands.size(); }
    Status apply(AnnotationSet& set) override;
    void revert(AnnotationSet& set) override;
    std::string describe() const override { return m_description; }

private:
    std::string m_description;
    std::vector<CommandPtr> m_commands;
};

}  // namespace claimmark
