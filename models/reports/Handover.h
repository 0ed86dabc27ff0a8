#pragma once

// The shift handover (docs/operator-guide.md, "Shift handover"): what is open now — incidents with
// their last decision and next step, firing / acknowledged / silenced alerts, running rollback
// clocks, active kill switches, launch checks and sign-offs pending, derivations waiting for
// review — and what changed since the last handover. The outgoing operator signs it
// (handover.given, the brief inside); the incoming one acknowledges it (handover.acknowledged).

#include "core/JsonValue.h"
#include "core/Result.h"
#include "store/EvidenceTypes.h"

#include <QList>
#include <optional>

namespace ops {

class EvidenceStore;
struct LaunchStatus;
struct MaintenanceWindow;

struct HandoverItem {
    QString section; // incidents | alerts | clocks | kill-switches | launch | derivations | changes
    QString text;
    quint64 seq = 0; // the event it rests on (0: none)
};

struct HandoverBrief {
    qint64 generatedMs = 0;
    QString from;
    QString to;              // empty: whoever takes the shift
    quint64 treeSize = 0;    // the store's size when it was made
    quint64 previousSeq = 0; // the last handover.given (0: none)
    qint64 previousMs = 0;
    QList<HandoverItem> items;

    static QStringList sections();
    static QString sectionTitle(const QString &section);
    QList<HandoverItem> itemsOf(const QString &section) const;
    QString title() const;
    QString markdown() const;
    QString html() const;
    JsonValue toJson() const;
    QString sha256() const; // of toJson()'s canonical bytes
};

namespace Handovers {
// `launch` is the current launch's status when there is one (the caller computes it from the
// config and runbooks); `windows` the config's maintenance windows.
Result<HandoverBrief> build(const EvidenceStore &store, const std::optional<LaunchStatus> &launch,
                            const QList<MaintenanceWindow> &windows, const QString &from, const QString &to,
                            qint64 nowMs);
Result<StoredEvent> give(EvidenceStore &store, const Signer &signer, const HandoverBrief &brief);
// Acknowledges handover `seq` (0: the latest one waiting for the signer: given by someone else,
// addressed to the signer or to anyone, not yet acknowledged). Refused for the one who gave it,
// for someone it was not addressed to, and twice.
Result<StoredEvent> acknowledge(EvidenceStore &store, const Signer &signer, quint64 seq, qint64 nowMs);
// What an acknowledgement event says: whose handover, which one (0 when it does not say).
struct Acknowledgement {
    QString from;
    quint64 handover = 0;
};
Acknowledgement acknowledgementOf(const StoredEvent &event);
} // namespace Handovers

} // namespace ops
