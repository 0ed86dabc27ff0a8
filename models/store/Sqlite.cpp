#include "Sqlite.h"

#include <sqlite3.h>

#include <utility>

namespace ops::store {

namespace {
ErrorCode codeFor(int rc) {
    switch (rc & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return ErrorCode::Store;
    default:
        return ErrorCode::Store;
    }
}

QString describe(sqlite3 *db, int rc) {
    const int base = rc & 0xff;
    if (base == SQLITE_BUSY || base == SQLITE_LOCKED)
        return QStringLiteral("the store is locked by another process (busy timeout passed); try again");
    if (base == SQLITE_NOTADB)
        return QStringLiteral("the file is not an opsconsole evidence store (not a SQLite database)");
    if (base == SQLITE_CORRUPT)
        return QStringLiteral("the store file is corrupt");
    return QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}
} // namespace

Database::~Database() {
    if (m_db)
        sqlite3_close_v2(m_db);
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_path(std::move(other.m_path)) {
}

Database &Database::operator=(Database &&other) noexcept {
    if (this != &other) {
        if (m_db)
            sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

Result<Database> Database::open(const QString &path, bool create, bool readOnly) {
    Database db;
    db.m_path = path;
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_PRIVATECACHE;
    flags |= readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (create && !readOnly)
        flags |= SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db.m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error e =
            makeError(codeFor(rc), QStringLiteral("cannot open store: %1").arg(describe(db.m_db, rc)), path);
        return e;
    }
    sqlite3_extended_result_codes(db.m_db, 1);
    // Files are outside input (a store, an outbox, a copy someone may have edited with sqlite3): no
    // SQL may deliberately corrupt them, functions with side effects never run from their schema,
    // and no value is larger than the largest attachment allows.
    sqlite3_db_config(db.m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db.m_db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_limit(db.m_db, SQLITE_LIMIT_LENGTH, kMaxValueBytes);
    return db;
}

Result<Database> Database::openMemory() {
    return open(QStringLiteral(":memory:"), true);
}

Result<void> Database::exec(std::string_view sql) {
    char *err = nullptr;
    const std::string s(sql);
    const int rc = sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        QString msg = err ? QString::fromUtf8(err) : describe(m_db, rc);
        sqlite3_free(err);
        if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
            msg = describe(m_db, rc);
        return makeError(codeFor(rc), msg, m_path);
    }
    return {};
}

Result<bool> Database::isDatabase() {
    sqlite3_stmt *st = nullptr;
    int rc = sqlite3_prepare_v2(m_db, "SELECT count(*) FROM sqlite_schema", -1, &st, nullptr);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        rc = rc == SQLITE_ROW ? SQLITE_OK : sqlite3_extended_errcode(m_db);
    }
    sqlite3_finalize(st);
    if ((rc & 0xff) == SQLITE_NOTADB)
        return false;
    if (rc != SQLITE_OK)
        return makeError(codeFor(rc), describe(m_db, rc), m_path);
    return true;
}

Error Database::lastError(const QString &what) const {
    const int rc = sqlite3_extended_errcode(m_db);
    return makeError(codeFor(rc), what + QStringLiteral(": ") + describe(m_db, rc), m_path);
}

qint64 Database::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const {
    return sqlite3_changes(m_db);
}

Statement::~Statement() {
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_db(other.m_db) {
}

Statement &Statement::operator=(Statement &&other) noexcept {
    if (this != &other) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = other.m_db;
    }
    return *this;
}

Result<Statement> Statement::prepare(Database &db, std::string_view sql) {
    Statement s;
    s.m_db = db.handle();
    const int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &s.m_stmt, nullptr);
    if (rc != SQLITE_OK)
        return db.lastError(QStringLiteral("prepare failed"));
    return s;
}

Statement &Statement::bind(int index, qint64 value) {
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, const QString &value) {
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindBlob(int index, QByteArrayView value) {
    sqlite3_bind_blob(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindStaticText(int index, std::string_view text) {
    sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    return *this;
}

Statement &Statement::bindStaticBlob(int index, QByteArrayView value) {
    sqlite3_bind_blob(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
    return *this;
}

Statement &Statement::bindNull(int index) {
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Result<QStringList> Statement::texts() {
    QStringList out;
    while (true) {
        auto row = step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            return out;
        out << text(0);
    }
}

Result<bool> Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const QString what = QString::fromUtf8(sqlite3_errmsg(m_db));
    const int base = rc & 0xff;
    if (base == SQLITE_BUSY || base == SQLITE_LOCKED)
        return makeError(ErrorCode::Store, describe(m_db, rc));
    if (base == SQLITE_CONSTRAINT)
        return makeError(ErrorCode::Store, QStringLiteral("refused: %1").arg(what));
    return makeError(codeFor(rc), describe(m_db, rc));
}

Result<void> Statement::run() {
    auto r = step();
    reset();
    if (!r.ok())
        return r.error();
    return {};
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

qint64 Statement::int64(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

QString Statement::text(int column) const {
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column));
}

std::string_view Statement::textView(int column) const {
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return std::string_view(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)));
}

QByteArray Statement::blob(int column) const {
    return blobView(column).toByteArray();
}

QByteArrayView Statement::blobView(int column) const {
    const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArrayView(p, sqlite3_column_bytes(m_stmt, column));
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

Result<Transaction> Transaction::begin(Database &db) {
    if (auto r = db.exec("BEGIN IMMEDIATE"); !r.ok())
        return r.error();
    return Transaction(db);
}

Transaction::Transaction(Transaction &&other) noexcept
    : m_db(other.m_db)
    , m_done(std::exchange(other.m_done, true)) {
}

Transaction::~Transaction() {
    if (!m_done)
        (void)m_db->exec("ROLLBACK");
}

Result<void> Transaction::commit() {
    m_done = true;
    auto r = m_db->exec("COMMIT");
    if (!r.ok())
        (void)m_db->exec("ROLLBACK");
    return r;
}

} // namespace ops::store
