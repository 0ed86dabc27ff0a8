#pragma once

// The team log's change signal: a connection of its own that LISTENs on the channel every append
// notifies at commit (pg_notify('opsconsole_log', size)), so a colleague's act reaches every open
// console as soon as it commits, without polling. A lost connection is reported at once (the
// socket closes) and retried until the server answers again.

#include "Pg.h"

#include <QObject>

class QSocketNotifier;
class QTimer;

namespace ops::pg {

class LogWatcher final : public QObject {
    Q_OBJECT
public:
    static constexpr const char *kChannel = "opsconsole_log";

    explicit LogWatcher(QString url, QObject *parent = nullptr);
    ~LogWatcher() override;

    // Connects and listens; when the server does not answer, retries every retryIntervalMs.
    void start();
    bool isListening() const { return m_notifier != nullptr; }
    // Why the watcher is not listening ("" while it is).
    QString problem() const { return m_problem; }
    void setRetryIntervalMs(int ms);

Q_SIGNALS:
    // A commit moved the log to `size` (the notifications of a burst may arrive together).
    void grew(quint64 size);
    // A console cosigned the checkpoint of `size`.
    void cosigned(quint64 size);
    // Listening started (after a start or a reconnect) or stopped (problem() says why).
    void listeningChanged(bool listening);

private:
    void readable();
    void lose(const QString &why);

    QString m_url;
    Connection m_conn;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_retry;
    QString m_problem;
};

} // namespace ops::pg
