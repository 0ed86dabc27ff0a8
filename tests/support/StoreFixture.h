#pragma once

// A real store file in a temp dir with a registered identity, for tests.

#include "store/SqliteEvidenceStore.h"

#include "TestSupport.h"

#include <QTest>

// Fails the test with the error when a Result is not ok.
#define QVERIFY_OK(result)                                                                                   \
    do {                                                                                                     \
        if (!(result).ok())                                                                                  \
            QFAIL(qPrintable((result).error().toString()));                                                  \
    } while (false)

namespace ops::test {

inline Signer makeSigner(const QString &name) {
    auto key = crypto::PrivateKey::generate();
    if (!key.ok())
        qFatal("key generation failed");
    return Signer{name, std::move(key).value()};
}

// Registers `who` and has `admin` approve the request, as an admin would with `identity approve`.
inline Result<StoredEvent> enrol(SqliteEvidenceStore &store, const Signer &admin, const Signer &who,
                                 const QStringList &roles) {
    auto requested = store.registerIdentity(who, roles);
    if (!requested.ok())
        return requested;
    if (auto id = store.identity(who.name); id.ok() && id->approved())
        return requested; // the genesis
    return store.approveIdentity(admin, who.name);
}

struct StoreFixture {
    TempDir dir;
    QString path = dir.file(QStringLiteral("evidence.sqlite"));
    Signer alice = makeSigner(QStringLiteral("alice"));
    std::unique_ptr<SqliteEvidenceStore> store;
    qint64 now = 1795410000000; // 2026-11-23T…Z, advanced by each read

    explicit StoreFixture(bool registerAlice = true,
                          const QStringList &aliceRoles = {QStringLiteral("operator"),
                                                           QStringLiteral("reviewer")}) {
        reopen(true);
        if (registerAlice) {
            auto r = store->registerIdentity(alice, aliceRoles);
            if (!r.ok())
                qFatal("%s", qPrintable(r.error().toString()));
        }
    }

    // A new identity approved by alice, the genesis admin.
    Result<StoredEvent> enrol(const Signer &who, const QStringList &roles) {
        return test::enrol(*store, alice, who, roles);
    }

    void reopen(bool create = false) {
        store.reset();
        StoreOpenOptions o;
        o.create = create;
        o.clock = [this] { return now += 1000; };
        auto s = SqliteEvidenceStore::open(path, o);
        if (!s.ok())
            qFatal("open failed: %s", qPrintable(s.error().toString()));
        store = std::move(s).value();
    }

    Result<std::unique_ptr<SqliteEvidenceStore>> openAgain() const {
        return SqliteEvidenceStore::open(path, StoreOpenOptions{});
    }

    QList<StoredEvent> appendN(int n, const QString &kind = QStringLiteral("test.event")) {
        QList<StoredEvent> out;
        for (int i = 0; i < n; ++i) {
            NewEvent e;
            e.kind = kind;
            e.scope = QStringLiteral("kl");
            e.payload["i"] = i;
            e.payload["note"] = QStringLiteral("event %1").arg(i);
            auto r = store->append(alice, {e});
            if (!r.ok())
                qFatal("append failed: %s", qPrintable(r.error().toString()));
            out += r.value();
        }
        return out;
    }
};

} // namespace ops::test
