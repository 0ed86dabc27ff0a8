#include "Alertmanager.h"

#include "core/CanonicalJson.h"
#include "store/EvidenceStore.h"

#include <QDate>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace ops::Alertmanager {

namespace {

Error fieldError(const QString &field, const QString &message) {
    return makeError(ErrorCode::InvalidInput, message, field);
}

// A JSON object of string values, bounded; nullopt with the error set otherwise.
std::optional<QMap<QString, QString>> stringMap(const JsonValue *v, const QString &field, Error &error) {
    QMap<QString, QString> out;
    if (!v || v->isNull())
        return out;
    if (!v->isObject()) {
        error = fieldError(field, QStringLiteral("must be an object of strings"));
        return std::nullopt;
    }
    if (v->toObject().size() > static_cast<std::size_t>(kMaxLabels)) {
        error = fieldError(field, QStringLiteral("has more than %1 entries").arg(kMaxLabels));
        return std::nullopt;
    }
    for (const auto &[k, value] : v->toObject()) {
        const QString name = QString::fromStdString(k);
        if (!value.isString()) {
            error = fieldError(field + QLatin1Char('.') + name, QStringLiteral("must be a string"));
            return std::nullopt;
        }
        if (k.size() > static_cast<std::size_t>(kMaxValueBytes) ||
            value.toStdString().size() > static_cast<std::size_t>(kMaxValueBytes)) {
            error = fieldError(field + QLatin1Char('.') + name.left(64),
                               QStringLiteral("is longer than %1 bytes").arg(kMaxValueBytes));
            return std::nullopt;
        }
        out.insert(name, value.toQString());
    }
    return out;
}

std::optional<QString> boundedString(const JsonValue &object, std::string_view key, const QString &field,
                                     bool required, Error &error) {
    const JsonValue *v = object.find(key);
    if (!v || v->isNull()) {
        if (required)
            error = fieldError(field, QStringLiteral("is missing"));
        return required ? std::nullopt : std::optional<QString>(QString());
    }
    if (!v->isString()) {
        error = fieldError(field, QStringLiteral("must be a string"));
        return std::nullopt;
    }
    if (v->toStdString().size() > static_cast<std::size_t>(kMaxValueBytes)) {
        error = fieldError(field, QStringLiteral("is longer than %1 bytes").arg(kMaxValueBytes));
        return std::nullopt;
    }
    return v->toQString();
}

QString describe(const QMap<QString, QString> &labels) {
    const QString name = labels.value(QStringLiteral("alertname"));
    return name.isEmpty() ? QStringLiteral("(no alertname)") : QStringLiteral("alertname=%1").arg(name);
}

} // namespace

QString fingerprintOf(const QMap<QString, QString> &labels) {
    // Sorted by the names' UTF-8 bytes, as Prometheus sorts them.
    std::vector<std::pair<QByteArray, QByteArray>> sorted;
    sorted.reserve(static_cast<std::size_t>(labels.size()));
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        sorted.emplace_back(it.key().toUtf8(), it.value().toUtf8());
    std::sort(sorted.begin(), sorted.end());
    quint64 h = 14695981039346656037ULL;
    const auto add = [&h](const QByteArray &bytes) {
        for (const char c : bytes) {
            h ^= static_cast<quint8>(c);
            h *= 1099511628211ULL;
        }
        h ^= 0xffU;
        h *= 1099511628211ULL;
    };
    for (const auto &[name, value] : sorted) {
        add(name);
        add(value);
    }
    return QStringLiteral("%1").arg(h, 16, 16, QLatin1Char('0'));
}

std::optional<Instant> rfc3339Time(const QString &text) {
    static const QRegularExpression re(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})"
                                                      "(?:\\.(\\d{1,9}))?(?:(Z)|([+-])(\\d{2}):(\\d{2}))$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const auto n = [&m](int i) { return m.capturedView(i).toInt(); };
    const QDate date(n(1), n(2), n(3));
    if (!date.isValid() || n(4) > 23 || n(5) > 59 || n(6) > 59 || n(10) > 23 || n(11) > 59)
        return std::nullopt;
    qint64 secs =
        (date.toJulianDay() - QDate(1970, 1, 1).toJulianDay()) * 86400 + n(4) * 3600 + n(5) * 60 + n(6);
    if (m.capturedLength(8) == 0) {
        const qint64 offset = n(10) * 3600 + n(11) * 60;
        secs -= m.capturedView(9) == QLatin1String("+") ? offset : -offset;
    }
    const QString fraction = m.captured(7).leftJustified(9, QLatin1Char('0'));
    return Instant{secs, fraction.toInt()};
}

Result<Payload> parse(const QByteArray &body, const AlertmanagerSettings &settings,
                      const DeploymentConfig &config) {
    auto parsed =
        CanonicalJson::parse(std::string_view(body.constData(), static_cast<size_t>(body.size())), 8);
    if (!parsed.ok())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the body is not JSON: %1").arg(parsed.error().message),
                         QStringLiteral("body"));
    const JsonValue &root = parsed.value();
    if (!root.isObject())
        return fieldError(QStringLiteral("body"), QStringLiteral("must be a JSON object"));
    Error error;
    const auto version = boundedString(root, "version", QStringLiteral("version"), true, error);
    if (!version)
        return error;
    if (*version != QLatin1String("4"))
        return fieldError(
            QStringLiteral("version"),
            QStringLiteral("webhook payload version '%1' is not supported (4 is)").arg(*version));
    Payload out;
    const auto receiver = boundedString(root, "receiver", QStringLiteral("receiver"), false, error);
    const auto groupKey = boundedString(root, "groupKey", QStringLiteral("groupKey"), false, error);
    if (!receiver || !groupKey)
        return error;
    out.receiver = *receiver;
    out.groupKey = *groupKey;
    if (const JsonValue *t = root.find("truncatedAlerts"); t && !t->isNull()) {
        if (!t->isInt() || t->toInt() < 0)
            return fieldError(QStringLiteral("truncatedAlerts"), QStringLiteral("must be a count"));
        out.truncatedAlerts = t->toInt();
    }
    const JsonValue *alerts = root.find("alerts");
    if (!alerts || !alerts->isArray())
        return fieldError(QStringLiteral("alerts"), QStringLiteral("must be an array"));
    if (alerts->toArray().size() > static_cast<std::size_t>(kMaxAlerts))
        return fieldError(QStringLiteral("alerts"),
                          QStringLiteral("more than %1 alerts in one payload").arg(kMaxAlerts));
    static const QRegularExpression fingerprint(QStringLiteral("^[0-9a-f]{16}\\z"));
    int i = 0;
    for (const JsonValue &a : alerts->toArray()) {
        const QString at = QStringLiteral("alerts[%1]").arg(i++);
        if (!a.isObject())
            return fieldError(at, QStringLiteral("must be an object"));
        Notice n;
        const auto status = boundedString(a, "status", at + QStringLiteral(".status"), true, error);
        if (!status)
            return error;
        if (*status != QLatin1String("firing") && *status != QLatin1String("resolved"))
            return fieldError(at + QStringLiteral(".status"),
                              QStringLiteral("must be firing or resolved, got '%1'").arg(status->left(64)));
        n.firing = *status == QLatin1String("firing");
        const auto labels = stringMap(a.find("labels"), at + QStringLiteral(".labels"), error);
        const auto annotations = stringMap(a.find("annotations"), at + QStringLiteral(".annotations"), error);
        if (!labels || !annotations)
            return error;
        n.labels = *labels;
        const auto fp = boundedString(a, "fingerprint", at + QStringLiteral(".fingerprint"), true, error);
        if (!fp)
            return error;
        if (!fingerprint.match(*fp).hasMatch())
            return fieldError(at + QStringLiteral(".fingerprint"),
                              QStringLiteral("must be 16 lower-case hex digits"));
        // Bound to its labels: a fingerprint cannot be aimed at an alert it is not.
        if (const QString own = fingerprintOf(n.labels); *fp != own)
            return fieldError(
                at + QStringLiteral(".fingerprint"),
                QStringLiteral("'%1' is not the fingerprint of the alert's labels (%2)").arg(*fp, own));
        n.fingerprint = *fp;
        for (const auto &[key, field] :
             {std::pair{"startsAt", &n.startsAt}, std::pair{"endsAt", &n.endsAt}}) {
            const auto v = boundedString(a, key, at + QLatin1Char('.') + QLatin1String(key), true, error);
            if (!v)
                return error;
            if (!rfc3339Time(*v))
                return fieldError(at + QLatin1Char('.') + QLatin1String(key),
                                  QStringLiteral("'%1' is not an RFC 3339 time").arg(v->left(64)));
            *field = *v;
        }
        const auto url = boundedString(a, "generatorURL", at + QStringLiteral(".generatorURL"), false, error);
        if (!url)
            return error;
        n.generatorUrl = *url;

        int r = 0;
        const AlertmanagerRoute *route = nullptr;
        for (const AlertmanagerRoute &candidate : settings.routes) {
            bool all = true;
            for (const auto &[name, value] : candidate.match)
                all = all && n.labels.contains(name) && n.labels.value(name) == value;
            if (all) {
                route = &candidate;
                break;
            }
            ++r;
        }
        if (!route) {
            out.unrouted << QStringLiteral("%1 (%2): no route matches").arg(at, describe(n.labels));
            continue;
        }
        n.route = r;
        n.alert = route->alert;
        n.signal = route->signal;
        n.scope = n.labels.value(route->scopeLabel);
        if (n.scope.isEmpty()) {
            out.unrouted << QStringLiteral("%1 (%2): no '%3' label to name the scope")
                                .arg(at, describe(n.labels), route->scopeLabel);
            continue;
        }
        if (!config.scope(n.scope)) {
            out.unrouted << QStringLiteral("%1 (%2): '%3' is not a scope of %4")
                                .arg(at, describe(n.labels), n.scope.left(64), config.source);
            continue;
        }
        if (!n.signal.isEmpty())
            n.value = annotations->value(route->valueAnnotation, n.labels.value(route->valueAnnotation));
        out.routed.append(n);
    }
    return out;
}

Result<bool> checkRoutes(const DeploymentConfig &config, const QList<AlertRule> &rules) {
    QList<Diagnostic> diags;
    const AlertmanagerSettings &s = config.alertmanager;
    for (int i = 0; i < s.routes.size(); ++i) {
        const AlertmanagerRoute &route = s.routes.at(i);
        const QString key = QStringLiteral("alertmanager.routes[%1]").arg(i);
        if (!route.alert.isEmpty()) {
            const bool known = std::any_of(rules.begin(), rules.end(), [&](const AlertRule &r) {
                return r.enabled && r.id == route.alert;
            });
            if (!known) {
                QStringList ids;
                for (const AlertRule &r : rules)
                    if (r.enabled)
                        ids << r.id;
                diags.append({config.source, route.line, key + QStringLiteral(".alert"),
                              QStringLiteral("'%1' is not an enabled alert of the rules (%2)")
                                  .arg(route.alert, ids.join(QStringLiteral(", ")))});
            }
        } else {
            const bool heard = std::any_of(rules.begin(), rules.end(), [&](const AlertRule &r) {
                return r.enabled && r.source == AlertRule::Source::Signal && r.signal == route.signal;
            });
            if (!heard)
                diags.append(
                    {config.source, route.line, key + QStringLiteral(".signal"),
                     QStringLiteral("no enabled alert rule listens to the %1 signal").arg(route.signal)});
        }
    }
    if (!diags.isEmpty())
        return Error::fromDiagnostics(ErrorCode::InvalidInput, diags);
    return true;
}

Result<Secret> readToken(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Policy,
                         QStringLiteral("cannot read the token file: %1").arg(f.errorString()), path);
    // Judged by the file that was opened (not by the path, which may change between): a regular
    // file of this user that no one else may read or write.
    struct stat st {};
    if (::fstat(f.handle(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid())
        return makeError(ErrorCode::Policy,
                         QStringLiteral("the token file must be a regular file of this user"), path);
    if ((st.st_mode & 077) != 0)
        return makeError(
            ErrorCode::Policy,
            QStringLiteral("the token file is open to other users; make it owner-only (chmod 600)"), path);
    QByteArray bytes = f.read(4097);
    Secret token(bytes.trimmed());
    secureZero(bytes.data(), static_cast<std::size_t>(bytes.size()));
    if (bytes.size() > 4096)
        return makeError(ErrorCode::Policy, QStringLiteral("the token file is longer than 4096 bytes"), path);
    if (!token.isSet() || token.reveal().contains('\n') || token.reveal().contains(' '))
        return makeError(ErrorCode::Policy, QStringLiteral("the token file must hold one token on one line"),
                         path);
    if (token.reveal().size() < kMinTokenBytes)
        return makeError(ErrorCode::Policy,
                         QStringLiteral("the token is shorter than %1 characters: a guessable bearer token")
                             .arg(kMinTokenBytes),
                         path);
    return token;
}

NewEvent event(const Notice &notice, const QString &receiver) {
    NewEvent e;
    e.kind = notice.firing ? QStringLiteral("alertmanager.firing") : QStringLiteral("alertmanager.resolved");
    e.scope = notice.scope;
    JsonValue &p = e.payload;
    p["fingerprint"] = notice.fingerprint;
    JsonValue labels = JsonValue::object();
    for (auto it = notice.labels.cbegin(); it != notice.labels.cend(); ++it)
        labels[it.key().toStdString()] = it.value();
    p["labels"] = std::move(labels);
    p["startsAt"] = notice.startsAt;
    p["endsAt"] = notice.endsAt;
    p["generatorURL"] = notice.generatorUrl;
    p["receiver"] = receiver;
    p["route"] = notice.route;
    if (!notice.alert.isEmpty())
        p["alert"] = notice.alert;
    if (!notice.signal.isEmpty()) {
        p["signal"] = notice.signal;
        p["value"] = notice.value;
    }
    return e;
}

void Fold::apply(const StoredEvent &event) {
    if (event.seq <= m_lastSeq)
        return;
    m_lastSeq = event.seq;
    const bool firing = event.kind == QLatin1String("alertmanager.firing");
    if (!firing && event.kind != QLatin1String("alertmanager.resolved"))
        return;
    const JsonValue p = event.payload();
    const QString fp = p.stringAt("fingerprint");
    if (fp.isEmpty())
        return;
    const auto starts = rfc3339Time(p.stringAt("startsAt"));
    QMap<QString, QString> labelMap;
    if (const JsonValue *labels = p.find("labels"); labels && labels->isObject())
        for (const auto &[name, value] : labels->toObject())
            labelMap.insert(QString::fromStdString(name), value.toQString());
    if (!starts || fingerprintOf(labelMap) != fp)
        return;
    if (const auto known = m_byFingerprint.constFind(fp);
        known != m_byFingerprint.cend() && *starts < known->starts)
        return; // an earlier episode's word, recorded late
    const QString alert = p.stringAt("alert");
    const QString cell = alert.isEmpty() ? QString() : alert + QLatin1Char('|') + event.scope;
    Known &k = m_byFingerprint[fp];
    if (k.firing && !k.cell.isEmpty())
        --m_cells[k.cell].firing;
    QString alertname;
    if (const JsonValue *labels = p.find("labels"))
        alertname = labels->stringAt("alertname");
    if (alertname.isEmpty())
        alertname = fp;
    k = Known{firing, p.stringAt("startsAt"), *starts, cell};
    if (!cell.isEmpty()) {
        ExternalObservation &o = m_cells[cell];
        if (firing) {
            ++o.firing;
            o.detail = Phrase("ops::Alertmanager",
                              QT_TRANSLATE_NOOP("ops::Alertmanager", "Alertmanager: %1 firing since %2"),
                              {alertname, k.startsAt});
        } else if (o.firing == 0) {
            o.detail = Phrase("ops::Alertmanager",
                              QT_TRANSLATE_NOOP("ops::Alertmanager", "Alertmanager: %1 resolved at %2"),
                              {alertname, p.stringAt("endsAt")});
        }
    }
    const QString signal = p.stringAt("signal");
    if (firing && !signal.isEmpty()) {
        m_signals.append(SignalSample{signal, event.scope, event.tsMs, p.stringAt("value")});
        if (m_signals.size() > 4000)
            m_signals.remove(0, m_signals.size() - 4000);
    }
}

bool Fold::isNew(const Notice &notice) const {
    const auto it = m_byFingerprint.constFind(notice.fingerprint);
    if (it == m_byFingerprint.cend())
        return true;
    const auto starts = rfc3339Time(notice.startsAt);
    if (!starts || *starts < it->starts)
        return false;
    if (*starts > it->starts)
        return true;
    return notice.firing != it->firing;
}

Result<void> sync(Fold &fold, const EvidenceStore &store) {
    EventFilter f;
    f.kindPrefix = QStringLiteral("alertmanager.");
    for (;;) {
        f.fromSeq = fold.lastSeq() + 1;
        f.limit = 10000;
        auto events = queryTrusted(store, f);
        if (!events.ok())
            return events.error();
        for (const StoredEvent &e : events.value())
            fold.apply(e);
        if (events->size() < f.limit)
            return {};
    }
}

Result<Recorded> record(Fold &fold, EvidenceStore &store, const Signer &signer, const Payload &payload) {
    Recorded out;
    if (auto synced = sync(fold, store); !synced.ok())
        return synced.error();
    QList<NewEvent> events;
    QSet<QString> inThisPayload;
    for (const Notice &n : payload.routed) {
        // One fingerprint once per payload; its repeats say nothing new.
        if (inThisPayload.contains(n.fingerprint) || !fold.isNew(n)) {
            ++out.repeated;
            continue;
        }
        inThisPayload.insert(n.fingerprint);
        events.append(event(n, payload.receiver));
    }
    if (events.isEmpty())
        return out;
    auto stored = store.append(signer, events);
    if (!stored.ok())
        return stored.error();
    for (const StoredEvent &e : stored.value())
        fold.apply(e);
    out.recorded = static_cast<int>(stored->size());
    out.firstSeq = stored->constFirst().seq;
    return out;
}

} // namespace ops::Alertmanager
