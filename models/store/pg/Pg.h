#pragma once

// A small RAII layer over libpq for the team log: one connection, parameters and results in
// binary form (no quoting, no text parsing), errors that name the database but never a password.

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct pg_conn;
struct pg_result;

namespace ops::pg {

// A libpq connection URI with any password replaced, fit for messages and logs.
QString redactedUrl(const QString &url);
bool isPostgresUrl(const QString &text);

class Params {
public:
    Params &i64(qint64 v);
    Params &boolean(bool v);
    Params &text(std::string_view v);
    Params &text(const QString &v);
    Params &bytes(QByteArrayView v);

    int count() const { return static_cast<int>(m_values.size()); }
    const unsigned int *types() const { return m_types.data(); }
    std::vector<const char *> values() const;
    const int *lengths() const { return m_lengths.data(); }
    const int *formats() const { return m_formats.data(); }

private:
    std::vector<unsigned int> m_types;
    std::vector<QByteArray> m_values;
    std::vector<int> m_lengths;
    std::vector<int> m_formats;
};

// A query's rows, binary columns.
class Rows {
public:
    Rows() = default;
    explicit Rows(pg_result *res);
    int count() const;
    bool isNull(int row, int col) const;
    qint64 i64(int row, int col) const;
    bool boolean(int row, int col) const;
    std::string_view textView(int row, int col) const;
    QString text(int row, int col) const;
    QByteArrayView bytesView(int row, int col) const;
    QByteArray bytes(int row, int col) const { return bytesView(row, col).toByteArray(); }

private:
    std::shared_ptr<pg_result> m_res;
};

class Pipeline;

class Connection {
public:
    // Connects with a libpq URI (postgresql://…). `what` names the database in errors.
    static Result<Connection> connect(const QString &url);
    Connection() = default;

    // One statement (no parameters: several may be separated by ';').
    Result<void> exec(const char *sql);
    Result<Rows> query(const char *sql, const Params &params = {});
    Result<void> run(const char *sql, const Params &params = {});
    // Every statement of the pipeline sent at once and answered at once: one round trip for all.
    // The rows of each statement in order; the first statement the server refuses fails the lot
    // (the server skips the ones after it).
    // `whileWaiting` runs once the pipeline is sent, while the server works on it (client work
    // that does not depend on the answers overlaps the round trip).
    Result<std::vector<Rows>> run(const Pipeline &pipeline, const std::function<void()> &whileWaiting = {});

    bool isOpen() const { return m_conn != nullptr; }
    bool isBroken() const; // the server went away
    // Whether a transaction is open on this connection (statements run inside it).
    bool inTransaction() const;
    // Asks the server to stop the statement this connection runs now; callable from any thread
    // while the connection lives (a request when nothing runs does nothing).
    std::function<void()> canceller() const;
    // Reconnects a broken connection with the same parameters (a new session: nothing prepared).
    // An error says, as connect's do, whether the server is away (Error::unreachable) or refused.
    Result<void> reset();
    // "db@host" as the status bar shows it.
    QString label() const { return m_label; }
    QString url() const { return m_redacted; }
    int socket() const;
    pg_conn *raw() const { return m_conn.get(); }
    // The SQLSTATE of the last failed statement ("" when none).
    QString lastState() const { return m_lastState; }

private:
    Error fail(pg_result *res, const char *sql);
    // The server-side name of a statement this connection prepared ("" when not prepared yet).
    std::string preparedName(const std::string &sql) const;
    // A name for a statement about to be prepared (""; the cache is full: run it unprepared).
    std::string nameFor(const std::string &sql);
    std::shared_ptr<pg_conn> m_conn;
    // Statements are prepared once a connection and run by name after: PostgreSQL plans them once
    // (planning costs more than running the append's reads). Cleared when the connection resets.
    struct Prepared;
    std::shared_ptr<Prepared> m_prepared;
    Result<void> open();

    QString m_label;
    QString m_redacted;
    QByteArray m_address; // as given, credentials included: kept only to reconnect
    QString m_lastState;
};

// Statements for Connection::run(Pipeline): libpq's pipeline mode, so a transaction's reads (or its
// writes and COMMIT) cost one round trip however many statements they take.
class Pipeline {
public:
    Pipeline &add(std::string sql, Params params = {});
    int count() const { return static_cast<int>(m_items.size()); }

private:
    friend class Connection;
    std::vector<std::pair<std::string, Params>> m_items;
};

// A multi-row INSERT built row by row: head is "INSERT INTO t(a, b) VALUES ", each row() takes
// `columns` parameters. Keep rows × columns under PostgreSQL's 65,535 parameters.
class RowBatch {
public:
    RowBatch(std::string head, int columns)
        : m_head(std::move(head))
        , m_columns(columns) {}
    Params &row() {
        ++m_rows;
        return m_params;
    }
    int rows() const { return m_rows; }
    std::string sql() const;
    const Params &params() const { return m_params; }
    // Runs the INSERT (nothing when empty) and starts a new batch.
    Result<void> flush(Connection &c);
    // Adds the INSERT to a pipeline (nothing when empty) and starts a new batch.
    void moveTo(Pipeline &p);

private:
    std::string m_head;
    int m_columns;
    int m_rows = 0;
    Params m_params;
};

// BEGIN … COMMIT; rolled back when destroyed uncommitted.
class Transaction {
public:
    static Result<Transaction> begin(Connection &c, const char *beginSql = "BEGIN");
    // The guard of a transaction whose BEGIN goes out in a pipeline: rolled back when destroyed
    // before committed() (a ROLLBACK outside a transaction is harmless).
    static Transaction pipelined(Connection &c) { return Transaction(c); }
    // The COMMIT went out in a pipeline and succeeded.
    void committed() { m_done = true; }
    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&) = delete;
    ~Transaction();
    Result<void> commit();

private:
    explicit Transaction(Connection &c)
        : m_conn(&c) {}
    Connection *m_conn = nullptr;
    bool m_done = false;
};

} // namespace ops::pg
