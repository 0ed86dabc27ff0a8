#pragma once

// A store with the reviewer's desk cast (analyst ana, reviewer rui, risk owner rita, locker lou,
// operator otto) and the example records in tests/data/derivations, for the derivation tests.

#include "StoreFixture.h"

#include "derivations/DerivationActions.h"

namespace ops::test {

inline QString derivationData(const QString &name) {
    return QStringLiteral(OPSCONSOLE_TEST_DATA "/derivations/") + name;
}

struct DerivationRig {
    StoreFixture f;
    Signer ana = makeSigner(QStringLiteral("ana"));   // analyst, author of the examples
    Signer rui = makeSigner(QStringLiteral("rui"));   // reviewer named by the examples
    Signer rita = makeSigner(QStringLiteral("rita")); // risk owner
    Signer lou = makeSigner(QStringLiteral("lou"));   // S03 locker
    Signer otto = makeSigner(QStringLiteral("otto")); // operator, no desk role
    qint64 clock = 1795410000000;

    DerivationRig() {
        auto reg = [&](const Signer &s, const QStringList &roles) {
            if (!f.enrol(s, roles).ok())
                qFatal("register %s", qPrintable(s.name));
        };
        reg(ana, {QStringLiteral("analyst")});
        reg(rui, {QStringLiteral("reviewer")});
        reg(rita, {QStringLiteral("risk-owner")});
        reg(lou, {QStringLiteral("locker")});
        reg(otto, {QStringLiteral("operator")});
    }
    DerivationActions as(const Signer &s) {
        return DerivationActions(*f.store, s, [this] { return clock += 1000; });
    }
    DerivationBook book() const { return DerivationBook::load(*f.store).value(); }
    // The store's book, kept in the rig so pointers into it stay valid until the next call.
    DerivationBook held;
    const DerivationBook &fresh() {
        held = book();
        return held;
    }
    quint64 size() const { return f.store->size().value(); }

    static QStringList exampleFiles() {
        return {derivationData(QStringLiteral("reference-capacity.yaml")),
                derivationData(QStringLiteral("p90-cost.yaml")),
                derivationData(QStringLiteral("mapping.yaml")),
                derivationData(QStringLiteral("infeasible-power.yaml"))};
    }
    static QStringList exampleValues() {
        return {QStringLiteral("reference_capacity"), QStringLiteral("p90_cost_bps"),
                QStringLiteral("E_econ_min"), QStringLiteral("E_pred_min"),
                QStringLiteral("power_sample_size")};
    }

    // Imports the examples, then reviews, notes and signs every one of them and records the
    // charter, the threats and the attestation: a complete handoff.
    bool settleAll() {
        if (!as(ana).importFiles(exampleFiles()).ok())
            return false;
        const DerivationBook imported = book();
        for (const RecordState &r : imported.records()) {
            if (!as(rui).review(r.record.id, true, QStringLiteral("reproduced from the pinned inputs")).ok())
                return false;
            if (r.record.isCostOrCapacity() &&
                !as(rita)
                     .riskNote(r.record.id, QStringLiteral("reference capacity, non-deployment framing"))
                     .ok())
                return false;
            if (!as(rui).sign(r.record.id).ok())
                return false;
        }
        return as(rui).declareCharter(exampleValues()).ok() &&
               as(rui).recordThreats({QStringLiteral("cost logs cover one venue only")}).ok() &&
               as(ana).attest(false, {}).ok();
    }
};

} // namespace ops::test
