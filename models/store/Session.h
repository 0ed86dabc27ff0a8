#pragma once

#include "EvidenceTypes.h"

#include <QObject>

#include <optional>

namespace ops {

// Who is signed in to this console: the unlocked identity whose key signs what the console
// records. Locking drops the key (its memory is cleansed by OpenSSL when freed).
class Session final : public QObject {
    Q_OBJECT
public:
    explicit Session(QObject *parent = nullptr)
        : QObject(parent) {}

    bool isUnlocked() const { return m_signer.has_value(); }
    QString identity() const { return m_signer ? m_signer->name : QString(); }
    const Signer *signer() const { return m_signer ? &*m_signer : nullptr; }

    void unlockWith(Signer signer) {
        m_signer.emplace(std::move(signer));
        Q_EMIT changed();
    }
    void lock() {
        if (!m_signer)
            return;
        m_signer.reset();
        Q_EMIT changed();
    }

Q_SIGNALS:
    void changed();

private:
    std::optional<Signer> m_signer;
};

} // namespace ops
