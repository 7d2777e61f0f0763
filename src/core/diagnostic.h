// diagnostic.h — how core reports bad input: which file, where in it, and what is wrong.
//
// Every failure the user can cause (a malformed set, a non-UTF-8 article, an offset out of
// range, an unknown label, a file changed on disk) becomes a Diagnostic, never an exception
// escaping core and never a silent fix. `Result<T>` carries either a value or the list of
// diagnostics that prevented it (a validator lists every problem, not just the first).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace claimmark {

struct Diagnostic {
    std::string file;      // the path as the user named it; may be empty for in-memory input
    std::string location;  // "line 3, column 14", "byte 1234" or a JSON path such as
                           // "annotations[3].spans[0].end"; empty when the whole file is meant
    std::string message;   // what is wrong, in words a user can act on

    // "file: location: message", leaving out the empty parts.
    std::string toString() const;
};

using Diagnostics = std::vector<Diagnostic>;

// A value or the diagnostics that explain why there is none.
template <class T>
class Result {
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Diagnostic error) { m_errors.push_back(std::move(error)); }
    Result(Diagnostics errors) : m_errors(std::move(errors)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    T& value() { return *m_value; }
    const T& value() const { return *m_value; }
    T* operator->() { return &*m_value; }
    const T* operator->() const { return &*m_value; }
    T& operator*() { return *m_value; }
    const T& operator*() const { return *m_value; }
    const Diagnostics& errors() const { return m_errors; }
    // All errors joined by newlines, for messages and test failures.
    std::string errorText() const;

private:
    std::optional<T> m_value;
    Diagnostics m_errors;
};

// Success or one error message (used by model mutators: the caller knows which file/path).
struct Status {
    std::string error;  // empty on success
    bool ok() const { return error.empty(); }
    explicit operator bool() const { return ok(); }
    static Status success() { return {}; }
    static Status failure(std::string message) { return Status{std::move(message)}; }
};

std::string joinDiagnostics(const Diagnostics& diagnostics);

template <class T>
std::string Result<T>::errorText() const {
    return joinDiagnostics(m_errors);
}

}  // namespace claimmark
