#pragma once

#include "core/DeploymentConfig.h"
#include "core/Result.h"
#include "store/EvidenceTypes.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace ops {

struct AlertRule;
class EvidenceStore;

// A silence holds back the notifications of alert cells (alert × scope) for a while. It never
// hides a state: a silenced firing alert shows as silenced, with who, why and until when, and
// keeps firing into the log. Two sources:
//  - a person's signed `silence.added` (ID "SIL-<seq>"), ended early by `silence.ended` or,
//    once its time is up, recorded by the recorder as `silence.expired`;
//  - an occurrence of a recurring maintenance window of the config (ID "MW-<scope>-<start>"),
//    recorded as `silence.window_opened` when the recorder sees it start and `silence.expired`
//    when it is over.
// Nothing about a silence is ever deleted or edited: its end is a further event.
struct Silence {
    enum class Status { Upcoming, Active, Ended, Expired };

    QString id;
    QStringList alerts; // alert ids
    QString scope;
    QString reason;
    QString actor; // who silenced it (for a maintenance window: who recorded its opening)
    qint64 startsMs = 0;
    qint64 untilMs = 0; // end, exclusive
    quint64 seq = 0;    // the silence.added / silence.window_opened event; 0: not recorded yet
    bool maintenance = false;
    int configLine = 0; // maintenance windows: the line of the config entry
    // An early end:
    quint64 endedSeq = 0;
    QString endedBy;
    QString endReason;
    qint64 endedMs = 0;
    quint64 expiredSeq = 0; // the recorded expiry

    bool covers(const QString &alertId, const QString &scopeId) const {
        return scope == scopeId && alerts.contains(alertId);
    }
    Status statusAt(qint64 nowMs) const;
    // When it stopped silencing (the early end or its until), for history.
    qint64 endMs() const { return endedSeq ? qMin(endedMs, untilMs) : untilMs; }
    JsonValue toJson(qint64 nowMs) const;
};
QString silenceStatusName(Silence::Status status); // upcoming | active | ended | expired

namespace Silences {
inline constexpr qint64 kMaxDurationMs = 30LL * 24 * 3600 * 1000; // recurring ones go in the config
inline constexpr qint64 kUpcomingHorizonMs = 7LL * 24 * 3600 * 1000;

// "2026-12-04T18:00:00Z", or a duration from now: "90m", "2h", "1d", "1h30m".
Result<qint64> parseUntil(const QString &text, qint64 nowMs);
// The maintenance window's occurrence that contains nowMs, or else its next one (starting
// after nowMs, within eight days). Times are the window's time zone (UTC when none is set).
Silence occurrence(const MaintenanceWindow &window, qint64 nowMs);
// Checks each window's alerts against the alert rules ("file:line: maintenance[i].alerts: …").
Result<void> checkWindows(const DeploymentConfig &config, const QList<AlertRule> &rules);
// The payload of a person's silence.added (the rules checked by SilenceBook::refusal first).
JsonValue addedPayload(const QString &alertId, qint64 startsMs, qint64 untilMs, const QString &reason);
} // namespace Silences

class SilenceBook;
// The acts, the same for the CLI and the console, on either backend: each checks the alert, the
// scope, the signer's role and the silences already in the log, then appends one signed event.
namespace SilenceActs {
Result<StoredEvent> add(EvidenceStore &store, const Signer &signer, const DeploymentConfig &config,
                        const QList<AlertRule> &rules, const QString &alertId, const QString &scope,
                        qint64 untilMs, const QString &reason, qint64 nowMs);
Result<StoredEvent> end(EvidenceStore &store, const Signer &signer, const DeploymentConfig &config,
                        const QString &id, const QString &reason, qint64 nowMs);
} // namespace SilenceActs

// The silences of a log, folded from its silence.* events (in seq order, incrementally), with
// the config's maintenance windows beside them.
class SilenceBook {
public:
    explicit SilenceBook(QList<MaintenanceWindow> windows = {});

    void apply(const StoredEvent &event);
    quint64 lastSeq() const { return m_lastSeq; }
    // Reads every silence.* event after lastSeq() from the store.
    Result<void> sync(const EvidenceStore &store);
    static Result<SilenceBook> load(const EvidenceStore &store, const QList<MaintenanceWindow> &windows);

    // Recorded silences (people's and opened maintenance windows), in the order recorded.
    const QList<Silence> &recorded() const { return m_recorded; }
    // A silence by id: recorded, or the current or next occurrence of a maintenance window.
    std::optional<Silence> find(const QString &id, qint64 nowMs) const;
    // Every silence active now: recorded ones and maintenance windows in progress (recorded or not).
    QList<Silence> active(qint64 nowMs) const;
    // The maintenance windows that have not started yet (their next occurrence), soonest first.
    QList<Silence> upcoming(qint64 nowMs, qint64 horizonMs = Silences::kUpcomingHorizonMs) const;
    // What silences a cell now, if anything (the one that lasts longest).
    std::optional<Silence> silencing(const QString &alertId, const QString &scope, qint64 nowMs) const;
    // "alert|scope" → the silence in force, for every silenced cell.
    QHash<QString, Silence> silencedCells(qint64 nowMs) const;

    // Why a person may not add this silence now (none when they may).
    std::optional<Error> addRefusal(const QString &alertId, const QString &scope, qint64 untilMs,
                                    const QString &reason, qint64 nowMs) const;
    // Why this silence may not be ended now (none when it may).
    std::optional<Error> endRefusal(const QString &id, qint64 nowMs) const;

    // What the recorder writes now: silence.window_opened for windows in progress that are not
    // recorded yet, silence.expired for recorded silences whose time is up.
    QList<NewEvent> due(qint64 nowMs) const;

private:
    Silence *recordedById(const QString &id);
    QList<MaintenanceWindow> m_windows;
    QList<Silence> m_recorded;
    QHash<QString, qsizetype> m_index; // id → position in m_recorded
    quint64 m_lastSeq = 0;
};

} // namespace ops
