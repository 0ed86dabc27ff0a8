#include "OfflineActCheck.h"

#include "core/Time.h"
#include "crypto/Sha256.h"

#include <QtEndian>

#include <array>

namespace ops::store {

const crypto::PublicKey &KeyCache::key(const QByteArray &pem) {
    auto cached = m_keys.constFind(pem);
    if (cached == m_keys.cend()) {
        auto parsed =
            pem.isEmpty() ? Result<crypto::PublicKey>(crypto::PublicKey()) : crypto::PublicKey::fromPem(pem);
        cached = m_keys.insert(pem, parsed.ok() ? parsed.value() : crypto::PublicKey());
    }
    return *cached;
}

namespace {

// A character's value as a lower-case hex digit; kDash for '-', kNotHex for anything else.
constexpr signed char kDash = -2, kNotHex = -1;
constexpr std::array<signed char, 256> kHexDigit = [] {
    std::array<signed char, 256> t{};
    t.fill(kNotHex);
    for (int c = '0'; c <= '9'; ++c)
        t[static_cast<std::size_t>(c)] = static_cast<signed char>(c - '0');
    for (int c = 'a'; c <= 'f'; ++c)
        t[static_cast<std::size_t>(c)] = static_cast<signed char>(c - 'a' + 10);
    t[static_cast<std::size_t>('-')] = kDash;
    return t;
}();

} // namespace

std::pair<quint64, quint64> eventIdKey(std::string_view uuid) {
    quint64 half[2] = {0, 0};
    int nibbles = 0;
    for (char c : uuid) {
        const signed char v = kHexDigit[static_cast<unsigned char>(c)];
        if (v == kDash)
            continue;
        if (v == kNotHex || nibbles == 32) {
            nibbles = -1;
            break;
        }
        quint64 &h = half[nibbles >> 4];
        h = (h << 4) | static_cast<quint64>(v);
        ++nibbles;
    }
    quint64 hi = half[0], lo = half[1];
    if (nibbles != 32) { // not in the form this program writes: 128 bits of its hash
        const QByteArray h = crypto::sha256(QByteArrayView(uuid.data(), static_cast<qsizetype>(uuid.size())));
        hi = qFromBigEndian<quint64>(h.constData());
        lo = qFromBigEndian<quint64>(h.constData() + 8) | 1; // never the uuid of 0
    }
    return {hi, lo};
}

void OfflineActCheck::finish() {
    if (m_act && m_act->pending())
        m_fail(m_act->marker,
               QStringLiteral("event %1: the outbox.synced record names %2 events made offline; only %3 "
                              "of its author's follow it")
                   .arg(m_act->marker)
                   .arg(m_act->originals.size())
                   .arg(m_act->next));
    m_act.reset();
}

void OfflineActCheck::record(quint64 seq, const QString &actorName, qint64 tsMs, const codec::Envelope &env) {
    finish();
    auto p = CanonicalJson::parse(env.payload);
    const JsonValue *o = p.ok() ? p->find("originals") : nullptr;
    if (!o || o->toArray().empty()) {
        m_fail(seq,
               QStringLiteral("event %1: an outbox.synced record without the events it stands for").arg(seq));
        return;
    }
    // The act as a whole, signed by its author when it was made (codec::actMessage), with the key
    // that appends it; each of its events made offline is recorded once.
    QStringList originalIds;
    for (const JsonValue &original : o->toArray()) {
        const QString id = original.stringAt("id");
        if (id.isEmpty() || m_ids.contains(id)) {
            m_fail(seq, QStringLiteral("event %1: the outbox.synced record names the event %2 made offline, "
                                       "recorded before")
                            .arg(seq)
                            .arg(id));
            return;
        }
        m_ids.insert(id);
        originalIds << id;
    }
    const JsonValue *basis = p->find("basis");
    const JsonValue *basisSize = basis ? basis->find("size") : nullptr;
    const JsonValue *n = p->find("n");
    const JsonValue *made = p->find("made_at_ms");
    const std::string whole =
        codec::actMessage(m_storeId, p->stringAt("outbox").toStdString(), n ? n->toInt() : 0,
                          basisSize ? static_cast<quint64>(basisSize->toInt()) : 0,
                          QByteArray::fromBase64(basis ? basis->stringAt("root").toLatin1() : QByteArray()),
                          made ? made->toInt() : 0, originalIds);
    const crypto::PublicKey &authorKey = m_keys.key(m_reg.keyAt(actorName, seq));
    if (authorKey.isNull() ||
        !authorKey.verify(QByteArrayView(whole.data(), static_cast<qsizetype>(whole.size())),
                          QByteArray::fromBase64(p->stringAt("signature").toLatin1()))) {
        m_fail(seq, QStringLiteral(
                        "event %1: the outbox.synced record is not the act '%2' signed when it was made")
                        .arg(seq)
                        .arg(actorName));
        return;
    }
    ++m_signaturesChecked;
    m_act = Act{seq, actorName, tsMs, o->toArray(), 0};
}

void OfflineActCheck::see(quint64 seq, const QString &actorName, const QString &kindName, qint64 tsMs,
                          const codec::Envelope &env, std::string_view actor, std::string_view kind,
                          std::string_view scope) {
    if (kindName == QLatin1String("outbox.synced")) {
        record(seq, actorName, tsMs, env);
        return;
    }
    if (!m_act || !m_act->pending())
        return;
    const JsonValue &original = m_act->originals.at(m_act->next++);
    if (actorName != m_act->author) {
        m_fail(seq,
               QStringLiteral("event %1 by '%2' stands where the outbox.synced record at %3 names an event "
                              "of '%4'")
                   .arg(seq)
                   .arg(actorName)
                   .arg(m_act->marker)
                   .arg(m_act->author));
        m_act.reset();
        return;
    }
    const JsonValue *madeTs = original.find("ts");
    const qint64 madeMs = madeTs ? madeTs->toInt() : 0;
    const std::string message = codec::signedMessage(m_storeId, original.stringAt("id").toStdString(), madeMs,
                                                     actor, kind, scope, env.payload);
    const QByteArray signature = QByteArray::fromBase64(original.stringAt("signature").toLatin1());
    // Signed offline with the key that appends it: an act is made and synced under one key.
    const crypto::PublicKey &authorKey = m_keys.key(m_reg.keyAt(actorName, m_act->marker));
    const bool verified =
        !authorKey.isNull() &&
        authorKey.verify(QByteArrayView(message.data(), static_cast<qsizetype>(message.size())), signature);
    if (!verified)
        m_fail(seq, QStringLiteral("event %1: the signature '%2' made offline (outbox.synced at %3) does not "
                                   "verify under the key that synced it")
                        .arg(seq)
                        .arg(actorName)
                        .arg(m_act->marker));
    else if (madeMs > m_act->syncedAtMs + Time::kClockSkewToleranceMs)
        m_fail(seq, QStringLiteral("event %1: said to be made offline at %2, after it was synced at %3")
                        .arg(seq)
                        .arg(Time::toIso(madeMs), Time::toIso(m_act->syncedAtMs)));
    else
        ++m_signaturesChecked;
}

} // namespace ops::store
