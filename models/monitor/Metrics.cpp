#include "Metrics.h"

#include <QMap>

namespace ops::Metrics {

namespace {

class Writer {
public:
    void family(const char *name, const char *type, const char *help) {
        m_out += "# HELP ";
        m_out += name;
        m_out += ' ';
        m_out += help;
        m_out += "\n# TYPE ";
        m_out += name;
        m_out += ' ';
        m_out += type;
        m_out += '\n';
    }
    void sample(const char *name, const QList<std::pair<const char *, QString>> &labels, double value) {
        m_out += name;
        if (!labels.isEmpty()) {
            m_out += '{';
            bool first = true;
            for (const auto &[key, v] : labels) {
                if (!first)
                    m_out += ',';
                first = false;
                m_out += key;
                m_out += "=\"";
                m_out += labelValue(v);
                m_out += '"';
            }
            m_out += '}';
        }
        m_out += ' ';
        m_out += QByteArray::number(value, 'g', 15);
        m_out += '\n';
    }
    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
};

constexpr ProbeState kProbeStates[] = {ProbeState::Unknown, ProbeState::Ok, ProbeState::Degraded,
                                       ProbeState::Stale, ProbeState::Failed};
constexpr AlertState kAlertStates[] = {AlertState::Unknown, AlertState::Ok, AlertState::Firing,
                                       AlertState::Acknowledged};

} // namespace

QByteArray labelValue(const QString &value) {
    QByteArray out;
    const QByteArray utf8 = value.toUtf8();
    out.reserve(utf8.size());
    for (char c : utf8) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray prometheusText(const Input &in) {
    Writer w;
    w.family("opsconsole_probe_state", "gauge",
             "Probe state of a target: 1 for its current state, 0 for the others (unknown is a state)");
    for (const ProbeResult &r : in.probes)
        for (ProbeState s : kProbeStates)
            w.sample("opsconsole_probe_state",
                     {{"target", r.target.id},
                      {"scope", r.target.scope},
                      {"kind", targetKindName(r.target.kind)},
                      {"state", probeStateName(s)}},
                     r.state == s ? 1 : 0);
    w.family("opsconsole_probe_latency_seconds", "gauge", "Latency of the target's latest probe");
    for (const ProbeResult &r : in.probes)
        if (r.latencyMs >= 0)
            w.sample("opsconsole_probe_latency_seconds", {{"target", r.target.id}},
                     static_cast<double>(r.latencyMs) / 1000.0);
    w.family("opsconsole_manifest_age_seconds", "gauge", "Age of the manifest the latest probe fetched");
    for (const ProbeResult &r : in.probes)
        if (r.ageS)
            w.sample("opsconsole_manifest_age_seconds", {{"target", r.target.id}},
                     static_cast<double>(*r.ageS));
    w.family("opsconsole_probe_checked_timestamp_seconds", "gauge", "When the target was last probed");
    for (const ProbeResult &r : in.probes)
        if (r.checkedAtMs > 0)
            w.sample("opsconsole_probe_checked_timestamp_seconds", {{"target", r.target.id}},
                     static_cast<double>(r.checkedAtMs) / 1000.0);

    w.family("opsconsole_alert_state", "gauge",
             "Alert cell state: 1 for its current state, 0 for the others (unknown is a state)");
    for (const AlertCell &c : in.cells)
        for (AlertState s : kAlertStates)
            w.sample("opsconsole_alert_state",
                     {{"alert", c.alertId},
                      {"scope", c.scope},
                      {"severity", c.severity},
                      {"state", alertStateName(s)}},
                     c.state == s ? 1 : 0);

    w.family("opsconsole_alert_silenced", "gauge",
             "1 while a silence holds the cell's notifications (its state is still the state above)");
    for (const AlertCell &c : in.cells)
        w.sample("opsconsole_alert_silenced", {{"alert", c.alertId}, {"scope", c.scope}},
                 c.silenced() ? 1 : 0);
    if (in.silences) {
        w.family("opsconsole_silences_active", "gauge",
                 "Active silences by scope and source (person or maintenance window)");
        QMap<QPair<QString, QString>, int> active;
        for (const AlertCell &c : in.cells)
            for (const char *source : {"person", "maintenance"})
                active.insert({c.scope, QString::fromLatin1(source)}, 0);
        for (const Silence &s : *in.silences)
            active[{s.scope, s.maintenance ? QStringLiteral("maintenance") : QStringLiteral("person")}] += 1;
        for (auto it = active.cbegin(); it != active.cend(); ++it)
            w.sample("opsconsole_silences_active", {{"scope", it.key().first}, {"source", it.key().second}},
                     it.value());
    }

    w.family("opsconsole_log_readable", "gauge", "1 when the evidence log could be read for these metrics");
    w.sample("opsconsole_log_readable", {}, in.book && in.logSize ? 1 : 0);
    if (in.book) {
        w.family("opsconsole_incidents_open", "gauge", "Open incidents by severity");
        QHash<QString, int> bySeverity{
            {QStringLiteral("SEV-1"), 0}, {QStringLiteral("SEV-2"), 0}, {QStringLiteral("SEV-3"), 0}};
        for (const Incident *i : in.book->openIncidents())
            bySeverity[i->severity] += 1;
        QStringList severities = bySeverity.keys();
        severities.sort();
        for (const QString &s : severities)
            w.sample("opsconsole_incidents_open", {{"severity", s}}, bySeverity.value(s));
        w.family("opsconsole_rollback_seconds_left", "gauge",
                 "Seconds left on each running rollback clock (negative once missed)");
        for (const RunbookRun &run : in.book->runs()) {
            if (!run.rollback || run.finished)
                continue;
            for (const RollbackClock &c : run.clocks) {
                if (c.metMs > 0)
                    continue;
                const ClockView v = clockView(c, run.startedMs, in.nowMs);
                w.sample("opsconsole_rollback_seconds_left",
                         {{"run", run.id}, {"scope", run.scope}, {"clock", c.name}},
                         static_cast<double>(v.remainingMs) / 1000.0);
            }
        }
        w.family("opsconsole_killswitch_active", "gauge", "1 for each kill switch active on a scope");
        for (const KillSwitchState &k : in.book->killSwitches())
            if (k.active)
                w.sample("opsconsole_killswitch_active", {{"switch", k.killSwitch}, {"scope", k.scope}}, 1);
    }
    if (in.logSize) {
        w.family("opsconsole_log_events", "gauge", "Events in the evidence log");
        w.sample("opsconsole_log_events", {}, static_cast<double>(*in.logSize));
    }
    if (in.checkpointMs) {
        w.family("opsconsole_checkpoint_age_seconds", "gauge", "Age of the latest signed checkpoint");
        w.sample("opsconsole_checkpoint_age_seconds", {},
                 static_cast<double>(qMax<qint64>(0, in.nowMs - *in.checkpointMs)) / 1000.0);
    }
    w.family("opsconsole_monitor_last_round_timestamp_seconds", "gauge",
             "When the monitor's last probe round finished (0: none yet)");
    w.sample("opsconsole_monitor_last_round_timestamp_seconds", {},
             static_cast<double>(in.lastRoundMs) / 1000.0);
    w.family("opsconsole_monitor_recording", "gauge", "1 while transitions are recorded as evidence");
    w.sample("opsconsole_monitor_recording", {}, static_cast<double>(in.recordingUp));
    if (in.team) {
        w.family("opsconsole_team_log_up", "gauge",
                 "1 while the team log's server answers, 0 while it does not");
        w.sample("opsconsole_team_log_up", {}, in.team->up ? 1 : 0);
        w.family("opsconsole_checkpoint_witness_quorum", "gauge",
                 "Consoles other than its signer asked to cosign a team log checkpoint");
        w.sample("opsconsole_checkpoint_witness_quorum", {}, in.team->quorum);
        if (in.team->witnesses) {
            w.family("opsconsole_checkpoint_witnesses", "gauge",
                     "Consoles other than its signer that cosigned the latest checkpoint");
            w.sample("opsconsole_checkpoint_witnesses", {}, *in.team->witnesses);
        }
        if (in.team->unsynced) {
            w.family("opsconsole_outbox_unsynced_acts", "gauge",
                     "Acts made on this machine without the team log's server, waiting to be synced");
            w.sample("opsconsole_outbox_unsynced_acts", {}, static_cast<double>(*in.team->unsynced));
        }
    }
    if (in.notifications) {
        w.family("opsconsole_notification_attempts_total", "counter",
                 "Webhook notification delivery attempts, by outcome");
        for (const char *outcome : {"delivered", "retrying", "gave_up", "dropped"})
            w.sample("opsconsole_notification_attempts_total", {{"outcome", QString::fromLatin1(outcome)}},
                     static_cast<double>(in.notifications->value(QString::fromLatin1(outcome))));
    }
    if (in.alertmanager) {
        w.family("opsconsole_alertmanager_alerts_total", "counter",
                 "Alerts received on Alertmanager's webhook, by what became of them");
        const auto &a = *in.alertmanager;
        for (const auto &[outcome, n] : {std::pair{"recorded", a.recorded}, std::pair{"repeated", a.repeated},
                                         std::pair{"not_routed", a.notRouted}})
            w.sample("opsconsole_alertmanager_alerts_total", {{"outcome", QString::fromLatin1(outcome)}},
                     static_cast<double>(n));
        w.family("opsconsole_alertmanager_requests_refused_total", "counter",
                 "Webhook requests refused (bad token, body or payload; store unavailable)");
        w.sample("opsconsole_alertmanager_requests_refused_total", {}, static_cast<double>(a.refused));
    }
    return w.take();
}

} // namespace ops::Metrics
