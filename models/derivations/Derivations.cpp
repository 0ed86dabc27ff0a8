#include "Derivations.h"

#include "core/CanonicalJson.h"
#include "core/Time.h"
#include "store/EvidenceStore.h"

namespace ops {

QString recordStatusName(RecordStatus status) {
    switch (status) {
    case RecordStatus::InReview:
        return QStringLiteral("in-review");
    case RecordStatus::Accepted:
        return QStringLiteral("accepted");
    case RecordStatus::Rejected:
        return QStringLiteral("rejected");
    case RecordStatus::Signed:
        return QStringLiteral("signed");
    case RecordStatus::Superseded:
        return QStringLiteral("superseded");
    case RecordStatus::Invalidated:
        return QStringLiteral("invalidated");
    }
    return {};
}

std::optional<RecordStatus> recordStatusFrom(const QString &name) {
    for (RecordStatus s : {RecordStatus::InReview, RecordStatus::Accepted, RecordStatus::Rejected,
                           RecordStatus::Signed, RecordStatus::Superseded, RecordStatus::Invalidated})
        if (recordStatusName(s) == name)
            return s;
    return std::nullopt;
}

bool RecordState::eligibleForLock() const {
    return blocksS03().isEmpty();
}

QString RecordState::blocksS03() const {
    if (record.isInfeasible())
        return QStringLiteral("typed INFEASIBLE (%1)").arg(record.reason());
    if (status == RecordStatus::Rejected)
        return QStringLiteral("rejected in review");
    if (status != RecordStatus::Signed)
        return QStringLiteral("unsigned (%1)").arg(recordStatusName(status));
    const QString tier = record.costTier();
    if (tier == QLatin1String("C"))
        return QStringLiteral("Tier C: non-lockable context only");
    if (tier == QLatin1String("D"))
        return QStringLiteral("Tier D: unsupported");
    if (record.lockability() != QLatin1String("lockable"))
        return record.lockability();
    return {};
}

JsonValue RecordState::toJson() const {
    const RecordState &s = *this;
    JsonValue o = JsonValue::object();
    const DerivationRecord &r = s.record;
    o["id"] = r.id;
    o["type"] = recordTypeName(r.type);
    o["story"] = r.story();
    o["value_name"] = r.valueName();
    o["record_sha256"] = s.recordSha256;
    o["status"] = recordStatusName(s.status);
    o["author"] = r.author();
    o["imported_by"] = s.importer;
    o["file"] = s.file;
    o["supersedes"] = s.supersedes.isEmpty() ? r.supersedes() : s.supersedes;
    if (r.isInfeasible()) {
        o["reason"] = r.reason();
        o["allowed_next_action"] = r.text("allowed_next_action");
        o["required_remediation_artifact"] = r.text("required_remediation_artifact");
        o["blocked_downstream"] = r.text("blocked_downstream");
    } else {
        o["value"] = r.text("value");
        o["units"] = r.text("units");
        o["cost_tier"] = r.costTier();
        o["lockability"] = r.lockability();
    }
    JsonValue review = JsonValue::object();
    if (const ReviewEntry *rv = s.lastReview()) {
        review["decision"] = rv->accepted ? "accepted" : "rejected";
        review["reviewer"] = rv->actor;
        review["reason"] = rv->reason;
        review["at"] = Time::toIso(rv->tsMs);
    } else {
        review["decision"] = "pending";
        review["reviewer"] = r.reviewer();
    }
    o["review"] = review;
    JsonValue notes = JsonValue::array();
    for (const NoteEntry &n : s.riskNotes) {
        JsonValue x = JsonValue::object();
        x["by"] = n.actor;
        x["note"] = n.text;
        x["at"] = Time::toIso(n.tsMs);
        notes.push(x);
    }
    o["risk_owner_notes"] = notes;
    if (s.signature) {
        JsonValue sig = JsonValue::object();
        sig["signer"] = s.signature->signer;
        sig["key"] = s.signature->keyFingerprint;
        sig["at"] = Time::toIso(s.signature->tsMs);
        o["signature"] = sig;
    } else {
        o["signature"] = nullptr;
    }
    return o;
}

// ---- DerivationBook ----

QStringList DerivationBook::kindPrefixes() {
    return {QStringLiteral("derivation."), QStringLiteral("handoff.")};
}

Result<DerivationBook> DerivationBook::load(const EvidenceStore &store) {
    auto all = eventsWithKindPrefixes(store, kindPrefixes());
    if (!all.ok())
        return all.error();
    DerivationBook book;
    for (const StoredEvent &e : all.value())
        book.apply(e);
    return book;
}

RecordState *DerivationBook::mutableRecord(const QString &id) {
    const auto it = m_index.constFind(id);
    return it == m_index.constEnd() ? nullptr : &m_records[*it];
}

const RecordState *DerivationBook::record(const QString &id) const & {
    const auto it = m_index.constFind(id);
    return it == m_index.constEnd() ? nullptr : &m_records.at(*it);
}

QList<const RecordState *> DerivationBook::live() const & {
    QList<const RecordState *> out;
    for (const RecordState &r : m_records)
        if (r.isLive())
            out << &r;
    return out;
}

QList<DerivationRecord> DerivationBook::liveRecords() const {
    QList<DerivationRecord> out;
    for (const RecordState &r : m_records)
        if (r.isLive())
            out << r.record;
    return out;
}

QStringList DerivationBook::dependents(const QString &id) const {
    QStringList out;
    QStringList frontier{id};
    while (!frontier.isEmpty()) {
        const QString current = frontier.takeFirst();
        for (const RecordState &r : m_records) {
            if (!r.isLive() || out.contains(r.record.id) || r.record.id == id)
                continue;
            if (r.record.references().contains(current)) {
                out << r.record.id;
                frontier << r.record.id;
            }
        }
    }
    return out;
}

namespace {
QStringList stringList(const JsonValue *v) {
    QStringList out;
    if (v)
        for (const JsonValue &x : v->toArray())
            out << x.toQString();
    return out;
}
} // namespace

void DerivationBook::apply(const StoredEvent &e) {
    m_lastSeq = std::max(m_lastSeq, e.seq);
    const JsonValue p = e.payload();
    const QString kind = e.kind;
    const QString id = p.stringAt("record");
    auto note = [&](const QString &text) { return NoteEntry{e.seq, e.tsMs, e.actor, text}; };

    if (kind == QLatin1String("derivation.imported")) {
        const JsonValue *rec = p.find("record");
        auto record = rec ? DerivationRecord::fromJson(*rec) : std::nullopt;
        if (!record || m_index.contains(record->id))
            return;
        RecordState s;
        s.record = *record;
        s.record.file = p.stringAt("file");
        s.record.line = static_cast<int>(p.find("line") ? p.find("line")->toInt() : 0);
        s.recordSha256 = p.stringAt("record_sha256");
        s.file = p.stringAt("file");
        s.fileSha256 = p.stringAt("file_sha256");
        s.importedSeq = e.seq;
        s.importedMs = e.tsMs;
        s.importer = e.actor;
        s.supersedes = p.stringAt("supersedes");
        m_index.insert(s.record.id, static_cast<int>(m_records.size()));
        m_records.push_back(std::move(s));
        return;
    }
    if (kind == QLatin1String("derivation.denied")) {
        m_denied.push_back({e.seq, e.tsMs, e.actor, p.stringAt("action"), id, p.stringAt("reason")});
        return;
    }
    if (kind == QLatin1String("handoff.charter")) {
        m_charter = stringList(p.find("values"));
        m_charterActor = e.actor;
        return;
    }
    if (kind == QLatin1String("handoff.threats")) {
        m_threats = stringList(p.find("threats"));
        m_threatsActor = e.actor;
        return;
    }
    if (kind == QLatin1String("handoff.attested")) {
        m_attestation =
            Attestation{e.seq, e.tsMs, e.actor, p.find("forbidden_run") && p.find("forbidden_run")->toBool(),
                        p.stringAt("statement")};
        return;
    }
    if (kind == QLatin1String("handoff.exported")) {
        m_lastExportSeq = e.seq;
        for (const QString &r : stringList(p.find("records")))
            if (RecordState *s = mutableRecord(r))
                s->handedToS03 = true;
        return;
    }
    RecordState *s = mutableRecord(id);
    if (!s)
        return;
    if (kind == QLatin1String("derivation.reviewed")) {
        const bool accepted = p.stringAt("decision") == QLatin1String("accepted");
        s->reviews.push_back({e.seq, e.tsMs, e.actor, accepted, p.stringAt("reason")});
        if (s->isLive())
            s->status = accepted ? RecordStatus::Accepted : RecordStatus::Rejected;
    } else if (kind == QLatin1String("derivation.risk-noted")) {
        s->riskNotes.push_back(note(p.stringAt("note")));
    } else if (kind == QLatin1String("derivation.signed")) {
        SignatureEntry sig;
        sig.seq = e.seq;
        sig.tsMs = e.tsMs;
        sig.signer = e.actor;
        sig.keyFingerprint = p.stringAt("key");
        sig.statement = p.stringAt("statement").toStdString();
        sig.signature = QByteArray::fromHex(p.stringAt("signature").toLatin1());
        s->signature = sig;
        if (s->isLive())
            s->status = RecordStatus::Signed;
    } else if (kind == QLatin1String("derivation.superseded")) {
        s->status = RecordStatus::Superseded;
        s->supersededBy = p.stringAt("by");
        s->ended = note(p.stringAt("reason"));
        s->s03NotificationRequired = s->handedToS03;
    } else if (kind == QLatin1String("derivation.invalidated")) {
        s->status = RecordStatus::Invalidated;
        s->ended = note(p.stringAt("reason"));
        s->s03NotificationRequired = s->handedToS03;
    }
}

// ---- signatures ----

namespace DerivationSignature {

QString type() {
    return QStringLiteral("opsconsole.derivation-signature/1");
}

std::string statement(const DerivationRecord &record, const QString &signer, const QString &keyFingerprint) {
    JsonValue o = JsonValue::object();
    o["type"] = type();
    o["record"] = record.id;
    o["record_type"] = recordTypeName(record.type);
    o["record_sha256"] = record.sha256();
    o["story"] = record.story();
    o["git_sha"] = record.gitSha();
    JsonValue inputs = JsonValue::array();
    for (const QString &h : record.inputHashes())
        inputs.push(h);
    o["input_hashes"] = inputs;
    o["signer"] = signer;
    o["key"] = keyFingerprint;
    return CanonicalJson::serialize(o);
}

} // namespace DerivationSignature

// ---- handoff status ----

QStringList HandoffStatus::missing() const {
    QStringList out;
    for (const HandoffCriterion &c : criteria)
        if (!c.ok)
            out << QStringLiteral("%1: %2").arg(c.title, c.detail);
    return out;
}

JsonValue HandoffStatus::toJson() const {
    JsonValue o = JsonValue::object();
    o["complete"] = complete;
    JsonValue crit = JsonValue::array();
    for (const HandoffCriterion &c : criteria) {
        JsonValue x = JsonValue::object();
        x["id"] = c.id;
        x["title"] = c.title;
        x["ok"] = c.ok;
        x["detail"] = c.detail;
        crit.push(x);
    }
    o["criteria"] = crit;
    JsonValue vals = JsonValue::array();
    for (const CharterValue &v : values) {
        JsonValue x = JsonValue::object();
        x["name"] = v.name;
        x["state"] = v.state;
        x["record"] = v.settledBy ? JsonValue(v.settledBy->record.id) : JsonValue(nullptr);
        x["detail"] = v.detail;
        vals.push(x);
    }
    o["values"] = vals;
    JsonValue eligibleJson = JsonValue::array();
    for (const RecordState *r : eligible) {
        JsonValue x = JsonValue::object();
        x["record"] = r->record.id;
        x["value_name"] = r->record.valueName();
        x["value"] = r->record.text("value");
        x["units"] = r->record.text("units");
        x["cost_tier"] = r->record.costTier();
        eligibleJson.push(x);
    }
    o["eligible_for_s03_lock"] = eligibleJson;
    JsonValue blockingJson = JsonValue::array();
    for (const auto &[r, why] : blocking) {
        JsonValue x = JsonValue::object();
        x["record"] = r->record.id;
        x["value_name"] = r->record.valueName();
        x["reason"] = why;
        blockingJson.push(x);
    }
    o["blocking_s03"] = blockingJson;
    JsonValue notes = JsonValue::array();
    for (const QString &n : notifications)
        notes.push(n);
    o["s03_notifications"] = notes;
    return o;
}

namespace {

bool settles(const RecordState &r, const QString &value, const DerivationBook &book) {
    if (r.record.valueName() == value)
        return true;
    if (!r.record.isInfeasible())
        return false;
    // An INFEASIBLE may name the failed derivation by its id.
    const RecordState *failed = book.record(r.record.valueName());
    return failed && failed->record.valueName() == value;
}

} // namespace

HandoffStatus computeHandoffStatus(const DerivationBook &book) {
    HandoffStatus st;
    st.included = book.live();
    for (const RecordState *r : st.included) {
        const QString why = r->blocksS03();
        if (why.isEmpty())
            st.eligible << r;
        else
            st.blocking.push_back({r, why});
    }
    for (const RecordState &r : book.records())
        if (r.s03NotificationRequired)
            st.notifications << QStringLiteral("%1 was handed to S03 and is now %2%3: notify S03 (§10)")
                                    .arg(r.record.id, recordStatusName(r.status),
                                         r.supersededBy.isEmpty() ? QString()
                                                                  : QStringLiteral(" by ") + r.supersededBy);

    // Charter values: the declared ones, or (undeclared) the ones the records name.
    QStringList names;
    if (book.charter()) {
        names = *book.charter();
    } else {
        for (const RecordState *r : st.included)
            if (!r->record.isInfeasible() && !names.contains(r->record.valueName()))
                names << r->record.valueName();
    }
    QStringList unsettled;
    for (const QString &name : names) {
        CharterValue v;
        v.name = name;
        for (const RecordState *r : st.included) {
            if (!settles(*r, name, book))
                continue;
            if (r->status == RecordStatus::Signed) {
                v.settledBy = r;
                v.state = r->record.isInfeasible() ? QStringLiteral("infeasible") : QStringLiteral("signed");
                v.detail =
                    r->record.isInfeasible()
                        ? QStringLiteral("typed INFEASIBLE %1 (%2), next: %3")
                              .arg(r->record.id, r->record.reason(), r->record.text("allowed_next_action"))
                        : QStringLiteral("%1 = %2 %3, tier %4, %5")
                              .arg(r->record.id, r->record.text("value"), r->record.text("units"),
                                   r->record.costTier(), r->record.lockability());
                break;
            }
            v.state = QStringLiteral("pending");
            v.detail = QStringLiteral("%1 is %2").arg(r->record.id, recordStatusName(r->status));
        }
        if (v.state.isEmpty()) {
            v.state = QStringLiteral("missing");
            v.detail = QStringLiteral("no live record: derive it or record a typed INFEASIBLE");
        }
        if (!v.settledBy)
            unsettled << QStringLiteral("%1 (%2)").arg(name, v.detail);
        st.values << v;
    }

    auto criterion = [&](const char *id, const QString &title, bool ok, const QString &detail) {
        st.criteria.push_back({QLatin1String(id), title, ok, detail});
    };
    criterion("charter-declared", QStringLiteral("Required charter values declared"),
              book.charter().has_value(),
              book.charter() ? QStringLiteral("%1 value(s), declared by %2")
                                   .arg(book.charter()->size())
                                   .arg(book.charterActor())
                             : QStringLiteral("declare them: handoff charter NAME…"));
    criterion("values-settled",
              QStringLiteral("Every value has a signed derivation or a signed typed INFEASIBLE (§14)"),
              book.charter().has_value() && unsettled.isEmpty() && !names.isEmpty(),
              names.isEmpty() ? QStringLiteral("no values yet")
              : unsettled.isEmpty()
                  ? QStringLiteral("%1 value(s) settled").arg(names.size())
                  : QStringLiteral("unsettled: %1").arg(unsettled.join(QStringLiteral("; "))));
    QStringList waiting;
    for (const RecordState *r : st.included)
        if (r->status == RecordStatus::InReview || r->status == RecordStatus::Accepted)
            waiting << QStringLiteral("%1 (%2)").arg(r->record.id, recordStatusName(r->status));
    criterion("review-queue", QStringLiteral("No record waits for review or signature"), waiting.isEmpty(),
              waiting.isEmpty() ? QStringLiteral("queue empty") : waiting.join(QStringLiteral(", ")));
    QStringList noNote;
    for (const RecordState *r : st.included)
        if (r->record.isCostOrCapacity() && r->riskNotes.isEmpty())
            noNote << r->record.id;
    criterion("risk-owner-notes", QStringLiteral("Risk-owner note on every cost or capacity item (§12)"),
              noNote.isEmpty(),
              noNote.isEmpty() ? QStringLiteral("present where needed")
                               : QStringLiteral("missing on %1").arg(noNote.join(QStringLiteral(", "))));
    criterion("threats", QStringLiteral("Unresolved threats to validity recorded by the reviewer"),
              book.threats().has_value(),
              !book.threats() ? QStringLiteral("record them: handoff threats --add TEXT (or --none)")
              : book.threats()->isEmpty()
                  ? QStringLiteral("none, per %1").arg(book.threatsActor())
                  : QStringLiteral("%1 recorded by %2").arg(book.threats()->size()).arg(book.threatsActor()));
    const auto att = book.attestation();
    criterion("no-forbidden-run",
              QStringLiteral("No forbidden run, launcher, training, model or threshold selection occurred"),
              att && !att->forbiddenRun,
              !att ? QStringLiteral("not attested: handoff attest")
              : att->forbiddenRun
                  ? QStringLiteral("FAILED: %1 reported a forbidden run: %2").arg(att->actor, att->statement)
                  : QStringLiteral("attested by %1 at event %2").arg(att->actor).arg(att->seq));
    st.complete =
        std::all_of(st.criteria.cbegin(), st.criteria.cend(), [](const HandoffCriterion &c) { return c.ok; });
    return st;
}

} // namespace ops
