#include "Silences.h"

#include "AlertRules.h"

#include "core/Roles.h"
#include "core/Time.h"
#include "store/EvidenceStore.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace ops {

namespace {
constexpr qint64 kMinuteMs = 60'000;

QString windowId(const MaintenanceWindow &w, qint64 startsMs) {
    return QStringLiteral("MW-%1-%2")
        .arg(w.scope, QDateTime::fromMSecsSinceEpoch(startsMs, QTimeZone::utc())
                          .toString(QStringLiteral("yyyyMMdd'T'HHmm'Z'")));
}

QTimeZone zoneOf(const MaintenanceWindow &w) {
    if (w.timeZone.isEmpty())
        return QTimeZone::utc();
    QTimeZone z(w.timeZone.toUtf8());
    return z.isValid() ? z : QTimeZone::utc();
}

Silence fromWindow(const MaintenanceWindow &w, qint64 startsMs) {
    Silence s;
    s.id = windowId(w, startsMs);
    s.alerts = w.alerts;
    s.scope = w.scope;
    s.reason = w.reason;
    s.startsMs = startsMs;
    s.untilMs = startsMs + qint64(w.minutes) * kMinuteMs;
    s.maintenance = true;
    s.configLine = w.line;
    return s;
}
} // namespace

Silence::Status Silence::statusAt(qint64 nowMs) const {
    if (endedSeq)
        return Status::Ended;
    if (nowMs < startsMs)
        return Status::Upcoming;
    if (nowMs >= untilMs || expiredSeq)
        return Status::Expired;
    return Status::Active;
}

QString silenceStatusName(Silence::Status status) {
    switch (status) {
    case Silence::Status::Upcoming:
        return QStringLiteral("upcoming");
    case Silence::Status::Active:
        return QStringLiteral("active");
    case Silence::Status::Ended:
        return QStringLiteral("ended");
    case Silence::Status::Expired:
        return QStringLiteral("expired");
    }
    return {};
}

JsonValue Silence::toJson(qint64 nowMs) const {
    JsonValue o = JsonValue::object();
    o["id"] = id;
    JsonValue a = JsonValue::array();
    for (const QString &x : alerts)
        a.push(x);
    o["alerts"] = a;
    o["scope"] = scope;
    o["status"] = silenceStatusName(statusAt(nowMs));
    o["source"] = maintenance ? QStringLiteral("maintenance") : QStringLiteral("person");
    o["reason"] = reason;
    o["by"] = actor.isEmpty() ? JsonValue(nullptr) : JsonValue(actor);
    o["starts"] = Time::toIso(startsMs);
    o["until"] = Time::toIso(untilMs);
    o["seq"] = seq ? JsonValue(static_cast<qint64>(seq)) : JsonValue(nullptr);
    if (maintenance)
        o["config_line"] = qint64(configLine);
    if (endedSeq) {
        o["ended_by"] = endedBy;
        o["ended_at"] = Time::toIso(endedMs);
        o["end_reason"] = endReason;
        o["ended_seq"] = static_cast<qint64>(endedSeq);
    }
    if (expiredSeq)
        o["expired_seq"] = static_cast<qint64>(expiredSeq);
    return o;
}

namespace Silences {

Result<qint64> parseUntil(const QString &text, qint64 nowMs) {
    const QString t = text.trimmed();
    if (auto iso = Time::parseIso(t))
        return *iso;
    static const QRegularExpression duration(
        QStringLiteral("^(?:(\\d{1,3})d)?(?:(\\d{1,4})h)?(?:(\\d{1,6})m)?\\z"));
    const QRegularExpressionMatch m = duration.match(t);
    if (t.isEmpty() || !m.hasMatch())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("'%1' is neither a UTC time (2026-12-04T18:00:00Z) nor a duration "
                                        "(90m, 2h, 1d, 1h30m)")
                             .arg(text),
                         QStringLiteral("--until"));
    const qint64 ms = (m.captured(1).toLongLong() * 24 * 60 + m.captured(2).toLongLong() * 60 +
                       m.captured(3).toLongLong()) *
                      kMinuteMs;
    return nowMs + ms;
}

Silence occurrence(const MaintenanceWindow &w, qint64 nowMs) {
    const QTimeZone zone = zoneOf(w);
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs, zone).date();
    const QTime at(w.startMinute / 60, w.startMinute % 60);
    std::optional<qint64> next;
    // A window lasts at most a day: yesterday's may still run; the next one starts within 8 days.
    for (int d = -1; d <= 8; ++d) {
        const QDate day = today.addDays(d);
        if (w.weekday != 0 && day.dayOfWeek() != w.weekday)
            continue;
        const qint64 start = QDateTime(day, at, zone).toMSecsSinceEpoch();
        const qint64 end = start + qint64(w.minutes) * kMinuteMs;
        if (start <= nowMs && nowMs < end)
            return fromWindow(w, start);
        if (start > nowMs && (!next || start < *next))
            next = start;
    }
    return fromWindow(w, next.value_or(nowMs + 8 * 24 * 60 * kMinuteMs));
}

Result<void> checkWindows(const DeploymentConfig &config, const QList<AlertRule> &rules) {
    QStringList ids;
    for (const AlertRule &r : rules)
        ids << r.id;
    QList<Diagnostic> problems;
    for (qsizetype i = 0; i < config.maintenance.size(); ++i) {
        const MaintenanceWindow &w = config.maintenance.at(i);
        for (const QString &a : w.alerts)
            if (!ids.contains(a))
                problems.append(Diagnostic{config.source, w.line,
                                           QStringLiteral("maintenance[%1].alerts").arg(i),
                                           QStringLiteral("no alert '%1' in the alert rules (%2)")
                                               .arg(a, ids.join(QStringLiteral(", ")))});
    }
    if (!problems.isEmpty())
        return Error::fromDiagnostics(ErrorCode::InvalidInput, problems);
    return {};
}

JsonValue addedPayload(const QString &alertId, qint64 startsMs, qint64 untilMs, const QString &reason) {
    JsonValue p = JsonValue::object();
    JsonValue a = JsonValue::array();
    a.push(alertId);
    p["alerts"] = a;
    p["starts"] = Time::toIso(startsMs);
    p["until"] = Time::toIso(untilMs);
    p["reason"] = reason.trimmed();
    return p;
}

} // namespace Silences

SilenceBook::SilenceBook(QList<MaintenanceWindow> windows)
    : m_windows(std::move(windows)) {
}

Silence *SilenceBook::recordedById(const QString &id) {
    const auto it = m_index.constFind(id);
    return it == m_index.cend() ? nullptr : &m_recorded[*it];
}

void SilenceBook::apply(const StoredEvent &e) {
    if (e.seq <= m_lastSeq && m_lastSeq != 0)
        return;
    m_lastSeq = qMax(m_lastSeq, e.seq);
    const JsonValue p = e.payload();
    if (e.kind == QLatin1String("silence.added") || e.kind == QLatin1String("silence.window_opened")) {
        Silence s;
        const bool window = e.kind == QLatin1String("silence.window_opened");
        s.id = window ? p.stringAt("id") : QStringLiteral("SIL-%1").arg(e.seq);
        if (s.id.isEmpty() || m_index.contains(s.id))
            return; // a window's opening recorded twice counts once
        if (const JsonValue *a = p.find("alerts"); a && a->isArray())
            for (const JsonValue &x : a->toArray())
                if (x.isString())
                    s.alerts << x.toQString();
        s.scope = e.scope;
        s.reason = p.stringAt("reason");
        s.actor = e.actor;
        s.seq = e.seq;
        s.maintenance = window;
        if (window) {
            // An opening counts only as the config's window says it: its alerts and its end, not
            // what a signed event claims (a recorder's key must not buy a silence of its own).
            const qint64 starts = Time::parseIso(p.stringAt("starts")).value_or(e.tsMs);
            std::optional<Silence> configured;
            for (const MaintenanceWindow &w : m_windows)
                if (const Silence o = Silences::occurrence(w, starts); o.id == s.id && o.startsMs == starts)
                    configured = o;
            if (!configured)
                return;
            s.alerts = configured->alerts;
            s.scope = configured->scope;
            s.reason = configured->reason;
            s.startsMs = configured->startsMs;
            s.untilMs = configured->untilMs;
            s.configLine = configured->configLine;
        } else {
            // A person's silence starts when it was recorded and lasts at most 30 days, whatever
            // its payload says.
            s.startsMs = e.tsMs;
            s.untilMs =
                qMin(Time::parseIso(p.stringAt("until")).value_or(e.tsMs), e.tsMs + Silences::kMaxDurationMs);
        }
        m_index.insert(s.id, m_recorded.size());
        m_recorded.append(s);
        return;
    }
    Silence *s = recordedById(p.stringAt("id"));
    if (!s)
        return;
    if (e.kind == QLatin1String("silence.ended") && !s->endedSeq && !s->expiredSeq) {
        s->endedSeq = e.seq;
        s->endedBy = e.actor;
        s->endedMs = e.tsMs;
        s->endReason = p.stringAt("reason");
    } else if (e.kind == QLatin1String("silence.expired") && !s->expiredSeq && !s->endedSeq) {
        s->expiredSeq = e.seq;
    }
}

Result<void> SilenceBook::sync(const EvidenceStore &store) {
    EventFilter f;
    f.kindPrefix = QStringLiteral("silence.");
    for (;;) {
        f.fromSeq = m_lastSeq + 1;
        f.limit = 10000;
        auto events = queryTrusted(store, f);
        if (!events.ok())
            return events.error();
        for (const StoredEvent &e : events.value())
            apply(e);
        if (events->size() < f.limit)
            return {};
    }
}

Result<SilenceBook> SilenceBook::load(const EvidenceStore &store, const QList<MaintenanceWindow> &windows) {
    SilenceBook book(windows);
    if (auto r = book.sync(store); !r.ok())
        return r.error();
    return book;
}

std::optional<Silence> SilenceBook::find(const QString &id, qint64 nowMs) const {
    if (const auto it = m_index.constFind(id); it != m_index.cend())
        return m_recorded.at(*it);
    for (const MaintenanceWindow &w : m_windows) {
        const Silence s = Silences::occurrence(w, nowMs);
        if (s.id == id)
            return s;
    }
    return std::nullopt;
}

QList<Silence> SilenceBook::active(qint64 nowMs) const {
    QList<Silence> out;
    for (const Silence &s : m_recorded)
        if (s.statusAt(nowMs) == Silence::Status::Active)
            out.append(s);
    for (const MaintenanceWindow &w : m_windows) {
        const Silence s = Silences::occurrence(w, nowMs);
        if (s.statusAt(nowMs) == Silence::Status::Active && !m_index.contains(s.id))
            out.append(s); // in progress, its opening not recorded yet
    }
    return out;
}

QList<Silence> SilenceBook::upcoming(qint64 nowMs, qint64 horizonMs) const {
    QList<Silence> out;
    for (const MaintenanceWindow &w : m_windows) {
        const Silence s = Silences::occurrence(w, nowMs);
        if (s.startsMs > nowMs && s.startsMs - nowMs <= horizonMs)
            out.append(s);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Silence &a, const Silence &b) { return a.startsMs < b.startsMs; });
    return out;
}

std::optional<Silence> SilenceBook::silencing(const QString &alertId, const QString &scope,
                                              qint64 nowMs) const {
    std::optional<Silence> best;
    for (const Silence &s : active(nowMs))
        if (s.covers(alertId, scope) && (!best || s.untilMs > best->untilMs))
            best = s;
    return best;
}

QHash<QString, Silence> SilenceBook::silencedCells(qint64 nowMs) const {
    QHash<QString, Silence> out;
    for (const Silence &s : active(nowMs))
        for (const QString &a : s.alerts) {
            const QString key = a + QLatin1Char('|') + s.scope;
            if (auto it = out.find(key); it == out.end() || it->untilMs < s.untilMs)
                out.insert(key, s);
        }
    return out;
}

std::optional<Error> SilenceBook::addRefusal(const QString &alertId, const QString &scope, qint64 untilMs,
                                             const QString &reason, qint64 nowMs) const {
    const auto no = [](const QString &text, const char *id, const QStringList &args) {
        return makeError(ErrorCode::Policy, text).said(QString::fromLatin1(id), args);
    };
    if (reason.trimmed().isEmpty())
        return no(QStringLiteral("a silence needs a reason: why these notifications may wait"),
                  "silence.reason", {});
    const QString until = Time::toIso(untilMs);
    if (untilMs <= nowMs)
        return no(QStringLiteral("the silence would end at %1, which is not in the future").arg(until),
                  "silence.past", {until});
    if (untilMs - nowMs > Silences::kMaxDurationMs)
        return no(QStringLiteral("a silence lasts at most 30 days (until %1 asked); recurring maintenance "
                                 "belongs in the config's maintenance windows")
                      .arg(until),
                  "silence.too_long", {until});
    if (const auto s = silencing(alertId, scope, nowMs); s && !s->maintenance)
        return no(QStringLiteral("%1 on %2 is already silenced by %3 until %4 (%5): end that silence first")
                      .arg(alertId, scope, s->actor, Time::toIso(s->untilMs), s->id),
                  "silence.overlap", {alertId, scope, s->actor, Time::toIso(s->untilMs), s->id});
    return std::nullopt;
}

std::optional<Error> SilenceBook::endRefusal(const QString &id, qint64 nowMs) const {
    const auto s = find(id, nowMs);
    if (!s)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no silence '%1'").arg(id),
                         QStringLiteral("ID"))
            .said(QStringLiteral("silence.unknown"), {id});
    const auto no = [](const QString &text, const char *textId, const QStringList &args) {
        return makeError(ErrorCode::Policy, text, QStringLiteral("ID"))
            .said(QString::fromLatin1(textId), args);
    };
    switch (s->statusAt(nowMs)) {
    case Silence::Status::Active:
        return std::nullopt;
    case Silence::Status::Upcoming:
        return no(QStringLiteral("%1 has not started (it starts %2)").arg(id, Time::toIso(s->startsMs)),
                  "silence.upcoming", {id, Time::toIso(s->startsMs)});
    case Silence::Status::Ended:
        return no(
            QStringLiteral("%1 was already ended by %2 (event %3)").arg(id, s->endedBy).arg(s->endedSeq),
            "silence.ended", {id, s->endedBy, QString::number(s->endedSeq)});
    case Silence::Status::Expired:
        return no(QStringLiteral("%1 expired at %2").arg(id, Time::toIso(s->untilMs)), "silence.expired",
                  {id, Time::toIso(s->untilMs)});
    }
    return std::nullopt;
}

QList<NewEvent> SilenceBook::due(qint64 nowMs) const {
    QList<NewEvent> out;
    for (const MaintenanceWindow &w : m_windows) {
        const Silence s = Silences::occurrence(w, nowMs);
        if (s.statusAt(nowMs) != Silence::Status::Active || m_index.contains(s.id))
            continue;
        JsonValue p = Silences::addedPayload(QString(), s.startsMs, s.untilMs, s.reason);
        JsonValue a = JsonValue::array();
        for (const QString &x : s.alerts)
            a.push(x);
        p["alerts"] = a;
        p["id"] = s.id;
        p["every"] = w.every;
        p["time_zone"] = w.timeZone.isEmpty() ? QStringLiteral("UTC") : w.timeZone;
        p["config_line"] = qint64(w.line);
        out.append(NewEvent{QStringLiteral("silence.window_opened"), s.scope, p, std::nullopt});
    }
    for (const Silence &s : m_recorded) {
        if (s.endedSeq || s.expiredSeq || nowMs < s.untilMs)
            continue;
        JsonValue p = JsonValue::object();
        p["id"] = s.id;
        p["until"] = Time::toIso(s.untilMs);
        p["silenced_since"] = Time::toIso(s.startsMs);
        out.append(NewEvent{QStringLiteral("silence.expired"), s.scope, p, std::nullopt});
    }
    return out;
}

namespace SilenceActs {

namespace {
Result<void> mayRecord(const EvidenceStore &store, const Signer &signer, const QString &kind) {
    auto reg = store.registry();
    if (!reg.ok())
        return reg.error();
    const QStringList held = reg->activeRoles(signer.name);
    if (const QString why = Roles::actRefusal(kind, JsonValue::object(), held); !why.isEmpty())
        return makeError(ErrorCode::Policy,
                         QStringLiteral("'%1' may not silence alerts: %2").arg(signer.name, why));
    return {};
}
} // namespace

Result<StoredEvent> add(EvidenceStore &store, const Signer &signer, const DeploymentConfig &config,
                        const QList<AlertRule> &rules, const QString &alertId, const QString &scope,
                        qint64 untilMs, const QString &reason, qint64 nowMs) {
    QStringList ids;
    for (const AlertRule &r : rules)
        ids << r.id;
    if (!ids.contains(alertId))
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("no alert '%1' (alerts: %2)").arg(alertId, ids.join(QStringLiteral(", "))),
            QStringLiteral("--alert"));
    if (!config.scope(scope))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("no scope '%1' in %2").arg(scope, config.source),
                         QStringLiteral("--scope"));
    // Decided on the log as it is and written only onto it (a silence added meanwhile is seen).
    return store.decidedOnTheLog([&](quint64 size) -> Result<StoredEvent> {
        if (auto ok = mayRecord(store, signer, QStringLiteral("silence.added")); !ok.ok())
            return ok.error();
        auto book = SilenceBook::load(store, config.maintenance);
        if (!book.ok())
            return book.error();
        if (std::optional<Error> no = book->addRefusal(alertId, scope, untilMs, reason, nowMs))
            return std::move(*no);
        auto stored =
            store.appendOnLog(size, {QStringLiteral("silence.")}, signer,
                              {NewEvent{QStringLiteral("silence.added"), scope,
                                        Silences::addedPayload(alertId, nowMs, untilMs, reason), nowMs}});
        if (!stored.ok())
            return stored.error();
        return stored->constFirst();
    });
}

// The ending as decided on a log of `size` events, written only onto it.
Result<StoredEvent> endOn(quint64 size, EvidenceStore &store, const Signer &signer,
                          const DeploymentConfig &config, const QString &id, const QString &reason,
                          qint64 nowMs);

Result<StoredEvent> end(EvidenceStore &store, const Signer &signer, const DeploymentConfig &config,
                        const QString &id, const QString &reason, qint64 nowMs) {
    // Decided on the log as it is and written only onto it (an ending or a window's opening by the
    // recorder meanwhile is seen, not written twice).
    return store.decidedOnTheLog(
        [&](quint64 size) { return endOn(size, store, signer, config, id, reason, nowMs); });
}

Result<StoredEvent> endOn(quint64 size, EvidenceStore &store, const Signer &signer,
                          const DeploymentConfig &config, const QString &id, const QString &reason,
                          qint64 nowMs) {
    if (auto ok = mayRecord(store, signer, QStringLiteral("silence.ended")); !ok.ok())
        return ok.error();
    auto book = SilenceBook::load(store, config.maintenance);
    if (!book.ok())
        return book.error();
    if (std::optional<Error> no = book->endRefusal(id, nowMs))
        return std::move(*no);
    const Silence s = *book->find(id, nowMs);
    QList<NewEvent> events;
    if (s.maintenance && !s.seq) {
        // A window in progress whose opening the recorder has not written yet: opened, then ended.
        for (const NewEvent &e : book->due(nowMs))
            if (e.kind == QLatin1String("silence.window_opened") && e.payload.stringAt("id") == id)
                events.append(NewEvent{e.kind, e.scope, e.payload, nowMs});
    }
    JsonValue p = JsonValue::object();
    p["id"] = id;
    p["reason"] = reason.trimmed();
    p["was_until"] = Time::toIso(s.untilMs);
    events.append(NewEvent{QStringLiteral("silence.ended"), s.scope, p, nowMs});
    auto stored = store.appendOnLog(size, {QStringLiteral("silence.")}, signer, events);
    if (!stored.ok())
        return stored.error();
    return stored->constLast();
}

} // namespace SilenceActs

} // namespace ops
