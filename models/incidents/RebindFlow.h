#pragma once

#include "IncidentActions.h"
#include "Publisher.h"

namespace ops {

// The rebind step of a rollback run, end to end: call the publisher, keep its response as an
// attachment, record the rebind step (done, or failed with the publisher's error), then probe the
// scope's manifest and pack again and record the readback step (done when the pack's SHA-256
// matches its manifest, failed with the probe summary otherwise). Shared by the CLI and the console.
class RebindFlow final : public QObject {
    Q_OBJECT
public:
    struct Outcome {
        bool ok = false; // rebind and readback both done
        RebindOutcome publisher;
        QString readback;             // probe summary
        QString error;                // why it stopped, if it did
        std::optional<Error> refused; // refused before anyone was called
        QList<StoredEvent> events;
    };

    RebindFlow(EvidenceStore &store, const Signer &signer, const DeploymentConfig &config,
               const RunbookLibrary &library, Secret publisherToken, Secret operatorToken,
               QObject *parent = nullptr);

    // Checks the step's rules first: a refusal calls nobody (finished follows at once).
    void start(const QString &run, const QString &version = {});
    static Outcome runNow(EvidenceStore &store, const Signer &signer, const DeploymentConfig &config,
                          const RunbookLibrary &library, const Secret &publisherToken,
                          const Secret &operatorToken, const QString &run, const QString &version = {});

Q_SIGNALS:
    void progress(const QString &text);
    void finished(const ops::RebindFlow::Outcome &outcome);

private:
    void published(const RebindOutcome &outcome);
    void readBack(const QList<ProbeResult> &results);
    void finish();

    EvidenceStore &m_store;
    const Signer &m_signer;
    const DeploymentConfig &m_config;
    IncidentActions m_actions;
    PublisherClient *m_client;
    ScopeProbe *m_probe;
    QString m_run;
    QString m_scope;
    Outcome m_outcome;
};

} // namespace ops
