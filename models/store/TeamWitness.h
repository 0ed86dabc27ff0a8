#pragma once

// Every console is a witness of the team log. Before it acts, and whenever the log grows, a
// console checks the log's latest checkpoint against the last one it vouched for: the events up
// to that one still hash to the root it remembers, the events since are recomputed from their
// bytes onto it and reach the new signed root, and a consistency proof links the two. Then it
// cosigns the checkpoint (cosignature/v1) and stores the cosignature in the log, unless it signed
// the checkpoint itself. A checkpoint a console first sees is checked by verifying the whole log.
//
// A log that fails these checks was rewritten: the console raises the alarm (SEV-1), records it
// in a file beside its witness memory, and from then on writes nothing to that log.

#include "PgEvidenceStore.h"

namespace ops::TeamWitness {

struct Outcome {
    Checkpoint checkpoint;   // the latest checkpoint, now vouched for
    bool cosigned = false;   // false when this console's identity signed it itself
    bool firstSight = false; // the whole log was verified (no memory of this log yet)
    QStringList witnesses;   // identities whose valid cosignatures it carries
    int quorum = 0;          // trust.witness_quorum
    bool witnessed() const { return witnesses.size() >= qMax(1, quorum); }
};

Result<Outcome> witness(PgEvidenceStore &store, const Signer &me, const QString &stateDirectory,
                        qint64 nowMs);

// The alarm this console raised for the log ("" when none): its reason and time.
QString alarm(const PgEvidenceStore &store);

} // namespace ops::TeamWitness
