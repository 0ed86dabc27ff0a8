#pragma once

// Internal to models/store: RAII over the SQLite C API. The store uses the C API directly
// (not QtSql) for the backup API, precise error codes (BUSY, NOTADB, CORRUPT) and speed.

#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace ops::store {

class Database {
public:
    // The largest string or blob a file may hold: above the largest attachment (256 MiB).
    static constexpr int kMaxValueBytes = 272 * 1024 * 1024;
    Database() = default;
    ~Database();
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    static Result<Database> open(const QString &path, bool create, bool readOnly = false);
    static Result<Database> openMemory();

    sqlite3 *handle() const { return m_db; }
    bool isOpen() const { return m_db != nullptr; }
    QString path() const { return m_path; }

    Result<void> exec(std::string_view sql);
    // Whether the file is a SQLite database: false when SQLite finds it is not (its header or
    // first page), an error for anything else (busy, I/O). Read through SQLite itself, never by
    // opening the file beside it: closing another descriptor of a database file drops every
    // POSIX lock this process holds on it, and another process then deletes the live WAL.
    Result<bool> isDatabase();
    Error lastError(const QString &what) const;
    qint64 lastInsertRowId() const;
    int changes() const;

private:
    sqlite3 *m_db = nullptr;
    QString m_path;
};

class Statement {
public:
    Statement() = default;
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    static Result<Statement> prepare(Database &db, std::string_view sql);

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, const QString &value);
    Statement &bind(int index, std::string_view text);
    Statement &bindBlob(int index, QByteArrayView value);
    Statement &bindNull(int index);
    // The caller keeps the bytes alive until the statement has been stepped (no copy).
    Statement &bindStaticText(int index, std::string_view text);
    Statement &bindStaticBlob(int index, QByteArrayView value);

    // Returns true when a row is available, false when done; errors as Error.
    Result<bool> step();
    Result<void> run(); // step to completion, expecting no rows
    // Steps to completion and collects the first column of every row as text.
    Result<QStringList> texts();
    void reset();

    qint64 int64(int column) const;
    QString text(int column) const;
    std::string_view textView(int column) const;
    QByteArray blob(int column) const;
    QByteArrayView blobView(int column) const;
    bool isNull(int column) const;

private:
    sqlite3_stmt *m_stmt = nullptr;
    sqlite3 *m_db = nullptr;
};

// BEGIN IMMEDIATE … COMMIT, rolled back unless committed.
class Transaction {
public:
    static Result<Transaction> begin(Database &db);
    Transaction(Transaction &&other) noexcept;
    ~Transaction();
    Result<void> commit();

private:
    explicit Transaction(Database &db)
        : m_db(&db) {}
    Database *m_db;
    bool m_done = false;
};

} // namespace ops::store
