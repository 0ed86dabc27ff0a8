#pragma once

// Prometheus Alertmanager's webhook (payload version 4) into the alert matrix. The body is
// untrusted input: parsed strictly and bounded, every alert routed by the config's
// `alertmanager.routes` to an alert cell or a pipeline signal. Only what changes is recorded:
// an alert that starts firing, or one that resolves; Alertmanager's repeats are not evidence.

#include "alerts/AlertEvaluator.h"
#include "core/DeploymentConfig.h"
#include "core/Result.h"
#include "core/Secret.h"
#include "store/EvidenceTypes.h"

#include <QHash>
#include <QMap>

#include <optional>
#include <utility>

namespace ops {
class EvidenceStore;
}

namespace ops::Alertmanager {

inline constexpr int kMaxAlerts = 10000;    // alerts in one payload
inline constexpr int kMaxLabels = 64;       // labels (and annotations) of one alert
inline constexpr int kMaxValueBytes = 4096; // one label value, annotation, URL

// One alert of a payload, routed.
struct Notice {
    bool firing = false;
    QString fingerprint;
    QMap<QString, QString> labels;
    QString startsAt; // RFC 3339, as sent
    QString endsAt;   // RFC 3339; Alertmanager's zero time when the end is not known
    QString generatorUrl;
    int route = 0;  // index into alertmanager.routes
    QString alert;  // the alert cell's alert id, or
    QString signal; // the signal kind
    QString scope;
    QString value; // signal routes: the value annotation, if any
};

struct Payload {
    QString receiver;
    QString groupKey;
    qint64 truncatedAlerts = 0;
    QList<Notice> routed;
    QStringList unrouted; // one line per alert no route took, with the reason
};

// Alertmanager's fingerprint of an alert: Prometheus's fingerprint of its label set (64-bit FNV-1a
// over the labels sorted by name, each name and value followed by the byte 0xff), as 16 lower-case
// hex digits. A notice must carry the fingerprint of its own labels, so one fingerprint always
// names the same alert (and so the same cell).
QString fingerprintOf(const QMap<QString, QString> &labels);

// An RFC 3339 time as seconds since the epoch and nanoseconds, comparable; nullopt when the text is
// not one (or names no real date).
using Instant = std::pair<qint64, int>;
std::optional<Instant> rfc3339Time(const QString &text);

// Parses and routes one webhook body. Errors name the JSON field (alerts[2].labels …).
Result<Payload> parse(const QByteArray &body, const AlertmanagerSettings &settings,
                      const DeploymentConfig &config);

// Every route's alert is an enabled rule, every signal one some rule listens to: file:line otherwise.
Result<bool> checkRoutes(const DeploymentConfig &config, const QList<AlertRule> &rules);

// The bearer token from token_file: an owner-only regular file of this user (judged by the file
// opened), one line of at least kMinTokenBytes characters.
inline constexpr int kMinTokenBytes = 16;
Result<Secret> readToken(const QString &path);

// The evidence event of a notice: alertmanager.firing or alertmanager.resolved.
NewEvent event(const Notice &notice, const QString &receiver);

// What the recorded alertmanager.* events say now: per fingerprint its last status, per alert
// cell the fingerprints firing into it, and the signals they carried.
class Fold {
public:
    // Applies events in sequence order; an event at or before the last applied one is ignored, and
    // so is one whose fingerprint is not its labels' or whose start is earlier than the one known.
    void apply(const StoredEvent &event);
    quint64 lastSeq() const { return m_lastSeq; }
    // Whether recording the notice says something new: a firing alert not known firing since the
    // same start, or a resolution of one not already resolved. A notice of an earlier start than the
    // one known (an older firing, a late resolution of an earlier episode sent by the other member of
    // a high-availability pair) is stale, whatever its status: it never changes the cell.
    bool isNew(const Notice &notice) const;
    // Per "alert|scope": what the evaluator observes from Alertmanager.
    const QHash<QString, ExternalObservation> &cells() const { return m_cells; }
    // Signals carried by firing alerts (newest last, bounded).
    const QList<SignalSample> &signals() const { return m_signals; }

private:
    struct Known {
        bool firing = false;
        QString startsAt;
        Instant starts;
        QString cell;
    };
    QHash<QString, Known> m_byFingerprint;
    QHash<QString, ExternalObservation> m_cells;
    QList<SignalSample> m_signals;
    quint64 m_lastSeq = 0;
};

// Brings the fold up to the log: every alertmanager.* event after the last it applied.
Result<void> sync(Fold &fold, const EvidenceStore &store);

// What one payload left in the log.
struct Recorded {
    int recorded = 0;
    int repeated = 0; // already known: Alertmanager repeats what still fires
    quint64 firstSeq = 0;
};
// Records what a payload says that is new (an alert that starts firing or resolves) as one signed
// act, in the order sent, the fold brought up to the log first and then over what was written.
Result<Recorded> record(Fold &fold, EvidenceStore &store, const Signer &signer, const Payload &payload);

} // namespace ops::Alertmanager
