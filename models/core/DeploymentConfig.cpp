#include "DeploymentConfig.h"
#include "ConfigReader.h"

#include "core/FileUtil.h"

#include "YamlSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>
#include <limits>

namespace ops {

QString scopeKindName(ScopeKind kind) {
    switch (kind) {
    case ScopeKind::Baseline:
        return QStringLiteral("baseline");
    case ScopeKind::Country:
        return QStringLiteral("country");
    case ScopeKind::Locality:
        return QStringLiteral("locality");
    }
    return QString();
}

const ScopeConfig *DeploymentConfig::scope(const QString &id) const {
    for (const ScopeConfig &s : scopes)
        if (s.id == id)
            return &s;
    return nullptr;
}

QList<const ScopeConfig *> DeploymentConfig::orderedScopes() const {
    QList<const ScopeConfig *> out;
    for (const ScopeConfig &s : scopes)
        out.append(&s);
    std::stable_sort(out.begin(), out.end(), [](const ScopeConfig *a, const ScopeConfig *b) {
        if (a->kind != b->kind)
            return static_cast<int>(a->kind) < static_cast<int>(b->kind);
        return a->id < b->id;
    });
    return out;
}

namespace config {

Result<DeploymentConfig> Reader::read(const YAML::Node &root) {
    DeploymentConfig cfg;
    cfg.source = m_check.file();
    if (!root.IsDefined() || root.IsNull()) {
        m_check.errorAtLine(1, QString(),
                            QStringLiteral("the file is empty; a deployment config is a mapping"));
        return finish(cfg);
    }
    if (!m_check.checkMap(root, QString(), {"scopes"},
                          {"environment", "objectives", "probes", "services", "publisher", "runbooks",
                           "alert_rules", "trust", "store", "alertmanager", "maintenance",
                           "notifications"})) {
        if (!root.IsMap())
            return finish(cfg);
    }
    if (const YAML::Node env = root["environment"]; env.IsDefined()) {
        if (const auto name = m_check.string(env, QStringLiteral("environment"))) {
            if (const auto e = parseEnvironment(*name))
                cfg.environment = *e;
            else
                m_check.error(env, QStringLiteral("environment"),
                              QStringLiteral("must be dev, staging or prod, got '%1'").arg(*name));
        }
    }
    if (const YAML::Node n = root["objectives"]; n.IsDefined())
        readObjectives(n, cfg.objectives);
    if (const YAML::Node n = root["trust"]; n.IsDefined() && !n.IsNull())
        readTrust(n, cfg.trust);
    if (const YAML::Node n = root["probes"]; n.IsDefined())
        readProbes(n, cfg.probes);
    if (const YAML::Node n = root["store"];
        n.IsDefined() && !n.IsNull() &&
        m_check.checkMap(n, QStringLiteral("store"), {}, {"origin", "url", "app_role"})) {
        if (const YAML::Node u = n["url"]; u.IsDefined())
            if (const auto url = m_check.string(u, QStringLiteral("store.url"))) {
                const QUrl parsed(*url, QUrl::StrictMode);
                if (!url->startsWith(QLatin1String("postgresql://")) &&
                    !url->startsWith(QLatin1String("postgres://")))
                    m_check.error(u, QStringLiteral("store.url"),
                                  QStringLiteral("must be a postgresql:// connection URI (the team log); "
                                                 "leave it out for the local file"));
                else if (!parsed.isValid())
                    m_check.error(u, QStringLiteral("store.url"),
                                  QStringLiteral("is not a valid URI: %1").arg(parsed.errorString()));
                else
                    cfg.storeUrl = *url;
            }
        if (const YAML::Node r = n["app_role"]; r.IsDefined())
            if (const auto role = m_check.string(r, QStringLiteral("store.app_role"))) {
                static const QRegularExpression valid(QStringLiteral("^[a-z_][a-z0-9_]{0,62}\\z"));
                if (!valid.match(*role).hasMatch())
                    m_check.error(
                        r, QStringLiteral("store.app_role"),
                        QStringLiteral("must be a lowercase PostgreSQL role name (letters, digits, _)"));
                else
                    cfg.storeAppRole = *role;
            }
        // The origin line of the log's checkpoints (c2sp.org/tlog-checkpoint): a schema-less
        // URL naming the log, e.g. ops.example.org/publishing.
        if (const YAML::Node o = n["origin"]; o.IsDefined())
            if (const auto origin = m_check.string(o, QStringLiteral("store.origin"))) {
                static const QRegularExpression valid(QStringLiteral("^[\\x21-\\x7E]{1,255}\\z"));
                if (!valid.match(*origin).hasMatch() || origin->startsWith(QLatin1String("opsconsole/")))
                    m_check.error(
                        o, QStringLiteral("store.origin"),
                        QStringLiteral("must be 1 to 255 printable ASCII characters without spaces, "
                                       "not starting with opsconsole/ (the default's prefix)"));
                else
                    cfg.storeOrigin = *origin;
            }
    }
    if (const YAML::Node n = root["scopes"]; n.IsDefined())
        readScopes(n, cfg.scopes);
    if (const YAML::Node n = root["services"]; n.IsDefined() && !n.IsNull())
        readServices(n, cfg.services);
    if (const YAML::Node n = root["publisher"]; n.IsDefined() && !n.IsNull()) {
        if (m_check.checkMap(n, QStringLiteral("publisher"), {"rebind"}, {"auth"})) {
            PublisherConfig p;
            if (const auto u = m_check.url(n["rebind"], QStringLiteral("publisher.rebind")))
                p.rebind = *u;
            if (n["auth"].IsDefined())
                p.auth = m_check.boolean(n["auth"], QStringLiteral("publisher.auth")).value_or(false);
            cfg.publisher = p;
        }
    }
    if (const YAML::Node n = root["runbooks"]; n.IsDefined() && !n.IsNull()) {
        if (const auto dir = m_check.string(n, QStringLiteral("runbooks"))) {
            const QString path = resolve(*dir);
            if (!QFileInfo(path).isDir())
                m_check.error(n, QStringLiteral("runbooks"),
                              QStringLiteral("'%1' is not a directory").arg(*dir));
            else
                cfg.runbooksDir = path;
        }
    }
    if (const YAML::Node n = root["alert_rules"]; n.IsDefined() && !n.IsNull()) {
        if (const auto file = m_check.string(n, QStringLiteral("alert_rules"))) {
            const QString path = resolve(*file);
            if (!QFileInfo(path).isFile())
                m_check.error(n, QStringLiteral("alert_rules"),
                              QStringLiteral("'%1' is not a file").arg(*file));
            else
                cfg.alertRulesFile = path;
        }
    }
    IntegrationSections integrations(m_check, m_baseDir);
    if (const YAML::Node n = root["alertmanager"]; n.IsDefined() && !n.IsNull())
        integrations.readAlertmanager(n, cfg.alertmanager);
    if (const YAML::Node n = root["maintenance"]; n.IsDefined() && !n.IsNull())
        integrations.readMaintenance(n, cfg);
    if (const YAML::Node n = root["notifications"]; n.IsDefined() && !n.IsNull())
        integrations.readNotifications(n, cfg.notifications);
    return finish(cfg);
}

Result<DeploymentConfig> Reader::finish(DeploymentConfig &cfg) {
    if (m_check.hasErrors()) {
        QList<Diagnostic> diags = m_check.diagnostics();
        std::stable_sort(diags.begin(), diags.end(),
                         [](const Diagnostic &a, const Diagnostic &b) { return a.line < b.line; });
        return Error::fromDiagnostics(ErrorCode::InvalidInput, diags);
    }
    return cfg;
}

QString resolvePath(const QString &baseDir, const QString &path) {
    if (QDir::isAbsolutePath(path) || baseDir.isEmpty())
        return path;
    return QDir(baseDir).filePath(path);
}

void Reader::readTrust(const YAML::Node &n, TrustSettings &t) {
    const QString path = QStringLiteral("trust");
    if (!m_check.checkMap(n, path, {"admins"}, {"enroll_quorum", "witness_quorum"}))
        return;
    static const QRegularExpression fp(QStringLiteral("^SHA256:[0-9a-f]{64}\\z"));
    const YAML::Node admins = n["admins"];
    if (!admins.IsSequence() || admins.size() == 0) {
        m_check.error(admins, QStringLiteral("trust.admins"),
                      QStringLiteral("must list the admin key fingerprints (SHA256:<64 hex>)"));
        return;
    }
    for (std::size_t i = 0; i < admins.size(); ++i) {
        const QString key = QStringLiteral("trust.admins[%1]").arg(i);
        const auto v = m_check.string(admins[i], key);
        if (!v)
            continue;
        if (!fp.match(*v).hasMatch())
            m_check.error(admins[i], key,
                          QStringLiteral("'%1' is not a key fingerprint (SHA256:<64 hex>)").arg(*v));
        else if (t.admins.contains(*v))
            m_check.error(admins[i], key, QStringLiteral("%1 is listed twice").arg(*v));
        else
            t.admins << *v;
    }
    if (const auto w = positive(n, "witness_quorum", path, 16))
        t.witnessQuorum = *w;
    if (const auto q = positive(n, "enroll_quorum", path, 16)) {
        t.enrollQuorum = *q;
        if (*q > static_cast<int>(admins.size()))
            m_check.error(n["enroll_quorum"], QStringLiteral("trust.enroll_quorum"),
                          QStringLiteral("%1 approvals can never be reached with %2 pinned admin(s)")
                              .arg(*q)
                              .arg(admins.size()));
    }
}

void Reader::readObjectives(const YAML::Node &n, Objectives &o) {
    const QString path = QStringLiteral("objectives");
    if (!m_check.checkMap(n, path, {"restore_minutes", "integrity_minutes"}, {"drill_max_age_days"}))
        return;
    if (const auto v = positive(n, "restore_minutes", path, 24 * 60))
        o.restoreMinutes = *v;
    if (const auto v = positive(n, "integrity_minutes", path, 24 * 60))
        o.integrityMinutes = *v;
    if (const auto v = positive(n, "drill_max_age_days", path, 3650))
        o.drillMaxAgeDays = *v;
    if (o.integrityMinutes < o.restoreMinutes)
        m_check.error(n["integrity_minutes"], QStringLiteral("objectives.integrity_minutes"),
                      QStringLiteral("must not be shorter than restore_minutes (%1)").arg(o.restoreMinutes));
}

void Reader::readProbes(const YAML::Node &n, ProbeSettings &p) {
    const QString path = QStringLiteral("probes");
    if (!m_check.checkMap(n, path, {},
                          {"interval_s", "timeout_ms", "connect_timeout_ms", "max_body_bytes",
                           "max_redirects", "fail_after", "clear_after", "slow_ms", "concurrency",
                           "retention_days", "ca_file", "insecure_tls", "pack_hosts"}))
        return;
    if (const auto v = positive(n, "interval_s", path, 86400))
        p.intervalS = *v;
    if (const auto v = positive(n, "timeout_ms", path, 600000))
        p.timeoutMs = *v;
    if (const auto v = positive(n, "connect_timeout_ms", path, 600000))
        p.connectTimeoutMs = *v;
    if (const YAML::Node m = n["max_body_bytes"]; m.IsDefined())
        if (const auto v = m_check.integer(m, QStringLiteral("probes.max_body_bytes"), 1,
                                           qint64(64) * 1024 * 1024 * 1024))
            p.maxBodyBytes = *v;
    if (const YAML::Node m = n["max_redirects"]; m.IsDefined())
        if (const auto v = m_check.integer(m, QStringLiteral("probes.max_redirects"), 0, 20))
            p.maxRedirects = static_cast<int>(*v);
    if (const auto v = positive(n, "fail_after", path, 100))
        p.failAfter = *v;
    if (const auto v = positive(n, "clear_after", path, 100))
        p.clearAfter = *v;
    if (const auto v = positive(n, "slow_ms", path, 600000))
        p.slowMs = *v;
    if (const auto v = positive(n, "concurrency", path, 1024))
        p.concurrency = *v;
    if (const auto v = positive(n, "retention_days", path, 3650))
        p.retentionDays = *v;
    if (const YAML::Node m = n["ca_file"]; m.IsDefined() && !m.IsNull()) {
        if (const auto f = m_check.string(m, QStringLiteral("probes.ca_file"))) {
            const QString file = resolve(*f);
            if (!QFileInfo(file).isFile())
                m_check.error(m, QStringLiteral("probes.ca_file"),
                              QStringLiteral("file '%1' not found").arg(*f));
            else
                p.caFile = file;
        }
    }
    if (const YAML::Node m = n["insecure_tls"]; m.IsDefined())
        p.insecureTls = m_check.boolean(m, QStringLiteral("probes.insecure_tls")).value_or(false);
    if (const YAML::Node m = n["pack_hosts"];
        m.IsDefined() && m_check.isSequence(m, QStringLiteral("probes.pack_hosts")))
        for (std::size_t i = 0; i < m.size(); ++i)
            if (const auto h = m_check.string(m[i], yaml::indexPath(QStringLiteral("probes.pack_hosts"), i)))
                p.packHosts << h->toLower();
    if (p.connectTimeoutMs > p.timeoutMs)
        p.connectTimeoutMs = p.timeoutMs;
}

void Reader::readScopes(const YAML::Node &list, QList<ScopeConfig> &scopes) {
    const QString path = QStringLiteral("scopes");
    if (!m_check.isSequence(list, path))
        return;
    if (list.size() == 0) {
        m_check.error(list, path, QStringLiteral("at least one scope is required"));
        return;
    }
    QHash<QString, int> firstLine;
    QHash<QString, YAML::Node> parentNodes;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const YAML::Node n = list[i];
        const QString p = yaml::indexPath(path, i);
        if (!m_check.checkMap(n, p, {"id", "kind", "critical", "freshness_hours", "manifest"},
                              {"parent", "resolver", "rules", "auth", "app_fetch"}))
            if (!n.IsMap())
                continue;
        ScopeConfig s;
        s.line = yaml::lineOf(n);
        if (n["id"].IsDefined()) {
            if (const auto id = m_check.string(n["id"], p + QStringLiteral(".id"))) {
                if (!idPattern().match(*id).hasMatch())
                    m_check.error(
                        n["id"], p + QStringLiteral(".id"),
                        QStringLiteral("'%1' is not a valid id (lower-case letters, digits, '-', '_', '.')")
                            .arg(*id));
                else if (firstLine.contains(*id))
                    m_check.error(n["id"], p + QStringLiteral(".id"),
                                  QStringLiteral("duplicate scope id '%1' (first defined at line %2)")
                                      .arg(*id)
                                      .arg(firstLine.value(*id)));
                else
                    firstLine.insert(*id, yaml::lineOf(n["id"]));
                s.id = *id;
            }
        }
        if (n["kind"].IsDefined()) {
            if (const auto k = m_check.string(n["kind"], p + QStringLiteral(".kind"))) {
                if (*k == QLatin1String("baseline"))
                    s.kind = ScopeKind::Baseline;
                else if (*k == QLatin1String("country"))
                    s.kind = ScopeKind::Country;
                else if (*k == QLatin1String("locality"))
                    s.kind = ScopeKind::Locality;
                else
                    m_check.error(n["kind"], p + QStringLiteral(".kind"),
                                  QStringLiteral("must be baseline, country or locality, got '%1'").arg(*k));
            }
        }
        if (n["critical"].IsDefined())
            s.critical = m_check.boolean(n["critical"], p + QStringLiteral(".critical")).value_or(false);
        if (n["freshness_hours"].IsDefined())
            if (const auto v = m_check.integer(n["freshness_hours"], p + QStringLiteral(".freshness_hours"),
                                               1, 24 * 366))
                s.freshnessHours = static_cast<int>(*v);
        if (n["manifest"].IsDefined())
            s.manifest = m_check.url(n["manifest"], p + QStringLiteral(".manifest")).value_or(QUrl());
        if (n["resolver"].IsDefined() && !n["resolver"].IsNull())
            s.resolver = m_check.url(n["resolver"], p + QStringLiteral(".resolver")).value_or(QUrl());
        if (n["rules"].IsDefined() && !n["rules"].IsNull())
            s.rules = m_check.url(n["rules"], p + QStringLiteral(".rules")).value_or(QUrl());
        if (n["app_fetch"].IsDefined() && !n["app_fetch"].IsNull())
            s.appFetch = m_check.url(n["app_fetch"], p + QStringLiteral(".app_fetch")).value_or(QUrl());
        if (n["auth"].IsDefined())
            s.auth = m_check.boolean(n["auth"], p + QStringLiteral(".auth")).value_or(false);
        if (n["parent"].IsDefined() && !n["parent"].IsNull()) {
            if (const auto parent = m_check.string(n["parent"], p + QStringLiteral(".parent"))) {
                s.parent = *parent;
                parentNodes.insert(p, n["parent"]);
            }
        }
        scopes.append(s);
    }
    checkHierarchy(list, scopes, parentNodes);
}

void Reader::readServices(const YAML::Node &list, QList<ServiceConfig> &services) {
    const QString path = QStringLiteral("services");
    if (!m_check.isSequence(list, path))
        return;
    QHash<QString, int> firstLine;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const YAML::Node n = list[i];
        const QString p = yaml::indexPath(path, i);
        if (!m_check.checkMap(n, p, {"id", "readyz"}, {"auth"}))
            if (!n.IsMap())
                continue;
        ServiceConfig s;
        s.line = yaml::lineOf(n);
        if (n["id"].IsDefined()) {
            if (const auto id = m_check.string(n["id"], p + QStringLiteral(".id"))) {
                if (!idPattern().match(*id).hasMatch())
                    m_check.error(n["id"], p + QStringLiteral(".id"),
                                  QStringLiteral("'%1' is not a valid id").arg(*id));
                else if (firstLine.contains(*id))
                    m_check.error(n["id"], p + QStringLiteral(".id"),
                                  QStringLiteral("duplicate service id '%1' (first defined at line %2)")
                                      .arg(*id)
                                      .arg(firstLine.value(*id)));
                else
                    firstLine.insert(*id, yaml::lineOf(n["id"]));
                s.id = *id;
            }
        }
        if (n["readyz"].IsDefined())
            s.readyz = m_check.url(n["readyz"], p + QStringLiteral(".readyz")).value_or(QUrl());
        if (n["auth"].IsDefined())
            s.auth = m_check.boolean(n["auth"], p + QStringLiteral(".auth")).value_or(false);
        services.append(s);
    }
}

} // namespace config

namespace ConfigLoader {

Result<DeploymentConfig> parse(const QByteArray &yamlText, const QString &sourceName,
                               const QString &baseDir) {
    auto root = yaml::load(yamlText, sourceName);
    if (!root.ok())
        return root.error();
    try {
        return config::Reader(sourceName, baseDir).read(root.value());
    } catch (const YAML::Exception &e) {
        Diagnostic d{sourceName, e.mark.is_null() ? 0 : e.mark.line + 1, QString(),
                     QStringLiteral("YAML error: %1").arg(QString::fromStdString(e.msg))};
        return Error::fromDiagnostics(ErrorCode::InvalidInput, {d});
    }
}

Result<DeploymentConfig> loadFile(const QString &path) {
    auto bytes = FileUtil::readAll(path, 4 * 1024 * 1024); // "-": standard input
    if (!bytes.ok())
        return bytes.error();
    return parse(bytes.value(), FileUtil::inputName(path),
                 FileUtil::isStdin(path) ? QDir::currentPath() : QFileInfo(path).absolutePath());
}

Result<DeploymentConfig> builtinDemo() {
    auto cfg = loadFile(QString::fromLatin1(kBuiltinDemoPath));
    if (cfg.ok())
        cfg->builtinDemo = true;
    return cfg;
}

} // namespace ConfigLoader

} // namespace ops
