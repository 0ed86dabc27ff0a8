// The deployment config's integration sections: Alertmanager, notifications, maintenance windows.
#include "ConfigReader.h"

#include "core/FileUtil.h"

#include <QFileInfo>
#include <QTimeZone>
#include <QUrl>

namespace ops::config {

void IntegrationSections::readAlertmanager(const YAML::Node &n, AlertmanagerSettings &a) {
    const QString path = QStringLiteral("alertmanager");
    if (!m_check.checkMap(n, path, {"routes", "token_file"}, {"max_body_bytes"}))
        return;
    a.line = yaml::lineOf(n);
    if (const auto f = m_check.string(n["token_file"], QStringLiteral("alertmanager.token_file"))) {
        const QString file = resolve(*f);
        if (!QFileInfo(file).isFile())
            m_check.error(n["token_file"], QStringLiteral("alertmanager.token_file"),
                          QStringLiteral("file '%1' not found").arg(*f));
        else
            a.tokenFile = file;
    }
    if (const YAML::Node m = n["max_body_bytes"]; m.IsDefined())
        if (const auto v = m_check.integer(m, QStringLiteral("alertmanager.max_body_bytes"), 1024,
                                           qint64(64) * 1024 * 1024))
            a.maxBodyBytes = *v;
    const YAML::Node list = n["routes"];
    const QString lp = QStringLiteral("alertmanager.routes");
    if (!m_check.isSequence(list, lp))
        return;
    if (list.size() == 0)
        m_check.error(list, lp, QStringLiteral("at least one route is required"));
    static const QRegularExpression labelName(QStringLiteral("^[a-zA-Z_][a-zA-Z0-9_]*\\z"));
    for (std::size_t i = 0; i < list.size(); ++i) {
        const YAML::Node r = list[i];
        const QString p = yaml::indexPath(lp, i);
        if (!m_check.checkMap(r, p, {"match"}, {"alert", "signal", "scope_label", "value_annotation"}))
            continue;
        AlertmanagerRoute route;
        route.line = yaml::lineOf(r);
        const YAML::Node match = r["match"];
        if (!match.IsMap() || match.size() == 0) {
            m_check.error(match, p + QStringLiteral(".match"),
                          QStringLiteral("must map label names to values, e.g. {alertname: PublishBlocked}"));
        } else {
            for (auto it = match.begin(); it != match.end(); ++it) {
                const QString name = QString::fromStdString(it->first.as<std::string>());
                const QString key = p + QStringLiteral(".match.") + name;
                const auto v = m_check.string(it->second, key);
                if (!labelName.match(name).hasMatch())
                    m_check.error(it->first, key, QStringLiteral("'%1' is not a label name").arg(name));
                else if (v)
                    route.match.append({name, *v});
            }
        }
        const bool hasAlert = r["alert"].IsDefined(), hasSignal = r["signal"].IsDefined();
        if (hasAlert == hasSignal)
            m_check.error(r, p,
                          QStringLiteral("needs exactly one of alert (an alert id) or signal (%1)")
                              .arg(pipelineSignalKinds().join(QStringLiteral(", "))));
        if (hasAlert)
            if (const auto v = m_check.string(r["alert"], p + QStringLiteral(".alert")))
                route.alert = *v;
        if (hasSignal)
            if (const auto v = m_check.string(r["signal"], p + QStringLiteral(".signal"))) {
                const QStringList kinds = pipelineSignalKinds();
                if (!kinds.contains(*v))
                    m_check.error(
                        r["signal"], p + QStringLiteral(".signal"),
                        QStringLiteral("unknown signal '%1' (%2)").arg(*v, kinds.join(QStringLiteral(", "))));
                else
                    route.signal = *v;
            }
        for (const auto &[key, field] : {std::pair{"scope_label", &route.scopeLabel},
                                         std::pair{"value_annotation", &route.valueAnnotation}})
            if (const YAML::Node v = r[key]; v.IsDefined())
                if (const auto s = m_check.string(v, p + QLatin1Char('.') + QLatin1String(key))) {
                    if (!labelName.match(*s).hasMatch())
                        m_check.error(v, p + QLatin1Char('.') + QLatin1String(key),
                                      QStringLiteral("'%1' is not a label name").arg(*s));
                    else
                        *field = *s;
                }
        a.routes.append(route);
    }
}

void IntegrationSections::readNotifications(const YAML::Node &n, NotificationSettings &out) {
    const QString path = QStringLiteral("notifications");
    if (!m_check.checkMap(n, path, {}, {"webhooks", "escalate_after_minutes", "max_attempts"}))
        return;
    out.line = yaml::lineOf(n);
    if (const auto v = positive(n, "escalate_after_minutes", path, 24 * 60))
        out.escalateAfterMinutes = *v;
    if (const auto v = positive(n, "max_attempts", path, 20))
        out.maxAttempts = *v;
    const YAML::Node list = n["webhooks"];
    if (!list.IsDefined() || list.IsNull())
        return;
    const QString lp = QStringLiteral("notifications.webhooks");
    if (!m_check.isSequence(list, lp))
        return;
    const QStringList severities{QStringLiteral("SEV-1"), QStringLiteral("SEV-2"), QStringLiteral("SEV-3")};
    const QStringList triggers{QStringLiteral("fired"), QStringLiteral("escalated"),
                               QStringLiteral("cleared")};
    for (std::size_t i = 0; i < list.size(); ++i) {
        const YAML::Node w = list[i];
        const QString p = yaml::indexPath(lp, i);
        if (!m_check.checkMap(w, p, {}, {"url", "url_file", "format", "severities", "triggers"}))
            continue;
        WebhookConfig hook;
        hook.line = yaml::lineOf(w);
        if (w["url"].IsDefined() == w["url_file"].IsDefined())
            m_check.error(w, p,
                          QStringLiteral("needs exactly one of url or url_file (a file holding the URL, "
                                         "for hooks whose URL is their secret)"));
        if (w["url"].IsDefined())
            if (const auto u = m_check.url(w["url"], p + QStringLiteral(".url")))
                hook.url = *u;
        if (w["url_file"].IsDefined())
            if (const auto f = m_check.string(w["url_file"], p + QStringLiteral(".url_file"))) {
                const QString file = resolve(*f);
                if (!QFileInfo(file).isFile())
                    m_check.error(w["url_file"], p + QStringLiteral(".url_file"),
                                  QStringLiteral("file '%1' not found").arg(*f));
                else
                    hook.urlFile = file;
            }
        if (const YAML::Node f = w["format"]; f.IsDefined())
            if (const auto v = m_check.string(f, p + QStringLiteral(".format"))) {
                if (*v != QLatin1String("generic") && *v != QLatin1String("slack"))
                    m_check.error(
                        f, p + QStringLiteral(".format"),
                        QStringLiteral("must be generic or slack (also for Mattermost), got '%1'").arg(*v));
                else
                    hook.format = *v;
            }
        for (const auto &[key, allowed, field] : {std::tuple{"severities", &severities, &hook.severities},
                                                  std::tuple{"triggers", &triggers, &hook.triggers}}) {
            const YAML::Node l = w[key];
            if (!l.IsDefined())
                continue;
            const QString kp = p + QLatin1Char('.') + QLatin1String(key);
            if (!l.IsSequence() || l.size() == 0) {
                m_check.error(
                    l, kp, QStringLiteral("must list some of %1").arg(allowed->join(QStringLiteral(", "))));
                continue;
            }
            for (std::size_t k = 0; k < l.size(); ++k)
                if (const auto v = m_check.string(l[k], yaml::indexPath(kp, k))) {
                    if (!allowed->contains(*v))
                        m_check.error(l[k], yaml::indexPath(kp, k),
                                      QStringLiteral("'%1' is not one of %2")
                                          .arg(*v, allowed->join(QStringLiteral(", "))));
                    else
                        field->append(*v);
                }
        }
        out.webhooks.append(hook);
    }
}

void IntegrationSections::readMaintenance(const YAML::Node &list, DeploymentConfig &cfg) {
    const QString lp = QStringLiteral("maintenance");
    if (!m_check.isSequence(list, lp))
        return;
    static const QRegularExpression every(
        QStringLiteral("^(daily|mon|tue|wed|thu|fri|sat|sun) ([01][0-9]|2[0-3]):([0-5][0-9])\\z"));
    const QStringList days{QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"),
                           QStringLiteral("thu"), QStringLiteral("fri"), QStringLiteral("sat"),
                           QStringLiteral("sun")};
    for (std::size_t i = 0; i < list.size(); ++i) {
        const YAML::Node w = list[i];
        const QString p = yaml::indexPath(lp, i);
        if (!m_check.checkMap(w, p, {"scope", "alerts", "every", "minutes", "reason"}, {"time_zone"}))
            continue;
        MaintenanceWindow mw;
        mw.line = yaml::lineOf(w);
        if (const auto s = m_check.string(w["scope"], p + QStringLiteral(".scope"))) {
            if (!cfg.scope(*s))
                m_check.error(w["scope"], p + QStringLiteral(".scope"),
                              QStringLiteral("no scope '%1' in scopes").arg(*s));
            mw.scope = *s;
        }
        const YAML::Node alerts = w["alerts"];
        if (!alerts.IsSequence() || alerts.size() == 0) {
            m_check.error(alerts, p + QStringLiteral(".alerts"),
                          QStringLiteral("must list the alert ids it silences, e.g. [stale-pack]"));
        } else {
            for (std::size_t a = 0; a < alerts.size(); ++a)
                if (const auto id =
                        m_check.string(alerts[a], yaml::indexPath(p + QStringLiteral(".alerts"), a)))
                    mw.alerts << *id;
        }
        if (const auto e = m_check.string(w["every"], p + QStringLiteral(".every"))) {
            const QRegularExpressionMatch m = every.match(*e);
            if (!m.hasMatch()) {
                m_check.error(w["every"], p + QStringLiteral(".every"),
                              QStringLiteral("'%1' is not 'DAY HH:MM' (DAY: daily, mon … sun)").arg(*e));
            } else {
                mw.every = *e;
                mw.weekday = static_cast<int>(days.indexOf(m.captured(1))) + 1; // daily: -1 + 1 = 0
                mw.startMinute = m.captured(2).toInt() * 60 + m.captured(3).toInt();
            }
        }
        if (const auto v = m_check.integer(w["minutes"], p + QStringLiteral(".minutes"), 1, 24 * 60))
            mw.minutes = static_cast<int>(*v);
        if (const auto r = m_check.string(w["reason"], p + QStringLiteral(".reason"))) {
            if (r->trimmed().isEmpty())
                m_check.error(w["reason"], p + QStringLiteral(".reason"),
                              QStringLiteral("must say why the alerts are silenced"));
            mw.reason = r->trimmed();
        }
        if (const YAML::Node tz = w["time_zone"]; tz.IsDefined())
            if (const auto z = m_check.string(tz, p + QStringLiteral(".time_zone"))) {
                if (!QTimeZone(z->toUtf8()).isValid())
                    m_check.error(
                        tz, p + QStringLiteral(".time_zone"),
                        QStringLiteral("'%1' is not a known time zone (e.g. Europe/Berlin)").arg(*z));
                else
                    mw.timeZone = *z;
            }
        cfg.maintenance.append(mw);
    }
}

} // namespace ops::config
