#include "core/editing/history.h"

namespace claimmark {

Status History::execute(AnnotationSet& set, CommandPtr command) {
    Status s = command->apply(set);
    if (!s.ok()) return s;
    if (m_groupDepth > 0) {
        m_openGroup->add(std::move(command));
    } else {
        push(std::move(command));
    }
    return s;
}

void History::push(CommandPtr command) {
    if (m_position < m_steps.size()) {
        if (m_savedPosition && *m_savedPosition > m_position) m_savedPosition.reset();
        m_steps.erase(m_steps.begin() + static_cast<std::ptrdiff_t>(m_position), m_steps.end());
    }
    m_steps.push_back(std::move(command));
    m_position = m_steps.size();
}

void History::beginGroup(std::string description) {
    if (m_groupDepth++ == 0) m_openGroup = std::make_unique<CommandGroup>(std::move(description));
}

void History::endGroup() {
    if (m_groupDepth == 0) return;
    if (--m_groupDepth > 0) return;
    std::unique_ptr<CommandGroup> group = std::move(m_openGroup);
    if (group->empty()) return;
    // Its commands are already applied; redo replays the group as a whole.
    push(std::move(group));
}

std::string History::undoDescription() const { return canUndo() ? m_steps[m_position - 1]->describe() : std::string(); }

std::string History::redoDescription() const { return canRedo() ? m_steps[m_position]->describe() : std::string(); }

bool History::undo(AnnotationSet& set) {
    if (!canUndo()) return false;
    m_steps[--m_position]->revert(set);
    return true;
}

bool History::redo(AnnotationSet& set) {
    if (!canRedo()) return false;
    // Redo replays a command that succeeded on exactly this state, so it succeeds again.
    Status s = m_steps[m_position]->apply(set);
    if (!s.ok()) return false;
    ++m_position;
    return true;
}

void History::clear() {
    m_steps.clear();
    m_position = 0;
    m_savedPosition = 0;
    m_openGroup.reset();
    m_groupDepth = 0;
}

}  // namespace claimmark
