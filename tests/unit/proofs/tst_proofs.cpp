// Proof summaries: counts from many capture shapes (the seed's own lines, Go, QtTest, pytest,
// ctest, googletest, TAP), the overall verdict, NOT RUN and SKIP never counted as passes, every
// failure classified by layer with its action, and the rules file validated with file:line errors.
#include "proofs/ProofSummary.h"

#include "TestSupport.h"

#include <QFile>
#include <QTest>

using namespace ops;

namespace {

QByteArray capture(const QString &name) {
    QFile f(QStringLiteral(OPSCONSOLE_TEST_DATA "/captures/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(name));
    return f.readAll();
}

const FailureRules &rules() {
    static const FailureRules r = [] {
        auto loaded = FailureRules::builtin();
        if (!loaded.ok())
            qFatal("built-in failure patterns: %s", qPrintable(loaded.error().toString()));
        return loaded.value();
    }();
    return r;
}

ProofSummary summarize(const QByteArray &text) {
    return summarizeCapture(text, rules());
}

const ProofFinding *findingOn(const ProofSummary &s, int line) {
    for (const QList<ProofFinding> *list : {&s.failures, &s.notes})
        for (const ProofFinding &f : *list)
            if (f.line == line)
                return &f;
    return nullptr;
}

} // namespace

// A summary's warnings as the log records them (English), joined.
static QString warningText(const ProofSummary &s) {
    QStringList out;
    for (const Phrase &w : s.warnings)
        out << w.text();
    return out.join(QLatin1Char(' '));
}

class TestProofs : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void builtinRulesLoad();
    void seedDemoOutput();
    void counts_data();
    void counts();
    void notRunAndSkipAreNeverPasses();
    void statedOverallIsCheckedAgainstCounts();
    void classification_data();
    void classification();
    void sections_data();
    void sections();
    void sectionsAddUpToTotals();
    void seedFailureCapture();
    void nothingRanIsIncomplete();
    void hostileInput();
    void findingsAreCapped();
    void badRulesFiles_data();
    void badRulesFiles();
    void customRulesFileIsUsed();
    void jsonShape();
};

void TestProofs::builtinRulesLoad() {
    const FailureRules &r = rules();
    QVERIFY(r.patterns().size() >= 10);
    QCOMPARE(r.sha256().size(), 64);
    QStringList ids;
    for (const FailurePattern &p : r.patterns()) {
        QVERIFY2(!p.action.isEmpty(), qPrintable(p.id));
        QVERIFY2(p.line > 0, qPrintable(p.id));
        ids << p.id;
    }
    for (const char *id : {"go-cache-permission", "go-toolchain-version", "socket-restricted",
                           "integration-prereq-unavailable"})
        QVERIFY2(ids.contains(QLatin1String(id)), id);
}

// The expected output of the proof runbook's demo capture.
void TestProofs::seedDemoOutput() {
    const ProofSummary s = summarize(capture(QStringLiteral("demo-output.txt")));
    // 32 validation checks + the transport package's one Go test (closed by its `ok` line) + the
    // Edge FI summary block (2 passed).
    QCOMPARE(s.pass, 35);
    QCOMPARE(s.fail, 0);
    QCOMPARE(s.notRun, 1);
    // "integrity tamper tests: SKIP (…)" is a skip, not only a note.
    QCOMPARE(s.skip, 1);
    QCOMPARE(s.statedOverall, QStringLiteral("PASS"));
    QCOMPARE(s.overall, QStringLiteral("PASS"));
    QCOMPARE(s.exitCode(), 0);
    QVERIFY(s.failures.isEmpty());
    // Sections: validation (32 checks), the Go package, Edge FI (2 pass, 1 not run, the skip
    // printed above its summary block).
    QCOMPARE(s.sections.size(), 3);
    QCOMPARE(s.sections[0].name, QStringLiteral("validation"));
    QCOMPARE(s.sections[0].pass, 32);
    QCOMPARE(s.sections[0].overall, QStringLiteral("PASS"));
    QCOMPARE(s.sections[1].name, QStringLiteral("example.org/edge/transport"));
    QCOMPARE(s.sections[1].pass, 1);
    QCOMPARE(s.sections[2].name, QStringLiteral("Edge FI"));
    QCOMPARE(s.sections[2].pass, 2);
    QCOMPARE(s.sections[2].fail, 0);
    QCOMPARE(s.sections[2].notRun, 1);
    QCOMPARE(s.sections[2].skip, 1);
    QCOMPARE(s.sections[2].overall, QStringLiteral("PASS"));
    QCOMPARE(s.sections[2].firstLine, 7);
    QCOMPARE(s.sections[2].lastLine, 12);
    // The socket fallback is a note with its action, on the environment layer; the registry
    // skip is a note too.
    QCOMPARE(s.notes.size(), 2);
    QCOMPARE(s.notes[1].line, 7);
    QCOMPARE(s.notes[1].rule, QStringLiteral("integration-prereq-unavailable"));
    QCOMPARE(s.notes[0].line, 4);
    QCOMPARE(s.notes[0].rule, QStringLiteral("socket-restricted"));
    QCOMPARE(s.notes[0].layer, ProofLayer::Environment);
    QCOMPARE(s.notes[0].kind, FindingKind::Fallback);
    QVERIFY(s.notes[0].action.contains(QLatin1String("deterministic transport unit subset")));
    QVERIFY(warningText(s).contains(QLatin1String("1 not run")));
}

void TestProofs::counts_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("pass");
    QTest::addColumn<int>("fail");
    QTest::addColumn<int>("notRun");
    QTest::addColumn<int>("skip");
    QTest::addColumn<QString>("overall");

    QTest::newRow("key counts") << QByteArray("Pass: 2\nFail: 0\nNot run: 1\n") << 2 << 0 << 1 << 0 << "PASS";
    QTest::newRow("key counts, markdown and spacing")
        << QByteArray("- **Passed**: 7\n- Failed = 1\n- Skipped: 3\n") << 7 << 1 << 0 << 3 << "FAIL";
    QTest::newRow("validation pass")
        << QByteArray("VALIDATION PASS (checks=32, assurance=full (cgroup v2 ok), ...)\n") << 32 << 0 << 0
        << 0 << "PASS";
    QTest::newRow("validation fail") << QByteArray("VALIDATION FAIL (checks=32, failed=3)\n") << 29 << 3 << 0
                                     << 0 << "FAIL";
    QTest::newRow("go test")
        << QByteArray("--- PASS: TestA (0.00s)\n--- FAIL: TestB (0.01s)\n--- SKIP: TestC (0.00s)\n"
                      "FAIL\texample.org/x\t0.02s\nok  \texample.org/y\t(cached)\n")
        << 1 << 1 << 0 << 1 << "FAIL";
    QTest::newRow("go build failed") << QByteArray("FAIL\texample.org/x [build failed]\n") << 0 << 1 << 0 << 0
                                     << "FAIL";
    QTest::newRow("qttest") << QByteArray("PASS   : tst_x::initTestCase()\nPASS   : tst_x::a()\nFAIL!  : "
                                          "tst_x::b() 'x' returned FALSE.\n"
                                          "SKIP   : tst_x::c() needs a display\nTotals: 2 passed, 1 failed, "
                                          "1 skipped, 0 blacklisted, 20ms\n")
                            << 2 << 1 << 0 << 1 << "FAIL";
    QTest::newRow("pytest")
        << QByteArray("tests/test_a.py::test_one PASSED\nFAILED tests/test_a.py::test_two - assert 1 == 2\n"
                      "========= 5 passed, 1 failed, 2 skipped, 1 deselected in 0.12s =========\n")
        << 5 << 1 << 1 << 2 << "FAIL";
    QTest::newRow("ctest") << QByteArray(" 1/3 Test #1: tst_a ..........   Passed    0.10 sec\n"
                                         " 2/3 Test #2: tst_b ..........***Not Run   0.00 sec\n"
                                         " 3/3 Test #3: tst_c ..........   Passed    0.20 sec\n\n"
                                         "100% tests passed, 0 tests failed out of 3\n")
                           << 2 << 0 << 1 << 0 << "PASS";
    QTest::newRow("gtest")
        << QByteArray("[ RUN      ] S.a\n[       OK ] S.a (0 ms)\n[ RUN      ] S.b\n[  FAILED  ] S.b (1 ms)\n"
                      "[==========] 2 tests from 1 test suite ran. (1 ms total)\n[  PASSED  ] 1 test.\n"
                      "[  FAILED  ] 1 test, listed below:\n[  FAILED  ] S.b\n")
        << 1 << 1 << 0 << 0 << "FAIL";
    QTest::newRow("tap")
        << QByteArray(
               "1..4\nok 1 - a\nnot ok 2 - b\nok 3 - c # SKIP no registry\nnot ok 4 - d # TODO later\n")
        << 1 << 1 << 1 << 1 << "FAIL";
    QTest::newRow("plain markers")
        << QByteArray("PASS: alpha\nPASS: beta\nSKIP (registry unavailable)\nNOT RUN (root required)\n") << 2
        << 0 << 1 << 1 << "PASS";
    QTest::newRow("block replaces per-test lines")
        << QByteArray("PASS: a\nPASS: b\nFAIL: c\n== Summary ==\nPass: 2\nFail: 1\n") << 2 << 1 << 0 << 0
        << "FAIL";
    QTest::newRow("two blocks add up")
        << QByteArray("Pass: 2\nFail: 0\nsection two\nPass: 3\nFail: 0\n") << 5 << 0 << 0 << 0 << "PASS";
    QTest::newRow("prose is not counted")
        << QByteArray("Pass the token to the orchestrator.\nWe failed over once: 3 times.\n") << 0 << 0 << 0
        << 0 << "INCOMPLETE";
    QTest::newRow("ansi colours and CRLF")
        << QByteArray("\x1b[32mPass:\x1b[0m 4\r\n\x1b[31mFail:\x1b[0m 0\r\n") << 4 << 0 << 0 << 0 << "PASS";
    QTest::newRow("empty") << QByteArray() << 0 << 0 << 0 << 0 << "INCOMPLETE";
}

void TestProofs::counts() {
    QFETCH(QByteArray, text);
    QFETCH(int, pass);
    QFETCH(int, fail);
    QFETCH(int, notRun);
    QFETCH(int, skip);
    QFETCH(QString, overall);
    const ProofSummary s = summarize(text);
    QCOMPARE(s.pass, pass);
    QCOMPARE(s.fail, fail);
    QCOMPARE(s.notRun, notRun);
    QCOMPARE(s.skip, skip);
    QCOMPARE(s.overall, overall);
    QCOMPARE(s.exitCode(), overall == QLatin1String("PASS") ? 0 : 1);
}

void TestProofs::notRunAndSkipAreNeverPasses() {
    // Only NOT RUN and SKIP: nothing executed, so nothing is proven.
    ProofSummary s = summarize("Pass: 0\nFail: 0\nNot run: 3\nSkip: 2\n");
    QCOMPARE(s.pass, 0);
    QCOMPARE(s.overall, QStringLiteral("INCOMPLETE"));
    QVERIFY(warningText(s).contains(QLatin1String("not passes and not coverage")));
    // ctest counts its Not Run tests among "passed"; the summary does not.
    s = summarize(" 1/2 Test #1: a ....***Not Run   0.00 sec\n 2/2 Test #2: b ....***Skipped   0.00 sec\n"
                  "100% tests passed, 0 tests failed out of 2\n");
    QCOMPARE(s.pass, 0);
    QCOMPARE(s.notRun, 1);
    QCOMPARE(s.skip, 1);
    QCOMPARE(s.overall, QStringLiteral("INCOMPLETE"));
}

void TestProofs::statedOverallIsCheckedAgainstCounts() {
    ProofSummary s = summarize("Pass: 3\nFail: 1\n- Overall: **PASS**\n");
    QCOMPARE(s.overall, QStringLiteral("FAIL"));
    QVERIFY(warningText(s).contains(QLatin1String("states PASS but 1 failure")));
    s = summarize("- Overall: **PASS**\n");
    QCOMPARE(s.overall, QStringLiteral("INCOMPLETE"));
    QVERIFY(warningText(s).contains(QLatin1String("no executed check")));
    s = summarize("Pass: 3\nOverall result: FAIL\n");
    QCOMPARE(s.overall, QStringLiteral("FAIL"));
    s = summarize("Pass: 3\nOverall: INCOMPLETE\n");
    QCOMPARE(s.overall, QStringLiteral("INCOMPLETE"));
}

void TestProofs::classification_data() {
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("layer");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("actionContains");

    QTest::newRow("go cache") << QByteArray("open /home/ubuntu/.cache/go-build/ab/cd: permission denied")
                              << "go-cache-permission"
                              << "environment"
                              << "failure"
                              << "GOCACHE=/tmp/go-build";
    QTest::newRow("go version")
        << QByteArray("go: errors parsing go.mod: invalid go version '1.23.0': must match format 1.23")
        << "go-toolchain-version"
        << "toolchain"
        << "failure"
        << "pinned Go";
    QTest::newRow("toolchain directive")
        << QByteArray("go.mod:3: unknown directive: toolchain") << "go-toolchain-version"
        << "toolchain"
        << "failure"
        << "PATH";
    QTest::newRow("socket") << QByteArray("dial: socket: operation not permitted") << "socket-restricted"
                            << "environment"
                            << "fallback"
                            << "record the fallback";
    QTest::newRow("registry skip")
        << QByteArray("SKIP: integrity tamper: registry unavailable (run make demo-registry-test)")
        << "integration-prereq-unavailable"
        << "environment"
        << "skip"
        << "make demo-up";
    QTest::newRow("cosign skip") << QByteArray("--- SKIP: TestTamper: cosign not running")
                                 << "integration-prereq-unavailable"
                                 << "environment"
                                 << "skip"
                                 << "prerequisites";
    QTest::newRow("not run root") << QByteArray("NOT RUN (root required: cgroup FI)")
                                  << "root-required-not-run"
                                  << "fault-injection"
                                  << "skip"
                                  << "not a failure";
    QTest::newRow("fi failure") << QByteArray("--- FAIL: TestFIDrain (0.40s)") << "fault-injection-failure"
                                << "fault-injection"
                                << "failure"
                                << "fault-injection";
    QTest::newRow("capability failure") << QByteArray("--- FAIL: TestResolver (0.02s)") << "test-failure"
                                        << "capability"
                                        << "failure"
                                        << "rerun that test";
    QTest::newRow("validation failure")
        << QByteArray("VALIDATION FAIL (checks=32, failed=1)") << "validation-failure"
        << "capability"
        << "failure"
        << "validation check";
    QTest::newRow("disk") << QByteArray("write /tmp/x: no space left on device") << "disk-full"
                          << "environment"
                          << "failure"
                          << "disk space";
    QTest::newRow("command missing") << QByteArray("bash: go: command not found") << "toolchain-missing"
                                     << "toolchain"
                                     << "failure"
                                     << "Install";
    QTest::newRow("unknown panic") << QByteArray("panic: runtime error: index out of range") << ""
                                   << "unknown"
                                   << "failure"
                                   << "No known pattern";
    QTest::newRow("unknown make error") << QByteArray("make: *** [Makefile:12: docs] Error 2") << ""
                                        << "unknown"
                                        << "failure"
                                        << "No known pattern";
}

void TestProofs::classification() {
    QFETCH(QByteArray, line);
    QFETCH(QString, rule);
    QFETCH(QString, layer);
    QFETCH(QString, kind);
    QFETCH(QString, actionContains);
    const ProofSummary s = summarize(line + '\n');
    const ProofFinding *f = findingOn(s, 1);
    QVERIFY2(f, line.constData());
    QCOMPARE(f->rule, rule);
    QCOMPARE(proofLayerName(f->layer), layer);
    QCOMPARE(findingKindName(f->kind), kind);
    QVERIFY2(f->action.contains(actionContains), qPrintable(f->action));
    QCOMPARE(f->text, QString::fromUtf8(line).trimmed());
}

void TestProofs::sections_data() {
    QTest::addColumn<QByteArray>("text");
    // "name pass/fail/notrun/skip overall" per section, joined by "; "
    QTest::addColumn<QString>("expected");

    QTest::newRow("two go packages")
        << QByteArray(
               "--- PASS: TestA (0.00s)\nok  \texample.org/a\t0.01s\n--- FAIL: TestB (0.00s)\n"
               "--- SKIP: TestC (0.00s)\n    c_test.go:9: SKIP: needs root\nFAIL\texample.org/b\t0.02s\n")
        << "example.org/a 1/0/0/0 PASS; example.org/b 0/1/0/1 FAIL";
    QTest::newRow("go verbose RUN lines are not headers")
        << QByteArray("=== RUN   TestA\n--- PASS: TestA (0.00s)\n=== RUN   TestB\n--- PASS: TestB (0.00s)\n"
                      "ok  \texample.org/a\t0.01s\n")
        << "example.org/a 2/0/0/0 PASS";
    QTest::newRow("markdown headers")
        << QByteArray("## Unit tests\nPass: 4\nFail: 0\n## Soak\nroot FI: NOT RUN (root required)\n")
        << "Unit tests 4/0/0/0 PASS; Soak 0/0/1/0 INCOMPLETE";
    QTest::newRow("summary header covers the tests above it")
        << QByteArray(
               "PASS: a\nPASS: b\nintegrity tamper tests: SKIP (no registry)\n=== Edge FI Test Summary ===\n"
               "Pass: 2\nFail: 0\n")
        << "Edge FI 2/0/0/1 PASS";
    QTest::newRow("pytest bars stay one run")
        << QByteArray("============ test session starts ============\ntests/a.py::t PASSED\n"
                      "================= FAILURES =================\nFAILED tests/a.py::u - boom\n"
                      "=========== short test summary info ===========\n"
                      "========= 1 passed, 1 failed in 0.12s =========\n")
        << "pytest 1/1/0/0 FAIL";
    QTest::newRow("qttest start names it")
        << QByteArray("********* Start testing of tst_store *********\nPASS   : tst_store::a()\n"
                      "Totals: 1 passed, 0 failed, 0 skipped, 0 blacklisted, 2ms\n"
                      "********* Finished testing of tst_store *********\n")
        << "tst_store 1/0/0/0 PASS";
    QTest::newRow("validation then ctest")
        << QByteArray("VALIDATION FAIL (checks=10, failed=2)\n 1/1 Test #1: tst_a ....   Passed    0.1 sec\n"
                      "100% tests passed, 0 tests failed out of 1\n")
        << "validation 8/2/0/0 FAIL; ctest 1/0/0/0 PASS";
    QTest::newRow("a lone explicit skip is named by its subject")
        << QByteArray("integrity tamper tests: SKIP (registry unavailable)\n")
        << "integrity tamper tests 0/0/0/1 INCOMPLETE";
    QTest::newRow("Overall is not a section")
        << QByteArray("Pass: 1\n## Overall: PASS\n") << "line 1 1/0/0/0 PASS";
}

void TestProofs::sections() {
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const ProofSummary s = summarize(text);
    QStringList got;
    for (const ProofSection &x : s.sections)
        got << QStringLiteral("%1 %2/%3/%4/%5 %6")
                   .arg(x.name)
                   .arg(x.pass)
                   .arg(x.fail)
                   .arg(x.notRun)
                   .arg(x.skip)
                   .arg(x.overall);
    QCOMPARE(got.join(QStringLiteral("; ")), expected);
}

void TestProofs::sectionsAddUpToTotals() {
    for (const QString &name : {QStringLiteral("demo-output.txt"), QStringLiteral("fi-failure-output.txt"),
                                QStringLiteral("nothing-ran.txt")}) {
        const ProofSummary s = summarize(capture(name));
        qint64 pass = 0, fail = 0, notRun = 0, skip = 0;
        for (const ProofSection &x : s.sections) {
            pass += x.pass, fail += x.fail, notRun += x.notRun, skip += x.skip;
            QVERIFY(x.firstLine >= 1 && x.firstLine <= x.lastLine);
            QVERIFY(x.overall != QLatin1String("PASS") || (x.fail == 0 && x.pass > 0));
        }
        QCOMPARE(pass, s.pass);
        QCOMPARE(fail, s.fail);
        QCOMPARE(notRun, s.notRun);
        QCOMPARE(skip, s.skip);
    }
}

void TestProofs::seedFailureCapture() {
    const ProofSummary s = summarize(capture(QStringLiteral("fi-failure-output.txt")));
    QCOMPARE(s.pass, 1);
    QCOMPARE(s.fail, 1);
    QCOMPARE(s.skip, 1);
    QCOMPARE(s.overall, QStringLiteral("FAIL"));
    QCOMPARE(s.exitCode(), 1);
    // Go cache (environment, line 2), the failing FI test (line 5), its package line (9), the
    // pinned-toolchain error (10); the registry/cosign skip is a note (line 8).
    for (int line : {2, 5, 8, 9, 10})
        QVERIFY2(findingOn(s, line), qPrintable(QString::number(line)));
    QCOMPARE(findingOn(s, 2)->rule, QStringLiteral("go-cache-permission"));
    QCOMPARE(findingOn(s, 5)->layer, ProofLayer::FaultInjection);
    QCOMPARE(findingOn(s, 8)->kind, FindingKind::Skip);
    QCOMPARE(findingOn(s, 9)->layer, ProofLayer::FaultInjection);
    QCOMPARE(findingOn(s, 10)->layer, ProofLayer::Toolchain);
    QCOMPARE(s.failures.size(), 4);
    QCOMPARE(s.notes.size(), 1);
    QCOMPARE(s.findingsOf(ProofLayer::Environment).size(), 2);
    QCOMPARE(s.findingsOf(ProofLayer::Toolchain).size(), 1);
    QVERIFY(!findingOn(s, 4)); // "fault injection: expected deny" is context, not a failure line
}

void TestProofs::nothingRanIsIncomplete() {
    const ProofSummary s = summarize(capture(QStringLiteral("nothing-ran.txt")));
    QCOMPARE(s.pass + s.fail + s.notRun + s.skip, 0);
    QCOMPARE(s.overall, QStringLiteral("INCOMPLETE"));
    QCOMPARE(s.exitCode(), 1);
    QCOMPARE(s.failures.size(), 2);
    QCOMPARE(s.failures[1].layer, ProofLayer::Toolchain);
}

void TestProofs::hostileInput() {
    // Counts beyond any sane number are capped, never overflow.
    ProofSummary s = summarize("Pass: 99999999999999999999999\nPass: 9223372036854775807\n");
    QVERIFY(s.pass > 0);
    QVERIFY(s.pass <= 2000000000);
    // A one-megabyte line, NULs, invalid UTF-8 and a truncated last line.
    QByteArray junk(1024 * 1024, 'A');
    junk += "\nPASS: a\n";
    junk += QByteArray("\0\0\xff\xfe FAIL: b\n", 13);
    junk += "--- FAIL: Trunc";
    junk.replace(0, 9, "FAIL!  : ");
    s = summarize(junk);
    QCOMPARE(s.lines, 4);
    QCOMPARE(s.pass, 1);
    QCOMPARE(s.fail,
             2); // "FAIL!  : A…" at the start and the truncated "--- FAIL: Trunc"; not the one after NULs
    QVERIFY(s.failures.first().text.size() <= 400);
    // Regular-expression-hostile text is matched in bounded time.
    QByteArray nasty;
    for (int i = 0; i < 2000; ++i)
        nasty += "fail fi fail fi registry registry skip --- --- ";
    QElapsedTimer t;
    t.start();
    s = summarize(nasty + '\n');
    QVERIFY(t.elapsed() < 5000);
}

void TestProofs::findingsAreCapped() {
    QByteArray many;
    for (int i = 0; i < 2000; ++i)
        many += "--- FAIL: TestX" + QByteArray::number(i) + " (0.00s)\n";
    const ProofSummary s = summarize(many);
    QCOMPARE(s.fail, 2000);
    QCOMPARE(s.failures.size(), ProofSummary::kMaxFindings);
    QCOMPARE(s.findingsOmitted, 2000 - ProofSummary::kMaxFindings);
}

void TestProofs::badRulesFiles_data() {
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    const QByteArray ok = "  - id: a\n    layer: environment\n    match: ['x']\n    action: do it\n";
    QTest::newRow("not a mapping") << QByteArray("- a\n") << 1 << "mapping";
    QTest::newRow("no patterns") << QByteArray("other: 1\n") << 1 << "patterns";
    QTest::newRow("empty list") << QByteArray("patterns: []\n") << 1 << "at least one pattern";
    QTest::newRow("unknown layer")
        << QByteArray("patterns:\n" + ok + "  - id: b\n    layer: kernel\n    match: ['y']\n    action: z\n")
        << 7 << "unknown layer 'kernel'";
    QTest::newRow("unknown kind") << QByteArray("patterns:\n  - id: b\n    layer: toolchain\n    kind: "
                                                "warning\n    match: ['y']\n    action: z\n")
                                  << 4 << "unknown kind 'warning'";
    QTest::newRow("bad regex")
        << QByteArray(
               "patterns:\n  - id: b\n    layer: toolchain\n    match: ['ok', '(unclosed']\n    action: z\n")
        << 4 << "invalid regular expression '(unclosed'";
    QTest::newRow("no action") << QByteArray("patterns:\n  - id: b\n    layer: toolchain\n    match: ['y']\n")
                               << 2 << "action";
    QTest::newRow("empty match")
        << QByteArray("patterns:\n  - id: b\n    layer: toolchain\n    match: []\n    action: z\n") << 4
        << "at least one regular expression";
    QTest::newRow("duplicate id") << QByteArray("patterns:\n" + ok + ok) << 6 << "duplicate pattern id 'a'";
    QTest::newRow("unknown key") << QByteArray("patterns:\n  - id: b\n    layer: toolchain\n    match: "
                                               "['y']\n    action: z\n    severity: 1\n")
                                 << 6 << "severity";
    QTest::newRow("syntax error") << QByteArray("patterns:\n  - id: [b\n") << 3 << "YAML";
}

void TestProofs::badRulesFiles() {
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(QString, message);
    auto r = FailureRules::parse(yaml, QStringLiteral("rules.yaml"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().exitCode(), 3);
    QStringList all;
    bool found = false;
    for (const Diagnostic &d :
         r.error().diagnostics.isEmpty() ? QList<Diagnostic>{} : r.error().diagnostics) {
        all << d.toString();
        if (d.line == line && d.toString().contains(message) && d.file == QLatin1String("rules.yaml"))
            found = true;
    }
    if (r.error().diagnostics.isEmpty()) {
        all << r.error().toString();
        found = r.error().toString().contains(QStringLiteral("rules.yaml:%1").arg(line)) &&
                r.error().toString().contains(message);
    }
    QVERIFY2(found, qPrintable(all.join(QLatin1String(" | "))));
}

void TestProofs::customRulesFileIsUsed() {
    test::TempDir dir;
    const QString path = dir.write(
        QStringLiteral("rules.yaml"),
        "patterns:\n  - id: flaky-dns\n    layer: environment\n    match: ['lookup .* no such host']\n"
        "    action: Check the resolver of the runner.\n");
    auto r = FailureRules::loadFile(path);
    QVERIFY(r.ok());
    const ProofSummary s =
        summarizeCapture("dial tcp: lookup registry.local: no such host\n--- FAIL: TestX\n", r.value());
    QCOMPARE(s.failures.size(), 2);
    QCOMPARE(s.failures[0].rule, QStringLiteral("flaky-dns"));
    QCOMPARE(s.failures[1].rule, QString()); // the custom file has no generic test rule
    QCOMPARE(s.failures[1].layer, ProofLayer::Unknown);
    QVERIFY(!FailureRules::loadFile(dir.file(QStringLiteral("missing.yaml"))).ok());
}

void TestProofs::jsonShape() {
    const ProofSummary s = summarize(capture(QStringLiteral("fi-failure-output.txt")));
    const JsonValue j = s.toJson();
    for (const char *key : {"pass", "fail", "not_run", "skip", "overall", "failures", "sections"})
        QVERIFY2(j.find(key), key);
    const JsonValue &section = j.find("sections")->toArray().front();
    for (const char *key : {"name", "pass", "fail", "not_run", "skip", "overall"})
        QVERIFY2(section.find(key), key);
    QCOMPARE(j.stringAt("overall"), QStringLiteral("FAIL"));
    const JsonValue &first = j.find("failures")->toArray().front();
    for (const char *key : {"line", "text", "layer", "action"})
        QVERIFY2(first.find(key), key);
    QCOMPARE(first.find("line")->toInt(), 2);
    QCOMPARE(first.stringAt("layer"), QStringLiteral("environment"));
}

QTEST_GUILESS_MAIN(TestProofs)
#include "tst_proofs.moc"
