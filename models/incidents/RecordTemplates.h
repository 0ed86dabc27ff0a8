#pragma once

#include "Incidents.h"

namespace ops {

// The operations runbook's evidence records (its `ops:*-record` templates) filled from the store:
// every value comes from an event, named by its sequence number; what the store does not hold is
// marked missing rather than left for someone to type.
struct RecordField {
    QString name;
    QString value; // empty when missing
    QList<quint64> events;
    QString missing; // what would fill it, when empty
};

struct EvidenceRecord {
    QString templateId; // rollback-drill | ai-kill-switch | bad-pack-rebind | launch-day
    QString title;
    QString scope;
    QList<RecordField> fields;
    QList<QStringList> table; // steps: id, status, who, when, note

    bool complete() const;
    QStringList missing() const;
    QString markdown() const;
    JsonValue toJson() const;
};

namespace RecordTemplates {
QStringList ids();
// From the latest matching run or switch of the scope, or the given run.
Result<EvidenceRecord> build(const QString &templateId, const IncidentBook &book, const QString &scope,
                             const QString &run = {}, const QString &appBuild = {});
} // namespace RecordTemplates

} // namespace ops
