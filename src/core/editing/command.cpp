// command.cpp — the edit commands. Each keeps the state it needs to undo itself exactly.
#include "core/editing/command.h"

#include <cassert>

namespace claimmark {
namespace {

class AddAnnotationCommand final : public Command {
public:
    explicit AddAnnotationCommand(Annotation a) : m_annotation(std::move(a)) {}
    Status apply(AnnotationSet& set) override { return set.addAnnotation(m_annotation); }
    void revert(AnnotationSet& set) override {
        [[maybe_unused]] Status s = set.removeAnnotation(m_annotation.id);
        assert(s.ok());
    }
    std::string describe() const override { return "Add " + m_annotation.label + " " + m_annotation.id; }

private:
    Annotation m_annotation;
};

class RemoveAnnotationCommand final : public Command {
public:
    explicit RemoveAnnotationCommand(Annotation a) : m_annotation(std::move(a)) {}
    Status apply(AnnotationSet& set) override { return set.removeAnnotation(m_annotation.id); }
    void revert(AnnotationSet& set) override {
        [[maybe_unused]] Status s = set.addAnnotation(m_annotation);
        assert(s.ok());
    }
    std::string describe() const override { return "Delete " + m_annotation.label + " " + m_annotation.id; }

private:
    Annotation m_annotation;
};

class ReplaceAnnotationCommand final : public Command {
public:
    ReplaceAnnotationCommand(Annotation before, Annotation after, std::string description)
        : m_before(std::move(before)), m_after(std::move(after)), m_description(std::move(description)) {}
    Status apply(AnnotationSet& set) override { return set.replaceAnnotation(m_after); }
    void revert(AnnotationSet& set) override {
        [[maybe_unused]] Status s = set.replaceAnnotation(m_before);
        assert(s.ok());
    }
    std::string describe() const override { return m_description; }

private:
    Annotation m_before;
    Annotation m_after;
    std::string m_description;
};

class AddRelationCommand final : public Command {
public:
    explicit AddRelationCommand(Relation r) : m_relation(std::move(r)) {}
    Status apply(AnnotationSet& set) override { return set.addRelation(m_relation); }
    void revert(AnnotationSet& set) override {
        [[maybe_unused]] Status s = set.removeRelation(m_relation.id);
        assert(s.ok());
    }
    std::string describe() const override {
        return "Link " + m_relation.from + " " + m_relation.type + " " + m_relation.to;
    }

private:
    Relation m_relation;
};

class RemoveRelationCommand final : public Command {
public:
    explicit RemoveRelationCommand(Relation r) : m_relation(std::move(r)) {}
    Status apply(AnnotationSet& set) override { return set.removeRelation(m_relation.id); }
    void revert(AnnotationSet& set) override {
        [[maybe_unused]] Status s = set.addRelation(m_relation);
        assert(s.ok());
    }
    std::string describe() const override {
        return "Unlink " + m_relation.from + " " + m_relation.type + " " + m_relation.to;
    }

private:
    Relation m_relation;
};

}  // namespace

class SetDoneCommand final : public Command {
public:
    explicit SetDoneCommand(bool done) : m_done(done) {}
    Status apply(AnnotationSet& set) override {
        m_before = set.done;
        set.done = m_done;
        return Status::success();
    }
    void revert(AnnotationSet& set) override { set.done = m_before; }
    std::string describe() const override { return m_done ? "Mark done" : "Mark not done"; }

private:
    bool m_done;
    bool m_before = false;
};

CommandPtr makeSetDone(bool done) { return std::make_unique<SetDoneCommand>(done); }

// A rejected suggestion remembered in the set (so suggesting again leaves it out).
class RememberRejectionCommand final : public Command {
public:
    explicit RememberRejectionCommand(RejectedSuggestion rejected) : m_rejected(std::move(rejected)) {}
    Status apply(AnnotationSet& set) override {
        set.rejectedSuggestions.push_back(m_rejected);
        return Status::success();
    }
    void revert(AnnotationSet& set) override {
        auto& list = set.rejectedSuggestions;
        for (std::size_t i = list.size(); i-- > 0;) {
            if (list[i] == m_rejected) {
                list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
                return;
            }
        }
    }
    std::string describe() const override { return "Remember rejected " + m_rejected.label; }

private:
    RejectedSuggestion m_rejected;
};

CommandPtr makeRememberRejection(RejectedSuggestion rejected) {
    return std::make_unique<RememberRejectionCommand>(std::move(rejected));
}

CommandPtr makeAddAnnotation(Annotation annotation) {
    return std::make_unique<AddAnnotationCommand>(std::move(annotation));
}
CommandPtr makeRemoveAnnotation(Annotation removed) {
    return std::make_unique<RemoveAnnotationCommand>(std::move(removed));
}
CommandPtr makeReplaceAnnotation(Annotation before, Annotation after, std::string description) {
    return std::make_unique<ReplaceAnnotationCommand>(std::move(before), std::move(after), std::move(description));
}
CommandPtr makeAddRelation(Relation relation) { return std::make_unique<AddRelationCommand>(std::move(relation)); }
CommandPtr makeRemoveRelation(Relation removed) { return std::make_unique<RemoveRelationCommand>(std::move(removed)); }

Status CommandGroup::apply(AnnotationSet& set) {
    for (std::size_t i = 0; i < m_commands.size(); ++i) {
        Status s = m_commands[i]->apply(set);
        if (!s.ok()) {
            // All or nothing: undo what this group already did, newest first.
            while (i-- > 0) m_commands[i]->revert(set);
            return s;
        }
    }
    return Status::success();
}

void CommandGroup::revert(AnnotationSet& set) {
    for (std::size_t i = m_commands.size(); i-- > 0;) m_commands[i]->revert(set);
}

}  // namespace claimmark
