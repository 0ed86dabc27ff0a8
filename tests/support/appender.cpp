// Test helper: appends events to a store until killed (or COUNT reached), printing
// "ack SEQ" after each committed transaction. Used by the crash and concurrency tests.
#include "core/FileUtil.h"
#include "store/PgEvidenceStore.h"
#include "store/SqliteEvidenceStore.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: appender STORE|URL KEY.pem NAME [COUNT] [BATCH]\n");
        return 2;
    }
    auto pem = ops::FileUtil::readAll(args.at(2), 65536);
    auto key = pem.ok() ? ops::crypto::PrivateKey::fromPem(pem.value(), QByteArray())
                        : ops::Result<ops::crypto::PrivateKey>(pem.error());
    if (!key.ok()) {
        std::fprintf(stderr, "key: %s\n", qPrintable(key.error().toString()));
        return 3;
    }
    ops::StoreOpenOptions o;
    o.busyTimeoutMs = 30000;
    // A local file or the team log (a postgresql:// URL).
    std::unique_ptr<ops::EvidenceStore> opened;
    if (ops::pg::isPostgresUrl(args.at(1))) {
        auto pg = ops::PgEvidenceStore::open(args.at(1), o);
        if (!pg.ok()) {
            std::fprintf(stderr, "open: %s\n", qPrintable(pg.error().toString()));
            return 5;
        }
        opened = std::move(pg).value();
    } else {
        auto file = ops::SqliteEvidenceStore::open(args.at(1), o);
        if (!file.ok()) {
            std::fprintf(stderr, "open: %s\n", qPrintable(file.error().toString()));
            return 5;
        }
        opened = std::move(file).value();
    }
    ops::EvidenceStore *store = opened.get();
    const ops::Signer signer{args.at(3), std::move(key).value()};
    const long count = args.size() > 4 ? args.at(4).toLong() : -1;
    const int batch = args.size() > 5 ? args.at(5).toInt() : 1;
    for (long i = 0; count < 0 || i < count; ++i) {
        QList<ops::NewEvent> events;
        for (int b = 0; b < batch; ++b) {
            ops::NewEvent e;
            e.kind = QStringLiteral("test.append");
            e.scope = QStringLiteral("kl");
            e.payload["writer"] = signer.name;
            e.payload["i"] = static_cast<qint64>(i);
            e.payload["b"] = b;
            events.append(e);
        }
        auto r = store->append(signer, events);
        if (!r.ok()) {
            std::fprintf(stderr, "append: %s\n", qPrintable(r.error().toString()));
            return 5;
        }
        std::printf("ack %llu\n", static_cast<unsigned long long>(r->last().seq));
        std::fflush(stdout);
    }
    return 0;
}
