#include "Pg.h"

#include <QDeadlineTimer>
#include <QUrl>
#include <QUrlQuery>

#include <libpq-fe.h>

#include <poll.h>
#include <sys/socket.h>

#include <cerrno>

#include <cstring>
#include <optional>

namespace ops::pg {

namespace {

// Statements kept prepared per connection: the store's fixed statements and a few batch sizes.
constexpr std::size_t kMaxPrepared = 256;

} // namespace

// The session's state, shared by copies of a connection.
struct Connection::Prepared {
    bool lost = false; // libpq reported the connection gone (it may still say CONNECTION_OK)
    std::unordered_map<std::string, std::string> names;   // SQL → statement name
    std::unordered_map<std::string, std::string> pending; // named, not yet confirmed by the server
    int next = 0;
};

QString redactedUrl(const QString &url) {
    QUrl u(url);
    if (!u.isValid())
        return QStringLiteral("postgresql://(unparsable URL)");
    if (!u.password().isEmpty())
        u.setPassword(QStringLiteral("xxxxx"));
    QUrlQuery q(u);
    if (q.hasQueryItem(QStringLiteral("password"))) {
        q.removeAllQueryItems(QStringLiteral("password"));
        q.addQueryItem(QStringLiteral("password"), QStringLiteral("xxxxx"));
        u.setQuery(q);
    }
    return u.toString();
}

bool isPostgresUrl(const QString &text) {
    return text.startsWith(QLatin1String("postgresql://")) || text.startsWith(QLatin1String("postgres://"));
}

namespace {

// The connect_timeout the address asks for (libpq's own rule: at least 2 s), or 15 s.
qint64 connectTimeoutMs(PGconn *conn) {
    qint64 seconds = 15;
    if (PQconninfoOption *options = PQconninfo(conn)) {
        for (PQconninfoOption *o = options; o->keyword; ++o)
            if (std::strcmp(o->keyword, "connect_timeout") == 0 && o->val && *o->val) {
                bool ok = false;
                const qint64 v = QByteArray(o->val).toLongLong(&ok);
                if (ok && v > 0)
                    seconds = qMax<qint64>(v, 2);
            }
        PQconninfoFree(options);
    }
    return seconds * 1000;
}

} // namespace

namespace {

// A server that is starting up, shutting down or full is away for now, not refusing.
bool transientRefusal(const QString &why) {
    static const char *const kAway[] = {
        "the database system is starting up", "the database system is shutting down",
        "the database system is not yet accepting connections", "the database system is in recovery mode",
        "sorry, too many clients already"};
    for (const char *away : kAway)
        if (why.contains(QLatin1String(away)))
            return true;
    return false;
}

// Opens a connection step by step, telling a server that never answered (down, unreachable, a
// tunnel or pooler with nothing behind it, a socket closed without a word: the console may work
// offline) from one that answered and refused (authentication, TLS, a missing database or role:
// the operator must see it). It answered once bytes arrived from it: a connection accepted and
// then closed is no answer.
Result<std::shared_ptr<pg_conn>> openClassified(const QByteArray &url, const QString &where) {
    PGconn *conn = PQconnectStart(url.constData());
    std::shared_ptr<pg_conn> owned(conn, &PQfinish);
    bool answered = false;
    if (conn && PQstatus(conn) != CONNECTION_BAD) {
        const QDeadlineTimer deadline(connectTimeoutMs(conn));
        PostgresPollingStatusType polling = PGRES_POLLING_WRITING;
        while (polling != PGRES_POLLING_OK && polling != PGRES_POLLING_FAILED) {
            pollfd pfd{PQsocket(conn),
                       static_cast<short>(polling == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0};
            const qint64 left = deadline.remainingTime();
            if (pfd.fd < 0 || left == 0)
                break;
            const int ready = ::poll(&pfd, 1, static_cast<int>(qMin<qint64>(left, 1000)));
            if (ready < 0 && errno != EINTR)
                break;
            if (ready == 0)
                continue;
            if (polling == PGRES_POLLING_READING && !answered) {
                char byte = 0;
                answered = ::recv(pfd.fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT) > 0;
            }
            polling = PQconnectPoll(conn);
        }
    }
    if (conn && PQstatus(conn) == CONNECTION_OK)
        return owned;
    QString why = conn ? QString::fromUtf8(PQerrorMessage(conn)).trimmed() : QString();
    if (why.isEmpty())
        why = QStringLiteral("no answer in time");
    const bool refused = answered && !transientRefusal(why);
    Error e = makeError(ErrorCode::Store,
                        refused ? QStringLiteral("the team log refused the connection: %1").arg(why)
                                : QStringLiteral("the team log is unreachable: %1").arg(why),
                        where);
    e.unreachable = !refused;
    return e;
}

} // namespace

Result<Connection> Connection::connect(const QString &url) {
    Connection c;
    c.m_prepared = std::make_shared<Prepared>();
    c.m_redacted = redactedUrl(url);
    c.m_address = url.toUtf8();
    if (auto r = c.open(); !r.ok())
        return r.error();
    return c;
}

Result<void> Connection::open() {
    auto conn = openClassified(m_address, m_redacted);
    if (!conn.ok())
        return conn.error();
    m_conn = std::move(conn).value();
    PGconn *raw = m_conn.get();
    const QString host = QString::fromUtf8(PQhost(raw));
    m_label = QStringLiteral("%1@%2").arg(
        QString::fromUtf8(PQdb(raw)), host.startsWith(QLatin1Char('/')) ? QStringLiteral("localhost") : host);
    // Notices (e.g. "relation already exists, skipping") are not the operator's concern.
    PQsetNoticeProcessor(
        raw, [](void *, const char *) {}, nullptr);
    // A new session: nothing is prepared in it.
    if (m_prepared)
        *m_prepared = Prepared();
    return {};
}

std::function<void()> Connection::canceller() const {
    if (!m_conn)
        return {};
    std::shared_ptr<PGcancel> handle(PQgetCancel(m_conn.get()), PQfreeCancel);
    if (!handle)
        return {};
    return [handle] {
        char why[256];
        (void)PQcancel(handle.get(), why, sizeof why); // the statement ends with query_canceled
    };
}

bool Connection::inTransaction() const {
    return m_conn && PQtransactionStatus(m_conn.get()) != PQTRANS_IDLE &&
           PQtransactionStatus(m_conn.get()) != PQTRANS_UNKNOWN;
}

bool Connection::isBroken() const {
    return !m_conn || PQstatus(m_conn.get()) != CONNECTION_OK || (m_prepared && m_prepared->lost);
}

Result<void> Connection::reset() {
    if (!m_conn && m_address.isEmpty())
        return makeError(ErrorCode::Store, QStringLiteral("not connected"), m_redacted);
    if (!isBroken())
        return {};
    return open();
}

int Connection::socket() const {
    return m_conn ? PQsocket(m_conn.get()) : -1;
}

Error Connection::fail(pg_result *res, const char *sql) {
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    m_lastState = state ? QString::fromLatin1(state) : QString();
    QString msg = res ? QString::fromUtf8(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY)
                                              ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY)
                                              : PQerrorMessage(m_conn.get()))
                      : QString::fromUtf8(PQerrorMessage(m_conn.get()));
    if (res)
        PQclear(res);
    (void)sql;
    // The server answers every refusal with a SQLSTATE; an error without one is libpq's own: the
    // connection is gone (in pipeline mode libpq may not have marked it bad yet).
    if (m_lastState.isEmpty() && m_prepared)
        m_prepared->lost = true;
    if (isBroken()) {
        Error e =
            makeError(ErrorCode::Store, QStringLiteral("the team log is unreachable: %1").arg(msg.trimmed()),
                      m_label.isEmpty() ? m_redacted : m_label);
        e.unreachable = true;
        return e;
    }
    return makeError(ErrorCode::Store, QStringLiteral("the team log refused: %1").arg(msg.trimmed()),
                     m_label.isEmpty() ? m_redacted : m_label);
}

Result<void> Connection::exec(const char *sql) {
    if (!m_conn)
        return makeError(ErrorCode::Store, QStringLiteral("not connected to the team log"));
    PGresult *res = PQexec(m_conn.get(), sql);
    const auto st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
        return fail(res, sql);
    PQclear(res);
    m_lastState.clear();
    return {};
}

namespace {

// A prepared statement is the SQL with its parameter types: the same text bound to other types is
// another statement.
std::string statementKey(const std::string &sql, const Params &params) {
    std::string key = sql;
    for (int i = 0; i < params.count(); ++i)
        key += '\0' + std::to_string(params.types()[i]);
    return key;
}

} // namespace

std::string Connection::preparedName(const std::string &sql) const {
    if (!m_prepared)
        return {};
    const auto it = m_prepared->names.find(sql);
    return it == m_prepared->names.end() ? std::string() : it->second;
}

std::string Connection::nameFor(const std::string &sql) {
    if (!m_prepared || m_prepared->names.size() + m_prepared->pending.size() >= kMaxPrepared)
        return {};
    if (const auto it = m_prepared->pending.find(sql); it != m_prepared->pending.end())
        return {}; // already being prepared earlier in this pipeline: this one runs unprepared
    std::string name = "ops" + std::to_string(m_prepared->next++);
    m_prepared->pending.emplace(sql, name);
    return name;
}

Result<Rows> Connection::query(const char *sql, const Params &params) {
    if (!m_conn)
        return makeError(ErrorCode::Store, QStringLiteral("not connected to the team log"));
    const std::vector<const char *> values = params.values();
    const std::string text = statementKey(sql, params);
    std::string name = preparedName(text);
    if (name.empty()) {
        name = nameFor(text);
        if (!name.empty()) {
            PGresult *prep = PQprepare(m_conn.get(), name.c_str(), sql, params.count(), params.types());
            m_prepared->pending.erase(text);
            if (!prep || PQresultStatus(prep) != PGRES_COMMAND_OK)
                return fail(prep, sql);
            PQclear(prep);
            m_prepared->names.emplace(text, name);
        }
    }
    PGresult *res = name.empty() ? PQexecParams(m_conn.get(), sql, params.count(), params.types(),
                                                values.data(), params.lengths(), params.formats(), 1)
                                 : PQexecPrepared(m_conn.get(), name.c_str(), params.count(), values.data(),
                                                  params.lengths(), params.formats(), 1);
    const auto st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
        return fail(res, sql);
    m_lastState.clear();
    return Rows(res);
}

Result<void> Connection::run(const char *sql, const Params &params) {
    auto r = query(sql, params);
    if (!r.ok())
        return r.error();
    return {};
}

Result<std::vector<Rows>> Connection::run(const Pipeline &pipeline,
                                          const std::function<void()> &whileWaiting) {
    if (!m_conn)
        return makeError(ErrorCode::Store, QStringLiteral("not connected to the team log"));
    PGconn *c = m_conn.get();
    if (PQenterPipelineMode(c) != 1)
        return fail(nullptr, "pipeline");
    std::optional<Error> failed;
    // What the server answers, in order: a PREPARE's result (not one of the caller's) or a statement's.
    struct Sent {
        std::size_t item;
        std::string preparing; // the name being prepared, when this answer is a PREPARE's
        std::string key;
    };
    std::vector<Sent> sent;
    for (std::size_t i = 0; i < pipeline.m_items.size() && !failed; ++i) {
        const auto &[sql, params] = pipeline.m_items[i];
        const std::vector<const char *> values = params.values();
        const std::string key = statementKey(sql, params);
        std::string name = preparedName(key);
        if (name.empty() && (name = nameFor(key), !name.empty())) {
            if (PQsendPrepare(c, name.c_str(), sql.c_str(), params.count(), params.types()) != 1) {
                m_prepared->pending.erase(key);
                failed = fail(nullptr, sql.c_str());
                break;
            }
            sent.push_back({i, name, key});
        }
        const int ok = name.empty() ? PQsendQueryParams(c, sql.c_str(), params.count(), params.types(),
                                                        values.data(), params.lengths(), params.formats(), 1)
                                    : PQsendQueryPrepared(c, name.c_str(), params.count(), values.data(),
                                                          params.lengths(), params.formats(), 1);
        if (ok != 1) {
            failed = fail(nullptr, sql.c_str());
            break;
        }
        sent.push_back({i, {}, {}});
    }
    if (PQpipelineSync(c) != 1 && !failed)
        failed = fail(nullptr, "sync");
    if (whileWaiting && !failed)
        whileWaiting(); // PQpipelineSync flushed what was sent
    std::vector<Rows> out;
    out.reserve(pipeline.m_items.size());
    for (const Sent &expect : sent) {
        const std::string &sql = pipeline.m_items[expect.item].first;
        PGresult *res = PQgetResult(c);
        if (!res) {
            if (!failed)
                failed = fail(nullptr, sql.c_str());
            break;
        }
        const auto st = PQresultStatus(res);
        if (!expect.preparing.empty()) {
            // Prepared only when the server says so; a skipped PREPARE is tried again next time.
            m_prepared->pending.erase(expect.key);
            if (st == PGRES_COMMAND_OK)
                m_prepared->names.emplace(expect.key, expect.preparing);
            if (st == PGRES_COMMAND_OK || st == PGRES_PIPELINE_ABORTED || failed)
                PQclear(res);
            else
                failed = fail(res, sql.c_str());
        } else if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) {
            out.emplace_back(res);
        } else if (st == PGRES_PIPELINE_ABORTED || failed) {
            PQclear(res);
        } else {
            failed = fail(res, sql.c_str());
        }
        // Each answer ends with a null result.
        while (PGresult *extra = PQgetResult(c))
            PQclear(extra);
    }
    // The sync point closes the pipeline.
    while (PGresult *res = PQgetResult(c)) {
        const bool sync = PQresultStatus(res) == PGRES_PIPELINE_SYNC;
        PQclear(res);
        if (sync)
            break;
    }
    if (PQexitPipelineMode(c) != 1 && !failed)
        failed = fail(nullptr, "pipeline end");
    m_prepared->pending.clear(); // names the server never confirmed are not reused
    if (failed)
        return *failed;
    m_lastState.clear();
    return out;
}

Pipeline &Pipeline::add(std::string sql, Params params) {
    m_items.emplace_back(std::move(sql), std::move(params));
    return *this;
}

std::string RowBatch::sql() const {
    std::string sql = m_head;
    int n = 1;
    for (int r = 0; r < m_rows; ++r) {
        sql += r ? ",(" : "(";
        for (int col = 0; col < m_columns; ++col) {
            if (col)
                sql += ',';
            sql += '$' + std::to_string(n++);
        }
        sql += ')';
    }
    return sql;
}

Result<void> RowBatch::flush(Connection &c) {
    if (m_rows == 0)
        return {};
    const std::string statement = sql();
    auto r = c.run(statement.c_str(), m_params);
    m_rows = 0;
    m_params = Params();
    return r;
}

void RowBatch::moveTo(Pipeline &p) {
    if (m_rows == 0)
        return;
    p.add(sql(), std::move(m_params));
    m_rows = 0;
    m_params = Params();
}

Result<Transaction> Transaction::begin(Connection &c, const char *beginSql) {
    if (auto r = c.exec(beginSql); !r.ok())
        return r.error();
    return Transaction(c);
}

Transaction::Transaction(Transaction &&other) noexcept
    : m_conn(other.m_conn)
    , m_done(other.m_done) {
    other.m_done = true;
}

Transaction::~Transaction() {
    if (!m_done && m_conn && !m_conn->isBroken())
        (void)m_conn->exec("ROLLBACK");
}

Result<void> Transaction::commit() {
    m_done = true;
    return m_conn->exec("COMMIT");
}

} // namespace ops::pg
