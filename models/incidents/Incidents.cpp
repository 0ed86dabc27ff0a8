#include "Incidents.h"

#include "core/Phrase.h"
#include "core/Time.h"
#include "store/EvidenceStore.h"

#include <QCoreApplication>
#include <QMap>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>

namespace ops {

namespace {

// Crockford's base32 alphabet: no I, L, O or U, so an id read aloud or retyped stays itself.
constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

QString chosenId(const char *prefix) {
    quint64 bits = QRandomGenerator::system()->generate64() & ((quint64(1) << 40) - 1);
    QString out = QLatin1String(prefix);
    for (int i = 0; i < 8; ++i) {
        if (i == 4)
            out += QLatin1Char('-');
        out += QLatin1Char(kCrockford[(bits >> (35 - 5 * i)) & 31]);
    }
    return out;
}

const QRegularExpression &chosenIdPattern() {
    static const QRegularExpression re(
        QStringLiteral("^(INC|RUN)-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\\z"));
    return re;
}

const QRegularExpression &positionIdPattern() {
    static const QRegularExpression re(QStringLiteral("^(INC|RUN)-[1-9][0-9]{0,18}\\z"));
    return re;
}

} // namespace

QString incidentId(quint64 seq) {
    return QStringLiteral("INC-%1").arg(seq);
}

QString runId(quint64 seq) {
    return QStringLiteral("RUN-%1").arg(seq);
}

QString newIncidentId() {
    return chosenId("INC-");
}

QString newRunId() {
    return chosenId("RUN-");
}

QString normalizedCitedId(const QString &text) {
    const QString t = text.trimmed().toUpper();
    if (chosenIdPattern().match(t).hasMatch() || positionIdPattern().match(t).hasMatch())
        return t;
    return {};
}

QString citedIdOf(const StoredEvent &opener) {
    const bool incident = opener.kind == QLatin1String("incident.opened");
    const QString chosen = opener.payload().stringAt("id");
    if (chosenIdPattern().match(chosen).hasMatch() &&
        chosen.startsWith(incident ? QLatin1String("INC-") : QLatin1String("RUN-")))
        return chosen;
    return incident ? incidentId(opener.seq) : runId(opener.seq);
}

QString TimelineEntry::display() const {
    return source ? substitutedArgs(QCoreApplication::translate("ops::Timeline", source), args) : text;
}

void setTimelineLine(TimelineEntry &entry, const char *source, const QStringList &args) {
    entry.text = substitutedArgs(QString::fromUtf8(source), args);
    entry.source = source;
    entry.args = args;
}

TimelineEntry timelineEntry(const StoredEvent &event, const char *source, const QStringList &args) {
    TimelineEntry entry{event.seq, event.tsMs, event.actor, event.kind, {}, nullptr, {}};
    setTimelineLine(entry, source, args);
    return entry;
}

QString clockText(qint64 ms) {
    const bool negative = ms < 0;
    const qint64 s = (negative ? -ms : ms) / 1000;
    return QStringLiteral("%1%2:%3")
        .arg(negative ? QStringLiteral("-") : QString())
        .arg(s / 60)
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

QStringList severities() {
    return {QStringLiteral("SEV-1"), QStringLiteral("SEV-2"), QStringLiteral("SEV-3")};
}

SeveritySuggestion suggestSeverity(const QString &cls, const ScopeConfig &scope) {
    // The severity model (docs/domain-rules.md).
    constexpr const char *kContext = "ops::SeverityModel";
    if (cls == QLatin1String("bad-publish"))
        return {QStringLiteral("SEV-1"),
                Phrase(kContext, QT_TRANSLATE_NOOP("ops::SeverityModel",
                                                   "SEV-1: active published truth is wrong for users"))};
    if (!scope.critical)
        return {QStringLiteral("SEV-3"),
                Phrase(kContext,
                       QT_TRANSLATE_NOOP(
                           "ops::SeverityModel",
                           "SEV-3: %1 is not a critical scope and there is no wrong active truth yet"),
                       {scope.id})};
    if (cls == QLatin1String("stale-pack"))
        return {QStringLiteral("SEV-2"),
                Phrase(kContext,
                       QT_TRANSLATE_NOOP("ops::SeverityModel",
                                         "SEV-2: stale-pack threshold breached for critical scope %1"),
                       {scope.id})};
    if (cls == QLatin1String("fallback-spike") || cls == QLatin1String("ai-lane-instability"))
        return {QStringLiteral("SEV-2"),
                Phrase(kContext, QT_TRANSLATE_NOOP("ops::SeverityModel",
                                                   "SEV-2: fallback/rescue path spikes materially"))};
    return {QStringLiteral("SEV-2"),
            Phrase(kContext,
                   QT_TRANSLATE_NOOP("ops::SeverityModel",
                                     "SEV-2: refresh pipeline degraded for critical scope %1"),
                   {scope.id})};
}

namespace CoreEvidence {

QStringList fields() {
    return {QStringLiteral("timestamp"),
            QStringLiteral("scope"),
            QStringLiteral("trigger"),
            QStringLiteral("failure_mode"),
            QStringLiteral("containment_action"),
            QStringLiteral("rollback_action"),
            QStringLiteral("verification_result"),
            QStringLiteral("owner"),
            QStringLiteral("follow_up")};
}

// The record's field names as people read them, translated where the front end installed its
// translations (the window does; the command line speaks English).
QString label(const QString &field) {
    static const QMap<QString, const char *> labels{
        {QStringLiteral("timestamp"), QT_TRANSLATE_NOOP("ops::CoreEvidence", "Timestamp")},
        {QStringLiteral("scope"), QT_TRANSLATE_NOOP("ops::CoreEvidence", "Scope")},
        {QStringLiteral("trigger"), QT_TRANSLATE_NOOP("ops::CoreEvidence", "Trigger or alert source")},
        {QStringLiteral("failure_mode"), QT_TRANSLATE_NOOP("ops::CoreEvidence", "Observed failure mode")},
        {QStringLiteral("containment_action"), QT_TRANSLATE_NOOP("ops::CoreEvidence", "Containment action")},
        {QStringLiteral("rollback_action"),
         QT_TRANSLATE_NOOP("ops::CoreEvidence", "Rollback or kill-switch action")},
        {QStringLiteral("verification_result"),
         QT_TRANSLATE_NOOP("ops::CoreEvidence", "Verification result")},
        {QStringLiteral("owner"), QT_TRANSLATE_NOOP("ops::CoreEvidence", "Operator or owner")},
        {QStringLiteral("follow_up"), QT_TRANSLATE_NOOP("ops::CoreEvidence", "Follow-up requirement")}};
    const auto it = labels.constFind(field);
    return it == labels.cend() ? field : QCoreApplication::translate("ops::CoreEvidence", *it);
}

QString hint(const QString &field) {
    if (field == QLatin1String("timestamp"))
        return QCoreApplication::translate("ops::CoreEvidence", "UTC ISO-8601; empty means now");
    if (field == QLatin1String("rollback_action"))
        return QCoreApplication::translate("ops::CoreEvidence",
                                           "what was rolled back or switched off, or \"none\"");
    return {};
}

Result<JsonValue> validate(const QMap<QString, QString> &values, qint64 nowMs) {
    const QStringList known = fields();
    for (auto it = values.begin(); it != values.end(); ++it)
        if (!known.contains(it.key()))
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("unknown field '%1' (the record has %2)")
                                 .arg(it.key(), known.join(QStringLiteral(", "))),
                             it.key());
    QStringList missing;
    JsonValue record = JsonValue::object();
    for (const QString &f : known) {
        const QString v = values.value(f).trimmed();
        if (f == QLatin1String("timestamp")) {
            if (v.isEmpty()) {
                record["timestamp"] = Time::toIso(nowMs);
                continue;
            }
            const auto ms = Time::parseIso(v);
            if (!ms)
                return makeError(
                    ErrorCode::InvalidInput,
                    QStringLiteral("timestamp '%1' is not UTC ISO-8601 (e.g. 2026-11-23T05:00:00Z)").arg(v),
                    QStringLiteral("timestamp"));
            record["timestamp"] = Time::toIso(*ms);
            continue;
        }
        if (v.isEmpty())
            missing << f;
        else
            record[f.toStdString()] = v;
    }
    if (!missing.isEmpty())
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("the core evidence record is incomplete: missing %1 (nothing was written)")
                .arg(missing.join(QStringLiteral(", "))),
            missing.join(QLatin1Char(',')));
    return record;
}

} // namespace CoreEvidence

QString stepStatusName(StepStatus status) {
    switch (status) {
    case StepStatus::Pending:
        return QStringLiteral("pending");
    case StepStatus::Done:
        return QStringLiteral("done");
    case StepStatus::Failed:
        return QStringLiteral("failed");
    case StepStatus::Skipped:
        return QStringLiteral("skipped");
    }
    return QStringLiteral("pending");
}

QString clockStateName(ClockState state) {
    switch (state) {
    case ClockState::Running:
        return QStringLiteral("running");
    case ClockState::Warning:
        return QStringLiteral("warning");
    case ClockState::Met:
        return QStringLiteral("met");
    case ClockState::MetLate:
        return QStringLiteral("met-late");
    case ClockState::Missed:
        return QStringLiteral("missed");
    }
    return QStringLiteral("running");
}

ClockView clockView(const RollbackClock &clock, qint64 startMs, qint64 nowMs) {
    ClockView v;
    if (clock.metMs > 0) {
        v.remainingMs = clock.deadlineMs - clock.metMs;
        v.state = clock.metMs <= clock.deadlineMs ? ClockState::Met : ClockState::MetLate;
        return v;
    }
    v.remainingMs = clock.deadlineMs - nowMs;
    const qint64 window = qMax<qint64>(1, clock.deadlineMs - startMs);
    const qint64 warnAt = qMax<qint64>(60 * 1000, window / 5);
    if (v.remainingMs < 0)
        v.state = ClockState::Missed;
    else if (v.remainingMs <= warnAt)
        v.state = ClockState::Warning;
    else
        v.state = ClockState::Running;
    return v;
}

const StepState *RunbookRun::step(const QString &stepId) const {
    for (const StepState &s : steps)
        if (s.step.id == stepId)
            return &s;
    return nullptr;
}

StepState *RunbookRun::step(const QString &stepId) {
    for (StepState &s : steps)
        if (s.step.id == stepId)
            return &s;
    return nullptr;
}

const StepState *RunbookRun::nextPending() const {
    for (const StepState &s : steps)
        if (s.status == StepStatus::Pending || s.status == StepStatus::Failed)
            return &s;
    return nullptr;
}

int RunbookRun::resolvedCount() const {
    return static_cast<int>(std::count_if(
        steps.begin(), steps.end(), [](const StepState &s) { return s.status != StepStatus::Pending; }));
}

const RollbackClock *RunbookRun::clock(const QString &name) const {
    for (const RollbackClock &c : clocks)
        if (c.name == name)
            return &c;
    return nullptr;
}

QStringList killSwitchNames() {
    return {QStringLiteral("ai"), QStringLiteral("bad-pack")};
}

JsonValue stepsJson(const QList<RunbookStep> &steps) {
    JsonValue out = JsonValue::array();
    for (const RunbookStep &s : steps) {
        JsonValue o = JsonValue::object();
        o["id"] = s.id;
        o["action"] = s.action;
        JsonValue evidence = JsonValue::array();
        for (EvidenceKind k : s.evidence)
            evidence.push(evidenceKindName(k));
        o["evidence"] = evidence;
        JsonValue probe = JsonValue::array();
        for (TargetKind k : s.probe)
            probe.push(targetKindName(k));
        o["probe"] = probe;
        o["probe_must_pass"] = s.probeMustPass;
        o["role"] = s.role;
        o["skippable"] = s.skippable;
        out.push(o);
    }
    return out;
}

QList<RunbookStep> stepsFromJson(const JsonValue &steps) {
    QList<RunbookStep> out;
    for (const JsonValue &o : steps.toArray()) {
        RunbookStep s;
        s.id = o.stringAt("id");
        s.action = o.stringAt("action");
        for (const QString &e : o.stringsAt("evidence"))
            if (auto k = evidenceKindFrom(e))
                s.evidence << *k;
        for (const QString &t : o.stringsAt("probe"))
            if (auto k = targetKindFrom(t))
                s.probe << *k;
        s.probeMustPass = o.find("probe_must_pass") && o.find("probe_must_pass")->toBool();
        s.role = o.stringAt("role");
        s.skippable = o.find("skippable") && o.find("skippable")->toBool();
        out << s;
    }
    return out;
}

} // namespace ops
