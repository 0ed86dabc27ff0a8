// Launch day on the team log: the release owner walks the checklist on one console against the
// demo pipeline (drill, kill switches, a recorded probe round, checksums, real probes, the archive),
// product, engineering and QA sign off from three other consoles (own homes, own key rings, own
// processes), and every console computes GO from the same evidence. One recorder at a time: a
// probe round is refused while another console holds the team log's recorder lock.
#include "CliHarness.h"
#include "HttpTestClient.h"
#include "PgFixture.h"

#include "core/CanonicalJson.h"
#include "crypto/Merkle.h"
#include "crypto/SignedNote.h"
#include "store/PgEvidenceStore.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

using namespace ops;

class TestTeamLaunch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void threeConsolesSignOffOneLaunch();
    void reportsOfTheTeamLogProveAgainstIt();
    void theAlertMatrixLivesOnTheTeamLog();
    void aMonitorRecordsTheTeamLog();

private:
    // A fresh database on the test server: the owner's URL (for init) and the consoles' config,
    // which reaches it as the application role.
    struct TeamLog {
        QString ownerUrl;
        QString appUrl;
        QByteArray yaml;
        QString problem;
    };
    TeamLog freshTeamLog();

    test::DemoPipelineProcess m_pipeline;
    test::PgServer m_server;
};

namespace {

const QString kToken = QStringLiteral("publisher-token-team-7c2");

struct Console : test::Cli {
    QString name;
    Console(const QByteArray &yaml, QString who)
        : test::Cli(yaml, kToken)
        , name(std::move(who)) {}
    test::RunResult operator()(const QStringList &args) { return test::Cli::operator()(args, name); }
    test::RunResult operator()(const char *args) { return test::Cli::operator()(args, name); }
};

} // namespace

void TestTeamLaunch::initTestCase() {
    m_server = test::PgServer::fromFixture();
    QVERIFY2(m_server.problem.isEmpty(), qPrintable(m_server.problem));
    QVERIFY2(m_pipeline.start(), m_pipeline.lastOutput().constData());
}

TestTeamLaunch::TeamLog TestTeamLaunch::freshTeamLog() {
    auto db = m_server.freshDatabase();
    if (!db.ok())
        return {{}, {}, {}, db.error().toString()};
    const QString appUrl = m_server.url(db.value(), QStringLiteral("team_app"));
    return {m_server.url(db.value(), QStringLiteral("team_owner")),
            appUrl,
            m_pipeline.demoConfigYaml() + "\nstore: {url: \"" + appUrl.toUtf8() + "\", app_role: team_app}\n",
            {}};
}

void TestTeamLaunch::threeConsolesSignOffOneLaunch() {
    const TeamLog log = freshTeamLog();
    QVERIFY2(log.problem.isEmpty(), qPrintable(log.problem));
    const QString &ownerUrl = log.ownerUrl;
    const QString &appUrl = log.appUrl;
    const QByteArray &yaml = log.yaml;
    Console rob(yaml, QStringLiteral("rob"));
    QCOMPARE(RUN_OK(rob({QStringLiteral("init"), QStringLiteral("--store"), ownerUrl,
                         QStringLiteral("--roles"), QStringLiteral("release-owner,operator,incident-owner")}))
                 .exitCode,
             0);
    // Three colleagues on three machines: each enrols from their own console, rob approves.
    Console pat(yaml, QStringLiteral("pat")), eve(yaml, QStringLiteral("eve")),
        quinn(yaml, QStringLiteral("quinn"));
    const QList<std::pair<Console *, const char *>> team{
        {&pat, "product"}, {&eve, "engineering"}, {&quinn, "qa"}};
    for (const auto &member : team) {
        Console *console = member.first; // plain names: RUN_OK's lambda captures them
        const char *role = member.second;
        QCOMPARE(RUN_OK((*console)({QStringLiteral("identity"), QStringLiteral("create"), console->name,
                                    QStringLiteral("--roles"), QString::fromLatin1(role)}))
                     .exitCode,
                 0);
        QCOMPARE(RUN_OK(rob({QStringLiteral("identity"), QStringLiteral("approve"), console->name})).exitCode,
                 0);
    }

    // The no-go rules cleared by evidence on the team log.
    auto drill = RUN_OK(rob("rollback start --scope kl --drill --json"));
    const QString run = test::parseJson(drill.out).stringAt("id");
    QVERIFY2(run.startsWith(QStringLiteral("RUN-")), drill.out.constData());
    for (const QStringList &step :
         {QStringList{QStringLiteral("runbook"), QStringLiteral("step"), run,
                      QStringLiteral("identify-scope"), QStringLiteral("--evidence"),
                      QStringLiteral("kl drill")},
          QStringList{QStringLiteral("runbook"), QStringLiteral("step"), run,
                      QStringLiteral("confirm-manifest")},
          QStringList{QStringLiteral("rollback"), QStringLiteral("rebind"), run, QStringLiteral("--confirm")},
          QStringList{QStringLiteral("runbook"), QStringLiteral("step"), run,
                      QStringLiteral("probe-resolver")},
          QStringList{QStringLiteral("runbook"), QStringLiteral("step"), run, QStringLiteral("timestamps"),
                      QStringLiteral("--evidence"), QStringLiteral("within 15/30")}})
        QCOMPARE(RUN_OK(rob(step)).exitCode, 0);
    for (const char *sw : {"ai", "bad-pack"}) {
        const QString s = QString::fromLatin1(sw);
        QCOMPARE(RUN_OK(rob({QStringLiteral("killswitch"), QStringLiteral("activate"), s,
                             QStringLiteral("--scope"), QStringLiteral("pg"), QStringLiteral("--reason"),
                             QStringLiteral("launch test"), QStringLiteral("--validation-localities"),
                             QStringLiteral("pg")}))
                     .exitCode,
                 0);
        QCOMPARE(RUN_OK(rob({QStringLiteral("killswitch"), QStringLiteral("deactivate"), s,
                             QStringLiteral("--scope"), QStringLiteral("pg"), QStringLiteral("--reason"),
                             QStringLiteral("launch test done")}))
                     .exitCode,
                 0);
    }
    // One recorder at a time: while another console holds the recorder lock, a round is refused and
    // nothing is written.
    {
        auto holder = PgEvidenceStore::open(appUrl);
        QVERIFY(holder.ok());
        QCOMPARE(holder.value()->tryHoldRecorder().value(), true);
        const quint64 before = holder.value()->size().value();
        auto refused = rob("probe --record");
        QCOMPARE(refused.exitCode, 4);
        QVERIFY2(refused.err.contains("another console is recording"), refused.err.constData());
        QCOMPARE(holder.value()->size().value(), before);
        QVERIFY(holder.value()->releaseRecorder().ok());
    }
    auto probed = RUN_OK(rob("probe --record"));
    QCOMPARE(probed.exitCode, 0);
    QVERIFY2(probed.err.contains("recorded the round and"), probed.err.constData());
    // A second round changes no state: it records the round, no transition.
    auto again = RUN_OK(rob("probe --record"));
    QVERIFY2(again.err.contains("recorded the round and 0 transitions"), again.err.constData());
    const JsonValue rules = test::parseJson(pat("launch status --json").out);
    for (const JsonValue &r : rules.find("rules")->toArray())
        QVERIFY2(!r.find("holds")->toBool(), qPrintable(r.stringAt("reason")));

    // The checklist, on rob's console.
    QCOMPARE(RUN_OK(rob("launch start --scope kl --build 2026.12.04-rc1")).exitCode, 0);
    QCOMPARE(RUN_OK(rob("launch check config-snapshot")).exitCode, 0);
    test::TempDir build;
    build.write(QStringLiteral("release/app.apk"), QByteArray(1 << 16, 'a'));
    QCOMPARE(RUN_OK(rob({QStringLiteral("launch"), QStringLiteral("checksum"),
                         build.file(QStringLiteral("release"))}))
                 .exitCode,
             0);
    QCOMPARE(RUN_OK(rob({QStringLiteral("launch"), QStringLiteral("check"), QStringLiteral("first-publish"),
                         QStringLiteral("--evidence"), QStringLiteral("publish job 7 published v1")}))
                 .exitCode,
             0);
    QCOMPARE(RUN_OK(rob("launch check probe-active")).exitCode, 0);
    QCOMPARE(RUN_OK(rob("launch check live-app-fetch")).exitCode, 0);
    // The archive is a bundle of the team log, verified like any other.
    const QString archive = build.file(QStringLiteral("evidence.tar.zst"));
    QCOMPARE(RUN_OK(rob({QStringLiteral("launch"), QStringLiteral("check"), QStringLiteral("archive"),
                         QStringLiteral("--out"), archive}))
                 .exitCode,
             0);
    QCOMPARE(RUN_OK(quinn({QStringLiteral("evidence"), QStringLiteral("verify-bundle"), archive})).exitCode,
             0);

    // Three sign-offs from three consoles; until the last one, NO-GO on every console.
    for (int i = 0; i < team.size(); ++i) {
        Console &c = *team.at(i).first;
        QCOMPARE(c("launch status").exitCode, 1);
        QCOMPARE(RUN_OK(c({QStringLiteral("launch"), QStringLiteral("signoff"), QStringLiteral("--role"),
                           QString::fromLatin1(team.at(i).second)}))
                     .exitCode,
                 0);
    }
    for (Console *c : {&rob, &pat, &eve, &quinn}) {
        auto st = c->operator()("launch status --json");
        const JsonValue j = test::parseJson(st.out);
        QVERIFY2(st.exitCode == 0 && j.stringAt("decision") == QLatin1String("GO"),
                 qPrintable(c->name + QStringLiteral(": ") + QString::fromUtf8(st.out)));
        QCOMPARE(j.find("signoffs")->toArray().size(), 3);
        for (const JsonValue &s : j.find("signoffs")->toArray())
            QCOMPARE(s.stringAt("state"), QStringLiteral("valid"));
    }
    QCOMPARE(RUN_OK(rob("launch decide --go")).exitCode, 0);
    auto verify = RUN_OK(eve("evidence verify --signatures --json"));
    QCOMPARE(verify.exitCode, 0);
    QCOMPARE(test::parseJson(verify.out).find("intact")->toBool(), true);
}

// A postmortem and a shift handover made on the team log by a colleague's console: the report's
// appendix proves each cited event against a checkpoint of the shared log (checked here from the
// proof's own bytes: the event's leaf, its path, the signed note's root), and each report is
// evidence every console sees.
void TestTeamLaunch::reportsOfTheTeamLogProveAgainstIt() {
    const TeamLog log = freshTeamLog();
    QVERIFY2(log.problem.isEmpty(), qPrintable(log.problem));
    const QString &ownerUrl = log.ownerUrl;
    const QByteArray &yaml = log.yaml;
    Console rob(yaml, QStringLiteral("rob")), olga(yaml, QStringLiteral("olga"));
    QCOMPARE(RUN_OK(rob({QStringLiteral("init"), QStringLiteral("--store"), ownerUrl,
                         QStringLiteral("--roles"), QStringLiteral("operator,incident-owner")}))
                 .exitCode,
             0);
    QCOMPARE(RUN_OK(olga("identity create olga --roles operator")).exitCode, 0);
    QCOMPARE(RUN_OK(rob("identity approve olga")).exitCode, 0);
    auto opened =
        RUN_OK(rob({QStringLiteral("incident"), QStringLiteral("open"), QStringLiteral("--class"),
                    QStringLiteral("publish-failure"), QStringLiteral("--scope"), QStringLiteral("kl"),
                    QStringLiteral("--severity"), QStringLiteral("SEV-2"), QStringLiteral("--reason"),
                    QStringLiteral("publishes stuck"), QStringLiteral("--json")}));
    const QString inc = test::parseJson(opened.out).stringAt("id");
    QVERIFY2(inc.startsWith(QLatin1String("INC-")), opened.out.constData());
    QCOMPARE(RUN_OK(rob({QStringLiteral("incident"), QStringLiteral("decide"), inc,
                         QStringLiteral("hold forward publishes on kl")}))
                 .exitCode,
             0);

    // olga, on her own console, writes the postmortem of rob's incident.
    auto md = RUN_OK(olga({QStringLiteral("incident"), QStringLiteral("report"), inc, QStringLiteral("--out"),
                           QStringLiteral("-")}));
    QCOMPARE(md.exitCode, 0);
    QVERIFY(md.out.startsWith(QByteArray(QByteArray("# Postmortem: ") + inc.toUtf8())));
    QVERIFY(md.out.contains("DRAFT")); // the incident is open
    static const QRegularExpression block(QStringLiteral("### Event (\\d+)\n\n```tlog-proof\n(.*?)```"),
                                          QRegularExpression::DotMatchesEverythingOption);
    int proved = 0;
    quint64 last = 0;
    for (auto it = block.globalMatch(QString::fromUtf8(md.out)); it.hasNext();) {
        const auto m = it.next();
        const quint64 seq = m.captured(1).toULongLong();
        auto proof = crypto::note::parseTlogProof(m.captured(2).toStdString());
        QVERIFY2(proof.ok(), qPrintable(m.captured(2)));
        auto note = crypto::note::parse(proof->checkpoint);
        QVERIFY(note.ok());
        auto body = crypto::note::parseCheckpoint(note->body);
        QVERIFY(body.ok());
        QVERIFY2(body->origin.startsWith(QLatin1String("opsconsole/")), qPrintable(body->origin));
        const QByteArray leaf = RUN_OK(olga({QStringLiteral("evidence"), QStringLiteral("show"),
                                             QString::number(seq), QStringLiteral("--raw")}))
                                    .out;
        QCOMPARE(proof->index, seq - 1);
        QVERIFY2(crypto::merkle::verifyInclusion(crypto::merkle::leafHash(leaf), proof->index, body->size,
                                                 proof->path, body->root),
                 qPrintable(QString::number(seq)));
        // Another event's bytes do not prove under this path.
        const QByteArray other = RUN_OK(olga({QStringLiteral("evidence"), QStringLiteral("show"),
                                              QStringLiteral("1"), QStringLiteral("--raw")}))
                                     .out;
        QVERIFY(!crypto::merkle::verifyInclusion(crypto::merkle::leafHash(other), proof->index, body->size,
                                                 proof->path, body->root));
        last = qMax(last, seq);
        ++proved;
    }
    QCOMPARE(proved, 2); // opened, decision

    // The handover brief names the open incident; both acts are on the shared log for rob to see.
    auto handover = RUN_OK(olga("handover --to rob"));
    QCOMPARE(handover.exitCode, 0);
    QVERIFY2(handover.out.contains(inc.toUtf8()), handover.out.constData());
    // rob lists them from his console: by kind, by family, by actor, by a word of their bytes.
    const JsonValue reports =
        test::parseJson(RUN_OK(rob("evidence list --kind report.generated --json")).out);
    QCOMPARE(reports.toArray().size(), std::size_t(1));
    QCOMPARE(reports.toArray().at(0).stringAt("actor"), QStringLiteral("olga"));
    QCOMPARE(reports.toArray().at(0).find("seq")->toInt(), static_cast<qint64>(last + 1));
    const JsonValue handovers = test::parseJson(RUN_OK(rob("evidence list --kind handover.* --json")).out);
    QCOMPARE(handovers.toArray().size(), std::size_t(1));
    QCOMPARE(handovers.toArray().at(0).stringAt("kind"), QStringLiteral("handover.given"));
    const JsonValue byOlga = test::parseJson(RUN_OK(rob("evidence list --actor olga --json")).out);
    QStringList kinds;
    for (const JsonValue &e : byOlga.toArray())
        kinds << e.stringAt("kind");
    QCOMPARE(kinds, QStringList({QStringLiteral("identity.created"), QStringLiteral("report.generated"),
                                 QStringLiteral("handover.given")}));
    const JsonValue stuck =
        test::parseJson(RUN_OK(rob("evidence list --search publishes --limit 1 --json")).out);
    QCOMPARE(stuck.toArray().size(), std::size_t(1));
    QCOMPARE(stuck.toArray().at(0).stringAt("kind"), QStringLiteral("incident.opened"));
    // What reads the local file's indexes says so and lists nothing.
    const auto since = rob("evidence list --since 2026-01-01T00:00:00Z");
    QCOMPARE(since.exitCode, 2);
    QVERIFY2(since.err.contains("--since reads a local store's indexes"), since.err.constData());
    QCOMPARE(RUN_OK(rob("evidence verify --signatures")).exitCode, 0);
}

// The alert matrix on the team log: the one recorder's full round evaluates the alerts into the
// same signed act, every console reads the matrix from the log, an acknowledgement on one console
// is seen on the other and survives the next round, and the damping resumes from the log.
void TestTeamLaunch::theAlertMatrixLivesOnTheTeamLog() {
    const TeamLog log = freshTeamLog();
    QVERIFY2(log.problem.isEmpty(), qPrintable(log.problem));
    Console rob(log.yaml, QStringLiteral("rob")), olga(log.yaml, QStringLiteral("olga"));
    QCOMPARE(RUN_OK(rob({QStringLiteral("init"), QStringLiteral("--store"), log.ownerUrl,
                         QStringLiteral("--roles"), QStringLiteral("operator,incident-owner")}))
                 .exitCode,
             0);
    QCOMPARE(RUN_OK(olga("identity create olga --roles operator")).exitCode, 0);
    QCOMPARE(RUN_OK(rob("identity approve olga")).exitCode, 0);
    // Nothing evaluated yet: said so, and nothing is shown as healthy.
    auto before = olga("alerts");
    QCOMPARE(before.exitCode, 1);
    QVERIFY2(before.err.contains("nothing has been evaluated on the team log yet"), before.err.constData());
    const JsonValue unknownMatrix = test::parseJson(olga("alerts --json").out);
    for (const JsonValue &c : unknownMatrix.toArray())
        QCOMPARE(c.stringAt("state"), QStringLiteral("unknown"));

    auto probed = RUN_OK(rob("probe --record"));
    QVERIFY2(probed.err.contains("the alert matrix with"), probed.err.constData());
    const auto cell = [](const JsonValue &matrix, const char *alert, const char *scope) -> JsonValue {
        for (const JsonValue &c : matrix.toArray())
            if (c.stringAt("alert") == QLatin1String(alert) && c.stringAt("scope") == QLatin1String(scope))
                return c;
        return JsonValue();
    };
    JsonValue matrix = test::parseJson(olga("alerts --json").out);
    QVERIFY(!matrix.toArray().empty());
    for (const JsonValue &c : matrix.toArray())
        QVERIFY2(c.find("evaluated_at") && !c.find("evaluated_at")->isNull(),
                 qPrintable(c.stringAt("alert")));
    // Healthy where a fresh probe says so; unknown where nothing was seen (no publish signal yet).
    QCOMPARE(cell(matrix, "stale-pack", "my").stringAt("state"), QStringLiteral("ok"));
    QCOMPARE(cell(matrix, "publish-blocked", "my").stringAt("state"), QStringLiteral("unknown"));

    // Publishes blocked in my: the recorder's rounds make the cell fire, into the log.
    for (int i = 0; i < 2; ++i)
        QCOMPARE(RUN_OK(rob("signal record publish_blocked --scope my")).exitCode, 0);
    for (int round = 0;
         round < 4 && cell(matrix, "publish-blocked", "my").stringAt("state") != QLatin1String("firing");
         ++round) {
        rob("probe --record"); // exit 1 while a target is not ok: the round is recorded all the same
        matrix = test::parseJson(olga("alerts --json").out);
    }
    QCOMPARE(cell(matrix, "publish-blocked", "my").stringAt("state"), QStringLiteral("firing"));
    auto fired = RUN_OK(olga("evidence list --kind alert.fired --json"));
    QVERIFY2(fired.out.contains("publish-blocked") && fired.out.contains("\"actor\": \"rob\""),
             fired.out.constData());

    // olga acknowledges on her console; rob's console sees it, and the next round keeps it.
    QCOMPARE(RUN_OK(olga({QStringLiteral("alerts"), QStringLiteral("ack"), QStringLiteral("publish-blocked"),
                          QStringLiteral("--scope"), QStringLiteral("my"), QStringLiteral("--note"),
                          QStringLiteral("looking at the publisher")}))
                 .exitCode,
             0);
    JsonValue seen = cell(test::parseJson(rob("alerts --json").out), "publish-blocked", "my");
    QCOMPARE(seen.stringAt("state"), QStringLiteral("acknowledged"));
    QCOMPARE(seen.stringAt("acknowledged_by"), QStringLiteral("olga"));
    QVERIFY(rob("probe --record").err.contains("the alert matrix with"));
    seen = cell(test::parseJson(olga("alerts --json").out), "publish-blocked", "my");
    QCOMPARE(seen.stringAt("state"), QStringLiteral("acknowledged"));
    // Once is enough; a cell that is not firing is not acknowledged.
    QCOMPARE(olga({QStringLiteral("alerts"), QStringLiteral("ack"), QStringLiteral("publish-blocked"),
                   QStringLiteral("--scope"), QStringLiteral("my"), QStringLiteral("--note"),
                   QStringLiteral("again")})
                 .exitCode,
             4);
    QCOMPARE(olga({QStringLiteral("alerts"), QStringLiteral("ack"), QStringLiteral("publish-blocked"),
                   QStringLiteral("--scope"), QStringLiteral("kl"), QStringLiteral("--note"),
                   QStringLiteral("no")})
                 .exitCode,
             4);
    QCOMPARE(RUN_OK(olga("evidence verify")).exitCode, 0);
}

// The headless monitor as the team log's one recorder: its rounds and transitions go into the log
// signed by its identity, every console reads the matrix it keeps, Alertmanager's webhook reaches
// the team log through it, /metrics passes promtool, no other recorder (a console's probe --record,
// a second monitor) records while it runs, and after SIGTERM the next one may.
void TestTeamLaunch::aMonitorRecordsTheTeamLog() {
    const TeamLog log = freshTeamLog();
    QVERIFY2(log.problem.isEmpty(), qPrintable(log.problem));
    QByteArray yaml = log.yaml;
    yaml.replace("interval_s: 30", "interval_s: 1");
    yaml += "alertmanager:\n"
            "  token_file: am-token\n"
            "  routes:\n"
            "    - {match: {alertname: ResolverDown}, alert: resolver-health, scope_label: locality}\n";
    Console mon(yaml, QStringLiteral("mon")), olga(yaml, QStringLiteral("olga"));
    const QByteArray token = "am-bearer-team-51c";
    const QString tokenFile = mon.home.write(QStringLiteral("am-token"), token + '\n');
    QFile::setPermissions(tokenFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    olga.home.write(QStringLiteral("am-token"), token + '\n');
    QFile::setPermissions(olga.home.file(QStringLiteral("am-token")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QCOMPARE(RUN_OK(mon({QStringLiteral("init"), QStringLiteral("--store"), log.ownerUrl,
                         QStringLiteral("--roles"), QStringLiteral("operator,incident-owner")}))
                 .exitCode,
             0);
    QCOMPARE(RUN_OK(olga("identity create olga --roles operator")).exitCode, 0);
    QCOMPARE(RUN_OK(mon("identity approve olga")).exitCode, 0);

    const auto start = [&](QProcess &p, Console &as) {
        p.setProcessEnvironment(as.runner.environment());
        p.start(test::ProgramRunner::binary(QStringLiteral("opsconsole-cli")),
                {QStringLiteral("monitor"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                 QStringLiteral("--identity"), as.name, QStringLiteral("--config"), as.config,
                 QStringLiteral("--json")});
    };
    QProcess monitor;
    start(monitor, mon);
    QVERIFY(monitor.waitForStarted());
    QByteArray out, err;
    QTRY_VERIFY2_WITH_TIMEOUT((out += monitor.readAllStandardOutput()).contains('\n') ||
                                  monitor.state() != QProcess::Running,
                              QByteArray(err += monitor.readAllStandardError()).constData(), 120000);
    err += monitor.readAllStandardError();
    QVERIFY2(out.contains('\n'), err.constData());
    const JsonValue started = test::parseJson(out.left(out.indexOf('\n')));
    QCOMPARE(started.stringAt("event"), QStringLiteral("started"));
    QVERIFY2(started.stringAt("store").startsWith(QStringLiteral("team log ")), out.constData());
    QVERIFY2(!started.stringAt("store").contains(QStringLiteral("password")), out.constData());
    const QUrl metricsUrl(started.stringAt("metrics_url"));
    const QUrl hook(started.stringAt("alertmanager_url"));
    QVERIFY2(hook.isValid() && !hook.isEmpty(), out.constData());

    const auto cell = [&](const char *alert, const char *scope) -> JsonValue {
        const JsonValue matrix = test::parseJson(olga("alerts --json").out);
        for (const JsonValue &c : matrix.toArray())
            if (c.stringAt("alert") == QLatin1String(alert) && c.stringAt("scope") == QLatin1String(scope))
                return c;
        return JsonValue();
    };
    // Its rounds reach every console: the matrix is evaluated, healthy where the probes say so.
    QTRY_COMPARE_WITH_TIMEOUT(cell("stale-pack", "my").stringAt("state"), QStringLiteral("ok"), 120000);

    // One recorder: a console's round and a second monitor are refused while it records.
    auto refused = olga("probe --record");
    QCOMPARE(refused.exitCode, 4);
    QVERIFY2(refused.err.contains("another console is recording"), refused.err.constData());
    {
        QProcess second;
        start(second, olga);
        QVERIFY(second.waitForStarted());
        QVERIFY(second.waitForFinished(120000));
        QCOMPARE(second.exitCode(), 4);
        const QByteArray why = second.readAllStandardError();
        QVERIFY2(why.contains("another console is recording"), why.constData());
    }

    // Alertmanager reports the resolver down in kl: recorded on the team log by the monitor, and
    // the cell fires through the damping, for every console to see.
    const QByteArray firing =
        R"({"version":"4","receiver":"team","groupKey":"k","status":"firing","alerts":[{"status":"firing",)"
        R"("labels":{"alertname":"ResolverDown","locality":"kl"},"annotations":{},"startsAt":"2026-12-05T05:00:00Z",)"
        R"("endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus.local/graph","fingerprint":"cb58a1d98cb67648"}]})";
    QCOMPARE(test::httpRequest("POST", hook, firing).status, 401);
    const test::HttpReply posted =
        test::httpRequest("POST", hook, firing, {{"Authorization", "Bearer " + token}});
    QVERIFY2(posted.status == 200, posted.body.constData());
    QCOMPARE(test::parseJson(posted.body).find("recorded")->toInt(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(cell("resolver-health", "kl").stringAt("state"), QStringLiteral("firing"),
                              120000);
    auto fired = RUN_OK(olga("evidence list --kind alert.fired --json"));
    QVERIFY2(fired.out.contains("resolver-health") && fired.out.contains("\"actor\": \"mon\""),
             fired.out.constData());
    auto received = RUN_OK(olga("evidence list --kind alertmanager.firing --json"));
    QVERIFY2(received.out.contains("cb58a1d98cb67648"), received.out.constData());

    // Its metrics are the team log's, and Prometheus's own checker accepts them.
    const test::HttpReply scrape = test::httpRequest("GET", metricsUrl);
    QCOMPARE(scrape.status, 200);
    QCOMPARE(test::metricSample(scrape.body, "opsconsole_monitor_recording"), 1.0);
    bool firingSeries = false;
    for (const QByteArray &line : scrape.body.split('\n'))
        firingSeries = firingSeries ||
                       (line.startsWith("opsconsole_alert_state{alert=\"resolver-health\",scope=\"kl\",") &&
                        line.endsWith("state=\"firing\"} 1"));
    QVERIFY2(firingSeries, scrape.body.constData());
    QVERIFY(test::metricSample(scrape.body, "opsconsole_log_events") > 0);
    // The team log's sync state: its server answers, nothing waits in this machine's outbox.
    QCOMPARE(test::metricSample(scrape.body, "opsconsole_team_log_up"), 1.0);
    QCOMPARE(test::metricSample(scrape.body, "opsconsole_outbox_unsynced_acts"), 0.0);
    QVERIFY(test::metricSample(scrape.body, "opsconsole_checkpoint_witnesses") >= 0);
    const QByteArray promtool = test::promtoolCheck(scrape.body);
    QVERIFY2(promtool.isEmpty(), promtool.constData());

    // SIGTERM: a clean stop; the lock is free and the next recorder records.
    ::kill(static_cast<pid_t>(monitor.processId()), SIGTERM);
    QVERIFY(monitor.waitForFinished(120000));
    QCOMPARE(monitor.exitStatus(), QProcess::NormalExit);
    QCOMPARE(monitor.exitCode(), 0);
    auto next = olga("probe --record");
    QVERIFY2(next.err.contains("recorded the round and"), next.err.constData());
    QCOMPARE(RUN_OK(olga("evidence verify")).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestTeamLaunch)
#include "tst_teamlaunch.moc"
