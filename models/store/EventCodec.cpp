#include "EventCodec.h"

#include "core/CanonicalJson.h"
#include "core/Time.h"

namespace ops {

JsonValue StoredEvent::payload() const
{
    auto parsed = CanonicalJson::parse(canonical);
    if (!parsed.ok())
        return JsonValue();
    const JsonValue *p = parsed->find("payload");
    return p ? *p : JsonValue();
}

QByteArray StoredEvent::signature() const
{
    auto parsed = CanonicalJson::parse(canonical);
    if (!parsed.ok())
        return {};
    const JsonValue *s = parsed->find("signature");
    if (!s || !s->isString())
        return {};
    return QByteArray::fromBase64(QByteArray::fromStdString(s->toStdString()));
}

std::string StoredEvent::signedBytes() const
{
    auto parsed = CanonicalJson::parse(canonical);
    if (!parsed.ok())
        return {};
    JsonValue obj = parsed.value();
    obj.asObject().erase("signature");
    return CanonicalJson::serialize(obj);
}

std::optional<Checkpoint> Checkpoint::fromCanonical(const std::string &canonical, const QByteArray &signature)
{
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

namespace store::codec {

JsonValue eventObject(quint64 seq, const QString &uuid, qint64 tsMs, const QString &actor, const QString &kind,
                      const QString &scope, const JsonValue &payload)
{
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

std::string withSignature(JsonValue object, const QByteArray &signature)
{
    if (signature.isEmpty())
        object["signature"] = nullptr;
    else
        object["signature"] = signature.toBase64().toStdString();
    return CanonicalJson::serialize(object);
}

JsonValue checkpointObject(quint64 size, const QByteArray &root, qint64 tsMs, const QString &signer,
                           const QString &signerKey, const QString &storeId)
{
    JsonValue o = JsonValue::object();
    o["root"] = root.toHex().toStdString();
    o["signer"] = signer;
    o["signer_key"] = signerKey;
    o["size"] = static_cast<qint64>(size);
    o["store"] = storeId;
    o["ts"] = Time::toIso(tsMs);
    return o;
}

QString columnMismatch(const JsonValue &parsed, const StoredEvent &row)
{
    if (!parsed.isObject())
        return QStringLiteral("stored event is not a JSON object");
    const JsonValue *seq = parsed.find("seq");
    if (!seq || !seq->isInt() || static_cast<quint64>(seq->toInt()) != row.seq)
        return QStringLiteral("sequence number in the event (%1) differs from its position")
            .arg(seq ? QString::number(seq->toInt()) : QStringLiteral("missing"));
    if (parsed.stringAt("id") != row.uuid)
        return QStringLiteral("event id differs from the indexed id");
    if (parsed.stringAt("actor") != row.actor)
        return QStringLiteral("actor differs from the indexed actor ('%1' vs '%2')").arg(parsed.stringAt("actor"), row.actor);
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
} // namespace ops
