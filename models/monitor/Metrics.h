#pragma once

// The monitor's state in the Prometheus text exposition format (version 0.0.4): what a team's
// Prometheus scrapes from `opsconsole-cli monitor --listen`. States are state sets (one series a
// possible state, 1 for the current one), so "unknown" is its own value and never reads as 0 = ok.

#include "alerts/AlertEvaluator.h"
#include "incidents/Incidents.h"
#include "probes/ProbeTypes.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <optional>

namespace ops::Metrics {

struct Input {
    qint64 nowMs = 0;
    QList<ProbeResult> probes; // the latest result of each target (none yet: no series)
    QList<AlertCell> cells;
    std::optional<IncidentBook> book; // none when the log could not be read
    std::optional<quint64> logSize;
    std::optional<qint64> checkpointMs; // the latest checkpoint's time
    qint64 lastRoundMs = 0;             // 0: no round finished yet
    qint64 recordingUp = 0;             // 1 while transitions are recorded, 0 otherwise
    // Alertmanager's webhook since the monitor started (no series unless the receiver is on).
    struct Webhook {
        qint64 recorded = 0, repeated = 0, notRouted = 0, refused = 0;
    };
    std::optional<Webhook> alertmanager;
    std::optional<QList<Silence>> silences; // active now; none when they could not be read
    // Webhook delivery attempts by outcome since the monitor started (none unless configured).
    std::optional<QHash<QString, qint64>> notifications;
    // Team mode: whether the team log's server answers, the consoles other than its signer that
    // cosigned the latest checkpoint against the quorum asked for, and the acts this machine made
    // without the server that wait in its outbox (none: unknown).
    struct Team {
        bool up = false;
        std::optional<int> witnesses;
        int quorum = 0;
        std::optional<qint64> unsynced;
    };
    std::optional<Team> team;
};

QByteArray prometheusText(const Input &in);

// A label value escaped as the format requires (backslash, double quote, newline).
QByteArray labelValue(const QString &value);

} // namespace ops::Metrics
