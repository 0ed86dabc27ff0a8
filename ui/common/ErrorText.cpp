#include "ErrorText.h"

#include "StepStatusText.h"

#include <QCoreApplication>
#include <QLocale>

namespace ops::ui {

namespace {

// What a step or check still needs, as the run checklist and the launch checklist offer it.
QString need(const QString &code) {
    if (code == QLatin1String("note"))
        return QCoreApplication::translate("ops::ui::ErrorText", "a note (in the step's note field)");
    if (code == QLatin1String("attachment"))
        return QCoreApplication::translate("ops::ui::ErrorText", "an attachment (Attach file…)");
    if (code == QLatin1String("confirmation"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "a confirmation (tick “I confirm the action was done”)");
    if (code == QLatin1String("probe"))
        return QCoreApplication::translate("ops::ui::ErrorText", "a probe result (Probe now)");
    if (code == QLatin1String("checksum"))
        return QCoreApplication::translate(
            "ops::ui::ErrorText",
            "a checksum (Checksum file…, or a pack probe whose SHA-256 matches its manifest)");
    return code;
}

QString needs(const QStringList &codes) {
    QStringList out;
    for (const QString &c : codes)
        out << need(c);
    return QLocale().createSeparatedList(out);
}

// A field a person fills in, named as the sentence's subject ("reason", "note", …: the command
// line's option without its dashes).
QString field(const QString &code) {
    if (code == QLatin1String("reason"))
        return QCoreApplication::translate("ops::ui::ErrorText", "The reason");
    if (code == QLatin1String("note"))
        return QCoreApplication::translate("ops::ui::ErrorText", "The note");
    if (code == QLatin1String("charter value"))
        return QCoreApplication::translate("ops::ui::ErrorText", "A charter value");
    if (code == QLatin1String("threat to validity"))
        return QCoreApplication::translate("ops::ui::ErrorText", "A threat to validity");
    if (code == QLatin1String("forbidden-run"))
        return QCoreApplication::translate("ops::ui::ErrorText", "The forbidden run");
    return code;
}

// A text marked with QT_TRANSLATE_NOOP in this file's context, translated.
QString translated(const char *text) {
    return QCoreApplication::translate("ops::ui::ErrorText", text);
}

// The act a role is needed for, as a sentence's subject.
QString act(const QString &code, const QString &subject) {
    static const QList<std::pair<const char *, const char *>> acts = {
        {"incident.open", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "Opening an incident")},
        {"incident.severity", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "Changing the severity")},
        {"incident.owner", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "Assigning the incident owner")},
        {"incident.evidence", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "Recording the core evidence")},
        {"incident.decision", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "The decision log")},
        {"incident.close", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "Closing an incident")},
        {"rollback", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "A rollback")},
        {"rollback.drill", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "A rollback drill")},
        {"killswitch", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "A kill switch")},
        {"run.step", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "A step of an incident or rollback run")},
        {"launch.start", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "Starting a launch")},
        {"launch.check", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "A launch check")},
        {"launch.signoff", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "This sign-off")},
        {"launch.decision", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "The launch decision")},
        {"derivation.import", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "Importing records")},
        {"derivation.review", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "Reviewing a record")},
        {"derivation.risk-note", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "A risk-owner note")},
        {"derivation.sign", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "Signing a record")},
        {"derivation.supersede", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "A re-derivation")},
        {"derivation.invalidate", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "Invalidating a record")},
        {"derivation.charter", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "The value charter")},
        {"derivation.threats", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "The threat list")},
        {"derivation.attest", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "The attestation")},
        {"derivation.handoff-export", QT_TRANSLATE_NOOP("ops::ui::ErrorText", "The handoff package")},
    };
    if (code == QLatin1String("step"))
        return QCoreApplication::translate("ops::ui::ErrorText", "Step %1").arg(subject);
    for (const auto &[id, text] : acts)
        if (code == QLatin1String(id))
            return translated(text);
    return code;
}

// A step's status named by the log's word ("done"), in the reader's language.
QString stepState(const QString &logWord) {
    for (StepStatus st : {StepStatus::Pending, StepStatus::Done, StepStatus::Failed, StepStatus::Skipped})
        if (stepStatusName(st) == logWord)
            return StepStatusText::of(st);
    return logWord;
}

QString roleNeeded(const QStringList &a) {
    const QStringList roles = a.value(1).split(QStringLiteral(", "), Qt::SkipEmptyParts);
    const QString held =
        a.value(3).isEmpty() ? QCoreApplication::translate("ops::ui::ErrorText", "no role") : a.value(3);
    return (roles.size() == 1
                ? QCoreApplication::translate("ops::ui::ErrorText", "%1 needs the role %2; %3 holds %4.")
                : QCoreApplication::translate("ops::ui::ErrorText",
                                              "%1 needs one of the roles %2; %3 holds %4."))
        .arg(act(a.value(0), a.value(4)), roles.join(QStringLiteral(", ")), a.value(2), held);
}

// Refusals of the incident, kill-switch and derivation acts, by id.
QString actRefusal(const QString &id, const QStringList &a) {
    if (id == QLatin1String("incident.closed"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "%1 was closed at %2: open a new incident for a recurrence.")
            .arg(a.value(0), a.value(1));
    if (id == QLatin1String("incident.trigger"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "An incident needs its trigger or alert source.");
    if (id == QLatin1String("incident.owner_role"))
        return QCoreApplication::translate(
                   "ops::ui::ErrorText",
                   "The incident owner must be an identity with the incident-owner role; %1 is not.")
            .arg(a.value(0));
    if (id == QLatin1String("incident.severity_reason"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "The severity model suggests %1; choosing %2 needs a reason.")
            .arg(a.value(0), a.value(1));
    if (id == QLatin1String("incident.change_reason"))
        return QCoreApplication::translate("ops::ui::ErrorText", "A severity change needs a reason.");
    if (id == QLatin1String("incident.decision_text"))
        return QCoreApplication::translate("ops::ui::ErrorText", "A decision needs its text.");
    if (id == QLatin1String("incident.closure"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "Closing needs the closure condition confirmed in words.");
    if (id == QLatin1String("incident.verification"))
        return QCoreApplication::translate("ops::ui::ErrorText", "Closing needs a verification result.");
    if (id == QLatin1String("killswitch.reason"))
        return QCoreApplication::translate("ops::ui::ErrorText", "A kill switch needs its reason.");
    if (id == QLatin1String("incident.same_severity"))
        return QCoreApplication::translate("ops::ui::ErrorText", "%1 is already %2.")
            .arg(a.value(0), a.value(1));
    if (id == QLatin1String("incident.no_evidence"))
        return QCoreApplication::translate(
                   "ops::ui::ErrorText",
                   "%1 has no core evidence record: record one (Record evidence) before closing.")
            .arg(a.value(0));
    if (id == QLatin1String("incident.rollback_open"))
        return QCoreApplication::translate(
                   "ops::ui::ErrorText",
                   "%1 has an unfinished rollback run %2 (%3 of %4 steps): finish it before closing.")
            .arg(a.value(0), a.value(1), a.value(2), a.value(3));
    if (id == QLatin1String("rollback.running"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "%1 is already rolling back %2: finish it first.")
            .arg(a.value(0), a.value(1));
    if (id == QLatin1String("killswitch.active"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "The %1 kill switch is already active on %2 (since %3, by %4).")
            .arg(a.value(0), a.value(1), a.value(2), a.value(3));
    if (id == QLatin1String("killswitch.inactive"))
        return QCoreApplication::translate("ops::ui::ErrorText", "The %1 kill switch is not active on %2.")
            .arg(a.value(0), a.value(1));
    if (id == QLatin1String("step.probes"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "Step %1 is done only when its probes pass (%2): record it as "
                                           "failed with the reason, or fix it and probe again.")
            .arg(a.value(0), a.value(1));
    if (id == QLatin1String("alert.ack_role"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "%1 holds neither the operator nor the incident-owner role.")
            .arg(a.value(0));
    if (id == QLatin1String("alert.ack_note"))
        return QCoreApplication::translate("ops::ui::ErrorText", "An acknowledgement needs a note.");
    if (id == QLatin1String("alert.not_firing"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "Only a firing alert can be acknowledged: %1 for %2 is %3.")
            .arg(a.value(0), a.value(1), a.value(2));
    if (id == QLatin1String("store.grewMeanwhile"))
        return QCoreApplication::translate(
                   "ops::ui::ErrorText", "Others kept adding to the log while this was decided (it grew from "
                                         "%1 to %2 events), so nothing was written: try again in a moment.")
            .arg(a.value(0), a.value(1));
    if (id == QLatin1String("launch.nogo_note"))
        return QCoreApplication::translate("ops::ui::ErrorText", "A NO-GO decision needs its reason.");
    if (id == QLatin1String("text.required"))
        return QCoreApplication::translate("ops::ui::ErrorText", "%1 is required.").arg(field(a.value(0)));
    if (id == QLatin1String("text.long"))
        return QCoreApplication::translate("ops::ui::ErrorText", "%1 is longer than %2 characters.")
            .arg(field(a.value(0)), a.value(1));
    if (id == QLatin1String("text.placeholder"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "%1 is a placeholder (“%2”): say what it is.")
            .arg(field(a.value(0)), a.value(1));
    if (id == QLatin1String("charter.twice"))
        return QCoreApplication::translate("ops::ui::ErrorText", "The charter value “%1” is named twice.")
            .arg(a.value(0));
    if (id == QLatin1String("charter.empty"))
        return QCoreApplication::translate("ops::ui::ErrorText", "Name at least one charter value.");
    if (id == QLatin1String("silence.reason"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "A silence needs a reason: why these notifications may wait.");
    if (id == QLatin1String("silence.past"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "The silence would end at %1, which is not in the future.")
            .arg(a.value(0));
    if (id == QLatin1String("silence.too_long"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "A silence lasts at most 30 days (until %1 asked); recurring "
                                           "maintenance belongs in the config's maintenance windows.")
            .arg(a.value(0));
    if (id == QLatin1String("silence.overlap"))
        return QCoreApplication::translate(
                   "ops::ui::ErrorText",
                   "%1 on %2 is already silenced by %3 until %4 (%5): end that silence first.")
            .arg(a.value(0), a.value(1), a.value(2), a.value(3), a.value(4));
    if (id == QLatin1String("silence.unknown"))
        return QCoreApplication::translate("ops::ui::ErrorText", "There is no silence %1.").arg(a.value(0));
    if (id == QLatin1String("silence.upcoming"))
        return QCoreApplication::translate("ops::ui::ErrorText", "%1 has not started (it starts %2).")
            .arg(a.value(0), a.value(1));
    if (id == QLatin1String("silence.ended"))
        return QCoreApplication::translate("ops::ui::ErrorText", "%1 was already ended by %2 (event %3).")
            .arg(a.value(0), a.value(1), a.value(2));
    if (id == QLatin1String("silence.expired"))
        return QCoreApplication::translate("ops::ui::ErrorText", "%1 expired at %2.")
            .arg(a.value(0), a.value(1));
    if (id == QLatin1String("run.finished"))
        return QCoreApplication::translate("ops::ui::ErrorText", "%1 finished at %2: start a new run.")
            .arg(a.value(0), a.value(1));
    if (id == QLatin1String("step.recorded"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "Step %1 of %2 is already recorded (%3, event %4).")
            .arg(a.value(0), a.value(1), stepState(a.value(2)), a.value(3));
    if (id == QLatin1String("step.noskip"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "Step %1 cannot be skipped: the %2 runbook does not allow it.")
            .arg(a.value(0), a.value(1));
    if (id == QLatin1String("launch.build"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "Name the app build being launched (one line) in App build.");
    if (id == QLatin1String("launch.open"))
        return QCoreApplication::translate(
                   "ops::ui::ErrorText", "Launch %1 (%2, build %3) is still open: record GO or NO-GO first.")
            .arg(a.value(0), a.value(1), a.value(2));
    if (id == QLatin1String("launch.decided"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "Launch %1 was decided at %2: start a new launch.")
            .arg(a.value(0), a.value(1));
    if (id == QLatin1String("launch.two_roles"))
        return QCoreApplication::translate(
                   "ops::ui::ErrorText",
                   "%1 signed the %2 sign-off of %3: one identity never signs two roles.")
            .arg(a.value(0), a.value(1), a.value(2));
    if (id == QLatin1String("launch.checklist_open"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "A sign-off signs a complete checklist; still open: %1.")
            .arg(a.value(0));
    if (id == QLatin1String("launch.signed"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "The %1 sign-off is already given by %2 (%3) and still verifies.")
            .arg(a.value(0), a.value(1), a.value(2));
    if (id == QLatin1String("launch.archive_exists"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "%1 exists: an archive is never overwritten.")
            .arg(a.value(0));
    if (id == QLatin1String("derivation.author"))
        return QCoreApplication::translate(
                   "ops::ui::ErrorText",
                   "%1 is the author of %2: a record is never reviewed or signed by its author.")
            .arg(a.value(0), a.value(1));
    if (id == QLatin1String("derivation.importer"))
        return QCoreApplication::translate(
                   "ops::ui::ErrorText",
                   "%1 imported %2: the analyst who brought a record in cannot review or sign it.")
            .arg(a.value(0), a.value(1));
    if (id == QLatin1String("derivation.reviewer"))
        return QCoreApplication::translate("ops::ui::ErrorText", "%1 names %2 as its reviewer, not %3.")
            .arg(a.value(0), a.value(1), a.value(2));
    if (id == QLatin1String("derivation.none"))
        return QCoreApplication::translate("ops::ui::ErrorText", "No such record.");
    if (id == QLatin1String("derivation.final"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "%1 is %2: superseded and invalidated records are final.")
            .arg(a.value(0), a.value(1));
    if (id == QLatin1String("derivation.reviewed"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "%1 was already reviewed (%2); a change is a re-derivation.")
            .arg(a.value(0), a.value(1));
    if (id == QLatin1String("derivation.signed"))
        return QCoreApplication::translate("ops::ui::ErrorText", "%1 is already signed.").arg(a.value(0));
    if (id == QLatin1String("derivation.unaccepted"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "%1 is %2: only an accepted record is signed.")
            .arg(a.value(0), a.value(1));
    if (id == QLatin1String("derivation.risknote"))
        return QCoreApplication::translate(
                   "ops::ui::ErrorText",
                   "%1 is a cost or capacity value: a risk-owner note is needed before signing.")
            .arg(a.value(0));
    if (id == QLatin1String("derivation.riskauthor"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "%1 is the author of %2: the risk owner is someone else.")
            .arg(a.value(0), a.value(1));
    return {};
}

} // namespace

QString errorText(const Error &error) {
    const QString &id = error.id;
    const QStringList &a = error.args;
    if (id == QLatin1String("step.needs") && !a.isEmpty())
        return QCoreApplication::translate("ops::ui::ErrorText", "Step %1 needs %2 before it can be done.")
            .arg(a.first(), needs(a.mid(1)));
    if (id == QLatin1String("check.needs") && !a.isEmpty())
        return QCoreApplication::translate("ops::ui::ErrorText", "Check %1 needs %2.")
            .arg(a.first(), needs(a.mid(1)));
    if (id == QLatin1String("step.reason") && a.size() == 1)
        return a.first() == QLatin1String("skipped")
                   ? QCoreApplication::translate(
                         "ops::ui::ErrorText",
                         "A skipped step needs its reason: write it in the step's note field.")
                   : QCoreApplication::translate(
                         "ops::ui::ErrorText",
                         "A failed step needs its reason: write it in the step's note field.");
    if (id == QLatin1String("check.reason"))
        return QCoreApplication::translate("ops::ui::ErrorText", "A failed check needs its reason.");
    if (id == QLatin1String("check.observed") && a.size() == 1)
        return QCoreApplication::translate(
                   "ops::ui::ErrorText",
                   "Check %1 needs a note on what was observed, e.g. the publish job and the version it "
                   "published.")
            .arg(a.first());
    if (id == QLatin1String("launch.none"))
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "No launch has been started: start one with Start launch.");
    if (id == QLatin1String("search.timeout") && a.size() == 1)
        return QCoreApplication::translate("ops::ui::ErrorText",
                                           "The search gave up after %1 s: narrow it with a kind, scope, "
                                           "actor or time range.")
            .arg(a.first());
    if (id == QLatin1String("role.needed") && a.size() == 5)
        return roleNeeded(a);
    if (const QString text = actRefusal(id, a); !text.isEmpty())
        return text;
    return error.message;
}

} // namespace ops::ui
