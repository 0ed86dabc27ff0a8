#pragma once

#include <QList>
#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace ops {

// Stable exit codes (opsconsole-cli help); an Error carries the one its caller should exit with.
enum class ErrorCode : int {
    Negative = 1,     // a negative answer: verification failed, NO-GO, probe failed
    Usage = 2,        // usage error
    InvalidInput = 3, // a file or response that does not parse or validate
    Policy = 4,       // refused by policy: environment, role separation, missing secret
    Store = 5,        // store or I/O error
};

// One finding inside an input: where (file:line), which key or field, and what is wrong.
struct Diagnostic {
    QString file;
    int line = 0; // 1-based; 0 when unknown
    QString key;
    QString message;

    QString where() const;
    QString toString() const; // "file:line: key: message"
};

struct Error {
    ErrorCode code = ErrorCode::InvalidInput;
    QString message;
    QString where;                 // "file:line", a URL, a field; empty when it has no place
    QList<Diagnostic> diagnostics; // every finding, when the input had several
    // The other end could not be reached at all (a server down, a network away), as opposed to one
    // that answered and refused: a team-log console may then work from its copy.
    bool unreachable = false;
    // The same refusal in each front end's words: the message above is the command line's (it names
    // flags); a window renders `id` with `args` in its own translated text, naming its fields
    // (ui/common/ErrorText.h). Empty: the message is all there is.
    QString id;
    QStringList args;

    QString toString() const; // "where: message"
    // This error with an id and arguments for the other front ends.
    Error said(QString textId, QStringList textArgs) && {
        id = std::move(textId);
        args = std::move(textArgs);
        return std::move(*this);
    }
    int exitCode() const { return static_cast<int>(code); }

    static Error fromDiagnostics(ErrorCode code, QList<Diagnostic> diagnostics);
};

template<typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_data(std::move(value)) {}
    Result(Error error)
        : m_data(std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template<> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

inline Error makeError(ErrorCode code, QString message, QString where = {}) {
    Error e;
    e.code = code;
    e.message = std::move(message);
    e.where = std::move(where);
    return e;
}

} // namespace ops
