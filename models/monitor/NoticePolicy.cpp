#include "NoticePolicy.h"

#include "core/Time.h"
#include "store/EvidenceStore.h"

#include <QCoreApplication>

namespace ops {

namespace {
QString cellKey(const QString &alertId, const QString &scope) {
    return alertId + QLatin1Char('|') + scope;
}
} // namespace

NoticePolicy::NoticePolicy(QList<AlertRule> rules, int escalateAfterMinutes)
    : m_rules(std::move(rules))
    , m_escalateAfterMs(qint64(escalateAfterMinutes) * 60'000) {
}

Notice NoticePolicy::noticeFor(const QString &trigger, const AlertCell &cell, qint64 nowMs) const {
    const AlertRule *rule = nullptr;
    for (const AlertRule &r : m_rules)
        if (r.id == cell.alertId)
            rule = &r;
    Notice n;
    n.trigger = trigger;
    n.alertId = cell.alertId;
    n.alertName = rule ? rule->name : cell.alertId;
    n.scope = cell.scope;
    n.severity = cell.severity;
    n.detail = cell.detail.text(); // for the team's tools and inboxes: the log's words
    n.firstAction = rule ? rule->firstAction : QString();
    n.tsMs = nowMs;
    n.firingSinceMs = cell.sinceMs;
    return n;
}

void NoticePolicy::seedFrom(const EvidenceStore &store) {
    if (m_seeded)
        return;
    EventFilter f;
    f.kind = QStringLiteral("notification.attempted");
    f.newestFirst = true;
    f.limit = 5000;
    auto events = queryTrusted(store, f);
    if (!events.ok())
        return; // tried again at the next round
    m_seeded = true;
    for (const StoredEvent &e : events.value()) {
        const JsonValue p = e.payload();
        const QString trigger = p.stringAt("trigger");
        if (trigger == QLatin1String("cleared"))
            continue;
        const QString key = cellKey(p.stringAt("alert"), e.scope);
        // Never later than the event itself: a forged date in the future would silence escalations.
        const qint64 at = qMin(Time::parseIso(p.stringAt("notice_at")).value_or(e.tsMs), e.tsMs);
        QHash<QString, qint64> &map = trigger == QLatin1String("escalated") ? m_escalatedAt : m_firedAt;
        map[key] = qMax(map.value(key), at);
    }
}

QList<Notice> NoticePolicy::round(const QList<AlertTransition> &transitions, const QList<AlertCell> &cells,
                                  const QHash<QString, qint64> &firingSince, qint64 nowMs) {
    QHash<QString, const AlertCell *> byKey;
    for (const AlertCell &c : cells)
        byKey.insert(cellKey(c.alertId, c.scope), &c);
    QList<Notice> out;
    for (const AlertTransition &t : transitions) {
        const QString key = cellKey(t.alertId, t.scope);
        const AlertCell *c = byKey.value(key);
        if (!c)
            continue;
        if (t.to == AlertState::Firing) {
            if (c->silenced()) {
                m_held.insert(key);
            } else {
                m_firedAt[key] = nowMs;
                out << noticeFor(QStringLiteral("fired"), *c, nowMs);
            }
        } else if (t.to == AlertState::Ok &&
                   (t.from == AlertState::Firing || t.from == AlertState::Acknowledged)) {
            m_held.remove(key);
            // Cleared is said where fired was said, in this firing.
            if (m_firedAt.value(key, -1) >= firingSince.value(key, 0))
                out << noticeFor(QStringLiteral("cleared"), *c, nowMs);
        }
    }
    for (const AlertCell &c : cells) {
        const QString key = cellKey(c.alertId, c.scope);
        if (c.state != AlertState::Firing && c.state != AlertState::Acknowledged) {
            m_held.remove(key);
            continue;
        }
        if (c.silenced())
            continue;
        // Firing, not silenced, and nobody was told since it began (its notice was held by a
        // silence, here or before a restart, or it fired while webhooks were not configured):
        // told now, once. What the log says was sent counts (seedFrom).
        const bool held = m_held.remove(key);
        if (c.state == AlertState::Firing && m_firedAt.value(key, -1) < c.sinceMs) {
            Notice n = noticeFor(QStringLiteral("fired"), c, nowMs);
            n.note = held ? QCoreApplication::translate("ops::AlertMonitor",
                                                        "firing since %1, held during a silence")
                                .arg(Time::toIso(c.sinceMs))
                          : QCoreApplication::translate("ops::AlertMonitor", "firing since %1")
                                .arg(Time::toIso(c.sinceMs));
            m_firedAt[key] = nowMs;
            out << n;
        }
        if (c.state == AlertState::Firing && nowMs - c.sinceMs >= m_escalateAfterMs &&
            m_escalatedAt.value(key, -1) < c.sinceMs) {
            m_escalatedAt[key] = nowMs;
            Notice n = noticeFor(QStringLiteral("escalated"), c, nowMs);
            n.note = QCoreApplication::translate("ops::AlertMonitor", "firing since %1 and not acknowledged")
                         .arg(Time::toIso(c.sinceMs));
            out << n;
        }
    }
    return out;
}

} // namespace ops
