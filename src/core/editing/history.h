// history.h — the undo/redo stack.
//
// execute() applies a command and, if it succeeds, pushes it and drops the redo tail.
// Between beginGroup() and endGroup() executed commands are applied at once but recorded
// as one step (groups nest; the outermost description wins). "Modified since save" is
// derived: the stack position differs from the position recorded by markSaved(); if the
// saved position was in a dropped redo tail, the set stays modified until the next save.
#pragma once

#include "core/editing/command.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace claimmark {

class History {
public:
    Status execute(AnnotationSet& set, CommandPtr command);

    void beginGroup(std::string description);
    // Closes the innermost group; when the outermost closes, its commands become one step
    // (nothing is recorded for an empty group).
    void endGroup();
    bool inGroup() const { return m_groupDepth > 0; }

    bool canUndo() const { return m_groupDepth == 0 && m_position > 0; }
    bool canRedo() const { return m_groupDepth == 0 && m_position < m_steps.size(); }
    std::string undoDescription() const;
    std::string redoDescription() const;
    bool undo(AnnotationSet& set);
    bool redo(AnnotationSet& set);

    void markSaved() { m_savedPosition = m_position; }
    bool isModified() const { return !m_savedPosition || *m_savedPosition != m_position; }
    std::size_t position() const { return m_position; }
    std::size_t size() const { return m_steps.size(); }
    void clear();

private:
    std::vector<CommandPtr> m_steps;
    std::size_t m_position = 0;  // steps [0, m_position) are applied
    std::optional<std::size_t> m_savedPosition = std::size_t(0);
    std::unique_ptr<CommandGroup> m_openGroup;
    int m_groupDepth = 0;

    void push(CommandPtr command);
};

}  // namespace claimmark
