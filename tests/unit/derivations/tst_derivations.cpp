// The reviewer's desk against a real store: loading, every validation rule with a passing and a
// failing record, the life cycle and its role separation, re-derivation and rollback, the
// signature checked by the openssl command line, and the handoff package with its tamper cases.
#include "DerivationFixture.h"

#include "core/CanonicalJson.h"
#include "core/Tar.h"
#include "crypto/Sha256.h"
#include "derivations/Handoff.h"

#include <QFile>
#include <QProcess>
#include <QTest>

using namespace ops;
using test::derivationData;
using test::DerivationRig;

namespace {

QByteArray readData(const QString &name) {
    QFile f(derivationData(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(name));
    return f.readAll();
}

const RuleCheck *ruleIn(const QList<RuleCheck> &checks, const QString &id) {
    for (const RuleCheck &c : checks)
        if (c.rule == id)
            return &c;
    return nullptr;
}

int countKind(const EvidenceStore &store, const QString &kind) {
    EventFilter f;
    f.kind = kind;
    f.limit = 10000;
    return static_cast<int>(store.query(f).value().size());
}

// Rewrites a package with `edit` applied to its entries (tampering as an attacker would).
void rewritePackage(const QString &from, const QString &to,
                    const std::function<void(QList<tar::Entry> &)> &edit) {
    auto contents = tar::readFile(from);
    if (!contents.ok())
        qFatal("cannot read package");
    QList<tar::Entry> entries = contents->files;
    edit(entries);
    tar::Writer w;
    if (!w.open(to).ok())
        qFatal("cannot write package");
    for (const tar::Entry &e : entries)
        (void)w.add(e.name, e.data);
    (void)w.close();
}

} // namespace

class TestDerivations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void examplesLoadAndPassEveryRule();
    void yamlSyntaxErrorNamesTheLine();
    void structureErrors_data();
    void structureErrors();
    void everyRuleFails_data();
    void everyRuleFails();
    void placeholders_data();
    void placeholders();
    void setRulesAcrossRecords();
    void rejectedImportWritesNothing();
    void importNeedsTheAnalystAndLeavesADeniedEvent();
    void reviewIsSeparatedFromAuthorship();
    void signNeedsAcceptanceAndTheRiskOwnersNote();
    void signatureVerifiesWithTheOpensslCommandLine();
    void supersedeCascadesAndEditsNothing();
    void rollbackInvalidatesWithAffectedValues();
    void forbiddenRunFailsTheAttestation();
    void identitiesKeepAnalystLockerLauncherApart();
    void handoffStatusFollowsTheEvidence();
    void handoffPackageRoundTrip();
    void handoffTamperIsCaught();
    void hostilePackagesAreRefusedWhileStreaming();
    void supersedingAHandedOffValueOwesS03ANotification();
};

void TestDerivations::examplesLoadAndPassEveryRule() {
    for (const QString &file :
         DerivationRig::exampleFiles() + QStringList{derivationData(QStringLiteral("p90-cost-v2.yaml"))}) {
        const LoadedFile loaded = DerivationLoader::loadFile(file);
        QVERIFY2(loaded.errors.isEmpty(), qPrintable(file));
        QVERIFY(!loaded.records.isEmpty());
        for (const DerivationRecord &r : loaded.records) {
            const QList<Diagnostic> f = DerivationRules::findings(r);
            QVERIFY2(f.isEmpty(), qPrintable(f.isEmpty() ? QString() : f.first().toString()));
        }
    }
    const LoadedFile mapping = DerivationLoader::loadFile(derivationData(QStringLiteral("mapping.yaml")));
    QCOMPARE(mapping.records.size(), 2);
    QCOMPARE(mapping.records.at(1).id, QStringLiteral("e-pred-min-v1"));
    QCOMPARE(mapping.records.at(1).line, 23);
    QCOMPARE(mapping.records.at(1).lineOf(QStringLiteral("value")), 26);
    QCOMPARE(mapping.records.at(0).references(), QStringList{QStringLiteral("p90-cost-v1")});
    const LoadedFile inf =
        DerivationLoader::loadFile(derivationData(QStringLiteral("infeasible-power.yaml")));
    QVERIFY(inf.records.first().isInfeasible());
    QCOMPARE(inf.records.first().valueName(), QStringLiteral("power_sample_size"));
    QCOMPARE(inf.records.first().lockability(), QStringLiteral("infeasible"));
    const LoadedFile cost = DerivationLoader::loadFile(derivationData(QStringLiteral("p90-cost.yaml")));
    QVERIFY(cost.records.first().isCostOrCapacity());
    QCOMPARE(cost.records.first().inputHashes(),
             QStringList{
                 QStringLiteral("sha256:60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752")});
    // The canonical form is stable and what is hashed.
    QCOMPARE(cost.records.first().sha256(),
             crypto::sha256Hex(QByteArray::fromStdString(cost.records.first().canonical())));
    QVERIFY(CanonicalJson::isCanonical(cost.records.first().canonical()));
}

void TestDerivations::yamlSyntaxErrorNamesTheLine() {
    const LoadedFile f = DerivationLoader::loadText("derivation_id: x\nstory: [unclosed\nvalue: 1\n",
                                                    QStringLiteral("bad.yaml"));
    QVERIFY(f.records.isEmpty());
    QCOMPARE(f.errors.size(), 1);
    QVERIFY(f.errors.first().message.contains(QLatin1String("YAML syntax error")));
    QVERIFY(f.errors.first().line >= 2);
    QVERIFY(f.errors.first().toString().startsWith(QLatin1String("bad.yaml:")));
}

void TestDerivations::structureErrors_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("scalar") << QByteArray("just text\n") << 1 << QStringLiteral("expected one record");
    QTest::newRow("empty list") << QByteArray("[]\n") << 1 << QStringLiteral("no records");
    QTest::newRow("list of scalars") << QByteArray("- a\n- b\n") << 1 << QStringLiteral("must be a mapping");
    QTest::newRow("no id") << QByteArray("story: S02\nvalue: 1\n") << 1
                           << QStringLiteral("derivation_id or infeasible_id is missing");
    QTest::newRow("both ids") << QByteArray("derivation_id: a\ninfeasible_id: b\n") << 1
                              << QStringLiteral("not both");
    QTest::newRow("duplicate field") << QByteArray("derivation_id: a\nvalue: 1\nvalue: 2\n") << 3
                                     << QStringLiteral("duplicate field 'value'");
    QTest::newRow("duplicate nested key") << QByteArray("derivation_id: a\nparameters:\n  k: 1\n  k: 2\n")
                                          << 4 << QStringLiteral("duplicate key 'k'");
    QByteArray deep = "derivation_id: a\nparameters: ";
    for (int i = 0; i < 20; ++i)
        deep += "[";
    for (int i = 0; i < 20; ++i)
        deep += "]";
    QTest::newRow("deep") << deep << 2 << QStringLiteral("nested deeper");
}

void TestDerivations::structureErrors() {
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(QString, fragment);
    const LoadedFile f = DerivationLoader::loadText(text, QStringLiteral("r.yaml"));
    QVERIFY(f.records.isEmpty());
    QVERIFY(!f.errors.isEmpty());
    QVERIFY2(f.errors.first().message.contains(fragment), qPrintable(f.errors.first().toString()));
    QCOMPARE(f.errors.first().line, line);
}

void TestDerivations::everyRuleFails_data() {
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("fragment");
    const QString d = QStringLiteral("p90-cost.yaml"), i = QStringLiteral("infeasible-power.yaml");
    auto row = [](const char *name, const QString &base, const char *from, const char *to, const char *rule,
                  const char *field, const char *fragment) {
        QTest::newRow(name) << base << QString::fromUtf8(from) << QString::fromUtf8(to)
                            << QString::fromLatin1(rule) << QString::fromLatin1(field)
                            << QString::fromUtf8(fragment);
    };
    row("missing field", d, "units: bps\n", "", "template-fields", "", "missing field 'units'");
    row("missing INFEASIBLE field", i,
        "allowed_next_action: Extend the history with the approved 2023 cache, then re-derive.\n", "",
        "template-fields", "", "missing field 'allowed_next_action'");
    row("unknown field", d, "units: bps\n", "units: bps\nowner: ana\n", "template-fields", "owner",
        "unknown field 'owner'");
    row("list where a value goes", d, "value: \"7.5\"", "value: [7, 8]", "template-fields", "value",
        "single value");
    row("empty", d, "units: bps", "units: ''", "non-empty", "units", "'units' is empty");
    row("null", d, "units: bps", "units:", "non-empty", "units", "'units' is empty");
    row("TBD", d, "code_version: derivations-0.4.2", "code_version: TBD", "no-placeholder", "code_version",
        "placeholder");
    row("TODO nested", d, "percentile: \"90\"", "percentile: TODO later", "no-placeholder",
        "parameters.percentile", "placeholder");
    row("question mark", i, "failed_derivation: power_sample_size", "failed_derivation: \"?\"",
        "no-placeholder", "failed_derivation", "placeholder");
    row("angle brackets", d, "derivations/p90_cost_bps.yaml", "derivations/<value>.yaml", "no-placeholder",
        "artifact_path", "placeholder");
    row("id", d, "derivation_id: p90-cost-v1", "derivation_id: p90 cost v1", "record-id", "derivation_id",
        "letters, digits");
    row("mlflow none without reason", d,
        "notes: No MLflow run - computed by a read-only script; MLflow is provenance-only here.",
        "notes: Computed by a read-only script.", "mlflow-none-reason", "mlflow_run_id",
        "notes must give the reason");
    row("lockability", d, "lockability: lockable", "lockability: maybe", "lockability", "lockability",
        "lockable | non-lockable");
    row("cost tier", d, "cost_tier: B", "cost_tier: E", "cost-tier", "cost_tier", "A | B | C | D | n/a");
    row("tier C lockable", d, "cost_tier: B", "cost_tier: C", "tier-c-not-lockable", "lockability",
        "never lockable");
    row("tier D", d, "cost_tier: B\n", "cost_tier: D\n", "tier-d-not-carried", "cost_tier",
        "reason cost-data");
    row("econ equals pred", d, "percentile: \"90\"",
        "percentile: \"90\"\n  E_econ_min: \"0.01\"\n  E_pred_min: \"0.010\"", "econ-pred-distinct",
        "parameters", "E_econ_min equals E_pred_min");
    row("infeasible reason", i, "reason: power", "reason: budget", "infeasible-reason", "reason",
        "cost-data | capacity");
    row("blocked downstream", i, "blocked_downstream: S03 (charter lock)", "blocked_downstream: S04 launch",
        "blocked-downstream", "blocked_downstream", "must name S03");
    row("git sha short", d, "git_sha: 3e5f0c1d2b4a69788796a5b4c3d2e1f0a9b8c7d6", "git_sha: 3e5f0c1",
        "git-sha", "git_sha", "40-hex");
    row("hash without algorithm", d,
        "- sha256:60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752",
        "- 60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752", "input-hashes",
        "input_hashes[0]", "must carry its algorithm");
    row("weak algorithm", d, "- sha256:60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752",
        "- md5:60303ae22b998861bce3b28f33eec1be", "input-hashes", "input_hashes[0]",
        "unknown or weak algorithm 'md5'");
    row("digest length", d, "- sha256:60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752",
        "- sha256:60303ae22b99", "input-hashes", "input_hashes[0]", "64 hex digits");
    row("timestamp offset", d, "timestamp: 2026-11-20T10:02:00Z", "timestamp: 2026-11-20T12:02:00+02:00",
        "timestamp-utc", "timestamp", "must be UTC");
    row("timestamp format", i, "timestamp: 2026-11-20T12:30:00Z", "timestamp: 20/11/2026", "timestamp-utc",
        "timestamp", "ISO-8601");
    row("author reviews", d, "reviewer: rui", "reviewer: Ana", "author-not-reviewer", "reviewer",
        "never reviewed by its author");
}

void TestDerivations::everyRuleFails() {
    QFETCH(QString, base);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, rule);
    QFETCH(QString, field);
    QFETCH(QString, fragment);
    const QByteArray good = readData(base);
    // The passing record passes this rule.
    const LoadedFile passing = DerivationLoader::loadText(good, base);
    QVERIFY(passing.errors.isEmpty());
    const QList<RuleCheck> before = DerivationRules::check(passing.records.first());
    QVERIFY(ruleIn(before, rule));
    QVERIFY(ruleIn(before, rule)->ok);
    // The failing one fails exactly there, naming file:line and field.
    QVERIFY2(good.contains(from.toUtf8()), qPrintable(from));
    QByteArray bad = good;
    bad.replace(from.toUtf8(), to.toUtf8());
    const LoadedFile failing = DerivationLoader::loadText(bad, base);
    QVERIFY2(failing.errors.isEmpty(),
             qPrintable(failing.errors.isEmpty() ? QString() : failing.errors.first().toString()));
    const QList<RuleCheck> after = DerivationRules::check(failing.records.first());
    const RuleCheck *c = ruleIn(after, rule);
    QVERIFY(c);
    QVERIFY(!c->ok);
    QVERIFY(!c->findings.isEmpty());
    const Diagnostic &d = c->findings.first();
    QVERIFY2(d.message.contains(fragment), qPrintable(d.toString()));
    QCOMPARE(d.key, field);
    QCOMPARE(d.file, base);
    QVERIFY(d.line > 0);
    if (!field.isEmpty()) {
        // The line is the field's own line in the file.
        const QString top = field.section(QLatin1Char('.'), 0, 0).section(QLatin1Char('['), 0, 0);
        const QList<QByteArray> lines = bad.split('\n');
        QVERIFY2(lines.value(d.line - 1).trimmed().startsWith(QByteArray(top.toUtf8() + ':')),
                 qPrintable(d.toString()));
    }
    // Every other rule still passes: each rule has its own message.
    for (const RuleCheck &other : after)
        if (other.rule != rule && other.rule != QLatin1String("non-empty") &&
            other.rule != QLatin1String("template-fields"))
            QVERIFY2(other.ok || rule == QLatin1String("non-empty"), qPrintable(other.rule));
}

void TestDerivations::placeholders_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("placeholder");
    for (const char *p :
         {"TBD", "tbd", "TODO: fill", "?", "???", "<value>", "path/<name>.yaml", "...", "…", "FIXME", ""})
        QTest::newRow(p) << QString::fromUtf8(p) << true;
    for (const char *p : {"7.5", "a < b and c", "is it 2? yes", "todolist-v2", "x > y", "none", "sha256:abc"})
        QTest::newRow(p) << QString::fromUtf8(p) << false;
}

void TestDerivations::placeholders() {
    QFETCH(QString, text);
    QFETCH(bool, placeholder);
    QCOMPARE(DerivationRules::isPlaceholder(text), placeholder);
}

void TestDerivations::setRulesAcrossRecords() {
    QByteArray mapping = readData(QStringLiteral("mapping.yaml"));
    mapping.replace("value: \"0.018\"", "value: \"0.0120\"");
    const LoadedFile f = DerivationLoader::loadText(mapping, QStringLiteral("mapping.yaml"));
    QVERIFY(f.errors.isEmpty());
    QList<Diagnostic> d = DerivationRules::checkSet(f.records, {});
    QCOMPARE(d.size(), 2); // each of the two names the other
    QVERIFY(d.first().message.contains(QLatin1String("equals")));
    QCOMPARE(d.first().line, 5);
    // Against a live record already in the store.
    const LoadedFile one = DerivationLoader::loadText(
        mapping.left(mapping.indexOf("- derivation_id: e-pred")), QStringLiteral("a.yaml"));
    const LoadedFile other = DerivationLoader::loadText(
        mapping.mid(mapping.indexOf("- derivation_id: e-pred")), QStringLiteral("b.yaml"));
    QCOMPARE(DerivationRules::checkSet(other.records, one.records).size(), 1);
    // Ids are unique across a batch.
    const LoadedFile cost = DerivationLoader::loadFile(derivationData(QStringLiteral("p90-cost.yaml")));
    d = DerivationRules::checkSet(cost.records + cost.records, {});
    QCOMPARE(d.size(), 1);
    QVERIFY(d.first().message.contains(QLatin1String("already recorded")));
    // validateFiles reports per file, as `derivation validate --json` prints.
    test::TempDir dir;
    const QString bad =
        dir.write(QStringLiteral("bad.yaml"),
                  readData(QStringLiteral("p90-cost.yaml")).replace("cost_tier: B", "cost_tier: C"));
    const QList<FileValidation> v =
        validateFiles({derivationData(QStringLiteral("reference-capacity.yaml")), bad});
    QCOMPARE(v.size(), 2);
    QVERIFY(v.at(0).ok());
    QVERIFY(!v.at(1).ok());
    const JsonValue j = v.at(1).toJson();
    QCOMPARE(j.find("ok")->toBool(true), false);
    QCOMPARE(j.find("errors")->toArray().at(0).stringAt("field"), QStringLiteral("lockability"));
    QCOMPARE(j.find("errors")->toArray().at(0).find("line")->toInt(), 6);
}

void TestDerivations::rejectedImportWritesNothing() {
    DerivationRig rig;
    test::TempDir dir;
    const QString bad =
        dir.write(QStringLiteral("bad.yaml"),
                  readData(QStringLiteral("p90-cost.yaml")).replace("cost_tier: B", "cost_tier: D"));
    const quint64 before = rig.size();
    auto r = rig.as(rig.ana).importFiles({derivationData(QStringLiteral("reference-capacity.yaml")), bad});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::InvalidInput);
    QVERIFY(r.error().where.startsWith(bad + QLatin1Char(':')));
    QVERIFY(r.error().message.contains(QLatin1String("cost-data")));
    QCOMPARE(rig.size(), before);
    // A good import: the file kept as an attachment, one event a record, signed by the analyst.
    auto good = rig.as(rig.ana).importFiles(DerivationRig::exampleFiles());
    QVERIFY_OK(good);
    QCOMPARE(good->size(), 5);
    QCOMPARE(countKind(*rig.f.store, QStringLiteral("evidence.attached")), 4);
    QVERIFY(good->first().signedByActor);
    QCOMPARE(good->first().actor, QStringLiteral("ana"));
    QCOMPARE(rig.fresh().record(QStringLiteral("e-pred-min-v1"))->status, RecordStatus::InReview);
    // Importing the same id again is refused: a change is a re-derivation.
    const quint64 after = rig.size();
    auto again = rig.as(rig.ana).importFiles({derivationData(QStringLiteral("p90-cost.yaml"))});
    QVERIFY(!again.ok());
    QVERIFY(again.error().message.contains(QLatin1String("re-derivation")));
    QCOMPARE(rig.size(), after);
}

void TestDerivations::importNeedsTheAnalystAndLeavesADeniedEvent() {
    DerivationRig rig;
    auto r = rig.as(rig.otto).importFiles({derivationData(QStringLiteral("p90-cost.yaml"))});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::Policy);
    QCOMPARE(r.error().exitCode(), 4);
    QVERIFY(r.error().message.contains(QLatin1String("analyst")));
    const DerivationBook book = rig.book();
    QCOMPARE(book.records().size(), 0);
    QCOMPARE(book.denied().size(), 1);
    QCOMPARE(book.denied().first().actor, QStringLiteral("otto"));
    QCOMPARE(book.denied().first().action, QStringLiteral("import"));
    QVERIFY(book.denied().first().reason.contains(QLatin1String("analyst")));
}

void TestDerivations::reviewIsSeparatedFromAuthorship() {
    DerivationRig rig;
    Signer ivy = test::makeSigner(QStringLiteral("ivy")); // analyst and reviewer
    Signer rex = test::makeSigner(QStringLiteral("rex")); // a reviewer the records do not name
    QVERIFY_OK(rig.f.enrol(ivy, {QStringLiteral("analyst"), QStringLiteral("reviewer")}));
    QVERIFY_OK(rig.f.enrol(rex, {QStringLiteral("reviewer")}));
    test::TempDir dir;
    // Authored by rui (a reviewer), reviewer named ivy; and one imported by ivy naming ivy.
    const QString byRui =
        dir.write(QStringLiteral("by-rui.yaml"), readData(QStringLiteral("p90-cost.yaml"))
                                                     .replace("author: ana", "author: rui")
                                                     .replace("reviewer: rui", "reviewer: ivy"));
    const QString namesIvy = dir.write(
        QStringLiteral("names-ivy.yaml"),
        readData(QStringLiteral("reference-capacity.yaml")).replace("reviewer: rui", "reviewer: ivy"));
    QVERIFY_OK(rig.as(rig.ana).importFiles({byRui}));
    QVERIFY_OK(rig.as(ivy).importFiles({namesIvy}));
    QVERIFY_OK(rig.as(rig.ana).importFiles({derivationData(QStringLiteral("infeasible-power.yaml"))}));

    struct Case {
        Signer *who;
        QString record;
        QString fragment;
    };
    const QList<Case> refused = {
        {&rig.rui, QStringLiteral("p90-cost-v1"), QStringLiteral("rui is the author")},
        {&ivy, QStringLiteral("reference-capacity-v1"), QStringLiteral("ivy imported")},
        {&rex, QStringLiteral("INFEASIBLE-power"), QStringLiteral("names rui as its reviewer")},
        {&rig.ana, QStringLiteral("INFEASIBLE-power"), QStringLiteral("needs the reviewer role")},
        {&rig.rita, QStringLiteral("INFEASIBLE-power"), QStringLiteral("needs the reviewer role")},
    };
    int denied = 0;
    for (const Case &c : refused) {
        auto r = rig.as(*c.who).review(c.record, true, {});
        QVERIFY2(!r.ok(), qPrintable(c.fragment));
        QCOMPARE(r.error().code, ErrorCode::Policy);
        QVERIFY2(r.error().message.contains(c.fragment), qPrintable(r.error().message));
        QCOMPARE(rig.book().denied().size(), ++denied);
        QVERIFY(!rig.as(*c.who).refusal(DerivationActions::Action::Review, c.record).isEmpty());
    }
    // A rejection needs a reason (invalid input, nothing written).
    const quint64 before = rig.size();
    auto noReason = rig.as(rig.rui).review(QStringLiteral("INFEASIBLE-power"), false, QStringLiteral("  "));
    QVERIFY(!noReason.ok());
    QCOMPARE(noReason.error().code, ErrorCode::InvalidInput);
    QCOMPARE(rig.size(), before);
    // The named reviewer reviews; once.
    QVERIFY(rig.as(rig.rui)
                .refusal(DerivationActions::Action::Review, QStringLiteral("INFEASIBLE-power"))
                .isEmpty());
    QVERIFY_OK(rig.as(rig.rui).review(QStringLiteral("INFEASIBLE-power"), false,
                                      QStringLiteral("the reason is capacity, not power")));
    QCOMPARE(rig.fresh().record(QStringLiteral("INFEASIBLE-power"))->status, RecordStatus::Rejected);
    auto twice = rig.as(rig.rui).review(QStringLiteral("INFEASIBLE-power"), true, {});
    QVERIFY(!twice.ok());
    QVERIFY(twice.error().message.contains(QLatin1String("already reviewed")));
    // A rejected record is never signed.
    auto sign = rig.as(rig.rui).sign(QStringLiteral("INFEASIBLE-power"));
    QVERIFY(!sign.ok());
    QVERIFY(sign.error().message.contains(QLatin1String("only an accepted record")));
}

void TestDerivations::signNeedsAcceptanceAndTheRiskOwnersNote() {
    DerivationRig rig;
    QVERIFY_OK(rig.as(rig.ana).importFiles({derivationData(QStringLiteral("p90-cost.yaml"))}));
    const QString id = QStringLiteral("p90-cost-v1");
    auto early = rig.as(rig.rui).sign(id);
    QVERIFY(!early.ok());
    QVERIFY(early.error().message.contains(QLatin1String("in-review")));
    QVERIFY_OK(rig.as(rig.rui).review(id, true, {}));
    auto noNote = rig.as(rig.rui).sign(id);
    QVERIFY(!noNote.ok());
    QCOMPARE(noNote.error().code, ErrorCode::Policy);
    QVERIFY(noNote.error().message.contains(QLatin1String("risk-owner note")));
    // Only the risk owner writes that note, and not the author.
    QVERIFY(!rig.as(rig.rui).riskNote(id, QStringLiteral("fine")).ok());
    QVERIFY(!rig.as(rig.ana).riskNote(id, QStringLiteral("fine")).ok());
    QVERIFY_OK(rig.as(rig.rita).riskNote(id, QStringLiteral("Tier B from venue logs; P90 over one quarter")));
    auto signedEvent = rig.as(rig.rui).sign(id);
    QVERIFY_OK(signedEvent);
    const RecordState *s = rig.fresh().record(id);
    QCOMPARE(s->status, RecordStatus::Signed);
    QVERIFY(s->signature);
    QCOMPARE(s->signature->signer, QStringLiteral("rui"));
    // The statement binds the canonical hash, the git_sha and the input hashes.
    auto st = CanonicalJson::parse(s->signature->statement);
    QVERIFY_OK(st);
    QCOMPARE(st->stringAt("record_sha256"), s->recordSha256);
    QCOMPARE(st->stringAt("git_sha"), QStringLiteral("3e5f0c1d2b4a69788796a5b4c3d2e1f0a9b8c7d6"));
    QCOMPARE(st->find("input_hashes")->toArray().size(), std::size_t(1));
    QCOMPARE(st->stringAt("type"), QStringLiteral("opsconsole.derivation-signature/1"));
    const crypto::PublicKey key = rig.rui.key.publicKey();
    QVERIFY(verifyRecordSignature(*s, key));
    RecordState forged = *s;
    forged.record.fields["value"] = "6.0";
    QVERIFY(!verifyRecordSignature(forged, key));
    QVERIFY(!verifyRecordSignature(*s, rig.ana.key.publicKey()));
    auto again = rig.as(rig.rui).sign(id);
    QVERIFY(!again.ok());
    QVERIFY(again.error().message.contains(QLatin1String("already signed")));
}

void TestDerivations::signatureVerifiesWithTheOpensslCommandLine() {
    DerivationRig rig;
    QVERIFY_OK(rig.as(rig.ana).importFiles({derivationData(QStringLiteral("infeasible-power.yaml"))}));
    QVERIFY_OK(rig.as(rig.rui).review(QStringLiteral("INFEASIBLE-power"), true,
                                      QStringLiteral("power reason is right")));
    QVERIFY_OK(rig.as(rig.rui).sign(QStringLiteral("INFEASIBLE-power")));
    const RecordState *s = rig.fresh().record(QStringLiteral("INFEASIBLE-power"));
    test::TempDir dir;
    const QString pem =
        dir.write(QStringLiteral("rui.pem"), rig.f.store->identity(QStringLiteral("rui"))->publicKeyPem);
    const QString statement =
        dir.write(QStringLiteral("statement"), QByteArray::fromStdString(s->signature->statement));
    const QString sig = dir.write(QStringLiteral("sig"), s->signature->signature);
    auto verify = [&](const QString &in) {
        QProcess p;
        p.start(QStringLiteral("openssl"),
                {QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"),
                 QStringLiteral("-inkey"), pem, QStringLiteral("-rawin"), QStringLiteral("-in"), in,
                 QStringLiteral("-sigfile"), sig});
        p.waitForFinished(30000);
        return std::pair<int, QByteArray>{p.exitCode(),
                                          QByteArray(p.readAllStandardOutput() + p.readAllStandardError())};
    };
    const auto [code, out] = verify(statement);
    QCOMPARE(code, 0);
    QVERIFY2(out.contains("Signature Verified Successfully"), out.constData());
    QByteArray changed = QByteArray::fromStdString(s->signature->statement);
    changed.replace("INFEASIBLE-power", "INFEASIBLE-powex");
    const auto [badCode, badOut] = verify(dir.write(QStringLiteral("changed"), changed));
    QVERIFY(badCode != 0);
    Q_UNUSED(badOut)
    // The statement names the record's canonical hash, recomputable from the record alone.
    QCOMPARE(CanonicalJson::parse(s->signature->statement)->stringAt("record_sha256"),
             crypto::sha256Hex(QByteArray::fromStdString(s->record.canonical())));
}

void TestDerivations::supersedeCascadesAndEditsNothing() {
    DerivationRig rig;
    QVERIFY(rig.settleAll());
    const QString oldHash = rig.fresh().record(QStringLiteral("p90-cost-v1"))->recordSha256;
    // Only the analyst re-derives.
    QVERIFY(!rig.as(rig.rui)
                 .supersede(QStringLiteral("p90-cost-v1"), derivationData(QStringLiteral("p90-cost-v2.yaml")),
                            QStringLiteral("logs incomplete"))
                 .ok());
    auto r = rig.as(rig.ana).supersede(QStringLiteral("p90-cost-v1"),
                                       derivationData(QStringLiteral("p90-cost-v2.yaml")),
                                       QStringLiteral("trade logs found incomplete"));
    QVERIFY_OK(r);
    const DerivationBook book = rig.book();
    const RecordState *old = book.record(QStringLiteral("p90-cost-v1"));
    QCOMPARE(old->status, RecordStatus::Superseded);
    QCOMPARE(old->supersededBy, QStringLiteral("p90-cost-v2"));
    QCOMPARE(old->recordSha256, oldHash);
    QVERIFY(old->signature); // the signed artifact is kept, never deleted
    // Downstream: E_econ_min depends on the old cost, E_pred_min on E_econ_min.
    QCOMPARE(book.record(QStringLiteral("e-econ-min-v1"))->status, RecordStatus::Invalidated);
    QCOMPARE(book.record(QStringLiteral("e-pred-min-v1"))->status, RecordStatus::Invalidated);
    QVERIFY(book.record(QStringLiteral("e-pred-min-v1"))->ended->text.contains(QLatin1String("depends on")));
    QCOMPARE(book.record(QStringLiteral("reference-capacity-v1"))->status, RecordStatus::Signed);
    const RecordState *next = book.record(QStringLiteral("p90-cost-v2"));
    QCOMPARE(next->status, RecordStatus::InReview);
    QCOMPARE(next->supersedes, QStringLiteral("p90-cost-v1"));
    // The tier change is recorded; lockability re-evaluated.
    bool sawTierChange = false;
    for (const StoredEvent &e : r.value())
        if (e.kind == QLatin1String("derivation.superseded"))
            sawTierChange = e.payload().stringAt("cost_tier_change").startsWith(QStringLiteral("B → C"));
    QVERIFY(sawTierChange);
    // Terminal states stay terminal.
    auto again = rig.as(rig.ana).supersede(QStringLiteral("p90-cost-v1"),
                                           derivationData(QStringLiteral("p90-cost-v2.yaml")),
                                           QStringLiteral("again"));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::Policy);
    QVERIFY(again.error().message.contains(QLatin1String("final")));
    QVERIFY(!rig.as(rig.rui).review(QStringLiteral("e-econ-min-v1"), true, {}).ok());
    // The new record is reviewed again; Tier C is non-lockable and blocks S03.
    QVERIFY_OK(rig.as(rig.rui).review(QStringLiteral("p90-cost-v2"), true, QStringLiteral("reproduced")));
    QVERIFY_OK(rig.as(rig.rita).riskNote(QStringLiteral("p90-cost-v2"),
                                         QStringLiteral("kept as non-lockable context only")));
    QVERIFY_OK(rig.as(rig.rui).sign(QStringLiteral("p90-cost-v2")));
    const HandoffStatus st = computeHandoffStatus(rig.fresh());
    bool blocked = false;
    for (const auto &[rec, why] : st.blocking)
        if (rec->record.id == QLatin1String("p90-cost-v2"))
            blocked = why.contains(QLatin1String("Tier C"));
    QVERIFY(blocked);
    // E_econ_min and E_pred_min are now unsettled: the handoff is incomplete again.
    QVERIFY(!st.complete);
    QVERIFY(st.missing().join(QLatin1Char(' ')).contains(QLatin1String("E_econ_min (no live record")));
}

void TestDerivations::rollbackInvalidatesWithAffectedValues() {
    DerivationRig rig;
    QVERIFY_OK(rig.as(rig.ana).importFiles(DerivationRig::exampleFiles()));
    QVERIFY(!rig.as(rig.otto).invalidate(QStringLiteral("e-econ-min-v1"), QStringLiteral("bad")).ok());
    const quint64 before = rig.size();
    QVERIFY(!rig.as(rig.rui).invalidate(QStringLiteral("e-econ-min-v1"), QString()).ok());
    QCOMPARE(rig.size(), before);
    auto r = rig.as(rig.rui).invalidate(QStringLiteral("e-econ-min-v1"),
                                        QStringLiteral("exploratory outcome influenced the choice"));
    QVERIFY_OK(r);
    QCOMPARE(r->size(), 2);
    const JsonValue p = r->first().payload();
    QCOMPARE(p.stringAt("cause"), QStringLiteral("rollback"));
    QCOMPARE(r->first().actor, QStringLiteral("rui"));
    QStringList affected;
    for (const JsonValue &v : p.find("affected_values")->toArray())
        affected << v.toQString();
    QCOMPARE(affected, (QStringList{QStringLiteral("E_econ_min"), QStringLiteral("E_pred_min")}));
    QCOMPARE(p.find("downstream_notifications")->toArray().at(0).toQString(),
             QStringLiteral("e-pred-min-v1"));
    QCOMPARE(rig.fresh().record(QStringLiteral("e-pred-min-v1"))->status, RecordStatus::Invalidated);
    QCOMPARE(rig.fresh().record(QStringLiteral("p90-cost-v1"))->status, RecordStatus::InReview);
}

void TestDerivations::forbiddenRunFailsTheAttestation() {
    DerivationRig rig;
    QVERIFY(rig.settleAll());
    QVERIFY(computeHandoffStatus(rig.fresh()).complete);
    QVERIFY(!rig.as(rig.rui).attest(true, QStringLiteral("x")).ok()); // only the analyst attests
    QVERIFY_OK(rig.as(rig.ana).attest(
        true, QStringLiteral("a helper training job was launched to check the null gate")));
    const DerivationBook book = rig.book();
    QVERIFY(book.attestation()->forbiddenRun);
    QVERIFY(book.live().isEmpty());
    const HandoffStatus st = computeHandoffStatus(book);
    QVERIFY(!st.complete);
    QVERIFY(st.missing().join(QLatin1Char(' ')).contains(QLatin1String("FAILED")));
}

void TestDerivations::identitiesKeepAnalystLockerLauncherApart() {
    DerivationRig rig;
    for (const QStringList &roles :
         {QStringList{QStringLiteral("analyst"), QStringLiteral("locker")},
          QStringList{QStringLiteral("locker"), QStringLiteral("launcher")},
          QStringList{QStringLiteral("analyst"), QStringLiteral("launcher"), QStringLiteral("qa")}}) {
        Signer s = test::makeSigner(QStringLiteral("both-") + roles.join(QLatin1Char('-')));
        auto r = rig.f.store->registerIdentity(s, roles);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Policy);
        QVERIFY(r.error().message.contains(QLatin1String("different identities")));
    }
    Signer fine = test::makeSigner(QStringLiteral("fine"));
    QVERIFY_OK(rig.f.store->registerIdentity(fine, {QStringLiteral("analyst"), QStringLiteral("reviewer")}));
}

void TestDerivations::handoffStatusFollowsTheEvidence() {
    DerivationRig rig;
    HandoffStatus st = computeHandoffStatus(rig.fresh());
    QVERIFY(!st.complete);
    for (const HandoffCriterion &c : st.criteria)
        QVERIFY2(!c.ok || c.id == QLatin1String("review-queue") || c.id == QLatin1String("risk-owner-notes"),
                 qPrintable(c.id));
    QVERIFY(rig.settleAll());
    st = computeHandoffStatus(rig.fresh());
    QVERIFY2(st.complete, qPrintable(st.missing().join(QStringLiteral("; "))));
    QCOMPARE(st.values.size(), 5);
    QCOMPARE(st.values.last().state, QStringLiteral("infeasible"));
    QStringList eligible;
    for (const RecordState *r : st.eligible)
        eligible << r->record.valueName();
    eligible.sort();
    QCOMPARE(eligible, (QStringList{QStringLiteral("E_econ_min"), QStringLiteral("E_pred_min"),
                                    QStringLiteral("p90_cost_bps"), QStringLiteral("reference_capacity")}));
    QCOMPARE(st.blocking.size(), 1);
    QVERIFY(st.blocking.first().second.contains(QLatin1String("INFEASIBLE")));
    // A charter value nobody derived keeps it incomplete, named.
    QVERIFY_OK(rig.as(rig.rui).declareCharter(DerivationRig::exampleValues() << QStringLiteral("null_gate")));
    st = computeHandoffStatus(rig.fresh());
    QVERIFY(!st.complete);
    QVERIFY(st.missing().join(QLatin1Char(' ')).contains(QLatin1String("null_gate")));
    QVERIFY(!rig.as(rig.otto).declareCharter({QStringLiteral("x")}).ok());
    QVERIFY(!rig.as(rig.rui).declareCharter({QStringLiteral("TBD")}).ok());
    QVERIFY(!rig.as(rig.ana).recordThreats({}).ok()); // threats are the reviewer's
}

void TestDerivations::handoffPackageRoundTrip() {
    DerivationRig rig;
    test::TempDir dir;
    QVERIFY_OK(rig.as(rig.ana).importFiles(DerivationRig::exampleFiles()));
    // Incomplete: refused unless a draft, and the refusal is evidence.
    DerivationActions rui = rig.as(rig.rui);
    auto refused = Handoff::exportPackage(*rig.f.store, rui, dir.file(QStringLiteral("a.tar.zst")), {});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Policy);
    QVERIFY(refused.error().message.contains(QLatin1String("incomplete")));
    QVERIFY(!QFile::exists(dir.file(QStringLiteral("a.tar.zst"))));
    QCOMPARE(rig.book().denied().size(), 1);
    Handoff::ExportOptions draft;
    draft.draft = true;
    auto d = Handoff::exportPackage(*rig.f.store, rui, dir.file(QStringLiteral("draft.tar.zst")), draft);
    QVERIFY_OK(d);
    QVERIFY(!d->complete);
    auto dv = Handoff::verifyPackage(dir.file(QStringLiteral("draft.tar.zst")));
    QVERIFY_OK(dv);
    QVERIFY(dv->valid);
    QVERIFY(dv->draft);

    for (const RecordState &r : rig.fresh().records()) {
        QVERIFY_OK(rig.as(rig.rui).review(r.record.id, true, QStringLiteral("ok")));
        if (r.record.isCostOrCapacity())
            QVERIFY_OK(rig.as(rig.rita).riskNote(r.record.id, QStringLiteral("noted")));
        QVERIFY_OK(rig.as(rig.rui).sign(r.record.id));
    }
    QVERIFY_OK(rig.as(rig.rui).declareCharter(DerivationRig::exampleValues()));
    QVERIFY_OK(rig.as(rig.rui).recordThreats({}));
    QVERIFY_OK(rig.as(rig.ana).attest(false, {}));
    // The locker is a different identity from every analyst.
    Handoff::ExportOptions toAna;
    toAna.locker = QStringLiteral("ana");
    QVERIFY(!Handoff::exportPackage(*rig.f.store, rui, dir.file(QStringLiteral("b.tar.zst")), toAna).ok());
    DerivationActions ana = rig.as(rig.ana);
    QVERIFY(!Handoff::exportPackage(*rig.f.store, ana, dir.file(QStringLiteral("b.tar.zst")), {})
                 .ok()); // reviewers export
    Handoff::ExportOptions toLou;
    toLou.locker = QStringLiteral("lou");
    const QString pkg = dir.file(QStringLiteral("handoff.tar.zst"));
    auto e = Handoff::exportPackage(*rig.f.store, rui, pkg, toLou);
    QVERIFY_OK(e);
    QVERIFY(e->complete);
    QCOMPARE(e->records, 5);
    QCOMPARE(e->signatures, 5);
    QCOMPARE(e->sha256, QString::fromLatin1(crypto::sha256File(pkg).value().toHex()));
    QVERIFY(e->files.contains(QStringLiteral("HANDOFF.md")));
    QVERIFY(e->files.contains(QStringLiteral("signatures/p90-cost-v1.sig")));
    QVERIFY(!Handoff::exportPackage(*rig.f.store, rui, pkg, toLou).ok()); // never overwritten
    auto v = Handoff::verifyPackage(pkg, rig.rui.key.publicKey().fingerprint());
    QVERIFY_OK(v);
    QVERIFY2(v->valid, qPrintable(v->problems().join(QStringLiteral("; "))));
    QVERIFY(v->complete);
    QCOMPARE(v->records, 5);
    QCOMPARE(v->signatures, 5);
    QCOMPARE(v->checks.size(), 5);
    QVERIFY(!Handoff::verifyPackage(pkg, rig.ana.key.publicKey().fingerprint())->valid); // pinned elsewhere
    // The readable summary says what a person needs.
    auto contents = tar::readFile(pkg);
    QVERIFY_OK(contents);
    const QString md = QString::fromUtf8(contents->find(QStringLiteral("HANDOFF.md"))->data);
    QVERIFY(md.contains(QStringLiteral("Complete (handoff checklist): **yes**")));
    QVERIFY(md.contains(QLatin1String("S03 locker: lou")));
    QVERIFY(md.contains(QLatin1String("power_sample_size (INFEASIBLE-power): typed INFEASIBLE (power)")));
    QVERIFY(md.contains(QLatin1String("- [x] No forbidden run")));
    QCOMPARE(countKind(*rig.f.store, QStringLiteral("handoff.exported")), 2);
    QVERIFY(rig.fresh().record(QStringLiteral("p90-cost-v1"))->handedToS03);
}

void TestDerivations::handoffTamperIsCaught() {
    DerivationRig rig;
    QVERIFY(rig.settleAll());
    test::TempDir dir;
    const QString pkg = dir.file(QStringLiteral("h.tar.zst"));
    DerivationActions rui = rig.as(rig.rui);
    QVERIFY_OK(Handoff::exportPackage(*rig.f.store, rui, pkg, {}));
    QVERIFY(Handoff::verifyPackage(pkg)->valid);
    struct Tamper {
        const char *name;
        std::function<void(QList<tar::Entry> &)> edit;
        QStringList failing;
    };
    const QString rec = QStringLiteral("records/p90-cost-v1.json");
    const QList<Tamper> cases = {
        {"changed record",
         [&](QList<tar::Entry> &es) {
             for (tar::Entry &e : es)
                 if (e.name == rec)
                     e.data.replace("\"7.5\"", "\"5.5\"");
         },
         {QStringLiteral("digests"), QStringLiteral("records"), QStringLiteral("signatures")}},
        {"removed record",
         [&](QList<tar::Entry> &es) { es.removeIf([&](const tar::Entry &e) { return e.name == rec; }); },
         {QStringLiteral("digests"), QStringLiteral("records")}},
        {"changed signature",
         [&](QList<tar::Entry> &es) {
             for (tar::Entry &e : es)
                 if (e.name == QLatin1String("signatures/p90-cost-v1.sig"))
                     e.data[3] = static_cast<char>(e.data[3] ^ 0x01);
         },
         {QStringLiteral("digests"), QStringLiteral("signatures")}},
        {"added file",
         [&](QList<tar::Entry> &es) {
             es.push_back({QStringLiteral("records/extra.json"), "{}"});
         },
         {QStringLiteral("digests")}},
        {"manifest re-signed by someone else",
         [&](QList<tar::Entry> &es) {
             for (tar::Entry &e : es)
                 if (e.name == QLatin1String("manifest.sig"))
                     e.data = rig.ana.key.sign(es.first().data);
         },
         {QStringLiteral("manifest signature")}},
        {"unsafe entry",
         [&](QList<tar::Entry> &es) {
             es.push_back({QStringLiteral("../escape"), "x"});
         },
         {QStringLiteral("archive")}},
    };
    int n = 0;
    for (const Tamper &t : cases) {
        const QString out = dir.file(QStringLiteral("t%1.tar.zst").arg(n++));
        rewritePackage(pkg, out, t.edit);
        auto v = Handoff::verifyPackage(out);
        QVERIFY_OK(v);
        QVERIFY2(!v->valid, t.name);
        QStringList failing;
        for (const Handoff::Check &c : v->checks)
            if (!c.ok)
                failing << c.name;
        QVERIFY2(failing == t.failing, qPrintable(QStringLiteral("%1: %2").arg(
                                           QLatin1String(t.name), failing.join(QLatin1Char(',')))));
    }
    // Not an archive at all.
    const QString junk = dir.write(QStringLiteral("junk.tar.zst"), "not a tar");
    QVERIFY(!Handoff::verifyPackage(junk).ok());
}

// A handoff package is streamed, never held whole: a decompression bomb is refused by its ratio, a
// compression that would need an outside program (lzop) is never handed to one, and each refusal
// says why.
void TestDerivations::hostilePackagesAreRefusedWhileStreaming() {
    test::TempDir dir;
    // 2 GiB of zeros in one entry: refused by its declared size; 60 MiB of zeros (under that
    // cap) by the ratio, long before it is all inflated.
    const auto tarred = [&](const char *size, const QString &name) {
        QProcess sh;
        sh.setWorkingDirectory(dir.path());
        sh.start(QStringLiteral("sh"),
                 {QStringLiteral("-c"),
                  QStringLiteral("truncate -s %1 handoff.json && tar --zstd -cf %2 handoff.json && "
                                 "rm handoff.json")
                      .arg(QLatin1String(size), name)});
        return sh.waitForFinished(120000) && sh.exitCode() == 0;
    };
    QVERIFY(tarred("2G", QStringLiteral("huge.tar.zst")));
    const auto huge = Handoff::verifyPackage(dir.file(QStringLiteral("huge.tar.zst")));
    QVERIFY(!huge.ok());
    QVERIFY2(huge.error().message.contains(QLatin1String("one entry may hold")),
             qPrintable(huge.error().message));
    QVERIFY(tarred("60M", QStringLiteral("bomb.tar.zst")));
    const auto bomb = Handoff::verifyPackage(dir.file(QStringLiteral("bomb.tar.zst")));
    QVERIFY(!bomb.ok());
    QVERIFY2(bomb.error().message.contains(QLatin1String("decompression bomb")),
             qPrintable(bomb.error().message));

    const QString mark = dir.file(QStringLiteral("ran"));
    dir.write(QStringLiteral("bin/lzop"), QStringLiteral("#!/bin/sh\ntouch %1\ncat\n").arg(mark).toUtf8());
    QVERIFY(QFile::setPermissions(dir.file(QStringLiteral("bin/lzop")),
                                  QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    QByteArray lzo("\x89LZO\x00\x0d\x0a\x1a\x0a", 9);
    lzo += QByteArray(512, '\x01');
    const QString package = dir.write(QStringLiteral("h.tar.lzo"), lzo);
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", QFile::encodeName(dir.file(QStringLiteral("bin"))) + ':' + path);
    const auto lz = Handoff::verifyPackage(package);
    qputenv("PATH", path);
    QVERIFY(!QFile::exists(mark));
    QVERIFY(!lz.ok());
    QVERIFY2(lz.error().toString().contains(QLatin1String("archive")) &&
                 lz.error().toString().contains(package),
             qPrintable(lz.error().toString()));

    // A valid package with an entry larger than any package file appended: refused, named, and
    // not held (the digests are still checked over every byte).
    DerivationRig rig;
    QVERIFY(rig.settleAll());
    DerivationActions rui = rig.as(rig.rui);
    const QString pkg = dir.file(QStringLiteral("ok.tar.zst"));
    QVERIFY_OK(Handoff::exportPackage(*rig.f.store, rui, pkg, {}));
    const QString padded = dir.file(QStringLiteral("padded.tar.zst"));
    QByteArray noise(17 * 1024 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < noise.size(); ++i)
        noise[i] = char((i * 2654435761u) >> 13);
    rewritePackage(pkg, padded, [&](QList<tar::Entry> &es) {
        es.push_back({QStringLiteral("padding.bin"), noise});
    });
    auto v = Handoff::verifyPackage(padded);
    QVERIFY_OK(v);
    QVERIFY(!v->valid);
    QVERIFY2(v->checks.first().detail.contains(QLatin1String("'padding.bin' is larger than any file")),
             qPrintable(v->checks.first().detail));
}

void TestDerivations::supersedingAHandedOffValueOwesS03ANotification() {
    DerivationRig rig;
    QVERIFY(rig.settleAll());
    test::TempDir dir;
    DerivationActions rui = rig.as(rig.rui);
    QVERIFY_OK(Handoff::exportPackage(*rig.f.store, rui, dir.file(QStringLiteral("h.tar.zst")), {}));
    QVERIFY(computeHandoffStatus(rig.fresh()).notifications.isEmpty());
    auto r = rig.as(rig.ana).supersede(QStringLiteral("p90-cost-v1"),
                                       derivationData(QStringLiteral("p90-cost-v2.yaml")),
                                       QStringLiteral("logs incomplete"));
    QVERIFY_OK(r);
    QVERIFY(r->at(1).payload().find("s03_notification_required")->toBool());
    const HandoffStatus st = computeHandoffStatus(rig.fresh());
    QCOMPARE(st.notifications.size(), 3); // the cost and the two values derived from it
    QVERIFY(st.notifications.first().contains(QLatin1String("notify S03")));
}

QTEST_GUILESS_MAIN(TestDerivations)
#include "tst_derivations.moc"
