#include "DerivationActions.h"
#include "DerivationEvents.h"
#include "core/ActErrors.h"

#include "crypto/Sha256.h"
#include "store/EvidenceStore.h"

#include <QFileInfo>

#include <algorithm>

namespace ops {

using derivationevents::stringsJson;

namespace {

using act_errors::invalid;

// One line of text a person entered: trimmed, no control characters, bounded.
// The window names the field by `what` without the command line's dashes (ErrorText).
Result<QString> oneText(const QString &text, const QString &what, int max = 2000) {
    const QString t = text.trimmed();
    const QString field = what.startsWith(QLatin1String("--")) ? what.mid(2) : what;
    if (t.isEmpty())
        return invalid(QStringLiteral("%1 is required").arg(what), what)
            .said(QStringLiteral("text.required"), {field});
    if (t.size() > max)
        return invalid(QStringLiteral("%1 is longer than %2 characters").arg(what).arg(max), what)
            .said(QStringLiteral("text.long"), {field, QString::number(max)});
    if (DerivationRules::isPlaceholder(t))
        return invalid(QStringLiteral("%1 is a placeholder ('%2'): say what it is").arg(what, t.left(40)),
                       what)
            .said(QStringLiteral("text.placeholder"), {field, t.left(40)});
    return t;
}

} // namespace

DerivationActions::DerivationActions(EvidenceStore &store, const Signer &signer, Time::Clock clock)
    : m_store(store)
    , m_signer(signer)
    , m_clock(std::move(clock)) {
}

Result<DerivationBook> DerivationActions::bookWith(const QString &id) const {
    auto book = DerivationBook::load(m_store);
    if (!book.ok())
        return book.error();
    if (!book->record(id))
        return invalid(QStringLiteral("no derivation or INFEASIBLE record '%1'").arg(id),
                       QStringLiteral("ID"));
    return book;
}

template<typename T> Result<T> DerivationActions::decidedOnTheLog(const std::function<Result<T>()> &act) {
    return m_store.decidedOnTheLog([&](quint64 size) {
        m_decidedAt = size;
        auto made = act();
        m_decidedAt.reset();
        return made;
    });
}

template Result<StoredEvent> DerivationActions::decidedOnTheLog(const std::function<Result<StoredEvent>()> &);
template Result<QList<StoredEvent>>
DerivationActions::decidedOnTheLog(const std::function<Result<QList<StoredEvent>>()> &);

Result<QList<StoredEvent>> DerivationActions::appendAct(const QList<NewEvent> &events,
                                                        const QList<NewBlob> &blobs) {
    return m_decidedAt ? m_store.appendOnSize(*m_decidedAt, m_signer, events, blobs)
                       : m_store.append(m_signer, events, blobs);
}

Result<StoredEvent> DerivationActions::appendOne(NewEvent event) {
    auto stored = m_decidedAt ? m_store.appendOnSize(*m_decidedAt, m_signer, {std::move(event)})
                              : m_store.append(m_signer, {std::move(event)});
    if (!stored.ok())
        return stored.error();
    return stored->first();
}

Error DerivationActions::deny(Action action, const QString &record, const Error &why) {
    Error e = deny(action, record, why.message);
    if (e.code == ErrorCode::Policy && e.id.isEmpty())
        return std::move(e).said(why.id, why.args);
    return e;
}

Error DerivationActions::deny(Action action, const QString &record, const QString &reason) {
    NewEvent e;
    e.kind = QStringLiteral("derivation.denied");
    e.tsMs = m_clock();
    e.payload["action"] = actionName(action);
    e.payload["record"] = record;
    e.payload["reason"] = reason;
    auto stored = m_store.append(m_signer, {e});
    if (!stored.ok())
        return stored.error();
    Error err =
        makeError(ErrorCode::Policy, reason, record.isEmpty() ? QStringLiteral("--identity") : record);
    return err;
}

QString DerivationActions::recordIdOf(const StoredEvent &event) {
    const JsonValue p = event.payload();
    const JsonValue *record = p.find("record");
    if (!record)
        return {};
    return record->isObject() ? record->stringAt("id") : record->toQString();
}

// The act's own events: its source files' evidence.attached events are written with it, in the
// same transaction, but are not what the caller asked to record.
static Result<QList<StoredEvent>> withoutAttachments(Result<QList<StoredEvent>> stored) {
    if (!stored.ok())
        return stored;
    QList<StoredEvent> out;
    for (StoredEvent &e : stored.value())
        if (e.kind != QLatin1String("evidence.attached"))
            out << std::move(e);
    return out;
}

Result<QList<StoredEvent>> DerivationActions::importFiles(const QStringList &paths) {
    QList<LoadedFile> files;
    for (const QString &p : paths)
        files << DerivationLoader::loadFile(p);
    return importLoaded(files);
}

Result<QList<StoredEvent>> DerivationActions::importLoaded(const QList<LoadedFile> &files) {
    if (files.isEmpty())
        return invalid(QStringLiteral("no files to import"));
    // Checked against the records as they are and written only onto that log: two imports of one
    // record at once do not both succeed (the second would be kept and never count).
    return decidedOnTheLog<QList<StoredEvent>>([&] { return importOnce(files); });
}

Result<QList<StoredEvent>> DerivationActions::importOnce(const QList<LoadedFile> &files) {
    auto book = DerivationBook::load(m_store);
    if (!book.ok())
        return book.error();
    if (const std::optional<Error> why = refusalOf(Action::Import))
        return deny(Action::Import, {}, *why);
    auto records = derivationevents::validated(files, book.value());
    if (!records.ok())
        return records.error();
    QList<NewEvent> events;
    QList<NewBlob> blobs;
    for (const LoadedFile &f : files) {
        auto blob = derivationevents::sourceBlob(f);
        if (!blob.ok())
            return blob.error();
        if (std::none_of(blobs.begin(), blobs.end(),
                         [&](const NewBlob &b) { return b.sha256 == blob->sha256; })) {
            events << attachmentEvent(blob.value(), {});
            blobs << blob.value();
        }
        for (const DerivationRecord &r : f.records)
            events << derivationevents::imported(r, f, blob->sha256, {}, m_clock);
    }
    return withoutAttachments(appendAct(events, blobs));
}

Result<StoredEvent> DerivationActions::review(const QString &id, bool accept, const QString &reason) {
    return decidedOnTheLog<StoredEvent>([&] { return reviewOnce(id, accept, reason); });
}

Result<StoredEvent> DerivationActions::reviewOnce(const QString &id, bool accept, const QString &reason) {
    auto book = bookWith(id);
    if (!book.ok())
        return book.error();
    const RecordState *r = book->record(id);
    QString why;
    if (!accept || !reason.trimmed().isEmpty()) {
        auto text = oneText(reason, QStringLiteral("--reason"));
        if (!text.ok())
            return text.error();
        why = text.value();
    }
    if (const std::optional<Error> no = refusalOf(Action::Review, r))
        return deny(Action::Review, id, *no);
    NewEvent e;
    e.kind = QStringLiteral("derivation.reviewed");
    e.tsMs = m_clock();
    e.payload["record"] = id;
    e.payload["record_sha256"] = r->recordSha256;
    e.payload["decision"] = accept ? "accepted" : "rejected";
    e.payload["reason"] = why;
    return appendOne(std::move(e));
}

Result<StoredEvent> DerivationActions::riskNote(const QString &id, const QString &note) {
    auto book = bookWith(id);
    if (!book.ok())
        return book.error();
    const RecordState *r = book->record(id);
    auto text = oneText(note, QStringLiteral("--note"));
    if (!text.ok())
        return text.error();
    if (const std::optional<Error> no = refusalOf(Action::RiskNote, r))
        return deny(Action::RiskNote, id, *no);
    NewEvent e;
    e.kind = QStringLiteral("derivation.risk-noted");
    e.tsMs = m_clock();
    e.payload["record"] = id;
    e.payload["note"] = text.value();
    return appendOne(std::move(e));
}

Result<StoredEvent> DerivationActions::sign(const QString &id) {
    return decidedOnTheLog<StoredEvent>([&] { return signOnce(id); });
}

Result<StoredEvent> DerivationActions::signOnce(const QString &id) {
    auto book = bookWith(id);
    if (!book.ok())
        return book.error();
    const RecordState *r = book->record(id);
    if (const std::optional<Error> no = refusalOf(Action::Sign, r))
        return deny(Action::Sign, id, *no);
    if (r->record.sha256() != r->recordSha256)
        return makeError(
            ErrorCode::Store,
            QStringLiteral("%1 no longer hashes to what was imported; verify the store").arg(id));
    const QString fingerprint = m_signer.key.publicKey().fingerprint();
    const std::string statement = DerivationSignature::statement(r->record, m_signer.name, fingerprint);
    const QByteArray sig =
        m_signer.key.sign(QByteArrayView(statement.data(), static_cast<qsizetype>(statement.size())));
    if (sig.isEmpty())
        return makeError(ErrorCode::Store, QStringLiteral("signing failed"));
    NewEvent e;
    e.kind = QStringLiteral("derivation.signed");
    e.tsMs = m_clock();
    e.payload["record"] = id;
    e.payload["record_sha256"] = r->recordSha256;
    e.payload["statement"] = statement;
    e.payload["signature"] = sig.toHex().toStdString();
    e.payload["key"] = fingerprint;
    return appendOne(std::move(e));
}

Result<QList<StoredEvent>> DerivationActions::supersede(const QString &oldId, const QString &newFile,
                                                        const QString &reason) {
    return supersedeLoaded(oldId, DerivationLoader::loadFile(newFile), reason);
}

Result<QList<StoredEvent>> DerivationActions::supersedeLoaded(const QString &oldId, const LoadedFile &file,
                                                              const QString &reason) {
    return decidedOnTheLog<QList<StoredEvent>>([&] { return supersedeOnce(oldId, file, reason); });
}

Result<QList<StoredEvent>> DerivationActions::supersedeOnce(const QString &oldId, const LoadedFile &file,
                                                            const QString &reason) {
    auto book = DerivationBook::load(m_store);
    if (!book.ok())
        return book.error();
    const RecordState *old = book->record(oldId);
    if (!old)
        return invalid(QStringLiteral("no derivation or INFEASIBLE record '%1'").arg(oldId),
                       QStringLiteral("OLD"));
    auto why = oneText(reason, QStringLiteral("--reason"));
    if (!why.ok())
        return why.error();
    if (const std::optional<Error> no = refusalOf(Action::Supersede, old))
        return deny(Action::Supersede, oldId, *no);
    if (file.errors.isEmpty() && file.records.size() != 1)
        return invalid(QStringLiteral("a re-derivation is one record; %1 holds %2")
                           .arg(file.file)
                           .arg(file.records.size()),
                       file.file);
    auto records = derivationevents::validated({file}, book.value());
    if (!records.ok())
        return records.error();
    const DerivationRecord &next = records->first();
    if (!next.supersedes().isEmpty() && next.supersedes() != oldId)
        return invalid(
            QStringLiteral("%1 says it supersedes '%2', not '%3'").arg(next.id, next.supersedes(), oldId),
            next.where(QStringLiteral("supersedes")));
    auto blob = derivationevents::sourceBlob(file);
    if (!blob.ok())
        return blob.error();
    QList<NewEvent> events;
    events << attachmentEvent(blob.value(), {});
    events << derivationevents::imported(next, file, blob->sha256, oldId, m_clock);
    NewEvent sup;
    sup.kind = QStringLiteral("derivation.superseded");
    sup.tsMs = m_clock();
    sup.payload["record"] = oldId;
    sup.payload["by"] = next.id;
    sup.payload["reason"] = why.value();
    sup.payload["s03_notification_required"] = old->handedToS03;
    const QString oldTier = old->record.costTier(), newTier = next.costTier();
    sup.payload["cost_tier_change"] =
        oldTier == newTier
            ? QString()
            : QStringLiteral("%1 → %2: lockability re-evaluated as %3")
                  .arg(oldTier.isEmpty() ? QStringLiteral("none") : oldTier,
                       newTier.isEmpty() ? QStringLiteral("none") : newTier, next.lockability());
    events << sup;
    events +=
        derivationevents::invalidations(book.value(), oldId, why.value(),
                                        QStringLiteral("superseded by %1").arg(next.id), m_clock, {next.id});
    return withoutAttachments(appendAct(events, {blob.value()}));
}

Result<QList<StoredEvent>> DerivationActions::invalidate(const QString &id, const QString &reason) {
    return decidedOnTheLog<QList<StoredEvent>>([&] { return invalidateOnce(id, reason); });
}

Result<QList<StoredEvent>> DerivationActions::invalidateOnce(const QString &id, const QString &reason) {
    auto book = bookWith(id);
    if (!book.ok())
        return book.error();
    const RecordState *r = book->record(id);
    auto why = oneText(reason, QStringLiteral("--reason"));
    if (!why.ok())
        return why.error();
    if (const std::optional<Error> no = refusalOf(Action::Invalidate, r))
        return deny(Action::Invalidate, id, *no);
    return appendAct(
        derivationevents::invalidations(book.value(), id, why.value(), QStringLiteral("rollback"), m_clock));
}

Result<StoredEvent> DerivationActions::declareCharter(const QStringList &values) {
    QStringList clean;
    for (const QString &v : values) {
        auto t = oneText(v, QStringLiteral("charter value"), 200);
        if (!t.ok())
            return t.error();
        if (clean.contains(t.value()))
            return invalid(QStringLiteral("charter value '%1' is named twice").arg(t.value()),
                           QStringLiteral("NAME"))
                .said(QStringLiteral("charter.twice"), {t.value()});
        clean << t.value();
    }
    if (clean.isEmpty())
        return invalid(QStringLiteral("name at least one charter value"), QStringLiteral("NAME"))
            .said(QStringLiteral("charter.empty"), {});
    if (const std::optional<Error> no = refusalOf(Action::Charter))
        return deny(Action::Charter, {}, *no);
    NewEvent e;
    e.kind = QStringLiteral("handoff.charter");
    e.tsMs = m_clock();
    e.payload["values"] = stringsJson(clean);
    return appendOne(std::move(e));
}

Result<StoredEvent> DerivationActions::recordThreats(const QStringList &threats) {
    QStringList clean;
    for (const QString &t : threats) {
        auto x = oneText(t, QStringLiteral("threat to validity"));
        if (!x.ok())
            return x.error();
        clean << x.value();
    }
    if (const std::optional<Error> no = refusalOf(Action::Threats))
        return deny(Action::Threats, {}, *no);
    NewEvent e;
    e.kind = QStringLiteral("handoff.threats");
    e.tsMs = m_clock();
    e.payload["threats"] = stringsJson(clean);
    return appendOne(std::move(e));
}

Result<QList<StoredEvent>> DerivationActions::attest(bool forbiddenRun, const QString &statement) {
    return decidedOnTheLog<QList<StoredEvent>>([&] { return attestOnce(forbiddenRun, statement); });
}

Result<QList<StoredEvent>> DerivationActions::attestOnce(bool forbiddenRun, const QString &statement) {
    QString text = statement.trimmed();
    if (forbiddenRun) {
        auto t = oneText(statement, QStringLiteral("--forbidden-run"));
        if (!t.ok())
            return t.error();
        text = t.value();
    } else if (text.isEmpty()) {
        text = QStringLiteral(
            "No training run, Airflow launch, cluster job, Phase-2 predictive run, model selection "
            "or threshold selection occurred during S02.");
    }
    if (const std::optional<Error> no = refusalOf(Action::Attest))
        return deny(Action::Attest, {}, *no);
    auto book = DerivationBook::load(m_store);
    if (!book.ok())
        return book.error();
    QList<NewEvent> events;
    NewEvent e;
    e.kind = QStringLiteral("handoff.attested");
    e.tsMs = m_clock();
    e.payload["forbidden_run"] = forbiddenRun;
    e.payload["statement"] = text;
    events << e;
    if (forbiddenRun)
        events += derivationevents::forbiddenRunInvalidations(book.value(), text, m_clock);
    return appendAct(events);
}

bool verifyRecordSignature(const RecordState &state, const crypto::PublicKey &key) {
    if (!state.signature)
        return false;
    const std::string expected = DerivationSignature::statement(state.record, state.signature->signer,
                                                                state.signature->keyFingerprint);
    if (expected != state.signature->statement || key.fingerprint() != state.signature->keyFingerprint)
        return false;
    return key.verify(QByteArrayView(expected.data(), static_cast<qsizetype>(expected.size())),
                      state.signature->signature);
}

} // namespace ops
