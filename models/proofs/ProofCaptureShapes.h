// What summarizeCapture (ProofCapture.cpp) reads a capture with: the counts of a section, the
// counting state of one, and the shapes its lines come in.
#pragma once

#include <QRegularExpression>
#include <QString>

#include <limits>

namespace ops::capture {

inline constexpr qsizetype kMaxLineChars = 4096; // what is matched of one line
inline constexpr qsizetype kMaxShownChars = 400; // what a finding quotes
inline constexpr qint64 kMaxCount = 1000000000;  // one line never claims more than this

inline qint64 saturatingAdd(qint64 a, qint64 b) {
    return b > std::numeric_limits<qint64>::max() - a ? std::numeric_limits<qint64>::max() : a + b;
}

inline qint64 countFrom(const QString &digits) {
    bool ok = false;
    const qint64 n = digits.toLongLong(&ok);
    return ok ? qBound<qint64>(0, n, kMaxCount) : kMaxCount;
}

inline QRegularExpression re(const char *pattern) {
    return QRegularExpression(QString::fromLatin1(pattern), QRegularExpression::CaseInsensitiveOption);
}

struct Counts {
    qint64 pass = 0, fail = 0, notRun = 0, skip = 0;
    void add(const Counts &o) {
        pass = saturatingAdd(pass, o.pass);
        fail = saturatingAdd(fail, o.fail);
        notRun = saturatingAdd(notRun, o.notRun);
        skip = saturatingAdd(skip, o.skip);
    }
    bool any() const { return pass || fail || notRun || skip; }
};

enum CountKey : unsigned { kPassKey = 1, kFailKey = 2, kNotRunKey = 4, kSkipKey = 8, kAllKeys = 15 };

inline QString verdictOf(const Counts &c) {
    if (c.fail > 0)
        return QStringLiteral("FAIL");
    return c.pass > 0 ? QStringLiteral("PASS") : QStringLiteral("INCOMPLETE");
}

// The counting state of one section. Per-test lines are pending until a summary block covers
// them; a block replaces the pending counts of the kinds it states and keeps the others.
struct SectionState {
    QString name;
    bool named = false;
    bool closed = false; // a Go package line ended it: the next counted line starts a new one
    int first = 0;
    int last = 0;
    Counts total, pending, block;
    unsigned blockHas = 0;
    bool inBlock = false;
    QString subject; // what its only per-test line was about, for an unnamed section
    int subjects = 0;

    void endBlock() {
        if (!inBlock)
            return;
        Counts keep;
        if (!(blockHas & kPassKey))
            keep.pass = pending.pass;
        if (!(blockHas & kFailKey))
            keep.fail = pending.fail;
        if (!(blockHas & kNotRunKey))
            keep.notRun = pending.notRun;
        if (!(blockHas & kSkipKey))
            keep.skip = pending.skip;
        total.add(block);
        total.add(keep);
        pending = Counts{};
        block = Counts{};
        blockHas = 0;
        inBlock = false;
    }
    Counts counts() const {
        Counts c = total;
        c.add(pending);
        return c;
    }
    bool any() const { return total.any() || pending.any() || block.any() || inBlock; }
    void touch(int line) {
        if (first == 0)
            first = line;
        last = line;
    }
};

// "Edge FI Test Summary" -> "Edge FI"
inline QString sectionName(QString raw, bool *summary) {
    static const QRegularExpression tail(
        QStringLiteral(R"(\s*[-:]?\s*(?:test\s+)?(?:summary|results?|report)\s*:?$)"),
        QRegularExpression::CaseInsensitiveOption);
    raw = raw.trimmed();
    raw.remove(QLatin1Char('*'));
    const QString cut = raw.trimmed().remove(tail).trimmed();
    *summary = cut != raw.trimmed();
    return (cut.isEmpty() ? raw.trimmed() : cut).left(120);
}

// The shapes a capture's lines come in. Summary lines are whole-line matches so that a
// sentence mentioning "fail: 3" in passing is not read as a count.
struct Shapes {
    // "Pass:    2", "Fail: 0", "Not run: 1", "- Skipped = 4", "Errors: 1"
    QRegularExpression keyCount = re(
        R"(^\s*(?:[-*]\s*)?(?:\*\*)?(pass(?:ed|es)?|fail(?:ed|s|ures?)?|errors?|not[ _-]?run|skip(?:ped|s)?)(?:\*\*)?\s*[:=]\s*(?:\*\*)?(\d+)(?:\*\*)?\s*$)");
    // "VALIDATION PASS (checks=32, assurance=full …)" / "VALIDATION FAIL (checks=32, failed=3)"
    QRegularExpression validation = re(R"(\bVALIDATION\s+(PASS|FAIL)\b(?:\s*\(([^)]*)\)?)?)");
    QRegularExpression checksField = re(R"(\bchecks\s*=\s*(\d+))");
    QRegularExpression failedField = re(R"(\bfail(?:ed|ures?)\s*=\s*(\d+))");
    // Go: "--- FAIL: TestX (0.00s)"
    QRegularExpression goTest = re(R"(^\s*--- (PASS|FAIL|SKIP):\s*\S)");
    // Go package lines: "ok  pkg 0.1s", "FAIL pkg 0.2s", "FAIL pkg [build failed]"
    QRegularExpression goPackage = re(R"(^(ok|FAIL)\s+\S+\s+(?:[\d.]+s|\(cached\)|\[([^\]]*)\])?\s*$)");
    // Generic per-test lines, upper case only so that prose is not counted: "PASS: name",
    // "FAIL!  : tst_x::f()" (QtTest), "FAILED tests/a.py::t" (pytest), "SKIP (registry unavailable)", "NOT
    // RUN (root)"
    QRegularExpression perTest = QRegularExpression(
        QStringLiteral(R"(^\s*(PASS(?:ED)?|FAIL(?:ED)?|SKIP(?:PED)?|NOT[ _-]RUN)!?\s*(?:[:(\-]|\s+\S))"));
    // googletest: "[       OK ] Suite.Name (0 ms)", "[  FAILED  ] Suite.Name (1 ms)", "[  SKIPPED ]
    // Suite.Name (0 ms)"
    QRegularExpression gtestTest = re(R"(^\s*\[\s+(OK|FAILED|SKIPPED)\s+\]\s+\S+\s+\(\d+\s*ms\)\s*$)");
    // googletest totals: "[  PASSED  ] 2 tests.", "[  FAILED  ] 1 test, listed below:"
    QRegularExpression gtestTotal = re(R"(^\s*\[\s+(PASSED|FAILED|SKIPPED)\s+\]\s+(\d+)\s+tests?\b)");
    // QtTest: "Totals: 5 passed, 1 failed, 0 skipped, 0 blacklisted, 20ms"
    QRegularExpression totals = re(R"(^\s*Totals:\s*(.*\d+\s+passed.*)$)");
    // TAP: "ok 3 - name", "not ok 4 - name # TODO", "ok 5 # SKIP reason"
    QRegularExpression tap = re(R"(^\s*(not ok|ok)\s+\d+\b(.*)$)");
    // pytest: "==== 3 passed, 1 failed, 2 skipped in 0.12s ===="
    QRegularExpression pytest = re(
        R"(^=+\s+(.*\d+\s+(?:passed|failed|skipped|errors?|deselected|xfailed|xpassed).*)\s+in\s+[\d.]+\s*s(?:econds)?\b.*=+\s*$)");
    QRegularExpression pytestPart =
        re(R"((\d+)\s+(passed|failed|skipped|errors?|deselected|xfailed|xpassed|blacklisted))");
    // ctest: "97% tests passed, 1 tests failed out of 32"
    QRegularExpression ctestTotal = re(R"((\d+)% tests passed,\s*(\d+) tests? failed out of (\d+))");
    // ctest per test: " 1/32 Test  #1: tst_x ......   Passed    0.10 sec", "***Failed", "***Not Run",
    // "***Skipped"
    QRegularExpression ctestTest = re(
        R"(^\s*\d+/\d+\s+Test\s+#\d+:.*?(\*\*\*Failed|\*\*\*Not Run|\*\*\*Skipped|\*\*\*Timeout|\*\*\*Exception|Passed)\b)");
    // "- Overall: **PASS**", "Overall result: FAIL"
    QRegularExpression overall = re(
        R"(^\s*(?:[-*#>]\s*)*(?:\*\*)?overall(?:\s+(?:result|verdict|status))?(?:\*\*)?\s*[:=]\s*(?:\*\*)?\s*(PASS|FAIL|INCOMPLETE)\b)");
    // A line that looks like a failure even when no rule knows it.
    QRegularExpression failureMarker = re(
        R"(^\s*(panic:|fatal( error)?:|error:|error\[|traceback \(most recent call last\)|make(\[\d+\])?: \*\*\*)|\bFAILED\b|\bsegmentation fault\b|\bcore dumped\b)");
    // Section headers: "=== Edge FI Test Summary ===", "## Unit tests"; Go's "=== RUN   TestX" has
    // no closing bar and is not one.
    QRegularExpression barHeader = QRegularExpression(QStringLiteral(R"(^\s*={2,}\s*(\S.*?)\s*={2,}\s*$)"));
    QRegularExpression markdownHeader =
        QRegularExpression(QStringLiteral(R"(^\s{0,3}#{1,6}\s+(\S.*?)\s*#*\s*$)"));
    // pytest's own bars inside one run
    QRegularExpression pytestBar = re(
        R"(^(test session starts|failures|errors|short test summary info|warnings summary|passes|slowest.*durations|captured .*|.*\.py)$)");
    // QtTest: "********* Start testing of tst_x *********"
    QRegularExpression qtStart = re(R"(^\s*\*+\s*Start testing of\s+(\S+)\s*\*+\s*$)");
    // An explicit verdict after a name: "integrity tamper tests: SKIP (registry unavailable)",
    // "root FI: NOT RUN". Upper case, and not followed by a colon, so that a Go log line
    // ("tamper_test.go:12: SKIP: …", already counted by its --- SKIP line) is not counted again.
    QRegularExpression namedVerdict = QRegularExpression(QStringLiteral(
        R"(^\s*(?:[-*]\s+)?([A-Za-z][^:]{0,100}?)\s*:\s*(SKIP(?:PED)?|NOT[ _-]RUN)\b(?!\s*:)(?:\s*[(\-].*)?\s*$)"));
    QRegularExpression ansi = QRegularExpression(QStringLiteral("\x1b\\[[0-9;?]*[A-Za-z]"));
};

inline QRegularExpressionMatch firstMatch(const QString &line,
                                          std::initializer_list<const QRegularExpression *> shapes) {
    QRegularExpressionMatch m;
    for (const QRegularExpression *r : shapes)
        if ((m = r->match(line)).hasMatch())
            break;
    return m;
}

inline const Shapes &shapes() {
    static const Shapes s;
    return s;
}

} // namespace ops::capture
