#include "AlertEvaluator.h"

#include "core/Time.h"

namespace ops {

QString alertStateName(AlertState state) {
    switch (state) {
    case AlertState::Unknown:
        return QStringLiteral("unknown");
    case AlertState::Ok:
        return QStringLiteral("ok");
    case AlertState::Firing:
        return QStringLiteral("firing");
    case AlertState::Acknowledged:
        return QStringLiteral("acknowledged");
    }
    return QStringLiteral("unknown");
}

AlertState alertStateFromName(const QString &name) {
    for (AlertState s : {AlertState::Ok, AlertState::Firing, AlertState::Acknowledged})
        if (alertStateName(s) == name)
            return s;
    return AlertState::Unknown;
}

QString AlertCell::displayState() const {
    if (silenced() && (state == AlertState::Firing || state == AlertState::Acknowledged))
        return QStringLiteral("silenced");
    return alertStateName(state);
}

void AlertCell::setSilence(const Silence *silence) {
    silenceId = silence ? silence->id : QString();
    silencedBy = !silence               ? QString()
                 : silence->maintenance ? QStringLiteral("maintenance window")
                                        : silence->actor;
    silenceReason = silence ? silence->reason : QString();
    silencedUntilMs = silence ? silence->untilMs : 0;
}

namespace {
// What a cell saw, in words each reader gets in their language.
Phrase words(const char *source, std::vector<Phrase> args = {}) {
    return Phrase("ops::AlertEvaluator", source, std::move(args));
}

Phrase probeStateWords(ProbeState state) {
    switch (state) {
    case ProbeState::Unknown:
        break;
    case ProbeState::Ok:
        return words(QT_TRANSLATE_NOOP("ops::AlertEvaluator", "ok"));
    case ProbeState::Degraded:
        return words(QT_TRANSLATE_NOOP("ops::AlertEvaluator", "degraded"));
    case ProbeState::Stale:
        return words(QT_TRANSLATE_NOOP("ops::AlertEvaluator", "stale"));
    case ProbeState::Failed:
        return words(QT_TRANSLATE_NOOP("ops::AlertEvaluator", "failed"));
    }
    return words(QT_TRANSLATE_NOOP("ops::AlertEvaluator", "unknown"));
}

QString key(const QString &alert, const QString &scope) {
    return alert + QLatin1Char('|') + scope;
}

// "0.18" → 18 %, "18%" → 18 %, "18" → 18 %; nullopt when not a number.
std::optional<double> percent(const QString &value) {
    QString v = value.trimmed();
    const bool pct = v.endsWith(QLatin1Char('%'));
    if (pct)
        v.chop(1);
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (!ok || d < 0)
        return std::nullopt;
    return pct || d > 1.0 ? d : d * 100.0;
}
} // namespace

AlertEvaluator::AlertEvaluator(QList<AlertRule> rules, DeploymentConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config)) {
    for (const AlertRule &r : rules)
        if (r.enabled)
            m_rules.append(r);
    for (const AlertRule &r : m_rules)
        for (const ScopeConfig *s : m_config.orderedScopes()) {
            AlertCell c;
            c.alertId = r.id;
            c.scope = s->id;
            c.severity = r.severityFor(*s);
            c.severityReason = r.severityReason(*s);
            c.detail = words(QT_TRANSLATE_NOOP("ops::AlertEvaluator", "not evaluated yet"));
            m_cells.insert(key(r.id, s->id), c);
        }
}

const AlertCell &AlertEvaluator::cell(const QString &alertId, const QString &scope) const {
    auto it = m_cells.constFind(key(alertId, scope));
    return it == m_cells.cend() ? m_missing : *it;
}

const AlertRule *AlertEvaluator::rule(const QString &alertId) const {
    for (const AlertRule &r : m_rules)
        if (r.id == alertId)
            return &r;
    return nullptr;
}

std::optional<bool> AlertEvaluator::observe(const AlertRule &rule, const ScopeConfig &scope,
                                            const AlertInputs &in, Phrase &detail) const {
    switch (rule.source) {
    case AlertRule::Source::Probe: {
        bool seen = false, bad = false, undecided = false;
        std::vector<Phrase> reasons;
        for (const ProbeResult &r : in.probes) {
            if (r.target.scope != scope.id || !rule.probeKinds.contains(r.target.kind))
                continue;
            seen = true;
            if (r.state == rule.probeState) {
                bad = true;
                reasons.push_back(
                    words(QT_TRANSLATE_NOOP("ops::AlertEvaluator", "%1: %2"), {r.target.id, r.reason}));
            } else if (r.state == ProbeState::Unknown ||
                       (rule.probeState == ProbeState::Stale && r.state == ProbeState::Failed)) {
                undecided = true; // a failed manifest says nothing about staleness
                reasons.push_back(words(QT_TRANSLATE_NOOP("ops::AlertEvaluator", "%1: %2"),
                                        {r.target.id, probeStateWords(r.state)}));
            }
        }
        if (!seen) {
            detail = words(QT_TRANSLATE_NOOP("ops::AlertEvaluator", "no probe results for this scope"));
            return std::nullopt;
        }
        if (bad) {
            detail = Phrase::joined(std::move(reasons), QStringLiteral("; "));
            return true;
        }
        if (undecided) {
            detail = words(QT_TRANSLATE_NOOP("ops::AlertEvaluator", "cannot tell: %1"),
                           {Phrase::joined(std::move(reasons), QStringLiteral("; "))});
            return std::nullopt;
        }
        detail = words(QT_TRANSLATE_NOOP("ops::AlertEvaluator", "probes pass"));
        return false;
    }
    case AlertRule::Source::Signal: {
        const qint64 from = in.nowMs - qint64(rule.windowMinutes) * 60 * 1000;
        int count = 0;
        const SignalSample *latest = nullptr;
        bool everSeen = false;
        for (const SignalSample &s : in.signals) {
            if (s.kind != rule.signal || s.scope != scope.id)
                continue;
            everSeen = true;
            if (s.tsMs < from || s.tsMs > in.nowMs)
                continue;
            ++count;
            if (!latest || s.tsMs >= latest->tsMs)
                latest = &s;
        }
        if (rule.count > 0) {
            if (!everSeen) {
                detail =
                    words(QT_TRANSLATE_NOOP("ops::AlertEvaluator", "no %1 signal recorded for this scope"),
                          {rule.signal});
                return std::nullopt;
            }
            detail =
                words(QT_TRANSLATE_NOOP("ops::AlertEvaluator", "%1: %2 in the last %3 min (fires at %4)"),
                      {rule.signal, QString::number(count), QString::number(rule.windowMinutes),
                       QString::number(rule.count)});
            return count >= rule.count;
        }
        if (!latest) {
            detail = words(QT_TRANSLATE_NOOP("ops::AlertEvaluator", "no %1 in the last %2 min"),
                           {rule.signal, QString::number(rule.windowMinutes)});
            return std::nullopt;
        }
        const auto p = percent(latest->value);
        if (!p) {
            detail = words(QT_TRANSLATE_NOOP("ops::AlertEvaluator", "latest %1 '%2' is not a number"),
                           {rule.signal, latest->value});
            return std::nullopt;
        }
        detail = words(QT_TRANSLATE_NOOP("ops::AlertEvaluator", "%1 at %2 % (baseline limit %3 %)"),
                       {rule.signal, QString::number(*p, 'f', 1), QString::number(rule.abovePercent)});
        return *p > rule.abovePercent;
    }
    case AlertRule::Source::KillSwitch:
        if (!in.killSwitchesKnown) {
            detail = words(QT_TRANSLATE_NOOP("ops::AlertEvaluator", "kill-switch state not read yet"));
            return std::nullopt;
        }
        detail =
            in.activeKillSwitches.contains(scope.id)
                ? words(QT_TRANSLATE_NOOP("ops::AlertEvaluator", "a kill switch is active for this scope"))
                : words(QT_TRANSLATE_NOOP("ops::AlertEvaluator", "no kill switch active"));
        return in.activeKillSwitches.contains(scope.id);
    }
    return std::nullopt;
}

QList<AlertTransition> AlertEvaluator::evaluate(const AlertInputs &inputs) {
    QList<AlertTransition> out;
    const int failAfter = m_config.probes.failAfter;
    const int clearAfter = m_config.probes.clearAfter;
    for (const AlertRule &r : m_rules) {
        for (const ScopeConfig *s : m_config.orderedScopes()) {
            AlertCell &c = m_cells[key(r.id, s->id)];
            Phrase detail;
            std::optional<bool> bad = observe(r, *s, inputs, detail);
            if (const auto ext = inputs.external.constFind(key(r.id, s->id)); ext != inputs.external.cend()) {
                if (ext->firing > 0) {
                    detail = bad.value_or(false) ? Phrase::joined({ext->detail, detail}, QStringLiteral("; "))
                                                 : ext->detail;
                    bad = true;
                } else if (!bad) {
                    bad = false;
                    detail = ext->detail;
                }
            }
            c.detail = detail;
            const AlertState before = c.state;
            if (!bad) {
                c.consecutiveBad = c.consecutiveGood = 0;
                if (c.state == AlertState::Ok)
                    c.state = AlertState::Unknown; // never keep showing healthy without data
            } else if (*bad) {
                ++c.consecutiveBad;
                c.consecutiveGood = 0;
                if (c.consecutiveBad >= failAfter && c.state != AlertState::Firing &&
                    c.state != AlertState::Acknowledged)
                    c.state = AlertState::Firing;
            } else {
                ++c.consecutiveGood;
                c.consecutiveBad = 0;
                // Damping delays clearing what fired; a cell that was never bad shows ok at once.
                const bool needsClearing =
                    c.state == AlertState::Firing || c.state == AlertState::Acknowledged;
                if (c.state != AlertState::Ok && (!needsClearing || c.consecutiveGood >= clearAfter)) {
                    c.state = AlertState::Ok;
                    c.acknowledgedBy.clear();
                    c.acknowledgeNote.clear();
                }
            }
            if (c.state != before) {
                c.sinceMs = inputs.nowMs;
                out.append(AlertTransition{r.id, s->id, before, c.state, c.severity, detail, inputs.nowMs,
                                           QString(), QString()});
            }
        }
    }
    if (inputs.silenced)
        applySilences(*inputs.silenced);
    Q_EMIT changed();
    return out;
}

bool AlertEvaluator::applySilences(const QHash<QString, Silence> &silenced) {
    bool any = false;
    for (auto it = m_cells.begin(); it != m_cells.end(); ++it) {
        AlertCell &c = *it;
        const auto s = silenced.constFind(it.key());
        const Silence *silence = s == silenced.cend() ? nullptr : &*s;
        if (silence ? (c.silenceId == silence->id && c.silencedUntilMs == silence->untilMs) : !c.silenced())
            continue;
        any = true;
        c.setSilence(silence);
    }
    return any;
}

void AlertEvaluator::setSilences(const QHash<QString, Silence> &silenced) {
    if (applySilences(silenced))
        Q_EMIT changed();
}

AlertCell AlertEvaluator::acknowledged(AlertCell firing, const QString &actor, const QString &note,
                                       qint64 nowMs) {
    firing.state = AlertState::Acknowledged;
    firing.sinceMs = nowMs;
    firing.acknowledgedBy = actor;
    firing.acknowledgeNote = note;
    return firing;
}

Result<AlertTransition> AlertEvaluator::acknowledge(const QString &alertId, const QString &scope,
                                                    const QString &actor, const QString &note, qint64 nowMs) {
    auto it = m_cells.find(key(alertId, scope));
    if (it == m_cells.end())
        return makeError(ErrorCode::Usage,
                         QStringLiteral("no alert '%1' for scope '%2'").arg(alertId, scope));
    if (it->state != AlertState::Firing)
        return makeError(ErrorCode::Policy,
                         QStringLiteral("only a firing alert can be acknowledged (it is %1)")
                             .arg(alertStateName(it->state)));
    if (note.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("an acknowledgement needs a note"));
    *it = acknowledged(*it, actor, note, nowMs);
    Q_EMIT changed();
    return AlertTransition{
        alertId, scope, AlertState::Firing, AlertState::Acknowledged, it->severity, it->detail, nowMs,
        actor,   note};
}

QList<AlertCell> AlertEvaluator::cells() const {
    QList<AlertCell> out;
    for (const AlertRule &r : m_rules)
        for (const ScopeConfig *s : m_config.orderedScopes())
            out.append(cell(r.id, s->id));
    return out;
}

void AlertEvaluator::restore(const QList<AlertCell> &saved) {
    for (const AlertCell &c : saved) {
        auto it = m_cells.find(key(c.alertId, c.scope));
        if (it == m_cells.end())
            continue;
        it->state = c.state;
        it->sinceMs = c.sinceMs;
        it->detail = c.detail;
        it->consecutiveBad = c.consecutiveBad;
        it->consecutiveGood = c.consecutiveGood;
        it->acknowledgedBy = c.acknowledgedBy;
        it->acknowledgeNote = c.acknowledgeNote;
    }
    Q_EMIT changed();
}

} // namespace ops
