#pragma once

#include "probes/ProbeTypes.h"

#include "core/Result.h"

#include <QStringList>

namespace ops {

// What a step needs before it can be marked done.
enum class EvidenceKind { Note, Attachment, Probe, Checksum, Signature, Confirmation };
QString evidenceKindName(EvidenceKind kind);
std::optional<EvidenceKind> evidenceKindFrom(const QString &name);

struct RunbookStep {
    QString id;
    QString action;
    QList<EvidenceKind> evidence;
    QList<TargetKind> probe;    // for Probe evidence: what to probe in the run's scope
    bool probeMustPass = false; // the step is done only when every probe result is ok
    QString role;               // for Signature evidence: who signs
    bool skippable = false;     // may be skipped, with a reason
    int line = 0;

    bool needs(EvidenceKind kind) const { return evidence.contains(kind); }
};

// A runbook of the seeds, as data (resources/runbooks/*.yaml): an incident runbook, a checklist
// (rollback, launch day, pre-flight, handoff) or a procedure (secret rotation, failure recovery,
// evidence regeneration).
struct Runbook {
    QString id;
    QString title;
    QString kind; // incident | checklist | procedure
    QString incidentClass;
    QString purpose;
    QStringList useWhen;
    QList<RunbookStep> steps;
    QString closureCondition;
    QString file;

    const RunbookStep *step(const QString &id) const;
};

// The incident classes (docs/domain-rules.md).
QStringList incidentClasses();

// The runbooks a console works with: the built-in ones, or those of a configured directory.
// A bad file is reported with file:line and left out; the others still load.
struct RunbookLibrary {
    QList<Runbook> runbooks;
    QList<Diagnostic> problems;

    const Runbook *find(const QString &id) const;

    static RunbookLibrary builtin();
    static RunbookLibrary fromDirectory(const QString &dir);
    // The configured directory, or the built-in runbooks when none is configured.
    static RunbookLibrary forDirectory(const QString &dirOrEmpty);
    // One file's text (exposed for tests and the fuzz target).
    static Result<Runbook> parse(const QByteArray &yamlText, const QString &file);

    // A runbook's words (title, purpose, a use-when line, a step, the closure condition) as a
    // window shows them: a built-in runbook's in the reader's language, any other as written.
    static QString shown(const QString &words);
    // Every word of the built-in runbooks that shown() translates (RunbookTexts.cpp).
    static QStringList builtinTexts();
};

} // namespace ops
