#pragma once

// A signed-in console's duty on the team log: whenever the log grows (or someone signs in, or the
// connection comes back), it witnesses the latest checkpoint (TeamWitness.h) with the signed-in
// identity and cosigns it, brings the console's copy of the log up to it (TeamLogCopy.h), and
// syncs the signed-in identity's acts waiting in the outbox (Outbox.h). A rewritten log raises the
// alarm here, which the window shows at once.

#include "core/Time.h"

#include <QObject>

namespace ops {

class PgEvidenceStore;
class Session;
struct Signer;
class StoreHost;

class TeamWitnessDuty final : public QObject {
    Q_OBJECT
public:
    TeamWitnessDuty(StoreHost *host, Session *session, QString stateDirectory, QObject *parent = nullptr);
    void setClock(Time::Clock clock) { m_clock = std::move(clock); }

    // One witness pass now (on the team log with someone signed in; nothing otherwise).
    void run();
    // The alarm this console raised for the team log ("" when none).
    QString alarm() const;
    // Why the last pass could not witness ("" when it did, or had nothing to do).
    QString problem() const { return m_problem; }
    quint64 witnessedSize() const { return m_size; }

Q_SIGNALS:
    // A pass finished: the checkpoint of `size` vouched for (and cosigned unless this identity signed it).
    void witnessed(quint64 size);
    // The outbox was synced: acts appended and refused, one line each for their author.
    void outboxSynced(int synced, int rejected, const QStringList &lines);
    // The log is not what this console vouched for: "ALARM (SEV-1): the team log was rewritten: …".
    void alarmRaised(const QString &text);

private:
    void syncOutbox(PgEvidenceStore &team, const Signer &me);

    StoreHost *m_host;
    Session *m_session;
    QString m_stateDirectory;
    Time::Clock m_clock = Time::systemClock();
    QString m_problem;
    quint64 m_size = 0;
    bool m_running = false;
};

} // namespace ops
