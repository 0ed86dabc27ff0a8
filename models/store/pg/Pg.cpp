#include "Pg.h"

#include <QUrl>
#include <QUrlQuery>

#include <libpq-fe.h>

#include <endian.h>

#include <cstring>

namespace ops::pg {

namespace {

constexpr unsigned int kBoolOid = 16, kByteaOid = 17, kInt8Oid = 20, kTextOid = 25;

} // namespace

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

Params &Params::i64(qint64 v) {
    const quint64 be = htobe64(static_cast<quint64>(v));
    m_types.push_back(kInt8Oid);
    m_values.emplace_back(reinterpret_cast<const char *>(&be), 8);
    m_lengths.push_back(8);
    m_formats.push_back(1);
    return *this;
}

Params &Params::boolean(bool v) {
    m_types.push_back(kBoolOid);
    m_values.emplace_back(1, v ? '\1' : '\0');
    m_lengths.push_back(1);
    m_formats.push_back(1);
    return *this;
}

Params &Params::text(std::string_view v) {
    m_types.push_back(kTextOid);
    m_values.emplace_back(v.data(), static_cast<qsizetype>(v.size()));
    m_lengths.push_back(static_cast<int>(v.size()));
    m_formats.push_back(1);
    return *this;
}

Params &Params::text(const QString &v) {
    const QByteArray utf8 = v.toUtf8();
    return text(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
}

Params &Params::bytes(QByteArrayView v) {
    m_types.push_back(kByteaOid);
    m_values.emplace_back(v.data(), v.size());
    m_lengths.push_back(static_cast<int>(v.size()));
    m_formats.push_back(1);
    return *this;
}

std::vector<const char *> Params::values() const {
    std::vector<const char *> out;
    out.reserve(m_values.size());
    for (const QByteArray &v : m_values)
        out.push_back(v.constData());
    return out;
}

Rows::Rows(pg_result *res)
    : m_res(res, &PQclear) {
}

int Rows::count() const {
    return m_res ? PQntuples(m_res.get()) : 0;
}

bool Rows::isNull(int row, int col) const {
    return PQgetisnull(m_res.get(), row, col) != 0;
}

qint64 Rows::i64(int row, int col) const {
    if (isNull(row, col))
        return 0;
    const int len = PQgetlength(m_res.get(), row, col);
    const char *p = PQgetvalue(m_res.get(), row, col);
    if (len == 8) {
        quint64 be = 0;
        std::memcpy(&be, p, 8);
        return static_cast<qint64>(be64toh(be));
    }
    if (len == 4) {
        quint32 be = 0;
        std::memcpy(&be, p, 4);
        return static_cast<qint32>(be32toh(be));
    }
    return 0;
}

bool Rows::boolean(int row, int col) const {
    return !isNull(row, col) && PQgetlength(m_res.get(), row, col) == 1 &&
           *PQgetvalue(m_res.get(), row, col) != 0;
}

std::string_view Rows::textView(int row, int col) const {
    return {PQgetvalue(m_res.get(), row, col), static_cast<std::size_t>(PQgetlength(m_res.get(), row, col))};
}

QString Rows::text(int row, int col) const {
    const std::string_view v = textView(row, col);
    return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
}

QByteArrayView Rows::bytesView(int row, int col) const {
    return {PQgetvalue(m_res.get(), row, col), PQgetlength(m_res.get(), row, col)};
}

Result<Connection> Connection::connect(const QString &url) {
    Connection c;
    c.m_redacted = redactedUrl(url);
    const QByteArray u = url.toUtf8();
    PGconn *conn = PQconnectdb(u.constData());
    c.m_conn.reset(conn, &PQfinish);
    if (!conn || PQstatus(conn) != CONNECTION_OK) {
        QString why =
            conn ? QString::fromUtf8(PQerrorMessage(conn)).trimmed() : QStringLiteral("out of memory");
        return makeError(ErrorCode::Store, QStringLiteral("cannot connect to the team log: %1").arg(why),
                         c.m_redacted);
    }
    const QString host = QString::fromUtf8(PQhost(conn));
    c.m_label =
        QStringLiteral("%1@%2").arg(QString::fromUtf8(PQdb(conn)),
                                    host.startsWith(QLatin1Char('/')) ? QStringLiteral("localhost") : host);
    // Notices (e.g. "relation already exists, skipping") are not the operator's concern.
    PQsetNoticeProcessor(
        conn, [](void *, const char *) {}, nullptr);
    return c;
}

bool Connection::isBroken() const {
    return !m_conn || PQstatus(m_conn.get()) != CONNECTION_OK;
}

bool Connection::reset() {
    if (!m_conn)
        return false;
    if (PQstatus(m_conn.get()) == CONNECTION_OK)
        return true;
    PQreset(m_conn.get());
    return PQstatus(m_conn.get()) == CONNECTION_OK;
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
    if (isBroken())
        return makeError(ErrorCode::Store,
                         QStringLiteral("the team log is unreachable: %1").arg(msg.trimmed()),
                         m_label.isEmpty() ? m_redacted : m_label);
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

Result<Rows> Connection::query(const char *sql, const Params &params) {
    if (!m_conn)
        return makeError(ErrorCode::Store, QStringLiteral("not connected to the team log"));
    const std::vector<const char *> values = params.values();
    PGresult *res = PQexecParams(m_conn.get(), sql, params.count(), params.types(), values.data(),
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
