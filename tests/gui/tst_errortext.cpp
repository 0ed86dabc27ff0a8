// A refusal in the window's words: the models' errors carry an id and arguments, the command line
// prints their message (with its flags), the window renders them naming its own fields and
// buttons, in English and in German, never a command-line flag.
#include "StoreFixture.h"

#include "alerts/AlertMatrixModel.h"
#include "alerts/Silences.h"
#include "common/ErrorText.h"
#include "common/Translations.h"
#include "core/DeploymentConfig.h"
#include "core/Time.h"
#include "derivations/DerivationActions.h"
#include "incidents/IncidentActions.h"
#include "incidents/RunStepsModel.h"
#include "launch/LaunchActions.h"
#include "monitor/LoggedProbes.h"
#include "monitor/MonitorStore.h"

#include <QApplication>
#include <QTest>
#include <QTranslator>

using namespace ops;
using namespace ops::ui;

class TestErrorText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Each test starts in English: the translators an earlier one installed are taken away.
    void init() {
        for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    void eachIdInEnglishAndGerman();
    void theActsRefusalsInTheWindowsWords();
    void alertDetailsInTheReadersLanguage();
    void probeReasonsOfAnotherRecorderInTheReadersLanguage();
    void builtinRunbooksInTheReadersLanguage();
    void severityModelReasonsInTheReadersLanguage();
};

namespace {

QList<Error> refusals() {
    return {
        makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("step rebind needs an attachment (--attach FILE), a confirmation (--confirm) "
                           "before it can be done"),
            QStringLiteral("rebind"))
            .said(QStringLiteral("step.needs"),
                  {QStringLiteral("rebind"), QStringLiteral("attachment"), QStringLiteral("confirmation")}),
        makeError(ErrorCode::InvalidInput, QStringLiteral("check app-fetch needs a note (--evidence TEXT)"))
            .said(QStringLiteral("check.needs"), {QStringLiteral("app-fetch"), QStringLiteral("note")}),
        makeError(ErrorCode::InvalidInput, QStringLiteral("a failed step needs its reason (--reason)"))
            .said(QStringLiteral("step.reason"), {QStringLiteral("failed")}),
        makeError(ErrorCode::InvalidInput, QStringLiteral("a failed check needs its reason (--reason)"))
            .said(QStringLiteral("check.reason"), {}),
        makeError(ErrorCode::InvalidInput,
                  QStringLiteral("check first-publish needs a note (--evidence TEXT)"))
            .said(QStringLiteral("check.observed"), {QStringLiteral("first-publish")}),
        makeError(ErrorCode::InvalidInput,
                  QStringLiteral("no launch has been started (launch start --scope S --build ID)"))
            .said(QStringLiteral("launch.none"), {}),
        makeError(ErrorCode::Store, QStringLiteral("the team-log search gave up after 15 s"))
            .said(QStringLiteral("search.timeout"), {QStringLiteral("15")}),
        makeError(ErrorCode::Policy, QStringLiteral("step rebind of RUN-1 is already done (event 7)"))
            .said(QStringLiteral("step.recorded"), {QStringLiteral("rebind"), QStringLiteral("RUN-1"),
                                                    QStringLiteral("done"), QStringLiteral("7")}),
        makeError(ErrorCode::Policy,
                  QStringLiteral(
                      "step readback of rollback-checklist cannot be skipped: the runbook does not allow it"))
            .said(QStringLiteral("step.noskip"),
                  {QStringLiteral("readback"), QStringLiteral("rollback-checklist")}),
        makeError(ErrorCode::Policy,
                  QStringLiteral("RUN-1 is finished (2026-12-07T02:00:00.000Z); start a new run"))
            .said(QStringLiteral("run.finished"),
                  {QStringLiteral("RUN-1"), QStringLiteral("2026-12-07T02:00:00.000Z")}),
        makeError(ErrorCode::Policy, QStringLiteral("INC-1 is already SEV-2"))
            .said(QStringLiteral("incident.same_severity"),
                  {QStringLiteral("INC-1"), QStringLiteral("SEV-2")}),
        makeError(ErrorCode::Policy, QStringLiteral("INC-1 has no core evidence record; record one (incident "
                                                    "evidence) before closing"))
            .said(QStringLiteral("incident.no_evidence"), {QStringLiteral("INC-1")}),
        makeError(ErrorCode::Policy, QStringLiteral("INC-1 has an unfinished rollback run RUN-2 (1 of 5 "
                                                    "steps); finish it before closing"))
            .said(QStringLiteral("incident.rollback_open"), {QStringLiteral("INC-1"), QStringLiteral("RUN-2"),
                                                             QStringLiteral("1"), QStringLiteral("5")}),
        makeError(ErrorCode::Policy, QStringLiteral("RUN-2 is already rolling back kl; finish it first"))
            .said(QStringLiteral("rollback.running"), {QStringLiteral("RUN-2"), QStringLiteral("kl")}),
        makeError(ErrorCode::Policy, QStringLiteral("the ai kill switch is already active on kl (since "
                                                    "2026-12-07T02:00:00.000Z, by olivia)"))
            .said(QStringLiteral("killswitch.active"),
                  {QStringLiteral("ai"), QStringLiteral("kl"), QStringLiteral("2026-12-07T02:00:00.000Z"),
                   QStringLiteral("olivia")}),
        makeError(ErrorCode::Policy, QStringLiteral("the ai kill switch is not active on kl"))
            .said(QStringLiteral("killswitch.inactive"), {QStringLiteral("ai"), QStringLiteral("kl")}),
        makeError(ErrorCode::Negative,
                  QStringLiteral("step readback is done only when its probes pass: kl/pack "
                                 "failed; record it as failed with the reason, or fix "
                                 "and probe again"))
            .said(QStringLiteral("step.probes"),
                  {QStringLiteral("readback"), QStringLiteral("kl/pack failed")}),
        makeError(ErrorCode::Policy,
                  QStringLiteral("'rita' holds neither the operator nor the incident-owner "
                                 "role"))
            .said(QStringLiteral("alert.ack_role"), {QStringLiteral("rita")}),
        makeError(ErrorCode::InvalidInput, QStringLiteral("an acknowledgement needs a note"),
                  QStringLiteral("--note"))
            .said(QStringLiteral("alert.ack_note"), {}),
        makeError(ErrorCode::Policy,
                  QStringLiteral("only a firing alert can be acknowledged: stale-pack for kl is ok"))
            .said(QStringLiteral("alert.not_firing"),
                  {QStringLiteral("stale-pack"), QStringLiteral("kl"), QStringLiteral("ok")}),
        EvidenceStore::grewMeanwhile(40, 52),
        makeError(ErrorCode::InvalidInput, QStringLiteral("a NO-GO decision needs its note (--note)"))
            .said(QStringLiteral("launch.nogo_note"), {}),
        makeError(ErrorCode::InvalidInput, QStringLiteral("--reason is required"))
            .said(QStringLiteral("text.required"), {QStringLiteral("reason")}),
        makeError(ErrorCode::InvalidInput, QStringLiteral("--note is longer than 2000 characters"))
            .said(QStringLiteral("text.long"), {QStringLiteral("note"), QStringLiteral("2000")}),
        makeError(ErrorCode::InvalidInput,
                  QStringLiteral("threat to validity is a placeholder ('TBD'): say what it is"))
            .said(QStringLiteral("text.placeholder"),
                  {QStringLiteral("threat to validity"), QStringLiteral("TBD")}),
        makeError(ErrorCode::InvalidInput, QStringLiteral("charter value 'safety' is named twice"))
            .said(QStringLiteral("charter.twice"), {QStringLiteral("safety")}),
        makeError(ErrorCode::InvalidInput, QStringLiteral("name at least one charter value"))
            .said(QStringLiteral("charter.empty"), {}),
        makeError(ErrorCode::Policy,
                  QStringLiteral("a silence needs a reason: why these notifications may wait"))
            .said(QStringLiteral("silence.reason"), {}),
        makeError(ErrorCode::Policy,
                  QStringLiteral("the silence would end at 2026-12-07T02:00:00.000Z, which is "
                                 "not in the future"))
            .said(QStringLiteral("silence.past"), {QStringLiteral("2026-12-07T02:00:00.000Z")}),
        makeError(ErrorCode::Policy, QStringLiteral("a silence lasts at most 30 days"))
            .said(QStringLiteral("silence.too_long"), {QStringLiteral("2027-02-07T02:00:00.000Z")}),
        makeError(ErrorCode::Policy, QStringLiteral("stale-pack on kl is already silenced"))
            .said(QStringLiteral("silence.overlap"),
                  {QStringLiteral("stale-pack"), QStringLiteral("kl"), QStringLiteral("alice"),
                   QStringLiteral("2026-12-07T04:00:00.000Z"), QStringLiteral("SIL-3")}),
        makeError(ErrorCode::InvalidInput, QStringLiteral("no silence 'SIL-4'"))
            .said(QStringLiteral("silence.unknown"), {QStringLiteral("SIL-4")}),
        makeError(ErrorCode::Policy, QStringLiteral("MW-kl has not started"))
            .said(QStringLiteral("silence.upcoming"),
                  {QStringLiteral("MW-kl"), QStringLiteral("2026-12-13T02:00:00.000Z")}),
        makeError(ErrorCode::Policy, QStringLiteral("SIL-3 was already ended by alice (event 9)"))
            .said(QStringLiteral("silence.ended"),
                  {QStringLiteral("SIL-3"), QStringLiteral("alice"), QStringLiteral("9")}),
        makeError(ErrorCode::Policy, QStringLiteral("SIL-3 expired at 2026-12-07T04:00:00.000Z"))
            .said(QStringLiteral("silence.expired"),
                  {QStringLiteral("SIL-3"), QStringLiteral("2026-12-07T04:00:00.000Z")})};
}

} // namespace

void TestErrorText::eachIdInEnglishAndGerman() {
    QStringList english;
    for (const Error &e : refusals()) {
        const QString text = errorText(e);
        QVERIFY2(!text.contains(QStringLiteral("--")), qPrintable(text));
        QVERIFY2(text != e.message, qPrintable(text)); // rendered, not the command line's message
        english << text;
    }
    QVERIFY2(english.first().contains(QStringLiteral("Attach file…")) &&
                 english.first().contains(QStringLiteral("rebind")),
             qPrintable(english.first()));
    // Without an id, the message is what there is.
    const Error plain = makeError(ErrorCode::Policy, QStringLiteral("a plain refusal"));
    QCOMPARE(errorText(plain), QStringLiteral("a plain refusal"));
    // In German: every one translated, still no flag.
    QCOMPARE(installTranslations(QLocale(QLocale::German)), QLocale::German);
    const QList<Error> all = refusals();
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QString german = errorText(all.at(i));
        QVERIFY2(german != english.at(i), qPrintable(german));
        QVERIFY2(!german.contains(QStringLiteral("--")), qPrintable(german));
    }
    QVERIFY2(errorText(all.first()).contains(QStringLiteral("Schritt rebind")),
             qPrintable(errorText(all.first())));
}

void TestErrorText::theActsRefusalsInTheWindowsWords() {
    // Refusals made by the models themselves, as a person meets them in the window: a role missing
    // for an incident, a launch and a derivation act, an empty field, a record the reviewer wrote.
    test::StoreFixture f; // alice: operator and reviewer
    const Signer rita = test::makeSigner(QStringLiteral("rita"));
    QVERIFY_OK(f.enrol(rita, {QStringLiteral("reviewer")}));
    const DeploymentConfig config = ConfigLoader::builtinDemo().value();
    const RunbookLibrary library = RunbookLibrary::builtin();
    OpenIncident open{
        QStringLiteral("bad-publish"), QStringLiteral("kl"), {}, {}, QStringLiteral("bad pack"), {}, {}};
    const Error noRole = IncidentActions(*f.store, rita, config, library).open(open).error();
    open.trigger.clear();
    const Error noTrigger = IncidentActions(*f.store, f.alice, config, library).open(open).error();
    const Error noLaunchRole = LaunchActions(*f.store, f.alice, config, Environment::Dev, library)
                                   .start(QStringLiteral("kl"), QStringLiteral("b1"))
                                   .error();
    const Signer rob = test::makeSigner(QStringLiteral("rob"));
    QVERIFY_OK(f.enrol(rob, {QStringLiteral("release-owner")}));
    const Error noBuild = LaunchActions(*f.store, rob, config, Environment::Dev, library)
                              .start(QStringLiteral("kl"), QString())
                              .error();
    const std::optional<Error> noImport =
        DerivationActions(*f.store, f.alice).refusalOf(DerivationActions::Action::Import);
    QVERIFY(noImport);
    // Two activations of one kill switch (the second, say, decided again after another console's).
    IncidentActions alice(*f.store, f.alice, config, library);
    QVERIFY_OK(alice.activateKillSwitch(QStringLiteral("ai"), QStringLiteral("kl"), QStringLiteral("spike"),
                                        {}, {}));
    const Error twice =
        alice.activateKillSwitch(QStringLiteral("ai"), QStringLiteral("kl"), QStringLiteral("spike"), {}, {})
            .error();
    // A NO-GO without its reason; ending a silence that is not there.
    LaunchActions launch(*f.store, rob, config, Environment::Dev, library);
    QVERIFY_OK(launch.start(QStringLiteral("kl"), QStringLiteral("b1")));
    const Error noGoReason = launch.decide({}, false, QStringLiteral(" ")).error();
    const Error noSilence = SilenceActs::end(*f.store, f.alice, config, QStringLiteral("SIL-99"),
                                             QStringLiteral("done"), Time::nowMs())
                                .error();
    const QList<Error> made{noRole,    noTrigger, noLaunchRole, noBuild,
                            *noImport, twice,     noGoReason,   noSilence};
    for (const Error &e : made)
        QVERIFY2(!e.id.isEmpty(), qPrintable(e.message)); // each carries its id
    QVERIFY2(noRole.message.contains(QStringLiteral("--identity")) ||
                 noRole.where == QLatin1String("--identity"),
             qPrintable(noRole.toString()));
    QCOMPARE(errorText(noRole), QStringLiteral("Opening an incident needs one of the roles operator, "
                                               "incident-owner; rita holds reviewer."));
    QCOMPARE(
        errorText(*noImport),
        QStringLiteral("Importing records needs the role analyst; alice holds admin, operator, reviewer."));
    QVERIFY2(errorText(noBuild).contains(QStringLiteral("App build")), qPrintable(errorText(noBuild)));
    QCOMPARE(installTranslations(QLocale(QLocale::German)), QLocale::German);
    for (const Error &e : made) {
        const QString german = errorText(e);
        QVERIFY2(german != e.message && !german.contains(QStringLiteral("--")), qPrintable(german));
    }
    QVERIFY2(errorText(noRole).startsWith(QStringLiteral("Das Eröffnen eines Vorfalls")),
             qPrintable(errorText(noRole)));
    QVERIFY2(errorText(noLaunchRole).contains(QStringLiteral("release-owner")),
             qPrintable(errorText(noLaunchRole)));
    QVERIFY2(errorText(twice).startsWith(QStringLiteral("Der Notschalter ai")), qPrintable(errorText(twice)));
    QVERIFY2(errorText(noGoReason).contains(QStringLiteral("NO-GO")), qPrintable(errorText(noGoReason)));
    QVERIFY2(errorText(noSilence).contains(QStringLiteral("SIL-99")), qPrintable(errorText(noSilence)));
}

// What the alert matrix saw, in the reader's language: the evaluator's words and the probe's words
// inside them, live and as read back from the log; the log and the team's tools keep the English.
void TestErrorText::alertDetailsInTheReadersLanguage() {
    AlertEvaluator e(AlertRules::builtin().value(), ConfigLoader::builtinDemo().value());
    AlertInputs in;
    in.nowMs = 1000;
    in.killSwitchesKnown = true;
    ProbeResult r;
    r.target.scope = QStringLiteral("kl");
    r.target.kind = TargetKind::Manifest;
    r.target.id = QStringLiteral("kl/manifest");
    r.state = ProbeState::Failed;
    r.reason = Phrase("ops::HttpGet", "connection refused by %1", {QStringLiteral("127.0.0.1:9")});
    in.probes << r;
    e.evaluate(in);
    const Phrase resolver = e.cell(QStringLiteral("resolver-health"), QStringLiteral("kl")).detail;
    const Phrase stale = e.cell(QStringLiteral("stale-pack"), QStringLiteral("kl")).detail;
    QCOMPARE(resolver.text(), QStringLiteral("kl/manifest: connection refused by 127.0.0.1:9"));
    QCOMPARE(stale.text(), QStringLiteral("cannot tell: kl/manifest: failed"));
    QCOMPARE(resolver.translated(), resolver.text());

    AlertMatrixModel model(&e);
    int row = -1;
    for (int i = 0; i < model.rowCount(); ++i)
        if (e.rules().at(i).id == QLatin1String("resolver-health"))
            row = i;
    QVERIFY(row >= 0);
    int column = -1;
    for (int i = 0; i < model.columnCount(); ++i)
        if (model.index(row, i).data(AlertMatrixModel::ScopeRole).toString() == QLatin1String("kl"))
            column = i;
    QVERIFY(column >= 0);

    // The built-in rules' words, every one marked for translation (a rule added to the file and
    // not to the list fails here), shown in the reader's language; the log keeps them as written.
    const QStringList marked = AlertRules::builtinTexts();
    for (const AlertRule &rule : e.rules())
        for (const QString &words : {rule.name, rule.trigger, rule.firstAction})
            QVERIFY2(marked.contains(words), qPrintable(words));
    QCOMPARE(model.headerData(row, Qt::Vertical, Qt::DisplayRole).toString(),
             QStringLiteral("Resolver health"));
    QCOMPARE(AlertRules::shown(QStringLiteral("a rule of our own")), QStringLiteral("a rule of our own"));

    QCOMPARE(installTranslations(QLocale(QLocale::German)), QLocale::German);
    QCOMPARE(model.headerData(row, Qt::Vertical, Qt::DisplayRole).toString(),
             QStringLiteral("Resolver-Zustand"));
    QCOMPARE(model.index(row, column).data(AlertMatrixModel::FirstActionRole).toString(),
             QStringLiteral("Lesepfad des Veröffentlichers prüfen und bei Bedarf neu binden/zurückrollen"));
    QCOMPARE(AlertRules::shown(QStringLiteral("a rule of our own")), QStringLiteral("a rule of our own"));
    QCOMPARE(e.rules().at(row).name, QStringLiteral("Resolver health"));
    QCOMPARE(resolver.translated(), QStringLiteral("kl/manifest: Verbindung von 127.0.0.1:9 abgelehnt"));
    QCOMPARE(stale.translated(), QStringLiteral("nicht entscheidbar: kl/manifest: fehlgeschlagen"));
    QCOMPARE(model.index(row, column).data(AlertMatrixModel::DetailRole).toString(), resolver.translated());
    QCOMPARE(model.index(row, column).data(AlertMatrixModel::SeverityReasonRole).toString(),
             QStringLiteral("SEV-2: kl ist kein kritischer Bereich"));
    // As another console reads it from the log: the same words.
    const JsonValue words = resolver.toJson();
    QCOMPARE(Phrase::fromJson(&words, resolver.text()).translated(), resolver.translated());
    // The English stays what the log records.
    QCOMPARE(resolver.text(), QStringLiteral("kl/manifest: connection refused by 127.0.0.1:9"));
}

// A recorder (the headless monitor, another console) writes a probe's reason in English with its
// words beside it; the console that follows it reads the reason in its own language, from the
// monitor's tables of a local file and from the probe events of the log.
void TestErrorText::probeReasonsOfAnotherRecorderInTheReadersLanguage() {
    test::StoreFixture f;
    ProbeResult r;
    r.target.scope = QStringLiteral("kl");
    r.target.kind = TargetKind::Manifest;
    r.target.id = QStringLiteral("kl/manifest");
    r.state = ProbeState::Failed;
    r.checkedAtMs = f.now;
    r.reason = Phrase("ops::HttpGet", "connection refused by %1", {QStringLiteral("127.0.0.1:9")});
    TargetStateRow row;
    row.target = r.target.id;
    row.scope = r.target.scope;
    row.kind = QStringLiteral("manifest");
    row.state = QStringLiteral("failed");
    row.reason = r.reason.text();
    row.sinceMs = row.checkedAtMs = f.now;
    row.reasonWords = phraseWords(r.reason);
    // A row whose words say something else than its English: the English is what counts.
    TargetStateRow lie = row;
    lie.target = QStringLiteral("kl/pack");
    lie.reasonWords = phraseWords(Phrase("ops::HttpGet", "connection refused by %1", {QStringLiteral("x")}));
    {
        auto monitor = MonitorStore::open(f.path, false);
        QVERIFY2(monitor.ok(), qPrintable(monitor.ok() ? QString() : monitor.error().toString()));
        QVERIFY(monitor->saveRound({r}, {row, lie}, {}, f.now, 0).ok());
    }
    NewEvent changed;
    changed.kind = QStringLiteral("probe.state_changed");
    changed.scope = r.target.scope;
    changed.payload = r.toJson();
    changed.payload["from"] = QStringLiteral("unknown");
    changed.payload["to"] = QStringLiteral("failed");
    QVERIFY(f.store->append(f.alice, {changed}).ok());

    auto followed = MonitorStore::open(f.path, true);
    QVERIFY(followed.ok());
    const QHash<QString, TargetStateRow> states = followed->targetStates().value();
    const auto logged = LoggedProbes::read(*f.store);
    QVERIFY(logged.ok());
    const QString english = QStringLiteral("connection refused by 127.0.0.1:9");
    QCOMPARE(states.value(r.target.id).reasonPhrase().translated(), english);
    QCOMPARE(installTranslations(QLocale(QLocale::German)), QLocale::German);
    const QString german = QStringLiteral("Verbindung von 127.0.0.1:9 abgelehnt");
    QCOMPARE(states.value(r.target.id).reasonPhrase().translated(), german);
    QCOMPARE(logged->value(r.target.id).reasonPhrase().translated(), german);
    QCOMPARE(states.value(lie.target).reasonPhrase().translated(), english);
    // The English stays what the tables and the log keep.
    QCOMPARE(states.value(r.target.id).reason, english);
    QCOMPARE(logged->value(r.target.id).reason, english);
}

// The built-in runbooks' words (titles, purposes, use-when lines, steps, closure conditions), every
// one marked for translation (a step added to a runbook file and not to the list fails here), read
// in the window's language where the incidents and launch panels show them; the log and a
// configured directory's own runbooks keep their words as written.
void TestErrorText::builtinRunbooksInTheReadersLanguage() {
    const RunbookLibrary library = RunbookLibrary::builtin();
    QVERIFY(library.problems.isEmpty());
    QVERIFY(library.runbooks.size() >= 15);
    const QStringList marked = RunbookLibrary::builtinTexts();
    int words = 0;
    for (const Runbook &rb : library.runbooks) {
        QStringList all = {rb.title, rb.purpose, rb.closureCondition};
        all += rb.useWhen;
        for (const RunbookStep &step : rb.steps)
            all << step.action;
        for (const QString &w : all) {
            QVERIFY2(marked.contains(w), qPrintable(rb.file + QStringLiteral(": ") + w));
            ++words;
        }
    }
    QVERIFY(words >= marked.size());

    const Runbook *rollback = library.find(QStringLiteral("rollback-checklist"));
    QVERIFY(rollback);
    QList<StepState> steps;
    for (const RunbookStep &step : rollback->steps) {
        StepState state;
        state.step = step;
        steps << state;
    }
    RunStepsModel model;
    model.setSteps(steps);
    const QModelIndex first = model.index(0, RunStepsModel::ActionColumn);
    QCOMPARE(first.data().toString(), QStringLiteral("Identify affected locality or baseline scope."));
    QCOMPARE(model.index(0, RunStepsModel::NeedsColumn).data().toString(), QStringLiteral("note"));
    QCOMPARE(RunbookLibrary::shown(QStringLiteral("A step of our own.")),
             QStringLiteral("A step of our own."));

    QCOMPARE(installTranslations(QLocale(QLocale::German)), QLocale::German);
    // Every marked word has its German (the translation test checks none is left unfinished).
    for (const QString &w : marked)
        QVERIFY2(RunbookLibrary::shown(w) != w, qPrintable(w));
    QCOMPARE(first.data().toString(), QStringLiteral("Den betroffenen Ort oder Baseline-Bereich bestimmen."));
    QCOMPARE(model.index(0, RunStepsModel::NeedsColumn).data().toString(), QStringLiteral("Notiz"));
    QCOMPARE(RunbookLibrary::shown(rollback->title), QStringLiteral("Rollback-Checkliste"));
    QCOMPARE(RunbookLibrary::shown(QStringLiteral("A step of our own.")),
             QStringLiteral("A step of our own."));
    QCOMPARE(RunbookLibrary::shown(QString()), QString());
    // The runbook itself (what the log records) keeps its words.
    QCOMPARE(rollback->steps.first().action, QStringLiteral("Identify affected locality or baseline scope."));
}

// The severity model's reason for an incident's severity is recorded in English with its words
// beside it: the incident reads it in the window's language, a person's own reason as written.
void TestErrorText::severityModelReasonsInTheReadersLanguage() {
    test::StoreFixture f;
    const Signer olivia = test::makeSigner(QStringLiteral("olivia"));
    QVERIFY_OK(f.enrol(olivia, {QStringLiteral("operator"), QStringLiteral("incident-owner")}));
    const DeploymentConfig config = ConfigLoader::builtinDemo().value();
    const RunbookLibrary library = RunbookLibrary::builtin();
    IncidentActions acts(*f.store, olivia, config, library);
    auto model = acts.open(OpenIncident{
        QStringLiteral("bad-publish"), QStringLiteral("kl"), {}, {}, QStringLiteral("bad pack"), {}, {}});
    QVERIFY_OK(model);
    auto own = acts.open(OpenIncident{QStringLiteral("stale-pack"),
                                      QStringLiteral("kl"),
                                      QStringLiteral("SEV-1"),
                                      QStringLiteral("kl serves the launch city today"),
                                      QStringLiteral("old pack"),
                                      {},
                                      {}});
    QVERIFY_OK(own);
    // An identity that writes its own event (not through the console) with words that say
    // something milder than its English: the reader gets the English, never the milder words.
    NewEvent lie;
    lie.kind = QStringLiteral("incident.opened");
    lie.scope = QStringLiteral("kl");
    lie.payload = model->payload();
    lie.tsMs = model->tsMs;
    lie.payload["id"] = QStringLiteral("INC-LIE");
    lie.payload["severity_reason_words"] =
        suggestSeverity(QStringLiteral("stale-pack"), *config.scope(QStringLiteral("my"))).reason.toJson();
    QVERIFY_OK(f.store->append(olivia, {lie}));
    auto book = IncidentBook::load(*f.store);
    QVERIFY_OK(book);
    QCOMPARE(book->incidents().size(), 3);
    const Incident &byLiar = book->incidents().at(2);
    const Incident &byModel = book->incidents().at(0);
    const Incident &byPerson = book->incidents().at(1);
    const QString english = QStringLiteral("SEV-1: active published truth is wrong for users");
    QCOMPARE(byModel.severityReason, english);
    QCOMPARE(byModel.severityReasonPhrase.translated(), english);

    QCOMPARE(installTranslations(QLocale(QLocale::German)), QLocale::German);
    QCOMPARE(byModel.severityReasonPhrase.translated(),
             QStringLiteral("SEV-1: der aktive veröffentlichte Stand ist für Nutzer falsch"));
    QCOMPARE(byPerson.severityReasonPhrase.translated(), QStringLiteral("kl serves the launch city today"));
    QCOMPARE(byLiar.severityReason, english);
    QCOMPARE(byLiar.severityReasonPhrase.translated(), english);
    QCOMPARE(suggestSeverity(QStringLiteral("stale-pack"), *config.scope(QStringLiteral("my")))
                 .reason.translated(),
             QStringLiteral("SEV-2: Schwelle für veraltete Pakete im kritischen Bereich my überschritten"));
    // The log keeps the English.
    QCOMPARE(byModel.severityReason, english);
    QCOMPARE(model->payload().stringAt("severity_reason"), english);
}

QTEST_MAIN(TestErrorText)
#include "tst_errortext.moc"
