#include "LogWatcher.h"

#include <QSocketNotifier>
#include <QTimer>

#include <libpq-fe.h>

namespace ops::pg {

LogWatcher::LogWatcher(QString url, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_retry(new QTimer(this)) {
    m_retry->setSingleShot(true);
    m_retry->setInterval(3000);
    connect(m_retry, &QTimer::timeout, this, &LogWatcher::start);
}

LogWatcher::~LogWatcher() = default;

void LogWatcher::setRetryIntervalMs(int ms) {
    m_retry->setInterval(ms);
}

void LogWatcher::start() {
    if (m_notifier)
        return;
    auto conn = Connection::connect(m_url);
    if (!conn.ok()) {
        lose(conn.error().message);
        return;
    }
    m_conn = std::move(conn).value();
    const std::string listen = std::string("LISTEN ") + kChannel;
    if (auto r = m_conn.exec(listen.c_str()); !r.ok()) {
        lose(r.error().message);
        return;
    }
    m_notifier = new QSocketNotifier(static_cast<qintptr>(m_conn.socket()), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &LogWatcher::readable);
    m_problem.clear();
    Q_EMIT listeningChanged(true);
}

void LogWatcher::readable() {
    PGconn *c = m_conn.raw();
    if (!c || PQconsumeInput(c) == 0 || PQstatus(c) != CONNECTION_OK) {
        lose(c ? QString::fromUtf8(PQerrorMessage(c)).trimmed() : QString());
        return;
    }
    quint64 latest = 0;
    quint64 cosignedSize = 0;
    bool grown = false;
    bool cosignature = false;
    while (PGnotify *n = PQnotifies(c)) {
        if (qstrcmp(n->relname, kChannel) == 0) {
            // "<size>" after an append, "cosigned <size>" after a cosignature.
            QByteArray payload(n->extra);
            const bool isCosignature = payload.startsWith("cosigned ");
            if (isCosignature)
                payload = payload.mid(9);
            bool ok = false;
            const quint64 size = payload.toULongLong(&ok);
            if (ok && isCosignature) {
                cosignedSize = qMax(cosignedSize, size);
                cosignature = true;
            } else if (ok) {
                latest = qMax(latest, size);
                grown = true;
            }
        }
        PQfreemem(n);
    }
    if (grown)
        Q_EMIT grew(latest);
    if (cosignature)
        Q_EMIT cosigned(cosignedSize);
}

void LogWatcher::lose(const QString &why) {
    const bool was = m_notifier != nullptr;
    delete m_notifier;
    m_notifier = nullptr;
    m_conn = Connection();
    m_problem = why.isEmpty() ? QStringLiteral("the connection to the team log was lost") : why;
    if (was)
        Q_EMIT listeningChanged(false);
    m_retry->start();
}

} // namespace ops::pg
