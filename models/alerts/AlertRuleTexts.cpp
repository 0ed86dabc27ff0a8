// The words of the built-in alert rules (resources/rules/alerts.yaml) marked for translation, so a
// window shows a built-in rule's name, trigger and first action in its reader's language. The
// log records them as the rules say them (English); a rule file of the deployment's own is shown
// as written. A test checks that every built-in rule's words are here.
#include "AlertRules.h"

#include <QCoreApplication>

namespace ops {

namespace {

constexpr const char *kContext = "ops::AlertRuleText";

constexpr const char *kBuiltinTexts[] = {
    QT_TRANSLATE_NOOP("ops::AlertRuleText", "Publish blocked"),
    QT_TRANSLATE_NOOP("ops::AlertRuleText", "repeated publish_blocked or verifier/publisher hard failure"),
    QT_TRANSLATE_NOOP("ops::AlertRuleText", "inspect failed gate and preserve active last-known-good"),
    QT_TRANSLATE_NOOP("ops::AlertRuleText", "Stale pack"),
    QT_TRANSLATE_NOOP("ops::AlertRuleText", "active manifest age exceeds threshold for supported scope"),
    QT_TRANSLATE_NOOP("ops::AlertRuleText",
                      "pause confidence claims for affected scope and investigate refresh path"),
    QT_TRANSLATE_NOOP("ops::AlertRuleText", "Fallback spike"),
    QT_TRANSLATE_NOOP("ops::AlertRuleText", "fallback or rescue path exceeds normal operational baseline"),
    QT_TRANSLATE_NOOP("ops::AlertRuleText", "halt lane graduation and inspect locality/country policy state"),
    QT_TRANSLATE_NOOP("ops::AlertRuleText", "Resolver health"),
    QT_TRANSLATE_NOOP("ops::AlertRuleText", "manifest resolution or rules API path fails probes"),
    QT_TRANSLATE_NOOP("ops::AlertRuleText", "validate publisher read path and rebind/rollback if needed"),
    QT_TRANSLATE_NOOP("ops::AlertRuleText", "Workflow watchdog"),
    QT_TRANSLATE_NOOP("ops::AlertRuleText", "orchestrator harvest/discovery/onboarding watchdog breach"),
    QT_TRANSLATE_NOOP("ops::AlertRuleText", "inspect active run, lock state, and downstream backlog"),
    QT_TRANSLATE_NOOP("ops::AlertRuleText", "Kill-switch activation"),
    QT_TRANSLATE_NOOP("ops::AlertRuleText", "AI or bad-pack kill switch enabled"),
    QT_TRANSLATE_NOOP("ops::AlertRuleText", "confirm containment, scope, and follow-up evidence"),
    QT_TRANSLATE_NOOP("ops::AlertRuleText", "Manual trigger dedupe spike"),
    QT_TRANSLATE_NOOP("ops::AlertRuleText", "abnormal burst or operator contention pattern"),
    QT_TRANSLATE_NOOP("ops::AlertRuleText", "inspect duplicate ingress cause and active lock ownership"),
};

} // namespace

QStringList AlertRules::builtinTexts() {
    QStringList out;
    for (const char *t : kBuiltinTexts)
        out << QString::fromUtf8(t);
    return out;
}

QString AlertRules::shown(const QString &words) {
    const QByteArray source = words.toUtf8();
    return QCoreApplication::translate(kContext, source.constData());
}

} // namespace ops
