#pragma once

// Parts of verifyLog (LogVerifier.cpp) with state of their own: parsed keys, event ids, and the acts
// a console made offline and synced later.

#include "EventCodec.h"
#include "IdentityRegistry.h"

#include "core/CanonicalJson.h"
#include "crypto/Ed25519.h"

#include <QHash>
#include <QSet>

#include <functional>
#include <optional>
#include <string_view>
#include <utility>

namespace ops::store {

// Public keys parsed once per PEM (an empty or unparsable PEM is the null key).
class KeyCache {
public:
    const crypto::PublicKey &key(const QByteArray &pem);

private:
    QHash<QByteArray, crypto::PublicKey> m_keys;
};

// An event's id as 128 bits: the UUID's own when it is in the form this program writes, else 128
// bits of its SHA-256 (never zero). Equal ids give equal keys.
std::pair<quint64, quint64> eventIdKey(std::string_view uuid);

// What an outbox.synced event says was signed offline: each of the act's events that follow it,
// by the same author, whose signature as made offline (its own id and time) verifies under a key
// that author held, made no later than the sync. Fed every signed event in log order.
class OfflineActCheck {
public:
    using Fail = std::function<void(quint64 seq, const QString &reason)>;
    OfflineActCheck(const IdentityRegistry &registry, KeyCache &keys, std::string storeId, Fail fail,
                    quint64 &signaturesChecked)
        : m_reg(registry)
        , m_keys(keys)
        , m_storeId(std::move(storeId))
        , m_fail(std::move(fail))
        , m_signaturesChecked(signaturesChecked) {}

    void see(quint64 seq, const QString &actorName, const QString &kindName, qint64 tsMs,
             const codec::Envelope &env, std::string_view actor, std::string_view kind,
             std::string_view scope);
    // The log ended (or a new record began): a record whose events did not all follow fails.
    void finish();

private:
    struct Act {
        quint64 marker = 0;
        QString author;
        qint64 syncedAtMs = 0;
        JsonValue::Array originals;
        std::size_t next = 0;
        bool pending() const { return next < originals.size(); }
    };
    void record(quint64 seq, const QString &actorName, qint64 tsMs, const codec::Envelope &env);

    const IdentityRegistry &m_reg;
    KeyCache &m_keys;
    std::string m_storeId;
    Fail m_fail;
    quint64 &m_signaturesChecked;
    std::optional<Act> m_act;
    QSet<QString> m_ids; // every event id named as made offline so far
};

} // namespace ops::store
