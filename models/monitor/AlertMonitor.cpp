#include "AlertMonitor.h"
#include "DesktopNotifier.h"
#include "LoggedAlerts.h"

#include "store/SqliteEvidenceStore.h"
#include "store/StoreHost.h"

#include <QCoreApplication>

namespace ops {

namespace {
constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;

bool mayAcknowledge(const Identity &who) {
    return who.approved() && (who.roles.contains(QStringLiteral("operator")) ||
                              who.roles.contains(QStringLiteral("incident-owner")));
}
} // namespace

AlertMonitor::AlertMonitor(DeploymentConfig config, QList<AlertRule> rules, StoreHost *host,
                           Secret operatorToken, QObject *parent)
    : QObject(parent)
    , m_notices(rules, config.notifications.escalateAfterMinutes)
    , m_config(config)
    , m_host(host)
    , m_engine(new ProbeEngine(config, std::move(operatorToken), this))
    , m_evaluator(new AlertEvaluator(std::move(rules), config, this))
    , m_writer(new TransitionWriter(this)) {
    m_writer->setSigner([this]() -> const Signer * { return isUnlocked() ? m_session->signer() : nullptr; });
    // A window that handed the store to a monitor writes nothing until it holds the lock again.
    m_writer->setGate([this] { return !(m_yields && m_recorder && !m_recorder->held()); });
    connect(m_writer, &TransitionWriter::problem, this, &AlertMonitor::setProblem);
    connect(m_writer, &TransitionWriter::changed, this, &AlertMonitor::recordingChanged);
    connect(m_writer, &TransitionWriter::samplesWritten, this, &AlertMonitor::samplesWritten);
    m_silences = SilenceBook(m_config.maintenance);
    connect(m_engine, &ProbeEngine::roundFinished, this, &AlertMonitor::processRound);
    if (!m_config.notifications.webhooks.isEmpty()) {
        if (auto urls = WebhookNotifier::resolveUrls(m_config.notifications); urls.ok()) {
            m_notifier = new WebhookNotifier(m_config, urls.value(), this);
            // Every attempt is evidence, signed with the transitions (it waits while locked).
            connect(m_notifier, &WebhookNotifier::attempted, this,
                    [this](const DeliveryAttempt &a) { m_writer->record({a.event()}); });
        } else {
            m_notifyProblem = tr("webhook notifications are off: %1").arg(urls.error().toString());
        }
    }
}

AlertMonitor::AlertMonitor(DeploymentConfig config, QList<AlertRule> rules, QString storePath,
                           Secret operatorToken, QObject *parent)
    : AlertMonitor(config, std::move(rules), nullptr, std::move(operatorToken), parent) {
    m_host = new StoreHost(std::move(storePath), deploymentStoreOptions(m_config), this);
    m_host->setPollIntervalMs(0);
}

AlertMonitor::~AlertMonitor() {
    m_writer->setBackground(false); // what waits is written while the session is still here
}

void AlertMonitor::setClock(Time::Clock clock) {
    m_clock = clock;
    if (m_host && m_host->parent() == this && !m_store)
        m_host->setClock(clock); // a store of its own writes with the monitor's clock
    m_engine->setClock(std::move(clock));
}

void AlertMonitor::setProblem(const QString &problem) {
    if (problem == m_problem)
        return;
    m_problem = problem;
    Q_EMIT recordingChanged();
}

bool AlertMonitor::ensureStore() {
    if (m_store)
        return true;
    SqliteEvidenceStore *store = m_host ? m_host->store() : nullptr;
    if (!store && m_host && m_host->isTeamLog()) {
        // The window's recorder keeps its matrix in the file's monitor tables; on the team log
        // rounds are recorded by probe --record under the database's recorder lock, so two
        // consoles never record the same transition twice. Probes still run and show.
        setProblem(
            tr("on the team log this console probes and shows the alert matrix its recorder "
               "evaluated (opsconsole-cli monitor or probe --record, one recorder at a time), and records "
               "nothing itself"));
        return false;
    }
    if (!store) {
        setProblem(m_host && m_host->problem().contains(QLatin1String("cannot be opened"))
                       ? m_host->problem()
                       : tr("no evidence store yet: transitions are not recorded (create one with "
                            "opsconsole-cli init)"));
        return false;
    }
    m_readOnly = m_host->isReadOnly();
    auto monitor = MonitorStore::open(store->path(), m_readOnly);
    if (!monitor.ok()) {
        setProblem(tr("the monitor tables cannot be opened: %1").arg(monitor.error().message));
        return false;
    }
    m_store = store;
    m_writer->setStore(m_readOnly ? nullptr : store, m_host->options());
    m_monitorStore = std::make_unique<MonitorStore>(std::move(monitor).value());
    m_ackSeenSeq = m_store->size().ok() ? m_store->size().value() : 0;
    if (!m_restored) {
        m_restored = true;
        if (auto states = m_monitorStore->targetStates(); states.ok())
            m_targetStates = states.value();
        // The table as the signed transitions confirm it: a cell that disagrees restores unknown.
        auto table = m_monitorStore->alertCells();
        if (auto cells = table.ok() ? LoggedAlerts::checkedAgainstLog(table.value(), *m_store)
                                    : Result<QList<StoredAlertCell>>(table.error());
            cells.ok()) {
            QList<AlertCell> saved;
            for (StoredAlertCell s : cells.value()) {
                // Healthy is only ever shown from a fresh observation.
                if (s.cell.state == AlertState::Ok)
                    s.cell.state = AlertState::Unknown;
                saved.append(s.cell);
            }
            m_evaluator->restore(saved);
        }
    }
    setProblem(m_readOnly ? tr("the evidence store is read-only here: transitions are not recorded")
                          : QString());
    return true;
}

void AlertMonitor::setSession(Session *session) {
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (session)
        connect(session, &Session::changed, this, [this] {
            Q_EMIT recordingChanged();
            m_writer->flush();
        });
    Q_EMIT recordingChanged();
    m_writer->flush();
}

QList<Identity> AlertMonitor::identities() const {
    if (!const_cast<AlertMonitor *>(this)->ensureStore())
        return {};
    auto ids = m_store->identities();
    return ids.ok() ? ids.value() : QList<Identity>{};
}

void AlertMonitor::processRound(const QList<ProbeResult> &results) {
    if (m_host && m_host->isTeamLog()) {
        // On the team log the matrix is what its one recorder evaluated (probe --record, into the
        // log): this console probes and shows, and takes the cells from the log.
        ensureStore(); // says why nothing is recorded here
        for (const ProbeResult &r : results)
            m_latest.insert(r.target.id, r);
        m_lastRound = m_clock();
        QList<AlertTransition> fired;
        if (EvidenceStore *log = m_host->evidence()) {
            if (auto cells = LoggedAlerts::read(*log); cells.ok() && !cells->isEmpty())
                fired = adoptCells(cells.value(), m_lastRound);
            // Who records: the signer of the newest round, and when (a recorder that stopped shows
            // as an old round, its cells as not fresh).
            EventFilter newest;
            newest.kind = QStringLiteral("probe.round");
            newest.newestFirst = true;
            newest.limit = 1;
            auto last = m_host->isOffline() ? Result<QList<StoredEvent>>(QList<StoredEvent>{})
                                            : queryTrusted(*log, newest);
            if (m_host->isOffline()) {
                // This console's copy is behind by an unknown amount: whether the recorder still
                // records is not known here, which is not the same as "nobody records".
                m_teamRecorder.reset();
                setProblem(tr("the team log cannot be reached: whether its recorder records is not "
                              "known here"));
            } else if (!last.ok() || last->isEmpty()) {
                m_teamRecorder.reset(); // nobody has recorded a round (ensureStore said so)
            } else {
                m_teamRecorder = TeamRecorder{last->constFirst().actor, last->constFirst().tsMs, false};
                // Someone records: not a problem of this console (teamRecorder() says who, and
                // whether their rounds are still coming).
                setProblem(QString());
            }
            // Said again every round: whether the recorder's rounds still come changes with time.
            Q_EMIT recordingChanged();
            if (m_silences.sync(*log).ok())
                m_evaluator->setSilences(m_silences.silencedCells(m_lastRound));
        }
        Q_EMIT roundEvaluated(results, fired);
        return;
    }
    ensureStore();
    for (const ProbeResult &r : results)
        m_latest.insert(r.target.id, r);
    AlertInputs in;
    in.probes = m_latest.values();
    in.nowMs = m_clock();
    readStoreInputs(in);
    QHash<QString, qint64> firingSince;
    for (const AlertCell &c : m_evaluator->cells())
        if (c.state == AlertState::Firing || c.state == AlertState::Acknowledged)
            firingSince.insert(c.alertId + QLatin1Char('|') + c.scope, c.sinceMs);
    const QList<AlertTransition> transitions = m_evaluator->evaluate(in);
    m_lastRound = in.nowMs;
    if ((m_notifier || m_desktop) && m_store && !m_readOnly)
        notifyRound(transitions, firingSince, in.nowMs);

    QList<TargetStateRow> states;
    QList<NewEvent> events = transitionEvents(results, transitions, states);
    // When each target was last probed is signed by the recorder (the launch rules trust no
    // other time from the table); a console nobody signed in to leaves its rows unsigned. The
    // signing happens where the rows are written: on the writer thread when there is one, so a
    // round of many targets never signs on the GUI thread.
    std::shared_ptr<Signer> probeSigner;
    if (m_store && !m_readOnly && isUnlocked()) {
        const Signer &signer = *m_session->signer();
        probeSigner = std::make_shared<Signer>(Signer{signer.name, signer.key.duplicate()});
    }
    if (m_store && !m_readOnly) {
        // Maintenance windows that opened and silences whose time is up, recorded once each.
        for (const NewEvent &e : m_silences.due(in.nowMs)) {
            const QString key = e.kind + QLatin1Char('|') + e.payload.stringAt("id");
            if (!m_silenceQueued.contains(key)) {
                m_silenceQueued.insert(key);
                events.append(e);
            }
        }
    }
    if (m_monitorStore && !m_readOnly) {
        const qint64 pruneBefore = in.nowMs - qint64(m_config.probes.retentionDays) * kDayMs;
        m_writer->saveRound(*m_monitorStore, results, states, m_evaluator->cells(), in.nowMs, pruneBefore,
                            probeSigner);
    }
    m_writer->record(std::move(events));
    Q_EMIT roundEvaluated(results, transitions);
}

Result<StoredEvent> AlertMonitor::acknowledge(const QString &alertId, const QString &scope,
                                              const QString &note) {
    if (!isUnlocked())
        return makeError(ErrorCode::Policy,
                         tr("sign in to acknowledge: an acknowledgement is signed evidence"));
    const Signer &signer = *m_session->signer();
    if (m_host && m_host->isTeamLog()) {
        // On the team log the acknowledgement is one signed event of the cell the log says is
        // firing (from this console's copy into the outbox while the server is away); the
        // recorder's next round keeps it, every console reads it.
        EvidenceStore *log = m_host->evidence();
        if (!log)
            return makeError(ErrorCode::Store, m_host->problem());
        auto e = LoggedAlerts::acknowledge(*log, signer, alertId, scope, note, m_clock());
        if (!e.ok())
            return e.error();
        (void)m_evaluator->acknowledge(alertId, scope, signer.name, note.trimmed(), e->tsMs);
        return e;
    }
    if (!ensureStore() || m_readOnly)
        return makeError(ErrorCode::Store, m_problem);
    auto who = m_store->identity(signer.name);
    if (!who.ok())
        return who.error();
    if (!mayAcknowledge(who.value()))
        return makeError(ErrorCode::Policy,
                         tr("'%1' holds neither the operator nor the incident-owner role").arg(who->name));
    const AlertCell &c = m_evaluator->cell(alertId, scope);
    if (c.alertId.isEmpty())
        return makeError(ErrorCode::Usage, tr("no alert '%1' for scope '%2'").arg(alertId, scope));
    if (c.state != AlertState::Firing)
        return makeError(ErrorCode::Policy, tr("only a firing alert can be acknowledged: %1 for %2 is %3")
                                                .arg(alertId, scope, alertStateName(c.state)));
    if (note.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("an acknowledgement needs a note"));
    JsonValue p = JsonValue::object();
    p["alert"] = alertId;
    p["severity"] = c.severity;
    p["note"] = note.trimmed();
    p["detail"] = c.detail.text();
    p["detail_words"] = c.detail.toJson();
    p["firing_since"] = Time::toIso(c.sinceMs);
    // One act: the signed event and the cell it leaves, in one transaction.
    const qint64 now = m_clock();
    const AlertCell acked = AlertEvaluator::acknowledged(c, signer.name, note.trimmed(), now);
    const bool hasCells = m_monitorStore != nullptr;
    auto events = m_store->appendWith(signer, {NewEvent{QStringLiteral("alert.acknowledged"), scope, p, now}},
                                      {}, [&](store::Database &db) {
                                          return hasCells ? MonitorStore::saveAcknowledgement(db, acked)
                                                          : Result<void>{};
                                      });
    if (!events.ok())
        return events.error();
    const StoredEvent e = events->constFirst();
    if (auto applied = m_evaluator->acknowledge(alertId, scope, signer.name, note.trimmed(), e.tsMs);
        !applied.ok())
        return applied.error();
    return e;
}

void AlertMonitor::notifyRound(const QList<AlertTransition> &transitions,
                               const QHash<QString, qint64> &firingSince, qint64 nowMs) {
    m_notices.seedFrom(*m_store);
    for (const Notice &n : m_notices.round(transitions, m_evaluator->cells(), firingSince, nowMs)) {
        if (m_notifier)
            m_notifier->notify(n);
        if (m_desktop)
            m_desktop->notice(n);
    }
}

QList<ProbeSample> AlertMonitor::samples(const QString &scope, qint64 sinceMs) const {
    if (!m_monitorStore)
        return {};
    auto s = m_monitorStore->samples(scope, sinceMs);
    return s.ok() ? s.value() : QList<ProbeSample>{};
}

} // namespace ops
