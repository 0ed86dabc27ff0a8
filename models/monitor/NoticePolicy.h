#pragma once

// When a recorder tells people about an alert cell: fired (once a firing, held while the cell is
// silenced and told when the silence ends while it still fires), escalated (firing and
// unacknowledged for notifications.escalate_after_minutes, once a firing) and cleared (only where
// fired was told). What the log says was already told counts, so a restart, or another recorder
// taking over, neither repeats an escalation nor forgets a fired notice. The one policy of the
// local monitor and of the team log's recorder.

#include "Notifier.h"

#include "alerts/AlertEvaluator.h"

#include <QHash>
#include <QSet>

namespace ops {

class EvidenceStore;

class NoticePolicy {
public:
    NoticePolicy(QList<AlertRule> rules, int escalateAfterMinutes);

    // Reads what was told (notification.attempted events) the first time it is asked after
    // forget(); later calls do nothing.
    void seedFrom(const EvidenceStore &store);
    // Another recorder notified meanwhile: read the log again before the next round.
    void forget() { m_seeded = false; }

    // The notices of one evaluated round: its transitions, every cell as evaluated after it, and
    // when each cell that was firing before the round began to fire ("alert|scope" → since).
    QList<Notice> round(const QList<AlertTransition> &transitions, const QList<AlertCell> &cells,
                        const QHash<QString, qint64> &firingSince, qint64 nowMs);

    Notice noticeFor(const QString &trigger, const AlertCell &cell, qint64 nowMs) const;

private:
    QList<AlertRule> m_rules;
    qint64 m_escalateAfterMs;
    QHash<QString, qint64> m_firedAt;     // "alert|scope" → when a fired notice last went out
    QHash<QString, qint64> m_escalatedAt; // … an escalation
    QSet<QString> m_held;                 // fired while silenced: told when the silence ends
    bool m_seeded = false;
};

} // namespace ops
