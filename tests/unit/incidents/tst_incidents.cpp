// Incidents, runs, rollback clocks and kill switches: every rule checked against a real store,
// with an injected clock; refusals write nothing.
#include "StoreFixture.h"

#include "incidents/IncidentActions.h"
#include "incidents/RecordTemplates.h"
#include "incidents/RollbackClockWatcher.h"
#include "store/EventSearch.h"

#include <QTest>

#include <limits>

using namespace ops;

class TestIncidents : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void coreEvidenceNamesEveryMissingField_data();
    void coreEvidenceNamesEveryMissingField();
    void coreEvidenceTimestampDefaultsAndRejectsBadOnes();
    void severityModel();
    void citedIdsDoNotDependOnThePosition();
    void incidentLifeCycleAndTimeline();
    void rolesAreEnforcedAndRefusalsWriteNothing();
    void severityChangeNeedsReason();
    void stepEvidenceRules();
    void probeMustPassAndChecksumFromPackProbe();
    void rollbackClocksWithInjectedClock();
    void aStartCannotStretchItsClocksNorFakeAMiss();
    void rollbackWithinObjectiveIsMet();
    void rollbackJudgedByTheSealOfItsSteps();
    void missedDeadlinesAreRecordedWhereverTheStoreIsOpen();
    void clockViewStates();
    void killSwitchesActivateOnceAndDeactivate();
    void twoConsolesActivatingAtOnceActivateOnce();
    void anActDecidedBeforeAClosingIsDecidedAgain();
    void othersNotesDoNotMakeAnActDecideAgain();
    void closingWaitsForRollbackAndEvidence();
    void reservedKindsCannotBeImported();
    void everyBuiltinRunbookSurvivesARun();
};

// QVERIFY2 builds its message even when the check passes: ask for the error only on failure.
#define QVERIFY_OK(result)                                                                                   \
    do {                                                                                                     \
        if (!(result).ok())                                                                                  \
            QFAIL(qPrintable((result).error().toString()));                                                  \
    } while (false)

namespace {

constexpr qint64 kStart = 1795410000000;
constexpr qint64 kMinute = 60 * 1000;

struct Rig {
    test::StoreFixture f;
    Signer olivia = test::makeSigner(QStringLiteral("olivia")); // incident owner
    Signer rita = test::makeSigner(QStringLiteral("rita"));     // reviewer only
    DeploymentConfig config = ConfigLoader::builtinDemo().value();
    RunbookLibrary library = RunbookLibrary::builtin();
    qint64 clock = kStart;

    Rig() {
        QVERIFY2(f.enrol(olivia, {QStringLiteral("incident-owner"), QStringLiteral("operator")}).ok(),
                 "olivia");
        QVERIFY2(f.enrol(rita, {QStringLiteral("reviewer")}).ok(), "rita");
    }
    IncidentActions as(const Signer &s) {
        return IncidentActions(*f.store, s, config, library, [this] { return clock; });
    }
    IncidentBook book() { return IncidentBook::load(*f.store).value(); }
    // A bad-publish incident on kl, opened by `by`; its id.
    QString openBadPack(const Signer &by) {
        return citedIdOf(as(by)
                             .open({QStringLiteral("bad-publish"),
                                    QStringLiteral("kl"),
                                    {},
                                    {},
                                    QStringLiteral("bad pack"),
                                    {},
                                    {}})
                             .value());
    }
    quint64 size() { return f.store->size().value(); }
};

QMap<QString, QString> fullRecord() {
    return {{QStringLiteral("scope"), QStringLiteral("kl")},
            {QStringLiteral("trigger"), QStringLiteral("resolver-health alert")},
            {QStringLiteral("failure_mode"), QStringLiteral("pack checksum mismatch")},
            {QStringLiteral("containment_action"), QStringLiteral("rebind to last known good")},
            {QStringLiteral("rollback_action"), QStringLiteral("none")},
            {QStringLiteral("verification_result"), QStringLiteral("manifest and pack ok")},
            {QStringLiteral("owner"), QStringLiteral("olivia")},
            {QStringLiteral("follow_up"), QStringLiteral("find the publisher regression")}};
}

StepInput stepInput(const QString &id) {
    StepInput in;
    in.step = id;
    return in;
}

ProbeResult result(const QString &id, TargetKind kind, ProbeState state, const QString &expected = {},
                   const QString &actual = {}) {
    ProbeResult r;
    r.target.id = id;
    r.target.scope = QStringLiteral("kl");
    r.target.kind = kind;
    r.target.expectedSha256 = expected;
    r.actualSha256 = actual;
    r.state = state;
    r.reason = state == ProbeState::Ok ? QString() : QStringLiteral("checksum mismatch");
    return r;
}

} // namespace

void TestIncidents::coreEvidenceNamesEveryMissingField_data() {
    QTest::addColumn<QString>("field");
    for (const QString &f : CoreEvidence::fields())
        if (f != QLatin1String("timestamp"))
            QTest::newRow(qPrintable(f)) << f;
}

void TestIncidents::coreEvidenceNamesEveryMissingField() {
    QFETCH(QString, field);
    Rig rig;
    const QString inc = citedIdOf(rig.as(rig.olivia)
                                      .open({QStringLiteral("bad-publish"),
                                             QStringLiteral("kl"),
                                             {},
                                             {},
                                             QStringLiteral("checksum mismatch"),
                                             {},
                                             {}})
                                      .value());
    auto record = fullRecord();
    record.remove(field);
    const quint64 before = rig.size();
    auto r = rig.as(rig.olivia).addEvidence(inc, record);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::InvalidInput);
    QCOMPARE(r.error().where, field);
    QVERIFY2(r.error().message.contains(field), qPrintable(r.error().message));
    QCOMPARE(rig.size(), before);
    // blank counts as missing
    record.insert(field, QStringLiteral("   "));
    QCOMPARE(rig.as(rig.olivia).addEvidence(inc, record).error().where, field);
}

void TestIncidents::coreEvidenceTimestampDefaultsAndRejectsBadOnes() {
    auto r = CoreEvidence::validate(fullRecord(), kStart);
    QVERIFY(r.ok());
    QCOMPARE(r->stringAt("timestamp"), Time::toIso(kStart));
    auto rec = fullRecord();
    rec.insert(QStringLiteral("timestamp"), QStringLiteral("yesterday"));
    QCOMPARE(CoreEvidence::validate(rec, kStart).error().where, QStringLiteral("timestamp"));
    rec.insert(QStringLiteral("timestamp"), QStringLiteral("2026-11-23T05:00:00Z"));
    QCOMPARE(CoreEvidence::validate(rec, kStart)->stringAt("timestamp"),
             QStringLiteral("2026-11-23T05:00:00.000Z"));
    rec.insert(QStringLiteral("colour"), QStringLiteral("red"));
    QCOMPARE(CoreEvidence::validate(rec, kStart).error().where, QStringLiteral("colour"));
    QMap<QString, QString> two = fullRecord();
    two.remove(QStringLiteral("owner"));
    two.remove(QStringLiteral("failure_mode"));
    auto e = CoreEvidence::validate(two, kStart);
    QCOMPARE(e.error().where, QStringLiteral("failure_mode,owner"));
}

// An act's id is chosen when it is made, so it is the same at whatever position the act lands
// (an act made offline keeps it through sync); openers without one keep their position id.
void TestIncidents::citedIdsDoNotDependOnThePosition() {
    Rig rig;
    const QRegularExpression chosen(
        QStringLiteral("^(INC|RUN)-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$"));
    auto opened = rig.as(rig.olivia)
                      .open({QStringLiteral("bad-publish"),
                             QStringLiteral("kl"),
                             {},
                             {},
                             QStringLiteral("checksum mismatch"),
                             {},
                             {}});
    QVERIFY_OK(opened);
    const QString id = citedIdOf(opened.value());
    QVERIFY2(chosen.match(id).hasMatch(), qPrintable(id));
    QCOMPARE(opened->payload().stringAt("id"), id);
    StoredEvent elsewhere = opened.value();
    elsewhere.seq += 1000;
    QCOMPARE(citedIdOf(elsewhere), id);
    QVERIFY(rig.book().incident(id));
    QCOMPARE(rig.book().incident(QStringLiteral(" ") + id.toLower())->id, id); // as a person types it
    QVERIFY_OK(rig.as(rig.olivia).decide(id.toLower(), QStringLiteral("contain first")));
    QCOMPARE(rig.book().incident(id)->decisions.size(), 1);

    auto run = rig.as(rig.olivia).runs().startRollback(QStringLiteral("kl"), true, {});
    QVERIFY_OK(run);
    QVERIFY2(chosen.match(citedIdOf(run.value())).hasMatch(), qPrintable(citedIdOf(run.value())));
    QVERIFY(citedIdOf(run.value()).startsWith(QLatin1String("RUN-")));
    QVERIFY(rig.book().run(citedIdOf(run.value()))->rollback);

    // An opener written before ids were chosen is known by its position.
    auto raw = [&](const QString &payloadId, const QString &trigger) {
        NewEvent e;
        e.kind = QStringLiteral("incident.opened");
        e.scope = QStringLiteral("kl");
        if (!payloadId.isNull())
            e.payload["id"] = payloadId;
        e.payload["class"] = QStringLiteral("stale-pack");
        e.payload["severity"] = QStringLiteral("SEV-3");
        e.payload["trigger"] = trigger;
        return rig.f.store->append(rig.olivia, {e}).value().first();
    };
    const StoredEvent legacy = raw(QString(), QStringLiteral("old"));
    QCOMPARE(citedIdOf(legacy), incidentId(legacy.seq));
    QCOMPARE(rig.book().incident(incidentId(legacy.seq))->trigger, QStringLiteral("old"));
    // An id already taken stays with the first incident; the later opener falls back to its position.
    const StoredEvent impostor = raw(id, QStringLiteral("impostor"));
    QCOMPARE(rig.book().incident(id)->trigger, QStringLiteral("checksum mismatch"));
    QCOMPARE(rig.book().incident(incidentId(impostor.seq))->trigger, QStringLiteral("impostor"));
    // A malformed or position-shaped id is not taken as chosen: "INC-1" is event 1's, not this one's.
    const StoredEvent shaped = raw(QStringLiteral("INC-1"), QStringLiteral("shaped"));
    QCOMPARE(citedIdOf(shaped), incidentId(shaped.seq));
    QVERIFY(!rig.book().incident(QStringLiteral("INC-1")));
    QCOMPARE(normalizedCitedId(QStringLiteral("INC-7F3A-9C2I")), QString()); // I is not Crockford
    QCOMPARE(normalizedCitedId(QStringLiteral("run-12 ")), QStringLiteral("RUN-12"));

    // "Everything about this incident" finds the opener by its chosen id, however it is typed, and
    // shows the impostor that claimed the same id beside it.
    EventSearch about;
    about.ref = id.toLower();
    QCOMPARE(rig.f.store->countMatches(about).value(), 3); // opened, decided, the impostor
}

void TestIncidents::severityModel() {
    const DeploymentConfig c = ConfigLoader::builtinDemo().value();
    const ScopeConfig *critical = nullptr;
    const ScopeConfig *minor = nullptr;
    for (const ScopeConfig &s : c.scopes)
        (s.critical ? critical : minor) = &s;
    QVERIFY(critical && minor);
    QCOMPARE(suggestSeverity(QStringLiteral("bad-publish"), *minor).severity, QStringLiteral("SEV-1"));
    QCOMPARE(suggestSeverity(QStringLiteral("stale-pack"), *critical).severity, QStringLiteral("SEV-2"));
    QVERIFY(suggestSeverity(QStringLiteral("stale-pack"), *critical)
                .reason.text()
                .contains(QStringLiteral("critical")));
    QCOMPARE(suggestSeverity(QStringLiteral("stale-pack"), *minor).severity, QStringLiteral("SEV-3"));
    QCOMPARE(suggestSeverity(QStringLiteral("fallback-spike"), *critical).severity, QStringLiteral("SEV-2"));
}

void TestIncidents::incidentLifeCycleAndTimeline() {
    Rig rig;
    auto opened = rig.as(rig.f.alice)
                      .open({QStringLiteral("bad-publish"),
                             QStringLiteral("kl"),
                             {},
                             {},
                             QStringLiteral("resolver-health firing"),
                             QStringLiteral("resolver-health"),
                             QStringLiteral("olivia")});
    QVERIFY_OK(opened);
    QVERIFY(opened->signedByActor);
    const QString id = citedIdOf(opened.value());
    rig.clock += kMinute;
    QVERIFY(rig.as(rig.olivia).decide(id, QStringLiteral("contain by rollback")).ok());
    rig.clock += kMinute;
    QVERIFY(rig.as(rig.f.alice).addEvidence(id, fullRecord()).ok());
    rig.clock += kMinute;
    auto closed = rig.as(rig.olivia).close(id, QStringLiteral("safe truth restored within objective"), {});
    QVERIFY_OK(closed);

    const IncidentBook book = rig.book();
    const Incident *i = book.incident(id);
    QVERIFY(i);
    QCOMPARE(i->severity, QStringLiteral("SEV-1"));
    QVERIFY(i->severityReason.contains(QStringLiteral("wrong")));
    QCOMPARE(i->owner, QStringLiteral("olivia"));
    QCOMPARE(i->alert, QStringLiteral("resolver-health"));
    QVERIFY(i->closed);
    QCOMPARE(i->verification, QStringLiteral("manifest and pack ok")); // from the record
    QCOMPARE(i->closureCondition, rig.library.find(QStringLiteral("bad-pack-kill-switch"))->closureCondition);
    QCOMPARE(i->timeline.size(), 4);
    QStringList actors;
    qint64 last = 0;
    for (const TimelineEntry &t : i->timeline) {
        actors << t.actor;
        QVERIFY(t.tsMs > last);
        last = t.tsMs;
    }
    QCOMPARE(actors, (QStringList{QStringLiteral("alice"), QStringLiteral("olivia"), QStringLiteral("alice"),
                                  QStringLiteral("olivia")}));
    QVERIFY(book.openIncidents().isEmpty());
    // closed is closed
    QCOMPARE(rig.as(rig.olivia).decide(id, QStringLiteral("late")).error().code, ErrorCode::Policy);
}

void TestIncidents::rolesAreEnforcedAndRefusalsWriteNothing() {
    Rig rig;
    const quint64 before = rig.size();
    auto r = rig.as(rig.rita).open(
        {QStringLiteral("stale-pack"), QStringLiteral("kl"), {}, {}, QStringLiteral("t"), {}, {}});
    QCOMPARE(r.error().code, ErrorCode::Policy);
    QVERIFY(r.error().message.contains(QStringLiteral("operator or incident-owner")));
    QCOMPARE(rig.size(), before);
    // bad class, bad scope, bad severity, no trigger
    QCOMPARE(rig.as(rig.f.alice)
                 .open({QStringLiteral("meteor"), QStringLiteral("kl"), {}, {}, QStringLiteral("t"), {}, {}})
                 .error()
                 .where,
             QStringLiteral("--class"));
    QCOMPARE(
        rig.as(rig.f.alice)
            .open({QStringLiteral("stale-pack"), QStringLiteral("mars"), {}, {}, QStringLiteral("t"), {}, {}})
            .error()
            .where,
        QStringLiteral("--scope"));
    QCOMPARE(rig.as(rig.f.alice)
                 .open({QStringLiteral("stale-pack"),
                        QStringLiteral("kl"),
                        QStringLiteral("SEV-9"),
                        {},
                        QStringLiteral("t"),
                        {},
                        {}})
                 .error()
                 .where,
             QStringLiteral("--severity"));
    QCOMPARE(
        rig.as(rig.f.alice)
            .open({QStringLiteral("stale-pack"), QStringLiteral("kl"), {}, {}, QStringLiteral(" "), {}, {}})
            .error()
            .where,
        QStringLiteral("--trigger"));
    // the owner must hold incident-owner
    QCOMPARE(rig.as(rig.f.alice)
                 .open({QStringLiteral("stale-pack"),
                        QStringLiteral("kl"),
                        {},
                        {},
                        QStringLiteral("t"),
                        {},
                        QStringLiteral("rita")})
                 .error()
                 .code,
             ErrorCode::Policy);
    QCOMPARE(rig.size(), before);
    // the decision log is the incident owner's
    const QString id = citedIdOf(
        rig.as(rig.f.alice)
            .open({QStringLiteral("stale-pack"), QStringLiteral("kl"), {}, {}, QStringLiteral("t"), {}, {}})
            .value());
    QCOMPARE(rig.as(rig.f.alice).decide(id, QStringLiteral("x")).error().code, ErrorCode::Policy);
    QCOMPARE(rig.as(rig.f.alice).close(id, QStringLiteral("x"), QStringLiteral("y")).error().code,
             ErrorCode::Policy);
    QCOMPARE(rig.book().incident(id)->owner, QString()); // alice is no incident owner
    QVERIFY(rig.as(rig.f.alice).assignOwner(id, QStringLiteral("olivia")).ok());
    QCOMPARE(rig.book().incident(id)->owner, QStringLiteral("olivia"));
}

void TestIncidents::severityChangeNeedsReason() {
    Rig rig;
    // A severity other than the suggestion needs a reason at opening, too.
    auto noReason = rig.as(rig.f.alice)
                        .open({QStringLiteral("stale-pack"),
                               QStringLiteral("kl"),
                               QStringLiteral("SEV-1"),
                               {},
                               QStringLiteral("t"),
                               {},
                               {}});
    QCOMPARE(noReason.error().where, QStringLiteral("--reason"));
    auto opened = rig.as(rig.f.alice)
                      .open({QStringLiteral("stale-pack"),
                             QStringLiteral("kl"),
                             QStringLiteral("SEV-1"),
                             QStringLiteral("users see last week's bins"),
                             QStringLiteral("t"),
                             {},
                             {}});
    QVERIFY(opened.ok());
    const QString id = citedIdOf(opened.value());
    QCOMPARE(rig.book().incident(id)->severityReason, QStringLiteral("users see last week's bins"));
    QCOMPARE(rig.as(rig.f.alice).changeSeverity(id, QStringLiteral("SEV-2"), QString()).error().where,
             QStringLiteral("--reason"));
    QCOMPARE(
        rig.as(rig.f.alice).changeSeverity(id, QStringLiteral("SEV-1"), QStringLiteral("r")).error().code,
        ErrorCode::Policy);
    QVERIFY(
        rig.as(rig.f.alice).changeSeverity(id, QStringLiteral("SEV-2"), QStringLiteral("contained")).ok());
    const IncidentBook booki = rig.book();
    const Incident *i = booki.incident(id);
    QCOMPARE(i->severity, QStringLiteral("SEV-2"));
    QVERIFY(i->timeline.last().text.contains(QStringLiteral("SEV-1 → SEV-2: contained")));
}

void TestIncidents::stepEvidenceRules() {
    Rig rig;
    auto started =
        rig.as(rig.f.alice).runs().startRun(QStringLiteral("bad-pack-kill-switch"), {}, QStringLiteral("kl"));
    QVERIFY_OK(started);
    const QString run = citedIdOf(started.value());
    auto a = rig.as(rig.f.alice);
    const quint64 before = rig.size();
    // note needed
    QCOMPARE(a.runs().recordStep(run, stepInput(QStringLiteral("rollback"))).error().code,
             ErrorCode::InvalidInput);
    // unknown step names the steps
    QVERIFY(a.runs()
                .recordStep(run, stepInput(QStringLiteral("pray")))
                .error()
                .message.contains(QStringLiteral("baseline-only")));
    // failed needs a reason
    StepInput failed = stepInput(QStringLiteral("integrity"));
    failed.status = StepStatus::Failed;
    QCOMPARE(a.runs().recordStep(run, failed).error().where, QStringLiteral("--reason"));
    // skipping only where allowed
    StepInput skip = stepInput(QStringLiteral("integrity"));
    skip.status = StepStatus::Skipped;
    skip.note = QStringLiteral("no time");
    QCOMPARE(a.runs().recordStep(run, skip).error().code, ErrorCode::Policy);
    QCOMPARE(rig.size(), before);
    skip.step = QStringLiteral("baseline-only");
    QVERIFY(a.runs().recordStep(run, skip).ok());
    // done once
    StepInput note = stepInput(QStringLiteral("rollback"));
    note.note = QStringLiteral("RUN-9 started");
    QVERIFY(a.runs().recordStep(run, note).ok());
    QCOMPARE(a.runs().recordStep(run, note).error().code, ErrorCode::Policy);
    // attachment needed
    StepInput preserve = stepInput(QStringLiteral("preserve"));
    QVERIFY(a.runs().recordStep(run, preserve).error().message.contains(QStringLiteral("attachment")));
    // An attachment named without its bytes, and not stored, is refused; nothing is written.
    preserve.attachments << AttachmentRef{QStringLiteral("log.txt"), QString(64, QLatin1Char('a')), 3,
                                          QStringLiteral("text/plain")};
    const quint64 beforePreserve = rig.size();
    QCOMPARE(a.runs().recordStep(run, preserve).error().code, ErrorCode::InvalidInput);
    QCOMPARE(rig.size(), beforePreserve);
    preserve.attachments.clear();
    // One act: the file's bytes, its evidence.attached event and the step in one transaction.
    const NewBlob log = makeBlob(QStringLiteral("log.txt"), "abc", QStringLiteral("text/plain")).value();
    auto preserved = a.runs().recordStep(run, preserve, {log});
    QVERIFY_OK(preserved);
    QCOMPARE(preserved->size(), 2);
    QCOMPARE(preserved->first().kind, QStringLiteral("evidence.attached"));
    QCOMPARE(preserved->last().kind, QStringLiteral("runbook.step"));
    QCOMPARE(preserved->last().seq, preserved->first().seq + 1);
    QCOMPARE(rig.f.store->blob(log.sha256).value(), QByteArray("abc"));
    QCOMPARE(
        preserved->last().payload().find("evidence")->find("attachments")->toArray().at(0).stringAt("sha256"),
        log.sha256);
    // a failed step may be retried
    failed.note = QStringLiteral("checksum tool missing");
    QVERIFY(a.runs().recordStep(run, failed).ok());
    StepInput integrity = stepInput(QStringLiteral("integrity"));
    integrity.checksums << ChecksumRef{QStringLiteral("pack-2.bin"), QString(64, QLatin1Char('b')), 10};
    QVERIFY(a.runs().recordStep(run, integrity).ok());
    QVERIFY(!rig.book().run(run)->finished);
    StepInput probe = stepInput(QStringLiteral("probe-after"));
    probe.probes =
        QList<ProbeResult>{result(QStringLiteral("kl/manifest"), TargetKind::Manifest, ProbeState::Ok)};
    auto last = a.runs().recordStep(run, probe);
    QVERIFY_OK(last);
    QCOMPARE(last->size(), 2);
    QCOMPARE(last->last().kind, QStringLiteral("runbook.completed"));
    const IncidentBook bookr = rig.book();
    const RunbookRun *r = bookr.run(run);
    QVERIFY(r->finished);
    QCOMPARE(r->step(QStringLiteral("baseline-only"))->status, StepStatus::Skipped);
    QCOMPARE(r->step(QStringLiteral("integrity"))->status, StepStatus::Done);
    QCOMPARE(a.runs().recordStep(run, note).error().code, ErrorCode::Policy); // finished
}

void TestIncidents::probeMustPassAndChecksumFromPackProbe() {
    Rig rig;
    const QString run =
        citedIdOf(rig.as(rig.f.alice).runs().startRollback(QStringLiteral("kl"), true, {}).value());
    auto a = rig.as(rig.f.alice);
    StepInput readback = stepInput(QStringLiteral("readback"));
    readback.probes =
        QList<ProbeResult>{result(QStringLiteral("kl/manifest"), TargetKind::Manifest, ProbeState::Ok),
                           result(QStringLiteral("kl/pack"), TargetKind::Pack, ProbeState::Failed,
                                  QString(64, QLatin1Char('1')), QString(64, QLatin1Char('2')))};
    auto bad = a.runs().recordStep(run, readback);
    QCOMPARE(bad.error().code, ErrorCode::Negative);
    QVERIFY2(bad.error().message.contains(QStringLiteral("kl/pack failed")), qPrintable(bad.error().message));
    readback.probes =
        QList<ProbeResult>{result(QStringLiteral("kl/manifest"), TargetKind::Manifest, ProbeState::Ok),
                           result(QStringLiteral("kl/pack"), TargetKind::Pack, ProbeState::Ok,
                                  QString(64, QLatin1Char('1')), QString(64, QLatin1Char('1')))};
    auto ok = a.runs().recordStep(run, readback);
    QVERIFY_OK(ok);
    const JsonValue ev = *ok->last().payload().find("evidence");
    QCOMPARE(ev.find("checksums")->toArray().size(), std::size_t(1));
    QCOMPARE(ev.find("checksums")->toArray().front().stringAt("sha256"), QString(64, QLatin1Char('1')));
}

void TestIncidents::rollbackClocksWithInjectedClock() {
    Rig rig;
    const QString inc = rig.openBadPack(rig.f.alice);
    auto started = rig.as(rig.f.alice).runs().startRollback(QStringLiteral("kl"), false, inc);
    QVERIFY_OK(started);
    const QString run = citedIdOf(started.value());
    QCOMPARE(rig.as(rig.f.alice).runs().startRollback(QStringLiteral("kl"), false, {}).error().code,
             ErrorCode::Policy);
    {
        const IncidentBook bookr = rig.book();
        const RunbookRun *r = bookr.run(run);
        QVERIFY(r->rollback);
        QCOMPARE(r->clock(QStringLiteral("restore"))->deadlineMs, kStart + 15 * kMinute);
        QCOMPARE(r->clock(QStringLiteral("integrity"))->deadlineMs, kStart + 30 * kMinute);
    }
    auto a = rig.as(rig.f.alice);
    StepInput identify = stepInput(QStringLiteral("identify-scope"));
    identify.note = QStringLiteral("kl only");
    rig.clock = kStart + 2 * kMinute;
    QVERIFY(a.runs().recordStep(run, identify).ok());
    rig.clock = kStart + 10 * kMinute;
    StepInput rebind = stepInput(QStringLiteral("rebind"));
    rebind.confirmed = true;
    const NewBlob response = makeBlob(QStringLiteral("publisher-response.json"), "{\"ok\":true}",
                                      QStringLiteral("application/json"))
                                 .value();
    QVERIFY(a.runs().recordStep(run, rebind, {response}).ok());
    QCOMPARE(rig.book().run(run)->clock(QStringLiteral("restore"))->metMs, kStart + 10 * kMinute);
    // Nothing is due yet.
    QVERIFY(a.runs().recordMissedDeadlines(run)->isEmpty());
    // 35 minutes: the integrity deadline passed; the miss is recorded, once.
    rig.clock = kStart + 35 * kMinute;
    auto missed = a.runs().recordMissedDeadlines(run);
    QCOMPARE(missed->size(), 1);
    QCOMPARE(missed->first().kind, QStringLiteral("rollback.deadline_missed"));
    QCOMPARE(missed->first().payload().stringAt("clock"), QStringLiteral("integrity"));
    QVERIFY(a.runs().recordMissedDeadlines(run)->isEmpty());
    for (const QString &s :
         {QStringLiteral("confirm-manifest"), QStringLiteral("readback"), QStringLiteral("probe-resolver")}) {
        StepInput in = stepInput(s);
        in.probes =
            QList<ProbeResult>{result(QStringLiteral("kl/manifest"), TargetKind::Manifest, ProbeState::Ok),
                               result(QStringLiteral("kl/pack"), TargetKind::Pack, ProbeState::Ok,
                                      QString(64, QLatin1Char('1')), QString(64, QLatin1Char('1')))};
        QVERIFY2(a.runs().recordStep(run, in).ok(), qPrintable(s));
    }
    StepInput ts = stepInput(QStringLiteral("timestamps"));
    ts.note = QStringLiteral("restored in 10 min, integrity late");
    auto fin = a.runs().recordStep(run, ts);
    QVERIFY(fin.ok());
    QCOMPARE(fin->last().kind, QStringLiteral("rollback.finished"));
    const JsonValue p = fin->last().payload();
    QVERIFY(p.find("restore")->find("met")->toBool());
    QVERIFY(!p.find("integrity")->find("met")->toBool());
    QVERIFY(!p.find("objective_met")->toBool());
    const IncidentBook book = rig.book();
    QVERIFY(book.run(run)->finished);
    QVERIFY(!book.run(run)->objectiveMet);
    // the miss is on the incident's timeline
    bool onTimeline = false;
    for (const TimelineEntry &t : book.incident(inc)->timeline)
        onTimeline = onTimeline || t.kind == QLatin1String("rollback.deadline_missed");
    QVERIFY(onTimeline);
    const ClockView v = clockView(*book.run(run)->clock(QStringLiteral("integrity")), kStart, rig.clock);
    QCOMPARE(v.state, ClockState::MetLate);
}

// The deadline recorder the console's timer and every signed CLI verb share: nothing before a
// deadline, each miss once after it, nothing for a finished run.
void TestIncidents::missedDeadlinesAreRecordedWhereverTheStoreIsOpen() {
    Rig rig;
    const QString drill =
        citedIdOf(rig.as(rig.f.alice).runs().startRollback(QStringLiteral("kl"), true, {}).value());
    const Time::Clock clock = [&rig] { return rig.clock; };
    rig.clock = kStart + 14 * kMinute;
    auto none = RollbackClockWatcher::recordDue(*rig.f.store, rig.olivia, rig.config, rig.library, clock);
    QVERIFY_OK(none);
    QVERIFY(none->isEmpty());
    rig.clock = kStart + 16 * kMinute; // restore (15 min) missed, integrity (30 min) not yet
    auto first = RollbackClockWatcher::recordDue(*rig.f.store, rig.olivia, rig.config, rig.library, clock);
    QVERIFY_OK(first);
    QCOMPARE(first->size(), 1);
    QCOMPARE(first->first().kind, QStringLiteral("rollback.deadline_missed"));
    QCOMPARE(first->first().payload().stringAt("run"), drill);
    QCOMPARE(first->first().payload().stringAt("clock"), QStringLiteral("restore"));
    QCOMPARE(first->first().actor, QStringLiteral("olivia")); // whoever is signed in
    QVERIFY(
        RollbackClockWatcher::recordDue(*rig.f.store, rig.olivia, rig.config, rig.library, clock)->isEmpty());
    rig.clock = kStart + 31 * kMinute;
    auto second = RollbackClockWatcher::recordDue(*rig.f.store, rig.olivia, rig.config, rig.library, clock);
    QVERIFY_OK(second);
    QCOMPARE(second->size(), 1);
    QCOMPARE(second->first().payload().stringAt("clock"), QStringLiteral("integrity"));
    const IncidentBook book = rig.book();
    const RunbookRun *r = book.run(drill);
    QVERIFY(r->clock(QStringLiteral("restore"))->missedRecorded);
    QVERIFY(r->clock(QStringLiteral("integrity"))->missedRecorded);
    rig.clock = kStart + 90 * kMinute;
    QVERIFY(
        RollbackClockWatcher::recordDue(*rig.f.store, rig.olivia, rig.config, rig.library, clock)->isEmpty());
}

void TestIncidents::aStartCannotStretchItsClocksNorFakeAMiss() {
    // alice's own program starts a rollback that says "15 / 30 minutes" but carries deadlines a day
    // later, and records a "missed" deadline five minutes in: the clocks are judged by the shorter
    // of what the start states, and a miss recorded before its deadline is no fact.
    Rig scratch;
    const StoredEvent honest =
        scratch.as(scratch.f.alice).runs().startRollback(QStringLiteral("kl"), false, {}).value();
    Rig rig;
    const QString inc = rig.openBadPack(rig.f.alice);
    NewEvent start;
    start.kind = honest.kind;
    start.scope = honest.scope;
    start.tsMs = kStart;
    start.payload = honest.payload();
    start.payload["confirmed_at_ms"] = kStart;
    start.payload["incident"] = inc;
    start.payload["restore_deadline_ms"] = kStart + 24 * 60 * kMinute;
    start.payload["integrity_deadline_ms"] = kStart + 24 * 60 * kMinute;
    QVERIFY_OK(rig.f.store->append(rig.f.alice, {start}));
    const QString run = start.payload.stringAt("id");
    {
        const IncidentBook book = rig.book();
        QCOMPARE(book.run(run)->clock(QStringLiteral("restore"))->deadlineMs, kStart + 15 * kMinute);
        QCOMPARE(book.run(run)->clock(QStringLiteral("integrity"))->deadlineMs, kStart + 30 * kMinute);
    }
    NewEvent fake;
    fake.kind = QStringLiteral("rollback.deadline_missed");
    fake.scope = QStringLiteral("kl");
    fake.tsMs = kStart + 5 * kMinute;
    fake.payload["run"] = run;
    fake.payload["incident"] = inc;
    fake.payload["clock"] = QStringLiteral("restore");
    fake.payload["deadline_ms"] = kStart + 4 * kMinute;
    QVERIFY_OK(rig.f.store->append(rig.f.alice, {fake}));
    {
        const IncidentBook book = rig.book();
        QVERIFY(!book.run(run)->clock(QStringLiteral("restore"))->missedRecorded);
        for (const TimelineEntry &t : book.incident(inc)->timeline)
            QVERIFY2(t.kind != QLatin1String("rollback.deadline_missed"), qPrintable(t.text));
    }
    // The real miss, after the deadline, counts once and shows the clock's own deadline.
    rig.clock = kStart + 16 * kMinute;
    auto missed = rig.as(rig.olivia).runs().recordMissedDeadlines(run);
    QVERIFY_OK(missed);
    QCOMPARE(missed->size(), 1);
    const IncidentBook book = rig.book();
    QVERIFY(book.run(run)->clock(QStringLiteral("restore"))->missedRecorded);
    int lines = 0;
    for (const TimelineEntry &t : book.incident(inc)->timeline)
        if (t.kind == QLatin1String("rollback.deadline_missed")) {
            ++lines;
            QVERIFY2(t.text.contains(Time::toIso(kStart + 15 * kMinute)), qPrintable(t.text));
        }
    QCOMPARE(lines, 1);
    // Numbers nobody can read as an objective (out of range, past any int64 sum): the clocks run
    // out at the start, never far away.
    NewEvent garbage = start;
    garbage.payload["confirmed_at_ms"] = std::numeric_limits<qint64>::max() - 1;
    garbage.payload["restore_minutes"] = std::numeric_limits<qint64>::max();
    garbage.payload["integrity_minutes"] = QStringLiteral("30");
    garbage.payload["restore_deadline_ms"] = std::numeric_limits<qint64>::max();
    garbage.payload["integrity_deadline_ms"] = std::numeric_limits<qint64>::min();
    garbage.tsMs = rig.clock;
    QVERIFY_OK(rig.f.store->append(rig.f.alice, {garbage}));
    const IncidentBook after = rig.book();
    const RunbookRun *g = &after.runs().constLast();
    QCOMPARE(g->seq, rig.size());
    for (const RollbackClock &c : g->clocks)
        QVERIFY2(c.deadlineMs >= g->startedMs && c.deadlineMs - g->startedMs <= kMinute, qPrintable(c.name));
}

void TestIncidents::rollbackWithinObjectiveIsMet() {
    Rig rig;
    const QString run =
        citedIdOf(rig.as(rig.f.alice).runs().startRollback(QStringLiteral("kl"), true, {}).value());
    auto a = rig.as(rig.f.alice);
    const QList<ProbeResult> ok{result(QStringLiteral("kl/manifest"), TargetKind::Manifest, ProbeState::Ok),
                                result(QStringLiteral("kl/pack"), TargetKind::Pack, ProbeState::Ok,
                                       QString(64, QLatin1Char('1')), QString(64, QLatin1Char('1')))};
    const QList<StepState> steps0 = rig.book().run(run)->steps;
    for (const StepState &s : steps0) {
        rig.clock += kMinute;
        StepInput in = stepInput(s.step.id);
        in.note = QStringLiteral("ok");
        in.confirmed = true;
        in.probes = ok;
        auto r = a.runs().recordStep(
            run, in, {makeBlob(QStringLiteral("r.json"), "{}", QStringLiteral("application/json")).value()});
        QVERIFY_OK(r);
    }
    const IncidentBook bookr = rig.book();
    const RunbookRun *r = bookr.run(run);
    QVERIFY(r->finished);
    QVERIFY(r->drill);
    QVERIFY(r->objectiveMet);

    // The drill record comes from the store; what it does not hold is marked, not invented.
    auto rec = RecordTemplates::build(QStringLiteral("rollback-drill"), bookr, QStringLiteral("kl"));
    QVERIFY_OK(rec);
    QVERIFY(!rec->complete()); // recorded by hand: no publisher audit event
    QCOMPARE(rec->missing().size(), 1);
    QVERIFY2(rec->missing().first().startsWith(QStringLiteral("publisher audit event")),
             qPrintable(rec->missing().first()));
    QVERIFY(rec->markdown().contains(QStringLiteral("| outcome against objective | objective met |")));
    QCOMPARE(rec->table.size(), r->steps.size());
    // other scopes have nothing yet
    auto none = RecordTemplates::build(QStringLiteral("launch-day"), bookr, QStringLiteral("pg"));
    QCOMPARE(none->missing().size(), 2);
    QCOMPARE(RecordTemplates::build(QStringLiteral("poem"), bookr, QStringLiteral("kl")).error().code,
             ErrorCode::InvalidInput);
}

void TestIncidents::rollbackJudgedByTheSealOfItsSteps() {
    // The operator's program claims the restore step was done at 14 minutes (within the clock
    // tolerance of the log); the store sealed it at 15.5 minutes. The drill missed its restore
    // objective, whatever the finishing event states.
    Rig rig;
    const QString run =
        citedIdOf(rig.as(rig.f.alice).runs().startRollback(QStringLiteral("kl"), true, {}).value());
    auto a = rig.as(rig.f.alice);
    const QList<ProbeResult> ok{result(QStringLiteral("kl/manifest"), TargetKind::Manifest, ProbeState::Ok),
                                result(QStringLiteral("kl/pack"), TargetKind::Pack, ProbeState::Ok,
                                       QString(64, QLatin1Char('1')), QString(64, QLatin1Char('1')))};
    const RunbookRun before = *rig.book().run(run);
    const QString restore = before.clock(QStringLiteral("restore"))->step;
    bool restored = false;
    qint64 t = kStart;
    for (const StepState &s : before.steps) {
        t = s.step.id == restore ? kStart + 14 * kMinute : t + 10 * 1000;
        restored = restored || s.step.id == restore;
        rig.clock = t;             // the time the act claims
        rig.f.now = t + 90 * 1000; // the machine's clock when the store seals it
        StepInput in = stepInput(s.step.id);
        in.note = QStringLiteral("ok");
        in.confirmed = true;
        in.probes = ok;
        QVERIFY_OK(a.runs().recordStep(
            run, in, {makeBlob(QStringLiteral("r.json"), "{}", QStringLiteral("application/json")).value()}));
    }
    QVERIFY(restored);
    const IncidentBook book = rig.book();
    const RunbookRun *r = book.run(run);
    QVERIFY(r->finished);
    const RollbackClock *c = r->clock(QStringLiteral("restore"));
    QVERIFY2(c->metMs > c->deadlineMs, qPrintable(Time::toIso(c->metMs)));
    QCOMPARE(clockView(*c, r->startedMs, rig.clock).state, ClockState::MetLate);
    QVERIFY(!r->objectiveMet);
    // The finishing event is computed from the same judged clocks, not from the claimed times.
    EventFilter f;
    f.kind = QStringLiteral("rollback.finished");
    const QList<StoredEvent> finished = rig.f.store->query(f).value();
    QCOMPARE(finished.size(), 1);
    QVERIFY(!finished.first().payload().find("objective_met")->toBool());
}

void TestIncidents::clockViewStates() {
    RollbackClock c{QStringLiteral("restore"), QStringLiteral("rebind"), kStart + 15 * kMinute, 0, 0, false};
    QCOMPARE(clockView(c, kStart, kStart).state, ClockState::Running);
    QCOMPARE(clockView(c, kStart, kStart).remainingMs, 15 * kMinute);
    QCOMPARE(clockView(c, kStart, kStart + 11 * kMinute).state, ClockState::Running);
    QCOMPARE(clockView(c, kStart, kStart + 12 * kMinute + 1).state, ClockState::Warning); // last fifth
    QCOMPARE(clockView(c, kStart, kStart + 15 * kMinute).state, ClockState::Warning);
    QCOMPARE(clockView(c, kStart, kStart + 15 * kMinute + 1).state, ClockState::Missed);
    QCOMPARE(clockView(c, kStart, kStart + 16 * kMinute).remainingMs, -kMinute);
    c.metMs = kStart + 14 * kMinute;
    QCOMPARE(clockView(c, kStart, kStart + 40 * kMinute).state, ClockState::Met);
    c.metMs = kStart + 16 * kMinute;
    QCOMPARE(clockView(c, kStart, kStart + 40 * kMinute).state, ClockState::MetLate);
}

void TestIncidents::killSwitchesActivateOnceAndDeactivate() {
    Rig rig;
    auto a = rig.as(rig.f.alice);
    QCOMPARE(
        a.activateKillSwitch(QStringLiteral("ai"), QStringLiteral("kl"), QString(), {}, {}).error().where,
        QStringLiteral("--reason"));
    QCOMPARE(a.activateKillSwitch(QStringLiteral("laser"), QStringLiteral("kl"), QStringLiteral("r"), {}, {})
                 .error()
                 .code,
             ErrorCode::InvalidInput);
    QCOMPARE(a.activateKillSwitch(QStringLiteral("ai"), QStringLiteral("kl"), QStringLiteral("r"),
                                  {QStringLiteral("atlantis")}, {})
                 .error()
                 .where,
             QStringLiteral("--validation-localities"));
    QCOMPARE(rig.as(rig.rita)
                 .activateKillSwitch(QStringLiteral("ai"), QStringLiteral("kl"), QStringLiteral("r"), {}, {})
                 .error()
                 .code,
             ErrorCode::Policy);
    QCOMPARE(a.deactivateKillSwitch(QStringLiteral("ai"), QStringLiteral("kl"), QStringLiteral("r"), {}, {})
                 .error()
                 .code,
             ErrorCode::Policy);
    auto on = a.activateKillSwitch(QStringLiteral("ai"), QStringLiteral("kl"),
                                   QStringLiteral("malformed AI output spike"), {QStringLiteral("kl")},
                                   QStringLiteral("ok: kl/manifest"));
    QVERIFY_OK(on);
    QCOMPARE(a.activateKillSwitch(QStringLiteral("ai"), QStringLiteral("kl"), QStringLiteral("again"), {}, {})
                 .error()
                 .code,
             ErrorCode::Policy);
    {
        const IncidentBook b = rig.book();
        QCOMPARE(b.activeKillSwitchScopes(), QSet<QString>{QStringLiteral("kl")});
        const KillSwitchState *k = b.killSwitch(QStringLiteral("ai"), QStringLiteral("kl"));
        QCOMPARE(k->validationLocalities, QStringList{QStringLiteral("kl")});
        QCOMPARE(k->validationResult, QStringLiteral("ok: kl/manifest"));
        QCOMPARE(k->sinceMs, kStart);
    }
    rig.clock += kMinute;
    QVERIFY(a.deactivateKillSwitch(QStringLiteral("ai"), QStringLiteral("kl"),
                                   QStringLiteral("clean scheduled evidence"), {}, {})
                .ok());
    const IncidentBook b = rig.book();
    QVERIFY(b.activeKillSwitchScopes().isEmpty());
    QCOMPARE(b.killSwitch(QStringLiteral("ai"), QStringLiteral("kl"))->activations, 1);
    QCOMPARE(b.killSwitch(QStringLiteral("ai"), QStringLiteral("kl"))->deactivations, 1);
}

// Two consoles on one file activate the same kill switch at once: the other console's activation
// lands after this one was decided and before it is written. This act is decided again on the
// longer log and refused, so the switch is activated once.
void TestIncidents::twoConsolesActivatingAtOnceActivateOnce() {
    Rig rig;
    StoreOpenOptions o;
    o.clock = [&rig] { return rig.f.now += 1000; };
    auto other = SqliteEvidenceStore::open(rig.f.path, o);
    QVERIFY(other.ok());
    IncidentActions elsewhere(*other.value(), rig.olivia, rig.config, rig.library,
                              [&rig] { return rig.clock; });
    int raced = 0;
    IncidentActions here(*rig.f.store, rig.f.alice, rig.config, rig.library, [&] {
        if (raced++ == 0 && !elsewhere
                                 .activateKillSwitch(QStringLiteral("ai"), QStringLiteral("kl"),
                                                     QStringLiteral("seen from the other console"), {}, {})
                                 .ok())
            raced = -1000;
        return rig.clock;
    });
    const quint64 before = rig.size();
    auto mine = here.activateKillSwitch(QStringLiteral("ai"), QStringLiteral("kl"),
                                        QStringLiteral("malformed AI output spike"), {}, {});
    QVERIFY(raced > 0); // the other console's activation was written, inside this act
    QVERIFY(!mine.ok());
    QCOMPARE(mine.error().code, ErrorCode::Policy);
    QCOMPARE(rig.size(), before + 1);
    const IncidentBook b = rig.book();
    QCOMPARE(b.killSwitch(QStringLiteral("ai"), QStringLiteral("kl"))->activations, 1);
    QCOMPARE(b.killSwitch(QStringLiteral("ai"), QStringLiteral("kl"))->reason,
             QStringLiteral("seen from the other console"));
}

// The incident owner closes an incident on one console while a decision on it is being made on
// another: the decision is decided again and refused (the incident is closed), not written after
// the closing.
void TestIncidents::anActDecidedBeforeAClosingIsDecidedAgain() {
    Rig rig;
    const QString inc = rig.openBadPack(rig.olivia);
    QVERIFY_OK(rig.as(rig.olivia).addEvidence(inc, fullRecord()));
    StoreOpenOptions o;
    o.clock = [&rig] { return rig.f.now += 1000; };
    auto other = SqliteEvidenceStore::open(rig.f.path, o);
    QVERIFY(other.ok());
    IncidentActions elsewhere(*other.value(), rig.olivia, rig.config, rig.library,
                              [&rig] { return rig.clock; });
    int raced = 0;
    IncidentActions here(*rig.f.store, rig.olivia, rig.config, rig.library, [&] {
        if (raced++ == 0)
            if (auto closed = elsewhere.close(inc, QStringLiteral("done"), QStringLiteral("ok"));
                !closed.ok()) {
                qWarning("%s", qPrintable(closed.error().toString()));
                raced = -1000;
            }
        return rig.clock;
    });
    auto late = here.decide(inc, QStringLiteral("contain by rollback"));
    QVERIFY(raced > 0);
    QVERIFY(!late.ok());
    QCOMPARE(late.error().code, ErrorCode::Policy);
    QVERIFY(late.error().message.contains(QStringLiteral("is closed")));
    const IncidentBook book = rig.book();
    const Incident *i = book.incident(inc);
    QVERIFY(i->closed);
    for (const TimelineEntry &t : i->timeline)
        QVERIFY(!t.text.contains(QStringLiteral("contain by rollback")));
}

// While an act is decided, another console records what the act was not decided from (a note, as
// a probe round or an alert would be): the act is written onto the longer log as decided, once.
void TestIncidents::othersNotesDoNotMakeAnActDecideAgain() {
    Rig rig;
    StoreOpenOptions o;
    o.clock = [&rig] { return rig.f.now += 1000; };
    auto other = SqliteEvidenceStore::open(rig.f.path, o);
    QVERIFY(other.ok());
    int decisions = 0;
    IncidentActions here(*rig.f.store, rig.f.alice, rig.config, rig.library, [&] {
        if (decisions++ < 3) {
            NewEvent note;
            note.kind = QStringLiteral("ops.note");
            note.scope = QStringLiteral("kl");
            note.payload["note"] = QStringLiteral("probe round elsewhere");
            note.tsMs = rig.clock;
            if (!other.value()->append(rig.olivia, {note}).ok())
                decisions = -1000;
        }
        return rig.clock;
    });
    const quint64 before = rig.size();
    auto on = here.activateKillSwitch(QStringLiteral("ai"), QStringLiteral("kl"),
                                      QStringLiteral("malformed AI output spike"), {}, {});
    QVERIFY_OK(on);
    QCOMPARE(decisions, 1); // decided once, though the log grew while it was
    QCOMPARE(on->seq, before + 2);
    QCOMPARE(rig.book().killSwitch(QStringLiteral("ai"), QStringLiteral("kl"))->activations, 1);
}

void TestIncidents::closingWaitsForRollbackAndEvidence() {
    Rig rig;
    const QString inc = rig.openBadPack(rig.olivia);
    auto o = rig.as(rig.olivia);
    QVERIFY(o.close(inc, QStringLiteral("done"), QStringLiteral("ok"))
                .error()
                .message.contains(QStringLiteral("no core evidence")));
    QVERIFY(o.addEvidence(inc, fullRecord()).ok());
    QVERIFY(o.runs().startRollback(QStringLiteral("kl"), false, inc).ok());
    QVERIFY(o.close(inc, QStringLiteral("done"), QStringLiteral("ok"))
                .error()
                .message.contains(QStringLiteral("unfinished rollback")));
    QCOMPARE(o.close(inc, QString(), QStringLiteral("ok")).error().where, QStringLiteral("--closure"));
}

void TestIncidents::reservedKindsCannotBeImported() {
    test::StoreFixture f;
    for (const char *kind :
         {"incident.closed", "runbook.step", "rollback.finished", "killswitch.activated",
          "alert.acknowledged", "identity.created", "monitor.gap", "notification.attempted"}) {
        const QString file = f.dir.file(QStringLiteral("in.jsonl"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write("{\"kind\":\"signal.manual_trigger\",\"scope\":\"kl\",\"payload\":{}}\n");
        out.write(QByteArray("{\"kind\":\"") + kind + "\",\"scope\":\"kl\",\"payload\":{}}\n");
        out.close();
        const quint64 before = f.store->size().value();
        auto r = f.store->importJsonl(f.alice, file);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Policy);
        QVERIFY2(r.error().where.endsWith(QStringLiteral(":2")), qPrintable(r.error().where));
        QCOMPARE(f.store->size().value(), before);
    }
}

void TestIncidents::everyBuiltinRunbookSurvivesARun() {
    // Each built-in runbook starts as a run whose steps read back exactly as the runbook has them.
    Rig rig;
    int runs = 0;
    for (const Runbook &rb : rig.library.runbooks) {
        if (rb.id == IncidentActions::rollbackRunbookId())
            continue;
        if (rb.id == QLatin1String("launch-day-validation")) {
            // Launch day has its own actions (signed sign-offs): the generic path refuses it.
            QCOMPARE(rig.as(rig.f.alice).runs().startRun(rb.id, {}, QStringLiteral("kl")).error().code,
                     ErrorCode::Policy);
            continue;
        }
        auto s = rig.as(rig.f.alice).runs().startRun(rb.id, {}, QStringLiteral("kl"));
        QVERIFY2(s.ok(), qPrintable(rb.id));
        const IncidentBook book = rig.book();
        const RunbookRun *r = book.run(citedIdOf(s.value()));
        QCOMPARE(r->steps.size(), rb.steps.size());
        for (int i = 0; i < rb.steps.size(); ++i) {
            QCOMPARE(r->steps.at(i).step.id, rb.steps.at(i).id);
            QCOMPARE(r->steps.at(i).step.evidence, rb.steps.at(i).evidence);
            QCOMPARE(r->steps.at(i).step.probe, rb.steps.at(i).probe);
            QCOMPARE(r->steps.at(i).step.role, rb.steps.at(i).role);
            QCOMPARE(r->steps.at(i).step.skippable, rb.steps.at(i).skippable);
            QCOMPARE(r->steps.at(i).step.probeMustPass, rb.steps.at(i).probeMustPass);
        }
        ++runs;
    }
    QVERIFY(runs >= 13);
    QCOMPARE(rig.as(rig.f.alice)
                 .runs()
                 .startRun(QStringLiteral("rollback-checklist"), {}, QStringLiteral("kl"))
                 .error()
                 .code,
             ErrorCode::Policy);
}

QTEST_GUILESS_MAIN(TestIncidents)
#include "tst_incidents.moc"
