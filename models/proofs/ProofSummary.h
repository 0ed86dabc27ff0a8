#pragma once

// Proof summaries (docs/domain-rules.md, "Proof summaries and verdicts"): PASS / FAIL / NOT RUN / SKIP counts
// read from a test-output capture, the overall verdict, and every failure line classified by layer with its
// debug action, using the pattern rules of resources/rules/failure-patterns.yaml.

#include "core/JsonValue.h"
#include "core/Phrase.h"
#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QString>

namespace ops {

enum class ProofLayer { Toolchain, Environment, Capability, FaultInjection, Unknown };
QString proofLayerName(ProofLayer layer); // toolchain | environment | capability | fault-injection | unknown
const QList<ProofLayer> &allProofLayers();

// What a matched line is: a failure, a prerequisite-gated skip, or a fallback to a reduced subset.
enum class FindingKind { Failure, Skip, Fallback };
QString findingKindName(FindingKind kind);

struct FailurePattern {
    QString id;
    ProofLayer layer = ProofLayer::Unknown;
    FindingKind kind = FindingKind::Failure;
    QList<QRegularExpression> match; // every one must be found in the line (case-insensitive)
    QString action;
    QString source;
    int line = 0; // where it is defined in its rules file

    bool matches(const QString &text) const;
};

class FailureRules {
public:
    static Result<FailureRules> parse(const QByteArray &yamlText, const QString &file);
    static Result<FailureRules> loadFile(const QString &path);
    static Result<FailureRules> builtin(); // resources/rules/failure-patterns.yaml

    const QList<FailurePattern> &patterns() const { return m_patterns; }
    QString file() const { return m_file; }
    QString sha256() const { return m_sha256; } // of the rules file's bytes, recorded with each summary
    // The first pattern that matches, or nullptr.
    const FailurePattern *classify(const QString &line) const;

    static QString genericAction(); // for a failure line no pattern knows

private:
    QList<FailurePattern> m_patterns;
    QString m_file;
    QString m_sha256;
};

struct ProofFinding {
    int line = 0; // 1-based line of the capture
    QString text; // the line, trimmed and cut at 400 characters
    ProofLayer layer = ProofLayer::Unknown;
    FindingKind kind = FindingKind::Failure;
    QString action;
    QString rule; // pattern id; empty when no pattern matched

    JsonValue toJson() const;
};

// One part of a capture with its own counts: a `VALIDATION` line, a headed block
// (`=== Edge FI Test Summary ===`, `## Unit tests`, QtTest's `Start testing of tst_x`), a Go
// package closed by its `ok`/`FAIL` line, or the lines between those.
struct ProofSection {
    QString name;
    qint64 pass = 0;
    qint64 fail = 0;
    qint64 notRun = 0;
    qint64 skip = 0;
    QString overall; // PASS | FAIL | INCOMPLETE, by the same rule as the whole capture
    int firstLine = 0;
    int lastLine = 0;

    JsonValue toJson() const;
};

struct ProofSummary {
    qint64 pass = 0;
    qint64 fail = 0;
    qint64 notRun = 0;
    qint64 skip = 0;
    QString overall;              // PASS | FAIL | INCOMPLETE
    QString statedOverall;        // what the capture itself claims ("- Overall: **PASS**"), may be empty
    QList<ProofFinding> failures; // kind Failure
    QList<ProofFinding> notes;    // kind Skip or Fallback
    qint64 findingsOmitted = 0;   // beyond the listing cap
    QList<Phrase> warnings;       // e.g. the capture claims PASS while counting failures
    qint64 lines = 0;
    QList<ProofSection> sections; // in capture order; their counts add up to the totals

    // Exit code of `proof summarize`: 0 PASS, 1 otherwise (FAIL, INCOMPLETE).
    int exitCode() const { return overall == QLatin1String("PASS") ? 0 : 1; }
    JsonValue toJson() const;
    // Failures and notes of one layer, in capture order.
    QList<ProofFinding> findingsOf(ProofLayer layer) const;

    static constexpr qsizetype kMaxCaptureBytes = 64 * 1024 * 1024;
    static constexpr int kMaxFindings = 500;
};

// Reads the capture line by line. Per-test lines (`--- FAIL: TestX`, `PASS: name`, `SKIP (…)`,
// TAP `ok`/`not ok`, ctest `Passed`/`***Failed`) are counted until a summary block (`Pass: 2`
// … `Not run: 1`, a pytest or ctest total) covers them: a block replaces the per-test counts
// since the previous block, so nothing is counted twice. `VALIDATION PASS (checks=N, …)` adds N
// passed checks. NOT RUN and SKIP are never passes; nothing counted passing = INCOMPLETE.
// A block that does not state a count (the FI summary has no "Skipped:") keeps the explicit
// per-test lines of that kind (`integrity tamper tests: SKIP (…)`). Counts are kept per
// section and the totals are their sum.
ProofSummary summarizeCapture(const QByteArray &capture, const FailureRules &rules);

} // namespace ops
