#include "DerivationEvents.h"

#include "store/EvidenceStore.h"

#include <QFileInfo>

namespace ops::derivationevents {

JsonValue stringsJson(const QStringList &list) {
    JsonValue a = JsonValue::array();
    for (const QString &s : list)
        a.push(s);
    return a;
}

Result<QList<DerivationRecord>> validated(const QList<LoadedFile> &files, const DerivationBook &book) {
    QList<Diagnostic> errors;
    QList<DerivationRecord> records;
    for (const LoadedFile &f : files) {
        errors += f.errors;
        if (f.errors.isEmpty() && f.records.isEmpty())
            errors.push_back(Diagnostic{f.file, 0, {}, QStringLiteral("no records")});
        for (const DerivationRecord &r : f.records) {
            errors += DerivationRules::findings(r);
            if (const RecordState *old = book.record(r.id))
                errors.push_back(Diagnostic{
                    r.file, r.lineOf(DerivationRecord::idField(r.type)), DerivationRecord::idField(r.type),
                    QStringLiteral("'%1' was imported at event %2 and is %3: a change is a "
                                   "re-derivation with a new id (derivation supersede)")
                        .arg(r.id)
                        .arg(old->importedSeq)
                        .arg(recordStatusName(old->status))});
            records << r;
        }
    }
    errors += DerivationRules::checkSet(records, book.liveRecords());
    if (!errors.isEmpty())
        return Error::fromDiagnostics(ErrorCode::InvalidInput, errors);
    return records;
}

Result<NewBlob> sourceBlob(const LoadedFile &file) {
    return makeBlob(QFileInfo(file.file).fileName(), file.bytes, QStringLiteral("application/yaml"));
}

NewEvent imported(const DerivationRecord &record, const LoadedFile &file, const QString &fileSha,
                  const QString &supersedes, const Time::Clock &clock) {
    NewEvent e;
    e.kind = QStringLiteral("derivation.imported");
    e.tsMs = clock();
    e.payload["record"] = record.canonicalJson();
    e.payload["record_sha256"] = record.sha256();
    e.payload["record_type"] = recordTypeName(record.type);
    e.payload["file"] = QFileInfo(file.file).fileName();
    e.payload["file_sha256"] = fileSha;
    e.payload["line"] = record.line;
    e.payload["supersedes"] = supersedes;
    return e;
}

QList<NewEvent> invalidations(const DerivationBook &book, const QString &id, const QString &reason,
                              const QString &cause, const Time::Clock &clock, const QStringList &skip) {
    QList<NewEvent> out;
    QStringList downstream = book.dependents(id);
    for (const QString &s : skip)
        downstream.removeAll(s);
    auto event = [&](const QString &record, const QString &why, const QString &c, const QStringList &affected,
                     const QStringList &notify) {
        const RecordState *s = book.record(record);
        NewEvent e;
        e.kind = QStringLiteral("derivation.invalidated");
        e.tsMs = clock();
        e.payload["record"] = record;
        e.payload["reason"] = why;
        e.payload["cause"] = c;
        e.payload["affected_values"] = stringsJson(affected);
        e.payload["downstream_notifications"] = stringsJson(notify);
        e.payload["s03_notification_required"] = s && s->handedToS03;
        return e;
    };
    if (!cause.startsWith(QLatin1String("superseded"))) {
        QStringList affected;
        const RecordState *self = book.record(id);
        if (self)
            affected << self->record.valueName();
        for (const QString &d : downstream)
            if (const RecordState *s = book.record(d))
                affected << s->record.valueName();
        affected.removeDuplicates();
        out << event(id, reason, cause, affected, downstream);
    }
    for (const QString &d : downstream) {
        const RecordState *s = book.record(d);
        out << event(d, QStringLiteral("depends on %1, which was %2: %3").arg(id, cause, reason),
                     QStringLiteral("depends on %1").arg(id),
                     s ? QStringList{s->record.valueName()} : QStringList{}, {});
    }
    return out;
}

QList<NewEvent> forbiddenRunInvalidations(const DerivationBook &book, const QString &statement,
                                          const Time::Clock &clock) {
    QList<NewEvent> events;
    QStringList done;
    for (const RecordState *r : book.live()) {
        if (done.contains(r->record.id))
            continue;
        NewEvent inv;
        inv.kind = QStringLiteral("derivation.invalidated");
        inv.tsMs = clock();
        inv.payload["record"] = r->record.id;
        inv.payload["reason"] = QStringLiteral("a forbidden run occurred: %1").arg(statement);
        inv.payload["cause"] = QStringLiteral("forbidden run");
        inv.payload["affected_values"] = stringsJson({r->record.valueName()});
        inv.payload["downstream_notifications"] =
            stringsJson({QStringLiteral("escalate to the operator (§4)")});
        inv.payload["s03_notification_required"] = r->handedToS03;
        events << inv;
        done << r->record.id;
    }
    return events;
}

} // namespace ops::derivationevents
