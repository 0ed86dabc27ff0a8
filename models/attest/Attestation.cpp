#include "Attestation.h"

#include "crypto/SignedNote.h"

#include "core/CanonicalJson.h"
#include "crypto/Sha256.h"
#include "store/EvidenceStore.h"
#include "store/EvidenceTypes.h"

#include <QRegularExpression>
#include <QSet>

namespace ops {

namespace {

Result<QByteArray> strictBase64(const QString &text, const QString &field, const QString &source) {
    const QByteArray ascii = text.toLatin1();
    auto decoded = QByteArray::fromBase64Encoding(ascii, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.toBase64() != ascii)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("%1: not canonical standard base64").arg(field), source);
    return decoded.decoded;
}

// Names printed to a person: no control or formatting characters that could rewrite a terminal line.
bool printable(const QString &s) {
    for (QChar c : s)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
            c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            return false;
    return s.size() <= 200;
}

bool isHex64(const QString &s) {
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}\\z"));
    return hex.match(s).hasMatch();
}

} // namespace

namespace dsse {

QByteArray pae(const QString &payloadType, const QByteArray &payload) {
    const QByteArray type = payloadType.toUtf8();
    QByteArray out("DSSEv1 ");
    out += QByteArray::number(type.size()) + ' ' + type + ' ' + QByteArray::number(payload.size()) + ' ';
    out += payload;
    return out;
}

QByteArray Envelope::toJson() const {
    JsonValue o = JsonValue::object();
    o["payloadType"] = payloadType;
    o["payload"] = QString::fromLatin1(payload.toBase64());
    JsonValue sigs = JsonValue::array();
    for (const Signature &s : signatures) {
        JsonValue x = JsonValue::object();
        x["keyid"] = s.keyid;
        x["sig"] = QString::fromLatin1(s.sig.toBase64());
        sigs.push(x);
    }
    o["signatures"] = sigs;
    return QByteArray::fromStdString(CanonicalJson::serialize(o)) + '\n';
}

Result<Envelope> Envelope::parse(QByteArrayView bytes, const QString &source) {
    if (bytes.size() > kMaxEnvelopeBytes)
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("larger than %1 MiB: not an attestation").arg(kMaxEnvelopeBytes >> 20), source);
    QByteArrayView text = bytes;
    while (!text.isEmpty() && (text.back() == '\n' || text.back() == '\r'))
        text.chop(1);
    auto json = CanonicalJson::parse(std::string_view(text.data(), size_t(text.size())), 16);
    if (!json.ok())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("not a DSSE envelope: %1").arg(json.error().message), source);
    const JsonValue &o = json.value();
    if (!o.isObject())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("not a DSSE envelope: not a JSON object"),
                         source);
    for (const auto &[key, value] : o.toObject())
        if (key != "payloadType" && key != "payload" && key != "signatures")
            return makeError(
                ErrorCode::InvalidInput,
                QStringLiteral("%1: unknown field of a DSSE envelope").arg(QString::fromStdString(key)),
                source);
    const JsonValue *type = o.find("payloadType");
    const JsonValue *payload = o.find("payload");
    const JsonValue *sigs = o.find("signatures");
    if (!type || !type->isString())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("payloadType: missing or not a string"),
                         source);
    if (!payload || !payload->isString())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("payload: missing or not a string"), source);
    if (!sigs || !sigs->isArray())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("signatures: missing or not an array"),
                         source);
    if (sigs->toArray().size() > 64)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("signatures: more than 64"), source);
    Envelope env;
    env.payloadType = type->toQString();
    auto body = strictBase64(payload->toQString(), QStringLiteral("payload"), source);
    if (!body.ok())
        return body.error();
    env.payload = body.value();
    int i = 0;
    for (const JsonValue &s : sigs->toArray()) {
        const QString field = QStringLiteral("signatures[%1]").arg(i++);
        if (!s.isObject())
            return makeError(ErrorCode::InvalidInput, field + QStringLiteral(": not an object"), source);
        for (const auto &[key, value] : s.toObject())
            if (key != "keyid" && key != "sig")
                return makeError(
                    ErrorCode::InvalidInput,
                    QStringLiteral("%1.%2: unknown field").arg(field, QString::fromStdString(key)), source);
        const JsonValue *keyid = s.find("keyid");
        const JsonValue *sig = s.find("sig");
        if (!keyid || !keyid->isString() || !sig || !sig->isString())
            return makeError(ErrorCode::InvalidInput, field + QStringLiteral(": needs keyid and sig strings"),
                             source);
        auto raw = strictBase64(sig->toQString(), field + QStringLiteral(".sig"), source);
        if (!raw.ok())
            return raw.error();
        env.signatures << Signature{keyid->toQString(), raw.value()};
    }
    return env;
}

} // namespace dsse

JsonValue AttestationSigner::toJson() const {
    JsonValue o = JsonValue::object();
    o["role"] = role;
    o["identity"] = identity;
    o["key_fingerprint"] = fingerprint;
    o["public_key"] = QString::fromLatin1(publicKey.toBase64());
    return o;
}

JsonValue AttestationSubject::toJson() const {
    JsonValue o = JsonValue::object();
    o["name"] = name;
    JsonValue d = JsonValue::object();
    d["sha256"] = sha256;
    o["digest"] = d;
    return o;
}

namespace InToto {

JsonValue statement(const QList<AttestationSubject> &subjects, const QString &predicateType,
                    JsonValue predicate, const QList<AttestationSigner> &signers) {
    JsonValue st = JsonValue::object();
    st["_type"] = kStatementType;
    JsonValue subj = JsonValue::array();
    for (const AttestationSubject &s : subjects)
        subj.push(s.toJson());
    st["subject"] = subj;
    st["predicateType"] = predicateType;
    JsonValue list = JsonValue::array();
    for (const AttestationSigner &s : signers)
        list.push(s.toJson());
    predicate["opsconsole"]["signers"] = list;
    st["predicate"] = std::move(predicate);
    return st;
}

AttestationSigner signerOf(const Signer &signer, const QString &role) {
    const crypto::PublicKey pub = signer.key.publicKey();
    return AttestationSigner{role, signer.name, pub.fingerprint(), pub.raw()};
}

Result<dsse::Envelope> create(const JsonValue &statement, const Signer &signer) {
    dsse::Envelope env;
    env.payloadType = QString::fromLatin1(dsse::kInTotoPayloadType);
    env.payload = QByteArray::fromStdString(CanonicalJson::serialize(statement));
    if (auto added = addSignature(env, signer); !added.ok())
        return added.error();
    return env;
}

Result<void> addSignature(dsse::Envelope &envelope, const Signer &signer) {
    const QString mine = signer.key.publicKey().fingerprint();
    // What is there must hold before anyone adds to it; a pin is not needed for that, only the
    // keys the statement names.
    auto statement = CanonicalJson::parse(envelope.payload.toStdString(), 64);
    if (!statement.ok())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("the attestation's statement is not JSON"));
    bool named = false;
    QList<QPair<QString, crypto::PublicKey>> keys;
    if (const JsonValue *p = statement->find("predicate"))
        if (const JsonValue *o = p->find("opsconsole"))
            if (const JsonValue *list = o->find("signers"))
                for (const JsonValue &s : list->toArray()) {
                    auto raw = QByteArray::fromBase64(s.stringAt("public_key").toLatin1());
                    auto key = crypto::PublicKey::fromRaw(raw);
                    if (key.ok())
                        keys << qMakePair(key->fingerprint(), key.value());
                    named = named || s.stringAt("key_fingerprint") == mine;
                }
    if (!named)
        return makeError(ErrorCode::Policy,
                         QStringLiteral("%1 (%2) is not one of the signers this attestation names")
                             .arg(signer.name, mine));
    const QByteArray message = dsse::pae(envelope.payloadType, envelope.payload);
    for (const dsse::Signature &s : envelope.signatures) {
        if (s.keyid == mine)
            return makeError(ErrorCode::Policy,
                             QStringLiteral("%1 has signed this attestation already").arg(signer.name));
        bool ok = false;
        for (const auto &[fp, key] : keys)
            ok = ok || (fp == s.keyid && key.verify(message, s.sig));
        if (!ok)
            return makeError(
                ErrorCode::Negative,
                QStringLiteral("the signature of %1 does not verify: nothing was added").arg(s.keyid));
    }
    const QByteArray sig = signer.key.sign(message);
    if (sig.size() != 64)
        return makeError(ErrorCode::Store, QStringLiteral("signing failed"));
    envelope.signatures << dsse::Signature{mine, sig};
    return {};
}

Result<StoredEvent> record(EvidenceStore &store, const Signer &signer, const dsse::Envelope &envelope,
                           const QString &about, const QString &scope) {
    auto statement = CanonicalJson::parse(envelope.payload.toStdString(), 64);
    if (!statement.ok())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("the attestation's statement is not JSON"));
    const QString statementSha = crypto::sha256Hex(envelope.payload);
    auto blob = makeBlob(QStringLiteral("attestation-%1.intoto.json").arg(statementSha.left(12)),
                         envelope.toJson(), QStringLiteral("application/vnd.dsse.envelope.v1+json"));
    if (!blob.ok())
        return blob.error();
    NewEvent e;
    e.kind = QStringLiteral("attestation.signed");
    e.scope = scope;
    e.payload["about"] = about;
    e.payload["statement_sha256"] = statementSha;
    e.payload["predicate_type"] = statement->stringAt("predicateType");
    const JsonValue *p = statement->find("predicate");
    QString result = p ? p->stringAt("verificationResult") : QString();
    if (result.isEmpty() && p)
        result = p->stringAt("result");
    e.payload["result"] = result;
    e.payload["subjects"] =
        statement->find("subject") ? qint64(statement->find("subject")->toArray().size()) : 0;
    e.payload["key_fingerprint"] = signer.key.publicKey().fingerprint();
    e.payload["signatures"] = qint64(envelope.signatures.size());
    e.payload["envelope_sha256"] = blob->sha256;
    auto out = store.append(signer, {attachmentEvent(blob.value(), scope), e}, {blob.value()});
    if (!out.ok())
        return out.error();
    return out->last();
}

} // namespace InToto

JsonValue AttestationReport::toJson() const {
    JsonValue o = JsonValue::object();
    o["valid"] = valid;
    o["predicate_type"] = predicateType;
    o["result"] = result.isEmpty() ? JsonValue() : JsonValue(result);
    JsonValue subj = JsonValue::array();
    for (const AttestationSubject &s : subjects)
        subj.push(s.toJson());
    o["subjects"] = subj;
    JsonValue sig = JsonValue::array();
    for (const AttestationSigner &s : signers) {
        JsonValue x = s.toJson();
        x["signed"] = signedBy.contains(s.fingerprint);
        sig.push(x);
    }
    o["signers"] = sig;
    JsonValue missing = JsonValue::array();
    for (const QString &m : missingSigners)
        missing.push(m);
    o["missing_signers"] = missing;
    JsonValue checks_ = JsonValue::array();
    for (const AttestationCheck &c : checks) {
        JsonValue x = JsonValue::object();
        x["name"] = c.name;
        x["ok"] = c.ok;
        x["detail"] = c.detail;
        checks_.push(x);
    }
    o["checks"] = checks_;
    return o;
}

Result<AttestationReport> verifyAttestation(QByteArrayView envelopeBytes, const QStringList &pins,
                                            const QString &source) {
    auto env = dsse::Envelope::parse(envelopeBytes, source);
    if (!env.ok())
        return env.error();
    AttestationReport r;
    auto check = [&](const QString &name, bool ok, const QString &detail) {
        r.checks << AttestationCheck{name, ok, detail};
        return ok;
    };
    if (!check(QStringLiteral("payload type"), env->payloadType == QLatin1String(dsse::kInTotoPayloadType),
               env->payloadType))
        return r;
    auto st = CanonicalJson::parse(env->payload.toStdString(), 64);
    if (!check(QStringLiteral("statement"), st.ok(),
               st.ok() ? QStringLiteral("in-toto Statement v1") : st.error().message))
        return r;
    r.statement = st.value();
    const JsonValue &s = r.statement;
    const JsonValue *predicate = s.find("predicate");
    if (!check(QStringLiteral("statement"),
               s.stringAt("_type") == QLatin1String(InToto::kStatementType) && predicate &&
                   predicate->isObject() && !s.stringAt("predicateType").isEmpty(),
               QStringLiteral("_type, predicateType and predicate")))
        return r;
    r.predicateType = s.stringAt("predicateType");
    bool subjectsOk = s.find("subject") && !s.find("subject")->toArray().empty();
    for (const JsonValue &x : s.find("subject") ? s.find("subject")->toArray() : JsonValue::Array{}) {
        const JsonValue *d = x.find("digest");
        const QString sha = d ? d->stringAt("sha256") : QString();
        subjectsOk =
            subjectsOk && !x.stringAt("name").isEmpty() && printable(x.stringAt("name")) && isHex64(sha);
        r.subjects << AttestationSubject{x.stringAt("name"), sha};
    }
    if (!check(QStringLiteral("subjects"), subjectsOk,
               QStringLiteral("%1 subject(s), each with a name and a SHA-256").arg(r.subjects.size())))
        return r;
    r.result = predicate->stringAt("verificationResult");
    if (r.result.isEmpty())
        r.result = predicate->stringAt("result");

    // The signers the statement names: each key must match its fingerprint.
    QList<crypto::PublicKey> keys;
    QSet<QString> seen;
    bool signersOk = true;
    QString signersDetail;
    const JsonValue *ext = predicate->find("opsconsole");
    const JsonValue *list = ext ? ext->find("signers") : nullptr;
    for (const JsonValue &x : list ? list->toArray() : JsonValue::Array{}) {
        auto raw = strictBase64(x.stringAt("public_key"), QStringLiteral("public_key"), source);
        AttestationSigner a{x.stringAt("role"), x.stringAt("identity"), x.stringAt("key_fingerprint"),
                            raw.ok() ? raw.value() : QByteArray()};
        auto key = crypto::PublicKey::fromRaw(a.publicKey);
        if (!key.ok() || key->fingerprint() != a.fingerprint || seen.contains(a.fingerprint) ||
            a.identity.isEmpty() || !printable(a.identity) || !printable(a.role) || r.signers.size() >= 64) {
            signersOk = false;
            signersDetail = QStringLiteral("signer %1 (%2): key and fingerprint disagree, named twice, a "
                                           "name with control characters, or over 64 signers")
                                .arg(a.identity, a.fingerprint);
        }
        seen.insert(a.fingerprint);
        r.signers << a;
        keys << (key.ok() ? key.value() : crypto::PublicKey());
    }
    if (r.signers.isEmpty())
        signersOk = false, signersDetail = QStringLiteral("the statement names no signer");
    if (!check(QStringLiteral("signers named"), signersOk,
               signersOk ? QStringLiteral("%1 signer(s)").arg(r.signers.size()) : signersDetail))
        return r;

    const QByteArray message = dsse::pae(env->payloadType, env->payload);
    QStringList bad;
    for (const dsse::Signature &sig : env->signatures) {
        int at = -1;
        for (int i = 0; i < r.signers.size(); ++i)
            if (r.signers[i].fingerprint == sig.keyid)
                at = i;
        if (at < 0) {
            bad << QStringLiteral("%1 is not named by the statement").arg(sig.keyid);
            continue;
        }
        if (r.signedBy.contains(sig.keyid)) {
            bad << QStringLiteral("%1 signed twice").arg(sig.keyid);
            continue;
        }
        if (!keys[at].verify(message, sig.sig)) {
            bad << QStringLiteral("the signature of %1 (%2) does not verify")
                       .arg(r.signers[at].identity, sig.keyid);
            continue;
        }
        r.signedBy << sig.keyid;
    }
    check(QStringLiteral("signatures"), bad.isEmpty() && !env->signatures.isEmpty(),
          bad.isEmpty()
              ? QStringLiteral("%1 valid Ed25519 signature(s) over the DSSE PAE").arg(r.signedBy.size())
              : bad.join(QStringLiteral("; ")));
    for (const AttestationSigner &a : r.signers)
        if (!r.signedBy.contains(a.fingerprint))
            r.missingSigners << QStringLiteral("%1 (%2, %3)").arg(a.identity, a.role, a.fingerprint);
    check(QStringLiteral("every signer signed"), r.missingSigners.isEmpty(),
          r.missingSigners.isEmpty()
              ? QStringLiteral("all %1").arg(r.signers.size())
              : QStringLiteral("missing: ") + r.missingSigners.join(QStringLiteral(", ")));
    QStringList unpinned;
    for (const QString &p : pins)
        if (!r.signedBy.contains(p))
            unpinned << p;
    check(QStringLiteral("pinned"), !pins.isEmpty() && unpinned.isEmpty(),
          pins.isEmpty() ? QStringLiteral("no --pin given: the keys only vouch for each other")
          : unpinned.isEmpty()
              ? QStringLiteral("signed by %1").arg(pins.join(QStringLiteral(", ")))
              : QStringLiteral("no valid signature by %1").arg(unpinned.join(QStringLiteral(", "))));
    // The checkpoint the statement says it was computed at: its signed note must say the same
    // size and root, and a signature by a signer the statement names must verify.
    if (const JsonValue *cp = ext ? ext->find("checkpoint") : nullptr; cp && cp->isObject()) {
        const std::string text = cp->stringAt("signed_note").toStdString();
        auto note = crypto::note::parse(text);
        auto body = note.ok() ? crypto::note::parseCheckpoint(note->body)
                              : Result<crypto::note::CheckpointBody>(note.error());
        const JsonValue *size = cp->find("size");
        const bool same = body.ok() && size && quint64(size->toInt()) == body->size &&
                          QString::fromLatin1(body->root.toBase64()) == cp->stringAt("root_hash");
        QString by;
        bool badSignature = false;
        if (same)
            for (const crypto::note::NoteSignature &sig : note->signatures)
                for (int i = 0; i < r.signers.size(); ++i)
                    if (r.signers[i].identity == sig.name && !keys[i].isNull()) {
                        if (crypto::note::verifies(note->body, sig, sig.name, keys[i]))
                            by = sig.name;
                        else
                            badSignature = true;
                    }
        check(QStringLiteral("checkpoint"), same && !badSignature,
              !body.ok() ? QStringLiteral("the signed note is not a checkpoint: %1").arg(body.error().message)
              : !same    ? QStringLiteral("the signed note says size %1, the statement %2 (or another root)")
                            .arg(body->size)
                            .arg(size ? size->toInt() : -1)
              : badSignature ? QStringLiteral("a checkpoint signature by a named signer does not verify")
              : !by.isEmpty()
                  ? QStringLiteral("size %1, signed by %2").arg(body->size).arg(by)
                  : QStringLiteral("size %1, signed by a key the statement does not name: check it against "
                                   "the log (evidence consistency)")
                        .arg(body->size));
    } else if (r.predicateType == QLatin1String(InToto::kVsaType)) {
        // A launch decision is worth only as much as the log it was computed from: a summary that
        // names no checkpoint cannot be checked against the log, so it does not verify.
        check(QStringLiteral("checkpoint"), false,
              QStringLiteral("the verification summary names no checkpoint it was computed at"));
    }
    r.valid = std::all_of(r.checks.begin(), r.checks.end(), [](const AttestationCheck &c) { return c.ok; });
    return r;
}

} // namespace ops
