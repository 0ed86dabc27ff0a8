#pragma once

// What a person with the store file and the sqlite3 library does: drop the append-only triggers
// and run SQL of their choosing against the file.

#include <QByteArray>
#include <QString>
#include <QTest>

#include <sqlite3.h>

namespace ops::test {

inline void attack(const QString &path, const QByteArray &sql) {
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    QByteArray all;
    for (const char *t : {"events", "merkle_nodes", "checkpoints", "blobs", "identities"})
        for (const char *op : {"UPDATE", "DELETE"})
            all += QByteArray("DROP TRIGGER IF EXISTS ") + t + "_no_" + op + ";";
    all += sql;
    char *err = nullptr;
    const int rc = sqlite3_exec(db, all.constData(), nullptr, nullptr, &err);
    QVERIFY2(rc == SQLITE_OK, err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
}

} // namespace ops::test
