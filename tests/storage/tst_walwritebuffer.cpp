// The WAL write buffer (storage/walwritebuffer.h): SQLite's writes to the WAL reach the file in
// few large writes, and what one connection commits is exactly what others then read, also
// when a transaction spills pages into the WAL, reads them back and rolls part of itself back.
#include "../support/scratchsqlite.h"
#include "storage/statement.h"
#include "storage/walwritebuffer.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace natter::server;

class TestWalWriteBuffer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void commitsReachTheWalInFewWrites();
    void spilledAndRolledBackPagesStayExact();

private:
    QSqlDatabase open(const QString &name) { return m_files->open(name); }
    static void exec(QSqlDatabase db, const QString &sql) { ScratchSqlite::exec(db, sql); }
    /// Hash over every row of `t`, in id order, as `db` sees it.
    static QByteArray contentHash(QSqlDatabase db);

    std::unique_ptr<ScratchSqlite> m_files;
};

void TestWalWriteBuffer::init()
{
    m_files = std::make_unique<ScratchSqlite>(QStringLiteral("buffer.db"));
}

void TestWalWriteBuffer::cleanup()
{
    m_files.reset();
}

QByteArray TestWalWriteBuffer::contentHash(QSqlDatabase db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT id, data FROM t ORDER BY id")))
        return {};
    while (q.next()) {
        hash.addData(QByteArray::number(q.value(0).toLongLong()));
        hash.addData(q.value(1).toByteArray());
    }
    return hash.result();
}

void TestWalWriteBuffer::commitsReachTheWalInFewWrites()
{
    QSqlDatabase writer = open(QStringLiteral("writer"));
#ifdef NATTER_SQLITE_NATIVE
    // Debian's Qt SQLite plugin runs on the system libsqlite3, so natterd's connections use the
    // buffer; elsewhere they open without it and there is nothing to count.
    QVERIFY(qtSqliteIsOurSqlite());
    QVERIFY(walWriteBufferVfs());
#endif
    QSqlDatabase reader = open(QStringLiteral("reader"));
    exec(writer, QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB NOT NULL)"));
    QCryptographicHash expected(QCryptographicHash::Sha256);
    const WalWriteStats before = walWriteStats();
    QVERIFY(writer.transaction());
    QSqlQuery insert(writer);
    QVERIFY(insert.prepare(QStringLiteral("INSERT INTO t (id, data) VALUES (?, ?)")));
    for (int id = 1; id <= 200; ++id) { // about 200 pages of 4 KiB
        QByteArray data(3000, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()),
                                              data.size() / 4);
        insert.addBindValue(id);
        insert.addBindValue(data);
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        expected.addData(QByteArray::number(id));
        expected.addData(data);
    }
    QVERIFY(writer.commit());
    const WalWriteStats after = walWriteStats();
    QVERIFY(QFileInfo::exists(m_files->config().sqlitePath + QStringLiteral("-wal")));
    QCOMPARE(contentHash(reader), expected.result()); // another connection sees the commit at once
#ifdef NATTER_SQLITE_NATIVE
    const qint64 asked = after.writesAsked - before.writesAsked;
    const qint64 made = after.writesMade - before.writesMade;
    QVERIFY2(asked >= 400, qPrintable(QString::number(asked))); // a header and a page per frame
    QVERIFY2(made * 20 <= asked, qPrintable(QStringLiteral("%1 of %2").arg(made).arg(asked)));
#else
    Q_UNUSED(before);
    Q_UNUSED(after);
#endif
}

void TestWalWriteBuffer::spilledAndRolledBackPagesStayExact()
{
    QByteArray committed;
    {
        QSqlDatabase writer = open(QStringLiteral("writer"));
        QSqlDatabase reader = open(QStringLiteral("reader"));
        exec(writer, QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB NOT NULL)"));
        // A tiny page cache: the transaction spills pages into the WAL and reads them back from it.
        exec(writer, QStringLiteral("PRAGMA cache_size=8"));
        QMap<int, QByteArray> rows;
        auto blob = [](int id, int version) {
            return QByteArray::number(id * 7919 + version).repeated(1 + (id * 13) % 400).left(2500);
        };
        for (int round = 0; round < 3; ++round) {
            QVERIFY(writer.transaction());
            for (int id = 1; id <= 600; ++id) {
                const QByteArray data = blob(id, round);
                exec(writer,
                     QStringLiteral("INSERT OR REPLACE INTO t (id, data) VALUES (%1, x'%2')")
                         .arg(id)
                         .arg(QString::fromLatin1(data.toHex())));
                rows[id] = data;
            }
            exec(writer, QStringLiteral("SAVEPOINT part"));
            exec(writer, QStringLiteral("UPDATE t SET data = zeroblob(3000) WHERE id % 3 = 0"));
            exec(writer, QStringLiteral("DELETE FROM t WHERE id % 5 = 0"));
            exec(writer, QStringLiteral("ROLLBACK TO part"));
            exec(writer, QStringLiteral("RELEASE part"));
            exec(writer, QStringLiteral("DELETE FROM t WHERE id % 7 = 0"));
            for (int id = 7; id <= 600; id += 7)
                rows.remove(id);
            QVERIFY(writer.commit());

            QCryptographicHash expected(QCryptographicHash::Sha256);
            for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
                expected.addData(QByteArray::number(it.key()));
                expected.addData(it.value());
            }
            QCOMPARE(contentHash(reader), expected.result());
            QCOMPARE(contentHash(writer), expected.result());
        }
        QCOMPARE(ScratchSqlite::integrity(writer), QStringLiteral("ok"));
        committed = contentHash(writer);
    }

    // Everything is still there after every connection closed and the WAL was replayed.
    m_files->closeAll();
    QCOMPARE(contentHash(open(QStringLiteral("again"))), committed);
}

QTEST_GUILESS_MAIN(TestWalWriteBuffer)
#include "tst_walwritebuffer.moc"
