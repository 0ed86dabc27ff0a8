#include "EventCodec.h"
#include "EvidenceStore.h"

#include "core/CanonicalJson.h"
#include "core/Time.h"
#include "crypto/Merkle.h"
#include "crypto/Sha256.h"
#include "crypto/SignedNote.h"

#include <charconv>

namespace ops {

JsonValue StoredEvent::payload() const {
    auto parsed = CanonicalJson::parse(canonical);
    if (!parsed.ok())
        return JsonValue();
    const JsonValue *p = parsed->find("payload");
    return p ? *p : JsonValue();
}

QByteArray StoredEvent::signature() const {
    auto parsed = CanonicalJson::parse(canonical);
    if (!parsed.ok())
        return {};
    const JsonValue *s = parsed->find("signature");
    if (!s || !s->isString())
        return {};
    return QByteArray::fromBase64(QByteArray::fromStdString(s->toStdString()));
}

namespace {

constexpr QLatin1String kTimeExtension("opsconsole-time ");
constexpr QLatin1String kStoreExtension("opsconsole-store ");

// The body of one of our checkpoint notes: origin opsconsole/<store id>, size, root, time; or an
// origin set in the config, size, root, "opsconsole-store <id>", time.
std::optional<Checkpoint> fromNoteBody(const std::string &body) {
    auto parsed = crypto::note::parseCheckpoint(body);
    if (!parsed.ok() || parsed->extensions.isEmpty() || !parsed->extensions.back().startsWith(kTimeExtension))
        return std::nullopt;
    QString storeId;
    if (parsed->origin.startsWith(QLatin1String("opsconsole/")) && parsed->extensions.size() == 1)
        storeId = parsed->origin.mid(11);
    else if (!parsed->origin.startsWith(QLatin1String("opsconsole/")) && parsed->extensions.size() == 2 &&
             parsed->extensions.front().startsWith(kStoreExtension))
        storeId = parsed->extensions.front().mid(kStoreExtension.size());
    if (storeId.isEmpty())
        return std::nullopt;
    const QString when = parsed->extensions.back().mid(kTimeExtension.size());
    const auto ts = Time::parseIso(when);
    if (!ts || Time::toIso(*ts) != when)
        return std::nullopt;
    Checkpoint cp;
    cp.size = parsed->size;
    cp.root = parsed->root;
    cp.tsMs = *ts;
    cp.storeId = storeId;
    cp.canonical = body;
    return cp;
}

} // namespace

std::optional<Checkpoint> Checkpoint::fromCanonical(const std::string &canonical, const QByteArray &signature,
                                                    const QString &signer) {
    if (!canonical.empty() && canonical.front() != '{') {
        if (signature.size() != 68)
            return std::nullopt;
        auto cp = fromNoteBody(canonical);
        if (!cp)
            return std::nullopt;
        cp->signer = signer;
        cp->keyId = signature.left(4);
        cp->signature = signature.mid(4);
        return cp;
    }
    auto parsed = CanonicalJson::parse(canonical);
    if (!parsed.ok() || !parsed->isObject())
        return std::nullopt;
    const JsonValue &o = parsed.value();
    const JsonValue *size = o.find("size");
    const JsonValue *root = o.find("root");
    if (!size || !size->isInt() || size->toInt() < 0 || !root || !root->isString())
        return std::nullopt;
    Checkpoint cp;
    cp.size = static_cast<quint64>(size->toInt());
    cp.root = QByteArray::fromHex(QByteArray::fromStdString(root->toStdString()));
    if (cp.root.size() != 32)
        return std::nullopt;
    const auto ts = Time::parseIso(o.stringAt("ts"));
    if (!ts)
        return std::nullopt;
    cp.tsMs = *ts;
    cp.signer = o.stringAt("signer");
    cp.signerKey = o.stringAt("signer_key");
    cp.storeId = o.stringAt("store");
    cp.canonical = canonical;
    cp.signature = signature;
    return cp;
}

std::optional<Checkpoint> Checkpoint::fromNote(std::string_view text) {
    auto note = crypto::note::parse(text);
    if (!note.ok())
        return std::nullopt;
    auto cp = fromNoteBody(note->body);
    if (!cp)
        return std::nullopt;
    bool found = false;
    for (const crypto::note::NoteSignature &s : note->signatures) {
        if (!found && s.data.size() == 64) {
            found = true;
            cp->signer = s.name;
            cp->keyId = s.keyId;
            cp->signature = s.data;
        } else {
            cp->otherSignatures.append({s.name, s.keyId + s.data});
        }
    }
    if (!found)
        return std::nullopt;
    return cp;
}

std::string Checkpoint::noteText() const {
    if (!isNote())
        return {};
    crypto::note::Note n;
    n.body = canonical;
    n.signatures.append({signer, keyId, signature});
    for (const auto &[name, bytes] : otherSignatures)
        n.signatures.append({name, bytes.left(4), bytes.mid(4)});
    return n.text();
}

bool Checkpoint::signedBy(const crypto::PublicKey &key) const {
    const QByteArrayView bytes(canonical.data(), static_cast<qsizetype>(canonical.size()));
    if (isNote())
        return crypto::note::verifies(canonical, {signer, keyId, signature}, signer, key);
    return key.fingerprint() == signerKey && key.verify(bytes, signature);
}

namespace store::codec {

JsonValue eventObject(quint64 seq, const QString &uuid, qint64 tsMs, const QString &actor,
                      const QString &kind, const QString &scope, const JsonValue &payload) {
    JsonValue o = JsonValue::object();
    o["actor"] = actor;
    o["id"] = uuid;
    o["kind"] = kind;
    o["payload"] = payload;
    o["scope"] = scope;
    o["seq"] = static_cast<qint64>(seq);
    o["ts"] = Time::toIso(tsMs);
    return o;
}

namespace {

// The canonical event, its members in key order; "seq" left out when `seq` is empty.
std::string envelope(std::optional<quint64> seq, std::string_view uuid, qint64 tsMs, std::string_view actor,
                     std::string_view kind, std::string_view scope, std::string_view payloadCanonical,
                     SignatureField field, std::string_view signatureBase64, std::string out = {}) {
    out.reserve(out.size() + payloadCanonical.size() + actor.size() + kind.size() + scope.size() + 200);
    out += "{\"actor\":";
    CanonicalJson::appendString(actor, out);
    out += ",\"id\":";
    CanonicalJson::appendString(uuid, out);
    out += ",\"kind\":";
    CanonicalJson::appendString(kind, out);
    out += ",\"payload\":";
    out += payloadCanonical;
    out += ",\"scope\":";
    CanonicalJson::appendString(scope, out);
    if (seq) {
        out += ",\"seq\":";
        out += std::to_string(*seq);
    }
    if (field == SignatureField::Null) {
        out += ",\"signature\":null";
    } else if (field == SignatureField::Value) {
        out += ",\"signature\":";
        CanonicalJson::appendString(signatureBase64, out);
    }
    out += ",\"ts\":\"";
    out += Time::toIsoStd(tsMs);
    out += "\"}";
    return out;
}

constexpr std::string_view kPositionFreeContext = "opsconsole event v2\n";

void positionFreePrefix(std::string_view storeId, std::string &out) {
    out.assign(kPositionFreeContext);
    out.append(storeId);
    out.push_back('\n');
}

} // namespace

std::string eventBytes(quint64 seq, std::string_view uuid, qint64 tsMs, std::string_view actor,
                       std::string_view kind, std::string_view scope, std::string_view payloadCanonical,
                       SignatureField field, std::string_view signatureBase64) {
    return envelope(seq, uuid, tsMs, actor, kind, scope, payloadCanonical, field, signatureBase64);
}

std::string signedMessage(std::string_view storeId, std::string_view uuid, qint64 tsMs,
                          std::string_view actor, std::string_view kind, std::string_view scope,
                          std::string_view payloadCanonical) {
    std::string out;
    positionFreePrefix(storeId, out);
    return envelope(std::nullopt, uuid, tsMs, actor, kind, scope, payloadCanonical, SignatureField::Omit, {},
                    std::move(out));
}

std::string actMessage(std::string_view storeId, std::string_view outboxId, qint64 n, quint64 basisSize,
                       QByteArrayView basisRoot, qint64 madeMs, const QStringList &uuids) {
    std::string out = "opsconsole outbox act v1\n";
    const auto line = [&out](std::string_view s) {
        out.append(s);
        out.push_back('\n');
    };
    line(storeId);
    line(outboxId);
    line(std::to_string(n));
    line(std::to_string(basisSize));
    line(basisRoot.toByteArray().toBase64().toStdString());
    line(std::to_string(madeMs));
    line(std::to_string(uuids.size()));
    for (const QString &id : uuids)
        line(id.toStdString());
    return out;
}

SignedForm verifiedForm(const crypto::PublicKey &key, std::string_view storeId, std::string_view before,
                        std::string_view after, QByteArrayView signature, std::string &buf) {
    if (key.isNull() || signature.size() != 64)
        return SignedForm::None;
    const auto verifies = [&] {
        return key.verify(QByteArrayView(buf.data(), static_cast<qsizetype>(buf.size())), signature);
    };
    // `before` ends with ,"seq":N — the only place that byte sequence can start outside a string.
    if (const std::size_t seqAt = before.rfind(",\"seq\":"); seqAt != std::string_view::npos) {
        positionFreePrefix(storeId, buf);
        buf.append(before.substr(0, seqAt));
        buf.append(after);
        if (verifies())
            return SignedForm::PositionFree;
    }
    buf.assign(before);
    buf.append(after);
    return verifies() ? SignedForm::Positioned : SignedForm::None;
}

bool validKind(std::string_view kind) {
    // ^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$, at most 64 bytes
    if (kind.empty() || kind.size() > 64 || kind.front() < 'a' || kind.front() > 'z' || kind.back() == '.')
        return false;
    char prev = 0;
    for (char c : kind) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
        if (!ok || (c == '.' && prev == '.'))
            return false;
        prev = c;
    }
    return true;
}

QString checkEnvelope(std::string_view bytes, quint64 seq, std::string_view uuid, qint64 tsMs,
                      std::string_view actor, std::string_view kind, std::string_view scope,
                      bool signedByActor, Envelope &out) {
    // The expected pieces, built in buffers this thread keeps (verify checks every event).
    thread_local std::string prefix, middle, tail;
    prefix.assign("{\"actor\":");
    CanonicalJson::appendString(actor, prefix);
    prefix += ",\"id\":";
    CanonicalJson::appendString(uuid, prefix);
    prefix += ",\"kind\":";
    CanonicalJson::appendString(kind, prefix);
    prefix += ",\"payload\":";
    middle.assign(",\"scope\":");
    CanonicalJson::appendString(scope, middle);
    middle += ",\"seq\":";
    char digits[24];
    const char *end = std::to_chars(digits, digits + sizeof digits, seq).ptr; // 24 hold any 64-bit one
    middle.append(digits, static_cast<std::size_t>(end - digits));
    tail.assign(",\"ts\":\"");
    tail += Time::toIsoStd(tsMs);
    tail += "\"}";
    constexpr std::size_t kSigLen = 88; // base64 of 64 bytes
    const std::string sigOpen = ",\"signature\":";
    const std::size_t sigLen = sigOpen.size() + (signedByActor ? kSigLen + 2 : 4);
    if (bytes.size() < prefix.size() + middle.size() + sigLen + tail.size() + 2)
        return QStringLiteral("event bytes are shorter than their indexed fields");
    if (bytes.substr(0, prefix.size()) != prefix)
        return QStringLiteral("actor, id or kind differs from the indexed columns");
    if (bytes.substr(bytes.size() - tail.size()) != tail)
        return QStringLiteral("time differs from the indexed time");
    const std::size_t sigStart = bytes.size() - tail.size() - sigLen;
    const std::string_view sig = bytes.substr(sigStart, sigLen);
    if (sig.substr(0, sigOpen.size()) != sigOpen)
        return QStringLiteral("signature field is missing or malformed");
    if (signedByActor) {
        if (sig[sigOpen.size()] != '"' || sig.back() != '"')
            return QStringLiteral("signed flag differs from the event");
        out.signatureBase64 = sig.substr(sigOpen.size() + 1, kSigLen);
    } else {
        if (sig.substr(sigOpen.size()) != "null")
            return QStringLiteral("signed flag differs from the event");
        out.signatureBase64 = {};
    }
    if (sigStart < prefix.size() + middle.size() ||
        bytes.substr(sigStart - middle.size(), middle.size()) != middle)
        return QStringLiteral("scope or sequence number differs from the indexed columns");
    out.payload = bytes.substr(prefix.size(), sigStart - middle.size() - prefix.size());
    if (out.payload.size() < 2 || out.payload.front() != '{' || out.payload.back() != '}')
        return QStringLiteral("payload is not a JSON object");
    out.beforeSignature = bytes.substr(0, sigStart);
    out.afterSignature = bytes.substr(sigStart + sigLen);
    return {};
}

std::string withSignature(JsonValue object, const QByteArray &signature) {
    if (signature.isEmpty())
        object["signature"] = nullptr;
    else
        object["signature"] = signature.toBase64().toStdString();
    return CanonicalJson::serialize(object);
}

std::string checkpointNoteBody(quint64 size, const QByteArray &root, qint64 tsMs, const QString &storeId,
                               const QString &origin) {
    crypto::note::CheckpointBody body;
    body.origin = origin.isEmpty() ? Checkpoint::origin(storeId) : origin;
    body.size = size;
    body.root = root;
    if (!origin.isEmpty())
        body.extensions << QString(kStoreExtension) + storeId;
    body.extensions << QString(kTimeExtension) + Time::toIso(tsMs);
    return crypto::note::formatCheckpoint(body);
}

JsonValue checkpointObject(quint64 size, const QByteArray &root, qint64 tsMs, const QString &signer,
                           const QString &signerKey, const QString &storeId) {
    JsonValue o = JsonValue::object();
    o["root"] = root.toHex().toStdString();
    o["signer"] = signer;
    o["signer_key"] = signerKey;
    o["size"] = static_cast<qint64>(size);
    o["store"] = storeId;
    o["ts"] = Time::toIso(tsMs);
    return o;
}

QString readProblem(const StoredEvent &e) {
    const QByteArrayView bytes(e.canonical.data(), static_cast<qsizetype>(e.canonical.size()));
    if (crypto::merkle::leafHash(bytes) != e.leafHash)
        return QStringLiteral("its bytes do not hash to its leaf");
    const QByteArray uuid = e.uuid.toUtf8(), actor = e.actor.toUtf8(), kind = e.kind.toUtf8(),
                     scope = e.scope.toUtf8();
    Envelope env;
    return checkEnvelope(e.canonical, e.seq, std::string_view(uuid.constData(), std::size_t(uuid.size())),
                         e.tsMs, std::string_view(actor.constData(), std::size_t(actor.size())),
                         std::string_view(kind.constData(), std::size_t(kind.size())),
                         std::string_view(scope.constData(), std::size_t(scope.size())), e.signedByActor,
                         env);
}

Result<QByteArray> checkedBlob(QByteArray bytes, const QString &sha256Hex, const QString &where) {
    const QString actual = QString::fromLatin1(crypto::sha256(bytes).toHex());
    if (actual != sha256Hex.toLower())
        return makeError(ErrorCode::Store,
                         QStringLiteral("attachment %1 was changed in the store (its bytes hash to %2); "
                                        "nothing is read from it: evidence verify names it")
                             .arg(sha256Hex.toLower(), actual),
                         where);
    return bytes;
}

Error editedEventError(const StoredEvent &e, const QString &problem, const QString &where) {
    return makeError(ErrorCode::Store,
                     QStringLiteral("event %1 was changed in the store after it was written (%2); nothing "
                                    "is read from it: evidence verify names what else changed")
                         .arg(e.seq)
                         .arg(problem),
                     where);
}

QString columnMismatch(const JsonValue &parsed, const StoredEvent &row) {
    if (!parsed.isObject())
        return QStringLiteral("stored event is not a JSON object");
    const JsonValue *seq = parsed.find("seq");
    if (!seq || !seq->isInt() || static_cast<quint64>(seq->toInt()) != row.seq)
        return QStringLiteral("sequence number in the event (%1) differs from its position")
            .arg(seq ? QString::number(seq->toInt()) : QStringLiteral("missing"));
    if (parsed.stringAt("id") != row.uuid)
        return QStringLiteral("event id differs from the indexed id");
    if (parsed.stringAt("actor") != row.actor)
        return QStringLiteral("actor differs from the indexed actor ('%1' vs '%2')")
            .arg(parsed.stringAt("actor"), row.actor);
    if (parsed.stringAt("kind") != row.kind)
        return QStringLiteral("kind differs from the indexed kind");
    if (parsed.stringAt("scope") != row.scope)
        return QStringLiteral("scope differs from the indexed scope");
    const auto ts = Time::parseIso(parsed.stringAt("ts"));
    if (!ts || *ts != row.tsMs)
        return QStringLiteral("time differs from the indexed time");
    const JsonValue *sig = parsed.find("signature");
    if (!sig || (!sig->isNull() && !sig->isString()))
        return QStringLiteral("signature field is missing or malformed");
    if (sig->isString() != row.signedByActor)
        return QStringLiteral("signed flag differs from the event");
    if (!parsed.find("payload"))
        return QStringLiteral("payload is missing");
    return {};
}

} // namespace store::codec

SignedForm verifiedForm(const crypto::PublicKey &key, const QString &storeId, const StoredEvent &event) {
    if (!event.signedByActor)
        return SignedForm::None;
    // The stored bytes are canonical: the signature member sits between "seq" and "ts".
    const std::string_view bytes = event.canonical;
    const std::size_t sigAt = bytes.rfind(",\"signature\":\"");
    if (sigAt == std::string_view::npos)
        return SignedForm::None;
    const std::size_t sigEnd = bytes.find('"', sigAt + 14);
    if (sigEnd == std::string_view::npos)
        return SignedForm::None;
    // The base64 between the quotes, read from the bytes (no second parse of the event).
    const std::string_view base64 = bytes.substr(sigAt + 14, sigEnd - sigAt - 14);
    const QByteArray signature =
        QByteArray::fromBase64(QByteArray(base64.data(), static_cast<qsizetype>(base64.size())));
    std::string buf;
    return store::codec::verifiedForm(key, storeId.toStdString(), bytes.substr(0, sigAt),
                                      bytes.substr(sigEnd + 1), signature, buf);
}

QString signedFormName(SignedForm form) {
    switch (form) {
    case SignedForm::PositionFree:
        return QStringLiteral("position-free");
    case SignedForm::Positioned:
        return QStringLiteral("positioned (older events)");
    case SignedForm::None:
        break;
    }
    return QStringLiteral("none");
}

Result<NewBlob> makeBlob(const QString &name, const QByteArray &bytes, const QString &mediaType) {
    if (bytes.size() > kMaxAttachmentBytes)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("attachments are limited to 256 MiB"), name);
    return NewBlob{name, bytes, mediaType, crypto::sha256Hex(bytes)};
}

NewEvent verificationEvent(const VerifyReport &v) {
    NewEvent e;
    e.kind = QStringLiteral("evidence.verified");
    e.payload["intact"] = v.intact;
    e.payload["events"] = static_cast<qint64>(v.events);
    e.payload["checkpoints"] = static_cast<qint64>(v.checkpoints);
    e.payload["signatures_checked"] = static_cast<qint64>(v.signaturesChecked);
    e.payload["first_bad_seq"] = v.firstBadSeq ? JsonValue(static_cast<qint64>(*v.firstBadSeq)) : JsonValue();
    e.payload["reason"] = v.reason;
    return e;
}

NewEvent attachmentEvent(const NewBlob &blob, const QString &scope) {
    NewEvent e;
    e.kind = QStringLiteral("evidence.attached");
    e.scope = scope;
    e.payload["name"] = blob.name;
    e.payload["sha256"] = blob.sha256;
    e.payload["size"] = blob.bytes.size();
    e.payload["media_type"] = blob.mediaType;
    return e;
}

Result<QList<StoredEvent>> eventsWithKindPrefixes(const EvidenceStore &store, const QStringList &prefixes,
                                                  bool everyEvent, bool markEdited) {
    // Only what counts: nothing from the first event that does not verify on.
    auto trusted = everyEvent ? Result<quint64>(std::numeric_limits<quint64>::max()) : store.trustedThrough();
    if (!trusted.ok())
        return trusted.error();
    QList<StoredEvent> all;
    for (const QString &prefix : prefixes) {
        EventFilter f;
        f.kindPrefix = prefix;
        f.toSeq = trusted.value();
        f.limit = 100000;
        f.markEdited = markEdited;
        while (true) {
            auto page = store.query(f);
            if (!page.ok())
                return page.error();
            all += page.value();
            if (page->size() < f.limit)
                break;
            f.fromSeq = page->last().seq + 1;
        }
    }
    all.removeIf([&trusted](const StoredEvent &e) { return e.seq > trusted.value(); });
    std::sort(all.begin(), all.end(),
              [](const StoredEvent &a, const StoredEvent &b) { return a.seq < b.seq; });
    return all;
}

Result<QList<StoredEvent>> queryTrusted(const EvidenceStore &store, const EventFilter &filter) {
    auto trusted = store.trustedThrough();
    if (!trusted.ok())
        return trusted.error();
    // The bound is in the query: events past it neither count nor take the place of ones that do.
    EventFilter f = filter;
    f.toSeq = qMin(f.toSeq, trusted.value());
    return store.query(f);
}

} // namespace ops
