#include "RebindFlow.h"

#include "store/EvidenceStore.h"

#include <QEventLoop>
#include <QTimer>

namespace ops {

RebindFlow::RebindFlow(EvidenceStore &store, const Signer &signer, const DeploymentConfig &config,
                       const RunbookLibrary &library, Secret publisherToken, Secret operatorToken,
                       QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_signer(signer)
    , m_config(config)
    , m_actions(store, signer, config, library)
    , m_client(new PublisherClient(config, std::move(publisherToken), this))
    , m_probe(new ScopeProbe(config, std::move(operatorToken), this)) {
    connect(m_client, &PublisherClient::finished, this, &RebindFlow::published);
    connect(m_probe, &ScopeProbe::finished, this, &RebindFlow::readBack);
}

void RebindFlow::start(const QString &run, const QString &version) {
    m_outcome = {};
    m_run = run;
    auto book = IncidentBook::load(m_store);
    const RunbookRun *r = book.ok() ? book->run(run) : nullptr;
    if (!r || !r->rollback) {
        m_outcome.refused =
            book.ok() ? makeError(ErrorCode::InvalidInput, QStringLiteral("no rollback run '%1'").arg(run),
                                  QStringLiteral("RUN"))
                      : book.error();
        m_outcome.error = m_outcome.refused->message;
        QTimer::singleShot(0, this, &RebindFlow::finish);
        return;
    }
    m_run = r->id;
    m_scope = r->scope;
    StepInput check;
    check.step = QStringLiteral("rebind");
    check.confirmed = true;
    // The publisher's response will be its attachment: check the step as it will be recorded.
    const QList<NewBlob> response{
        makeBlob(QStringLiteral("publisher-response.json"), "{}", QStringLiteral("application/json"))
            .value()};
    if (auto ok = m_actions.runs().checkStep(m_run, check, response); !ok.ok()) {
        m_outcome.refused = ok.error();
        m_outcome.error = ok.error().message;
        QTimer::singleShot(0, this, &RebindFlow::finish);
        return;
    }
    Q_EMIT progress(QStringLiteral("calling the publisher: rebind %1 to %2")
                        .arg(m_scope, version.isEmpty() ? QStringLiteral("its last known good") : version));
    m_client->rebind(m_scope, version);
}

void RebindFlow::published(const RebindOutcome &outcome) {
    m_outcome.publisher = outcome;
    StepInput in;
    in.step = QStringLiteral("rebind");
    in.extra = JsonValue::object();
    in.extra["publisher"] = outcome.toJson();
    QList<NewBlob> files;
    if (!outcome.response.isEmpty()) {
        auto blob = makeBlob(QStringLiteral("publisher-response-%1.json").arg(m_run), outcome.response,
                             QStringLiteral("application/json"));
        if (!blob.ok()) {
            m_outcome.error = blob.error().message;
            finish();
            return;
        }
        files << blob.value();
    }
    if (outcome.ok) {
        in.confirmed = true;
        in.note = QStringLiteral("rebound %1 to %2 (audit %3)").arg(m_scope, outcome.active, outcome.auditId);
    } else {
        in.status = StepStatus::Failed;
        in.note = outcome.error;
    }
    auto recorded = m_actions.runs().recordStep(m_run, in, files);
    if (!recorded.ok()) {
        m_outcome.error = recorded.error().message;
        finish();
        return;
    }
    m_outcome.events += recorded.value();
    if (!outcome.ok) {
        m_outcome.error = QStringLiteral("the publisher call failed: %1").arg(outcome.error);
        finish();
        return;
    }
    Q_EMIT progress(QStringLiteral("rebind done (audit %1); reading back manifest and pack of %2")
                        .arg(outcome.auditId, m_scope));
    m_probe->run(m_scope, {TargetKind::Manifest, TargetKind::Pack});
}

void RebindFlow::readBack(const QList<ProbeResult> &results) {
    m_outcome.readback = probeSummary(results);
    StepInput in;
    in.step = QStringLiteral("readback");
    in.probes = results;
    auto recorded = m_actions.runs().recordStep(m_run, in);
    if (!recorded.ok()) {
        in.status = StepStatus::Failed;
        in.note = QStringLiteral("readback not aligned: %1").arg(m_outcome.readback);
        auto failed = m_actions.runs().recordStep(m_run, in);
        if (failed.ok())
            m_outcome.events += failed.value();
        m_outcome.error = recorded.error().message;
        finish();
        return;
    }
    m_outcome.events += recorded.value();
    m_outcome.ok = true;
    finish();
}

void RebindFlow::finish() {
    Q_EMIT finished(m_outcome);
}

RebindFlow::Outcome RebindFlow::runNow(EvidenceStore &store, const Signer &signer,
                                       const DeploymentConfig &config, const RunbookLibrary &library,
                                       const Secret &publisherToken, const Secret &operatorToken,
                                       const QString &run, const QString &version) {
    RebindFlow flow(store, signer, config, library, publisherToken, operatorToken);
    Outcome out;
    QEventLoop loop;
    connect(&flow, &RebindFlow::finished, &loop, [&](const Outcome &o) {
        out = o;
        loop.quit();
    });
    flow.start(run, version);
    loop.exec();
    return out;
}

} // namespace ops
