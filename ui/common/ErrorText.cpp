#include "ErrorText.h"

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
    return error.message;
}

} // namespace ops::ui
