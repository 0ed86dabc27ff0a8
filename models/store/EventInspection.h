#pragma once

// One event examined the way an auditor would: its exact bytes, its signature checked against
// its actor's registered key, its inclusion proof against the latest signed checkpoint (and that
// checkpoint's own signature), the ids it names, the events related through them, and the
// attachments it refers to. Shared by `evidence show` and the Evidence panel's detail pane.

#include "EvidenceTypes.h"

namespace ops {

class EvidenceStore;

struct EventInspection {
    StoredEvent event;

    enum class Signature { Valid, Invalid, Batch };
    Signature signature = Signature::Batch;
    QString signatureDetail;

    bool included = false;           // the inclusion proof walks up to the checkpoint's root
    bool checkpointVerifies = false; // the checkpoint's signature by its signer verifies
    quint64 treeSize = 0;
    QByteArray root;
    QString checkpointSigner;
    QList<QByteArray> proofPath;
    QString proofDetail;

    QStringList refs;       // incident, run, record ids it names
    QList<quint64> related; // other events naming one of them, newest first

    struct Attachment {
        QString name;
        QString sha256;
        QString mediaType;
        qint64 size = 0;
    };
    QList<Attachment> attachments; // blobs in this store the payload names by SHA-256

    bool proven() const { return included && checkpointVerifies && signature != Signature::Invalid; }
};

// On a local store also its references and related events (the file's indexes); on the team log
// those stay empty.
Result<EventInspection> inspectEvent(const EvidenceStore &store, quint64 seq, int relatedLimit = 200);

} // namespace ops
