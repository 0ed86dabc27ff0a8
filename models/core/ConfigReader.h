#pragma once

// The reader of a deployment config (DeploymentConfig.h): shared by the source files that read its
// sections; not an interface of its own.

#include "DeploymentConfig.h"
#include "YamlSupport.h"

#include <QHash>
#include <QRegularExpression>

#include <limits>
#include <optional>

namespace ops::config {

inline constexpr qint64 kIntMax = std::numeric_limits<int>::max();
inline const QRegularExpression &idPattern() {
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9_.-]{0,63}\\z"));
    return re;
}

// A positive integer at map[key] (at most max), reported at path.key when it is not one.
inline std::optional<int> positiveAt(yaml::Checker &check, const YAML::Node &map, const char *key,
                                     const QString &path, qint64 max = kIntMax) {
    const YAML::Node n = map[key];
    if (!n.IsDefined())
        return std::nullopt;
    const auto v = check.integer(n, yaml::joinPath(path, key), 1, max);
    return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}

// A path of the file, relative to its directory unless absolute.
QString resolvePath(const QString &baseDir, const QString &path);

// The sections of the operator integrations (ConfigSections.cpp): Alertmanager in, webhook
// notifications out, maintenance windows; read with the file's checker, which gathers every
// problem with its line.
class IntegrationSections {
public:
    IntegrationSections(yaml::Checker &check, QString baseDir)
        : m_check(check)
        , m_baseDir(std::move(baseDir)) {}

    void readAlertmanager(const YAML::Node &n, AlertmanagerSettings &a);
    void readNotifications(const YAML::Node &n, NotificationSettings &out);
    void readMaintenance(const YAML::Node &list, DeploymentConfig &cfg);

private:
    QString resolve(const QString &path) const { return resolvePath(m_baseDir, path); }
    std::optional<int> positive(const YAML::Node &map, const char *key, const QString &path,
                                qint64 max = kIntMax) {
        return positiveAt(m_check, map, key, path, max);
    }

    yaml::Checker &m_check;
    const QString m_baseDir;
};

class Reader {
public:
    Reader(QString file, QString baseDir)
        : m_check(std::move(file))
        , m_baseDir(std::move(baseDir)) {}

    Result<DeploymentConfig> read(const YAML::Node &root);

private:
    Result<DeploymentConfig> finish(DeploymentConfig &cfg);
    QString resolve(const QString &path) const { return resolvePath(m_baseDir, path); }
    void readTrust(const YAML::Node &n, TrustSettings &t);
    void readObjectives(const YAML::Node &n, Objectives &o);
    void readProbes(const YAML::Node &n, ProbeSettings &p);
    void readScopes(const YAML::Node &list, QList<ScopeConfig> &scopes);
    void readServices(const YAML::Node &list, QList<ServiceConfig> &services);

    std::optional<int> positive(const YAML::Node &map, const char *key, const QString &path,
                                qint64 max = kIntMax) {
        return positiveAt(m_check, map, key, path, max);
    }

    void checkHierarchy(const YAML::Node &list, const QList<ScopeConfig> &scopes,
                        const QHash<QString, YAML::Node> &parentNodes) {
        QHash<QString, const ScopeConfig *> byId;
        for (const ScopeConfig &s : scopes)
            if (!s.id.isEmpty() && !byId.contains(s.id))
                byId.insert(s.id, &s);
        for (std::size_t i = 0; i < static_cast<std::size_t>(scopes.size()); ++i) {
            const ScopeConfig &s = scopes.at(static_cast<qsizetype>(i));
            if (s.parent.isEmpty())
                continue;
            const QString p = yaml::indexPath(QStringLiteral("scopes"), i);
            const YAML::Node at = parentNodes.value(p, list);
            const QString key = p + QStringLiteral(".parent");
            if (s.kind == ScopeKind::Baseline) {
                m_check.error(at, key, QStringLiteral("a baseline scope cannot have a parent"));
                continue;
            }
            const ScopeConfig *parent = byId.value(s.parent);
            if (!parent) {
                m_check.error(at, key,
                              QStringLiteral("'%1' does not name a scope in this file").arg(s.parent));
                continue;
            }
            if (static_cast<int>(parent->kind) > static_cast<int>(s.kind)) {
                m_check.error(at, key,
                              QStringLiteral("a %1 cannot sit under the %2 '%3'")
                                  .arg(scopeKindName(s.kind), scopeKindName(parent->kind), parent->id));
                continue;
            }
            // Walk up; coming back to s means a cycle.
            QStringList chain{s.id};
            const ScopeConfig *cur = parent;
            while (cur) {
                chain << cur->id;
                if (cur->id == s.id) {
                    m_check.error(at, key,
                                  QStringLiteral("parent cycle: %1").arg(chain.join(QStringLiteral(" → "))));
                    break;
                }
                if (chain.size() > scopes.size() + 1)
                    break; // a cycle not through s; reported from its own members
                cur = cur->parent.isEmpty() ? nullptr : byId.value(cur->parent);
            }
        }
    }

    yaml::Checker m_check;
    QString m_baseDir;
};

} // namespace ops::config
