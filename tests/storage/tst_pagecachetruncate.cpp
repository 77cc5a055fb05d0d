// The page cache wrapper (storage/pagecachetruncate.h): commits after b-tree splits that swap
// page numbers no longer hand the default cache a truncation (which walked its whole hash
// table), while a rollback that leaves pages past the end of the database still drops them,
// so what every connection reads stays exact.
#include "../support/scratchsqlite.h"
#include "storage/pagecachetruncate.h"
#include "storage/statement.h"

#include <QCryptographicHash>
#include <QMap>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace natter::server;

class TestPageCacheTruncate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void commitsAfterPageSwapsSkipTheTruncation();
    void rollbackDropsPagesPastTheEnd();

private:
    QSqlDatabase open(const QString &name) { return m_files->open(name); }
    static void exec(QSqlDatabase db, const QString &sql) { ScratchSqlite::exec(db, sql); }
    /// Inserts `rows` rows with random keys (an index split all over) in one transaction.
    void insertRandom(QSqlDatabase db, int rows, QMap<qint64, QByteArray> &expected);
    static QByteArray contentHash(QSqlDatabase db);
    static QByteArray hashOf(const QMap<qint64, QByteArray> &rows);

    std::unique_ptr<ScratchSqlite> m_files;
    QRandomGenerator m_random{20261206}; ///< fixed: a failure can be run again as it was
};

void TestPageCacheTruncate::init()
{
    m_files = std::make_unique<ScratchSqlite>(QStringLiteral("cache.db"));
}

void TestPageCacheTruncate::cleanup()
{
    m_files.reset();
}

void TestPageCacheTruncate::insertRandom(QSqlDatabase db, int rows, QMap<qint64, QByteArray> &expected)
{
    QVERIFY(db.transaction());
    QSqlQuery insert(db);
    QVERIFY(insert.prepare(QStringLiteral("INSERT INTO t (id, k, data) VALUES (?, ?, ?)")));
    for (int i = 0; i < rows; ++i) {
        const qint64 id = qint64(m_random.bounded(1u << 30)) * 4 + 1;
        if (expected.contains(id))
            continue;
        const QByteArray data = QByteArray::number(id).repeated(1 + int(id % 40));
        insert.addBindValue(id);
        insert.addBindValue(QString::number(id % 100003).rightJustified(12, QLatin1Char('0')));
        insert.addBindValue(data);
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        expected.insert(id, data);
    }
    QVERIFY(db.commit());
}

QByteArray TestPageCacheTruncate::contentHash(QSqlDatabase db)
{
    QMap<qint64, QByteArray> rows;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT id, data FROM t")))
        return {};
    while (q.next())
        rows.insert(q.value(0).toLongLong(), q.value(1).toByteArray());
    return hashOf(rows);
}

QByteArray TestPageCacheTruncate::hashOf(const QMap<qint64, QByteArray> &rows)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        hash.addData(QByteArray::number(it.key()));
        hash.addData(it.value());
    }
    return hash.result();
}

void TestPageCacheTruncate::commitsAfterPageSwapsSkipTheTruncation()
{
    QSqlDatabase writer = open(QStringLiteral("writer"));
#ifndef NATTER_SQLITE_NATIVE
    QSKIP("natterd runs without SQLite's own API here: the default page cache is used");
#else
    // Debian's Qt SQLite plugin runs on the system libsqlite3, and openConnection() installs
    // the wrapper there before SQLite's first connection.
    QVERIFY(qtSqliteIsOurSqlite());
    QVERIFY(installPageCacheTruncation());
    QSqlDatabase reader = open(QStringLiteral("reader"));
    exec(writer, QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT NOT NULL, data BLOB NOT NULL)"));
    exec(writer, QStringLiteral("CREATE INDEX t_k ON t (k, data)"));
    QMap<qint64, QByteArray> expected;
    insertRandom(writer, 3000, expected); // a few hundred pages
    const PageCacheTruncationStats before = pageCacheTruncationStats();
    const int commits = 40;
    for (int i = 0; i < commits; ++i)
        insertRandom(writer, 100, expected);
    const PageCacheTruncationStats after = pageCacheTruncationStats();
    // Splits in the middle of both b-trees swapped page numbers through the scratch number, after
    // which the default cache would have walked its hash table at every commit.
    QVERIFY2(after.parked - before.parked > 0, qPrintable(QString::number(after.parked - before.parked)));
    QVERIFY2(after.asked - before.asked >= commits, qPrintable(QString::number(after.asked - before.asked)));
    QCOMPARE(after.passed - before.passed, 0);

    QCOMPARE(contentHash(reader), hashOf(expected));
    QCOMPARE(contentHash(writer), hashOf(expected));
    QCOMPARE(ScratchSqlite::integrity(writer), QStringLiteral("ok"));
#endif
}

void TestPageCacheTruncate::rollbackDropsPagesPastTheEnd()
{
    QByteArray committed;
    {
        QSqlDatabase writer = open(QStringLiteral("writer"));
        QSqlDatabase reader = open(QStringLiteral("reader"));
        exec(writer, QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT NOT NULL, data BLOB NOT NULL)"));
        exec(writer, QStringLiteral("CREATE INDEX t_k ON t (k, data)"));
        QMap<qint64, QByteArray> expected;
        insertRandom(writer, 2000, expected);
        for (int round = 0; round < 3; ++round) {
            const PageCacheTruncationStats before = pageCacheTruncationStats();
            // Grows the file by many pages (splits and swaps included), then takes it all back.
            QVERIFY(writer.transaction());
            exec(writer, QStringLiteral("INSERT INTO t (id, k, data) SELECT id + 2, k || 'x', "
                                        "randomblob(600 + id % 900) FROM t"));
            QVERIFY(writer.rollback());
#ifdef NATTER_SQLITE_NATIVE
            // The pages past the restored end were dropped from the cache.
            QVERIFY(pageCacheTruncationStats().passed > before.passed);
#else
            Q_UNUSED(before);
#endif
            QCOMPARE(contentHash(writer), hashOf(expected));
            // The same page numbers are given out again, with new contents.
            insertRandom(writer, 1500, expected);
            QCOMPARE(contentHash(reader), hashOf(expected));
            QCOMPARE(contentHash(writer), hashOf(expected));
        }
        QCOMPARE(ScratchSqlite::integrity(writer), QStringLiteral("ok"));
        committed = contentHash(writer);
    }
    m_files->closeAll();
    QCOMPARE(contentHash(open(QStringLiteral("again"))), committed);
}

QTEST_GUILESS_MAIN(TestPageCacheTruncate)
#include "tst_pagecachetruncate.moc"
