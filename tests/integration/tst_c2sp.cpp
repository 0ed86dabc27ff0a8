// Our checkpoints, inclusion proofs and consistency proofs as an implementation written elsewhere
// reads them: Go's golang.org/x/mod/sumdb/note and tlog (tests/interop/c2sp_check.go, built here
// in GOPATH mode from Debian's packages, no network). Every acceptance has a flipped-byte twin
// that must be rejected.
#include "core/FileUtil.h"
#include "crypto/SignedNote.h"
#include "store/EvidenceTypes.h"

#include "TestSupport.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace ops;
using ops::test::ProgramRunner;
using ops::test::RunResult;
using ops::test::TempDir;

class TestC2sp : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void checkpointNoteOpensInGo();
    void everyProofChecksInGo();
    void exportedBundleProofsCheckInGo();
    void consistencyProofChecksInGo();
    void cosignatureAddsAWitnessLine();
    void cosignRefusesWhatItCannotVouchFor();
    void originFromTheConfig();
    void postmortemAppendixChecksInGo();

private:
    RunResult cli(const QStringList &args) const {
        return m_run->run(QStringLiteral("opsconsole-cli"), args, 120000);
    }
    RunResult cli(const QString &args) const { return cli(args.split(QLatin1Char(' '), Qt::SkipEmptyParts)); }
    // Exit code of the Go checker; its output in *out.
    int go(const QStringList &args, QByteArray *out = nullptr) const;
    QString write(const QString &name, const QByteArray &data) const { return m_home->write(name, data); }
    QByteArray flipped(const QString &path, qsizetype index) const;
    void importEvents(int n);
    QString vkey(const QString &name) const;

    TempDir m_build;
    QString m_checker;
    std::unique_ptr<TempDir> m_home;
    std::unique_ptr<ProgramRunner> m_run;
    int m_imported = 0;
};

void TestC2sp::initTestCase() {
    const QString goBin = QStandardPaths::findExecutable(QStringLiteral("go"));
    QVERIFY2(!goBin.isEmpty(),
             "go is not installed (packaging/debian-deps.txt: golang-go, golang-golang-x-mod-dev)");
    QProcess build;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GO111MODULE"), QStringLiteral("off"));
    env.insert(QStringLiteral("GOPATH"), QStringLiteral("/usr/share/gocode"));
    env.insert(QStringLiteral("GOCACHE"), m_build.file(QStringLiteral("gocache")));
    env.insert(QStringLiteral("GOFLAGS"), QString());
    env.insert(QStringLiteral("GOPROXY"), QStringLiteral("off"));
    env.insert(QStringLiteral("HOME"), m_build.path());
    build.setProcessEnvironment(env);
    m_checker = m_build.file(QStringLiteral("c2sp_check"));
    build.start(goBin, {QStringLiteral("build"), QStringLiteral("-o"), m_checker,
                        QStringLiteral(OPSCONSOLE_SOURCE_DIR "/tests/interop/c2sp_check.go")});
    QVERIFY(build.waitForFinished(600000));
    QVERIFY2(build.exitCode() == 0,
             QByteArray(build.readAllStandardOutput() + build.readAllStandardError()).constData());
}

void TestC2sp::init() {
    m_home = std::make_unique<TempDir>();
    m_run = std::make_unique<ProgramRunner>(*m_home);
    m_run->set(QStringLiteral("OPSCONSOLE_PASSPHRASE"), QStringLiteral("correct horse battery"));
    m_run->set(QStringLiteral("OPSCONSOLE_IDENTITY"), QStringLiteral("alice"));
    m_imported = 0;
    QCOMPARE(cli(QStringLiteral("init --identity alice --roles admin,operator")).exitCode, 0);
}

int TestC2sp::go(const QStringList &args, QByteArray *out) const {
    QProcess p;
    p.start(m_checker, args);
    if (!p.waitForFinished(60000))
        return -1;
    if (out)
        *out = p.readAllStandardOutput() + p.readAllStandardError();
    return p.exitCode();
}

QByteArray TestC2sp::flipped(const QString &path, qsizetype index) const {
    QByteArray data = FileUtil::readAll(path, 1 << 20).value();
    data[index] = static_cast<char>(data[index] ^ 1);
    return data;
}

void TestC2sp::importEvents(int n) {
    QByteArray lines;
    for (int i = 0; i < n; ++i)
        lines += QStringLiteral("{\"kind\":\"signal.sample\",\"scope\":\"kl\",\"payload\":{\"i\":%1}}\n")
                     .arg(m_imported++)
                     .toUtf8();
    const QString file = write(QStringLiteral("in-%1.jsonl").arg(m_imported), lines);
    const auto r = cli({QStringLiteral("evidence"), QStringLiteral("import"), file});
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

QString TestC2sp::vkey(const QString &name) const {
    const auto r =
        cli({QStringLiteral("identity"), QStringLiteral("export-public"), name, QStringLiteral("--vkey")});
    return QString::fromUtf8(r.out.trimmed());
}

void TestC2sp::checkpointNoteOpensInGo() {
    importEvents(5);
    const auto r = cli(QStringLiteral("evidence checkpoint"));
    QCOMPARE(r.exitCode, 0);
    const QString note = write(QStringLiteral("cp.note"), r.out);
    const QString key = vkey(QStringLiteral("alice"));
    QVERIFY(key.startsWith(QLatin1String("alice+")));
    QByteArray out;
    QCOMPARE(go({QStringLiteral("note"), key, note}, &out), 0);
    QVERIFY2(out.contains("tree size 7"), out.constData()); // alice's enrolment, the batch statement, 5
    // The same bytes --out writes (mode 0600), and the sidecar beside the store.
    QCOMPARE(cli(QStringLiteral("evidence checkpoint --out %1").arg(m_home->file(QStringLiteral("o.note"))))
                 .exitCode,
             0);
    QCOMPARE(FileUtil::readAll(m_home->file(QStringLiteral("o.note")), 1 << 20).value(), r.out);
    QCOMPARE(FileUtil::permissions(m_home->file(QStringLiteral("o.note"))), 0600);
    QCOMPARE(go({QStringLiteral("note"), key,
                 m_home->file(QStringLiteral("data/opsconsole/evidence.sqlite.checkpoint"))}),
             0);

    // Any flipped byte of body or signature, another key, another name: rejected.
    for (const qsizetype i : {qsizetype(3), r.out.indexOf('\n') + 1, r.out.size() - 10}) {
        const QString bad = write(QStringLiteral("bad.note"), flipped(note, i));
        QVERIFY2(go({QStringLiteral("note"), key, bad}, &out) != 0, qPrintable(QString::number(i)));
    }
    QCOMPARE(cli(QStringLiteral("identity create bob --roles operator")).exitCode, 0);
    QCOMPARE(go({QStringLiteral("note"), vkey(QStringLiteral("bob")), note}), 1);
    QByteArray renamed = r.out;
    renamed.replace("\xE2\x80\x94 alice ", "\xE2\x80\x94 bob ");
    QCOMPARE(
        go({QStringLiteral("note"), vkey(QStringLiteral("bob")), write(QStringLiteral("ren.note"), renamed)}),
        1);
}

void TestC2sp::everyProofChecksInGo() {
    importEvents(6);
    const QString key = vkey(QStringLiteral("alice"));
    const int size = 8;
    for (int seq = 1; seq <= size; ++seq) {
        const QString proof = m_home->file(QStringLiteral("p%1.tlog-proof").arg(seq));
        QCOMPARE(cli(QStringLiteral("evidence prove %1 --out %2").arg(seq).arg(proof)).exitCode, 0);
        const auto raw = cli(QStringLiteral("evidence show %1 --raw").arg(seq));
        QCOMPARE(raw.exitCode, 0);
        QVERIFY(raw.out.startsWith('{') && raw.out.endsWith('}'));
        const QString leaf = write(QStringLiteral("leaf%1").arg(seq), raw.out);
        QByteArray out;
        QVERIFY2(go({QStringLiteral("inclusion"), key, proof, leaf}, &out) == 0, out.constData());
        QVERIFY(
            out.contains(QStringLiteral("record %1 is in the tree of %2").arg(seq - 1).arg(size).toUtf8()));
        // Other bytes, or a proof hash changed, do not prove.
        QCOMPARE(go({QStringLiteral("inclusion"), key, proof,
                     write(QStringLiteral("bad-leaf"), flipped(leaf, 5))}),
                 1);
        const QByteArray proofBytes = FileUtil::readAll(proof, 1 << 20).value();
        const qsizetype firstHash = proofBytes.indexOf("index ");
        const qsizetype hashStart = proofBytes.indexOf('\n', firstHash) + 1;
        QCOMPARE(go({QStringLiteral("inclusion"), key,
                     write(QStringLiteral("bad.tlog-proof"), flipped(proof, hashStart + 2)), leaf}),
                 1);
    }
    // Beyond the checkpoint there is nothing to prove.
    QCOMPARE(cli(QStringLiteral("evidence prove %1").arg(size + 1)).exitCode, 3);
}

void TestC2sp::exportedBundleProofsCheckInGo() {
    importEvents(9);
    const QString bundle = m_home->file(QStringLiteral("b.tar.zst"));
    QCOMPARE(cli({QStringLiteral("evidence"), QStringLiteral("export"), bundle}).exitCode, 0);
    const QString dir = m_home->file(QStringLiteral("unpacked"));
    QVERIFY(QDir().mkpath(dir));
    QProcess tar;
    tar.setWorkingDirectory(dir);
    tar.start(QStringLiteral("tar"), {QStringLiteral("--zstd"), QStringLiteral("-xf"), bundle});
    QVERIFY(tar.waitForFinished(60000) && tar.exitCode() == 0);
    const QString key =
        QString::fromUtf8(FileUtil::readAll(dir + QStringLiteral("/keys/alice.vkey"), 4096)->trimmed());
    QCOMPARE(key, vkey(QStringLiteral("alice")));
    QCOMPARE(go({QStringLiteral("note"), key, dir + QStringLiteral("/checkpoint")}), 0);
    const QList<QByteArray> lines =
        FileUtil::readAll(dir + QStringLiteral("/events.jsonl"), 1 << 24)->split('\n');
    int checked = 0;
    for (const QByteArray &line : lines) {
        if (line.isEmpty())
            continue;
        const qsizetype at = line.indexOf("\"seq\":") + 6;
        const int seq = line.mid(at, line.indexOf(',', at) - at).toInt();
        const QString leaf = write(QStringLiteral("leaf"), line);
        QByteArray out;
        QVERIFY2(go({QStringLiteral("inclusion"), key, dir + QStringLiteral("/proofs/%1.tlog-proof").arg(seq),
                     leaf},
                    &out) == 0,
                 out.constData());
        ++checked;
        // Go refuses the same proof for a leaf with one byte changed, and the proof with one byte
        // of its path changed.
        QByteArray flipped = line;
        flipped[flipped.size() / 2] = static_cast<char>(flipped.at(flipped.size() / 2) ^ 0x01);
        QVERIFY(go({QStringLiteral("inclusion"), key, dir + QStringLiteral("/proofs/%1.tlog-proof").arg(seq),
                    write(QStringLiteral("flipped-leaf"), flipped)},
                   &out) != 0);
        if (checked == 5) {
            QByteArray badProof =
                FileUtil::readAll(dir + QStringLiteral("/proofs/%1.tlog-proof").arg(seq), 1 << 20).value();
            const QList<QByteArray> proofLines = badProof.split('\n');
            // The first path line is after "index N"; change one base64 character of it.
            const qsizetype pathAt = badProof.indexOf(proofLines.at(2));
            QVERIFY(pathAt > 0 && proofLines.at(2).size() > 4);
            badProof[pathAt + 1] = badProof.at(pathAt + 1) == 'A' ? 'B' : 'A';
            QVERIFY2(go({QStringLiteral("inclusion"), key, write(QStringLiteral("bad.tlog-proof"), badProof),
                         leaf},
                        &out) != 0,
                     badProof.constData());
        }
    }
    QCOMPARE(checked, 11);
}

void TestC2sp::consistencyProofChecksInGo() {
    importEvents(3);
    const QString key = vkey(QStringLiteral("alice"));
    const QString oldNote = write(QStringLiteral("old.note"), cli(QStringLiteral("evidence checkpoint")).out);
    importEvents(10);
    importEvents(1);
    const QString newNote = write(QStringLiteral("new.note"), cli(QStringLiteral("evidence checkpoint")).out);
    const QString proof = m_home->file(QStringLiteral("cons.proof"));
    const auto r = cli(QStringLiteral("evidence consistency %1 --proof-out %2").arg(oldNote, proof));
    QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
    QByteArray out;
    QVERIFY2(go({QStringLiteral("consistency"), key, oldNote, newNote, proof}, &out) == 0, out.constData());
    QVERIFY2(out.contains("the tree of 18 extends the tree of 5"), out.constData());
    QCOMPARE(go({QStringLiteral("consistency"), key, oldNote, newNote,
                 write(QStringLiteral("bad.proof"), flipped(proof, 4))}),
             1);
    QCOMPARE(go({QStringLiteral("consistency"), key, newNote, oldNote, proof}), 1);
    // The old checkpoint document form of earlier stores still reads (tst_trust, tst_tamper); a
    // note with a flipped root is refused by the store itself too.
    const QString forged = write(QStringLiteral("forged.note"),
                                 flipped(oldNote, FileUtil::readAll(oldNote, 4096)->indexOf('\n', 50) + 3));
    const auto refused = cli(QStringLiteral("evidence consistency %1").arg(forged));
    QCOMPARE(refused.exitCode, 3);
    QVERIFY2(!refused.err.isEmpty(), refused.out.constData());
}

void TestC2sp::cosignatureAddsAWitnessLine() {
    importEvents(2);
    QCOMPARE(cli(QStringLiteral("identity create wit --roles operator")).exitCode, 0);
    QCOMPARE(cli(QStringLiteral("identity approve wit")).exitCode, 0);
    const QString note = write(QStringLiteral("cp.note"), cli(QStringLiteral("evidence checkpoint")).out);
    m_run->set(QStringLiteral("OPSCONSOLE_IDENTITY"), QStringLiteral("wit"));
    const auto r = cli({QStringLiteral("evidence"), QStringLiteral("cosign"), note});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    auto parsed = crypto::note::parse(r.out.toStdString());
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->signatures.size(), 2);
    QCOMPARE(parsed->signatures.at(1).name, QStringLiteral("wit"));
    auto witKey = crypto::note::parseVerifierKey(
        QString::fromUtf8(cli({QStringLiteral("identity"), QStringLiteral("export-public"),
                               QStringLiteral("wit"), QStringLiteral("--cosigner-vkey")})
                              .out.trimmed()));
    QVERIFY(witKey.ok());
    QCOMPARE(witKey->type, crypto::note::kCosignatureV1Type);
    const auto when =
        crypto::note::verifyCosignature(parsed->body, parsed->signatures.at(1), u"wit", witKey->key);
    QVERIFY(when.has_value());
    QVERIFY(*when > 1700000000);
    // The same line does not verify over another body, nor as an Ed25519 note signature.
    QVERIFY(!crypto::note::verifyCosignature(parsed->body + "x\n", parsed->signatures.at(1), u"wit",
                                             witKey->key));
    QVERIFY(!crypto::note::verifies(parsed->body, parsed->signatures.at(1), u"wit", witKey->key));
    // Go still opens the note with the log signer's key (the cosignature is an extra line).
    QCOMPARE(go({QStringLiteral("note"), vkey(QStringLiteral("alice")),
                 write(QStringLiteral("cosigned.note"), r.out)}),
             0);
    // Cosigning the cosigned note again replaces wit's line rather than adding a second.
    const auto again = cli({QStringLiteral("evidence"), QStringLiteral("cosign"),
                            m_home->file(QStringLiteral("cosigned.note"))});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(crypto::note::parse(again.out.toStdString())->signatures.size(), 2);
}

void TestC2sp::cosignRefusesWhatItCannotVouchFor() {
    importEvents(2);
    const QString older = write(QStringLiteral("older.note"), cli(QStringLiteral("evidence checkpoint")).out);
    importEvents(2);
    const QString newer = write(QStringLiteral("newer.note"), cli(QStringLiteral("evidence checkpoint")).out);
    QCOMPARE(cli({QStringLiteral("evidence"), QStringLiteral("cosign"), newer}).exitCode, 0);
    // Having vouched for the larger tree, alice does not cosign a smaller one.
    const auto back = cli({QStringLiteral("evidence"), QStringLiteral("cosign"), older});
    QCOMPARE(back.exitCode, 1);
    QVERIFY2(back.err.contains("already cosigned a larger tree"), back.err.constData());
    // A note whose root was changed, or one of another log, is not cosigned.
    QByteArray text = FileUtil::readAll(newer, 4096).value();
    const qsizetype rootAt = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
    text[rootAt] = text[rootAt] == 'A' ? 'B' : 'A';
    const auto changed =
        cli({QStringLiteral("evidence"), QStringLiteral("cosign"), write(QStringLiteral("x.note"), text)});
    QCOMPARE(changed.exitCode, 1); // a negative answer: nothing to vouch for
    QVERIFY2(!changed.err.isEmpty(), changed.out.constData());
    TempDir otherHome;
    ProgramRunner other(otherHome);
    other.set(QStringLiteral("OPSCONSOLE_PASSPHRASE"), QStringLiteral("correct horse battery"));
    QCOMPARE(other
                 .run(QStringLiteral("opsconsole-cli"),
                      {QStringLiteral("init"), QStringLiteral("--identity"), QStringLiteral("alice"),
                       QStringLiteral("--roles"), QStringLiteral("admin")})
                 .exitCode,
             0);
    const QString foreign = write(
        QStringLiteral("foreign.note"),
        other
            .run(QStringLiteral("opsconsole-cli"), {QStringLiteral("evidence"), QStringLiteral("checkpoint")})
            .out);
    const auto r = cli({QStringLiteral("evidence"), QStringLiteral("cosign"), foreign});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("belongs to log"), r.err.constData());
}

void TestC2sp::originFromTheConfig() {
    // A deployment names its log; the store's id moves into an extension line, and Go, both bundle
    // verifiers and the store itself read it.
    QByteArray yaml =
        FileUtil::readAll(QStringLiteral(OPSCONSOLE_SOURCE_DIR "/resources/config/demo.yaml"), 1 << 20)
            .value();
    yaml += "store: {origin: ops.example.org/publishing}\n";
    const QString config = write(QStringLiteral("config/opsconsole/config.yaml"), yaml);
    const QStringList withConfig{QStringLiteral("--config"), config};
    importEvents(1); // sealed under the default origin
    const QString before =
        write(QStringLiteral("before.note"), cli(QStringLiteral("evidence checkpoint")).out);
    const QString file =
        write(QStringLiteral("o.jsonl"), "{\"kind\":\"signal.sample\",\"scope\":\"kl\",\"payload\":{}}\n");
    QCOMPARE(
        cli(QStringList{QStringLiteral("evidence"), QStringLiteral("import"), file} + withConfig).exitCode,
        0);
    const auto r = cli(QStringList{QStringLiteral("evidence"), QStringLiteral("checkpoint")} + withConfig);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("ops.example.org/publishing\n5\n"), r.out.constData());
    QVERIFY(r.out.contains("\nopsconsole-store "));
    const QString note = write(QStringLiteral("origin.note"), r.out);
    QCOMPARE(go({QStringLiteral("note"), vkey(QStringLiteral("alice")), note}), 0);
    const auto verify = cli(QStringList{QStringLiteral("evidence"), QStringLiteral("verify")} + withConfig);
    QVERIFY2(verify.exitCode == 0, verify.out.constData());
    const auto consistency =
        cli(QStringList{QStringLiteral("evidence"), QStringLiteral("consistency"), before,
                        QStringLiteral("--proof-out"), m_home->file(QStringLiteral("c.proof"))} +
            withConfig);
    QVERIFY2(consistency.exitCode == 0, consistency.out.constData());
    QCOMPARE(go({QStringLiteral("consistency"), vkey(QStringLiteral("alice")), before, note,
                 m_home->file(QStringLiteral("c.proof"))}),
             0);
    const QString bundle = m_home->file(QStringLiteral("o.tar.zst"));
    QCOMPARE(
        cli(QStringList{QStringLiteral("evidence"), QStringLiteral("export"), bundle} + withConfig).exitCode,
        0);
    QCOMPARE(cli(QStringList{QStringLiteral("evidence"), QStringLiteral("verify-bundle"), bundle}).exitCode,
             0);
    QProcess py;
    py.start(QStringLiteral("python3"),
             {QStringLiteral(OPSCONSOLE_SOURCE_DIR "/docs/verify_bundle.py"), bundle});
    QVERIFY(py.waitForFinished(120000));
    QVERIFY2(py.exitCode() == 0, py.readAllStandardOutput().constData());
}

// The postmortem's appendix: every tlog-proof in it checks in Go against the signed checkpoint
// it carries, for the event's exact bytes; another event's bytes do not.
void TestC2sp::postmortemAppendixChecksInGo() {
    auto opened = cli({QStringLiteral("incident"), QStringLiteral("open"), QStringLiteral("--class"),
                       QStringLiteral("publish-failure"), QStringLiteral("--scope"), QStringLiteral("kl"),
                       QStringLiteral("--severity"), QStringLiteral("SEV-2"), QStringLiteral("--reason"),
                       QStringLiteral("publishes stuck")});
    QVERIFY2(opened.exitCode == 0, opened.err.constData());
    const QString inc =
        QString::fromUtf8(opened.out).section(QLatin1Char(' '), 1, 1).remove(QLatin1Char(':'));
    QVERIFY(inc.startsWith(QLatin1String("INC-")));
    importEvents(3); // unrelated events between the incident's
    QCOMPARE(cli({QStringLiteral("incident"), QStringLiteral("severity"), inc, QStringLiteral("SEV-1"),
                  QStringLiteral("--reason"), QStringLiteral("every locality")})
                 .exitCode,
             0);
    const auto md = cli({QStringLiteral("incident"), QStringLiteral("report"), inc, QStringLiteral("--out"),
                         QStringLiteral("-")});
    QVERIFY2(md.exitCode == 0, md.err.constData());
    const QString key = vkey(QStringLiteral("alice"));
    static const QRegularExpression block(QStringLiteral("### Event (\\d+)\n\n```tlog-proof\n(.*?)```"),
                                          QRegularExpression::DotMatchesEverythingOption);
    int checked = 0;
    for (auto it = block.globalMatch(QString::fromUtf8(md.out)); it.hasNext();) {
        const auto m = it.next();
        const QString seq = m.captured(1);
        const QString proof = write(QStringLiteral("pm%1.tlog-proof").arg(seq), m.captured(2).toUtf8());
        const auto raw =
            cli({QStringLiteral("evidence"), QStringLiteral("show"), seq, QStringLiteral("--raw")});
        const QString leaf = write(QStringLiteral("pm%1.leaf").arg(seq), raw.out);
        QByteArray out;
        QVERIFY2(go({QStringLiteral("inclusion"), key, proof, leaf}, &out) == 0, out.constData());
        const QString other = write(QStringLiteral("pm%1.other").arg(seq),
                                    cli({QStringLiteral("evidence"), QStringLiteral("show"),
                                         QStringLiteral("1"), QStringLiteral("--raw")})
                                        .out);
        QCOMPARE(go({QStringLiteral("inclusion"), key, proof, other}), 1);
        ++checked;
    }
    QCOMPARE(checked, 2); // opened, severity raised
}

QTEST_GUILESS_MAIN(TestC2sp)
#include "tst_c2sp.moc"
