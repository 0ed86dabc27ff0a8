#include "MonitorCommand.h"

#include "alerts/Silences.h"

#include "StoreAccess.h"

#include "alerts/AlertRules.h"
#include "core/CanonicalJson.h"
#include "core/EnvironmentPolicy.h"
#include "core/Startup.h"
#include "core/Time.h"
#include "crypto/Sha256.h"
#include "incidents/RollbackClockWatcher.h"
#include "monitor/AlertMonitor.h"
#include "monitor/Alertmanager.h"
#include "monitor/DesktopNotifier.h"
#include "monitor/HttpRequest.h"
#include "monitor/Metrics.h"
#include "monitor/TeamRecorder.h"
#include "runbooks/Runbook.h"
#include "store/Outbox.h"
#include "store/PgEvidenceStore.h"
#include "store/Session.h"
#include "store/TeamLogCopy.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QPointer>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <csignal>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcMonitor, "opsconsole.monitor")

namespace ops::cli {

namespace {

// SIGTERM and SIGINT end the loop through a socket pair: the handler only writes a byte.
int g_signalFd[2] = {-1, -1};

void onSignal(int) {
    const char b = 1;
    (void)::write(g_signalFd[0], &b, 1);
}

QByteArray response(int status, const char *reason, const QByteArray &type, const QByteArray &body) {
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " + type +
           "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

QByteArray jsonBody(const JsonValue &v) {
    return QByteArray::fromStdString(CanonicalJson::serialize(v)) + '\n';
}

QByteArray jsonError(const QString &message, const QString &field = {}) {
    JsonValue o = JsonValue::object();
    o["error"] = message;
    if (!field.isEmpty())
        o["field"] = field;
    return jsonBody(o);
}

// What POST /alertmanager needs: the token it demands, the body bound, and the handler.
struct Receiver {
    bool enabled = false;
    Secret token;
    qint64 maxBody = 0;
    qint64 *refused = nullptr; // counts the requests refused before the handler
    // Answers a complete body: status code, reason, JSON body.
    std::function<std::tuple<int, const char *, QByteArray>(const QByteArray &body)> handle;
};

// One request a connection: its head bounded (HttpRequest), GET or HEAD of /metrics and
// /healthz, POST /alertmanager with a bearer token and a bounded body. A client that stalls is
// dropped after kIdleMs.
constexpr int kIdleMs = 15000;
// At most this many connections at once: more are closed at once, so idle connections cannot use
// up the process's file descriptors (which probes and the store need); the server accepts again
// after a failed accept.
constexpr int kMaxConnections = 64;
// How long a console window recording the store has to hand over (it does between rounds).
constexpr int kHandoverWaitMs = 60000;

void serve(QTcpSocket *socket, const std::function<QByteArray()> &metrics, const Receiver &receiver) {
    auto buffer = std::make_shared<QByteArray>();
    auto idle = new QTimer(socket);
    idle->setSingleShot(true);
    idle->start(kIdleMs);
    QObject::connect(idle, &QTimer::timeout, socket, [socket] { socket->abort(); });
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, buffer, metrics, &receiver, idle] {
        const auto answer = [&](int status, const char *reason, const QByteArray &type,
                                const QByteArray &body, const QByteArray &extra = {}) {
            QByteArray out = response(status, reason, type, body);
            if (!extra.isEmpty())
                out.insert(out.indexOf("\r\n") + 2, extra);
            socket->write(out);
            socket->disconnectFromHost();
            idle->stop();
            QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
        };
        HttpRequest::Head head = HttpRequest::parse(*buffer);
        if (head.status == HttpRequest::Status::Incomplete) {
            *buffer += socket->read(HttpRequest::kMaxHeadBytes + 4 - buffer->size());
            head = HttpRequest::parse(*buffer);
            if (head.status == HttpRequest::Status::Incomplete)
                return;
        }
        const HttpRequest::Route r = HttpRequest::route(head, receiver.enabled);
        const QByteArray json = "application/json";
        if (head.status == HttpRequest::Status::Complete &&
            !HttpRequest::hostIsThisListener(head, socket->localPort()))
            return answer(421, "Misdirected Request", "text/plain; charset=utf-8",
                          QByteArray("the Host header must name this listener (127.0.0.1:") +
                              QByteArray::number(socket->localPort()) + ")\n");
        if (r.resource == "/alertmanager") {
            if (!HttpRequest::hasBearer(head, receiver.token.reveal())) {
                ++*receiver.refused;
                return answer(401, "Unauthorized", json,
                              jsonError(QStringLiteral("a bearer token is required")),
                              "WWW-Authenticate: Bearer realm=\"opsconsole\"\r\n");
            }
            const qint64 length = head.contentLength().value_or(0);
            if (length > receiver.maxBody) {
                ++*receiver.refused;
                return answer(
                    413, "Content Too Large", json,
                    jsonError(QStringLiteral("the body is larger than %1 bytes (alertmanager.max_body_bytes)")
                                  .arg(receiver.maxBody)));
            }
            if (buffer->size() < head.bodyOffset + length)
                *buffer += socket->read(head.bodyOffset + length - buffer->size());
            if (buffer->size() < head.bodyOffset + length)
                return; // more of the body to come
            const auto [status, reason, body] = receiver.handle(buffer->mid(head.bodyOffset, length));
            return answer(status, reason, json, body);
        }
        QByteArray body = r.resource == "/metrics"   ? metrics()
                          : r.resource == "/healthz" ? QByteArray("ok\n")
                          : r.status == 404          ? QByteArray("not found: GET /metrics\n")
                                                     : QByteArray(r.reason) + '\n';
        const QByteArray type = r.resource == "/metrics" ? "text/plain; version=0.0.4; charset=utf-8"
                                                         : "text/plain; charset=utf-8";
        QByteArray out = response(r.status, r.reason, type, body);
        if (head.method == "HEAD")
            out.truncate(out.indexOf("\r\n\r\n") + 4);
        socket->write(out);
        socket->disconnectFromHost();
        idle->stop();
        QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    });
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
}

} // namespace

int MonitorCommand::run(const QStringList &arguments, CliIo &io) {
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QStringLiteral("Serve GET /metrics (Prometheus text format) on this loopback address and port; "
                       "the address is 127.0.0.1 when only a port is given (port 0: any free port, "
                       "printed at start)."),
        QStringLiteral("[ADDR:]PORT"));
    const QCommandLineOption rounds(QStringLiteral("rounds"),
                                    QStringLiteral("Stop after N probe rounds (default: run until stopped)."),
                                    QStringLiteral("N"));
    QCommandLineParser parser;
    if (!parse(parser, arguments, io, {listen, rounds}))
        return static_cast<int>(ErrorCode::Usage);
    if (parser.isSet(QStringLiteral("help")))
        return printUsage(io);
    if (parser.positionalArguments().size() != 1) // the verb itself
        return usageError(io, QStringLiteral("monitor takes no arguments"));
    const bool json = parser.isSet(m_json);
    int maxRounds = 0;
    if (parser.isSet(rounds)) {
        bool ok = false;
        maxRounds = parser.value(rounds).toInt(&ok);
        if (!ok || maxRounds < 1)
            return usageError(io, QStringLiteral("--rounds must be a positive number"));
    }
    QHostAddress address;
    quint16 port = 0;
    if (parser.isSet(listen)) {
        QString v = parser.value(listen);
        if (!v.contains(QLatin1Char(':'))) // a port alone: 127.0.0.1 by default
            v.prepend(QStringLiteral("127.0.0.1:"));
        const qsizetype colon = v.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const uint p = colon > 0 ? v.mid(colon + 1).toUInt(&ok) : 0;
        QString host = colon > 0 ? v.left(colon) : QString();
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        if (!ok || p > 65535 || !address.setAddress(host))
            return usageError(io,
                              QStringLiteral("--listen must be [ADDRESS:]PORT, e.g. 9464 or 127.0.0.1:9464"));
        // The metrics carry no secret but name every target and incident: loopback only; a
        // reverse proxy or an SSH tunnel exposes them further.
        if (!address.isLoopback())
            return usageError(
                io,
                QStringLiteral("--listen must be a loopback address (127.0.0.1 or ::1), got %1").arg(host));
        port = static_cast<quint16>(p);
    }
    auto ctx = startup(parser, io);
    if (!ctx.ok())
        return fail(io, ctx.error(), json);
    auto rules = AlertRules::forConfig(ctx->config);
    if (!rules.ok())
        return fail(io, rules.error(), json);
    if (auto windows = Silences::checkWindows(ctx->config, rules.value()); !windows.ok())
        return fail(io, windows.error(), json);
    Receiver receiver;
    if (ctx->config.alertmanager.configured()) {
        if (auto checked = Alertmanager::checkRoutes(ctx->config, rules.value()); !checked.ok())
            return fail(io, checked.error(), json);
        auto token = Alertmanager::readToken(ctx->config.alertmanager.tokenFile);
        if (!token.ok())
            return fail(io, token.error(), json);
        if (!parser.isSet(listen))
            return usageError(io, QStringLiteral("the config routes Alertmanager's webhook: give --listen "
                                                 "[ADDR:]PORT for POST /alertmanager"));
        receiver.enabled = true;
        receiver.token = std::move(token).value();
        receiver.maxBody = ctx->config.alertmanager.maxBodyBytes;
    }

    const bool onTeamLog = StoreAccess::isTeamLog(ctx.value());
    const RunbookLibrary library = RunbookLibrary::forDirectory(ctx->config.runbooksDir);
    const Secret &token = ctx->secrets.operatorToken;
    std::optional<StoreAccess::Unlocked> teamLog; // before the recorder that uses its store: outlives it
    // The desktop is told too when the user's session has a notification server (a systemd user
    // unit runs on the session bus): what fires or escalates at SEV-1 and SEV-2, held during a
    // silence like the webhooks' notices, without the window's actions.
    DesktopNotifier desktop;
    desktop.setOffersActions(false);
    // A window open on the store follows this monitor and tells the desktop itself, with its
    // actions: one notification a firing, not two.
    desktop.setToldElsewhere([store = ctx->storePath] { return Startup::windowOpenFor(store); });
    // What it told the desktop, kept across restarts (one file a store, in the user's state).
    desktop.setLedger(Startup::stateDirectory() + QStringLiteral("/desktop-notices-") +
                      crypto::sha256Hex(ctx->storePath.toUtf8()).left(16) + QStringLiteral(".json"));
    std::unique_ptr<AlertMonitor> monitor;
    std::unique_ptr<TeamRecorder> team;
    Session session;
    QString actor;
    if (onTeamLog) {
        // The team log's one recorder: the live log only (never this console's offline copy), the
        // log witnessed before each act, the advisory lock held for the whole run.
        auto unlocked = StoreAccess::openUnlocked(ctx.value(), io);
        if (!unlocked.ok())
            return fail(io, unlocked.error(), json);
        auto *pg = dynamic_cast<PgEvidenceStore *>(unlocked->store.get());
        if (!pg)
            return fail(
                io,
                makeError(ErrorCode::Store,
                          QStringLiteral("the team log's server cannot be reached; the monitor records "
                                         "on the live log only (started again once it is back)"),
                          StoreAccess::where(ctx.value())),
                json);
        teamLog = std::move(unlocked).value();
        actor = teamLog->signer.name;
        team = std::make_unique<TeamRecorder>(ctx->config, rules.value(), pg,
                                              Signer{actor, teamLog->signer.key.duplicate()}, token, library,
                                              Startup::stateDirectory());
        if (const QString busy = team->hold(); !busy.isEmpty())
            return fail(io, makeError(ErrorCode::Policy, busy, StoreAccess::where(ctx.value())), json);
        if (!team->notificationProblem().isEmpty())
            return fail(io, makeError(ErrorCode::Policy, team->notificationProblem()), json);
    } else {
        // One recorder per store: a second monitor finds the lock held and is refused; a console
        // window that records is asked to hand over and does so between its rounds.
        auto lock = std::make_unique<RecorderLock>(ctx->storePath);
        if (!RecorderLock::holder(ctx->storePath).isEmpty() &&
            QFileInfo::exists(RecorderLock::yieldsPath(ctx->storePath))) {
            io.err << "monitor: waiting for " << RecorderLock::holder(ctx->storePath)
                   << " to hand the recording over\n";
            io.err.flush();
        }
        if (const QString busy = lock->takeOver(kHandoverWaitMs); !busy.isEmpty())
            return fail(
                io,
                makeError(ErrorCode::Policy,
                          QStringLiteral("the store is already monitored (%1): one recorder per store, so no "
                                         "transition is recorded twice")
                              .arg(busy),
                          ctx->storePath),
                json);

        auto unlocked = StoreAccess::openUnlocked(ctx.value(), io);
        if (!unlocked.ok())
            return fail(io, unlocked.error(), json);
        actor = unlocked->signer.name;
        monitor = std::make_unique<AlertMonitor>(ctx->config, rules.value(), ctx->storePath, token);
        session.unlockWith(Signer{unlocked->signer.name, unlocked->signer.key.duplicate()});
        monitor->setSession(&session);
        monitor->adoptRecorderLock(std::move(lock));
        if (!monitor->openStore())
            return fail(io, makeError(ErrorCode::Store, monitor->recordingProblem(), ctx->storePath), json);
        if (!monitor->notificationProblem().isEmpty())
            return fail(io, makeError(ErrorCode::Policy, monitor->notificationProblem()), json);
    }
    if (monitor)
        monitor->setDesktop(&desktop);
    else
        team->setDesktop(&desktop);
    QObject::connect(&desktop, &DesktopNotifier::failed, &desktop,
                     [](const QString &title, const QString &, const QString &, const QString &error) {
                         qCWarning(lcMonitor).noquote()
                             << "desktop notification" << title << "failed:" << error;
                     });
    WebhookNotifier *notifier = monitor ? monitor->notifier() : team->notifier();
    QHash<QString, qint64> notifications; // outcome → attempts since start
    if (notifier)
        QObject::connect(
            notifier, &WebhookNotifier::attempted, notifier, [&notifications](const DeliveryAttempt &a) {
                notifications[a.outcome] += 1;
                if (a.outcome != QLatin1String("delivered"))
                    qCWarning(lcMonitor).noquote() << "notification" << a.notice.trigger << a.notice.alertId
                                                   << a.notice.scope << "to webhook" << a.webhook << a.target
                                                   << a.outcome << "(attempt" << a.attempt << ")" << a.error;
            });

    Metrics::Input::Webhook webhook;
    receiver.refused = &webhook.refused;
    SilenceBook scrapedSilences(ctx->config.maintenance);
    // What a scrape reads from the log is read again only when the log changed (its size), the
    // witnesses when the latest checkpoint did, the outbox when its files did: a scrape loop costs
    // a size query and an incremental silence read, not a fold of the whole log on this thread.
    struct ScrapeCache {
        std::optional<quint64> size;
        std::optional<qint64> checkpointMs;
        std::optional<IncidentBook> book;
        std::optional<std::pair<quint64, qint64>> witnessesAt; // checkpoint size, round
        std::optional<int> witnesses;
        QString outboxStamp;
        std::optional<qint64> unsynced;
    } cache;
    const auto fileStamp = [](const QString &path) {
        QString stamp;
        for (const QString &f : {path, QString(path + QStringLiteral("-wal"))}) {
            const QFileInfo info(f);
            stamp += QStringLiteral("%1:%2:%3;")
                         .arg(info.exists())
                         .arg(info.size())
                         .arg(info.exists() ? info.lastModified().toMSecsSinceEpoch() : 0);
        }
        return stamp;
    };
    const auto metrics = [&]() -> QByteArray {
        Metrics::Input in;
        in.nowMs = Time::nowMs();
        in.probes = monitor ? monitor->latest().values() : team->latest();
        in.cells = monitor ? monitor->evaluator()->cells() : team->cells();
        in.lastRoundMs = monitor ? monitor->lastRoundMs() : team->lastRoundMs();
        in.recordingUp = (monitor ? monitor->recordingProblem() : team->recordingProblem()).isEmpty() ? 1 : 0;
        if (receiver.enabled)
            in.alertmanager = webhook;
        if (notifier)
            in.notifications = notifications;
        const EvidenceStore *store = monitor ? static_cast<const EvidenceStore *>(monitor->store())
                                             : static_cast<const EvidenceStore *>(team->store());
        if (team && !team->store()->isConnected())
            store = nullptr; // the log's own figures are unknown while its server is away
        if (store) {
            if (auto n = store->size(); n.ok()) {
                in.logSize = n.value();
                if (cache.size != n.value()) {
                    cache = ScrapeCache{n.value(),       std::nullopt,      std::nullopt,  cache.witnessesAt,
                                        cache.witnesses, cache.outboxStamp, cache.unsynced};
                    if (auto cp = store->latestCheckpoint(); cp.ok())
                        cache.checkpointMs = cp->tsMs;
                    if (auto book = IncidentBook::load(*store); book.ok())
                        cache.book = std::move(book).value();
                    if (!cache.checkpointMs || !cache.book)
                        cache.size.reset(); // read again at the next scrape
                }
                in.checkpointMs = cache.checkpointMs;
                in.book = cache.book;
            }
            // Read now, not at the last round: a silence added a moment ago is counted (only the
            // silence events since the last scrape are read).
            if (scrapedSilences.sync(*store).ok())
                in.silences = scrapedSilences.active(in.nowMs);
        }
        if (team) {
            // The team log's sync state: its server, the latest checkpoint's witnesses, and the acts
            // this machine's outbox holds for it.
            Metrics::Input::Team t;
            PgEvidenceStore *log = team->store();
            t.up = log->isConnected();
            t.quorum = ctx->config.trust.witnessQuorum;
            if (t.up)
                if (auto cp = log->latestCheckpoint(); cp.ok()) {
                    // Cosignatures arrive after their checkpoint: counted again for a new
                    // checkpoint and after every round.
                    const std::pair<quint64, qint64> key{cp->size, in.lastRoundMs};
                    if (cache.witnessesAt != key || !cache.witnesses) {
                        cache.witnessesAt = key;
                        cache.witnesses.reset();
                        if (auto names = log->witnessesOf(cp.value()); names.ok())
                            cache.witnesses = static_cast<int>(names->size());
                    }
                    t.witnesses = cache.witnesses;
                }
            const QString boxPath = teamOutboxPath(Startup::stateDirectory(), ctx->storePath);
            if (const QString stamp = fileStamp(boxPath); stamp != cache.outboxStamp || !cache.unsynced) {
                cache.outboxStamp = stamp;
                cache.unsynced.reset();
                if (!QFile::exists(boxPath))
                    cache.unsynced = 0;
                else if (auto box = Outbox::open(boxPath); box.ok())
                    if (auto waiting = box.value()->waiting(); waiting.ok())
                        cache.unsynced = waiting->count;
            }
            t.unsynced = cache.unsynced;
            in.team = t;
        }
        return Metrics::prometheusText(in);
    };
    receiver.handle = [&](const QByteArray &body) -> std::tuple<int, const char *, QByteArray> {
        auto payload = Alertmanager::parse(body, ctx->config.alertmanager, ctx->config);
        if (!payload.ok()) {
            ++webhook.refused;
            qCWarning(lcMonitor).noquote() << "alertmanager: refused:" << payload.error().toString();
            return {400, "Bad Request", jsonError(payload.error().message, payload.error().where)};
        }
        for (const QString &line : payload->unrouted)
            qCWarning(lcMonitor).noquote() << "alertmanager: not recorded:" << line;
        if (payload->truncatedAlerts > 0)
            qCWarning(lcMonitor).noquote()
                << QStringLiteral("alertmanager: %1 alerts of group %2 were left out by Alertmanager "
                                  "(its max_alerts); they are not recorded")
                       .arg(payload->truncatedAlerts)
                       .arg(payload->groupKey);
        auto outcome = monitor ? monitor->receiveAlertmanager(payload.value())
                               : team->receiveAlertmanager(payload.value());
        if (!outcome.ok()) {
            // Alertmanager retries a 5xx: the alerts are not lost while the store cannot take them.
            ++webhook.refused;
            qCWarning(lcMonitor).noquote() << "alertmanager: cannot record:" << outcome.error().message;
            return {503, "Service Unavailable", jsonError(outcome.error().message)};
        }
        webhook.recorded += outcome->recorded;
        webhook.repeated += outcome->repeated;
        webhook.notRouted += payload->unrouted.size();
        qCInfo(lcMonitor).noquote() << QStringLiteral(
                                           "alertmanager: %1 alerts from %2, %3 recorded, %4 repeated, "
                                           "%5 not routed")
                                           .arg(payload->routed.size() + payload->unrouted.size())
                                           .arg(payload->receiver)
                                           .arg(outcome->recorded)
                                           .arg(outcome->repeated)
                                           .arg(payload->unrouted.size());
        JsonValue o = JsonValue::object();
        o["recorded"] = outcome->recorded;
        o["repeated"] = outcome->repeated;
        if (outcome->recorded > 0)
            o["first_seq"] = static_cast<qint64>(outcome->firstSeq);
        JsonValue unrouted = JsonValue::array();
        for (const QString &line : payload->unrouted)
            unrouted.push(line);
        o["not_routed"] = std::move(unrouted);
        if (payload->truncatedAlerts > 0)
            o["truncated_by_sender"] = payload->truncatedAlerts;
        return {200, "OK", jsonBody(o)};
    };
    QTcpServer server;
    int connections = 0;
    if (parser.isSet(listen)) {
        if (!server.listen(address, port))
            return fail(io,
                        makeError(ErrorCode::Store, QStringLiteral("cannot listen on %1: %2")
                                                        .arg(parser.value(listen), server.errorString())),
                        json);
        QObject::connect(&server, &QTcpServer::newConnection, &server, [&] {
            while (QTcpSocket *s = server.nextPendingConnection()) {
                if (connections >= kMaxConnections) {
                    s->abort();
                    s->deleteLater();
                    continue;
                }
                ++connections;
                QObject::connect(s, &QObject::destroyed, &server, [&connections] { --connections; });
                serve(s, metrics, receiver);
            }
        });
        // Qt stops accepting after an accept that failed (out of descriptors): start again soon.
        QObject::connect(&server, &QTcpServer::acceptError, &server, [&server](QAbstractSocket::SocketError) {
            QTimer::singleShot(1000, &server, [&server] { server.resumeAccepting(); });
        });
    }

    QEventLoop loop;
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalFd) != 0)
        return fail(io, makeError(ErrorCode::Store, QStringLiteral("cannot set up signal handling")), json);
    QSocketNotifier stopper(g_signalFd[1], QSocketNotifier::Read);
    QObject::connect(&stopper, &QSocketNotifier::activated, &loop, [&] {
        char b = 0;
        (void)::read(g_signalFd[1], &b, 1);
        qCInfo(lcMonitor) << "stopping on a signal";
        loop.quit();
    });
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    ::sigemptyset(&sa.sa_mask);
    ::sigaction(SIGTERM, &sa, nullptr);
    ::sigaction(SIGINT, &sa, nullptr);

    int done = 0;
    QTimer timer;
    timer.setInterval(qMax(1, ctx->config.probes.intervalS) * 1000);
    const auto roundDone = [&](const QList<ProbeResult> &results, qsizetype alertTransitions,
                               const QString &problem) {
        ++done;
        int bad = 0;
        for (const ProbeResult &r : results)
            bad += r.state == ProbeState::Ok ? 0 : 1;
        qCInfo(lcMonitor).noquote() << QStringLiteral("round %1: %2 targets, %3 not ok, %4 alert transitions")
                                           .arg(done)
                                           .arg(results.size())
                                           .arg(bad)
                                           .arg(alertTransitions);
        if (!problem.isEmpty())
            qCWarning(lcMonitor).noquote() << "not recording:" << problem;
        if (maxRounds > 0 && done >= maxRounds)
            loop.quit();
    };
    if (monitor) {
        QObject::connect(monitor.get(), &AlertMonitor::roundEvaluated, &loop,
                         [&](const QList<ProbeResult> &results, const QList<AlertTransition> &transitions) {
                             // A rollback deadline that passed goes on its run's timeline, once.
                             if (SqliteEvidenceStore *store = monitor->store()) {
                                 auto missed = RollbackClockWatcher::recordDue(
                                     *store, *session.signer(), ctx->config, library, Time::systemClock());
                                 if (!missed.ok())
                                     qCWarning(lcMonitor).noquote()
                                         << "a missed rollback deadline could not be recorded:"
                                         << missed.error().message;
                             }
                             roundDone(results, transitions.size(), monitor->recordingProblem());
                         });
        QObject::connect(&timer, &QTimer::timeout, monitor.get(), [&] {
            if (!monitor->isRunning())
                monitor->runRound();
        });
    } else {
        QObject::connect(team.get(), &TeamRecorder::roundFinished, &loop,
                         [&](const QList<ProbeResult> &results, int alertTransitions) {
                             roundDone(results, alertTransitions, team->recordingProblem());
                         });
        QObject::connect(&timer, &QTimer::timeout, team.get(), [&] { team->runRound(); });
        QObject::connect(team.get(), &TeamRecorder::recordingFailed, &loop,
                         [](const QString &problem) { qCWarning(lcMonitor).noquote() << problem; });
    }
    const QString where = onTeamLog ? team->store()->label() : ctx->storePath;
    io.err << "monitor: recording " << where << " as " << actor << ", a round every "
           << timer.interval() / 1000 << " s";
    if (server.isListening())
        io.err << "; metrics at http://"
               << (server.serverAddress().protocol() == QAbstractSocket::IPv6Protocol
                       ? QStringLiteral("[%1]").arg(server.serverAddress().toString())
                       : server.serverAddress().toString())
               << ':' << server.serverPort() << "/metrics"
               << (receiver.enabled ? QStringLiteral(", Alertmanager's webhook at /alertmanager")
                                    : QString());
    io.err << '\n';
    io.err.flush();
    if (json) {
        // One line when recording starts and one when it stops, for supervisors and scripts (the
        // port, when --listen asked for port 0).
        JsonValue started = JsonValue::object();
        started["event"] = "started";
        started["store"] = where;
        started["identity"] = actor;
        started["interval_s"] = timer.interval() / 1000;
        if (server.isListening()) {
            const QString host = server.serverAddress().protocol() == QAbstractSocket::IPv6Protocol
                                     ? QStringLiteral("[%1]").arg(server.serverAddress().toString())
                                     : server.serverAddress().toString();
            const QString base = QStringLiteral("http://%1:%2").arg(host).arg(server.serverPort());
            started["metrics_url"] = QString(base + QStringLiteral("/metrics"));
            started["alertmanager_url"] =
                receiver.enabled ? JsonValue(QString(base + QStringLiteral("/alertmanager"))) : JsonValue();
        }
        io.out << QString::fromStdString(CanonicalJson::serialize(started)) << '\n';
        io.out.flush();
    }
    timer.start();
    if (monitor)
        monitor->runRound();
    else
        team->runRound();
    loop.exec();

    timer.stop();
    ::signal(SIGTERM, SIG_DFL);
    ::signal(SIGINT, SIG_DFL);
    if (monitor)
        monitor->waitForWrites();
    else
        (void)team->store()->releaseRecorder(); // the connection's end would free it too
    ::close(g_signalFd[0]);
    ::close(g_signalFd[1]);
    g_signalFd[0] = g_signalFd[1] = -1;
    io.err << "monitor: stopped after " << done << (done == 1 ? " round" : " rounds") << '\n';
    if (json) {
        JsonValue stopped = JsonValue::object();
        stopped["event"] = "stopped";
        stopped["rounds"] = done;
        io.out << QString::fromStdString(CanonicalJson::serialize(stopped)) << '\n';
    }
    return 0;
}

} // namespace ops::cli
