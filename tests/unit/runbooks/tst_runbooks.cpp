// Runbooks as data: every built-in runbook loads and validates; a bad file is a file:line error
// and the others still load.
#include "runbooks/Runbook.h"

#include "TestSupport.h"

#include "alerts/AlertRules.h"

#include <QTest>

using namespace ops;

class TestRunbooks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void builtinRunbooksAllLoad();
    void everyAlertNamesAKnownRunbook();
    void rollbackChecklistIsTheSeeds();
    void stepEvidenceRules();
    void badRunbooks_data();
    void badRunbooks();
    void badFileLeavesTheOthers();
};

void TestRunbooks::builtinRunbooksAllLoad() {
    const RunbookLibrary lib = RunbookLibrary::builtin();
    QVERIFY2(lib.problems.isEmpty(),
             qPrintable(lib.problems.isEmpty() ? QString() : lib.problems.first().toString()));
    QVERIFY(lib.runbooks.size() >= 13);
    for (const char *id :
         {"source-outage", "publish-failure", "stale-pack-breach", "fallback-path-spike", "ai-kill-switch",
          "bad-pack-kill-switch", "rollback-checklist", "launch-day-validation", "secret-rotation",
          "failure-recovery-spawn-service", "failure-recovery-orchestrator", "failure-recovery-scoreboard",
          "evidence-regeneration", "derivation-preflight", "s03-handoff"}) {
        const Runbook *r = lib.find(QString::fromLatin1(id));
        QVERIFY2(r, id);
        QVERIFY(!r->purpose.isEmpty());
        QVERIFY(!r->useWhen.isEmpty());
        QVERIFY(!r->closureCondition.isEmpty());
        QVERIFY(!r->steps.isEmpty());
        for (const RunbookStep &s : r->steps)
            QVERIFY2(!s.evidence.isEmpty(), qPrintable(r->id + QLatin1Char('/') + s.id));
    }
    // The six incident runbooks cover their classes.
    QSet<QString> classes;
    for (const Runbook &r : lib.runbooks)
        if (r.kind == QLatin1String("incident"))
            classes.insert(r.incidentClass);
    for (const QString &c : incidentClasses())
        QVERIFY2(classes.contains(c), qPrintable(c));
}

void TestRunbooks::everyAlertNamesAKnownRunbook() {
    const RunbookLibrary lib = RunbookLibrary::builtin();
    const QList<AlertRule> rules = AlertRules::builtin().value();
    for (const AlertRule &a : rules)
        if (!a.runbook.isEmpty())
            QVERIFY2(lib.find(a.runbook), qPrintable(a.id + QStringLiteral(" → ") + a.runbook));
}

void TestRunbooks::rollbackChecklistIsTheSeeds() {
    const RunbookLibrary lib = RunbookLibrary::builtin();
    const Runbook *r = lib.find(QStringLiteral("rollback-checklist"));
    QVERIFY(r);
    QCOMPARE(r->steps.size(), 6);
    QCOMPARE(r->steps.at(0).action, QStringLiteral("Identify affected locality or baseline scope."));
    QVERIFY(r->steps.at(1).needs(EvidenceKind::Probe));
    QCOMPARE(r->steps.at(1).probe, QList<TargetKind>{TargetKind::Manifest});
    QVERIFY(r->steps.at(3).needs(EvidenceKind::Checksum));
    QCOMPARE(r->steps.at(4).probe, (QList<TargetKind>{TargetKind::Resolver, TargetKind::Rules}));
    const Runbook *launch = lib.find(QStringLiteral("launch-day-validation"));
    QStringList roles;
    for (const RunbookStep &s : launch->steps)
        if (s.needs(EvidenceKind::Signature))
            roles << s.role;
    QCOMPARE(roles,
             (QStringList{QStringLiteral("product"), QStringLiteral("engineering"), QStringLiteral("qa")}));
}

void TestRunbooks::stepEvidenceRules() {
    const RunbookLibrary lib = RunbookLibrary::builtin();
    int skippable = 0;
    for (const Runbook &r : lib.runbooks)
        for (const RunbookStep &s : r.steps) {
            QCOMPARE(s.needs(EvidenceKind::Probe), !s.probe.isEmpty());
            QCOMPARE(s.needs(EvidenceKind::Signature), !s.role.isEmpty());
            skippable += s.skippable ? 1 : 0;
        }
    QVERIFY(skippable > 0);
}

namespace {
const char *kGood = "id: demo-book\n"
                    "title: Demo\n"
                    "kind: procedure\n"
                    "purpose: p\n"
                    "use_when: [always]\n"
                    "steps:\n"
                    "  - id: one\n"
                    "    action: do it\n"
                    "    evidence: [note]\n"
                    "closure_condition: done\n";
}

void TestRunbooks::badRunbooks_data() {
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    const QByteArray good(kGood);
    auto with = [&](const char *from, const char *to) { return QByteArray(good).replace(from, to); };
    QTest::newRow("syntax") << with("purpose: p", "purpose: [p") << 0 << QStringLiteral("");
    QTest::newRow("unknown key") << with("purpose: p", "purpose: p\nowner: x") << 5
                                 << QStringLiteral("owner: unknown key");
    QTest::newRow("missing closure") << with("closure_condition: done\n", "") << 1
                                     << QStringLiteral("closure_condition");
    QTest::newRow("bad id") << with("id: demo-book", "id: Demo Book") << 1 << QStringLiteral("lower-case id");
    QTest::newRow("bad kind") << with("kind: procedure", "kind: essay") << 3
                              << QStringLiteral("incident, checklist or procedure");
    QTest::newRow("bad class") << with("kind: procedure", "kind: incident\nincident_class: meteor") << 4
                               << QStringLiteral("unknown incident class 'meteor'");
    QTest::newRow("empty use_when") << with("use_when: [always]", "use_when: []") << 5
                                    << QStringLiteral("must not be empty");
    QTest::newRow("no steps") << with("steps:\n  - id: one\n    action: do it\n    evidence: [note]\n",
                                      "steps: []\n")
                              << 6 << QStringLiteral("at least one step");
    QTest::newRow("unknown evidence")
        << with("evidence: [note]", "evidence: [vibes]") << 9 << QStringLiteral("unknown evidence 'vibes'");
    QTest::newRow("probe without targets")
        << with("evidence: [note]", "evidence: [probe]") << 7 << QStringLiteral("names what to probe");
    QTest::newRow("unknown target") << with("evidence: [note]", "evidence: [probe]\n    probe: [dns]") << 10
                                    << QStringLiteral("unknown target kind 'dns'");
    QTest::newRow("signature without role") << with("evidence: [note]", "evidence: [signature]") << 7
                                            << QStringLiteral("names the role that signs");
    QTest::newRow("unknown role") << with("evidence: [note]", "evidence: [signature]\n    role: wizard") << 10
                                  << QStringLiteral("unknown role 'wizard'");
    QTest::newRow("duplicate step")
        << with("closure_condition",
                "  - id: one\n    action: again\n    evidence: [note]\nclosure_condition")
        << 10 << QStringLiteral("duplicate step id 'one'");
    QTest::newRow("skippable not bool") << with("evidence: [note]", "evidence: [note]\n    skippable: maybe")
                                        << 10 << QStringLiteral("skippable");
}

void TestRunbooks::badRunbooks() {
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(QString, message);
    auto r = RunbookLibrary::parse(yaml, QStringLiteral("demo.yaml"));
    QVERIFY(!r.ok());
    const QString text = r.error().toString();
    QVERIFY2(text.contains(QStringLiteral("demo.yaml:")), qPrintable(text));
    if (line > 0)
        QVERIFY2(text.contains(QStringLiteral("demo.yaml:%1").arg(line)), qPrintable(text));
    QVERIFY2(text.contains(message), qPrintable(text));
}

void TestRunbooks::badFileLeavesTheOthers() {
    test::TempDir dir;
    dir.write(QStringLiteral("a-good.yaml"), kGood);
    dir.write(QStringLiteral("b-bad.yaml"), QByteArray(kGood)
                                                .replace("evidence: [note]", "evidence: [vibes]")
                                                .replace("demo-book", "other-book"));
    dir.write(QStringLiteral("c-dup.yaml"), kGood);
    const RunbookLibrary lib = RunbookLibrary::fromDirectory(dir.path());
    QCOMPARE(lib.runbooks.size(), 1);
    QCOMPARE(lib.runbooks.first().id, QStringLiteral("demo-book"));
    QCOMPARE(lib.problems.size(), 2);
    QVERIFY(lib.problems.at(0).toString().contains(QStringLiteral("b-bad.yaml:9")));
    QVERIFY(lib.problems.at(1).toString().contains(QStringLiteral("already used")));
}

QTEST_GUILESS_MAIN(TestRunbooks)
#include "tst_runbooks.moc"
